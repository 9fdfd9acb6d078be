#include "saverequestdialog.h"

#include "widgets/errorpalette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace SocketLab {

namespace {
constexpr int NewCollectionData = -1;
}

SaveRequestDialog::SaveRequestDialog(const QList<Choice> &collections, const QString &newFolder, QWidget *parent)
    : QDialog(parent)
    , m_choices(collections)
    , m_newFolder(newFolder)
    , m_name(new QLineEdit)
    , m_collection(new QComboBox)
    , m_newNameLabel(new QLabel)
    , m_newName(new QLineEdit)
    , m_format(new QComboBox)
    , m_folder(new QComboBox)
    , m_problem(new QLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("saveRequestDialog"));
    setWindowTitle(tr("Save to collection"));
    for (qsizetype i = 0; i < collections.size(); ++i)
        m_collection->addItem(collections.at(i).title, int(i));
    m_collection->addItem(tr("New collection…"), NewCollectionData);
    m_newName->setPlaceholderText(tr("lab"));
    m_format->addItem(tr("SocketLab collection (.json): any request"));
    m_format->addItem(tr("HTTP file (.http): HTTP requests over TCP or TLS"));
    m_folder->setEditable(true);
    m_folder->setInsertPolicy(QComboBox::NoInsert);
    m_folder->lineEdit()->setPlaceholderText(tr("top of the collection"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    setErrorTextColor(m_problem);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Name:"), m_name);
    m_form->addRow(tr("&Collection:"), m_collection);
    m_newRow = new QHBoxLayout;
    m_newRow->addWidget(m_newName, 1);
    m_newRow->addWidget(m_format);
    m_newNameLabel->setText(tr("New c&ollection:"));
    m_newNameLabel->setBuddy(m_newName);
    m_form->addRow(m_newNameLabel, m_newRow);
    m_form->addRow(tr("&Folder:"), m_folder);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_collection, &QComboBox::currentIndexChanged, this, &SaveRequestDialog::updateFields);
    connect(m_name, &QLineEdit::textChanged, this, &SaveRequestDialog::updateFields);
    connect(m_newName, &QLineEdit::textChanged, this, &SaveRequestDialog::updateFields);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SaveRequestDialog::saveRequested);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateFields();
    resize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 50, sizeHint().height());
}

void SaveRequestDialog::setName(const QString &name)
{
    m_name->setText(name);
    m_name->selectAll();
}

QString SaveRequestDialog::name() const
{
    return m_name->text().trimmed();
}

void SaveRequestDialog::setCollection(const QString &path)
{
    for (qsizetype i = 0; i < m_choices.size(); ++i) {
        if (m_choices.at(i).path == path) {
            m_collection->setCurrentIndex(int(i));
            return;
        }
    }
    m_collection->setCurrentIndex(m_collection->count() - 1);
}

void SaveRequestDialog::setFolder(const QStringList &folder)
{
    m_folder->setCurrentText(folder.join(QLatin1Char('/')));
}

QStringList SaveRequestDialog::folder() const
{
    QStringList parts;
    for (const QString &part : m_folder->currentText().split(QLatin1Char('/'))) {
        if (!part.trimmed().isEmpty())
            parts.append(part.trimmed());
    }
    return parts;
}

bool SaveRequestDialog::isNewCollection() const
{
    return m_collection->currentData().toInt() == NewCollectionData;
}

QString SaveRequestDialog::path() const
{
    if (!isNewCollection())
        return m_choices.at(m_collection->currentData().toInt()).path;
    QString base = m_newName->text().trimmed();
    // A name, not a path: the file goes in the collections folder.
    base.replace(QLatin1Char('/'), QLatin1Char('-'));
    base.replace(QLatin1Char('\\'), QLatin1Char('-'));
    const QString extension = m_format->currentIndex() == 1 ? QStringLiteral(".http") : QStringLiteral(".json");
    if (base.endsWith(extension, Qt::CaseInsensitive))
        base.chop(extension.size());
    // A hidden file is not listed, and the environments' files beside the .http files are not
    // collections: neither is a name a new collection may take.
    while (base.startsWith(QLatin1Char('.')))
        base.remove(0, 1);
    if (base.isEmpty())
        base = QStringLiteral("collection");
    if (base.startsWith(QLatin1StringView("http-client."), Qt::CaseInsensitive))
        base.prepend(QLatin1StringView("collection-"));
    return m_newFolder + QLatin1Char('/') + base + extension;
}

void SaveRequestDialog::showProblem(const QString &problem)
{
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    setSaving(false);
}

void SaveRequestDialog::setSaving(bool saving)
{
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(!saving && !name().isEmpty()
                                                          && (!isNewCollection() || !m_newName->text().trimmed().isEmpty()));
}

void SaveRequestDialog::updateFields()
{
    const bool isNew = isNewCollection();
    m_form->setRowVisible(m_newRow, isNew);
    const QString typed = m_folder->currentText();
    m_folder->clear();
    if (!isNew)
        m_folder->addItems(m_choices.at(m_collection->currentData().toInt()).folders);
    m_folder->setCurrentText(typed);
    setSaving(false);
}

} // namespace SocketLab
