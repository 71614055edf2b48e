#include "models/segments/segmentexporter.h"

#include "api/appapi.h"
#include "api/client.h"

#include <QSaveFile>

namespace cio::models {

namespace {

QByteArray csvField(const QString &value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r')) {
        bytes.replace("\"", "\"\"");
        bytes = '"' + bytes + '"';
    }
    return bytes;
}

} // namespace

SegmentExporter::SegmentExporter(api::Client *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

SegmentExporter::~SegmentExporter()
{
    if (m_file)
        m_file->cancelWriting();
}

QByteArray SegmentExporter::csvHeader()
{
    return QByteArrayLiteral("id,email,cio_id\r\n");
}

QByteArray SegmentExporter::csvRow(const api::CustomerIdentifiers &member)
{
    return csvField(member.id) + ',' + csvField(member.email) + ',' + csvField(member.cioId) + "\r\n";
}

void SegmentExporter::start(qint64 segmentId, const QString &path, qint64 expectedTotal)
{
    if (m_running)
        return;
    m_segmentId = segmentId;
    m_total = expectedTotal;
    m_written = 0;
    m_cancel = false;
    m_cursor.reset();
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        const QString why = m_file->errorString();
        m_file.reset();
        emit finished(false, tr("The file %1 could not be written: %2").arg(path, why), 0);
        return;
    }
    m_running = true;
    m_file->write(csvHeader());
    if (m_total >= 0) {
        emit progress(0, m_total);
        return fetchPage();
    }
    api::AppApi(m_client).segmentCustomerCount(
        segmentId, this, [this](qint64 count, const api::Error &error) {
            m_total = error.isError() ? -1 : count; // without a count the export still runs
            emit progress(0, m_total);
            if (m_cancel)
                return end(false, tr("Export cancelled."));
            fetchPage();
        });
}

void SegmentExporter::fetchPage()
{
    api::AppApi(m_client).segmentMembersPage(
        m_segmentId, m_cursor.start(), m_pageSize, this,
        [this](const QList<api::CustomerIdentifiers> &page, const QString &next, const api::Error &answer) {
            const api::Error error = answer.isError() ? answer : m_cursor.advance(int(page.size()), next);
            if (error.isError())
                return end(false, tr("The export stopped after %n member(s): %1", nullptr, int(m_written))
                                      .arg(error.message()));
            QByteArray chunk;
            for (const api::CustomerIdentifiers &member : page)
                chunk += csvRow(member);
            if (m_file->write(chunk) != chunk.size())
                return end(false, tr("The file could not be written: %1").arg(m_file->errorString()));
            m_written += page.size();
            emit progress(m_written, qMax(m_total, m_written));
            if (m_cancel)
                return end(false, tr("Export cancelled."));
            if (m_cursor.atEnd())
                return end(true, {});
            fetchPage();
        });
}

void SegmentExporter::cancel()
{
    m_cancel = true;
}

void SegmentExporter::end(bool ok, const QString &message)
{
    QString text = message;
    if (ok && !m_file->commit()) {
        ok = false;
        text = tr("The file could not be saved: %1").arg(m_file->errorString());
    } else if (!ok) {
        m_file->cancelWriting();
    }
    if (ok)
        text = tr("Exported %n member(s) to %1.", nullptr, int(m_written)).arg(m_file->fileName());
    m_file.reset();
    m_running = false;
    emit finished(ok, text, m_written);
}

} // namespace cio::models
