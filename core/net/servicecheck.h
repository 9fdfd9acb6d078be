#pragma once

#include <QString>

namespace SocketLab {

// What may stand where a port goes: a number from 1 to 65535, or a service name such as "http".
enum class ServiceProblem { None, Empty, PortOutOfRange, BadName };

ServiceProblem checkService(const QString &text);

} // namespace SocketLab
