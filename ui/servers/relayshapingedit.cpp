#include "relayshapingedit.h"

#include "widgets/spinboxes.h"

#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>

#include <climits>

namespace SocketLab {

namespace {

// A minute: long enough to watch a client time out, short enough that a typo is not an hour.
constexpr int MaxDelayMs = 60000;

} // namespace

RelayShapingEdit::RelayShapingEdit(RelayDirection direction, QWidget *parent)
    : QWidget(parent)
    , m_direction(direction)
    , m_title(new QLabel(this))
    , m_delayLabel(new QLabel(this))
    , m_delay(makeSpinBox(0, MaxDelayMs, 0, this))
    , m_capLabel(new QLabel(this))
    , m_cap(makeSpinBox(0, INT_MAX, 0, this))
    , m_pause(new QCheckBox(this))
{
    m_delayLabel->setBuddy(m_delay);
    m_capLabel->setBuddy(m_cap);
    // A running relay takes the value when it is typed whole: typing 1500 must not apply 1, 15 and 150 first.
    m_delay->setKeyboardTracking(false);
    m_cap->setKeyboardTracking(false);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_delayLabel);
    layout->addWidget(m_delay);
    layout->addWidget(m_capLabel);
    layout->addWidget(m_cap);
    layout->addWidget(m_pause);
    layout->addStretch(1);

    const auto edited = [this] {
        if (!m_setting)
            emit changed();
    };
    connect(m_delay, &QSpinBox::valueChanged, this, edited);
    connect(m_cap, &QSpinBox::valueChanged, this, edited);
    connect(m_pause, &QCheckBox::toggled, this, edited);
    retranslate();
}

RelayShaping RelayShapingEdit::shaping() const
{
    RelayShaping shaping;
    shaping.delayMs = m_delay->value();
    shaping.bytesPerSecond = m_cap->value();
    shaping.paused = m_pause->isChecked();
    return shaping;
}

void RelayShapingEdit::setShaping(const RelayShaping &shaping)
{
    m_setting = true;
    m_delay->setValue(shaping.delayMs);
    m_cap->setValue(int(qMin<qint64>(shaping.bytesPerSecond, INT_MAX)));
    m_pause->setChecked(shaping.paused);
    m_setting = false;
}

void RelayShapingEdit::retranslate()
{
    // No Alt keys: the two directions' rows sit in one form beside the Servers tab's own, and every
    // letter of these words is taken there already.
    const bool toTarget = m_direction == RelayDirection::ToTarget;
    m_title->setText(toTarget ? tr("To the target:") : tr("To the client:"));
    m_title->setToolTip(toTarget ? tr("What the client sends, on its way to the target.")
                                 : tr("What the target answers, on its way back to the client."));
    m_delayLabel->setText(tr("Delay:"));
    m_delay->setSuffix(tr(" ms"));
    m_delay->setSpecialValueText(tr("None"));
    m_delay->setToolTip(tr("Each byte leaves this long after it arrived, an end of stream (FIN) too."));
    m_capLabel->setText(tr("Cap:"));
    m_cap->setSuffix(tr(" bytes/s"));
    m_cap->setSpecialValueText(tr("No cap"));
    m_cap->setToolTip(tr("At most this many bytes a second leave in this direction; the rest wait, shown as queued."));
    m_pause->setText(tr("Pause"));
    m_pause->setToolTip(tr("Nothing leaves in this direction: bytes queue (shown as queued) until it resumes, then the "
                           "sender waits once the queue is full."));
    updateSpinBoxGeometries(this);
}

void RelayShapingEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
