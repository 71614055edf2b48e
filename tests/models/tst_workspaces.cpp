// Workspaces and keys: the real Secret Service (started by scripts/test.sh inside a private D-Bus
// session), profiles in QSettings, connection diagnosis against two sandboxes, read-only refusals.
#include "../common/testhome.h"
#include "api/client.h"
#include "api/credentialstore.h"
#include "models/workspaces/connectiontester.h"
#include "models/workspaces/workspacerepository.h"
#include "sandbox/sandboxserver.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>

using cio::api::CredentialError;
using cio::api::CredentialStore;
using cio::models::ConnectionVerdict;
using cio::models::WorkspaceProfile;
using cio::models::WorkspaceRepository;

namespace {
const QString Service = QStringLiteral("cio-studio-test");

// What another process (the desktop's own tool) finds in the Secret Service for our entry.
QString secretToolLookup(const QString &account)
{
    QProcess p;
    p.start(QStringLiteral("secret-tool"),
            {QStringLiteral("lookup"), QStringLiteral("server"), Service, QStringLiteral("user"), account});
    p.waitForFinished(10000);
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}
} // namespace

class TestWorkspaces : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyRoundTripThroughSecretService();
    void repositoryKeepsKeysOutOfFiles();
    void profileValidation_data();
    void profileValidation();
    void regionDiagnosis_data();
    void regionDiagnosis();
    void readOnlyRefusesEveryWrite_data();
    void readOnlyRefusesEveryWrite();

private:
    CredentialError write(CredentialStore &store, const QString &account, const QString &secret);
    std::pair<QString, CredentialError> read(CredentialStore &store, const QString &account);

    cio::sandbox::Server m_us;
    cio::sandbox::Server m_eu;
};

void TestWorkspaces::initTestCase()
{
    cio::test::freshHome();
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run the suite through scripts/test.sh (private D-Bus session with gnome-keyring)");
    cio::sandbox::Options us;
    us.apiKey = QStringLiteral("us-key-4c1d");
    us.rateLimit = 0;
    QVERIFY(m_us.start(us));
    cio::sandbox::Options eu;
    eu.apiKey = QStringLiteral("eu-key-9e2b");
    eu.rateLimit = 0;
    QVERIFY(m_eu.start(eu));
}

CredentialError TestWorkspaces::write(CredentialStore &store, const QString &account, const QString &secret)
{
    std::optional<CredentialError> result;
    store.write(account, secret, this, [&](const CredentialError &e) { result = e; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
    return result.value_or(CredentialError{CredentialError::Kind::Timeout, {}});
}

std::pair<QString, CredentialError> TestWorkspaces::read(CredentialStore &store, const QString &account)
{
    std::optional<std::pair<QString, CredentialError>> result;
    store.read(account, this, [&](const QString &s, const CredentialError &e) { result = std::pair{s, e}; });
    [&] { QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 20000); }();
    return result.value_or(std::pair{QString(), CredentialError{CredentialError::Kind::Timeout, {}}});
}

void TestWorkspaces::keyRoundTripThroughSecretService()
{
    CredentialStore store(Service);
    const QString account = CredentialStore::appKeyAccount(QStringLiteral("round-trip"));
    const QString secret =
        QStringLiteral("app-key-Ω-") + QString::number(QDateTime::currentMSecsSinceEpoch());

    const CredentialError written = write(store, account, secret);
    QVERIFY2(!written.isError(), qPrintable(written.technical));
    const auto [value, error] = read(store, account);
    QVERIFY2(!error.isError(), qPrintable(error.technical));
    QCOMPARE(value, secret);
    // Another process reads the same entry from the Secret Service: it really is in the keychain.
    QCOMPARE(secretToolLookup(account), secret);

    std::optional<CredentialError> removed;
    store.remove(account, this, [&](const CredentialError &e) { removed = e; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
    QVERIFY(!removed->isError());
    QCOMPARE(secretToolLookup(account), QString());
    const auto [gone, goneError] = read(store, account);
    QVERIFY(gone.isEmpty());
    QCOMPARE(goneError.kind, CredentialError::Kind::NotFound);
    QVERIFY(!goneError.message().isEmpty());
}

void TestWorkspaces::repositoryKeepsKeysOutOfFiles()
{
    const QString home = cio::test::freshHome();
    const QString appKey = QStringLiteral("sk-app-7d1f0c2e-NEVER-ON-DISK");
    const QString trackKey = QStringLiteral("trk-31aa-NEVER-ON-DISK");
    CredentialStore store(Service);
    QSettings settings(home + QLatin1String("/settings.ini"), QSettings::IniFormat);
    WorkspaceRepository repo(&store, &settings);

    WorkspaceProfile profile;
    profile.name = QStringLiteral("Northwind EU");
    profile.region = cio::api::Region::Eu;
    profile.colour = QStringLiteral("#dc2626");
    profile.readOnly = true;
    profile.trackSiteId = QStringLiteral("site-123");
    WorkspaceRepository::Keys keys{appKey, trackKey, false};
    std::optional<WorkspaceProfile> saved;
    repo.save(profile, keys, this,
              [&](const WorkspaceProfile &p, const QString &error, const CredentialError &) {
                  QVERIFY2(error.isEmpty(), qPrintable(error));
                  saved = p;
              });
    QTRY_VERIFY_WITH_TIMEOUT(saved.has_value(), 20000);
    QVERIFY(!saved->id.isEmpty());

    // Settings hold the profile, and only the profile.
    const auto found = repo.profiles().find(QStringLiteral("northwind eu"));
    QVERIFY(found);
    QCOMPARE(found->region, cio::api::Region::Eu);
    QCOMPARE(found->readOnly, true);
    QCOMPARE(found->trackSiteId, QStringLiteral("site-123"));
    QCOMPARE(secretToolLookup(CredentialStore::appKeyAccount(saved->id)), appKey);
    QCOMPARE(secretToolLookup(CredentialStore::trackKeyAccount(saved->id)), trackKey);

    std::optional<QString> loaded;
    repo.loadAppKey(*found, this, [&](const QString &key, const CredentialError &) { loaded = key; });
    QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 20000);
    QCOMPARE(*loaded, appKey);

    // A local data folder exists for the workspace, as the store will create it.
    const QString dataDir = WorkspaceRepository::dataDirectory(saved->id);
    QVERIFY(QDir().mkpath(dataDir));
    QFile marker(dataDir + QLatin1String("/cache.sqlite"));
    QVERIFY(marker.open(QIODevice::WriteOnly));
    marker.write("cached workspace data");
    marker.close();

    settings.sync();
    QCOMPARE(cio::test::filesContaining(home, appKey.toUtf8()), QStringList());
    QCOMPARE(cio::test::filesContaining(home, trackKey.toUtf8()), QStringList());

    // Removing takes the keys, the local data and the profile.
    std::optional<CredentialError> removed;
    repo.remove(*found, this, [&](const CredentialError &e) { removed = e; });
    QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 20000);
    QVERIFY(!removed->isError());
    QVERIFY(!repo.profiles().find(saved->id));
    QVERIFY(!QDir(dataDir).exists());
    QCOMPARE(secretToolLookup(CredentialStore::appKeyAccount(saved->id)), QString());
    QCOMPARE(secretToolLookup(CredentialStore::trackKeyAccount(saved->id)), QString());
}

void TestWorkspaces::profileValidation_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("baseUrl");
    QTest::addColumn<QString>("problem");
    QTest::newRow("fine") << QStringLiteral("Staging") << QString() << QString();
    QTest::newRow("no name") << QStringLiteral("  ") << QString() << QStringLiteral("name");
    QTest::newRow("duplicate name") << QStringLiteral("PRODUCTION") << QString() << QStringLiteral("exists");
    QTest::newRow("loopback http") << QStringLiteral("Local") << QStringLiteral("http://127.0.0.1:8080")
                                   << QString();
    QTest::newRow("remote http") << QStringLiteral("Remote") << QStringLiteral("http://api.example.com")
                                 << QStringLiteral("http");
}

void TestWorkspaces::profileValidation()
{
    QFETCH(QString, name);
    QFETCH(QString, baseUrl);
    QFETCH(QString, problem);
    const QString home = cio::test::freshHome();
    QSettings settings(home + QLatin1String("/validation.ini"), QSettings::IniFormat);
    cio::models::WorkspaceProfiles profiles(&settings);
    WorkspaceProfile existing;
    existing.name = QStringLiteral("Production");
    QVERIFY(profiles.save(existing));

    WorkspaceProfile p;
    p.name = name;
    p.baseUrl = QUrl(baseUrl);
    const QString message = profiles.validate(p);
    if (problem.isEmpty())
        QVERIFY2(message.isEmpty(), qPrintable(message));
    else
        QVERIFY2(message.contains(problem, Qt::CaseInsensitive), qPrintable(message));
}

void TestWorkspaces::regionDiagnosis_data()
{
    QTest::addColumn<int>("region");
    QTest::addColumn<QString>("key");
    QTest::addColumn<bool>("usHostDown");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<int>("suggested");
    const int us = int(cio::api::Region::Us);
    const int eu = int(cio::api::Region::Eu);
    using O = ConnectionVerdict::Outcome;
    QTest::newRow("US key, US region") << us << QStringLiteral("us-key-4c1d") << false << int(O::Ok) << us;
    QTest::newRow("EU key, EU region") << eu << QStringLiteral("eu-key-9e2b") << false << int(O::Ok) << eu;
    QTest::newRow("EU key, US region")
        << us << QStringLiteral("eu-key-9e2b") << false << int(O::WrongRegion) << eu;
    QTest::newRow("US key, EU region")
        << eu << QStringLiteral("us-key-4c1d") << false << int(O::WrongRegion) << us;
    QTest::newRow("wrong key") << us << QStringLiteral("nobody-s-key") << false << int(O::WrongKey) << us;
    QTest::newRow("no network") << us << QStringLiteral("us-key-4c1d") << true << int(O::NoNetwork) << us;
}

void TestWorkspaces::regionDiagnosis()
{
    QFETCH(int, region);
    QFETCH(QString, key);
    QFETCH(bool, usHostDown);
    QFETCH(int, outcome);
    QFETCH(int, suggested);

    cio::models::ConnectionTester tester;
    // A closed loopback port stands in for an unreachable network.
    tester.setRegionHost(cio::api::Region::Us,
                         usHostDown ? QUrl(QStringLiteral("http://127.0.0.1:9")) : m_us.url());
    tester.setRegionHost(cio::api::Region::Eu, m_eu.url());
    std::optional<ConnectionVerdict> verdict;
    tester.test(cio::api::Region(region), QUrl(), key, this,
                [&](const ConnectionVerdict &v) { verdict = v; });
    QTRY_VERIFY_WITH_TIMEOUT(verdict.has_value(), 20000);
    QCOMPARE(int(verdict->outcome), outcome);
    if (verdict->outcome == ConnectionVerdict::Outcome::WrongRegion)
        QCOMPARE(int(verdict->suggestedRegion), suggested);
    QVERIFY(!verdict->message().isEmpty());
    QVERIFY(!verdict->message().contains(key));
}

void TestWorkspaces::readOnlyRefusesEveryWrite_data()
{
    // Every write operation of the vendor's contract, straight from the contract file.
    QFile specFile(qEnvironmentVariable("CIO_API_SPEC"));
    QVERIFY2(specFile.open(QIODevice::ReadOnly), "CIO_API_SPEC points at the OpenAPI contract");
    const QJsonObject paths =
        QJsonDocument::fromJson(specFile.readAll()).object().value(QLatin1String("paths")).toObject();
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    int count = 0;
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        for (const QString &method : it.value().toObject().keys()) {
            if (method == QLatin1String("get"))
                continue;
            QString path = it.key();
            path.replace(QRegularExpression(QStringLiteral("\\{[^}]+\\}")), QStringLiteral("1"));
            QTest::newRow(qPrintable(method.toUpper() + QLatin1Char(' ') + it.key()))
                << method.toUpper().toLatin1() << path;
            ++count;
        }
    }
    QVERIFY(count >= 15);
}

void TestWorkspaces::readOnlyRefusesEveryWrite()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    cio::api::ConnectionSettings settings;
    settings.baseUrl = m_us.url();
    settings.apiKey = QStringLiteral("us-key-4c1d");
    settings.readOnly = true;
    cio::api::Client client(settings);
    m_us.clearRequests();

    cio::api::Request request;
    request.method = method;
    request.path = path;
    if (method != "DELETE")
        request.body = R"({"type":"email","subject":"x"})";
    std::optional<cio::api::Response> response;
    client.send(request, this, [&](const cio::api::Response &r) { response = r; });
    QTRY_VERIFY_WITH_TIMEOUT(response.has_value(), 5000);
    QCOMPARE(response->error.kind, cio::api::Error::Kind::ReadOnly);
    QVERIFY(response->error.message().contains(QLatin1String("read-only"), Qt::CaseInsensitive));
    // Give anything that might have left time to arrive, then check the server saw nothing.
    QTest::qWait(50);
    QCOMPARE(m_us.requests().size(), 0);
    QCOMPARE(client.requestsSent(), quint64(0));
}

QTEST_GUILESS_MAIN(TestWorkspaces)
#include "tst_workspaces.moc"
