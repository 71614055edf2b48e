// The DTO layer: whatever JSON a server sends, reading it never crashes, the required-field check
// agrees with what was read, and writing a value back and reading it again changes nothing.

#include "fuzzsupport.h"

#include "api/dto.h"
#include "api/paging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace cio;

namespace {

template <class T> void roundTrip(const QJsonObject &o, const char *what)
{
    const T first = T::fromJson(o);
    (void)api::missingRequired(first);
    const QJsonObject written = first.toJson();
    const QJsonObject again = T::fromJson(written).toJson();
    fuzz::check(written == again, what, QJsonDocument(written).toJson() + "\n--\n" + QJsonDocument(again).toJson());
}

void readObject(const QJsonObject &o)
{
    roundTrip<api::Newsletter>(o, "Newsletter toJson/fromJson is not stable");
    roundTrip<api::Content>(o, "Content toJson/fromJson is not stable");
    roundTrip<api::TestGroup>(o, "TestGroup toJson/fromJson is not stable");
    roundTrip<api::Snippet>(o, "Snippet toJson/fromJson is not stable");
    roundTrip<api::Segment>(o, "Segment toJson/fromJson is not stable");
    roundTrip<api::SenderIdentity>(o, "SenderIdentity toJson/fromJson is not stable");
    roundTrip<api::Delivery>(o, "Delivery toJson/fromJson is not stable");
    roundTrip<api::ArchivedMessage>(o, "ArchivedMessage toJson/fromJson is not stable");
    roundTrip<api::SegmentUsage>(o, "SegmentUsage toJson/fromJson is not stable");
    const api::CustomerIdentifiers ids = api::customerIdentifiersFromJson(o);
    (void)api::customerIdentifiersToJson(ids);

    const api::Content content = api::Content::fromJson(o);
    (void)content.toUpdate(QSet<QString>(content.present.cbegin(), content.present.cend()));
    (void)api::nextCursor(o);
}

template <class T> void readList(const QJsonObject &envelope, const QString &key)
{
    const QJsonValue v = envelope.value(key);
    if (!v.isArray())
        return;
    const QList<T> items = api::listFromJson<T>(v.toArray());
    fuzz::check(items.size() <= v.toArray().size(), "a list read more items than the array holds");
    const QString problem = api::missingRequiredIn(items, key);
    // The first problem names an item of the list.
    fuzz::check(problem.isEmpty() || problem.startsWith(key + QLatin1Char('[')), "missingRequiredIn names no item",
                problem.toUtf8());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(fuzz::bytes(data, size), &error);
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        readObject(o);
        readList<api::Newsletter>(o, QStringLiteral("newsletters"));
        readList<api::Content>(o, QStringLiteral("contents"));
        readList<api::TestGroup>(o, QStringLiteral("test_groups"));
        readList<api::Snippet>(o, QStringLiteral("snippets"));
        readList<api::Segment>(o, QStringLiteral("segments"));
        readList<api::SenderIdentity>(o, QStringLiteral("sender_identities"));
        readList<api::Delivery>(o, QStringLiteral("messages"));
        // Single-object envelopes: {"newsletter": {...}}, {"content": {...}}, …
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (it.value().isObject())
                readObject(it.value().toObject());
        }
    } else if (doc.isArray()) {
        for (const QJsonValue &v : doc.array()) {
            if (v.isObject())
                readObject(v.toObject());
        }
    }
    return 0;
}
