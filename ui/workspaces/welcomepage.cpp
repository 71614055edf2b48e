#include "ui/workspaces/welcomepage.h"

#include "models/common/theme.h"

#include <QApplication>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cio::ui {

WelcomePage::WelcomePage(QWidget *parent)
    : QWidget(parent)
    , m_openDemo(new QPushButton(tr("Open demo workspace"), this))
    , m_addWorkspace(new QPushButton(tr("Add workspace…"), this))
    , m_workspacesTitle(new QLabel(tr("Your workspaces"), this))
    , m_workspaces(new QListWidget(this))
    , m_error(new QLabel(this))
{
    setUpControls();
    buildLayout(buildCard());
    connect(m_openDemo, &QPushButton::clicked, this, &WelcomePage::openDemoRequested);
    connect(m_addWorkspace, &QPushButton::clicked, this, &WelcomePage::addWorkspaceRequested);
    connect(m_workspaces, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        emit openWorkspaceRequested(item->data(Qt::UserRole).toString());
    });
}

void WelcomePage::setUpControls()
{
    m_openDemo->setObjectName(QStringLiteral("openDemoButton"));
    m_openDemo->setDefault(true);
    m_openDemo->setMinimumHeight(34);
    m_addWorkspace->setObjectName(QStringLiteral("addWorkspaceButton"));
    m_addWorkspace->setMinimumHeight(34);
    m_workspaces->setObjectName(QStringLiteral("welcomeWorkspaces"));
    m_workspaces->setMaximumHeight(150);
    QFont sectionFont = m_workspacesTitle->font();
    sectionFont.setBold(true);
    m_workspacesTitle->setFont(sectionFont);
    m_workspacesTitle->hide();
    m_workspaces->hide();
    m_error->setObjectName(QStringLiteral("welcomeError"));
    m_error->setWordWrap(true);
    m_error->setPalette(theme::withTextColour(m_error->palette(), theme::Role::ErrorText));
    m_error->hide();
}

// The card: what the app is, the saved workspaces, adding one, the demo, and the last error.
QFrame *WelcomePage::buildCard()
{
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("welcomeCard"));
    card->setFrameShape(QFrame::StyledPanel);
    card->setFixedWidth(560); // wrapped labels need a definite width to compute their height
    const auto paragraph = [card](const QString &text) {
        auto *label = new QLabel(text, card);
        label->setWordWrap(true);
        return label;
    };
    auto *title = new QLabel(tr("Welcome to cio-studio"), card);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);

    auto *cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(28, 24, 28, 24);
    cardLayout->setSpacing(14);
    cardLayout->addWidget(title);
    cardLayout->addWidget(
        paragraph(tr("Edit the translations and A/B variants of your Customer.io newsletters side "
                     "by side, keep snippets and manual segments in order, and never lose a word "
                     "you typed.")));
    cardLayout->addSpacing(6);
    cardLayout->addWidget(m_workspacesTitle);
    cardLayout->addWidget(m_workspaces);
    cardLayout->addWidget(
        paragraph(tr("To work on your own workspace, add it with its App API key (Customer.io: "
                     "Account settings → API credentials). The key is kept in your system's "
                     "keychain.")));
    cardLayout->addWidget(m_addWorkspace, 0, Qt::AlignLeft);
    cardLayout->addSpacing(6);
    cardLayout->addWidget(
        paragraph(tr("The demo workspace runs a local sandbox of the Customer.io App API on this "
                     "computer, filled with sample newsletters in several languages. No account "
                     "or API key is needed and nothing leaves your machine.")));
    cardLayout->addWidget(m_openDemo, 0, Qt::AlignLeft);
    cardLayout->addWidget(m_error);
    return card;
}

void WelcomePage::buildLayout(QFrame *card)
{
    // Stretches rather than alignment flags: an aligned widget gets its plain size hint, which cuts
    // word-wrapped labels short; inside a box layout it gets the height its width needs.
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(card);
    row->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

void WelcomePage::setWorkspaces(const QList<models::WorkspaceProfile> &profiles)
{
    m_workspaces->clear();
    for (const models::WorkspaceProfile &p : profiles) {
        QPixmap dot(12, 12);
        dot.fill(theme::workspaceColour(p.colour));
        QString text = p.name + QStringLiteral("  —  ") + api::regionName(p.region).toUpper();
        if (p.readOnly)
            text += QStringLiteral(" · ") + tr("read-only");
        auto *item = new QListWidgetItem(QIcon(dot), text, m_workspaces);
        item->setData(Qt::UserRole, p.id);
        item->setToolTip(tr("Double-click to open"));
    }
    m_workspacesTitle->setVisible(!profiles.isEmpty());
    m_workspaces->setVisible(!profiles.isEmpty());
}

void WelcomePage::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void WelcomePage::setBusy(bool busy)
{
    m_openDemo->setEnabled(!busy);
    m_addWorkspace->setEnabled(!busy);
    m_workspaces->setEnabled(!busy);
    m_openDemo->setText(busy ? tr("Starting the demo sandbox…") : tr("Open demo workspace"));
}

} // namespace cio::ui
