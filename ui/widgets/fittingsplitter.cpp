#include "fittingsplitter.h"

namespace SocketLab {

FittingSplitter::FittingSplitter(Qt::Orientation orientation, FirstSize firstSize, QWidget *parent)
    : QSplitter(orientation, parent)
    , m_firstSize(std::move(firstSize))
{
    setChildrenCollapsible(false);
    // Emitted only for a drag of the handle, never for setSizes().
    connect(this, &QSplitter::splitterMoved, this, [this] { m_movedByHand = true; });
}

void FittingSplitter::fit()
{
    const int available = (orientation() == Qt::Vertical ? height() : width()) - handleWidth();
    if (m_movedByHand || count() != 2 || available <= 0)
        return;
    const int first = qBound(0, m_firstSize(available), available);
    setSizes({first, available - first});
}

void FittingSplitter::resizeEvent(QResizeEvent *event)
{
    // The new size is already the widget's: the panes are set for it before QSplitter lays them out,
    // which then keeps them as they are.
    fit();
    QSplitter::resizeEvent(event);
}

} // namespace SocketLab
