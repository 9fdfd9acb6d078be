#pragma once

#include "codegen/exchangecode.h"

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace SocketLab {

// Colours the programs Show code writes: keywords, strings (where the request's exact bytes are),
// comments (what the program explains), numbers and, in C, preprocessor lines. Only what those
// generated programs contain, not a full lexer: a person reads them, nobody edits them here.
class CodeHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    CodeHighlighter(QTextDocument *document, CodeLanguage language);

    void setLanguage(CodeLanguage language);
    // Chosen from the palette so a dark theme stays readable.
    void setPalette(const QPalette &palette);

protected:
    void highlightBlock(const QString &text) override;

private:
    enum BlockState { Plain = 0, InsideCComment = 1, InsidePythonTriple = 2 };

    // Past a string or comment that starts at from: where it ends in text, -1 if it runs past the line.
    static qsizetype stringEnd(const QString &text, qsizetype from, QChar quote);

    CodeLanguage m_language;
    QRegularExpression m_keywords;
    QRegularExpression m_numbers;
    QTextCharFormat m_keyword;
    QTextCharFormat m_string;
    QTextCharFormat m_comment;
    QTextCharFormat m_number;
    QTextCharFormat m_preprocessor;
};

} // namespace SocketLab
