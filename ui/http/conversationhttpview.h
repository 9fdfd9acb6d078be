#pragma once

#include "http/httpconversationparser.h"

#include <QWidget>

#include <memory>

class QLabel;
class QListWidget;
class QSplitter;
class QTableView;
class QTableWidget;

namespace SocketLab {

class ConversationRecord;
class HttpExchangeModel;

// A connection read as HTTP/1.x: its exchanges in a list (request, status, sizes, how each message's
// end is found), and for the chosen one the request's and the response's headers and framing facts.
// Choosing a row, a header or a fact asks the owner to select those bytes (rangeSelected()). The
// record may grow while shown: refresh() reads only what came since the last call.
class ConversationHttpView : public QWidget
{
    Q_OBJECT
public:
    explicit ConversationHttpView(QWidget *parent = nullptr);
    ~ConversationHttpView() override;

    // The connection to show: sent() is the client's bytes, received() the server's. Null: nothing.
    void setRecord(std::shared_ptr<const SocketLab::ConversationRecord> record);
    // The record grew (or ended): cheap when nothing changed.
    void refresh();

    // What is read so far, for a caller (and a test) that wants the facts rather than the words.
    const HttpConversationParser &parser() const { return m_parser; }
    int exchangeCount() const;
    // The exchange whose details are shown, -1 for none.
    int shownExchange() const { return m_shown; }
    // Shows an exchange's details, as choosing its row does (the row becomes current).
    void showExchange(int row);

signals:
    // The bytes of a message, a header or a fact: in the client's bytes (sent()) or the server's.
    void rangeSelected(bool clientDirection, qint64 offset, qint64 length);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Fact;

    void retranslate();
    void updateSummary();
    void fillDetails(int row);
    QList<Fact> facts(const HttpConversationExchange &exchange, bool request) const;
    QString quote(bool client, const ByteRange &range) const;
    void emitRange(bool client, const ByteRange &range);

    std::shared_ptr<const ConversationRecord> m_record;
    HttpConversationParser m_parser;
    HttpExchangeModel *m_model;
    QLabel *m_summary;
    QSplitter *m_splitter;
    QTableView *m_table;
    QLabel *m_requestTitle;
    QTableWidget *m_requestHeaders;
    QListWidget *m_requestFacts;
    QLabel *m_responseTitle;
    QTableWidget *m_responseHeaders;
    QListWidget *m_responseFacts;
    int m_shown = -1;
    // The shown exchange was over when its details were filled: they never change again.
    bool m_shownOver = false;
    // A pass to read what one refresh() left for want of budget is on its way.
    bool m_morePosted = false;
    // The record kept fewer bytes than the connection carried (its cap): the rest cannot be read.
    bool m_bytesDropped = false;
    // Rows and items made current by the view itself select no bytes.
    bool m_quiet = false;
};

} // namespace SocketLab
