#pragma once

#include "exchange/exchangephase.h"
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
class HexView;
class HttpView;
class TextView;

// The reply of the current or chosen exchange: why it stopped, its timings and sizes, its bytes in
// hex and as text (selections kept in sync, recv() boundaries and HTTP parts marked), and the HTTP tab.
class ReplyPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ReplyPanel(QWidget *parent = nullptr);

    // An exchange started: its bytes will arrive in `reply`.
    void beginExchange(std::shared_ptr<const ByteSource> reply);
    void showProgress(qint64 bytes, ExchangePhase phase);
    void showRecord(std::shared_ptr<const ExchangeRecord> record);

    std::shared_ptr<const ExchangeRecord> record() const { return m_record; }
    HexView *hexView() const { return m_hex; }
    TextView *textView() const { return m_text; }
    HttpView *httpView() const { return m_http; }
    QLabel *stopLabel() const { return m_stop; }
    QTabWidget *tabs() const { return m_tabs; }
    // Buttons that act on the reply in view (Back and Forward of a chain of clicks), shown beside Save.
    void addButtons(QWidget *buttons);

public slots:
    void saveReply();

signals:
    // A sentence for the status bar: a save finished or failed.
    void message(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateSummary();
    void catchUpTextView();
    void setHttpTabEnabled(bool enabled);

    QLabel *m_stop;
    QLabel *m_details;
    QLabel *m_error;
    QPushButton *m_save;
    QHBoxLayout *m_top;
    QTabWidget *m_tabs;
    HexView *m_hex;
    TextView *m_text;
    HttpView *m_http;
    std::shared_ptr<const ByteSource> m_reply;
    std::shared_ptr<const ExchangeRecord> m_record;
    qint64 m_progressBytes = 0;
    std::optional<ExchangePhase> m_phase; // none: no exchange running
    bool m_saving = false;
    static constexpr int HttpTab = 2;
    int m_chosenTab = 0;          // the tab the person last chose
    bool m_switchingTabs = false; // the panel, not the person, is changing the tab in view
    QElapsedTimer m_summaryClock; // since the summary last showed the byte count
    bool m_textBehind = false; // the text view still shows an older reply: its tab is not chosen
};

} // namespace SocketLab
