#pragma once

#include "api/dto.h"

namespace cio::models {

// Where the saver keeps the server's version of a variant before it overwrites it, so a save can be
// undone. The local store implements it; tests may use a plain in-memory one.
class SaveJournal
{
public:
    virtual ~SaveJournal() = default;
    // Returns an id for the snapshot, or 0 when it could not be kept (the save must then not go ahead).
    virtual qint64 keepSnapshot(qint64 newsletterId, const api::Content &serverVersion) = 0;
    // The newest snapshot of a variant, if any.
    virtual std::optional<api::Content> latestSnapshot(qint64 contentId) const = 0;
    virtual void dropSnapshot(qint64 snapshotId) = 0;
};

} // namespace cio::models
