#include "steadylabel.h"

#include <QEvent>
#include <QLabel>

namespace SocketLab {

SteadyLabel::SteadyLabel(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    setSizePolicy(m_label->sizePolicy());
    m_minimum = m_label->minimumSizeHint();
}

QSize SteadyLabel::sizeHint() const
{
    return m_label->sizeHint();
}

QSize SteadyLabel::minimumSizeHint() const
{
    return m_label->minimumSizeHint();
}

bool SteadyLabel::hasHeightForWidth() const
{
    return m_label->hasHeightForWidth();
}

int SteadyLabel::heightForWidth(int width) const
{
    return m_label->heightForWidth(width);
}

int SteadyLabel::neededHeight() const
{
    return m_label->hasHeightForWidth() ? m_label->heightForWidth(width()) : m_label->sizeHint().height();
}

void SteadyLabel::askLayoutIfNeeded()
{
    // Word wrap changes the label's size policy (height for width): the layout must know it.
    if (sizePolicy() != m_label->sizePolicy())
        setSizePolicy(m_label->sizePolicy());
    const QSize minimum = m_label->minimumSizeHint();
    const int needed = neededHeight();
    if (minimum != m_minimum || needed != m_neededHeight) {
        m_minimum = minimum;
        m_neededHeight = needed;
        updateGeometry();
    }
}

bool SteadyLabel::event(QEvent *event)
{
    switch (event->type()) {
    // Posted by the label's updateGeometry(), only while this box is visible: it has no layout to take it.
    case QEvent::LayoutRequest:
        askLayoutIfNeeded();
        return true;
    // What changed while hidden is asked for on show.
    case QEvent::Show:
        askLayoutIfNeeded();
        break;
    default:
        break;
    }
    return QWidget::event(event);
}

void SteadyLabel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    m_label->setGeometry(rect());
    // The layout gave this width knowing the text: what it needs here is what the layout has.
    m_neededHeight = neededHeight();
}

} // namespace SocketLab
