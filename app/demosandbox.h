#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QThread;

namespace cio::sandbox {
class Server;
}

namespace cio::app {

// The demo workspace: the sandbox App API started in-process on a loopback port, on its own
// thread so that its (possibly simulated slow) answers never stall the user interface.
class DemoSandbox final : public QObject
{
    Q_OBJECT

public:
    explicit DemoSandbox(QObject *parent = nullptr);
    ~DemoSandbox() override;

    // Blocks until the server listens (a few milliseconds). Returns false with a message.
    bool start(QString *error = nullptr);
    void stop();

    bool isRunning() const { return m_server != nullptr; }
    // The App API's address (the sandbox, or what fronts it, see setFrontForTests()).
    QUrl url() const { return m_url; }
    // The Track API's address: always the sandbox itself (the Track API is not part of the App API's
    // contract, so a validator of that contract does not front it).
    QUrl trackUrl() const { return m_trackUrl; }

    // Tests: the sandbox listens on `port` and the app is given `url` instead, a validating proxy of
    // the contract in front of it (tests/common/contractproxy.h). Port 0 / an empty URL: no front.
    static void setFrontForTests(quint16 port, const QUrl &url);
    // Tests: no sandbox in this process; the demo talks to one that outlives it (a crash harness kills
    // the app and then reads what the server holds). An empty URL: the in-process sandbox again.
    static void setExternalForTests(const QUrl &url, const QString &apiKey);
    // A key made for this run only; it is not a secret and is never stored.
    QString apiKey() const { return m_apiKey; }

private:
    QThread *m_thread = nullptr;
    sandbox::Server *m_server = nullptr;
    QUrl m_url;
    QUrl m_trackUrl;
    QString m_apiKey;
};

} // namespace cio::app
