#include "sandboxserver.h"

#include "datastore.h"
#include "faultinjector.h"
#include "httpfrontend.h"
#include "sandboxlog.h"

#include <QTcpServer>

namespace cio::sandbox {

Q_LOGGING_CATEGORY(lcSandbox, "cio.sandbox")

Server::Server(QObject *parent)
    : QObject(parent), m_data(std::make_unique<DataStore>()), m_faults(std::make_unique<FaultInjector>())
{}

Server::~Server()
{
    stop();
}

bool Server::start(const Options &options, QString *error)
{
    stop();
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        qCWarning(lcSandbox).noquote() << message;
        return false;
    };
    m_options = options;
    auto data = std::make_unique<DataStore>();
    QString message;
    const QString folder = options.dataPath.isEmpty() ? QStringLiteral(":/demo") : options.dataPath;
    if (!data->load(folder, &message))
        return fail(message);
    data->setArchivedMessageQuota(options.archivedMessageQuota);
    auto faults = std::make_unique<FaultInjector>(options.seed);
    if (!faults->setSpec(options.faults, &message))
        return fail(message);
    m_data = std::move(data);
    m_faults = std::move(faults);

    m_http = std::make_unique<HttpFrontend>(*m_data, *m_faults, m_options);
    connect(m_http.get(), &HttpFrontend::requestLogged, this, &Server::requestHandled);
    auto *tcp = new QTcpServer(m_http.get());
    if (!tcp->listen(options.host, options.port)) {
        const QString why = tcp->errorString();
        m_http.reset();
        return fail(QStringLiteral("cannot listen on %1:%2: %3")
                        .arg(options.host.toString())
                        .arg(options.port)
                        .arg(why));
    }
    m_http->bind(tcp);
    m_options.port = tcp->serverPort();
    qCInfo(lcSandbox).noquote() << "listening on" << url().toString();
    return true;
}

void Server::stop()
{
    m_http.reset();
}

QUrl Server::url() const
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setHost(m_options.host.toString());
    url.setPort(port());
    return url;
}

quint16 Server::port() const
{
    return m_http ? m_options.port : 0;
}

const Options &Server::options() const
{
    return m_options;
}

bool Server::setFaults(const QString &spec, QString *error)
{
    if (!m_faults->setSpec(spec, error))
        return false;
    m_options.faults = m_faults->spec();
    return true;
}

QString Server::faults() const
{
    return m_faults->spec();
}

void Server::setSeed(quint32 seed)
{
    m_options.seed = seed;
    m_faults->setSeed(seed);
}

void Server::setLatencyMs(int ms)
{
    m_options.latencyMs = ms;
    if (m_http)
        m_http->setLatencyMs(ms);
}

void Server::setRateLimit(int perSecond)
{
    m_options.rateLimit = perSecond;
    if (m_http)
        m_http->setRateLimit(perSecond);
}

void Server::setArchivedMessageQuota(int perDay)
{
    m_options.archivedMessageQuota = perDay;
    m_data->setArchivedMessageQuota(perDay);
}

QList<RequestRecord> Server::requests() const
{
    return m_http ? m_http->requests() : QList<RequestRecord>();
}

void Server::clearRequests()
{
    if (m_http)
        m_http->clearRequests();
}

DataStore &Server::data()
{
    return *m_data;
}

} // namespace cio::sandbox
