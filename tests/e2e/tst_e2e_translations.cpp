// End to end: a translator's round trip with cio-studio-cli against the sandbox, through Prism's contract
// check — export every language to XLIFF (valid by the OASIS schema), translate in "their tool", check with
// --dry-run, push, import the same file again (nothing to push), and files that must push nothing.
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/clirun.h"
#include "tests/common/contractproxy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

namespace {
const QString Key = QStringLiteral("sk-test-translations-5b1c-SECRET");
}

class TestE2eTranslations : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void exportTranslateImport();
    void badFilesPushNothing_data();
    void badFilesPushNothing();

private:
    cio::test::CliResult run(const QStringList &arguments, const QByteArray &input = {});
    QString folder(const QString &name) const;
    QString exportOne(const QString &dir); // exports m_newsletter's de and fr; the de file's path
    int putCount() const;

    cio::sandbox::Server m_server;
    cio::test::ContractProxy m_contract;
    qint64 m_newsletter = 0;
    qint64 m_german = 0;
};

void TestE2eTranslations::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CIO_CLI_BIN"), "CIO_CLI_BIN is set by CTest");
    cio::sandbox::Options options;
    options.apiKey = Key;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
    QVERIFY2(m_contract.start(m_server.url(), &error), qPrintable(error));
    // A newsletter without A/B test whose German and French variants are translated.
    cio::sandbox::DataStore &data = m_server.data();
    for (qint64 id : data.newsletterIds()) {
        if (!data.listTestGroups(id).body.value(QLatin1String("test_groups")).toArray().isEmpty())
            continue;
        qint64 de = 0;
        bool fr = false;
        for (const QJsonValue &c : data.listContents(id).body.value(QLatin1String("contents")).toArray()) {
            const QString language = c.toObject().value(QLatin1String("language")).toString();
            if (language == QLatin1String("de"))
                de = c.toObject().value(QLatin1String("id")).toInteger();
            fr = fr || language == QLatin1String("fr");
        }
        if (de && fr) {
            m_newsletter = id;
            m_german = de;
            break;
        }
    }
    QVERIFY(m_newsletter > 0);
}

void TestE2eTranslations::cleanupTestCase()
{
    const QStringList violations = m_contract.violations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

cio::test::CliResult TestE2eTranslations::run(const QStringList &arguments, const QByteArray &input)
{
    cio::test::CliResult r = cio::test::runCli(
        QStringList{QStringLiteral("--base-url"), m_contract.url().toString()} + arguments, Key, {}, input);
    if (r.out.contains(Key.toUtf8()) || r.err.contains(Key.toUtf8()))
        r.exitCode = -100; // the key is never printed
    return r;
}

QString TestE2eTranslations::folder(const QString &name) const
{
    const QString path = qEnvironmentVariable("CIO_TEST_TMP") + QLatin1Char('/') + name;
    QDir(path).removeRecursively();
    QDir().mkpath(path);
    return path;
}

QString TestE2eTranslations::exportOne(const QString &dir)
{
    const cio::test::CliResult r =
        run({QStringLiteral("--json"), QStringLiteral("translations"), QStringLiteral("export"),
             QString::number(m_newsletter), QStringLiteral("--lang"), QStringLiteral("de,fr"),
             QStringLiteral("-o"), dir});
    if (r.exitCode != 0)
        return QString::fromUtf8("export failed: " + r.err);
    const QJsonArray files = QJsonDocument::fromJson(r.out).array();
    for (const QJsonValue &f : files) {
        if (f.toObject().value(QLatin1String("language")).toString() == QLatin1String("de"))
            return f.toObject().value(QLatin1String("file")).toString();
    }
    return QStringLiteral("no de file in ") + QString::fromUtf8(r.out);
}

int TestE2eTranslations::putCount() const
{
    int puts = 0;
    for (const auto &record : m_server.requests())
        puts += record.method == "PUT" && record.status < 300 ? 1 : 0;
    return puts;
}

void TestE2eTranslations::exportTranslateImport()
{
    const QString dir = folder(QStringLiteral("round-trip"));
    const QString german = exportOne(dir);
    QVERIFY2(QFile::exists(german), qPrintable(german));
    QCOMPARE(QDir(dir).entryList(QDir::Files).size(), 2);

    // Valid XLIFF 2.0.
    QProcess xmllint;
    xmllint.start(QStringLiteral("xmllint"),
                  {QStringLiteral("--noout"), QStringLiteral("--schema"),
                   QStringLiteral(CIO_SOURCE_DIR "/tests/contract/xliff/xliff-core-2.0.xsd"), german});
    QVERIFY(xmllint.waitForFinished(60000));
    QVERIFY2(xmllint.exitCode() == 0, xmllint.readAllStandardError().constData());

    // Untouched: nothing to push.
    m_server.clearRequests();
    cio::test::CliResult r = run({QStringLiteral("translations"), QStringLiteral("import"), german});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("Nothing to push"), r.out.constData());
    QCOMPARE(putCount(), 0);

    // The translator's tool changes the subject's target.
    QFile file(german);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString xml = QString::fromUtf8(file.readAll());
    file.close();
    const QRegularExpression subject(
        QStringLiteral("(<unit id=\"subject.u1\"[^>]*>.*?<target>)(.*?)(</target>)"),
        QRegularExpression::DotMatchesEverythingOption);
    QVERIFY(subject.match(xml).hasMatch());
    xml.replace(subject, QStringLiteral("\\1Neuer Betreff — übersetzt\\3"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(xml.toUtf8());
    file.close();

    // --dry-run says what would change and pushes nothing.
    r = run({QStringLiteral("--json"), QStringLiteral("translations"), QStringLiteral("import"), german,
             QStringLiteral("--dry-run")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(report.value(QLatin1String("dry_run")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("files"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("changes"))
                 .toArray(),
             QJsonArray{QStringLiteral("subject")});
    QCOMPARE(putCount(), 0);
    // Without --yes and no terminal: asks for it, pushes nothing.
    r = run({QStringLiteral("translations"), QStringLiteral("import"), german});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("--yes"), r.err.constData());
    QCOMPARE(putCount(), 0);

    const QString bodyBefore = m_server.data().content(m_german).value(QLatin1String("body")).toString();
    r = run({QStringLiteral("translations"), QStringLiteral("import"), german, QStringLiteral("--yes")});
    QVERIFY2(r.exitCode == 0, QByteArray(r.err + r.out).constData());
    QVERIFY2(r.out.contains("Saved"), r.out.constData());
    const QJsonObject after = m_server.data().content(m_german);
    QCOMPARE(after.value(QLatin1String("subject")).toString(), QStringLiteral("Neuer Betreff — übersetzt"));
    QCOMPARE(after.value(QLatin1String("body")).toString(), bodyBefore);
    QCOMPARE(putCount(), 1);

    // The same file again: nothing left to push.
    r = run({QStringLiteral("translations"), QStringLiteral("import"), german, QStringLiteral("--yes")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY2(r.out.contains("Nothing to push"), r.out.constData());
    QCOMPARE(putCount(), 1);
}

void TestE2eTranslations::badFilesPushNothing_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");
    QTest::newRow("placeholder lost") << QStringLiteral("(<target>[^<]*)<ph id=\"1\"[^>]*/>")
                                      << QStringLiteral("\\1") << QStringLiteral("is missing");
    QTest::newRow("unit removed") << QStringLiteral("<unit id=\"subject.u1\".*?</unit>") << QString()
                                  << QStringLiteral("“subject.u1” is missing");
    QTest::newRow("source edited") << QStringLiteral("(<unit id=\"subject.u1\"[^>]*>.*?<source>)")
                                   << QStringLiteral("\\1X") << QStringLiteral("The Default changed since");
    QTest::newRow("wrong language") << QStringLiteral("trgLang=\"de\"") << QStringLiteral("trgLang=\"xx\"")
                                    << QStringLiteral("has no xx variant");
    QTest::newRow("not xml") << QStringLiteral("^.*$") << QStringLiteral("Subject;Body")
                             << QStringLiteral("not an XLIFF file");
}

void TestE2eTranslations::badFilesPushNothing()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    const QString dir =
        folder(QStringLiteral("bad-") +
               QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')));
    const QString german = exportOne(dir);
    QVERIFY2(QFile::exists(german), qPrintable(german));
    QFile file(german);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString xml = QString::fromUtf8(file.readAll());
    file.close();
    const QString before = xml;
    xml.replace(QRegularExpression(from, QRegularExpression::DotMatchesEverythingOption), to);
    QVERIFY(xml != before);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(xml.toUtf8());
    file.close();
    // A good file beside it: one bad file stops them all.
    const QString french = QDir(dir).filePath(
        QFileInfo(german).fileName().replace(QStringLiteral("-de."), QStringLiteral("-fr.")));
    QVERIFY(QFile::exists(french));
    m_server.clearRequests();
    const cio::test::CliResult r = run(
        {QStringLiteral("translations"), QStringLiteral("import"), french, german, QStringLiteral("--yes")});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
    QVERIFY2(r.err.contains(QFileInfo(german).fileName().toUtf8()), r.err.constData());
    QCOMPARE(putCount(), 0);
}

QTEST_GUILESS_MAIN(TestE2eTranslations)
#include "tst_e2e_translations.moc"
