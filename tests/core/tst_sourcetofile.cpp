#include "smalltmpfs.h"
#include "bytes/sourcetofile.h"

#include "arraysource.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

using namespace SocketLab;
using TestSupport::ArraySource;

namespace {

QByteArray pattern(qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char(i * 7 + i / 251);
    return bytes;
}

// A reply whose second piece never comes: the writer is stopped mid-way, with its first piece
// already in the file, and says so on a pipe.
class StallingSource final : public ByteSource
{
public:
    StallingSource(qint64 size, int readyFd)
        : m_bytes(pattern(size))
        , m_readyFd(readyFd)
    {
    }
    qint64 size() const override { return m_bytes.size(); }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        if (offset > 0) {
            const char ready = 'r';
            if (::write(m_readyFd, &ready, 1) != 1)
                ::_exit(3);
            for (;;)
                ::pause();
        }
        return m_bytes.mid(offset, len);
    }

private:
    QByteArray m_bytes;
    int m_readyFd;
};

} // namespace

class TestSourceToFile : public QObject
{
    Q_OBJECT

private slots:
    void savesEveryByte();
    void replacesAFileOnlyWhenComplete();
    void temporaryFileHasNoName();
    void killedMidWayLeavesNoFile();
    void fullDiskIsAnErrorNamingTheFile();
};

void TestSourceToFile::savesEveryByte()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    const ArraySource source(pattern(9 * 1024 * 1024 + 13));
    const NetError error = writeSourceToFile(source, path);
    QVERIFY2(!error.isError(), qPrintable(error.codeName()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), source.read(0, source.size()));
}

void TestSourceToFile::replacesAFileOnlyWhenComplete()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the reply saved before");
    }
    const ArraySource source(pattern(1000));
    QVERIFY(!writeSourceToFile(source, path).isError());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), pattern(1000));
    // No file of QSaveFile's is left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("reply.bin")});
}

void TestSourceToFile::temporaryFileHasNoName()
{
    QTemporaryDir dir;
    const ArraySource source(pattern(5 * 1024 * 1024 + 1));
    NetError error;
    const std::shared_ptr<const ByteSource> copy = moveToTemporaryFile(source, dir.path(), &error);
    QVERIFY2(copy, qPrintable(error.codeName()));
    QCOMPARE(copy->size(), source.size());
    QCOMPARE(copy->read(4 * 1024 * 1024 - 3, 10), source.read(4 * 1024 * 1024 - 3, 10));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());

    error = {};
    QVERIFY(!moveToTemporaryFile(source, dir.filePath(QStringLiteral("no such folder")), &error));
    QCOMPARE(error.kind, NetError::Kind::File);
    QCOMPARE(error.systemCode, ENOENT);
}

// The file never has a name, not even while its bytes are being written: SocketLab killed at that
// moment (a child process here, stopped half-way through a large reply) leaves nothing on disk.
void TestSourceToFile::killedMidWayLeavesNoFile()
{
    QTemporaryDir dir;
    int ready[2];
    QCOMPARE(::pipe(ready), 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::close(ready[0]);
        const StallingSource source(16 * 1024 * 1024, ready[1]);
        NetError error;
        moveToTemporaryFile(source, dir.path(), &error);
        ::_exit(2);
    }
    ::close(ready[1]);
    char byte = 0;
    const ssize_t got = ::read(ready[0], &byte, 1);
    ::close(ready[0]);
    const QStringList midWay = QDir(dir.path()).entryList(QDir::Files | QDir::Hidden);
    ::kill(child, SIGKILL);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QCOMPARE(got, ssize_t(1));
    QVERIFY(WIFSIGNALED(status));
    QCOMPARE(midWay, QStringList());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList());
}

// A disk with 1 MiB free (a tmpfs of that size, mounted in a mount namespace of this thread's own,
// so nothing shows outside the test): saving 3 MiB fails with ENOSPC naming the file, the file saved
// there before is as it was, and nothing else is left.
void TestSourceToFile::fullDiskIsAnErrorNamingTheFile()
{
    const SmallTmpfs dir;
    if (!dir.whyNot().isEmpty())
        QSKIP(qPrintable(dir.whyNot()));

    const QString path = dir.filePath(QStringLiteral("reply.bin"));
    const QByteArray before("a reply saved earlier\n");
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        QCOMPARE(old.write(before), before.size());
    }
    const ArraySource source(pattern(3 * 1024 * 1024));
    const NetError error = writeSourceToFile(source, path);
    QCOMPARE(error.kind, NetError::Kind::File);
    QCOMPARE(error.systemCode, ENOSPC);
    QCOMPARE(error.call, QStringLiteral("write"));
    QCOMPARE(error.detail, path);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("reply.bin")});

    // The history's temporary copies fail the same way, with the folder named, and leave nothing.
    NetError spill;
    QVERIFY(!moveToTemporaryFile(source, dir.path(), &spill));
    QCOMPARE(spill.systemCode, ENOSPC);
    QCOMPARE(spill.detail, dir.path());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("reply.bin")});
}

QTEST_GUILESS_MAIN(TestSourceToFile)
#include "tst_sourcetofile.moc"
