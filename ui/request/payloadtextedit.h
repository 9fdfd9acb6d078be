#pragma once

#include "payloadmode.h"

#include <QPlainTextEdit>

namespace SocketLab {

// The text area of the request editor. It knows what Enter writes in each mode and turns pasted
// text into what it means in the current mode. In Text mode it paints the marks (MarkStyle) over
// their hidden characters, and a LF box at the end of every line that ends with a LF: that one is
// painted only, not in the text, so it cannot be selected and is never decoded.
class PayloadTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit PayloadTextEdit(QWidget *parent = nullptr);

    void setMode(PayloadMode mode);
    void setHttpMode(bool on);

    // The text as the codecs read it: a line break is '\n', and nothing else is rewritten (unlike
    // toPlainText(), which turns a no-break space into a space).
    QString payloadText() const;

    // What Enter inserts at the cursor: in Escapes, the LF written out ("\n", "\r\n" in HTTP mode,
    // less what is typed already) and a line break; in Text, a line break preceded in HTTP mode by
    // ␍; in Hex a line break, which only separates bytes.
    QString enterText() const;

    // On: a pasted curl command is handed on (curlCommandPasted()) rather than inserted as text.
    void setTakesCurlCommands(bool on) { m_takesCurlCommands = on; }

signals:
    // The font changed (Ctrl+wheel zooms): the marks' widths follow it.
    void fontChanged();
    void curlCommandPasted(const QString &command);

protected:
    void changeEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void insertFromMimeData(const QMimeData *source) override;
    void paintEvent(QPaintEvent *event) override;

private:
    QString escapedEnterText() const;
    QString pastedText(const QString &text) const;
    void insertAsOneEdit(const QString &text);
    void paintMarks(QPaintEvent *event);

    PayloadMode m_mode = PayloadMode::Escaped;
    bool m_httpMode = false;
    bool m_takesCurlCommands = false;
};

} // namespace SocketLab
