#include "qa/finding.h"

#include <algorithm>

namespace cio::qa {

QString levelName(Level level)
{
    switch (level) {
    case Level::Error:
        return QStringLiteral("error");
    case Level::Warning:
        return QStringLiteral("warning");
    case Level::Info:
        return QStringLiteral("info");
    }
    return QString();
}

int errorCount(const QList<Finding> &findings)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [](const Finding &f) { return f.level == Level::Error; }));
}

int warningCount(const QList<Finding> &findings)
{
    return int(std::count_if(findings.cbegin(), findings.cend(),
                             [](const Finding &f) { return f.level == Level::Warning; }));
}

} // namespace cio::qa
