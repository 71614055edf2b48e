#include "ui/preview/previewdocument.h"

#include <QRegularExpression>

namespace cio::ui {

namespace {

// Media features that are always / never true, standing in for the colour-scheme query.
constexpr char Always[] = "(min-width: 0px)";
constexpr char Never[] = "(max-width: -1px)";

QString headExtras(const PreviewOptions &options)
{
    QString extras =
        QStringLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'none'; "
                       "object-src 'none'; frame-src 'none'; form-action 'none'\">");
    if (options.dark)
        extras += QStringLiteral("<meta name=\"color-scheme\" content=\"dark\">");
    return extras;
}

} // namespace

QString previewDocument(const QString &renderedHtml, const PreviewOptions &options)
{
    QString html = renderedHtml;
    static const QRegularExpression dark(QStringLiteral(R"(\(\s*prefers-color-scheme\s*:\s*dark\s*\))"),
                                         QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression light(QStringLiteral(R"(\(\s*prefers-color-scheme\s*:\s*light\s*\))"),
                                          QRegularExpression::CaseInsensitiveOption);
    html.replace(dark, QLatin1String(options.dark ? Always : Never));
    html.replace(light, QLatin1String(options.dark ? Never : Always));

    // The CSP must come before anything else in <head> to cover it.
    static const QRegularExpression headOpen(QStringLiteral(R"(<head(\s[^>]*)?>)"),
                                             QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression htmlOpen(QStringLiteral(R"(<html(\s[^>]*)?>)"),
                                             QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch head = headOpen.match(html);
    if (head.hasMatch()) {
        html.insert(head.capturedEnd(), headExtras(options));
        return html;
    }
    const QRegularExpressionMatch root = htmlOpen.match(html);
    if (root.hasMatch()) {
        html.insert(root.capturedEnd(),
                    QStringLiteral("<head>") + headExtras(options) + QStringLiteral("</head>"));
        return html;
    }
    return QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\">") + headExtras(options) +
           QStringLiteral("</head><body>") + html + QStringLiteral("</body></html>");
}

QString plainTextDocument(const QString &text, const PreviewOptions &options)
{
    const QString style = options.dark ? QStringLiteral("background:#1e1e1e;color:#e6e6e6;")
                                       : QStringLiteral("background:#fff;color:#202124;");
    return QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\">") + headExtras(options) +
           QStringLiteral("</head><body style=\"margin:16px;font:14px/1.5 sans-serif;") + style +
           QStringLiteral("\"><div style=\"white-space:pre-wrap;overflow-wrap:anywhere\">") +
           text.toHtmlEscaped() + QStringLiteral("</div></body></html>");
}

} // namespace cio::ui
