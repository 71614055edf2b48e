#pragma once

#include <QString>

namespace cio::ui {

struct PreviewOptions
{
    bool dark = false; // the recipient's client prefers a dark colour scheme
};

// The document the preview shows for a rendered body: a full HTML document (a fragment gets one
// around it) in which `prefers-color-scheme` answers as the options say, whatever the desktop's own
// scheme, and which no script may run in (a CSP on top of scripts being switched off).
QString previewDocument(const QString &renderedHtml, const PreviewOptions &options);

// A plain-text body as the recipient's client shows it: wrapped, monospace-free, nothing interpreted.
QString plainTextDocument(const QString &text, const PreviewOptions &options);

} // namespace cio::ui
