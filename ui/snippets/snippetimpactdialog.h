#pragma once

#include "api/dto.h"
#include "liquid/jsondata.h"
#include "models/snippets/snippetusages.h"

#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QSet>

class QDialogButtonBox;
class QLabel;
class QListWidget;

namespace cio::liquid {
class LiquidEngine;
}
namespace cio::models {
class LocalStore;
class WorkspaceSession;
}

namespace cio::ui {

class PreviewView;

// Before saving a changed snippet that variants use: each affected variant rendered with the snippet's
// saved value and with the new one, side by side, with the workspace's sample data. Save accepts the
// dialog, Cancel rejects it; the owner sends nothing until it is accepted.
class SnippetImpactDialog final : public QDialog
{
    Q_OBJECT

public:
    SnippetImpactDialog(models::WorkspaceSession *session, const QString &name, const QString &oldValue,
                        const QString &newValue, const QList<models::SnippetUsage> &usages,
                        QWidget *parent = nullptr);

    // The affected variants, one row each, in usage order.
    QList<qint64> contentIds() const { return m_contentIds; }
    QListWidget *variantList() const { return m_list; }
    PreviewView *beforeView() const { return m_before; }
    PreviewView *afterView() const { return m_after; }
    QDialogButtonBox *buttons() const { return m_buttons; }
    // Problems the new value brings to the variant shown (Liquid errors that the old one did not have).
    QString problemText() const;

signals:
    void variantRendered(qint64 contentId); // both sides show this variant

private:
    QSet<qint64> fillVariantList(const QList<models::SnippetUsage> &usages);
    void buildLayout(const QString &name, const QSet<qint64> &newsletters);
    QWidget *buildSides();
    void showRow(int row);
    liquid::JsonData sampleDataFor(const QString &language) const;

    QPointer<models::LocalStore> m_store;
    QPointer<liquid::LiquidEngine> m_liquid;
    QString m_name, m_oldValue, m_newValue;
    QList<models::SnippetUsage> m_usages;
    QList<qint64> m_contentIds;
    quint64 m_generation = 0;

    QListWidget *m_list;
    PreviewView *m_before;
    PreviewView *m_after;
    QLabel *m_problems;
    QDialogButtonBox *m_buttons;
};

} // namespace cio::ui
