#pragma once

#include <QByteArray>

namespace cio::webengine {

// The scheme the preview serves rendered emails from (no size limit, unlike setHtml's 2 MB).
inline constexpr char PreviewScheme[] = "cio-preview";

// What QtWebEngine needs before the application object exists: shared OpenGL contexts and our URL
// scheme registered. Call it first thing in main() of every program that renders Liquid or previews.
void prepareBeforeApplication();

// For command-line programs: drops the report WebEngine prints while it starts (GL backends, the
// sandbox, its command line), which says nothing to the user of a command. Other messages pass.
void quietStartupReport();

} // namespace cio::webengine
