// XLIFF 2.0 and 1.2 as cio-studio writes them (valid by the OASIS schemas, checked with xmllint) and as
// translation tools give them back (read into the same units, targets and states), and the files it
// refuses, each with a message naming what is wrong.
#include "models/translation/xliff.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace cio::models::translation;
using Kind = Piece::Kind;

namespace {

const QString schema20 = QStringLiteral(CIO_SOURCE_DIR "/tests/contract/xliff/xliff-core-2.0.xsd");
const QString schema12 =
    QStringLiteral(CIO_SOURCE_DIR "/tests/contract/xliff/xliff-core-1.2-transitional.xsd");

// xmllint's verdict on `files` against `schema`: empty when every file is valid.
QString schemaProblems(const QString &schema, const QStringList &files)
{
    QProcess xmllint;
    xmllint.start(QStringLiteral("xmllint"),
                  QStringList{QStringLiteral("--noout"), QStringLiteral("--schema"), schema} + files);
    if (!xmllint.waitForFinished(120000))
        return QStringLiteral("xmllint did not run (install libxml2-utils): ") + xmllint.errorString();
    if (xmllint.exitStatus() == QProcess::NormalExit && xmllint.exitCode() == 0)
        return {};
    return QString::fromUtf8(xmllint.readAllStandardError()).left(4000);
}

ExchangeFile fileOf(const QString &html)
{
    const Segmentation s = segment(html, FieldFormat::Html);
    ExchangeFile file;
    file.id = QStringLiteral("newsletter-7-content-70");
    file.original = QStringLiteral("customerio:newsletters/7/contents/70");
    file.sourceLanguage = QStringLiteral("en");
    file.targetLanguage = QStringLiteral("de");
    file.notes = {QStringLiteral("Newsletter 7: “Spring sale”")};
    for (const Unit &u : s.units) {
        ExchangeUnit e;
        e.id = QStringLiteral("body.") + u.id;
        e.kind = u.kind;
        e.source = u.pieces;
        e.notes = {QStringLiteral("HTML body")};
        file.units.append(e);
    }
    return file;
}

QString shape(const Pieces &pieces)
{
    QString out;
    for (const Piece &p : pieces) {
        if (p.kind == Kind::Text)
            out += p.text;
        else
            out += QStringLiteral("[%1%2]")
                       .arg(p.kind == Kind::Placeholder ? QStringLiteral("ph")
                            : p.kind == Kind::Open      ? QStringLiteral("o")
                                                        : QStringLiteral("c"))
                       .arg(p.id);
    }
    return out;
}

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(data);
    return path;
}

} // namespace

class TestXliff : public QObject
{
    Q_OBJECT

private slots:
    void writesValidXliffThatReadsBack_data();
    void writesValidXliffThatReadsBack();
    void readsWhatToolsMakeOfIt();
    void lineEndsAndControlCharactersSurvive();
    void refusesBadFiles_data();
    void refusesBadFiles();
    void everyDemoBodyExportsValidAndReadsBack();
    void aThirdPartyReaderTakesXliff12();
};

void TestXliff::writesValidXliffThatReadsBack_data()
{
    QTest::addColumn<XliffVersion>("version");
    QTest::addColumn<QString>("schema");
    QTest::newRow("2.0") << XliffVersion::V2_0 << schema20;
    QTest::newRow("1.2") << XliffVersion::V1_2 << schema12;
}

void TestXliff::writesValidXliffThatReadsBack()
{
    QFETCH(XliffVersion, version);
    QFETCH(QString, schema);
    ExchangeFile file = fileOf(QStringLiteral(
        "<p>Hello <b>{{ customer.first_name }}</b> &amp; <a href=\"x\" title=\"Shop <now>\">welcome</a>!</p>"
        "<p>Second\u000b paragraph</p>"));
    QCOMPARE(file.units.size(), 3);
    // A current translation, one that needs review, and none.
    file.units[0].target = Pieces{Piece{Kind::Text, QStringLiteral("Hallo "), 0, 0, 0},
                                  Piece{Kind::Open, {}, 1, 0, 0},
                                  Piece{Kind::Placeholder, {}, 2, 0, 0},
                                  Piece{Kind::Close, {}, 1, 0, 0},
                                  Piece{Kind::Text, QStringLiteral(" & "), 0, 0, 0},
                                  Piece{Kind::Open, {}, 3, 0, 0},
                                  Piece{Kind::Text, QStringLiteral("willkommen"), 0, 0, 0},
                                  Piece{Kind::Close, {}, 3, 0, 0},
                                  Piece{Kind::Text, QStringLiteral("!"), 0, 0, 0}};
    file.units[0].state = TargetState::Translated;
    file.units[1].target = Pieces{Piece{Kind::Text, QStringLiteral("Jetzt <kaufen>"), 0, 0, 0}};
    file.units[1].state = TargetState::NeedsReview;

    const QByteArray xml = writeXliff(file, version);
    QTemporaryDir dir;
    const QString path = writeTemp(dir, QStringLiteral("export.xlf"), xml);
    const QString problems = schemaProblems(schema, {path});
    QVERIFY2(problems.isEmpty(), qPrintable(problems + QString::fromUtf8(xml)));

    const XliffRead read = readXliff(xml);
    QVERIFY2(read.file, qPrintable(read.error));
    QCOMPARE(read.version, version);
    QCOMPARE(read.file->sourceLanguage, QStringLiteral("en"));
    QCOMPARE(read.file->targetLanguage, QStringLiteral("de"));
    QCOMPARE(read.file->original, file.original);
    QCOMPARE(read.file->units.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const ExchangeUnit &sent = file.units.at(i);
        const ExchangeUnit &back = read.file->units.at(i);
        QCOMPARE(back.id, sent.id);
        QCOMPARE(back.kind, sent.kind);
        QCOMPARE(back.target.has_value(), sent.target.has_value());
        if (sent.target) {
            QVERIFY2(samePieces(*back.target, *sent.target), qPrintable(shape(*back.target)));
            QCOMPARE(back.state, sent.state);
        }
        if (version == XliffVersion::V2_0) {
            QVERIFY2(samePieces(back.source, sent.source), qPrintable(shape(back.source)));
            // The originals travel in <originalData>.
            for (int p = 0; p < sent.source.size(); ++p)
                QCOMPARE(back.source.at(p).text, sent.source.at(p).text);
        } else {
            // 1.2 has no place for a control character: U+FFFD stands for it.
            QCOMPARE(shape(back.source), shape(sent.source).replace(QChar(0x0B), QChar(0xFFFD)));
        }
    }
    QCOMPARE(read.file->units.at(0).notes, QStringList{QStringLiteral("HTML body")});
}

void TestXliff::readsWhatToolsMakeOfIt()
{
    const ExchangeFile file =
        fileOf(QStringLiteral("<p>Hello <b>dear</b> {{ customer.first_name }}, read this.</p>"));
    QString xml = QString::fromUtf8(writeXliff(file, XliffVersion::V2_0));
    // What a tool does: targets filled (a segment split in two, the pair as <sc>/<ec>, text in <mrk>),
    // state set, attributes reordered, white space between elements.
    const QString source =
        QStringLiteral("<source>Hello <pc id=\"1\" canDelete=\"no\" dataRefStart=\"d1s\" "
                       "dataRefEnd=\"d1e\" type=\"fmt\">dear</pc> <ph id=\"2\" canDelete=\"no\" "
                       "dataRef=\"d2\" disp=\"{{ customer.first_name }}\" type=\"other\"/>, read this."
                       "</source>");
    QVERIFY2(xml.contains(source), qPrintable(xml));
    xml.replace(
        QStringLiteral("<segment state=\"initial\">") + source + QStringLiteral("</segment>"),
        QStringLiteral("<segment   state=\"reviewed\" >\n   <source>Hello <pc dataRefEnd=\"d1e\" id=\"1\" "
                       "dataRefStart=\"d1s\">dear</pc> <ph dataRef=\"d2\" id=\"2\"/>, </source>\n"
                       "   <target>Hallo <sc id=\"1\"/>Liebe<ec startRef=\"1\"/> <ph id=\"2\"/>, </target>\n"
                       "</segment>\n<segment state=\"reviewed\"><source>read this.</source>"
                       "<target><mrk id=\"m1\" translate=\"yes\">lies das</mrk>.</target></segment>"));
    const XliffRead read = readXliff(xml.toUtf8());
    QVERIFY2(read.file, qPrintable(read.error));
    const ExchangeUnit &u = read.file->units.first();
    QCOMPARE(shape(u.source), QStringLiteral("Hello [o1]dear[c1] [ph2], read this."));
    QCOMPARE(u.source.at(1).text, QStringLiteral("<b>"));
    QCOMPARE(u.source.at(5).text, QStringLiteral("{{ customer.first_name }}"));
    QVERIFY(u.target);
    QCOMPARE(shape(*u.target), QStringLiteral("Hallo [o1]Liebe[c1] [ph2], lies das."));
    QCOMPARE(u.state, TargetState::Final);

    // 1.2 with the pair as <bx>/<ex> and a target state a tool set.
    QString xml12 = QString::fromUtf8(writeXliff(file, XliffVersion::V1_2));
    const qsizetype sourceEnd = xml12.indexOf(QLatin1String("</source>")) + 9;
    QVERIFY(sourceEnd > 9);
    xml12.insert(sourceEnd,
                 QStringLiteral("\n  <target state=\"signed-off\">Hallo <bx id=\"1\"/>Liebe<ex id=\"1\"/> "
                                "<x id=\"2\"/>, lies das.</target>"));
    const XliffRead read12 = readXliff(xml12.toUtf8());
    QVERIFY2(read12.file, qPrintable(read12.error));
    QCOMPARE(shape(*read12.file->units.first().target),
             QStringLiteral("Hallo [o1]Liebe[c1] [ph2], lies das."));
    QCOMPARE(read12.file->units.first().state, TargetState::Final);
    // A target a tool marked "new" is no translation.
    xml12.replace(QStringLiteral("signed-off"), QStringLiteral("new"));
    QVERIFY(!readXliff(xml12.toUtf8()).file->units.first().target);
}

void TestXliff::lineEndsAndControlCharactersSurvive()
{
    // Found by fuzz_translation: a literal carriage return came back as a line feed (XML readers
    // normalise line ends), and a form feed in a code's display text made the file unreadable.
    const Segmentation s =
        segment(QStringLiteral("Line one\r\nline\ftwo {{ \"a\fb\" }}"), FieldFormat::Plain);
    QCOMPARE(s.units.size(), 1);
    ExchangeFile file = fileOf(QStringLiteral("<p>x</p>"));
    file.units.first().source = s.units.first().pieces;
    file.units.first().target = s.units.first().pieces;
    for (const XliffVersion version : {XliffVersion::V2_0, XliffVersion::V1_2}) {
        const XliffRead read = readXliff(writeXliff(file, version));
        QVERIFY2(read.file, qPrintable(read.error));
        const Pieces back = *read.file->units.first().target;
        if (version == XliffVersion::V2_0)
            QVERIFY2(samePieces(back, s.units.first().pieces), qPrintable(shape(back)));
        else // 1.2 cannot carry a form feed at all
            QCOMPARE(back.first().text, QStringLiteral("Line one\r\nline\uFFFDtwo "));
    }
}

void TestXliff::refusesBadFiles_data()
{
    const QString good = QString::fromUtf8(
        writeXliff(fileOf(QStringLiteral("<p>Hello <b>dear</b> you</p><p>Two</p>")), XliffVersion::V2_0));
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not an XLIFF file");
    QTest::newRow("not xml") << QByteArray("Subject;Body\nHello;World\n")
                             << QStringLiteral("not an XLIFF file");
    QTest::newRow("html") << QByteArray("<html><body><p>Hi</p></body></html>") << QStringLiteral("<html>");
    QTest::newRow("xliff 1.1") << QByteArray("<xliff version=\"1.1\"><file/></xliff>")
                               << QStringLiteral("version 1.1");
    QTest::newRow("cut short") << good.left(good.size() / 2).toUtf8() << QStringLiteral("damaged");
    QString unknownCode = good;
    unknownCode.replace(QStringLiteral("<pc id=\"1\""), QStringLiteral("<pc id=\"b1\""));
    QTest::newRow("unknown code") << unknownCode.toUtf8() << QStringLiteral("unit “body.u1”: the code “b1”");
    QString twice = good;
    twice.replace(QStringLiteral("id=\"body.u2\""), QStringLiteral("id=\"body.u1\""));
    QTest::newRow("unit twice") << twice.toUtf8() << QStringLiteral("“body.u1” appears twice");
    QString twoFiles = good;
    const qsizetype fileStart = twoFiles.indexOf(QLatin1String("<file "));
    const qsizetype fileEnd = twoFiles.indexOf(QLatin1String("</file>")) + 7;
    twoFiles.insert(fileEnd, twoFiles.mid(fileStart, fileEnd - fileStart));
    QTest::newRow("two files") << twoFiles.toUtf8() << QStringLiteral("more than one <file>");
    QString foreign = good;
    foreign.replace(QStringLiteral("you</source>"), QStringLiteral("you<foo/></source>"));
    QTest::newRow("foreign element") << foreign.toUtf8() << QStringLiteral("<foo>");
}

void TestXliff::refusesBadFiles()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, message);
    const XliffRead read = readXliff(data);
    QVERIFY(!read.file);
    QVERIFY2(read.error.contains(message), qPrintable(read.error));
}

void TestXliff::everyDemoBodyExportsValidAndReadsBack()
{
    QFile demo(QStringLiteral(CIO_SOURCE_DIR "/resources/demo/newsletters.json"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    const QJsonArray newsletters =
        QJsonDocument::fromJson(demo.readAll()).object().value(QLatin1String("newsletters")).toArray();
    QTemporaryDir dir;
    QStringList files20;
    QStringList files12;
    for (const QJsonValue &n : newsletters) {
        for (const QJsonValue &c : n.toObject().value(QLatin1String("contents")).toArray()) {
            const QJsonObject content = c.toObject();
            const QString body = content.value(QLatin1String("body")).toString();
            if (body.isEmpty())
                continue;
            ExchangeFile file = fileOf(body);
            if (file.units.isEmpty())
                continue;
            for (ExchangeUnit &u : file.units) { // pre-filled with itself, as an untouched translation is
                u.target = u.source;
                u.state = TargetState::Translated;
            }
            const QString name = QString::number(content.value(QLatin1String("id")).toInteger());
            for (const XliffVersion version : {XliffVersion::V2_0, XliffVersion::V1_2}) {
                const QByteArray xml = writeXliff(file, version);
                const XliffRead read = readXliff(xml);
                QVERIFY2(read.file, qPrintable(name + QLatin1Char(' ') + read.error));
                QCOMPARE(read.file->units.size(), file.units.size());
                for (int i = 0; i < file.units.size(); ++i) {
                    QVERIFY2(samePieces(*read.file->units.at(i).target, file.units.at(i).source),
                             qPrintable(name + QLatin1Char(' ') + file.units.at(i).id));
                }
                const bool v2 = version == XliffVersion::V2_0;
                (v2 ? files20 : files12)
                    .append(writeTemp(dir, name + (v2 ? QStringLiteral(".xlf") : QStringLiteral(".12.xlf")),
                                      xml));
            }
        }
    }
    QVERIFY(files20.size() > 100);
    const QString problems20 = schemaProblems(schema20, files20);
    QVERIFY2(problems20.isEmpty(), qPrintable(problems20));
    const QString problems12 = schemaProblems(schema12, files12);
    QVERIFY2(problems12.isEmpty(), qPrintable(problems12));
}

// Debian's translate-toolkit (xliff2po), as many translation pipelines use it: one entry per unit, the
// Liquid placeholders in the text the translator sees, and only the unit needing review marked fuzzy.
void TestXliff::aThirdPartyReaderTakesXliff12()
{
    ExchangeFile file = fileOf(QStringLiteral("<p>Hi {{ customer.first_name }}, <a href=\"x\">shop "
                                              "now</a></p><p>Second</p><img alt=\"Tents\" src=x>"));
    QCOMPARE(file.units.size(), 3);
    file.units[0].target = Pieces{
        Piece{Kind::Text, QStringLiteral("Hallo "), 0, 0, 0},       Piece{Kind::Placeholder, {}, 1, 0, 0},
        Piece{Kind::Text, QStringLiteral(", "), 0, 0, 0},           Piece{Kind::Open, {}, 2, 0, 0},
        Piece{Kind::Text, QStringLiteral("jetzt kaufen"), 0, 0, 0}, Piece{Kind::Close, {}, 2, 0, 0}};
    file.units[0].state = TargetState::Translated;
    file.units[1].target = Pieces{Piece{Kind::Text, QStringLiteral("Zweiter"), 0, 0, 0}};
    file.units[1].state = TargetState::NeedsReview;
    QTemporaryDir dir;
    const QString xlf = writeTemp(dir, QStringLiteral("export.xlf"), writeXliff(file, XliffVersion::V1_2));
    const QString po = dir.filePath(QStringLiteral("export.po"));
    QProcess xliff2po;
    xliff2po.start(QStringLiteral("xliff2po"), {xlf, po});
    QVERIFY2(xliff2po.waitForFinished(60000), "xliff2po did not run (install translate-toolkit)");
    QVERIFY2(xliff2po.exitCode() == 0, xliff2po.readAllStandardError().constData());
    QFile result(po);
    QVERIFY(result.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(result.readAll());
    QCOMPARE(text.count(QLatin1String("\nmsgid ")), 3 + 1); // the header, then one per unit
    QVERIFY2(text.contains(QLatin1String("msgid \"Hi {{ customer.first_name }}, shop now\"")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("msgstr \"Hallo {{ customer.first_name }}, jetzt kaufen\"")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("msgid \"Tents\"\nmsgstr \"\"")), qPrintable(text));
    QCOMPARE(text.count(QLatin1String("#, fuzzy")), 1 + 1); // the header's, and the unit needing review
    QVERIFY(text.indexOf(QLatin1String("#, fuzzy"), text.indexOf(QLatin1String("body.u1"))) >
            text.indexOf(QLatin1String("body.u2")));
}

QTEST_GUILESS_MAIN(TestXliff)
#include "tst_xliff.moc"
