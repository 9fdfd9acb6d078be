#include "httpview.h"

#include "bytes/bytesource.h"
#include "http/contenttype.h"
#include "http/httpbodydecoder.h"
#include "http/htmltext.h"
#include "http/httpresponseparser.h"
#include "text/bodytext.h"
#include "text/stoptext.h"
#include "widgets/fittingsplitter.h"

#include <QAction>
#include <QBuffer>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHeaderView>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextDocument>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <map>

namespace SocketLab {

namespace {

QString limitSize(qint64 n)
{
    return QLocale().formattedDataSize(n, 0);
}

int clampToInt(qsizetype n)
{
    return int(std::min<qsizetype>(n, INT_MAX));
}

// "15, 32, 47, 90, 120 and 12 more": a few offsets say where to look, all of them would be a wall.
QString offsetList(const QList<qint64> &offsets)
{
    constexpr qsizetype Shown = 5;
    QStringList items;
    for (qsizetype i = 0; i < std::min(offsets.size(), Shown); ++i)
        items.append(QLocale().toString(offsets.at(i)));
    if (offsets.size() > Shown)
        items.append(HttpView::tr("%Ln more", nullptr, clampToInt(offsets.size() - Shown)));
    return QLocale().createSeparatedList(items);
}

QString framingWords(const HttpResponseParser &parsed)
{
    switch (parsed.framing()) {
    case HttpFraming::Unknown:
        return HttpView::tr("not known yet: the header section is not complete");
    case HttpFraming::NoBody:
        return HttpView::tr("no body");
    case HttpFraming::ContentLength:
        return HttpView::tr("Content-Length: %1").arg(byteCount(parsed.contentLength()));
    case HttpFraming::Chunked: {
        const QList<HttpMark> marks = parsed.marks();
        const qsizetype chunks = std::count_if(marks.begin(), marks.end(),
                                               [](const HttpMark &m) { return m.part == HttpPart::ChunkData; });
        return HttpView::tr("chunked, %Ln chunk(s)", nullptr, clampToInt(chunks));
    }
    case HttpFraming::UntilClose:
        if (parsed.transferEncodingNotChunked())
            return HttpView::tr("until the server closes the connection: its Transfer-Encoding does not end with chunked");
        return HttpView::tr("until the server closes the connection");
    case HttpFraming::SwitchedProtocols:
        return HttpView::tr("no body: the message ends with its head, the connection switched protocols");
    case HttpFraming::Tunnel:
        return HttpView::tr("no body: the message ends with its head, the CONNECT tunnel is open");
    }
    return {};
}

QString deviationWords(HttpDeviation kind, const QList<qint64> &offsets, const HttpResponseParser &parsed,
                       qint64 rawSize)
{
    const int n = clampToInt(offsets.size());
    const QString where = offsetList(offsets);
    switch (kind) {
    case HttpDeviation::BareLf:
        return HttpView::tr("%Ln line(s) ended by LF alone instead of CRLF, at byte(s) %1", nullptr, n).arg(where);
    case HttpDeviation::NoReasonPhrase:
        return HttpView::tr("%Ln status line(s) without a reason phrase, at byte(s) %1", nullptr, n).arg(where);
    case HttpDeviation::DuplicateContentLength:
        return HttpView::tr("Content-Length repeated with the same value %Ln time(s), at byte(s) %1", nullptr, n)
            .arg(where);
    case HttpDeviation::ObsoleteLineFolding:
        return HttpView::tr("%Ln header line(s) continued on the next line (obsolete folding), at byte(s) %1",
                            nullptr, n)
            .arg(where);
    case HttpDeviation::ContentLengthWithChunked:
        return HttpView::tr("Content-Length sent together with chunked: chunked wins and Content-Length is "
                            "ignored, at byte %1")
            .arg(where);
    case HttpDeviation::InterimResponse: {
        QStringList codes;
        for (int status : parsed.interimStatuses())
            codes.append(QString::number(status));
        return HttpView::tr("%Ln interim response(s) (%1) before the final one, at byte(s) %2", nullptr, n)
            .arg(QLocale().createSeparatedList(codes), where);
    }
    case HttpDeviation::ExtraDataAfterMessage:
        return HttpView::tr("%1 after the end of the message, from byte %2")
            .arg(byteCount(rawSize - offsets.first()), where);
    case HttpDeviation::EmptyLineBeforeStatusLine:
        return HttpView::tr("%Ln empty line(s) before a status line, at byte(s) %1", nullptr, n).arg(where);
    case HttpDeviation::UnusualHttpVersion:
        return HttpView::tr("%1 in a status line, read as HTTP/1.1, at byte %2")
            .arg(QString::fromLatin1(parsed.version()), where);
    case HttpDeviation::BareCr:
        return HttpView::tr("%Ln CR(s) not followed by LF in the head, read as spaces, at byte(s) %1", nullptr, n)
            .arg(where);
    case HttpDeviation::ControlCharacterInValue:
        return HttpView::tr("%Ln header value(s) with a control character (NUL read as a space), at byte(s) %1",
                            nullptr, n)
            .arg(where);
    case HttpDeviation::BlankBeforeChunkLineEnd:
        return HttpView::tr("%Ln chunk size line(s) with spaces or tabs before their CRLF, at byte(s) %1", nullptr, n)
            .arg(where);
    case HttpDeviation::EmptyChunkExtension:
        return HttpView::tr("%Ln \";\" with no chunk extension name after it, at byte(s) %1", nullptr, n).arg(where);
    case HttpDeviation::TransferEncodingNotChunked:
        return HttpView::tr("Transfer-Encoding does not end with chunked: the body runs until the server closes, "
                            "at byte %1")
            .arg(where);
    }
    return {};
}

QString errorReason(HttpResponseParser::ErrorKind kind)
{
    using Kind = HttpResponseParser::ErrorKind;
    switch (kind) {
    case Kind::BadStatusLine: return HttpView::tr("the status line is not \"HTTP/x.y code reason\" (or RTSP/x.y, SIP/x.y...)");
    case Kind::BadVersion: return HttpView::tr("the version is not a digit, a dot and a digit");
    case Kind::BadStatusCode: return HttpView::tr("the status code is not three digits");
    case Kind::BadHeaderLine: return HttpView::tr("a header line has no colon, or a blank before its colon");
    case Kind::HeaderSectionTooLarge: return HttpView::tr("the header section is too large");
    case Kind::TooManyHeaders: return HttpView::tr("there are too many header lines");
    case Kind::BadContentLength: return HttpView::tr("Content-Length is not a plain number");
    case Kind::ConflictingContentLength: return HttpView::tr("two Content-Length headers disagree");
    case Kind::BadChunkSize: return HttpView::tr("a chunk size is not a hexadecimal number");
    case Kind::ChunkSizeTooLong: return HttpView::tr("a chunk size has too many digits");
    case Kind::BadChunkDataEnd: return HttpView::tr("a chunk's data is not followed by CRLF");
    case Kind::Truncated:
    case Kind::None: break;
    }
    return {};
}

QString errorWords(const HttpResponseParser &parsed)
{
    if (parsed.error() == HttpResponseParser::ErrorKind::Truncated) {
        return HttpView::tr("The connection closed at byte %1, before the end of the message.")
            .arg(QLocale().toString(parsed.errorOffset()));
    }
    return HttpView::tr("Malformed response at byte %1: %2.")
        .arg(QLocale().toString(parsed.errorOffset()), errorReason(parsed.error()));
}

bool looksBinary(const QByteArray &bytes, const QByteArray &mediaType)
{
    if (mediaType.startsWith("image/") || mediaType.startsWith("audio/") || mediaType.startsWith("video/"))
        return true;
    return bytes.first(std::min<qsizetype>(bytes.size(), 8192)).contains('\0');
}

bool isLocation(const HttpHeader &header)
{
    return header.name.compare("Location", Qt::CaseInsensitive) == 0;
}

QUrl locationUrl(const QByteArray &value)
{
    return QUrl::fromEncoded(value, QUrl::TolerantMode);
}

// The scheme of the links that stand for the page's forms in the preview.
constexpr char FormScheme[] = "socketlab-form";
// A form's link shows its request up to this many characters.
constexpr qsizetype FormLinkLength = 100;

QColor errorColour(const QPalette &palette)
{
    // A red that reads on the window colour, whichever way the theme goes.
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(255, 128, 128) : QColor(176, 0, 32);
}

} // namespace

// Paints an image at its own size in the window's units, as a browser does, or scaled down to fit,
// never up.
class HttpView::ImagePreview : public QWidget
{
public:
    explicit ImagePreview(QWidget *parent = nullptr)
        : QWidget(parent)
    {
        retranslate();
    }

    void setImage(const QImage &image)
    {
        m_image = image;
        update();
    }

    QSize sizeHint() const override { return m_image.isNull() ? QWidget::sizeHint() : m_image.size(); }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QWidget::changeEvent(event);
    }

    void paintEvent(QPaintEvent *) override
    {
        if (m_image.isNull())
            return;
        QSizeF target = m_image.size();
        if (target.width() > width() || target.height() > height())
            target.scale(size(), Qt::KeepAspectRatio);
        const QRectF where(QPointF((width() - target.width()) / 2, (height() - target.height()) / 2), target);
        QPainter painter(this);
        // Shrunk, it is filtered; at its own size on a high-DPI screen each image pixel covers
        // several device pixels, which filtering would blur: they are drawn as sharp squares.
        painter.setRenderHint(QPainter::SmoothPixmapTransform, target.width() * devicePixelRatioF() < m_image.width());
        painter.drawImage(where, m_image);
    }

private:
    void retranslate() { setAccessibleName(HttpView::tr("Image preview")); }

    QImage m_image;
};

// An HTML preview that never fetches anything: no network, no local file, no stylesheet.
class HttpView::HtmlPreview : public QTextBrowser
{
public:
    explicit HtmlPreview(QWidget *parent = nullptr)
        : QTextBrowser(parent)
    {
        setOpenLinks(false);
        setOpenExternalLinks(false);
        retranslate();
    }

    QVariant loadResource(int type, const QUrl &) override
    {
        // Never "no answer": given an invalid QVariant, QTextDocument reads local files itself, and
        // given no image, QTextImageHandler loads the <img> name as a path relative to the working
        // directory. A drawn placeholder answers for every image instead.
        if (type == QTextDocument::ImageResource)
            return placeholder();
        return QByteArray();
    }

protected:
    void changeEvent(QEvent *event) override
    {
        if (event->type() == QEvent::LanguageChange)
            retranslate();
        QTextBrowser::changeEvent(event);
    }

private:
    void retranslate() { setAccessibleName(HttpView::tr("HTML preview")); }

    QPixmap placeholder() const
    {
        const int side = fontMetrics().height();
        const qreal ratio = devicePixelRatioF();
        QPixmap pixmap(QSize(side, side) * ratio);
        pixmap.setDevicePixelRatio(ratio);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(palette().color(QPalette::Mid));
        const QRectF box(0.5, 0.5, side - 1, side - 1);
        painter.drawRect(box);
        painter.drawLine(box.topLeft(), box.bottomRight());
        painter.drawLine(box.bottomLeft(), box.topRight());
        return pixmap;
    }
};

HttpView::HttpView(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QFormLayout)
    , m_statusLabel(new QLabel(this))
    , m_framingLabel(new QLabel(this))
    , m_deviationsLabel(new QLabel(this))
    , m_errorLabel(new QLabel(this))
    , m_redirectLabel(new QLabel(this))
    , m_protocolLabel(new QLabel(this))
    , m_upgradedLabel(new QLabel(this))
    , m_status(new QLabel(this))
    , m_framing(new QLabel(this))
    , m_deviations(new QLabel(this))
    , m_error(new QLabel(this))
    , m_redirect(new QLabel(this))
    , m_protocol(new QLabel(this))
    , m_upgraded(new QLabel(this))
    , m_headers(new QTableWidget(0, 4, this))
    , m_splitter(new FittingSplitter(Qt::Horizontal, [this](int available) { return headersWidth(available); }, this))
    , m_copyHeaders(new QAction(m_headers))
    , m_bodyInfo(new QLabel(this))
    , m_bodyTabs(new QTabWidget(this))
    , m_text(new QPlainTextEdit(this))
    , m_preview(new QStackedWidget(this))
    , m_previewMessage(new QLabel(this))
    , m_image(new ImagePreview(this))
    , m_html(new HtmlPreview(this))
{
    m_status->setObjectName(QStringLiteral("statusLine"));
    m_framing->setObjectName(QStringLiteral("framing"));
    m_deviations->setObjectName(QStringLiteral("deviations"));
    m_error->setObjectName(QStringLiteral("parseError"));
    m_redirect->setObjectName(QStringLiteral("redirect"));
    m_protocol->setObjectName(QStringLiteral("protocol"));
    m_upgraded->setObjectName(QStringLiteral("upgraded"));
    m_headers->setObjectName(QStringLiteral("headers"));
    m_bodyInfo->setObjectName(QStringLiteral("bodyInfo"));
    m_bodyTabs->setObjectName(QStringLiteral("bodyTabs"));
    m_text->setObjectName(QStringLiteral("bodyText"));
    m_previewMessage->setObjectName(QStringLiteral("previewMessage"));
    m_image->setObjectName(QStringLiteral("imagePreview"));
    m_html->setObjectName(QStringLiteral("htmlPreview"));

    QFont statusFont = m_status->font();
    statusFont.setBold(true);
    statusFont.setPointSizeF(statusFont.pointSizeF() * 1.2);
    m_status->setFont(statusFont);
    for (QLabel *label : {m_status, m_protocol, m_upgraded, m_framing, m_deviations, m_error, m_bodyInfo}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->addRow(m_statusLabel, m_status);
    m_summary->addRow(m_protocolLabel, m_protocol);
    m_summary->addRow(m_upgradedLabel, m_upgraded);
    m_summary->addRow(m_redirectLabel, m_redirect);
    m_summary->addRow(m_framingLabel, m_framing);
    m_summary->addRow(m_deviationsLabel, m_deviations);
    m_summary->addRow(m_errorLabel, m_error);
    m_summary->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_summary->setVerticalSpacing(fontMetrics().height() / 4);
    m_redirect->setTextFormat(Qt::RichText);
    m_redirect->setWordWrap(true);
    m_redirect->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_redirect, &QLabel::linkActivated, this, [this] { emit linkClicked(locationClick()); });
    connect(m_html, &QTextBrowser::anchorClicked, this, &HttpView::followAnchor);
    connect(m_headers, &QTableWidget::cellClicked, this, &HttpView::followHeader);
    // Enter on the Location row (or a double click, as the platform activates items) follows it too.
    connect(m_headers, &QTableWidget::itemActivated, this,
            [this](const QTableWidgetItem *item) { followHeader(item->row(), 1); });

    m_headers->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_headers->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_headers->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_headers->setWordWrap(false);
    m_headers->setAlternatingRowColors(true);
    // Tab goes on to the body, as in the other tables; the arrow keys move between the headers.
    m_headers->setTabKeyNavigation(false);
    m_headers->verticalHeader()->hide();
    // The style's default row is made for icons; one line of text needs less.
    m_headers->verticalHeader()->setMinimumSectionSize(1);
    m_headers->verticalHeader()->setDefaultSectionSize(m_headers->fontMetrics().height() * 3 / 2);
    QHeaderView *columns = m_headers->horizontalHeader();
    columns->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(1, QHeaderView::Stretch);
    columns->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    columns->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_copyHeaders->setShortcut(QKeySequence::Copy);
    m_copyHeaders->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_copyHeaders, &QAction::triggered, this, &HttpView::copySelectedHeaders);
    m_headers->addAction(m_copyHeaders);
    m_headers->setContextMenuPolicy(Qt::ActionsContextMenu);

    m_text->setReadOnly(true);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_previewMessage->setAlignment(Qt::AlignCenter);
    m_previewMessage->setWordWrap(true);
    m_preview->addWidget(m_previewMessage);
    m_preview->addWidget(m_image);
    m_preview->addWidget(m_html);
    m_bodyTabs->addTab(m_text, QString());
    m_bodyTabs->addTab(m_preview, QString());

    auto *bodyPane = new QWidget(this);
    auto *bodyLayout = new QVBoxLayout(bodyPane);
    bodyLayout->setContentsMargins(0, 0, 0, 0);
    bodyLayout->setSpacing(fontMetrics().height() / 4);
    bodyLayout->addWidget(m_bodyInfo);
    bodyLayout->addWidget(m_bodyTabs, 1);
    // A scroll area asks for room for its scroll bars' arrows, more than two lines of body: that would
    // make the tab's least height, and the window's, taller than a short screen allows.
    for (QWidget *page : {static_cast<QWidget *>(m_text), static_cast<QWidget *>(m_preview)})
        page->setMinimumHeight(fontMetrics().height() * 2);

    m_splitter->addWidget(m_headers);
    m_splitter->addWidget(bodyPane);

    auto *layout = new QVBoxLayout(this);
    // The tab's frame already sets it apart above and below, and the lines need little room between
    // them: the height goes to the body.
    const QMargins margins = layout->contentsMargins();
    layout->setContentsMargins(margins.left(), fontMetrics().height() / 4, margins.right(), fontMetrics().height() / 4);
    layout->addLayout(m_summary);
    layout->addWidget(m_splitter, 1);

    setTabOrder(m_headers, m_bodyTabs);
    setTabOrder(m_bodyTabs, m_text);
    applyErrorColour();
    retranslate();
}

HttpView::~HttpView() = default;

void HttpView::retranslate()
{
    m_statusLabel->setText(tr("Status:"));
    m_framingLabel->setText(tr("Framing:"));
    m_deviationsLabel->setText(tr("Deviations:"));
    m_errorLabel->setText(tr("Error:"));
    m_redirectLabel->setText(tr("Redirect:"));
    m_protocolLabel->setText(tr("Protocol:"));
    m_headers->setHorizontalHeaderLabels({tr("Name"), tr("Value"), tr("Offset"), tr("Length")});
    m_headers->setAccessibleName(tr("Response headers"));
    m_copyHeaders->setText(tr("&Copy"));
    m_text->setAccessibleName(tr("Body as text"));
    m_bodyTabs->setTabText(m_bodyTabs->indexOf(m_text), tr("Text"));
    m_bodyTabs->setTabText(m_bodyTabs->indexOf(m_preview), tr("Preview"));
    // Every sentence about the response is made from it again, in the new language and number format.
    const int bodyTab = m_bodyTabs->currentIndex();
    const int scroll = m_text->verticalScrollBar()->value();
    showResponse();
    m_bodyTabs->setCurrentIndex(bodyTab);
    m_text->verticalScrollBar()->setValue(scroll);
}

void HttpView::clear()
{
    m_parsed.reset();
    m_raw.reset();
    showResponse();
}

void HttpView::clearContents()
{
    m_status->setText(tr("No response yet."));
    m_framing->clear();
    m_protocol->clear();
    m_upgraded->clear();
    m_summary->setRowVisible(m_protocol, false);
    m_summary->setRowVisible(m_upgraded, false);
    m_deviations->clear();
    m_error->clear();
    m_summary->setRowVisible(m_framing, false);
    m_summary->setRowVisible(m_deviations, false);
    m_summary->setRowVisible(m_error, false);
    m_redirect->clear();
    m_summary->setRowVisible(m_redirect, false);
    m_location.clear();
    m_base.clear();
    m_forms.clear();
    m_headers->setRowCount(0);
    m_bodyInfo->clear();
    m_bodyInfo->hide();
    m_text->clear();
    m_text->setPlaceholderText(tr("No body to show."));
    m_image->setImage({});
    m_html->clear();
    showNoPreview(tr("Nothing to preview."));
    m_bodyTabs->setCurrentWidget(m_text);
}

void HttpView::setResponse(std::shared_ptr<const HttpResponseParser> parsed, std::shared_ptr<const ByteSource> raw)
{
    m_parsed = std::move(parsed);
    m_raw = std::move(raw);
    showResponse();
}

void HttpView::showResponse()
{
    clearContents();
    if (!m_parsed)
        return;
    const qint64 rawSize = m_raw ? m_raw->size() : m_parsed->consumed();
    showSummary(*m_parsed, rawSize);
    showHeaders(*m_parsed);
    showLocation(*m_parsed);
    if (m_raw)
        showBody(*m_parsed, *m_raw);
    // The split follows the widths of the headers.
    m_splitter->fit();
}

void HttpView::showSummary(const HttpResponseParser &parsed, qint64 rawSize)
{
    if (parsed.statusCode() > 0) {
        const QString statusLine = QStringLiteral("%1 %2 %3")
                                       .arg(QString::fromLatin1(parsed.version()))
                                       .arg(parsed.statusCode())
                                       .arg(QString::fromLatin1(parsed.reasonPhrase()));
        m_status->setText(statusLine.trimmed());
    } else if (parsed.state() == HttpResponseParser::State::Error) {
        m_status->setText(tr("No valid status line."));
    } else if (rawSize > 0) {
        m_status->setText(tr("The status line has not arrived whole yet."));
    }

    // RTSP, SIP and the like share HTTP's message syntax: said, so nobody takes the reply for HTTP's.
    if (!parsed.protocol().isEmpty() && parsed.protocol() != "HTTP") {
        m_protocol->setText(tr("%1, not HTTP: read with HTTP/1.1's message syntax (status line, headers, framing)")
                                .arg(QString::fromLatin1(parsed.version())));
        m_summary->setRowVisible(m_protocol, true);
    }
    if (parsed.framing() == HttpFraming::SwitchedProtocols) {
        m_upgradedLabel->setText(tr("New protocol:"));
        const QByteArray upgrade = parsed.headerValue("Upgrade");
        const QString name = upgrade.isEmpty() ? tr("a protocol the reply does not name (no Upgrade header)")
                                               : QString::fromLatin1(upgrade);
        const ByteRange upgraded = parsed.upgradedBytes();
        m_upgraded->setText(tr("%1, from byte %2 (%3 so far): the bytes after the head belong to it, not to a body")
                                .arg(name, QLocale().toString(upgraded.offset), byteCount(rawSize - upgraded.offset)));
        m_summary->setRowVisible(m_upgraded, true);
    } else if (parsed.framing() == HttpFraming::Tunnel) {
        m_upgradedLabel->setText(tr("Tunnel:"));
        const ByteRange tunnelled = parsed.upgradedBytes();
        m_upgraded->setText(tr("the tunnel CONNECT asked for, from byte %1 (%2 so far): the bytes after the head "
                               "went through it, they are not a body")
                                .arg(QLocale().toString(tunnelled.offset), byteCount(rawSize - tunnelled.offset)));
        m_summary->setRowVisible(m_upgraded, true);
    }

    if (parsed.headersComplete()) {
        QString framing = framingWords(parsed);
        if (parsed.state() == HttpResponseParser::State::Incomplete)
            framing = tr("%1; the message is not complete yet").arg(framing);
        m_framing->setText(framing);
        m_summary->setRowVisible(m_framing, true);
    }

    // One line per kind of deviation, in the order they first appear in the bytes.
    QList<HttpDeviation> kinds;
    std::map<HttpDeviation, QList<qint64>> offsets;
    for (const HttpDeviationNote &note : parsed.deviations()) {
        if (!offsets.count(note.kind))
            kinds.append(note.kind);
        offsets[note.kind].append(note.offset);
    }
    QStringList lines;
    for (HttpDeviation kind : kinds)
        lines.append(deviationWords(kind, offsets[kind], parsed, rawSize));
    if (!lines.isEmpty()) {
        m_deviations->setText(lines.join(u'\n'));
        m_summary->setRowVisible(m_deviations, true);
    }

    if (parsed.state() == HttpResponseParser::State::Error) {
        m_error->setText(errorWords(parsed));
        m_summary->setRowVisible(m_error, true);
    }
}

void HttpView::showHeaders(const HttpResponseParser &parsed)
{
    const QList<HttpHeader> headers = parsed.headers();
    m_headers->setRowCount(int(headers.size()));
    for (int row = 0; row < headers.size(); ++row) {
        const HttpHeader &header = headers.at(row);
        const QString value = QString::fromLatin1(header.value);
        auto *name = new QTableWidgetItem(QString::fromLatin1(header.name));
        auto *valueItem = new QTableWidgetItem(value);
        valueItem->setToolTip(value);
        auto *offset = new QTableWidgetItem(QLocale().toString(header.range.offset));
        auto *length = new QTableWidgetItem(QLocale().toString(header.range.length));
        offset->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        length->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (isLocation(header) && !header.value.isEmpty()) {
            QFont font = valueItem->font();
            font.setUnderline(true);
            valueItem->setFont(font);
            valueItem->setForeground(palette().brush(QPalette::Link));
            valueItem->setToolTip(tr("%1\nClick to prepare a request for this URL: nothing is sent until you press Send.")
                                      .arg(value));
        }
        m_headers->setItem(row, 0, name);
        m_headers->setItem(row, 1, valueItem);
        m_headers->setItem(row, 2, offset);
        m_headers->setItem(row, 3, length);
    }
}

int HttpView::headersWidth(int available) const
{
    // Side by side, the body has the whole height of the tab, where the page's first screen shows,
    // and the headers theirs, every one of them in view: the table takes the width of its columns,
    // at most two fifths of the tab, the long values elided (their tooltip keeps them whole).
    int wanted = 2 * m_headers->frameWidth() + m_headers->verticalScrollBar()->sizeHint().width();
    const QAbstractItemView *view = m_headers;
    for (int column = 0; column < m_headers->columnCount(); ++column)
        wanted += qMax(view->sizeHintForColumn(column), m_headers->horizontalHeader()->sectionSizeHint(column));
    return qMin(wanted, available * 2 / 5);
}

void HttpView::showBody(const HttpResponseParser &parsed, const ByteSource &raw)
{
    if (!parsed.headersComplete())
        return;
    m_bodyInfo->show();
    if (parsed.framing() == HttpFraming::NoBody) {
        m_bodyInfo->setText(tr("This response has no body."));
        return;
    }
    if (endsWithItsHead(parsed.framing()))
        return showUpgradedBytes(parsed, raw);

    // At most DisplayLimit bytes of body are read and decoded, here on the GUI thread: a few
    // milliseconds, whatever the reply's size.
    HttpBodyDecoder::Options options;
    options.cap = DisplayLimit;
    options.keepLimit = DisplayLimit;
    options.inputLimit = DisplayLimit;
    const HttpBody body = HttpBodyDecoder::decode(parsed, raw, options);

    QStringList info;
    QByteArray shown = body.kept;
    if (body.decoded()) {
        info.append(tr("Body: %1, %2-encoded; %3 once decoded.")
                        .arg(byteCount(parsed.bodyBytes()), QString::fromLatin1(body.contentEncoding),
                             byteCount(body.decodedBytes)));
    } else {
        info.append(tr("Body: %1.").arg(byteCount(parsed.bodyBytes())));
    }
    if (body.inputCut)
        info.append(tr("Only its first %1 are shown.").arg(limitSize(DisplayLimit)));
    else if (!body.complete)
        info.append(tr("The body is not complete: it is shown as far as it goes."));
    info.append(describeBodyDecoding(body));

    const ContentType type{body.mediaType, body.charset};
    const QString mediaType = QString::fromLatin1(type.mediaType);
    const QString noPreview = mediaType.isEmpty() ? tr("No preview: the server did not say what the body is.")
                                                  : tr("No preview for %1.").arg(mediaType);
    if (looksBinary(shown, type.mediaType)) {
        m_text->setPlaceholderText(tr("Binary content: see the hex view, or the Preview tab for an image."));
        showNoPreview(noPreview);
    } else {
        const DecodedText decoded = decodeBodyText(shown, type);
        if (const QString fallback = describeTextFallback(decoded); !fallback.isEmpty())
            info.append(fallback);
        m_text->setPlainText(decoded.text);
        if (type.isHtml()) {
            QString html = decoded.text;
            if (shown.size() > HtmlPreviewLimit) {
                html.truncate(qsizetype(HtmlPreviewLimit));
                info.append(tr("The preview shows the first %1 of the page.").arg(limitSize(HtmlPreviewLimit)));
            }
            m_base = findHtmlBase(html);
            m_html->setHtml(withFormLinks(withStrayLessThanEscaped(html)));
            showPreview(m_html);
        } else {
            showNoPreview(noPreview);
        }
    }

    if (type.mediaType.startsWith("image/")) {
        QBuffer buffer(&shown);
        buffer.open(QIODevice::ReadOnly);
        QImageReader reader(&buffer);
        const QByteArray format = reader.format();
        const QImage image = reader.read();
        if (image.isNull()) {
            showNoPreview(tr("This body could not be read as an image (%1).").arg(mediaType));
        } else {
            m_image->setImage(image);
            showPreview(m_image);
            m_bodyTabs->setCurrentWidget(m_preview);
            info.append(tr("%1 image, %2 × %3 pixels.")
                            .arg(QString::fromLatin1(format.toUpper()), QLocale().toString(image.width()),
                                 QLocale().toString(image.height())));
        }
    }
    m_bodyInfo->setText(info.join(u' '));
}

void HttpView::showUpgradedBytes(const HttpResponseParser &parsed, const ByteSource &raw)
{
    // The reply as stored, not the parser's count: the exchange may have stopped feeding it.
    const qint64 from = parsed.upgradedBytes().offset;
    const qint64 size = raw.size() - from;
    const bool tunnel = parsed.framing() == HttpFraming::Tunnel;
    if (size <= 0) {
        m_bodyInfo->setText(tunnel ? tr("No body: nothing came through the tunnel yet.")
                                   : tr("No body: nothing came after the head in the new protocol."));
        return;
    }
    const QByteArray shown = raw.read(from, std::min(size, DisplayLimit));
    QStringList info{(tunnel ? tr("No body: the bytes from %2 on (%1) came through the tunnel, shown here as they came.")
                             : tr("No body: the bytes from %2 on (%1) belong to the new protocol, shown here as they came."))
                         .arg(byteCount(size), QLocale().toString(from))};
    if (size > DisplayLimit)
        info.append(tr("Only its first %1 are shown.").arg(limitSize(DisplayLimit)));
    m_bodyInfo->setText(info.join(u' '));
    if (looksBinary(shown, {}))
        m_text->setPlaceholderText(tr("Binary content: see the hex view from byte %1.").arg(QLocale().toString(from)));
    else
        m_text->setPlainText(decodeBodyText(shown, ContentType{}).text);
    showNoPreview(tr("No preview for the bytes of another protocol."));
}

void HttpView::showLocation(const HttpResponseParser &parsed)
{
    const QList<HttpHeader> headers = parsed.headers();
    const auto location = std::find_if(headers.begin(), headers.end(), isLocation);
    if (location == headers.end() || location->value.isEmpty())
        return;
    m_location = location->value;
    // A redirect says where to go next: the way there is in the summary, not only in the table.
    if (parsed.statusCode() / 100 != 3)
        return;
    m_redirect->setText(tr("to <a href=\"#location\">%1</a>: click to prepare its request (nothing is sent)")
                            .arg(QString::fromLatin1(m_location).toHtmlEscaped()));
    m_summary->setRowVisible(m_redirect, true);
}

LinkClick HttpView::locationClick() const
{
    // The status decides whether the redirect sends the request's method and body again.
    LinkClick click;
    click.link = locationUrl(m_location);
    click.redirectStatus = m_parsed ? m_parsed->statusCode() : 0;
    return click;
}

QString HttpView::withFormLinks(const QString &html)
{
    // QTextDocument draws no form controls: each form gets a link after it that prepares its request.
    m_forms = findHtmlForms(html);
    QString out = html;
    for (qsizetype i = m_forms.size() - 1; i >= 0; --i) {
        const HtmlForm &form = m_forms.at(i);
        const LinkClick click = form.click();
        QString request = form.post ? QStringLiteral("POST %1 (%2)").arg(form.action.isEmpty() ? tr("this page") : form.action,
                                                                         QString::fromLatin1(click.body))
                                    : QStringLiteral("GET %1").arg(click.link.toString(QUrl::FullyEncoded));
        if (request.size() > FormLinkLength)
            request = request.left(FormLinkLength - 1) + QChar(0x2026);
        const QString link = QStringLiteral("<p><a href=\"%1:%2\">%3</a></p>")
                                 .arg(QLatin1StringView(FormScheme))
                                 .arg(i)
                                 .arg(tr("Prepare this form's request: %1").arg(request).toHtmlEscaped());
        out.insert(form.end, link);
    }
    return out;
}

void HttpView::followAnchor(const QUrl &url)
{
    if (url.scheme() == QLatin1StringView(FormScheme)) {
        bool ok = false;
        const int index = url.path().toInt(&ok);
        if (ok && index >= 0 && index < m_forms.size())
            emit linkClicked(m_forms.at(index).click());
        return;
    }
    // A link to a place in the page moves the preview there, as a browser does, without a request.
    if (url.scheme().isEmpty() && url.authority().isEmpty() && url.path().isEmpty() && !url.hasQuery()
        && url.hasFragment()) {
        m_html->scrollToAnchor(url.fragment());
        return;
    }
    LinkClick click;
    click.link = url;
    click.base = QUrl(m_base);
    emit linkClicked(click);
}

void HttpView::followHeader(int row, int column)
{
    // The value column of Location only: a click elsewhere selects rows to copy, as before.
    const QTableWidgetItem *name = m_headers->item(row, 0);
    if (column == 1 && name && name->text().compare(QLatin1StringView("Location"), Qt::CaseInsensitive) == 0
        && !m_location.isEmpty())
        emit linkClicked(locationClick());
}

void HttpView::showPreview(QWidget *preview)
{
    m_preview->setCurrentWidget(preview);
    m_bodyTabs->setTabEnabled(m_bodyTabs->indexOf(m_preview), true);
}

void HttpView::showNoPreview(const QString &why)
{
    m_previewMessage->setText(why);
    m_preview->setCurrentWidget(m_previewMessage);
    m_bodyTabs->setTabEnabled(m_bodyTabs->indexOf(m_preview), false);
}

void HttpView::copySelectedHeaders()
{
    QList<int> rows;
    for (const QModelIndex &index : m_headers->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    // As they were sent, one per line: ready to paste into a request or a bug report.
    QStringList lines;
    for (int row : rows)
        lines.append(QStringLiteral("%1: %2").arg(m_headers->item(row, 0)->text(), m_headers->item(row, 1)->text()));
    QGuiApplication::clipboard()->setText(lines.join(u'\n') + u'\n');
}

void HttpView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyErrorColour();
    else if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void HttpView::applyErrorColour()
{
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, errorColour(this->palette()));
    m_error->setPalette(palette);
}

} // namespace SocketLab
