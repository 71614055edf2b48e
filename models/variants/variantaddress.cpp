#include "models/variants/variantaddress.h"

#include "api/request.h"

#include <QCoreApplication>

#include <algorithm>

namespace cio::models {

namespace {

// This file's texts, under one translation context that lupdate reads from the declaration.
struct VariantAddressText
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::VariantAddress)
};

bool isDefaultWord(const QString &text)
{
    return text.compare(QLatin1String("default"), Qt::CaseInsensitive) == 0;
}

// Exact match first, so "pt-BR" and "pt-br" only fold together when nothing matches exactly.
const api::Content *findLanguage(const QList<const api::Content *> &candidates, const QString &language)
{
    for (const auto cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        for (const api::Content *c : candidates) {
            if (c->language.compare(language, cs) == 0)
                return c;
        }
    }
    return nullptr;
}

QString languageList(const QList<const api::Content *> &candidates)
{
    QStringList names;
    for (const api::Content *c : candidates)
        names << (c->language.isEmpty() ? QStringLiteral("default") : c->language);
    return names.join(QLatin1String(", "));
}

QString groupList(const QList<api::TestGroup> &groups)
{
    QStringList names;
    for (const api::TestGroup &g : groups)
        names << QStringLiteral("%1 (%2)").arg(g.name).arg(g.id);
    return names.join(QLatin1String(", "));
}

const api::TestGroup *findGroup(const QList<api::TestGroup> &groups, const QString &text)
{
    for (const auto cs : {Qt::CaseSensitive, Qt::CaseInsensitive}) {
        for (const api::TestGroup &g : groups) {
            if (!g.name.isEmpty() && g.name.compare(text, cs) == 0)
                return &g;
        }
    }
    for (const api::TestGroup &g : groups) {
        if (QString::number(g.id) == text)
            return &g;
    }
    return nullptr;
}

std::optional<VariantAddress> fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return std::nullopt;
}

} // namespace

bool VariantAddress::isValid() const
{
    switch (kind) {
    case Kind::Content:
        return newsletterId > 0 && contentId > 0;
    case Kind::Language:
        return newsletterId > 0 && !language.isEmpty();
    case Kind::TestGroupLanguage:
        return newsletterId > 0 && !language.isEmpty() && !testGroupId.isEmpty();
    }
    return false;
}

QString VariantAddress::path() const
{
    const QString base = QStringLiteral("/v1/newsletters/%1").arg(newsletterId);
    switch (kind) {
    case Kind::Content:
        return base + QStringLiteral("/contents/%1").arg(contentId);
    case Kind::Language:
        return base + QLatin1String("/language/") + api::Request::encodeSegment(language);
    case Kind::TestGroupLanguage:
        return base + QLatin1String("/test_group/") + api::Request::encodeSegment(testGroupId) +
               QLatin1String("/language/") + api::Request::encodeSegment(language);
    }
    return base;
}

QString VariantAddress::describe() const
{
    switch (kind) {
    case Kind::Content:
        return VariantAddressText::tr("newsletter %1, content %2").arg(newsletterId).arg(contentId);
    case Kind::Language:
        return VariantAddressText::tr("newsletter %1, language %2").arg(newsletterId).arg(language);
    case Kind::TestGroupLanguage:
        return VariantAddressText::tr("newsletter %1, test group %2, language %3").arg(newsletterId).arg(testGroupId, language);
    }
    return {};
}

VariantAddress VariantAddress::forVariant(const api::Content &c, const QList<api::TestGroup> &groups)
{
    VariantAddress a;
    a.newsletterId = c.newsletterId;
    a.contentId = c.id;
    if (c.language.isEmpty())
        return a; // the Default has no language to address it by
    if (groups.size() <= 1) {
        a.kind = Kind::Language;
        a.language = c.language;
        return a;
    }
    const auto group = std::find_if(groups.cbegin(), groups.cend(),
                                    [&c](const api::TestGroup &g) { return g.contentIds.contains(c.id); });
    if (group == groups.cend())
        return a; // we cannot tell its arm; the content id is always right
    a.kind = Kind::TestGroupLanguage;
    a.language = c.language;
    a.testGroupId = QString::number(group->id);
    return a;
}

std::optional<VariantAddress> VariantAddress::parse(const QString &input, qint64 newsletterId,
                                                    const QList<api::Content> &contents,
                                                    const QList<api::TestGroup> &groups, QString *error)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return fail(error, VariantAddressText::tr("No variant given: use a content id, a language code, “default” or "
                              "“TESTGROUP:LANG”."));
    VariantAddress a;
    a.newsletterId = newsletterId;

    QList<const api::Content *> all;
    for (const api::Content &c : contents)
        all.append(&c);

    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        const QString groupText = text.left(colon).trimmed();
        const QString languageText = text.mid(colon + 1).trimmed();
        const api::TestGroup *group = findGroup(groups, groupText);
        if (!group)
            return fail(error, groups.isEmpty() ? VariantAddressText::tr("Newsletter %1 has no test groups.").arg(newsletterId)
                                                : VariantAddressText::tr("Newsletter %1 has no test group “%2” (its groups: %3).")
                                                      .arg(newsletterId)
                                                      .arg(groupText, groupList(groups)));
        QList<const api::Content *> arm;
        for (const api::Content *c : std::as_const(all)) {
            if (group->contentIds.contains(c->id))
                arm.append(c);
        }
        const api::Content *c = findLanguage(arm, isDefaultWord(languageText) ? QString() : languageText);
        if (!c)
            return fail(error, VariantAddressText::tr("Test group %1 of newsletter %2 has no “%3” variant (its variants: %4).")
                                   .arg(group->name)
                                   .arg(newsletterId)
                                   .arg(languageText, languageList(arm)));
        a.contentId = c->id;
        if (!c->language.isEmpty()) {
            a.kind = Kind::TestGroupLanguage;
            a.language = c->language;
            a.testGroupId = QString::number(group->id);
        }
        return a;
    }

    bool isNumber = false;
    const qint64 id = text.toLongLong(&isNumber);
    if (isNumber) {
        if (id <= 0 || std::none_of(contents.cbegin(), contents.cend(),
                                    [id](const api::Content &c) { return c.id == id; }))
            return fail(error,
                        VariantAddressText::tr("Newsletter %1 has no variant with content id %2.").arg(newsletterId).arg(text));
        a.contentId = id;
        return a;
    }

    const bool wantsDefault = isDefaultWord(text);
    if (groups.size() > 1) {
        const QString example =
            groups.constFirst().name + QLatin1Char(':') + (wantsDefault ? QStringLiteral("default") : text);
        return fail(error, VariantAddressText::tr("Newsletter %1 has several test groups (%2): say which one, e.g. “%3”.")
                               .arg(newsletterId)
                               .arg(groupList(groups), example));
    }
    const api::Content *c = findLanguage(all, wantsDefault ? QString() : text);
    if (!c)
        return fail(error, VariantAddressText::tr("Newsletter %1 has no “%2” variant (its variants: %3).")
                               .arg(newsletterId)
                               .arg(text, languageList(all)));
    a.contentId = c->id;
    if (!c->language.isEmpty()) {
        a.kind = Kind::Language;
        a.language = c->language;
    }
    return a;
}

bool VariantAddress::operator==(const VariantAddress &o) const
{
    return kind == o.kind && newsletterId == o.newsletterId && contentId == o.contentId &&
           language == o.language && testGroupId == o.testGroupId;
}

} // namespace cio::models
