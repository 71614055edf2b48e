// Hostile answers × CLI commands: every kind of bad answer the sandbox can give (a server error on
// every request, a 429 storm, stalls, cut connections, cut bodies, broken, empty and hollow JSON, an
// oversized answer) against every command that reads or writes, run as a user runs cio-studio-cli.
// Each run is one of:
//   crash      the process died (signal, sanitizer, abort) or never finished
//   error      it failed with a clear message (exit 1, one short message, nothing on standard output)
//              and changed nothing it should not have
//   recovered  it succeeded with the same result as a run without faults (short fault bursts)
//   WRONG      it reported success with a wrong result, printed junk, or changed the server or the
//              local store although it failed
// Each command has a sandbox of its own, so the commands of one fault run side by side and a short
// burst is used up by the command it is meant for. The test prints its table; a single crash or WRONG
// fails it.
#include "models/store/localstore.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>
#include <vector>

namespace {

const QString Key = QStringLiteral("sk-test-hostile-41c7-SECRET");

struct Command
{
    QString name;
    QStringList arguments;
    enum Kind
    {
        Read,  // prints JSON; must equal the run without faults
        Sync,  // fills the local store; must leave it as it was when it fails
        Write, // changes the server; must say whether it did
    } kind = Read;
};

struct Run
{
    std::unique_ptr<QProcess> process;
    bool finished = false;
};

} // namespace

class TestE2eHostile : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hostileAnswersTable();

private:
    struct Result
    {
        int exitCode = -1; // -1: crashed or never finished
        QByteArray out;
        QByteArray err;
    };
    // Runs the commands at once, each against its sandbox (with the limits that keep a hostile run
    // short), and waits.
    QList<Result> runAll(const QList<QPair<int, QStringList>> &commands, int timeoutMs);
    QStringList withLimits(int server, const QStringList &arguments) const;
    QString classify(const Command &command, const Result &result, const Result &clean, const QString &mode,
                     QString *why);
    struct StoreCounts
    {
        qsizetype newsletters = -1;
        int variants = -1;
        int testGroups = -1;
        bool operator==(const StoreCounts &o) const
        {
            return newsletters == o.newsletters && variants == o.variants && testGroups == o.testGroups;
        }
    };
    StoreCounts storeCounts(int server) const;
    QString subjectAndPreheader(int server) const;
    QString snippetValue(int server) const;

    static constexpr int Servers = 11; // one per command of the table
    std::vector<std::unique_ptr<cio::sandbox::Server>> m_servers;
    qint64 m_newsletterId = 0;
    qint64 m_contentId = 0;
    QString m_snippet;
    qint64 m_segmentId = 0;
    QString m_valueFile;
    int m_writeRound = 0;
};

void TestE2eHostile::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CIO_CLI_BIN"), "CIO_CLI_BIN is set by CTest");
    cio::sandbox::Options options;
    options.apiKey = Key;
    QString error;
    QDir().mkpath(qEnvironmentVariable("CIO_TEST_TMP"));
    for (int i = 0; i < Servers; ++i) {
        m_servers.push_back(std::make_unique<cio::sandbox::Server>());
        QVERIFY2(m_servers.back()->start(options, &error), qPrintable(error));
        // Start from an empty local store for this sandbox.
        QFile::remove(cio::models::LocalStore::pathForBaseUrl(m_servers.back()->url()));
    }

    // A newsletter, its Default variant, a snippet and a manual segment of the demo data.
    const QList<Result> lists = runAll({{0, {QStringLiteral("newsletters"), QStringLiteral("list")}},
                                        {0, {QStringLiteral("snippets"), QStringLiteral("list")}},
                                        {0, {QStringLiteral("segments"), QStringLiteral("list")}}},
                                       60000);
    for (const Result &r : lists)
        QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray newsletters = QJsonDocument::fromJson(lists[0].out).array();
    QVERIFY(!newsletters.isEmpty());
    m_newsletterId = newsletters.first().toObject().value(QLatin1String("id")).toInteger();
    const QJsonArray snippets = QJsonDocument::fromJson(lists[1].out).array();
    QVERIFY(!snippets.isEmpty());
    m_snippet = snippets.first().toObject().value(QLatin1String("name")).toString();
    for (const QJsonValue &v : QJsonDocument::fromJson(lists[2].out).array()) {
        if (v.toObject().value(QLatin1String("type")).toString() == QLatin1String("manual")) {
            m_segmentId = v.toObject().value(QLatin1String("id")).toInteger();
            break;
        }
    }
    QVERIFY(m_segmentId > 0);
    const QList<Result> variant =
        runAll({{0,
                 {QStringLiteral("variants"), QStringLiteral("show"), QString::number(m_newsletterId),
                  QStringLiteral("default")}}},
               60000);
    QVERIFY2(variant[0].exitCode == 0, variant[0].err.constData());
    m_contentId = QJsonDocument::fromJson(variant[0].out).object().value(QLatin1String("id")).toInteger();
    QVERIFY(m_contentId > 0);
    m_valueFile = qEnvironmentVariable("CIO_TEST_TMP") + QStringLiteral("/snippet-value.txt");
}

QStringList TestE2eHostile::withLimits(int server, const QStringList &arguments) const
{
    // Short limits, so a stall or a 429 storm costs seconds, not minutes; the same options a user has.
    return QStringList{QStringLiteral("--base-url"), m_servers[size_t(server)]->url().toString(), QStringLiteral("--json"),
                       QStringLiteral("--timeout"), QStringLiteral("2"), QStringLiteral("--rate-limit-wait"),
                       QStringLiteral("8"), QStringLiteral("--max-response-mb"), QStringLiteral("4")} +
           arguments;
}

QList<TestE2eHostile::Result> TestE2eHostile::runAll(const QList<QPair<int, QStringList>> &commands,
                                                     int timeoutMs)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CIO_APP_API_KEY"), Key);
    const QString runtime = qEnvironmentVariable("CIO_TEST_TMP") + QStringLiteral("/runtime");
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);

    std::vector<Run> runs(size_t(commands.size()));
    for (qsizetype i = 0; i < commands.size(); ++i) {
        Run &run = runs[size_t(i)];
        run.process = std::make_unique<QProcess>();
        run.process->setProcessEnvironment(env);
        connect(run.process.get(), &QProcess::finished, this, [&run] { run.finished = true; });
        run.process->start(qEnvironmentVariable("CIO_CLI_BIN"), withLimits(commands[i].first, commands[i].second));
        run.process->closeWriteChannel();
    }
    // The sandbox answers in this process: wait with an event loop.
    QElapsedTimer timer;
    timer.start();
    auto allDone = [&runs] {
        return std::all_of(runs.cbegin(), runs.cend(), [](const Run &r) { return r.finished; });
    };
    while (!allDone() && timer.elapsed() < timeoutMs)
        QTest::qWait(20);

    QList<Result> results;
    for (Run &run : runs) {
        Result r;
        if (!run.finished) {
            run.process->kill();
            run.process->waitForFinished(5000);
        } else if (run.process->exitStatus() == QProcess::NormalExit) {
            r.exitCode = run.process->exitCode();
        }
        r.out = run.process->readAllStandardOutput();
        r.err = run.process->readAllStandardError();
        results << r;
    }
    return results;
}

TestE2eHostile::StoreCounts TestE2eHostile::storeCounts(int server) const
{
    cio::models::LocalStore store;
    if (!store.open(cio::models::LocalStore::pathForBaseUrl(m_servers[size_t(server)]->url())))
        return {};
    return {store.newsletters().size(), store.variantCount(), store.testGroupCount()};
}

QString TestE2eHostile::subjectAndPreheader(int server) const
{
    const QJsonObject c = m_servers[size_t(server)]->data().content(m_contentId);
    return c.value(QLatin1String("subject")).toString() + QLatin1Char('|') +
           c.value(QLatin1String("preheader_text")).toString();
}

QString TestE2eHostile::snippetValue(int server) const
{
    return m_servers[size_t(server)]->data().snippet(m_snippet).value(QLatin1String("value")).toString();
}

QString TestE2eHostile::classify(const Command &command, const Result &result, const Result &clean,
                                 const QString &mode, QString *why)
{
    Q_UNUSED(mode)
    static const QRegularExpression junk(QStringLiteral(
        "AddressSanitizer|runtime error:|Segmentation|terminate called|ASSERT|QJson|QNetworkReply|"
        "Unknown error|\\bnull\\b|^\\s*[\\[{]|<html|\\bundefined\\b"),
                                         QRegularExpression::CaseInsensitiveOption |
                                             QRegularExpression::MultilineOption);
    if (result.exitCode < 0 || result.exitCode > 2 || result.err.contains("AddressSanitizer") ||
        result.err.contains("runtime error:")) {
        *why = QStringLiteral("exit %1: %2").arg(result.exitCode).arg(QString::fromUtf8(result.err.right(300)));
        return QStringLiteral("crash");
    }
    if (result.exitCode == 0) {
        if (command.kind == Command::Write)
            return QStringLiteral("recovered"); // the caller checks the server holds the new text
        if (result.out == clean.out || command.kind == Command::Sync)
            return QStringLiteral("recovered");
        *why = QStringLiteral("success with a different result: %1").arg(QString::fromUtf8(result.out.left(200)));
        return QStringLiteral("WRONG");
    }
    const QString message = QString::fromUtf8(result.err).trimmed();
    if (message.isEmpty()) {
        *why = QStringLiteral("failed without a message");
        return QStringLiteral("WRONG");
    }
    if (!result.out.trimmed().isEmpty() && command.kind != Command::Sync) {
        *why = QStringLiteral("failed but printed a result: %1").arg(QString::fromUtf8(result.out.left(200)));
        return QStringLiteral("WRONG");
    }
    const QRegularExpressionMatch m = junk.match(message);
    if (m.hasMatch() || message.count(QLatin1Char('\n')) > 6) {
        *why = QStringLiteral("unclear message: %1").arg(message.left(300));
        return QStringLiteral("WRONG");
    }
    return QStringLiteral("error");
}

void TestE2eHostile::hostileAnswersTable()
{
    const QString n = QString::number(m_newsletterId);
    const QList<Command> commands{
        {QStringLiteral("newsletters list"), {QStringLiteral("newsletters"), QStringLiteral("list")}, Command::Read},
        {QStringLiteral("newsletters show"), {QStringLiteral("newsletters"), QStringLiteral("show"), n}, Command::Read},
        {QStringLiteral("variants list"), {QStringLiteral("variants"), QStringLiteral("list"), n}, Command::Read},
        {QStringLiteral("variants show"),
         {QStringLiteral("variants"), QStringLiteral("show"), n, QStringLiteral("default")},
         Command::Read},
        {QStringLiteral("snippets list"), {QStringLiteral("snippets"), QStringLiteral("list")}, Command::Read},
        {QStringLiteral("snippets get"), {QStringLiteral("snippets"), QStringLiteral("get"), m_snippet}, Command::Read},
        {QStringLiteral("segments list"), {QStringLiteral("segments"), QStringLiteral("list")}, Command::Read},
        {QStringLiteral("segments members"),
         {QStringLiteral("segments"), QStringLiteral("members"), QString::number(m_segmentId)},
         Command::Read},
        {QStringLiteral("sync --full"), {QStringLiteral("sync"), QStringLiteral("--full")}, Command::Sync},
        {QStringLiteral("variants set"), {}, Command::Write},
        {QStringLiteral("snippets put"), {}, Command::Write},
    };
    // Every request faulted, and short bursts the commands must ride out.
    const QStringList modes{QStringLiteral("500"),      QStringLiteral("429"),     QStringLiteral("stall"),
                            QStringLiteral("cut"),      QStringLiteral("midcut"),  QStringLiteral("malformed"),
                            QStringLiteral("empty"),    QStringLiteral("hollow"),  QStringLiteral("huge=12"),
                            QStringLiteral("503*2"),    QStringLiteral("429*2"),   QStringLiteral("cut*1")};

    QCOMPARE(int(commands.size()), Servers);
    const auto setFaults = [this](const QString &spec) {
        for (const auto &server : m_servers) {
            if (!server->setFaults(spec))
                return false;
        }
        return true;
    };
    // The store after a clean full sync is what a failed sync must leave.
    int syncServer = 0;
    for (int i = 0; i < Servers; ++i) {
        if (commands[i].kind == Command::Sync)
            syncServer = i;
    }
    QVERIFY(setFaults(QString()));
    const QList<Result> firstSync =
        runAll({{syncServer, {QStringLiteral("sync"), QStringLiteral("--full")}}}, 120000);
    QVERIFY2(firstSync[0].exitCode == 0, firstSync[0].err.constData());
    QVERIFY(storeCounts(syncServer).newsletters > 0);

    QStringList header{QStringLiteral("%1").arg(QStringLiteral("command"), -18)};
    for (const QString &mode : modes)
        header << QStringLiteral("%1").arg(mode, -10);
    QStringList table{header.join(QLatin1Char(' ')).trimmed()};
    QHash<QString, int> totals;
    QStringList failures;
    QStringList samples; // what a user reads under each fault, from the first command
    QList<QStringList> rows(commands.size());
    for (qsizetype i = 0; i < commands.size(); ++i)
        rows[i] << QStringLiteral("%1").arg(commands[i].name, -18);

    for (const QString &mode : modes) {
        const bool burst = mode.contains(QLatin1Char('*'));
        // This round's edits, and what the server held before them.
        ++m_writeRound;
        const QString subject = QStringLiteral("Hostile round %1 subject").arg(m_writeRound);
        const QString preheader = QStringLiteral("Hostile round %1 preheader").arg(m_writeRound);
        const QString value = QStringLiteral("Hostile round %1 value {{ customer.first_name }}").arg(m_writeRound);
        QFile file(m_valueFile);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(value.toUtf8());
        file.close();
        QList<QStringList> argumentLists;
        for (const Command &c : commands) {
            if (c.name == QLatin1String("variants set"))
                argumentLists << QStringList{QStringLiteral("variants"), QStringLiteral("set"), n,
                                             QStringLiteral("default"),  QStringLiteral("--subject"), subject,
                                             QStringLiteral("--preheader"), preheader, QStringLiteral("--ignore-qa")};
            else if (c.name == QLatin1String("snippets put"))
                argumentLists << QStringList{QStringLiteral("snippets"), QStringLiteral("put"), m_snippet,
                                             QStringLiteral("--file"), m_valueFile};
            else
                argumentLists << c.arguments;
        }
        QList<QPair<int, QStringList>> runs;
        QList<QPair<int, QStringList>> reads;
        for (int i = 0; i < Servers; ++i) {
            runs.append({i, argumentLists[i]});
            if (commands[i].kind == Command::Read)
                reads.append({i, argumentLists[i]});
        }
        QVERIFY(setFaults(QString()));
        const QList<Result> cleanReads = runAll(reads, 60000);
        int writeVariant = 0;
        int writeSnippet = 0;
        for (int i = 0; i < Servers; ++i) {
            if (commands[i].name == QLatin1String("variants set"))
                writeVariant = i;
            else if (commands[i].name == QLatin1String("snippets put"))
                writeSnippet = i;
        }
        const QString variantBefore = subjectAndPreheader(writeVariant);
        const QString snippetBefore = snippetValue(writeSnippet);
        const StoreCounts storeBefore = storeCounts(syncServer);

        // A burst of N is used up by the first N requests its sandbox gets: each command has its own.
        QVERIFY(setFaults(mode));
        const QList<Result> results = runAll(runs, burst ? 60000 : 90000);
        QVERIFY(setFaults(QString()));

        if (results.first().exitCode != 0)
            samples << QStringLiteral("%1 → %2").arg(mode, QString::fromUtf8(results.first().err.trimmed()));
        qsizetype readIndex = 0;
        for (qsizetype i = 0; i < commands.size(); ++i) {
            const Command &c = commands[i];
            const Result clean = c.kind == Command::Read ? cleanReads[readIndex++] : Result{};
            QString why;
            QString outcome = classify(c, results[i], clean, mode, &why);
            if (outcome != QLatin1String("crash")) {
                // What it changed must match what it said.
                if (c.name == QLatin1String("variants set")) {
                    const QString now = subjectAndPreheader(writeVariant);
                    const QString wanted = subject + QLatin1Char('|') + preheader;
                    if (results[i].exitCode == 0 && now != wanted) {
                        outcome = QStringLiteral("WRONG");
                        why = QStringLiteral("reported saved, the server holds %1").arg(now);
                    } else if (now != wanted && now != variantBefore) {
                        outcome = QStringLiteral("WRONG");
                        why = QStringLiteral("the server holds a mix: %1").arg(now);
                    }
                } else if (c.name == QLatin1String("snippets put")) {
                    const QString now = snippetValue(writeSnippet);
                    if ((results[i].exitCode == 0 && now != value) || (now != value && now != snippetBefore)) {
                        outcome = QStringLiteral("WRONG");
                        why = QStringLiteral("the server holds %1").arg(now);
                    }
                } else if (c.kind == Command::Sync) {
                    const StoreCounts after = storeCounts(syncServer);
                    if (!(after == storeBefore)) {
                        outcome = QStringLiteral("WRONG");
                        why = QStringLiteral("the local store went from %1/%2/%3 to %4/%5/%6 newsletters/variants/"
                                             "test groups")
                                  .arg(storeBefore.newsletters)
                                  .arg(storeBefore.variants)
                                  .arg(storeBefore.testGroups)
                                  .arg(after.newsletters)
                                  .arg(after.variants)
                                  .arg(after.testGroups);
                    }
                }
            }
            if (burst && outcome == QLatin1String("error")) {
                // A short burst is within what a command rides out: failing is a wrong result.
                outcome = QStringLiteral("WRONG");
                why = QStringLiteral("gave up on a short burst: %1").arg(QString::fromUtf8(results[i].err.trimmed()));
            }
            ++totals[outcome];
            rows[i] << QStringLiteral("%1").arg(outcome, -10);
            if (outcome == QLatin1String("crash") || outcome == QLatin1String("WRONG"))
                failures << QStringLiteral("%1 under %2: %3").arg(c.name, mode, why);
        }
    }
    for (const QStringList &row : rows)
        table << row.join(QLatin1Char(' ')).trimmed();
    const int runs = int(commands.size() * modes.size());
    qInfo().noquote() << QStringLiteral("hostile answers × CLI commands (error = refused with a clear message, "
                                        "nothing changed; recovered = same result as without faults):\n") +
                             table.join(QLatin1Char('\n')) +
                             QStringLiteral("\n%1 runs: %2 crash, %3 error, %4 recovered, %5 WRONG")
                                 .arg(runs)
                                 .arg(totals.value(QStringLiteral("crash")))
                                 .arg(totals.value(QStringLiteral("error")))
                                 .arg(totals.value(QStringLiteral("recovered")))
                                 .arg(totals.value(QStringLiteral("WRONG"))) +
                             QStringLiteral("\nWhat “newsletters list” says:\n") + samples.join(QLatin1Char('\n'));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestE2eHostile)
#include "tst_e2e_hostile.moc"
