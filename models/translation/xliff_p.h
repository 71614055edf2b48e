#pragma once
// Shared by the XLIFF writer (xliff.cpp) and reader (xliffreader.cpp).
#include <QCoreApplication>
#include <QString>

namespace cio::models::translation::xliff {

struct Text final
{
    Q_DECLARE_TR_FUNCTIONS(Xliff)
};

inline QString ns20()
{
    return QStringLiteral("urn:oasis:names:tc:xliff:document:2.0");
}

inline QString ns12()
{
    return QStringLiteral("urn:oasis:names:tc:xliff:document:1.2");
}

} // namespace cio::models::translation::xliff
