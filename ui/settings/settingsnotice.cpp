#include "settingsnotice.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QStyle>
#include <QToolButton>

namespace SocketLab {

SettingsNotice::SettingsNotice(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
    , m_close(new QToolButton(this))
{
    m_label->setTextFormat(Qt::RichText);
    m_label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    // Beside the local servers' addresses in a narrow window it gives way (its tooltip and dialog say
    // it all) rather than make the window wider than the screen.
    m_label->setMinimumWidth(1);
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_close);
    layout->addStretch(1);
    connect(m_label, &QLabel::linkActivated, this, &SettingsNotice::showDetails);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    retranslate();
    setVisible(false);
}

void SettingsNotice::setProblem(const StoredSettings::Problem &problem)
{
    m_problem = problem;
    retranslate();
    setVisible(problem.kind != StoredSettings::Problem::Kind::None);
}

void SettingsNotice::showDetails()
{
    QMessageBox box(QMessageBox::Information, tr("Saved settings"), StoredSettings::details(m_problem),
                    QMessageBox::Close, this);
    box.setObjectName(QStringLiteral("SettingsDetails"));
    box.exec();
}

void SettingsNotice::retranslate()
{
    const QString summary = StoredSettings::summary(m_problem);
    m_label->setText(summary.isEmpty() ? QString()
                                       : summary.toHtmlEscaped() + QStringLiteral(" <a href=\"#details\">%1</a>")
                                                                      .arg(tr("Details…").toHtmlEscaped()));
    m_label->setToolTip(StoredSettings::details(m_problem));
    m_close->setToolTip(tr("Hide this notice"));
    m_close->setAccessibleName(tr("Hide this notice"));
}

void SettingsNotice::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace SocketLab
