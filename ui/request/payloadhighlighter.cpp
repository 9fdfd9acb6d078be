#include "payloadhighlighter.h"

#include "markstyle.h"
#include "visibletext.h"

#include <QFontMetricsF>

namespace SocketLab {

namespace {

bool isHexDigit(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'f') || (u >= u'A' && u <= u'F');
}

} // namespace

PayloadHighlighter::PayloadHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
}

void PayloadHighlighter::setMode(PayloadMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    rehighlight();
}

void PayloadHighlighter::setColors(const EditorColors &colors)
{
    m_colors = colors;
    rehighlight();
}

void PayloadHighlighter::setEditorFont(const QFont &font)
{
    m_font = font;
    m_markSpacing.clear();
    rehighlight();
}

qreal PayloadHighlighter::markSpacing(QChar mark)
{
    const auto found = m_markSpacing.constFind(mark.unicode());
    if (found != m_markSpacing.cend())
        return *found;
    const qreal glyph = QFontMetricsF(m_font).horizontalAdvance(QString(mark));
    const qreal spacing = qMax<qreal>(0, MarkStyle(m_font).boxWidth(VisibleText::markLabel(mark)) - glyph);
    m_markSpacing.insert(mark.unicode(), spacing);
    return spacing;
}

void PayloadHighlighter::highlightBlock(const QString &text)
{
    switch (m_mode) {
    case PayloadMode::Text:
        highlightMarks(text);
        break;
    case PayloadMode::Escaped:
        highlightEscapes(text);
        break;
    case PayloadMode::Hex:
        break;
    }
}

void PayloadHighlighter::highlightMarks(const QString &text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (!VisibleText::isMark(c))
            continue;
        QTextCharFormat mark;
        mark.setForeground(Qt::transparent);
        mark.setFontLetterSpacingType(QFont::AbsoluteSpacing);
        mark.setFontLetterSpacing(markSpacing(c));
        setFormat(int(i), 1, mark);
    }
}

void PayloadHighlighter::highlightEscapes(const QString &text)
{
    QTextCharFormat escape;
    escape.setForeground(m_colors.escape);
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) != u'\\' || i + 1 >= text.size()) {
            ++i;
            continue;
        }
        const qsizetype length = text.at(i + 1) == u'x' ? 4 : 2;
        // A malformed escape is left to the error mark: colouring it would make it look accepted.
        const bool known = length == 4
            ? i + 3 < text.size() && isHexDigit(text.at(i + 2)) && isHexDigit(text.at(i + 3))
            : QStringView(u"rnt0\\").contains(text.at(i + 1));
        if (known)
            setFormat(int(i), int(length), escape);
        i += known ? length : 1;
    }
}

} // namespace SocketLab
