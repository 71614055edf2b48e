#pragma once

#include "api/dto.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace cio::ui {

// Confirms deleting a segment: shows what uses it, then waits for the user to type its name.
class DeleteSegmentDialog final : public QDialog
{
    Q_OBJECT

public:
    // usage: one line per campaign or newsletter that uses the segment (empty: nothing does).
    DeleteSegmentDialog(const api::Segment &segment, const QStringList &usage, QWidget *parent = nullptr);

    QLineEdit *confirmEdit() const { return m_confirm; }
    QPushButton *deleteButton() const { return m_delete; }
    qint64 segmentId() const { return m_segment.id; }

private:
    api::Segment m_segment;
    QLineEdit *m_confirm;
    QPushButton *m_delete;
};

} // namespace cio::ui
