#include "httptestclient.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QTimer>

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return QByteArray();
}

QString HttpResult::errorDetail() const
{
    return json.value(QLatin1String("errors"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String("detail"))
        .toString();
}

HttpTestClient::HttpTestClient(const QUrl &base) : m_base(base) {}

HttpResult HttpTestClient::get(const QString &pathAndQuery, int timeoutMs)
{
    return send(QByteArrayLiteral("GET"), pathAndQuery, QByteArray(), Headers(), timeoutMs);
}

HttpResult HttpTestClient::send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body,
                                const Headers &headers, int timeoutMs)
{
    QNetworkRequest request(QUrl(m_base.toString() + pathAndQuery));
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("cio-sandbox-tests/1"));
    if (!m_authorization.isEmpty())
        request.setRawHeader("Authorization", m_authorization);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);

    auto *buffer = new QBuffer;
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    QElapsedTimer clock;
    clock.start();
    QNetworkReply *reply = m_nam.sendCustomRequest(request, method, buffer);
    buffer->setParent(reply);

    HttpResult result;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
        result.timedOut = true;
        reply->abort();
    });
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();
    result.elapsedMs = clock.elapsed();
    result.error = reply->error();
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen())
        result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
    result.jsonValid = parseError.error == QJsonParseError::NoError && document.isObject();
    result.json = document.object();
    reply->deleteLater();
    return result;
}
