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
    // Replaces the whole request with bytes as one edit that Undo (Ctrl+Z) takes back, sets HTTP
    // mode, and shows the request from its start. Whatever brings a request from elsewhere (a
    // template, a URL, the history, a link) goes through here, so nothing typed is lost for good.
    void replaceRequest(const QByteArray &bytes, bool httpMode = true);

    // The Host header value (hostHeaderValue()) and path the templates use.
    void setTarget(const QByteArray &hostHeader, const QByteArray &path);
    QByteArray targetHostHeader() const { return m_hostHeader; }
    // The target changed: the templates use its Host header value and "/", and the request's Host
    // header follows when it held the previous target's, so a Host typed for another name (a
    // virtual host behind an address) stays. The rest of the request is left as it is. The changes
    // of a host typed letter by letter are one step for Undo.
    void followTarget(const QByteArray &hostHeader);
    // A URL was entered: the templates use its Host header value and path, and so does the request
    // (retargetRequest()): its request line's target and its Host header change, the rest stays,
    // in one step for Undo with the Host edits of followTarget() just before it (the host field
    // going through the URL on its way). A target typed in absolute form (for a proxy) becomes the
    // whole URL, https:// when tls. False, and the text untouched, when the request is not a
    // valid HTTP request: replacing it is then for the person to decide.
    bool retarget(const QByteArray &hostHeader, const QByteArray &path, bool tls = false);
    // Replaces the text with the template's request and turns HTTP mode on.
    void applyTemplate(RequestTemplate kind);

    // The sentence shown under the editor when the text is not valid; empty when it is.
    QString errorMessage() const { return m_errorMessage; }

    // On: a curl command pasted into the text is not inserted: curlCommandPasted() hands it to
    // whoever can turn it into a target and a request (the TCP exchange's form).
    void setTakesCurlCommands(bool on);

signals:
    // The valid bytes changed (not emitted while the text is invalid).
    void bytesChanged();
    void validityChanged(bool valid);
    void modeChanged(SocketLab::PayloadMode mode);
    void httpModeChanged(bool on);
    void curlCommandPasted(const QString &command);

protected:
    void changeEvent(QEvent *event) override;

private:
    QToolButton *createModeButton(PayloadMode mode, const char *objectName);
    QToolButton *createTemplatesButton();
    void onModeClicked(int id);
    void onTextChanged();
    void validate(const QString &text, const PayloadCodec::DecodeResult &result);
    bool keepContentLengthRight(const QString &text, const QByteArray &bytes);
    void rewriteTargetEdit(const QByteArray &updated);
    void rewriteBytes(const QString &text, const QByteArray &bytes, const QByteArray &updated, bool joinPrevious);
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
    // The text right after the last edit a new target made: while it is still there, the next
    // target edit joins it, so typing a host letter by letter is one step for Undo.
    QString m_targetEditText;
    int m_targetEditSteps = 0;
};

} // namespace SocketLab
