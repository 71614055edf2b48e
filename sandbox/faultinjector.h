#pragma once

#include <QList>
#include <QRandomGenerator>
#include <QString>

namespace cio::sandbox {

// Fault specification grammar (Options::faults, Server::setFaults, --faults,
// POST /__sandbox/faults):
//
//   spec  := rule ("," rule)*            empty spec = no faults
//   rule  := KIND ["*" COUNT] [":" PROBABILITY] ["@" PATHPREFIX]
//   KIND  := "500" | "502" | "503"       answer with that status and the generic error body
//          | "429"                       answer 429 with Retry-After: 1
//          | "stall"                     never answer (the client must time out)
//          | "cut"                       close the connection without a response
//          | "midcut"                    send the headers and half of the body, then close the connection
//          | "huge=" MB                  answer 200 with a valid JSON body of about MB megabytes
//          | "malformed"                 answer 200 with a truncated JSON body
//          | "empty"                     answer 200 with an empty body
//          | "hollow"                    answer 200 with {} (valid JSON, none of the expected members)
//          | "latency=" MS               delay the (normal) answer by MS milliseconds
//   COUNT        the rule applies to the next COUNT matching requests, then expires
//   PROBABILITY  0..1: the rule fires at random with that chance (seeded, repeatable)
//   PATHPREFIX   the rule matches only request paths starting with it (e.g. /v1/snippets)
//
// Without COUNT or PROBABILITY a rule fires on every matching request. Rules are tried in
// order: latency rules add up and let evaluation continue; the first other rule that fires
// decides the fault. Examples: "503*2", "429*3@/v1/newsletters", "stall:0.1,latency=200".
// Faulted requests (everything except latency) do not count against the rate limit.
class FaultInjector final
{
public:
    enum class Kind
    {
        None,
        Status,
        Stall,
        Cut,
        Malformed,
        Empty,
        Hollow,
        MidCut,
        Huge,
        Latency
    };

    struct Rule
    {
        Kind kind = Kind::None;
        int status = 0;
        int latencyMs = 0;
        int megabytes = 0; // Huge
        int remaining = -1;      // -1 = unlimited
        double probability = -1; // < 0 = always
        QString pathPrefix;
    };

    // The outcome for one request: a fault kind (None = answer normally) plus extra latency.
    struct Decision
    {
        Kind kind = Kind::None;
        int status = 0;
        int latencyMs = 0;
        int megabytes = 0;
    };

    explicit FaultInjector(quint32 seed = 1);

    static bool parse(const QString &spec, QList<Rule> *rules, QString *error);

    bool setSpec(const QString &spec, QString *error = nullptr);
    QString spec() const { return m_spec; }
    void setSeed(quint32 seed);

    // Decides the fault for a request to `path` and uses up counted rules that fire.
    Decision next(const QString &path);

private:
    QString m_spec;
    QList<Rule> m_rules;
    QRandomGenerator m_random;
};

} // namespace cio::sandbox
