#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;

namespace SocketLab {

// Where to save a request: its name, the collection (one listed, or a new one: its name and its
// format), the folder. The dialog stays open until the save is done, so a save that fails shows why
// beside what was typed, all of it kept.
class SaveRequestDialog : public QDialog
{
    Q_OBJECT
public:
    struct Choice
    {
        QString path;  // a listed collection's file
        QString title; // what the collection combo shows
        QStringList folders; // its folders, "a/b"
    };

    // newFolder: where a new collection's file goes.
    SaveRequestDialog(const QList<Choice> &collections, const QString &newFolder, QWidget *parent = nullptr);

    void setName(const QString &name);
    QString name() const;
    // Chooses the listed collection at path; none listed there: a new one.
    void setCollection(const QString &path);
    void setFolder(const QStringList &folder);
    QStringList folder() const;
    // The file to save in: a listed one, or the new collection's, made of its name and format.
    QString path() const;
    bool isNewCollection() const;

    // The save failed: why, under the fields, which keep what was typed.
    void showProblem(const QString &problem);
    void setSaving(bool saving);

    QLineEdit *nameEdit() const { return m_name; }
    QComboBox *collectionCombo() const { return m_collection; }
    QLineEdit *newCollectionEdit() const { return m_newName; }
    // Rows: JSON, .http.
    QComboBox *formatCombo() const { return m_format; }
    QComboBox *folderCombo() const { return m_folder; }
    QLabel *problemLabel() const { return m_problem; }
    QDialogButtonBox *buttons() const { return m_buttons; }

signals:
    // Save pressed with a name and a collection: the panel saves, then closes the dialog or shows why not.
    void saveRequested();

private:
    void updateFields();

    QList<Choice> m_choices;
    QString m_newFolder;
    QLineEdit *m_name;
    QComboBox *m_collection;
    QFormLayout *m_form;
    QHBoxLayout *m_newRow;
    QLabel *m_newNameLabel;
    QLineEdit *m_newName;
    QComboBox *m_format;
    QComboBox *m_folder;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};

} // namespace SocketLab
