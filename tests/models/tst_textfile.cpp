// Text files users name (bodies, snippet values, templates, sample data, member lists): UTF-8 or the
// encoding named; binary data and undecodable bytes are refused, never saved with U+FFFD in them.
#include "models/common/textfile.h"

#include <QTemporaryDir>
#include <QTest>

using cio::models::TextFiles;

class TestTextFile : public QObject
{
    Q_OBJECT

private slots:
    void utf8AndByteOrderMarks();
    void legacyEncodingIsRefusedUnlessNamed();
    void binaryAndUnknown();
    void filesAndSizeLimit();
};

void TestTextFile::utf8AndByteOrderMarks()
{
    const auto plain = TextFiles::decode("Caf\xc3\xa9 {{ customer.first_name }}", QStringLiteral("a"));
    QVERIFY2(plain.ok(), qPrintable(plain.error));
    QCOMPARE(plain.text, QStringLiteral("Café {{ customer.first_name }}"));
    const auto bom = TextFiles::decode("\xef\xbb\xbfHej", QStringLiteral("b"));
    QCOMPARE(bom.text, QStringLiteral("Hej")); // the mark is not part of the text
    QByteArray utf16("\xff\xfe", 2);
    for (const QChar c : QStringLiteral("Grüße"))
        utf16 += QByteArray::fromRawData(reinterpret_cast<const char *>(&c), 2);
    const auto wide = TextFiles::decode(utf16, QStringLiteral("c"));
    QVERIFY2(wide.ok(), qPrintable(wide.error));
    QCOMPARE(wide.text, QStringLiteral("Grüße"));
}

void TestTextFile::legacyEncodingIsRefusedUnlessNamed()
{
    const QByteArray latin("<p>Hello</p>\n<p>Caf\xe9 cr\xe8me</p>\n");
    const auto refused = TextFiles::decode(latin, QStringLiteral("“body.html”"));
    QVERIFY(!refused.ok());
    QVERIFY(refused.text.isEmpty());
    QVERIFY2(refused.error.contains(QLatin1String("not UTF-8")) && refused.error.contains(QLatin1String("line 2")) &&
                 refused.error.contains(QLatin1String("--encoding")),
             qPrintable(refused.error));
    const auto named = TextFiles::decode(latin, QStringLiteral("“body.html”"), QStringLiteral("ISO-8859-1"));
    QVERIFY2(named.ok(), qPrintable(named.error));
    QCOMPARE(named.text, QStringLiteral("<p>Hello</p>\n<p>Café crème</p>\n"));
    if (TextFiles::isKnownEncoding(QStringLiteral("windows-1252"))) {
        const auto cp1252 = TextFiles::decode("\x93quoted\x94 \x80", QStringLiteral("x"), QStringLiteral("windows-1252"));
        QCOMPARE(cp1252.text, QStringLiteral("“quoted” €"));
    }
}

void TestTextFile::binaryAndUnknown()
{
    QByteArray binary("PK\x03\x04", 4);
    binary.append(QByteArray(64, '\0'));
    const auto zip = TextFiles::decode(binary, QStringLiteral("“list.xlsx”"));
    QVERIFY(!zip.ok());
    QVERIFY2(zip.error.contains(QLatin1String("binary")), qPrintable(zip.error));
    const auto unknown = TextFiles::decode("abc", QStringLiteral("x"), QStringLiteral("klingon-8"));
    QVERIFY(!unknown.ok());
    QVERIFY2(unknown.error.contains(QLatin1String("klingon-8")), qPrintable(unknown.error));

    // UTF-16 named by --encoding has zero bytes in every ASCII character: text, not binary; a NUL
    // character is binary in any encoding (both found by fuzz_textfile).
    const QString text = QStringLiteral("Grüße, {{ customer.first_name }}");
    QByteArray utf16(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
    const auto named = TextFiles::decode(utf16, QStringLiteral("x"), QStringLiteral("utf-16le"));
    QVERIFY2(named.ok(), qPrintable(named.error));
    QCOMPARE(named.text, text);
    const auto nul = TextFiles::decode(QByteArray("\xff\xfe" "a\0\0\0b\0", 8), QStringLiteral("x"));
    QVERIFY(!nul.ok());
    QVERIFY2(nul.error.contains(QLatin1String("binary")), qPrintable(nul.error));

    // UTF-32 (by its mark) with code points past U+10FFFF: Qt decodes them to lone surrogates without an
    // error; refused, not read as garbage (found by fuzz_textfile). A valid UTF-32 file reads.
    const QByteArray badUtf32 = QByteArray::fromHex("0000feff" "fdfffdff" "00000041");
    const auto bad = TextFiles::decode(badUtf32, QStringLiteral("x"));
    QVERIFY(!bad.ok());
    const QByteArray goodUtf32 = QByteArray::fromHex("0000feff" "00000047" "000000fc" "0001f600");
    const auto good = TextFiles::decode(goodUtf32, QStringLiteral("x"));
    QVERIFY2(good.ok(), qPrintable(good.error));
    QCOMPARE(good.text, QString::fromUtf8("Gü\xF0\x9F\x98\x80"));
}

void TestTextFile::filesAndSizeLimit()
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("big.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, 'a'));
    file.close();
    QCOMPARE(TextFiles::read(file.fileName()).text.size(), 2048);
    const auto tooBig = TextFiles::read(file.fileName(), {}, 1024);
    QVERIFY(!tooBig.ok());
    QVERIFY2(tooBig.error.contains(QLatin1String("big.txt")), qPrintable(tooBig.error));
    const auto missing = TextFiles::read(dir.filePath(QStringLiteral("none.txt")));
    QVERIFY(!missing.ok());
    QVERIFY2(missing.error.contains(QLatin1String("none.txt")), qPrintable(missing.error));
}

QTEST_GUILESS_MAIN(TestTextFile)
#include "tst_textfile.moc"
