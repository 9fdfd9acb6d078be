#pragma once

#include "http/htmlforms.h"
#include "http/linkrequest.h"

#include <QWidget>

#include <memory>

class QAction;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTableWidget;

namespace SocketLab {

class ByteSource;
class FittingSplitter;
class HttpResponseParser;

// The HTTP tab of a reply: the status line, how the body is framed, what the server did that a
// tolerant client forgives, the headers with their byte ranges, and the body decoded (chunked, then
// Content-Encoding) as text, image or HTML preview.
class HttpView : public QWidget
{
    Q_OBJECT

public:
    // The most body shown, before and after Content-Encoding. Collecting and decoding it happens on
    // the GUI thread when an exchange ends: 1 MiB keeps that to a few milliseconds (16 MiB stalled
    // the window for ~90 ms in bench_window), and the whole reply is in the hex and text views.
    static constexpr qint64 DisplayLimit = 1024 * 1024;
    // QTextDocument lays HTML out slowly: past this the preview shows the beginning only.
    static constexpr qint64 HtmlPreviewLimit = 2 * 1024 * 1024;

    explicit HttpView(QWidget *parent = nullptr);
    ~HttpView() override;

    // parsed: the exchange's own parser, for status, headers, framing, deviations and errors.
    // raw: the reply's bytes, parsed again here to collect the body. Meant for when the exchange ends
    // or the tab is shown, not for every progress tick: each call re-reads up to DisplayLimit bytes.
    void setResponse(std::shared_ptr<const HttpResponseParser> parsed, std::shared_ptr<const ByteSource> raw);
    void clear();

signals:
    // A link of the HTML preview, a form of it, or the Location header was clicked. Nothing was
    // fetched: the window prepares the request and the person sends it.
    void linkClicked(const SocketLab::LinkClick &click);

protected:
    void changeEvent(QEvent *event) override;

private:
    class ImagePreview;
    class HtmlPreview;

    void retranslate();
    void showResponse();
    void clearContents();
    void showSummary(const HttpResponseParser &parsed, qint64 rawSize);
    void showHeaders(const HttpResponseParser &parsed);
    void showBody(const HttpResponseParser &parsed, const ByteSource &raw);
    void showUpgradedBytes(const HttpResponseParser &parsed, const ByteSource &raw);
    void showPreview(QWidget *preview);
    void showNoPreview(const QString &why);
    void copySelectedHeaders();
    QString withFormLinks(const QString &html);
    void followAnchor(const QUrl &url);
    void followHeader(int row, int column);
    void showLocation(const HttpResponseParser &parsed);
    LinkClick locationClick() const;
    int headersWidth(int available) const;
    void applyErrorColour();

    QFormLayout *m_summary;
    QLabel *m_statusLabel;
    QLabel *m_framingLabel;
    QLabel *m_deviationsLabel;
    QLabel *m_errorLabel;
    QLabel *m_redirectLabel;
    QLabel *m_protocolLabel;
    QLabel *m_upgradedLabel;
    QLabel *m_status;
    QLabel *m_framing;
    QLabel *m_deviations;
    QLabel *m_error;
    QLabel *m_redirect;
    QLabel *m_protocol;
    QLabel *m_upgraded;
    QTableWidget *m_headers;
    FittingSplitter *m_splitter;
    QAction *m_copyHeaders;
    QLabel *m_bodyInfo;
    QTabWidget *m_bodyTabs;
    QPlainTextEdit *m_text;
    QStackedWidget *m_preview;
    QLabel *m_previewMessage;
    ImagePreview *m_image;
    HtmlPreview *m_html;
    QList<HtmlForm> m_forms;  // of the page in the preview, in the order of their links
    QByteArray m_location;    // the Location header's value, null when there is none
    QString m_base;           // the page's <base href>, which its links are relative to
    // What is shown, kept to say it again when the language changes.
    std::shared_ptr<const HttpResponseParser> m_parsed;
    std::shared_ptr<const ByteSource> m_raw;
};

} // namespace SocketLab
