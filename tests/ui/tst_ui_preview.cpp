// The email preview, offscreen with a real Chromium: what it loads, what it refuses, what it runs.
// A loopback HTTP server stands in for an email's image host and counts every request it receives.
#include "api/client.h"
#include "models/workspacesession.h"
#include "tests/common/webenginetest.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/preview/languagegrid.h"
#include "ui/preview/previewdocument.h"
#include "ui/preview/previewpage.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QWebEngineScript>
#include <QWebEngineView>

using cio::ui::MessageBox;
using cio::ui::PreviewView;

namespace {

// A 1×1 transparent GIF: the tracking pixel and the "photo" alike.
const QByteArray Gif = QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT

public slots:
    // Stands in for the system browser (QDesktopServices::setUrlHandler): records what it was asked to open.
    void openUrl(const QUrl &url) { m_opened.append(url); }

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void blocksRemoteContentAndScripts();
    void imagesOffRequestNothing();
    void allowedImagesLoad();
    void linksNeverNavigate();
    void clickedLinkKeepsThePreview_data();
    void clickedLinkKeepsThePreview();
    void framesAndObjectsAreLeftOutVisibly();
    void leftOutElementsAreFound_data();
    void leftOutElementsAreFound();
    void remoteContentIsAskedAgainForEachOpening();
    void languageGridColumnsKeepTheirWidth();
    void languageGridFitsTheScreen();
    void largeEmailsPreview();
    void darkModeAnswersTheMediaQuery();
    void updatesKeepTheScrollPosition();
    void subjectIsText();
    void hostileEmailReachesNothing();

private:
    QString email() const;
    void show(PreviewView &view, const QString &body);
    QVariant eval(PreviewView &view, const QString &script);
    void click(PreviewView &view, const QString &elementId);

    QHttpServer m_server;
    QTcpServer *m_tcp = nullptr;
    int m_connections = 0; // TCP connections, requests or not (preconnect opens one without asking)
    QStringList m_requests;
    QUrl m_base;
    QList<QUrl> m_opened;
    // A workspace without a local store, as the previews' owner: its Liquid engine renders for them.
    std::unique_ptr<cio::models::WorkspaceSession> m_session =
        std::make_unique<cio::models::WorkspaceSession>(cio::models::WorkspaceProfile{},
                                                        cio::api::ConnectionSettings{});
};

void TestPreview::initTestCase()
{
    m_server.route(QStringLiteral("/<arg>"), [this](const QString &file, const QHttpServerRequest &) {
        m_requests.append(file);
        return QHttpServerResponse(QByteArrayLiteral("image/gif"), Gif);
    });
    m_tcp = new QTcpServer(this);
    QVERIFY(m_tcp->listen(QHostAddress::LocalHost));
    connect(m_tcp, &QTcpServer::newConnection, this, [this] { ++m_connections; });
    m_server.bind(m_tcp);
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp->serverPort()));
    for (const char *scheme : {"https", "http", "mailto"})
        QDesktopServices::setUrlHandler(QLatin1String(scheme), this, "openUrl");
}

void TestPreview::cleanupTestCase()
{
    for (const char *scheme : {"https", "http", "mailto"})
        QDesktopServices::unsetUrlHandler(QLatin1String(scheme));
}

void TestPreview::init()
{
    m_requests.clear();
    m_opened.clear();
    m_connections = 0;
}

QString TestPreview::email() const
{
    const QString host = m_base.toString();
    return QStringLiteral(
               "<html><head><title>original</title></head><body>"
               "<h1 id='h'>Hello</h1>"
               "<img id='photo' src='%1/photo.gif' width='40' height='40'>"
               "<img src='%1/open-pixel.gif' width='1' height='1'>"
               "<script>document.title = 'script ran'; new Image().src = '%1/script-beacon.gif';</script>"
               "<p><a id='link' href='https://example.com/offer?id=7' "
               "style='display:block;width:200px;height:40px'>See the offer</a></p>"
               "</body></html>")
        .arg(host);
}

void TestPreview::show(PreviewView &view, const QString &body)
{
    QSignalSpy loaded(&view, &PreviewView::documentLoaded);
    view.showEmail(QStringLiteral("Subject"), QStringLiteral("Preheader"), body);
    QVERIFY(loaded.wait(20000));
    QVERIFY(loaded.first().first().toBool());
    // Give any request the page might still make a moment to reach the server.
    QTest::qWait(300);
}

QVariant TestPreview::eval(PreviewView &view, const QString &script)
{
    // Our own isolated world: the email's JavaScript stays off, ours may read the document.
    QVariant result;
    bool done = false;
    view.page()->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &v) {
        result = v;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 10000))
        qWarning("script did not answer: %s", qPrintable(script));
    return result;
}

void TestPreview::blocksRemoteContentAndScripts()
{
    PreviewView view(m_session->previewProfile());
    view.resize(800, 600);
    view.show();
    QVERIFY(view.webView());
    show(view, email());
    QVERIFY2(m_requests.isEmpty(), qPrintable(m_requests.join(QLatin1Char(' '))));
    QCOMPARE(eval(view, QStringLiteral("document.title")).toString(), QStringLiteral("original"));
    QCOMPARE(eval(view, QStringLiteral("document.getElementById('h').textContent")).toString(),
             QStringLiteral("Hello"));
    // Both remote images were asked for and refused; the user is told and can allow them.
    QTRY_VERIFY(view.blockedRequests() >= 2);
    auto *bar = view.findChild<cio::ui::MessageWidget *>(QStringLiteral("previewBlockedBar"));
    QVERIFY(bar && bar->isVisible());
    QVERIFY2(bar->text().contains(QLatin1String("blocked"), Qt::CaseInsensitive), qPrintable(bar->text()));
    QCOMPARE(eval(view, QStringLiteral("document.getElementById('photo').naturalWidth")).toInt(), 0);
}

void TestPreview::imagesOffRequestNothing()
{
    PreviewView view(m_session->previewProfile());
    view.setImagesEnabled(false);
    view.setRemoteContentAllowed(true); // even allowed, images off means no image request at all
    view.resize(800, 600);
    view.show();
    show(view, email());
    QVERIFY2(m_requests.isEmpty(), qPrintable(m_requests.join(QLatin1Char(' '))));
    QCOMPARE(eval(view, QStringLiteral("document.title")).toString(), QStringLiteral("original"));
}

void TestPreview::allowedImagesLoad()
{
    PreviewView view(m_session->previewProfile());
    view.resize(800, 600);
    view.show();
    show(view, email());
    QVERIFY(m_requests.isEmpty());
    // "Load Remote Content" for this preview: the images load, the script still does not run.
    view.setRemoteContentAllowed(true);
    QSignalSpy loaded(&view, &PreviewView::documentLoaded);
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(m_requests.contains(QStringLiteral("photo.gif")), 10000);
    QVERIFY(m_requests.contains(QStringLiteral("open-pixel.gif")));
    QVERIFY(!m_requests.contains(QStringLiteral("script-beacon.gif")));
    QTRY_COMPARE(eval(view, QStringLiteral("document.getElementById('photo').naturalWidth")).toInt(), 1);
    QCOMPARE(eval(view, QStringLiteral("document.title")).toString(), QStringLiteral("original"));
    // Another preview has its own permission.
    PreviewView other(m_session->previewProfile());
    other.show();
    QVERIFY(!other.remoteContentAllowed());
}

void TestPreview::linksNeverNavigate()
{
    PreviewView view(m_session->previewProfile());
    view.resize(800, 600);
    view.show();
    show(view, email());
    const QUrl before = view.page()->url();
    QSignalSpy clicked(&view, &PreviewView::linkActivated);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    click(view, QStringLiteral("link"));
    QTRY_COMPARE_WITH_TIMEOUT(clicked.size(), 1, 10000);
    QCOMPARE(clicked.first().first().toUrl(), QUrl(QStringLiteral("https://example.com/offer?id=7")));
    QTest::qWait(300);
    QCOMPARE(view.page()->url(), before);
    QCOMPARE(eval(view, QStringLiteral("document.getElementById('h').textContent")).toString(),
             QStringLiteral("Hello"));
    auto *bar = view.findChild<cio::ui::MessageWidget *>(QStringLiteral("previewLinkBar"));
    QVERIFY(bar && bar->isVisible());
    QVERIFY(bar->text().contains(QLatin1String("https://example.com/offer?id=7")));
    QCOMPARE(view.lastLink(), QUrl(QStringLiteral("https://example.com/offer?id=7")));
    QVERIFY(m_opened.isEmpty()); // answered Cancel
}

void TestPreview::click(PreviewView &view, const QString &elementId)
{
    // A real click at the element's place on screen.
    const QVariantList rect =
        eval(view, QStringLiteral("(() => { const r = document.getElementById('%1')"
                                  ".getBoundingClientRect(); return [r.x + 10, r.y + 10]; })()")
                       .arg(elementId))
            .toList();
    QCOMPARE(rect.size(), 2);
    QWidget *target = view.webView()->focusProxy() ? view.webView()->focusProxy() : view.webView();
    QTest::mouseClick(target, Qt::LeftButton, {}, QPoint(rect.at(0).toInt(), rect.at(1).toInt()));
}

void TestPreview::clickedLinkKeepsThePreview_data()
{
    QTest::addColumn<QString>("anchor");
    QTest::addColumn<int>("answer");
    QTest::addColumn<QUrl>("opened"); // empty: nothing opened
    QTest::addColumn<QString>("note");
    const QUrl offer(QStringLiteral("https://example.com/offer?id=7&utm_source=email"));
    QTest::newRow("web link, opened")
        << QStringLiteral("href='https://example.com/offer?id=7&amp;utm_source=email'")
        << int(QMessageBox::Open) << offer << QStringLiteral("Opened");
    QTest::newRow("web link, cancelled")
        << QStringLiteral("href='https://example.com/offer?id=7&amp;utm_source=email'")
        << int(QMessageBox::Cancel) << QUrl() << QStringLiteral("not opened");
    QTest::newRow("new-window link")
        << QStringLiteral("target='_blank' href='https://example.com/offer?id=7&amp;utm_source=email'")
        << int(QMessageBox::Open) << offer << QStringLiteral("Opened");
    QTest::newRow("mail link") << QStringLiteral("href='mailto:help@example.com'") << int(QMessageBox::Open)
                               << QUrl(QStringLiteral("mailto:help@example.com")) << QStringLiteral("Opened");
    // A relative link resolves to the preview's own scheme: no browser can open that.
    QTest::newRow("relative link") << QStringLiteral("href='terms.html'") << -1 << QUrl()
                                   << QStringLiteral("only web and email links");
}

void TestPreview::clickedLinkKeepsThePreview()
{
    QFETCH(QString, anchor);
    QFETCH(int, answer);
    QFETCH(QUrl, opened);
    QFETCH(QString, note);
    QString body = QStringLiteral("<html><body><h1 id='h'>Hello</h1>");
    for (int i = 0; i < 120; ++i)
        body += QStringLiteral("<p>Line %1</p>").arg(i);
    body +=
        QStringLiteral("<a id='link' %1 style='display:block;width:200px;height:40px'>Go</a>").arg(anchor);
    for (int i = 0; i < 120; ++i)
        body += QStringLiteral("<p>More %1</p>").arg(i);
    body += QStringLiteral("</body></html>");
    PreviewView view(m_session->previewProfile());
    view.resize(800, 500);
    view.show();
    show(view, body);
    eval(view, QStringLiteral("document.getElementById('link').scrollIntoView()"));
    QTRY_VERIFY(view.page()->scrollPosition().y() > 500);
    const int scrolled = eval(view, QStringLiteral("window.scrollY")).toInt();
    const QUrl before = view.page()->url();

    if (answer >= 0)
        MessageBox::setNextAnswer(QMessageBox::StandardButton(answer));
    const QString askedBefore = MessageBox::lastText();
    QSignalSpy clicked(&view, &PreviewView::linkActivated);
    click(view, QStringLiteral("link"));
    QTRY_COMPARE_WITH_TIMEOUT(clicked.size(), 1, 10000);
    auto *bar = view.findChild<cio::ui::MessageWidget *>(QStringLiteral("previewLinkBar"));
    QVERIFY(bar);
    QTRY_VERIFY(bar->isVisible());
    QVERIFY2(bar->text().contains(note), qPrintable(bar->text()));
    if (answer >= 0) {
        // The question shows the whole address, query included.
        QVERIFY2(
            MessageBox::lastText().contains(clicked.first().first().toUrl().toString(QUrl::FullyEncoded)),
            qPrintable(MessageBox::lastText()));
    } else {
        QCOMPARE(MessageBox::lastText(), askedBefore); // refused without asking
    }
    QCOMPARE(m_opened, opened.isEmpty() ? QList<QUrl>() : QList<QUrl>{opened});

    // The email is still there, as it was: same document, shown, same place.
    QTest::qWait(500);
    QVERIFY(view.webView()->isVisible());
    QCOMPARE(view.page()->url(), before);
    QCOMPARE(eval(view, QStringLiteral("document.getElementById('h').textContent")).toString(),
             QStringLiteral("Hello"));
    QCOMPARE(eval(view, QStringLiteral("window.scrollY")).toInt(), scrolled);
}

void TestPreview::framesAndObjectsAreLeftOutVisibly()
{
    const QString host = m_base.toString();
    const QString body =
        QStringLiteral("<html><head><title>t</title></head><body><p id='before'>Before</p>"
                       "<iframe src='%1/frame.html' width='560' height='315'>fallback</iframe>"
                       "<object data='%1/movie.swf' type='application/x-shockwave-flash'>"
                       "<p>no flash</p></object>"
                       "<embed src='%1/clip.pdf' type='application/pdf'>"
                       "<img id='photo' src='%1/photo.gif' width='40' height='40'>"
                       "<p id='after'>After</p></body></html>")
            .arg(host);
    PreviewView view(m_session->previewProfile());
    view.setRemoteContentAllowed(true); // what can load safely does
    view.resize(800, 700);
    view.show();
    show(view, body);
    QVERIFY(view.webView()->isVisible());
    QCOMPARE(eval(view, QStringLiteral("document.getElementById('after').textContent")).toString(),
             QStringLiteral("After"));
    QCOMPARE(eval(view, QStringLiteral("document.querySelectorAll('iframe, object, embed').length")).toInt(),
             0);
    QCOMPARE(eval(view, QStringLiteral("document.querySelectorAll('.cio-left-out').length")).toInt(), 3);
    // The box keeps the frame's size, so the layout around it stays as the recipient would see it.
    QCOMPARE(eval(view, QStringLiteral("document.querySelector('.cio-left-out').offsetWidth")).toInt(), 560);
    QTRY_VERIFY_WITH_TIMEOUT(m_requests.contains(QStringLiteral("photo.gif")), 10000);
    QVERIFY2(!m_requests.contains(QStringLiteral("frame.html")) &&
                 !m_requests.contains(QStringLiteral("movie.swf")) &&
                 !m_requests.contains(QStringLiteral("clip.pdf")),
             qPrintable(m_requests.join(QLatin1Char(' '))));
    auto *bar = view.findChild<cio::ui::MessageWidget *>(QStringLiteral("previewLeftOutBar"));
    QVERIFY(bar && bar->isVisible());
    // "(s)" until an English plural translation is loaded, as elsewhere in the app.
    const QRegularExpression summary(
        QStringLiteral(R"(Left out of the preview: 1 iframe(\(s\))? \(%1/frame\.html\), 2 embedded object)")
            .arg(QRegularExpression::escape(host)));
    QVERIFY2(summary.match(bar->text()).hasMatch(), qPrintable(bar->text()));
    QVERIFY2(bar->text().contains(host + QLatin1String("/clip.pdf")), qPrintable(bar->text()));
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        view.grab().save(dir + QLatin1String("/preview-left-out.png"));

    // An email without any: no notice.
    show(view, email());
    QVERIFY(!bar->isVisible());
    QVERIFY(view.leftOut().isEmpty());
}

void TestPreview::leftOutElementsAreFound_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QStringList>("urls"); // "frame:<url>" or "object:<url>", in order
    QTest::addColumn<QString>("kept");     // text that must stay in the document
    QTest::newRow("iframe with fallback")
        << QStringLiteral("<p>a</p><iframe src=\"https://v.example/1?a=1&amp;b=2\">"
                          "no frames</iframe><p>b</p>")
        << QStringList{QStringLiteral("frame:https://v.example/1?a=1&b=2")} << QStringLiteral("<p>b</p>");
    QTest::newRow("upper case, unquoted")
        << QStringLiteral("<IFRAME SRC=https://v.example/2></IFRAME>after")
        << QStringList{QStringLiteral("frame:https://v.example/2")} << QStringLiteral("after");
    QTest::newRow("unclosed iframe") << QStringLiteral("<iframe src='https://v.example/3'><p>rest</p>")
                                     << QStringList{QStringLiteral("frame:https://v.example/3")}
                                     << QStringLiteral("<p>rest</p>");
    QTest::newRow("object and embed")
        << QStringLiteral("<object data='https://o.example/a.swf'><embed src='https://o.example/b'>"
                          "</object><embed src=\"https://o.example/c.pdf\"/>x")
        << QStringList{QStringLiteral("object:https://o.example/a.swf"),
                       QStringLiteral("object:https://o.example/c.pdf")}
        << QStringLiteral("x");
    QTest::newRow("no source") << QStringLiteral("<iframe></iframe>y")
                               << QStringList{QStringLiteral("frame:")} << QStringLiteral("y");
    QTest::newRow("look-alikes stay")
        << QStringLiteral("<p data-src='iframe'>iframe <b>object</b></p><objects>") << QStringList{}
        << QStringLiteral("<objects>");
}

void TestPreview::leftOutElementsAreFound()
{
    QFETCH(QString, html);
    QFETCH(QStringList, urls);
    QFETCH(QString, kept);
    QList<cio::ui::LeftOut> leftOut;
    const QString document = cio::ui::previewDocument(html, {}, &leftOut);
    QStringList found;
    for (const cio::ui::LeftOut &item : leftOut)
        found.append((item.kind == cio::ui::LeftOut::Kind::Frame ? QStringLiteral("frame:")
                                                                 : QStringLiteral("object:")) +
                     item.url);
    QCOMPARE(found, urls);
    QVERIFY(document.contains(kept));
    static const QRegularExpression embedded(QStringLiteral("<(iframe|object|embed)\\b"),
                                             QRegularExpression::CaseInsensitiveOption);
    QVERIFY2(!embedded.match(document).hasMatch(), qPrintable(document));
    QCOMPARE(document.count(QLatin1String("class=\"cio-left-out\"")), urls.size());
}

// The editor calls setLanguage() each time it opens a variant, the same one too.
void TestPreview::remoteContentIsAskedAgainForEachOpening()
{
    cio::ui::VariantPreview preview(m_session.get());
    preview.resize(800, 600);
    preview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&preview));
    QSignalSpy updated(&preview, &cio::ui::VariantPreview::updated);
    preview.setLanguage(QStringLiteral("de"));
    preview.setTexts(QStringLiteral("Subject"), QString(), email(), false);
    QVERIFY(updated.wait(30000));
    PreviewView *view = preview.view();
    auto *bar = view->findChild<cio::ui::MessageWidget *>(QStringLiteral("previewBlockedBar"));
    QTRY_VERIFY(bar->isVisible());
    QVERIFY(m_requests.isEmpty());

    QSignalSpy loaded(view, &PreviewView::documentLoaded);
    view->setRemoteContentAllowed(true); // "Load Remote Content"
    QVERIFY(loaded.wait(20000));
    QTRY_VERIFY_WITH_TIMEOUT(m_requests.contains(QStringLiteral("photo.gif")), 10000);
    QVERIFY(!bar->isVisible());

    // The same variant opened again, unchanged: blocked again, and the notice is back.
    m_requests.clear();
    loaded.clear();
    preview.setLanguage(QStringLiteral("de"));
    preview.setTexts(QStringLiteral("Subject"), QString(), email(), false);
    QVERIFY(loaded.wait(20000));
    QVERIFY(!view->remoteContentAllowed());
    QTRY_VERIFY(bar->isVisible());
    QTest::qWait(300);
    QVERIFY2(m_requests.isEmpty(), qPrintable(m_requests.join(QLatin1Char(' '))));
    QCOMPARE(eval(*view, QStringLiteral("document.getElementById('photo').naturalWidth")).toInt(), 0);
}

namespace {

QList<cio::api::Content> gridContents()
{
    QList<cio::api::Content> contents;
    const QList<std::pair<QString, QString>> variants{
        {QString(), QStringLiteral("<p>Hello {{ customer.first_name | default: 'you' }}</p>")},
        {QStringLiteral("de"), QStringLiteral("<p>Hallo</p>")},
        // Liquid that cannot be parsed: this column fails.
        {QStringLiteral("fr"), QStringLiteral("<p>Bonjour {% if customer.vip %}</p>")},
    };
    qint64 id = 501;
    for (const auto &[language, body] : variants) {
        cio::api::Content c;
        c.id = id++;
        c.newsletterId = 50;
        c.language = language;
        c.subject = QStringLiteral("Subject ") + language;
        c.body = body;
        contents.append(c);
    }
    return contents;
}

} // namespace

void TestPreview::languageGridColumnsKeepTheirWidth()
{
    QSettings().remove(QStringLiteral("geometry/languageGrid"));
    cio::ui::LanguageGrid grid(gridContents(), {}, m_session.get());
    grid.resize(700, 500); // three columns do not fit: they scroll sideways instead of squeezing
    QSignalSpy rendered(&grid, &cio::ui::LanguageGrid::renderedAll);
    grid.show();
    QTRY_VERIFY_WITH_TIMEOUT(grid.isComplete(), 30000);
    QCOMPARE(grid.columns().size(), 3);
    for (QWidget *column : grid.columns())
        QVERIFY2(column->width() >= 375, qPrintable(QString::number(column->width())));
    // The failed column says why, in its full width.
    PreviewView *failed = grid.views().at(2);
    auto *problem = grid.columns().at(2)->findChild<QLabel *>(QStringLiteral("languageGridProblem"));
    QVERIFY(problem && problem->isVisible());
    QVERIFY2(problem->text().contains(QLatin1String("Liquid problem")), qPrintable(problem->text()));
    QVERIFY(failed->width() >= cio::ui::LanguageGrid::MinColumnWidth);
    auto *error = failed->findChild<QLabel *>(QStringLiteral("previewPlaceholder"));
    QVERIFY(error && error->isVisibleTo(failed));
    QVERIFY2(error->text().startsWith(QLatin1String("This language could not be rendered")),
             qPrintable(error->text()));
    QVERIFY(error->width() >= cio::ui::LanguageGrid::MinColumnWidth);
    auto *scroll = grid.findChild<QScrollArea *>(QStringLiteral("languageGridScroll"));
    QVERIFY(scroll && scroll->horizontalScrollBar()->maximum() > 0);
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QTest::qWait(500);
        grid.grab().save(dir + QLatin1String("/language-grid-columns.png"));
        scroll->horizontalScrollBar()->setValue(scroll->horizontalScrollBar()->maximum());
        QTest::qWait(300);
        grid.grab().save(dir + QLatin1String("/language-grid-failed.png"));
    }
}

void TestPreview::languageGridFitsTheScreen()
{
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    QVERIFY2(screen.width() < 1280 || screen.height() < 820, "the test wants a screen smaller than 1280×820");
    QSettings().remove(QStringLiteral("geometry/languageGrid"));
    QSize saved;
    {
        cio::ui::LanguageGrid grid(gridContents(), {}, m_session.get());
        QVERIFY2(screen.contains(grid.geometry()), qPrintable(QStringLiteral("%1,%2 %3×%4")
                                                                  .arg(grid.x())
                                                                  .arg(grid.y())
                                                                  .arg(grid.width())
                                                                  .arg(grid.height())));
        grid.show();
        QTRY_VERIFY_WITH_TIMEOUT(grid.isComplete(), 30000);
        auto *close = grid.findChild<QDialogButtonBox *>();
        QVERIFY(close);
        QVERIFY(screen.contains(QRect(close->mapToGlobal(QPoint()), close->size())));
        QVERIFY(grid.height() > 420);
        grid.resize(grid.width(), 400);
        saved = grid.size();
        grid.reject(); // remembered
    }
    {
        cio::ui::LanguageGrid grid(gridContents(), {}, m_session.get());
        QCOMPARE(grid.height(), saved.height());
        QVERIFY(screen.contains(grid.geometry()));
    }
    // A size saved on a larger monitor is kept only as far as this screen allows.
    QWidget big;
    big.setGeometry(0, 0, 2400, 1600);
    QSettings().setValue(QStringLiteral("geometry/languageGrid"), big.saveGeometry());
    cio::ui::LanguageGrid grid(gridContents(), {}, m_session.get());
    QVERIFY(screen.contains(grid.geometry()));
}

void TestPreview::largeEmailsPreview()
{
    // setHtml() stops at 2 MB; the preview's own scheme does not.
    QString body = QStringLiteral("<html><body><div id='end'>");
    const QString paragraph = QStringLiteral("<p>Liquid-rendered text of a very long newsletter.</p>\n");
    while (body.size() < 3 * 1024 * 1024)
        body += paragraph;
    body += QStringLiteral("</div><p id='last'>The end</p></body></html>");
    PreviewView view(m_session->previewProfile());
    view.resize(800, 600);
    view.show();
    show(view, body);
    QCOMPARE(eval(view, QStringLiteral("document.getElementById('last').textContent")).toString(),
             QStringLiteral("The end"));
    QVERIFY(eval(view, QStringLiteral("document.body.innerHTML.length")).toInt() > 3 * 1000 * 1000);
}

void TestPreview::darkModeAnswersTheMediaQuery()
{
    const QString body =
        QStringLiteral("<html><head><style>body { background: rgb(255, 255, 255); }"
                       "@media (prefers-color-scheme: dark) { body { background: rgb(1, 2, 3); } }"
                       "</style></head><body>x</body></html>");
    PreviewView view(m_session->previewProfile());
    view.resize(800, 600);
    view.show();
    show(view, body);
    const QString background = QStringLiteral("getComputedStyle(document.body).backgroundColor");
    QCOMPARE(eval(view, background).toString(), QStringLiteral("rgb(255, 255, 255)"));
    QSignalSpy loaded(&view, &PreviewView::documentLoaded);
    view.setDarkMode(true);
    QVERIFY(loaded.wait(20000));
    QCOMPARE(eval(view, background).toString(), QStringLiteral("rgb(1, 2, 3)"));
}

void TestPreview::updatesKeepTheScrollPosition()
{
    QString body = QStringLiteral("<html><body>");
    for (int i = 0; i < 300; ++i)
        body += QStringLiteral("<p>Line %1</p>").arg(i);
    body += QStringLiteral("</body></html>");
    PreviewView view(m_session->previewProfile());
    view.resize(800, 400);
    view.show();
    show(view, body);
    eval(view, QStringLiteral("window.scrollTo(0, 900)"));
    QTRY_VERIFY(view.page()->scrollPosition().y() > 800);
    show(view, body.replace(QLatin1String("Line 5<"), QLatin1String("Line five<")));
    QTRY_VERIFY_WITH_TIMEOUT(eval(view, QStringLiteral("window.scrollY")).toInt() > 800, 5000);
}

void TestPreview::subjectIsText()
{
    PreviewView view(m_session->previewProfile());
    view.show();
    view.showEmail(QStringLiteral("<b>Bold?</b> & more"), QStringLiteral("<i>pre</i>"),
                   QStringLiteral("<p>x</p>"));
    QCOMPARE(view.subjectText(), QStringLiteral("<b>Bold?</b> & more"));
    auto *subject = view.findChild<QLabel *>(QStringLiteral("previewSubject"));
    QVERIFY(subject);
    QCOMPARE(subject->textFormat(), Qt::PlainText);
    QCOMPARE(view.preheaderText(), QStringLiteral("<i>pre</i>"));
}

namespace {

// Every way an email can ask for something from elsewhere, each at the loopback listener.
QString hostileEmail(const QString &host)
{
    return QStringLiteral(
               "<html><head>"
               "<meta http-equiv='refresh' content='0;url=%1/refresh'>"
               "<base href='%1/base'>"
               "<link rel='stylesheet' href='%1/link.css'>"
               "<link rel='preconnect' href='%1'><link rel='dns-prefetch' href='%1'>"
               "<link rel='prefetch' href='%1/prefetch'><link rel='icon' href='%1/icon.ico'>"
               "<style>@import url('%1/import.css');"
               "@font-face{font-family:F;src:url('%1/font.woff')}body{font-family:F}"
               ".bg{background-image:url('%1/css-url.png')}</style>"
               "<script src='%1/script.js'></script>"
               "<script>fetch('%1/fetch');new Image().src='%1/beacon.gif';</script>"
               "</head><body background='%1/body-bg.png'>"
               "<img src='%1/pixel.gif' width='1' height='1'>"
               "<img srcset='%1/srcset.png 2x' src='data:,'>"
               "<picture><source srcset='%1/source.png'><img src='data:,'></picture>"
               "<div class='bg' style='width:20px;height:20px'></div>"
               "<div style=\"background:url('%1/inline-url.png')\">x</div>"
               "<table background='%1/table-bg.png'><tr><td>t</td></tr></table>"
               "<iframe src='%1/iframe'></iframe>"
               "<object data='%1/object'></object><embed src='%1/embed'>"
               "<video poster='%1/poster.png' src='%1/video.mp4' autoplay></video>"
               "<audio src='%1/audio.mp3' autoplay></audio>"
               "<svg width='10' height='10'><image href='%1/svg-image.png' width='10' height='10'/></svg>"
               "<form action='%1/form' method='post'><input name='q' value='x'><input type='submit'></form>"
               "<p>Hostile</p></body></html>")
        .arg(host);
}

} // namespace

// With remote content blocked (the default), nothing of a hostile email reaches its host — not a
// request, not even a connection — in the plain preview (the archived-copy view), the editor's and the
// snippet page's VariantPreview, and Preview All Languages.
void TestPreview::hostileEmailReachesNothing()
{
    const QString body = hostileEmail(m_base.toString());
    {
        PreviewView view(m_session->previewProfile()); // as the newsletter page's archived copy
        view.resize(800, 600);
        view.show();
        show(view, body);
        QTest::qWait(700); // the refresh, the fonts and the fetch have had their moment
        QVERIFY(view.blockedRequests() > 0);
    }
    QVERIFY2(m_requests.isEmpty(), qPrintable(m_requests.join(QLatin1Char(' '))));
    QCOMPARE(m_connections, 0);
    {
        cio::ui::VariantPreview preview(m_session.get()); // the editor's and the snippet page's preview
        preview.resize(800, 600);
        preview.show();
        QSignalSpy updated(&preview, &cio::ui::VariantPreview::updated);
        preview.setLanguage(QString());
        preview.setTexts(QStringLiteral("Subject"), QString(), body, false);
        QVERIFY(updated.wait(30000));
        QTest::qWait(700);
    }
    QVERIFY2(m_requests.isEmpty(), qPrintable(m_requests.join(QLatin1Char(' '))));
    QCOMPARE(m_connections, 0);
    {
        QList<cio::api::Content> contents = gridContents().mid(0, 2);
        for (cio::api::Content &c : contents)
            c.body = body;
        cio::ui::LanguageGrid grid(contents, {}, m_session.get());
        grid.resize(900, 500);
        grid.show();
        QTRY_VERIFY_WITH_TIMEOUT(grid.isComplete(), 30000);
        QTest::qWait(700);
    }
    QVERIFY2(m_requests.isEmpty(), qPrintable(m_requests.join(QLatin1Char(' '))));
    QCOMPARE(m_connections, 0);

    // The listener does answer when allowed, so the silence above is the preview's doing.
    PreviewView allowed(m_session->previewProfile());
    allowed.setRemoteContentAllowed(true);
    allowed.resize(800, 600);
    allowed.show();
    show(allowed, body);
    QTRY_VERIFY_WITH_TIMEOUT(m_requests.contains(QStringLiteral("pixel.gif")), 10000);
}

CIO_WEBENGINE_TEST_MAIN(TestPreview)

#include "tst_ui_preview.moc"
