#pragma once

#include "collections/httpfile.h"
#include "threads/serialtaskqueue.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

namespace SocketLab {

// One collection file as last read: its requests (a .http file's each with its own error), or why
// the file as a whole could not be read.
struct LoadedCollection
{
    QString path;
    QString name;                 // a JSON collection's own name; a .http file's base name
    bool http = false;            // a .http/.rest file rather than a collection JSON
    QList<HttpFileEntry> entries; // in the file's order
    CollectionError error;        // the file as a whole
    QStringList environments;     // .http: the environments of the env files beside it
    QString environment;          // .http: the one its variables were taken from
    // .http: SocketLab can write it again without losing anything of it (no variables, comments or
    // layout of a person's own); a collection JSON always.
    bool writable = true;
};

// The collections the panel lists: every .json, .http and .rest file of the collections folder, and
// the files a person opened from elsewhere, which stay where they are. Every read and write runs
// on the pool's file lane, one at a time in the order asked (an edit reads the file again, changes
// it and writes it whole), and the result comes back to the GUI thread by a queued call.
class CollectionStore : public QObject
{
    Q_OBJECT
public:
    // An edit of a collection's requests, made on the file lane on what the file holds then; false
    // (with *problem, translated) leaves the file as it was.
    using Edit = std::function<bool(Collection *collection, QString *problem)>;

    explicit CollectionStore(QObject *parent = nullptr);
    ~CollectionStore() override;

    // QStandardPaths' AppDataLocation + "/collections".
    static QString defaultFolder();
    QString folder() const { return m_folder; }
    void setFolder(const QString &folder);
    // Files listed from outside the folder, in the order they were added.
    QStringList extraFiles() const { return m_extraFiles; }
    void setExtraFiles(const QStringList &paths);
    // Lists path too (if it is not in the folder) and reads it.
    void addFile(const QString &path);
    // No longer lists a file added by addFile(); the file itself stays.
    void removeFile(const QString &path);

    // The .http file's variables from environment `name` (empty: none); reads it again.
    void setEnvironment(const QString &path, const QString &name);
    QString environment(const QString &path) const { return m_environments.value(path); }

    // What the named request `name` of the .http file at path got back when the window sent it: the
    // file is read again, its request variables ({{name.response...}}) taking their values from it.
    // A failed exchange does not replace a reply that came before it: false when one is kept so.
    bool setSentReply(const QString &path, const QString &name, const SentHttpRequest &exchange);
    // Reads the file at path again: its system variables ({{$guid}}, {{$timestamp}}) get new values.
    void refresh(const QString &path);

    const QList<LoadedCollection> &collections() const { return m_collections; }
    const LoadedCollection *collection(const QString &path) const;
    // Reads the folder and every file again.
    void reload();
    // Changes the file at path (made if it does not exist yet) by edit; edited() says how it went.
    void modify(const QString &path, Edit edit);
    // Writes the collection at path to `to` (a .http file or a collection JSON, by its name): a .http
    // file to a .http file as it is, else the requests with a .http file's variables taken from its
    // environment.
    void exportTo(const QString &path, const QString &to);
    // Nothing is being read or written.
    bool isIdle() const { return m_pending == 0; }

signals:
    // collections() changed.
    void changed();
    // An edit of modify() ended: ok, or the translated reason the file was left as it was.
    void edited(const QString &path, bool ok, const QString &problem);
    void exported(const QString &to, bool ok, const QString &problem);
    // Every read and write asked for so far is done.
    void idle();

private:
    // A task reads or writes on the file lane, and returns what to do with its result on the GUI
    // thread, if the store is still there.
    using Done = std::function<void(CollectionStore *self)>;
    using Task = std::function<Done()>;
    void enqueue(Task task);
    void replace(const LoadedCollection &loaded);
    QStringList listedPaths() const;

    QString m_folder;
    QStringList m_extraFiles;
    QHash<QString, QString> m_environments;
    QHash<QString, SentHttpRequests> m_sent;  // by .http file: its named requests sent in this session
    QList<LoadedCollection> m_collections;
    // One task at a time, in the order asked, each starting as the last ends: a rename then a move of
    // the same file never interleave, and what is queued when the window closes is still written.
    SerialTaskQueue m_tasks;
    int m_pending = 0;  // tasks asked whose result has not come back
};

} // namespace SocketLab
