#include "models/workspacesession.h"

#include "api/client.h"
#include "api/trackapi.h"
#include "liquid/liquidengine.h"
#include "liquid/previewprofile.h"
#include "models/newsletters/newsletterservice.h"
#include "models/segments/membershipbatcher.h"
#include "models/segments/segmentservice.h"
#include "models/snippets/snippetservice.h"
#include "models/store/localstore.h"
#include "models/store/storesync.h"
#include "models/workspaces/workspacerepository.h"

namespace cio::models {

WorkspaceSession::WorkspaceSession(const WorkspaceProfile &profile, const api::ConnectionSettings &settings,
                                   const QString &storePath, QObject *parent)
    : QObject(parent)
    , m_profile(profile)
    , m_client(new api::Client(settings, this))
    , m_liquid(new liquid::LiquidEngine(this))
{
    if (!storePath.isEmpty()) {
        m_store = new LocalStore(this);
        if (!m_store->open(storePath, &m_storeError)) {
            delete m_store;
            m_store = nullptr;
        }
    }
    m_newsletters = new NewsletterService(m_client, m_store, this);
    m_snippets = new SnippetService(m_client, m_store, this);
    m_segments = new SegmentService(m_client, this);
    if (m_store)
        m_sync = new StoreSync(m_client, m_store, m_snippets, this);
    connect(m_client, &api::Client::queueStateChanged, this, &WorkspaceSession::queueStateChanged);
}

api::QueueState WorkspaceSession::queueState() const
{
    return m_client->queueState();
}

WorkspaceSession::~WorkspaceSession()
{
    // Whatever still waits for an answer goes before the client that would answer it; the store and the
    // Liquid engine last (WebEngine wants its page gone before the application object).
    delete m_sync;
    delete m_track;
    delete m_segments;
    delete m_snippets;
    delete m_newsletters;
    delete m_client;
    delete m_store;
    delete m_liquid;
    delete m_previewProfile; // after the previews: the window deletes its pages first
}

liquid::PreviewProfile *WorkspaceSession::previewProfile()
{
    if (!m_previewProfile)
        m_previewProfile = new liquid::PreviewProfile(this);
    return m_previewProfile;
}

bool WorkspaceSession::isReadOnly() const
{
    return m_profile.readOnly || m_client->settings().readOnly;
}

api::RequestLog *WorkspaceSession::requestLog() const
{
    return m_client->log();
}

void WorkspaceSession::setTrackCredential(const QString &siteId, const QString &apiKey, const QUrl &trackUrl)
{
    m_trackSiteId = siteId.trimmed();
    m_trackKey = apiKey.trimmed();
    m_trackUrl = trackUrl;
    delete m_track;
    m_track = nullptr;
}

void WorkspaceSession::setTrackUrl(const QUrl &trackUrl)
{
    m_trackUrl = trackUrl;
    delete m_track;
    m_track = nullptr;
}

void WorkspaceSession::setCredentialSource(WorkspaceRepository *repository)
{
    m_repository = repository;
}

bool WorkspaceSession::hasTrackCredential() const
{
    return m_track || (!m_trackSiteId.isEmpty() && !m_trackKey.isEmpty()) ||
           (m_profile.hasTrackCredential() && m_repository);
}

void WorkspaceSession::makeTrack(const QString &siteId, const QString &apiKey)
{
    api::TrackSettings settings;
    settings.region = m_profile.region;
    settings.baseUrl = m_trackUrl.isEmpty()
                           ? api::trackBaseUrlFor(m_profile.region, m_client->settings().baseUrl)
                           : m_trackUrl;
    settings.readOnly = isReadOnly();
    settings.siteId = siteId;
    settings.apiKey = apiKey;
    m_track = new api::TrackApi(settings, this);
    m_track->setRequestLog(m_client->log());
}

void WorkspaceSession::withTrack(const QObject *context, TrackReady ready)
{
    const QPointer<const QObject> guard(context);
    const auto answer = [this, guard, ready](TrackProblem problem, const QString &detail) {
        // Always later, also when nothing had to be read.
        QMetaObject::invokeMethod(
            this,
            [this, guard, ready, problem, detail] {
                if (guard)
                    ready(problem == TrackProblem::None ? m_track : nullptr, problem, detail);
            },
            Qt::QueuedConnection);
    };
    if (m_track)
        return answer(TrackProblem::None, {});
    if (!m_trackSiteId.isEmpty() && !m_trackKey.isEmpty()) {
        makeTrack(m_trackSiteId, m_trackKey);
        return answer(TrackProblem::None, {});
    }
    if (!m_profile.hasTrackCredential() || !m_repository)
        return answer(TrackProblem::NoCredential, {});
    const QString siteId = m_profile.trackSiteId;
    m_repository->loadTrackKey(m_profile, this,
                               [this, siteId, answer](const QString &key, const api::CredentialError &error) {
                                   if (error.isError() || key.trimmed().isEmpty())
                                       return answer(TrackProblem::KeyUnreadable,
                                                     error.isError() ? error.message() : QString());
                                   if (!m_track)
                                       makeTrack(siteId, key.trimmed());
                                   answer(TrackProblem::None, {});
                               });
}

void WorkspaceSession::newMembershipBatcher(
    QObject *parent, std::function<void(MembershipBatcher *, TrackProblem, const QString &)> ready)
{
    const QPointer<QObject> owner(parent);
    withTrack(parent, [owner, ready](api::TrackApi *track, TrackProblem problem, const QString &detail) {
        if (!owner)
            return;
        ready(track ? new MembershipBatcher(track, owner) : nullptr, problem, detail);
    });
}

} // namespace cio::models
