#include "confirmquestion.h"

#include <QMessageBox>
#include <QPushButton>

namespace SocketLab {

void ConfirmQuestion::ask(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                          const QString &actionText, Default defaultButton, std::function<void()> act)
{
    auto *box = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(objectName);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *action = box->addButton(actionText, QMessageBox::DestructiveRole);
    QPushButton *keep = box->addButton(tr("&Keep it"), QMessageBox::RejectRole);
    box->setDefaultButton(defaultButton == Default::Action ? action : keep);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [action, act = std::move(act)](QAbstractButton *clicked) {
        if (clicked == action)
            act();
    });
    box->open();
}

} // namespace SocketLab
