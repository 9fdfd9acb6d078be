#pragma once

#include "net/socketaddress.h"

#include <QString>

#include <optional>

namespace SocketLab {

// The local address a saved request binds to, as both file formats write it: "127.0.0.1:5000",
// "[::1]:0" (numeric only: no lookup when a file is read).
QString localAddressText(const SocketAddress &address);
std::optional<SocketAddress> parseLocalAddressText(const QString &text);

} // namespace SocketLab
