// The one paging rule, as every list model follows it: api::PageCursor on its own, and the
// PagedListModel base (fetchMore, fetchAll, reload, stale answers, failures) with a subclass whose
// pages come from a script, answered later from the event loop as the API client's are.
#include "api/paging.h"
#include "models/common/pagedlistmodel.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <QTimer>

using cio::api::Error;
using cio::api::PageCursor;
using cio::models::PagedListModel;

namespace {

struct Page
{
    QStringList items;
    QString next;
    Error error;
};

// Pages keyed by the cursor asked with ("" = the first page).
class ScriptedModel final : public PagedListModel
{
public:
    explicit ScriptedModel(QHash<QString, Page> pages, bool fetchOnFirstView = true)
        : PagedListModel(nullptr, fetchOnFirstView, nullptr)
        , m_pages(std::move(pages))
    {}

    int rowCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }
    int columnCount(const QModelIndex &parent = {}) const override { return parent.isValid() ? 0 : 1; }
    QVariant data(const QModelIndex &index, int role) const override
    {
        return role == Qt::DisplayRole && index.isValid() ? QVariant(m_rows.at(index.row())) : QVariant();
    }
    QStringList asked;
    QStringList rows() const { return m_rows; }

private:
    void requestPage(const QString &start, int, quint64 ticket) override
    {
        asked << start;
        const Page page = m_pages.value(start, Page{{}, {}, Error::make(Error::Kind::NotFound)});
        QTimer::singleShot(1, this, [this, page, ticket] {
            finishPage(ticket, int(page.items.size()), page.next, page.error,
                       [this, &page] { m_rows += page.items; });
        });
    }
    void clearRows() override { m_rows.clear(); }

    QHash<QString, Page> m_pages;
    QStringList m_rows;
};

} // namespace

class TestPagedListModel final : public QObject
{
    Q_OBJECT

private slots:
    void cursorEndsOnEmptyNext();
    void cursorRefusesARepeatedCursor();
    void cursorFollowsEmptyPagesButNotForever();
    void fetchAllWalksEveryPage();
    void aRepeatedCursorFailsTheModel();
    void aFailedPageKeepsWhatWasLoaded();
    void aReloadMakesLateAnswersStale();
    void nothingIsAskedUntilReloadWhenNotFetchingOnView();
};

void TestPagedListModel::cursorEndsOnEmptyNext()
{
    PageCursor cursor;
    QCOMPARE(cursor.start(), QString());
    QVERIFY(!cursor.advance(3, QStringLiteral("b")).isError());
    QCOMPARE(cursor.start(), QStringLiteral("b"));
    QVERIFY(!cursor.atEnd());
    QVERIFY(!cursor.advance(3, QString()).isError());
    QVERIFY(cursor.atEnd());
    QCOMPARE(cursor.pages(), 2);
}

void TestPagedListModel::cursorRefusesARepeatedCursor()
{
    PageCursor same;
    QVERIFY(!same.advance(1, QStringLiteral("x")).isError());
    const Error e = same.advance(1, QStringLiteral("x")); // the page we asked with, again
    QCOMPARE(e.kind, Error::Kind::BadResponse);
    QVERIFY(same.atEnd());

    PageCursor loop; // a → b → a
    QVERIFY(!loop.advance(1, QStringLiteral("a")).isError());
    QVERIFY(!loop.advance(1, QStringLiteral("b")).isError());
    QCOMPARE(loop.advance(1, QStringLiteral("a")).kind, Error::Kind::BadResponse);
}

void TestPagedListModel::cursorFollowsEmptyPagesButNotForever()
{
    PageCursor cursor;
    int page = 0;
    // A few empty pages with fresh cursors are followed (a filtered list may have gaps)…
    for (; page < 5; ++page)
        QVERIFY(!cursor.advance(0, QString::number(page)).isError());
    QVERIFY(!cursor.advance(2, QString::number(page++)).isError());
    // …but an endless run of them is a server that does not end.
    Error e;
    while (!e.isError() && page < 10 * PageCursor::MaxEmptyPages)
        e = cursor.advance(0, QString::number(page++));
    QCOMPARE(e.kind, Error::Kind::BadResponse);
    QCOMPARE(cursor.pages(), 6 + PageCursor::MaxEmptyPages);
}

void TestPagedListModel::fetchAllWalksEveryPage()
{
    ScriptedModel model({{QString(), {{QStringLiteral("1"), QStringLiteral("2")}, QStringLiteral("p2"), {}}},
                         {QStringLiteral("p2"), {{}, QStringLiteral("p3"), {}}},
                         {QStringLiteral("p3"), {{QStringLiteral("3")}, QString(), {}}}});
    QVERIFY(model.canFetchMore());
    model.fetchAll();
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(model.rows(), QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
    QCOMPARE(model.asked, QStringList({QString(), QStringLiteral("p2"), QStringLiteral("p3")}));
    QCOMPARE(model.state(), PagedListModel::Idle);
    QVERIFY(!model.canFetchMore());
}

void TestPagedListModel::aRepeatedCursorFailsTheModel()
{
    ScriptedModel model({{QString(), {{QStringLiteral("1")}, QStringLiteral("a"), {}}},
                         {QStringLiteral("a"), {{QStringLiteral("2")}, QStringLiteral("a"), {}}}});
    QSignalSpy failed(&model, &PagedListModel::loadFailed);
    model.fetchAll();
    QTRY_COMPARE(failed.count(), 1);
    QCOMPARE(model.state(), PagedListModel::Failed);
    QCOMPARE(model.lastError().kind, Error::Kind::BadResponse);
    QVERIFY(model.lastError().technical.contains(QLatin1String("paging does not end")));
    // What was loaded stays; the repeated page is not added twice, and nothing more is asked.
    QCOMPARE(model.rows(), QStringList({QStringLiteral("1")}));
    QVERIFY(model.isComplete());
    QVERIFY(!model.canFetchMore());
}

void TestPagedListModel::aFailedPageKeepsWhatWasLoaded()
{
    ScriptedModel model({{QString(), {{QStringLiteral("1")}, QStringLiteral("a"), {}}},
                         {QStringLiteral("a"), {{}, {}, Error::make(Error::Kind::Server)}}});
    model.fetchAll();
    QTRY_COMPARE(model.state(), PagedListModel::Failed);
    QCOMPARE(model.rows(), QStringList({QStringLiteral("1")}));
    // A failure that may pass can be asked again.
    QVERIFY(!model.isComplete());
    QVERIFY(model.canFetchMore());

}

void TestPagedListModel::aReloadMakesLateAnswersStale()
{
    ScriptedModel model({{QString(), {{QStringLiteral("1")}, QStringLiteral("a"), {}}}});
    model.fetchMore();
    model.reload(); // before the first answer arrives
    QTRY_COMPARE(model.asked.size(), 2);
    QTest::qWait(30);
    QCOMPARE(model.rows(), QStringList({QStringLiteral("1")})); // once, from the reload's request
    QCOMPARE(model.state(), PagedListModel::Idle);
}

void TestPagedListModel::nothingIsAskedUntilReloadWhenNotFetchingOnView()
{
    ScriptedModel model({{QString(), {{QStringLiteral("1")}, QString(), {}}}}, false);
    QVERIFY(!model.canFetchMore());
    QVERIFY(model.asked.isEmpty());
    model.reload();
    QTRY_VERIFY(model.isComplete());
    QCOMPARE(model.rows(), QStringList({QStringLiteral("1")}));
}

QTEST_GUILESS_MAIN(TestPagedListModel)
#include "tst_pagedlistmodel.moc"
