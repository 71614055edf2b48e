#pragma once

#include "api/dto.h"

#include <QHash>
#include <QList>

namespace cio::models {

// A workspace's newsletters with their variants and test groups, in memory (what a full sync brings
// back, and what LocalStore::storeSnapshot() writes in one go).
struct WorkspaceSnapshot final
{
    QList<api::Newsletter> newsletters;
    QHash<qint64, QList<api::Content>> contents;     // by newsletter id
    QHash<qint64, QList<api::TestGroup>> testGroups; // by newsletter id

    int variantCount() const
    {
        int count = 0;
        for (const auto &list : contents)
            count += static_cast<int>(list.size());
        return count;
    }
};

} // namespace cio::models
