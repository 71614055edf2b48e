// The English plural forms reach the texts: "1 error", "2 errors", never "error(s)".
#include "translations/i18n.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestI18n : public QObject
{
    Q_OBJECT

private slots:
    void pluralForms();
    void everyCountedTextHasItsForms();
};

void TestI18n::pluralForms()
{
    cio::i18n::installTranslations();
    QCOMPARE(QCoreApplication::translate("cio::app::Cli", "%n error(s)", nullptr, 1),
             QStringLiteral("1 error"));
    QCOMPARE(QCoreApplication::translate("cio::app::Cli", "%n error(s)", nullptr, 3),
             QStringLiteral("3 errors"));
    QCOMPARE(QCoreApplication::translate("cio::ui::QaPanel", "%n warning(s)", nullptr, 0),
             QStringLiteral("0 warnings"));
}

// scripts/update-plurals.py must have run after a counted text was added: every "%n …(s)" text of the
// sources is in the translation file.
void TestI18n::everyCountedTextHasItsForms()
{
    QFile ts(QStringLiteral(CIO_SOURCE_DIR "/translations/cio-studio_en.ts"));
    QVERIFY(ts.open(QIODevice::ReadOnly));
    const QString translations = QString::fromUtf8(ts.readAll());
    static const QRegularExpression counted(QStringLiteral(R"(tr\(\s*"([^"]*%n[^"]*)\")"));
    for (const char *folder : {"app", "ui", "models", "api", "qa", "liquid"}) {
        QDirIterator it(QStringLiteral(CIO_SOURCE_DIR "/") + QLatin1String(folder), {QStringLiteral("*.cpp")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile source(it.next());
            QVERIFY(source.open(QIODevice::ReadOnly));
            // Adjacent literals ("a "\n "b") are one text.
            static const QRegularExpression adjacent(QStringLiteral("\"\\s*\\n\\s*\""));
            const QString text = QString::fromUtf8(source.readAll()).replace(adjacent, QString());
            auto matches = counted.globalMatch(text);
            while (matches.hasNext()) {
                QString wanted = matches.next().captured(1);
                wanted.replace(QLatin1String("\\n"), QLatin1String("\n")) // the escape as the text holds it
                    .replace(QLatin1String("&"), QLatin1String("&amp;"))
                    .replace(QLatin1String("<"), QLatin1String("&lt;"));
                QVERIFY2(
                    translations.contains(QStringLiteral("<source>") + wanted + QStringLiteral("</source>")),
                    qPrintable(it.filePath() + QStringLiteral(": ") + wanted +
                               QStringLiteral(" — run scripts/update-plurals.py")));
            }
        }
    }
}

QTEST_GUILESS_MAIN(TestI18n)

#include "tst_i18n.moc"
