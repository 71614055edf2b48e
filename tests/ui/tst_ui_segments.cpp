// The Segments page against the real sandbox, driven like a user would: create a manual segment, paste
// people into it, watch the count refresh, delete it after typing its name; the refusals and the export.
#include "api/client.h"
#include "api/ratelimiter.h"
#include "models/segments/segmentlistmodel.h"
#include "models/segments/segmentmembersmodel.h"
#include "models/workspaces/workspaceprofile.h"
#include "models/workspacesession.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/sandboxsettings.h"
#include "translations/i18n.h"
#include "ui/common/messagewidget.h"
#include "ui/segments/createsegmentdialog.h"
#include "ui/segments/deletesegmentdialog.h"
#include "ui/segments/segmentdetailpane.h"
#include "ui/segments/segmentmembersdialog.h"
#include "ui/segments/segmentspage.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QProgressBar>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QTreeWidget>

using cio::ui::SegmentDetailPane;
using cio::ui::SegmentsPage;

namespace {

template <class T> T *waitForChild(QWidget *parent)
{
    T *found = nullptr;
    [&] { QTRY_VERIFY_WITH_TIMEOUT((found = parent->findChild<T *>()) != nullptr, 5000); }();
    return found;
}

void saveScreenshot(QWidget *widget, const char *name)
{
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + QLatin1String(name));
}

} // namespace

class TestUiSegments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createAddPeopleAndDelete();
    void dataDrivenAndReadOnly();
    void withoutTrackCredentialItExplains();
    void serverRefusalIsClear();
    void exportsMembers();
    void importCsvChoosesColumn();
    void aListThatCannotLoadSaysSoAndTriesAgain();

private:
    std::unique_ptr<SegmentsPage> makePage(bool withTrack = true);
    void selectAndWait(SegmentsPage &page, qint64 id);

    cio::sandbox::Server m_server;
    cio::api::ConnectionSettings m_settings;
    // One per page made, kept to the end: a page never outlives its session.
    std::vector<std::unique_ptr<cio::models::WorkspaceSession>> m_sessions;
};

void TestUiSegments::initTestCase()
{
    cio::i18n::installTranslations();
    QString error;
    const auto started = cio::test::startUnpacedSandbox(m_server, &error);
    QVERIFY2(started, qPrintable(error));
    cio::api::ConnectionSettings settings = *started;
    m_settings = settings;
}

std::unique_ptr<SegmentsPage> TestUiSegments::makePage(bool withTrack)
{
    cio::models::WorkspaceProfile profile;
    profile.name = QStringLiteral("Test workspace");
    profile.baseUrl = m_server.url();
    m_sessions.push_back(std::make_unique<cio::models::WorkspaceSession>(profile, m_settings));
    m_sessions.back()->client()->rateLimiter()->setLimit(200);
    auto page = std::make_unique<SegmentsPage>(m_sessions.back().get());
    if (withTrack) {
        const cio::sandbox::Options defaults;
        page->setTrackCredential(defaults.trackSiteId, defaults.trackApiKey);
    }
    page->resize(1180, 720);
    page->show(); // loads the list
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->state() == cio::models::SegmentListModel::Idle &&
                                     page->model()->rowCount() > 0,
                                 5000);
    }();
    return page;
}

void TestUiSegments::selectAndWait(SegmentsPage &page, qint64 id)
{
    page.selectSegment(id);
    QTRY_VERIFY_WITH_TIMEOUT(page.detail()->segment() && page.detail()->segment()->id == id, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(page.detail()->isUsageLoaded(), 5000);
}

void TestUiSegments::createAddPeopleAndDelete()
{
    auto page = makePage();
    // The counts of the rows on screen are fetched; the 25,000-member segment is among them.
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->count(12).has_value(), 5000);
    QCOMPARE(*page->model()->count(12), 25000);

    // Create a manual segment through the page.
    page->createSegment();
    auto *create = waitForChild<cio::ui::CreateSegmentDialog>(page.get());
    create->setName(QStringLiteral("Spring preview testers"));
    create->setDescription(QStringLiteral("People who see the spring collection first."));
    create->accept();
    QTRY_VERIFY_WITH_TIMEOUT(page->detail()->segment() &&
                                 page->detail()->segment()->name == QLatin1String("Spring preview testers"),
                             5000);
    const qint64 id = page->detail()->segment()->id;
    QCOMPARE(m_server.data().segment(id).value(QLatin1String("type")).toString(), QStringLiteral("manual"));
    QVERIFY(page->message()->text().contains(QLatin1String("Created")));
    QTRY_COMPARE_WITH_TIMEOUT(page->detail()->countLabel()->text(), QStringLiteral("Members: 0"), 5000);

    // Add people from a pasted list: review first (duplicates and bad lines), then send.
    page->addPeople();
    auto *dialog = waitForChild<cio::ui::SegmentMembersDialog>(page.get());
    dialog->setIdType(cio::api::IdType::Email);
    dialog->setText(QStringLiteral("anna.schmidt@example.com\nben@example.com\nnot an address\n"
                                   "Anna.Schmidt@example.com\ncleo@example.org\n"));
    QCOMPARE(dialog->review().ids.size(), 3);
    QCOMPARE(dialog->review().rejected.size(), 1);
    QCOMPARE(dialog->review().duplicates, 1);
    QCOMPARE(dialog->sendButton()->text(), QStringLiteral("Add 3 Members"));
    QVERIFY(dialog->sendButton()->isEnabled());
    saveScreenshot(dialog, "segment-add-people.png");
    dialog->sendButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isSending() && dialog->message()->isVisible(), 5000);
    QCOMPARE(dialog->message()->text(), QStringLiteral("3 members added to the segment."));
    QCOMPARE(dialog->progressBar()->value(), 3);
    QVERIFY(!dialog->sendButton()->isEnabled()); // sent once; a second click would not add them twice
    saveScreenshot(dialog, "segment-add-people-done.png");

    // The count refreshes, and so does the member list.
    QTRY_COMPARE_WITH_TIMEOUT(page->detail()->countLabel()->text(), QStringLiteral("Members: 3"), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(page->detail()->membersModel()->rowCount(), 3, 5000);
    QCOMPARE(m_server.data().segmentMemberCount(id), 3);
    dialog->close();

    // Delete: the dialog waits for the exact name.
    page->deleteSegment();
    auto *confirm = waitForChild<cio::ui::DeleteSegmentDialog>(page.get());
    QVERIFY(!confirm->deleteButton()->isEnabled());
    QTest::keyClicks(confirm->confirmEdit(), QStringLiteral("Spring preview"));
    QVERIFY(!confirm->deleteButton()->isEnabled());
    confirm->confirmEdit()->setText(QStringLiteral("Spring preview testers"));
    QVERIFY(confirm->deleteButton()->isEnabled());
    confirm->deleteButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(m_server.data().segment(id).isEmpty(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->indexOf(id), -1, 5000);

    // What a segment in use shows before it can be deleted.
    selectAndWait(*page, 11);
    page->deleteSegment();
    auto *used = waitForChild<cio::ui::DeleteSegmentDialog>(page.get());
    const QStringList lines = page->detail()->usageLines();
    QVERIFY(lines.contains(QStringLiteral("Campaign 12")));
    QTRY_VERIFY_WITH_TIMEOUT(
        page->detail()->usageLines().join(QLatin1Char('\n')).contains(QLatin1String("Win-back")), 5000);
    saveScreenshot(used, "segment-delete.png");
    used->reject();
    QVERIFY(!m_server.data().segment(11).isEmpty());

    // The page as a user sees it: the big imported list selected.
    selectAndWait(*page, 12);
    QTRY_COMPARE_WITH_TIMEOUT(page->detail()->membersModel()->rowCount(), 1000, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(page->detail()->countLabel()->text().contains(QLatin1String("25")), 5000);
    QApplication::processEvents();
    saveScreenshot(page.get(), "segments-page.png");
}

void TestUiSegments::dataDrivenAndReadOnly()
{
    auto page = makePage();
    auto *add = page->findChild<QPushButton *>(QStringLiteral("addPeople"));
    auto *remove = page->findChild<QPushButton *>(QStringLiteral("removePeople"));
    auto *del = page->findChild<QPushButton *>(QStringLiteral("deleteSegment"));
    auto *create = page->findChild<QPushButton *>(QStringLiteral("createSegment"));
    auto *reason = page->findChild<QLabel *>(QStringLiteral("segmentActionReason"));
    QVERIFY(add && remove && del && create && reason);

    selectAndWait(*page, 1); // data-driven
    QVERIFY(!add->isEnabled());
    QVERIFY(!remove->isEnabled());
    // The API deletes only manual segments: Delete is off, and says why.
    QVERIFY(!del->isEnabled());
    QVERIFY2(del->toolTip().contains(QLatin1String("Only manual segments")), qPrintable(del->toolTip()));
    QVERIFY(reason->isVisible());
    QVERIFY2(reason->text().contains(QLatin1String("data-driven")), qPrintable(reason->text()));
    QVERIFY(add->toolTip().contains(QLatin1String("cannot be added or removed by hand")));
    // Its Used By tab lists the campaigns and the newsletters by name.
    QTreeWidget *usage = page->detail()->usageView();
    QTRY_VERIFY_WITH_TIMEOUT(usage->topLevelItemCount() >= 2, 5000);
    QCOMPARE(usage->topLevelItem(0)->text(1), QStringLiteral("Campaign 4"));
    saveScreenshot(page.get(), "segments-page-data-driven.png");

    selectAndWait(*page, 8); // manual
    QVERIFY(add->isEnabled());
    QVERIFY(!reason->isVisible());

    page->setReadOnly(true);
    QVERIFY(!add->isEnabled());
    QVERIFY(!remove->isEnabled());
    QVERIFY(!del->isEnabled());
    QVERIFY(!create->isEnabled());
    QVERIFY(reason->text().contains(QLatin1String("read-only")));
    m_server.clearRequests();
    page->createSegment();
    page->deleteSegment();
    page->addPeople();
    QTest::qWait(100);
    QVERIFY(!page->findChild<QDialog *>());
    for (const auto &r : m_server.requests())
        QCOMPARE(r.method, QByteArray("GET"));
    saveScreenshot(page.get(), "segments-page-read-only.png");
}

void TestUiSegments::withoutTrackCredentialItExplains()
{
    auto page = makePage(false);
    selectAndWait(*page, 8);
    page->addPeople();
    QVERIFY(!page->findChild<cio::ui::SegmentMembersDialog *>());
    QVERIFY(page->message()->isVisible());
    QVERIFY2(page->message()->text().contains(QLatin1String("Track API site id and key")),
             qPrintable(page->message()->text()));
}

void TestUiSegments::serverRefusalIsClear()
{
    // The list said manual (stale, or another client changed it), the server knows better.
    cio::api::Segment stale;
    stale.id = 1;
    stale.name = QStringLiteral("Active in last 30 days");
    stale.type = QStringLiteral("manual");
    cio::api::TrackSettings settings;
    settings.baseUrl = m_server.url();
    settings.siteId = QStringLiteral("sandbox-site");
    settings.apiKey = QStringLiteral("sandbox-track");
    cio::api::TrackApi track(settings);
    cio::models::MembershipBatcher batcher(&track);
    cio::ui::SegmentMembersDialog dialog(stale, cio::models::MembershipBatcher::Action::Add, &batcher);
    dialog.show();
    dialog.setText(QStringLiteral("u1\nu2"));
    dialog.send();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isSending() && dialog.message()->isVisible(), 5000);
    QCOMPARE(dialog.message()->type(), cio::ui::MessageWidget::Type::Error);
    QVERIFY2(dialog.message()->text().contains(QLatin1String("data-driven segment")),
             qPrintable(dialog.message()->text()));
    QVERIFY(dialog.message()->text().contains(QLatin1String("Nothing was changed")));
    QVERIFY(!dialog.retryButton()->isVisible()); // sending again would be refused again
    saveScreenshot(&dialog, "segment-refused.png");
}

void TestUiSegments::exportsMembers()
{
    auto page = makePage();
    selectAndWait(*page, 9);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("leads.csv"));
    page->detail()->exportMembers(path);
    QVERIFY(page->detail()->isExporting());
    QTRY_VERIFY_WITH_TIMEOUT(!page->detail()->isExporting(), 10000);
    QVERIFY2(page->message()->text().contains(QLatin1String("Exported")),
             qPrintable(page->message()->text()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), int(m_server.data().segmentMemberCount(9)) + 1);
    QVERIFY(lines.first().startsWith("id,email,cio_id"));
}

void TestUiSegments::importCsvChoosesColumn()
{
    QTemporaryDir dir;
    const QString csv = dir.filePath(QStringLiteral("leads.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("id,email,name\n1,anna@example.com,Anna\n2,ben@example.com,\"Ben, Jr.\"\n3,,Cleo\n");
    file.close();
    cio::api::Segment segment;
    segment.id = 14;
    segment.name = QStringLiteral("Gift guide 2026 holdout");
    segment.type = QStringLiteral("manual");
    cio::ui::SegmentMembersDialog dialog(segment, cio::models::MembershipBatcher::Action::Remove, nullptr);
    dialog.show();
    dialog.setIdType(cio::api::IdType::Email);
    QVERIFY(dialog.importFile(csv));
    QCOMPARE(dialog.review().ids,
             (QStringList{QStringLiteral("anna@example.com"), QStringLiteral("ben@example.com")}));
    QCOMPARE(dialog.review().rejected.size(), 1);
    auto *column = dialog.findChild<QComboBox *>();
    QList<QComboBox *> combos = dialog.findChildren<QComboBox *>();
    QComboBox *columns = nullptr;
    for (QComboBox *c : combos) {
        if (c->objectName() != QLatin1String("idType"))
            columns = c;
    }
    QVERIFY(column && columns);
    QVERIFY(columns->isVisible());
    QCOMPARE(columns->currentText(), QStringLiteral("Column 2: email"));
    QCOMPARE(dialog.sendButton()->text(), QStringLiteral("Remove 2 Members"));
    QVERIFY(!dialog.sendButton()->isEnabled()); // no Track client: nothing can be sent
    // Customer ids: the header's id column is read instead.
    dialog.setIdType(cio::api::IdType::Id);
    QCOMPARE(dialog.review().ids,
             (QStringList{QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    // A damaged file says so.
    QFile broken(dir.filePath(QStringLiteral("broken.csv")));
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("id,name\n1,\"never closed\n");
    broken.close();
    QVERIFY(!dialog.importFile(broken.fileName()));
    QVERIFY(dialog.review().error.contains(QLatin1String("damaged")));
}

QTEST_MAIN(TestUiSegments)
void TestUiSegments::aListThatCannotLoadSaysSoAndTriesAgain()
{
    // The list-page frame every list uses: a failed load leaves a sentence where the table was and a
    // message with "Try again", which loads the list once the server is back.
    auto page = makePage();
    auto *message = page->findChild<cio::ui::MessageWidget *>();
    QVERIFY(message);
    m_server.setFaults(QStringLiteral("500*50@/v1/segments"));
    page->findChild<QToolButton *>(QStringLiteral("refreshSegments"))->click();
    QTRY_COMPARE_WITH_TIMEOUT(page->model()->state(), cio::models::SegmentListModel::Failed, 20000);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(QLatin1String("The segments could not be loaded.")),
             qPrintable(message->text()));
    QVERIFY(!page->view()->isVisible());
    QVERIFY(page->findChild<QLabel *>() != nullptr);
    bool saysNotLoaded = false;
    for (QLabel *label : page->findChildren<QLabel *>())
        saysNotLoaded =
            saysNotLoaded || (label->isVisible() && label->text() == QLatin1String("No segments loaded."));
    QVERIFY(saysNotLoaded);
    auto *tryAgain = message->findChild<QPushButton *>();
    QVERIFY(tryAgain && tryAgain->isVisible());
    QCOMPARE(tryAgain->text(), QStringLiteral("Try again"));

    m_server.setFaults({});
    tryAgain->click();
    QTRY_VERIFY_WITH_TIMEOUT(page->model()->state() == cio::models::SegmentListModel::Idle &&
                                 page->model()->rowCount() > 0,
                             10000);
    QVERIFY(page->view()->isVisible());
    QVERIFY(!message->isVisible());

    // A search that matches nothing says so, in the table's place.
    page->searchField()->setText(QStringLiteral("zzz-nothing-like-this"));
    QTRY_VERIFY(!page->view()->isVisible());
    bool saysNoMatch = false;
    for (QLabel *label : page->findChildren<QLabel *>())
        saysNoMatch = saysNoMatch ||
                      (label->isVisible() && label->text().startsWith(QLatin1String("No segment matches")));
    QVERIFY(saysNoMatch);
}

#include "tst_ui_segments.moc"
