#pragma once

#include <QLabel>

namespace cio::ui {

// A centred, muted sentence that stands in for an empty, loading or failed list.
class EmptyStateLabel final : public QLabel
{
    Q_OBJECT

public:
    explicit EmptyStateLabel(QWidget *parent = nullptr);
};

} // namespace cio::ui
