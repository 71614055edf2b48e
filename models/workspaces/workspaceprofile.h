#pragma once

#include "api/region.h"

#include <QString>
#include <QUrl>

namespace cio::models {

// The non-secret description of a workspace. The key never lives here: it is kept in the
// OS keychain (or, for the demo workspace, only in memory).
struct WorkspaceProfile final
{
    QString id; // stable (a UUID); names the keychain entries and the local data folder
    QString name;
    api::Region region = api::Region::Us;
    QUrl baseUrl;   // empty = the region's API host
    QString colour; // "#rrggbb" label colour, may be empty
    bool readOnly = false;
    bool demo = false;   // the built-in sandbox
    QString trackSiteId; // Track API site id (not a secret); its key lives in the keychain

    bool hasTrackCredential() const { return !trackSiteId.isEmpty(); }

    QUrl effectiveBaseUrl() const { return baseUrl.isEmpty() ? api::defaultBaseUrl(region) : baseUrl; }
};

} // namespace cio::models
