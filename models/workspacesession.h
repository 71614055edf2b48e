#pragma once

#include "api/queuestate.h"
#include "models/workspaces/workspaceprofile.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

namespace cio::api {
class Client;
class RequestLog;
class TrackApi;
struct ConnectionSettings;
} // namespace cio::api
namespace cio::liquid {
class LiquidEngine;
class PreviewProfile;
} // namespace cio::liquid

namespace cio::models {

class LocalStore;
class MembershipBatcher;
class NewsletterService;
class SegmentService;
class SnippetService;
class StoreSync;
class WorkspaceRepository;

// Everything about one open workspace, for the window's pages and the CLI's commands alike: the App
// API client (its key, rate limit, retries and request log), the Track API client once its credential
// is known, the local store, the sync, the Liquid engine, and the services that do the workspace's work
// (newsletters, snippets, segments). Widgets and commands receive the session and ask it; nothing here
// is global, and a workspace switch is a new session, so nothing queued for one workspace reaches the
// next.
class WorkspaceSession final : public QObject
{
    Q_OBJECT

public:
    // settings: where the workspace is and its key (kept only in the client, never written anywhere).
    // storePath: the workspace's local store; empty: none (nothing is kept on this computer).
    WorkspaceSession(const WorkspaceProfile &profile, const api::ConnectionSettings &settings,
                     const QString &storePath = {}, QObject *parent = nullptr);
    ~WorkspaceSession() override;

    const WorkspaceProfile &profile() const { return m_profile; }
    bool isReadOnly() const;

    api::Client *client() const { return m_client; }
    api::RequestLog *requestLog() const;
    // The local store; null when there is none or it could not be opened (storeError() says why).
    LocalStore *store() const { return m_store; }
    QString storeError() const { return m_storeError; }
    // Customer.io's Liquid for this workspace's previews and checks (WebEngine starts on first use).
    liquid::LiquidEngine *liquid() const { return m_liquid; }
    // The WebEngine profile of this workspace's email previews, made when the first preview asks.
    liquid::PreviewProfile *previewProfile();
    // What the App API client's queue is doing (queueStateChanged() follows it).
    api::QueueState queueState() const;
    // Brings the store up to date with the workspace (null without a store).
    StoreSync *sync() const { return m_sync; }

    NewsletterService *newsletters() const { return m_newsletters; }
    SnippetService *snippets() const { return m_snippets; }
    SegmentService *segments() const { return m_segments; }

    // The Track API credential: given here when it is not in the keychain (the demo's sandbox, the CLI's
    // environment), else read from the workspace's keychain entry through `repository` on first need.
    // trackUrl: empty for the host that goes with the workspace's App API address.
    void setTrackCredential(const QString &siteId, const QString &apiKey, const QUrl &trackUrl = {});
    void setTrackUrl(const QUrl &trackUrl);
    void setCredentialSource(WorkspaceRepository *repository);

    // Whether a Track credential is known or can be read (false: withTrack() answers NoCredential).
    bool hasTrackCredential() const;

    enum class TrackProblem
    {
        None,
        NoCredential, // no site id (and key) for this workspace
        KeyUnreadable // the keychain did not give the key; `detail` says why
    };
    using TrackReady = std::function<void(api::TrackApi *track, TrackProblem problem, const QString &detail)>;
    // The Track API client, made once per session; `ready` runs later, on the context, once.
    void withTrack(const QObject *context, TrackReady ready);
    // A batcher for adding or removing people in manual segments (through withTrack), owned by `parent`.
    void newMembershipBatcher(QObject *parent,
                              std::function<void(MembershipBatcher *, TrackProblem, const QString &)> ready);

signals:
    void queueStateChanged(const cio::api::QueueState &state);

private:
    void makeTrack(const QString &siteId, const QString &apiKey);

    WorkspaceProfile m_profile;
    api::Client *m_client;
    LocalStore *m_store = nullptr;
    QString m_storeError;
    liquid::LiquidEngine *m_liquid;
    liquid::PreviewProfile *m_previewProfile = nullptr;
    StoreSync *m_sync = nullptr;
    NewsletterService *m_newsletters;
    SnippetService *m_snippets;
    SegmentService *m_segments;
    QPointer<WorkspaceRepository> m_repository;
    QString m_trackSiteId, m_trackKey;
    QUrl m_trackUrl;
    api::TrackApi *m_track = nullptr;
};

} // namespace cio::models
