#include "models/variants/variantmatrixmodel.h"

#include "models/common/itemroles.h"
#include "models/common/theme.h"

#include <QColor>
#include <QDateTime>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QPolygonF>

namespace cio::models {

namespace {

using theme::Role;

Role iconRoleFor(CellStatus status)
{
    switch (status) {
    case CellStatus::Missing:
        return Role::CellMissingIcon;
    case CellStatus::Untranslated:
        return Role::CellUntranslatedIcon;
    case CellStatus::Outdated:
        return Role::CellOutdatedIcon;
    case CellStatus::Draft:
        return Role::CellDraftIcon;
    case CellStatus::Saved:
        return Role::CellSavedIcon;
    case CellStatus::Default:
        return Role::CellDefaultIcon;
    }
    return Role::CellDefaultIcon;
}

// Soft fills that keep the text readable; the status word is always there too (colour is not the only cue).
Role fillRoleFor(CellStatus status)
{
    switch (status) {
    case CellStatus::Missing:
        return Role::CellMissing;
    case CellStatus::Untranslated:
        return Role::CellUntranslated;
    case CellStatus::Outdated:
        return Role::CellOutdated;
    case CellStatus::Draft:
        return Role::CellDraft;
    case CellStatus::Saved:
        return Role::CellSaved;
    case CellStatus::Default:
        return Role::CellDefault;
    }
    return Role::CellDefault;
}

} // namespace

QImage VariantMatrixModel::statusIcon(CellStatus status)
{
    // Painted, not from the icon theme: the same small sign on every platform, in the status's colour for the
    // application palette (16 px at 2x).
    QImage image(32, 32, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(2);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor colour = theme::colour(iconRoleFor(status));
    const QPen glyph(theme::colour(Role::CellIconGlyph), 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    if (status == CellStatus::Missing) {
        p.setPen(QPen(colour, 1.4, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawEllipse(QRectF(1.5, 1.5, 13, 13));
        p.setPen(QPen(colour, 1.8, Qt::SolidLine, Qt::RoundCap));
        p.drawLine(QPointF(8, 4.5), QPointF(8, 11.5));
        p.drawLine(QPointF(4.5, 8), QPointF(11.5, 8));
        return image;
    }
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawEllipse(QRectF(1, 1, 14, 14));
    p.setPen(glyph);
    switch (status) {
    case CellStatus::Untranslated: // "!"
        p.drawLine(QPointF(8, 4), QPointF(8, 9));
        p.drawPoint(QPointF(8, 12));
        break;
    case CellStatus::Outdated: // a clock
        p.drawLine(QPointF(8, 8), QPointF(8, 4.5));
        p.drawLine(QPointF(8, 8), QPointF(11, 9.5));
        break;
    case CellStatus::Draft: // a pencil stroke
        p.drawLine(QPointF(5, 11), QPointF(11, 5));
        p.drawLine(QPointF(4.5, 11.5), QPointF(6, 11.5));
        break;
    case CellStatus::Saved: // a tick
        p.drawPolyline(QPolygonF{QPointF(4.5, 8.5), QPointF(7, 11), QPointF(11.5, 5.5)});
        break;
    case CellStatus::Default: // lines of text
        p.drawLine(QPointF(5, 6), QPointF(11, 6));
        p.drawLine(QPointF(5, 8.5), QPointF(11, 8.5));
        p.drawLine(QPointF(5, 11), QPointF(9, 11));
        break;
    case CellStatus::Missing:
        break;
    }
    return image;
}

VariantMatrixModel::VariantMatrixModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void VariantMatrixModel::setMatrix(const VariantMatrix &matrix)
{
    beginResetModel();
    m_matrix = matrix;
    endResetModel();
}

int VariantMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_matrix.rowCount();
}

int VariantMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_matrix.columnCount();
}

MatrixCell VariantMatrixModel::cellAt(const QModelIndex &index) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    return m_matrix.cell(index.row(), index.column());
}

QString VariantMatrixModel::languageName(const QString &code)
{
    if (code.isEmpty())
        return tr("Default");
    const QLocale locale(code);
    const QString native = locale.language() == QLocale::C ? QString() : locale.nativeLanguageName();
    return native.isEmpty() ? code : QStringLiteral("%1 (%2)").arg(code, native);
}

void VariantMatrixModel::setOutdatedReasons(const QHash<qint64, QString> &reasons)
{
    m_outdatedReasons = reasons;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1), {Qt::ToolTipRole});
}

void VariantMatrixModel::setQaCounts(const QHash<qint64, QaCounts> &counts)
{
    m_qa = counts;
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

void VariantMatrixModel::setQaCount(qint64 contentId, QaCounts counts)
{
    m_qa.insert(contentId, counts);
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

std::optional<VariantMatrixModel::QaCounts> VariantMatrixModel::qaCounts(qint64 contentId) const
{
    const auto it = m_qa.constFind(contentId);
    return it == m_qa.cend() ? std::nullopt : std::optional<QaCounts>(*it);
}

QString VariantMatrixModel::qaBadge(const QaCounts &qa)
{
    QStringList parts;
    if (qa.errors > 0)
        parts << QStringLiteral("✖%1").arg(qa.errors);
    if (qa.warnings > 0)
        parts << QStringLiteral("⚠%1").arg(qa.warnings);
    return parts.join(QLatin1Char(' '));
}

QString VariantMatrixModel::outdatedReason(const MatrixCell &cell)
{
    if (cell.status != CellStatus::Outdated)
        return {};
    const auto date = [](qint64 secs) {
        return QLocale().toString(QDateTime::fromSecsSinceEpoch(secs), QLocale::ShortFormat);
    };
    return tr("The Default changed on %1, after this translation was last saved on %2. Right-click "
              "and choose Why Outdated… to see what changed.")
        .arg(date(cell.defaultChangedAt), date(cell.textsChangedAt));
}

QString VariantMatrixModel::toolTip(const QModelIndex &index) const
{
    const MatrixCell cell = cellAt(index);
    const QString language = languageName(m_matrix.languages().at(index.column()));
    if (!cell.content)
        return tr("%1 is missing in this group. Double-click to add it as a copy of the Default.")
            .arg(language);
    QStringList lines;
    lines << tr("%1 — %2").arg(language, VariantMatrix::statusName(cell.status));
    if (const QString why = m_outdatedReasons.value(cell.content->id);
        !why.isEmpty() && cell.status == CellStatus::Outdated)
        lines << why + QLatin1Char(' ') + tr("Right-click and choose Why Outdated… to see what changed.");
    else if (const QString general = outdatedReason(cell); !general.isEmpty())
        lines << general;
    lines << tr("Subject: %1").arg(cell.content->subject);
    if (const auto qa = qaCounts(cell.content->id))
        lines << tr("Quality checks: %n error(s)", nullptr, qa->errors) + QStringLiteral(", ") +
                     tr("%n warning(s)", nullptr, qa->warnings);
    lines << tr("Content id %1").arg(cell.content->id);
    return lines.join(QLatin1Char('\n'));
}

QVariant VariantMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MatrixCell cell = cellAt(index);
    const auto qa = cell.content ? qaCounts(cell.content->id) : std::nullopt;
    switch (role) {
    case Qt::DisplayRole: {
        // A short word and a badge; the tooltip has the whole story.
        const QString badge = qa ? qaBadge(*qa) : QString();
        const QString word = VariantMatrix::statusName(cell.status);
        return badge.isEmpty() ? word : word + QLatin1Char(' ') + badge;
    }
    case Qt::DecorationRole:
        return statusIcon(cell.status);
    case Qt::BackgroundRole:
        if (qa && qa->errors > 0)
            return theme::colour(Role::CellQaErrors); // stronger than "untranslated": this blocks a save
        return theme::colour(fillRoleFor(cell.status));
    case Qt::ForegroundRole:
        return theme::colour(Role::CellText);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        return toolTip(index);
    case IdRole:
        return cell.content ? cell.content->id : qint64(0);
    case QaErrorsRole:
        return qa ? qa->errors : -1;
    case StateRole:
        return int(cell.status);
    }
    return {};
}

QVariant VariantMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole && section < m_matrix.rowCount())
            return m_matrix.rowLabel(section);
        return {};
    }
    if (section >= m_matrix.columnCount())
        return {};
    const QString code = m_matrix.languages().at(section);
    if (role == Qt::DisplayRole)
        return code.isEmpty() ? tr("Default") : code;
    if (role == Qt::ToolTipRole) {
        const LanguageCounts c = m_matrix.counts(section);
        return tr("%1\nmissing: %2 · untranslated: %3 · outdated: %4 · drafts: %5")
            .arg(languageName(code))
            .arg(c.missing)
            .arg(c.untranslated)
            .arg(c.outdated)
            .arg(c.drafts);
    }
    return {};
}

} // namespace cio::models
