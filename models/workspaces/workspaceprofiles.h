#pragma once

#include "models/workspaces/workspaceprofile.h"

#include <QCoreApplication>
#include <QList>

#include <optional>

class QSettings;

namespace cio::models {

// The saved workspace profiles (non-secret parts only) in QSettings, plus which one was open last.
class WorkspaceProfiles final
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::WorkspaceProfiles)

public:
    // settings: where to keep them; nullptr = the application's default QSettings.
    explicit WorkspaceProfiles(QSettings *settings = nullptr);
    ~WorkspaceProfiles();

    QList<WorkspaceProfile> profiles() const;
    // By id, or by name (case-insensitive).
    std::optional<WorkspaceProfile> find(const QString &idOrName) const;

    // Checks a profile before it is saved: a name, unique among the others, a base URL the client accepts.
    QString validate(const WorkspaceProfile &profile) const;
    // Adds (new id when empty) or replaces by id. Returns false with a message.
    bool save(WorkspaceProfile &profile, QString *error = nullptr);
    void remove(const QString &id);

    QString lastOpenId() const;
    void setLastOpenId(const QString &id);

private:
    QSettings *m_settings;
    bool m_ownsSettings;
};

} // namespace cio::models
