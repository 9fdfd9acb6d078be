#pragma once

#include "history/exchangerecord.h"
#include "http/linkrequest.h"

#include <QObject>

#include <memory>
#include <optional>

namespace SocketLab {

class CookieJar;
struct CookieVerdict;

// The exchanges of one walk through a site by clicks, as a browser's Back and Forward know them:
// a send that was not prepared by a click starts a chain; the send that follows a click in a reply
// continues the chain after that reply, dropping what lay ahead of it. Each step keeps its own
// request, target and reply. The cookies a click carries are those the replies of the chain set,
// up to the reply clicked.
class ExchangeChain : public QObject
{
    Q_OBJECT
public:
    explicit ExchangeChain(QObject *parent = nullptr);
    ~ExchangeChain() override;

    // The request for a click in the reply of `from`; nothing is sent. The next exchange to finish
    // continues the chain from `from`. nullopt for a link that is not http:// or https://.
    std::optional<PreparedRequest> prepare(const std::shared_ptr<const ExchangeRecord> &from, const LinkClick &click,
                                           const QDateTime &now);
    // An exchange finished: it continues the chain after a click, or starts a new one.
    void add(std::shared_ptr<const ExchangeRecord> record);
    // The next exchange is not made from a click: a URL was typed into the form.
    void forgetClick();
    // The history moved a reply out of memory: the chain holds the lighter record instead, so it
    // does not keep the bytes the history freed.
    void replace(const SocketLab::ExchangeRecord *old, std::shared_ptr<const SocketLab::ExchangeRecord> lighter);

    bool canGoBack() const { return m_position > 0; }
    bool canGoForward() const { return m_position + 1 < m_steps.size(); }
    // The step before or after the one in view; null when there is none.
    std::shared_ptr<const ExchangeRecord> goBack();
    std::shared_ptr<const ExchangeRecord> goForward();
    qsizetype size() const { return m_steps.size(); }
    qsizetype position() const { return m_position; }
    std::shared_ptr<const ExchangeRecord> step(qsizetype index) const { return m_steps.value(index); }

    // Where the record's exchange connected, and what it sent.
    static LinkOrigin originOf(const ExchangeRecord &record);
    // What became of each Set-Cookie of the record's reply, given the cookies the chain held before
    // it (none for a record outside the chain): an http:// reply may not replace the Secure cookie
    // an earlier https:// one set.
    QList<CookieVerdict> cookieVerdicts(const ExchangeRecord &record) const;

signals:
    void changed();

private:
    qsizetype indexOf(const ExchangeRecord *record) const;
    QList<CookieVerdict> storeCookies(const ExchangeRecord &record, CookieJar &jar) const;
    // The cookies the chain's replies set before the record's; none for a record outside the chain.
    CookieJar jarBefore(const ExchangeRecord *record) const;

    QList<std::shared_ptr<const ExchangeRecord>> m_steps;
    qsizetype m_position = -1;
    std::shared_ptr<const ExchangeRecord> m_clickedFrom; // set from a click until the next exchange
};

} // namespace SocketLab
