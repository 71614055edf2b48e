#pragma once

#include "liquid/liquidresult.h"
#include "qa/finding.h"

#include <QHash>
#include <QMap>
#include <QString>

namespace cio::qa {

// The text of one variant as the checks see it.
struct VariantText final
{
    QString language; // empty for the Default
    bool email = true; // an email needs a subject; push, SMS and the rest do not
    QMap<QString, QString>
        fields; // API field name → text (subject, preheader, body, body_amp, body_plain, …)
    // Liquid analysis of each field that holds text (from liquid::LiquidEngine::analyze); a field
    // without an entry is checked without its Liquid.
    QHash<QString, liquid::Analysis> analysis;
    // The subject and preheader as a recipient reads them (rendered with sample data), when known:
    // their lengths are measured on this rather than on the Liquid source.
    QMap<QString, QString> rendered;
};

struct Limits final
{
    int subjectWarn = 70;    // characters; longer subjects are cut off on phones
    int preheaderWarn = 140; // characters
};

// The checks of PRODUCT.md's "Quality checks" for one variant, compared with the Default (nullptr when
// the variant is the Default itself or the newsletter has none; then only the checks that need no
// comparison run). Pure: no engine, no network; the Liquid analysis comes in with the text.
QList<Finding> checkVariant(const VariantText &variant, const VariantText *defaultVariant,
                            const Limits &limits = {});

// Orders findings as the panel lists them: subject, preheader, body, AMP body, plain body, then any
// other field; within a field by line and column.
void sortFindings(QList<Finding> &findings);

} // namespace cio::qa
