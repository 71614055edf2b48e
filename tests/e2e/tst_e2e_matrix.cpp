// End to end on the demo workspace (in-process sandbox): the variant matrix explains "outdated", offers the
// missing cells, names languages, saves all drafts without leaving one behind, and the drafts banner.
#include "../common/testhome.h"
#include "api/appapi.h"
#include "api/client.h"
#include "app/studio.h"
#include "models/common/theme.h"
#include "models/newsletters/newsletterfiltermodel.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/store/localstore.h"
#include "models/variants/variantmatrix.h"
#include "models/variants/variantmatrixmodel.h"
#include "tests/common/democontract.h"
#include "tests/common/webenginetest.h"
#include "translations/i18n.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/editor/varianteditor.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/newsletterlistpage.h"
#include "ui/newsletters/newsletterpage.h"
#include "ui/newsletters/outdateddialog.h"
#include "ui/translation/translationexportdialog.h"
#include "ui/translation/translationimportdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

using cio::models::CellStatus;

class TestE2eMatrix : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        cio::test::freshHome();
        cio::i18n::installTranslations(); // the English plural forms, as main() installs them
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
    void languagesAreNamedAndTheContractBodyIsSent();
    void missingCellOffersToAddIt();
    void outdatedIsExplainedAndCanBeMarkedCurrent();
    void outdatedWithoutEarlierText();
    void saveAllLeavesNoDraftBehind();
    void translationsRoundTripInTheWindow();
    void nextCellNeedingWork();
    void draftsBannerCountsAndGoesAway();
    void listShowsTranslationProgress();
    void screenshots();

private:
    cio::ui::NewsletterPage *open(cio::app::Studio &studio, qint64 newsletterId);
    cio::test::DemoContract m_contract;
};

namespace {

std::optional<cio::api::Content> fetch(cio::api::Client *client, qint64 newsletterId, qint64 contentId)
{
    std::optional<cio::api::Content> result;
    bool done = false;
    QObject context;
    cio::api::AppApi(client).content(newsletterId, contentId, &context,
                                     [&](const cio::api::Content &c, const cio::api::Error &error) {
                                         if (!error.isError())
                                             result = c;
                                         done = true;
                                     });
    return QTest::qWaitFor([&] { return done; }, 10000) ? result : std::nullopt;
}

bool update(cio::api::Client *client, cio::api::Content content, const QSet<QString> &fields)
{
    bool ok = false;
    bool done = false;
    QObject context;
    cio::api::AppApi(client).updateContent(content, fields, &context,
                                           [&](const cio::api::Content &, const cio::api::Error &error) {
                                               ok = !error.isError();
                                               done = true;
                                           });
    return QTest::qWaitFor([&] { return done; }, 10000) && ok;
}

bool waitLoaded(cio::ui::NewsletterPage *page)
{
    return QTest::qWaitFor([page] { return !page->isLoading() && page->matrixModel()->rowCount() > 0; },
                           15000);
}

} // namespace

cio::ui::NewsletterPage *TestE2eMatrix::open(cio::app::Studio &studio, qint64 newsletterId)
{
    cio::test::freshHome();
    if (!studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}))
        return nullptr;
    cio::ui::MainWindow *window = studio.mainWindow();
    if (!QTest::qWaitFor([window] { return window->newsletterDetailPage() != nullptr; }, 10000))
        return nullptr;
    window->openNewsletter(newsletterId);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    return waitLoaded(page) ? page : nullptr;
}

void TestE2eMatrix::languagesAreNamedAndTheContractBodyIsSent()
{
    QCOMPARE(cio::ui::NewsletterPage::languageLabel(QStringLiteral("de")),
             QStringLiteral("Deutsch — German (de)"));
    QCOMPARE(cio::ui::NewsletterPage::languageLabel(QStringLiteral("sv")),
             QStringLiteral("svenska — Swedish (sv)"));

    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = open(studio, 189);
    QVERIFY(page);
    const QStringList offered = page->offeredLanguages();
    const QStringList present = page->matrixModel()->matrix().languages();
    // The workspace's languages first, a separator, then the rest; none the newsletter already has.
    cio::models::LocalStore store;
    QVERIFY(store.open(cio::models::LocalStore::demoPath()));
    QStringList workspaceOnly;
    for (const QString &code : store.languages()) {
        if (!present.contains(code))
            workspaceOnly << code;
    }
    const int separator = int(offered.indexOf(QString()));
    if (workspaceOnly.isEmpty()) {
        QCOMPARE(separator, -1);
    } else {
        QCOMPARE(offered.mid(0, separator), workspaceOnly);
    }
    for (const QString &code : present)
        QVERIFY(code.isEmpty() || !offered.contains(code));
    for (int i = separator + 1; i < offered.size(); ++i)
        QVERIFY(!store.languages().contains(offered.at(i)));

    // A newsletter without test groups: POST …/language with {language} alone (the only email body the
    // contract's oneOf admits; Prism in front would refuse anything else), and the new variant is a
    // copy of the Default.
    page->load(195);
    QVERIFY(waitLoaded(page));
    page->addLanguage(QStringLiteral("ja"));
    QTRY_VERIFY_WITH_TIMEOUT(page->matrixModel()->matrix().languages().contains(QStringLiteral("ja")), 15000);
    QVERIFY(waitLoaded(page));
    {
        const cio::models::VariantMatrix matrix = page->matrixModel()->matrix(); // a copy
        const int ja = int(matrix.languages().indexOf(QStringLiteral("ja")));
        QCOMPARE(matrix.cell(0, ja).status, CellStatus::Untranslated);
        QCOMPARE(matrix.cell(0, ja).content->subject, matrix.defaultOf(0)->subject);
        QCOMPARE(matrix.cell(0, ja).content->body, matrix.defaultOf(0)->body);
    }

    // A sent newsletter: nothing is sent to the API, and the page says why in plain words.
    page->load(184);
    QVERIFY(waitLoaded(page));
    page->addLanguage(QStringLiteral("sv"));
    QVERIFY(page->messageWidget()->text().contains(QLatin1String("already sent")));
    QVERIFY(!page->messageWidget()->text().contains(QLatin1String("(400)")));
}

void TestE2eMatrix::missingCellOffersToAddIt()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = open(studio, 189);
    QVERIFY(page);
    QVERIFY(page->matrixModel()->rowCount() >= 2);
    // Swedish in the first group only: the other groups show it missing.
    page->addLanguage(QStringLiteral("sv"), {0});
    QTRY_VERIFY_WITH_TIMEOUT(page->matrixModel()->matrix().languages().contains(QStringLiteral("sv")), 15000);
    QVERIFY(waitLoaded(page));
    int sv = int(page->matrixModel()->matrix().languages().indexOf(QStringLiteral("sv")));
    QCOMPARE(page->matrixModel()->matrix().cell(0, sv).status, CellStatus::Untranslated);
    QCOMPARE(page->matrixModel()->matrix().cell(1, sv).status, CellStatus::Missing);
    QVERIFY(page->matrixModel()
                ->index(1, sv)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("Double-click")));

    // Double-click (activate) the missing cell: it asks, then adds it from that row's Default.
    const QString rowLabel = page->matrixModel()->matrix().rowLabel(1);
    const qint64 defaultId = page->matrixModel()->matrix().defaultOf(1)->id;
    cio::ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    QSignalSpy opened(page, &cio::ui::NewsletterPage::variantActivated);
    emit page->matrixView()->activated(page->matrixModel()->index(1, sv));
    QCOMPARE(opened.count(), 0);
    QCOMPARE(cio::ui::MessageBox::lastText().section(QLatin1Char('?'), 0, 0),
             QStringLiteral("Add svenska — Swedish (sv) to %1").arg(rowLabel));
    QTRY_VERIFY_WITH_TIMEOUT(page->matrixModel()->matrix().cell(1, sv).content.has_value(), 15000);
    QVERIFY(waitLoaded(page));
    sv = int(page->matrixModel()->matrix().languages().indexOf(QStringLiteral("sv")));
    const cio::models::MatrixCell added = page->matrixModel()->matrix().cell(1, sv);
    QCOMPARE(added.status, CellStatus::Untranslated);
    const auto base = fetch(studio.client(), 189, defaultId);
    QVERIFY(base);
    QCOMPARE(added.content->subject, base->subject);
    QCOMPARE(added.content->body, base->body);
    QVERIFY(page->messageWidget()->text().startsWith(QLatin1String("Added svenska")));
}

void TestE2eMatrix::outdatedIsExplainedAndCanBeMarkedCurrent()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = open(studio, 189);
    QVERIFY(page);
    auto matrix = page->matrixModel()->matrix();
    const int de = int(matrix.languages().indexOf(QStringLiteral("de")));
    QVERIFY(de > 0);
    const qint64 translationId = matrix.cell(0, de).content->id;
    const qint64 defaultId = matrix.defaultOf(0)->id;
    const QString oldSubject = matrix.defaultOf(0)->subject;

    // Someone changes the Default's subject (in the web editor, say); the page reloads.
    QTest::qWait(1100); // the sandbox's clock is in seconds
    cio::api::Content changed = *fetch(studio.client(), 189, defaultId);
    changed.subject = QStringLiteral("Brand new words in the subject");
    QVERIFY(update(studio.client(), changed, {QStringLiteral("subject")}));
    page->reload();
    QVERIFY(waitLoaded(page));
    QTRY_COMPARE(page->matrixModel()->matrix().cell(0, de).status, CellStatus::Outdated);
    const QString tip = page->matrixModel()->index(0, de).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(QLatin1String("The Default's subject changed on")), qPrintable(tip));
    QVERIFY2(tip.contains(QLatin1String("after this translation was saved on")), qPrintable(tip));

    // Saving only the translation's recipient does not make it current.
    QTest::qWait(1100);
    cio::api::Content translation = *fetch(studio.client(), 189, translationId);
    translation.recipient = QStringLiteral("{{ customer.work_email }}");
    QVERIFY(update(studio.client(), translation, {QStringLiteral("recipient")}));
    page->reload();
    QVERIFY(waitLoaded(page));
    QCOMPARE(page->matrixModel()->matrix().cell(0, de).status, CellStatus::Outdated);

    // Why: the subject changed, with the old words struck and the new ones underlined.
    cio::ui::OutdatedDialog *dialog = page->showWhyOutdated(0, de);
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const QString summary = dialog->findChild<QLabel *>(QStringLiteral("outdatedSummary"))->text();
    QVERIFY2(summary.startsWith(QLatin1String("The Default's subject changed on")), qPrintable(summary));
    QVERIFY(summary.contains(QLatin1String("after this translation was saved on")));
    auto *diff = dialog->findChild<QTextBrowser *>(QStringLiteral("diff_subject"));
    QVERIFY(diff);
    QCOMPARE(diff->toPlainText(), oldSubject.isEmpty() ? changed.subject : QString(diff->toPlainText()));
    QVERIFY(diff->toHtml().contains(QLatin1String("line-through")));
    using cio::theme::Role;
    QVERIFY2(diff->toHtml().contains(
                 QLatin1String("underline; color:") + cio::theme::colour(Role::DiffAdded).name() +
                 QLatin1String("; background-color:") + cio::theme::colour(Role::DiffAddedBackground).name() +
                 QLatin1String(";\">Brand new words")),
             qPrintable(diff->toHtml()));
    QVERIFY(!dialog->findChild<QTextBrowser *>(QStringLiteral("diff_body"))); // the body did not change
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR", QStringLiteral("/tmp"));
    dialog->grab().save(dir + QLatin1String("/matrix-why-outdated.png"));

    // Marked still current: no longer outdated, until the Default changes again.
    auto *mark = dialog->findChild<QPushButton *>(QStringLiteral("markStillCurrent"));
    QVERIFY(mark && mark->isEnabled());
    QTest::mouseClick(mark, Qt::LeftButton);
    QCOMPARE(page->matrixModel()->matrix().cell(0, de).status, CellStatus::Saved);
    page->reload();
    QVERIFY(waitLoaded(page));
    QCOMPARE(page->matrixModel()->matrix().cell(0, de).status, CellStatus::Saved);
    QTest::qWait(1100);
    changed = *fetch(studio.client(), 189, defaultId);
    changed.body += QStringLiteral("<p>One more paragraph</p>");
    QVERIFY(update(studio.client(), changed, {QStringLiteral("body")}));
    page->reload();
    QVERIFY(waitLoaded(page));
    QCOMPARE(page->matrixModel()->matrix().cell(0, de).status, CellStatus::Outdated);
    dialog = page->showWhyOutdated(0, de);
    QVERIFY(dialog);
    // Only what changed since the mark: the body, not the subject accepted then.
    QVERIFY(dialog->findChild<QTextBrowser *>(QStringLiteral("diff_body")));
    QVERIFY(!dialog->findChild<QTextBrowser *>(QStringLiteral("diff_subject")));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("outdatedSummary"))
                ->text()
                .startsWith(QLatin1String("The Default's body changed on")));
    dialog->close();
}

// A Default that changed before this computer first kept a copy: the dialog says so and shows its text.
void TestE2eMatrix::outdatedWithoutEarlierText()
{
    cio::ui::OutdatedDialog::Facts facts;
    facts.languageName = QStringLiteral("Deutsch — German (de)");
    facts.translationSavedAt = 1700000000;
    facts.defaultChangedAt = 1700100000;
    facts.defaultNow.subject = QStringLiteral("Spring sale");
    facts.defaultNow.body = QStringLiteral("<p>All <b>new</b></p>");
    cio::ui::OutdatedDialog dialog(facts);
    QVERIFY(cio::ui::OutdatedDialog::summary(facts).startsWith(QLatin1String("The Default changed on")));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("outdatedExplanation"))
                ->text()
                .contains(QLatin1String("not known on this computer")));
    auto *subject = dialog.findChild<QTextBrowser *>(QStringLiteral("diff_subject"));
    auto *body = dialog.findChild<QTextBrowser *>(QStringLiteral("diff_body"));
    QVERIFY(subject && body);
    QCOMPARE(subject->toPlainText(), facts.defaultNow.subject);
    QCOMPARE(body->toPlainText(), facts.defaultNow.body); // the source, not rendered
    QVERIFY(!subject->toHtml().contains(QLatin1String("line-through")));
    QVERIFY(!dialog.findChild<QTextBrowser *>(QStringLiteral("diff_preheader_text"))); // empty: not shown

    // Known, with two fields changed: both named, in order.
    facts.defaultThen = facts.defaultNow;
    facts.defaultThen->subject = QStringLiteral("Winter sale");
    facts.defaultThen->preheaderText = QStringLiteral("Only today");
    QVERIFY2(cio::ui::OutdatedDialog::summary(facts).startsWith(
                 QLatin1String("The Default's subject and preheader changed on")),
             qPrintable(cio::ui::OutdatedDialog::summary(facts)));
}

void TestE2eMatrix::saveAllLeavesNoDraftBehind()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = open(studio, 189);
    QVERIFY(page);
    cio::ui::MainWindow *window = studio.mainWindow();
    cio::ui::VariantEditor *editor = window->variantEditor();
    // Three drafts typed in the editor, as a translator makes them.
    const QStringList languages{QStringLiteral("de"), QStringLiteral("fr"), QStringLiteral("it")};
    QList<qint64> ids;
    for (const QString &language : languages) {
        const int column = int(page->matrixModel()->matrix().languages().indexOf(language));
        QVERIFY(column > 0);
        const QModelIndex cell = page->matrixModel()->index(0, column);
        const qint64 id = page->matrixModel()->cellAt(cell).content->id;
        ids << id;
        emit page->matrixView()->activated(cell);
        QTRY_VERIFY(editor->isVisible() && editor->base().id == id);
        editor->subjectEdit()->clear();
        QTest::keyClicks(editor->subjectEdit(), QStringLiteral("Batch ") + language);
        // The editor's own back button (it keeps the draft, then closes).
        QPushButton *back = nullptr;
        for (QPushButton *b : editor->findChildren<QPushButton *>()) {
            if (b->text().startsWith(QStringLiteral("←")))
                back = b;
        }
        QVERIFY(back);
        // Going back with changes asks; "Keep as Draft" is the translator's answer here.
        cio::ui::MessageBox::setNextAnswer(QMessageBox::No);
        QTest::mouseClick(back, Qt::LeftButton);
        QTRY_VERIFY(page->isVisible());
        QVERIFY(waitLoaded(page));
    }
    cio::models::LocalStore store;
    QVERIFY(store.open(cio::models::LocalStore::demoPath()));
    QTRY_COMPARE(store.drafts(189).size(), 3);
    QTRY_COMPARE(
        page->matrixModel()->matrix().counts(0).drafts +
            [&] {
                int n = 0;
                for (int c = 1; c < page->matrixModel()->matrix().columnCount(); ++c)
                    n += page->matrixModel()->matrix().counts(c).drafts;
                return n;
            }(),
        3);

    auto *saveAll = page->findChild<QPushButton *>(QStringLiteral("saveAllDrafts"));
    QVERIFY(saveAll->isEnabled());
    QTest::mouseClick(saveAll, Qt::LeftButton);
    QTRY_VERIFY2_WITH_TIMEOUT(page->messageWidget()->text().startsWith(QLatin1String("Saved all 3")),
                              qPrintable(page->messageWidget()->text()), 15000);
    QVERIFY(waitLoaded(page));
    // Give any late writer (the editor's draft timer, a reload) the time to bring a draft back.
    QTest::qWait(1500);
    for (const auto &d : store.drafts(189))
        qWarning() << "GHOST" << d.contentId << d.fields << d.savedAt << QDateTime::currentDateTimeUtc()
                   << ids;
    QVERIFY(store.drafts(189).isEmpty());
    const auto noDraftCell = [page] {
        const auto m = page->matrixModel()->matrix();
        for (int row = 0; row < m.rowCount(); ++row) {
            for (int column = 0; column < m.columnCount(); ++column) {
                if (m.cell(row, column).status == CellStatus::Draft)
                    return false;
            }
        }
        return true;
    };
    QVERIFY(noDraftCell());
    QVERIFY(!saveAll->isEnabled());
    // Opening another variant afterwards must not write the last edited one's draft again.
    const int es = int(page->matrixModel()->matrix().languages().indexOf(QStringLiteral("es")));
    emit page->matrixView()->activated(page->matrixModel()->index(0, es > 0 ? es : 0));
    QTRY_VERIFY(editor->isVisible());
    QTest::qWait(1200);
    QVERIFY2(store.drafts(189).isEmpty(), qPrintable(QString::number(store.drafts(189).size())));
    for (qint64 id : ids) {
        const auto onServer = fetch(studio.client(), 189, id);
        QVERIFY(onServer && onServer->subject.startsWith(QLatin1String("Batch ")));
    }
}

// A translator's round trip in the window: Translations → Export to XLIFF… (one language), the file
// translated elsewhere, Import from XLIFF… (the review shows the change as a word diff), Push; a tampered
// file is refused before any review, naming the unit.
void TestE2eMatrix::translationsRoundTripInTheWindow()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = open(studio, 214);
    QVERIFY(page);
    const QString folder = qEnvironmentVariable("CIO_TEST_TMP") + QStringLiteral("/xliff");
    QDir(folder).removeRecursively();
    QDir().mkpath(folder);
    const QString shots = qEnvironmentVariable("CIO_SCREENSHOT_DIR");

    bool exported = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<cio::ui::TranslationExportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        const auto closeAnyway = qScopeGuard([dialog] { // a failed check must not leave it open
            if (dialog->isVisible())
                dialog->reject();
        });
        auto *languages = dialog->findChild<QListWidget *>(QStringLiteral("exportLanguages"));
        for (int i = 0; i < languages->count(); ++i)
            languages->item(i)->setCheckState(
                languages->item(i)->text() == QLatin1String("de") ? Qt::Checked : Qt::Unchecked);
        dialog->findChild<QLineEdit *>(QStringLiteral("exportFolder"))->setText(folder);
        QVERIFY2(dialog->findChild<QLabel *>(QStringLiteral("exportSummary"))
                     ->text()
                     .startsWith(QLatin1String("1 file")),
                 qPrintable(dialog->findChild<QLabel *>(QStringLiteral("exportSummary"))->text()));
        if (!shots.isEmpty())
            dialog->grab().save(shots + QStringLiteral("/translations-export.png"));
        QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("exportButton")), Qt::LeftButton);
        exported = true;
    });
    page->exportTranslations();
    QVERIFY(exported);
    QVERIFY2(page->messageWidget()->text().startsWith(QLatin1String("Exported 1 file")),
             qPrintable(page->messageWidget()->text()));
    const QString path = folder + QStringLiteral("/newsletter-214-de.xlf");
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString xml = QString::fromUtf8(file.readAll());
    file.close();

    // A tampered copy (a placeholder deleted) is refused before any review.
    QString tampered = xml;
    tampered.replace(QRegularExpression(QStringLiteral("(<target>[^<]*)<ph id=\"1\"[^>]*/>")),
                     QStringLiteral("\\1"));
    QVERIFY(tampered != xml);
    const QString tamperedPath = folder + QStringLiteral("/tampered.xlf");
    QFile t(tamperedPath);
    QVERIFY(t.open(QIODevice::WriteOnly));
    t.write(tampered.toUtf8());
    t.close();
    QVERIFY(!page->importTranslationFiles({tamperedPath}));
    QVERIFY2(page->messageWidget()->text().contains(QLatin1String("Nothing was imported")) &&
                 page->messageWidget()->text().contains(QLatin1String("is missing")),
             qPrintable(page->messageWidget()->text()));

    // The translator's subject.
    xml.replace(
        QRegularExpression(QStringLiteral("(<unit id=\"subject.u1\"[^>]*>.*?<target>)(.*?)(</target>)"),
                           QRegularExpression::DotMatchesEverythingOption),
        QStringLiteral("\\1Bestellen Sie bis 17. Dezember\\3"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(xml.toUtf8());
    file.close();
    bool reviewed = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<cio::ui::TranslationImportDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        const auto closeAnyway = qScopeGuard([dialog] { // a failed check must not leave it open
            if (dialog->isVisible())
                dialog->reject();
        });
        QCOMPARE(dialog->list()->topLevelItemCount(), 1);
        QCOMPARE(dialog->list()->topLevelItem(0)->text(3), QStringLiteral("Subject"));
        QVERIFY2(dialog->details()->toPlainText().contains(QLatin1String("Bestellen Sie bis 17. Dezember")),
                 qPrintable(dialog->details()->toPlainText()));
        if (!shots.isEmpty())
            dialog->grab().save(shots + QStringLiteral("/translations-import.png"));
        auto *push = dialog->findChild<QPushButton *>(QStringLiteral("pushTranslations"));
        QCOMPARE(push->text(), QStringLiteral("Push 1 Variant"));
        QTest::mouseClick(push, Qt::LeftButton);
        reviewed = true;
    });
    QVERIFY(page->importTranslationFiles({path}));
    QVERIFY(reviewed);
    QTRY_VERIFY2_WITH_TIMEOUT(page->messageWidget()->text().startsWith(QLatin1String("Pushed 1 translation")),
                              qPrintable(page->messageWidget()->text()), 15000);
    const int column = int(page->matrixModel()->matrix().languages().indexOf(QStringLiteral("de")));
    QTRY_VERIFY(waitLoaded(page));
    const qint64 germanId = page->matrixModel()->matrix().cell(0, column).content->id;
    QCOMPARE(fetch(studio.client(), 214, germanId)->subject,
             QStringLiteral("Bestellen Sie bis 17. Dezember"));
}

void TestE2eMatrix::nextCellNeedingWork()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = open(studio, 189);
    QVERIFY(page);
    auto *button = page->findChild<QPushButton *>(QStringLiteral("nextWork"));
    QVERIFY(button && button->text().contains(QLatin1String("Ctrl+Shift+N")));
    // Make sure there is work: Swedish in the first group only (missing elsewhere, untranslated there).
    page->addLanguage(QStringLiteral("sv"), {0});
    QTRY_VERIFY_WITH_TIMEOUT(page->matrixModel()->matrix().languages().contains(QStringLiteral("sv")), 15000);
    QVERIFY(waitLoaded(page));
    const auto m = page->matrixModel()->matrix();
    // The expected order: row by row after the current cell.
    QList<QPair<int, int>> work;
    for (int row = 0; row < m.rowCount(); ++row) {
        for (int column = 0; column < m.columnCount(); ++column) {
            const CellStatus s = m.cell(row, column).status;
            if (s == CellStatus::Untranslated || s == CellStatus::Outdated || s == CellStatus::Draft ||
                (s == CellStatus::Missing && column > 0))
                work.append({row, column});
        }
    }
    QVERIFY(work.size() >= 2);
    page->matrixView()->setCurrentIndex(page->matrixModel()->index(work.at(0).first, work.at(0).second));
    QSignalSpy opened(page, &cio::ui::NewsletterPage::variantActivated);
    cio::ui::MessageBox::setNextAnswer(QMessageBox::No); // in case the next one is missing
    page->setFocus();
    QTest::keyClick(page, Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    const QModelIndex current = page->matrixView()->currentIndex();
    QCOMPARE(current.row(), work.at(1).first);
    QCOMPARE(current.column(), work.at(1).second);
    if (m.cell(work.at(1).first, work.at(1).second).content)
        QCOMPARE(opened.count(), 1);
    else
        QVERIFY(cio::ui::MessageBox::lastText().startsWith(QLatin1String("Add ")));
    // From the last one it wraps around to the first.
    page->matrixView()->setCurrentIndex(page->matrixModel()->index(work.last().first, work.last().second));
    cio::ui::MessageBox::setNextAnswer(QMessageBox::No);
    QVERIFY(page->openNextWork());
    QCOMPARE(page->matrixView()->currentIndex().row(), work.at(0).first);
    QCOMPARE(page->matrixView()->currentIndex().column(), work.at(0).second);
}

void TestE2eMatrix::draftsBannerCountsAndGoesAway()
{
    cio::test::freshHome();
    {
        // A draft left from an earlier session.
        cio::models::LocalStore store;
        QVERIFY(store.open(cio::models::LocalStore::demoPath()));
        cio::models::Draft d;
        d.contentId = 999001;
        d.newsletterId = 189;
        d.base.id = 999001;
        d.base.newsletterId = 189;
        d.fields = QJsonObject{{QStringLiteral("subject"), QStringLiteral("left over")}};
        d.savedAt = QDateTime::currentDateTimeUtc();
        QVERIFY(store.saveDraft(d));
    }
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    auto *banner = window->findChild<cio::ui::MessageWidget *>(QStringLiteral("draftsBanner"));
    QTRY_VERIFY_WITH_TIMEOUT(banner && banner->isVisible(), 10000);
    QVERIFY2(banner->text().startsWith(QLatin1String("You have 1 unsaved draft from an earlier session")),
             qPrintable(banner->text()));

    // A new draft (the editor opened from elsewhere, say a snippet's usage) updates the count.
    QList<cio::api::Content> contents;
    bool fetched = false;
    QObject context;
    cio::api::AppApi(studio.client())
        .contents(189, &context, [&](const QList<cio::api::Content> &list, const cio::api::Error &) {
            contents = list;
            fetched = true;
        });
    QTRY_VERIFY_WITH_TIMEOUT(fetched && contents.size() > 1, 10000);
    cio::ui::VariantEditor *editor = window->variantEditor();
    editor->open(contents.at(1), contents.at(0), {}, false);
    editor->subjectEdit()->setText(QStringLiteral("A second draft"));
    editor->writeDraftNow();
    QTRY_VERIFY2(
        banner->text().startsWith(QLatin1String("You have 2 unsaved drafts from an earlier session")),
        qPrintable(banner->text()));

    // Opening a newsletter (from the list, the banner or elsewhere) dismisses it: the page shows its drafts.
    window->openNewsletter(189);
    QVERIFY(waitLoaded(window->newsletterDetailPage()));
    QTRY_VERIFY(!banner->isVisible());
}

void TestE2eMatrix::listShowsTranslationProgress()
{
    cio::test::freshHome();
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    QTRY_VERIFY_WITH_TIMEOUT(
        window->statusBar()->currentMessage().startsWith(QLatin1String("Workspace synced")), 30000);
    auto *list = window->findChild<cio::ui::NewsletterListPage *>();
    QVERIFY(list);
    list->reloadFromStore();
    cio::models::NewsletterListModel *model = list->model();
    QTRY_VERIFY(model->rowCount() >= 40);

    // The same counts as the matrix of that newsletter.
    const int row = model->indexOf(189);
    QVERIFY(row >= 0);
    const QString text =
        model->index(row, cio::models::NewsletterListModel::TranslationsColumn).data().toString();
    cio::models::LocalStore store;
    QVERIFY(store.open(cio::models::LocalStore::demoPath()));
    const QList<cio::api::Content> contents = store.contents(189);
    const auto matrix =
        cio::models::VariantMatrix::build(contents, store.testGroups(189), {}, store.textTimes(contents));
    int current = 0;
    int cells = 0;
    for (int r = 0; r < matrix.rowCount(); ++r) {
        for (int c = 1; c < matrix.columnCount(); ++c) {
            ++cells;
            const auto s = matrix.cell(r, c).status;
            current += s == CellStatus::Saved ? 1 : 0;
        }
    }
    QVERIFY2(text.startsWith(QStringLiteral("%1/%2 current").arg(current).arg(cells)), qPrintable(text));

    // "Needs translation work" keeps only newsletters with outdated, missing or untranslated cells.
    auto *needsWork = list->findChild<QCheckBox *>(QStringLiteral("needsTranslationWork"));
    QVERIFY(needsWork);
    const int all = list->view()->model()->rowCount();
    needsWork->setChecked(true);
    const int filtered = list->view()->model()->rowCount();
    QVERIFY2(filtered > 0 && filtered < all, qPrintable(QStringLiteral("%1 of %2").arg(filtered).arg(all)));
    for (int r = 0; r < filtered; ++r) {
        const QModelIndex index =
            list->view()->model()->index(r, cio::models::NewsletterListModel::TranslationsColumn);
        QVERIFY(index.data(cio::models::NewsletterListModel::NeedsWorkRole).toBool());
        const QString progress = index.data().toString();
        QVERIFY2(progress.contains(QLatin1String("outdated")) ||
                     progress.contains(QLatin1String("missing")) ||
                     progress.contains(QLatin1String("untranslated")),
                 qPrintable(progress));
    }
    needsWork->setChecked(false);
    QCOMPARE(list->view()->model()->rowCount(), all);
}

void TestE2eMatrix::screenshots()
{
    cio::app::Studio studio;
    cio::ui::NewsletterPage *page = open(studio, 189);
    QVERIFY(page);
    cio::ui::MainWindow *window = studio.mainWindow();
    page->runQualityChecks();
    QSignalSpy checked(page, &cio::ui::NewsletterPage::qualityChecked);
    checked.wait(20000);
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR", QStringLiteral("/tmp"));
    // Add Language… lists names with codes.
    QStringList entries;
    QTimer::singleShot(300, page, [&] {
        QWidget *dialog = QApplication::activeModalWidget();
        if (!dialog)
            return;
        if (auto *combo = dialog->findChild<QComboBox *>(QStringLiteral("languageChoice"))) {
            for (int i = 0; i < combo->count(); ++i)
                entries << combo->itemText(i);
            combo->showPopup();
        }
        QTest::qWait(200);
        dialog->grab().save(dir + QLatin1String("/add-language.png"));
        dialog->close();
    });
    page->findChild<QPushButton *>(QStringLiteral("addLanguage"))->click();
    QVERIFY2(entries.contains(QStringLiteral("svenska — Swedish (sv)")),
             qPrintable(entries.join(QLatin1Char('|'))));
    for (const QSize size : {QSize(1024, 700), QSize(1366, 768)}) {
        window->resize(size);
        QTest::qWait(300);
        const QString suffix = QStringLiteral("-%1x%2.png").arg(size.width()).arg(size.height());
        QVERIFY(window->grab().save(dir + QLatin1String("/matrix") + suffix));
        // Every cell's text fits its column: nothing is cut off.
        QTableView *view = page->matrixView();
        for (int column = 0; column < view->model()->columnCount(); ++column) {
            for (int row = 0; row < view->model()->rowCount(); ++row) {
                const QModelIndex index = view->model()->index(row, column);
                const int needed = view->fontMetrics().horizontalAdvance(index.data().toString()) +
                                   view->iconSize().width() + 8;
                QVERIFY2(view->columnWidth(column) >= needed, qPrintable(index.data().toString()));
            }
        }
        emit page->backRequested();
        QTest::qWait(300);
        QVERIFY(window->grab().save(dir + QLatin1String("/newsletter-list") + suffix));
        window->openNewsletter(189);
        QVERIFY(waitLoaded(page));
    }
}

CIO_WEBENGINE_TEST_MAIN(TestE2eMatrix)
#include "tst_e2e_matrix.moc"
