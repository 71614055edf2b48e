#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace cio::qa {

// Error blocks a save unless the user overrides it; Warning and Info inform.
enum class Level
{
    Error,
    Warning,
    Info
};

// One result of the quality checks, with the place the editor jumps to.
struct Finding final
{
    Level level = Level::Warning;
    QString check; // stable id: liquid-syntax, liquid-render, variables, tags, snippets, links,
                   // unsubscribe, html, redacted, subject-length, preheader-length, untranslated
    QString
        field;    // API field name: subject, preheader, body, body_amp, body_plain, from, reply_to, recipient
    int line = 0; // 1-based; 0 = the field as a whole
    int column = 0;  // 1-based, in characters of the line
    QString message; // in the user's terms

    bool operator==(const Finding &o) const
    {
        return level == o.level && check == o.check && field == o.field && line == o.line &&
               column == o.column && message == o.message;
    }
};

QString levelName(Level level); // "error", "warning", "info" (stable, for --json and tests)
int errorCount(const QList<Finding> &findings);
int warningCount(const QList<Finding> &findings);

} // namespace cio::qa

Q_DECLARE_METATYPE(cio::qa::Finding)
