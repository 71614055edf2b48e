#pragma once

namespace cio::i18n {

// Installs the English plural forms (and any translation added later) on the application object.
// Call once, after the application object exists.
void installTranslations();

} // namespace cio::i18n
