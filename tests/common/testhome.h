#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace cio::test {

// Empties the test's private HOME (CTest points HOME and the XDG folders into it).
// Only a HOME that CTest made for the test (…/test-home/<test>) is emptied: a test run by hand with the
// developer's own HOME must never delete it. Anywhere else the test aborts.
inline QString freshHome()
{
    const QString home = QDir::homePath();
    const QString tmp = qEnvironmentVariable("CIO_TEST_TMP");
    if (tmp.isEmpty() || QDir::cleanPath(home) != QDir::cleanPath(tmp) || !home.contains(QLatin1String("/test-home/")))
        qFatal("HOME (%s) is not a test's own folder: run this test through CTest", qPrintable(home));
    QDir(home).removeRecursively();
    QDir().mkpath(home);
    return home;
}

// Every file under `root` whose bytes contain `needle`: a secret must never be written to disk.
inline QStringList filesContaining(const QString &root, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (file.open(QIODevice::ReadOnly) && file.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

// A fresh path for an SQLite file in the test's own temporary folder (CIO_TEST_TMP) under `folder`:
// the file and its -wal/-shm companions from an earlier run are removed.
inline QString freshStorePath(const QString &folder, const QString &name)
{
    const QString dir = qEnvironmentVariable("CIO_TEST_TMP", QDir::tempPath()) + QLatin1Char('/') + folder;
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
    return path;
}

} // namespace cio::test
