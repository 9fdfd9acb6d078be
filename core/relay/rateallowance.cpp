#include "rateallowance.h"

#include <algorithm>
#include <cmath>

namespace SocketLab {

double RateAllowance::burst(qint64 rate)
{
    return double(std::max<qint64>(1, rate / 10));
}

double RateAllowance::at(qint64 nowUs, qint64 rate) const
{
    // A new cap (or the first) starts with a full bucket.
    if (rate != m_rate || m_refilledUs < 0)
        return burst(rate);
    return std::min(burst(rate), m_allowance + double(rate) * double(nowUs - m_refilledUs) / 1e6);
}

qint64 RateAllowance::available(qint64 nowUs, qint64 rate)
{
    m_allowance = at(nowUs, rate);
    m_rate = rate;
    m_refilledUs = nowUs;
    return qint64(std::floor(m_allowance));
}

void RateAllowance::spend(qint64 n)
{
    m_allowance -= double(n);
}

qint64 RateAllowance::waitUs(qint64 nowUs, qint64 rate, qint64 want) const
{
    if (rate <= 0)
        return 0;
    const double allowance = at(nowUs, rate);
    const double needed = std::min(double(want), burst(rate));
    if (allowance >= needed)
        return 0;
    return qint64(std::ceil((needed - allowance) * 1e6 / double(rate)));
}

} // namespace SocketLab
