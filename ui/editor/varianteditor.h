#pragma once

#include "api/dto.h"
#include "models/variants/variantaddress.h"
#include "qa/finding.h"

#include <QJsonObject>
#include <QPointer>
#include "ui/common/editorframe.h"

#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableWidget;
class QTabWidget;
class QTimer;
class QToolButton;

namespace cio::models {
class LocalStore;
class VariantSaver;
class WorkspaceSession;
struct SaveResult;
} // namespace cio::models

namespace cio::qa {
class QaRunner;
}

namespace cio::ui {

class CodeEditor;
class MessageWidget;
class QaPanel;
class VariantPreview;

// Edits one variant beside its Default: subject, preheader, recipient, From/Reply-To, HTML/AMP/plain
// bodies. Every change is kept as a local draft within a second; Ctrl+S saves through the safe-save
// path (conflict check, snapshot, only changed fields); "Undo last save" and "Revert to server".
class VariantEditor final : public EditorFrame
{
    Q_OBJECT

public:
    // Drafts and save snapshots go to the session's store (may be null: nothing is kept locally).
    explicit VariantEditor(models::WorkspaceSession *session, QWidget *parent = nullptr);
    ~VariantEditor() override;

    // Takes copies on purpose: opening writes the previous variant's draft first, which rebuilds the
    // matrix the arguments may come from.
    void open(api::Content variant, api::Content defaultVariant, QList<api::TestGroup> groups,
              bool readOnly);
    void setCompletionWords(const QStringList &words);

    const api::Content &base() const { return m_base; }
    // The fields that differ from the version the edit started from (API names). This is what the
    // local draft keeps, the body included when the API cannot change it.
    QJsonObject changes() const;
    // What a save sends: changes() without a body the API refuses to change (drag-and-drop).
    QJsonObject saveableChanges() const;
    bool isModified() const { return !changes().isEmpty(); }
    bool isBodyLocked() const { return m_bodyLocked; }

    void save();
    // Both ask first when they would replace text (the answer can be scripted with MessageBox).
    void revertToServer();
    void undoLastSave();
    void writeDraftNow();
    // Back to the matrix: asks first about unsaved changes (save, keep as draft, or stay); false when
    // the user chose to stay.
    bool requestClose();
    // Writes the draft and lets go of the variant: the editor holds nothing until the next open().
    void closeVariant();

    // Layout: the Default beside the translation, and the preview in its own window. Both are
    // remembered (QSettings) for the next editor.
    void setDefaultVisible(bool visible);
    bool isDefaultVisible() const;
    void setPreviewDetached(bool detached);
    bool isPreviewDetached() const { return m_previewWindow != nullptr; }
    // The sender, recipient, BCC and header fields fold into one summary line.
    void setSenderFieldsExpanded(bool expanded);
    void showFindBar();
    QLineEdit *findEdit() const { return m_find; }
    CodeEditor *defaultBodyView() const { return m_defaultBody; }

    QLineEdit *subjectEdit() const { return m_subject; }
    QLineEdit *preheaderEdit() const { return m_preheader; }
    CodeEditor *bodyEdit() const { return m_body; }
    MessageWidget *messageWidget() const { return m_message; }
    VariantPreview *preview() const { return m_preview; }
    QaPanel *qaPanel() const { return m_qaPanel; }
    QTabWidget *sideTabs() const { return m_sideTabs; }
    // The variant as it stands in the editor (the base with every edited field).
    api::Content currentContent() const;
    // Runs the quality checks now (they also run a moment after each edit and before every save).
    void runQualityChecks();
    const QList<qa::Finding> &findings() const { return m_findings; }
    // Shows the place a finding points at: the field, line and column.
    void showFinding(const qa::Finding &finding);

signals:
    void closeRequested();
    void saved(const cio::api::Content &content);
    void draftChanged(qint64 contentId);
    // The quality checks of the text in the editor finished (errors, warnings).
    void qualityChecked(qint64 contentId, int errors, int warnings);

protected:
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildDefaultPane();
    QWidget *buildEditPane();
    // The find bar's buttons, wired by connectEditPane() after the fields.
    struct FindButtons
    {
        QToolButton *open;
        QToolButton *close;
        QPushButton *replaceAll;
    };
    void buildFields(QWidget *pane);
    FindButtons buildFindBar(QWidget *pane);
    QFormLayout *buildFieldForms(QWidget *pane);
    void connectEditPane(const FindButtons &find);
    void loadFields(const api::Content &content, const QJsonObject &overrides);
    void showDefault(const api::Content &content, const QString &title);
    void fieldEdited();
    void updateMarkers();
    void handleSaveResult(const models::SaveResult &result);
    void resolveConflict(const models::SaveResult &result);
    void loadSenders();
    void setBusy(bool busy);
    void lockBody(const QString &reason, bool remembered);
    // Shows a version in the fields and brings the markers, the preview and the checks up to date.
    void showContent(const api::Content &content, const QJsonObject &overrides);
    void updateSenderSummary();
    void messageActionTriggered();
    bool confirmReplacingText(const QString &title, const QString &text, const QString &action);
    void saveLayout();
    void restoreLayout();
    QWidget *buildSidePane();
    void updatePreview();
    void checksDone(const QList<qa::Finding> &findings);
    void saveChecked(); // save() after the checks (and the user's override of their errors)
    void sendSave(const api::Content &base, bool force); // saveableChanges() on top of `base`

    models::WorkspaceSession *m_session; // outlives the editor
    QPointer<models::LocalStore> m_store;
    models::VariantSaver *m_saver;
    api::Content m_base;
    api::Content m_default;
    QList<api::TestGroup> m_groups;
    models::VariantAddress m_address;
    bool m_readOnly = false;
    bool m_loading = false;
    bool m_bodyLocked = false;
    bool m_pendingBodyRefusal = false; // the last save's body was refused without a reason
    QTimer *m_draftTimer;

    QLabel *m_title;          // the frame's
    MessageWidget *m_message; // the frame's
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
    QWidget *m_findBar = nullptr;
    QToolButton *m_senderToggle = nullptr;
    QWidget *m_senderFields = nullptr;
    QPushButton *m_defaultToggle = nullptr;
    QPushButton *m_detachButton = nullptr;
    QWidget *m_previewWindow = nullptr;
    bool m_scrollingInStep = false;
    QHash<QString, QLabel *> m_markers; // field → its label, marked when modified
    QTabWidget *m_sideTabs = nullptr;
    VariantPreview *m_preview = nullptr;
    QaPanel *m_qaPanel = nullptr;
    qa::QaRunner *m_qa;
    QTimer *m_qaTimer;
    QList<qa::Finding> m_findings;
    quint64 m_qaGeneration = 0;
    bool m_saveAfterChecks = false;
    bool m_sized = false;
};

} // namespace cio::ui
