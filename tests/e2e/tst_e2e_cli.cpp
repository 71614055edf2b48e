// End to end: cio-studio-cli as a user runs it, against the sandbox on loopback.
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/clirun.h"
#include "tests/common/contractproxy.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {
const QString Key = QStringLiteral("sk-test-cli-7f3a9c-SECRET");
}

class TestE2eCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsAsJson_data();
    void listsAsJson();
    void textTable();
    void newsletterShowAndVariants();
    void syncReportsFigures();
    void demoNeedsNoKey();
    void helpComesFromTheCommandTable();
    void refusals_data();
    void refusals();
    void variantShow();
    void variantSet();
    void variantSetConflict();
    void variantSetBaseVersion();
    void variantSetRefusesRedacted();
    void variantRefusals_data();
    void variantRefusals();
    void renderTemplate();
    void renderErrorsAndLax();
    void renderVariant();
    void qaFindsWhatATranslationBroke();
    void renderRefusesBadData();
    void snippetsPutGetDelete();
    void legacyAndBinaryFilesAreRefused();
    void snippetsPutRefusals_data();
    void snippetsPutRefusals();
    void snippetsUsages();
    void snippetsDeleteInUse();
    void segmentsShowCountMembers();
    void segmentsUsedBy();
    void segmentsCreateAndDelete();
    void segmentsAddAndRemoveMembers();
    void segmentsMemberRefusals_data();
    void segmentsMemberRefusals();
    void segmentsDemoAddsMembers();
    void variantSetRunsTheQaGate();
    void segmentNamesAreChecked();
    void serverTextIsNeutralisedForTerminals();

private:
    using Result = cio::test::CliResult;
    Result run(const QStringList &arguments, const QString &key = Key, const QByteArray &input = {});
    // An A/B newsletter of HTML variants with "de" and "fr" in test group "A": its id and content ids.
    struct AbVariants
    {
        qint64 newsletterId = 0;
        qint64 groupA = 0, de = 0, fr = 0, defaultB = 0;
    };
    AbVariants abNewsletter();
    QStringList base(const QStringList &arguments) const;
    QString writeFile(const QString &name, const QByteArray &content);
    // Like run(), with `input` on standard input.
    Result runWithInput(const QStringList &arguments, const QByteArray &input);

    // The App API goes through the contract's validator; the Track API (not in that contract) does not.
    QString apiUrl() const { return m_contract.url().toString(); }

    cio::sandbox::Server m_server;
    cio::test::ContractProxy m_contract;
    QHash<QString, QString> m_env; // added to the command's environment
};

void TestE2eCli::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CIO_CLI_BIN"), "CIO_CLI_BIN is set by CTest");
    cio::sandbox::Options options;
    options.apiKey = Key;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
    QVERIFY2(m_contract.start(m_server.url(), &error), qPrintable(error));
}

void TestE2eCli::cleanupTestCase()
{
    // Every command of this suite went through Prism: no request or answer may break the contract.
    qInfo().noquote() << m_contract.coverageLine();
    const QStringList violations = m_contract.violations();
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

TestE2eCli::Result TestE2eCli::run(const QStringList &arguments, const QString &key, const QByteArray &input)
{
    Result result = cio::test::runCli(arguments, key, m_env, input);
    // Whatever happens, the key is never printed.
    if (result.out.contains(Key.toUtf8()) || result.err.contains(Key.toUtf8()))
        result.exitCode = -100;
    return result;
}

void TestE2eCli::listsAsJson_data()
{
    QTest::addColumn<QStringList>("command");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<QString>("field");
    QTest::newRow("newsletters") << QStringList{QStringLiteral("newsletters"), QStringLiteral("list")} << 40
                                 << QStringLiteral("name");
    QTest::newRow("snippets") << QStringList{QStringLiteral("snippets"), QStringLiteral("list")} << 15
                              << QStringLiteral("value");
    QTest::newRow("segments") << QStringList{QStringLiteral("segments"), QStringLiteral("list")} << 10
                              << QStringLiteral("type");
}

void TestE2eCli::listsAsJson()
{
    QFETCH(QStringList, command);
    QFETCH(int, minimum);
    QFETCH(QString, field);
    const Result r =
        run(QStringList{QStringLiteral("--base-url"), apiUrl(), QStringLiteral("--json")} + command);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(r.out).array();
    QVERIFY2(array.size() >= minimum, r.out.left(400).constData());
    for (const QJsonValue &v : array)
        QVERIFY(v.toObject().contains(field));
}

void TestE2eCli::textTable()
{
    const Result r =
        run({QStringLiteral("--base-url"), apiUrl(), QStringLiteral("newsletters"), QStringLiteral("list")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QList<QByteArray> lines = r.out.trimmed().split('\n');
    QVERIFY(lines.size() >= 41);
    QVERIFY(lines.first().startsWith("ID"));
    QVERIFY(lines.first().contains("NAME"));
    QVERIFY(r.out.contains("draft"));
    QVERIFY(r.out.contains("sent"));
}

void TestE2eCli::newsletterShowAndVariants()
{
    // Pick the newsletter with the most variants.
    const Result list = run({QStringLiteral("--base-url"), apiUrl(), QStringLiteral("--json"),
                             QStringLiteral("newsletters"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QJsonObject chosen;
    for (const QJsonValue &v : QJsonDocument::fromJson(list.out).array()) {
        if (v.toObject().value(QLatin1String("content_ids")).toArray().size() >
            chosen.value(QLatin1String("content_ids")).toArray().size())
            chosen = v.toObject();
    }
    const QString id = QString::number(chosen.value(QLatin1String("id")).toInteger());

    const Result show = run(
        {QStringLiteral("--base-url"), apiUrl(), QStringLiteral("newsletters"), QStringLiteral("show"), id});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QVERIFY(show.out.contains(chosen.value(QLatin1String("name")).toString().toUtf8()));

    const Result variants = run({QStringLiteral("--base-url"), apiUrl(), QStringLiteral("--json"),
                                 QStringLiteral("variants"), QStringLiteral("list"), id});
    QVERIFY2(variants.exitCode == 0, variants.err.constData());
    const QJsonArray contents = QJsonDocument::fromJson(variants.out).array();
    QCOMPARE(contents.size(), chosen.value(QLatin1String("content_ids")).toArray().size());
    QSet<QString> languages;
    for (const QJsonValue &v : contents)
        languages.insert(v.toObject().value(QLatin1String("language")).toString());
    QVERIFY2(languages.contains(QString()), "every newsletter has a Default variant");
    QVERIFY(languages.size() >= 2);
}

void TestE2eCli::syncReportsFigures()
{
    // Earlier commands' requests must have left the sandbox's 1 s window. The pacing is measured
    // against the sandbox itself: a proxy in between bunches requests up on their way (the requests a
    // sync sends pass Prism in the other tests: list, variants, snippets).
    QTest::qWait(1100);
    const QString direct = m_server.url().toString();
    const Result r = run({QStringLiteral("--base-url"), direct, QStringLiteral("--json"),
                          QStringLiteral("--full"), QStringLiteral("sync")});
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    for (const char *key : {"newsletters", "variants", "requests", "responses_429", "elapsed_ms"})
        QVERIFY2(o.contains(QLatin1String(key)), key);
    const int newsletters = o.value(QLatin1String("newsletters")).toInt();
    QVERIFY(newsletters >= 40);
    QVERIFY(o.value(QLatin1String("variants")).toInt() >= newsletters * 2);
    // One list page at least, then contents and test groups per newsletter.
    QVERIFY(o.value(QLatin1String("requests")).toInt() >= 1 + 2 * newsletters);
    QCOMPARE(o.value(QLatin1String("responses_429")).toInt(), 0);
    // Paced at 10 requests per second, so it cannot be faster than that.
    QVERIFY(o.value(QLatin1String("elapsed_ms")).toInt() >=
            (o.value(QLatin1String("requests")).toInt() - 10) * 90);

    // A second, incremental sync finds nothing changed: the newsletter list only.
    QTest::qWait(1100);
    const Result again =
        run({QStringLiteral("--base-url"), direct, QStringLiteral("--json"), QStringLiteral("sync")});
    QVERIFY2(again.exitCode == 0, again.err.constData());
    const QJsonObject o2 = QJsonDocument::fromJson(again.out).object();
    QCOMPARE(o2.value(QLatin1String("newsletters_fetched")).toInt(), 0);
    QVERIFY(o2.value(QLatin1String("requests")).toInt() <= 2);
    QCOMPARE(o2.value(QLatin1String("variants")).toInt(), o.value(QLatin1String("variants")).toInt());
}

void TestE2eCli::demoNeedsNoKey()
{
    const Result r = run({QStringLiteral("--demo"), QStringLiteral("--json"), QStringLiteral("segments"),
                          QStringLiteral("list")},
                         QString());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QVERIFY(QJsonDocument::fromJson(r.out).array().size() >= 10);
}

// --help lists every command of the table; a command's own help shows its synopsis and its options;
// an unknown command is named as such before anything asks for a key.
void TestE2eCli::helpComesFromTheCommandTable()
{
    const Result all = run({QStringLiteral("--help")}, {});
    QCOMPARE(all.exitCode, 0);
    const QString help = QString::fromUtf8(all.out);
    for (const char *command :
         {"newsletters list", "newsletters show ID", "variants set NEWSLETTER_ID VARIANT",
          "snippets put NAME", "segments add-members ID", "sync [--full]", "render", "qa NEWSLETTER_ID",
          "drafts list", "workspace remove NAME"})
        QVERIFY2(help.contains(QLatin1String("  ") + QLatin1String(command)), command);

    for (const QStringList &asked :
         {QStringList{QStringLiteral("variants"), QStringLiteral("set"), QStringLiteral("--help")},
          QStringList{QStringLiteral("help"), QStringLiteral("variants"), QStringLiteral("set")}}) {
        const Result one = run(asked, {});
        QCOMPARE(one.exitCode, 0);
        const QString text = QString::fromUtf8(one.out);
        QVERIFY2(text.contains(QLatin1String("[options] variants set NEWSLETTER_ID VARIANT")),
                 qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("--base-version <")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("--ignore-qa")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("--id-type")), qPrintable(text)); // another command's option
    }

    // No key, no connection: an unknown command is a usage error, not a question for a key.
    const Result unknown = run({QStringLiteral("frobnicate"), QStringLiteral("now")}, {});
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY2(unknown.err.contains("Unknown command") && unknown.err.contains("frobnicate now"), unknown.err);
    QVERIFY2(!unknown.err.contains("CIO_APP_API_KEY"), unknown.err);
    const Result helpUnknown = run({QStringLiteral("help"), QStringLiteral("frobnicate")}, {});
    QCOMPARE(helpUnknown.exitCode, 2);
    // A known command without its argument says so before asking for a key too.
    const Result missing = run({QStringLiteral("newsletters"), QStringLiteral("show")}, {});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("needs an argument"), missing.err);
}

void TestE2eCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString url = apiUrl();
    const QString base = QStringLiteral("--base-url");
    QTest::newRow("no key") << QStringList{base, url, QStringLiteral("newsletters"), QStringLiteral("list")}
                            << QString() << 2 << QStringLiteral("CIO_APP_API_KEY");
    QTest::newRow("wrong key") << QStringList{base, url, QStringLiteral("newsletters"),
                                              QStringLiteral("list")}
                               << QStringLiteral("wrong-key") << 1 << QStringLiteral("401");
    QTest::newRow("unknown newsletter") << QStringList{base, url, QStringLiteral("newsletters"),
                                                       QStringLiteral("show"), QStringLiteral("987654")}
                                        << Key << 1 << QStringLiteral("404");
    QTest::newRow("plain http to a remote host")
        << QStringList{base, QStringLiteral("http://api.example.com"), QStringLiteral("snippets"),
                       QStringLiteral("list")}
        << Key << 2 << QStringLiteral("http");
    QTest::newRow("bad id") << QStringList{base, url, QStringLiteral("variants"), QStringLiteral("list"),
                                           QStringLiteral("abc")}
                            << Key << 2 << QStringLiteral("abc");
    QTest::newRow("unknown command") << QStringList{base, url, QStringLiteral("frobnicate")} << Key << 2
                                     << QStringLiteral("frobnicate");
    QTest::newRow("unknown region") << QStringList{QStringLiteral("--region"), QStringLiteral("mars"),
                                                   QStringLiteral("sync")}
                                    << Key << 2 << QStringLiteral("mars");
}

void TestE2eCli::refusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, key);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Result r = run(arguments, key);
    QVERIFY2(r.exitCode == exitCode, QByteArray(r.err + r.out).constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message, Qt::CaseInsensitive), r.err.constData());
}

QStringList TestE2eCli::base(const QStringList &arguments) const
{
    return QStringList{QStringLiteral("--base-url"), apiUrl(), QStringLiteral("--track-url"),
                       m_server.url().toString()} +
           arguments;
}

TestE2eCli::AbVariants TestE2eCli::abNewsletter()
{
    cio::sandbox::DataStore &data = m_server.data();
    for (qint64 id : data.newsletterIds()) {
        const QJsonObject groups = data.listTestGroups(id).body;
        AbVariants found;
        found.newsletterId = id;
        for (const QJsonValue &g : groups.value(QLatin1String("test_groups")).toArray()) {
            if (g.toObject().value(QLatin1String("name")).toString() == QLatin1String("A"))
                found.groupA = g.toObject().value(QLatin1String("id")).toInteger();
        }
        if (groups.value(QLatin1String("test_groups")).toArray().size() < 2 || !found.groupA)
            continue;
        bool allHtml = true;
        for (const QJsonValue &cid : data.newsletter(id).value(QLatin1String("content_ids")).toArray()) {
            const QJsonObject c = data.content(cid.toInteger());
            allHtml = allHtml && c.value(QLatin1String("editor")).toString() == QLatin1String("html") &&
                      !c.value(QLatin1String("body")).toString().contains(QLatin1String("[redacted]"));
            const QString language = c.value(QLatin1String("language")).toString();
            const bool inA = c.value(QLatin1String("test_group_id")).toInteger() == found.groupA;
            if (inA && language == QLatin1String("de"))
                found.de = cid.toInteger();
            else if (inA && language == QLatin1String("fr"))
                found.fr = cid.toInteger();
            else if (!inA && language.isEmpty() && !found.defaultB)
                found.defaultB = cid.toInteger();
        }
        if (allHtml && found.de && found.fr && found.defaultB)
            return found;
    }
    return {};
}

void TestE2eCli::variantShow()
{
    const AbVariants ab = abNewsletter();
    QVERIFY(ab.newsletterId);
    const QString id = QString::number(ab.newsletterId);
    const QJsonObject stored = m_server.data().content(ab.de);

    const Result json = run(base({QStringLiteral("--json"), QStringLiteral("variants"),
                                  QStringLiteral("show"), id, QStringLiteral("A:de")}));
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QLatin1String("id")).toInteger(), ab.de);
    QCOMPARE(o.value(QLatin1String("language")).toString(), QStringLiteral("de"));
    QCOMPARE(o.value(QLatin1String("test_group")).toString(), QStringLiteral("A"));
    QCOMPARE(o.value(QLatin1String("subject")).toString(), stored.value(QLatin1String("subject")).toString());
    QCOMPARE(o.value(QLatin1String("address")).toString(),
             QStringLiteral("/v1/newsletters/%1/test_group/%2/language/de").arg(id).arg(ab.groupA));

    // Text: by content id, with the fields and the body.
    const Result text =
        run(base({QStringLiteral("variants"), QStringLiteral("show"), id, QString::number(ab.defaultB)}));
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QJsonObject b = m_server.data().content(ab.defaultB);
    for (const QString &expected :
         {QStringLiteral("Subject:"), QStringLiteral("Preheader:"), QStringLiteral("From id:"),
          QStringLiteral("Reply-to id:"), QStringLiteral("Test group:"), QStringLiteral("(default)"),
          QStringLiteral("Body:"), b.value(QLatin1String("subject")).toString(),
          b.value(QLatin1String("body")).toString().left(200)})
        QVERIFY2(QString::fromUtf8(text.out).contains(expected), qPrintable(expected));
}

void TestE2eCli::variantSet()
{
    const AbVariants ab = abNewsletter();
    const QString id = QString::number(ab.newsletterId);
    const QString before = m_server.data().content(ab.fr).value(QLatin1String("body")).toString();
    m_server.clearRequests();
    const Result r = run(base({QStringLiteral("variants"), QStringLiteral("set"), id, QStringLiteral("A:fr"),
                               QStringLiteral("--subject"), QStringLiteral("Soldes — nouveau sujet"),
                               QStringLiteral("--preheader"), QStringLiteral("Un aperçu")}));
    QVERIFY2(r.exitCode == 0, QByteArray(r.err + r.out).constData());
    QVERIFY(r.out.contains("Saved"));
    const QJsonObject after = m_server.data().content(ab.fr);
    QCOMPARE(after.value(QLatin1String("subject")).toString(), QStringLiteral("Soldes — nouveau sujet"));
    QCOMPARE(after.value(QLatin1String("preheader_text")).toString(), QStringLiteral("Un aperçu"));
    QCOMPARE(after.value(QLatin1String("body")).toString(), before);
    // One PUT applied, through the test-group address, with only the two fields. (A PUT the server turned
    // away with 429 — Prism's proxying can bunch requests up — changed nothing and was sent again.)
    QList<cio::sandbox::RequestRecord> puts;
    for (const auto &record : m_server.requests()) {
        if (record.method == "PUT" && record.status != 429)
            puts.append(record);
    }
    QCOMPARE(puts.size(), 1);
    QCOMPARE(puts.first().path,
             QStringLiteral("/v1/newsletters/%1/test_group/%2/language/fr").arg(id).arg(ab.groupA));
    QStringList keys = QJsonDocument::fromJson(puts.first().body).object().keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{QStringLiteral("preheader_text"), QStringLiteral("subject"),
                                QStringLiteral("type")}));
}

void TestE2eCli::variantSetConflict()
{
    const AbVariants ab = abNewsletter();
    const QString id = QString::number(ab.newsletterId);
    const QString path =
        QStringLiteral("/v1/newsletters/%1/test_group/%2/language/de").arg(id).arg(ab.groupA);
    // Another client saves right after the CLI has read the variant, before its save re-reads it.
    bool edited = false;
    const QMetaObject::Connection c = connect(
        &m_server, &cio::sandbox::Server::requestHandled, this,
        [&](const cio::sandbox::RequestRecord &record) {
            // After the CLI's read was answered: a 429 is no read (the CLI asks again, and would see it).
            if (edited || record.method != "GET" || record.path != path || record.status == 429)
                return;
            edited = true;
            m_server.data().updateContent(ab.de, {{QStringLiteral("subject"), QStringLiteral("Theirs")}});
        });
    const QStringList arguments =
        base({QStringLiteral("variants"), QStringLiteral("set"), id, QStringLiteral("A:de"),
              QStringLiteral("--subject"), QStringLiteral("Mine")});
    const Result conflict = run(arguments);
    disconnect(c);
    QVERIFY(edited);
    QVERIFY2(conflict.exitCode == 1, QByteArray(conflict.err + conflict.out).constData());
    const QString err = QString::fromUtf8(conflict.err);
    QVERIFY2(err.contains(QLatin1String("someone else")), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("subject")) && err.contains(QStringLiteral("“Theirs”")),
             qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("--force")), qPrintable(err));
    QCOMPARE(m_server.data().content(ab.de).value(QLatin1String("subject")).toString(),
             QStringLiteral("Theirs"));

    const Result forced = run(arguments + QStringList{QStringLiteral("--force")});
    QVERIFY2(forced.exitCode == 0, forced.err.constData());
    QCOMPARE(m_server.data().content(ab.de).value(QLatin1String("subject")).toString(),
             QStringLiteral("Mine"));
}

void TestE2eCli::variantSetBaseVersion()
{
    // The scripted safe loop of the README: show (keep the version), someone else saves, set with that
    // version is refused and saves nothing; show again, set with the new version goes through.
    const AbVariants ab = abNewsletter();
    const QString id = QString::number(ab.newsletterId);
    const auto show = [&] {
        const Result r = run(base({QStringLiteral("--json"), QStringLiteral("variants"),
                                   QStringLiteral("show"), id, QStringLiteral("A:de")}));
        return QJsonDocument::fromJson(r.out).object();
    };
    const QJsonObject first = show();
    const QString version = first.value(QLatin1String("version")).toString();
    QVERIFY2(!version.isEmpty(), "variants show --json prints the version");
    QCOMPARE(version, first.value(QLatin1String("deduplicate_id")).toString());

    m_server.data().updateContent(ab.de,
                                  {{QStringLiteral("preheader_text"), QStringLiteral("Theirs, meanwhile")}});
    const QStringList set{
        QStringLiteral("variants"), QStringLiteral("set"),       id,
        QStringLiteral("A:de"),     QStringLiteral("--subject"), QStringLiteral("Based on what I read")};
    const Result refused = run(base(set + QStringList{QStringLiteral("--base-version"), version}));
    QVERIFY2(refused.exitCode == 1, QByteArray(refused.err + refused.out).constData());
    QVERIFY2(refused.err.contains("changed after version"), refused.err.constData());
    QVERIFY(m_server.data().content(ab.de).value(QLatin1String("subject")).toString() !=
            QStringLiteral("Based on what I read"));
    QCOMPARE(m_server.data().content(ab.de).value(QLatin1String("preheader_text")).toString(),
             QStringLiteral("Theirs, meanwhile"));

    const QString now = show().value(QLatin1String("version")).toString();
    QVERIFY(now != version);
    const Result saved = run(base(set + QStringList{QStringLiteral("--base-version"), now}));
    QVERIFY2(saved.exitCode == 0, QByteArray(saved.err + saved.out).constData());
    QCOMPARE(m_server.data().content(ab.de).value(QLatin1String("subject")).toString(),
             QStringLiteral("Based on what I read"));
}

void TestE2eCli::variantSetRefusesRedacted()
{
    const AbVariants ab = abNewsletter();
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("body.html")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(
        "<p>Your points</p>\n<a href=\"https://shop.example/points?token=[redacted]&amp;u=1\">See</a>\n");
    file.close();
    const QString before = m_server.data().content(ab.de).value(QLatin1String("body")).toString();
    m_server.clearRequests();
    const Result r =
        run(base({QStringLiteral("variants"), QStringLiteral("set"), QString::number(ab.newsletterId),
                  QString::number(ab.de), QStringLiteral("--body-file"), file.fileName()}));
    QVERIFY2(r.exitCode == 1, QByteArray(r.err + r.out).constData());
    QVERIFY2(r.err.contains("[redacted]") &&
                 r.err.contains("body, line 2: https://shop.example/points?token=[redacted]"),
             r.err.constData());
    for (const auto &record : m_server.requests())
        QVERIFY2(record.method == "GET", record.method.constData());
    QCOMPARE(m_server.data().content(ab.de).value(QLatin1String("body")).toString(), before);
}

void TestE2eCli::variantRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const AbVariants ab = abNewsletter();
    const QString id = QString::number(ab.newsletterId);
    const QString variants = QStringLiteral("variants");
    QTest::newRow("set without changes")
        << base({variants, QStringLiteral("set"), id, QStringLiteral("A:de")}) << 2
        << QStringLiteral("--subject");
    QTest::newRow("show without variant")
        << base({variants, QStringLiteral("show"), id}) << 2 << QStringLiteral("needs an argument");
    QTest::newRow("unreadable body file")
        << base({variants, QStringLiteral("set"), id, QStringLiteral("A:de"), QStringLiteral("--body-file"),
                 QStringLiteral("/nonexistent/body.html")})
        << 2 << QStringLiteral("/nonexistent/body.html");
    QTest::newRow("language of an A/B test")
        << base({variants, QStringLiteral("show"), id, QStringLiteral("de")}) << 1 << QStringLiteral("A:de");
    QTest::newRow("unknown test group")
        << base({variants, QStringLiteral("show"), id, QStringLiteral("Q:de")}) << 1
        << QStringLiteral("no test group");
}

void TestE2eCli::variantRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const Result r = run(arguments);
    QVERIFY2(r.exitCode == exitCode, QByteArray(r.err + r.out).constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QString TestE2eCli::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = qEnvironmentVariable("CIO_TEST_TMP") + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

void TestE2eCli::renderTemplate()
{
    // A snippet of the workspace, rendered as a template with the message's data.
    cio::sandbox::DataStore &data = m_server.data();
    Q_UNUSED(data)
    const Result snippets =
        run(base({QStringLiteral("--json"), QStringLiteral("snippets"), QStringLiteral("list")}));
    QVERIFY2(snippets.exitCode == 0, snippets.err.constData());
    QString plainSnippet;
    QString plainValue;
    for (const QJsonValue &v : QJsonDocument::fromJson(snippets.out).array()) {
        const QString value = v.toObject().value(QLatin1String("value")).toString();
        if (!value.contains(QLatin1Char('{')) && !value.contains(QLatin1Char('[')) && !value.isEmpty()) {
            plainSnippet = v.toObject().value(QLatin1String("name")).toString();
            plainValue = value;
            break;
        }
    }
    QVERIFY(!plainSnippet.isEmpty());
    const QString tpl = writeFile(QStringLiteral("note.liquid"),
                                  "Hi {{ customer.first_name }}, {{ 1234567.896 | currency: 'en', 'EUR' }}! "
                                  "{% unsubscribe_url %} {{ snippets[\"" +
                                      plainSnippet.toUtf8() + "\"] }}");
    const QString dataFile =
        writeFile(QStringLiteral("ada.json"), R"({"customer":{"first_name":"Ada"},"event":{},"trigger":{}})");
    const Result r = run(base(
        {QStringLiteral("render"), QStringLiteral("--template"), tpl, QStringLiteral("--data"), dataFile}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QString::fromUtf8(r.out),
             QStringLiteral("Hi Ada, €1,234,567.90! https://cio-preview.invalid/unsubscribe ") + plainValue);
    // Nothing of WebEngine's start-up report on the command's error output.
    QVERIFY2(r.err.trimmed().isEmpty(), r.err.constData());
}

void TestE2eCli::renderErrorsAndLax()
{
    const QString tpl = writeFile(QStringLiteral("broken.liquid"), "Hello\n  {{ customer.nickname }}!");
    const QString dataFile = writeFile(QStringLiteral("empty.json"), R"({"customer":{}})");
    const Result strict = run(base(
        {QStringLiteral("render"), QStringLiteral("--template"), tpl, QStringLiteral("--data"), dataFile}));
    QCOMPARE(strict.exitCode, 1);
    QVERIFY(strict.out.isEmpty());
    QVERIFY2(strict.err.contains("line 2, column 6") && strict.err.contains("customer.nickname"),
             strict.err.constData());
    const Result lax = run(base({QStringLiteral("render"), QStringLiteral("--template"), tpl,
                                 QStringLiteral("--data"), dataFile, QStringLiteral("--lax")}));
    QVERIFY2(lax.exitCode == 0, lax.err.constData());
    QCOMPARE(lax.out, QByteArray("Hello\n  !"));
    // A syntax error, as JSON: the place and the kind.
    const QString syntax = writeFile(QStringLiteral("syntax.liquid"), "{% if customer.vip %}VIP");
    const Result json =
        run(base({QStringLiteral("--json"), QStringLiteral("render"), QStringLiteral("--template"), syntax}));
    QCOMPARE(json.exitCode, 1);
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QLatin1String("ok")).toBool(true), false);
    const QJsonObject error = o.value(QLatin1String("errors")).toArray().first().toObject();
    QCOMPARE(error.value(QLatin1String("line")).toInt(), 1);
    QVERIFY(error.value(QLatin1String("kind")).toString().contains(QLatin1String("Error")));
}

void TestE2eCli::renderVariant()
{
    const AbVariants ab = abNewsletter();
    const QString id = QString::number(ab.newsletterId);
    const QString dataFile = writeFile(
        QStringLiteral("zoe.json"),
        R"({"customer":{"first_name":"Zoë","email":"zoe@example.com","id":"c-1","plan":"pro","language":"de","loyalty_points":10,"city":"Köln","vip":true,"points_expiring":5,"points_earned_month":2,"created_at":1555061400,"timezone":"Europe/Berlin","wishlist":[]},"event":{},"trigger":{}})");
    const Result r = run(base({QStringLiteral("--json"), QStringLiteral("render"), id, QStringLiteral("A:de"),
                               QStringLiteral("--data"), dataFile, QStringLiteral("--lax")}));
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QVERIFY(o.value(QLatin1String("ok")).toBool());
    const QString body = o.value(QLatin1String("body")).toString();
    QVERIFY(body.size() > 500);
    QVERIFY2(!body.contains(QLatin1String("{{")) && !body.contains(QLatin1String("{%")),
             qPrintable(body.left(400)));
    QVERIFY(!o.value(QLatin1String("subject")).toString().contains(QLatin1String("{{")));
    const QString stored = m_server.data().content(ab.de).value(QLatin1String("body")).toString();
    if (stored.contains(QLatin1String("customer.first_name")))
        QVERIFY(body.contains(QStringLiteral("Zoë")));
}

void TestE2eCli::qaFindsWhatATranslationBroke()
{
    const AbVariants ab = abNewsletter();
    const QString id = QString::number(ab.newsletterId);
    const Result before = run(base({QStringLiteral("--json"), QStringLiteral("qa"), id}));
    QVERIFY2(before.exitCode == 0 || before.exitCode == 1, before.err.constData());
    const QJsonObject report = QJsonDocument::fromJson(before.out).object();
    const int variants =
        int(m_server.data().newsletter(ab.newsletterId).value(QLatin1String("content_ids")).toArray().size());
    QCOMPARE(report.value(QLatin1String("variants")).toArray().size(), variants);
    const auto findingsOf = [](const QJsonObject &r, qint64 contentId) {
        QStringList checks;
        for (const QJsonValue &v : r.value(QLatin1String("variants")).toArray()) {
            if (v.toObject().value(QLatin1String("content_id")).toInteger() != contentId)
                continue;
            for (const QJsonValue &f : v.toObject().value(QLatin1String("findings")).toArray()) {
                if (f.toObject().value(QLatin1String("level")).toString() == QLatin1String("error"))
                    checks.append(f.toObject().value(QLatin1String("check")).toString());
            }
        }
        return checks;
    };
    QVERIFY(!findingsOf(report, ab.fr).contains(QLatin1String("unsubscribe")));

    // The French translation loses its unsubscribe link and a closing tag.
    QString body = m_server.data().content(ab.fr).value(QLatin1String("body")).toString();
    for (const char *tag :
         {"{% unsubscribe_url %}", "{% unsubscribe %}", "{% manage_subscription_preferences_url %}"})
        body.replace(QLatin1String(tag), QLatin1String("https://example.com/bye"));
    body.replace(QLatin1String("</table>"), QString());
    const QString file = writeFile(QStringLiteral("fr-broken.html"), body.toUtf8());
    const QStringList setBody{QStringLiteral("variants"), QStringLiteral("set"),         id,
                              QStringLiteral("A:fr"),     QStringLiteral("--body-file"), file};
    // The save gate sees what the edit breaks and refuses; --ignore-qa is the script's explicit override.
    const Result gated = run(base(setBody));
    QCOMPARE(gated.exitCode, 1);
    QVERIFY2(gated.err.contains("unsubscribe") && gated.err.contains("--ignore-qa"), gated.err.constData());
    const Result set = run(base(setBody + QStringList{QStringLiteral("--ignore-qa")}));
    QVERIFY2(set.exitCode == 0, set.err.constData());
    const Result after = run(base({QStringLiteral("--json"), QStringLiteral("qa"), id}));
    QCOMPARE(after.exitCode, 1);
    const QStringList errors = findingsOf(QJsonDocument::fromJson(after.out).object(), ab.fr);
    QVERIFY2(errors.contains(QLatin1String("unsubscribe")), qPrintable(errors.join(QLatin1Char(','))));
    QVERIFY2(errors.contains(QLatin1String("html")), qPrintable(errors.join(QLatin1Char(','))));
    // Text form: the variant, the place, the message.
    const Result text = run(base({QStringLiteral("qa"), id}));
    QCOMPARE(text.exitCode, 1);
    QVERIFY2(text.out.contains("error") && text.out.contains("[unsubscribe]"), text.out.constData());
}

void TestE2eCli::renderRefusesBadData()
{
    const QString bad = writeFile(QStringLiteral("bad.json"), "{\"customer\": [1, 2]}");
    const QString tpl = writeFile(QStringLiteral("ok.liquid"), "x");
    const Result r = run(
        base({QStringLiteral("render"), QStringLiteral("--template"), tpl, QStringLiteral("--data"), bad}));
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("customer"), r.err.constData());
    const Result missing = run(base({QStringLiteral("render"), QStringLiteral("--template"),
                                     QStringLiteral("/nonexistent/file.liquid")}));
    QCOMPARE(missing.exitCode, 2);
}

TestE2eCli::Result TestE2eCli::runWithInput(const QStringList &arguments, const QByteArray &input)
{
    return run(arguments, Key, input);
}

void TestE2eCli::legacyAndBinaryFilesAreRefused()
{
    // A Windows-1252 file is refused (not saved with U+FFFD for its accents) unless its encoding is
    // named; a binary file is refused; nothing is sent either way.
    const QString legacy = writeFile(QStringLiteral("legacy.html"), QByteArray("<p>Caf\xe9 cr\xe8me</p>"));
    QByteArray zipBytes("PK\x03\x04", 4);
    zipBytes.append(QByteArray(300, '\0'));
    const QString binary = writeFile(QStringLiteral("sheet.xlsx"), zipBytes);
    const QString name = QStringLiteral("legacy note");
    m_server.clearRequests();
    for (const QString &file : {legacy, binary}) {
        const Result r = run(
            base({QStringLiteral("snippets"), QStringLiteral("put"), name, QStringLiteral("--file"), file}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(file == legacy ? "not UTF-8" : "binary"), r.err.constData());
        for (const auto &record : m_server.requests())
            QVERIFY2(record.method == "GET", record.method.constData());
    }
    const AbVariants ab = abNewsletter();
    const Result body =
        run(base({QStringLiteral("variants"), QStringLiteral("set"), QString::number(ab.newsletterId),
                  QString::number(ab.de), QStringLiteral("--body-file"), legacy}));
    QCOMPARE(body.exitCode, 2);
    QVERIFY2(body.err.contains("--encoding"), body.err.constData());

    const Result named =
        run(base({QStringLiteral("--encoding"), QStringLiteral("ISO-8859-1"), QStringLiteral("snippets"),
                  QStringLiteral("put"), name, QStringLiteral("--file"), legacy}));
    QVERIFY2(named.exitCode == 0, QByteArray(named.err + named.out).constData());
    QCOMPARE(m_server.data().snippet(name).value(QLatin1String("value")).toString(),
             QStringLiteral("<p>Café crème</p>"));
}

void TestE2eCli::snippetsPutGetDelete()
{
    const QString name = QStringLiteral("cli note");
    const QByteArray value = "<p>Hi {{ customer.first_name | default: \"there\" }}</p>\n<p>Bye</p>";
    const QString file = writeFile(QStringLiteral("note.html"), value);
    m_server.clearRequests();
    const Result put =
        run(base({QStringLiteral("snippets"), QStringLiteral("put"), name, QStringLiteral("--file"), file}));
    QVERIFY2(put.exitCode == 0, QByteArray(put.err + put.out).constData());
    // A snippet that is not there is created with POST, which would refuse a name taken meanwhile (the
    // same save as the app's Snippets page), never by the upserting PUT.
    QVERIFY2(put.out.contains("Created snippet “cli note”"), put.out.constData());
    QCOMPARE(m_server.data().snippet(name).value(QLatin1String("value")).toString().toUtf8(), value);
    QCOMPARE(m_server.requests().last().method, QByteArray("POST"));
    QCOMPARE(m_server.requests().last().path, QStringLiteral("/v1/snippets"));

    // get: the value exactly as stored (so that get > file, put --file round-trips); --json the snippet.
    const Result get = run(base({QStringLiteral("snippets"), QStringLiteral("get"), name}));
    QVERIFY2(get.exitCode == 0, get.err.constData());
    QCOMPARE(get.out, value);
    const Result json =
        run(base({QStringLiteral("--json"), QStringLiteral("snippets"), QStringLiteral("get"), name}));
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    QCOMPARE(o.value(QLatin1String("name")).toString(), name);
    QCOMPARE(o.value(QLatin1String("value")).toString().toUtf8(), value);
    QVERIFY(o.value(QLatin1String("updated_at")).toInteger() > 0);

    // put from standard input changes it; --json prints the stored snippet.
    const Result fromStdin = runWithInput(
        base({QStringLiteral("--json"), QStringLiteral("snippets"), QStringLiteral("put"), name}),
        "Changed {{ 1 | plus: 1 }}");
    QVERIFY2(fromStdin.exitCode == 0, fromStdin.err.constData());
    QCOMPARE(QJsonDocument::fromJson(fromStdin.out).object().value(QLatin1String("value")).toString(),
             QStringLiteral("Changed {{ 1 | plus: 1 }}"));
    QCOMPARE(m_server.data().snippet(name).value(QLatin1String("value")).toString(),
             QStringLiteral("Changed {{ 1 | plus: 1 }}"));

    // delete asks first: without a terminal to answer on, it wants --yes.
    const Result unconfirmed =
        runWithInput(base({QStringLiteral("snippets"), QStringLiteral("delete"), name}), "y\n");
    QCOMPARE(unconfirmed.exitCode, 2);
    QVERIFY2(unconfirmed.err.contains("--yes"), unconfirmed.err.constData());
    QVERIFY(!m_server.data().snippet(name).isEmpty());
    const Result deleted =
        run(base({QStringLiteral("snippets"), QStringLiteral("delete"), name, QStringLiteral("--yes")}));
    QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
    QVERIFY(deleted.out.contains("Deleted snippet “cli note”"));
    QVERIFY(m_server.data().snippet(name).isEmpty());

    const Result gone = run(base({QStringLiteral("snippets"), QStringLiteral("get"), name}));
    QCOMPARE(gone.exitCode, 1);
    QVERIFY(gone.err.contains("No snippet"));
    const Result goneDelete =
        run(base({QStringLiteral("snippets"), QStringLiteral("delete"), name, QStringLiteral("--yes")}));
    QCOMPARE(goneDelete.exitCode, 1);
    QVERIFY(goneDelete.err.contains("No snippet"));
}

void TestE2eCli::snippetsPutRefusals_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("snippet inside, dot")
        << QStringLiteral("n1") << QByteArray("<p>\n{{ snippets.footer }}</p>") << 1
        << QStringLiteral("line 2, column 4");
    QTest::newRow("snippet inside, brackets")
        << QStringLiteral("n2") << QByteArray("{{ snippets[\"promo code\"] | upcase }}") << 1
        << QStringLiteral("another snippet");
    QTest::newRow("Liquid that does not parse")
        << QStringLiteral("n3") << QByteArray("a\n{% if customer.vip %}VIP") << 1 << QStringLiteral("line 2");
    QTest::newRow("unknown filter") << QStringLiteral("n4") << QByteArray("{{ 'x' | shout }}") << 1
                                    << QStringLiteral("shout");
    QTest::newRow("too long") << QStringLiteral("n5") << QByteArray(16001, 'x') << 1
                              << QStringLiteral("16000");
    QTest::newRow("empty value") << QStringLiteral("n6") << QByteArray("  \n") << 1
                                 << QStringLiteral("value");
    QTest::newRow("name too long") << QString(151, QLatin1Char('n')) << QByteArray("x") << 1
                                   << QStringLiteral("150");
    QTest::newRow("blank name") << QStringLiteral("  ") << QByteArray("x") << 1 << QStringLiteral("name");
}

void TestE2eCli::snippetsPutRefusals()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, value);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    m_server.clearRequests();
    const Result r = runWithInput(base({QStringLiteral("snippets"), QStringLiteral("put"), name}), value);
    QVERIFY2(r.exitCode == exitCode, QByteArray(r.err + r.out).constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    QVERIFY2(r.err.contains("Nothing was sent"), r.err.constData());
    for (const auto &record : m_server.requests())
        QVERIFY2(record.method == "GET", record.method.constData());
    QVERIFY(m_server.data().snippet(name.trimmed()).isEmpty());

    const Result unreadable =
        run(base({QStringLiteral("snippets"), QStringLiteral("put"), QStringLiteral("x"),
                  QStringLiteral("--file"), QStringLiteral("/nonexistent/value.html")}));
    QCOMPARE(unreadable.exitCode, 2);
    QVERIFY(unreadable.err.contains("/nonexistent/value.html"));
}

void TestE2eCli::snippetsUsages()
{
    // The usages come from the local store: bring it up to date first.
    QTest::qWait(1100);
    const Result sync = run(base({QStringLiteral("--full"), QStringLiteral("sync")}));
    QVERIFY2(sync.exitCode == 0, sync.err.constData());

    const Result json = run(base({QStringLiteral("--json"), QStringLiteral("snippets"),
                                  QStringLiteral("usages"), QStringLiteral("footer")}));
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray usages = QJsonDocument::fromJson(json.out).array();
    QVERIFY(usages.size() >= 10);
    // Each one points at a line of the sandbox's variant that names the snippet, and only that one.
    static const QRegularExpression footer(
        QStringLiteral(R"(snippets\s*(\.\s*footer(?![\w-])|\[\s*["']footer["']\s*\]))"));
    QSet<qint64> newsletters;
    for (const QJsonValue &v : usages) {
        const QJsonObject u = v.toObject();
        const QJsonObject content = m_server.data().content(u.value(QLatin1String("content_id")).toInteger());
        QCOMPARE(content.value(QLatin1String("newsletter_id")).toInteger(),
                 u.value(QLatin1String("newsletter_id")).toInteger());
        QCOMPARE(content.value(QLatin1String("language")).toString(),
                 u.value(QLatin1String("language")).toString());
        const QString field = u.value(QLatin1String("field")).toString();
        const QStringList lines = content.value(field).toString().split(QLatin1Char('\n'));
        const QString line = lines.value(u.value(QLatin1String("line")).toInt() - 1);
        QVERIFY2(footer.match(line).hasMatch(), qPrintable(line));
        QCOMPARE(line.mid(u.value(QLatin1String("column")).toInt() - 1, 8), QStringLiteral("snippets"));
        newsletters.insert(u.value(QLatin1String("newsletter_id")).toInteger());
    }
    QVERIFY(newsletters.size() >= 5);

    // Text: one usage a line after the header, the same ones.
    const Result text =
        run(base({QStringLiteral("snippets"), QStringLiteral("usages"), QStringLiteral("footer")}));
    QVERIFY2(text.exitCode == 0, text.err.constData());
    const QList<QByteArray> lines = text.out.trimmed().split('\n');
    QCOMPARE(lines.size(), usages.size() + 1);
    QVERIFY(lines.first().startsWith("NEWSLETTER_ID"));
    const QList<QByteArray> first = lines.at(1).simplified().split(' ');
    QCOMPARE(first.size(), 5);
    QCOMPARE(first.at(0).toLongLong(),
             usages.first().toObject().value(QLatin1String("newsletter_id")).toInteger());
    QCOMPARE(first.at(1).toLongLong(),
             usages.first().toObject().value(QLatin1String("content_id")).toInteger());

    // A similar name is a different snippet; an unused one has no usages.
    const Result german = run(base({QStringLiteral("--json"), QStringLiteral("snippets"),
                                    QStringLiteral("usages"), QStringLiteral("footer_de")}));
    for (const QJsonValue &v : QJsonDocument::fromJson(german.out).array())
        QCOMPARE(v.toObject().value(QLatin1String("language")).toString(), QStringLiteral("de"));
    const Result none =
        run(base({QStringLiteral("snippets"), QStringLiteral("usages"), QStringLiteral("legal_uk")}));
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.isEmpty());
    QVERIFY(none.err.contains("No variant"));
}

void TestE2eCli::snippetsDeleteInUse()
{
    m_server.clearRequests();
    const Result r = run(base({QStringLiteral("snippets"), QStringLiteral("delete"), QStringLiteral("footer"),
                               QStringLiteral("--yes")}));
    QVERIFY2(r.exitCode == 1, QByteArray(r.err + r.out).constData());
    const QString err = QString::fromUtf8(r.err);
    QVERIFY2(err.contains(QStringLiteral("refused to delete “footer” because it is still in use")),
             qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("Known usages")), qPrintable(err));
    // The usages named are the local store's: a newsletter that uses the footer appears by name.
    const Result json = run(base({QStringLiteral("--json"), QStringLiteral("snippets"),
                                  QStringLiteral("usages"), QStringLiteral("footer")}));
    const QJsonObject firstUsage = QJsonDocument::fromJson(json.out).array().first().toObject();
    QVERIFY2(err.contains(firstUsage.value(QLatin1String("newsletter_name")).toString()), qPrintable(err));
    QVERIFY(!m_server.data().snippet(QStringLiteral("footer")).isEmpty());
    int deletes = 0;
    for (const auto &record : m_server.requests())
        deletes += record.method == "DELETE" ? 1 : 0;
    QCOMPARE(deletes, 1);
}

// ---- segments ----

namespace {
// The Track credential for add-members/remove-members comes from the environment, like the App key.
struct TrackEnvironment
{
    explicit TrackEnvironment(const QByteArray &site = "sandbox-site",
                              const QByteArray &key = "sandbox-track")
    {
        qputenv("CIO_TRACK_SITE_ID", site);
        qputenv("CIO_TRACK_API_KEY", key);
    }
    ~TrackEnvironment()
    {
        qunsetenv("CIO_TRACK_SITE_ID");
        qunsetenv("CIO_TRACK_API_KEY");
    }
    TrackEnvironment(const TrackEnvironment &) = delete;
    TrackEnvironment &operator=(const TrackEnvironment &) = delete;
};
} // namespace

void TestE2eCli::segmentsShowCountMembers()
{
    QTest::qWait(1100); // earlier commands' requests leave the sandbox's 1 s window
    const Result count =
        run(base({QStringLiteral("segments"), QStringLiteral("count"), QStringLiteral("12")}));
    QVERIFY2(count.exitCode == 0, count.err.constData());
    QCOMPARE(count.out.trimmed(), QByteArray("25000"));

    // Every member, one identifier a line, through all pages.
    const Result members =
        run(base({QStringLiteral("segments"), QStringLiteral("members"), QStringLiteral("12")}));
    QVERIFY2(members.exitCode == 0, members.err.constData());
    const QList<QByteArray> lines = members.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 25000);
    QCOMPARE(lines.first(), QByteArray("nl-sub-1"));
    QCOMPARE(lines.last(), QByteArray("nl-sub-25000"));
    QCOMPARE(QSet<QByteArray>(lines.begin(), lines.end()).size(), 25000);

    const Result json = run(base({QStringLiteral("--json"), QStringLiteral("segments"),
                                  QStringLiteral("members"), QStringLiteral("8")}));
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(json.out).array();
    QCOMPARE(array.size(), int(m_server.data().segmentMemberCount(8)));
    QVERIFY(array.first().toObject().contains(QLatin1String("cio_id")));

    const Result show = run(base({QStringLiteral("segments"), QStringLiteral("show"), QStringLiteral("9")}));
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QVERIFY(show.out.contains("Conference leads Berlin 2026"));
    QVERIFY(show.out.contains("manual"));
    const Result showJson = run(base(
        {QStringLiteral("--json"), QStringLiteral("segments"), QStringLiteral("show"), QStringLiteral("1")}));
    QVERIFY2(showJson.exitCode == 0, showJson.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(showJson.out).object();
    QCOMPARE(o.value(QLatin1String("type")).toString(), QStringLiteral("dynamic"));
    QCOMPARE(o.value(QLatin1String("customer_count")).toInteger(),
             qint64(m_server.data().segmentMemberCount(1)));

    const Result missing =
        run(base({QStringLiteral("segments"), QStringLiteral("count"), QStringLiteral("987654")}));
    QCOMPARE(missing.exitCode, 1);
    QVERIFY(missing.err.contains("404"));
}

void TestE2eCli::segmentsUsedBy()
{
    const Result text =
        run(base({QStringLiteral("segments"), QStringLiteral("used-by"), QStringLiteral("1")}));
    QVERIFY2(text.exitCode == 0, text.err.constData());
    QVERIFY(text.out.contains("campaign 4\n"));
    QVERIFY(text.out.contains("campaign 17\n"));
    const Result json = run(base({QStringLiteral("--json"), QStringLiteral("segments"),
                                  QStringLiteral("used-by"), QStringLiteral("1")}));
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const QJsonObject o = QJsonDocument::fromJson(json.out).object();
    const QJsonObject expected =
        m_server.data().segmentUsedBy(1).body.value(QLatin1String("used_by")).toObject();
    QCOMPARE(o.value(QLatin1String("campaigns")).toArray(),
             expected.value(QLatin1String("campaigns")).toArray());
    // Newsletters come with their names.
    for (const char *kind : {"sent_newsletters", "draft_newsletters"}) {
        const QJsonArray listed = o.value(QLatin1String(kind)).toArray();
        QCOMPARE(listed.size(), expected.value(QLatin1String(kind)).toArray().size());
        for (const QJsonValue &n : listed) {
            const qint64 id = n.toObject().value(QLatin1String("id")).toInteger();
            QCOMPARE(n.toObject().value(QLatin1String("name")).toString(),
                     m_server.data().newsletter(id).value(QLatin1String("name")).toString());
        }
    }
}

void TestE2eCli::segmentsCreateAndDelete()
{
    const Result created =
        run(base({QStringLiteral("segments"), QStringLiteral("create"), QStringLiteral("--name"),
                  QStringLiteral("CLI testers"), QStringLiteral("--description"),
                  QStringLiteral("made from the command line")}));
    QVERIFY2(created.exitCode == 0, created.err.constData());
    bool ok = false;
    const qint64 id = created.out.trimmed().toLongLong(&ok);
    QVERIFY2(ok && id > 0, created.out.constData());
    const QJsonObject stored = m_server.data().segment(id);
    QCOMPARE(stored.value(QLatin1String("name")).toString(), QStringLiteral("CLI testers"));
    QCOMPARE(stored.value(QLatin1String("description")).toString(),
             QStringLiteral("made from the command line"));
    QCOMPARE(stored.value(QLatin1String("type")).toString(), QStringLiteral("manual"));

    const Result json =
        run(base({QStringLiteral("--json"), QStringLiteral("segments"), QStringLiteral("create"),
                  QStringLiteral("--name"), QStringLiteral("CLI testers 2")}));
    QVERIFY2(json.exitCode == 0, json.err.constData());
    const qint64 second = QJsonDocument::fromJson(json.out).object().value(QLatin1String("id")).toInteger();
    QVERIFY(second > id);

    // Without --yes and without a terminal to ask on, nothing is deleted.
    const QStringList remove{QStringLiteral("segments"), QStringLiteral("delete"), QString::number(id)};
    const Result asked = run(base(remove));
    QCOMPARE(asked.exitCode, 2);
    QVERIFY2(asked.err.contains("--yes"), asked.err.constData());
    QVERIFY(!m_server.data().segment(id).isEmpty());
    const Result deleted = run(base(remove + QStringList{QStringLiteral("--yes")}));
    QVERIFY2(deleted.exitCode == 0, deleted.err.constData());
    QVERIFY(deleted.out.contains("Deleted segment"));
    QVERIFY(m_server.data().segment(id).isEmpty());

    // What uses a segment is shown before it goes.
    const Result used =
        run(base({QStringLiteral("segments"), QStringLiteral("delete"), QStringLiteral("11")}));
    QCOMPARE(used.exitCode, 2);
    QVERIFY2(used.err.contains("campaign 12"), used.err.constData());
    QVERIFY(!m_server.data().segment(11).isEmpty());

    const Result noName = run(base({QStringLiteral("segments"), QStringLiteral("create")}));
    QCOMPARE(noName.exitCode, 2);
    QVERIFY(noName.err.contains("--name"));
    run(base({QStringLiteral("segments"), QStringLiteral("delete"), QString::number(second),
              QStringLiteral("--yes")}));
}

void TestE2eCli::segmentsAddAndRemoveMembers()
{
    const Result created = run(base({QStringLiteral("segments"), QStringLiteral("create"),
                                     QStringLiteral("--name"), QStringLiteral("Batch from a file")}));
    QVERIFY2(created.exitCode == 0, created.err.constData());
    const QString id = QString::fromUtf8(created.out.trimmed());
    QByteArray csv = "id,name\n";
    for (int i = 1; i <= 2500; ++i)
        csv += "cli-" + QByteArray::number(i) + ",Person " + QByteArray::number(i) + "\n";
    csv += "cli-1,Duplicate\n,No id\n";
    const QString file = writeFile(QStringLiteral("people.csv"), csv);

    TrackEnvironment track;
    m_server.clearRequests();
    const Result added = run(base({QStringLiteral("segments"), QStringLiteral("add-members"), id,
                                   QStringLiteral("--id-type"), QStringLiteral("id"), file}));
    QVERIFY2(added.exitCode == 0, QByteArray(added.err + added.out).constData());
    QVERIFY2(added.out.contains("2500 members added"), added.out.constData());
    QVERIFY2(added.err.contains("line 2503"), added.err.constData()); // the line without an id
    QVERIFY(!added.out.contains("sandbox-track") && !added.err.contains("sandbox-track"));
    int trackCalls = 0;
    for (const auto &r : m_server.requests()) {
        if (r.path == QStringLiteral("/api/v1/segments/%1/add_customers").arg(id)) {
            ++trackCalls;
            QCOMPARE(r.authorization,
                     QByteArray("Basic ") + QByteArray("sandbox-site:sandbox-track").toBase64());
        }
    }
    QCOMPARE(trackCalls, 3);
    QCOMPARE(m_server.data().segmentMemberCount(id.toLongLong()), 2500);

    const QString some = writeFile(QStringLiteral("some.txt"), "cli-1\ncli-2\ncli-3\n");
    const Result removed =
        run(base({QStringLiteral("--json"), QStringLiteral("segments"), QStringLiteral("remove-members"), id,
                  QStringLiteral("--id-type"), QStringLiteral("id"), some}));
    QVERIFY2(removed.exitCode == 0, removed.err.constData());
    const QJsonObject summary = QJsonDocument::fromJson(removed.out).object();
    QCOMPARE(summary.value(QLatin1String("sent")).toInt(), 3);
    QCOMPARE(summary.value(QLatin1String("requests")).toInt(), 1);
    QCOMPARE(summary.value(QLatin1String("action")).toString(), QStringLiteral("remove"));
    QCOMPARE(m_server.data().segmentMemberCount(id.toLongLong()), 2497);
    run(base({QStringLiteral("segments"), QStringLiteral("delete"), id, QStringLiteral("--yes")}));
}

void TestE2eCli::segmentsMemberRefusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("trackCredential");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString ids = writeFile(QStringLiteral("ids.txt"), "a@example.com\nb@example.com\n");
    const QString binary = writeFile(QStringLiteral("book.xlsx"), QByteArray("PK\x03\x04\x00\x00\x00", 7));
    const auto add = [](const QString &segment, const QString &type, const QString &file) {
        return QStringList{QStringLiteral("segments"),
                           QStringLiteral("add-members"),
                           segment,
                           QStringLiteral("--id-type"),
                           type,
                           file};
    };
    QTest::newRow("data-driven segment") << add(QStringLiteral("1"), QStringLiteral("email"), ids) << true
                                         << 1 << QStringLiteral("data-driven");
    QTest::newRow("no Track credential") << add(QStringLiteral("14"), QStringLiteral("email"), ids) << false
                                         << 2 << QStringLiteral("CIO_TRACK_SITE_ID");
    QTest::newRow("unknown id type") << add(QStringLiteral("14"), QStringLiteral("phone"), ids) << true << 2
                                     << QStringLiteral("phone");
    QTest::newRow("no id type") << QStringList{QStringLiteral("segments"), QStringLiteral("add-members"),
                                               QStringLiteral("14"), ids}
                                << true << 2 << QStringLiteral("--id-type");
    QTest::newRow("corrupt file") << add(QStringLiteral("14"), QStringLiteral("email"), binary) << true << 2
                                  << QStringLiteral("not a text file");
    QTest::newRow("nothing valid") << add(QStringLiteral("14"), QStringLiteral("cio_id"), ids) << true << 1
                                   << QStringLiteral("Nothing to send");
    QTest::newRow("unknown segment") << add(QStringLiteral("987654"), QStringLiteral("email"), ids) << true
                                     << 1 << QStringLiteral("404");
    QTest::newRow("missing file") << add(QStringLiteral("14"), QStringLiteral("email"),
                                         QStringLiteral("/nonexistent/x"))
                                  << true << 2 << QStringLiteral("cannot be read");
}

void TestE2eCli::segmentsMemberRefusals()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, trackCredential);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    std::optional<TrackEnvironment> track;
    if (trackCredential)
        track.emplace();
    m_server.clearRequests();
    const Result r = run(base(arguments));
    QVERIFY2(r.exitCode == exitCode, QByteArray(r.err + r.out).constData());
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    for (const auto &record : m_server.requests())
        QVERIFY2(!record.path.startsWith(QLatin1String("/api/")), "nothing reached the Track API");
}

void TestE2eCli::segmentsDemoAddsMembers()
{
    // --demo brings its own Track credential; none is in the environment.
    const QString file = writeFile(QStringLiteral("demo-people.txt"), "anna@example.com\nben@example.com\n");
    const Result r = run({QStringLiteral("--demo"), QStringLiteral("--json"), QStringLiteral("segments"),
                          QStringLiteral("add-members"), QStringLiteral("14"), QStringLiteral("--id-type"),
                          QStringLiteral("email"), file},
                         QString());
    QVERIFY2(r.exitCode == 0, r.err.constData());
    QCOMPARE(QJsonDocument::fromJson(r.out).object().value(QLatin1String("sent")).toInt(), 2);
}

// The app's Save gate, on the command line: QA errors (here an empty subject) stop the save unless
// --ignore-qa; nothing is sent before the gate passes.
void TestE2eCli::variantSetRunsTheQaGate()
{
    const AbVariants ab = abNewsletter();
    const QString id = QString::number(ab.newsletterId);
    const QString before = m_server.data().content(ab.fr).value(QLatin1String("subject")).toString();
    QVERIFY(!before.trimmed().isEmpty());
    const QStringList set{QStringLiteral("variants"), QStringLiteral("set"),       id,
                          QStringLiteral("A:fr"),     QStringLiteral("--subject"), QStringLiteral(" ")};
    m_server.clearRequests();
    const Result refused = run(base(set));
    QVERIFY2(refused.exitCode == 1, QByteArray(refused.err + refused.out).constData());
    QVERIFY2(refused.err.contains("subject is empty"), refused.err.constData());
    QVERIFY2(refused.err.contains("--ignore-qa"), refused.err.constData());
    for (const auto &record : m_server.requests())
        QCOMPARE(record.method, QByteArray("GET"));
    QCOMPARE(m_server.data().content(ab.fr).value(QLatin1String("subject")).toString(), before);

    const Result forced = run(base(set + QStringList{QStringLiteral("--ignore-qa")}));
    QVERIFY2(forced.exitCode == 0, QByteArray(forced.err + forced.out).constData());
    QCOMPARE(m_server.data().content(ab.fr).value(QLatin1String("subject")).toString().trimmed(), QString());
    // Put it back for the other tests.
    const Result restored = run(base({QStringLiteral("variants"), QStringLiteral("set"), id,
                                      QStringLiteral("A:fr"), QStringLiteral("--subject"), before}));
    QVERIFY2(restored.exitCode == 0, QByteArray(restored.err + restored.out).constData());
}

void TestE2eCli::segmentNamesAreChecked()
{
    m_server.clearRequests();
    for (const QString &name : {QString(5000, QLatin1Char('n')), QStringLiteral("two\nlines")}) {
        const Result r =
            run(base({QStringLiteral("segments"), QStringLiteral("create"), QStringLiteral("--name"), name}));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("No segment was created"), r.err.constData());
    }
    for (const auto &record : m_server.requests())
        QVERIFY2(record.method == "GET", qPrintable(record.path));
    // The longest allowed name goes through.
    const Result ok = run(base({QStringLiteral("segments"), QStringLiteral("create"),
                                QStringLiteral("--name"), QString(255, QLatin1Char('n'))}));
    QVERIFY2(ok.exitCode == 0, ok.err.constData());
}

// What a server sends may carry characters that rewrite a terminal (ESC sequences), reorder text (bidi
// overrides) or hide differences (zero-width space): on a terminal they are shown as ⟨U+XXXX⟩; piped
// output stays byte for byte (get > file round-trips); JSON escapes them, which parses back the same.
void TestE2eCli::serverTextIsNeutralisedForTerminals()
{
    const QString name = QStringLiteral("hostile note");
    const QString value = QStringLiteral("Pay \u202Eexe.pdf\u202C now\u200B\x1B[2J");
    m_server.data().setSnippet(name, value);
    const QStringList get{QStringLiteral("snippets"), QStringLiteral("get"), name};

    m_env.insert(QStringLiteral("CIO_TERMINAL"), QStringLiteral("1"));
    const Result shown = run(base(get));
    m_env.clear();
    QVERIFY2(shown.exitCode == 0, shown.err.constData());
    const QString text = QString::fromUtf8(shown.out);
    QVERIFY2(text.contains(QStringLiteral("⟨U+202E⟩exe.pdf⟨U+202C⟩ now⟨U+200B⟩⟨U+001B⟩[2J")),
             shown.out.constData());
    for (const char32_t c : {U'\u202E', U'\u202C', U'\u200B', U'\x1B'})
        QVERIFY(!text.contains(QString::fromUcs4(&c, 1)));

    const Result piped = run(base(get));
    QVERIFY2(piped.exitCode == 0, piped.err.constData());
    QCOMPARE(QString::fromUtf8(piped.out), value);

    m_env.insert(QStringLiteral("CIO_TERMINAL"), QStringLiteral("1"));
    const Result json = run(base(QStringList{QStringLiteral("--json")} + get));
    m_env.clear();
    QVERIFY2(json.exitCode == 0, json.err.constData());
    QVERIFY2(json.out.contains("\\u202e"), json.out.constData());
    QVERIFY(!json.out.contains("\xE2\x80\xAE"));
    QCOMPARE(QJsonDocument::fromJson(json.out).object().value(QLatin1String("value")).toString(), value);
}

QTEST_GUILESS_MAIN(TestE2eCli)
#include "tst_e2e_cli.moc"
