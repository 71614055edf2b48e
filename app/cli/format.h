#pragma once
// Output helpers shared by the CLI's command files.
#include <QDateTime>
#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

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

// `text` in lines of at most `width` characters, each indented by `indent` spaces.
inline QStringList wrappedLines(const QString &text, int indent, int width)
{
    QStringList lines;
    QString line;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && indent + line.size() + 1 + word.size() > width) {
            lines << QString(indent, QLatin1Char(' ')) + line;
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines << QString(indent, QLatin1Char(' ')) + line;
    return lines;
}

} // namespace cio::app
