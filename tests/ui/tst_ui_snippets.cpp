// The Snippets page, offscreen, against the sandbox in this process with a local store synced from it:
// create, validation, save with the impact preview, a failed save that keeps the text, rename with the
// references rewritten (and a conflict that loses nothing), delete refused while in use, read-only.
#include "api/client.h"
#include "models/preview/sampledata.h"
#include "models/snippets/snippetusages.h"
#include "models/store/localstore.h"
#include "models/store/storesync.h"
#include "models/workspacesession.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/webenginetest.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"
#include "ui/snippets/snippetimpactdialog.h"
#include "ui/snippets/snippetrenamedialog.h"
#include "ui/snippets/snippetspage.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>

using cio::ui::MessageBox;
using cio::ui::SnippetsPage;

namespace {

void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QTest::qWait(300); // the preview's compositor frame
    QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name));
}

QString bodyOf(cio::sandbox::Server &server, qint64 contentId)
{
    return server.data().content(contentId).value(QLatin1String("body")).toString();
}

QList<qint64> contentIdsOf(const QList<cio::models::SnippetUsage> &usages)
{
    QList<qint64> ids;
    for (const auto &u : usages) {
        if (!ids.contains(u.contentId))
            ids.append(u.contentId);
    }
    return ids;
}

int putsTo(const cio::sandbox::Server &server, const QString &pathPrefix)
{
    int n = 0;
    for (const auto &r : server.requests())
        n += (r.method == "PUT" || r.method == "DELETE") && r.path.startsWith(pathPrefix) ? 1 : 0;
    return n;
}

int requestsTo(const cio::sandbox::Server &server, const QByteArray &method, const QString &path)
{
    int n = 0;
    for (const auto &r : server.requests())
        n += r.method == method && r.path == path ? 1 : 0;
    return n;
}

} // namespace

class TestUiSnippets : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listSearchAndPreview();
    void createThroughThePage();
    void validationRefusesBeforeSending();
    void failedSaveKeepsTheText();
    void saveChecksTheServerFirst();
    void saveUsedSnippetWithImpactPreview();
    void renameRewritesReferences();
    void renameReportsConflictsAndKeepsTheOld();
    void deleteRefusedWhileInUse();
    void deleteUnused();
    void readOnlyDisablesWrites();
    void unsavedEditsSurviveTheWindow();

private:
    SnippetsPage *page() const { return m_page.get(); }
    void waitIdle();

    cio::sandbox::Server m_server;
    std::unique_ptr<cio::models::WorkspaceSession> m_session;
    cio::api::Client *m_client = nullptr;     // the session's
    cio::models::LocalStore *m_store = nullptr; // the session's
    std::unique_ptr<SnippetsPage> m_page;
};

void TestUiSnippets::initTestCase()
{
    cio::sandbox::Options options;
    options.rateLimit = 0; // the client paces itself; the sandbox need not
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
    cio::api::ConnectionSettings settings;
    settings.baseUrl = m_server.url();
    settings.apiKey = options.apiKey;
    const QString folder =
        qEnvironmentVariable("CIO_TEST_TMP", QDir::tempPath()) + QLatin1String("/ui-snippets");
    QDir(folder).removeRecursively();
    cio::models::WorkspaceProfile profile;
    profile.baseUrl = m_server.url();
    m_session = std::make_unique<cio::models::WorkspaceSession>(profile, settings,
                                                                 folder + QLatin1String("/workspace.sqlite"));
    QVERIFY2(m_session->store(), qPrintable(m_session->storeError()));
    m_client = m_session->client();
    m_store = m_session->store();
    QFile customers(QStringLiteral(":/demo/customers.json"));
    QVERIFY(customers.open(QIODevice::ReadOnly));
    QVERIFY(cio::models::ensureSampleSets(m_store, cio::models::sampleSetsFromJson(customers.readAll())) >
            0);
    cio::models::StoreSync sync(m_client, m_store);
    QSignalSpy finished(&sync, &cio::models::StoreSync::finished);
    sync.startFull();
    QVERIFY(finished.wait(120000));
    QVERIFY2(sync.failures().isEmpty(), qPrintable(sync.failures().join(QLatin1Char('\n'))));
    QVERIFY(m_store->snippets().size() >= 20);

    m_page = std::make_unique<SnippetsPage>(m_session.get());
    m_page->resize(1440, 880);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestUiSnippets::cleanupTestCase()
{
    m_page.reset();
    m_session.reset();
}

void TestUiSnippets::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(!page()->isBusy(), 30000);
}

void TestUiSnippets::listSearchAndPreview()
{
    QTreeWidget *list = page()->list();
    QCOMPARE(list->topLevelItemCount(), int(m_store->snippets().size()));
    QVERIFY(page()->selectSnippet(QStringLiteral("footer")));
    QCOMPARE(page()->editor()->text(),
             m_server.data().snippet(QStringLiteral("footer")).value(QLatin1String("value")).toString());
    QVERIFY(page()->nameField()->isReadOnly());

    // The preview renders the value with the default sample data.
    QSignalSpy updated(page()->preview(), &cio::ui::VariantPreview::updated);
    page()->preview()->renderNow();
    QVERIFY(updated.wait(30000));
    QCOMPARE(page()->preview()->view()->subjectText(), QStringLiteral("Snippet “footer”"));

    // The usages: every variant that uses it, one double-click away.
    page()->findUsages();
    QCOMPARE(page()->tabs()->currentWidget(), page()->usagesView());
    const QList<cio::models::SnippetUsage> usages =
        cio::models::findSnippetUsages(*m_store, QStringLiteral("footer"));
    QVERIFY(usages.size() > 10);
    QCOMPARE(page()->usagesView()->topLevelItemCount(), int(usages.size()));
    QSignalSpy requested(page(), &SnippetsPage::variantRequested);
    page()->usagesView()->setFocus();
    page()->usagesView()->setCurrentItem(page()->usagesView()->topLevelItem(1));
    QTest::keyClick(page()->usagesView(), Qt::Key_Return);
    QCOMPARE(requested.size(), 1);
    QCOMPARE(requested.first().at(0).toLongLong(), usages.at(1).newsletterId);
    QCOMPARE(requested.first().at(1).toLongLong(), usages.at(1).contentId);
    screenshot(page(), QStringLiteral("snippets-usages.png"));

    // Search looks at names and values.
    const auto visible = [list] {
        QStringList names;
        for (int i = 0; i < list->topLevelItemCount(); ++i) {
            if (!list->topLevelItem(i)->isHidden())
                names << list->topLevelItem(i)->text(0);
        }
        return names;
    };
    QTest::keyClicks(page()->searchField(), QStringLiteral("footer_"));
    QVERIFY(visible().size() >= 5);
    for (const QString &name : visible())
        QVERIFY(name.startsWith(QLatin1String("footer_")));
    page()->searchField()->clear();
    QTest::keyClicks(page()->searchField(), QStringLiteral("seattle"));
    QCOMPARE(visible(),
             (QStringList{QStringLiteral("holiday_opening_hours"), QStringLiteral("store_addresses")}));
    QTest::keyClicks(page()->searchField(), QStringLiteral(" store"));
    QCOMPARE(visible(), QStringList{QStringLiteral("store_addresses")}); // every word must match
    page()->searchField()->clear();
    QCOMPARE(visible().size(), list->topLevelItemCount());

    page()->tabs()->setCurrentIndex(0);
    QVERIFY(page()->selectSnippet(QStringLiteral("footer")));
    page()->preview()->renderNow();
    QVERIFY(updated.wait(30000));
    screenshot(page(), QStringLiteral("snippets-page.png"));
}

void TestUiSnippets::createThroughThePage()
{
    page()->newSnippet();
    QVERIFY(page()->isNew());
    QVERIFY(!page()->nameField()->isReadOnly());
    QTest::keyClicks(page()->nameField(), QStringLiteral("trail tip"));
    page()->editor()->setText(QStringLiteral(
        "<p style=\"font-family:Arial;padding:12px;background:#eef5ef\">Hi {{ customer.first_name | "
        "default: \"hiker\" }} — pack a rain shell.</p>"));
    QVERIFY(page()->isModified());
    QSignalSpy updated(page()->preview(), &cio::ui::VariantPreview::updated);
    page()->preview()->renderNow();
    QVERIFY(updated.wait(30000));
    screenshot(page(), QStringLiteral("snippets-new.png"));

    m_server.clearRequests();
    QSignalSpy saved(page(), &SnippetsPage::snippetSaved);
    QTest::mouseClick(page()->findChild<QPushButton *>(QStringLiteral("saveSnippet")), Qt::LeftButton);
    QVERIFY(saved.wait(30000));
    QCOMPARE(saved.first().at(0).toString(), QStringLiteral("trail tip"));
    QVERIFY(m_server.data()
                .snippet(QStringLiteral("trail tip"))
                .value(QLatin1String("value"))
                .toString()
                .contains(QLatin1String("rain shell")));
    // Created in one step that refuses a taken name (POST), not a read followed by the upserting PUT.
    QCOMPARE(requestsTo(m_server, "POST", QStringLiteral("/v1/snippets")), 1);
    QCOMPARE(putsTo(m_server, QStringLiteral("/v1/snippets")), 0);
    QCOMPARE(requestsTo(m_server, "GET", QStringLiteral("/v1/snippets")), 0);
    QVERIFY(m_store->snippetValues().contains(QStringLiteral("trail tip")));
    QVERIFY(!page()->isNew());
    QVERIFY(!page()->isModified());
    QCOMPARE(page()->currentName(), QStringLiteral("trail tip"));
    QCOMPARE(page()->list()->currentItem()->text(0), QStringLiteral("trail tip"));
    QVERIFY(page()->messageWidget()->text().contains(QLatin1String("Created")));
}

void TestUiSnippets::validationRefusesBeforeSending()
{
    struct Case
    {
        QString name, value, expected;
        int line;
    };
    const QList<Case> cases{
        {QStringLiteral("footer"), QStringLiteral("x"), QStringLiteral("exists already"), 0},
        {QString(151, QLatin1Char('n')), QStringLiteral("x"), QStringLiteral("150"), 0},
        {QStringLiteral("nested"), QStringLiteral("<p>\n{{ snippets.footer }}</p>"),
         QStringLiteral("another snippet"), 2},
        {QStringLiteral("too long"), QString(16001, QLatin1Char('x')), QStringLiteral("16000"), 0},
        {QStringLiteral("broken"), QStringLiteral("<p>\n{% if customer.vip %}VIP</p>"),
         QStringLiteral("does not parse"), 2},
        {QStringLiteral("unknown filter"), QStringLiteral("{{ 'x' | no_such_filter }}"),
         QStringLiteral("does not parse"), 1},
    };
    m_server.clearRequests();
    for (const Case &c : cases) {
        MessageBox::setNextAnswer(QMessageBox::Discard); // whatever the previous case left
        page()->newSnippet();
        page()->nameField()->setText(c.name);
        page()->editor()->setText(c.value);
        page()->save();
        QTRY_VERIFY_WITH_TIMEOUT(page()->messageWidget()->text().contains(c.expected), 30000);
        waitIdle();
        QVERIFY2(page()->messageWidget()->type() == cio::ui::MessageWidget::Type::Error,
                 qPrintable(page()->messageWidget()->text()));
        if (c.line > 0) {
            QVERIFY2(page()->messageWidget()->text().startsWith(QStringLiteral("Line %1,").arg(c.line)),
                     qPrintable(page()->messageWidget()->text()));
            int line = 0, index = 0;
            page()->editor()->getCursorPosition(&line, &index);
            QCOMPARE(line, c.line - 1);
        }
        // Nothing sent, nothing lost.
        QCOMPARE(putsTo(m_server, QStringLiteral("/v1/snippets")), 0);
        QCOMPARE(page()->editor()->text(), c.value);
    }
    screenshot(page(), QStringLiteral("snippets-validation.png"));
    MessageBox::setNextAnswer(QMessageBox::Discard);
    page()->revert();
    QVERIFY(!page()->isModified());
}

void TestUiSnippets::failedSaveKeepsTheText()
{
    QVERIFY(page()->selectSnippet(QStringLiteral("legal_uk")));
    const QString typed = page()->editor()->text() + QStringLiteral(" Terms apply.");
    page()->editor()->setText(typed);
    QVERIFY(m_server.setFaults(QStringLiteral("500*20@/v1/snippets")));
    page()->save();
    QTRY_VERIFY_WITH_TIMEOUT(page()->messageWidget()->text().contains(QLatin1String("was not saved")), 60000);
    QVERIFY(page()->messageWidget()->text().contains(QLatin1String("still here")));
    QCOMPARE(page()->editor()->text(), typed);
    QVERIFY(page()->isModified());
    QVERIFY(!m_server.data()
                 .snippet(QStringLiteral("legal_uk"))
                 .value(QLatin1String("value"))
                 .toString()
                 .endsWith(QLatin1String("Terms apply.")));

    // Leaving it asks first; Cancel keeps the text.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!page()->selectSnippet(QStringLiteral("footer")));
    QCOMPARE(page()->currentName(), QStringLiteral("legal_uk"));
    QCOMPARE(page()->editor()->text(), typed);

    // Once the server is back, "Try again" saves the same text.
    QVERIFY(m_server.setFaults(QString()));
    QSignalSpy saved(page(), &SnippetsPage::snippetSaved);
    emit page()->messageWidget()->actionTriggered();
    QVERIFY(saved.wait(30000));
    QVERIFY(m_server.data()
                .snippet(QStringLiteral("legal_uk"))
                .value(QLatin1String("value"))
                .toString()
                .endsWith(QLatin1String("Terms apply.")));
    QVERIFY(!page()->isModified());
}

void TestUiSnippets::saveChecksTheServerFirst()
{
    // A colleague changed the snippet after it was opened: asked first; Cancel keeps both texts.
    QVERIFY(page()->selectSnippet(QStringLiteral("legal_uk")));
    const QString mine = QStringLiteral("Mine: UK deliveries only.");
    page()->editor()->setText(mine);
    m_server.data().setSnippet(QStringLiteral("legal_uk"), QStringLiteral("Theirs: UK and IE."));
    m_server.clearRequests();
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    page()->save();
    QTRY_VERIFY_WITH_TIMEOUT(page()->messageWidget()->text().contains(QLatin1String("was not saved")), 30000);
    QVERIFY(MessageBox::lastText().contains(QLatin1String("Someone else changed")));
    QCOMPARE(putsTo(m_server, QStringLiteral("/v1/snippets")), 0);
    QCOMPARE(page()->editor()->text(), mine);
    QCOMPARE(m_server.data().snippet(QStringLiteral("legal_uk")).value(QLatin1String("value")).toString(),
             QStringLiteral("Theirs: UK and IE."));
    // Save replaces theirs, knowingly.
    MessageBox::setNextAnswer(QMessageBox::Save);
    QSignalSpy saved(page(), &SnippetsPage::snippetSaved);
    page()->save();
    QVERIFY(saved.wait(30000));
    QCOMPARE(m_server.data().snippet(QStringLiteral("legal_uk")).value(QLatin1String("value")).toString(),
             mine);

    // A new snippet whose name was taken elsewhere meanwhile (not in the local copy yet): refused.
    m_server.data().setSnippet(QStringLiteral("made elsewhere"), QStringLiteral("x"));
    page()->newSnippet();
    page()->nameField()->setText(QStringLiteral("made elsewhere"));
    page()->editor()->setText(QStringLiteral("mine"));
    m_server.clearRequests();
    page()->save();
    QTRY_VERIFY_WITH_TIMEOUT(page()->messageWidget()->text().contains(QLatin1String("meanwhile")), 30000);
    waitIdle();
    QCOMPARE(putsTo(m_server, QStringLiteral("/v1/snippets")), 0);
    QCOMPARE(requestsTo(m_server, "POST", QStringLiteral("/v1/snippets")), 1); // refused by the server
    QCOMPARE(m_server.data().snippet(QStringLiteral("made elsewhere")).value(QLatin1String("value")).toString(),
             QStringLiteral("x"));
    QCOMPARE(page()->editor()->text(), QStringLiteral("mine"));
    // The list learns of it (read again after the refusal).
    QTRY_VERIFY_WITH_TIMEOUT(m_store->snippetValues().contains(QStringLiteral("made elsewhere")), 30000);
    MessageBox::setNextAnswer(QMessageBox::Discard);
    page()->revert();
}

void TestUiSnippets::saveUsedSnippetWithImpactPreview()
{
    const QString name = QStringLiteral("spring promo banner");
    const QList<qint64> affected = contentIdsOf(cio::models::findSnippetUsages(*m_store, name));
    QVERIFY(affected.size() >= 2);
    QVERIFY(page()->selectSnippet(name));
    const QString before = page()->editor()->text();
    const QString changed =
        QStringLiteral("<p style=\"margin:0;padding:14px 32px;background:#f4c542;font-family:Arial;"
                       "font-weight:bold\">Spring 2027: 20% off with code SPRING27</p>\n") +
        before;
    page()->editor()->setText(changed);

    // Cancel: nothing sent, the text stays.
    m_server.clearRequests();
    page()->save();
    cio::ui::SnippetImpactDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = page()->findChild<cio::ui::SnippetImpactDialog *>()) != nullptr,
                             30000);
    QCOMPARE(dialog->contentIds(), affected);
    dialog->reject();
    QTRY_VERIFY(page()->findChild<cio::ui::SnippetImpactDialog *>() == nullptr);
    QCOMPARE(putsTo(m_server, QStringLiteral("/v1/snippets")), 0);
    QCOMPARE(page()->editor()->text(), changed);

    // Save: each affected variant before and after, side by side, then the PUT.
    page()->save();
    QTRY_VERIFY_WITH_TIMEOUT((dialog = page()->findChild<cio::ui::SnippetImpactDialog *>()) != nullptr,
                             30000);
    QSignalSpy rendered(dialog, &cio::ui::SnippetImpactDialog::variantRendered);
    QCOMPARE(dialog->variantList()->count(), int(affected.size()));
    dialog->variantList()->setCurrentRow(1);
    QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty() && rendered.last().at(0).toLongLong() == affected.at(1),
                             30000);
    QVERIFY(dialog->beforeView()->subjectText() == dialog->afterView()->subjectText());
    QVERIFY(dialog->problemText().isEmpty());
    screenshot(dialog, QStringLiteral("snippet-impact.png"));
    QSignalSpy saved(page(), &SnippetsPage::snippetSaved);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("impactSave")), Qt::LeftButton);
    QVERIFY(saved.wait(30000));
    QCOMPARE(m_server.data().snippet(name).value(QLatin1String("value")).toString(), changed);
    QCOMPARE(m_store->snippetValues().value(name), changed);
    QVERIFY(!page()->isModified());
}

void TestUiSnippets::renameRewritesReferences()
{
    const QString oldName = QStringLiteral("support_signature");
    const QString newName = QStringLiteral("support signature");
    const QList<qint64> affected = contentIdsOf(cio::models::findSnippetUsages(*m_store, oldName));
    QVERIFY(affected.size() >= 2);
    // One of them has an unsaved draft that uses the snippet too.
    const auto draftBase = m_store->content(affected.first());
    QVERIFY(draftBase);
    cio::models::Draft draft;
    draft.contentId = draftBase->id;
    draft.newsletterId = draftBase->newsletterId;
    draft.base = *draftBase;
    draft.fields = {
        {QStringLiteral("body"), QString(draftBase->body + QStringLiteral("\n<p>Draft edit</p>"))}};
    QVERIFY(m_store->saveDraft(draft));

    QVERIFY(page()->selectSnippet(oldName));
    page()->renameSnippet();
    cio::ui::SnippetRenameDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<cio::ui::SnippetRenameDialog *>()) != nullptr);
    QVERIFY(!dialog->renameButton()->isEnabled()); // the old name is no rename
    dialog->nameEdit()->setText(QStringLiteral("footer"));
    QVERIFY(!dialog->renameButton()->isEnabled());
    QVERIFY(dialog->problem().contains(QLatin1String("exists already")));
    dialog->nameEdit()->setText(newName);
    QVERIFY(dialog->renameButton()->isEnabled());
    QCOMPARE(dialog->rewrites().size(), affected.size());
    const QString review = dialog->review()->toPlainText();
    QVERIFY2(review.contains(QStringLiteral("snippets[\"support signature\"]")),
             qPrintable(review.left(500)));
    QVERIFY(review.contains(QStringLiteral("snippets.support_signature")));
    QVERIFY(review.contains(QLatin1String("unsaved draft")));
    screenshot(dialog, QStringLiteral("snippet-rename.png"));

    m_server.clearRequests();
    QSignalSpy renamed(page(), &SnippetsPage::snippetRenamed);
    QTest::mouseClick(dialog->renameButton(), Qt::LeftButton);
    QVERIFY(renamed.wait(60000));
    // The server: the new snippet, every variant rewritten, the old snippet gone.
    QVERIFY(!m_server.data().snippet(newName).isEmpty());
    QVERIFY(m_server.data().snippet(oldName).isEmpty());
    for (const qint64 id : affected) {
        QVERIFY(bodyOf(m_server, id).contains(QLatin1String("snippets[\"support signature\"]")));
        QVERIFY(!bodyOf(m_server, id).contains(QLatin1String("snippets.support_signature")));
    }
    // The local store in step: snippets, variants, the draft's text.
    QVERIFY(m_store->snippetValues().contains(newName));
    QVERIFY(!m_store->snippetValues().contains(oldName));
    QCOMPARE(contentIdsOf(cio::models::findSnippetUsages(*m_store, newName)), affected);
    QVERIFY(cio::models::findSnippetUsages(*m_store, oldName).isEmpty());
    const auto rewrittenDraft = m_store->draft(affected.first());
    QVERIFY(rewrittenDraft);
    const QString draftBody = rewrittenDraft->fields.value(QLatin1String("body")).toString();
    QVERIFY(draftBody.contains(QLatin1String("Draft edit")));
    QVERIFY(draftBody.contains(QLatin1String("snippets[\"support signature\"]")));
    QCOMPARE(page()->currentName(), newName);
    // Each variant went through the safe save: a snapshot of the server's version was kept.
    QVERIFY(m_store->latestSnapshot(affected.last()).has_value());
}

void TestUiSnippets::renameReportsConflictsAndKeepsTheOld()
{
    const QString oldName = QStringLiteral("holiday_opening_hours");
    const QString newName = QStringLiteral("opening_hours_holidays");
    const QList<qint64> affected = contentIdsOf(cio::models::findSnippetUsages(*m_store, oldName));
    QVERIFY(affected.size() >= 2);
    // Someone else edits one of the variants after the last sync.
    const qint64 theirs = affected.at(1);
    m_server.data().updateContent(theirs,
                                  {{QStringLiteral("subject"), QStringLiteral("Changed by a colleague")}});
    const QString theirBody = bodyOf(m_server, theirs);

    QVERIFY(page()->selectSnippet(oldName));
    page()->renameSnippet();
    cio::ui::SnippetRenameDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page()->findChild<cio::ui::SnippetRenameDialog *>()) != nullptr);
    dialog->nameEdit()->setText(newName);
    QTest::mouseClick(dialog->renameButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page()->messageWidget()->text().contains(QLatin1String("Not rewritten")), 60000);
    waitIdle();
    const QString message = page()->messageWidget()->text();
    QVERIFY2(message.contains(QString::number(theirs)), qPrintable(message));
    QCOMPARE(page()->messageWidget()->type(), cio::ui::MessageWidget::Type::Warning);
    // Nothing of theirs was overwritten; the others were rewritten; the old snippet stays for theirs.
    QCOMPARE(m_server.data().content(theirs).value(QLatin1String("subject")).toString(),
             QStringLiteral("Changed by a colleague"));
    QCOMPARE(bodyOf(m_server, theirs), theirBody);
    for (const qint64 id : affected) {
        if (id != theirs)
            QVERIFY(bodyOf(m_server, id).contains(QStringLiteral("snippets.") + newName));
    }
    QVERIFY(!m_server.data().snippet(oldName).isEmpty());
    QVERIFY(!m_server.data().snippet(newName).isEmpty());
    screenshot(page(), QStringLiteral("snippets-rename-conflict.png"));

    // After a sync the same rename goes on from where it stopped, and finishes.
    cio::models::StoreSync sync(m_client, m_store);
    QSignalSpy finished(&sync, &cio::models::StoreSync::finished);
    sync.startFull();
    QVERIFY(finished.wait(120000));
    QVERIFY(page()->selectSnippet(oldName));
    page()->renameSnippet();
    QTRY_VERIFY((dialog = page()->findChild<cio::ui::SnippetRenameDialog *>()) != nullptr);
    dialog->nameEdit()->setText(newName);
    QVERIFY(dialog->continuesEarlierRename());
    QCOMPARE(dialog->rewrites().size(), 1);
    QSignalSpy renamed(page(), &SnippetsPage::snippetRenamed);
    QTest::mouseClick(dialog->renameButton(), Qt::LeftButton);
    QVERIFY(renamed.wait(60000));
    QVERIFY(m_server.data().snippet(oldName).isEmpty());
    QVERIFY(bodyOf(m_server, theirs).contains(QStringLiteral("snippets.") + newName));
}

void TestUiSnippets::deleteRefusedWhileInUse()
{
    const QString name = QStringLiteral("free_shipping_bar");
    const QList<cio::models::SnippetUsage> usages = cio::models::findSnippetUsages(*m_store, name);
    QVERIFY(!usages.isEmpty());
    QVERIFY(page()->selectSnippet(name));
    // The confirmation lists the usages first.
    MessageBox::setNextAnswer(QMessageBox::No);
    page()->deleteSnippet();
    QVERIFY(MessageBox::lastText().contains(cio::models::describeSnippetUsage(usages.first())));
    QVERIFY(MessageBox::lastText().contains(QLatin1String("refuses to delete")));
    QVERIFY(!page()->isBusy());

    MessageBox::setNextAnswer(QMessageBox::Yes);
    page()->deleteSnippet();
    QTRY_VERIFY_WITH_TIMEOUT(page()->messageWidget()->text().contains(QLatin1String("refused")), 30000);
    waitIdle();
    const QString text = page()->messageWidget()->text();
    QVERIFY2(text.contains(QLatin1String("still in use")), qPrintable(text));
    QVERIFY2(text.contains(cio::models::describeSnippetUsage(usages.first())), qPrintable(text));
    QCOMPARE(page()->tabs()->currentWidget(), page()->usagesView());
    QVERIFY(!m_server.data().snippet(name).isEmpty());
    QVERIFY(m_store->snippetValues().contains(name));
    screenshot(page(), QStringLiteral("snippets-delete-refused.png"));
}

void TestUiSnippets::deleteUnused()
{
    const QString name = QStringLiteral("store_addresses");
    QVERIFY(cio::models::findSnippetUsages(*m_store, name).isEmpty());
    QVERIFY(page()->selectSnippet(name));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QSignalSpy deleted(page(), &SnippetsPage::snippetDeleted);
    page()->deleteSnippet();
    QVERIFY(MessageBox::lastText().contains(QLatin1String("No variant")));
    QVERIFY(deleted.wait(30000));
    QVERIFY(m_server.data().snippet(name).isEmpty());
    QVERIFY(!m_store->snippetValues().contains(name));
    QVERIFY(page()->list()->findItems(name, Qt::MatchExactly).isEmpty());
}

void TestUiSnippets::readOnlyDisablesWrites()
{
    QVERIFY(page()->selectSnippet(QStringLiteral("footer")));
    page()->setReadOnly(true);
    for (const char *button : {"newSnippet", "saveSnippet", "renameSnippet", "deleteSnippet"}) {
        auto *b = page()->findChild<QPushButton *>(QLatin1String(button));
        QVERIFY2(!b->isEnabled(), button);
        QVERIFY2(b->toolTip().contains(QLatin1String("read-only")), button);
    }
    QVERIFY(page()->editor()->isReadOnly());
    QVERIFY(page()->findChild<QPushButton *>(QStringLiteral("findUsages"))->isEnabled());
    m_server.clearRequests();
    page()->save();
    page()->deleteSnippet();
    QCOMPARE(putsTo(m_server, QStringLiteral("/v1/snippets")), 0);
    screenshot(page(), QStringLiteral("snippets-read-only.png"));
    page()->setReadOnly(false);
    QVERIFY(!page()->editor()->isReadOnly());
}

// What is typed reaches the local store within a second, so a crash loses nothing: a page opened
// afterwards (the next start) shows the edit again, for a changed snippet and for a new one.
void TestUiSnippets::unsavedEditsSurviveTheWindow()
{
    QVERIFY(page()->selectSnippet(QStringLiteral("social_links")));
    const QString typed = page()->editor()->text() + QStringLiteral("\nP.S. Reply any time.");
    page()->editor()->setText(typed);
    QTRY_VERIFY_WITH_TIMEOUT(m_store->snippetDraft(QStringLiteral("social_links")).has_value(), 5000);
    QCOMPARE(m_store->snippetDraft(QStringLiteral("social_links"))->value, typed);
    {
        // A second page on the same store stands for the next start after a crash.
        SnippetsPage next(m_session.get());
        QVERIFY(next.selectSnippet(QStringLiteral("social_links")));
        QCOMPARE(next.editor()->text(), typed);
        QVERIFY(next.isModified());
        QVERIFY(next.messageWidget()->text().contains(QLatin1String("restored")));
    }
    // Revert discards the edit and its draft.
    MessageBox::setNextAnswer(QMessageBox::Discard);
    page()->revert();
    QVERIFY(!m_store->snippetDraft(QStringLiteral("social_links")).has_value());

    // A new snippet that was never saved.
    page()->newSnippet();
    page()->nameField()->setText(QStringLiteral("draft_only"));
    page()->editor()->setText(QStringLiteral("Hello {{ customer.first_name | default: \"there\" }}"));
    QTRY_VERIFY_WITH_TIMEOUT(m_store->snippetDraft(QString()).has_value(), 5000);
    {
        SnippetsPage next(m_session.get());
        QVERIFY(next.isNew());
        QCOMPARE(next.nameField()->text(), QStringLiteral("draft_only"));
        QVERIFY(next.editor()->text().startsWith(QLatin1String("Hello")));
    }
    MessageBox::setNextAnswer(QMessageBox::Discard);
    page()->revert();
    QVERIFY(!m_store->snippetDraft(QString()).has_value());
}

CIO_WEBENGINE_TEST_MAIN(TestUiSnippets)
#include "tst_ui_snippets.moc"
