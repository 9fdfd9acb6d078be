#include "chainbuttons.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QStyle>
#include <QToolButton>

namespace SocketLab {

ChainButtons::ChainButtons(QWidget *parent)
    : QWidget(parent)
    , m_backAction(new QAction(this))
    , m_forwardAction(new QAction(this))
    , m_back(new QToolButton(this))
    , m_forward(new QToolButton(this))
{
    m_back->setObjectName(QStringLiteral("chainBack"));
    m_forward->setObjectName(QStringLiteral("chainForward"));
    m_backAction->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    m_forwardAction->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_backAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_forwardAction->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    // The whole window: the focus is as often in the request editor as in the reply.
    m_backAction->setShortcutContext(Qt::WindowShortcut);
    m_forwardAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_backAction);
    addAction(m_forwardAction);
    for (QToolButton *button : {m_back, m_forward})
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_back->setDefaultAction(m_backAction);
    m_forward->setDefaultAction(m_forwardAction);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_back);
    layout->addWidget(m_forward);
    setAvailable(false, false);
    retranslate();
}

void ChainButtons::setAvailable(bool back, bool forward)
{
    m_backAction->setEnabled(back);
    m_forwardAction->setEnabled(forward);
}

void ChainButtons::retranslate()
{
    m_backAction->setText(tr("&Back"));
    m_forwardAction->setText(tr("&Forward"));
    m_backAction->setToolTip(tr("Show the previous exchange of this chain of clicks: its request, target and reply "
                                "(Alt+Left)"));
    m_forwardAction->setToolTip(tr("Show the next exchange of this chain of clicks: its request, target and reply "
                                   "(Alt+Right)"));
}

void ChainButtons::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
