#pragma once

#include <QLoggingCategory>

namespace cio::sandbox {
Q_DECLARE_LOGGING_CATEGORY(lcSandbox)
} // namespace cio::sandbox
