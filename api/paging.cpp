#include "api/paging.h"

#include "api/client.h"

#include <QCoreApplication>
#include <QPointer>

#include <memory>

namespace cio::api {

Error PageCursor::advance(int itemCount, const QString &next)
{
    ++m_pages;
    m_emptyInARow = itemCount > 0 ? 0 : m_emptyInARow + 1;
    if (next.isEmpty()) {
        m_atEnd = true;
        return {};
    }
    QString why;
    if (next == m_start || m_seen.contains(next))
        why = QStringLiteral("the server repeated the page cursor \"%1\"").arg(next.left(80));
    else if (m_pages >= MaxPages)
        why = QStringLiteral("more than %1 pages").arg(MaxPages);
    else if (m_emptyInARow >= MaxEmptyPages)
        why = QStringLiteral("%1 empty pages in a row").arg(MaxEmptyPages);
    if (!why.isEmpty()) {
        m_atEnd = true;
        return Error::make(Error::Kind::BadResponse, {}, QStringLiteral("paging does not end: ") + why);
    }
    m_seen.insert(m_start);
    m_start = next;
    return {};
}

QString nextCursor(const QJsonObject &page)
{
    const QJsonValue next = page.value(QLatin1String("next"));
    if (next.isString())
        return next.toString().trimmed();
    if (next.isDouble()) {
        const double d = next.toDouble();
        // Integral cursors print without exponent or fraction.
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
        return QString::number(d, 'g', 17);
    }
    return {};
}

Request pageRequest(const Request &first, const QString &start, int limit)
{
    Request r = first;
    r.query.removeAllQueryItems(QStringLiteral("start"));
    if (!start.isEmpty())
        r.query.addQueryItem(QStringLiteral("start"), QString::fromLatin1(QUrl::toPercentEncoding(start)));
    if (limit > 0) {
        r.query.removeAllQueryItems(QStringLiteral("limit"));
        r.query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    }
    return r;
}

void fetchPage(Client *client, const Request &request, const QString &itemsKey, const QString &start,
               int limit, const QObject *context, PageCallback callback)
{
    if (!client) {
        // Nothing to ask; the answer still comes later, on the context (as Client::send's would).
        QObject *target = const_cast<QObject *>(context ? context : QCoreApplication::instance());
        if (target) {
            QMetaObject::invokeMethod(
                target,
                [callback = std::move(callback)] {
                    callback({}, {}, Error::make(Error::Kind::Cancelled, {}, QStringLiteral("no client")));
                },
                Qt::QueuedConnection);
        }
        return;
    }
    client->send(pageRequest(request, start, limit), context,
                 [itemsKey, callback = std::move(callback)](const Response &response) {
                     if (!response.ok())
                         return callback({}, {}, response.error);
                     const QJsonValue items = response.json.value(itemsKey);
                     // The list member must be there: an empty body or `{}` is a broken answer, not an
                     // empty list (read as one, a sync would delete everything stored locally).
                     if (!items.isArray()) {
                         Error e = Error::make(
                             Error::Kind::BadResponse, {},
                             items.isUndefined() ? QStringLiteral("the answer has no \"%1\" list").arg(itemsKey)
                                                 : QStringLiteral("\"%1\" is not an array").arg(itemsKey));
                         e.httpStatus = response.status;
                         return callback({}, {}, e);
                     }
                     callback(items.toArray(), nextCursor(response.json), {});
                 });
}

// Client::fetchAll lives here, next to the paging rules it follows.
void Client::fetchAll(const Request &first, const QString &itemsKey, const QObject *context,
                      std::function<void(const QJsonArray &items, const Error &error)> done, int pageLimit)
{
    struct State
    {
        QJsonArray items;
        PageCursor cursor;
    };
    auto state = std::make_shared<State>();
    auto step = std::make_shared<std::function<void(const QString &)>>();
    QPointer<Client> self(this);
    // The step function holds itself only weakly, so the chain frees itself when it ends.
    std::weak_ptr<std::function<void(const QString &)>> weakStep = step;
    *step = [self, first, itemsKey, context, done, pageLimit, state, weakStep](const QString &start) {
        auto keep = weakStep.lock();
        if (!self || !keep)
            return;
        fetchPage(self, first, itemsKey, start, pageLimit, context,
                  [state, done, keep](const QJsonArray &items, const QString &next, const Error &error) {
                      if (error.isError())
                          return done(state->items, error);
                      for (const QJsonValue &v : items)
                          state->items.append(v);
                      const Error paging = state->cursor.advance(int(items.size()), next);
                      if (paging.isError() || state->cursor.atEnd())
                          return done(state->items, paging);
                      (*keep)(state->cursor.start());
                  });
    };
    (*step)(QString());
}

} // namespace cio::api
