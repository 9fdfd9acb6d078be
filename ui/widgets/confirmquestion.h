#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QWidget;

namespace SocketLab {

// A question before something that cannot be taken back (delete, replace): window-modal but not a
// nested event loop, so nothing waits on it; `act` runs only once the person chose the action, never
// after "Keep it". The box is named `objectName` for tests to find.
class ConfirmQuestion
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::ConfirmQuestion)
public:
    enum class Default { Action, Keep };

    static void ask(QWidget *parent, const QString &objectName, const QString &title, const QString &text,
                    const QString &actionText, Default defaultButton, std::function<void()> act);
};

} // namespace SocketLab
