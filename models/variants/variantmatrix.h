#pragma once

#include "api/dto.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace cio::models {

// What a cell of the variant matrix tells a translator at a glance.
enum class CellStatus
{
    Missing,      // no variant for this language in this test group
    Untranslated, // subject, preheader and body identical to the Default's
    Outdated,     // the Default changed after this translation was last saved
    Draft,        // edited here and not yet saved
    Saved,        // translated and up to date
    Default,      // the Default variant itself
};

struct MatrixCell final
{
    CellStatus status = CellStatus::Missing;
    std::optional<api::Content> content;
    bool hasDraft = false;
    // When this variant's texts and its Default's texts last changed (unix seconds, 0 = unknown); an
    // outdated cell shows both.
    qint64 textsChangedAt = 0;
    qint64 defaultChangedAt = 0;
};

// What the local store knows beyond the variants themselves: when each variant's texts (subject, preheader,
// body) last changed, which an unrelated save (recipient, sender) does not move, and the translations a user
// marked as still current for a given change of their Default.
struct TextTimes final
{
    QHash<qint64, qint64> textsChangedAt;   // content id → unix seconds
    QHash<qint64, qint64> markedCurrentFor; // content id → the Default's texts change time it was marked for
};

struct LanguageCounts final
{
    int missing = 0;
    int untranslated = 0;
    int outdated = 0;
    int drafts = 0;
};

// True when every field a draft changes (API names) already has that value in `current`: the draft holds
// nothing unsaved. An editor still open on a variant that Save All saved writes its old edits again
// (on opening the next variant, on quitting); such a draft is no longer work to do.
bool draftAlreadySaved(const QJsonObject &fields, const api::Content &current);

// Rows are the newsletter's A/B test groups (one "Default" row when there is no test), columns are the
// languages, the Default ("") first. A pure value, computed from what the API (or the store) returned.
class VariantMatrix final
{
    Q_DECLARE_TR_FUNCTIONS(cio::models::VariantMatrix)

public:
    // Without `times`, a variant's texts count as changed when the variant last changed (changeTime()).
    static VariantMatrix build(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                               const QSet<qint64> &draftContentIds = {}, const TextTimes &times = {});

    int rowCount() const { return static_cast<int>(m_rows.size()); }
    int columnCount() const { return static_cast<int>(m_languages.size()); }
    const QStringList &languages() const { return m_languages; }
    QString rowLabel(int row) const;
    std::optional<api::TestGroup> testGroup(int row) const;
    // A copy: the matrix is rebuilt whenever a draft or a save changes it, so nobody may keep a reference.
    MatrixCell cell(int row, int column) const;
    LanguageCounts counts(int column) const;
    // The Default variant of the row's test group, if it has one.
    std::optional<api::Content> defaultOf(int row) const;

    static QString statusName(CellStatus status);
    // When a variant last changed: `updated`, else the unix time at the end of its deduplicate_id.
    static qint64 changeTime(const api::Content &content);
    static bool sameTexts(const api::Content &a, const api::Content &b);

private:
    struct Row
    {
        std::optional<api::TestGroup> group;
        QList<MatrixCell> cells;
    };
    QStringList m_languages;
    QList<Row> m_rows;
};

} // namespace cio::models
