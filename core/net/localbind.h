#pragma once

#include "neterror.h"
#include "resolver.h"
#include "socketaddress.h"
#include "socketoption.h"

#include <QList>

namespace SocketLab {

class Socket;

// What every client socket of core gets between socket() and connect() or its first sendto(): the
// person's options, then a bind() to the local address when one is asked. TCP and UDP exchanges and
// conversations share it, so their traces read alike.

// Options (each setsockopt() and its getsockopt() traced), then bind() to local if it is valid; port 0
// lets the kernel pick. outcomes gets every option's outcome, even when bind() fails after them.
// A bind() error names the local address (EADDRINUSE, EADDRNOTAVAIL...).
NetError prepareClientSocket(Socket &socket, const QList<SocketOptionSetting> &options, const SocketAddress &local,
                             IpFamily family, SocketKind kind, QList<SocketOptionOutcome> *outcomes);

// Whether a socket of this family can bind local: an IPv4 address fits only an IPv4 socket. Always
// true without a local address.
bool fitsLocalAddress(const SocketAddress &local, IpFamily family);

// The first of rows a socket bound to local can use, or null when none has its family.
const AddrInfoRow *firstRowFitting(const QList<AddrInfoRow> &rows, const SocketAddress &local);

// No address of the target has the family of the local address: EAFNOSUPPORT in bind(), the local
// address in detail, which text/errortext.h says in a sentence of its own.
NetError localFamilyMismatch(const SocketAddress &local);

} // namespace SocketLab
