#include "api/logging.h"

namespace cio::api {

Q_LOGGING_CATEGORY(lcApi, "cio.api")

} // namespace cio::api
