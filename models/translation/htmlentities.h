#pragma once

#include <QString>

namespace cio::models::translation {

// A character reference in HTML text: "&amp;", "&#8217;", "&#x1F600;".
struct Entity final
{
    qsizetype length = 0; // of the reference as written; 0 when `&` starts none (a literal ampersand)
    bool known = false;   // false: a named reference this table does not know (kept as written)
    QString text;         // what it stands for, when known
};

// The reference starting at `at` (an '&'), not reading past `end`. Numeric references and the named
// ones common in email (punctuation, currency, Latin letters with accents) are decoded; any other
// well-formed name ("&foo;") is reported unknown, so it can be kept exactly as it was written.
Entity readEntity(const QString &text, qsizetype at, qsizetype end);

} // namespace cio::models::translation
