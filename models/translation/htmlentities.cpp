#include "models/translation/htmlentities.h"

#include <QHash>

namespace cio::models::translation {

namespace {

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> table{
        {QStringLiteral("amp"), 0x26},      {QStringLiteral("lt"), 0x3C},
        {QStringLiteral("gt"), 0x3E},       {QStringLiteral("quot"), 0x22},
        {QStringLiteral("apos"), 0x27},     {QStringLiteral("nbsp"), 0xA0},
        {QStringLiteral("iexcl"), 0xA1},    {QStringLiteral("cent"), 0xA2},
        {QStringLiteral("pound"), 0xA3},    {QStringLiteral("yen"), 0xA5},
        {QStringLiteral("sect"), 0xA7},     {QStringLiteral("copy"), 0xA9},
        {QStringLiteral("laquo"), 0xAB},    {QStringLiteral("shy"), 0xAD},
        {QStringLiteral("reg"), 0xAE},      {QStringLiteral("deg"), 0xB0},
        {QStringLiteral("plusmn"), 0xB1},   {QStringLiteral("sup2"), 0xB2},
        {QStringLiteral("sup3"), 0xB3},     {QStringLiteral("micro"), 0xB5},
        {QStringLiteral("para"), 0xB6},     {QStringLiteral("middot"), 0xB7},
        {QStringLiteral("sup1"), 0xB9},     {QStringLiteral("raquo"), 0xBB},
        {QStringLiteral("frac14"), 0xBC},   {QStringLiteral("frac12"), 0xBD},
        {QStringLiteral("frac34"), 0xBE},   {QStringLiteral("iquest"), 0xBF},
        {QStringLiteral("Agrave"), 0xC0},   {QStringLiteral("Aacute"), 0xC1},
        {QStringLiteral("Acirc"), 0xC2},    {QStringLiteral("Atilde"), 0xC3},
        {QStringLiteral("Auml"), 0xC4},     {QStringLiteral("Aring"), 0xC5},
        {QStringLiteral("AElig"), 0xC6},    {QStringLiteral("Ccedil"), 0xC7},
        {QStringLiteral("Egrave"), 0xC8},   {QStringLiteral("Eacute"), 0xC9},
        {QStringLiteral("Ecirc"), 0xCA},    {QStringLiteral("Euml"), 0xCB},
        {QStringLiteral("Igrave"), 0xCC},   {QStringLiteral("Iacute"), 0xCD},
        {QStringLiteral("Icirc"), 0xCE},    {QStringLiteral("Iuml"), 0xCF},
        {QStringLiteral("Ntilde"), 0xD1},   {QStringLiteral("Ograve"), 0xD2},
        {QStringLiteral("Oacute"), 0xD3},   {QStringLiteral("Ocirc"), 0xD4},
        {QStringLiteral("Otilde"), 0xD5},   {QStringLiteral("Ouml"), 0xD6},
        {QStringLiteral("times"), 0xD7},    {QStringLiteral("Oslash"), 0xD8},
        {QStringLiteral("Ugrave"), 0xD9},   {QStringLiteral("Uacute"), 0xDA},
        {QStringLiteral("Ucirc"), 0xDB},    {QStringLiteral("Uuml"), 0xDC},
        {QStringLiteral("Yacute"), 0xDD},   {QStringLiteral("szlig"), 0xDF},
        {QStringLiteral("agrave"), 0xE0},   {QStringLiteral("aacute"), 0xE1},
        {QStringLiteral("acirc"), 0xE2},    {QStringLiteral("atilde"), 0xE3},
        {QStringLiteral("auml"), 0xE4},     {QStringLiteral("aring"), 0xE5},
        {QStringLiteral("aelig"), 0xE6},    {QStringLiteral("ccedil"), 0xE7},
        {QStringLiteral("egrave"), 0xE8},   {QStringLiteral("eacute"), 0xE9},
        {QStringLiteral("ecirc"), 0xEA},    {QStringLiteral("euml"), 0xEB},
        {QStringLiteral("igrave"), 0xEC},   {QStringLiteral("iacute"), 0xED},
        {QStringLiteral("icirc"), 0xEE},    {QStringLiteral("iuml"), 0xEF},
        {QStringLiteral("ntilde"), 0xF1},   {QStringLiteral("ograve"), 0xF2},
        {QStringLiteral("oacute"), 0xF3},   {QStringLiteral("ocirc"), 0xF4},
        {QStringLiteral("otilde"), 0xF5},   {QStringLiteral("ouml"), 0xF6},
        {QStringLiteral("divide"), 0xF7},   {QStringLiteral("oslash"), 0xF8},
        {QStringLiteral("ugrave"), 0xF9},   {QStringLiteral("uacute"), 0xFA},
        {QStringLiteral("ucirc"), 0xFB},    {QStringLiteral("uuml"), 0xFC},
        {QStringLiteral("yacute"), 0xFD},   {QStringLiteral("yuml"), 0xFF},
        {QStringLiteral("OElig"), 0x152},   {QStringLiteral("oelig"), 0x153},
        {QStringLiteral("ensp"), 0x2002},   {QStringLiteral("emsp"), 0x2003},
        {QStringLiteral("thinsp"), 0x2009}, {QStringLiteral("zwnj"), 0x200C},
        {QStringLiteral("zwj"), 0x200D},    {QStringLiteral("lrm"), 0x200E},
        {QStringLiteral("rlm"), 0x200F},    {QStringLiteral("ndash"), 0x2013},
        {QStringLiteral("mdash"), 0x2014},  {QStringLiteral("lsquo"), 0x2018},
        {QStringLiteral("rsquo"), 0x2019},  {QStringLiteral("sbquo"), 0x201A},
        {QStringLiteral("ldquo"), 0x201C},  {QStringLiteral("rdquo"), 0x201D},
        {QStringLiteral("bdquo"), 0x201E},  {QStringLiteral("dagger"), 0x2020},
        {QStringLiteral("Dagger"), 0x2021}, {QStringLiteral("bull"), 0x2022},
        {QStringLiteral("hellip"), 0x2026}, {QStringLiteral("permil"), 0x2030},
        {QStringLiteral("prime"), 0x2032},  {QStringLiteral("Prime"), 0x2033},
        {QStringLiteral("lsaquo"), 0x2039}, {QStringLiteral("rsaquo"), 0x203A},
        {QStringLiteral("euro"), 0x20AC},   {QStringLiteral("trade"), 0x2122},
        {QStringLiteral("larr"), 0x2190},   {QStringLiteral("uarr"), 0x2191},
        {QStringLiteral("rarr"), 0x2192},   {QStringLiteral("darr"), 0x2193},
        {QStringLiteral("harr"), 0x2194},   {QStringLiteral("hearts"), 0x2665}};
    return table;
}

QString fromCodePoint(char32_t c)
{
    return QString::fromUcs4(&c, 1);
}

} // namespace

Entity readEntity(const QString &text, qsizetype at, qsizetype end)
{
    qsizetype i = at + 1;
    if (i < end && text.at(i) == QLatin1Char('#')) {
        ++i;
        const bool hex = i < end && (text.at(i) == QLatin1Char('x') || text.at(i) == QLatin1Char('X'));
        if (hex)
            ++i;
        const qsizetype digitsStart = i;
        while (i < end && i - digitsStart < 8 &&
               (hex ? (text.at(i).isDigit() || QStringLiteral("abcdefABCDEF").contains(text.at(i)))
                    : text.at(i).isDigit()))
            ++i;
        if (i == digitsStart)
            return {};
        bool ok = false;
        const uint value = text.mid(digitsStart, i - digitsStart).toUInt(&ok, hex ? 16 : 10);
        // A surrogate, zero or a number past Unicode is not a character: keep the reference as written.
        const bool character = ok && value > 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
        if (i < end && text.at(i) == QLatin1Char(';'))
            ++i;
        if (!character)
            return {i - at, false, {}};
        return {i - at, true, fromCodePoint(char32_t(value))};
    }
    const qsizetype nameStart = i;
    while (i < end && i - nameStart < 32 && text.at(i).isLetterOrNumber() && text.at(i).unicode() < 128)
        ++i;
    if (i == nameStart || i >= end || text.at(i) != QLatin1Char(';'))
        return {}; // "&" alone, "& more", "AT&T": a literal ampersand
    const QString name = text.mid(nameStart, i - nameStart);
    const auto it = namedEntities().constFind(name);
    if (it == namedEntities().cend())
        return {i + 1 - at, false, {}};
    return {i + 1 - at, true, fromCodePoint(*it)};
}

} // namespace cio::models::translation
