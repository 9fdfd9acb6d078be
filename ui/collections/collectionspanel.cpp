#include "collectionspanel.h"

#include "collections/collectionmodel.h"
#include "collections/collectionstore.h"
#include "collections/saverequestdialog.h"
#include "settings/storedsettings.h"
#include "widgets/confirmquestion.h"
#include "widgets/errorpalette.h"
#include "widgets/savefiledialog.h"

#include "text/collectiontext.h"

#include <algorithm>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

// The request at index is still the one the panel showed: the file may have changed on disk since.
bool stillThere(const Collection &collection, int index, const QString &name, QString *problem)
{
    if (index >= 0 && index < collection.requests.size() && collection.requests.at(index).name == name)
        return true;
    *problem = CollectionsPanel::tr("The collection changed on disk since it was read: it has been read again, try once more.");
    return false;
}

bool nameTaken(const Collection &collection, const QStringList &folder, const QString &name, int except)
{
    for (qsizetype i = 0; i < collection.requests.size(); ++i) {
        if (i != except && collection.requests.at(i).folder == folder && collection.requests.at(i).name == name)
            return true;
    }
    return false;
}

QToolButton *toolButton(QAction *action)
{
    auto *button = new QToolButton;
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

CollectionsPanel::CollectionsPanel(QWidget *parent)
    : QWidget(parent)
    , m_store(new CollectionStore(this))
    , m_model(new CollectionModel(this))
    , m_filter(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit)
    , m_environmentLabel(new QLabel)
    , m_environment(new QComboBox)
    , m_tree(new QTreeView)
    , m_open(new QPushButton)
    , m_send(new QPushButton)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("CollectionsPanel"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(CollectionModel::SearchRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filter->setRecursiveFilteringEnabled(true);
    m_filter->setFilterKeyColumn(CollectionModel::NameColumn);
    m_tree->setModel(m_filter);
    m_tree->setUniformRowHeights(true);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->header()->setSectionResizeMode(CollectionModel::NameColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    m_search->setClearButtonEnabled(true);
    m_environment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_environmentLabel->setBuddy(m_environment);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    createActions();
    auto *tools = new QHBoxLayout;
    tools->setContentsMargins(0, 0, 0, 0);
    tools->addWidget(toolButton(m_importAction));
    tools->addWidget(toolButton(m_exportAction));
    tools->addWidget(toolButton(m_newFolderAction));
    tools->addStretch(1);
    auto *environmentRow = new QHBoxLayout;
    environmentRow->addWidget(m_environmentLabel);
    environmentRow->addWidget(m_environment, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_open);
    buttons->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(tools);
    layout->addWidget(m_search);
    layout->addLayout(environmentRow);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filter->setFilterFixedString(text);
        if (!text.isEmpty())
            m_tree->expandAll();
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this, [this] {
        updateActions();
        updateEnvironments();
    });
    connect(m_tree, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.data(CollectionModel::ItemKindRole).toInt() == CollectionModel::RequestItem)
            openCurrent();
    });
    connect(m_tree, &QWidget::customContextMenuRequested, this, &CollectionsPanel::showContextMenu);
    connect(m_open, &QPushButton::clicked, this, &CollectionsPanel::openCurrent);
    connect(m_send, &QPushButton::clicked, this, &CollectionsPanel::sendCurrent);
    connect(m_environment, &QComboBox::currentIndexChanged, this, [this] {
        const QString path = currentPath();
        if (m_updatingEnvironments || path.isEmpty())
            return;
        m_store->setEnvironment(path, m_environment->currentData().toString());
    });
    connect(m_model, &CollectionModel::moveRequested, this, &CollectionsPanel::moveRequest);
    connect(m_store, &CollectionStore::changed, this, &CollectionsPanel::rebuild);
    connect(m_store, &CollectionStore::edited, this, &CollectionsPanel::onEdited);
    connect(m_store, &CollectionStore::exported, this, [this](const QString &to, bool ok, const QString &problem) {
        showMessage(ok ? tr("Exported to %1.").arg(QDir::toNativeSeparators(to)) : problem, !ok);
    });
    retranslate();
    updateActions();
    updateEnvironments();
}

CollectionsPanel::~CollectionsPanel() = default;

QSize CollectionsPanel::sizeHint() const
{
    return QSize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 36, QWidget::sizeHint().height());
}

SaveRequestDialog *CollectionsPanel::saveDialog() const
{
    return m_dialog;
}

void CollectionsPanel::createActions()
{
    m_openAction = new QAction(this);
    m_sendAction = new QAction(this);
    m_showCodeAction = new QAction(this);
    m_renameAction = new QAction(this);
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_duplicateAction = new QAction(this);
    m_deleteAction = new QAction(this);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_moveUpAction = new QAction(this);
    m_moveUpAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_moveDownAction = new QAction(this);
    m_moveDownAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_newFolderAction = new QAction(this);
    m_importAction = new QAction(this);
    m_exportAction = new QAction(this);
    m_removeFromListAction = new QAction(this);
    connect(m_removeFromListAction, &QAction::triggered, this, [this] { m_store->removeFile(currentPath()); });
    // The keys act in the tree only: Delete in the search field deletes a character.
    for (QAction *action : {m_renameAction, m_deleteAction, m_moveUpAction, m_moveDownAction}) {
        action->setShortcutContext(Qt::WidgetShortcut);
        m_tree->addAction(action);
    }
    connect(m_openAction, &QAction::triggered, this, &CollectionsPanel::openCurrent);
    connect(m_sendAction, &QAction::triggered, this, &CollectionsPanel::sendCurrent);
    connect(m_showCodeAction, &QAction::triggered, this, &CollectionsPanel::showCodeOfCurrent);
    connect(m_renameAction, &QAction::triggered, this, &CollectionsPanel::askRename);
    connect(m_duplicateAction, &QAction::triggered, this, &CollectionsPanel::duplicateCurrent);
    connect(m_deleteAction, &QAction::triggered, this, &CollectionsPanel::askDelete);
    connect(m_moveUpAction, &QAction::triggered, this, [this] { moveCurrent(-1); });
    connect(m_moveDownAction, &QAction::triggered, this, [this] { moveCurrent(1); });
    connect(m_newFolderAction, &QAction::triggered, this, &CollectionsPanel::askNewFolder);
    connect(m_importAction, &QAction::triggered, this, &CollectionsPanel::askImport);
    connect(m_exportAction, &QAction::triggered, this, &CollectionsPanel::askExport);
}

// The panel's buttons and labels have no mnemonics: shown beside every tab, they would take letters
// the tabs' forms use. Return opens, the context menu has the rest.
void CollectionsPanel::retranslate()
{
    m_search->setPlaceholderText(tr("Search: name, host, port, folder, request text"));
    m_environmentLabel->setText(tr("Environment:"));
    m_environment->setToolTip(tr("The {{variables}} of a .http file, from http-client.env.json and "
                                 "http-client.private.env.json beside it"));
    m_open->setText(tr("Open"));
    m_open->setToolTip(tr("Fill the form of the request's tab, without sending"));
    m_send->setText(tr("Send"));
    m_send->setToolTip(tr("Fill the form of the request's tab and send"));
    m_openAction->setText(tr("&Open"));
    m_sendAction->setText(tr("Se&nd"));
    m_showCodeAction->setText(tr("Show &code…"));
    m_renameAction->setText(tr("&Rename…"));
    m_duplicateAction->setText(tr("D&uplicate"));
    m_deleteAction->setText(tr("&Delete…"));
    m_moveUpAction->setText(tr("Move u&p"));
    m_moveDownAction->setText(tr("Move do&wn"));
    m_newFolderAction->setText(tr("New folder…"));
    m_newFolderAction->setToolTip(tr("A folder in the current collection, which the save dialog then offers"));
    m_importAction->setText(tr("Import…"));
    m_importAction->setToolTip(tr("List a .http, .rest or collection file where it is: SocketLab reads and writes it there"));
    m_exportAction->setText(tr("Export…"));
    m_exportAction->setToolTip(tr("Write the current collection to a .http file or a collection file"));
    m_removeFromListAction->setText(tr("Remo&ve from the list"));
    m_removeFromListAction->setToolTip(tr("No longer list this imported file; the file itself stays where it is"));
    m_model->retranslate();
    updateEnvironments();
}

void CollectionsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange && !m_message->property("good").toBool())
        setErrorTextColor(m_message);
    QWidget::changeEvent(event);
}

void CollectionsPanel::saveState(QSettings &settings) const
{
    settings.setValue(QStringLiteral("collections/files"),
                      QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(m_store->extraFiles())).toJson(QJsonDocument::Compact)));
}

void CollectionsPanel::restoreState(StoredSettings &settings)
{
    const QString files = settings.string(QStringLiteral("collections/files"), QString());
    const QJsonDocument document = QJsonDocument::fromJson(files.toUtf8());
    QStringList paths;
    for (const QJsonValue &value : document.array()) {
        if (value.isString())
            paths.append(value.toString());
    }
    m_store->setExtraFiles(paths);
    m_store->reload();
}

QModelIndex CollectionsPanel::currentSourceIndex() const
{
    const QModelIndex index = m_filter->mapToSource(m_tree->currentIndex());
    return index.isValid() ? index.siblingAtColumn(CollectionModel::NameColumn) : index;
}

QString CollectionsPanel::currentPath() const
{
    return currentSourceIndex().data(CollectionModel::PathRole).toString();
}

bool CollectionsPanel::currentPlace(QString *path, int *index, QString *name) const
{
    const QModelIndex current = currentSourceIndex();
    if (current.data(CollectionModel::ItemKindRole).toInt() != CollectionModel::RequestItem || !current.isValid())
        return false;
    *path = current.data(CollectionModel::PathRole).toString();
    *index = current.data(CollectionModel::IndexRole).toInt();
    *name = current.data(Qt::DisplayRole).toString();
    return true;
}

bool CollectionsPanel::currentRequest(SavedRequest *request, QString *problem) const
{
    QString path;
    QString name;
    int index = 0;
    if (!currentPlace(&path, &index, &name)) {
        *problem = tr("Choose a request in the list.");
        return false;
    }
    const LoadedCollection *loaded = m_store->collection(path);
    if (!loaded || index >= loaded->entries.size()) {
        *problem = tr("Choose a request in the list.");
        return false;
    }
    const HttpFileEntry &entry = loaded->entries.at(index);
    if (entry.error.isError()) {
        *problem = describeCollectionError(entry.error);
        return false;
    }
    *request = entry.request;
    return true;
}

bool CollectionsPanel::selectRequest(const QString &path, int index)
{
    const QModelIndex source = m_model->indexForKey(CollectionModel::requestKey(path, index));
    const QModelIndex shown = m_filter->mapFromSource(source);
    if (!shown.isValid())
        return false;
    m_tree->setCurrentIndex(shown);
    m_tree->scrollTo(shown);
    return true;
}

void CollectionsPanel::rebuild()
{
    // What was open and chosen stays so across the reload.
    QStringList expanded;
    for (const QModelIndex &index : m_model->match(m_model->index(0, 0), CollectionModel::KeyRole, QString(), -1,
                                                   Qt::MatchContains | Qt::MatchRecursive)) {
        if (m_tree->isExpanded(m_filter->mapFromSource(index)))
            expanded.append(index.data(CollectionModel::KeyRole).toString());
    }
    const bool first = m_model->rowCount() == 0;
    QString current = m_selectAfterEdit.isEmpty() ? currentSourceIndex().data(CollectionModel::KeyRole).toString() : m_selectAfterEdit;
    m_selectAfterEdit.clear();
    m_model->setCollections(m_store->collections());
    if (first)
        m_tree->expandToDepth(0);
    for (const QString &key : std::as_const(expanded))
        m_tree->expand(m_filter->mapFromSource(m_model->indexForKey(key)));
    const QModelIndex chosen = m_filter->mapFromSource(m_model->indexForKey(current));
    if (chosen.isValid()) {
        m_tree->setCurrentIndex(chosen);
        m_tree->scrollTo(chosen);
    }
    updateActions();
    updateEnvironments();
}

void CollectionsPanel::updateActions()
{
    const QModelIndex current = currentSourceIndex();
    const int kind = current.isValid() ? current.data(CollectionModel::ItemKindRole).toInt() : -1;
    const bool request = kind == CollectionModel::RequestItem;
    for (QAction *action : {m_openAction, m_sendAction, m_showCodeAction, m_renameAction, m_duplicateAction, m_deleteAction, m_moveUpAction,
                            m_moveDownAction})
        action->setEnabled(request);
    m_open->setEnabled(request);
    m_send->setEnabled(request);
    m_newFolderAction->setEnabled(current.isValid());
    m_exportAction->setEnabled(current.isValid());
    m_removeFromListAction->setEnabled(kind == CollectionModel::CollectionItem
                                       && m_store->extraFiles().contains(current.data(CollectionModel::PathRole).toString()));
}

void CollectionsPanel::updateEnvironments()
{
    const QScopedValueRollback updating(m_updatingEnvironments, true);
    const LoadedCollection *loaded = m_store->collection(currentPath());
    m_environment->clear();
    m_environment->addItem(tr("none"), QString());
    if (loaded && loaded->http) {
        for (const QString &name : loaded->environments)
            m_environment->addItem(name, name);
        m_environment->setCurrentIndex(std::max(0, m_environment->findData(loaded->environment)));
    }
    const bool any = loaded && loaded->http && !loaded->environments.isEmpty();
    m_environment->setEnabled(any);
    m_environmentLabel->setEnabled(any);
}

void CollectionsPanel::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    m_message->setProperty("good", !problem);
    if (problem)
        setErrorTextColor(m_message);
    else
        m_message->setPalette(QPalette());
}

bool CollectionsPanel::takeCurrentRequest(SavedRequest *request)
{
    QString problem;
    if (!currentRequest(request, &problem)) {
        showMessage(problem, true);
        return false;
    }
    showMessage(QString(), false);
    return true;
}

void CollectionsPanel::openCurrent()
{
    SavedRequest request;
    if (takeCurrentRequest(&request))
        emit openRequested(request);
}

void CollectionsPanel::showCodeOfCurrent()
{
    SavedRequest request;
    if (takeCurrentRequest(&request))
        emit showCodeRequested(request);
}

void CollectionsPanel::sendCurrent()
{
    SavedRequest request;
    if (!takeCurrentRequest(&request))
        return;
    QString path;
    QString name;
    int index = 0;
    currentPlace(&path, &index, &name);
    const LoadedCollection *loaded = m_store->collection(path);
    // What the request's block holds and is not done (a handler, an assertion), said, not an error.
    QStringList notices;
    if (loaded && index < loaded->entries.size()) {
        for (const HttpFileNotice &notice : loaded->entries.at(index).notices)
            notices.append(describeHttpFileNotice(request.name, notice));
    }
    showMessage(notices.join(QLatin1Char('\n')), false);
    if (loaded && loaded->http) {
        m_awaited.append(Awaited{path, request.name, request.tcp.payload});
        // Read again for the next send: a {{$guid}} or {{$timestamp}} is made anew each time.
        m_store->refresh(path);
    }
    emit sendRequested(request);
}

bool CollectionsPanel::awaitsReply(const QByteArray &request) const
{
    return std::any_of(m_awaited.cbegin(), m_awaited.cend(), [&request](const Awaited &awaited) { return awaited.request == request; });
}

void CollectionsPanel::takeReply(const QByteArray &request, const QByteArray &reply, bool whole, bool failed)
{
    const auto awaited = std::find_if(m_awaited.cbegin(), m_awaited.cend(), [&request](const Awaited &a) { return a.request == request; });
    if (awaited == m_awaited.cend())
        return;
    const Awaited taken = *awaited;
    m_awaited.erase(awaited);
    if (!m_store->setSentReply(taken.path, taken.name, {request, failed ? QByteArray() : reply, whole, failed}))
        showMessage(tr("«%1» failed: the requests that use its reply keep the reply it got before.").arg(taken.name), true);
}

void CollectionsPanel::saveRequest(const SavedRequest &request)
{
    // Saved, the request is shown selected in the panel: the panel's dock comes into view.
    if (auto *dock = qobject_cast<QDockWidget *>(parentWidget()))
        dock->show();
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->raise();
        return;
    }
    // Closed, not yet deleted: it holds the request it was opened for.
    delete m_dialog;
    QList<SaveRequestDialog::Choice> choices;
    for (const LoadedCollection &loaded : m_store->collections()) {
        if (!loaded.error.isError())
            choices.append({loaded.path, tr("%1 (%2)").arg(loaded.name, QFileInfo(loaded.path).fileName()), m_model->folders(loaded.path)});
    }
    m_pendingSave = request;
    m_dialog = new SaveRequestDialog(choices, m_store->folder(), this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setName(request.name);
    // Where the person is in the list is where the request goes, unless it says otherwise.
    const QString path = currentPath();
    m_dialog->setCollection(path);
    const QModelIndex current = currentSourceIndex();
    m_dialog->setFolder(request.folder.isEmpty() && current.data(CollectionModel::PathRole).toString() == path
                            ? current.data(CollectionModel::FolderRole).toStringList()
                            : request.folder);
    if (choices.isEmpty())
        m_dialog->newCollectionEdit()->setText(tr("requests"));
    connect(m_dialog, &SaveRequestDialog::saveRequested, this, [this] {
        SavedRequest request = m_pendingSave;
        request.name = m_dialog->name();
        request.folder = m_dialog->folder();
        const QString path = m_dialog->path();
        // The same name in the same folder is the same request: saved over only once the person says so.
        bool taken = false;
        if (const LoadedCollection *loaded = m_store->collection(path)) {
            for (const HttpFileEntry &entry : loaded->entries)
                taken = taken || (entry.request.folder == request.folder && entry.request.name == request.name);
        }
        if (!taken) {
            startSave(request, path, false);
            return;
        }
        ConfirmQuestion::ask(m_dialog, QStringLiteral("replaceRequest"), tr("Replace the request?"),
                             tr("\"%1\" is already in %2. Replace it with this one?").arg(request.name, QFileInfo(path).fileName()),
                             tr("&Replace"), ConfirmQuestion::Default::Keep, [this, request, path] {
                                 if (m_dialog)
                                     startSave(request, path, true);
                             });
    });
    m_dialog->open();
}

void CollectionsPanel::startSave(const SavedRequest &request, const QString &path, bool replace)
{
    m_pendingSavePath = path;
    m_dialog->setSaving(true);
    m_store->modify(path, [request, replace](Collection *collection, QString *problem) {
        for (SavedRequest &existing : collection->requests) {
            if (existing.folder == request.folder && existing.name == request.name) {
                // Saved there from elsewhere since the dialog looked: not replaced unasked.
                if (!replace) {
                    *problem = tr("\"%1\" is already in this collection: choose another name.").arg(request.name);
                    return false;
                }
                existing = request;
                return true;
            }
        }
        collection->requests.append(request);
        return true;
    });
}

void CollectionsPanel::onEdited(const QString &path, bool ok, const QString &problem)
{
    if (path == m_pendingSavePath && m_dialog) {
        m_pendingSavePath.clear();
        if (!ok) {
            m_dialog->showProblem(problem);
            return;
        }
        const QString name = m_dialog->name();
        const QStringList folder = m_dialog->folder();
        m_dialog->accept();
        if (const LoadedCollection *loaded = m_store->collection(path)) {
            for (qsizetype i = 0; i < loaded->entries.size(); ++i) {
                if (loaded->entries.at(i).request.name == name && loaded->entries.at(i).request.folder == folder)
                    selectRequest(path, int(i));
            }
        }
        showMessage(tr("Saved as \"%1\" in %2.").arg(name, QFileInfo(path).fileName()), false);
        return;
    }
    if (!ok)
        showMessage(problem, true);
    else
        showMessage(QString(), false);
}

void CollectionsPanel::askRename()
{
    QString path;
    QString name;
    int index = 0;
    if (!currentPlace(&path, &index, &name))
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("renameDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Rename"));
    dialog->setLabelText(tr("New name of \"%1\":").arg(name));
    dialog->setTextValue(name);
    connect(dialog, &QInputDialog::textValueSelected, this, &CollectionsPanel::renameCurrent);
    dialog->open();
}

void CollectionsPanel::renameCurrent(const QString &newName)
{
    QString path;
    QString name;
    int index = 0;
    const QString wanted = newName.trimmed();
    if (!currentPlace(&path, &index, &name) || wanted.isEmpty() || wanted == name)
        return;
    m_selectAfterEdit = CollectionModel::requestKey(path, index);
    m_store->modify(path, [index, name, wanted](Collection *collection, QString *problem) {
        if (!stillThere(*collection, index, name, problem))
            return false;
        SavedRequest &request = collection->requests[index];
        if (nameTaken(*collection, request.folder, wanted, index)) {
            *problem = tr("A request of this folder is already called \"%1\".").arg(wanted);
            return false;
        }
        request.name = wanted;
        return true;
    });
}

void CollectionsPanel::duplicateCurrent()
{
    QString path;
    QString name;
    int index = 0;
    if (!currentPlace(&path, &index, &name))
        return;
    m_selectAfterEdit = CollectionModel::requestKey(path, index + 1);
    m_store->modify(path, [index, name](Collection *collection, QString *problem) {
        if (!stillThere(*collection, index, name, problem))
            return false;
        SavedRequest copy = collection->requests.at(index);
        copy.name = tr("%1 copy").arg(name);
        for (int n = 2; nameTaken(*collection, copy.folder, copy.name, -1); ++n)
            copy.name = tr("%1 copy %2").arg(name).arg(n);
        collection->requests.insert(index + 1, copy);
        return true;
    });
}

void CollectionsPanel::askDelete()
{
    QString path;
    QString name;
    int index = 0;
    if (!currentPlace(&path, &index, &name))
        return;
    ConfirmQuestion::ask(this, QStringLiteral("deleteRequest"), tr("Delete the request?"),
                         tr("Delete \"%1\" from %2? This cannot be undone.").arg(name, QFileInfo(path).fileName()),
                         tr("&Delete"), ConfirmQuestion::Default::Action, [this, path, index] {
                             if (selectRequest(path, index))
                                 deleteCurrent();
                         });
}

void CollectionsPanel::deleteCurrent()
{
    QString path;
    QString name;
    int index = 0;
    if (!currentPlace(&path, &index, &name))
        return;
    m_selectAfterEdit = CollectionModel::folderKey(path, currentSourceIndex().data(CollectionModel::FolderRole).toStringList());
    m_store->modify(path, [index, name](Collection *collection, QString *problem) {
        if (!stillThere(*collection, index, name, problem))
            return false;
        collection->requests.removeAt(index);
        return true;
    });
}

void CollectionsPanel::moveCurrent(int step)
{
    QString path;
    QString name;
    int index = 0;
    if (!currentPlace(&path, &index, &name))
        return;
    // The neighbour in the same folder: requests of other folders between them do not count.
    const LoadedCollection *loaded = m_store->collection(path);
    if (!loaded)
        return;
    const QStringList folder = loaded->entries.at(index).request.folder;
    int other = index + step;
    while (other >= 0 && other < loaded->entries.size() && loaded->entries.at(other).request.folder != folder)
        other += step;
    if (other < 0 || other >= loaded->entries.size())
        return;
    m_selectAfterEdit = CollectionModel::requestKey(path, other);
    const QString otherName = loaded->entries.at(other).request.name;
    m_store->modify(path, [index, name, other, otherName](Collection *collection, QString *problem) {
        if (!stillThere(*collection, index, name, problem) || !stillThere(*collection, other, otherName, problem))
            return false;
        collection->requests.swapItemsAt(index, other);
        return true;
    });
}

void CollectionsPanel::moveRequest(const QString &path, int from, int before)
{
    const LoadedCollection *loaded = m_store->collection(path);
    if (!loaded || from < 0 || from >= loaded->entries.size() || before >= loaded->entries.size())
        return;
    const QString name = loaded->entries.at(from).request.name;
    const QString beforeName = before >= 0 ? loaded->entries.at(before).request.name : QString();
    // Where it lands once taken out: the places after it move up by one.
    int landing = before;
    if (before < 0) {
        landing = from;
        for (qsizetype i = 0; i < loaded->entries.size(); ++i) {
            if (loaded->entries.at(i).request.folder == loaded->entries.at(from).request.folder)
                landing = int(i);
        }
    } else if (before > from) {
        --landing;
    }
    m_selectAfterEdit = CollectionModel::requestKey(path, landing);
    m_store->modify(path, [from, name, before, beforeName, landing](Collection *collection, QString *problem) {
        if (!stillThere(*collection, from, name, problem) || (before >= 0 && !stillThere(*collection, before, beforeName, problem)))
            return false;
        collection->requests.move(from, landing);
        return true;
    });
}

void CollectionsPanel::askNewFolder()
{
    if (currentPath().isEmpty())
        return;
    auto *dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("newFolderDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("New folder"));
    dialog->setLabelText(tr("Name of the folder (a/b makes one inside another):"));
    connect(dialog, &QInputDialog::textValueSelected, this, &CollectionsPanel::addFolder);
    dialog->open();
}

void CollectionsPanel::addFolder(const QString &name)
{
    const QModelIndex current = currentSourceIndex();
    const QString path = currentPath();
    if (path.isEmpty())
        return;
    QStringList folder = current.data(CollectionModel::ItemKindRole).toInt() == CollectionModel::FolderItem
                             ? current.data(CollectionModel::FolderRole).toStringList()
                             : QStringList();
    for (const QString &part : name.split(QLatin1Char('/'))) {
        if (!part.trimmed().isEmpty())
            folder.append(part.trimmed());
    }
    if (folder.isEmpty())
        return;
    m_model->addEmptyFolder(path, folder);
    const QModelIndex made = m_filter->mapFromSource(m_model->indexForKey(CollectionModel::folderKey(path, folder)));
    m_tree->setCurrentIndex(made);
    m_tree->scrollTo(made);
    showMessage(tr("The folder is kept once a request is saved in it."), false);
}

void CollectionsPanel::askImport()
{
    auto *dialog = new QFileDialog(this, tr("Import a collection"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setNameFilters({tr("Requests (*.http *.rest *.json)"), tr("All files (*)")});
    connect(dialog, &QFileDialog::fileSelected, this, &CollectionsPanel::importFile);
    dialog->open();
}

void CollectionsPanel::importFile(const QString &path)
{
    if (path.isEmpty())
        return;
    m_store->addFile(path);
    showMessage(tr("%1 is listed where it is: changes made here are written there.").arg(QDir::toNativeSeparators(path)), false);
}

void CollectionsPanel::askExport()
{
    const LoadedCollection *loaded = m_store->collection(currentPath());
    if (!loaded)
        return;
    const QString suggested = QDir::home().filePath(QFileInfo(loaded->path).fileName());
    const QString to = SaveFileDialog::ask(this, tr("Export the collection"), suggested);
    if (!to.isEmpty())
        exportCurrent(to);
}

void CollectionsPanel::exportCurrent(const QString &path)
{
    const QString from = currentPath();
    if (from.isEmpty())
        return;
    m_store->exportTo(from, path);
}

void CollectionsPanel::showContextMenu(const QPoint &at)
{
    QMenu menu(this);
    menu.addAction(m_openAction);
    menu.addAction(m_sendAction);
    menu.addAction(m_showCodeAction);
    menu.addSeparator();
    menu.addAction(m_renameAction);
    menu.addAction(m_duplicateAction);
    menu.addAction(m_deleteAction);
    menu.addSeparator();
    menu.addAction(m_moveUpAction);
    menu.addAction(m_moveDownAction);
    menu.addSeparator();
    menu.addAction(m_newFolderAction);
    menu.addAction(m_exportAction);
    menu.addAction(m_removeFromListAction);
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

} // namespace SocketLab
