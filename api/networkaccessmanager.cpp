#include "api/networkaccessmanager.h"

#include <QNetworkRequest>

#ifndef CIO_VERSION
#define CIO_VERSION "0.0.0"
#endif

namespace cio::api {

namespace {

int effectivePort(const QUrl &url)
{
    return url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80);
}

} // namespace

NetworkAccessManager::NetworkAccessManager(QObject *parent) : QNetworkAccessManager(parent)
{
    // Replies are deleted by their single handler; same-origin only so the key never follows a
    // redirect to another host, scheme or port (Qt then fails the reply with InsecureRedirectError).
    setAutoDeleteReplies(false);
    setRedirectPolicy(QNetworkRequest::SameOriginRedirectPolicy);
}

void NetworkAccessManager::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl;
}

void NetworkAccessManager::setApiKey(const QString &apiKey)
{
    m_authorization =
        apiKey.isEmpty() ? QByteArray() : QByteArrayLiteral("Bearer ") + apiKey.trimmed().toUtf8();
}

void NetworkAccessManager::setBasicCredentials(const QString &user, const QString &key)
{
    m_authorization = user.trimmed().isEmpty() || key.trimmed().isEmpty()
                          ? QByteArray()
                          : QByteArrayLiteral("Basic ") +
                                (user.trimmed() + QLatin1Char(':') + key.trimmed()).toUtf8().toBase64();
}

QByteArray NetworkAccessManager::userAgent()
{
    return QByteArrayLiteral("cio-studio/" CIO_VERSION " (Qt ") + QByteArray(qVersion()) + ')';
}

QUrl NetworkAccessManager::resolve(const QString &path, const QString &encodedQuery) const
{
    QUrl url = m_baseUrl;
    QString basePath = url.path(QUrl::FullyEncoded);
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    // Tolerant mode keeps the caller's percent-encoding (e.g. %2F inside a snippet name).
    url.setPath(basePath + path, QUrl::TolerantMode);
    if (!encodedQuery.isEmpty())
        url.setQuery(encodedQuery, QUrl::TolerantMode);
    return url;
}

bool NetworkAccessManager::isSameOrigin(const QUrl &url) const
{
    return m_baseUrl.isValid() && url.scheme().compare(m_baseUrl.scheme(), Qt::CaseInsensitive) == 0 &&
           url.host().compare(m_baseUrl.host(), Qt::CaseInsensitive) == 0 &&
           effectivePort(url) == effectivePort(m_baseUrl);
}

QNetworkReply *NetworkAccessManager::createRequest(Operation op, const QNetworkRequest &request,
                                                   QIODevice *outgoingData)
{
    QNetworkRequest req(request);
    QUrl url = req.url();
    if (url.isRelative()) {
        url = resolve(url.path(QUrl::FullyEncoded), url.query(QUrl::FullyEncoded));
        req.setUrl(url);
    }
    // A null value removes the header: whatever a caller set, only our origin gets the key.
    req.setRawHeader(QByteArrayLiteral("Authorization"), isSameOrigin(url) ? m_authorization : QByteArray());
    req.setRawHeader(QByteArrayLiteral("User-Agent"), userAgent());
    req.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    if (outgoingData || op == PutOperation || op == PostOperation)
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    // Responses are live data; a cache could also keep bodies on disk.
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    return QNetworkAccessManager::createRequest(op, req, outgoingData);
}

} // namespace cio::api
