#include "api/ratelimiter.h"

#include "api/logging.h"

#include <QDateTime>

namespace cio::api {

namespace {

const QRegularExpression &archivedMessagePath()
{
    static const QRegularExpression re(QStringLiteral("^/v1/messages/[^/]+/archived_message$"));
    return re;
}

} // namespace

RateLimiter::RateLimiter(QObject *parent) : QObject(parent)
{
    m_elapsed.start();
    // Broadcast triggers: 1 request per 10 s for the whole workspace, whichever broadcast (Customer.io's
    // API documentation; the contract states no limit). One bucket for all broadcasts, not one each.
    addRule({QStringLiteral("broadcast trigger"), QByteArrayLiteral("POST"),
             QRegularExpression(QStringLiteral("^/v1/campaigns/[^/]+/triggers$")), 1, 10000, 0});
}

void RateLimiter::setClock(Clock clock)
{
    m_clock = std::move(clock);
}

qint64 RateLimiter::now() const
{
    return m_clock ? m_clock() : m_elapsed.elapsed();
}

void RateLimiter::setLimit(int count, int windowMs, int marginMs)
{
    m_limit = qMax(0, count);
    m_windowMs = qMax(1, windowMs);
    m_marginMs = qMax(0, marginMs);
}

void RateLimiter::addRule(const Rule &rule)
{
    m_rules.append(rule);
}

void RateLimiter::clearRules()
{
    m_rules.clear();
    m_ruleStarts.clear();
}

QList<RateLimiter::Match> RateLimiter::matches(const QByteArray &method, const QString &path) const
{
    QList<Match> out;
    for (int i = 0; i < m_rules.size(); ++i) {
        const Rule &r = m_rules.at(i);
        if (!r.method.isEmpty() && r.method != method)
            continue;
        const auto m = r.path.match(path);
        if (m.hasMatch())
            out.append({i, r.keyGroup > 0 ? m.captured(r.keyGroup) : QString()});
    }
    return out;
}

qint64 RateLimiter::windowDelay(const std::deque<qint64> &starts, int count, qint64 window, qint64 now)
{
    if (count <= 0 || starts.size() < size_t(count))
        return 0;
    // The count-th most recent start must have left the window before another may begin.
    const qint64 oldest = starts[starts.size() - size_t(count)];
    return qMax<qint64>(0, oldest + window - now);
}

void RateLimiter::prune(qint64 now)
{
    const qint64 window = m_windowMs + m_marginMs;
    while (!m_starts.empty() && m_starts.front() <= now - window)
        m_starts.pop_front();
}

qint64 RateLimiter::delayFor(const QByteArray &method, const QString &path) const
{
    const qint64 t = now();
    qint64 wait = qMax<qint64>(0, m_pausedUntil - t);
    if (m_limit > 0)
        wait = qMax(wait, windowDelay(m_starts, m_limit, m_windowMs + m_marginMs, t));
    for (const Match &m : matches(method, path)) {
        const Rule &r = m_rules.at(m.rule);
        const auto it = m_ruleStarts.constFind(r.name + QLatin1Char('|') + m.bucket);
        if (it != m_ruleStarts.cend())
            wait = qMax(wait, windowDelay(*it, r.count, r.windowMs + m_marginMs, t));
    }
    return wait;
}

qint64 RateLimiter::tryAcquire(const QByteArray &method, const QString &path)
{
    const qint64 t = now();
    prune(t);
    const qint64 wait = delayFor(method, path);
    if (wait > 0)
        return wait;
    m_starts.push_back(t);
    for (const Match &m : matches(method, path)) {
        const Rule &r = m_rules.at(m.rule);
        auto &starts = m_ruleStarts[r.name + QLatin1Char('|') + m.bucket];
        starts.push_back(t);
        while (starts.size() > size_t(qMax(1, r.count)))
            starts.pop_front();
    }
    return 0;
}

bool RateLimiter::hasDailyQuota(const QString &path)
{
    return archivedMessagePath().match(path).hasMatch();
}

Error RateLimiter::refusal(const QByteArray &method, const QString &path) const
{
    Q_UNUSED(method)
    if (hasDailyQuota(path) && m_archivedRemaining == 0 &&
        m_archivedDay == QDateTime::currentDateTimeUtc().date()) {
        // The message says it all (Error::message()); no server detail to add.
        Error e = Error::make(Error::Kind::RateLimited, {},
                              QStringLiteral("X-RateLimit-Remaining: 0, refused without asking the server"));
        e.dailyQuota = true;
        e.quotaLimit = qMax(0, m_archivedLimit);
        return e;
    }
    return {};
}

void RateLimiter::noteResponse(const QString &path, const QHash<QByteArray, QByteArray> &headers, int status)
{
    if (!hasDailyQuota(path))
        return;
    bool ok = false;
    const int remaining = headers.value(QByteArrayLiteral("x-ratelimit-remaining")).trimmed().toInt(&ok);
    const bool quota429 = status == 429 && !headers.contains(QByteArrayLiteral("retry-after"));
    if (!ok && !quota429)
        return;
    m_archivedRemaining = quota429 ? 0 : remaining;
    bool limitOk = false;
    const int limit = headers.value(QByteArrayLiteral("x-ratelimit-limit")).trimmed().toInt(&limitOk);
    if (limitOk)
        m_archivedLimit = limit;
    m_archivedDay = QDateTime::currentDateTimeUtc().date();
}

int RateLimiter::quotaRemaining(const QString &path) const
{
    if (hasDailyQuota(path) && m_archivedDay == QDateTime::currentDateTimeUtc().date())
        return m_archivedRemaining;
    return -1;
}

int RateLimiter::quotaLimit(const QString &path) const
{
    return hasDailyQuota(path) ? m_archivedLimit : -1;
}

void RateLimiter::pause(qint64 ms)
{
    const qint64 until = now() + qMax<qint64>(0, ms);
    if (until <= m_pausedUntil)
        return;
    m_pausedUntil = until;
    qCInfo(lcApi) << "pausing all requests for" << ms << "ms";
    emit pausedChanged(pausedForMs());
}

void RateLimiter::resume()
{
    if (m_pausedUntil == 0)
        return;
    m_pausedUntil = 0;
    emit pausedChanged(0);
}

qint64 RateLimiter::pausedForMs() const
{
    return qMax<qint64>(0, m_pausedUntil - now());
}

} // namespace cio::api
