// End to end for the preview and the deliveries: archived copies against the sandbox in this process
// with a real local store (each copy fetched once, kept across reopening the workspace), and the GUI on
// the demo workspace (remote content asked again each time the editor opens a variant; Preview All
// Languages within the screen).
#include "../common/testhome.h"
#include "api/client.h"
#include "app/studio.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrix.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/workspacesession.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/contractproxy.h"
#include "tests/common/webenginetest.h"
#include "ui/common/messagewidget.h"
#include "ui/editor/varianteditor.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/deliveriestab.h"
#include "ui/newsletters/newsletterpage.h"
#include "ui/preview/languagegrid.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLayout>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>

#include <memory>

namespace {

constexpr qint64 SentNewsletter = 126; // the demo's sent newsletter with deliveries
constexpr qint64 LocalizedNewsletter = 189;

int archivedRequests(const cio::sandbox::Server &server)
{
    int n = 0;
    for (const cio::sandbox::RequestRecord &r : server.requests())
        n += r.path.endsWith(QLatin1String("/archived_message")) ? 1 : 0;
    return n;
}

} // namespace

class TestE2ePreview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void archivedCopiesAreFetchedOnce();
    void remoteContentIsAskedAgainOnEveryOpening();
    void previewAllLanguagesFitsTheScreen();

private:
    cio::sandbox::Server m_server;
    cio::api::ConnectionSettings m_settings;
    cio::test::ContractProxy m_contract;
};

void TestE2ePreview::cleanupTestCase()
{
    qInfo().noquote() << m_contract.coverageLine();
    m_contract.stop();
    const QStringList violations = m_contract.violations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestE2ePreview::initTestCase()
{
    cio::test::freshHome();
    cio::sandbox::Options options;
    options.rateLimit = 0;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
    QVERIFY2(m_contract.start(m_server.url(), &error), qPrintable(error));
    cio::api::ConnectionSettings settings;
    settings.baseUrl = m_contract.url(); // every request through the contract's validator
    settings.apiKey = options.apiKey;
    m_settings = settings;
}

void TestE2ePreview::archivedCopiesAreFetchedOnce()
{
    const QString path =
        cio::test::freshStorePath(QStringLiteral("e2e-preview"), QStringLiteral("workspace.sqlite"));
    m_server.setArchivedMessageQuota(100);
    m_server.clearRequests();
    int row = -1;
    QString subject;
    {
        cio::models::WorkspaceSession session({}, m_settings, path);
        QVERIFY2(session.store(), qPrintable(session.storeError()));
        cio::models::LocalStore &store = *session.store();
        cio::ui::DeliveriesTab tab(&session);
        tab.setNewsletter(SentNewsletter, {});
        tab.resize(1200, 800);
        tab.show();
        QTRY_VERIFY_WITH_TIMEOUT(!tab.isLoading() && tab.deliveryCount() > 0, 15000);
        QSignalSpy shown(&tab, &cio::ui::DeliveriesTab::archivedCopyShown);
        for (row = 0; row < tab.view()->model()->rowCount(); ++row) {
            tab.showArchivedCopy(row);
            if (shown.wait(5000))
                break;
        }
        QVERIFY2(!shown.isEmpty(), "no delivery of the sent newsletter has an archived copy");
        subject = tab.archivedMessage().subject;
        QVERIFY(!subject.isEmpty());
        const int fetched = archivedRequests(m_server);
        QVERIFY(fetched >= 1);
        QCOMPARE(tab.quotaText(), QStringLiteral("Archived copies left today: %1 of 100").arg(100 - fetched));
        QVERIFY2(tab.sourceText().contains(QLatin1String("Fetched from Customer.io")),
                 qPrintable(tab.sourceText()));

        // The same delivery again: from the store, no request, the same quota.
        shown.clear();
        tab.showArchivedCopy(row);
        QTRY_COMPARE(shown.size(), 1);
        QTest::qWait(200);
        QCOMPARE(archivedRequests(m_server), fetched);
        QCOMPARE(tab.archivedMessage().subject, subject);
        QCOMPARE(tab.preview()->subjectText(), subject);
        QVERIFY2(tab.sourceText().contains(QLatin1String("kept on this computer")),
                 qPrintable(tab.sourceText()));
        QCOMPARE(tab.quotaText(), QStringLiteral("Archived copies left today: %1 of 100").arg(100 - fetched));
        QVERIFY(store.archivedMessageCount() >= 1);
    }
    // The workspace opened again (a new store object on the same file): still no request.
    m_server.clearRequests();
    cio::models::WorkspaceSession session({}, m_settings, path);
    QVERIFY(session.store());
    cio::ui::DeliveriesTab tab(&session);
    tab.setNewsletter(SentNewsletter, {});
    tab.show();
    QTRY_VERIFY_WITH_TIMEOUT(!tab.isLoading() && tab.deliveryCount() > 0, 15000);
    QSignalSpy shown(&tab, &cio::ui::DeliveriesTab::archivedCopyShown);
    tab.showArchivedCopy(row);
    QTRY_COMPARE(shown.size(), 1);
    QTest::qWait(200);
    QCOMPARE(archivedRequests(m_server), 0);
    QCOMPARE(tab.preview()->subjectText(), subject);
    QVERIFY2(tab.sourceText().contains(QLatin1String("kept on this computer")), qPrintable(tab.sourceText()));

    // Remote content allowed for one copy is blocked again for the next one shown.
    tab.preview()->setRemoteContentAllowed(true);
    tab.showArchivedCopy(row);
    QTRY_COMPARE(shown.size(), 2);
    QVERIFY(!tab.preview()->remoteContentAllowed());
}

// The real editor, which calls VariantPreview::setLanguage() on every open.
void TestE2ePreview::remoteContentIsAskedAgainOnEveryOpening()
{
    cio::test::freshHome();
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    window->resize(1600, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(window->newsletterDetailPage(), 10000);
    window->openNewsletter(LocalizedNewsletter);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    const auto &matrix = page->matrixModel()->matrix();
    const QModelIndex cell = page->matrixModel()->index(0, matrix.languages().indexOf(QStringLiteral("de")));
    QVERIFY(cell.isValid());

    const auto open = [&] {
        emit page->matrixView()->activated(cell);
        QTRY_VERIFY(window->variantEditor() && window->variantEditor()->isVisible());
    };
    open();
    cio::ui::VariantPreview *preview = window->variantEditor()->preview();
    QTRY_VERIFY_WITH_TIMEOUT(preview->view()->webView() && preview->lastUpdateMs() > 0, 20000);
    cio::ui::PreviewView *view = preview->view();
    QSignalSpy loaded(view, &cio::ui::PreviewView::documentLoaded);
    view->setRemoteContentAllowed(true); // "Load Remote Content"
    QVERIFY(loaded.wait(20000));
    QVERIFY(view->remoteContentAllowed());

    // Back to the newsletter and the same variant opened again: remote content is blocked again.
    loaded.clear();
    window->openNewsletter(LocalizedNewsletter);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    open();
    QCOMPARE(window->variantEditor()->preview(), preview);
    QVERIFY(!view->remoteContentAllowed());
    QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 20000);
    QVERIFY(!view->remoteContentAllowed());
}

void TestE2ePreview::previewAllLanguagesFitsTheScreen()
{
    cio::test::freshHome();
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->newsletterDetailPage(), 10000);
    window->openNewsletter(LocalizedNewsletter);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    auto *button = page->findChild<QPushButton *>(QStringLiteral("previewAllLanguages"));
    QVERIFY(button && button->isEnabled());
    const QRect screen = window->screen()->availableGeometry();
    bool inspected = false;
    QRect closeRect;
    QRect gridRect;
    QList<int> widths;
    QTimer::singleShot(0, this, [&] {
        cio::ui::LanguageGrid *grid = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((grid = page->findChild<cio::ui::LanguageGrid *>()) != nullptr, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(grid->isComplete() && !grid->views().isEmpty(), 30000);
        gridRect = grid->frameGeometry();
        auto *buttons = grid->findChild<QDialogButtonBox *>();
        closeRect = QRect(buttons->mapToGlobal(QPoint()), buttons->size());
        for (QWidget *column : grid->columns())
            widths.append(column->width());
        const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            grid->grab().save(dir + QLatin1String("/language-grid-demo.png"));
        inspected = true;
        grid->reject();
    });
    button->click();
    QVERIFY(inspected);
    QVERIFY2(screen.contains(gridRect),
             qPrintable(QStringLiteral("%1×%2").arg(gridRect.width()).arg(gridRect.height())));
    QVERIFY(screen.contains(closeRect));
    QVERIFY(widths.size() >= 5);
    for (int width : std::as_const(widths))
        QVERIFY2(width >= cio::ui::LanguageGrid::MinColumnWidth, qPrintable(QString::number(width)));
}

CIO_WEBENGINE_TEST_MAIN(TestE2ePreview)

#include "tst_e2e_preview.moc"
