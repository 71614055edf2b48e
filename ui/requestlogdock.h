#pragma once

#include <QDockWidget>
#include <QUrl>

class QTableView;

namespace cio::api {
class RequestLog;
}
namespace cio::models {
class RequestLogModel;
}

namespace cio::ui {

// Dockable request log: every API call with its status, timing, retries and rate-limit wait.
// "Copy as curl" writes the key as <redacted>.
class RequestLogDock final : public QDockWidget
{
    Q_OBJECT

public:
    explicit RequestLogDock(QWidget *parent = nullptr);

    void setLog(api::RequestLog *log, const QUrl &baseUrl);
    QTableView *view() const { return m_view; }

private:
    void copyAsCurl();

    models::RequestLogModel *m_model;
    QTableView *m_view;
    QUrl m_baseUrl;
};

} // namespace cio::ui
