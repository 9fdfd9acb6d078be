#pragma once

#include "relay/relaysettings.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QSpinBox;

namespace SocketLab {

// What a relay does to one direction's bytes: a delay (ms), a bandwidth cap (bytes/s) and a pause,
// all off by default, in one row: "To the target: delay 0 ms, cap no cap, [ ] Pause". The listener
// form sets them for a new relay; the relay view changes them on a running one, at once.
class RelayShapingEdit : public QWidget
{
    Q_OBJECT

public:
    explicit RelayShapingEdit(RelayDirection direction, QWidget *parent = nullptr);

    RelayDirection direction() const { return m_direction; }
    RelayShaping shaping() const;
    // Sets the fields without emitting changed().
    void setShaping(const RelayShaping &shaping);

    QSpinBox *delaySpin() const { return m_delay; }
    QSpinBox *capSpin() const { return m_cap; }
    QCheckBox *pauseCheck() const { return m_pause; }

signals:
    // A person changed a field.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    RelayDirection m_direction;
    QLabel *m_title;
    QLabel *m_delayLabel;
    QSpinBox *m_delay;
    QLabel *m_capLabel;
    QSpinBox *m_cap;
    QCheckBox *m_pause;
    bool m_setting = false;
};

} // namespace SocketLab
