#include "faultinjector.h"

namespace cio::sandbox {

namespace {

bool parseRule(QString text, FaultInjector::Rule *rule, QString *error)
{
    using Kind = FaultInjector::Kind;
    const QString original = text;
    const auto fail = [&](const QString &why) {
        if (error)
            *error = QStringLiteral("invalid fault rule \"%1\": %2").arg(original, why);
        return false;
    };

    const qsizetype at = text.indexOf(QLatin1Char('@'));
    if (at >= 0) {
        rule->pathPrefix = text.mid(at + 1).trimmed();
        if (!rule->pathPrefix.startsWith(QLatin1Char('/')))
            return fail(QStringLiteral("path prefix must start with /"));
        text.truncate(at);
    }
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon >= 0) {
        bool ok = false;
        rule->probability = text.mid(colon + 1).trimmed().toDouble(&ok);
        if (!ok || rule->probability < 0 || rule->probability > 1)
            return fail(QStringLiteral("probability must be a number from 0 to 1"));
        text.truncate(colon);
    }
    const qsizetype star = text.indexOf(QLatin1Char('*'));
    if (star >= 0) {
        bool ok = false;
        rule->remaining = text.mid(star + 1).trimmed().toInt(&ok);
        if (!ok || rule->remaining < 1)
            return fail(QStringLiteral("count must be a positive integer"));
        text.truncate(star);
    }

    const QString kind = text.trimmed().toLower();
    if (kind == QLatin1String("500") || kind == QLatin1String("502") || kind == QLatin1String("503") ||
        kind == QLatin1String("429")) {
        rule->kind = Kind::Status;
        rule->status = kind.toInt();
    } else if (kind == QLatin1String("stall")) {
        rule->kind = Kind::Stall;
    } else if (kind == QLatin1String("cut")) {
        rule->kind = Kind::Cut;
    } else if (kind == QLatin1String("malformed")) {
        rule->kind = Kind::Malformed;
    } else if (kind == QLatin1String("empty")) {
        rule->kind = Kind::Empty;
    } else if (kind == QLatin1String("hollow")) {
        rule->kind = Kind::Hollow;
    } else if (kind == QLatin1String("midcut")) {
        rule->kind = Kind::MidCut;
    } else if (kind.startsWith(QLatin1String("huge="))) {
        bool ok = false;
        rule->kind = Kind::Huge;
        rule->megabytes = kind.mid(5).toInt(&ok);
        if (!ok || rule->megabytes < 1 || rule->megabytes > 4096)
            return fail(QStringLiteral("huge needs megabytes from 1 to 4096, e.g. huge=150"));
    } else if (kind.startsWith(QLatin1String("latency="))) {
        bool ok = false;
        rule->kind = Kind::Latency;
        rule->latencyMs = kind.mid(8).toInt(&ok);
        if (!ok || rule->latencyMs < 0)
            return fail(QStringLiteral("latency needs milliseconds, e.g. latency=200"));
    } else {
        return fail(QStringLiteral("unknown kind (use 500, 502, 503, 429, stall, cut, malformed, empty, "
                                   "hollow, midcut, huge=MB, latency=MS)"));
    }
    return true;
}

} // namespace

FaultInjector::FaultInjector(quint32 seed) : m_random(seed) {}

bool FaultInjector::parse(const QString &spec, QList<Rule> *rules, QString *error)
{
    rules->clear();
    const QStringList parts = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part.trimmed().isEmpty())
            continue;
        Rule rule;
        if (!parseRule(part.trimmed(), &rule, error))
            return false;
        rules->append(rule);
    }
    return true;
}

bool FaultInjector::setSpec(const QString &spec, QString *error)
{
    QList<Rule> rules;
    if (!parse(spec, &rules, error))
        return false;
    m_spec = spec.trimmed();
    m_rules = rules;
    return true;
}

void FaultInjector::setSeed(quint32 seed)
{
    m_random.seed(seed);
}

FaultInjector::Decision FaultInjector::next(const QString &path)
{
    Decision decision;
    for (Rule &rule : m_rules) {
        if (rule.remaining == 0)
            continue;
        if (!rule.pathPrefix.isEmpty() && !path.startsWith(rule.pathPrefix))
            continue;
        // Draw only for probabilistic rules so a seed gives the same sequence whatever else is set.
        if (rule.probability >= 0 && m_random.generateDouble() >= rule.probability)
            continue;
        if (rule.remaining > 0)
            --rule.remaining;
        if (rule.kind == Kind::Latency) {
            decision.latencyMs += rule.latencyMs;
            continue;
        }
        decision.kind = rule.kind;
        decision.status = rule.status;
        decision.megabytes = rule.megabytes;
        break;
    }
    return decision;
}

} // namespace cio::sandbox
