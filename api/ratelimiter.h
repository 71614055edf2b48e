#pragma once

#include "api/error.h"

#include <QByteArray>
#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QRegularExpression>

#include <deque>
#include <functional>

namespace cio::api {

// App-wide pacing so the server never has a reason to answer 429: at most `limit` request starts in
// any window of `windowMs + marginMs` (the margin absorbs scheduling jitter between our clock and the
// server's receive time), bursts up to `limit`. Per-endpoint rules add their own windows, and a pause
// (after a 429) holds everything. Time comes from an injectable monotonic clock so tests can drive it.
class RateLimiter final : public QObject
{
    Q_OBJECT

public:
    using Clock = std::function<qint64()>; // monotonic milliseconds

    struct Rule final
    {
        QString name;
        QByteArray method;       // empty matches any method
        QRegularExpression path; // matched against the request path
        int count = 1;
        int windowMs = 1000;
        int keyGroup = 0; // capture group giving a separate bucket (e.g. the broadcast id); 0 = one bucket
    };

    explicit RateLimiter(QObject *parent = nullptr);

    void setClock(Clock clock);
    qint64 now() const;

    void setLimit(int count, int windowMs = 1000, int marginMs = 40);
    int limit() const { return m_limit; }
    int windowMs() const { return m_windowMs; }
    int marginMs() const { return m_marginMs; }

    // Default rules: broadcast triggers 1 per 10 s per broadcast id.
    void addRule(const Rule &rule);
    void clearRules();

    // Milliseconds until a request may start (0 = now); records nothing.
    qint64 delayFor(const QByteArray &method, const QString &path) const;
    // Records a start and returns 0 when allowed now; otherwise returns the wait and records nothing.
    qint64 tryAcquire(const QByteArray &method, const QString &path);

    // Quotas the server reports in headers (archived_message: 100 a day). When used up, requests are
    // refused locally with a RateLimited error instead of burning a 429.
    Error refusal(const QByteArray &method, const QString &path) const;
    // `status` 429 without Retry-After on such a path means the quota is used up, counters or not.
    void noteResponse(const QString &path, const QHash<QByteArray, QByteArray> &headers, int status = 0);
    int quotaRemaining(const QString &path) const; // -1 when unknown
    int quotaLimit(const QString &path) const;     // -1 when unknown
    static bool hasDailyQuota(const QString &path);

    // Holds every start for `ms` (extends, never shortens, a running pause).
    void pause(qint64 ms);
    void resume();
    qint64 pausedForMs() const;
    bool isPaused() const { return pausedForMs() > 0; }

signals:
    void pausedChanged(qint64 pausedForMs);

private:
    struct Match
    {
        int rule = -1;
        QString bucket;
    };
    QList<Match> matches(const QByteArray &method, const QString &path) const;
    static qint64 windowDelay(const std::deque<qint64> &starts, int count, qint64 window, qint64 now);
    void prune(qint64 now);

    QElapsedTimer m_elapsed;
    Clock m_clock;
    int m_limit = 10;
    int m_windowMs = 1000;
    int m_marginMs = 40;
    std::deque<qint64> m_starts;
    QList<Rule> m_rules;
    QHash<QString, std::deque<qint64>> m_ruleStarts; // "<rule>|<bucket>" → starts
    qint64 m_pausedUntil = 0;
    int m_archivedRemaining = -1;
    int m_archivedLimit = -1;
    QDate m_archivedDay; // the UTC day m_archivedRemaining was reported for
};

} // namespace cio::api
