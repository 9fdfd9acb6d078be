#pragma once

#include "framing/framingfacts.h"
#include "history/exchangerecord.h"

#include <QWidget>

#include <atomic>
#include <memory>

class QListWidget;
class QSplitter;

namespace SocketLab {

class HexView;
class ReplayBar;

// Why reading stopped, on the bytes: the facts of the reply's framing in words (which header decided
// the length, each chunk size line in hexadecimal and decimal, where the message ends, what came after
// it, what the notebooks' read-until-close loop would have done), each selecting its bytes in a hex
// view of its own; and a replay of the recv() calls, the hex view showing only what had arrived.
class FramingView : public QWidget
{
    Q_OBJECT
public:
    explicit FramingView(QWidget *parent = nullptr);
    ~FramingView() override;

    // The exchange to explain; null clears the view.
    void setRecord(std::shared_ptr<const ExchangeRecord> record);
    void clear() { setRecord(nullptr); }

    // Empty while they are being worked out, off the GUI thread (the list shows "…").
    const QList<FramingFact> &facts() const { return m_facts; }
    bool isExplaining() const { return m_explaining; }
    QListWidget *factList() const { return m_list; }
    HexView *hexView() const { return m_hex; }
    ReplayBar *replayBar() const { return m_replay; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // Works out the facts on the core pool: they read lines of the reply, which may be in a file.
    void explain();
    void fillList();
    void showFact(int row);
    void showStep(int step);
    // Computes the replay off the GUI thread, the first time the view is seen with this record.
    void prepareReplay();
    void cancelReplay();

    std::shared_ptr<const ExchangeRecord> m_record;
    QList<FramingFact> m_facts;
    qint64 m_messageEnd = -1;
    bool m_explaining = false;
    // Told apart so the facts of a record no longer in view are dropped.
    quint64 m_factsGeneration = 0;
    bool m_replayAsked = false;
    bool m_sized = false; // the splitter got its first sizes
    // Set to end the replay being computed for a record no longer in view.
    std::shared_ptr<std::atomic_bool> m_replayCancel;
    quint64 m_replayGeneration = 0;
    QSplitter *m_splitter;
    QListWidget *m_list;
    ReplayBar *m_replay;
    HexView *m_hex;
};

} // namespace SocketLab
