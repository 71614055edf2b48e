#include "liquid/previewprofile.h"

#include "liquid/webengine.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QPointer>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlSchemeHandler>

namespace cio::liquid {

namespace {

class SchemeHandler final : public QWebEngineUrlSchemeHandler
{
public:
    explicit SchemeHandler(PreviewProfile *owner)
        : QWebEngineUrlSchemeHandler(owner)
        , m_owner(owner)
    {}

    void requestStarted(QWebEngineUrlRequestJob *job) override
    {
        // The profile goes first when the application shuts down; a late request finds nothing.
        const QByteArray html = m_owner ? m_owner->document(job->requestUrl().path()) : QByteArray();
        if (html.isNull()) {
            job->fail(QWebEngineUrlRequestJob::UrlNotFound);
            return;
        }
        auto *buffer = new QBuffer(job);
        buffer->setData(html);
        buffer->open(QIODevice::ReadOnly);
        job->reply(QByteArrayLiteral("text/html;charset=utf-8"), buffer);
    }

private:
    QPointer<PreviewProfile> m_owner;
};

} // namespace

PreviewProfile::PreviewProfile(QObject *parent)
    : QObject(parent)
{}

QWebEngineProfile *PreviewProfile::profile()
{
    if (m_profile)
        return m_profile;
    m_profile = new QWebEngineProfile(this); // no storage name: off the record
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->installUrlSchemeHandler(QByteArray(webengine::PreviewScheme), new SchemeHandler(this));
    QWebEngineSettings *settings = m_profile->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalStorageEnabled, false);
    settings->setAttribute(QWebEngineSettings::HyperlinkAuditingEnabled, false);
    settings->setAttribute(QWebEngineSettings::DnsPrefetchEnabled, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    settings->setAttribute(QWebEngineSettings::NavigateOnDropEnabled, false);
    settings->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);
    return m_profile;
}

QUrl PreviewProfile::publish(const void *owner, const QByteArray &html)
{
    withdraw(owner);
    const QString path = QStringLiteral("/email/%1.html").arg(++m_generation);
    m_documents.insert(path, html);
    m_pathOf.insert(owner, path);
    QUrl url;
    url.setScheme(QString::fromLatin1(webengine::PreviewScheme));
    url.setPath(path);
    return url;
}

void PreviewProfile::withdraw(const void *owner)
{
    const QString path = m_pathOf.take(owner);
    if (!path.isEmpty())
        m_documents.remove(path);
}

QByteArray PreviewProfile::document(const QString &path) const
{
    return m_documents.value(path);
}

} // namespace cio::liquid
