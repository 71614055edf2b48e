#include "ui/editor/qapanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace cio::ui {

QaPanel::QaPanel(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("qaPanel"));
    m_summary->setObjectName(QStringLiteral("qaSummary"));
    m_summary->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("qaFindings"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Level"), tr("Where"), tr("Problem")});
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_list->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    connect(m_list, &QTreeWidget::itemActivated, this, &QaPanel::activated);
    connect(m_list, &QTreeWidget::itemClicked, this, &QaPanel::activated);
    setFindings({});
}

QString QaPanel::fieldLabel(const QString &field)
{
    if (field == QLatin1String("subject"))
        return tr("Subject");
    if (field == QLatin1String("preheader"))
        return tr("Preheader");
    if (field == QLatin1String("body"))
        return tr("HTML body");
    if (field == QLatin1String("body_amp"))
        return tr("AMP body");
    if (field == QLatin1String("body_plain"))
        return tr("Plain body");
    return field;
}

void QaPanel::setFindings(const QList<qa::Finding> &findings)
{
    m_findings = findings;
    m_checking = false;
    m_list->clear();
    for (int i = 0; i < findings.size(); ++i) {
        const qa::Finding &f = findings.at(i);
        auto *item = new QTreeWidgetItem(m_list);
        const QStyle::StandardPixmap icon = f.level == qa::Level::Error ? QStyle::SP_MessageBoxCritical
                                            : f.level == qa::Level::Warning
                                                ? QStyle::SP_MessageBoxWarning
                                                : QStyle::SP_MessageBoxInformation;
        item->setIcon(0, style()->standardIcon(icon));
        item->setText(0, f.level == qa::Level::Error     ? tr("Error")
                         : f.level == qa::Level::Warning ? tr("Warning")
                                                         : tr("Note"));
        item->setText(1, f.line > 0 ? tr("%1 %2:%3").arg(fieldLabel(f.field)).arg(f.line).arg(f.column)
                                    : fieldLabel(f.field));
        item->setText(2, f.message);
        item->setToolTip(2, f.message);
        item->setData(0, Qt::UserRole, i);
    }
    m_summary->setText(summary());
}

void QaPanel::setChecking(bool checking)
{
    m_checking = checking;
    m_summary->setText(summary());
}

QString QaPanel::summary() const
{
    if (m_checking)
        return tr("Checking…");
    const int errors = qa::errorCount(m_findings);
    const int warnings = qa::warningCount(m_findings);
    if (m_findings.isEmpty())
        return tr("No problems found.");
    QString text =
        tr("%n error(s)", nullptr, errors) + QStringLiteral(", ") + tr("%n warning(s)", nullptr, warnings);
    if (errors > 0)
        text += QStringLiteral(" — ") + tr("errors block saving unless you choose to save anyway.");
    return text;
}

void QaPanel::activated(QTreeWidgetItem *item)
{
    const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
    if (index >= 0 && index < m_findings.size())
        emit findingActivated(m_findings.at(index));
}

} // namespace cio::ui
