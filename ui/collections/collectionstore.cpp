#include "collectionstore.h"

#include "collections/collectionfile.h"
#include "collections/collectionjson.h"
#include "text/collectiontext.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QStandardPaths>

namespace SocketLab {

namespace {

QByteArray readIfThere(const QString &path)
{
    if (!QFileInfo::exists(path))
        return {};
    CollectionError ignored;
    return CollectionFile::read(path, &ignored);
}

// Whether writing the .http file's requests again gives the very same text: only then does an edit
// through SocketLab keep what the person wrote (variables, comments, their own layout would go).
bool rewritesExactly(const QByteArray &bytes, QList<SavedRequest> *requests)
{
    const QString text = QString::fromUtf8(bytes);
    if (text.toUtf8() != bytes)
        return false;
    requests->clear();
    for (const HttpFileEntry &entry : parseHttpFile(text).entries) {
        if (entry.error.isError())
            return false;
        requests->append(entry.request);
    }
    CollectionError error;
    const QString written = writeHttpFile(*requests, &error);
    return !error.isError() && (written == text || (requests->isEmpty() && text.trimmed().isEmpty()));
}

LoadedCollection readCollection(const QString &path, const QString &environment, const SentHttpRequests &sent)
{
    LoadedCollection loaded;
    loaded.path = path;
    loaded.http = CollectionFile::isHttpFile(path);
    loaded.name = QFileInfo(path).completeBaseName();
    loaded.environment = environment;
    const QByteArray bytes = CollectionFile::read(path, &loaded.error);
    if (loaded.error.isError())
        return loaded;
    if (!loaded.http) {
        const Collection collection = CollectionJson::read(bytes, &loaded.error);
        if (loaded.error.isError()) {
            loaded.error.file = path;
            return loaded;
        }
        if (!collection.name.isEmpty())
            loaded.name = collection.name;
        for (const SavedRequest &request : collection.requests)
            loaded.entries.append({request, {}, 0, {}});
        return loaded;
    }
    const QString directory = QFileInfo(path).absolutePath();
    const QByteArray publicJson = readIfThere(directory + QLatin1Char('/') + HttpEnvironment::PublicFileName);
    const QByteArray privateJson = readIfThere(directory + QLatin1Char('/') + HttpEnvironment::PrivateFileName);
    loaded.environments = HttpEnvironment::names(publicJson, privateJson);
    HttpFileContext context;
    context.directory = directory;
    context.sent = sent;
    if (!environment.isEmpty()) {
        context.environment = HttpEnvironment::fromJson(publicJson, privateJson, environment, &loaded.error);
        if (loaded.error.isError()) {
            loaded.error.file = path;
            return loaded;
        }
    }
    loaded.entries = parseHttpFile(QString::fromUtf8(bytes), context).entries;
    for (HttpFileEntry &entry : loaded.entries) {
        if (entry.error.isError())
            entry.error.file = path;
    }
    QList<SavedRequest> ignored;
    loaded.writable = rewritesExactly(bytes, &ignored);
    return loaded;
}

// Reads the file as it is now, edits it, writes it whole; false with *problem when any step fails.
bool editFile(const QString &path, const CollectionStore::Edit &edit, QString *problem)
{
    Collection collection;
    collection.name = QFileInfo(path).completeBaseName();
    CollectionError error;
    if (QFileInfo::exists(path)) {
        const QByteArray bytes = CollectionFile::read(path, &error);
        if (error.isError()) {
            *problem = describeCollectionError(error);
            return false;
        }
        if (CollectionFile::isHttpFile(path)) {
            if (!rewritesExactly(bytes, &collection.requests)) {
                *problem = CollectionStore::tr("%1 was not written by SocketLab: writing it again would lose its "
                                               "variables, comments or layout. Edit it in a text editor, or save the "
                                               "request in another collection.")
                               .arg(QFileInfo(path).fileName());
                return false;
            }
        } else {
            collection = CollectionJson::read(bytes, &error);
            if (error.isError()) {
                error.file = path;
                *problem = describeCollectionError(error);
                return false;
            }
        }
    } else if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *problem = CollectionStore::tr("The folder of %1 cannot be made.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    if (!edit(&collection, problem))
        return false;
    if (!CollectionFile::save(path, collection, &error)) {
        *problem = describeCollectionError(error);
        return false;
    }
    return true;
}

} // namespace

CollectionStore::CollectionStore(QObject *parent)
    : QObject(parent)
    , m_folder(defaultFolder())
{
}

CollectionStore::~CollectionStore() = default;

QString CollectionStore::defaultFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/collections");
}

void CollectionStore::setFolder(const QString &folder)
{
    m_folder = folder;
}

void CollectionStore::setExtraFiles(const QStringList &paths)
{
    m_extraFiles.clear();
    for (const QString &path : paths) {
        const QString absolute = QFileInfo(path).absoluteFilePath();
        if (!m_extraFiles.contains(absolute))
            m_extraFiles.append(absolute);
    }
}

void CollectionStore::addFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (QFileInfo(absolute).absolutePath() != QFileInfo(m_folder).absoluteFilePath() && !m_extraFiles.contains(absolute))
        m_extraFiles.append(absolute);
    reload();
}

void CollectionStore::removeFile(const QString &path)
{
    if (!m_extraFiles.removeOne(path))
        return;
    m_collections.removeIf([&path](const LoadedCollection &loaded) { return loaded.path == path; });
    emit changed();
}

const LoadedCollection *CollectionStore::collection(const QString &path) const
{
    for (const LoadedCollection &loaded : m_collections) {
        if (loaded.path == path)
            return &loaded;
    }
    return nullptr;
}

void CollectionStore::setEnvironment(const QString &path, const QString &name)
{
    if (m_environments.value(path) == name)
        return;
    m_environments.insert(path, name);
    refresh(path);
}

bool CollectionStore::setSentReply(const QString &path, const QString &name, const SentHttpRequest &exchange)
{
    SentHttpRequests &sent = m_sent[path];
    const auto earlier = sent.constFind(name);
    if (exchange.failed && earlier != sent.constEnd() && !earlier->failed)
        return false;
    sent.insert(name, exchange);
    refresh(path);
    return true;
}

void CollectionStore::refresh(const QString &path)
{
    enqueue([path, name = m_environments.value(path), sent = m_sent.value(path)] {
        LoadedCollection loaded = readCollection(path, name, sent);
        return [loaded = std::move(loaded)](CollectionStore *self) { self->replace(loaded); };
    });
}

void CollectionStore::reload()
{
    enqueue([folder = m_folder, extra = m_extraFiles, environments = m_environments, sent = m_sent] {
        QStringList paths;
        const QFileInfoList files = QDir(folder).entryInfoList(
            {QStringLiteral("*.json"), QStringLiteral("*.http"), QStringLiteral("*.rest")}, QDir::Files, QDir::Name);
        for (const QFileInfo &file : files) {
            // The environments of the .http files beside them are not collections.
            if (file.fileName() != HttpEnvironment::PublicFileName && file.fileName() != HttpEnvironment::PrivateFileName)
                paths.append(file.absoluteFilePath());
        }
        for (const QString &path : extra) {
            if (!paths.contains(path))
                paths.append(path);
        }
        QList<LoadedCollection> collections;
        for (const QString &path : std::as_const(paths))
            collections.append(readCollection(path, environments.value(path), sent.value(path)));
        return [collections = std::move(collections)](CollectionStore *self) {
            self->m_collections = collections;
            emit self->changed();
        };
    });
}

void CollectionStore::modify(const QString &path, Edit edit)
{
    enqueue([path, edit = std::move(edit), environment = m_environments.value(path), sent = m_sent.value(path)] {
        QString problem;
        const bool ok = editFile(path, edit, &problem);
        LoadedCollection loaded = readCollection(path, environment, sent);
        // A file that is not there (a save that failed to make it) is not listed.
        const bool exists = QFileInfo::exists(path);
        return [path, ok, exists, problem, loaded = std::move(loaded)](CollectionStore *self) {
            if (exists)
                self->replace(loaded);
            emit self->edited(path, ok, problem);
        };
    });
}

void CollectionStore::exportTo(const QString &path, const QString &to)
{
    enqueue([path, to, environment = m_environments.value(path), sent = m_sent.value(path)] {
        // A .http file to a .http file is copied as it is: its {{variables}}, comments and layout stay,
        // and no environment's values (a private file's secrets) are written into the copy.
        if (CollectionFile::isHttpFile(path) && CollectionFile::isHttpFile(to)) {
            CollectionError error;
            const QByteArray bytes = CollectionFile::read(path, &error);
            if (!error.isError())
                CollectionFile::writeAtomically(to, bytes, &error);
            const QString problem = error.isError() ? describeCollectionError(error) : QString();
            return Done([to, problem](CollectionStore *self) { emit self->exported(to, problem.isEmpty(), problem); });
        }
        const LoadedCollection loaded = readCollection(path, environment, sent);
        CollectionError error = loaded.error;
        Collection collection;
        collection.name = loaded.name;
        for (const HttpFileEntry &entry : loaded.entries) {
            if (!error.isError() && entry.error.isError())
                error = entry.error;
            collection.requests.append(entry.request);
        }
        if (!error.isError())
            CollectionFile::save(to, collection, &error);
        const QString problem = error.isError() ? describeCollectionError(error) : QString();
        return Done([to, problem](CollectionStore *self) { emit self->exported(to, problem.isEmpty(), problem); });
    });
}

void CollectionStore::enqueue(Task task)
{
    ++m_pending;
    m_tasks.run([self = QPointer<CollectionStore>(this), task = std::move(task)] {
        Done done = task();
        QMetaObject::invokeMethod(QCoreApplication::instance(), [self, done = std::move(done)] {
            if (!self)
                return;
            done(self);
            if (--self->m_pending == 0)
                emit self->idle();
        });
    });
}

void CollectionStore::replace(const LoadedCollection &loaded)
{
    for (LoadedCollection &existing : m_collections) {
        if (existing.path == loaded.path) {
            existing = loaded;
            emit changed();
            return;
        }
    }
    m_collections.append(loaded);
    emit changed();
}

} // namespace SocketLab
