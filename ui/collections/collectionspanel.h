#pragma once

#include "collections/savedrequest.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QTreeView;

namespace SocketLab {

class CollectionModel;
class CollectionStore;
class SaveRequestDialog;
class StoredSettings;

// The collections side panel: every collection file (collection > folders > requests), a search
// field, the environment of a .http file, and what can be done with a request: open it in its tab's
// form, send it, rename, duplicate, delete, move it within its folder; import a file (listed where it
// is) and export a collection. Every read and write goes through the CollectionStore, off the GUI
// thread; what fails is said in the panel as a sentence.
class CollectionsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit CollectionsPanel(QWidget *parent = nullptr);
    ~CollectionsPanel() override;

    // Wide enough for a request's name and its target side by side.
    QSize sizeHint() const override;

    CollectionStore *store() const { return m_store; }
    CollectionModel *model() const { return m_model; }
    QSortFilterProxyModel *filterModel() const { return m_filter; }
    QTreeView *tree() const { return m_tree; }
    QLineEdit *searchEdit() const { return m_search; }
    QComboBox *environmentCombo() const { return m_environment; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *sendButton() const { return m_send; }
    // The last thing that went wrong, or what went well (saved, exported).
    QLabel *messageLabel() const { return m_message; }
    // The save dialog while it is open.
    SaveRequestDialog *saveDialog() const;

    QAction *openAction() const { return m_openAction; }
    QAction *sendAction() const { return m_sendAction; }
    QAction *showCodeAction() const { return m_showCodeAction; }
    QAction *renameAction() const { return m_renameAction; }
    QAction *duplicateAction() const { return m_duplicateAction; }
    QAction *deleteAction() const { return m_deleteAction; }
    QAction *moveUpAction() const { return m_moveUpAction; }
    QAction *moveDownAction() const { return m_moveDownAction; }
    QAction *newFolderAction() const { return m_newFolderAction; }
    QAction *importAction() const { return m_importAction; }
    QAction *exportAction() const { return m_exportAction; }
    // For a file listed by Import: no longer list it (the file stays).
    QAction *removeFromListAction() const { return m_removeFromListAction; }

    // The collections folder and the files listed from elsewhere, under "collections/".
    void saveState(QSettings &settings) const;
    void restoreState(StoredSettings &settings);

    // The request of the current row, when it is one that reads without error; *problem otherwise.
    bool currentRequest(SavedRequest *request, QString *problem) const;
    // Selects the request at `index` of the collection file at path.
    bool selectRequest(const QString &path, int index);
    // Whether `request` is the bytes of a named .http request this panel sent and waits the reply of,
    // for the request variables of the others ({{login.response.body.$.token}}).
    bool awaitsReply(const QByteArray &request) const;
    // The reply to the request awaitsReply() named: kept for this session, the file read again.
    // whole: reply is all that came (not its first part under a cap); failed: the exchange failed,
    // and an earlier reply of the same request, if any, stays in use (said in a message).
    void takeReply(const QByteArray &request, const QByteArray &reply, bool whole, bool failed);

public slots:
    // Asks for a name, a collection and a folder, prefilled from the request, and saves it there;
    // the dock the panel is in, if any, is shown.
    void saveRequest(const SocketLab::SavedRequest &request);
    // The current request to its tab's form (openRequested), or sent too (sendRequested).
    void openCurrent();
    void sendCurrent();
    // The current request's program, in a dialog the window opens (showCodeRequested).
    void showCodeOfCurrent();
    // Lists path (a .http, .rest or collection JSON file) where it is.
    void importFile(const QString &path);
    // Writes the current collection to path (.http or collection JSON by its name).
    void exportCurrent(const QString &path);
    void renameCurrent(const QString &name);
    void duplicateCurrent();
    // Deletes the current request at once (deleteAction asks first).
    void deleteCurrent();
    void moveCurrent(int step);
    // The request at `from` goes before the one at `before` of the same folder (-1: to its end).
    void moveRequest(const QString &path, int from, int before);
    void addFolder(const QString &name);

signals:
    void openRequested(const SocketLab::SavedRequest &request);
    void sendRequested(const SocketLab::SavedRequest &request);
    void showCodeRequested(const SocketLab::SavedRequest &request);

protected:
    void changeEvent(QEvent *event) override;

private:
    // currentRequest(), its problem shown under the tree (or the last message cleared).
    bool takeCurrentRequest(SavedRequest *request);
    void createActions();
    void retranslate();
    void rebuild();
    void updateActions();
    void updateEnvironments();
    void showMessage(const QString &text, bool problem);
    // Writes the save dialog's request to the collection at path; replace: over one of the same name
    // and folder, which the person agreed to.
    void startSave(const SavedRequest &request, const QString &path, bool replace);
    void onEdited(const QString &path, bool ok, const QString &problem);
    void askRename();
    void askDelete();
    void askNewFolder();
    void askImport();
    void askExport();
    void showContextMenu(const QPoint &at);
    QModelIndex currentSourceIndex() const;
    QString currentPath() const;
    // The request item's place in its file and its name, which an edit checks is still there.
    bool currentPlace(QString *path, int *index, QString *name) const;

    CollectionStore *m_store;
    CollectionModel *m_model;
    QSortFilterProxyModel *m_filter;
    QLineEdit *m_search;
    QLabel *m_environmentLabel;
    QComboBox *m_environment;
    QTreeView *m_tree;
    QPushButton *m_open;
    QPushButton *m_send;
    QLabel *m_message;
    QPointer<SaveRequestDialog> m_dialog;
    SavedRequest m_pendingSave;       // the request the dialog saves
    QString m_pendingSavePath;         // the file the dialog's save went to, until edited() says how
    QString m_selectAfterEdit;         // a key to select once the file is read again
    bool m_updatingEnvironments = false;
    // The named .http requests sent, each until its reply comes: a second send before the first's
    // reply does not lose that reply.
    struct Awaited
    {
        QString path;
        QString name;
        QByteArray request;
    };
    QList<Awaited> m_awaited;

    QAction *m_openAction;
    QAction *m_sendAction;
    QAction *m_showCodeAction;
    QAction *m_renameAction;
    QAction *m_duplicateAction;
    QAction *m_deleteAction;
    QAction *m_moveUpAction;
    QAction *m_moveDownAction;
    QAction *m_newFolderAction;
    QAction *m_importAction;
    QAction *m_exportAction;
    QAction *m_removeFromListAction;
};

} // namespace SocketLab
