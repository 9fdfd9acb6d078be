#include "savefiledialog.h"

#include "text/translations.h"

#include <QFileSystemModel>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLocale>
#include <QTreeView>

#include <algorithm>

namespace SocketLab {

namespace {

// Qt 6.4's French catalogue still files these under QFileSystemModel, where Qt 5 asked for them, while
// QAbstractFileIconProvider asks under its own name: SocketLab's catalogue answers in its place. Never
// read here: lupdate collects them.
struct SourceText
{
    const char *source;
    const char *comment;
};
[[maybe_unused]] constexpr SourceText iconProviderStrings[] = {
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Folder", "All other platforms"),
    QT_TRANSLATE_NOOP3("QAbstractFileIconProvider", "Drive", ""),
};

// Rewrites the size and date columns of QFileSystemModel with the default locale.
class LocalizedColumns : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant data(const QModelIndex &index, int role) const override
    {
        const auto *files = qobject_cast<const QFileSystemModel *>(sourceModel());
        if (!files || role != Qt::DisplayRole || (index.column() != SizeColumn && index.column() != DateColumn))
            return QIdentityProxyModel::data(index, role);
        const QModelIndex source = mapToSource(index);
        if (index.column() == DateColumn)
            return QLocale().toString(files->lastModified(source), QLocale::ShortFormat);
        if (files->isDir(source))
            return QString();
        return QLocale().formattedDataSize(files->size(source));
    }

private:
    // QFileSystemModel's columns: name, size, type, date modified.
    static constexpr int SizeColumn = 1;
    static constexpr int DateColumn = 3;
};

} // namespace

SaveFileDialog::SaveFileDialog(QWidget *parent, const QString &title, const QString &suggestedPath)
    : QFileDialog(parent, title)
{
    setAcceptMode(QFileDialog::AcceptSave);
    setFileMode(QFileDialog::AnyFile);
    if (Translations::languageFor(QLocale::system()) != Translations::current()) {
        setOption(QFileDialog::DontUseNativeDialog);
        setProxyModel(new LocalizedColumns(this));
    }
    setLocale(QLocale());
    // Qt's dialog opens too narrow for its date column, the longer in French.
    resize(std::max(sizeHint().width(), fontMetrics().horizontalAdvance(QLatin1Char('M')) * 70),
           std::max(sizeHint().height(), fontMetrics().height() * 26));
    if (!suggestedPath.isEmpty())
        selectFile(suggestedPath);
}

void SaveFileDialog::showEvent(QShowEvent *event)
{
    // After the base class, which restores the header as Qt's dialog last left it: the name takes what
    // is left once size, type and date are whole ("05/12/2026 21:29" is long in French).
    QFileDialog::showEvent(event);
    if (auto *details = findChild<QTreeView *>(QStringLiteral("treeView"))) {
        details->header()->setStretchLastSection(false);
        details->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
        details->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    }
}

QString SaveFileDialog::ask(QWidget *parent, const QString &title, const QString &suggestedPath)
{
    SaveFileDialog dialog(parent, title, suggestedPath);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return QString();
    return dialog.selectedFiles().constFirst();
}

QString SaveFileDialog::askExisting(QWidget *parent, const QString &title, const QString &currentPath)
{
    SaveFileDialog dialog(parent, title, currentPath);
    dialog.setAcceptMode(QFileDialog::AcceptOpen);
    dialog.setFileMode(QFileDialog::ExistingFile);
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return QString();
    return dialog.selectedFiles().constFirst();
}

} // namespace SocketLab
