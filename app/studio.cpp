#include "app/studio.h"

#include "api/client.h"
#include "app/demosandbox.h"
#include "models/newsletterlistmodel.h"
#include "ui/mainwindow.h"
#include "ui/newsletterlistpage.h"
#include "ui/welcomepage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QTimer>

namespace cio::app {

Studio::Studio(QObject *parent) : QObject(parent), m_window(std::make_unique<ui::MainWindow>())
{
    connect(m_window.get(), &ui::MainWindow::openDemoRequested, this, &Studio::openDemo);
}

Studio::~Studio()
{
    // The window goes first: its pages hold requests whose callbacks point into it.
    m_window.reset();
    delete m_client;
    delete m_demo;
}

api::Client *Studio::client() const
{
    return m_client;
}

bool Studio::start(const QStringList &arguments, QString *error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Desktop studio for Customer.io workspace content."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Open the demo workspace (built-in sandbox) at once."));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        tr("Debugging aid: once the newsletter list has loaded, save a picture of "
           "the window to <file> and quit."),
        tr("file"));
    const QCommandLineOption showLog(QStringLiteral("show-request-log"), tr("Show the request log dock."));
    parser.addOptions({demo, screenshot, showLog});
    if (!parser.parse(arguments)) {
        if (error)
            *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    m_window->show();
    if (parser.isSet(showLog))
        m_window->findChild<QDockWidget *>(QStringLiteral("requestLogDock"))->show();
    if (parser.isSet(demo))
        openDemo();
    if (parser.isSet(screenshot))
        scheduleScreenshot(parser.value(screenshot));
    return true;
}

void Studio::openDemo()
{
    if (!m_demo)
        m_demo = new DemoSandbox;
    m_window->welcomePage()->setBusy(true);
    QString message;
    if (!m_demo->start(&message)) {
        m_window->showWelcome(message);
        return;
    }
    api::ConnectionSettings settings;
    settings.baseUrl = m_demo->url();
    settings.apiKey = m_demo->apiKey();
    if (!m_client)
        m_client = new api::Client(settings);
    else
        m_client->setSettings(settings);

    models::WorkspaceProfile profile;
    profile.name = tr("Demo workspace");
    profile.baseUrl = m_demo->url();
    profile.colour = QStringLiteral("#0f9d58");
    profile.demo = true;
    m_window->openWorkspace(profile, m_client);
}

void Studio::scheduleScreenshot(const QString &path)
{
    // Poll rather than hook the model: the page is created only once a workspace opens.
    auto *timer = new QTimer(this);
    auto *deadline = new QTimer(this);
    const auto capture = [this, path, timer, deadline] {
        timer->stop();
        deadline->stop();
        m_window->grab().save(path);
        QCoreApplication::quit();
    };
    auto waited = std::make_shared<QElapsedTimer>();
    waited->start();
    connect(timer, &QTimer::timeout, this, [this, timer, capture, waited] {
        const ui::NewsletterListPage *page = m_window->newsletterPage();
        // No workspace is opening: the welcome page is what there is to see.
        if (!page && waited->elapsed() > 500) {
            timer->stop();
            capture();
            return;
        }
        if (!page || page->model()->rowCount() == 0 ||
            page->model()->state() != models::NewsletterListModel::Idle)
            return;
        timer->stop();
        QTimer::singleShot(300, this, capture); // let the view lay out and paint
    });
    connect(deadline, &QTimer::timeout, this, capture);
    timer->start(100);
    deadline->setSingleShot(true);
    deadline->start(20000);
}

} // namespace cio::app
