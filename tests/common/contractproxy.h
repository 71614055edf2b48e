#pragma once
// The vendor's contract as referee: Stoplight Prism in proxy mode with --errors in front of a server.
// Prism forwards every request, validates it and the answer against the OpenAPI file, and turns a
// violation into its own 422/500 problem+json (which makes the test in question fail) and an error line
// in its log, read back here. It also tells which of the contract's operations the requests reached.
//
// Used by the CLI and GUI end-to-end tests, so what the app really sends is what is checked. Statuses
// the contract does not declare (401, 429, 5xx, a sandbox's 400) are logged by Prism as warnings only.

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>

#include <algorithm>

namespace cio::test {

class ContractProxy
{
public:
    ContractProxy() = default;
    ContractProxy(const ContractProxy &) = delete;
    ContractProxy &operator=(const ContractProxy &) = delete;
    ~ContractProxy() { stop(); }

    // A free loopback port (for a server that Prism is to front before it starts).
    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    // Starts Prism (CIO_PRISM) with the contract (CIO_API_SPEC) in front of `upstream` and waits until
    // it listens. Keeps running the event loop while it waits, so an in-process upstream stays responsive.
    bool start(const QUrl &upstream, QString *error)
    {
        const QString prism = qEnvironmentVariable("CIO_PRISM");
        m_spec = qEnvironmentVariable("CIO_API_SPEC");
        if (prism.isEmpty() || !QFile::exists(prism) || !QFile::exists(m_spec)) {
            *error = QStringLiteral("Prism or the contract is missing (CIO_PRISM, CIO_API_SPEC): run npm ci in "
                                    "the source folder, then reconfigure");
            return false;
        }
        const quint16 port = freePort();
        m_log = m_dir.filePath(QStringLiteral("prism.log"));
        m_process.setStandardOutputFile(m_log);
        m_process.setStandardErrorFile(m_log, QIODevice::Append);
        QString target = upstream.toString();
        while (target.endsWith(QLatin1Char('/')))
            target.chop(1);
        m_process.start(prism, {QStringLiteral("proxy"), m_spec, target, QStringLiteral("--errors"),
                                QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                                QString::number(port)});
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("Prism did not start: ") + m_process.errorString();
            return false;
        }
        const QDeadlineTimer deadline(90000);
        while (!logText().contains("Prism is listening")) {
            if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()) {
                *error = QStringLiteral("Prism did not come up: ") + QString::fromUtf8(logText().right(2000));
                return false;
            }
            QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
            QThread::msleep(20);
        }
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        return true;
    }

    QUrl url() const { return m_url; }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    // Every error Prism logged (a request or response that breaks the contract), with the request
    // it belongs to.
    QStringList violations() const
    {
        QStringList out;
        QString request;
        for (const QString &line : lines()) {
            const auto received = requestLine().match(line);
            if (received.hasMatch())
                request = received.captured(1).toUpper() + QLatin1Char(' ') + received.captured(2);
            // An upstream that went away mid-request (a test's app closed, taking its sandbox along) is
            // a transport error, not a breach of the contract.
            else if (errorLine().match(line).hasMatch() && !line.contains(QLatin1String("FetchError")))
                out.append(request + QLatin1String(": ") + line.section(QLatin1String("] "), -1).simplified());
        }
        return out;
    }

    // The contract's operations the requests reached, as "GET /v1/segments/{segment_id}".
    QSet<QString> operations() const
    {
        QSet<QString> out;
        const auto templates = operationTemplates();
        for (const QString &line : lines()) {
            const auto received = requestLine().match(line);
            if (!received.hasMatch())
                continue;
            const QString method = received.captured(1).toUpper();
            const QString path = received.captured(2).section(QLatin1Char('?'), 0, 0);
            for (const auto &[name, pattern] : templates) {
                if (name.startsWith(method + QLatin1Char(' ')) && pattern.match(path).hasMatch()) {
                    out.insert(name);
                    break;
                }
            }
        }
        return out;
    }

    // All operations of the contract.
    QStringList allOperations() const
    {
        QStringList out;
        for (const auto &entry : operationTemplates())
            out.append(entry.first);
        std::sort(out.begin(), out.end());
        return out;
    }

    // One line for a test's log: how much of the contract this run exercised.
    QString coverageLine() const
    {
        QStringList seen = operations().values();
        std::sort(seen.begin(), seen.end());
        return QStringLiteral("%1 of %2 contract operations exercised through Prism: %3")
            .arg(seen.size())
            .arg(allOperations().size())
            .arg(seen.join(QLatin1String(", ")));
    }

private:
    static const QRegularExpression &requestLine()
    {
        static const QRegularExpression re(
            QStringLiteral(R"(\[HTTP SERVER\]\s+(get|post|put|delete|patch)\s+(\S+)\s.*Request received)"),
            QRegularExpression::CaseInsensitiveOption);
        return re;
    }

    static const QRegularExpression &errorLine()
    {
        static const QRegularExpression re(QStringLiteral("(\u2716|\\s)\\s*error\\s{3,}"));
        return re;
    }

    QByteArray logText() const
    {
        QFile file(m_log);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QStringList lines() const
    {
        static const QRegularExpression ansi(QStringLiteral("\x1b\\[[0-9;]*m"));
        QString text = QString::fromUtf8(logText());
        text.remove(ansi);
        return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // (name, path pattern), literal-first: templates with fewer parameters are tried first.
    QList<std::pair<QString, QRegularExpression>> operationTemplates() const
    {
        QFile file(m_spec);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject paths = QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("paths")).toObject();
        QList<std::pair<QString, QRegularExpression>> out;
        for (auto it = paths.begin(); it != paths.end(); ++it) {
            QString pattern = QRegularExpression::escape(it.key());
            pattern.replace(QRegularExpression(QStringLiteral(R"(\\\{[^}]*\\\})")), QStringLiteral("[^/]+"));
            const QRegularExpression re(QLatin1Char('^') + pattern + QLatin1Char('$'));
            for (const QString &method : it.value().toObject().keys()) {
                static const QStringList verbs{QStringLiteral("get"), QStringLiteral("post"), QStringLiteral("put"),
                                               QStringLiteral("delete"), QStringLiteral("patch")};
                if (verbs.contains(method))
                    out.append({method.toUpper() + QLatin1Char(' ') + it.key(), re});
            }
        }
        std::stable_sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
            return a.first.count(QLatin1Char('{')) < b.first.count(QLatin1Char('{'));
        });
        return out;
    }

    QTemporaryDir m_dir;
    QString m_spec;
    QString m_log;
    QProcess m_process;
    QUrl m_url;
};

} // namespace cio::test
