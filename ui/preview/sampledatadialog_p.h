#pragma once
// Shared by the two halves of SampleDataDialog (sampledatadialog.cpp, sampledatadialogactions.cpp).
#include "models/preview/sampledata.h"

#include <QList>
#include <QString>

#include <optional>

namespace cio::ui::sampledata {

inline std::optional<models::SampleSet> findSet(const QList<models::SampleSet> &sets, qint64 id)
{
    for (const models::SampleSet &set : sets) {
        if (set.id == id)
            return set;
    }
    return std::nullopt;
}

// LocalStore writes a null QString as SQL NULL, which its NOT NULL language column refuses.
inline QString storable(const QString &language)
{
    return language.isNull() ? QStringLiteral("") : language;
}

} // namespace cio::ui::sampledata
