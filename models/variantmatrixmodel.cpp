#include "models/variantmatrixmodel.h"

#include "models/itemroles.h"

#include <QColor>
#include <QLocale>

namespace cio::models {

namespace {

// Soft fills that keep the text readable; the status word is always there too (colour is not the only cue).
QColor fillFor(CellStatus status)
{
    switch (status) {
    case CellStatus::Missing:
        return QColor(0xf3, 0xf4, 0xf6);
    case CellStatus::Untranslated:
        return QColor(0xfe, 0xe2, 0xe2);
    case CellStatus::Outdated:
        return QColor(0xfe, 0xf3, 0xc7);
    case CellStatus::Draft:
        return QColor(0xdb, 0xea, 0xfe);
    case CellStatus::Saved:
        return QColor(0xdc, 0xfc, 0xe7);
    case CellStatus::Default:
        return QColor(0xe5, 0xe7, 0xeb);
    }
    return {};
}

} // namespace

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

QVariant VariantMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MatrixCell cell = cellAt(index);
    const auto qa = cell.content ? qaCounts(cell.content->id) : std::nullopt;
    switch (role) {
    case Qt::DisplayRole:
        if (qa && qa->errors > 0)
            return tr("%1 · %n QA error(s)", nullptr, qa->errors).arg(VariantMatrix::statusName(cell.status));
        if (qa && qa->warnings > 0)
            return tr("%1 · %n warning(s)", nullptr, qa->warnings)
                .arg(VariantMatrix::statusName(cell.status));
        return VariantMatrix::statusName(cell.status);
    case Qt::BackgroundRole:
        if (qa && qa->errors > 0)
            return QColor(0xfc, 0xa5, 0xa5); // stronger than "untranslated": this blocks a save
        return fillFor(cell.status);
    case Qt::ForegroundRole:
        return QColor(0x1f, 0x29, 0x37);
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::AlignCenter);
    case Qt::ToolTipRole:
        if (!cell.content)
            return tr("No %1 variant in this group yet")
                .arg(languageName(m_matrix.languages().at(index.column())));
        return QString(tr("%1\nSubject: %2\nContent id %3")
                           .arg(VariantMatrix::statusName(cell.status), cell.content->subject)
                           .arg(cell.content->id) +
                       (qa ? QStringLiteral("\n") + tr("Quality checks: %n error(s)", nullptr, qa->errors) +
                                 QStringLiteral(", ") + tr("%n warning(s)", nullptr, qa->warnings)
                           : QString()));
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
