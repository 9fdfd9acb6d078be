#include "requesteditor.h"

#include "editorcolors.h"
#include "payloadhighlighter.h"
#include "payloadtextedit.h"
#include "payloadtextmap.h"
#include "text/codectext.h"
#include "visibletext.h"

#include "http/requestretarget.h"

#include <QButtonGroup>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace SocketLab {

namespace {

constexpr int HexBytesPerLine = 16;

QString textForBytes(PayloadMode mode, const QByteArray &bytes)
{
    switch (mode) {
    case PayloadMode::Escaped:
        return PayloadCodec::encodeEscaped(bytes, PayloadCodec::Layout::Lines);
    case PayloadMode::Text:
        return VisibleText::encode(bytes);
    case PayloadMode::Hex:
        return PayloadCodec::encodeHex(bytes, HexBytesPerLine);
    }
    return {};
}

PayloadCodec::DecodeResult decode(PayloadMode mode, const QString &text)
{
    switch (mode) {
    case PayloadMode::Escaped:
        return PayloadCodec::decodeEscaped(text, PayloadCodec::Layout::Lines);
    case PayloadMode::Hex:
        return PayloadCodec::decodeHex(text);
    case PayloadMode::Text:
        break;
    }
    PayloadCodec::DecodeResult result;
    result.bytes = VisibleText::decode(text);
    return result;
}

// The bytes a person can count on: those the text before the error decodes to. A prefix cut
// inside a hex byte or a "0x" is itself invalid, so the cut moves back to its own error until the
// prefix is valid; each error lies strictly before the cut, so this ends.
qsizetype bytesBefore(PayloadMode mode, const QString &text, qsizetype column)
{
    qsizetype end = column;
    for (;;) {
        const PayloadCodec::DecodeResult prefix = decode(mode, text.left(end));
        if (prefix.ok())
            return prefix.bytes.size();
        end = prefix.column;
    }
}

int pluralCount(qsizetype n)
{
    return int(std::min<qsizetype>(n, INT_MAX));
}

QString templateName(RequestTemplate kind)
{
    switch (kind) {
    case RequestTemplate::Http10Get:
        return RequestEditor::tr("HTTP/1.0 GET");
    case RequestTemplate::Http11Get:
        return RequestEditor::tr("HTTP/1.1 GET (Host, Connection: close)");
    case RequestTemplate::Http11Head:
        return RequestEditor::tr("HTTP/1.1 HEAD");
    case RequestTemplate::Http11Post:
        return RequestEditor::tr("HTTP/1.1 POST with a body");
    }
    return {};
}

QString templateToolTip(RequestTemplate kind)
{
    switch (kind) {
    case RequestTemplate::Http10Get:
        return RequestEditor::tr("The request line and a blank line: the simplest request there is");
    case RequestTemplate::Http11Get:
        return RequestEditor::tr("HTTP/1.1 needs a Host header; Connection: close makes the server close "
                                 "the connection after its reply");
    case RequestTemplate::Http11Head:
        return RequestEditor::tr("Like GET, but the server sends the headers only");
    case RequestTemplate::Http11Post:
        return RequestEditor::tr("A form body, with a Content-Length that follows the body as you edit it");
    }
    return {};
}

constexpr RequestTemplate Templates[] = {
    RequestTemplate::Http10Get,
    RequestTemplate::Http11Get,
    RequestTemplate::Http11Head,
    RequestTemplate::Http11Post,
};

} // namespace

RequestEditor::RequestEditor(QWidget *parent)
    : QWidget(parent)
{
    // Created first, so Tab reaches the text first (the editor's focus proxy takes the focus when
    // tabbed into anyway), then the mode (arrow keys move within it), HTTP and Templates.
    m_edit = new PayloadTextEdit(this);
    m_edit->setObjectName(QStringLiteral("requestText"));
    connect(m_edit, &PayloadTextEdit::curlCommandPasted, this, &RequestEditor::curlCommandPasted);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter = new PayloadHighlighter(m_edit->document());
    m_highlighter->setEditorFont(m_edit->font());
    connect(m_edit, &PayloadTextEdit::fontChanged, this, [this] { m_highlighter->setEditorFont(m_edit->font()); });

    m_modeGroup = new QButtonGroup(this);
    m_modeGroup->setExclusive(true);
    m_escapesButton = createModeButton(PayloadMode::Escaped, "modeEscapes");
    m_textButton = createModeButton(PayloadMode::Text, "modeText");
    m_hexButton = createModeButton(PayloadMode::Hex, "modeHex");
    m_escapesButton->setChecked(true);
    connect(m_modeGroup, &QButtonGroup::idClicked, this, &RequestEditor::onModeClicked);

    m_httpButton = new QToolButton(this);
    m_httpButton->setObjectName(QStringLiteral("httpMode"));
    m_httpButton->setCheckable(true);
    m_httpButton->setAutoRaise(true);
    connect(m_httpButton, &QToolButton::toggled, this, &RequestEditor::setHttpMode);

    m_templatesButton = createTemplatesButton();

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorMessage"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->hide();
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("byteCount"));
    m_countLabel->setAlignment(Qt::AlignRight | Qt::AlignTop);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_escapesButton);
    bar->addWidget(m_textButton);
    bar->addWidget(m_hexButton);
    bar->addSpacing(fontMetrics().averageCharWidth() * 2);
    bar->addWidget(m_httpButton);
    bar->addWidget(m_templatesButton);
    bar->addStretch(1);

    auto *status = new QHBoxLayout;
    status->addWidget(m_errorLabel, 1);
    status->addWidget(m_countLabel, 0, Qt::AlignRight | Qt::AlignTop);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_edit, 1);
    layout->addLayout(status);

    setFocusProxy(m_edit);

    connect(m_edit, &QPlainTextEdit::textChanged, this, &RequestEditor::onTextChanged);

    applyColors();
    retranslate();
}

QToolButton *RequestEditor::createModeButton(PayloadMode mode, const char *objectName)
{
    auto *button = new QToolButton(this);
    button->setObjectName(QLatin1String(objectName));
    button->setCheckable(true);
    // Raised only when checked: the current mode stands out in any style and palette.
    button->setAutoRaise(true);
    m_modeGroup->addButton(button, int(mode));
    return button;
}

QToolButton *RequestEditor::createTemplatesButton()
{
    auto *button = new QToolButton(this);
    button->setObjectName(QStringLiteral("templates"));
    button->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(button);
    menu->setToolTipsVisible(true);
    for (const RequestTemplate kind : Templates) {
        QAction *action = menu->addAction(QString());
        action->setData(int(kind));
        connect(action, &QAction::triggered, this, [this, kind] { applyTemplate(kind); });
    }
    button->setMenu(menu);
    return button;
}

void RequestEditor::retranslate()
{
    m_escapesButton->setText(tr("Escapes"));
    m_escapesButton->setToolTip(tr("Text with escapes: \\r \\n \\t \\0 \\\\ and \\xNN for any byte"));
    m_escapesButton->setAccessibleName(tr("Escapes mode"));
    m_textButton->setText(tr("Text"));
    m_textButton->setToolTip(tr("Plain text with visible line endings: CR and LF show as marks, like the other "
                                "control bytes and the bytes that are not text"));
    m_textButton->setAccessibleName(tr("Text mode"));
    m_hexButton->setText(tr("Hex"));
    m_hexButton->setToolTip(tr("The bytes in hexadecimal, 16 a line; type them with any spacing"));
    m_hexButton->setAccessibleName(tr("Hex mode"));
    m_httpButton->setText(tr("HTTP"));
    m_httpButton->setToolTip(tr("HTTP mode: Enter writes CR LF, and a Content-Length header follows the size "
                                "of the body"));
    m_httpButton->setAccessibleName(tr("HTTP mode"));
    m_templatesButton->setText(tr("Templates"));
    m_templatesButton->setToolTip(tr("Replace the request with a ready-made HTTP request"));
    m_templatesButton->setAccessibleName(tr("Request templates"));
    for (QAction *action : m_templatesButton->menu()->actions()) {
        const auto kind = RequestTemplate(action->data().toInt());
        action->setText(templateName(kind));
        action->setToolTip(templateToolTip(kind));
    }
    m_edit->setAccessibleName(tr("Request"));
    m_errorLabel->setAccessibleName(tr("Request error"));
    m_countLabel->setAccessibleName(tr("Request size"));
    updateErrorMessage();
    updateByteCount();
}

void RequestEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

void RequestEditor::applyColors()
{
    // Children learn of a new palette after this widget does: read it here.
    const EditorColors colors = EditorColors::forPalette(palette());
    m_highlighter->setColors(colors);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, colors.error);
    m_errorLabel->setPalette(errorPalette);
    updateErrorMark();
}

void RequestEditor::onModeClicked(int id)
{
    if (setMode(PayloadMode(id)))
        return;
    m_modeGroup->button(int(m_mode))->setChecked(true);
    // The refusal points at what to fix, where the person types.
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(int(m_errorStart));
    m_edit->setTextCursor(cursor);
    m_edit->setFocus(Qt::OtherFocusReason);
}

bool RequestEditor::setMode(PayloadMode mode)
{
    if (mode == m_mode)
        return true;
    if (!m_valid)
        return false;
    const qsizetype cursorByte = cursorByteOffset();
    m_mode = mode;
    m_edit->setMode(mode);
    m_modeGroup->button(int(mode))->setChecked(true);
    showText(textForBytes(mode, m_bytes), cursorByte);
    m_highlighter->setMode(mode);
    emit modeChanged(mode);
    return true;
}

void RequestEditor::setTakesCurlCommands(bool on)
{
    m_edit->setTakesCurlCommands(on);
}

void RequestEditor::setHttpMode(bool on)
{
    if (on == m_httpMode)
        return;
    m_httpMode = on;
    m_edit->setHttpMode(on);
    m_httpButton->setChecked(on);
    updateByteCount();
    emit httpModeChanged(on);
}

void RequestEditor::setBytes(const QByteArray &bytes)
{
    m_programmaticEdit = true;
    QTextCursor cursor(m_edit->document());
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(textForBytes(m_mode, bytes));
    cursor.endEditBlock();
    m_edit->setTextCursor(cursor);
    m_programmaticEdit = false;
    m_targetEditText.clear();
}

void RequestEditor::replaceRequest(const QByteArray &bytes, bool httpMode)
{
    setHttpMode(httpMode);
    // The same bytes again (a step of Back and Forward to where the editor is) add nothing to undo.
    if (bytes != this->bytes())
        setBytes(bytes);
    // A request is read from its first line: the view starts there, not at its end.
    m_edit->moveCursor(QTextCursor::Start);
}

void RequestEditor::setTarget(const QByteArray &hostHeader, const QByteArray &path)
{
    m_hostHeader = hostHeader;
    m_path = path.isEmpty() ? QByteArrayLiteral("/") : path;
}

void RequestEditor::followTarget(const QByteArray &hostHeader)
{
    const QByteArray previous = m_hostHeader;
    setTarget(hostHeader, QByteArrayLiteral("/"));
    if (!m_valid || hostHeader == previous || requestHostHeader(m_bytes) != previous)
        return;
    if (const std::optional<QByteArray> updated = retargetRequest(m_bytes, hostHeader))
        rewriteTargetEdit(*updated);
}

bool RequestEditor::retarget(const QByteArray &hostHeader, const QByteArray &path, bool tls)
{
    setTarget(hostHeader, path);
    if (!m_valid)
        return false;
    const std::optional<QByteArray> updated = retargetRequest(m_bytes, m_hostHeader, m_path, tls);
    if (!updated)
        return false;
    if (*updated != m_bytes)
        rewriteTargetEdit(*updated);
    // A URL is one step for Undo, with the host edits that brought it; the next target is another.
    m_targetEditText.clear();
    return true;
}

void RequestEditor::applyTemplate(RequestTemplate kind)
{
    const QByteArray body = kind == RequestTemplate::Http11Post ? QByteArrayLiteral("name=value") : QByteArray();
    replaceRequest(makeRequest(kind, m_hostHeader, m_path, body));
}

void RequestEditor::onTextChanged()
{
    const QString text = m_edit->payloadText();
    // The highlighter's reformatting signals a change too: only a new text, or the same text read
    // in another mode, is an edit.
    if (text == m_decodedText && m_mode == m_decodedMode)
        return;
    const PayloadCodec::DecodeResult result = decode(m_mode, text);
    // Undo and redo replay the history as it was: fixing the length again after an undo put the
    // old one back would undo the undo, and Ctrl+Z would seem to do nothing.
    const bool newEdit = !m_programmaticEdit && m_edit->document()->availableRedoSteps() == 0;
    if (result.ok() && m_httpMode && newEdit && keepContentLengthRight(text, result.bytes))
        return;
    validate(text, result);
}

void RequestEditor::validate(const QString &text, const PayloadCodec::DecodeResult &result)
{
    const bool wasValid = m_valid;
    const QByteArray previous = m_bytes;
    m_decodedText = text;
    m_decodedMode = m_mode;
    m_valid = result.ok();
    m_error = result.error;
    if (m_valid) {
        m_bytes = result.bytes;
        m_errorStart = -1;
        m_errorLength = 0;
        m_bytesBeforeError = 0;
    } else {
        m_errorStart = result.column;
        m_errorLength = std::max<qsizetype>(1, result.length);
        m_bytesBeforeError = bytesBefore(m_mode, text, result.column);
    }
    updateErrorMessage();
    updateErrorMark();
    updateByteCount();
    if (wasValid != m_valid)
        emit validityChanged(m_valid);
    if (m_valid && m_bytes != previous)
        emit bytesChanged();
}

// Only the characters that wrote the Content-Length value are rewritten, joined to the person's
// edit when that edit was a block (Enter, a paste) so one undo takes back both.
bool RequestEditor::keepContentLengthRight(const QString &text, const QByteArray &bytes)
{
    const QByteArray updated = withContentLengthUpdated(bytes);
    if (updated == bytes)
        return false;
    rewriteBytes(text, bytes, updated, true);
    return true;
}

// A new target's edits in a row (a host typed letter by letter, then the URL's path) are one step
// for Undo: joined while nothing else changed the text in between.
void RequestEditor::rewriteTargetEdit(const QByteArray &updated)
{
    const QString text = m_edit->payloadText();
    const QTextDocument *document = m_edit->document();
    const bool join = document->isUndoAvailable() && text == m_targetEditText
                      && document->availableUndoSteps() == m_targetEditSteps;
    rewriteBytes(text, m_bytes, updated, join);
    m_targetEditText = m_edit->payloadText();
    m_targetEditSteps = document->availableUndoSteps();
}

// Only the characters of the bytes that differ are rewritten, so the person's own spelling of the
// rest ("\x41", spacing in Hex) and the text cursor stay where they were: the document moves the
// cursor with the text. A multi-byte character is rewritten whole, never cut in two. The new
// characters are encoded on their own: should their neighbours read them otherwise (a line
// layout, a hex digit pair), the whole text is written instead, so the bytes are always updated.
void RequestEditor::rewriteBytes(const QString &text, const QByteArray &bytes, const QByteArray &updated,
                                 bool joinPrevious)
{
    const QList<PayloadTextMap::Span> spans = PayloadTextMap::byteSpans(m_mode, text);
    Q_ASSERT(spans.size() == bytes.size());
    const qsizetype common = std::min(bytes.size(), updated.size());
    qsizetype prefix = 0;
    while (prefix < common && bytes.at(prefix) == updated.at(prefix))
        ++prefix;
    while (prefix > 0 && prefix < bytes.size() && spans.at(prefix).start == spans.at(prefix - 1).start)
        --prefix;
    qsizetype suffix = 0;
    while (suffix < common - prefix && bytes.at(bytes.size() - 1 - suffix) == updated.at(updated.size() - 1 - suffix))
        ++suffix;
    while (suffix > 0 && bytes.size() - suffix > prefix
           && spans.at(bytes.size() - suffix).start == spans.at(bytes.size() - suffix - 1).start)
        --suffix;
    const qsizetype oldEnd = bytes.size() - suffix;
    const QByteArray replacement = updated.mid(prefix, updated.size() - suffix - prefix);

    qsizetype start = PayloadTextMap::positionOfByte(spans, prefix, text.size());
    qsizetype end = oldEnd > prefix ? spans.at(oldEnd - 1).end : start;
    QString fragment = textForBytes(m_mode, replacement);
    // Inserted before the next byte's digits, new hex digits need a separator to stay readable.
    if (m_mode == PayloadMode::Hex && oldEnd == prefix)
        fragment.append(u' ');
    const PayloadCodec::DecodeResult check = decode(m_mode, QString(text).replace(start, end - start, fragment));
    if (!check.ok() || check.bytes != updated) {
        start = 0;
        end = text.size();
        fragment = textForBytes(m_mode, updated);
    }

    m_programmaticEdit = true;
    QTextCursor cursor(m_edit->document());
    if (joinPrevious)
        cursor.joinPreviousEditBlock();
    else
        cursor.beginEditBlock();
    cursor.setPosition(int(start));
    cursor.setPosition(int(end), QTextCursor::KeepAnchor);
    cursor.insertText(fragment);
    cursor.endEditBlock();
    m_programmaticEdit = false;
}

// The undo history is dropped: undoing into another mode's text would type, say, escapes into Hex.
void RequestEditor::showText(const QString &text, qsizetype cursorByte)
{
    m_programmaticEdit = true;
    m_edit->setPlainText(text);
    m_programmaticEdit = false;
    const QList<PayloadTextMap::Span> spans = PayloadTextMap::byteSpans(m_mode, text);
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(int(PayloadTextMap::positionOfByte(spans, cursorByte, text.size())));
    m_edit->setTextCursor(cursor);
}

qsizetype RequestEditor::cursorByteOffset() const
{
    const QList<PayloadTextMap::Span> spans = PayloadTextMap::byteSpans(m_mode, m_edit->payloadText());
    return PayloadTextMap::byteOffsetAt(spans, m_edit->textCursor().position());
}

void RequestEditor::updateErrorMessage()
{
    if (m_valid) {
        m_errorMessage.clear();
    } else {
        const QTextBlock block = m_edit->document()->findBlock(int(m_errorStart));
        const QString column = QLocale().toString(m_errorStart - block.position() + 1);
        const QString reason = describeCodecError(m_error);
        if (m_edit->document()->blockCount() > 1) {
            m_errorMessage = tr("Line %1, column %2: %3")
                                 .arg(QLocale().toString(block.blockNumber() + 1), column, reason);
        } else {
            m_errorMessage = tr("Column %1: %2").arg(column, reason);
        }
    }
    m_errorLabel->setText(m_errorMessage);
    m_errorLabel->setVisible(!m_valid);
    m_edit->setAccessibleDescription(m_errorMessage);
}

void RequestEditor::updateErrorMark()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!m_valid) {
        const EditorColors colors = EditorColors::forPalette(palette());
        QTextEdit::ExtraSelection mark;
        mark.cursor = QTextCursor(m_edit->document());
        mark.cursor.setPosition(int(m_errorStart));
        const int last = m_edit->document()->characterCount() - 1;
        mark.cursor.setPosition(int(std::min<qsizetype>(m_errorStart + m_errorLength, last)),
                                QTextCursor::KeepAnchor);
        mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
        mark.format.setUnderlineColor(colors.error);
        mark.format.setBackground(colors.errorBackground);
        selections.append(mark);
    }
    m_edit->setExtraSelections(selections);
}

void RequestEditor::updateByteCount()
{
    if (!m_valid) {
        m_countLabel->setText(tr("%Ln byte(s) before the error", nullptr, pluralCount(m_bytesBeforeError)));
        m_countLabel->setToolTip(QString());
        return;
    }
    const QString count = tr("%Ln byte(s)", nullptr, pluralCount(m_bytes.size()));
    const int doubled = m_httpMode ? doubledCrsInHead(m_bytes) : 0;
    if (doubled == 0) {
        m_countLabel->setText(count);
        m_countLabel->setToolTip(QString());
        return;
    }
    m_countLabel->setText(tr("%1 · %n doubled CR(s) (\\r\\r): likely a mistake", nullptr, doubled).arg(count));
    m_countLabel->setToolTip(tr("A line of the request head ends in CR CR LF. Enter already writes \\r\\n: a \\r "
                                "typed before it is one too many, and many servers reject the request."));
}

} // namespace SocketLab
