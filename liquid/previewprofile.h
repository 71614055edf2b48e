#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>

class QWebEngineProfile;

namespace cio::liquid {

// The WebEngine profile the email previews of one workspace use (models::WorkspaceSession owns it): off
// the record (no cache, cookies or storage on disk) and serving rendered emails from the cio-preview:
// scheme, which has no size limit, unlike QWebEnginePage::setHtml (2 MB). Delete it after every preview
// page that uses it, and before the application object.
class PreviewProfile final : public QObject
{
    Q_OBJECT

public:
    // Cheap: WebEngine starts when the first view asks for profile().
    explicit PreviewProfile(QObject *parent = nullptr);
    QWebEngineProfile *profile();

    // Publishes a document and returns the URL that serves it. A new URL for every publish (the view
    // reloads); documents of the same owner replace each other.
    QUrl publish(const void *owner, const QByteArray &html);
    void withdraw(const void *owner);
    QByteArray document(const QString &path) const;

private:
    QWebEngineProfile *m_profile = nullptr;
    QHash<QString, QByteArray> m_documents; // path → html
    QHash<const void *, QString> m_pathOf;  // owner → its current path
    quint64 m_generation = 0;
};

} // namespace cio::liquid
