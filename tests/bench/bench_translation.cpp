// Benchmark: the translation exchange. Issue "Translation exchange", figures to report.
//
// 1. Segmenting a 100 KB HTML body with Liquid (the demo's bodies repeated), and rebuilding it with every
//    unit translated; floor: one regular-expression pass over the same body that finds every tag and Liquid
//    token (the least any segmenter must do).
// 2. Export and import of a newsletter with 20 languages and a 25 KB body: exportDocuments + writeXliff for
//    every language, then readXliff + planImport for every file; floor: the same bodies written raw into one
//    XML element each with QXmlStreamWriter and read back with QXmlStreamReader. Peak RSS (VmHWM, Linux).
// Medians of --runs (default 7); ratios are against the floor measured in the same run.
//
// Usage: bench_translation [--runs N]
#include "models/translation/exchange.h"
#include "models/variants/variantmatrix.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <functional>

using namespace cio;
using namespace cio::models::translation;

namespace {

double medianMs(int runs, const std::function<void()> &work)
{
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        work();
        times.append(timer.nsecsElapsed() / 1e6);
    }
    std::sort(times.begin(), times.end());
    return times.at(times.size() / 2);
}

qint64 peakKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

QStringList demoBodies()
{
    QFile demo(QStringLiteral(CIO_SOURCE_DIR "/resources/demo/newsletters.json"));
    QStringList bodies;
    if (!demo.open(QIODevice::ReadOnly))
        return bodies;
    for (const QJsonValue &n :
         QJsonDocument::fromJson(demo.readAll()).object().value(QLatin1String("newsletters")).toArray()) {
        for (const QJsonValue &c : n.toObject().value(QLatin1String("contents")).toArray()) {
            const QJsonObject content = c.toObject();
            if (content.value(QLatin1String("language")).toString().isEmpty() &&
                content.value(QLatin1String("body")).toString().contains(QLatin1String("<p")))
                bodies.append(content.value(QLatin1String("body")).toString());
        }
    }
    return bodies;
}

// A body of at least `bytes` UTF-8 bytes: the inner parts of demo bodies one after another.
QString bodyOfSize(const QStringList &bodies, qsizetype bytes)
{
    QString inner;
    for (int i = 0; inner.toUtf8().size() < bytes; ++i) {
        const QString &b = bodies.at(i % bodies.size());
        const qsizetype start = b.indexOf(QLatin1String("<body"));
        const qsizetype end = b.lastIndexOf(QLatin1String("</body>"));
        inner += b.mid(start, end - start) + QStringLiteral("</body>\n");
    }
    return QStringLiteral("<!DOCTYPE html><html><head><title>t</title></head>\n") + inner +
           QStringLiteral("</html>");
}

// Every text piece changed (upper case), codes kept: what a finished translation looks like.
QHash<QString, Pieces> translatedTargets(const Segmentation &s)
{
    QHash<QString, Pieces> targets;
    for (const Unit &u : s.units) {
        Pieces t = u.pieces;
        for (Piece &p : t) {
            if (!p.isCode())
                p.text = p.text.toUpper();
        }
        targets.insert(u.id, t);
    }
    return targets;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Runs per figure (median)."),
                      QStringLiteral("n"), QStringLiteral("7")});
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    QTextStream out(stdout);
    const QStringList bodies = demoBodies();
    if (bodies.isEmpty()) {
        out << "the demo's newsletters.json could not be read\n";
        return 1;
    }

    // 1. Segmenting 100 KB.
    const QString big = bodyOfSize(bodies, 100 * 1024);
    const QRegularExpression tokens(QStringLiteral("<[^>]*>|\\{\\{.*?\\}\\}|\\{%.*?%\\}"),
                                    QRegularExpression::DotMatchesEverythingOption);
    int floorCount = 0;
    const double floorMs = medianMs(runs, [&] {
        floorCount = 0;
        for (auto it = tokens.globalMatch(big); it.hasNext(); it.next())
            ++floorCount;
    });
    Segmentation s;
    const double segmentMs = medianMs(runs, [&] { s = segment(big, FieldFormat::Html); });
    const QHash<QString, Pieces> targets = translatedTargets(s);
    QString rebuilt;
    const double rebuildMs = medianMs(runs, [&] { rebuilt = rebuild(s, targets); });
    out << QStringLiteral(
               "segment a %1 KB body (%2 units, %3 tags and Liquid tokens): %4 ms, floor (regex tokens) "
               "%5 ms, ratio %6\n")
               .arg(big.toUtf8().size() / 1024)
               .arg(s.units.size())
               .arg(floorCount)
               .arg(segmentMs, 0, 'f', 2)
               .arg(floorMs, 0, 'f', 2)
               .arg(segmentMs / floorMs, 0, 'f', 1);
    out << QStringLiteral("rebuild it with every unit translated: %1 ms, ratio %2 (%3 KB out)\n")
               .arg(rebuildMs, 0, 'f', 2)
               .arg(rebuildMs / floorMs, 0, 'f', 1)
               .arg(rebuilt.toUtf8().size() / 1024);

    // 2. 20 languages, 25 KB body.
    const QString body = bodyOfSize(bodies, 25 * 1024);
    const Segmentation defaultSeg = segment(body, FieldFormat::Html);
    const QString translated = rebuild(defaultSeg, translatedTargets(defaultSeg));
    QList<api::Content> contents;
    api::Content d;
    d.id = 1000;
    d.newsletterId = 7;
    d.subject = QStringLiteral("Spring sale: {{ customer.first_name }}, 20% off");
    d.body = body;
    d.updated = 100;
    contents.append(d);
    QStringList languages;
    for (int i = 0; i < 20; ++i) {
        api::Content t = d;
        t.id = 1001 + i;
        t.language = QStringLiteral("l%1").arg(i, 2, 10, QLatin1Char('0'));
        t.body = translated;
        t.subject = d.subject.toUpper().replace(QLatin1String("{{ CUSTOMER.FIRST_NAME }}"),
                                                QLatin1String("{{ customer.first_name }}"));
        t.updated = 200;
        contents.append(t);
        languages.append(t.language);
    }
    const models::VariantMatrix matrix = models::VariantMatrix::build(contents, {});
    QList<QByteArray> files;
    const double exportMs = medianMs(runs, [&] {
        files.clear();
        for (const ExportDocument &doc :
             exportDocuments(matrix, {7, QStringLiteral("Bench"), {}, QStringLiteral("en")}))
            files.append(writeXliff(doc.file, XliffVersion::V2_0));
    });
    int changes = 0;
    const double importMs = medianMs(runs, [&] {
        changes = 0;
        for (const QByteArray &xml : files) {
            const XliffRead read = readXliff(xml);
            const ImportPlan plan = planImport(*read.file, matrix, 7);
            changes += plan.variant ? int(plan.variant->changes.size()) : 1000;
        }
    });
    qint64 rawBytes = 0;
    const double rawMs = medianMs(runs, [&] {
        rawBytes = 0;
        for (int i = 0; i < 20; ++i) {
            QByteArray xml;
            QXmlStreamWriter w(&xml);
            w.writeStartDocument();
            w.writeTextElement(QStringLiteral("body"), body);
            w.writeEndDocument();
            QXmlStreamReader r(xml);
            while (!r.atEnd())
                r.readNext();
            rawBytes += xml.size();
        }
    });
    qint64 xliffBytes = 0;
    for (const QByteArray &f : files)
        xliffBytes += f.size();
    out << QStringLiteral(
               "20 languages of a %1 KB body (%2 units each): export %3 ms, import %4 ms (%5 changes: "
               "must be 0), floor (raw XML write + read) %6 ms; ratios %7 and %8; XLIFF %9 KB vs raw %10 "
               "KB\n")
               .arg(body.toUtf8().size() / 1024)
               .arg(defaultSeg.units.size() + 1)
               .arg(exportMs, 0, 'f', 1)
               .arg(importMs, 0, 'f', 1)
               .arg(changes)
               .arg(rawMs, 0, 'f', 1)
               .arg(exportMs / rawMs, 0, 'f', 1)
               .arg(importMs / rawMs, 0, 'f', 1)
               .arg(xliffBytes / 1024)
               .arg(rawBytes / 1024);
    out << QStringLiteral("peak RSS: %1 MB\n").arg(peakKiB() / 1024.0, 0, 'f', 1);
    return changes == 0 ? 0 : 1;
}
