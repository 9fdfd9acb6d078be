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

    // Dragging a request onto another of its folder (or onto the folder) moves it there: the model
    // itself is not changed, moveRequested() asks for the file to be.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent) override;

signals:
    // The request at `from` of the file at path goes before the request at `before`, or after the
    // last request of its folder when `before` is -1.
    void moveRequested(const QString &path, int from, int before);

private:
    // Where a drop lands: the file, the request dragged, the one it goes before (-1: the folder's end).
    bool dropTarget(const QMimeData *data, int row, const QModelIndex &parent, QString *path, int *from, int *before) const;
    QStandardItem *folderItem(QStandardItem *collection, const QString &path, const QStringList &folder);

    QList<LoadedCollection> m_collections;
    QHash<QString, QList<QStringList>> m_emptyFolders;
};

} // namespace SocketLab
