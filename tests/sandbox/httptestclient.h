#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

// Synchronous HTTP over real loopback sockets for the sandbox tests (spins an event loop,
// so an in-process server keeps answering while a test waits).
struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool timedOut = false;
    qint64 elapsedMs = 0;
    QByteArray body;
    QJsonObject json;
    bool jsonValid = false;
    QList<QPair<QByteArray, QByteArray>> headers;

    QByteArray header(const QByteArray &name) const;
    QString errorDetail() const; // errors[0].detail
};

class HttpTestClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    explicit HttpTestClient(const QUrl &base);

    void setAuthorization(const QByteArray &value) { m_authorization = value; }
    HttpResult get(const QString &pathAndQuery, int timeoutMs = 5000);
    HttpResult send(const QByteArray &method, const QString &pathAndQuery,
                    const QByteArray &body = QByteArray(), const Headers &headers = Headers(),
                    int timeoutMs = 5000);

private:
    QNetworkAccessManager m_nam;
    QUrl m_base;
    QByteArray m_authorization = QByteArrayLiteral("Bearer sandbox");
};
