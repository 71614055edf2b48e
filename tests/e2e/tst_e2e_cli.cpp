// End to end: cio-studio-cli as a user runs it, against the sandbox on loopback.
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Key = QStringLiteral("sk-test-cli-7f3a9c-SECRET");
}

class TestE2eCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void listsAsJson_data();
    void listsAsJson();
    void textTable();
    void newsletterShowAndVariants();
    void syncReportsFigures();
    void demoNeedsNoKey();
    void refusals_data();
    void refusals();
    void variantShow();
    void variantSet();
    void variantSetConflict();
    void variantSetRefusesRedacted();
    void variantRefusals_data();
    void variantRefusals();
    void renderTemplate();
    void renderErrorsAndLax();
    void renderVariant();
    void qaFindsWhatATranslationBroke();
    void renderRefusesBadData();

private:
    struct Result
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result run(const QStringList &arguments, const QString &key = Key);
    // An A/B newsletter of HTML variants with "de" and "fr" in test group "A": its id and content ids.
    struct AbVariants
    {
        qint64 newsletterId = 0;
        qint64 groupA = 0, de = 0, fr = 0, defaultB = 0;
    };
    AbVariants abNewsletter();
    QStringList base(const QStringList &arguments) const;
    QString writeFile(const QString &name, const QByteArray &content);

    cio::sandbox::Server m_server;
};

void TestE2eCli::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("CIO_CLI_BIN"), "CIO_CLI_BIN is set by CTest");
    cio::sandbox::Options options;
    options.apiKey = Key;
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
}

TestE2eCli::Result TestE2eCli::run(const QStringList &arguments, const QString &key)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("CIO_APP_API_KEY"));
    if (!key.isEmpty())
        env.insert(QStringLiteral("CIO_APP_API_KEY"), key);
    // As on a desktop session: a private runtime folder (render and qa start WebEngine, which wants one).
    const QString runtime = qEnvironmentVariable("CIO_TEST_TMP") + QStringLiteral("/runtime");
    QDir().mkpath(runtime);
    QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    process.setProcessEnvironment(env);
    // The sandbox runs in this process: wait with an event loop, never with waitForFinished().
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(qEnvironmentVariable("CIO_CLI_BIN"), arguments);
    Result result;
    if (!finished.wait(60000)) {
        process.kill();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
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
        run(QStringList{QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json")} +
            command);
    QVERIFY2(r.exitCode == 0, r.err.constData());
    const QJsonArray array = QJsonDocument::fromJson(r.out).array();
    QVERIFY2(array.size() >= minimum, r.out.left(400).constData());
    for (const QJsonValue &v : array)
        QVERIFY(v.toObject().contains(field));
}

void TestE2eCli::textTable()
{
    const Result r = run({QStringLiteral("--base-url"), m_server.url().toString(),
                          QStringLiteral("newsletters"), QStringLiteral("list")});
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
    const Result list =
        run({QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json"),
             QStringLiteral("newsletters"), QStringLiteral("list")});
    QCOMPARE(list.exitCode, 0);
    QJsonObject chosen;
    for (const QJsonValue &v : QJsonDocument::fromJson(list.out).array()) {
        if (v.toObject().value(QLatin1String("content_ids")).toArray().size() >
            chosen.value(QLatin1String("content_ids")).toArray().size())
            chosen = v.toObject();
    }
    const QString id = QString::number(chosen.value(QLatin1String("id")).toInteger());

    const Result show = run({QStringLiteral("--base-url"), m_server.url().toString(),
                             QStringLiteral("newsletters"), QStringLiteral("show"), id});
    QVERIFY2(show.exitCode == 0, show.err.constData());
    QVERIFY(show.out.contains(chosen.value(QLatin1String("name")).toString().toUtf8()));

    const Result variants =
        run({QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json"),
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
    // Earlier commands' requests must have left the sandbox's 1 s window.
    QTest::qWait(1100);
    const Result r = run({QStringLiteral("--base-url"), m_server.url().toString(), QStringLiteral("--json"),
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
    const Result again = run({QStringLiteral("--base-url"), m_server.url().toString(),
                              QStringLiteral("--json"), QStringLiteral("sync")});
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

void TestE2eCli::refusals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QString url = m_server.url().toString();
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
    return QStringList{QStringLiteral("--base-url"), m_server.url().toString()} + arguments;
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
    // One PUT, through the test-group address, with only the two fields.
    QList<cio::sandbox::RequestRecord> puts;
    for (const auto &record : m_server.requests()) {
        if (record.method == "PUT")
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
            if (edited || record.method != "GET" || record.path != path)
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
    const Result set = run(base({QStringLiteral("variants"), QStringLiteral("set"), id,
                                 QStringLiteral("A:fr"), QStringLiteral("--body-file"), file}));
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

QTEST_GUILESS_MAIN(TestE2eCli)
#include "tst_e2e_cli.moc"
