#include "payloadtextedit.h"

#include "editorcolors.h"
#include "http/curlcommand.h"
#include "markstyle.h"
#include "visibletext.h"

#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextLayout>

namespace SocketLab {

namespace {

constexpr QChar LineFeedMark(char16_t(0x240a));
constexpr QChar CarriageReturnMark(char16_t(0x240d));

// A pasted character means its own bytes in Escapes mode, so a real CR, TAB or other control
// becomes its escape: typed into the text as is, a CR would become a line break and the others
// would be invisible. A line break is written "\n" and then broken, as every LF is in this mode.
// Backslashes stay: pasted escapes are meant as escapes. U+2029 is how the document itself breaks
// lines.
QString escapeControls(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u == u'\n' || u == QChar::ParagraphSeparator) {
            out.append(QLatin1String("\\n\n"));
        } else if (u == u'\r') {
            out.append(QLatin1String("\\r"));
        } else if (u == u'\t') {
            out.append(QLatin1String("\\t"));
        } else if (u == 0) {
            out.append(QLatin1String("\\0"));
        } else if (u < 0x20 || u == 0x7f) {
            out.append(QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0')));
        } else {
            out.append(c);
        }
    }
    return out;
}

} // namespace

PayloadTextEdit::PayloadTextEdit(QWidget *parent)
    : QPlainTextEdit(parent)
{
    // Tab moves the focus on, as everywhere else in the window; a TAB byte is written \t in
    // Escapes mode, 09 in Hex, and ␉ (or a pasted tab) in Text mode.
    setTabChangesFocus(true);
    // Bytes wrap where the width ends, as in a terminal or a hex editor. Qt's default looks for a
    // word boundary first, and on a line with none (base64, hex, one long token) that search runs to
    // the line's end for every wrapped row: a pasted 1 MiB line took 36 s on the GUI thread, 0.7 s
    // this way.
    setWordWrapMode(QTextOption::WrapAnywhere);
}

void PayloadTextEdit::setMode(PayloadMode mode)
{
    if (mode == m_mode)
        return;
    m_mode = mode;
    viewport()->update();
}

void PayloadTextEdit::setHttpMode(bool on)
{
    m_httpMode = on;
}

QString PayloadTextEdit::payloadText() const
{
    QString text = document()->toRawText();
    text.replace(QChar::ParagraphSeparator, u'\n');
    return text;
}

QString PayloadTextEdit::enterText() const
{
    switch (m_mode) {
    case PayloadMode::Escaped:
        return escapedEnterText();
    case PayloadMode::Text:
        return m_httpMode ? QString(CarriageReturnMark) + u'\n' : QStringLiteral("\n");
    case PayloadMode::Hex:
        break;
    }
    return QStringLiteral("\n");
}

QString PayloadTextEdit::escapedEnterText() const
{
    // Enter writes out the line ending it makes, as every other one is shown, and completes what
    // the person already typed rather than adding to it: after a written "\n" it only breaks the
    // line, after "\r" in HTTP mode it adds the "\n". Typing what is on screen, Enter included,
    // gives the same bytes.
    const QTextCursor cursor = textCursor();
    const QString before = cursor.block().text().left(cursor.positionInBlock());
    const auto endsWithEscape = [&before](QChar letter) {
        if (!before.endsWith(letter))
            return false;
        qsizetype backslashes = 0;
        for (qsizetype i = before.size() - 2; i >= 0 && before.at(i) == u'\\'; --i)
            ++backslashes;
        return backslashes % 2 == 1;
    };
    if (endsWithEscape(u'n'))
        return QStringLiteral("\n");
    if (!m_httpMode)
        return QStringLiteral("\\n\n");
    return endsWithEscape(u'r') ? QStringLiteral("\\n\n") : QStringLiteral("\\r\\n\n");
}

void PayloadTextEdit::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        emit fontChanged();
}

void PayloadTextEdit::keyPressEvent(QKeyEvent *event)
{
    if (event->key() != Qt::Key_Return && event->key() != Qt::Key_Enter) {
        QPlainTextEdit::keyPressEvent(event);
        return;
    }
    // Ctrl+Return is the window's Send: it is not a line break here.
    if (event->modifiers() & (Qt::ControlModifier | Qt::AltModifier | Qt::MetaModifier)) {
        event->ignore();
        return;
    }
    // Shift+Enter too, or it would insert a U+2028 line separator, which no mode reads as a LF.
    insertAsOneEdit(enterText());
    event->accept();
}

QString PayloadTextEdit::pastedText(const QString &text) const
{
    switch (m_mode) {
    case PayloadMode::Escaped:
        return escapeControls(text);
    case PayloadMode::Text:
        return VisibleText::encode(VisibleText::decode(text));
    case PayloadMode::Hex:
        break;
    }
    return text;
}

void PayloadTextEdit::insertFromMimeData(const QMimeData *source)
{
    if (!source->hasText()) {
        QPlainTextEdit::insertFromMimeData(source);
        return;
    }
    if (m_takesCurlCommands && looksLikeCurlCommand(source->text())) {
        emit curlCommandPasted(source->text());
        return;
    }
    insertAsOneEdit(pastedText(source->text()));
}

// One edit block, so what the editor adjusts after it (a Content-Length) joins it in the undo
// history.
void PayloadTextEdit::insertAsOneEdit(const QString &text)
{
    QTextCursor cursor = textCursor();
    cursor.beginEditBlock();
    cursor.insertText(text);
    cursor.endEditBlock();
    setTextCursor(cursor);
    ensureCursorVisible();
}

void PayloadTextEdit::paintEvent(QPaintEvent *event)
{
    QPlainTextEdit::paintEvent(event);
    if (m_mode == PayloadMode::Text)
        paintMarks(event);
}

void PayloadTextEdit::paintMarks(QPaintEvent *event)
{
    QPainter painter(viewport());
    const EditorColors colors = EditorColors::forPalette(palette());
    const QColor selectionInk = palette().color(QPalette::HighlightedText);
    const QColor selectionFill = palette().color(QPalette::Highlight);
    const MarkStyle style(font());
    const QString lineFeedLabel = VisibleText::markLabel(LineFeedMark);
    const QTextCursor cursor = textCursor();
    // A selected mark looks selected, like the characters around it; the selection gives the
    // hidden character a visible colour, so the whole cell is covered.
    const auto paint = [&](const QRectF &cell, int position, const QString &label, const QColor &ink,
                           const QColor &fill) {
        if (position >= cursor.selectionStart() && position < cursor.selectionEnd()) {
            painter.fillRect(cell, selectionFill);
            style.paint(&painter, cell, label, selectionInk, selectionFill);
        } else {
            style.paint(&painter, cell, label, ink, fill);
        }
    };
    const QPointF offset = contentOffset();
    for (QTextBlock block = firstVisibleBlock(); block.isValid(); block = block.next()) {
        const QRectF blockRect = blockBoundingGeometry(block).translated(offset);
        if (blockRect.top() > event->rect().bottom())
            break;
        const QTextLayout *layout = block.layout();
        if (!block.isVisible() || layout->lineCount() == 0)
            continue;
        const QPointF origin = blockRect.topLeft() + layout->position();
        const QString text = block.text();
        for (int i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (!VisibleText::isMark(c))
                continue;
            const QTextLine line = layout->lineForTextPosition(i);
            const qreal left = line.cursorToX(i);
            const QRectF cell(origin.x() + left, origin.y() + line.y(), line.cursorToX(i + 1) - left, line.height());
            if (VisibleText::isRawByteMark(c))
                paint(cell, block.position() + i, VisibleText::markLabel(c), colors.rawByte, colors.rawByteBackground);
            else
                paint(cell, block.position() + i, VisibleText::markLabel(c), colors.mark, colors.markBackground);
        }
        // The last line has no LF after it.
        if (block.next().isValid()) {
            const QTextLine line = layout->lineAt(layout->lineCount() - 1);
            const QRectF cell(origin.x() + line.cursorToX(int(text.size())), origin.y() + line.y(),
                              style.boxWidth(lineFeedLabel), line.height());
            paint(cell, block.position() + int(text.size()), lineFeedLabel, colors.mark, colors.markBackground);
        }
    }
}

} // namespace SocketLab
