#pragma once

#include "api/dto.h"
#include "models/segments/memberimport.h"
#include "models/segments/membershipbatcher.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace cio::ui {

class MessageWidget;

// Adds people to or removes them from a manual segment: paste a list or import a CSV file, choose how
// the list names people, review what will be sent (and which lines were rejected), then send it in
// batches through the MembershipBatcher with a progress bar and a summary. A failed run keeps the
// rest, and Retry sends it.
class SegmentMembersDialog final : public QDialog
{
    Q_OBJECT

public:
    using Action = models::MembershipBatcher::Action;

    SegmentMembersDialog(const api::Segment &segment, Action action, models::MembershipBatcher *batcher,
                         QWidget *parent = nullptr);

    // The pasted list (reviewed at once).
    void setText(const QString &text);
    // Reads a CSV or text file instead of the pasted list; false (and the reason shown) when unusable.
    bool importFile(const QString &path);
    void setIdType(api::IdType type);
    api::IdType idType() const;

    const models::MemberImport::Result &review() const { return m_review; }
    QPushButton *sendButton() const { return m_send; }
    QPushButton *retryButton() const { return m_retry; }
    QProgressBar *progressBar() const { return m_progress; }
    MessageWidget *message() const { return m_message; }
    bool isSending() const { return m_sending; }
    void send();

signals:
    // A run changed the segment (at least one batch was accepted).
    void membersChanged(qint64 segmentId);

protected:
    void reject() override;

private:
    void buildWidgets();
    void buildLayout(bool add); // add: people are added, not removed
    void connectSignals();
    void chooseFile();
    void reviewInput();
    void updateColumns();
    void updateButtons();
    void onProgress(int sent, int total);
    void onFinished(const models::MembershipBatcher::Summary &summary);

    api::Segment m_segment;
    Action m_action;
    QPointer<models::MembershipBatcher> m_batcher;
    models::MemberImport::Result m_review;
    QString m_filePath;
    bool m_sending = false;

    QComboBox *m_idType;
    QComboBox *m_column;
    QLabel *m_columnLabel;
    QPlainTextEdit *m_text;
    QPushButton *m_import;
    QLabel *m_fileLabel;
    QPushButton *m_usePasted;
    QLabel *m_summary;
    QListWidget *m_rejected;
    QProgressBar *m_progress;
    MessageWidget *m_message;
    QPushButton *m_send;
    QPushButton *m_retry;
    QPushButton *m_close;
    QTimer *m_reviewTimer;
};

} // namespace cio::ui
