#pragma once

#include <QFileDialog>

namespace SocketLab {

// The save dialog in the language SocketLab speaks, which may not be the system's: when the two differ,
// Qt's own dialog (translated by qtbase's catalogue) replaces the platform's, and its sizes and dates
// are written in the chosen locale ("2 Kio", "05/12/2026") instead of the system locale that
// QFileSystemModel always uses.
class SaveFileDialog : public QFileDialog
{
    Q_OBJECT
public:
    SaveFileDialog(QWidget *parent, const QString &title, const QString &suggestedPath);

    // Runs the dialog; an empty string when the person cancelled.
    static QString ask(QWidget *parent, const QString &title, const QString &suggestedPath);
    // The same dialog, in the same language, to pick an existing file to read (a certificate, a key).
    static QString askExisting(QWidget *parent, const QString &title, const QString &currentPath);

protected:
    void showEvent(QShowEvent *event) override;
};

} // namespace SocketLab
