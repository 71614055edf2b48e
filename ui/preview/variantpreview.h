#pragma once

#include "liquid/jsondata.h"
#include "liquid/liquidresult.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QTimer;
class QToolButton;

namespace cio::liquid {
class LiquidEngine;
}
namespace cio::models {
class LocalStore;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class PreviewView;

// One Liquid problem found while rendering the preview: which field, and the engine's error.
struct PreviewProblem
{
    QString field; // subject, preheader, body, body_plain
    liquid::LiquidError error;
};

// The variant editor's live preview: renders subject, preheader and body with Customer.io Liquid
// against the chosen sample-data set and the workspace's snippets (both from the local store), a
// moment after the last keystroke, and shows the result in a PreviewView. Strict by default (a
// missing attribute is reported as a send failure); lax renders blanks.
class VariantPreview final : public QWidget
{
    Q_OBJECT

public:
    explicit VariantPreview(models::WorkspaceSession *session, QWidget *parent = nullptr);

    // The texts being edited; rendering follows after a short pause.
    void setTexts(const QString &subject, const QString &preheader, const QString &body, bool bodyIsText);
    // A variant is opened (the editor calls this on every open, the same variant's too): picks the
    // sample-data set that suits its language (else the default) and blocks remote content again, so
    // "Load Remote Content" is a choice for one preview of one variant, never carried over.
    void setLanguage(const QString &language);

    PreviewView *view() const { return m_view; }
    liquid::JsonData sampleData() const;
    QHash<QString, QString> snippets() const;
    bool isStrict() const;
    void setStrict(bool strict);
    qint64 currentSampleSet() const;
    void selectSampleSet(qint64 id);

    // Figures of the last update: from the last edit to the preview's document loaded, and the
    // engine's own render time (subject + preheader + body).
    qint64 lastUpdateMs() const { return m_lastUpdateMs; }
    double lastRenderMs() const { return m_lastRenderMs; }
    void renderNow();

signals:
    void rendered(const QList<cio::ui::PreviewProblem> &problems);
    void updated(); // the preview shows the latest text

protected:
    void showEvent(QShowEvent *event) override;

private:
    void reloadSampleSets();
    void chooseSampleSet(); // the set that suits m_language
    void editSampleData();
    void shown(bool ok);

    QPointer<models::LocalStore> m_store;
    QPointer<liquid::LiquidEngine> m_liquid;
    PreviewView *m_view;
    QComboBox *m_sampleSets;
    QToolButton *m_editSets;
    QCheckBox *m_strict;
    QTimer *m_debounce;
    QString m_subject, m_preheader, m_body;
    bool m_bodyIsText = false;
    QString m_language;
    bool m_rendering = false;
    bool m_renderAgain = false;
    bool m_waitingForLoad = false;
    bool m_renderWhenShown = false; // texts arrived while hidden: WebEngine starts only for a shown preview
    QElapsedTimer m_sinceEdit;
    qint64 m_lastUpdateMs = 0;
    double m_lastRenderMs = 0;
};

} // namespace cio::ui

Q_DECLARE_METATYPE(cio::ui::PreviewProblem)
