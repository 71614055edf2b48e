#pragma once

#include <QLoggingCategory>

namespace cio::api {

// The single logging category of the API layer ("cio.api"). Anything logged through it must
// already be free of credentials; use RequestLog::redact() on text that came from the network.
Q_DECLARE_LOGGING_CATEGORY(lcApi)

} // namespace cio::api
