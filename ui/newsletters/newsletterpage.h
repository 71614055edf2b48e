#pragma once

#include "api/dto.h"
#include "api/error.h"
#include "models/translation/exchange.h"
#include "models/variants/variantmatrix.h"
#include "qa/finding.h"
#include "ui/newsletters/outdateddialog.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace cio::models {
class LocalStore;
class VariantMatrixModel;
class VariantSaver;
class WorkspaceSession;
} // namespace cio::models

namespace cio::qa {
class QaRunner;
}

namespace cio::ui {

class DeliveriesTab;
class MessageWidget;

// One newsletter: its header and the variant matrix (test groups × languages) with a status per cell.
class NewsletterPage final : public QWidget
{
    Q_OBJECT

public:
    // Drafts are read from, and saved variants written to, the session's store (may be null).
    explicit NewsletterPage(models::WorkspaceSession *session, QWidget *parent = nullptr);

    void load(qint64 newsletterId);
    void reload();
    qint64 newsletterId() const { return m_newsletter.id; }
    models::VariantMatrixModel *matrixModel() const { return m_matrixModel; }
    QTableView *matrixView() const { return m_matrix; }
    bool isLoading() const { return m_pending > 0; }
    // Re-reads which variants have a local draft (shown as "unsaved draft") from the store.
    void refreshDrafts();
    void setReadOnly(bool readOnly);
    // Adds a translation in `language` to every test group (or to the given rows of the matrix only),
    // pre-filled from each group's Default.
    void addLanguage(const QString &language, const QList<int> &rows = {});
    // The languages Add Language… offers: the workspace's own first, then an empty string (a separator),
    // then other common ones; none the newsletter already has.
    QStringList offeredLanguages() const;
    // "Deutsch — German (de)".
    static QString languageLabel(const QString &code);
    // A missing cell: asks "Add <language> to <group>?" and adds it, pre-filled from the row's Default.
    void offerMissing(int row, int column);
    // An outdated cell: why, with what the Default changed since (a non-modal dialog, returned for tests).
    OutdatedDialog *showWhyOutdated(int row, int column);
    // Marks an outdated translation as still current for its Default's latest change.
    bool markStillCurrent(int row, int column);
    // Goes to the next cell needing work after the current one (row by row, wrapping): offers to add a
    // missing one, opens the others in the editor. False when every cell is done.
    bool openNextWork();
    // Saves every draft of this newsletter in one rate-limited batch, with progress and a result per variant.
    void saveAllDrafts();
    // Opens a variant of the loaded newsletter in the editor (variantActivated); false if it has none.
    bool openVariant(qint64 contentId);
    MessageWidget *messageWidget() const { return m_message; }
    // Translations → Export to XLIFF… / Import from XLIFF… (newsletterpagetranslations.cpp).
    void exportTranslations();
    void importTranslations();
    // Checks `paths` unit by unit (any problem: a message, nothing pushed), shows the review, and pushes
    // what the user keeps. False when nothing was pushed.
    bool importTranslationFiles(const QStringList &paths);
    QPushButton *translationsButton() const { return m_translations; }
    // Runs the quality checks of every variant (drafts included); the matrix shows a status per cell.
    void runQualityChecks();
    // The editor's latest result for one variant.
    void setVariantQuality(qint64 contentId, int errors, int warnings);
    const QHash<qint64, QList<qa::Finding>> &qaFindings() const { return m_findings; }
    QTabWidget *tabs() const { return m_tabs; }
    DeliveriesTab *deliveriesTab() const { return m_deliveries; }

signals:
    void backRequested();
    void variantActivated(const cio::api::Content &variant, const cio::api::Content &defaultVariant,
                          const QList<cio::api::TestGroup> &groups);
    void loaded();
    void qualityChecked();

private:
    QPushButton *buildHeader(); // returns the Back button
    void buildMatrix();
    void buildNextWork();
    void buildActions();
    void buildLayout(QPushButton *back);
    void connectSignals(QPushButton *back);
    void loadFinished(bool fromStore);
    void activateCell(const QModelIndex &index);
    void showCellMenu(const QPoint &pos);
    void chooseLanguage();
    QWidget *buildLegend();
    // Why a cell is outdated (null when it is not), for the dialog and the cell's tooltip.
    std::optional<OutdatedDialog::Facts> outdatedFacts(const models::VariantMatrix &matrix, int row,
                                                       int column) const;
    void rebuildMatrix();
    void updateHeader();
    void updateActions();
    void pushTranslations(const QList<models::translation::ImportedVariant> &variants);

    models::WorkspaceSession *m_session; // outlives the page
    QPointer<models::LocalStore> m_store;
    api::Newsletter m_newsletter;
    QList<api::Content> m_contents;
    QList<api::TestGroup> m_groups;
    QSet<qint64> m_drafts;
    models::TextTimes m_times;
    int m_pending = 0;
    quint64 m_generation = 0;
    api::Error m_error;

    QLabel *m_title;
    QLabel *m_details;
    MessageWidget *m_message;
    QTableView *m_matrix;
    QWidget *m_legend;
    models::VariantMatrixModel *m_matrixModel;
    QPushButton *m_addLanguage;
    QPushButton *m_saveAll;
    QPushButton *m_previewAll;
    QPushButton *m_translations;
    QPushButton *m_nextWork;
    QLabel *m_qaSummary;
    qa::QaRunner *m_qa;
    QTabWidget *m_tabs;
    DeliveriesTab *m_deliveries;
    QHash<qint64, QList<qa::Finding>> m_findings;
    QProgressBar *m_progress;
    models::VariantSaver *m_saver;
    bool m_readOnly = false;
};

} // namespace cio::ui
