#pragma once

#include <QtGlobal>

namespace SocketLab {

// A bandwidth cap as a token bucket: bytes may leave while the allowance lasts, which grows at the
// rate up to a tenth of a second's worth (smooth enough to see, without a send() per byte). A rate
// of 0 means no cap. Times are microseconds on the caller's clock.
class RateAllowance
{
public:
    // Whole bytes that may leave now (0 or less while in debt); the rate may change from call to call.
    qint64 available(qint64 nowUs, qint64 rate);
    // n bytes left. A datagram larger than the allowance may leave whole: the debt is paid back first.
    void spend(qint64 n);
    // How long until want bytes may leave; 0 if they may now.
    qint64 waitUs(qint64 nowUs, qint64 rate, qint64 want) const;

private:
    static double burst(qint64 rate);
    double at(qint64 nowUs, qint64 rate) const;

    double m_allowance = 0;
    qint64 m_refilledUs = -1;
    qint64 m_rate = 0;
};

} // namespace SocketLab
