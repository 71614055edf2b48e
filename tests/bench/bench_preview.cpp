// Preview and Liquid figures (issue "Preview and quality checks"):
//   - Liquid render time alone for a 100 KB body with 200 Liquid expressions (inside V8, and the round
//     trip through the headless page);
//   - time from a keystroke to the updated preview for that body (debounce included, and without it);
//   - the first preview's cost (the Liquid engine's start, the first WebEngine view);
//   - the main window's start-up with and without WebEngine started (separate processes).
// Run: build/tests/bench/bench_preview [--runs 20]  (offscreen; as root set QTWEBENGINE_DISABLE_SANDBOX=1)
#include "api/client.h"
#include "app/studio.h"
#include "liquid/liquidengine.h"
#include "liquid/webengine.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/store/localstore.h"
#include "models/workspacesession.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/newsletterlistpage.h"
#include "ui/preview/previewview.h"
#include "ui/preview/variantpreview.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <algorithm>

namespace {

QTextStream out(stdout);

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size()))));
}

// A newsletter body of about 100 KB with 200 Liquid expressions: outputs with filters, conditions,
// a loop, snippets and Customer.io tags, spread through ordinary email HTML.
QString largeBody()
{
    QString body =
        QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><style>"
                       "td{font:14px sans-serif}@media (prefers-color-scheme: dark){body{background:#111}}"
                       "</style></head><body><table width=\"600\">\n");
    const QStringList expressions{
        QStringLiteral("{{ customer.first_name | default: \"there\" }}"),
        QStringLiteral("{{ customer.loyalty_points | plus: 0 | format_number }}"),
        QStringLiteral("{% if customer.vip %}VIP{% else %}member{% endif %}"),
        QStringLiteral("{{ customer.created_at | date: \"%B %-d, %Y\" }}"),
        QStringLiteral("{{ event.price | currency: 'de-DE', 'EUR' }}"),
        QStringLiteral("{% cio_link url:\"https://www.northwind.example/p?id=1\" %}"),
        QStringLiteral("{{ customer.city | upcase }}"),
        QStringLiteral("{{ snippets.footer_note }}"),
        QStringLiteral("{{ customer.email | url_encode }}"),
        QStringLiteral("{% unsubscribe_url %}"),
    };
    int expression = 0;
    while (expression < 200) {
        body += QStringLiteral("<tr><td>Paragraph %1 for ").arg(expression) +
                expressions.at(expression % 10) + QStringLiteral(". ") +
                QString(QStringLiteral("Lorem ipsum dolor sit amet, consectetur ")).repeated(10) +
                QStringLiteral("</td></tr>\n");
        ++expression;
    }
    while (body.size() < 100 * 1024)
        body += QStringLiteral("<tr><td>") +
                QString(QStringLiteral("Plain text of the newsletter. ")).repeated(20) +
                QStringLiteral("</td></tr>\n");
    body += QStringLiteral("</table></body></html>");
    return body;
}

cio::liquid::JsonData sampleData()
{
    return cio::liquid::JsonData::fromObject(QJsonObject {{QStringLiteral("customer"),
             QJsonObject{{QStringLiteral("first_name"), QStringLiteral("Anna")},
                         {QStringLiteral("loyalty_points"), 1240},
                         {QStringLiteral("vip"), true},
                         {QStringLiteral("created_at"), 1555061400},
                         {QStringLiteral("city"), QStringLiteral("Berlin")},
                         {QStringLiteral("email"), QStringLiteral("anna@example.com")}}},
            {QStringLiteral("event"), QJsonObject{{QStringLiteral("price"), 289}}},
            {QStringLiteral("trigger"), QJsonObject{}}});
}

// Child process: start the main window on the demo workspace and print the milliseconds until the
// newsletter list is shown (and, with WebEngine, the Liquid engine and a preview are up too).
int startupChild(bool withWebEngine)
{
    QElapsedTimer clock;
    clock.start();
    cio::app::Studio studio;
    if (!studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}))
        return 2;
    cio::ui::PreviewView *preview = nullptr;
    if (withWebEngine) {
        studio.session()->liquid()->renderAndWait({QStringLiteral("{{ 1 }}"), {}, {}, true});
        preview = new cio::ui::PreviewView(studio.session()->previewProfile());
        QSignalSpy loaded(preview, &cio::ui::PreviewView::documentLoaded);
        preview->show();
        preview->showEmail(QStringLiteral("s"), QString(), QStringLiteral("<p>x</p>"));
        loaded.wait(20000);
    }
    const bool listed = QTest::qWaitFor(
        [&] {
            const auto *page = studio.mainWindow()->newsletterPage();
            return page && page->model()->rowCount() > 0 &&
                   page->model()->state() == cio::models::NewsletterListModel::Idle;
        },
        30000);
    out << clock.elapsed() << '\n';
    out.flush();
    delete preview;
    return listed ? 0 : 1;
}

double runChild(const QString &mode)
{
    QProcess child;
    child.start(QCoreApplication::applicationFilePath(), {mode});
    child.waitForFinished(60000);
    return child.readAllStandardOutput().trimmed().toDouble();
}

} // namespace

int main(int argc, char *argv[])
{
    cio::webengine::prepareBeforeApplication();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("bench_preview"));
    const QStringList args = QCoreApplication::arguments();
    if (args.contains(QLatin1String("--startup-plain")) ||
        args.contains(QLatin1String("--startup-webengine"))) {
        QTemporaryDir home;
        qputenv("HOME", home.path().toUtf8());
        qputenv("XDG_DATA_HOME", (home.path() + QStringLiteral("/data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", (home.path() + QStringLiteral("/config")).toUtf8());
        const int code = startupChild(args.contains(QLatin1String("--startup-webengine")));
        return code;
    }
    const int runIndex = int(args.indexOf(QLatin1String("--runs")));
    const int runs = runIndex >= 0 ? args.value(runIndex + 1).toInt() : 20;
    int result = 0;
    {
        const QString body = largeBody();
        const cio::liquid::JsonData data = sampleData();
        const QHash<QString, QString> snippets{
            {QStringLiteral("footer_note"), QStringLiteral("Sent to {{ customer.email }}")}};
        out << "body: " << body.size() / 1024 << " KB, 200 paragraphs with Liquid ("
            << body.count(QLatin1String("{{")) + body.count(QLatin1String("{%")) << " outputs and tags)\n";

        // First preview: the engine's start (WebEngine, the page, liquidjs) and the first render.
        QElapsedTimer clock;
        clock.start();
        cio::liquid::LiquidEngine ownEngine; // gone with this block, before the application object
        cio::liquid::LiquidEngine *engine = &ownEngine;
        const auto first = engine->renderAndWait({body, data, snippets, true});
        const qint64 firstRender = clock.elapsed();
        if (!first.ok) {
            out << "render failed: " << first.errors.value(0).toString() << '\n';
            result = 1;
        }
        out << "Liquid engine start: " << engine->startupMs()
            << " ms; first render incl. start: " << firstRender << " ms\n";

        QList<double> inside;
        QList<double> roundTrip;
        for (int i = 0; i < runs; ++i) {
            QString text = body;
            text.replace(QStringLiteral("Paragraph 7 "), QStringLiteral("Paragraph %1 ").arg(i));
            clock.restart();
            const auto r = engine->renderAndWait({text, data, snippets, true});
            roundTrip.append(double(clock.nsecsElapsed()) / 1e6);
            inside.append(r.renderMs);
        }
        out << QStringLiteral("Liquid render (in V8): median %1 ms, p90 %2 ms; round trip through the page: "
                              "median %3 ms, p90 %4 ms (%5 runs)\n")
                   .arg(median(inside), 0, 'f', 1)
                   .arg(percentile(inside, 0.9), 0, 'f', 1)
                   .arg(median(roundTrip), 0, 'f', 1)
                   .arg(percentile(roundTrip, 0.9), 0, 'f', 1)
                   .arg(runs);

        // The editor's preview: a keystroke, the debounce, three renders, the document reloaded.
        QTemporaryDir dir;
        // A workspace session as the window has; its Liquid engine warmed up like the one measured above.
        cio::models::WorkspaceSession session({}, {}, dir.filePath(QStringLiteral("bench.sqlite")));
        session.liquid()->renderAndWait({QStringLiteral("{{ 1 }}"), {}, {}, true});
        cio::models::LocalStore &store = *session.store();
        store.saveSampleSet({0, QStringLiteral("Anna"), QString(), data, true});
        cio::api::Snippet note;
        note.name = QStringLiteral("footer_note");
        note.value = snippets.value(note.name);
        store.storeSnippets({note});
        cio::ui::VariantPreview preview(&session);
        preview.resize(900, 900);
        clock.restart();
        QSignalSpy updated(&preview, &cio::ui::VariantPreview::updated);
        preview.show();
        preview.setTexts(QStringLiteral("Hi {{ customer.first_name }}"), QStringLiteral("Preheader"), body,
                         false);
        updated.wait(30000);
        out << "first preview shown (view created, rendered, loaded): " << clock.elapsed() << " ms\n";
        QList<double> keystroke;
        for (int i = 0; i < runs; ++i) {
            QString text = body;
            text.insert(text.indexOf(QLatin1String("Paragraph 100")),
                        QString(i % 2 ? QStringLiteral("x") : QStringLiteral("y")));
            updated.clear();
            preview.setTexts(QStringLiteral("Hi {{ customer.first_name }}"), QStringLiteral("Preheader"),
                             text, false);
            if (!updated.wait(30000)) {
                out << "preview did not update\n";
                result = 1;
                break;
            }
            keystroke.append(double(preview.lastUpdateMs()));
        }
        out << QStringLiteral("keystroke to updated preview: median %1 ms, p90 %2 ms (incl. the 200 ms pause "
                              "that waits for the next keystroke; %3 ms after it)\n")
                   .arg(median(keystroke), 0, 'f', 0)
                   .arg(percentile(keystroke, 0.9), 0, 'f', 0)
                   .arg(median(keystroke) - 200, 0, 'f', 0);
    }

    QList<double> plain;
    QList<double> withEngine;
    for (int i = 0; i < 3; ++i) {
        plain.append(runChild(QStringLiteral("--startup-plain")));
        withEngine.append(runChild(QStringLiteral("--startup-webengine")));
    }
    out << QStringLiteral(
               "main window start-up to the newsletter list (demo): %1 ms without WebEngine, %2 ms "
               "with the Liquid engine and a preview started; ratio %3 (median of 3)\n")
               .arg(median(plain), 0, 'f', 0)
               .arg(median(withEngine), 0, 'f', 0)
               .arg(median(plain) > 0 ? median(withEngine) / median(plain) : 0, 0, 'f', 2);
    out.flush();
    return result;
}
