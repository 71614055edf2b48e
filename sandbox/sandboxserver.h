#pragma once

#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace cio::sandbox {

class DataStore;
class FaultInjector;
class HttpFrontend;

// How the sandbox is started. Defaults match `cio-sandbox` without options.
struct Options
{
    QHostAddress host = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0; // 0 picks a free port
    QString dataPath; // folder with the demo JSON files; empty = built-in demo data set
    QString apiKey = QStringLiteral("sandbox");
    QString trackSiteId = QStringLiteral("sandbox-site");
    QString trackApiKey = QStringLiteral("sandbox-track");
    int rateLimit = 10;             // accepted requests per second over a sliding 1 s window; 0 = unlimited
    int latencyMs = 0;              // added before every response
    int archivedMessageQuota = 100; // GET /v1/messages/{id}/archived_message per API key per UTC day
    QString faults;                 // fault specification, see faultinjector.h
    quint32 seed = 1;               // seeds probabilistic faults, so a run can be repeated
};

// One request as the sandbox saw it (for tests and benchmarks).
struct RequestRecord
{
    qint64 receivedMs = 0; // monotonic milliseconds since the server started
    QByteArray method;
    QString path; // path only, no query
    QString query;
    int status = 0;           // 0 when the connection was stalled or cut
    QByteArray authorization; // the raw Authorization header, so tests can check what was sent
    QByteArray userAgent;
    QByteArray body; // the request body as received (JSON for writes), so tests can check what was sent
};

// The local App API: an HTTP server on loopback answering like api.customer.io/v1.
class Server final : public QObject
{
    Q_OBJECT

public:
    explicit Server(QObject *parent = nullptr);
    ~Server() override;

    // Loads the data set and listens. Returns false with a message in *error.
    bool start(const Options &options, QString *error = nullptr);
    void stop();

    QUrl url() const; // e.g. http://127.0.0.1:43123 (no trailing slash, no /v1)
    quint16 port() const;
    const Options &options() const;

    // Replaces the active fault specification (same syntax as --faults).
    bool setFaults(const QString &spec, QString *error = nullptr);
    QString faults() const; // the active fault specification
    void setSeed(quint32 seed);
    void setLatencyMs(int ms);
    void setRateLimit(int perSecond);
    // Also forgets today's use, so a test can start from a full quota.
    void setArchivedMessageQuota(int perDay);

    QList<RequestRecord> requests() const;
    void clearRequests();

    // Direct access to the live data, e.g. to simulate another client's edit in a test.
    DataStore &data();

signals:
    void requestHandled(const cio::sandbox::RequestRecord &record);

private:
    Options m_options;
    std::unique_ptr<DataStore> m_data;
    std::unique_ptr<FaultInjector> m_faults;
    std::unique_ptr<HttpFrontend> m_http;
};

} // namespace cio::sandbox
