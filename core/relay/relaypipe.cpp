#include "relaypipe.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace SocketLab {

namespace {

// Arrivals closer than this share one release time: the list of releases stays short under a flood.
constexpr qint64 ReleaseGrainUs = 1000;
// What a ring starts with: a loopback flood's recv() sizes, without the whole capacity for every
// connection that says a few bytes.
constexpr qint64 InitialRingSize = 256 * 1024;

} // namespace

RelayPipe::RelayPipe(qint64 capacity)
    : m_capacity(std::max<qint64>(capacity, 1))
    , m_ring(new char[size_t(std::min(m_capacity, InitialRingSize))])
    , m_ringSize(std::min(m_capacity, InitialRingSize))
{
}

RelayPipe::~RelayPipe() = default;

void RelayPipe::grow()
{
    const qint64 size = std::min(m_capacity, m_ringSize * 2);
    std::unique_ptr<char[]> ring(new char[size_t(size)]);
    const qint64 first = std::min(m_size, m_ringSize - m_head);
    std::memcpy(ring.get(), m_ring.get() + m_head, size_t(first));
    std::memcpy(ring.get() + first, m_ring.get(), size_t(m_size - first));
    m_ring = std::move(ring);
    m_ringSize = size;
    m_head = 0;
}

std::span<char> RelayPipe::room(qint64 maxLen)
{
    if (m_endMarked || maxLen <= 0)
        return {};
    if (m_size == m_ringSize && m_ringSize < m_capacity)
        grow();
    const qint64 capacity = m_ringSize;
    if (m_size == capacity)
        return {};
    if (m_size == 0)
        m_head = 0;  // an empty ring starts over at its beginning, so reads get its whole length
    const qint64 tail = (m_head + m_size) % capacity;
    const qint64 contiguous = tail >= m_head ? capacity - tail : m_head - tail;
    return {m_ring.get() + tail, size_t(std::min(contiguous, maxLen))};
}

void RelayPipe::commit(qint64 n, qint64 nowUs, const RelayShaping &shaping)
{
    if (n <= 0)
        return;
    m_size += n;
    m_in += n;
    const qint64 releaseUs = nowUs + qint64(shaping.delayMs) * 1000;
    // Bytes never overtake the ones before them: a delay shortened meanwhile releases these with them.
    if (!m_releases.empty() && releaseUs < m_releases.back().releaseUs + ReleaseGrainUs)
        m_releases.back().end = m_in;
    else
        m_releases.push_back({m_in, releaseUs});
}

void RelayPipe::markEnd(qint64 nowUs, const RelayShaping &shaping)
{
    if (m_endMarked)
        return;
    m_endMarked = true;
    m_endReleaseUs = nowUs + qint64(shaping.delayMs) * 1000;
    if (!m_releases.empty())
        m_endReleaseUs = std::max(m_endReleaseUs, m_releases.back().releaseUs);
}

qint64 RelayPipe::releasedBytes(qint64 nowUs) const
{
    qint64 end = m_out;
    for (const Release &release : m_releases) {
        if (release.releaseUs > nowUs)
            break;
        end = release.end;
    }
    return end - m_out;
}

std::span<const char> RelayPipe::ready(qint64 nowUs, const RelayShaping &shaping)
{
    if (shaping.paused || m_size == 0)
        return {};
    qint64 n = releasedBytes(nowUs);
    if (shaping.bytesPerSecond > 0)
        n = std::min(n, m_allowance.available(nowUs, shaping.bytesPerSecond));
    n = std::min(n, m_ringSize - m_head);
    if (n <= 0)
        return {};
    return {m_ring.get() + m_head, size_t(n)};
}

void RelayPipe::consume(qint64 n, const RelayShaping &shaping)
{
    if (n <= 0)
        return;
    m_head = (m_head + n) % m_ringSize;
    m_size -= n;
    m_out += n;
    if (shaping.bytesPerSecond > 0)
        m_allowance.spend(n);
    while (!m_releases.empty() && m_releases.front().end <= m_out)
        m_releases.pop_front();
}

bool RelayPipe::endReady(qint64 nowUs, const RelayShaping &shaping) const
{
    return m_endMarked && m_size == 0 && !shaping.paused && nowUs >= m_endReleaseUs;
}

qint64 RelayPipe::waitUs(qint64 nowUs, const RelayShaping &shaping) const
{
    if (shaping.paused)
        return -1;
    if (m_size == 0)
        return m_endMarked && nowUs < m_endReleaseUs ? m_endReleaseUs - nowUs : -1;
    const qint64 released = releasedBytes(nowUs);
    if (released == 0) {
        for (const Release &release : m_releases) {
            if (release.releaseUs > nowUs)
                return release.releaseUs - nowUs;
        }
        return -1;
    }
    if (shaping.bytesPerSecond <= 0)
        return -1;  // bytes may go: only the socket's room holds them
    // Wait for a hundredth of a second's worth (or what is released, if less), not for each byte.
    const qint64 want = std::min(released, std::max<qint64>(1, shaping.bytesPerSecond / 100));
    const qint64 wait = m_allowance.waitUs(nowUs, shaping.bytesPerSecond, want);
    return wait > 0 ? wait : -1;  // none: they may go now, as fast as the socket takes them
}

} // namespace SocketLab
