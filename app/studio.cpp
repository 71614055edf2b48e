#include "app/studio.h"

#include "api/client.h"
#include "api/credentialstore.h"
#include "app/demosandbox.h"
#include "models/common/theme.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/preview/sampledata.h"
#include "models/store/localstore.h"
#include "models/workspaces/connectiontester.h"
#include "models/workspaces/workspacerepository.h"
#include "models/workspacesession.h"
#include "sandbox/sandboxserver.h"
#include "ui/common/messagebox.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/newsletterlistpage.h"
#include "ui/segments/segmentspage.h"
#include "ui/workspaces/welcomepage.h"
#include "ui/workspaces/workspacedialog.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFile>
#include <QStatusBar>
#include <QTimer>

namespace cio::app {

Studio::Studio(QObject *parent)
    : QObject(parent)
    , m_window(std::make_unique<ui::MainWindow>())
    , m_credentials(new api::CredentialStore(QStringLiteral("cio-studio"), this))
    , m_workspaces(new models::WorkspaceRepository(m_credentials, nullptr, this))
    , m_tester(new models::ConnectionTester(this))
{
    const int keychainTimeout = qEnvironmentVariableIntValue("CIO_KEYCHAIN_TIMEOUT_MS");
    if (keychainTimeout > 0)
        m_credentials->setTimeoutMs(keychainTimeout);
    connect(m_window.get(), &ui::MainWindow::openDemoRequested, this, &Studio::openDemo);
    connect(m_window.get(), &ui::MainWindow::openWorkspaceRequested, this, &Studio::openWorkspace);
    connect(m_window.get(), &ui::MainWindow::addWorkspaceRequested, this, &Studio::addWorkspace);
    connect(m_window.get(), &ui::MainWindow::editWorkspaceRequested, this,
            [this](const QString &id) { editWorkspace(id); });
    connect(m_window.get(), &ui::MainWindow::removeWorkspaceRequested, this, &Studio::removeWorkspace);
    refreshWorkspaceList();
}

Studio::~Studio()
{
    // The window goes first: its pages hold requests whose callbacks point into it.
    m_window.reset();
    delete m_session;
    delete m_demo;
}

ui::WorkspaceDialog *Studio::workspaceDialog() const
{
    return m_dialog;
}

api::Client *Studio::client() const
{
    return m_session ? m_session->client() : nullptr;
}

models::LocalStore *Studio::store() const
{
    return m_session ? m_session->store() : nullptr;
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
    const QCommandLineOption workspace(QStringLiteral("workspace"), tr("Open the saved workspace <name>."),
                                       tr("name"));
    const QCommandLineOption welcome(QStringLiteral("welcome"), tr("Start on the welcome page."));
    const QCommandLineOption addWorkspaceOption(QStringLiteral("add-workspace"),
                                                tr("Open the Add Workspace dialog at once."));
    parser.addOptions({demo, screenshot, showLog, workspace, welcome, addWorkspaceOption});
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
    if (parser.isSet(demo)) {
        openDemo();
    } else if (parser.isSet(workspace)) {
        const auto profile = m_workspaces->profiles().find(parser.value(workspace));
        if (!profile) {
            if (error)
                *error = tr("No saved workspace is called “%1”.").arg(parser.value(workspace));
            return false;
        }
        openWorkspace(profile->id);
    } else if (!parser.isSet(welcome) &&
               m_workspaces->profiles().find(m_workspaces->profiles().lastOpenId())) {
        openWorkspace(m_workspaces->profiles().lastOpenId());
    }
    if (parser.isSet(addWorkspaceOption))
        QTimer::singleShot(0, this, &Studio::addWorkspace);
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
    models::WorkspaceProfile profile;
    profile.name = tr("Demo workspace");
    profile.baseUrl = m_demo->url();
    profile.colour = theme::demoWorkspaceColour();
    profile.demo = true;
    showWorkspace(profile, m_demo->apiKey());
}

void Studio::showWorkspace(const models::WorkspaceProfile &profile, const QString &apiKey)
{
    api::ConnectionSettings settings;
    settings.region = profile.region;
    settings.baseUrl = profile.baseUrl;
    settings.apiKey = apiKey;
    settings.readOnly = profile.readOnly;
    settings.applyUserLimits();
    // A fresh session per workspace: nothing queued for the previous one may go out with this key.
    // Drafts and save snapshots live in the workspace's own local store.
    models::WorkspaceSession *previous = m_session;
    m_session = new models::WorkspaceSession(
        profile, settings, models::LocalStore::pathFor(profile.demo ? QStringLiteral("demo") : profile.id));
    m_session->setCredentialSource(m_workspaces);
    if (profile.demo && m_demo) {
        // The demo's Track API is the same sandbox, with its own fixed credentials.
        const sandbox::Options demoOptions;
        m_session->setTrackCredential(demoOptions.trackSiteId, demoOptions.trackApiKey, m_demo->trackUrl());
    }
    if (!m_session->store()) {
        m_window->statusBar()->showMessage(tr("The local store could not be opened (%1): drafts will not be kept.")
                                               .arg(m_session->storeError()));
    } else {
        // The preview needs sample data from the start: the demo's customers, or one plausible
        // customer for a real workspace (the user edits or replaces it).
        QList<models::SampleSet> seed = models::starterSampleSets();
        QFile demoSets(QStringLiteral(":/demo/customers.json"));
        if (profile.demo && demoSets.open(QIODevice::ReadOnly))
            seed = models::sampleSetsFromJson(demoSets.readAll());
        models::ensureSampleSets(m_session->store(), seed);
    }
    m_window->openWorkspace(m_session);
    // After the previous pages, whose deletion openWorkspace() has queued: they use the session to the end.
    if (previous)
        previous->deleteLater();
    if (!profile.demo)
        m_workspaces->profiles().setLastOpenId(profile.id);
    emit workspaceOpened(profile);
}

void Studio::openWorkspace(const QString &id)
{
    const auto profile = m_workspaces->profiles().find(id);
    if (!profile) {
        m_window->showWelcome(tr("That workspace no longer exists."));
        refreshWorkspaceList();
        return;
    }
    m_window->statusBar()->showMessage(tr("Reading the key of “%1” from the keychain…").arg(profile->name));
    m_workspaces->loadAppKey(*profile, this,
                             [this, profile](const QString &key, const api::CredentialError &error) {
                                 m_window->statusBar()->clearMessage();
                                 if (error.isError()) {
                                     // Let the user type the key again (or keep it for this session) without
                                     // losing the profile.
                                     if (!m_window->hasWorkspace())
                                         m_window->showWelcome(error.message());
                                     editWorkspace(profile->id, error.message());
                                     return;
                                 }
                                 showWorkspace(*profile, key);
                             });
}

void Studio::refreshWorkspaceList()
{
    m_window->setWorkspaces(m_workspaces->profiles().profiles());
}

void Studio::addWorkspace()
{
    runDialog({}, {});
}

void Studio::editWorkspace(const QString &id, const QString &problem)
{
    const auto profile = m_workspaces->profiles().find(id);
    if (profile)
        runDialog(*profile, problem);
}

void Studio::runDialog(const models::WorkspaceProfile &profile, const QString &problem)
{
    if (m_dialog) {
        m_dialog->raise();
        return;
    }
    m_dialog = new ui::WorkspaceDialog(profile, m_window.get());
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setSaveError(problem);
    connect(m_dialog, &ui::WorkspaceDialog::testRequested, this,
            [this](api::Region region, const QUrl &baseUrl, const QString &key) {
                m_dialog->setTestRunning();
                m_tester->test(
                    region, baseUrl, key, m_dialog,
                    [this](const models::ConnectionVerdict &verdict) { m_dialog->setTestVerdict(verdict); });
            });
    connect(m_dialog, &ui::WorkspaceDialog::saveRequested, this, [this] { saveFromDialog(false); });
    m_dialog->open();
}

void Studio::saveFromDialog(bool sessionOnly)
{
    if (!m_dialog)
        return;
    models::WorkspaceRepository::Keys keys;
    keys.appKey = m_dialog->appKey();
    keys.trackKey = m_dialog->trackKey();
    keys.sessionOnly = sessionOnly;
    m_dialog->setBusy(true);
    m_dialog->setSaveError({});
    m_workspaces->save(m_dialog->profile(), keys, m_dialog,
                       [this, sessionOnly](const models::WorkspaceProfile &saved, const QString &error,
                                           const api::CredentialError &keychainError) {
                           m_dialog->setBusy(false);
                           if (error.isEmpty()) {
                               const bool reopen = !m_session || m_window->currentProfile().id == saved.id ||
                                                   m_dialog->isNew();
                               m_dialog->accept();
                               refreshWorkspaceList();
                               if (reopen)
                                   openWorkspace(saved.id);
                               return;
                           }
                           m_dialog->setSaveError(error);
                           // Without a usable keychain the key may still serve this session, from memory
                           // only.
                           const bool keychainUnusable =
                               keychainError.kind == api::CredentialError::Kind::NoKeychain ||
                               keychainError.kind == api::CredentialError::Kind::Timeout ||
                               keychainError.kind == api::CredentialError::Kind::Denied;
                           if (!sessionOnly && keychainUnusable &&
                               ui::MessageBox::question(
                                   m_dialog, tr("Keychain unavailable"),
                                   tr("%1\n\nUse the key for this session only? It is kept in memory and "
                                      "forgotten when cio-studio quits; the workspace settings are saved.")
                                       .arg(error),
                                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No) == QMessageBox::Yes)
                               saveFromDialog(true);
                       });
}

void Studio::removeWorkspace(const QString &id)
{
    const auto profile = m_workspaces->profiles().find(id);
    if (!profile)
        return;
    const auto answer = ui::MessageBox::question(
        m_window.get(), tr("Remove Workspace"),
        tr("Remove the workspace “%1” from cio-studio?\n\nIts keys are deleted from the keychain and its "
           "local "
           "data (cache, drafts, snapshots) from this computer. Nothing changes in Customer.io.")
            .arg(profile->name),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_workspaces->remove(*profile, this, [this, profile](const api::CredentialError &error) {
        if (error.isError()) {
            ui::MessageBox::warning(
                m_window.get(), tr("Remove Workspace"),
                tr("The workspace was kept because its keys could not be removed from the "
                   "keychain: %1")
                    .arg(error.message()));
            return;
        }
        refreshWorkspaceList();
        if (m_window->currentProfile().id == profile->id && m_session) {
            // The pages go first (deferred), then the session they use.
            m_window->closeWorkspace();
            m_session->deleteLater();
            m_session = nullptr;
        }
    });
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
