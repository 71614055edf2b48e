#pragma once

#include <QList>
#include <QString>

namespace cio::ui {

struct PreviewOptions
{
    bool dark = false; // the recipient's client prefers a dark colour scheme
};

// An element the preview does not show: mail clients do not run frames, plugins or embedded objects,
// and the preview may not fetch them. A placeholder box stands in its place.
struct LeftOut
{
    enum class Kind
    {
        Frame,  // <iframe>, <frame>
        Object, // <object>, <embed>, <applet>
    };
    Kind kind = Kind::Frame;
    QString url; // where it pointed (src or data), empty when it named nothing
};

// The document the preview shows for a rendered body: a full HTML document (a fragment gets one
// around it) in which `prefers-color-scheme` answers as the options say, whatever the desktop's own
// scheme, and which no script may run in (a CSP on top of scripts being switched off). Frames and
// embedded objects are replaced by placeholder boxes and listed in *leftOut.
QString previewDocument(const QString &renderedHtml, const PreviewOptions &options,
                        QList<LeftOut> *leftOut = nullptr);

// A plain-text body as the recipient's client shows it: wrapped, monospace-free, nothing interpreted.
QString plainTextDocument(const QString &text, const PreviewOptions &options);

} // namespace cio::ui
