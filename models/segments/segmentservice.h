#pragma once

#include "api/dto.h"
#include "api/error.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace cio::api {
class Client;
}

namespace cio::models {

// The Segments section's changes and lookups below the widgets, for the page and the CLI alike.
// Only manual segments are created or deleted through the App API; a data-driven one is refused before
// any request. People are added and removed through the Track API (WorkspaceSession::withTrack).
class SegmentService final : public QObject
{
    Q_OBJECT

public:
    explicit SegmentService(api::Client *client, QObject *parent = nullptr);

    void segment(qint64 id, const QObject *context, std::function<void(const api::Segment &, const api::Error &)> done);
    void create(const QString &name, const QString &description, const QObject *context,
                std::function<void(const api::Segment &, const api::Error &)> done);
    void remove(const api::Segment &segment, const QObject *context, std::function<void(const api::Error &)> done);
    // The campaigns and newsletters that use the segment.
    void usedBy(qint64 id, const QObject *context,
                std::function<void(const api::SegmentUsage &, const api::Error &)> done);

private:
    QPointer<api::Client> m_client;
};

} // namespace cio::models
