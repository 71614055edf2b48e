#pragma once

#include "router.h"
#include "sandboxserver.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QList>

#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpSocket;

namespace cio::sandbox {

class DataStore;
class FaultInjector;

// The HTTP side of the sandbox: request log, faults, auth, rate limit, latency and routing.
// Every answer may be deferred (latency) or never sent (stall), so responders are moved into
// a shared holder and written from timers; the event loop is never blocked.
class HttpFrontend final : public QAbstractHttpServer
{
    Q_OBJECT

public:
    HttpFrontend(DataStore &data, FaultInjector &faults, const Options &options, QObject *parent = nullptr);
    ~HttpFrontend() override;

    void setRateLimit(int perSecond) { m_rateLimit = perSecond; }
    void setLatencyMs(int ms) { m_latencyMs = ms; }
    QList<RequestRecord> requests() const { return m_log; }
    void clearRequests() { m_log.clear(); }

signals:
    void requestLogged(const cio::sandbox::RequestRecord &record);

protected:
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#if QT_VERSION >= QT_VERSION_CHECK(6, 8, 0)
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &responder) override;
#else
    void missingHandler(const QHttpServerRequest &request, QHttpServerResponder &&responder) override;
#endif
#else
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;
#endif

private:
    struct Reply;
    using ReplyPtr = std::shared_ptr<Reply>;

    void process(const QHttpServerRequest &request, const ReplyPtr &reply);
    void handleControl(const QHttpServerRequest &request, const ReplyPtr &reply);
    ApiResult dispatch(const QHttpServerRequest &request, const ReplyPtr &reply);
    bool authorized(RouteAuth auth, const QByteArray &header) const;
    bool admitForRateLimit();
    // Sends after `delayMs` (0 = now) and logs the request with that status. `headers` go
    // besides Content-Type (when `json`) and Content-Length.
    void respond(const ReplyPtr &reply, int status, const QByteArray &body, bool json,
                 const QList<std::pair<QByteArray, QByteArray>> &headers, int delayMs);
    void respond(const ReplyPtr &reply, const ApiResult &result, int delayMs);
    void finish(const ReplyPtr &reply, int status);

    DataStore &m_data;
    FaultInjector &m_faults;
    const Options &m_options;
    Router m_router;
    QElapsedTimer m_clock;
    QList<qint64> m_accepted; // receive times of accepted requests within the last second
    QList<RequestRecord> m_log;
    QList<ReplyPtr> m_stalled; // kept so stalled responders are not finalised early
    int m_rateLimit = 0;
    int m_latencyMs = 0;
};

} // namespace cio::sandbox
