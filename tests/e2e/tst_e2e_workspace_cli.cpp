// End to end: `cio-studio-cli workspace …` with the real Secret Service, and its failure paths
// (no Secret Service, one that never answers, one that refuses) through a fake service on a private bus.
// Linux only: it drives D-Bus directly.
#include "../common/testhome.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/contractproxy.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

const QString Key = QStringLiteral("sk-ws-cli-5b8e1f-SECRET");

// Claims the Secret Service's name on a private bus and either never answers or refuses everything.
class FakeSecretService final : public QDBusVirtualObject
{
public:
    enum class Mode
    {
        Hang,
        Locked
    };
    explicit FakeSecretService(Mode mode)
        : m_mode(mode)
    {}
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override
    {
        ++calls;
        if (m_mode == Mode::Locked)
            connection.send(message.createErrorReply(QStringLiteral("org.freedesktop.Secret.Error.IsLocked"),
                                                     QStringLiteral("The collection is locked")));
        return true; // Hang: swallow the call, never reply
    }
    int calls = 0;

private:
    Mode m_mode;
};

} // namespace

class TestE2eWorkspaceCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void scriptedSessionLeavesNoKeyOnDisk();
    void wrongKeyIsDiagnosed();
    void noSecretService();
    void keychainThatNeverAnswers();
    void keychainThatRefuses();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
        qint64 elapsedMs = 0;
    };
    Result run(const QStringList &arguments, const QByteArray &input = {},
               const QProcessEnvironment &extra = {});
    QString startPrivateBus();
    QString secretToolSearch();
    bool noWorkspacesSaved();

    cio::sandbox::Server m_server;
    cio::test::ContractProxy m_contract; // the App API through the contract's validator
    QProcess m_bus;
};

void TestE2eWorkspaceCli::initTestCase()
{
    cio::test::freshHome();
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "run through scripts/test.sh");
    cio::sandbox::Options options;
    options.apiKey = Key;
    options.rateLimit = 0;
    QVERIFY(m_server.start(options));
    QString error;
    QVERIFY2(m_contract.start(m_server.url(), &error), qPrintable(error));
}

void TestE2eWorkspaceCli::cleanupTestCase()
{
    qInfo().noquote() << m_contract.coverageLine();
    m_contract.stop();
    const QStringList violations = m_contract.violations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
    if (m_bus.state() != QProcess::NotRunning) {
        m_bus.kill();
        m_bus.waitForFinished(5000);
    }
}

TestE2eWorkspaceCli::Result TestE2eWorkspaceCli::run(const QStringList &arguments, const QByteArray &input,
                                                     const QProcessEnvironment &extra)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CIO_APP_API_KEY"));
    for (const QString &name : extra.keys())
        env.insert(name, extra.value(name));
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer timer;
    timer.start();
    process.start(qEnvironmentVariable("CIO_CLI_BIN"), arguments);
    process.write(input);
    process.closeWriteChannel();
    Result r;
    if (!finished.wait(60000)) {
        process.kill();
        return r;
    }
    r.elapsedMs = timer.elapsed();
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = process.readAllStandardOutput();
    r.err = process.readAllStandardError();
    if (r.out.contains(Key.toUtf8()) || r.err.contains(Key.toUtf8()))
        r.exitCode = -100; // the key was printed
    return r;
}

bool TestE2eWorkspaceCli::noWorkspacesSaved()
{
    const Result r = run({QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")});
    const QJsonDocument doc = QJsonDocument::fromJson(r.out);
    return r.exitCode == 0 && doc.isArray() && doc.array().isEmpty();
}

QString TestE2eWorkspaceCli::secretToolSearch()
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                            QStringLiteral("server"), QStringLiteral("cio-studio")});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
}

QString TestE2eWorkspaceCli::startPrivateBus()
{
    if (m_bus.state() == QProcess::NotRunning) {
        m_bus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--nofork"),
                                                    QStringLiteral("--print-address=1")});
        if (!m_bus.waitForReadyRead(10000))
            return {};
    }
    static QString address;
    if (address.isEmpty())
        address = QString::fromUtf8(m_bus.readLine()).trimmed();
    return address;
}

void TestE2eWorkspaceCli::scriptedSessionLeavesNoKeyOnDisk()
{
    const QString url = m_contract.url().toString();
    Result r = run({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("Northwind"),
                    QStringLiteral("--region"), QStringLiteral("us"), QStringLiteral("--base-url"), url},
                   Key.toUtf8() + '\n');
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(secretToolSearch().contains(Key));

    r = run({QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray list = QJsonDocument::fromJson(r.out).array();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.first().toObject().value(QLatin1String("name")).toString(), QStringLiteral("Northwind"));

    r = run({QStringLiteral("workspace"), QStringLiteral("test"), QStringLiteral("Northwind")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(r.out.contains("Connected"));

    r = run({QStringLiteral("--workspace"), QStringLiteral("Northwind"), QStringLiteral("--json"),
             QStringLiteral("sync")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out).object().value(QLatin1String("newsletters")).toInt() >= 40);
    // The sandbox saw the stored key on every request.
    for (const cio::sandbox::RequestRecord &rec : m_server.requests())
        QCOMPARE(rec.authorization, QByteArray("Bearer " + Key.toUtf8()));

    r = run({QStringLiteral("--workspace"), QStringLiteral("northwind"), QStringLiteral("newsletters"),
             QStringLiteral("show"), QStringLiteral("212")});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    // Nothing under HOME (settings, caches, logs) holds the key.
    QCOMPARE(cio::test::filesContaining(QDir::homePath(), Key.toUtf8()), QStringList());

    r = run({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Northwind")});
    QCOMPARE(r.exitCode, 2); // not confirmed
    r = run({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Northwind"),
             QStringLiteral("--yes")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(!secretToolSearch().contains(Key));
    r = run({QStringLiteral("workspace"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(QJsonDocument::fromJson(r.out).array().size(), 0);
}

void TestE2eWorkspaceCli::wrongKeyIsDiagnosed()
{
    Result r = run({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("Typo"),
                    QStringLiteral("--base-url"), m_contract.url().toString()},
                   "sk-typo\n");
    QVERIFY2(r.exitCode == 0, r.err.constData());
    r = run({QStringLiteral("workspace"), QStringLiteral("test"), QStringLiteral("Typo")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("refused"), r.err.constData());
    r = run({QStringLiteral("--workspace"), QStringLiteral("Typo"), QStringLiteral("segments"),
             QStringLiteral("list")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("401"), r.err.constData());
    QVERIFY(run({QStringLiteral("workspace"), QStringLiteral("remove"), QStringLiteral("Typo"),
                 QStringLiteral("--yes")})
                .exitCode == 0);
    // No key on standard input: refused before anything is stored.
    r = run({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("Empty")}, "");
    QCOMPARE(r.exitCode, 2);
    QVERIFY(r.err.contains("standard input"));
}

void TestE2eWorkspaceCli::noSecretService()
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
               QStringLiteral("unix:path=") + QDir::homePath() + QStringLiteral("/no-such-bus"));
    env.insert(QStringLiteral("CIO_KEYCHAIN_TIMEOUT_MS"), QStringLiteral("5000"));
    const Result r = run({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("Nowhere")},
                         Key.toUtf8() + '\n', env);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("keychain"), r.err.constData());
    QVERIFY(noWorkspacesSaved());
    QCOMPARE(cio::test::filesContaining(QDir::homePath(), Key.toUtf8()), QStringList());
}

void TestE2eWorkspaceCli::keychainThatNeverAnswers()
{
    const QString address = startPrivateBus();
    QVERIFY(!address.isEmpty());
    QDBusConnection bus = QDBusConnection::connectToBus(address, QStringLiteral("fake-hang"));
    QVERIFY(bus.isConnected());
    FakeSecretService fake(FakeSecretService::Mode::Hang);
    QVERIFY(bus.registerVirtualObject(QStringLiteral("/"), &fake, QDBusConnection::SubPath));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.secrets")));

    QProcessEnvironment env;
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    env.insert(QStringLiteral("CIO_KEYCHAIN_TIMEOUT_MS"), QStringLiteral("1500"));
    const Result r = run({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("Hung")},
                         Key.toUtf8() + '\n', env);
    bus.unregisterService(QStringLiteral("org.freedesktop.secrets"));
    bus.unregisterObject(QStringLiteral("/"), QDBusConnection::UnregisterTree);
    QDBusConnection::disconnectFromBus(QStringLiteral("fake-hang"));

    QVERIFY(fake.calls > 0);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("did not answer in time"), r.err.constData());
    QVERIFY2(r.elapsedMs < 15000, "our own timeout fires, not D-Bus's");
    QVERIFY(noWorkspacesSaved());
    QCOMPARE(cio::test::filesContaining(QDir::homePath(), Key.toUtf8()), QStringList());
}

void TestE2eWorkspaceCli::keychainThatRefuses()
{
    const QString address = startPrivateBus();
    QVERIFY(!address.isEmpty());
    QDBusConnection bus = QDBusConnection::connectToBus(address, QStringLiteral("fake-locked"));
    QVERIFY(bus.isConnected());
    FakeSecretService fake(FakeSecretService::Mode::Locked);
    QVERIFY(bus.registerVirtualObject(QStringLiteral("/"), &fake, QDBusConnection::SubPath));
    QVERIFY(bus.registerService(QStringLiteral("org.freedesktop.secrets")));

    QProcessEnvironment env;
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    env.insert(QStringLiteral("CIO_KEYCHAIN_TIMEOUT_MS"), QStringLiteral("5000"));
    const Result r = run({QStringLiteral("workspace"), QStringLiteral("add"), QStringLiteral("Locked")},
                         Key.toUtf8() + '\n', env);
    bus.unregisterService(QStringLiteral("org.freedesktop.secrets"));
    bus.unregisterObject(QStringLiteral("/"), QDBusConnection::UnregisterTree);
    QDBusConnection::disconnectFromBus(QStringLiteral("fake-locked"));

    QVERIFY(fake.calls > 0);
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("refused access"), r.err.constData());
    QVERIFY(noWorkspacesSaved());
    QCOMPARE(cio::test::filesContaining(QDir::homePath(), Key.toUtf8()), QStringList());
}

QTEST_GUILESS_MAIN(TestE2eWorkspaceCli)
#include "tst_e2e_workspace_cli.moc"
