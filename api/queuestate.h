#pragma once

#include <QtGlobal>

namespace cio::api {

// What the client's queue is doing, for the status bar.
struct QueueState final
{
    int inFlight = 0;
    int waiting = 0;  // queued for a connection slot, the rate limit or a pause
    int retrying = 0; // requests that failed at least once and are still going
    qint64 pausedForMs = 0;

    bool operator==(const QueueState &o) const;
    bool operator!=(const QueueState &o) const { return !(*this == o); }
};

} // namespace cio::api
