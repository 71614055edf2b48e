#pragma once

#include "models/variants/variantmatrix.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QImage>

#include <optional>

namespace cio::models {

// The variant matrix as a table: rows = test groups, columns = languages.
class VariantMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    explicit VariantMatrixModel(QObject *parent = nullptr);

    void setMatrix(const VariantMatrix &matrix);
    const VariantMatrix &matrix() const { return m_matrix; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The quality checks' result per variant (content id → errors, warnings). A cell with errors shows
    // "QA errors" beside its status; cells without a result show their status alone.
    struct QaCounts
    {
        int errors = 0;
        int warnings = 0;
    };
    void setQaCounts(const QHash<qint64, QaCounts> &counts);
    void setQaCount(qint64 contentId, QaCounts counts);
    std::optional<QaCounts> qaCounts(qint64 contentId) const;

    // Content id → why that cell is outdated, in words ("The Default's subject changed on …"); cells
    // without one say it in general terms.
    void setOutdatedReasons(const QHash<qint64, QString> &reasons);

    MatrixCell cellAt(const QModelIndex &index) const; // a copy, see VariantMatrix::cell
    // "de (Deutsch)"; the Default column is "Default".
    static QString languageName(const QString &code);
    // A small painted sign per status (tick, clock, "!", …) in the status's colour, for the cells and the
    // legend.
    static QImage statusIcon(CellStatus status);
    // "✖2 ⚠1", empty without findings.
    static QString qaBadge(const QaCounts &qa);
    // "The Default changed on …, after this translation was last saved on …" for an outdated cell, else
    // empty.
    static QString outdatedReason(const MatrixCell &cell);

private:
    QString toolTip(const QModelIndex &index) const;

    VariantMatrix m_matrix;
    QHash<qint64, QaCounts> m_qa;
    QHash<qint64, QString> m_outdatedReasons;
};

} // namespace cio::models
