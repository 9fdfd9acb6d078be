#include "folderlock.h"

#include <QDir>

namespace SocketLab {

FolderLock::FolderLock(const QString &folder, int timeoutMs)
    : m_file(lockPath(folder))
{
    // The lock file's folder: the history's root, made on first use like the kinds' folders.
    QDir().mkpath(QDir::cleanPath(folder + QStringLiteral("/..")));
    m_file.tryLock(timeoutMs);
}

FolderLock::~FolderLock()
{
    if (m_file.isLocked())
        m_file.unlock();
}

QString FolderLock::lockPath(const QString &folder)
{
    return QDir::cleanPath(folder) + QStringLiteral(".lock");
}

} // namespace SocketLab
