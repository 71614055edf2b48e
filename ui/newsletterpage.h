#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QTableView;

namespace cio::api {
class Client;
}
namespace cio::models {
class VariantMatrixModel;
}

namespace cio::ui {

class MessageWidget;

// One newsletter: its header and the variant matrix (test groups × languages) with a status per cell.
class NewsletterPage final : public QWidget
{
    Q_OBJECT

public:
    explicit NewsletterPage(api::Client *client, QWidget *parent = nullptr);

    void load(qint64 newsletterId);
    void reload();
    qint64 newsletterId() const { return m_newsletter.id; }
    models::VariantMatrixModel *matrixModel() const { return m_matrixModel; }
    QTableView *matrixView() const { return m_matrix; }
    bool isLoading() const { return m_pending > 0; }
    // Content ids with a local draft (from the draft store) are shown as "unsaved draft".
    void setDraftContentIds(const QSet<qint64> &ids);

signals:
    void backRequested();
    void variantActivated(const cio::api::Content &variant, const cio::api::Content &defaultVariant,
                          const QList<cio::api::TestGroup> &groups);
    void loaded();

private:
    void partDone(const api::Error &error);
    void rebuildMatrix();
    void updateHeader();

    QPointer<api::Client> m_client;
    api::Newsletter m_newsletter;
    QList<api::Content> m_contents;
    QList<api::TestGroup> m_groups;
    QSet<qint64> m_drafts;
    int m_pending = 0;
    quint64 m_generation = 0;
    api::Error m_error;

    QLabel *m_title;
    QLabel *m_details;
    MessageWidget *m_message;
    QTableView *m_matrix;
    QLabel *m_legend;
    models::VariantMatrixModel *m_matrixModel;
};

} // namespace cio::ui
