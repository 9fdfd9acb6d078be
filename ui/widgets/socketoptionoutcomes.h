#pragma once

#include "net/socketoption.h"

#include <QList>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace SocketLab {

// What became of the socket options asked for, one line each under an exchange's or a connection's
// summary: "SO_RCVBUF: asked 4,194,304 bytes, has 425,984 bytes: above net.core.rmem_max…". A
// setsockopt() that failed is in red. Hidden while there is nothing to say.
class SocketOptionOutcomes : public QWidget
{
    Q_OBJECT
public:
    explicit SocketOptionOutcomes(QWidget *parent = nullptr);

    void setOutcomes(const QList<SocketOptionOutcome> &outcomes);
    QList<SocketOptionOutcome> outcomes() const { return m_outcomes; }
    // The label of each line, in the order of the outcomes.
    QList<QLabel *> lines() const { return m_lines; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void applyColors();

    QList<SocketOptionOutcome> m_outcomes;
    QList<QLabel *> m_lines;
    QVBoxLayout *m_layout;
};

} // namespace SocketLab
