#include "replaybar.h"

#include "text/framingtext.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace SocketLab {

namespace {

// The speeds Play offers, as factors of the real time; the default is the real time.
constexpr double Speeds[] = {0.1, 0.5, 1.0, 5.0, 20.0};
constexpr int DefaultSpeed = 2;

} // namespace

ReplayBar::ReplayBar(QWidget *parent)
    : QWidget(parent)
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_play(new QPushButton(this))
    , m_all(new QPushButton(this))
    , m_speed(new QComboBox(this))
    , m_heading(new QLabel(this))
    , m_state(new QLabel(this))
{
    m_timer.setSingleShot(true);
    for (const double speed : Speeds)
        m_speed->addItem(QString(), speed);
    m_speed->setCurrentIndex(DefaultSpeed);
    m_heading->setWordWrap(true);
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_play->setCheckable(true);

    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(m_previous);
    buttons->addWidget(m_next);
    buttons->addWidget(m_play);
    buttons->addWidget(m_speed);
    buttons->addWidget(m_all);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(buttons);
    layout->addWidget(m_heading);
    layout->addWidget(m_state);

    connect(m_previous, &QPushButton::clicked, this, [this] {
        pause();
        setStep(m_step <= 1 ? int(m_steps.size()) : m_step - 1);
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        pause();
        setStep(m_step >= m_steps.size() ? 1 : m_step + 1);
    });
    connect(m_all, &QPushButton::clicked, this, [this] {
        pause();
        setStep(0);
    });
    connect(m_play, &QPushButton::toggled, this, [this](bool on) {
        if (on)
            play();
        else
            pause();
    });
    connect(&m_timer, &QTimer::timeout, this, [this] {
        setStep(m_step + 1);
        scheduleNext();
    });
    retranslate();
}

void ReplayBar::setSteps(const QList<ReplayStep> &steps, bool preparing)
{
    pause();
    const bool stepping = m_step != 0;
    m_steps = steps;
    m_preparing = preparing;
    m_step = 0;
    updateTexts();
    if (stepping)
        emit stepChanged(0);
}

void ReplayBar::setStep(int step)
{
    step = std::clamp(step, 0, int(m_steps.size()));
    if (step == m_step)
        return;
    m_step = step;
    updateTexts();
    emit stepChanged(step);
}

void ReplayBar::play()
{
    if (m_steps.isEmpty())
        return;
    // From the start when the replay was not on or had reached its end.
    if (m_step == 0 || m_step == m_steps.size())
        setStep(1);
    m_play->setChecked(true);
    scheduleNext();
}

void ReplayBar::pause()
{
    m_timer.stop();
    m_play->setChecked(false);
}

void ReplayBar::scheduleNext()
{
    if (m_step <= 0 || m_step >= m_steps.size()) {
        pause();
        return;
    }
    const qint64 gapUs = m_steps.at(m_step).segment.timeUs - m_steps.at(m_step - 1).segment.timeUs;
    const double waitMs = double(std::max<qint64>(gapUs, 0)) / 1000.0 / speed();
    m_timer.start(int(std::min<double>(waitMs, MaxPlayWaitMs)));
}

double ReplayBar::speed() const
{
    return m_speed->currentData().toDouble();
}

void ReplayBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ReplayBar::retranslate()
{
    m_play->setText(tr("Play"));
    m_all->setText(tr("Show all"));
    m_all->setToolTip(tr("Leave the replay: show every byte received"));
    m_speed->setToolTip(tr("How fast Play goes, against the real time"));
    for (int i = 0; i < m_speed->count(); ++i) {
        //: A replay speed: 0.5 × the real time.
        m_speed->setItemText(i, tr("%1×").arg(QLocale().toString(Speeds[i])));
    }
    updateTexts();
}

void ReplayBar::updateTexts()
{
    const bool any = !m_steps.isEmpty();
    // Named after the call the trace shows: over TLS each step is one SSL_read().
    const QString call = any && m_steps.constFirst().tls ? QStringLiteral("SSL_read()") : QStringLiteral("recv()");
    //: %1: the C call each step is, recv() or SSL_read()
    m_previous->setText(tr("◀ Previous %1").arg(call));
    //: %1: the C call each step is, recv() or SSL_read()
    m_previous->setToolTip(tr("Show what had arrived one %1 earlier").arg(call));
    //: %1: the C call each step is, recv() or SSL_read()
    m_next->setText(tr("Next %1 ▶").arg(call));
    //: %1: the C call each step is, recv() or SSL_read()
    m_next->setToolTip(tr("Show what had arrived after the next %1").arg(call));
    //: %1: the C call each step is, recv() or SSL_read()
    m_play->setToolTip(tr("Replay the %1 calls at the times they came, at the chosen speed").arg(call));
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    m_play->setEnabled(any);
    m_speed->setEnabled(any);
    m_all->setEnabled(m_step > 0);
    if (m_preparing) {
        m_heading->setText(tr("Preparing the replay…"));
        m_state->clear();
    } else if (!any) {
        m_heading->setText(tr("No recv() returned data: nothing to replay."));
        m_state->clear();
    } else if (m_step == 0) {
        m_heading->setText(m_steps.constFirst().tls
                               ? tr("Replay: %Ln SSL_read() call(s) with data. Press Next or Play to see the reply "
                                    "arrive.", nullptr, int(m_steps.size()))
                               : tr("Replay: %Ln recv() call(s) with data. Press Next or Play to see the reply arrive.",
                                    nullptr, int(m_steps.size())));
        m_state->clear();
    } else {
        const ReplayStep &step = m_steps.at(m_step - 1);
        m_heading->setText(tr("Step %1 of %2 · %3")
                               .arg(QLocale().toString(m_step), QLocale().toString(m_steps.size()),
                                    FramingText::stepHeading(step)));
        m_state->setText(FramingText::stepState(step));
    }
}

} // namespace SocketLab
