// Reading XLIFF 2.0 and 1.2 back from translation tools (the writer is xliff.cpp).
#include "models/translation/xliff.h"
#include "models/translation/xliff_p.h"

#include <QHash>
#include <QXmlStreamReader>

namespace cio::models::translation {

namespace {

using Xliff = xliff::Text;
constexpr qsizetype MaxBytes = 64 * 1024 * 1024;

UnitKind unitKindNamed(const QString &name)
{
    if (name == QLatin1String("alt"))
        return UnitKind::AttributeAlt;
    if (name == QLatin1String("title"))
        return UnitKind::AttributeTitle;
    return UnitKind::Text;
}

// ---- reading ----

class Reader final
{
public:
    explicit Reader(const QByteArray &data)
        : m_xml(data)
    {}

    XliffRead read()
    {
        XliffRead result;
        if (!m_xml.readNextStartElement())
            return fail(Xliff::tr("This is not an XLIFF file: %1").arg(xmlProblem()));
        if (m_xml.name() != QLatin1String("xliff"))
            return fail(Xliff::tr("This is not an XLIFF file (it starts with <%1>).").arg(m_xml.name()));
        const QString ns = m_xml.namespaceUri().toString();
        const QString version = m_xml.attributes().value(QLatin1String("version")).toString();
        ExchangeFile file;
        if (ns == xliff::ns20() && version.startsWith(QLatin1String("2."))) {
            result.version = XliffVersion::V2_0;
            file.sourceLanguage = m_xml.attributes().value(QLatin1String("srcLang")).toString();
            file.targetLanguage = m_xml.attributes().value(QLatin1String("trgLang")).toString();
            if (!readFiles20(&file))
                return fail(m_error);
        } else if (ns == xliff::ns12() && version == QLatin1String("1.2")) {
            result.version = XliffVersion::V1_2;
            if (!readFiles12(&file))
                return fail(m_error);
        } else {
            return fail(Xliff::tr("This XLIFF file is version %1; cio-studio reads XLIFF 2.0 and 1.2.")
                            .arg(version.isEmpty() ? Xliff::tr("(none given)") : version));
        }
        if (m_xml.hasError())
            return fail(Xliff::tr("The file is damaged: %1").arg(xmlProblem()));
        result.file = file;
        return result;
    }

private:
    XliffRead fail(const QString &message) const
    {
        XliffRead r;
        r.error = message;
        return r;
    }

    QString xmlProblem() const
    {
        return Xliff::tr("line %1, column %2: %3")
            .arg(m_xml.lineNumber())
            .arg(m_xml.columnNumber())
            .arg(m_xml.errorString().isEmpty() ? Xliff::tr("no XML found") : m_xml.errorString());
    }

    bool setError(const QString &message)
    {
        if (m_error.isEmpty())
            m_error = Xliff::tr("line %1: %2").arg(m_xml.lineNumber()).arg(message);
        return false;
    }

    bool xmlOk()
    {
        if (m_xml.hasError())
            return setError(Xliff::tr("the file is damaged (%1)").arg(m_xml.errorString()));
        return true;
    }

    int codeId(const QString &unitId, const QString &attribute)
    {
        bool ok = false;
        const int id = m_xml.attributes().value(attribute).toInt(&ok);
        if (!ok || id <= 0) {
            setError(Xliff::tr("unit “%1”: the code “%2” is not one this file was made with")
                         .arg(unitId, m_xml.attributes().value(attribute).toString()));
            return 0;
        }
        return id;
    }

    static void addText(Pieces *pieces, const QString &text) { appendTextPiece(pieces, text); }

    // The inline content of the current element (source, target, or an inline element inside them) up
    // to its end tag. `refs`: 2.0 data references by piece, to fill in the originals later.
    bool readInline(const QString &unitId, Pieces *pieces, QHash<int, QString> *refs)
    {
        while (!m_xml.atEnd()) {
            const auto token = m_xml.readNext();
            if (token == QXmlStreamReader::Characters) {
                addText(pieces, m_xml.text().toString());
                continue;
            }
            if (token == QXmlStreamReader::EndElement)
                return true;
            if (token != QXmlStreamReader::StartElement)
                continue;
            const QString name = m_xml.name().toString();
            const QXmlStreamAttributes a = m_xml.attributes();
            if (name == QLatin1String("ph") || name == QLatin1String("x") || name == QLatin1String("it")) {
                const int id = codeId(unitId, QStringLiteral("id"));
                if (!id)
                    return false;
                if (refs && a.hasAttribute(QLatin1String("dataRef")))
                    refs->insert(int(pieces->size()), a.value(QLatin1String("dataRef")).toString());
                pieces->append(Piece{Piece::Kind::Placeholder, {}, id, 0, 0});
                m_xml.skipCurrentElement();
            } else if (name == QLatin1String("pc") || name == QLatin1String("g")) {
                const int id = codeId(unitId, QStringLiteral("id"));
                if (!id)
                    return false;
                if (refs && a.hasAttribute(QLatin1String("dataRefStart")))
                    refs->insert(int(pieces->size()), a.value(QLatin1String("dataRefStart")).toString());
                pieces->append(Piece{Piece::Kind::Open, {}, id, 0, 0});
                if (!readInline(unitId, pieces, refs))
                    return false;
                if (refs && a.hasAttribute(QLatin1String("dataRefEnd")))
                    refs->insert(int(pieces->size()), a.value(QLatin1String("dataRefEnd")).toString());
                pieces->append(Piece{Piece::Kind::Close, {}, id, 0, 0});
            } else if (name == QLatin1String("sc") || name == QLatin1String("bx") ||
                       name == QLatin1String("bpt")) {
                const int id = codeId(unitId, a.hasAttribute(QLatin1String("rid")) ? QStringLiteral("rid")
                                                                                   : QStringLiteral("id"));
                if (!id)
                    return false;
                pieces->append(Piece{Piece::Kind::Open, {}, id, 0, 0});
                m_xml.skipCurrentElement();
            } else if (name == QLatin1String("ec") || name == QLatin1String("ex") ||
                       name == QLatin1String("ept")) {
                const QString attribute = a.hasAttribute(QLatin1String("startRef"))
                                              ? QStringLiteral("startRef")
                                          : a.hasAttribute(QLatin1String("rid")) ? QStringLiteral("rid")
                                                                                 : QStringLiteral("id");
                const int id = codeId(unitId, attribute);
                if (!id)
                    return false;
                pieces->append(Piece{Piece::Kind::Close, {}, id, 0, 0});
                m_xml.skipCurrentElement();
            } else if (name == QLatin1String("cp")) {
                bool ok = false;
                const char32_t c = a.value(QLatin1String("hex")).toUInt(&ok, 16);
                if (ok)
                    addText(pieces, QString::fromUcs4(&c, 1));
                m_xml.skipCurrentElement();
            } else if (name == QLatin1String("mrk")) {
                if (!readInline(unitId, pieces, refs)) // a marker around text: the text counts
                    return false;
            } else if (name == QLatin1String("sm") || name == QLatin1String("em")) {
                m_xml.skipCurrentElement();
            } else {
                return setError(
                    Xliff::tr("unit “%1”: <%2> is not something cio-studio can read inside a text")
                        .arg(unitId, name));
            }
        }
        return xmlOk();
    }

    // ---- 2.0 ----

    // The one <file> of the document, read by `readOne`; more than one, or none, is refused.
    bool readFiles(ExchangeFile *file, bool (Reader::*readOne)(ExchangeFile *))
    {
        bool seenFile = false;
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() != QLatin1String("file")) {
                m_xml.skipCurrentElement();
                continue;
            }
            if (seenFile)
                return setError(
                    Xliff::tr("the file holds more than one <file>; export one newsletter per file"));
            seenFile = true;
            if (!(this->*readOne)(file))
                return false;
        }
        if (!xmlOk())
            return false;
        if (!seenFile)
            return setError(Xliff::tr("the file holds no <file> element"));
        return true;
    }

    bool readFiles20(ExchangeFile *file) { return readFiles(file, &Reader::readFile20); }

    bool readFile20(ExchangeFile *file)
    {
        file->id = m_xml.attributes().value(QLatin1String("id")).toString();
        file->original = m_xml.attributes().value(QLatin1String("original")).toString();
        return readUnits20(file);
    }

    bool readUnits20(ExchangeFile *file)
    {
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == QLatin1String("unit")) {
                if (!readUnit20(file))
                    return false;
            } else if (name == QLatin1String("group")) {
                if (!readUnits20(file))
                    return false;
            } else if (name == QLatin1String("notes")) {
                file->notes += readNotes();
            } else {
                m_xml.skipCurrentElement();
            }
        }
        return xmlOk();
    }

    QStringList readNotes()
    {
        QStringList notes;
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == QLatin1String("note"))
                notes.append(m_xml.readElementText(QXmlStreamReader::IncludeChildElements));
            else
                m_xml.skipCurrentElement();
        }
        return notes;
    }

    bool readUnit20(ExchangeFile *file)
    {
        ExchangeUnit unit;
        unit.id = m_xml.attributes().value(QLatin1String("id")).toString();
        unit.kind = unitKindNamed(m_xml.attributes().value(QLatin1String("name")).toString());
        if (unit.id.isEmpty())
            return setError(Xliff::tr("a unit has no id"));
        if (file->unit(unit.id))
            return setError(Xliff::tr("the unit “%1” appears twice").arg(unit.id));
        QHash<QString, QString> data;
        QHash<int, QString> sourceRefs;
        Pieces target;
        bool anyTarget = false;
        bool allTargets = true;
        QString state;
        while (m_xml.readNextStartElement()) {
            const auto name = m_xml.name();
            if (name == QLatin1String("notes")) {
                unit.notes += readNotes();
            } else if (name == QLatin1String("originalData")) {
                while (m_xml.readNextStartElement()) {
                    const QString id = m_xml.attributes().value(QLatin1String("id")).toString();
                    Pieces content;
                    if (!readInline(unit.id, &content, nullptr))
                        return false;
                    QString text;
                    for (const Piece &p : content)
                        text += p.text;
                    data.insert(id, text);
                }
            } else if (name == QLatin1String("segment") || name == QLatin1String("ignorable")) {
                const bool segment = name == QLatin1String("segment");
                if (segment && state.isEmpty())
                    state = m_xml.attributes().value(QLatin1String("state")).toString() + QLatin1Char('/') +
                            m_xml.attributes().value(QLatin1String("subState")).toString();
                Pieces source;
                QHash<int, QString> sourceRefsOfSegment; // data references by index in `source`
                std::optional<Pieces> segmentTarget;
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == QLatin1String("source")) {
                        if (!readInline(unit.id, &source, &sourceRefsOfSegment))
                            return false;
                    } else if (m_xml.name() == QLatin1String("target")) {
                        segmentTarget = Pieces();
                        if (!readInline(unit.id, &*segmentTarget, nullptr))
                            return false;
                    } else {
                        m_xml.skipCurrentElement();
                    }
                }
                for (int i = 0; i < source.size(); ++i) {
                    const Piece &p = source.at(i);
                    if (!p.isCode()) {
                        addText(&unit.source, p.text);
                        continue;
                    }
                    if (sourceRefsOfSegment.contains(i))
                        sourceRefs.insert(int(unit.source.size()), sourceRefsOfSegment.value(i));
                    unit.source.append(p);
                }
                if (segment && !segmentTarget)
                    allTargets = false;
                anyTarget = anyTarget || (segment && segmentTarget);
                // An ignorable's white space belongs to the target too.
                for (const Piece &p : segmentTarget ? *segmentTarget : source)
                    p.isCode() ? target.append(p) : addText(&target, p.text);
            } else {
                m_xml.skipCurrentElement();
            }
        }
        if (!xmlOk())
            return false;
        for (auto it = sourceRefs.cbegin(); it != sourceRefs.cend(); ++it) {
            if (it.key() < unit.source.size())
                unit.source[it.key()].text = data.value(it.value());
        }
        if (anyTarget && allTargets) {
            unit.target = target;
            unit.state =
                state.startsWith(QLatin1String("final")) || state.startsWith(QLatin1String("reviewed"))
                    ? TargetState::Final
                : state.contains(QLatin1String("needs-review")) ? TargetState::NeedsReview
                                                                : TargetState::Translated;
        }
        file->units.append(unit);
        return true;
    }

    // ---- 1.2 ----

    bool readFiles12(ExchangeFile *file) { return readFiles(file, &Reader::readFile12); }

    bool readFile12(ExchangeFile *file)
    {
        const QXmlStreamAttributes a = m_xml.attributes();
        file->id = a.value(QLatin1String("original")).toString();
        file->original = file->id;
        file->sourceLanguage = a.value(QLatin1String("source-language")).toString();
        file->targetLanguage = a.value(QLatin1String("target-language")).toString();
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == QLatin1String("body")) {
                if (!readUnits12(file))
                    return false;
            } else if (m_xml.name() == QLatin1String("header")) {
                while (m_xml.readNextStartElement()) {
                    if (m_xml.name() == QLatin1String("note"))
                        file->notes.append(m_xml.readElementText(QXmlStreamReader::IncludeChildElements));
                    else
                        m_xml.skipCurrentElement();
                }
            } else {
                m_xml.skipCurrentElement();
            }
        }
        return true;
    }

    bool readUnits12(ExchangeFile *file)
    {
        while (m_xml.readNextStartElement()) {
            if (m_xml.name() == QLatin1String("group")) {
                if (!readUnits12(file))
                    return false;
                continue;
            }
            if (m_xml.name() != QLatin1String("trans-unit")) {
                m_xml.skipCurrentElement();
                continue;
            }
            ExchangeUnit unit;
            unit.id = m_xml.attributes().value(QLatin1String("id")).toString();
            const QString restype = m_xml.attributes().value(QLatin1String("restype")).toString();
            unit.kind = unitKindNamed(restype.mid(2));
            if (unit.id.isEmpty())
                return setError(Xliff::tr("a unit has no id"));
            if (file->unit(unit.id))
                return setError(Xliff::tr("the unit “%1” appears twice").arg(unit.id));
            while (m_xml.readNextStartElement()) {
                const auto name = m_xml.name();
                if (name == QLatin1String("source")) {
                    if (!readInline(unit.id, &unit.source, nullptr))
                        return false;
                } else if (name == QLatin1String("target")) {
                    const QString state = m_xml.attributes().value(QLatin1String("state")).toString();
                    Pieces target;
                    if (!readInline(unit.id, &target, nullptr))
                        return false;
                    if (state != QLatin1String("new") && state != QLatin1String("needs-translation")) {
                        unit.target = target;
                        unit.state = state == QLatin1String("final") || state == QLatin1String("signed-off")
                                         ? TargetState::Final
                                     : state.startsWith(QLatin1String("needs-review"))
                                         ? TargetState::NeedsReview
                                         : TargetState::Translated;
                    }
                } else if (name == QLatin1String("note")) {
                    unit.notes.append(m_xml.readElementText(QXmlStreamReader::IncludeChildElements));
                } else {
                    m_xml.skipCurrentElement();
                }
            }
            if (!xmlOk())
                return false;
            file->units.append(unit);
        }
        return xmlOk();
    }

    QXmlStreamReader m_xml;
    QString m_error;
};

} // namespace

XliffRead readXliff(const QByteArray &data)
{
    if (data.size() > MaxBytes) {
        XliffRead r;
        r.error =
            Xliff::tr("The file is %1 MB; an XLIFF file of one newsletter is far smaller, so it is not read.")
                .arg(data.size() / (1024 * 1024));
        return r;
    }
    return Reader(data).read();
}

} // namespace cio::models::translation
