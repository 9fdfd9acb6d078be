#pragma once

#include "bytes/payloadcodec.h"
#include "http/requesttemplates.h"
#include "payloadmode.h"

#include <QByteArray>
#include <QWidget>

class QButtonGroup;
class QLabel;
class QToolButton;

namespace SocketLab {

class PayloadHighlighter;
class PayloadTextEdit;

// The raw request: bytes a person types in one of three modes over the same bytes.
//
//  - Escapes: PayloadCodec escapes (\r \n \t \0 \\ \xNN), laid out in lines: a LF is "\n" and a
//    line break after it (PayloadCodec::Layout::Lines), and Enter writes the same ("\r\n" and a
//    break in HTTP mode), so what a person sees at a line's end is what they would type.
//  - Text: VisibleText (see visibletext.h): a LF is a line break with a dim "LF" box painted after
//    the line; a CR is the character ␍ drawn as a "CR" box, other control bytes likewise ("NUL",
//    "HT"), and bytes that are not shown as a character are Braille patterns U+2800+byte drawn as
//    their hex ("ff"). Any text is valid; typing or pasting a mark character writes its byte, a
//    pasted real CR or TAB is that byte. Tab itself moves the focus: a TAB byte is typed as ␉
//    (U+2409), pasted, or written \t in Escapes mode.
//  - Hex: PayloadCodec hex, shown 16 bytes a line; any spacing is accepted back.
//
// Switching mode goes through the bytes, so bytes() is the same before and after; it is refused
// while the text is not valid, and the error stays marked. In HTTP mode (on once a template is
// applied) Enter writes CR LF, and a Content-Length header is kept equal to the size of the body
// after each edit, without touching the rest of the text. The byte count is always shown, with a
// warning when the head has a doubled CR; an invalid text gets its reason under the editor and a
// wavy mark where it is.
class RequestEditor : public QWidget
{
    Q_OBJECT

public:
    using Mode = PayloadMode;

    explicit RequestEditor(QWidget *parent = nullptr);

    PayloadMode mode() const { return m_mode; }
    // False, and nothing changes, while the text is not valid.
    bool setMode(PayloadMode mode);

    bool isHttpMode() const { return m_httpMode; }
    void setHttpMode(bool on);

    bool isValid() const { return m_valid; }
    // The bytes of the text when it is valid; empty while it is not.
    QByteArray bytes() const { return m_valid ? m_bytes : QByteArray(); }
    // Replaces the text with these bytes in the current mode, exactly: a wrong Content-Length set
    // here is kept (it may be the point of the request). Undoable, like an edit.
    void setBytes(const QByteArray &bytes);
    // Replaces the request with another one, undoably, in HTTP mode, the view on its request line as
    // for a template: what a click on a link of the reply prepares, or a step of Back and Forward.
    // The same bytes again add nothing to undo.
    void replaceRequest(const QByteArray &bytes);

    // The Host header value (hostHeaderValue()) and path the templates use.
    void setTarget(const QByteArray &hostHeader, const QByteArray &path);
    // Replaces the text with the template's request and turns HTTP mode on.
    void applyTemplate(RequestTemplate kind);

    // The sentence shown under the editor when the text is not valid; empty when it is.
    QString errorMessage() const { return m_errorMessage; }

signals:
    // The valid bytes changed (not emitted while the text is invalid).
    void bytesChanged();
    void validityChanged(bool valid);
    void modeChanged(SocketLab::PayloadMode mode);
    void httpModeChanged(bool on);

protected:
    void changeEvent(QEvent *event) override;

private:
    QToolButton *createModeButton(PayloadMode mode, const char *objectName);
    QToolButton *createTemplatesButton();
    void onModeClicked(int id);
    void onTextChanged();
    void validate(const QString &text, const PayloadCodec::DecodeResult &result);
    bool keepContentLengthRight(const QString &text, const QByteArray &bytes);
    void showText(const QString &text, qsizetype cursorByte);
    qsizetype cursorByteOffset() const;
    void updateErrorMessage();
    void updateErrorMark();
    void updateByteCount();
    void applyColors();
    void retranslate();

    PayloadTextEdit *m_edit = nullptr;
    PayloadHighlighter *m_highlighter = nullptr;
    QButtonGroup *m_modeGroup = nullptr;
    QToolButton *m_escapesButton = nullptr;
    QToolButton *m_textButton = nullptr;
    QToolButton *m_hexButton = nullptr;
    QToolButton *m_httpButton = nullptr;
    QToolButton *m_templatesButton = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_countLabel = nullptr;

    PayloadMode m_mode = PayloadMode::Escaped;
    bool m_httpMode = false;
    bool m_valid = true;
    bool m_programmaticEdit = false;
    QByteArray m_bytes;
    QString m_decodedText;
    PayloadMode m_decodedMode = PayloadMode::Escaped;
    PayloadCodec::ErrorKind m_error = PayloadCodec::ErrorKind::None;
    qsizetype m_errorStart = -1;
    qsizetype m_errorLength = 0;
    qsizetype m_bytesBeforeError = 0;
    QString m_errorMessage;
    QByteArray m_hostHeader = "localhost";
    QByteArray m_path = "/";
};

} // namespace SocketLab
