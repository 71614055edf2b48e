#pragma once

#include "api/client.h"
#include "sandbox/sandboxserver.h"

#include <QString>

#include <optional>

namespace cio::test {

// Starts `server` on a loopback port, unpaced (the client paces itself; the tests count requests, not
// waits), and gives the connection settings that reach it with its key; nothing when it cannot start
// (`error` says why).
inline std::optional<api::ConnectionSettings> startUnpacedSandbox(sandbox::Server &server, QString *error,
                                                                  sandbox::Options options = {})
{
    options.rateLimit = 0;
    if (!server.start(options, error))
        return std::nullopt;
    api::ConnectionSettings settings;
    settings.baseUrl = server.url();
    settings.apiKey = options.apiKey;
    return settings;
}

} // namespace cio::test
