#include "ui/segments/segmentmembersdialog.h"

#include "models/common/theme.h"
#include "ui/common/messagewidget.h"
#include "ui/common/windowgeometry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace cio::ui {

namespace {

// Enough rejected lines to see what is wrong, not so many that the list slows the dialog down.
constexpr int MaxRejectedShown = 500;

} // namespace

SegmentMembersDialog::SegmentMembersDialog(const api::Segment &segment, Action action,
                                           models::MembershipBatcher *batcher, QWidget *parent)
    : QDialog(parent)
    , m_segment(segment)
    , m_action(action)
    , m_batcher(batcher)
    , m_idType(new QComboBox(this))
    , m_column(new QComboBox(this))
    , m_columnLabel(new QLabel(tr("&Column:"), this))
    , m_text(new QPlainTextEdit(this))
    , m_import(new QPushButton(tr("Import CSV…"), this))
    , m_fileLabel(new QLabel(this))
    , m_usePasted(new QPushButton(tr("Use Pasted Text"), this))
    , m_summary(new QLabel(this))
    , m_rejected(new QListWidget(this))
    , m_progress(new QProgressBar(this))
    , m_message(new MessageWidget(this))
    , m_send(new QPushButton(this))
    , m_retry(new QPushButton(tr("Retry"), this))
    , m_close(new QPushButton(tr("Close"), this))
    , m_reviewTimer(new QTimer(this))
{
    const bool add = action == Action::Add;
    setObjectName(QStringLiteral("segmentMembersDialog"));
    setWindowTitle(add ? tr("Add People to “%1”").arg(segment.name)
                       : tr("Remove People from “%1”").arg(segment.name));

    buildWidgets();
    buildLayout(add);
    connectSignals();
    m_progress->hide();
    m_retry->hide();
    reviewInput();
    fitToScreen(this, QSize(560, 520)); // never larger than the screen it opens on
}

void SegmentMembersDialog::buildWidgets()
{
    m_idType->setObjectName(QStringLiteral("idType"));
    m_idType->addItem(tr("Customer id"), int(api::IdType::Id));
    m_idType->addItem(tr("Email address"), int(api::IdType::Email));
    m_idType->addItem(tr("cio_id (Customer.io's own id)"), int(api::IdType::CioId));
    m_columnLabel->setBuddy(m_column);
    m_text->setObjectName(QStringLiteral("memberText"));
    m_text->setPlaceholderText(
        tr("Paste ids or email addresses here, one a line — or a CSV with a header row "
           "such as “id,email”."));
    m_fileLabel->setTextFormat(Qt::PlainText);
    m_summary->setObjectName(QStringLiteral("memberReview"));
    m_summary->setWordWrap(true);
    m_rejected->setObjectName(QStringLiteral("rejectedLines"));
    m_rejected->setMaximumHeight(110);
    m_progress->setObjectName(QStringLiteral("memberProgress"));
    m_progress->setFormat(tr("%v of %m"));
    m_send->setObjectName(QStringLiteral("sendMembers"));
    m_send->setDefault(true);
    m_retry->setObjectName(QStringLiteral("retryMembers"));
    m_reviewTimer->setSingleShot(true);
    m_reviewTimer->setInterval(250);
}

void SegmentMembersDialog::buildLayout(bool add)
{
    auto *intro = new QLabel(add ? tr("The people are added to the manual segment through the Track API, "
                                      "at most 1,000 in each request.")
                                 : tr("The people are removed from the manual segment through the Track API, "
                                      "at most 1,000 in each request."),
                             this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Identify people by:"), m_idType);
    form->addRow(m_columnLabel, m_column);
    auto *source = new QHBoxLayout;
    source->addWidget(m_import);
    source->addWidget(m_fileLabel, 1);
    source->addWidget(m_usePasted);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_retry, QDialogButtonBox::ActionRole);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_close, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addLayout(source);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_summary);
    layout->addWidget(m_rejected);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
}

void SegmentMembersDialog::connectSignals()
{
    connect(m_idType, &QComboBox::currentIndexChanged, this, [this](int) {
        m_column->clear(); // the header that names the new type picks the column again
        reviewInput();
    });
    connect(m_column, &QComboBox::activated, this, [this](int) { reviewInput(); });
    connect(m_text, &QPlainTextEdit::textChanged, m_reviewTimer, qOverload<>(&QTimer::start));
    connect(m_reviewTimer, &QTimer::timeout, this, &SegmentMembersDialog::reviewInput);
    connect(m_import, &QPushButton::clicked, this, &SegmentMembersDialog::chooseFile);
    connect(m_usePasted, &QPushButton::clicked, this, [this] {
        m_filePath.clear();
        m_column->clear();
        reviewInput();
    });
    connect(m_send, &QPushButton::clicked, this, &SegmentMembersDialog::send);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (m_batcher && !m_batcher->isRunning()) {
            m_sending = true;
            m_message->hideMessage();
            updateButtons();
            m_batcher->retry();
        }
    });
    connect(m_close, &QPushButton::clicked, this, &SegmentMembersDialog::reject);
    if (m_batcher) {
        connect(m_batcher, &models::MembershipBatcher::progress, this, &SegmentMembersDialog::onProgress);
        connect(m_batcher, &models::MembershipBatcher::finished, this, &SegmentMembersDialog::onFinished);
    }
}

void SegmentMembersDialog::setText(const QString &text)
{
    m_filePath.clear();
    m_text->setPlainText(text);
    m_reviewTimer->stop();
    reviewInput();
}

bool SegmentMembersDialog::importFile(const QString &path)
{
    m_filePath = path;
    m_column->clear();
    reviewInput();
    return m_review.ok();
}

void SegmentMembersDialog::setIdType(api::IdType type)
{
    m_idType->setCurrentIndex(m_idType->findData(int(type)));
}

api::IdType SegmentMembersDialog::idType() const
{
    return api::IdType(m_idType->currentData().toInt());
}

void SegmentMembersDialog::chooseFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import People"), QString(), tr("CSV or text files (*.csv *.txt *.tsv);;All files (*)"));
    if (!path.isEmpty())
        importFile(path);
}

void SegmentMembersDialog::reviewInput()
{
    if (m_sending)
        return;
    const int column = m_column->count() > 0 ? m_column->currentIndex() : -1;
    m_review = m_filePath.isEmpty() ? models::MemberImport::parseText(m_text->toPlainText(), idType(), column)
                                    : models::MemberImport::parseFile(m_filePath, idType(), column);
    const bool fromFile = !m_filePath.isEmpty();
    m_text->setEnabled(!fromFile);
    m_fileLabel->setText(fromFile ? tr("From %1").arg(QFileInfo(m_filePath).fileName()) : QString());
    m_usePasted->setVisible(fromFile);

    m_rejected->clear();
    if (!m_review.ok()) {
        m_summary->setText(m_review.error);
        m_summary->setPalette(theme::withTextColour(m_summary->palette(), theme::Role::ErrorText));
    } else {
        m_summary->setPalette(QPalette()); // the parent's again
        m_summary->setText(m_review.ids.isEmpty() && m_review.rejected.isEmpty()
                               ? tr("Nothing to send yet.")
                               : tr("To send: %1").arg(m_review.summary()));
        for (const auto &r : std::as_const(m_review.rejected)) {
            if (m_rejected->count() >= MaxRejectedShown) {
                m_rejected->addItem(
                    tr("… and %n more", nullptr, int(m_review.rejected.size()) - MaxRejectedShown));
                break;
            }
            m_rejected->addItem(tr("Line %1: “%2” — %3").arg(r.line).arg(r.text.left(80), r.reason));
        }
    }
    m_rejected->setVisible(m_rejected->count() > 0);
    updateColumns();
    updateButtons();
}

void SegmentMembersDialog::updateColumns()
{
    const int columns = m_review.ok() ? m_review.columns : 0;
    if (columns > 1 && m_column->count() != columns) {
        m_column->clear();
        for (int i = 0; i < columns; ++i) {
            const QString header = m_review.header.value(i);
            m_column->addItem(header.isEmpty() ? tr("Column %1").arg(i + 1)
                                               : tr("Column %1: %2").arg(i + 1).arg(header));
        }
    }
    if (columns > 1)
        m_column->setCurrentIndex(m_review.column);
    else
        m_column->clear();
    m_column->setVisible(columns > 1);
    m_columnLabel->setVisible(columns > 1);
}

void SegmentMembersDialog::updateButtons()
{
    const int n = int(m_review.ids.size());
    m_send->setText(m_action == Action::Add ? tr("Add %n Member(s)", nullptr, n)
                                            : tr("Remove %n Member(s)", nullptr, n));
    const bool finished = m_batcher && !m_sending && m_batcher->summary().total > 0;
    m_send->setEnabled(!m_sending && m_batcher && n > 0 && m_review.ok() && !finished);
    m_retry->setVisible(finished && m_batcher->summary().retryable());
    m_close->setText(m_sending ? tr("Stop") : tr("Close"));
    for (QWidget *w : {static_cast<QWidget *>(m_idType), static_cast<QWidget *>(m_column),
                       static_cast<QWidget *>(m_import), static_cast<QWidget *>(m_usePasted)})
        w->setEnabled(!m_sending && !finished);
    m_text->setEnabled(!m_sending && !finished && m_filePath.isEmpty());
}

void SegmentMembersDialog::send()
{
    reviewInput(); // whatever was typed in the last moment counts
    if (!m_batcher || m_sending || m_review.ids.isEmpty() || !m_review.ok())
        return;
    m_sending = true;
    m_message->hideMessage();
    m_progress->setRange(0, int(m_review.ids.size()));
    m_progress->setValue(0);
    m_progress->show();
    updateButtons();
    m_batcher->start(m_segment.id, m_action, idType(), m_review.ids);
}

void SegmentMembersDialog::onProgress(int sent, int total)
{
    m_progress->setRange(0, total);
    m_progress->setValue(sent);
}

void SegmentMembersDialog::onFinished(const models::MembershipBatcher::Summary &summary)
{
    m_sending = false;
    m_message->showMessage(summary.text(), summary.ok()        ? MessageWidget::Type::Information
                                           : summary.cancelled ? MessageWidget::Type::Warning
                                                               : MessageWidget::Type::Error);
    updateButtons();
    if (summary.sent > 0)
        emit membersChanged(summary.segmentId);
}

void SegmentMembersDialog::reject()
{
    // Closing while sending stops after the batch in flight, and the summary says what was left.
    if (m_sending && m_batcher) {
        m_batcher->cancel();
        return;
    }
    QDialog::reject();
}

} // namespace cio::ui
