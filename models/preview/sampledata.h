#pragma once

#include "models/store/localstore.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace cio::models {

// Why a sample-data text was refused, in the user's terms. line and column are 1-based and count
// characters; both are 0 when the problem has no place in the text (valid JSON of the wrong shape).
struct SampleDataProblem final
{
    QString message;
    int line = 0;
    int column = 0;
};

// The text of one sample-data set as the user typed it: a JSON object whose `customer`, `event` and
// `trigger` members, when present, are objects too.
// The data keeps the text's member order (see liquid::JsonData).
std::optional<liquid::JsonData> parseSampleData(const QString &text, SampleDataProblem *problem = nullptr);

// Reads sets from an exported file: {"sample_sets": [set, …]}, a bare array of sets, or one set. A set is
// its data plus `name` (a name is made up when missing), `language` and `default`. A file that is not
// entirely readable gives an empty list and the reason in *error.
QList<SampleSet> sampleSetsFromJson(const QByteArray &fileContent, QString *error = nullptr);
// The {"sample_sets": […]} form, indented; sampleSetsFromJson() reads it back unchanged.
QByteArray sampleSetsToJson(const QList<SampleSet> &sets);

// Stores `seed` when the workspace has no sets yet (the first set marked default, else the first one, is
// the default); returns how many were stored, 0 when the workspace already had sets.
int ensureSampleSets(LocalStore *store, const QList<SampleSet> &seed);
// What a real workspace without sets starts from: one plausible customer.
QList<SampleSet> starterSampleSets();

} // namespace cio::models
