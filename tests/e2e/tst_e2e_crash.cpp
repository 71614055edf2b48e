// Crash recovery, proven by killing the app: this program starts itself as the real app (Studio, the
// demo workspace pointed at a sandbox that lives in the test process), opens a variant, types into its
// subject and body a character at a time — saving now and then — and is killed with SIGKILL at a random
// moment. After every kill the draft store (what a restart reads) must hold every keystroke older than
// 300 ms, the server must hold the old version or one whole saved version (never a mix), and now and
// then a real restart must show the recovered text in the editor.
//
// The app side is driven from inside (Qt Test key clicks on the editor's own widgets), never by screen
// coordinates. CIO_CRASH_TRIALS sets the number of kills (default 50).
#include "../common/testhome.h"
#include "api/appapi.h"
#include "api/client.h"
#include "app/demosandbox.h"
#include "app/studio.h"
#include "models/store/localstore.h"
#include "sandbox/datastore.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/webenginetest.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/editor/varianteditor.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/newsletterpage.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTimer>

#include <cstdio>

namespace {

constexpr auto ApiKey = "crash-harness-key";
constexpr qint64 NewsletterId = 193;
constexpr int RecoveryWindowMs = 300;

// The characters typed, in order: the same in the app and in the checks.
QChar typedChar(int i)
{
    return QLatin1Char("abcdefghijklmnopqrstuvwxyz0123456789"[i % 36]);
}

QString typedText(int count)
{
    QString s;
    for (int i = 0; i < count; ++i)
        s += typedChar(i);
    return s;
}

qint64 now()
{
    return QDateTime::currentMSecsSinceEpoch();
}

void say(const QByteArray &line)
{
    std::fputs(line.constData(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

// ---- the app side -------------------------------------------------------------------------------

int runChild()
{
    const QByteArray mode = qgetenv("CIO_CRASH_CHILD");
    const qint64 contentId = qEnvironmentVariableIntValue("CIO_CRASH_CONTENT");
    const int saveAfter = qEnvironmentVariableIntValue("CIO_CRASH_SAVE_AFTER");
    cio::app::DemoSandbox::setExternalForTests(QUrl(qEnvironmentVariable("CIO_CRASH_URL")),
                                               QString::fromLatin1(ApiKey));
    cio::app::Studio studio;
    if (!studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}))
        return 3;
    cio::ui::MainWindow *window = studio.mainWindow();
    window->resize(1366, 768);
    if (!QTest::qWaitFor([window] { return window->newsletterDetailPage() != nullptr; }, 20000))
        return 4;
    window->openNewsletter(NewsletterId);
    cio::ui::NewsletterPage *page = window->newsletterDetailPage();
    if (!QTest::qWaitFor([page] { return page->newsletterId() == NewsletterId && !page->isLoading(); }, 20000))
        return 5;
    window->openVariant(NewsletterId, contentId);
    cio::ui::VariantEditor *editor = window->variantEditor();
    if (!QTest::qWaitFor([editor, contentId] { return editor->isVisible() && editor->base().id == contentId; },
                         20000))
        return 6;
    if (mode == "check") { // a restart: what does the editor show?
        QTest::qWait(200);
        say(QJsonDocument(QJsonObject{{QStringLiteral("subject"), editor->subjectEdit()->text()},
                                      {QStringLiteral("body"), editor->bodyEdit()->text()}})
                .toJson(QJsonDocument::Compact));
        return 0;
    }
    // Typing: one character every 15–45 ms, alternately into the subject (a key click on the line edit)
    // and the end of the body; each one reported with the time it was typed.
    editor->subjectEdit()->setFocus();
    editor->subjectEdit()->end(false);
    say("ready " + QByteArray::number(now()));
    int typed = 0;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, [&] {
        const QChar c = typedChar(typed);
        QTest::keyClick(editor->subjectEdit(), c.toLatin1());
        cio::ui::CodeEditor *body = editor->bodyEdit();
        body->append(QString(c));
        ++typed;
        say("typed " + QByteArray::number(typed) + ' ' + QByteArray::number(now()));
        if (saveAfter > 0 && typed == saveAfter) {
            cio::ui::MessageBox::setNextAnswer(QMessageBox::Save); // whatever the checks find
            say("save " + QByteArray::number(typed) + ' ' + QByteArray::number(now()));
            editor->save();
        }
        timer.start(15 + int(QRandomGenerator::global()->bounded(30)));
    });
    timer.start(20);
    return QApplication::exec();
}

} // namespace

// ---- the harness --------------------------------------------------------------------------------

class TestE2eCrash : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void killedWhileEditingAndSavingLosesNothing();

private:
    struct Child
    {
        int exitCode = -1;
        QList<QByteArray> lines;
    };
    QProcessEnvironment childEnvironment(const QByteArray &mode, int saveAfter) const;
    Child runCheck();

    cio::sandbox::Server m_server;
    qint64 m_contentId = 0;
    QJsonObject m_original;
};

void TestE2eCrash::initTestCase()
{
    cio::test::freshHome();
    cio::sandbox::Options options;
    options.apiKey = QString::fromLatin1(ApiKey);
    QString error;
    QVERIFY2(m_server.start(options, &error), qPrintable(error));
    // An HTML variant (its body can be saved) of the newsletter, not its Default.
    cio::api::ConnectionSettings settings;
    settings.baseUrl = m_server.url();
    settings.apiKey = options.apiKey;
    cio::api::Client client(settings);
    QList<cio::api::Content> contents;
    bool answered = false;
    cio::api::AppApi(&client).contents(NewsletterId, this,
                                       [&](const QList<cio::api::Content> &list, const cio::api::Error &e) {
                                           QVERIFY2(!e.isError(), qPrintable(e.message()));
                                           contents = list;
                                           answered = true;
                                       });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    for (const cio::api::Content &c : std::as_const(contents)) {
        if (!c.language.isEmpty() && c.isEmail() &&
            m_server.data().content(c.id).value(QLatin1String("editor")).toString() == QLatin1String("html")) {
            m_contentId = c.id;
            break;
        }
    }
    QVERIFY2(m_contentId, "newsletter 193 has an HTML translation");
    m_original = m_server.data().content(m_contentId);
}

QProcessEnvironment TestE2eCrash::childEnvironment(const QByteArray &mode, int saveAfter) const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CIO_CRASH_CHILD"), QString::fromLatin1(mode));
    env.insert(QStringLiteral("CIO_CRASH_URL"), m_server.url().toString());
    env.insert(QStringLiteral("CIO_CRASH_CONTENT"), QString::number(m_contentId));
    env.insert(QStringLiteral("CIO_CRASH_SAVE_AFTER"), QString::number(saveAfter));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

TestE2eCrash::Child TestE2eCrash::runCheck()
{
    QProcess process;
    process.setProcessEnvironment(childEnvironment("check", 0));
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QCoreApplication::applicationFilePath(), {});
    Child child;
    if (!finished.wait(60000)) {
        process.kill();
        return child;
    }
    child.exitCode = process.exitCode();
    child.lines = process.readAllStandardOutput().split('\n');
    return child;
}

void TestE2eCrash::killedWhileEditingAndSavingLosesNothing()
{
    const int trials = qMax(1, qEnvironmentVariableIntValue("CIO_CRASH_TRIALS") > 0
                                   ? qEnvironmentVariableIntValue("CIO_CRASH_TRIALS")
                                   : 50);
    const QString storePath = cio::models::LocalStore::pathFor(QStringLiteral("demo"));
    const QString subject0 = m_original.value(QLatin1String("subject")).toString();
    const QString body0 = m_original.value(QLatin1String("body")).toString();
    QRandomGenerator random(20261205);
    int recovered = 0, savesKilled = 0, restarts = 0, restartsRight = 0;
    QStringList problems;

    for (int trial = 0; trial < trials; ++trial) {
        // Every third trial saves after a few characters and may be killed while the save is under way.
        const bool saving = trial % 3 == 2;
        const int saveAfter = saving ? 3 + int(random.bounded(12)) : 0;
        QProcess child;
        child.setProcessEnvironment(childEnvironment("type", saveAfter));
        child.start(QCoreApplication::applicationFilePath(), {});
        QVERIFY2(child.waitForStarted(10000), qPrintable(child.errorString()));
        QByteArray out;
        qint64 readyAt = 0;
        QElapsedTimer waited;
        waited.start();
        while (!readyAt && waited.elapsed() < 60000) {
            QTest::qWait(20);
            out += child.readAllStandardOutput();
            for (const QByteArray &line : out.split('\n')) {
                if (line.startsWith("ready "))
                    readyAt = line.mid(6).toLongLong();
            }
            QVERIFY2(child.state() == QProcess::Running, child.readAllStandardError().right(2000).constData());
        }
        QVERIFY2(readyAt, "the app opened the variant");
        // A random moment: early in typing, around a save, or well after it.
        const int killAfterMs = saving ? 100 + int(random.bounded(1200)) : 50 + int(random.bounded(1500));
        while (now() < readyAt + killAfterMs)
            QTest::qWait(5);
        const qint64 killedAt = now();
        child.kill(); // SIGKILL: no destructor, no flush, no goodbye
        QVERIFY(child.waitForFinished(10000));
        out += child.readAllStandardOutput();
        // A request the app sent just before it died may still wait in the sandbox's socket: let the
        // sandbox (in this process) take it before looking, or it lands after the reset, in the next trial.
        QTest::qWait(300);

        // What was typed, and when.
        int mustHave = 0, typedTotal = 0, savedAt = 0;
        for (const QByteArray &line : out.split('\n')) {
            const QList<QByteArray> parts = line.split(' ');
            if (parts.size() == 3 && parts[0] == "typed") {
                typedTotal = parts[1].toInt();
                if (parts[2].toLongLong() <= killedAt - RecoveryWindowMs)
                    mustHave = typedTotal;
            } else if (parts.size() == 3 && parts[0] == "save") {
                savedAt = parts[1].toInt();
            }
        }
        if (savedAt)
            ++savesKilled;

        // The server: the original, or exactly one save's version of both fields.
        const QJsonObject server = m_server.data().content(m_contentId);
        const QString serverSubject = server.value(QLatin1String("subject")).toString();
        const QString serverBody = server.value(QLatin1String("body")).toString();
        const bool untouched = serverSubject == subject0 && serverBody == body0;
        // A save sends what the fields hold once its checks have run, so a few more characters than at
        // the moment Save was pressed; but both fields from the same moment.
        const qsizetype savedChars = serverSubject.size() - subject0.size();
        const bool wholeSave = savedAt > 0 && savedChars >= savedAt &&
                               serverSubject == subject0 + typedText(int(savedChars)) &&
                               serverBody == body0 + typedText(int(savedChars));
        if (!untouched && !wholeSave)
            problems << QStringLiteral("trial %1: the server holds a mix: subject +%2 characters, body +%3")
                            .arg(trial)
                            .arg(serverSubject.size() - subject0.size())
                            .arg(serverBody.size() - body0.size());

        // The draft store, as the next start reads it; without a draft, what the server holds.
        QString subject = serverSubject, body = serverBody;
        {
            cio::models::LocalStore store;
            QString error;
            QVERIFY2(store.open(storePath, &error), qPrintable(error));
            if (const auto draft = store.draft(m_contentId)) {
                subject = draft->fields.value(QLatin1String("subject")).toString(subject);
                body = draft->fields.value(QLatin1String("body")).toString(body);
            }
        }
        const auto kept = [](const QString &text, const QString &original) {
            return text.startsWith(original) ? int(text.size() - original.size()) : -1;
        };
        const int keptSubject = kept(subject, subject0), keptBody = kept(body, body0);
        const bool whole = keptSubject >= mustHave && keptBody >= mustHave &&
                           subject == subject0 + typedText(keptSubject) && body == body0 + typedText(keptBody);
        if (whole)
            ++recovered;
        else
            problems << QStringLiteral("trial %1: typed %2 (%3 older than %4 ms), recovered %5 in the subject "
                                       "and %6 in the body")
                            .arg(trial)
                            .arg(typedTotal)
                            .arg(mustHave)
                            .arg(RecoveryWindowMs)
                            .arg(keptSubject)
                            .arg(keptBody);

        // Now and then a real restart: the editor opens with the recovered text.
        if (!saving && trial % 10 == 0) {
            ++restarts;
            const Child check = runCheck();
            const QJsonObject shown = QJsonDocument::fromJson(check.lines.value(0)).object();
            if (check.exitCode == 0 && shown.value(QLatin1String("subject")).toString() == subject &&
                shown.value(QLatin1String("body")).toString() == body)
                ++restartsRight;
            else
                problems << QStringLiteral("trial %1: after a restart the editor shows subject “%2” (exit %3)")
                                .arg(trial)
                                .arg(shown.value(QLatin1String("subject")).toString())
                                .arg(check.exitCode);
        }

        // The next trial starts from the original version and no draft.
        m_server.data().updateContent(m_contentId, {{QStringLiteral("subject"), subject0},
                                                    {QStringLiteral("body"), body0}});
        for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
            QFile::remove(storePath + suffix);
    }
    qInfo().noquote() << QStringLiteral("kill -9 trials: %1 tried / %2 recovered (%3 while saving); restarts "
                                        "%4 / %5 showed the recovered text")
                             .arg(trials)
                             .arg(recovered)
                             .arg(savesKilled)
                             .arg(restartsRight)
                             .arg(restarts);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(recovered, trials);
}

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsSet("CIO_CRASH_CHILD")) {
        cio::webengine::prepareBeforeApplication();
        QApplication app(argc, argv);
        const int result = runChild();
        std::_Exit(result); // the check child leaves at once; WebEngine's teardown is not under test
    }
    qputenv("QTEST_FUNCTION_TIMEOUT", "1700000");
    return cio::test::runWebEngineTest<TestE2eCrash>(argc, argv);
}

#include "tst_e2e_crash.moc"
