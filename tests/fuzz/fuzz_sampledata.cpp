// Sample data typed by a user or read from an exported file: never a crash, a refusal always says
// why and where (inside the text), and what is accepted writes out and reads back unchanged.

#include "fuzzsupport.h"

#include "models/preview/sampledata.h"

using namespace cio;

namespace {

bool sameSets(const QList<models::SampleSet> &a, const QList<models::SampleSet> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].language != b[i].language || a[i].data != b[i].data
            || a[i].isDefault != b[i].isDefault)
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QString text = fuzz::text(data, size);

    models::SampleDataProblem problem;
    const std::optional<liquid::JsonData> parsed = models::parseSampleData(text, &problem);
    if (parsed) {
        fuzz::check(problem.message.isEmpty(), "accepted sample data with a problem", problem.message.toUtf8());
    } else {
        fuzz::check(!problem.message.isEmpty(), "refused sample data without saying why", input);
        fuzz::check(problem.line >= 0 && problem.column >= 0, "a problem placed before the text", input);
        fuzz::check(problem.line <= text.count(QLatin1Char('\n')) + 1, "a problem placed after the last line",
                    input);
    }

    QString error;
    const QList<models::SampleSet> sets = models::sampleSetsFromJson(input, &error);
    if (sets.isEmpty())
        return 0;
    fuzz::check(error.isEmpty(), "sets read with an error", error.toUtf8());
    for (const models::SampleSet &set : sets)
        fuzz::check(!set.name.isEmpty(), "a set without a name", input);

    const QByteArray written = models::sampleSetsToJson(sets);
    QString againError;
    const QList<models::SampleSet> again = models::sampleSetsFromJson(written, &againError);
    fuzz::check(sameSets(sets, again), "sample sets do not read back unchanged", written);
    return 0;
}
