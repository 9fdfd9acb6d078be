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
    if (minimum != m_minimum || neededHeight() != height()) {
        m_minimum = minimum;
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
}

} // namespace SocketLab
