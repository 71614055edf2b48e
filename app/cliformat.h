#pragma once
// Output helpers shared by the CLI's command files.
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>

namespace cio::app {

inline QString formatTime(qint64 secs)
{
    return secs > 0 ? QDateTime::fromSecsSinceEpoch(secs).toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                    : QString();
}

template <class T> QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson());
    return array;
}

} // namespace cio::app
