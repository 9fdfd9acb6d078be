#pragma once

#include "net/socketoption.h"

#include <QString>

namespace SocketLab {

// "rcvbuf=lots: the value must be a whole number.": why a --sockopt or a form's option was refused.
QString describeOptionProblem(const SocketOptionParseError &error);

// A value as a person reads it: "on", "off", "4,194,304 bytes", "off" or "5 s" for SO_LINGER.
QString optionValueText(SocketOptionName name, int value);

// What the socket has, next to what was asked: "SO_RCVBUF: asked 4,194,304 bytes, has 425,984 bytes:
// above net.core.rmem_max (212,992 bytes), so capped at it, then doubled by Linux." An outcome
// that matches says so in a few words; a failed setsockopt() says why.
QString describeOptionOutcome(const SocketOptionOutcome &outcome);

// Why an option cannot be set on a socket already connected (SocketOptions::settableWhenOpen()):
// "SO_REUSEADDR only counts at bind(): set it before the conversation connects."
QString describeOptionTooLate(SocketOptionName name);

// Why the effective value differs from the asked one, alone; empty when they match.
QString optionAdjustmentReason(const SocketOptionOutcome &outcome);

// One line per option for --help and tool tips: "nodelay=0|1  TCP_NODELAY: send small writes at once
// (no Nagle), TCP only".
QString optionHelp(SocketOptionName name);

} // namespace SocketLab
