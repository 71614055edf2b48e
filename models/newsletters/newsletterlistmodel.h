#pragma once

#include "api/dto.h"
#include "models/common/pagedlistmodel.h"
#include "models/store/localstore.h"

#include <QHash>
#include <QPointer>

#include <optional>

namespace cio::models {

// The workspace's newsletters, filled page by page from GET /v1/newsletters through
// canFetchMore()/fetchMore(), so a long list costs only what the user scrolls to.
class NewsletterListModel final : public PagedListModel
{
    Q_OBJECT

public:
    enum Column
    {
        NameColumn,
        IdColumn,
        TagsColumn,
        UpdatedColumn,
        StatusColumn,
        TranslationsColumn, // "9/12 current · 2 outdated · 1 missing", from the local store
        ColumnCount
    };
    // True when a newsletter has outdated, missing or untranslated cells; null when nothing is stored.
    static constexpr int NeedsWorkRole = Qt::UserRole + 64;

    explicit NewsletterListModel(api::Client *client, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    // Shows the newsletters from the local store at once (the last synced state, also offline).
    // Returns false when the store holds none, so the caller can page from the API instead.
    // acceptEmpty: an empty store is an empty list (the sync stored it), not a reason to ask the API.
    bool loadFromStore(const LocalStore &store, bool acceptEmpty = false);
    // Loading, without asking: another fetch (the sync's) brings the list into the store.
    void waitForStore();

    const api::Newsletter &itemAt(int row) const;
    int indexOf(qint64 id) const;

    // The store the translation progress comes from. Progress is computed for the rows asked for, a chunk
    // at a time, and kept until the store's data changes.
    void setStore(LocalStore *store);
    std::optional<LocalStore::TranslationProgress> progressAt(int row) const;
    // Computes the progress of every loaded row in one pass (the needs-work filter reads them all).
    void prefetchProgress();
    static QString progressText(const LocalStore::TranslationProgress &p);

private:
    void requestPage(const QString &start, int limit, quint64 ticket) override;
    void clearRows() override { m_items.clear(); }

    QList<api::Newsletter> m_items;
    QPointer<LocalStore> m_store;
    // Newsletter id → progress; an entry with translations == 0 means "nothing to count".
    mutable QHash<qint64, LocalStore::TranslationProgress> m_progress;
};

} // namespace cio::models
