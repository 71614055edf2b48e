#include "qa/qarunner.h"

#include "liquid/liquidengine.h"
#include "models/variants/variantmatrix.h"

#include <QSet>

namespace cio::qa {

namespace {

// Rendering with sample data checks the parts a recipient sees first; the AMP and plain bodies are
// analysed (above) but not rendered, to keep a whole newsletter's QA quick.
const char *const RenderedFields[] = {"subject", "preheader", "body"};

Level levelForRenderError(const liquid::LiquidError &error)
{
    // A missing attribute depends on the sample data: the recipient may have it. A snippet that does
    // not exist or nests another fails for everyone.
    if (error.kind == QLatin1String("NestedSnippetError") ||
        error.message.contains(QLatin1String("does not exist in this workspace")))
        return Level::Error;
    return Level::Warning;
}

} // namespace

QaRunner::QaRunner(liquid::LiquidEngine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{}

QMap<QString, QString> QaRunner::fieldsOf(const api::Content &c)
{
    return {{QStringLiteral("subject"), c.subject},
            {QStringLiteral("preheader"), c.preheaderText},
            {QStringLiteral("body"), c.body},
            {QStringLiteral("body_amp"), c.bodyAmp},
            {QStringLiteral("body_plain"), c.bodyPlain}};
}

QaRunner::Job QaRunner::jobFor(const api::Content &variant, const std::optional<api::Content> &defaultVariant)
{
    Job job;
    job.contentId = variant.id;
    job.text.language = variant.language;
    job.text.email = variant.isEmail();
    job.text.fields = fieldsOf(variant);
    if (defaultVariant && defaultVariant->id != variant.id) {
        job.defaultText = VariantText{};
        job.defaultText->fields = fieldsOf(*defaultVariant);
    }
    return job;
}

void QaRunner::checkVariant(const api::Content &variant, const std::optional<api::Content> &defaultVariant,
                            const QaContext &context, const QObject *receiver,
                            std::function<void(const QList<Finding> &)> done)
{
    run({jobFor(variant, defaultVariant)}, context, receiver,
        [done = std::move(done)](const QList<QList<Finding>> &all) { done(all.value(0)); });
}

void QaRunner::checkNewsletter(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                               const QaContext &context, const QObject *receiver,
                               std::function<void(const QHash<qint64, QList<Finding>> &)> done)
{
    const models::VariantMatrix matrix = models::VariantMatrix::build(contents, groups);
    QList<Job> jobs;
    QSet<qint64> seen;
    for (int row = 0; row < matrix.rowCount(); ++row) {
        const std::optional<api::Content> defaultVariant = matrix.defaultOf(row);
        for (int column = 0; column < matrix.columnCount(); ++column) {
            const std::optional<api::Content> content = matrix.cell(row, column).content;
            if (!content || seen.contains(content->id))
                continue;
            seen.insert(content->id);
            jobs.append(jobFor(*content, defaultVariant));
        }
    }
    run(jobs, context, receiver, [jobs, done = std::move(done)](const QList<QList<Finding>> &all) {
        QHash<qint64, QList<Finding>> byContent;
        for (int i = 0; i < jobs.size(); ++i)
            byContent.insert(jobs.at(i).contentId, all.value(i));
        done(byContent);
    });
}

void QaRunner::run(const QList<Job> &jobs, const QaContext &context, const QObject *receiver,
                   std::function<void(const QList<QList<Finding>> &)> done)
{
    if (!m_engine) {
        done(QList<QList<Finding>>(jobs.size()));
        return;
    }
    // Each distinct text is analysed once (an untranslated variant repeats its Default).
    QStringList texts;
    QHash<QString, int> indexOf;
    const auto slotFor = [&](const QString &text) {
        auto it = indexOf.constFind(text);
        if (it != indexOf.cend())
            return *it;
        texts.append(text);
        indexOf.insert(text, static_cast<int>(texts.size() - 1));
        return static_cast<int>(texts.size() - 1);
    };
    for (const Job &job : jobs) {
        for (const QString &text : job.text.fields)
            slotFor(text);
        if (job.defaultText) {
            for (const QString &text : job.defaultText->fields)
                slotFor(text);
        }
    }
    QPointer<QaRunner> self(this);
    QPointer<const QObject> target(receiver);
    m_engine->analyzeMany(texts, this, [=, done = std::move(done)](const QList<liquid::Analysis> &analyses) {
        if (!target || !self)
            return;
        QList<Job> analysed = jobs;
        for (Job &job : analysed) {
            for (auto it = job.text.fields.cbegin(); it != job.text.fields.cend(); ++it)
                job.text.analysis.insert(it.key(), analyses.value(indexOf.value(it.value())));
            if (job.defaultText) {
                for (auto it = job.defaultText->fields.cbegin(); it != job.defaultText->fields.cend(); ++it)
                    job.defaultText->analysis.insert(it.key(), analyses.value(indexOf.value(it.value())));
            }
        }
        if (!context.render) {
            QList<QList<Finding>> findings;
            for (const Job &job : std::as_const(analysed))
                findings.append(qa::checkVariant(job.text, job.defaultText ? &*job.defaultText : nullptr,
                                                 context.limits));
            done(findings);
            return;
        }
        self->renderThenCheck(analysed, context, target, done);
    });
}

void QaRunner::renderThenCheck(const QList<Job> &jobs, const QaContext &context,
                               QPointer<const QObject> target,
                               std::function<void(const QList<QList<Finding>> &)> done)
{
    QList<liquid::LiquidEngine::RenderRequest> requests;
    QList<QPair<int, QString>> owners; // job index, field
    for (int i = 0; i < jobs.size(); ++i) {
        for (const char *name : RenderedFields) {
            const QString field = QLatin1String(name);
            const QString text = jobs.at(i).text.fields.value(field);
            if (text.isEmpty() || !jobs.at(i).text.analysis.value(field).parsed)
                continue; // a syntax error is reported once, by the liquid-syntax check
            requests.append({text, context.sampleData, context.snippets, context.strict});
            owners.append({i, field});
        }
    }
    m_engine->renderMany(requests, this, [=](const QList<liquid::RenderResult> &results) {
        if (!target)
            return;
        QList<Job> rendered = jobs;
        QList<QList<Finding>> renderFindings(jobs.size());
        for (int r = 0; r < results.size() && r < owners.size(); ++r) {
            const auto &[job, field] = owners.at(r);
            if (field != QLatin1String("body"))
                rendered[job].text.rendered.insert(field, results.at(r).output.simplified());
            for (const liquid::LiquidError &error : results.at(r).errors) {
                Finding f;
                f.level = levelForRenderError(error);
                f.check = QStringLiteral("liquid-render");
                f.field = field;
                f.line = error.line;
                f.column = error.column;
                f.message = error.message;
                renderFindings[job].append(f);
            }
        }
        QList<QList<Finding>> all;
        for (int i = 0; i < rendered.size(); ++i) {
            const Job &job = rendered.at(i);
            QList<Finding> findings =
                qa::checkVariant(job.text, job.defaultText ? &*job.defaultText : nullptr, context.limits);
            findings += renderFindings.at(i);
            sortFindings(findings);
            all.append(findings);
        }
        done(all);
    });
}

} // namespace cio::qa
