#pragma once

#include <QMetaType>

#include <functional>

namespace SocketLab {

// Where a TCP or UDP exchange is, for progress displays. A UDP exchange has no Connecting phase
// unless it is a connected one; only a TLS exchange has a Handshaking one.
enum class ExchangePhase { Resolving, Connecting, Handshaking, Sending, Receiving, Done };

// Told of each phase as it begins, on the exchange's thread.
using PhaseObserver = std::function<void(ExchangePhase)>;

} // namespace SocketLab

Q_DECLARE_METATYPE(SocketLab::ExchangePhase)
