#pragma once

#include <QCoreApplication>

namespace SocketLab {

// The context of the comments and messages written into generated programs, for tr().
class CodeText
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::CodeText)
};

} // namespace SocketLab
