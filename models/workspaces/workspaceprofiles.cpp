#include "models/workspaces/workspaceprofiles.h"

#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace cio::models {

namespace {
const QString Group = QStringLiteral("workspaces");
const QString LastOpenKey = QStringLiteral("lastOpenWorkspace");
} // namespace

WorkspaceProfiles::WorkspaceProfiles(QSettings *settings)
    // One file for the GUI and the CLI, whatever the running program is called.
    : m_settings(settings ? settings
                          : new QSettings(QStringLiteral("cio-studio"), QStringLiteral("cio-studio")))
    , m_ownsSettings(settings == nullptr)
{}

WorkspaceProfiles::~WorkspaceProfiles()
{
    if (m_ownsSettings)
        delete m_settings;
}

QList<WorkspaceProfile> WorkspaceProfiles::profiles() const
{
    QList<WorkspaceProfile> result;
    m_settings->beginGroup(Group);
    const QStringList ids = m_settings->childGroups();
    for (const QString &id : ids) {
        m_settings->beginGroup(id);
        WorkspaceProfile p;
        p.id = id;
        p.name = m_settings->value(QStringLiteral("name")).toString();
        p.region = api::regionFromName(m_settings->value(QStringLiteral("region")).toString())
                       .value_or(api::Region::Us);
        p.baseUrl = m_settings->value(QStringLiteral("baseUrl")).toUrl();
        p.colour = m_settings->value(QStringLiteral("colour")).toString();
        p.readOnly = m_settings->value(QStringLiteral("readOnly"), false).toBool();
        p.trackSiteId = m_settings->value(QStringLiteral("trackSiteId")).toString();
        m_settings->endGroup();
        if (!p.name.isEmpty())
            result.append(p);
    }
    m_settings->endGroup();
    std::sort(result.begin(), result.end(), [](const WorkspaceProfile &a, const WorkspaceProfile &b) {
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return result;
}

std::optional<WorkspaceProfile> WorkspaceProfiles::find(const QString &idOrName) const
{
    const QList<WorkspaceProfile> all = profiles();
    for (const WorkspaceProfile &p : all) {
        if (p.id == idOrName)
            return p;
    }
    for (const WorkspaceProfile &p : all) {
        if (p.name.compare(idOrName, Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QString WorkspaceProfiles::validate(const WorkspaceProfile &profile) const
{
    const QString name = profile.name.trimmed();
    if (name.isEmpty())
        return tr("Give the workspace a name.");
    if (name.size() > 100)
        return tr("The workspace name is too long (at most 100 characters).");
    for (const WorkspaceProfile &other : profiles()) {
        if (other.id != profile.id && other.name.compare(name, Qt::CaseInsensitive) == 0)
            return tr("A workspace named “%1” exists already.").arg(other.name);
    }
    if (!profile.baseUrl.isEmpty()) {
        QString why;
        if (!profile.baseUrl.isValid() || !api::isAllowedBaseUrl(profile.baseUrl, &why))
            return why.isEmpty() ? tr("The API address is not a valid URL.") : why;
    }
    return {};
}

bool WorkspaceProfiles::save(WorkspaceProfile &profile, QString *error)
{
    profile.name = profile.name.trimmed();
    const QString problem = validate(profile);
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return false;
    }
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_settings->beginGroup(Group);
    m_settings->beginGroup(profile.id);
    m_settings->setValue(QStringLiteral("name"), profile.name);
    m_settings->setValue(QStringLiteral("region"), api::regionName(profile.region));
    m_settings->setValue(QStringLiteral("baseUrl"), profile.baseUrl);
    m_settings->setValue(QStringLiteral("colour"), profile.colour);
    m_settings->setValue(QStringLiteral("readOnly"), profile.readOnly);
    m_settings->setValue(QStringLiteral("trackSiteId"), profile.trackSiteId);
    m_settings->endGroup();
    m_settings->endGroup();
    m_settings->sync();
    return true;
}

void WorkspaceProfiles::remove(const QString &id)
{
    if (id.isEmpty())
        return;
    m_settings->beginGroup(Group);
    m_settings->remove(id);
    m_settings->endGroup();
    if (lastOpenId() == id)
        m_settings->remove(LastOpenKey);
    m_settings->sync();
}

QString WorkspaceProfiles::lastOpenId() const
{
    return m_settings->value(LastOpenKey).toString();
}

void WorkspaceProfiles::setLastOpenId(const QString &id)
{
    m_settings->setValue(LastOpenKey, id);
    m_settings->sync();
}

} // namespace cio::models
