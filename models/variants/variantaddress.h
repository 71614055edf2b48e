#pragma once

#include "api/dto.h"

#include <QList>
#include <QString>

#include <optional>

namespace cio::models {

// Which endpoint addresses a variant (NOTES.md "Variants: translation vs A/B test"). The saver reads
// and writes through the same address, so a conflict check looks at exactly what the PUT will change.
struct VariantAddress final
{
    enum class Kind
    {
        Content,          // /v1/newsletters/{id}/contents/{cid}
        Language,         // /v1/newsletters/{id}/language/{lang}
        TestGroupLanguage // /v1/newsletters/{id}/test_group/{tg}/language/{lang}
    };

    Kind kind = Kind::Content;
    qint64 newsletterId = 0;
    qint64 contentId = 0; // Kind::Content; filled for the other kinds too when known (journal key)
    QString language;     // Language / TestGroupLanguage ("" never: the Default is addressed by content id)
    QString testGroupId;  // TestGroupLanguage (a string path param)

    bool isValid() const;
    // Percent-encoded path of the GET and the PUT.
    QString path() const;
    // For people: "content 2041", "language de", "test group 703, language de".
    QString describe() const;

    // The natural address of a variant: translations of a newsletter with one (or no) test group →
    // Language; with several test groups → TestGroupLanguage; the Default (language "") → Content.
    static VariantAddress forVariant(const api::Content &c, const QList<api::TestGroup> &groups);

    // Parses the CLI's VARIANT argument: a content id, a language code, "default", or
    // "TESTGROUP:LANG" (group id or name; LANG may be "default"). A content id is addressed by id.
    // `contents` and `groups` are the newsletter's; unknown or ambiguous input → nullopt and *error.
    static std::optional<VariantAddress> parse(const QString &text, qint64 newsletterId,
                                               const QList<api::Content> &contents,
                                               const QList<api::TestGroup> &groups, QString *error);

    bool operator==(const VariantAddress &o) const;
    bool operator!=(const VariantAddress &o) const { return !(*this == o); }
};

} // namespace cio::models
