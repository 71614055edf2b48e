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
    QUrl url() const { return m_url; }
    // A key made for this run only; it is not a secret and is never stored.
    QString apiKey() const { return m_apiKey; }

private:
    QThread *m_thread = nullptr;
    sandbox::Server *m_server = nullptr;
    QUrl m_url;
    QString m_apiKey;
};

} // namespace cio::app
