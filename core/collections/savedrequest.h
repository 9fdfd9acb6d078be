#pragma once

#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace SocketLab {

// One request of a collection, as saved and run again: the exchange's own request types hold what
// is sent and how reading stops, so a saved request runs exactly as `tcp`/`udp` would send it.
struct SavedRequest
{
    enum class Kind {
        Tcp,     // tcp below, TLS off
        Tls,     // tcp below, TLS on (tcp.tls.enabled is kept equal to it by tcpRequest())
        Udp,     // udp below
        Script,  // a conversation script (the text `talk --script` reads), to tcp's host and port
    };

    QString name;
    QStringList folder;  // the folders it sits in, outermost first; empty: at the top
    Kind kind = Kind::Tcp;
    TcpRequest tcp;      // Tcp, Tls, Script: target, payload (not for Script), stop rule, timeouts, TLS
    UdpRequest udp;      // Udp: target, the datagram, wait
    QString script;      // Script

    // The request to run, the kind deciding TLS.
    TcpRequest tcpRequest() const
    {
        TcpRequest request = tcp;
        request.tls.enabled = kind == Kind::Tls;
        return request;
    }
    QString host() const { return kind == Kind::Udp ? udp.host : tcp.host; }
    QString service() const { return kind == Kind::Udp ? udp.service : tcp.service; }
    // The exact bytes sent (empty for a script).
    QByteArray payload() const { return kind == Kind::Udp ? udp.payload : kind == Kind::Script ? QByteArray() : tcp.payload; }
};

struct Collection
{
    QString name;
    QList<SavedRequest> requests;
};

} // namespace SocketLab
