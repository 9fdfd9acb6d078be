#pragma once

#include "net/trace.h"

#include <QList>
#include <QTableView>

class QAction;

namespace SocketLab {

class TraceModel;

// The socket calls of an exchange as a timeline table. Rows can be selected and copied (Ctrl+C or the
// context menu) as tab-separated text; new calls scroll into view as scrolling() says.
class TraceView : public QTableView
{
    Q_OBJECT

public:
    // How the view scrolls as calls come in. FollowEnd, for a log (a listener's calls): new calls
    // scroll into view while the view is at its end. KeepStart, for one exchange: the first calls
    // (socket(), connect()) stay in view while the calls outgrow it, and new calls are followed
    // only once the person has scrolled to the end.
    enum class Scrolling { FollowEnd, KeepStart };

    explicit TraceView(QWidget *parent = nullptr);

    Scrolling scrolling() const { return m_scrolling; }
    void setScrolling(Scrolling scrolling) { m_scrolling = scrolling; }
    // The height that shows this many rows whole, with the column headers and the frame.
    int heightForRows(int rows) const;

    TraceModel *traceModel() const { return m_model; }
    void setEntries(const QList<TraceEntry> &entries);
    // The selected rows, a header line first; only the header line when nothing is selected.
    QString selectedRowsAsTsv() const;
    QAction *copyAction() const { return m_copyAction; }

public slots:
    void copySelection();

protected:
    void changeEvent(QEvent *event) override;
    void updateGeometries() override;

private:
    void retranslate();
    void fitColumns();
    void fitArguments();

    TraceModel *m_model;
    QAction *m_copyAction;
    bool m_wasAtEnd = true;
    bool m_fittingArguments = false;
    Scrolling m_scrolling = Scrolling::FollowEnd;
};

} // namespace SocketLab
