#pragma once

#include "api/dto.h"
#include "models/variantaddress.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTimer;

namespace cio::api {
class Client;
}
namespace cio::models {
class LocalStore;
class VariantSaver;
struct SaveResult;
} // namespace cio::models

namespace cio::ui {

class CodeEditor;
class MessageWidget;

// Edits one variant beside its Default: subject, preheader, recipient, From/Reply-To, HTML/AMP/plain
// bodies. Every change is kept as a local draft within a second; Ctrl+S saves through the safe-save
// path (conflict check, snapshot, only changed fields); "Undo last save" and "Revert to server".
class VariantEditor final : public QWidget
{
    Q_OBJECT

public:
    VariantEditor(api::Client *client, models::LocalStore *store, QWidget *parent = nullptr);
    ~VariantEditor() override;

    void open(const api::Content &variant, const api::Content &defaultVariant,
              const QList<api::TestGroup> &groups, bool readOnly);
    void setCompletionWords(const QStringList &words);

    const api::Content &base() const { return m_base; }
    // The fields that differ from the version the edit started from (API names).
    QJsonObject changes() const;
    bool isModified() const { return !changes().isEmpty(); }

    void save();
    void revertToServer();
    void undoLastSave();
    void writeDraftNow();

    QLineEdit *subjectEdit() const { return m_subject; }
    QLineEdit *preheaderEdit() const { return m_preheader; }
    CodeEditor *bodyEdit() const { return m_body; }
    MessageWidget *messageWidget() const { return m_message; }

signals:
    void closeRequested();
    void saved(const cio::api::Content &content);
    void draftChanged(qint64 contentId);

private:
    QWidget *buildDefaultPane();
    QWidget *buildEditPane();
    void loadFields(const api::Content &content, const QJsonObject &overrides);
    void showDefault(const api::Content &content, const QString &title);
    void fieldEdited();
    void updateMarkers();
    void handleSaveResult(const models::SaveResult &result);
    void resolveConflict(const models::SaveResult &result);
    void loadSenders();
    void setBusy(bool busy);
    void lockBody(const QString &reason);

    QPointer<api::Client> m_client;
    QPointer<models::LocalStore> m_store;
    models::VariantSaver *m_saver;
    api::Content m_base;
    api::Content m_default;
    QList<api::TestGroup> m_groups;
    models::VariantAddress m_address;
    bool m_readOnly = false;
    bool m_loading = false;
    bool m_bodyLocked = false;
    QTimer *m_draftTimer;

    QLabel *m_title;
    MessageWidget *m_message;
    QPushButton *m_saveButton;
    QPushButton *m_revertButton;
    QPushButton *m_undoButton;
    QSplitter *m_splitter;
    QLabel *m_defaultTitle;
    QLabel *m_defaultSubject;
    QLabel *m_defaultPreheader;
    CodeEditor *m_defaultBody;
    QLineEdit *m_subject;
    QLineEdit *m_preheader;
    QLineEdit *m_recipient;
    QComboBox *m_from;
    QComboBox *m_replyTo;
    QLineEdit *m_bcc;
    QTableWidget *m_headers;
    QTabWidget *m_bodyTabs;
    CodeEditor *m_body;
    CodeEditor *m_bodyAmp;
    CodeEditor *m_bodyPlain;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QHash<QString, QLabel *> m_markers; // field → its label, marked when modified
};

} // namespace cio::ui
