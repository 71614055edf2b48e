#pragma once

#include "qa/finding.h"

#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace cio::ui {

// Lists the quality checks' findings of one variant: level, place (field, line, column) and message.
// Activating a finding asks the editor to show that place.
class QaPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit QaPanel(QWidget *parent = nullptr);

    void setFindings(const QList<qa::Finding> &findings);
    void setChecking(bool checking); // "Checking…" while a run is under way
    const QList<qa::Finding> &findings() const { return m_findings; }
    QTreeWidget *list() const { return m_list; }
    // "2 errors, 1 warning" or "No problems found".
    QString summary() const;

    static QString fieldLabel(const QString &field);

signals:
    void findingActivated(const cio::qa::Finding &finding);

private:
    void activated(QTreeWidgetItem *item);

    QList<qa::Finding> m_findings;
    QLabel *m_summary;
    QTreeWidget *m_list;
    bool m_checking = false;
};

} // namespace cio::ui
