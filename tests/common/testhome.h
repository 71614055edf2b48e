#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace cio::test {

// Empties the test's private HOME (CTest points HOME and the XDG folders into it).
inline QString freshHome()
{
    const QString home = QDir::homePath();
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

} // namespace cio::test
