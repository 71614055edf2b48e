// Benchmark: the local store (SQLite + FTS5) at the size of a large workspace. Issue "Newsletter content".
//
// 1. Generates a synthetic workspace (default 10,000 newsletters × 8 languages: Default + 7), deterministic
//    (fixed seed), with realistic sizes — subject ~60 chars, preheader ~90, HTML body ~6 KB of varied,
//    Zipf-distributed words per language plus a few planted rare words — and writes it into a fresh
//    LocalStore with storeSnapshot(). Prints generation and write time.
// 2. Warm open: close, then LocalStore::open() + newsletters() (what the app does to fill the newsletter
//    list from the store), several runs; prints min/median.
// 3. Search-as-you-type: a few queries typed letter by letter, search(prefix) for every prefix of 2+
//    characters (with the app's default limit); prints median and p95 per query and overall.
// 4. Memory: VmRSS of a fresh process after open() + newsletters() (Linux only), and the database size.
//
// Usage: bench_store [--newsletters N] [--languages N] [--runs N] [--passes N] [--keep]
// The data lives in a temporary folder that is removed at the end (--keep leaves it and prints its path).
#include "models/store/localstore.h"
#include "models/store/workspacesnapshot.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cmath>

using cio::api::Content;
using cio::api::Newsletter;
using cio::models::LocalStore;
using cio::models::WorkspaceSnapshot;

namespace {

constexpr quint32 Seed = 20240611;
constexpr int VocabularySize = 6000;  // words per language; the first ones are real, the rest synthetic
constexpr double SearchBudgetMs = 50; // search-as-you-type must feel instant

// ---- platform code: resident memory ----
// VmRSS of this process in KiB, or -1 where it cannot be read.
qint64 residentKiB()
{
#ifdef Q_OS_LINUX
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    // /proc files report a size of 0, so read until the end instead of testing atEnd().
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
#else
    return -1;
#endif
}
// ---- end of platform code ----

struct Language final
{
    const char *code; // "" for the Default
    const char *realWords;
};

// Default + 7. The real words head each language's vocabulary (most frequent first), so common-word
// queries find a lot, and the diacritics exercise remove_diacritics.
const Language languages[] = {
    {"", "the and to of a in for your with on is this you our new trail walk weather autumn ridge gear "
         "boots jacket route summit map water weekend river forest camp light rain season guide pack trip "
         "morning valley coast path layer hike lake sale member store day week notes"},
    {"de", "und der die das für mit über wetter herbst wanderung grün schöne strecke gipfel regen jacke "
           "stiefel wald fluss woche karte wasser morgen küste weg schicht see mitglied tag laden"},
    {"fr", "le la les et pour avec météo automne randonnée forêt rivière été sentier sommet pluie veste "
           "chaussures semaine lac côte carte eau matin vallée chemin couche membre jour magasin"},
    {"es", "el la y para con tiempo otoño montaña sendero río bosque lluvia chaqueta semana cumbre lago "
           "costa día mañana también mapa agua valle camino capa socio tienda"},
    {"it", "il la e per con meteo autunno sentiero montagna bosco fiume pioggia giacca settimana vetta lago "
           "costa città perché più mappa acqua mattina valle strada strato socio negozio"},
    {"pt", "o a e para com tempo outono trilha montanha floresta rio chuva jaqueta semana cume lago costa "
           "não também coração mapa água manhã vale caminho camada sócio loja"},
    {"nl", "de het en voor met weer herfst wandeling berg bos rivier regen jas week top meer kust één café "
           "natuur kaart water ochtend dal pad laag lid winkel"},
    {"pl", "i w na dla z pogoda jesień szlak góry las rzeka deszcz kurtka tydzień szczyt jezioro wybrzeże "
           "zewnątrz łąka źródło mapa woda rano dolina ścieżka warstwa członek sklep"},
};
constexpr int MaxLanguages = int(sizeof(languages) / sizeof(languages[0]));

const char *const syllables[] = {"ka",  "ro",  "mi",  "ne",  "ta",  "lu",  "sor", "ben", "vi",
                                 "da",  "gel", "pra", "tum", "is",  "os",  "an",  "er",  "ul",
                                 "wen", "fa",  "chi", "bre", "do",  "lim", "quo", "zan", "ter",
                                 "ves", "mon", "pal", "sta", "rik", "el",  "hu",  "gor"};
const char *const series[] = {"Trail Notes",  "Gear Guide",         "Weekend Deals", "Member News",
                              "Store Events", "Route of the Month", "Camp Kitchen",  "Safety First",
                              "New Arrivals", "Repair Café",        "Kids Outdoors", "Year in Review"};
const char *const tagPool[] = {"weekly", "editorial", "promo", "members", "events", "seasonal",
                               "gear",   "routes",    "kids",  "repair",  "launch", "digest"};

// Rare words planted in a known number of newsletters, so a search has a known answer.
struct RareWord final
{
    QString word;
    int newsletters;
    bool inTranslation; // planted in a non-Default variant's body (Default when there is only one)
};

class Generator final
{
public:
    explicit Generator(int languageCount)
        : m_rng(Seed)
    {
        for (int l = 0; l < languageCount; ++l) {
            QStringList words = QString::fromUtf8(languages[l].realWords).split(QLatin1Char(' '));
            QRandomGenerator wordRng(Seed + quint32(l) * 7919u);
            while (words.size() < VocabularySize) {
                QString word;
                const int count = 1 + int(wordRng.bounded(4));
                for (int s = 0; s < count; ++s)
                    word += QLatin1String(syllables[wordRng.bounded(int(std::size(syllables)))]);
                words.append(word);
            }
            m_vocabulary.append(words);
        }
    }

    QRandomGenerator &rng() { return m_rng; }

    // Zipf-like: rank r is picked with probability ~ 1/(r+1).
    const QString &word(int language)
    {
        const QStringList &words = m_vocabulary.at(language);
        const double u = m_rng.generateDouble();
        const int rank = int(std::exp(u * std::log(double(words.size()) + 1.0))) - 1;
        return words.at(std::clamp(rank, 0, int(words.size()) - 1));
    }

    // Words until the text reaches `length` characters.
    QString words(int language, int length)
    {
        QString text;
        while (text.size() < length) {
            if (!text.isEmpty())
                text += QLatin1Char(' ');
            text += word(language);
        }
        return text;
    }

    QString sentence(int language)
    {
        QString text;
        const int count = 6 + int(m_rng.bounded(12));
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                text += QLatin1Char(' ');
            if (m_rng.bounded(60) == 0)
                text += QLatin1String("{{customer.first_name}}");
            else if (m_rng.bounded(40) == 0)
                text += QString::number(m_rng.bounded(2, 500));
            else
                text += word(language);
        }
        text[0] = text.at(0).toUpper();
        return text + QLatin1Char('.');
    }

    QString paragraph(int language)
    {
        QString text;
        const int count = 2 + int(m_rng.bounded(3));
        for (int i = 0; i < count; ++i) {
            if (i > 0)
                text += QLatin1Char(' ');
            text += sentence(language);
        }
        return text;
    }

    // A newsletter-style HTML body of about `target` characters: head with styles, a table layout,
    // sections of headings, paragraphs and buttons, a footer with Liquid tags and a comment.
    QString body(int language, const QString &subject, int target, const QString &planted)
    {
        const QString lang =
            language == 0 ? QStringLiteral("en") : QString::fromLatin1(languages[language].code);
        QString html;
        html.reserve(target + 1500);
        html +=
            QLatin1String("<!DOCTYPE html>\n<html lang=\"") + lang +
            QLatin1String("\">\n<head>\n<meta charset=\"utf-8\">\n"
                          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                          "<meta name=\"x-apple-disable-message-reformatting\">\n<title>") +
            subject +
            QLatin1String("</title>\n<style>\nbody{margin:0;padding:0;background:#f3f1ec}\n"
                          "a{color:#2f6b4f}\n@media (max-width:620px){.container{width:100%!important}\n"
                          ".stack{display:block!important;width:100%!important}\n"
                          ".px{padding-left:20px!important;padding-right:20px!important}\n"
                          ".hero-title{font-size:24px!important;line-height:30px!important}\n}\n"
                          "@media (prefers-color-scheme:dark){.bg-page{background:#121614!important}\n"
                          ".bg-card{background:#1d2420!important}\n.fg{color:#e6ebe7!important}\n}\n"
                          "</style>\n</head>\n<body style=\"margin:0;padding:0;background:#f3f1ec;\">\n"
                          "<table role=\"presentation\" class=\"bg-page\" width=\"100%\" cellpadding=\"0\" "
                          "cellspacing=\"0\" border=\"0\" style=\"background:#f3f1ec;\">\n"
                          "<tr><td align=\"center\" style=\"padding:24px 12px;\">\n"
                          "<table role=\"presentation\" class=\"container bg-card\" width=\"600\" "
                          "cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
                          "style=\"width:600px;max-width:600px;background:#ffffff;border-radius:6px;\">\n"
                          "<tr><td class=\"px\" style=\"padding:12px 32px 0;font-family:Arial,sans-serif;"
                          "font-size:12px;line-height:18px;color:#6b6b6b;text-align:right;\">"
                          "<a href=\"{% view_in_browser_url %}\">View in browser</a></td></tr>\n"
                          "<tr><td class=\"px fg hero-title\" style=\"padding:24px 32px 8px;"
                          "font-family:Georgia,serif;font-size:28px;line-height:34px;color:#1f2a24;\">") +
            subject + QLatin1String("</td></tr>\n");
        bool plantedDone = planted.isEmpty();
        const int footer = 900;
        while (html.size() < target - footer) {
            html += QLatin1String("<tr><td class=\"px fg\" style=\"padding:8px 32px 16px;font-family:Arial,"
                                  "sans-serif;font-size:16px;line-height:24px;color:#222222;\">\n"
                                  "<h2 style=\"margin:0 0 8px;font-size:20px;line-height:26px;\">") +
                    words(language, 20 + int(m_rng.bounded(25))) +
                    QLatin1String("</h2>\n<p style=\"margin:0 0 12px;\">") + paragraph(language);
            if (!plantedDone) {
                html += QLatin1Char(' ') + planted + QLatin1Char(' ') + sentence(language);
                plantedDone = true;
            }
            html +=
                QLatin1String("</p>\n<p style=\"margin:0 0 12px;\">") + paragraph(language) +
                QLatin1String("</p>\n<a href=\"https://example.com/r/") +
                QString::number(m_rng.bounded(100000)) +
                QLatin1String("?utm_source=newsletter\" style=\"display:inline-block;padding:10px 18px;"
                              "background:#2f6b4f;color:#ffffff;text-decoration:none;border-radius:4px;\">") +
                words(language, 12) + QLatin1String("</a>\n</td></tr>\n");
        }
        html += QLatin1String("<tr><td class=\"px\" style=\"padding:24px 32px;font-family:Arial,sans-serif;"
                              "font-size:12px;line-height:18px;color:#6b6b6b;\">\n"
                              "<!-- footer: keep the unsubscribe link, legal requires it -->\n<p>") +
                sentence(language) +
                QLatin1String(" {{customer.first_name}}, {{customer.email}}</p>\n"
                              "<p><a href=\"{% unsubscribe_url %}\">Unsubscribe</a> · "
                              "<a href=\"{% manage_subscription_preferences_url %}\">Preferences</a></p>\n"
                              "<p>Northwind Outfitters · 12 Harbour Road · Bristol</p>\n"
                              "</td></tr>\n</table>\n</td></tr>\n</table>\n</body>\n</html>\n");
        return html;
    }

private:
    QRandomGenerator m_rng;
    QList<QStringList> m_vocabulary;
};

struct Workspace final
{
    WorkspaceSnapshot snapshot;
    qint64 rawBytes = 0; // UTF-8 bytes of subject + preheader + body of every variant
    QList<RareWord> rare;
};

// Picks `count` distinct newsletter indexes.
QSet<int> pick(QRandomGenerator &rng, int count, int of)
{
    QSet<int> picked;
    count = std::min(count, of);
    while (picked.size() < count)
        picked.insert(int(rng.bounded(of)));
    return picked;
}

Workspace generate(int newsletterCount, int languageCount)
{
    Workspace ws;
    Generator gen(languageCount);
    QRandomGenerator &rng = gen.rng();
    ws.rare = {{QStringLiteral("zephyrquill"), 3, false}, {QStringLiteral("marzipanolo"), 25, true}};
    QList<QSet<int>> plantedIn;
    for (const RareWord &r : std::as_const(ws.rare))
        plantedIn.append(pick(rng, r.newsletters, newsletterCount));

    const qint64 baseTime = 1767225600; // 2026-01-01
    qint64 contentId = 100000;
    ws.snapshot.newsletters.reserve(newsletterCount);
    for (int i = 0; i < newsletterCount; ++i) {
        Newsletter n;
        n.id = 1000 + i;
        const int seriesIndex = int(rng.bounded(int(std::size(series))));
        n.name = QString::fromUtf8(series[seriesIndex]) + QLatin1String(" #") + QString::number(1 + i / 12);
        n.type = QStringLiteral("email");
        n.recipientSegmentIds = {1 + qint64(rng.bounded(20))};
        n.subscriptionTopicId = 1;
        const int tagCount = 1 + int(rng.bounded(3));
        for (int t = 0; t < tagCount; ++t) {
            const QString tag = QString::fromLatin1(tagPool[rng.bounded(int(std::size(tagPool)))]);
            if (!n.tags.contains(tag))
                n.tags.append(tag);
        }
        n.created = baseTime + qint64(i) * 3000;
        n.updated = n.created + qint64(rng.bounded(86400 * 30));
        if (rng.bounded(10) < 7)
            n.sentAt = n.updated + 3600;

        QList<Content> contents;
        for (int l = 0; l < languageCount; ++l) {
            Content c;
            c.id = contentId++;
            c.newsletterId = n.id;
            c.type = QStringLiteral("email");
            c.language = QString::fromLatin1(languages[l].code);
            c.name = l == 0 ? n.name : n.name + QLatin1String(" (") + c.language + QLatin1Char(')');
            c.subject = QString::fromUtf8(series[seriesIndex]) + QLatin1String(": ") +
                        gen.words(l, 40 + int(rng.bounded(20)));
            c.preheaderText = gen.words(l, 80 + int(rng.bounded(20)));
            QString planted;
            for (int r = 0; r < ws.rare.size(); ++r) {
                const bool here =
                    ws.rare[r].inTranslation && languageCount > 1 ? l == 1 + i % (languageCount - 1) : l == 0;
                if (here && plantedIn[r].contains(i))
                    planted += (planted.isEmpty() ? QString() : QStringLiteral(" ")) + ws.rare[r].word;
            }
            c.body = gen.body(l, c.subject, 5200 + int(rng.bounded(1600)), planted);
            c.recipient = QStringLiteral("{{customer.email}}");
            c.fromId = 6;
            c.layout = QStringLiteral("Northwind Base 2026");
            c.headers = {{QStringLiteral("X-Northwind-Campaign"), n.name}};
            c.updated = n.updated - qint64(rng.bounded(86400));
            ws.rawBytes +=
                c.subject.toUtf8().size() + c.preheaderText.toUtf8().size() + c.body.toUtf8().size();
            n.contentIds.append(c.id);
            contents.append(std::move(c));
        }
        ws.snapshot.contents.insert(n.id, contents);
        ws.snapshot.testGroups.insert(n.id, {}); // no A/B test: one Default row; details are complete
        ws.snapshot.newsletters.append(n);
    }
    return ws;
}

double median(QList<double> v)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype mid = v.size() / 2;
    return v.size() % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

double percentile(QList<double> v, double p) // nearest rank
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    const qsizetype rank = qsizetype(std::ceil(p / 100.0 * double(v.size())));
    return v[std::clamp<qsizetype>(rank - 1, 0, v.size() - 1)];
}

double msSince(const QElapsedTimer &t)
{
    return double(t.nsecsElapsed()) / 1e6;
}

QString ms(double value)
{
    return QString::number(value, 'f', value < 10 ? 2 : 1) + QLatin1String(" ms");
}

QString bytes(qint64 value)
{
    if (value < 0)
        return QStringLiteral("n/a");
    if (value >= 1024 * 1024 * 1024)
        return QString::number(double(value) / (1024.0 * 1024 * 1024), 'f', 2) + QLatin1String(" GiB");
    if (value >= 1024 * 1024)
        return QString::number(double(value) / (1024.0 * 1024), 'f', 1) + QLatin1String(" MiB");
    return QString::number(double(value) / 1024.0, 'f', 1) + QLatin1String(" KiB");
}

qint64 fileSize(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

// --rss-probe PATH: a fresh process opens the store and loads the list, as the app does on start, and
// reports its resident memory at each step (key=value lines, KiB; -1 where unknown).
int rssProbe(const QString &path)
{
    QTextStream out(stdout);
    out << "before=" << residentKiB() << '\n';
    LocalStore store;
    if (!store.open(path)) {
        out << "error=" << store.lastError() << '\n';
        return 1;
    }
    out << "open=" << residentKiB() << '\n';
    const QList<Newsletter> list = store.newsletters();
    out << "list=" << residentKiB() << '\n';
    out << "count=" << list.size() << '\n';
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("newsletters"), QStringLiteral("Newsletters to generate."),
                      QStringLiteral("n"), QStringLiteral("10000")});
    parser.addOption({QStringLiteral("languages"),
                      QStringLiteral("Languages per newsletter, Default included (1-8)."),
                      QStringLiteral("n"), QStringLiteral("8")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("Warm open runs."), QStringLiteral("n"),
                      QStringLiteral("5")});
    parser.addOption(
        {QStringLiteral("keep"), QStringLiteral("Keep the database folder and print its path.")});
    parser.addOption({QStringLiteral("passes"), QStringLiteral("How many times each query is typed."),
                      QStringLiteral("n"), QStringLiteral("3")});
    QCommandLineOption probeOption(QStringLiteral("rss-probe"), QStringLiteral("Internal: memory probe."),
                                   QStringLiteral("path"));
    probeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(probeOption);
    parser.process(app);
    if (parser.isSet(probeOption))
        return rssProbe(parser.value(probeOption));

    QTextStream out(stdout);
    const int newsletterCount = std::max(1, parser.value(QStringLiteral("newsletters")).toInt());
    const int languageCount = std::clamp(parser.value(QStringLiteral("languages")).toInt(), 1, MaxLanguages);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    const int passes = std::max(1, parser.value(QStringLiteral("passes")).toInt());

    QTemporaryDir dir;
    if (!dir.isValid()) {
        out << "cannot create a temporary folder: " << dir.errorString() << '\n';
        return 1;
    }
    dir.setAutoRemove(!parser.isSet(QStringLiteral("keep")));
    const QString path = dir.filePath(QStringLiteral("workspace.sqlite"));
    out << "bench_store: " << newsletterCount << " newsletters x " << languageCount
        << " languages = " << qint64(newsletterCount) * languageCount << " variants, seed " << Seed << "\n\n";
    out.flush();

    // ---- 1. generate and write ----
    qint64 rawBytes = 0;
    QList<RareWord> rare;
    {
        QElapsedTimer timer;
        timer.start();
        Workspace ws = generate(newsletterCount, languageCount);
        const double generateMs = msSince(timer);
        rawBytes = ws.rawBytes;
        rare = ws.rare;
        out << "generate        " << ms(generateMs) << "  (subject+preheader+body: " << bytes(rawBytes)
            << " UTF-8, "
            << QString::number(double(rawBytes) / double(ws.snapshot.variantCount()) / 1024.0, 'f', 2)
            << " KiB per variant)\n";
        out.flush();

        LocalStore store;
        if (!store.open(path)) {
            out << "open failed: " << store.lastError() << '\n';
            return 1;
        }
        timer.restart();
        if (!store.storeSnapshot(ws.snapshot)) {
            out << "storeSnapshot failed: " << store.lastError() << '\n';
            return 1;
        }
        const double writeMs = msSince(timer);
        const qint64 walAfterWrite = fileSize(path + QLatin1String("-wal"));
        out << "write           " << ms(writeMs) << "  storeSnapshot(), one transaction: "
            << QString::number(double(ws.snapshot.variantCount()) / (writeMs / 1000.0), 'f', 0)
            << " variants/s, " << QString::number(writeMs / double(newsletterCount), 'f', 2)
            << " ms per newsletter; WAL after commit " << bytes(walAfterWrite) << '\n';
        out.flush();
        store.close();
    } // the generated snapshot is freed here

    const qint64 dbBytes = fileSize(path);
    const qint64 walBytes = fileSize(path + QLatin1String("-wal"));
    out << "database        " << bytes(dbBytes) << " (+ WAL " << bytes(walBytes)
        << " after close) = " << QString::number(double(dbBytes + walBytes) / double(rawBytes), 'f', 2)
        << " x the raw text, " << bytes((dbBytes + walBytes) / newsletterCount) << " per newsletter\n\n";
    out.flush();

    // ---- 2. warm open: open() + newsletters() ----
    {
        QList<double> openMs, listMs, totalMs;
        qsizetype listed = 0;
        for (int run = 0; run < runs; ++run) {
            LocalStore store;
            QElapsedTimer timer;
            timer.start();
            if (!store.open(path)) {
                out << "open failed: " << store.lastError() << '\n';
                return 1;
            }
            const double opened = msSince(timer);
            const QList<Newsletter> list = store.newsletters();
            const double total = msSince(timer);
            listed = list.size();
            openMs.append(opened);
            listMs.append(total - opened);
            totalMs.append(total);
        }
        out << "warm open (" << runs << " runs, " << listed << " newsletters listed)\n";
        out << "  open()          min " << ms(*std::min_element(openMs.begin(), openMs.end())) << "  median "
            << ms(median(openMs)) << '\n';
        out << "  newsletters()   min " << ms(*std::min_element(listMs.begin(), listMs.end())) << "  median "
            << ms(median(listMs)) << '\n';
        out << "  total           min " << ms(*std::min_element(totalMs.begin(), totalMs.end()))
            << "  median " << ms(median(totalMs)) << "  = "
            << QString::number(median(totalMs) * 1000.0 / double(newsletterCount), 'f', 2)
            << " ms per 1000 newsletters\n\n";
        out.flush();
        if (listed != newsletterCount) {
            out << "newsletters() returned " << listed << ", expected " << newsletterCount << '\n';
            return 1;
        }
    }

    // ---- 3. search as you type ----
    {
        LocalStore store;
        if (!store.open(path)) {
            out << "open failed: " << store.lastError() << '\n';
            return 1;
        }
        // Sanity: the planted words have a known answer, so the index is what it should be.
        for (const RareWord &r : std::as_const(rare)) {
            const qsizetype found = store.search(r.word).size();
            const int expected = std::min(r.newsletters, newsletterCount);
            out << "check: search(\"" << r.word << "\") finds " << found << " newsletters, expected "
                << expected << (found == expected ? " (ok)\n" : " (MISMATCH)\n");
        }
        const QStringList queries = {QStringLiteral("zephyrquill"), QStringLiteral("weather"),
                                     QStringLiteral("autumn weather"), QStringLiteral("meteo"),
                                     QStringLiteral("marzipanolo")};
        out << "\nsearch as you type: search(prefix) for every prefix of 2+ characters, limit 500 (as the "
               "app), "
            << passes << " passes\n";
        out.flush();
        QList<double> all;
        struct Row final
        {
            QString query;
            double med, p95, worst;
            QString slowest;
        };
        QList<Row> rows;
        for (const QString &query : queries) {
            QList<double> samples;
            QHash<int, QList<double>> byLength;
            QHash<int, qsizetype> hits;
            for (int pass = 0; pass < passes; ++pass) {
                for (int length = 2; length <= query.size(); ++length) {
                    const QString prefix = query.left(length);
                    QElapsedTimer timer;
                    timer.start();
                    const QList<qint64> ids = store.search(prefix);
                    const double elapsed = msSince(timer);
                    samples.append(elapsed);
                    byLength[length].append(elapsed);
                    hits[length] = ids.size();
                }
            }
            all += samples;
            out << "  \"" << query << "\"\n";
            QString slowest;
            double slowestMs = -1;
            for (int length = 2; length <= query.size(); ++length) {
                const double m = median(byLength.value(length));
                if (m > slowestMs) {
                    slowestMs = m;
                    slowest = query.left(length);
                }
                out << "    "
                    << QStringLiteral("%1").arg(QLatin1Char('"') + query.left(length) + QLatin1Char('"'), -18)
                    << QStringLiteral("%1 newsletters")
                           .arg(hits.value(length) >= 500 ? QStringLiteral("500+")
                                                          : QString::number(hits.value(length)),
                                4)
                    << "   median " << ms(median(byLength.value(length))) << '\n';
            }
            rows.append({query, median(samples), percentile(samples, 95),
                         *std::max_element(samples.begin(), samples.end()), slowest});
            out.flush();
        }
        out << "\n  " << QStringLiteral("%1").arg(QStringLiteral("query"), -18)
            << QStringLiteral("%1").arg(QStringLiteral("median"), 11)
            << QStringLiteral("%1").arg(QStringLiteral("p95"), 11)
            << QStringLiteral("%1").arg(QStringLiteral("max"), 11) << "   p95/50ms  slowest prefix\n";
        for (const Row &row : std::as_const(rows)) {
            out << "  " << QStringLiteral("%1").arg(QLatin1Char('"') + row.query + QLatin1Char('"'), -18)
                << QStringLiteral("%1").arg(ms(row.med), 11) << QStringLiteral("%1").arg(ms(row.p95), 11)
                << QStringLiteral("%1").arg(ms(row.worst), 11)
                << QStringLiteral("%1").arg(row.p95 / SearchBudgetMs, 11, 'f', 2) << "  \"" << row.slowest
                << "\"\n";
        }
        const double overallP95 = percentile(all, 95);
        out << "  " << QStringLiteral("%1").arg(QStringLiteral("overall"), -18)
            << QStringLiteral("%1").arg(ms(median(all)), 11) << QStringLiteral("%1").arg(ms(overallP95), 11)
            << QStringLiteral("%1").arg(ms(*std::max_element(all.begin(), all.end())), 11)
            << QStringLiteral("%1").arg(overallP95 / SearchBudgetMs, 11, 'f', 2) << "  (" << all.size()
            << " searches; target p95 <= 50 ms: " << (overallP95 <= SearchBudgetMs ? "met" : "NOT met")
            << ")\n\n";
        out.flush();
    }

    // ---- 4. memory, in a fresh process so the generator's heap does not count ----
    {
        QProcess probe;
        probe.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--rss-probe"), path});
        probe.waitForFinished(120000);
        QHash<QString, qint64> values;
        const QList<QByteArray> lines = probe.readAllStandardOutput().split('\n');
        for (const QByteArray &line : lines) {
            const qsizetype eq = line.indexOf('=');
            if (eq > 0)
                values.insert(QString::fromUtf8(line.left(eq)), line.mid(eq + 1).toLongLong());
        }
        const auto kib = [&values](const char *key) {
            const qint64 v = values.value(QString::fromLatin1(key), -1);
            return v < 0 ? qint64(-1) : v * 1024;
        };
        out << "memory (VmRSS of a fresh process; n/a off Linux)\n";
        if (probe.exitCode() != 0 || !values.contains(QStringLiteral("count"))) {
            out << "  probe failed: " << probe.readAllStandardError() << '\n';
        } else {
            out << "  before open()          " << bytes(kib("before")) << '\n';
            out << "  after open()           " << bytes(kib("open")) << '\n';
            out << "  after newsletters()    " << bytes(kib("list")) << "  ("
                << values.value(QStringLiteral("count")) << " newsletters)\n";
            if (kib("list") >= 0 && kib("open") >= 0)
                out << "  newsletters() costs    " << bytes(kib("list") - kib("open")) << " = "
                    << (kib("list") - kib("open")) /
                           std::max<qint64>(1, values.value(QStringLiteral("count")))
                    << " bytes per newsletter\n";
        }
        out << "  database file          " << bytes(dbBytes) << " (+ WAL " << bytes(walBytes) << ")\n";
    }
    if (!dir.autoRemove())
        out << "\nkept: " << QDir::toNativeSeparators(path) << '\n';
    return 0;
}
