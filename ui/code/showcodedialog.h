#pragma once

#include "codegen/coderequest.h"

#include <QDialog>

class QButtonGroup;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;

namespace SocketLab {

class CodeHighlighter;

// The program that does what SocketLab does for one exchange, in Python in the notebooks' style or in
// C: shown highlighted, copied or saved. The request is taken when the dialog opens, so editing the
// form afterwards changes nothing here; switching the language of the window rewrites the program's
// comments in it.
class ShowCodeDialog : public QDialog
{
    Q_OBJECT

public:
    ShowCodeDialog(const CodeRequest &request, QWidget *parent = nullptr);

    CodeLanguage language() const { return m_language; }
    void setLanguage(CodeLanguage language);
    // The program, whole (empty while it is being written); the view may show only its beginning.
    QString program() const;
    // Past this, the view shows the program's first lines only (cutLabel() says so).
    static constexpr qsizetype MaxShownCharacters = 1024 * 1024;

    QPlainTextEdit *codeView() const { return m_code; }
    QRadioButton *pythonButton() const { return m_python; }
    QRadioButton *cButton() const { return m_c; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *saveButton() const { return m_save; }
    // How to run the program: the command line.
    QLabel *runLabel() const { return m_run; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *problemLabel() const { return m_problem; }
    QLabel *cutLabel() const { return m_cut; }

    // Writes the program to path off the GUI thread; savedTo() or saveFailed() tell the end.
    void saveTo(const QString &path);

signals:
    void programShown();
    void savedTo(const QString &path);
    void saveFailed(const QString &problem);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // Writes the program again, off the GUI thread: a request of many megabytes makes a long literal.
    void generate();
    void copyProgram();
    void askWhereToSave();
    // A sentence under the program: what was done, or (problem) what failed, in red.
    void showStatus(const QString &text, bool problem);
    void showProgram(const QString &program);
    QString howToRun() const;

    CodeRequest m_request;
    CodeLanguage m_language = CodeLanguage::Python;
    quint64 m_generation = 0;  // the latest program asked for; an older one arriving late is dropped
    QLabel *m_intro;
    QRadioButton *m_python;
    QRadioButton *m_c;
    QButtonGroup *m_languages;
    QPlainTextEdit *m_code;
    CodeHighlighter *m_highlighter;
    QLabel *m_run;
    QLabel *m_status;
    QLabel *m_problem;
    QLabel *m_cut;
    QString m_program;
    QPushButton *m_copy;
    QPushButton *m_save;
    QDialogButtonBox *m_buttons;
};

} // namespace SocketLab
