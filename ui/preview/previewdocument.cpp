#include "ui/preview/previewdocument.h"

#include "models/common/theme.h"

#include <QCoreApplication>
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

// The recipient's client's scheme, which the preview's colours follow (not the app's palette).
theme::Scheme schemeOf(const PreviewOptions &options)
{
    return options.dark ? theme::Scheme::Dark : theme::Scheme::Light;
}

QString attribute(const QString &tag, const QString &name)
{
    const QRegularExpression re(
        QStringLiteral(R"re(\s%1\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))re").arg(name),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(tag);
    if (!m.hasMatch())
        return {};
    for (int i = 1; i <= 3; ++i) {
        if (m.capturedStart(i) >= 0)
            return m.captured(i).trimmed().replace(QLatin1String("&amp;"), QLatin1String("&"));
    }
    return {};
}

// A CSS length from a width/height attribute ("300", "300px", "100%"), empty when it is none.
QString cssLength(const QString &value)
{
    static const QRegularExpression number(QStringLiteral(R"(^(\d{1,4})(px|%)?$)"));
    const QRegularExpressionMatch m = number.match(value);
    if (!m.hasMatch())
        return {};
    return m.captured(1) + (m.captured(2).isEmpty() ? QStringLiteral("px") : m.captured(2));
}

QString placeholder(const QString &tag, const LeftOut &item, theme::Scheme scheme)
{
    QString size;
    if (const QString width = cssLength(attribute(tag, QStringLiteral("width"))); !width.isEmpty())
        size += QStringLiteral("width:") + width + QLatin1Char(';');
    if (const QString height = cssLength(attribute(tag, QStringLiteral("height"))); !height.isEmpty())
        size += QStringLiteral("min-height:") + height + QLatin1Char(';');
    const QString what =
        item.kind == LeftOut::Kind::Frame
            ? QCoreApplication::translate("cio::ui::PreviewView", "Frame left out of the preview")
            : QCoreApplication::translate("cio::ui::PreviewView", "Embedded object left out of the preview");
    QString text = what;
    if (!item.url.isEmpty())
        text += QStringLiteral(": ") + item.url;
    // Inline styles only: the email's own stylesheet must not hide the box.
    return QStringLiteral("<div class=\"cio-left-out\" title=\"") + text.toHtmlEscaped() +
           QStringLiteral("\" style=\"box-sizing:border-box;max-width:100%;") + size +
           QStringLiteral("margin:4px 0;padding:8px;") + theme::previewPlaceholderCss(scheme) +
           QStringLiteral("font:12px/1.4 sans-serif;overflow-wrap:anywhere\">") + text.toHtmlEscaped() +
           QStringLiteral("</div>");
}

// Replaces every frame and embedded object with a placeholder box. With their closing tag their
// fallback content goes too (a recipient's client shows neither).
QString leaveOutEmbedded(const QString &html, theme::Scheme scheme, QList<LeftOut> *leftOut)
{
    static const QRegularExpression embedded(
        QStringLiteral(R"(<(iframe|object|applet)\b[^>]*>(?:.*?</\1\s*>)?|<(?:embed|frame)\b[^>]*>)"),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression openTag(QStringLiteral(R"(^<([a-z]+)[^>]*>)"),
                                            QRegularExpression::CaseInsensitiveOption);
    QString result;
    qsizetype last = 0;
    QRegularExpressionMatchIterator it = embedded.globalMatch(html);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QRegularExpressionMatch open = openTag.match(m.captured(0));
        const QString tag = open.captured(0);
        const QString name = open.captured(1).toLower();
        LeftOut item;
        item.kind = name == QLatin1String("iframe") || name == QLatin1String("frame") ? LeftOut::Kind::Frame
                                                                                      : LeftOut::Kind::Object;
        item.url =
            attribute(tag, name == QLatin1String("object") ? QStringLiteral("data") : QStringLiteral("src"));
        if (leftOut)
            leftOut->append(item);
        result += QStringView(html).mid(last, m.capturedStart(0) - last);
        result += placeholder(tag, item, scheme);
        last = m.capturedEnd(0);
    }
    if (last == 0)
        return html;
    result += QStringView(html).mid(last);
    return result;
}

} // namespace

QString previewDocument(const QString &renderedHtml, const PreviewOptions &options, QList<LeftOut> *leftOut)
{
    QString html = leaveOutEmbedded(renderedHtml, schemeOf(options), leftOut);
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
    const QString style = theme::previewPageCss(schemeOf(options));
    return QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\">") + headExtras(options) +
           QStringLiteral("</head><body style=\"margin:16px;font:14px/1.5 sans-serif;") + style +
           QStringLiteral("\"><div style=\"white-space:pre-wrap;overflow-wrap:anywhere\">") +
           text.toHtmlEscaped() + QStringLiteral("</div></body></html>");
}

} // namespace cio::ui
