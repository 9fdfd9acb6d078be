#pragma once

#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <cerrno>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

// A folder with 1 MiB free, to fill: a tmpfs of that size mounted in a mount namespace of the calling
// thread's own, so nothing shows outside the test (a process it starts shares it). Needs root; a test
// skips with whyNot() when it cannot be had.
class SmallTmpfs
{
public:
    SmallTmpfs()
    {
        if (::geteuid() != 0) {
            m_whyNot = QStringLiteral("Mounting a small tmpfs to fill needs root (run the test as root to check a full disk).");
            return;
        }
        if (::unshare(CLONE_NEWNS) != 0) {
            m_whyNot = QStringLiteral("No mount namespace: unshare(CLONE_NEWNS) failed with errno %1.").arg(errno);
            return;
        }
        m_mountPoint = QFile::encodeName(m_dir.path());
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0
            || ::mount("tmpfs", m_mountPoint.constData(), "tmpfs", 0, "size=1m") != 0) {
            m_whyNot = QStringLiteral("Mounting a tmpfs on %1 failed with errno %2.").arg(m_dir.path()).arg(errno);
            m_mountPoint.clear();
        }
    }
    ~SmallTmpfs()
    {
        if (!m_mountPoint.isEmpty())
            ::umount2(m_mountPoint.constData(), MNT_DETACH);
    }
    SmallTmpfs(const SmallTmpfs &) = delete;
    SmallTmpfs &operator=(const SmallTmpfs &) = delete;

    // Empty when the tmpfs is mounted.
    QString whyNot() const { return m_whyNot; }
    QString path() const { return m_dir.path(); }
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    QByteArray m_mountPoint;
    QString m_whyNot;
};
