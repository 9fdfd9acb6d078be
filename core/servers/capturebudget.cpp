#include "capturebudget.h"

namespace SocketLab {

CaptureBudget::CaptureBudget(qint64 limit)
    : m_limit(qMax<qint64>(0, limit))
{
}

void CaptureBudget::setLimit(qint64 limit)
{
    m_limit = qMax<qint64>(0, limit);
}

CaptureBudget::Grant CaptureBudget::request(quint64 id, qint64 n)
{
    Grant grant;
    if (n <= 0 || m_stopped.count(id))
        return grant;
    // Oldest first, until the new bytes fit or the client asking is the oldest left.
    while (m_used + n > m_limit && !m_kept.empty() && m_kept.begin()->first < id) {
        const auto oldest = m_kept.begin();
        m_used -= oldest->second;
        m_stopped.insert(oldest->first);
        grant.dropped.push_back(oldest->first);
        m_kept.erase(oldest);
    }
    grant.keep = qMin(n, m_limit - m_used);
    if (grant.keep < n)
        m_stopped.insert(id);
    if (grant.keep > 0) {
        m_kept[id] += grant.keep;
        m_used += grant.keep;
    }
    return grant;
}

void CaptureBudget::forget(quint64 id)
{
    if (const auto it = m_kept.find(id); it != m_kept.end()) {
        m_used -= it->second;
        m_kept.erase(it);
    }
    m_stopped.erase(id);
}

} // namespace SocketLab
