#pragma once

#include <QNetworkAccessManager>
#include <QString>
#include <QUrl>

namespace cio::api {

// Cross-cutting request policy in one place, so no caller can forget it: relative URLs are resolved
// against the workspace's base URL; the key goes only to that exact origin; User-Agent, Accept and
// Content-Type are set; redirects are followed only within the same origin.
class NetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    explicit NetworkAccessManager(QObject *parent = nullptr);

    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }
    void setApiKey(const QString &apiKey); // Authorization: Bearer <key>
    // Authorization: Basic base64(<user>:<key>), the Track API's site id and key.
    void setBasicCredentials(const QString &user, const QString &key);

    // "/v1/x" + encoded query → absolute URL under the base (keeps a base path prefix, if any).
    QUrl resolve(const QString &path, const QString &encodedQuery) const;
    bool isSameOrigin(const QUrl &url) const;

    static QByteArray userAgent();

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request,
                                 QIODevice *outgoingData = nullptr) override;

private:
    QUrl m_baseUrl;
    QByteArray m_authorization; // "Bearer <key>" or "Basic <…>", kept only here
};

} // namespace cio::api
