#include "sourcetofile.h"

#include "filebackedsource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryFile>

namespace SocketLab {

namespace {

QString writeAll(const ByteSource &source, QFile &file)
{
    constexpr qint64 Piece = 4 * 1024 * 1024;
    const qint64 size = source.size();
    for (qint64 offset = 0; offset < size; offset += Piece) {
        const QByteArray data = source.read(offset, qMin(Piece, size - offset));
        if (file.write(data) != data.size())
            return file.errorString();
    }
    return file.flush() ? QString() : file.errorString();
}

} // namespace

QString writeSourceToFile(const ByteSource &source, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return file.errorString();
    return writeAll(source, file);
}

std::shared_ptr<const ByteSource> moveToTemporaryFile(const ByteSource &source, const QString &dir, QString *error)
{
    QTemporaryFile file(QDir(dir).filePath(QStringLiteral("socketlab-reply-XXXXXX")));
    if (!file.open()) {
        *error = file.errorString();
        return nullptr;
    }
    if (QString failure = writeAll(source, file); !failure.isEmpty()) {
        *error = failure;
        return nullptr;
    }
    auto copy = std::make_shared<FileBackedSource>(file.fileName());
    // The open descriptor keeps the bytes; without a name nothing is left behind after a crash.
    file.remove();
    if (!copy->isOpen() || copy->size() != source.size()) {
        *error = QCoreApplication::translate("SocketLab::SourceToFile", "the temporary file could not be read back");
        return nullptr;
    }
    return copy;
}

} // namespace SocketLab
