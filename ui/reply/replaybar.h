#pragma once

#include "framing/framingreplay.h"

#include <QList>
#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace SocketLab {

// Steps through a reply's recv() calls in the order they came: Previous, Next, Play (at the real
// arrival times, scaled by the chosen speed, on a timer so the window never waits) and Show all.
// Says, for the step shown, which recv() it was, when it came, and where it left the parser.
class ReplayBar : public QWidget
{
    Q_OBJECT
public:
    // Play waits the real gap between two recv() calls, scaled, but never longer than this: a server
    // silent for a minute mid-reply should not leave a person looking at a still window.
    static constexpr int MaxPlayWaitMs = 3000;

    explicit ReplayBar(QWidget *parent = nullptr);

    // The steps of the reply in view; empty while they are being computed (preparing) or when there
    // are none. Goes back to Show all.
    void setSteps(const QList<ReplayStep> &steps, bool preparing = false);
    // 0: the whole reply is shown; 1..n: what had arrived by recv() #step.
    int currentStep() const { return m_step; }
    int stepCount() const { return int(m_steps.size()); }
    bool isPlaying() const { return m_timer.isActive(); }

    QPushButton *previousButton() const { return m_previous; }
    QPushButton *nextButton() const { return m_next; }
    QPushButton *playButton() const { return m_play; }
    QPushButton *allButton() const { return m_all; }
    QComboBox *speedCombo() const { return m_speed; }
    QLabel *headingLabel() const { return m_heading; }
    QLabel *stateLabel() const { return m_state; }

public slots:
    void setStep(int step);
    void play();
    void pause();

signals:
    void stepChanged(int step);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateTexts();
    void scheduleNext();
    double speed() const;

    QList<ReplayStep> m_steps;
    int m_step = 0;
    bool m_preparing = false;
    QTimer m_timer;
    QPushButton *m_previous;
    QPushButton *m_next;
    QPushButton *m_play;
    QPushButton *m_all;
    QComboBox *m_speed;
    QLabel *m_heading;
    QLabel *m_state;
};

} // namespace SocketLab
