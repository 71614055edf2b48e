// End to end: the variant editor as a marketer uses it for an hour — opening one variant after another,
// going back and forth, reverting, saving, undoing, a colleague saving in between, restarts with drafts —
// against the in-process demo sandbox. Each test follows a path that once crashed, lost text or showed a
// stale view.
#include "../common/testhome.h"
#include "api/appapi.h"
#include "api/client.h"
#include "app/studio.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrixmodel.h"
#include "models/variants/variantsaver.h"
#include "tests/common/democontract.h"
#include "tests/common/webenginetest.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/editor/conflictdialog.h"
#include "ui/editor/qapanel.h"
#include "ui/editor/varianteditor.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/newsletterpage.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollBar>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>

using cio::ui::MessageBox;
using cio::ui::VariantEditor;

class TestE2eEditor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
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
    void init();
    void reopeningAfterADraftWriteNeverUsesFreedCells();
    void revertAndUndoRefreshPreviewAndChecks();
    void dragAndDropBodyRefusalKeepsTheEdit();
    void confirmationsBeforeLosingOrReplacingText();
    void ownEarlierSaveIsNotAConflict();
    void conflictIsShownFieldByFieldAndChosenPerField();
    void layoutIsUsableOnSmallScreens();
    void keyboardAndSmallAnnoyances();
    void soakEveryVariantOfEveryNewsletter();
    void listProgressBelongsToItsRowAfterARestart();

private:
    cio::test::DemoContract m_contract;
};

namespace {

struct Demo
{
    cio::app::Studio studio;
    cio::ui::MainWindow *window = nullptr;
    cio::ui::NewsletterPage *page = nullptr;
    VariantEditor *editor = nullptr;

    bool start(QSize size = {1366, 768})
    {
        if (!studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}))
            return false;
        window = studio.mainWindow();
        window->resize(size);
        if (!QTest::qWaitFor([this] { return window->newsletterDetailPage() != nullptr; }, 10000))
            return false;
        page = window->newsletterDetailPage();
        editor = window->variantEditor();
        return true;
    }
    bool openNewsletter(qint64 id)
    {
        window->openNewsletter(id);
        page = window->newsletterDetailPage();
        return QTest::qWaitFor(
            [this, id] {
                return page->newsletterId() == id && !page->isLoading() && page->matrixModel()->rowCount() > 0;
            },
            15000);
    }
    QModelIndex cell(int row, const QString &language) const
    {
        const auto *model = page->matrixModel();
        return model->index(row, int(model->matrix().languages().indexOf(language)));
    }
    // Double-click on a cell, as the user does: the editor opens with that variant.
    bool openCell(const QModelIndex &index)
    {
        if (!index.isValid())
            return false;
        const auto content = page->matrixModel()->cellAt(index).content;
        if (!content)
            return false;
        emit page->matrixView()->activated(index);
        return QTest::qWaitFor([this, content] { return editor->isVisible() && editor->base().id == content->id; },
                               5000);
    }
    // The editor's back button (keeps the draft when asked).
    void goBack()
    {
        if (editor->isModified())
            MessageBox::setNextAnswer(QMessageBox::No); // "Keep as Draft"
        if (editor->requestClose())
            emit editor->closeRequested();
    }
    bool pageReady() const
    {
        return QTest::qWaitFor(
            [this] { return page->isVisible() && !page->isLoading() && page->matrixModel()->rowCount() > 0; },
            15000);
    }
};

std::optional<cio::api::Content> serverContent(cio::api::Client *client, qint64 newsletterId, qint64 contentId)
{
    std::optional<cio::api::Content> out;
    bool done = false;
    QObject context;
    cio::api::AppApi(client).content(newsletterId, contentId, &context,
                                     [&](const cio::api::Content &c, const cio::api::Error &error) {
                                         if (!error.isError())
                                             out = c;
                                         done = true;
                                     });
    if (!QTest::qWaitFor([&done] { return done; }, 10000))
        return std::nullopt;
    return out;
}

bool putContent(cio::api::Client *client, const cio::models::VariantAddress &address, const QJsonObject &fields)
{
    bool ok = false;
    bool done = false;
    QJsonObject body = fields;
    body.insert(QStringLiteral("type"), QStringLiteral("email"));
    QObject context;
    client->send(cio::api::Request::put(address.path(), body), &context, [&](const cio::api::Response &r) {
        ok = r.ok();
        done = true;
    });
    return QTest::qWaitFor([&done] { return done; }, 10000) && ok;
}

void screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        window->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
}

} // namespace

void TestE2eEditor::init()
{
    cio::test::freshHome();
    MessageBox::clearAnswers();
}

// The crash path of issue 11: open `es` of newsletter 193, type, go back, open `es` again or `de`; then
// the same after a restart with the draft restored. Opening writes the previous variant's draft, which
// rebuilds the matrix the activated cell came from.
void TestE2eEditor::reopeningAfterADraftWriteNeverUsesFreedCells()
{
    const QString typed = QStringLiteral("¡Solo hoy! ");
    qint64 esId = 0;
    for (int session = 0; session < 2; ++session) {
        Demo demo;
        QVERIFY(demo.start());
        QVERIFY(demo.openNewsletter(193));
        const QModelIndex es = demo.cell(0, QStringLiteral("es"));
        const QModelIndex de = demo.cell(0, QStringLiteral("de"));
        QVERIFY(es.isValid() && de.isValid());
        esId = demo.page->matrixModel()->cellAt(es).content->id;
        const qint64 deId = demo.page->matrixModel()->cellAt(de).content->id;
        for (int round = 0; round < 3; ++round) {
            QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("es"))));
            QCOMPARE(demo.editor->base().language, QStringLiteral("es"));
            demo.editor->subjectEdit()->setCursorPosition(0);
            QTest::keyClicks(demo.editor->subjectEdit(), QStringLiteral("x"));
            QVERIFY(demo.editor->isModified());
            // Straight to another cell while the draft timer is pending: open() writes the draft first.
            QVERIFY(demo.openCell(demo.cell(0, round % 2 ? QStringLiteral("es") : QStringLiteral("de"))));
            QCOMPARE(demo.editor->base().id, round % 2 ? esId : deId);
            // The sample data follows the variant's language, not the previous one's.
            const QString language = demo.editor->base().language;
            cio::models::LocalStore *store = nullptr;
            Q_UNUSED(store);
            const auto sets = demo.studio.store()->sampleSets();
            qint64 expected = 0;
            for (const auto &set : sets) {
                if (set.language == language) {
                    expected = set.id;
                    break;
                }
                if (set.isDefault && !expected)
                    expected = set.id;
            }
            QCOMPARE(demo.editor->preview()->currentSampleSet(), expected);
            demo.goBack();
            QVERIFY(demo.pageReady());
        }
        // The draft of `es` is there and offered back in the next session.
        QVERIFY(demo.studio.store()->draft(esId).has_value());
        Q_UNUSED(typed);
    }
}

// Revert to Server and Undo Last Save put other text in the fields; the preview and the quality checks
// must follow at once.
void TestE2eEditor::revertAndUndoRefreshPreviewAndChecks()
{
    Demo demo;
    QVERIFY(demo.start());
    QVERIFY(demo.openNewsletter(193));
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("fr"))));
    VariantEditor *editor = demo.editor;
    const QString serverSubject = editor->base().subject;
    cio::ui::PreviewView *view = editor->preview()->view();
    QTRY_COMPARE_WITH_TIMEOUT(view->subjectText().isEmpty(), false, 15000);

    // A broken Liquid tag in the subject: the checks find it and the preview shows the new text.
    editor->subjectEdit()->setText(QStringLiteral("Bonjour {{ customer.first_name "));
    QTRY_VERIFY_WITH_TIMEOUT(cio::qa::errorCount(editor->findings()) > 0, 15000);

    MessageBox::setNextAnswer(QMessageBox::Ok); // "Discard My Changes"
    editor->revertToServer();
    QTRY_COMPARE_WITH_TIMEOUT(editor->subjectEdit()->text(), serverSubject, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(cio::qa::errorCount(editor->findings()) == 0, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!view->subjectText().contains(QLatin1String("{{")), 15000);
    QVERIFY(!demo.studio.store()->draft(editor->base().id));

    // Save a new subject, then undo the save: fields, preview and checks show the earlier version.
    const QString saved = QStringLiteral("Nouvelle collection : %1").arg(QDateTime::currentSecsSinceEpoch());
    editor->subjectEdit()->setText(saved);
    QTRY_VERIFY_WITH_TIMEOUT(view->subjectText().contains(QLatin1String("Nouvelle collection")), 15000);
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 15000);
    MessageBox::setNextAnswer(QMessageBox::Ok); // "Undo Last Save"
    editor->undoLastSave();
    QTRY_COMPARE_WITH_TIMEOUT(editor->subjectEdit()->text(), serverSubject, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!view->subjectText().contains(QLatin1String("Nouvelle collection")), 15000);
    QVERIFY(!editor->isModified());
    const auto onServer = serverContent(demo.studio.client(), 193, editor->base().id);
    QVERIFY(onServer);
    QCOMPARE(onServer->subject, serverSubject);
}

// Newsletter 163's German variant was built with the drag-and-drop editor: the API refuses its body.
// The edited body must stay (in the editor and the draft), the other fields must still save, and the
// message says why and what the user can do.
void TestE2eEditor::dragAndDropBodyRefusalKeepsTheEdit()
{
    Demo demo;
    QVERIFY(demo.start());
    QVERIFY(demo.openNewsletter(163));
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("de"))));
    VariantEditor *editor = demo.editor;
    QCOMPARE(editor->base().id, qint64(2141));
    editor->subjectEdit()->setText(QStringLiteral("Neueröffnung in München"));
    editor->bodyEdit()->append(QStringLiteral("<p>Mein neuer Absatz</p>"));
    const QString myBody = editor->bodyEdit()->text();
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->isBodyLocked(), 15000);
    const QString message = editor->messageWidget()->text();
    QVERIFY2(message.contains(QLatin1String("drag-and-drop")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("kept as a draft")), qPrintable(message));
    QVERIFY2(!message.contains(QLatin1String("(400)")), qPrintable(message));
    QCOMPARE(editor->bodyEdit()->text(), myBody); // not thrown away
    QVERIFY(editor->bodyEdit()->isReadOnly());
    QCOMPARE(editor->saveableChanges().keys(), QStringList{QStringLiteral("subject")});
    auto draft = demo.studio.store()->draft(2141);
    QVERIFY(draft);
    QCOMPARE(draft->fields.value(QLatin1String("body")).toString(), myBody);

    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 15000);
    QVERIFY(editor->messageWidget()->text().contains(QLatin1String("except the body")));
    const auto onServer = serverContent(demo.studio.client(), 163, 2141);
    QVERIFY(onServer);
    QCOMPARE(onServer->subject, QStringLiteral("Neueröffnung in München"));
    QVERIFY(onServer->body != myBody);
    draft = demo.studio.store()->draft(2141);
    QVERIFY2(draft && draft->fields.value(QLatin1String("body")).toString() == myBody,
             "the body stays a draft after the other fields are saved");
    emit editor->messageWidget()->actionTriggered(); // Copy Body
    QCOMPARE(QApplication::clipboard()->text(), myBody);
}

// Replacing or leaving text asks first; quitting says the drafts are kept.
void TestE2eEditor::confirmationsBeforeLosingOrReplacingText()
{
    Demo demo;
    QVERIFY(demo.start());
    QVERIFY(demo.openNewsletter(193));
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("de"))));
    VariantEditor *editor = demo.editor;
    editor->subjectEdit()->setText(QStringLiteral("Meine Änderung"));

    int asked = MessageBox::questionCount();
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    editor->revertToServer();
    QCOMPARE(MessageBox::questionCount(), asked + 1);
    QVERIFY(MessageBox::lastText().contains(QLatin1String("Subject")));
    QVERIFY(!MessageBox::lastText().contains(QLatin1String("preheader_text")));
    QTest::qWait(300);
    QCOMPARE(editor->subjectEdit()->text(), QStringLiteral("Meine Änderung"));

    asked = MessageBox::questionCount();
    MessageBox::setNextAnswer(QMessageBox::Cancel); // "Stay Here"
    QVERIFY(!editor->requestClose());
    QCOMPARE(MessageBox::questionCount(), asked + 1);
    QVERIFY(editor->isVisible());

    // Undo Last Save asks before it replaces the server's version.
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 15000);
    asked = MessageBox::questionCount();
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    editor->undoLastSave();
    QCOMPARE(MessageBox::questionCount(), asked + 1);
    QTest::qWait(300);
    QCOMPARE(editor->subjectEdit()->text(), QStringLiteral("Meine Änderung"));

    // Quitting with a draft: asked, and the text says the drafts are kept; Cancel keeps the window.
    editor->subjectEdit()->setText(QStringLiteral("Noch eine Änderung"));
    demo.window->show();
    asked = MessageBox::questionCount();
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!demo.window->close());
    QCOMPARE(MessageBox::questionCount(), asked + 1);
    QVERIFY(MessageBox::lastText().contains(QLatin1String("kept on this computer")));
    QVERIFY(demo.window->isVisible());
    QVERIFY(demo.studio.store()->draft(editor->base().id)); // written before asking
    MessageBox::setNextAnswer(QMessageBox::Ok);
    QVERIFY(demo.window->close());
}

// A save that reached the server but not our records (a crash right after the PUT): the next save
// finds the server holding exactly the draft and calls it saved, not "someone else changed it".
void TestE2eEditor::ownEarlierSaveIsNotAConflict()
{
    Demo demo;
    QVERIFY(demo.start());
    QVERIFY(demo.openNewsletter(193));
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("it"))));
    VariantEditor *editor = demo.editor;
    const QString subject = QStringLiteral("Ultimi giorni: %1").arg(QDateTime::currentSecsSinceEpoch());
    const QString preheader = QStringLiteral("Solo per te");
    editor->subjectEdit()->setText(subject);
    editor->preheaderEdit()->setText(preheader);
    editor->writeDraftNow();
    // The earlier run's PUT, which arrived although the app never learnt of it.
    const auto address = cio::models::VariantAddress::forVariant(editor->base(), {});
    QVERIFY(putContent(demo.studio.client(), cio::models::VariantAddress::forVariant(editor->base(), {}),
                       editor->changes()));
    Q_UNUSED(address);
    const int asked = MessageBox::questionCount();
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(!editor->messageWidget()->text().isEmpty() &&
                                 !editor->messageWidget()->text().startsWith(QLatin1String("Checking")),
                             15000);
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 15000);
    QCOMPARE(MessageBox::questionCount(), asked);
    QVERIFY(!editor->isModified());
    QVERIFY(!demo.studio.store()->draft(editor->base().id));
}

// A colleague changed the preheader while the user changed the subject: the dialog shows each differing
// field with its human name and a word diff; per-field choices save the user's subject and keep the
// colleague's preheader.
void TestE2eEditor::conflictIsShownFieldByFieldAndChosenPerField()
{
    Demo demo;
    QVERIFY(demo.start());
    QVERIFY(demo.openNewsletter(193));
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("tr"))));
    VariantEditor *editor = demo.editor;
    const cio::api::Content base = editor->base();
    const QString theirPreheader = QStringLiteral("Yeni önizleme metni");
    QTest::qWait(1100); // the sandbox's change time has one-second steps
    QVERIFY(putContent(demo.studio.client(), cio::models::VariantAddress::forVariant(base, {}),
                       {{QStringLiteral("preheader_text"), theirPreheader}}));
    const QString mySubject = QStringLiteral("Benim kendi konum");
    editor->subjectEdit()->setText(mySubject);

    // What the dialog shows for this conflict.
    const auto server = serverContent(demo.studio.client(), 193, base.id);
    QVERIFY(server);
    cio::ui::ConflictDialog dialog(base, *server, editor->saveableChanges());
    QCOMPARE(dialog.differingFields(), (QStringList{QStringLiteral("subject"), QStringLiteral("preheader_text")}));
    auto *diff = dialog.findChild<QTextBrowser *>(QStringLiteral("diff_subject"));
    QVERIFY(diff);
    QVERIFY(diff->toPlainText().contains(QLatin1String("kendi")));
    const QString shown = [&dialog] {
        QString all;
        for (const QLabel *label : dialog.findChildren<QLabel *>())
            all += label->text();
        return all;
    }();
    QVERIFY(shown.contains(QLatin1String("Preheader")));
    QVERIFY2(!shown.contains(QLatin1String("preheader_text")), qPrintable(shown));
    QVERIFY(dialog.keptMine().contains(QStringLiteral("subject")));
    QVERIFY(!dialog.keptMine().contains(QStringLiteral("preheader_text")));

    cio::ui::ConflictDialog::setNextChoice(cio::ui::ConflictDialog::Choice::PerField,
                                           {QStringLiteral("subject")});
    editor->save();
    QTRY_VERIFY_WITH_TIMEOUT(editor->messageWidget()->text().startsWith(QLatin1String("Saved")), 15000);
    const auto after = serverContent(demo.studio.client(), 193, base.id);
    QVERIFY(after);
    QCOMPARE(after->subject, mySubject);
    QCOMPARE(after->preheaderText, theirPreheader);
    QCOMPARE(editor->preheaderEdit()->text(), theirPreheader);
}

// At 1024×700 every field is usable: the body gets real room, the Default is optional, the preview can
// live in a window of its own; screenshots at three sizes for a look by eye.
void TestE2eEditor::layoutIsUsableOnSmallScreens()
{
    for (const QSize size : {QSize(1024, 700), QSize(1366, 768), QSize(1920, 1080)}) {
        cio::test::freshHome();
        Demo demo;
        QVERIFY(demo.start(size));
        demo.window->show();
        QVERIFY(demo.openNewsletter(193));
        QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("de"))));
        VariantEditor *editor = demo.editor;
        QTest::qWait(200);
        // Nothing forces the window wider than the screen it is meant for.
        QVERIFY2(demo.window->width() <= size.width(),
                 qPrintable(QStringLiteral("%1 px wide").arg(demo.window->width())));
        QVERIFY2(editor->bodyEdit()->height() >= size.height() / 3,
                 qPrintable(QStringLiteral("body %1 px high at %2×%3")
                                .arg(editor->bodyEdit()->height())
                                .arg(size.width())
                                .arg(size.height())));
        QVERIFY(editor->bodyEdit()->width() >= 280);
        QVERIFY(editor->subjectEdit()->width() >= 200);
        QVERIFY(editor->subjectEdit()->height() >= editor->subjectEdit()->sizeHint().height());
        QCOMPARE(editor->isDefaultVisible(), size.width() >= 1500);
        screenshot(demo.window, QStringLiteral("editor-%1x%2").arg(size.width()).arg(size.height()));
        if (size.width() == 1024) {
            // The Default beside it on request, remembered for the next editor.
            editor->setDefaultVisible(true);
            QVERIFY(editor->isDefaultVisible());
            editor->setPreviewDetached(true);
            QVERIFY(editor->isPreviewDetached());
            QTRY_VERIFY(editor->preview()->isVisible());
            QVERIFY(editor->bodyEdit()->width() >= 280);
            screenshot(demo.window, QStringLiteral("editor-1024x700-detached"));
            // Closing the preview's window puts it back.
            editor->preview()->window()->close();
            QTRY_VERIFY(!editor->isPreviewDetached());
            QVERIFY(editor->sideTabs()->isVisible());
        }
    }
}

void TestE2eEditor::keyboardAndSmallAnnoyances()
{
    Demo demo;
    QVERIFY(demo.start());
    demo.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(demo.window));
    QVERIFY(demo.openNewsletter(193));
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("de"))));
    VariantEditor *editor = demo.editor;
    // A long subject opens at its start.
    QCOMPARE(editor->subjectEdit()->cursorPosition(), 0);
    // Find text does not carry over to the next editor.
    editor->showFindBar();
    editor->findEdit()->setText(QStringLiteral("Rabatt"));
    QVERIFY(demo.pageReady() || true);
    // Esc from the find bar closes the bar, a second Esc goes back to the matrix.
    demo.window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(demo.window));
    editor->findEdit()->setFocus();
    QTest::keyClick(editor->findEdit(), Qt::Key_Escape);
    QVERIFY(!editor->findEdit()->isVisible());
    QVERIFY(editor->isVisible());
    editor->subjectEdit()->setFocus();
    QTest::keyClick(editor->subjectEdit(), Qt::Key_Escape);
    QVERIFY(demo.pageReady());
    QVERIFY(!editor->isVisible());
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("fr"))));
    QVERIFY(editor->findEdit()->text().isEmpty());
    // Alt+Left goes back too.
    editor->subjectEdit()->setFocus();
    QTest::keyClick(editor->subjectEdit(), Qt::Key_Left, Qt::AltModifier);
    QVERIFY(demo.pageReady());

    // The Default and the translation scroll together, whichever one is scrolled.
    QVERIFY(demo.openCell(demo.cell(0, QStringLiteral("fr"))));
    editor->setDefaultVisible(true);
    QTest::qWait(100);
    cio::ui::CodeEditor *mine = editor->bodyEdit();
    cio::ui::CodeEditor *theirs = editor->defaultBodyView();
    QVERIFY(mine->lines() > 20 && theirs->lines() > 20);
    theirs->verticalScrollBar()->setValue(4);
    QCOMPARE(mine->firstVisibleLine(), theirs->firstVisibleLine());
    mine->verticalScrollBar()->setValue(2);
    QCOMPARE(theirs->firstVisibleLine(), mine->firstVisibleLine());

    // The main window fits the screen it opens on.
    const QRect screen = demo.window->screen()->availableGeometry();
    cio::test::freshHome();
    Demo small;
    QVERIFY(small.studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    QVERIFY(small.studio.mainWindow()->width() <= screen.width());
    QVERIFY(small.studio.mainWindow()->height() <= screen.height());
}

// Every variant of every demo newsletter in turn: open, type, go back, reopen; on some also revert,
// save and undo the save; then a restart with the drafts, each opened again. Run under ASan in CI.
void TestE2eEditor::soakEveryVariantOfEveryNewsletter()
{
    const int limit = qEnvironmentVariableIntValue("CIO_SOAK_NEWSLETTERS");
    QList<qint64> ids;
    QSet<qint64> drafted;
    int opened = 0;
    {
        Demo demo;
        QVERIFY(demo.start());
        QVERIFY(QTest::qWaitFor([&] { return demo.studio.store()->newsletters().size() >= 40; }, 20000));
        for (const auto &n : demo.studio.store()->newsletters())
            ids << n.id;
        std::sort(ids.begin(), ids.end());
        if (limit > 0 && ids.size() > limit)
            ids = ids.mid(0, limit);
        for (qint64 id : std::as_const(ids)) {
            QVERIFY2(demo.openNewsletter(id), qPrintable(QString::number(id)));
            const int rows = demo.page->matrixModel()->rowCount();
            const int columns = demo.page->matrixModel()->columnCount();
            for (int row = 0; row < rows; ++row) {
                for (int column = 0; column < columns; ++column) {
                    const QModelIndex index = demo.page->matrixModel()->index(row, column);
                    const auto content = demo.page->matrixModel()->cellAt(index).content;
                    if (!content)
                        continue;
                    QVERIFY(demo.openCell(index));
                    ++opened;
                    VariantEditor *editor = demo.editor;
                    editor->subjectEdit()->end(false);
                    QTest::keyClicks(editor->subjectEdit(), QStringLiteral(" ok"));
                    if (opened % 7 == 0) {
                        MessageBox::setNextAnswer(QMessageBox::Ok);
                        editor->revertToServer();
                        QVERIFY(QTest::qWaitFor([editor] { return !editor->isModified(); }, 60000));
                        MessageBox::clearAnswers();
                    } else if (opened % 11 == 0 && !editor->isBodyLocked()) {
                        MessageBox::setNextAnswer(QMessageBox::Save); // despite QA errors, if any
                        editor->save();
                        const auto finished = [editor] {
                            const QString text = editor->messageWidget()->text();
                            return text.startsWith(QLatin1String("Saved")) ||
                                   text.startsWith(QLatin1String("Not saved")) ||
                                   text.startsWith(QLatin1String("Customer.io refused"));
                        };
                        QVERIFY2(QTest::qWaitFor(finished, 60000), qPrintable(editor->messageWidget()->text()));
                        MessageBox::clearAnswers(); // no errors: nobody asked
                        if (editor->messageWidget()->text().startsWith(QLatin1String("Saved"))) {
                            MessageBox::setNextAnswer(QMessageBox::Ok);
                            editor->undoLastSave();
                            QVERIFY2(QTest::qWaitFor(
                                         [editor] {
                                             const QString text = editor->messageWidget()->text();
                                             return text.startsWith(QLatin1String("The previous version")) ||
                                                    text.startsWith(QLatin1String("Not undone"));
                                         },
                                         60000),
                                     qPrintable(editor->messageWidget()->text()));
                            MessageBox::clearAnswers();
                        }
                        if (editor->isModified())
                            drafted.insert(content->id); // a refused save stays a draft
                    } else {
                        drafted.insert(content->id);
                    }
                    demo.goBack();
                    QVERIFY(demo.pageReady());
                    // Reopen the same cell: the typed text is there.
                    if (drafted.contains(content->id)) {
                        QVERIFY(demo.openCell(demo.page->matrixModel()->index(row, column)));
                        QVERIFY(demo.editor->subjectEdit()->text().endsWith(QLatin1String(" ok")));
                        demo.goBack();
                        QVERIFY(demo.pageReady());
                    }
                }
            }
        }
        QVERIFY(opened > 0);
        QCOMPARE(demo.studio.store()->drafts().size(), drafted.size());
        for (qint64 contentId : std::as_const(drafted))
            QVERIFY2(demo.studio.store()->draft(contentId), qPrintable(QString::number(contentId)));
    }
    // Restart: every draft is offered back and opens with its text.
    Demo demo;
    QVERIFY(demo.start());
    QCOMPARE(demo.studio.store()->drafts().size(), drafted.size());
    int restored = 0;
    for (const auto &draft : demo.studio.store()->drafts()) {
        if (demo.page->newsletterId() != draft.newsletterId)
            QVERIFY(demo.openNewsletter(draft.newsletterId));
        QVERIFY(demo.page->openVariant(draft.contentId));
        QVERIFY(QTest::qWaitFor([&] { return demo.editor->base().id == draft.contentId; }, 5000));
        QVERIFY(demo.editor->isModified());
        ++restored;
        demo.goBack();
        QVERIFY(demo.pageReady());
    }
    QCOMPARE(restored, int(drafted.size()));
    qInfo("soak: %d variants opened in %d newsletters, %d drafts restored", opened, int(ids.size()), restored);
}

// A change on the server moves a newsletter in the list (sorted by update time); after a restart and the
// background sync, every row's translation progress is its own newsletter's.
void TestE2eEditor::listProgressBelongsToItsRowAfterARestart()
{
    {
        Demo demo;
        QVERIFY(demo.start());
        QVERIFY(demo.openNewsletter(189));
        demo.page->addLanguage(QStringLiteral("sv"));
        QVERIFY(QTest::qWaitFor([&] { return demo.page->messageWidget()->text().startsWith(QLatin1String("Added")); },
                                15000));
        QVERIFY(demo.pageReady());
    }
    Demo demo;
    QVERIFY(demo.start());
    auto *list = demo.window->findChild<QTreeView *>(QStringLiteral("newsletterList"));
    QVERIFY(list);
    QVERIFY(QTest::qWaitFor([&] { return list->model()->rowCount() >= 40; }, 15000));
    // Let the background sync bring 189's new version in (it reorders the list).
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto n = demo.studio.store()->newsletter(189);
            return n && demo.studio.store()->contents(189).size() > 0 &&
                   std::any_of(demo.studio.store()->contents(189).cbegin(), demo.studio.store()->contents(189).cend(),
                               [](const cio::api::Content &c) { return c.language == QLatin1String("sv"); });
        },
        20000));
    QTest::qWait(1500);
    using Model = cio::models::NewsletterListModel;
    int checked = 0;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        const qint64 id = list->model()->index(row, Model::IdColumn).data().toLongLong();
        const QString shown = list->model()->index(row, Model::TranslationsColumn).data().toString();
        const auto progress = demo.studio.store()->translationProgress({id});
        const QString expected = progress.value(id).translations ? Model::progressText(progress.value(id)) : QString();
        QVERIFY2(shown == expected, qPrintable(QStringLiteral("row %1 (newsletter %2): shows “%3”, its own is “%4”")
                                                   .arg(row)
                                                   .arg(id)
                                                   .arg(shown, expected)));
        ++checked;
    }
    QVERIFY(checked >= 40);
}

int main(int argc, char *argv[])
{
    // The soak opens hundreds of variants in one function: more than Qt Test's five minutes under ASan.
    if (!qEnvironmentVariableIsSet("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "2300000");
    return cio::test::runWebEngineTest<TestE2eEditor>(argc, argv);
}

#include "tst_e2e_editor.moc"
