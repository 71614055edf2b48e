#include "api/requestlog.h"

#include <QRegularExpression>

namespace cio::api {

namespace {

// POSIX shell single quoting: close, escaped quote, reopen.
QString shellQuote(const QString &s)
{
    QString quoted = s;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

RequestLog::RequestLog(QObject *parent) : QObject(parent) {}

void RequestLog::add(const Entry &entry)
{
    // Dropping the oldest in blocks keeps the amortised cost low for long sessions.
    if (m_entries.size() >= m_capacity)
        m_entries.remove(0, qMax(1, qMin(m_entries.size(), m_capacity / 10)));
    m_entries.append(entry);
    emit entryAdded(entry);
}

void RequestLog::clear()
{
    m_entries.clear();
    emit cleared();
}

void RequestLog::setCapacity(int capacity)
{
    m_capacity = qMax(1, capacity);
    if (m_entries.size() > m_capacity)
        m_entries.remove(0, m_entries.size() - m_capacity);
}

QString RequestLog::toCurl(const Entry &e, const QUrl &baseUrl)
{
    QUrl url = (e.origin.isValid() ? e.origin : baseUrl)
                   .adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + e.path, QUrl::TolerantMode);
    if (!e.query.isEmpty())
        url.setQuery(e.query, QUrl::TolerantMode);

    QString cmd = QStringLiteral("curl");
    if (e.method != "GET")
        cmd += QLatin1String(" -X ") + QString::fromLatin1(e.method);
    cmd += QLatin1Char(' ') + shellQuote(url.toString(QUrl::FullyEncoded));
    cmd += e.basicAuth ? QLatin1String(" -u '<site id>:<redacted>' -H 'Accept: application/json'")
                       : QLatin1String(" -H 'Authorization: Bearer <redacted>' -H 'Accept: application/json'");
    if (e.method == "POST" || e.method == "PUT")
        cmd += QLatin1String(" -H 'Content-Type: application/json' --data @body.json");
    return redact(cmd);
}

QString RequestLog::redact(QString text)
{
    // Bearer tokens are any word; "Basic" only redacts a base64 run so prose ("Basic plan") survives.
    // A token starting with '<' is a placeholder such as "<App API key>" and stays readable.
    static const QRegularExpression bearer(QStringLiteral("(\\bBearer\\s+)(?!<)[^\\s'\",;]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression basic(QStringLiteral("(\\bBasic\\s+)[A-Za-z0-9+/]{8,}={0,2}"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression userInfo(QStringLiteral("(://)[^/\\s:@]+:[^/\\s@]*@"));
    static const QRegularExpression serviceToken(QStringLiteral("\\bsa_live_[A-Za-z0-9_\\-]+"));
    text.replace(bearer, QStringLiteral("\\1<redacted>"));
    text.replace(basic, QStringLiteral("\\1<redacted>"));
    text.replace(userInfo, QStringLiteral("\\1<redacted>@"));
    text.replace(serviceToken, QStringLiteral("<redacted>"));
    return text;
}

} // namespace cio::api
