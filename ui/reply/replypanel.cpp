#include "replypanel.h"

#include "framingview.h"
#include "hexview.h"
#include "httpview.h"
#include "textview.h"
#include "navigation/exchangechain.h"
#include "tls/certificateview.h"
#include "widgets/savefiledialog.h"
#include "widgets/socketoptionoutcomes.h"

#include "bytes/bytesource.h"
#include "bytes/sourcetofile.h"
#include "http/cookiejar.h"
#include "http/httpawaited.h"
#include "http/httpresponseparser.h"
#include "text/cookietext.h"
#include "text/errortext.h"
#include "text/stoptext.h"
#include "text/tlstext.h"
#include "threads/blockingcallpool.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

constexpr int SummaryIntervalMs = 250;

QString msText(qint64 us)
{
    return us < 0 ? QStringLiteral("–") : QLocale().toString(double(us) / 1000.0, 'f', 1);
}

} // namespace

ReplyPanel::ReplyPanel(QWidget *parent)
    : QWidget(parent)
    , m_stop(new QLabel(this))
    , m_details(new QLabel(this))
    , m_error(new QLabel(this))
    , m_cookies(new QLabel(this))
    , m_outcomes(new SocketOptionOutcomes(this))
    , m_save(new QPushButton(this))
    , m_trust(new QPushButton(this))
    , m_waitHint(new QWidget(this))
    , m_waitText(new QLabel(m_waitHint))
    , m_stopNow(new QPushButton(m_waitHint))
    , m_useFraming(new QPushButton(m_waitHint))
    , m_top(new QHBoxLayout)
    , m_tabs(new QTabWidget(this))
    , m_hex(new HexView(this))
    , m_text(new TextView(this))
    , m_http(new HttpView(this))
    , m_framing(new FramingView(this))
    , m_certificate(new CertificateView(this))
{
    QFont bold = m_stop->font();
    bold.setBold(true);
    m_stop->setFont(bold);
    m_stop->setWordWrap(true);
    m_stop->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setVisible(false);
    m_cookies->setObjectName(QStringLiteral("cookies"));
    m_cookies->setWordWrap(true);
    m_cookies->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cookies->setVisible(false);
    m_save->setEnabled(false);
    m_waitText->setWordWrap(true);
    m_waitText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_waitHint->setObjectName(QStringLiteral("WaitHint"));
    auto *hintButtons = new QHBoxLayout;
    hintButtons->addWidget(m_stopNow);
    hintButtons->addWidget(m_useFraming);
    hintButtons->addStretch(1);
    auto *hintLayout = new QVBoxLayout(m_waitHint);
    hintLayout->setContentsMargins(0, 0, 0, 0);
    hintLayout->addWidget(m_waitText);
    hintLayout->addLayout(hintButtons);
    m_waitHint->setVisible(false);
    connect(m_stopNow, &QPushButton::clicked, this, &ReplyPanel::stopNowRequested);
    connect(m_useFraming, &QPushButton::clicked, this, [this] {
        m_framingChosen = true;
        updateWaitHint();
        emit useHttpFramingRequested();
    });

    m_tabs->addTab(m_hex, QString());
    m_tabs->addTab(m_text, QString());
    m_tabs->addTab(m_http, QString());
    m_tabs->addTab(m_certificate, QString());
    m_tabs->addTab(m_framing, QString());
    m_tabs->setTabEnabled(CertificateTab, false);
    m_trust->setObjectName(QStringLiteral("trustCertificate"));
    m_trust->setVisible(false);
    connect(m_trust, &QPushButton::clicked, this, [this] {
        if (m_record)
            emit trustRequested(m_record);
    });

    auto *top = m_top;
    auto *labels = new QVBoxLayout;
    labels->addWidget(m_stop);
    labels->addWidget(m_waitHint);
    labels->addWidget(m_error);
    auto *trustRow = new QHBoxLayout;
    trustRow->addWidget(m_trust);
    trustRow->addStretch(1);
    labels->addLayout(trustRow);
    labels->addWidget(m_details);
    labels->addWidget(m_outcomes);
    labels->addWidget(m_cookies);
    top->addLayout(labels, 1);
    top->addWidget(m_save, 0, Qt::AlignTop);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_tabs, 1);

    ByteViewBase::keepSelectionsInSync(m_hex, m_text);
    connect(m_save, &QPushButton::clicked, this, &ReplyPanel::saveReply);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        // What the person chose, not where a disabled HTTP tab sent the view while a reply came.
        if (!m_switchingTabs)
            m_chosenTab = m_tabs->currentIndex();
        if (m_tabs->currentWidget() == m_hex) {
            m_hex->refresh();
        } else if (m_tabs->currentWidget() == m_text) {
            catchUpTextView();
            m_text->refresh();
        }
    });

    retranslate();
}

void ReplyPanel::addButtons(QWidget *buttons)
{
    m_top->insertWidget(m_top->indexOf(m_save), buttons, 0, Qt::AlignTop);
}

void ReplyPanel::retranslate()
{
    m_tabs->setTabText(0, tr("He&x"));
    m_tabs->setTabText(1, tr("&Text"));
    m_tabs->setTabText(2, tr("HTT&P"));
    m_tabs->setTabText(FramingTab, tr("Framing"));
    m_tabs->setTabToolTip(FramingTab, tr("Why reading stopped, on the bytes: what decided where the reply ends, "
                                         "and a replay of its recv() calls"));
    m_tabs->setTabText(CertificateTab, tr("Certificate"));
    m_tabs->setTabToolTip(CertificateTab, tr("The TLS connection and the certificates the server sent"));
    m_save->setText(tr("Save reply…"));
    m_save->setToolTip(tr("Save the received bytes to a file, exactly as they came (Ctrl+S)"));
    m_stopNow->setText(tr("Stop now"));
    m_stopNow->setToolTip(tr("End the exchange here: every byte received is kept, and the stop reason says you "
                             "stopped it"));
    m_useFraming->setText(tr("Use the HTTP framing"));
    m_useFraming->setToolTip(tr("From the next send on, stop reading when the reply's HTTP framing says it is "
                                "complete; this exchange goes on until it ends or you stop it"));
    updateSummary();
    updateWaitHint();
    updateCookies();
}

void ReplyPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReplyPanel::beginExchange(std::shared_ptr<const ByteSource> reply, const StopRule &rule)
{
    m_record.reset();
    m_rule = rule;
    m_reply = std::move(reply);
    m_progressBytes = 0;
    m_phase = ExchangePhase::Resolving;
    m_summaryClock.invalidate();
    m_hex->setSource(m_reply);
    m_hex->setSegments({});
    m_hex->setMarks({});
    m_textBehind = true;
    catchUpTextView();
    m_http->clear();
    m_framing->clear();
    setHttpTabEnabled(false);
    updateCertificate();
    m_save->setEnabled(false);
    m_httpCompletion.reset();
    m_quietMs = 0;
    m_framingChosen = false;
    updateSummary();
    updateWaitHint();
    updateCookies();
}

void ReplyPanel::showProgress(qint64 bytes, ExchangePhase phase)
{
    m_progressBytes = bytes;
    const bool samePhase = phase == m_phase;
    m_phase = phase;
    // Only the view on show follows the transfer: indexing the text of a 1 GiB reply nobody looks at
    // would take a CPU from the exchange. The other one catches up when its tab is chosen.
    if (m_tabs->currentWidget() == m_hex)
        m_hex->refresh();
    else if (m_tabs->currentWidget() == m_text)
        m_text->refresh();
    // A new text in the wrapped summary lays out the panel again, about 4 ms of the GUI thread:
    // at every progress tick that was a fifth of a CPU taken from a fast transfer. The count of
    // bytes changes four times a second; the views above follow every tick.
    if (samePhase && m_summaryClock.isValid() && m_summaryClock.elapsed() < SummaryIntervalMs)
        return;
    updateSummary();
}

void ReplyPanel::showRecord(std::shared_ptr<const ExchangeRecord> record)
{
    m_record = std::move(record);
    m_reply = m_record->reply;
    m_phase.reset();
    m_hex->setSource(m_reply);
    m_hex->setSegments(m_record->segments);
    const std::shared_ptr<const HttpResponseParser> http = m_record->result.http;
    m_hex->setMarks(http ? http->marks() : QList<HttpMark>());
    m_textBehind = true;
    catchUpTextView();
    if (http)
        m_http->setResponse(http, m_reply);
    else
        m_http->clear();
    setHttpTabEnabled(bool(http));
    m_framing->setRecord(m_record);
    updateCertificate();
    m_save->setEnabled(m_reply && m_reply->size() > 0);
    updateSummary();
    updateWaitHint();
    updateCookies();
}

void ReplyPanel::showHttpComplete(const HttpCompletion &completion)
{
    if (!m_phase)
        return;
    m_httpCompletion = completion;
    updateWaitHint();
}

void ReplyPanel::showSilence(qint64 quietMs)
{
    if (!m_phase)
        return;
    m_quietMs = quietMs;
    updateWaitHint();
}

void ReplyPanel::updateWaitHint()
{
    // Only while an exchange runs: its end says why it stopped instead.
    const bool waiting = m_phase && !m_record && (m_httpCompletion || m_quietMs > 0);
    if (!waiting) {
        if (!m_waitHint->isHidden())
            m_waitHint->setVisible(false);
        return;
    }
    QStringList sentences;
    if (m_httpCompletion) {
        QString complete;
        switch (m_httpCompletion->framing) {
        case HttpFraming::ContentLength:
            complete = tr("Content-Length %1 reached").arg(QLocale().toString(m_httpCompletion->contentLength));
            break;
        case HttpFraming::Chunked:
            complete = tr("its last chunk arrived");
            break;
        case HttpFraming::SwitchedProtocols:
            complete = tr("101: what follows its headers belongs to the new protocol");
            break;
        case HttpFraming::Tunnel:
            complete = tr("the CONNECT tunnel is open: what follows its headers went through the tunnel");
            break;
        default:
            complete = tr("it has no body");
            break;
        }
        if (m_rule.kind == StopRule::Kind::Bytes) {
            const qint64 more = std::max<qint64>(0, m_rule.value - m_progressBytes);
            sentences << tr("The HTTP reply is complete (%1) but the stop rule waits for %2 more, which the server "
                            "may never send.").arg(complete, byteCount(more));
        } else {
            sentences << tr("The HTTP reply is complete (%1) but the server keeps the connection open: "
                            "reading until it closes can wait up to its keep-alive timeout.").arg(complete);
        }
    }
    if (m_quietMs > 0) {
        // A threshold under a second (tests) still reads as a number of seconds.
        const QString seconds = m_quietMs >= 1000 ? QLocale().toString(m_quietMs / 1000)
                                                  : QLocale().toString(double(m_quietMs) / 1000.0, 'f', 1);
        sentences << (m_httpCompletion ? tr("Nothing received for %1 s.").arg(seconds) : silenceSentence(seconds));
    }
    if (m_framingChosen)
        sentences << tr("The next sends stop at the HTTP framing.");
    m_waitText->setText(sentences.join(QLatin1Char(' ')));
    m_useFraming->setVisible(bool(m_httpCompletion));
    m_useFraming->setEnabled(!m_framingChosen);
    if (m_waitHint->isHidden())
        m_waitHint->setVisible(true);
}

void ReplyPanel::setChain(const ExchangeChain *chain)
{
    m_chain = chain;
    // A reply joins the chain when its exchange ends: what its cookies did may change then.
    connect(chain, &ExchangeChain::changed, this, &ReplyPanel::updateCookies);
    updateCookies();
}

void ReplyPanel::updateCookies()
{
    // Said where the reply is, not only in the headers table: a refused cookie is why the next
    // click carries no Cookie line, and a person would otherwise look for it in vain.
    const std::shared_ptr<const HttpResponseParser> http = m_record ? m_record->result.http : nullptr;
    const QUrl url = m_record ? requestedUrl(ExchangeChain::originOf(*m_record)) : QUrl();
    const QList<CookieVerdict> verdicts = !http   ? QList<CookieVerdict>()
                                          : m_chain ? m_chain->cookieVerdicts(*m_record)
                                                    : CookieJar::readAll(http->headers(), url, m_record->startedAt);
    m_cookies->setVisible(!verdicts.isEmpty());
    if (verdicts.isEmpty()) {
        m_cookies->clear();
        m_cookies->setMinimumHeight(0);
        return;
    }
    QStringList lines = {tr("Cookies set by this reply:")};
    for (const CookieVerdict &verdict : verdicts)
        lines.append(CookieText::describe(verdict, url));
    m_cookies->setText(lines.join(QLatin1Char('\n')));
    // A wrapped label may be squeezed to one line when the pane is short: each cookie keeps its
    // line at least, the bytes below give way.
    m_cookies->setMinimumHeight(m_cookies->fontMetrics().lineSpacing() * int(lines.size()));
}

QString ReplyPanel::silenceSentence(const QString &seconds) const
{
    // What the stop rule still waits for, so that a stalled server is told from a slow one.
    if (m_rule.kind == StopRule::Kind::Bytes) {
        const qint64 more = std::max<qint64>(0, m_rule.value - m_progressBytes);
        return tr("Waiting for the last %1 of the %2 the stop rule asks for: nothing received for %3 s.")
            .arg(byteCount(more), byteCount(m_rule.value), seconds);
    }
    if (m_rule.kind == StopRule::Kind::Http && m_reply) {
        const HttpAwaited awaited = httpAwaited(*m_reply);
        switch (awaited.kind) {
        case HttpAwaited::Kind::HeadEnd:
            return tr("Waiting for the end of the reply's header section (its blank line): nothing received for %1 s.")
                .arg(seconds);
        case HttpAwaited::Kind::Bytes:
            return tr("Waiting for the last %1 of the %2 the Content-Length announced: nothing received for %3 s.")
                .arg(byteCount(awaited.bytes), byteCount(awaited.total), seconds);
        case HttpAwaited::Kind::LastChunk:
            return tr("Waiting for the rest of the chunked body, up to its last chunk (of size 0): nothing received "
                      "for %1 s.").arg(seconds);
        case HttpAwaited::Kind::Close:
        case HttpAwaited::Kind::Nothing:
            break;
        }
    }
    return tr("Nothing received for %1 s: the server is silent and keeps the connection open.").arg(seconds);
}

void ReplyPanel::setHttpTabEnabled(bool enabled)
{
    // Disabling the tab in view moves the view to another; a reply that has HTTP again gets the
    // tab the person chose back.
    m_switchingTabs = true;
    m_tabs->setTabEnabled(HttpTab, enabled);
    if (enabled && m_chosenTab == HttpTab)
        m_tabs->setCurrentIndex(HttpTab);
    m_switchingTabs = false;
}

void ReplyPanel::updateCertificate()
{
    const std::optional<TlsInfo> &tls = m_record ? m_record->result.tls : std::optional<TlsInfo>();
    if (tls)
        m_certificate->setInfo(*tls, m_record->settings.host);
    else
        m_certificate->clear();
    m_switchingTabs = true;
    const bool leaving = !tls && m_tabs->currentIndex() == CertificateTab;
    m_tabs->setTabEnabled(CertificateTab, bool(tls));
    // Back to the tab the person chose when the refusal had shown the certificate instead.
    if (leaving && m_chosenTab != CertificateTab && m_tabs->isTabEnabled(m_chosenTab))
        m_tabs->setCurrentIndex(m_chosenTab);
    // A refused certificate is the whole story of the exchange: its chain is what to look at.
    if (tls && m_record->result.error.kind == NetError::Kind::Certificate)
        m_tabs->setCurrentIndex(CertificateTab);
    else if (tls && m_chosenTab == CertificateTab)
        m_tabs->setCurrentIndex(CertificateTab);
    m_switchingTabs = false;
}

void ReplyPanel::catchUpTextView()
{
    // The text view indexes every line of what it is given, about a second of the GUI thread per
    // GiB: it gets the reply only once somebody looks at it.
    if (!m_textBehind || m_tabs->currentWidget() != m_text)
        return;
    m_textBehind = false;
    m_text->setSource(m_reply);
    const std::shared_ptr<const HttpResponseParser> http = m_record ? m_record->result.http : nullptr;
    m_text->setMarks(http ? http->marks() : QList<HttpMark>());
    m_text->setSelection(m_hex->selectionStart(), m_hex->selectionLength());
}

void ReplyPanel::updateSummary()
{
    if (!m_record) {
        if (!m_phase) {
            m_stop->setText(tr("No exchange yet: press Send (Ctrl+Return)."));
            m_details->clear();
        } else {
            switch (*m_phase) {
            case ExchangePhase::Resolving: m_stop->setText(tr("Resolving the name…")); break;
            case ExchangePhase::Connecting: m_stop->setText(tr("Connecting…")); break;
            case ExchangePhase::Handshaking: m_stop->setText(tr("TLS handshake…")); break;
            case ExchangePhase::Sending: m_stop->setText(tr("Sending…")); break;
            default: m_stop->setText(tr("Receiving… %1 so far").arg(dataSize(m_progressBytes))); break;
            }
            m_summaryClock.start();
            if (!m_details->text().isEmpty())
                m_details->clear();
        }
        if (!m_error->isHidden())
            m_error->setVisible(false);
        if (!m_trust->isHidden())
            m_trust->setVisible(false);
        if (!m_outcomes->outcomes().isEmpty())
            m_outcomes->setOutcomes({});
        return;
    }
    const TcpResult &result = m_record->result;
    m_stop->setText(describeStop(result.stop));
    const NetError &error = result.error;
    m_error->setVisible(error.isError() && error.kind != NetError::Kind::Cancelled);
    if (m_error->isVisible()) {
        // A refused certificate gets the whole reason, with the names or fingerprints it needs.
        const bool refused = error.kind == NetError::Kind::Certificate && result.tls;
        m_error->setText(refused ? TlsText::refusal(result.tls->verify, result.tls->chain, m_record->settings.host)
                                 : ErrorText::describe(error));
        QPalette palette = m_error->palette();
        palette.setColor(QPalette::WindowText, palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                                                                : QColor(0xb0, 0x00, 0x20));
        m_error->setPalette(palette);
    }
    // Trusting is offered where a pin is the answer: a server with its own or a private authority's
    // certificate. An expired certificate or one for other names is a server to fix, not to pin; a pin
    // that no longer matches is replaced only through a confirmation that shows both fingerprints.
    using Outcome = TlsVerify::Outcome;
    const Outcome outcome = result.tls ? result.tls->verify.outcome : Outcome::NotChecked;
    const bool trustable = error.kind == NetError::Kind::Certificate && result.tls && !result.tls->chain.isEmpty()
                           && (outcome == Outcome::SelfSigned || outcome == Outcome::UnknownIssuer
                               || outcome == Outcome::PinMismatch);
    m_trust->setText(outcome == Outcome::PinMismatch ? tr("Replace the pinned certificate…") : tr("Trust this certificate…"));
    m_trust->setVisible(trustable);
    const ExchangeTimings &t = result.timings;
    // Over TLS each segment is what one SSL_read() gave, not one recv() (those read the records).
    const int segments = int(m_record->segments.size());
    const QString calls = result.tls ? tr("%Ln SSL_read() call(s) with data", nullptr, segments)
                                     : tr("%Ln recv() call(s) with data", nullptr, segments);
    QString details = tr("Sent %1 · received %2 in %3 · resolved %4 ms · connected %5 ms · first byte %6 ms · total %7 ms")
                          .arg(byteCount(result.sentBytes), byteCount(result.receivedBytes), calls,
                               msText(t.resolvedUs), msText(t.connectedUs), msText(t.firstByteUs), msText(t.totalUs));
    if (result.tls && result.tls->handshakeUs >= 0)
        details += tr(" · TLS handshake %1 ms").arg(msText(result.tls->handshakeUs));
    m_details->setText(details);
    m_outcomes->setOutcomes(result.socketOptions);
}

void ReplyPanel::saveReply()
{
    if (!m_reply || m_saving)
        return;
    const QString path = SaveFileDialog::ask(this, tr("Save the reply"),
                                              //: The file name offered when saving a reply.
                                              tr("reply.bin"));
    if (path.isEmpty())
        return;
    m_saving = true;
    m_save->setEnabled(false);
    QPointer<ReplyPanel> self(this);
    std::shared_ptr<const ByteSource> source = m_reply;
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, source, path] {
        // Off the GUI thread: a 1 GiB reply must not freeze the window.
        const NetError failure = writeSourceToFile(*source, path);
        QMetaObject::invokeMethod(qApp, [self, failure, path, size = source->size()] {
            if (!self)
                return;
            self->m_saving = false;
            self->m_save->setEnabled(true);
            // The file named is as it was before, and the reply is still shown: it can be saved elsewhere.
            emit self->message(failure.isError()
                                   ? tr("%1 The reply is still here: save it again elsewhere.").arg(ErrorText::describe(failure))
                                   : tr("Saved %1 to %2.").arg(byteCount(size), path));
        });
    });
}

} // namespace SocketLab
