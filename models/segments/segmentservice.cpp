#include "models/segments/segmentservice.h"

#include "api/appapi.h"
#include "api/client.h"

namespace cio::models {

SegmentService::SegmentService(api::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void SegmentService::segment(qint64 id, const QObject *context,
                             std::function<void(const api::Segment &, const api::Error &)> done)
{
    api::AppApi(m_client).segment(id, context, std::move(done));
}

void SegmentService::create(const QString &name, const QString &description, const QObject *context,
                            std::function<void(const api::Segment &, const api::Error &)> done)
{
    api::AppApi(m_client).createSegment(name, description, context, std::move(done));
}

void SegmentService::remove(const api::Segment &segment, const QObject *context,
                            std::function<void(const api::Error &)> done)
{
    api::AppApi(m_client).deleteSegment(segment, context, std::move(done));
}

void SegmentService::usedBy(qint64 id, const QObject *context,
                            std::function<void(const api::SegmentUsage &, const api::Error &)> done)
{
    api::AppApi(m_client).segmentUsedBy(id, context, std::move(done));
}

} // namespace cio::models
