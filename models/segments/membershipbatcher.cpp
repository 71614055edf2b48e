#include "models/segments/membershipbatcher.h"

namespace cio::models {

MembershipBatcher::MembershipBatcher(api::TrackApi *track, QObject *parent)
    : QObject(parent)
    , m_track(track)
{}

void MembershipBatcher::start(qint64 segmentId, Action action, api::IdType type, const QStringList &ids)
{
    if (m_running)
        return;
    m_type = type;
    m_summary = Summary{};
    m_summary.action = action;
    m_summary.segmentId = segmentId;
    m_summary.total = int(ids.size());
    m_summary.remaining = ids;
    m_running = true;
    m_cancel = false;
    emit progress(0, m_summary.total);
    sendNext();
}

void MembershipBatcher::retry()
{
    if (m_running || m_summary.remaining.isEmpty())
        return;
    const Summary last = m_summary;
    start(last.segmentId, last.action, m_type, last.remaining);
}

void MembershipBatcher::sendNext()
{
    if (m_summary.remaining.isEmpty() || m_cancel || !m_track) {
        m_summary.cancelled = m_cancel && !m_summary.remaining.isEmpty();
        if (!m_track && !m_summary.remaining.isEmpty())
            m_summary.error = api::Error::make(api::Error::Kind::Cancelled);
        m_running = false;
        emit finished(m_summary);
        return;
    }
    const QStringList batch = m_summary.remaining.mid(0, m_batchSize);
    const auto done = [this, batch](const api::Error &error) {
        if (error.isError()) {
            m_summary.error = error;
            m_running = false;
            emit finished(m_summary);
            return;
        }
        m_summary.remaining.remove(0, batch.size());
        m_summary.sent += int(batch.size());
        ++m_summary.batches;
        emit progress(m_summary.sent, m_summary.total);
        sendNext();
    };
    if (m_summary.action == Action::Add)
        m_track->addToSegment(m_summary.segmentId, m_type, batch, this, done);
    else
        m_track->removeFromSegment(m_summary.segmentId, m_type, batch, this, done);
}

QString MembershipBatcher::explain(const api::Error &error)
{
    const QString detail = error.detail.toLower();
    if (error.kind == api::Error::Kind::Rejected &&
        (detail.contains(QLatin1String("data-driven")) || detail.contains(QLatin1String("dynamic")) ||
         detail.contains(QLatin1String("manual segment")))) {
        return tr("Customer.io refused the change because this is a data-driven segment: its members follow "
                  "its conditions, so people cannot be added or removed by hand. The server said: “%1”.")
            .arg(error.detail);
    }
    return api::TrackApi::describe(error);
}

bool MembershipBatcher::Summary::retryable() const
{
    if (remaining.isEmpty())
        return false;
    if (cancelled)
        return true;
    switch (error.kind) {
    case api::Error::Kind::Network:
    case api::Error::Kind::Timeout:
    case api::Error::Kind::RateLimited:
    case api::Error::Kind::Server:
    case api::Error::Kind::BadResponse:
    case api::Error::Kind::Cancelled:
        return true;
    default:
        return false;
    }
}

QString MembershipBatcher::Summary::text() const
{
    const bool add = action == Action::Add;
    if (ok()) {
        return add ? tr("%n member(s) added to the segment.", nullptr, sent)
                   : tr("%n member(s) removed from the segment.", nullptr, sent);
    }
    const QString done =
        add ? tr("%n member(s) added", nullptr, sent) : tr("%n member(s) removed", nullptr, sent);
    const QString left = tr("%n identifier(s) not sent yet", nullptr, int(remaining.size()));
    if (cancelled)
        return tr("Stopped: %1, %2. Retry sends the rest.").arg(done, left);
    if (retryable())
        return tr("%1 Done so far: %2; %3. Retry sends them again.").arg(explain(error), done, left);
    if (sent == 0)
        return tr("%1 Nothing was changed.").arg(explain(error));
    return tr("%1 Done before the refusal: %2; %3.").arg(explain(error), done, left);
}

} // namespace cio::models
