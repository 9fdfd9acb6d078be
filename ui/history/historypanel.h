#pragma once

#include "exchangerecord.h"

#include <QWidget>

#include <QSet>

#include <memory>

class QListWidget;

namespace SocketLab {

// The exchanges of this session, newest first; picking one shows its request, reply and trace again.
//
// Replies kept in memory add up to at most memoryBudget() bytes, the newest one aside: older ones
// move to unnamed temporary files, off the GUI thread, and are read back from there when picked.
// Sending a large request again and again must not fill the machine's memory, and nothing received
// may be lost either.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 DefaultMemoryBudget = qint64(1) << 30;

    explicit HistoryPanel(QWidget *parent = nullptr);

    void add(std::shared_ptr<const ExchangeRecord> record);
    int count() const;
    std::shared_ptr<const ExchangeRecord> record(int row) const;
    QListWidget *list() const { return m_list; }

    qint64 memoryBudget() const { return m_memoryBudget; }
    void setMemoryBudget(qint64 bytes);
    // Where replies go when they leave memory: the system's temporary folder unless set.
    void setSpillDirectory(const QString &dir);
    // Bytes of replies held in memory now, and how many replies are on their way to a file.
    qint64 bytesInMemory() const;
    int movesPending() const { return int(m_moving.size()); }

signals:
    void recordChosen(std::shared_ptr<const SocketLab::ExchangeRecord> record);
    // A reply left memory: `lighter` is `old` with the reply read back from its file.
    void replyMoved(const SocketLab::ExchangeRecord *old, std::shared_ptr<const SocketLab::ExchangeRecord> lighter);
    // Every reply that was to leave memory has left it, or failed to.
    void movesFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    static QString describe(const ExchangeRecord &record);
    QString tooltip(const ExchangeRecord &record) const;
    void retranslate();
    void keepWithinBudget();
    void moveOutOfMemory(const std::shared_ptr<const ExchangeRecord> &record);
    void moved(const ExchangeRecord *old, std::shared_ptr<const ByteSource> file, const QString &error);

    QListWidget *m_list;
    QList<std::shared_ptr<const ExchangeRecord>> m_records; // parallel to the list's rows
    qint64 m_memoryBudget = DefaultMemoryBudget;
    QString m_spillDirectory;
    QSet<const ExchangeRecord *> m_moving;
    QHash<const ExchangeRecord *, QString> m_moveErrors; // replies that could not leave memory, and why
};

} // namespace SocketLab
