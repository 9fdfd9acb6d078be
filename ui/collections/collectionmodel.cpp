#include "collectionmodel.h"

#include "text/collectiontext.h"

#include <QDataStream>
#include <QDir>
#include <QFileInfo>
#include <QMimeData>

namespace SocketLab {

namespace {

constexpr QLatin1StringView RequestMimeType("application/x-socketlab-collection-request");

// The request's bytes as the search field reads them: text where they are text.
QString searchableBytes(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes.left(1024 * 1024));
}

} // namespace

CollectionModel::CollectionModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setColumnCount(2);
    retranslate();
}

void CollectionModel::retranslate()
{
    setHorizontalHeaderLabels({tr("Name"), tr("Request")});
    setCollections(m_collections);
}

QString CollectionModel::kindName(SavedRequest::Kind kind)
{
    switch (kind) {
    case SavedRequest::Kind::Tcp: return tr("TCP");
    case SavedRequest::Kind::Tls: return tr("TLS");
    case SavedRequest::Kind::Udp: return tr("UDP");
    case SavedRequest::Kind::Script: return tr("script");
    }
    return {};
}

QString CollectionModel::describeTarget(const SavedRequest &request)
{
    const QString host = request.host().contains(QLatin1Char(':')) ? QLatin1Char('[') + request.host() + QLatin1Char(']')
                                                                     : request.host();
    return tr("%1 %2:%3", "kind, host, port").arg(kindName(request.kind), host, request.service());
}

QString CollectionModel::requestKey(const QString &path, int index)
{
    return path + QStringLiteral("\n#") + QString::number(index);
}

QString CollectionModel::folderKey(const QString &path, const QStringList &folder)
{
    return path + QStringLiteral("\n/") + folder.join(QLatin1Char('/'));
}

void CollectionModel::addEmptyFolder(const QString &path, const QStringList &folder)
{
    if (!m_emptyFolders.value(path).contains(folder))
        m_emptyFolders[path].append(folder);
    setCollections(m_collections);
}

QStringList CollectionModel::folders(const QString &path) const
{
    QStringList result;
    const auto add = [&result](const QStringList &folder) {
        for (qsizetype depth = 1; depth <= folder.size(); ++depth) {
            const QString joined = folder.first(depth).join(QLatin1Char('/'));
            if (!result.contains(joined))
                result.append(joined);
        }
    };
    for (const LoadedCollection &loaded : m_collections) {
        if (loaded.path != path)
            continue;
        for (const HttpFileEntry &entry : loaded.entries)
            add(entry.request.folder);
    }
    for (const QStringList &folder : m_emptyFolders.value(path))
        add(folder);
    result.sort(Qt::CaseInsensitive);
    return result;
}

QModelIndex CollectionModel::indexForKey(const QString &key) const
{
    const QModelIndexList found = match(index(0, 0), KeyRole, key, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? QModelIndex() : found.first();
}

QStandardItem *CollectionModel::folderItem(QStandardItem *collection, const QString &path, const QStringList &folder)
{
    QStandardItem *parent = collection;
    for (qsizetype depth = 1; depth <= folder.size(); ++depth) {
        const QStringList here = folder.first(depth);
        QStandardItem *found = nullptr;
        for (int row = 0; row < parent->rowCount(); ++row) {
            QStandardItem *child = parent->child(row);
            if (child->data(ItemKindRole).toInt() == FolderItem && child->data(FolderRole).toStringList() == here) {
                found = child;
                break;
            }
        }
        if (!found) {
            found = new QStandardItem(here.last());
            found->setEditable(false);
            found->setData(FolderItem, ItemKindRole);
            found->setData(path, PathRole);
            found->setData(here, FolderRole);
            found->setData(here.join(QLatin1Char('/')), SearchRole);
            found->setData(folderKey(path, here), KeyRole);
            auto *blank = new QStandardItem;
            blank->setEditable(false);
            // Folders before requests, as a file manager lists them.
            int at = 0;
            while (at < parent->rowCount() && parent->child(at)->data(ItemKindRole).toInt() == FolderItem)
                ++at;
            parent->insertRow(at, {found, blank});
        }
        parent = found;
    }
    return parent;
}

void CollectionModel::setCollections(const QList<LoadedCollection> &collections)
{
    m_collections = collections;
    removeRows(0, rowCount());
    for (const LoadedCollection &loaded : collections) {
        auto *collection = new QStandardItem(loaded.name);
        collection->setEditable(false);
        collection->setData(CollectionItem, ItemKindRole);
        collection->setData(loaded.path, PathRole);
        collection->setData(loaded.name, SearchRole);
        collection->setData(folderKey(loaded.path, {}), KeyRole);
        collection->setToolTip(loaded.error.isError() ? describeCollectionError(loaded.error) : QDir::toNativeSeparators(loaded.path));
        auto *file = new QStandardItem(QFileInfo(loaded.path).fileName());
        file->setEditable(false);
        file->setToolTip(collection->toolTip());
        if (loaded.error.isError()) {
            collection->setForeground(Qt::red);
            file->setText(describeCollectionError(loaded.error));
            file->setForeground(Qt::red);
        }
        appendRow({collection, file});
        for (const QStringList &folder : m_emptyFolders.value(loaded.path))
            folderItem(collection, loaded.path, folder);
        for (qsizetype index = 0; index < loaded.entries.size(); ++index) {
            const HttpFileEntry &entry = loaded.entries.at(index);
            const SavedRequest &request = entry.request;
            QStandardItem *parent = folderItem(collection, loaded.path, request.folder);
            auto *name = new QStandardItem(request.name);
            name->setEditable(false);
            name->setData(RequestItem, ItemKindRole);
            name->setData(loaded.path, PathRole);
            name->setData(int(index), IndexRole);
            name->setData(request.folder, FolderRole);
            name->setData(requestKey(loaded.path, int(index)), KeyRole);
            const QString payloadText = request.kind == SavedRequest::Kind::Script ? request.script
                                                                                    : searchableBytes(request.payload());
            name->setData(QStringList{request.name, request.host(), request.service(), request.folder.join(QLatin1Char('/')),
                                      kindName(request.kind), payloadText}
                              .join(QLatin1Char('\n')),
                          SearchRole);
            // The file is the row's collection: the sentence without it fits the column.
            CollectionError shortError = entry.error;
            shortError.file.clear();
            auto *target = new QStandardItem(entry.error.isError() ? describeCollectionError(shortError) : describeTarget(request));
            target->setEditable(false);
            target->setToolTip(entry.error.isError() ? describeCollectionError(entry.error) : target->text());
            name->setToolTip(target->toolTip());
            if (entry.error.isError()) {
                name->setForeground(Qt::red);
                target->setForeground(Qt::red);
            }
            parent->appendRow({name, target});
        }
    }
}

Qt::ItemFlags CollectionModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QStandardItemModel::flags(index) & ~(Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled);
    if (!index.isValid())
        return flags;
    const int kind = index.siblingAtColumn(NameColumn).data(ItemKindRole).toInt();
    if (kind == RequestItem)
        flags |= Qt::ItemIsDragEnabled;
    return flags | Qt::ItemIsDropEnabled;
}

Qt::DropActions CollectionModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList CollectionModel::mimeTypes() const
{
    return {RequestMimeType};
}

QMimeData *CollectionModel::mimeData(const QModelIndexList &indexes) const
{
    for (const QModelIndex &index : indexes) {
        const QModelIndex name = index.siblingAtColumn(NameColumn);
        if (name.data(ItemKindRole).toInt() != RequestItem)
            continue;
        QByteArray encoded;
        QDataStream stream(&encoded, QIODevice::WriteOnly);
        stream << name.data(PathRole).toString() << name.data(IndexRole).toInt();
        auto *data = new QMimeData;
        data->setData(RequestMimeType, encoded);
        return data;
    }
    return nullptr;
}

bool CollectionModel::dropTarget(const QMimeData *data, int row, const QModelIndex &parent, QString *path, int *from,
                                 int *before) const
{
    if (!data || !data->hasFormat(RequestMimeType))
        return false;
    QDataStream stream(data->data(RequestMimeType));
    stream >> *path >> *from;
    const LoadedCollection *loaded = nullptr;
    for (const LoadedCollection &collection : m_collections) {
        if (collection.path == *path)
            loaded = &collection;
    }
    if (stream.status() != QDataStream::Ok || !loaded || *from < 0 || *from >= loaded->entries.size())
        return false;
    const QStringList folder = loaded->entries.at(*from).request.folder;
    QModelIndex on = parent.siblingAtColumn(NameColumn);
    // Between rows: onto the row below, or the end of the folder when there is none.
    if (row >= 0 && row < rowCount(on))
        on = index(row, NameColumn, on);
    if (on.data(PathRole).toString() != *path)
        return false;
    if (on.data(ItemKindRole).toInt() == RequestItem) {
        *before = on.data(IndexRole).toInt();
        return on.data(FolderRole).toStringList() == folder && *before != *from;
    }
    // Onto the folder (or the collection, for the top) it is in: to the end of it.
    *before = -1;
    return on.data(ItemKindRole).toInt() == CollectionItem ? folder.isEmpty() : on.data(FolderRole).toStringList() == folder;
}

bool CollectionModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent) const
{
    QString path;
    int from = 0;
    int before = 0;
    return action == Qt::MoveAction && dropTarget(data, row, parent, &path, &from, &before);
}

bool CollectionModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent)
{
    QString path;
    int from = 0;
    int before = 0;
    if (action != Qt::MoveAction || !dropTarget(data, row, parent, &path, &from, &before))
        return false;
    emit moveRequested(path, from, before);
    // False: the view must not remove the dragged row, the file is read again once moved.
    return false;
}

} // namespace SocketLab
