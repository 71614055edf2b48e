#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace cio::models::store {

// Compact JSON text: what the tables keep of every DTO.
inline QString toText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

inline QJsonObject fromText(const QVariant &text)
{
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

// Why the last statement run() ran failed: LocalStore::transaction() reports it (the connection's own
// lastError() is empty when a statement, not the transaction, failed). One thread uses a store.
inline QString &statementError()
{
    static thread_local QString error;
    return error;
}

inline void setStatementError(const QString &why)
{
    statementError() = why;
}

// Prepares and runs one statement with positional values; logs and returns false on failure.
inline bool run(QSqlQuery &query, const QString &sql, const QVariantList &values = {})
{
    if (!query.prepare(sql)) {
        qCWarning(lcStore) << "prepare failed:" << sql << query.lastError().text();
        setStatementError(query.lastError().text());
        return false;
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec()) {
        qCWarning(lcStore) << "statement failed:" << sql << query.lastError().text();
        setStatementError(query.lastError().text());
        return false;
    }
    return true;
}

} // namespace cio::models::store
