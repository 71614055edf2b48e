// People pasted or imported for a manual segment: whatever the text, no crash, every accepted id is
// valid for its type and listed once, and every line is either taken, a duplicate, or rejected with a
// reason and its line number.

#include "fuzzsupport.h"

#include "models/segments/memberimport.h"

#include <QSet>

using namespace cio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    // The first byte picks the id type and the column, the rest is the text.
    const api::IdType types[] = {api::IdType::Email, api::IdType::Id, api::IdType::CioId};
    const api::IdType type = types[data[0] % 3];
    const int column = (data[0] >> 2) % 4 - 1; // -1 (by header) … 2
    const QString text = fuzz::text(data + 1, size - 1);
    const int lines = static_cast<int>(text.count(QLatin1Char('\n'))) + 1;

    QString csvError;
    int errorLine = 0;
    const QList<models::MemberImport::Record> records = models::MemberImport::splitCsv(text, &csvError, &errorLine);
    for (const models::MemberImport::Record &r : records)
        fuzz::check(r.line >= 1 && r.line <= lines, "a CSV record on a line the text does not have");
    if (!csvError.isEmpty())
        fuzz::check(errorLine >= 1 && errorLine <= lines, "a CSV error on a line the text does not have");

    const models::MemberImport::Result result = models::MemberImport::parseText(text, type, column);
    if (!result.ok())
        return 0;
    QSet<QString> seen;
    for (const QString &id : result.ids) {
        QString reason;
        fuzz::check(models::MemberImport::isValid(id, type, &reason), "an accepted id is not valid", id.toUtf8());
        const QString key = type == api::IdType::Email ? id.toLower() : id;
        fuzz::check(!seen.contains(key), "an id listed twice", id.toUtf8());
        seen.insert(key);
    }
    for (const models::MemberImport::Rejected &r : result.rejected) {
        fuzz::check(!r.reason.isEmpty(), "a line rejected without a reason", r.text.toUtf8());
        fuzz::check(r.line >= 1 && r.line <= lines, "a rejected line the text does not have", r.text.toUtf8());
    }
    fuzz::check(result.duplicates >= 0, "a negative duplicate count");
    fuzz::check(result.column >= 0 && (result.columns == 0 || result.column < qMax(result.columns, column + 1)),
                "read a column the rows do not have");
    (void)result.summary();
    return 0;
}
