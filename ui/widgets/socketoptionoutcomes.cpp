#include "socketoptionoutcomes.h"

#include "errorpalette.h"

#include "text/socketoptiontext.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace SocketLab {

SocketOptionOutcomes::SocketOptionOutcomes(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(0);
    setVisible(false);
}

void SocketOptionOutcomes::setOutcomes(const QList<SocketOptionOutcome> &outcomes)
{
    m_outcomes = outcomes;
    while (m_lines.size() > outcomes.size())
        delete m_lines.takeLast();
    while (m_lines.size() < outcomes.size()) {
        auto *line = new QLabel(this);
        line->setWordWrap(true);
        line->setTextInteractionFlags(Qt::TextSelectableByMouse);
        line->setTextFormat(Qt::PlainText);
        m_layout->addWidget(line);
        m_lines.append(line);
    }
    retranslate();
    applyColors();
    setVisible(!outcomes.isEmpty());
}

void SocketOptionOutcomes::retranslate()
{
    for (qsizetype i = 0; i < m_outcomes.size(); ++i)
        m_lines[i]->setText(describeOptionOutcome(m_outcomes[i]));
}

void SocketOptionOutcomes::applyColors()
{
    for (qsizetype i = 0; i < m_outcomes.size(); ++i) {
        if (m_outcomes[i].error.isError())
            setErrorTextColor(m_lines[i]);
        else
            m_lines[i]->setPalette(QPalette());
    }
}

void SocketOptionOutcomes::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    else if (event->type() == QEvent::PaletteChange)
        applyColors();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
