#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QUrl>

class QWebEngineProfile;

namespace cio::ui {

// The one WebEngine profile every email preview uses: off the record (no cache, cookies or storage on
// disk) and serving rendered emails from the cio-preview: scheme, which has no size limit, unlike
// QWebEnginePage::setHtml (2 MB).
class PreviewProfile final : public QObject
{
    Q_OBJECT

public:
    static PreviewProfile *instance(); // created on first use: the first preview shown
    static void shutdown();            // before the application object goes; every preview must be gone
    QWebEngineProfile *profile() const { return m_profile; }

    // Publishes a document and returns the URL that serves it. A new URL for every publish (the view
    // reloads); documents of the same owner replace each other.
    QUrl publish(const void *owner, const QByteArray &html);
    void withdraw(const void *owner);
    QByteArray document(const QString &path) const;

private:
    explicit PreviewProfile(QObject *parent);

    QWebEngineProfile *m_profile;
    QHash<QString, QByteArray> m_documents; // path → html
    QHash<const void *, QString> m_pathOf;  // owner → its current path
    quint64 m_generation = 0;
};

} // namespace cio::ui
