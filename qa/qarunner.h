#pragma once

#include "api/dto.h"
#include "liquid/jsondata.h"
#include "qa/qachecks.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

namespace cio::liquid {
class LiquidEngine;
}

namespace cio::qa {

// What the checks render with: the sample data, the workspace's snippets, strict or lax.
struct QaContext final
{
    liquid::JsonData sampleData;
    QHash<QString, QString> snippets;
    bool strict = true;
    bool render = true; // also render with the sample data (strict errors become findings)
    Limits limits;
};

// Runs the quality checks with Liquid: asks the engine for the analysis of every field (and, with
// context.render, renders them with the sample data), then applies checkVariant(). The editor uses
// checkVariant for the text being edited; the newsletter page and the CLI use checkNewsletter.
class QaRunner final : public QObject
{
    Q_OBJECT

public:
    explicit QaRunner(liquid::LiquidEngine *engine, QObject *parent = nullptr);

    // The fields the checks read, by API name.
    static QMap<QString, QString> fieldsOf(const api::Content &content);

    void checkVariant(const api::Content &variant, const std::optional<api::Content> &defaultVariant,
                      const QaContext &context, const QObject *receiver,
                      std::function<void(const QList<Finding> &)> done);
    // Every variant, each against the Default of its test group; keyed by content id.
    void checkNewsletter(const QList<api::Content> &contents, const QList<api::TestGroup> &groups,
                         const QaContext &context, const QObject *receiver,
                         std::function<void(const QHash<qint64, QList<Finding>> &)> done);

private:
    struct Job
    {
        qint64 contentId = 0;
        VariantText text;
        std::optional<VariantText> defaultText; // none for the Default itself
    };
    // A variant and its Default (none when it is the Default itself) as the checks see them.
    static Job jobFor(const api::Content &variant, const std::optional<api::Content> &defaultVariant);
    void run(const QList<Job> &jobs, const QaContext &context, const QObject *receiver,
             std::function<void(const QList<QList<Finding>> &)> done);
    // Renders subject, preheader and body with the sample data, then checks with the rendered lengths
    // and adds what the render reported.
    void renderThenCheck(const QList<Job> &jobs, const QaContext &context, QPointer<const QObject> target,
                         std::function<void(const QList<QList<Finding>> &)> done);

    QPointer<liquid::LiquidEngine> m_engine;
};

} // namespace cio::qa
