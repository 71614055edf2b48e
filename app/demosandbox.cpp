#include "app/demosandbox.h"

#include "sandbox/sandboxserver.h"

#include <QThread>
#include <QUuid>

namespace cio::app {

namespace {
quint16 s_frontPort = 0;
QUrl s_frontUrl;
QUrl s_externalUrl;
QString s_externalKey;
} // namespace

void DemoSandbox::setFrontForTests(quint16 port, const QUrl &url)
{
    s_frontPort = port;
    s_frontUrl = url;
}

void DemoSandbox::setExternalForTests(const QUrl &url, const QString &apiKey)
{
    s_externalUrl = url;
    s_externalKey = apiKey;
}

DemoSandbox::DemoSandbox(QObject *parent)
    : QObject(parent)
{}

DemoSandbox::~DemoSandbox()
{
    stop();
}

bool DemoSandbox::start(QString *error)
{
    if (m_server || !m_url.isEmpty())
        return true;
    if (!s_externalUrl.isEmpty()) {
        m_url = m_trackUrl = s_externalUrl;
        m_apiKey = s_externalKey;
        return true;
    }
    m_apiKey = QStringLiteral("demo-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("cio-sandbox"));
    m_server = new sandbox::Server;
    m_server->moveToThread(m_thread);
    m_thread->start();

    sandbox::Options options;
    options.apiKey = m_apiKey;
    if (!s_frontUrl.isEmpty())
        options.port = s_frontPort;
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        m_server, [&] { ok = m_server->start(options, &message); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        stop();
        if (error)
            *error = tr("The demo sandbox could not start: %1").arg(message);
        return false;
    }
    QMetaObject::invokeMethod(
        m_server, [&] { m_trackUrl = m_server->url(); }, Qt::BlockingQueuedConnection);
    m_url = s_frontUrl.isEmpty() ? m_trackUrl : s_frontUrl;
    return true;
}

void DemoSandbox::stop()
{
    if (!m_thread) {
        m_url.clear(); // an external sandbox (tests) is only forgotten
        m_trackUrl.clear();
        return;
    }
    if (m_server) {
        sandbox::Server *server = m_server;
        QMetaObject::invokeMethod(
            server, [server] { delete server; }, Qt::BlockingQueuedConnection);
        m_server = nullptr;
    }
    m_thread->quit();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    m_url.clear();
    m_trackUrl.clear();
}

} // namespace cio::app
