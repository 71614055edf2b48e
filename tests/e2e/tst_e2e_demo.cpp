// End to end: the GUI opens the demo workspace (in-process sandbox) and lists its newsletters.
#include "../common/testhome.h"
#include "api/appapi.h"
#include "api/client.h"
#include "api/requestlog.h"
#include "app/studio.h"
#include "liquid/liquidengine.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/segments/segmentlistmodel.h"
#include "models/store/localstore.h"
#include "models/store/storesync.h"
#include "models/variants/variantmatrix.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/workspacesession.h"
#include "tests/common/democontract.h"
#include "tests/common/webenginetest.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/editor/conflictdialog.h"
#include "ui/editor/qapanel.h"
#include "ui/editor/varianteditor.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/deliveriestab.h"
#include "ui/newsletters/newsletterlistpage.h"
#include "ui/newsletters/newsletterpage.h"
#include "ui/preview/languagegrid.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"
#include "ui/segments/segmentspage.h"
#include "ui/snippets/snippetspage.h"
#include "ui/workspaces/welcomepage.h"

#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

class TestE2eDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        cio::test::freshHome();
        QString error;
        QVERIFY2(m_contract.start(&error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        // Everything the app sent in this program went through Prism (--errors): nothing may break the
        // vendor's contract.
        const QStringList violations = m_contract.finish();
        QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    }
    void demoOptionOpensTheNewsletterList();
    void openingTheDemoAsksForEachListOnce();
    void welcomeButtonOpensTheDemo();
    void helpersAndErrors();
    void openANewsletterShowsItsMatrix();
    void unsavedEditIsOfferedBackAfterRestart();
    void addLanguageAndSaveAllDrafts();
    void listOpensFromStoreAndSearchesBodies();
    void conflictIsShownAndMergedByHand();
    void dragAndDropBodyBecomesReadOnly();
    void previewAndQualityChecks();
    void previewAllLanguages();
    void deliveriesShowTheArchivedCopy();
    void snippetsAndSegmentsInTheSidebar();

private:
    cio::test::DemoContract m_contract;
};

// Starts the app on a fresh demo workspace and opens a newsletter's page; null when either fails.
static cio::ui::NewsletterPage *openDemoNewsletter(cio::app::Studio &studio, qint64 newsletterId)
{
    cio::test::freshHome();
    if (!studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}))
        return nullptr;
    cio::ui::MainWindow *window = studio.mainWindow();
    if (!QTest::qWaitFor([window] { return window->newsletterDetailPage() != nullptr; }, 10000))
        return nullptr;
    window->openNewsletter(newsletterId);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    const bool loaded =
        QTest::qWaitFor([page] { return !page->isLoading() && page->matrixModel()->rowCount() > 0; }, 15000);
    return loaded ? page : nullptr;
}

static QTreeView *waitForList(cio::ui::MainWindow *window)
{
    QTreeView *view = nullptr;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((view = window->findChild<QTreeView *>(QStringLiteral("newsletterList"))),
                                 10000);
    }();
    return view;
}

void TestE2eDemo::demoOptionOpensTheNewsletterList()
{
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    QVERIFY(window->isVisible());

    QTreeView *view = waitForList(window);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 40, 15000);
    QVERIFY(view->isVisible());

    // Start-up does not pay for WebEngine: nothing has asked for Liquid or a preview yet (this is the
    // first test of the program, so no earlier one started it).
    // The hidden pages (snippets with its preview) have a moment to load what they show.
    QTest::qWait(1500);
    QVERIFY(!studio.session()->liquid()->isStarted());

    // The sidebar shows the sections that work, and Newsletters is current.
    QListWidget *sidebar = window->sidebar();
    QVERIFY(sidebar->count() >= 1);
    QCOMPARE(sidebar->currentItem()->text(), QStringLiteral("Newsletters"));

    // Every row shows a name and an id.
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        QVERIFY(!view->model()
                     ->index(row, cio::models::NewsletterListModel::NameColumn)
                     .data()
                     .toString()
                     .isEmpty());
        QVERIFY(view->model()->index(row, cio::models::NewsletterListModel::IdColumn).data().toLongLong() >
                0);
    }

    // Typing a newsletter's name into the search field narrows the list to it.
    const QString name =
        view->model()->index(0, cio::models::NewsletterListModel::NameColumn).data().toString();
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("newsletterSearch"));
    QVERIFY(search);
    const int all = view->model()->rowCount();
    QTest::keyClicks(search, name);
    QTRY_VERIFY(view->model()->rowCount() >= 1);
    QVERIFY(view->model()->rowCount() < all);
    for (int row = 0; row < view->model()->rowCount(); ++row)
        QVERIFY(view->model()->index(row, 0).data().toString().contains(name, Qt::CaseInsensitive));

    search->clear();
    QTRY_COMPARE(view->model()->rowCount(), all);
}

// Opening a workspace asks for each list once: the sync, the Snippets page and the editor's completion
// share one snippets request; nothing asks for a newsletter's details twice.
void TestE2eDemo::openingTheDemoAsksForEachListOnce()
{
    cio::test::freshHome(); // nothing synced yet: the sync fetches every newsletter
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::models::WorkspaceSession *session = studio.session();
    QVERIFY(session && session->sync());
    QTRY_VERIFY_WITH_TIMEOUT(!session->sync()->isRunning(), 60000);
    QTest::qWait(1500); // the pages have their moment to ask for what they show
    QHash<QString, int> counts;
    static const QRegularExpression id(QStringLiteral("/\\d+"));
    QHash<QString, int> perPath;
    for (const auto &entry : session->requestLog()->entries()) {
        const QString path = QString::fromLatin1(entry.method) + QLatin1Char(' ') + entry.path;
        ++perPath[path];
        ++counts[QString(path).replace(id, QStringLiteral("/{id}"))];
    }
    QStringList seen;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        seen << QStringLiteral("%1 ×%2").arg(it.key()).arg(it.value());
    seen.sort();
    qInfo().noquote() << "requests while opening the demo:" << seen.join(QStringLiteral(", "));
    QCOMPARE(counts.value(QStringLiteral("GET /v1/snippets")), 1);
    QCOMPARE(counts.value(QStringLiteral("GET /v1/newsletters")), 1); // the demo's 46 fit one page
    QCOMPARE(counts.value(QStringLiteral("GET /v1/segments")), 0);    // the page loads when shown
    const int newsletters = int(studio.store()->newsletters().size());
    QVERIFY(newsletters >= 40);
    QCOMPARE(counts.value(QStringLiteral("GET /v1/newsletters/{id}/contents")), newsletters);
    for (auto it = perPath.cbegin(); it != perPath.cend(); ++it)
        QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 asked %2 times").arg(it.key()).arg(it.value())));
}

void TestE2eDemo::welcomeButtonOpensTheDemo()
{
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    auto *button = window->findChild<QPushButton *>(QStringLiteral("openDemoButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(!window->findChild<QTreeView *>(QStringLiteral("newsletterList")));

    QTest::mouseClick(button, Qt::LeftButton);
    QTreeView *view = waitForList(window);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 40, 15000);
    QVERIFY(!button->isVisible());
}

void TestE2eDemo::helpersAndErrors()
{
    cio::app::Studio studio;
    QString error;
    QVERIFY(!studio.start({QStringLiteral("cio-studio"), QStringLiteral("--no-such-option")}, &error));
    QVERIFY(error.contains(QLatin1String("no-such-option")));
}

void TestE2eDemo::openANewsletterShowsItsMatrix()
{
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    window->resize(1280, 800);
    QTreeView *list = waitForList(window);
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 40, 15000);

    // An A/B newsletter of the demo data: "Black Friday 2026 — Pro early access" (three groups).
    // Its id is unique, while its words also occur inside other newsletters' bodies (found by full-text).
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("newsletterSearch"));
    QTest::keyClicks(search, QStringLiteral("Pro early access"));
    QModelIndex row;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < list->model()->rowCount(); ++r) {
                if (list->model()->index(r, cio::models::NewsletterListModel::IdColumn).data().toLongLong() ==
                    189)
                    row = list->model()->index(r, 0);
            }
            return row.isValid();
        }(),
        10000);
    list->setCurrentIndex(row);
    emit list->activated(row);

    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    QVERIFY(page);
    QTRY_VERIFY(page->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    const auto *model = page->matrixModel();
    QVERIFY2(model->rowCount() >= 2, "one row per A/B test group");
    QVERIFY(model->columnCount() >= 3);
    QCOMPARE(model->headerData(0, Qt::Horizontal).toString(), QStringLiteral("Default"));
    // Every row has its Default variant.
    for (int r = 0; r < model->rowCount(); ++r)
        QVERIFY(model->cellAt(model->index(r, 0)).content.has_value());
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1String("/newsletter-page.png"));

    // Open the German variant of group A, change its subject, save: the sandbox holds the new subject.
    const int de = model->matrix().languages().indexOf(QStringLiteral("de"));
    QVERIFY(de > 0);
    const QModelIndex cell = model->index(0, de);
    const qint64 contentId = model->cellAt(cell).content->id;
    emit page->matrixView()->activated(cell);
    cio::ui::VariantEditor *editor = window->variantEditor();
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->base().id, contentId);
    QVERIFY(!editor->isModified());
    const QString subject = QStringLiteral("Nur für Pro-Mitglieder: Black Friday beginnt jetzt");
    // QTest types ASCII only: set the German text, then type the last characters as keystrokes.
    editor->subjectEdit()->setText(subject.chopped(4));
    editor->subjectEdit()->end(false);
    QTest::keyClicks(editor->subjectEdit(), subject.right(4));
    QVERIFY(editor->isModified());
    QCOMPARE(editor->changes().keys(), QStringList{QStringLiteral("subject")});
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1String("/variant-editor.png"));
    // Shortcuts need an active window, as for a user at the keyboard.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    editor->subjectEdit()->setFocus();
    QTest::keySequence(editor->subjectEdit(), QKeySequence::Save);
    QTRY_VERIFY2_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")),
                              qPrintable(editor->messageWidget()->text()), 15000);
    QVERIFY2(!editor->isModified(), QJsonDocument(editor->changes()).toJson().constData());

    std::optional<cio::api::Content> onServer;
    cio::api::AppApi(studio.client())
        .content(page->newsletterId(), contentId, this,
                 [&](const cio::api::Content &c, const cio::api::Error &) { onServer = c; });
    QTRY_VERIFY_WITH_TIMEOUT(onServer.has_value(), 10000);
    QCOMPARE(onServer->subject, subject);
}

void TestE2eDemo::unsavedEditIsOfferedBackAfterRestart()
{
    const QString typed = QStringLiteral("Ciao! Black Friday arriva prima per te");
    qint64 contentId = 0;
    {
        cio::app::Studio studio;
        QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
        cio::ui::MainWindow *window = studio.mainWindow();
        QTRY_VERIFY_WITH_TIMEOUT(window->newsletterDetailPage(), 10000);
        cio::ui::NewsletterPage *page = window->newsletterDetailPage();
        page->load(189);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
        const auto *model = page->matrixModel();
        const QModelIndex cell = model->index(1, model->matrix().languages().indexOf(QStringLiteral("it")));
        contentId = model->cellAt(cell).content->id;
        emit page->matrixView()->activated(cell);
        cio::ui::VariantEditor *editor = window->variantEditor();
        QTRY_VERIFY(editor->base().id == contentId);
        editor->subjectEdit()->clear();
        QTest::keyClicks(editor->subjectEdit(), typed);

        // Within 2 s of the last keystroke the draft is on disk, before anything else happens.
        QTest::qWait(1500);
        cio::models::LocalStore disk;
        QVERIFY(disk.open(cio::models::LocalStore::pathFor(QStringLiteral("demo"))));
        const auto draft = disk.draft(contentId);
        QVERIFY(draft.has_value());
        QCOMPARE(draft->fields.value(QLatin1String("subject")).toString(), typed);
    }

    // Next start: the draft is offered back, the matrix marks the cell, the editor restores the text.
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    auto *banner = window->findChild<cio::ui::MessageWidget *>(QStringLiteral("draftsBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner && banner->isVisible(), 10000);
    QVERIFY(banner->text().contains(QLatin1String("unsaved draft")));
    emit banner->actionTriggered();
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    QTRY_VERIFY_WITH_TIMEOUT(page->isVisible() && !page->isLoading() && page->matrixModel()->rowCount() > 0,
                             15000);
    QCOMPARE(page->newsletterId(), qint64(189));
    const auto *model = page->matrixModel();
    const QModelIndex cell = model->index(1, model->matrix().languages().indexOf(QStringLiteral("it")));
    QTRY_COMPARE(model->cellAt(cell).status, cio::models::CellStatus::Draft);
    emit page->matrixView()->activated(cell);
    cio::ui::VariantEditor *editor = window->variantEditor();
    QTRY_VERIFY(editor->isVisible());
    QCOMPARE(editor->subjectEdit()->text(), typed);
    QVERIFY(editor->isModified());
    QVERIFY(editor->messageWidget()->text().contains(QLatin1String("restored")));
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1String("/restored-draft.png"));
}

void TestE2eDemo::addLanguageAndSaveAllDrafts()
{
    cio::test::freshHome();
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->newsletterDetailPage(), 10000);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    const auto waitLoaded = [page] {
        QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    };

    // A draft A/B newsletter (189, three groups) gets Swedish in every group, copied from each Default.
    window->openNewsletter(189);
    waitLoaded();
    QVERIFY(!page->matrixModel()->matrix().languages().contains(QStringLiteral("sv")));
    page->addLanguage(QStringLiteral("sv"));
    QTRY_VERIFY_WITH_TIMEOUT(page->matrixModel()->matrix().languages().contains(QStringLiteral("sv")), 15000);
    waitLoaded();
    const auto &matrix = page->matrixModel()->matrix();
    const int sv = matrix.languages().indexOf(QStringLiteral("sv"));
    for (int row = 0; row < matrix.rowCount(); ++row)
        QCOMPARE(matrix.cell(row, sv).status, cio::models::CellStatus::Untranslated);
    QVERIFY(page->messageWidget()->text().startsWith(QLatin1String("Added")));

    // A sent newsletter (184): the API refuses and the page says so.
    page->load(184);
    waitLoaded();
    page->addLanguage(QStringLiteral("sv"));
    QTRY_VERIFY_WITH_TIMEOUT(page->messageWidget()->text().contains(QLatin1String("could not be added")),
                             15000);

    // Two drafts of 189 saved in one batch.
    window->openNewsletter(189);
    waitLoaded();
    cio::models::LocalStore store;
    QVERIFY(store.open(cio::models::LocalStore::pathFor(QStringLiteral("demo"))));
    QList<qint64> ids;
    for (const QString &language : {QStringLiteral("de"), QStringLiteral("fr")}) {
        const auto &m = page->matrixModel()->matrix();
        const cio::api::Content c = *m.cell(0, m.languages().indexOf(language)).content;
        cio::models::Draft d;
        d.contentId = c.id;
        d.newsletterId = 189;
        d.base = c;
        d.fields = QJsonObject{{QStringLiteral("subject"), QString(QStringLiteral("Batch ") + language)}};
        d.savedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store.saveDraft(d));
        ids << c.id;
    }
    page->refreshDrafts();
    auto *saveAll = page->findChild<QPushButton *>(QStringLiteral("saveAllDrafts"));
    QVERIFY(saveAll->isEnabled());
    QTest::mouseClick(saveAll, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(page->messageWidget()->text().startsWith(QLatin1String("Saved all 2")),
                              qPrintable(page->messageWidget()->text()), 15000);
    QVERIFY(store.drafts(189).isEmpty());
    for (qint64 id : ids) {
        std::optional<cio::api::Content> onServer;
        cio::api::AppApi(studio.client())
            .content(189, id, this,
                     [&](const cio::api::Content &c, const cio::api::Error &) { onServer = c; });
        QTRY_VERIFY_WITH_TIMEOUT(onServer.has_value(), 10000);
        QVERIFY(onServer->subject.startsWith(QLatin1String("Batch ")));
    }
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1String("/newsletter-page-after-batch.png"));
}

void TestE2eDemo::listOpensFromStoreAndSearchesBodies()
{
    cio::test::freshHome();
    {
        // First start: nothing stored yet, the list pages from the API and the sync fills the store.
        cio::app::Studio studio;
        QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
        QTRY_VERIFY_WITH_TIMEOUT(
            studio.mainWindow()->statusBar()->currentMessage().startsWith(QLatin1String("Workspace synced")),
            30000);
    }
    cio::models::LocalStore stored;
    QVERIFY(stored.open(cio::models::LocalStore::pathFor(QStringLiteral("demo"))));
    QVERIFY(stored.newsletters().size() >= 40);
    stored.close();

    // Second start: the list is filled from the store before any answer from the API.
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    QTreeView *list = window->findChild<QTreeView *>(QStringLiteral("newsletterList"));
    QVERIFY(list);
    QVERIFY2(list->model()->rowCount() >= 40, "filled from the store at once");

    // A word that occurs only inside one German body (newsletter 147) finds that newsletter.
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("newsletterSearch"));
    search->setText(QStringLiteral("Außenschicht"));
    QTRY_COMPARE(list->model()->rowCount(), 1);
    QCOMPARE(list->model()->index(0, cio::models::NewsletterListModel::IdColumn).data().toLongLong(),
             qint64(147));
}

void TestE2eDemo::conflictIsShownAndMergedByHand()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = openDemoNewsletter(studio, 189);
    QVERIFY(page);
    cio::ui::MainWindow *window = studio.mainWindow();
    const auto &matrix = page->matrixModel()->matrix();
    const QModelIndex cell = page->matrixModel()->index(2, matrix.languages().indexOf(QStringLiteral("fr")));
    const cio::api::Content variant = *page->matrixModel()->cellAt(cell).content;
    emit page->matrixView()->activated(cell);
    cio::ui::VariantEditor *editor = window->variantEditor();
    QTRY_VERIFY(editor->isVisible());
    QVERIFY(editor->findChild<QLineEdit *>(QStringLiteral("bccField"))->isReadOnly());
    // The first start's background sync uses the key's whole rate budget for a few seconds; the
    // colleague's client (same key) would only collect 429s meanwhile.
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusBar()->currentMessage().startsWith(QLatin1String("Workspace synced")), 30000);

    // Another client (a colleague in the web editor) saves the same variant meanwhile.
    cio::api::Client colleague(studio.client()->settings());
    bool theirsSaved = false;
    colleague.send(cio::api::Request::put(QStringLiteral("/v1/newsletters/189/contents/%1").arg(variant.id),
                                          QJsonObject{{QStringLiteral("type"), QStringLiteral("email")},
                                                      {QStringLiteral("preheader_text"),
                                                       QStringLiteral("Préheader changé par une collègue")}}),
                   this, [&](const cio::api::Response &r) { theirsSaved = r.ok(); });
    QTRY_VERIFY_WITH_TIMEOUT(theirsSaved, 10000);

    // The Default's Liquid stays (the quality checks would otherwise ask before saving).
    const QString subject =
        QStringLiteral("{% if customer.first_name != blank %}{{ customer.first_name }}, {% endif %}"
                       "Accès anticipé : le Black Friday commence pour vous");
    editor->subjectEdit()->setText(subject);
    cio::ui::ConflictDialog::setNextChoice(cio::ui::ConflictDialog::Choice::MergeByHand);
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(
        editor->messageWidget()->text().contains(QLatin1String("server's version is on the left")), 15000);
    // Nothing of theirs was overwritten, nothing of ours lost: both end up on the server after the merge.
    QCOMPARE(editor->base().preheaderText, QStringLiteral("Préheader changé par une collègue"));
    QVERIFY(editor->isModified());
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 15000);
    std::optional<cio::api::Content> onServer;
    cio::api::AppApi(studio.client())
        .content(189, variant.id, this,
                 [&](const cio::api::Content &c, const cio::api::Error &) { onServer = c; });
    QTRY_VERIFY_WITH_TIMEOUT(onServer.has_value(), 10000);
    QCOMPARE(onServer->subject, subject);
    QCOMPARE(onServer->preheaderText, QStringLiteral("Préheader changé par une collègue"));
}

void TestE2eDemo::dragAndDropBodyBecomesReadOnly()
{
    cio::test::freshHome();
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(window->newsletterDetailPage(), 10000);
    // Newsletter 163's German variant (2141) was built with the drag-and-drop editor.
    window->openNewsletter(163);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    const auto &matrix = page->matrixModel()->matrix();
    const QModelIndex cell = page->matrixModel()->index(0, matrix.languages().indexOf(QStringLiteral("de")));
    QCOMPARE(page->matrixModel()->cellAt(cell).content->id, qint64(2141));
    emit page->matrixView()->activated(cell);
    cio::ui::VariantEditor *editor = window->variantEditor();
    QTRY_VERIFY(editor->isVisible());

    editor->subjectEdit()->setText(QStringLiteral("Neueröffnung in München: Sendlinger Straße"));
    editor->bodyEdit()->append(QStringLiteral("<!-- edited -->"));
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().contains(QLatin1String("drag-and-drop")), 15000);
    QVERIFY(editor->bodyEdit()->isReadOnly());
    // What can be saved still is: the subject goes through, the body stays as it was.
    QCOMPARE(editor->saveableChanges().keys(), QStringList{QStringLiteral("subject")});
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 15000);

    // Opened again later, the body is read-only from the start, with the reason.
    emit editor->closeRequested();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    emit page->matrixView()->activated(
        page->matrixModel()->index(0, matrix.languages().indexOf(QStringLiteral("de"))));
    QTRY_VERIFY(editor->isVisible());
    QVERIFY(editor->bodyEdit()->isReadOnly());
    QVERIFY(!editor->subjectEdit()->isReadOnly());
    QVERIFY(editor->messageWidget()->text().contains(QLatin1String("drag-and-drop")));

    // A variant of another channel (the demo has only email newsletters, so a push copy of this one)
    // opens read-only with the reason: the editor's fields are an email's.
    const QModelIndex again = page->matrixModel()->index(
        0, page->matrixModel()->matrix().languages().indexOf(QStringLiteral("de")));
    cio::api::Content push = page->matrixModel()->cellAt(again).content.value();
    push.type = QStringLiteral("push");
    editor->open(push, {}, {}, false);
    QVERIFY(editor->subjectEdit()->isReadOnly());
    QVERIFY(editor->bodyEdit()->isReadOnly());
    QVERIFY(!editor->findChild<QPushButton *>(QStringLiteral("saveVariant"))->isEnabled());
    QVERIFY2(editor->messageWidget()->text().contains(QLatin1String("push notification variant")),
             qPrintable(editor->messageWidget()->text()));
}

// The editor's preview renders the variant with the workspace's sample data; the quality checks follow
// every edit, list each finding with its place, jump there, mark the matrix cell, and stand between
// an error and the server until the user chooses to save anyway.
void TestE2eDemo::previewAndQualityChecks()
{
    cio::test::freshHome();
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    window->resize(1600, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(window->newsletterDetailPage(), 10000);
    window->openNewsletter(189);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    QSignalSpy pageChecked(page, &cio::ui::NewsletterPage::qualityChecked);
    QTRY_VERIFY_WITH_TIMEOUT(!page->isLoading() && page->matrixModel()->rowCount() > 0, 15000);
    QVERIFY(pageChecked.wait(20000) || !pageChecked.isEmpty());
    // Every variant has its result; the untranslated Italian one of group A is flagged in its cell.
    QCOMPARE(page->qaFindings().size(), 23);
    const auto &matrix = page->matrixModel()->matrix();
    const QModelIndex italian =
        page->matrixModel()->index(0, matrix.languages().indexOf(QStringLiteral("it")));
    // The cell shows a compact badge ("⚠1"); the tooltip spells it out.
    QVERIFY2(italian.data().toString().contains(QStringLiteral("⚠")), qPrintable(italian.data().toString()));
    QVERIFY(italian.data(Qt::ToolTipRole).toString().contains(QLatin1String("warning")));

    const QModelIndex cell = page->matrixModel()->index(2, matrix.languages().indexOf(QStringLiteral("fr")));
    const cio::api::Content variant = *page->matrixModel()->cellAt(cell).content;
    emit page->matrixView()->activated(cell);
    cio::ui::VariantEditor *editor = window->variantEditor();
    QTRY_VERIFY(editor->isVisible());

    // The preview: subject and preheader as text, rendered with the sample set that suits French (Camille).
    cio::ui::VariantPreview *preview = editor->preview();
    QCOMPARE(editor->sideTabs()->currentWidget(), preview);
    QTRY_VERIFY_WITH_TIMEOUT(
        preview->view()->subjectText().startsWith(QLatin1String("Camille, Black Friday")), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(preview->view()->webView() && preview->lastUpdateMs() > 0, 20000);
    const auto described = [editor] {
        QStringList lines{editor->qaPanel()->summary()};
        for (const auto &f : editor->findings())
            lines.append(f.field + QLatin1Char(' ') + f.check + QLatin1Char(' ') + f.message);
        return lines.join(QLatin1Char('\n'));
    };
    // Camille's subject is a little long for a phone (a warning); nothing blocks a save.
    QTRY_VERIFY2_WITH_TIMEOUT(!editor->qaPanel()->summary().startsWith(QLatin1String("Checking")) &&
                                  cio::qa::errorCount(editor->findings()) == 0,
                              qPrintable(described()), 20000);
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(500); // let Chromium paint what it loaded
        window->grab().save(dir + QLatin1String("/editor-preview.png"));
    }

    // Typing follows into the preview.
    editor->preheaderEdit()->setText(QStringLiteral("Nouveau : {{ customer.first_name }} en avant-première"));
    QTRY_COMPARE_WITH_TIMEOUT(preview->view()->preheaderText(),
                              QStringLiteral("Nouveau : Camille en avant-première"), 10000);

    // A translation that drops the Default's variable and breaks the HTML: both are errors.
    editor->subjectEdit()->setText(QStringLiteral("Black Friday en avant-première"));
    editor->bodyEdit()->setText(
        editor->bodyEdit()->text().replace(QLatin1String("</table>"), QString(), Qt::CaseInsensitive));
    QTRY_VERIFY_WITH_TIMEOUT(cio::qa::errorCount(editor->findings()) >= 2, 20000);
    QList<cio::qa::Finding> findings = editor->findings();
    const auto dropped = std::find_if(findings.cbegin(), findings.cend(), [](const cio::qa::Finding &f) {
        return f.check == QLatin1String("variables") && f.field == QLatin1String("subject");
    });
    QVERIFY(dropped != findings.cend());
    QVERIFY(dropped->message.contains(QLatin1String("customer.first_name")));
    const auto html = std::find_if(findings.cbegin(), findings.cend(), [](const cio::qa::Finding &f) {
        return f.check == QLatin1String("html") && f.field == QLatin1String("body") && f.line > 0;
    });
    QVERIFY(html != findings.cend());
    QVERIFY(editor->sideTabs()->tabText(1).contains(QLatin1String("error")));
    // The matrix cell says so too.
    QTRY_VERIFY(page->matrixModel()
                    ->qaCounts(variant.id)
                    .value_or(cio::models::VariantMatrixModel::QaCounts{})
                    .errors >= 2);

    // A finding jumps to its place in the editor.
    editor->sideTabs()->setCurrentWidget(editor->qaPanel());
    QTreeWidget *list = editor->qaPanel()->list();
    QTreeWidgetItem *htmlItem = nullptr;
    int htmlLine = 0;
    for (int i = 0; i < list->topLevelItemCount() && !htmlItem; ++i) {
        const auto &f =
            editor->qaPanel()->findings().at(list->topLevelItem(i)->data(0, Qt::UserRole).toInt());
        if (f.check == QLatin1String("html") && f.line > 0) {
            htmlItem = list->topLevelItem(i);
            htmlLine = f.line;
        }
    }
    QVERIFY(htmlItem);
    emit list->itemActivated(htmlItem, 0);
    int line = -1;
    int index = -1;
    editor->bodyEdit()->getCursorPosition(&line, &index);
    QCOMPARE(line, htmlLine - 1);
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1String("/editor-quality.png"));

    // Saving asks first; "Cancel" sends nothing.
    cio::ui::MessageBox::setNextAnswer(QMessageBox::Cancel);
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Not saved")), 20000);
    QVERIFY(cio::ui::MessageBox::lastText().contains(QLatin1String("customer.first_name")));
    std::optional<cio::api::Content> onServer;
    cio::api::AppApi(studio.client())
        .content(189, variant.id, this,
                 [&](const cio::api::Content &c, const cio::api::Error &) { onServer = c; });
    QTRY_VERIFY_WITH_TIMEOUT(onServer.has_value(), 10000);
    QCOMPARE(onServer->subject, variant.subject);
    // "Save" is the explicit override.
    cio::ui::MessageBox::setNextAnswer(QMessageBox::Save);
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 20000);
    onServer.reset();
    cio::api::AppApi(studio.client())
        .content(189, variant.id, this,
                 [&](const cio::api::Content &c, const cio::api::Error &) { onServer = c; });
    QTRY_VERIFY_WITH_TIMEOUT(onServer.has_value(), 10000);
    QCOMPARE(onServer->subject, QStringLiteral("Black Friday en avant-première"));
}

void TestE2eDemo::previewAllLanguages()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = openDemoNewsletter(studio, 189);
    QVERIFY(page);
    page->matrixView()->setCurrentIndex(page->matrixModel()->index(1, 0)); // test group B
    auto *button = page->findChild<QPushButton *>(QStringLiteral("previewAllLanguages"));
    QVERIFY(button && button->isEnabled());
    // The grid is modal: look at it while it is open, then close it.
    bool inspected = false;
    QStringList subjects;
    QStringList languages;
    QTimer::singleShot(0, this, [&] {
        cio::ui::LanguageGrid *grid = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((grid = page->findChild<cio::ui::LanguageGrid *>()) != nullptr, 10000);
        grid->resize(1800, 900);
        QTRY_VERIFY_WITH_TIMEOUT(grid->isComplete() && !grid->views().isEmpty(), 30000);
        languages = grid->languages();
        for (const cio::ui::PreviewView *view : grid->views())
            subjects.append(view->subjectText());
        const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
        if (!dir.isEmpty())
            grid->grab().save(dir + QLatin1String("/language-grid.png"));
        inspected = true;
        grid->reject();
    });
    button->click();
    QVERIFY(inspected);
    // Group B's Default and its translations, every one rendered with the same sample data.
    QCOMPARE(languages.first(), QString());
    QVERIFY(languages.size() >= 5);
    QCOMPARE(subjects.size(), languages.size());
    for (const QString &subject : std::as_const(subjects)) {
        QVERIFY2(!subject.contains(QLatin1String("{{")), qPrintable(subject));
        QVERIFY(!subject.isEmpty());
    }
}

// A sent newsletter's deliveries, and one recipient's archived copy in the preview.
void TestE2eDemo::deliveriesShowTheArchivedCopy()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = openDemoNewsletter(studio, 126);
    QVERIFY(page);
    cio::ui::MainWindow *window = studio.mainWindow();
    window->resize(1500, 950);
    cio::ui::DeliveriesTab *deliveries = page->deliveriesTab();
    page->tabs()->setCurrentWidget(deliveries);
    QTRY_VERIFY_WITH_TIMEOUT(!deliveries->isLoading() && deliveries->deliveryCount() > 0, 15000);
    QCOMPARE(deliveries->deliveryCount(), 12);
    QCOMPARE(deliveries->view()->model()->rowCount(), 12);

    QSignalSpy shown(deliveries, &cio::ui::DeliveriesTab::archivedCopyShown);
    int row = 0;
    for (; row < deliveries->view()->model()->rowCount(); ++row) {
        deliveries->showArchivedCopy(row);
        if (shown.wait(10000))
            break;
    }
    QVERIFY2(!shown.isEmpty(), "no delivery of newsletter 126 has an archived copy");
    const cio::api::ArchivedMessage &copy = deliveries->archivedMessage();
    QVERIFY(!copy.body.isEmpty());
    QVERIFY(!copy.body.contains(QLatin1String("{{")));
    QCOMPARE(deliveries->preview()->subjectText(), copy.subject);
    // The daily quota is counted down and shown.
    QTRY_VERIFY(deliveries->findChild<QLabel *>() != nullptr);
    bool quotaShown = false;
    for (const QLabel *label : deliveries->findChildren<QLabel *>())
        quotaShown = quotaShown || label->text().contains(QLatin1String("of 100"));
    QVERIFY(quotaShown);
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(500);
        window->grab().save(dir + QLatin1String("/deliveries.png"));
    }
}

// The workspace's snippets and segments are sections of the main window; a snippet's usage opens the
// variant in the editor.
void TestE2eDemo::snippetsAndSegmentsInTheSidebar()
{
    cio::test::freshHome();
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    window->resize(1500, 950);
    QTRY_VERIFY_WITH_TIMEOUT(window->snippetsPage() && window->segmentsPage(), 10000);
    QCOMPARE(window->sidebar()->count(), 3);
    QCOMPARE(window->sidebar()->item(1)->text(), QStringLiteral("Snippets"));
    QCOMPARE(window->sidebar()->item(2)->text(), QStringLiteral("Segments"));
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");

    window->sidebar()->setCurrentRow(1);
    QTRY_VERIFY(window->snippetsPage()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window->snippetsPage()->list()->topLevelItemCount() >= 20, 20000);
    if (!dir.isEmpty()) {
        QTest::qWait(500);
        window->grab().save(dir + QLatin1String("/snippets-page.png"));
    }

    window->sidebar()->setCurrentRow(2);
    QTRY_VERIFY(window->segmentsPage()->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(window->segmentsPage()->model()->rowCount() >= 10, 20000);
    if (!dir.isEmpty()) {
        QTest::qWait(300);
        window->grab().save(dir + QLatin1String("/segments-page.png"));
    }

    // "Open the variant" from a usage: the newsletter's page loads, then the editor opens on it.
    window->openVariant(189, 2237);
    cio::ui::VariantEditor *editor = window->variantEditor();
    QTRY_VERIFY_WITH_TIMEOUT(editor->isVisible() && editor->base().id == 2237, 20000);
    QCOMPARE(window->sidebar()->currentRow(), 0);
}

CIO_WEBENGINE_TEST_MAIN(TestE2eDemo)
#include "tst_e2e_demo.moc"
