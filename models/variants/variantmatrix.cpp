#include "models/variants/variantmatrix.h"

#include <algorithm>

namespace cio::models {

namespace {

qint64 textsTime(const api::Content &c, const TextTimes &times)
{
    return times.textsChangedAt.value(c.id, VariantMatrix::changeTime(c));
}

// Outdated means the Default's texts changed after the translation's texts did: saving only a
// translation's recipient moves its change time but not its texts', so it stays outdated. A mark
// "still current" for this very change of the Default clears it until the Default changes again.
CellStatus statusOf(const api::Content &c, const std::optional<api::Content> &defaultVariant, bool hasDraft,
                    const TextTimes &times)
{
    if (hasDraft)
        return CellStatus::Draft;
    if (c.language.isEmpty())
        return CellStatus::Default;
    if (defaultVariant) {
        if (VariantMatrix::sameTexts(c, *defaultVariant))
            return CellStatus::Untranslated;
        const qint64 mine = textsTime(c, times);
        const qint64 defaults = textsTime(*defaultVariant, times);
        if (mine > 0 && defaults > mine && times.markedCurrentFor.value(c.id) < defaults)
            return CellStatus::Outdated;
    }
    return CellStatus::Saved;
}

} // namespace

bool draftAlreadySaved(const QJsonObject &fields, const api::Content &current)
{
    if (fields.isEmpty())
        return true;
    const QJsonObject server = current.toJson();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (server.value(it.key()) != it.value())
            return false;
    }
    return true;
}

VariantMatrix VariantMatrix::build(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                                   const QSet<qint64> &draftContentIds, const TextTimes &times)
{
    VariantMatrix m;
    QStringList translations;
    for (const api::Content &c : contents) {
        if (!c.language.isEmpty() && !translations.contains(c.language))
            translations.append(c.language);
    }
    std::sort(translations.begin(), translations.end());
    m.m_languages = QStringList{QString()} + translations;

    // Variants by row: a test group owns its content ids; without groups everything is one row.
    QList<QList<api::Content>> perRow;
    if (groups.isEmpty()) {
        m.m_rows.append(Row{});
        perRow.append(contents);
    } else {
        for (const api::TestGroup &g : groups) {
            m.m_rows.append(Row{g, {}});
            QList<api::Content> mine;
            for (const api::Content &c : contents) {
                if (g.contentIds.contains(c.id))
                    mine.append(c);
            }
            perRow.append(mine);
        }
    }

    for (int r = 0; r < m.m_rows.size(); ++r) {
        const QList<api::Content> &mine = perRow.at(r);
        std::optional<api::Content> defaultVariant;
        for (const api::Content &c : mine) {
            if (c.language.isEmpty())
                defaultVariant = c;
        }
        for (const QString &language : std::as_const(m.m_languages)) {
            MatrixCell cell;
            for (const api::Content &c : mine) {
                if (c.language == language) {
                    cell.content = c;
                    cell.hasDraft = draftContentIds.contains(c.id);
                    cell.status = statusOf(c, defaultVariant, cell.hasDraft, times);
                    cell.textsChangedAt = textsTime(c, times);
                    if (defaultVariant)
                        cell.defaultChangedAt = textsTime(*defaultVariant, times);
                    break;
                }
            }
            m.m_rows[r].cells.append(cell);
        }
    }
    return m;
}

QString VariantMatrix::rowLabel(int row) const
{
    const auto &group = m_rows.at(row).group;
    if (!group)
        return tr("Default");
    if (group->label.isEmpty())
        return tr("Group %1").arg(group->name);
    return tr("%1 · %2").arg(group->name, group->label);
}

std::optional<api::TestGroup> VariantMatrix::testGroup(int row) const
{
    return m_rows.at(row).group;
}

MatrixCell VariantMatrix::cell(int row, int column) const
{
    return m_rows.at(row).cells.at(column);
}

std::optional<api::Content> VariantMatrix::defaultOf(int row) const
{
    return m_rows.at(row).cells.value(0).content;
}

LanguageCounts VariantMatrix::counts(int column) const
{
    LanguageCounts counts;
    for (const Row &row : m_rows) {
        switch (row.cells.at(column).status) {
        case CellStatus::Missing:
            ++counts.missing;
            break;
        case CellStatus::Untranslated:
            ++counts.untranslated;
            break;
        case CellStatus::Outdated:
            ++counts.outdated;
            break;
        case CellStatus::Draft:
            ++counts.drafts;
            break;
        default:
            break;
        }
    }
    return counts;
}

bool VariantMatrix::sameTexts(const api::Content &a, const api::Content &b)
{
    return a.subject == b.subject && a.preheaderText == b.preheaderText && a.body == b.body;
}

// Variant responses carry no `updated` in the vendor's contract, but their `deduplicate_id` is
// "<id>:<unix time of the last change>", so that is used when `updated` is missing.
qint64 VariantMatrix::changeTime(const api::Content &content)
{
    if (content.updated > 0)
        return content.updated;
    return content.deduplicateId.section(QLatin1Char(':'), -1).toLongLong();
}

QString VariantMatrix::statusName(CellStatus status)
{
    switch (status) {
    case CellStatus::Missing:
        return tr("missing");
    case CellStatus::Untranslated:
        return tr("untranslated");
    case CellStatus::Outdated:
        return tr("outdated");
    case CellStatus::Draft:
        return tr("unsaved draft");
    case CellStatus::Saved:
        return tr("saved");
    case CellStatus::Default:
        return tr("default");
    }
    return {};
}

} // namespace cio::models
