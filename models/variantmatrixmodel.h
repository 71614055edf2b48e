#pragma once

#include "models/variantmatrix.h"

#include <QAbstractTableModel>

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

    const MatrixCell &cellAt(const QModelIndex &index) const;
    static QString languageName(const QString &code);

private:
    VariantMatrix m_matrix;
};

} // namespace cio::models
