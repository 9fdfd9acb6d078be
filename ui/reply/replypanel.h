#pragma once

#include "exchange/exchangephase.h"
#include "exchange/httpcompletion.h"
#include "exchange/stoprule.h"
#include "history/exchangerecord.h"

#include <QElapsedTimer>
#include <QWidget>

#include <memory>
#include <optional>

class QHBoxLayout;
class QLabel;
class QPushButton;
class QTabWidget;

namespace SocketLab {

class ByteSource;
class ExchangeChain;
class HexView;
class CertificateView;
class FramingView;
class HttpView;
class SocketOptionOutcomes;
class TextView;

// The reply of the current or chosen exchange: why it stopped, its timings and sizes, its bytes in
// hex and as text (selections kept in sync, recv() boundaries and HTTP parts marked), and the HTTP tab.
class ReplyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReplyPanel(QWidget *parent = nullptr);

    // An exchange started: its bytes will arrive in `reply`, until `rule` (or a limit) stops it.
    void beginExchange(std::shared_ptr<const ByteSource> reply, const SocketLab::StopRule &rule = {});
    void showProgress(qint64 bytes, ExchangePhase phase);
    // The running exchange waits on the server: its HTTP reply is complete while the stop rule reads
    // on, or nothing came for quietMs (0: bytes came again) while the rule waits for the server to
    // close, for the rest of the HTTP reply or for a count of bytes. Said with what is still awaited
    // and Stop now.
    void showHttpComplete(const SocketLab::HttpCompletion &completion);
    void showSilence(qint64 quietMs);
    void showRecord(std::shared_ptr<const ExchangeRecord> record);

    std::shared_ptr<const ExchangeRecord> record() const { return m_record; }
    HexView *hexView() const { return m_hex; }
    TextView *textView() const { return m_text; }
    HttpView *httpView() const { return m_http; }
    FramingView *framingView() const { return m_framing; }
    CertificateView *certificateView() const { return m_certificate; }
    QLabel *errorLabel() const { return m_error; }
    QPushButton *trustButton() const { return m_trust; }
    QLabel *stopLabel() const { return m_stop; }
    // What each Set-Cookie of the reply did: kept with its attributes, or refused and why.
    QLabel *cookiesLabel() const { return m_cookies; }
    // What became of each socket option of the exchange in view.
    SocketOptionOutcomes *optionOutcomes() const { return m_outcomes; }
    QTabWidget *tabs() const { return m_tabs; }
    QWidget *waitHint() const { return m_waitHint; }
    QLabel *waitHintLabel() const { return m_waitText; }
    QPushButton *stopNowButton() const { return m_stopNow; }
    QPushButton *useHttpFramingButton() const { return m_useFraming; }
    // Buttons that act on the reply in view (Back and Forward of a chain of clicks), shown beside Save.
    void addButtons(QWidget *buttons);
    // The chain of clicks whose cookies decide what a reply's Set-Cookie does; without one, each
    // reply is read alone.
    void setChain(const ExchangeChain *chain);

public slots:
    void saveReply();

signals:
    // A sentence for the status bar: a save finished or failed.
    void message(const QString &text);
    // Stop now: end the running exchange keeping every byte.
    void stopNowRequested();
    // The next sends stop at the HTTP framing; this exchange goes on.
    void useHttpFramingRequested();
    // Trust this certificate… (or replace the pin) for the exchange in view.
    void trustRequested(std::shared_ptr<const SocketLab::ExchangeRecord> record);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSummary();
    void catchUpTextView();
    void setHttpTabEnabled(bool enabled);
    void updateCertificate();
    void updateWaitHint();
    QString silenceSentence(const QString &seconds) const;
    void updateCookies();

    QLabel *m_stop;
    QLabel *m_details;
    QLabel *m_error;
    QLabel *m_cookies;
    SocketOptionOutcomes *m_outcomes;
    const ExchangeChain *m_chain = nullptr;
    QPushButton *m_save;
    QPushButton *m_trust;
    QWidget *m_waitHint;
    QLabel *m_waitText;
    QPushButton *m_stopNow;
    QPushButton *m_useFraming;
    std::optional<HttpCompletion> m_httpCompletion; // of the running exchange
    StopRule m_rule;              // of the running exchange
    qint64 m_quietMs = 0;         // how long the running exchange's server has been silent
    bool m_framingChosen = false; // "Use the HTTP framing" was pressed during this exchange
    QHBoxLayout *m_top;
    QTabWidget *m_tabs;
    HexView *m_hex;
    TextView *m_text;
    HttpView *m_http;
    FramingView *m_framing;
    CertificateView *m_certificate;
    std::shared_ptr<const ByteSource> m_reply;
    std::shared_ptr<const ExchangeRecord> m_record;
    qint64 m_progressBytes = 0;
    std::optional<ExchangePhase> m_phase; // none: no exchange running
    bool m_saving = false;
    static constexpr int HttpTab = 2;
    static constexpr int CertificateTab = 3;
    static constexpr int FramingTab = 4;
    int m_chosenTab = 0;          // the tab the person last chose
    bool m_switchingTabs = false; // the panel, not the person, is changing the tab in view
    QElapsedTimer m_summaryClock; // since the summary last showed the byte count
    bool m_textBehind = false; // the text view still shows an older reply: its tab is not chosen
};

} // namespace SocketLab
