#pragma once

#include "collections/collectionstore.h"

#include <QHash>
#include <QStandardItemModel>

namespace SocketLab {

// The collections as a tree: each file, its folders, its requests (name, then kind and target).
// Folders made with "New folder" and holding no request yet are kept here until one goes in them:
// the files only know folders by the requests in them.
class CollectionModel : public QStandardItemModel
{
    Q_OBJECT
public:
    enum Role {
        ItemKindRole = Qt::UserRole + 1, // ItemKind
        PathRole,                        // the collection file
        IndexRole,                       // a request: its place in the file
        FolderRole,                      // a folder or a request: the folders, outermost first
        SearchRole,                      // what the search field matches
        KeyRole,                         // the same for the same place after a reload
    };
    enum ItemKind { CollectionItem, FolderItem, RequestItem };
    enum Column { NameColumn, TargetColumn };

    explicit CollectionModel(QObject *parent = nullptr);

    void setCollections(const QList<LoadedCollection> &collections);
    // A folder with no request yet, under `parent` in the collection at path.
    void addEmptyFolder(const QString &path, const QStringList &folder);
    // Every folder of the collection at path, empty ones included, outermost first.
    QStringList folders(const QString &path) const;
    QModelIndex indexForKey(const QString &key) const;
    static QString requestKey(const QString &path, int index);
    static QString folderKey(const QString &path, const QStringList &folder);

    // "TCP", "TLS", "UDP", "script": translated.
    static QString kindName(SavedRequest::Kind kind);
    // "TLS example.org:443"
    static QString describeTarget(const SavedRequest &request);

    void retranslate();

private:
    QStandardItem *folderItem(QStandardItem *collection, const QString &path, const QStringList &folder);

    QList<LoadedCollection> m_collections;
    QHash<QString, QList<QStringList>> m_emptyFolders;
};

} // namespace SocketLab
