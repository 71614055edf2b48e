#pragma once

#include <QObject>
#include <QPointer>

#include <memory>

namespace cio::api {
class Client;
}
namespace cio::ui {
class MainWindow;
}

namespace cio::app {

class DemoSandbox;

// Wires the GUI together: command-line options, the main window, the demo sandbox and the API client.
class Studio final : public QObject
{
    Q_OBJECT

public:
    explicit Studio(QObject *parent = nullptr);
    ~Studio() override;

    // Parses the options (arguments as QCoreApplication::arguments() gives them) and shows the window.
    // Returns false with a message when the options are wrong.
    bool start(const QStringList &arguments, QString *error = nullptr);

    ui::MainWindow *mainWindow() const { return m_window.get(); }
    api::Client *client() const;

private:
    void openDemo();
    void scheduleScreenshot(const QString &path);

    std::unique_ptr<ui::MainWindow> m_window;
    DemoSandbox *m_demo = nullptr;
    QPointer<api::Client> m_client;
};

} // namespace cio::app
