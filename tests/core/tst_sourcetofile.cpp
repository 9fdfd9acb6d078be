#include "smalltmpfs.h"
#include "bytes/sourcetofile.h"

#include "arraysource.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <functional>
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

// A reply that calls back once its first piece is in the file, before giving the next one.
class WatchedSource final : public ByteSource
{
public:
    WatchedSource(qint64 size, std::function<void()> midWay)
        : m_bytes(pattern(size))
        , m_midWay(std::move(midWay))
    {
    }
    qint64 size() const override { return m_bytes.size(); }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        if (offset > 0 && m_midWay) {
            m_midWay();
            m_midWay = nullptr;
        }
        return m_bytes.mid(offset, len);
    }

private:
    QByteArray m_bytes;
    mutable std::function<void()> m_midWay;
};

QStringList entriesOf(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

// Where the descriptors this process has open on files of dir lead, as /proc/self/fd tells: an
// O_TMPFILE file shows as "dir/#inode (deleted)", a named file unlinked as "dir/its-name (deleted)".
QStringList openFilesIn(const QString &dir)
{
    const QString prefix = QFileInfo(dir).absoluteFilePath() + QLatin1Char('/');
    QStringList files;
    const QDir fdDir(QStringLiteral("/proc/self/fd"));
    const QStringList entries = fdDir.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        const QString target = QFileInfo(fdDir.filePath(entry)).symLinkTarget();
        if (target.startsWith(prefix))
            files.append(target.mid(prefix.size()));
    }
    return files;
}

} // namespace

Q_DECLARE_METATYPE(SocketLab::TmpFileMode)

class TestSourceToFile : public QObject
{
    Q_OBJECT

private slots:
    void savesEveryByte();
    void replacesAFileOnlyWhenComplete();
    void temporaryFileHasNoName();
    void noNameOnceTheFirstByteIsIn_data();
    void noNameOnceTheFirstByteIsIn();
    void killedMidWayLeavesNoFile_data();
    void killedMidWayLeavesNoFile();
    void fullDiskIsAnErrorNamingTheFile_data();
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

// Both ways of making the history's copy: O_TMPFILE, and the named file unlinked that a file system
// without O_TMPFILE gets.
void addModes()
{
    QTest::addColumn<TmpFileMode>("mode");
    QTest::newRow("O_TMPFILE") << TmpFileMode::WhereSupported;
    QTest::newRow("unlinked name") << TmpFileMode::Never;
}

void TestSourceToFile::noNameOnceTheFirstByteIsIn_data()
{
    addModes();
}

// Half-way through the copy (its first 4 MiB written), the folder lists nothing, and the one file of
// it SocketLab holds open is the kind the mode asks for: "#inode" for O_TMPFILE, the unlinked
// "socketlab-reply-XXXXXX" otherwise, so each row checks the path it names.
void TestSourceToFile::noNameOnceTheFirstByteIsIn()
{
    QFETCH(TmpFileMode, mode);
    QTemporaryDir dir;
    QStringList listedMidWay{QStringLiteral("never called")};
    QStringList openMidWay;
    const WatchedSource source(6 * 1024 * 1024 + 5, [&] {
        listedMidWay = entriesOf(dir.path());
        openMidWay = openFilesIn(dir.path());
    });
    NetError error;
    const std::shared_ptr<const ByteSource> copy = moveToTemporaryFile(source, dir.path(), &error, mode);
    QVERIFY2(copy, qPrintable(error.codeName()));
    QCOMPARE(listedMidWay, QStringList());
    QCOMPARE(openMidWay.size(), 1);
    const QString kind = mode == TmpFileMode::Never ? QStringLiteral("^socketlab-reply-\\w{6} \\(deleted\\)$")
                                                    : QStringLiteral("^#\\d+ \\(deleted\\)$");
    QVERIFY2(QRegularExpression(kind).match(openMidWay.first()).hasMatch(), qPrintable(openMidWay.first()));
    QCOMPARE(copy->size(), source.size());
    QCOMPARE(copy->read(0, copy->size()), pattern(source.size()));
    QCOMPARE(entriesOf(dir.path()), QStringList());
    QCOMPARE(openFilesIn(dir.path()), openMidWay);

    NetError missing;
    QVERIFY(!moveToTemporaryFile(source, dir.filePath(QStringLiteral("no such folder")), &missing, mode));
    QCOMPARE(missing.kind, NetError::Kind::File);
    QCOMPARE(missing.systemCode, ENOENT);
    QCOMPARE(missing.detail, dir.filePath(QStringLiteral("no such folder")));
}

void TestSourceToFile::killedMidWayLeavesNoFile_data()
{
    addModes();
}

// The file never has a name, not even while its bytes are being written: SocketLab killed at that
// moment (a child process here, stopped half-way through a large reply) leaves nothing on disk.
void TestSourceToFile::killedMidWayLeavesNoFile()
{
    QFETCH(TmpFileMode, mode);
    QTemporaryDir dir;
    int ready[2];
    QCOMPARE(::pipe(ready), 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        ::close(ready[0]);
        const StallingSource source(16 * 1024 * 1024, ready[1]);
        NetError error;
        moveToTemporaryFile(source, dir.path(), &error, mode);
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
void TestSourceToFile::fullDiskIsAnErrorNamingTheFile_data()
{
    addModes();
}

void TestSourceToFile::fullDiskIsAnErrorNamingTheFile()
{
    QFETCH(TmpFileMode, mode);
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
    QVERIFY(!moveToTemporaryFile(source, dir.path(), &spill, mode));
    QCOMPARE(spill.systemCode, ENOSPC);
    QCOMPARE(spill.detail, dir.path());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("reply.bin")});
}

QTEST_GUILESS_MAIN(TestSourceToFile)
#include "tst_sourcetofile.moc"
