#pragma once

#include "net/trace.h"

#include <QList>
#include <QTableView>

class QAction;

namespace SocketLab {

class TraceModel;

// The socket calls of an exchange as a timeline table. Rows can be selected and copied (Ctrl+C or the
// context menu) as tab-separated text; new calls scroll into view while the view is at its end.
class TraceView : public QTableView
{
    Q_OBJECT

public:
    explicit TraceView(QWidget *parent = nullptr);

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
};

} // namespace SocketLab
