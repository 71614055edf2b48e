// The snippet save workflow shared by the Snippets page and `snippets put`: create with POST (never
// replacing), change only what was opened (read, compare, PUT right after), replace for an upsert.
#include "api/client.h"
#include "models/snippets/snippetsaver.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/sandboxsettings.h"

#include <QElapsedTimer>
#include <QTest>

using cio::models::SnippetSaveRequest;
using cio::models::SnippetSaveResult;
using Status = cio::models::SnippetSaveResult::Status;

class TestSnippetSaver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void newSnippetIsCreatedNeverReplaced();
    void changeOfWhatWasOpened();
    void changedOrDeletedMeanwhileIsRefused();
    void upsertCreatesOrReplaces();
    void nothingAfterTheContextIsGone();

private:
    SnippetSaveResult saveNow(const SnippetSaveRequest &request);
    QList<QByteArray> methods() const;
    QString valueOf(const QString &name)
    {
        return m_server.data().snippet(name).value(QLatin1String("value")).toString();
    }

    cio::sandbox::Server m_server;
    std::unique_ptr<cio::api::Client> m_client;
};

void TestSnippetSaver::initTestCase()
{
    QString error;
    const auto started = cio::test::startUnpacedSandbox(m_server, &error);
    QVERIFY2(started, qPrintable(error));
    cio::api::ConnectionSettings settings = *started;
    m_client = std::make_unique<cio::api::Client>(settings);
}

SnippetSaveResult TestSnippetSaver::saveNow(const SnippetSaveRequest &request)
{
    cio::models::SnippetSaver saver(m_client.get());
    std::optional<SnippetSaveResult> result;
    saver.save(request, this, [&](const SnippetSaveResult &r) { result = r; });
    // Never inside the call.
    if (result)
        return {};
    QElapsedTimer timer;
    timer.start();
    while (!result && timer.elapsed() < 10000)
        QTest::qWait(10);
    return result.value_or(SnippetSaveResult{});
}

QList<QByteArray> TestSnippetSaver::methods() const
{
    QList<QByteArray> out;
    for (const auto &r : m_server.requests())
        out << r.method;
    return out;
}

void TestSnippetSaver::newSnippetIsCreatedNeverReplaced()
{
    m_server.clearRequests();
    const SnippetSaveResult created = saveNow({QStringLiteral("saver new"), QStringLiteral("one"), true, {}});
    QVERIFY2(created.status == Status::Created, qPrintable(created.error.message()));
    QCOMPARE(created.saved.name, QStringLiteral("saver new"));
    QCOMPARE(methods(), QList<QByteArray>{"POST"}); // one step: no read, no PUT

    // Someone created it meanwhile: refused, theirs kept.
    m_server.data().setSnippet(QStringLiteral("saver taken"), QStringLiteral("theirs"));
    const SnippetSaveResult taken =
        saveNow({QStringLiteral("saver taken"), QStringLiteral("mine"), true, {}});
    QVERIFY(taken.status == Status::NameTaken);
    QCOMPARE(valueOf(QStringLiteral("saver taken")), QStringLiteral("theirs"));
}

void TestSnippetSaver::changeOfWhatWasOpened()
{
    m_server.data().setSnippet(QStringLiteral("saver edit"), QStringLiteral("opened"));
    m_server.clearRequests();
    const SnippetSaveResult saved =
        saveNow({QStringLiteral("saver edit"), QStringLiteral("edited"), false, QStringLiteral("opened")});
    QVERIFY2(saved.status == Status::Saved, qPrintable(saved.error.message()));
    QCOMPARE(saved.saved.value, QStringLiteral("edited"));
    QCOMPARE(valueOf(QStringLiteral("saver edit")), QStringLiteral("edited"));
    QCOMPARE(methods(), (QList<QByteArray>{"GET", "PUT"}));
}

void TestSnippetSaver::changedOrDeletedMeanwhileIsRefused()
{
    m_server.data().setSnippet(QStringLiteral("saver busy"), QStringLiteral("theirs now"));
    m_server.clearRequests();
    const SnippetSaveResult conflict =
        saveNow({QStringLiteral("saver busy"), QStringLiteral("mine"), false, QStringLiteral("as opened")});
    QVERIFY(conflict.status == Status::Conflict);
    QVERIFY(conflict.server);
    QCOMPARE(conflict.server->value, QStringLiteral("theirs now"));
    QCOMPARE(valueOf(QStringLiteral("saver busy")), QStringLiteral("theirs now"));
    QCOMPARE(methods(), QList<QByteArray>{"GET"});

    const SnippetSaveResult gone = saveNow(
        {QStringLiteral("saver never there"), QStringLiteral("mine"), false, QStringLiteral("as opened")});
    QVERIFY(gone.status == Status::Deleted);
    QVERIFY(m_server.data().snippet(QStringLiteral("saver never there")).isEmpty());
}

void TestSnippetSaver::upsertCreatesOrReplaces()
{
    m_server.clearRequests();
    const SnippetSaveResult created =
        saveNow({QStringLiteral("saver upsert"), QStringLiteral("first"), false, {}});
    QVERIFY2(created.status == Status::Created, qPrintable(created.error.message()));
    QCOMPARE(methods(), (QList<QByteArray>{"GET", "POST"}));
    m_server.data().setSnippet(QStringLiteral("saver upsert"), QStringLiteral("someone else's"));
    m_server.clearRequests();
    const SnippetSaveResult replaced =
        saveNow({QStringLiteral("saver upsert"), QStringLiteral("second"), false, {}});
    QVERIFY2(replaced.status == Status::Saved, qPrintable(replaced.error.message()));
    QCOMPARE(valueOf(QStringLiteral("saver upsert")), QStringLiteral("second"));
    QCOMPARE(methods(), (QList<QByteArray>{"GET", "PUT"}));
}

void TestSnippetSaver::nothingAfterTheContextIsGone()
{
    cio::models::SnippetSaver saver(m_client.get());
    bool answered = false;
    auto *context = new QObject;
    m_server.clearRequests();
    saver.save({QStringLiteral("saver orphan"), QStringLiteral("x"), true, {}}, context,
               [&](const SnippetSaveResult &) { answered = true; });
    delete context;
    QTest::qWait(500);
    QVERIFY(!answered);
}

QTEST_GUILESS_MAIN(TestSnippetSaver)
#include "tst_snippetsaver.moc"
