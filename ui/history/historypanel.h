#pragma once

#include "exchangerecord.h"

#include <QWidget>

#include <memory>

class QListWidget;

namespace SocketLab {

// The exchanges of this session, newest first; picking one shows its request, reply and trace again.
class HistoryPanel : public QWidget
{
    Q_OBJECT
public:
    explicit HistoryPanel(QWidget *parent = nullptr);

    void add(std::shared_ptr<const ExchangeRecord> record);
    int count() const;
    QListWidget *list() const { return m_list; }

signals:
    void recordChosen(std::shared_ptr<const SocketLab::ExchangeRecord> record);

protected:
    void changeEvent(QEvent *event) override;

private:
    static QString describe(const ExchangeRecord &record);
    void retranslate();

    QListWidget *m_list;
    QList<std::shared_ptr<const ExchangeRecord>> m_records; // parallel to the list's rows
};

} // namespace SocketLab
