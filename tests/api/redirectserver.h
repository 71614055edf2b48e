#pragma once

// A minimal HTTP/1.1 server for the redirect test: answers 302 for configured paths and
// {"path": ...} otherwise, and keeps every raw request head it received.

#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

class RedirectServer final : public QTcpServer
{
    Q_OBJECT

public:
    bool listen() { return QTcpServer::listen(QHostAddress::LocalHost, 0); }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(serverPort())); }
    quint16 port() const { return serverPort(); }
    void setRedirect(const QString &path, const QString &location) { m_redirects.insert(path, location); }
    QList<QByteArray> received() const { return m_received; }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray head = buffer.left(end);
        buffer.remove(0, end + 4);
        m_received.append(head);
        const QList<QByteArray> requestLine = head.left(head.indexOf("\r\n")).split(' ');
        const QString path = QString::fromLatin1(requestLine.value(1));
        QByteArray response;
        if (m_redirects.contains(path)) {
            response = "HTTP/1.1 302 Found\r\nLocation: " + m_redirects.value(path).toLatin1() +
                       "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        } else {
            const QByteArray body = "{\"path\":\"" + path.toLatin1() + "\"}";
            response = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                       QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
        }
        socket->write(response);
        socket->disconnectFromHost();
        m_buffers.remove(socket);
    }

    QHash<QString, QString> m_redirects;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_received;
};
