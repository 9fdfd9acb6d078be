#include "collectionfile.h"

#include "collections/collectionjson.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace SocketLab::CollectionFile {

bool writeAtomically(const QString &path, const QByteArray &bytes, CollectionError *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        *error = {CollectionError::Kind::WriteFailed, path, 0, 0, file.errorString()};
        return false;
    }
    return true;
}

QByteArray read(const QString &path, CollectionError *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = {CollectionError::Kind::ReadFailed, path, 0, 0, file.errorString()};
        return {};
    }
    return file.readAll();
}

bool isHttpFile(const QString &path)
{
    return path.endsWith(QLatin1StringView(".http"), Qt::CaseInsensitive) || path.endsWith(QLatin1StringView(".rest"), Qt::CaseInsensitive);
}

bool save(const QString &path, const Collection &collection, CollectionError *error)
{
    *error = {};
    if (!isHttpFile(path))
        return writeAtomically(path, CollectionJson::write(collection), error);
    const QString text = writeHttpFile(collection.requests, error);
    if (error->isError()) {
        error->file = path;
        return false;
    }
    return writeAtomically(path, text.toUtf8(), error);
}

QList<HttpFileEntry> load(const QString &path, const QString &environmentName, CollectionError *error,
                          const SentHttpRequests &sent, const QString &only)
{
    *error = {};
    const QByteArray bytes = read(path, error);
    if (error->isError())
        return {};
    QList<HttpFileEntry> entries;
    if (isHttpFile(path)) {
        HttpFileContext context;
        context.directory = QFileInfo(path).absolutePath();
        context.sent = sent;
        context.only = only;
        if (!environmentName.isEmpty()) {
            context.environment = HttpEnvironment::load(context.directory, environmentName, error);
            if (error->isError())
                return {};
        }
        entries = parseHttpFile(QString::fromUtf8(bytes), context).entries;
        for (HttpFileEntry &entry : entries) {
            if (entry.error.isError())
                entry.error.file = path;
        }
        return entries;
    }
    if (!environmentName.isEmpty()) {
        *error = {CollectionError::Kind::EnvironmentNotHttp, path, 0, 0};
        return {};
    }
    const Collection collection = CollectionJson::read(bytes, error);
    if (error->isError()) {
        error->file = path;
        return {};
    }
    for (const SavedRequest &request : collection.requests)
        entries.append({request, {}, 0, {}});
    return entries;
}

} // namespace SocketLab::CollectionFile
