#include "ui/newsletters/newsletterssection.h"

#include "models/store/localstore.h"
#include "models/workspacesession.h"
#include "ui/editor/varianteditor.h"
#include "ui/newsletters/newsletterlistpage.h"
#include "ui/newsletters/newsletterpage.h"

namespace cio::ui {

NewslettersSection::NewslettersSection(models::WorkspaceSession *session, QWidget *parent)
    : QStackedWidget(parent)
    , m_session(session)
    , m_list(new NewsletterListPage(session, this))
    , m_page(new NewsletterPage(session, this))
    , m_editor(new VariantEditor(session, this))
{
    setObjectName(QStringLiteral("newslettersSection"));
    addWidget(m_list);
    addWidget(m_page);
    addWidget(m_editor);
    m_page->setReadOnly(session->isReadOnly());
    m_list->setStore(session->store());
    connectPages();
    updateCompletionWords();
    if (models::LocalStore *store = session->store())
        connect(store, &models::LocalStore::snippetsChanged, this, &NewslettersSection::updateCompletionWords);
}

void NewslettersSection::connectPages()
{
    connect(m_list, &NewsletterListPage::newsletterActivated, this, &NewslettersSection::openNewsletter);
    connect(m_page, &NewsletterPage::backRequested, this, [this] { setCurrentWidget(m_list); });
    connect(m_page, &NewsletterPage::variantActivated, this, &NewslettersSection::variantActivated);
    connect(m_page, &NewsletterPage::variantActivated, this,
            [this](const api::Content &variant, const api::Content &defaultVariant,
                   const QList<api::TestGroup> &groups) {
                m_editor->open(variant, defaultVariant, groups, m_session->isReadOnly());
                setCurrentWidget(m_editor);
            });
    connect(m_editor, &VariantEditor::draftChanged, m_page, &NewsletterPage::refreshDrafts);
    connect(m_editor, &VariantEditor::qualityChecked, m_page, &NewsletterPage::setVariantQuality);
    connect(m_editor, &VariantEditor::closeRequested, this, [this] {
        // The draft is on disk; the closed editor lets go of the variant, so nothing it still holds can
        // come back as a draft after Save All Drafts saved it from the page.
        m_editor->closeVariant();
        setCurrentWidget(m_page);
        m_page->reload();
    });
}

void NewslettersSection::openNewsletter(qint64 id)
{
    m_page->load(id);
    setCurrentWidget(m_page);
}

void NewslettersSection::openVariant(qint64 newsletterId, qint64 contentId)
{
    openNewsletter(newsletterId);
    // Once the page has the newsletter's variants, open the one asked for.
    auto *connection = new QMetaObject::Connection;
    *connection = connect(m_page, &NewsletterPage::loaded, this, [this, connection, newsletterId, contentId] {
        disconnect(*connection);
        delete connection;
        if (m_page->newsletterId() == newsletterId)
            m_page->openVariant(contentId);
    });
}

void NewslettersSection::updateCompletionWords()
{
    // Attributes most workspaces have; the snippets come from the workspace itself (the store's copy,
    // which the sync keeps current: no request of its own).
    QStringList words{QStringLiteral("customer.id"),         QStringLiteral("customer.email"),
                      QStringLiteral("customer.first_name"), QStringLiteral("customer.last_name"),
                      QStringLiteral("customer.created_at"), QStringLiteral("customer.language"),
                      QStringLiteral("customer.plan"),       QStringLiteral("customer.city")};
    if (models::LocalStore *store = m_session->store()) {
        for (const api::Snippet &s : store->snippets())
            words << (s.name.contains(QLatin1Char(' ')) ? QStringLiteral("snippets[\"%1\"]").arg(s.name)
                                                        : QStringLiteral("snippets.") + s.name);
    }
    m_editor->setCompletionWords(words);
}

} // namespace cio::ui
