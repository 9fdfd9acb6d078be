#include "exchangechain.h"

#include "http/cookiejar.h"
#include "http/httpresponseparser.h"

namespace SocketLab {

ExchangeChain::ExchangeChain(QObject *parent)
    : QObject(parent)
{
}

ExchangeChain::~ExchangeChain() = default;

LinkOrigin ExchangeChain::originOf(const ExchangeRecord &record)
{
    bool numeric = false;
    quint16 port = record.settings.service.toUShort(&numeric);
    // A service name ("http") is known by the port the exchange connected to.
    if (!numeric)
        port = record.result.connectedTo.port() != 0 ? record.result.connectedTo.port() : 80;
    return {record.settings.host, port, record.request, record.settings.tls};
}

qsizetype ExchangeChain::indexOf(const ExchangeRecord *record) const
{
    for (qsizetype i = 0; i < m_steps.size(); ++i) {
        if (m_steps.at(i).get() == record)
            return i;
    }
    return -1;
}

QList<CookieVerdict> ExchangeChain::storeCookies(const ExchangeRecord &record, CookieJar &jar) const
{
    if (!record.result.http)
        return {};
    return jar.storeAll(record.result.http->headers(), requestedUrl(originOf(record)), record.startedAt);
}

CookieJar ExchangeChain::jarBefore(const ExchangeRecord *record) const
{
    CookieJar jar;
    const qsizetype index = indexOf(record);
    for (qsizetype i = 0; i < index; ++i)
        storeCookies(*m_steps.at(i), jar);
    return jar;
}

QList<CookieVerdict> ExchangeChain::cookieVerdicts(const ExchangeRecord &record) const
{
    CookieJar jar = jarBefore(&record);
    return storeCookies(record, jar);
}

std::optional<PreparedRequest> ExchangeChain::prepare(const std::shared_ptr<const ExchangeRecord> &from,
                                                      const LinkClick &click, const QDateTime &now)
{
    CookieJar jar = jarBefore(from.get());
    storeCookies(*from, jar);
    std::optional<PreparedRequest> prepared = prepareLinkRequest(originOf(*from), click, jar, now);
    if (prepared)
        m_clickedFrom = from;
    return prepared;
}

void ExchangeChain::add(std::shared_ptr<const ExchangeRecord> record)
{
    if (m_clickedFrom) {
        const qsizetype from = indexOf(m_clickedFrom.get());
        if (from < 0)
            m_steps = {m_clickedFrom};
        else
            m_steps.resize(from + 1);
        m_steps.append(std::move(record));
    } else {
        m_steps = {std::move(record)};
    }
    m_clickedFrom.reset();
    m_position = m_steps.size() - 1;
    emit changed();
}

void ExchangeChain::forgetClick()
{
    m_clickedFrom.reset();
}

void ExchangeChain::replace(const ExchangeRecord *old, std::shared_ptr<const ExchangeRecord> lighter)
{
    const qsizetype index = indexOf(old);
    if (index >= 0)
        m_steps[index] = lighter;
    if (m_clickedFrom.get() == old)
        m_clickedFrom = std::move(lighter);
}

std::shared_ptr<const ExchangeRecord> ExchangeChain::goBack()
{
    if (!canGoBack())
        return nullptr;
    m_clickedFrom.reset();
    --m_position;
    emit changed();
    return m_steps.at(m_position);
}

std::shared_ptr<const ExchangeRecord> ExchangeChain::goForward()
{
    if (!canGoForward())
        return nullptr;
    m_clickedFrom.reset();
    ++m_position;
    emit changed();
    return m_steps.at(m_position);
}

} // namespace SocketLab
