#pragma once

#include "net/socketaddress.h"
#include "net/socketoption.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <optional>

class QCommandLineParser;

namespace SocketLab::Cli {

// --sockopt NAME=VALUE, repeatable, and --local ADDR[:PORT]: what tcp, udp and talk set on their
// socket before connect(); serve takes --sockopt alone, for its listening socket.
class SocketOptionFlags
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::SocketOptionFlags)
public:
    enum class Local { Offered, NotOffered };

    explicit SocketOptionFlags(Local local);
    void addTo(QCommandLineParser &parser) const;
    // kind: the socket the options go on, so a TCP-only option given to udp is refused with a
    // sentence naming the argument. false with *error for the first bad one.
    bool read(const QCommandLineParser &parser, SocketKind kind, QString *error);
    bool localIsSet() const { return local.isValid(); }

    QList<SocketOptionSetting> settings;
    SocketAddress local;  // invalid without --local

private:
    Local m_offersLocal;
    QCommandLineOption m_sockopt;
    QCommandLineOption m_local;
};

// "127.0.0.1", "127.0.0.1:5000", "::1", "[::1]:5000": a numeric address and a port (0 when none is
// given, for the kernel to pick); nullopt for anything else.
std::optional<SocketAddress> parseLocalAddress(const QString &text);

} // namespace SocketLab::Cli
