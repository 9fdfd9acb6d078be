#pragma once

#include "servers/listener.h"
#include "servers/localservers.h"

#include <QSignalSpy>
#include <QTest>

// Listeners bind on their own threads and answer by a signal; a test's set-up waits for that answer
// in the event loop, as the window and the CLI do. The result is the error start() returned at
// once, or the one startFailed() carried, or no error once listening.
constexpr int StartTimeoutMs = 10000;

inline SocketLab::NetError startAndWait(SocketLab::Listener &listener, const SocketLab::Listener::Settings &settings)
{
    using SocketLab::Listener;
    QSignalSpy listening(&listener, &Listener::listening);
    QSignalSpy failed(&listener, &Listener::startFailed);
    if (const SocketLab::NetError error = listener.start(settings); error.isError())
        return error;
    if (!QTest::qWaitFor([&] { return !listening.isEmpty() || !failed.isEmpty(); }, StartTimeoutMs))
        return SocketLab::NetError::timeout(QStringLiteral("listen"));
    return failed.isEmpty() ? SocketLab::NetError{} : failed.constFirst().constFirst().value<SocketLab::NetError>();
}

inline SocketLab::NetError startAndWait(SocketLab::LocalServers &servers,
                                        const SocketLab::LocalServers::Ports &ports = {})
{
    using SocketLab::LocalServers;
    QSignalSpy started(&servers, &LocalServers::started);
    QSignalSpy failed(&servers, &LocalServers::startFailed);
    if (const SocketLab::NetError error = servers.start(ports); error.isError())
        return error;
    if (!QTest::qWaitFor([&] { return !started.isEmpty() || !failed.isEmpty(); }, StartTimeoutMs))
        return SocketLab::NetError::timeout(QStringLiteral("listen"));
    return failed.isEmpty() ? SocketLab::NetError{} : failed.constFirst().constFirst().value<SocketLab::NetError>();
}
