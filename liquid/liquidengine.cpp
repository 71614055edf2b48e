#include "liquid/liquidengine.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTimer>
#include <QWebEnginePage>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInterceptor>

#include <optional>

Q_LOGGING_CATEGORY(lcLiquid, "cio.liquid")

namespace cio::liquid {

namespace {

constexpr int MaxRestarts = 3;

// The engine's page needs nothing from any network; whatever asks is refused.
class RefuseEverything final : public QWebEngineUrlRequestInterceptor
{
public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo &info) override
    {
        const QString scheme = info.requestUrl().scheme();
        if (scheme != QLatin1String("data") && scheme != QLatin1String("about"))
            info.block(true);
    }
};

QString loadBundle(QString *error)
{
    QFile file(QStringLiteral(":/cio/liquid/cio-liquid-bundle.js"));
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("cio::liquid::LiquidEngine",
                                             "The Liquid renderer is missing from this build (%1).")
                     .arg(file.errorString());
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

QJsonObject engineError(const QString &message)
{
    QJsonObject error{{QStringLiteral("kind"), QStringLiteral("EngineError")},
                      {QStringLiteral("message"), message},
                      {QStringLiteral("line"), 0},
                      {QStringLiteral("column"), 0}};
    return {{QStringLiteral("ok"), false}, {QStringLiteral("errors"), QJsonArray{error}}};
}

QJsonObject snippetsObject(const QHash<QString, QString> &snippets)
{
    QJsonObject o;
    for (auto it = snippets.cbegin(); it != snippets.cend(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

// The job as JSON text. The data goes in as its own text, never through QJsonObject, so the renderer
// sees its members in their order.
QByteArray renderJob(const LiquidEngine::RenderRequest &request)
{
    const QJsonObject job{{QStringLiteral("op"), QStringLiteral("render")},
                          {QStringLiteral("template"), request.templateText},
                          {QStringLiteral("snippets"), snippetsObject(request.snippets)},
                          {QStringLiteral("strict"), request.strict}};
    QByteArray text = QJsonDocument(job).toJson(QJsonDocument::Compact);
    text.chop(1); // }
    return text + ",\"data\":" + request.data.compact() + '}';
}

QByteArray batchJob(const QList<QByteArray> &jobs)
{
    QByteArray text("{\"op\":\"batch\",\"jobs\":[");
    for (qsizetype i = 0; i < jobs.size(); ++i) {
        if (i)
            text += ',';
        text += jobs.at(i);
    }
    return text + "]}";
}

} // namespace

LiquidEngine::LiquidEngine(QObject *parent)
    : QObject(parent)
{}

LiquidEngine::~LiquidEngine()
{
    // The page goes before its profile (WebEngine warns about a profile released with live pages).
    delete m_page;
    m_page = nullptr;
}

void LiquidEngine::render(const RenderRequest &request, const QObject *context,
                          std::function<void(const RenderResult &)> done)
{
    submit(renderJob(request), context,
           [done = std::move(done)](const QJsonObject &answer) { done(RenderResult::fromJson(answer)); });
}

void LiquidEngine::renderMany(const QList<RenderRequest> &requests, const QObject *context,
                              std::function<void(const QList<RenderResult> &)> done)
{
    QList<QByteArray> jobs;
    for (const RenderRequest &request : requests)
        jobs.append(renderJob(request));
    const auto count = requests.size();
    submit(batchJob(jobs), context, [done = std::move(done), count](const QJsonObject &answer) {
        QList<RenderResult> list;
        const QJsonArray results = answer.value(QLatin1String("results")).toArray();
        for (const QJsonValue &result : results)
            list.append(RenderResult::fromJson(result.toObject()));
        if (list.size() != count)
            list = QList<RenderResult>(count, RenderResult::fromJson(answer));
        done(list);
    });
}

void LiquidEngine::analyze(const QString &templateText, const QObject *context,
                           std::function<void(const Analysis &)> done)
{
    const QJsonObject job{{QStringLiteral("op"), QStringLiteral("analyze")},
                          {QStringLiteral("template"), templateText}};
    submit(QJsonDocument(job).toJson(QJsonDocument::Compact), context,
           [done = std::move(done)](const QJsonObject &answer) { done(Analysis::fromJson(answer)); });
}

void LiquidEngine::analyzeMany(const QStringList &templates, const QObject *context,
                               std::function<void(const QList<Analysis> &)> done)
{
    QJsonArray jobs;
    for (const QString &text : templates)
        jobs.append(QJsonObject{{QStringLiteral("op"), QStringLiteral("analyze")},
                                {QStringLiteral("template"), text}});
    const QJsonObject job{{QStringLiteral("op"), QStringLiteral("batch")}, {QStringLiteral("jobs"), jobs}};
    const auto count = templates.size();
    submit(QJsonDocument(job).toJson(QJsonDocument::Compact), context, [done = std::move(done), count](const QJsonObject &answer) {
        QList<Analysis> list;
        const QJsonArray results = answer.value(QLatin1String("results")).toArray();
        for (const QJsonValue &result : results)
            list.append(Analysis::fromJson(result.toObject()));
        if (list.size() != count) {
            // The engine failed as a whole: every template carries its error.
            const Analysis failedOne = Analysis::fromJson(answer);
            list = QList<Analysis>(count, failedOne);
        }
        done(list);
    });
}

RenderResult LiquidEngine::renderAndWait(const RenderRequest &request, int timeoutMs)
{
    QEventLoop loop;
    std::optional<RenderResult> result;
    render(request, &loop, [&](const RenderResult &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    return result ? *result : RenderResult::failure(tr("The Liquid renderer did not answer in time."));
}

QList<Analysis> LiquidEngine::analyzeAndWait(const QStringList &templates, int timeoutMs)
{
    QEventLoop loop;
    std::optional<QList<Analysis>> result;
    analyzeMany(templates, &loop, [&](const QList<Analysis> &r) {
        result = r;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!result)
        loop.exec();
    if (result)
        return *result;
    Analysis timedOut;
    timedOut.parsed = false;
    timedOut.errors.append(
        {QStringLiteral("EngineError"), tr("The Liquid renderer did not answer in time."), 0, 0});
    return QList<Analysis>(templates.size(), timedOut);
}

void LiquidEngine::submit(const QByteArray &job, const QObject *context,
                          std::function<void(const QJsonObject &)> done)
{
    Job entry{job, context, std::move(done)};
    switch (m_state) {
    case State::Ready:
        dispatch(std::move(entry));
        return;
    case State::Failed: {
        // Answer later, never inside the caller's own call.
        const QJsonObject answer = engineError(m_failure);
        QTimer::singleShot(0, this, [entry = std::move(entry), answer] {
            if (entry.context)
                entry.done(answer);
        });
        return;
    }
    case State::Idle:
        m_waiting.enqueue(std::move(entry));
        start();
        return;
    case State::Loading:
        m_waiting.enqueue(std::move(entry));
        return;
    }
}

void LiquidEngine::start()
{
    m_state = State::Loading;
    if (!m_startTimer.isValid())
        m_startTimer.start();
    if (!m_profile) {
        // Off the record: nothing of it is written to disk.
        m_profile = new QWebEngineProfile(this);
        m_profile->setUrlRequestInterceptor(new RefuseEverything(m_profile));
    }
    delete m_page;
    m_page = new QWebEnginePage(m_profile, this);
    QWebEngineSettings *settings = m_page->settings();
    // Our scripts run in an isolated world, which this switch does not govern; the document itself
    // (an empty page) gets no JavaScript, images or plugins.
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadImages, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    connect(m_page, &QWebEnginePage::loadFinished, this, &LiquidEngine::pageLoaded);
    connect(m_page, &QWebEnginePage::renderProcessTerminated, this,
            [this](QWebEnginePage::RenderProcessTerminationStatus, int exitCode) {
                qCWarning(lcLiquid) << "Liquid renderer process ended with" << exitCode;
                const QString why = tr("The Liquid renderer stopped unexpectedly.");
                // Jobs sent to the dead page never answer: fail them, then start again if allowed.
                if (++m_restarts > MaxRestarts)
                    return fail(why);
                m_state = State::Idle;
                QTimer::singleShot(0, this, [this] {
                    if (m_state == State::Idle)
                        start();
                });
            });
    m_page->setHtml(QStringLiteral("<!doctype html><title>cio-liquid</title>"));
}

void LiquidEngine::pageLoaded(bool ok)
{
    if (m_state != State::Loading)
        return;
    if (!ok)
        return fail(tr("The Liquid renderer could not start (its page did not load)."));
    QString error;
    const QString bundle = loadBundle(&error);
    if (bundle.isEmpty())
        return fail(error);
    m_page->runJavaScript(
        bundle + QStringLiteral("\n;typeof cio === 'object' && typeof liquidjs === 'object'"),
        QWebEngineScript::ApplicationWorld, [self = QPointer<LiquidEngine>(this)](const QVariant &check) {
            if (self)
                self->scriptsLoaded(check);
        });
}

void LiquidEngine::scriptsLoaded(const QVariant &check)
{
    if (m_state != State::Loading)
        return;
    if (!check.toBool())
        return fail(tr("The Liquid renderer could not start (its scripts did not load)."));
    m_state = State::Ready;
    if (!m_startupMs)
        m_startupMs = m_startTimer.elapsed();
    qCDebug(lcLiquid) << "Liquid renderer ready in" << m_startupMs << "ms";
    emit ready();
    flush();
}

void LiquidEngine::fail(const QString &message)
{
    qCWarning(lcLiquid) << message;
    m_state = State::Failed;
    m_failure = message;
    emit failed(message);
    flush();
}

void LiquidEngine::flush()
{
    while (!m_waiting.isEmpty() && (m_state == State::Ready || m_state == State::Failed)) {
        Job job = m_waiting.dequeue();
        if (m_state == State::Ready) {
            dispatch(std::move(job));
        } else if (job.context) {
            job.done(engineError(m_failure));
        }
    }
}

void LiquidEngine::dispatch(Job job)
{
    const QString script = QStringLiteral("cio.handle(") + QString::fromUtf8(job.json) + QLatin1Char(')');
    auto done = std::move(job.done);
    QPointer<const QObject> context = job.context;
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld,
                          [context, done = std::move(done)](const QVariant &answer) {
                              if (!context)
                                  return;
                              QJsonParseError parseError;
                              const QJsonDocument doc =
                                  QJsonDocument::fromJson(answer.toString().toUtf8(), &parseError);
                              if (!doc.isObject()) {
                                  done(engineError(QCoreApplication::translate(
                                      "cio::liquid::LiquidEngine",
                                      "The Liquid renderer gave no answer (its process may have stopped).")));
                                  return;
                              }
                              done(doc.object());
                          });
}

} // namespace cio::liquid
