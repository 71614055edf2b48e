#pragma once

#include "liquid/jsondata.h"
#include "liquid/liquidresult.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QQueue>
#include <QStringList>

#include <functional>

class QWebEnginePage;
class QWebEngineProfile;

namespace cio::liquid {

// Customer.io's Liquid (liquidjs + our tags and filters, LIQUID.md) run in V8 by a headless
// QWebEnginePage that never loads an email: it holds a blank document and runs our scripts in an
// isolated world. Each open workspace has one (models::WorkspaceSession), which its previews, QA checks
// and CLI commands share; WebEngine starts the first time something asks for Liquid. Delete it before
// the application object (WebEngine wants its pages gone before it shuts down).
//
// Every call answers asynchronously on the calling (GUI) thread, in the order of the calls; a callback
// whose context object is gone is dropped. If the engine cannot start or its process dies, pending and
// later calls answer with an error instead of hanging.
class LiquidEngine final : public QObject
{
    Q_OBJECT

public:
    struct RenderRequest
    {
        QString templateText;
        JsonData data;                    // customer, event, trigger, … (a sample-data set), in its order
        QHash<QString, QString> snippets; // the workspace's snippets by name
        bool strict = true;               // false: undefined variables render blank
    };

    explicit LiquidEngine(QObject *parent = nullptr);
    ~LiquidEngine() override;

    void render(const RenderRequest &request, const QObject *context,
                std::function<void(const RenderResult &)> done);
    // Several renders in one round trip (QA over a whole newsletter, the all-languages grid).
    void renderMany(const QList<RenderRequest> &requests, const QObject *context,
                    std::function<void(const QList<RenderResult> &)> done);
    void analyze(const QString &templateText, const QObject *context,
                 std::function<void(const Analysis &)> done);
    // Several templates in one round trip (the QA checks of a whole newsletter).
    void analyzeMany(const QStringList &templates, const QObject *context,
                     std::function<void(const QList<Analysis> &)> done);

    // Blocking forms for the CLI and tests: run a local event loop until the answer (or timeoutMs).
    RenderResult renderAndWait(const RenderRequest &request, int timeoutMs = 60000);
    QList<Analysis> analyzeAndWait(const QStringList &templates, int timeoutMs = 60000);

    bool isReady() const { return m_state == State::Ready; }
    bool isStarted() const { return m_state != State::Idle; } // WebEngine was asked for
    QString failure() const { return m_failure; }
    // Milliseconds from the first request to the engine being ready (0 until then).
    qint64 startupMs() const { return m_startupMs; }

signals:
    void ready();
    void failed(const QString &message);

private:
    enum class State
    {
        Idle,
        Loading,
        Ready,
        Failed
    };
    struct Job
    {
        QByteArray json;
        QPointer<const QObject> context;
        std::function<void(const QJsonObject &)> done;
    };

    void submit(const QByteArray &job, const QObject *context,
                std::function<void(const QJsonObject &)> done);
    void start();
    void pageLoaded(bool ok);
    void scriptsLoaded(const QVariant &check);
    void fail(const QString &message);
    void dispatch(Job job);
    void flush();

    State m_state = State::Idle;
    QString m_failure;
    QWebEngineProfile *m_profile = nullptr;
    QWebEnginePage *m_page = nullptr;
    QQueue<Job> m_waiting;
    QElapsedTimer m_startTimer;
    qint64 m_startupMs = 0;
    int m_restarts = 0;
};

} // namespace cio::liquid
