// JsonData keeps a JSON object as text so members stay in their order. Whatever the text, reading it
// never crashes; when it is a JSON object, compacting, indenting, splitting into members and putting
// them together again all give back the same data, and nothing of it is lost on the way.

#include "fuzzsupport.h"

#include "liquid/jsondata.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUtf8StringView>

using namespace cio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    (void)liquid::jsonArrayElements(input);
    (void)liquid::compactJson(input);

    QJsonParseError error;
    const std::optional<liquid::JsonData> parsed = liquid::JsonData::fromText(input, &error);
    const QJsonDocument qt = QJsonDocument::fromJson(input);
    // Ours and Qt's parser agree on what is a JSON object, except that ours also wants valid UTF-8.
    fuzz::check(parsed.has_value() == (qt.isObject() && QUtf8StringView(input).isValidUtf8()),
                "JsonData and QJsonDocument disagree on an object", input);
    if (!parsed)
        return 0;

    const liquid::JsonData &d = *parsed;
    const QByteArray compact = d.compact();
    fuzz::check(liquid::compactJson(compact) == compact, "compact() is not stable", compact);
    fuzz::check(QJsonDocument::fromJson(compact).object() == qt.object(), "compact() changed the data", compact);

    const std::optional<liquid::JsonData> reread = liquid::JsonData::fromText(compact);
    fuzz::check(reread && *reread == d, "compact() does not read back", compact);

    const std::optional<liquid::JsonData> indented = liquid::JsonData::fromText(d.indented().toUtf8());
    fuzz::check(indented && *indented == d, "indented() does not read back", d.indented().toUtf8());

    const QList<liquid::JsonData::Member> members = d.members();
    fuzz::check(liquid::JsonData::fromMembers(members) == d, "fromMembers(members()) differs", compact);
    fuzz::check(d.isEmpty() == members.isEmpty(), "isEmpty() disagrees with members()", compact);

    if (!members.isEmpty()) {
        const liquid::JsonData::Member first = members.first();
        fuzz::check(d.contains(first.key), "contains() misses a member", first.key.toUtf8());
        const liquid::JsonData without = d.without(first.key);
        fuzz::check(!without.contains(first.key) || members.count() > 1, "without() kept the member",
                    without.compact());
        const liquid::JsonData replaced = d.with(first.key, QByteArrayLiteral("[1,\"x\"]"));
        fuzz::check(replaced.members().size() <= members.size(), "with() on an existing key added a member",
                    replaced.compact());
        const liquid::JsonData added = d.with(QStringLiteral("\u00e9 new key \u2028"), QByteArrayLiteral("null"));
        fuzz::check(added.contains(QStringLiteral("\u00e9 new key \u2028")), "with() lost a new key", added.compact());
        fuzz::check(liquid::JsonData::fromText(added.compact()).has_value(), "with() made broken JSON",
                    added.compact());
    }
    return 0;
}
