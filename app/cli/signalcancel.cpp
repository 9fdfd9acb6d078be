#include "signalcancel.h"

#include "net/canceltoken.h"

#include <csignal>

namespace SocketLab::Cli {

namespace {

CancelToken *g_token = nullptr;

void onSignal(int)
{
    if (g_token)
        g_token->cancel();
}

} // namespace

void cancelOnSignals(CancelToken &token)
{
    g_token = &token;
    struct sigaction action {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

} // namespace SocketLab::Cli
