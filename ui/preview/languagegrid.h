#pragma once

#include "api/dto.h"

#include <QDialog>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QHBoxLayout;
class QLabel;
class QToolButton;

namespace cio::liquid {
class LiquidEngine;
class PreviewProfile;
} // namespace cio::liquid
namespace cio::models {
class LocalStore;
class WorkspaceSession;
} // namespace cio::models

namespace cio::ui {

class PreviewView;

// Every language of a newsletter's test group side by side, rendered at the same width with the same
// sample data: the translator's look across all translations at once. Each column keeps the chosen
// width (at least MinColumnWidth), so many languages scroll sideways rather than squeeze, and a column
// whose render failed says why in full. The window fits the screen and remembers its size.
class LanguageGrid final : public QDialog
{
    Q_OBJECT

public:
    LanguageGrid(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                 models::WorkspaceSession *session, QWidget *parent = nullptr);

    static constexpr int MinColumnWidth = 320;

    QList<PreviewView *> views() const { return m_views; }
    QList<QWidget *> columns() const { return m_columnWidgets; }
    QStringList languages() const; // the columns, in order ("" = Default)
    void selectGroup(int index);
    void setSampleSet(qint64 id);
    void renderAll();
    bool isRendering() const { return m_rendering; }
    bool isComplete() const { return m_complete; } // every column shows the latest render

signals:
    void renderedAll(); // every column shows the current group with the current data

protected:
    void done(int result) override;

private:
    void fillChoices();
    void buildLayout();
    void connectControls();
    void buildColumns();
    void applySettings();
    QList<api::Content> groupContents() const;

    QList<api::Content> m_contents;
    QList<api::TestGroup> m_groups;
    QPointer<models::LocalStore> m_store;
    QPointer<liquid::LiquidEngine> m_liquid;
    liquid::PreviewProfile *m_previewProfile; // the session's, which outlives the dialog
    QComboBox *m_group;
    QComboBox *m_width;
    QComboBox *m_sampleSets;
    QCheckBox *m_strict;
    QToolButton *m_dark;
    QToolButton *m_images;
    QToolButton *m_remote;
    QLabel *m_status;
    QWidget *m_columns;
    QHBoxLayout *m_columnsLayout;
    QList<PreviewView *> m_views;
    QList<QWidget *> m_columnWidgets;
    QList<QLabel *> m_problems; // per column: what went wrong rendering it
    QList<api::Content> m_shown;
    bool m_rendering = false;
    bool m_complete = false;
    int m_waitingLoads = 0;
};

} // namespace cio::ui
