// Archived copies of deliveries. The API allows 100 archived-message reads a day per workspace, and what
// was sent never changes, so each copy is fetched once and kept here.
#include "models/store/localstore.h"

#include "models/store/localstore_p.h"

#include <QSqlDatabase>

namespace cio::models {

using store::fromText;
using store::run;
using store::toText;

bool LocalStore::storeArchivedMessage(const QString &deliveryId, const api::ArchivedMessage &message,
                                      const QDateTime &fetchedAt)
{
    if (deliveryId.isEmpty())
        return fail(tr("Keeping an archived copy"), tr("the copy names no delivery"));
    const QDateTime at = fetchedAt.isValid() ? fetchedAt : QDateTime::currentDateTimeUtc();
    QSqlQuery query(database());
    if (!run(query,
             QStringLiteral("INSERT OR REPLACE INTO archived_messages(delivery_id, json, fetched_at) "
                            "VALUES(?, ?, ?)"),
             {deliveryId, toText(message.toJson()), at.toMSecsSinceEpoch()}))
        return fail(tr("Keeping the archived copy of delivery %1").arg(deliveryId), query.lastError().text());
    return true;
}

std::optional<api::ArchivedMessage> LocalStore::archivedMessage(const QString &deliveryId,
                                                                QDateTime *fetchedAt) const
{
    QSqlQuery query(database());
    if (!run(query, QStringLiteral("SELECT json, fetched_at FROM archived_messages WHERE delivery_id = ?"),
             {deliveryId}) ||
        !query.next())
        return std::nullopt;
    if (fetchedAt)
        *fetchedAt = QDateTime::fromMSecsSinceEpoch(query.value(1).toLongLong()).toUTC();
    return api::ArchivedMessage::fromJson(fromText(query.value(0)));
}

int LocalStore::archivedMessageCount() const
{
    QSqlQuery query(database());
    return run(query, QStringLiteral("SELECT count(*) FROM archived_messages")) && query.next()
               ? query.value(0).toInt()
               : 0;
}

} // namespace cio::models
