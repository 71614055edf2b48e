// The email preview, offscreen with a real Chromium: what it loads, what it refuses, what it runs.
// A loopback HTTP server stands in for an email's image host and counts every request it receives.
#include "tests/common/webenginetest.h"
#include "ui/messagewidget.h"
#include "ui/preview/previewpage.h"
#include "ui/preview/previewview.h"

#include <QHttpServer>
#include <QHttpServerResponse>
#include <QLabel>
#include <QSignalSpy>
#include <QTcpServer>
#include <QWebEngineScript>
#include <QWebEngineView>

using cio::ui::PreviewView;

namespace {

// A 1×1 transparent GIF: the tracking pixel and the "photo" alike.
const QByteArray Gif = QByteArray::fromBase64("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

} // namespace

class TestPreview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void blocksRemoteContentAndScripts();
    void imagesOffRequestNothing();
    void allowedImagesLoad();
    void linksNeverNavigate();
    void largeEmailsPreview();
    void darkModeAnswersTheMediaQuery();
    void updatesKeepTheScrollPosition();
    void subjectIsText();

private:
    QString email() const;
    void show(PreviewView &view, const QString &body);
    QVariant eval(PreviewView &view, const QString &script);

    QHttpServer m_server;
    QTcpServer *m_tcp = nullptr;
    QStringList m_requests;
    QUrl m_base;
};

void TestPreview::initTestCase()
{
    m_server.route(QStringLiteral("/<arg>"), [this](const QString &file, const QHttpServerRequest &) {
        m_requests.append(file);
        return QHttpServerResponse(QByteArrayLiteral("image/gif"), Gif);
    });
    m_tcp = new QTcpServer(this);
    QVERIFY(m_tcp->listen(QHostAddress::LocalHost));
    m_server.bind(m_tcp);
    m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_tcp->serverPort()));
}

void TestPreview::init()
{
    m_requests.clear();
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
    PreviewView view;
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
    PreviewView view;
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
    PreviewView view;
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
    PreviewView other;
    other.show();
    QVERIFY(!other.remoteContentAllowed());
}

void TestPreview::linksNeverNavigate()
{
    PreviewView view;
    view.resize(800, 600);
    view.show();
    show(view, email());
    const QUrl before = view.page()->url();
    QSignalSpy clicked(&view, &PreviewView::linkActivated);
    // A real click at the link's place on screen.
    const QVariantList rect =
        eval(view, QStringLiteral("(() => { const r = document.getElementById('link')"
                                  ".getBoundingClientRect(); return [r.x + 10, r.y + 10]; })()"))
            .toList();
    QCOMPARE(rect.size(), 2);
    QWidget *target = view.webView()->focusProxy() ? view.webView()->focusProxy() : view.webView();
    const QPoint at(rect.at(0).toInt(), rect.at(1).toInt());
    QTest::mouseClick(target, Qt::LeftButton, {}, at);
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
}

void TestPreview::largeEmailsPreview()
{
    // setHtml() stops at 2 MB; the preview's own scheme does not.
    QString body = QStringLiteral("<html><body><div id='end'>");
    const QString paragraph = QStringLiteral("<p>Liquid-rendered text of a very long newsletter.</p>\n");
    while (body.size() < 3 * 1024 * 1024)
        body += paragraph;
    body += QStringLiteral("</div><p id='last'>The end</p></body></html>");
    PreviewView view;
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
    PreviewView view;
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
    PreviewView view;
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
    PreviewView view;
    view.show();
    view.showEmail(QStringLiteral("<b>Bold?</b> & more"), QStringLiteral("<i>pre</i>"),
                   QStringLiteral("<p>x</p>"));
    QCOMPARE(view.subjectText(), QStringLiteral("<b>Bold?</b> & more"));
    auto *subject = view.findChild<QLabel *>(QStringLiteral("previewSubject"));
    QVERIFY(subject);
    QCOMPARE(subject->textFormat(), Qt::PlainText);
    QCOMPARE(view.preheaderText(), QStringLiteral("<i>pre</i>"));
}

CIO_WEBENGINE_TEST_MAIN(TestPreview)

#include "tst_ui_preview.moc"
