#pragma once

#include "api/dto.h"
#include "api/paging.h"

#include <QObject>
#include <QPointer>

#include <memory>

class QSaveFile;

namespace cio::api {
class Client;
}

namespace cio::models {

// Writes every member of a segment to a CSV file (id,email,cio_id), page after page. The file is
// replaced only when the last page is written: a cancelled or failed export leaves nothing behind.
class SegmentExporter final : public QObject
{
    Q_OBJECT

public:
    explicit SegmentExporter(api::Client *client, QObject *parent = nullptr);
    ~SegmentExporter() override;

    // Members per request (≤ 30000).
    void setPageSize(int size) { m_pageSize = qBound(1, size, 30000); }
    // expectedTotal (for the progress) < 0: asks for the count first.
    void start(qint64 segmentId, const QString &path, qint64 expectedTotal = -1);
    // Stops after the page in flight; finished() reports the cancellation.
    void cancel();
    bool isRunning() const { return m_running; }

    static QByteArray csvHeader();
    static QByteArray csvRow(const api::CustomerIdentifiers &member);

signals:
    void progress(qint64 written, qint64 total); // total < 0: not known
    void finished(bool ok, const QString &message, qint64 written);

private:
    void fetchPage();
    void end(bool ok, const QString &message);

    QPointer<api::Client> m_client;
    std::unique_ptr<QSaveFile> m_file;
    api::PageCursor m_cursor;
    qint64 m_segmentId = 0;
    qint64 m_total = -1;
    qint64 m_written = 0;
    int m_pageSize = 5000;
    bool m_running = false;
    bool m_cancel = false;
};

} // namespace cio::models
