#pragma once

#include "editorcolors.h"
#include "payloadmode.h"

#include <QFont>
#include <QHash>
#include <QSyntaxHighlighter>

namespace SocketLab {

// Sets the escapes of Escapes mode apart from the literal text, so a person sees at a glance which
// characters stand for something else; in Text mode, hides the mark characters and widens them to
// the box PayloadTextEdit paints over them (see MarkStyle).
class PayloadHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit PayloadHighlighter(QTextDocument *document);

    void setMode(PayloadMode mode);
    void setColors(const EditorColors &colors);
    void setEditorFont(const QFont &font);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightMarks(const QString &text);
    void highlightEscapes(const QString &text);
    qreal markSpacing(QChar mark);

    PayloadMode m_mode = PayloadMode::Escaped;
    EditorColors m_colors;
    QFont m_font;
    QHash<char16_t, qreal> m_markSpacing;
};

} // namespace SocketLab
