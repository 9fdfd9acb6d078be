#pragma once

#include <QSplitter>

#include <functional>

namespace SocketLab {

// A splitter of two panes whose first pane takes the size its owner asks for, at every resize and
// whenever fit() is called, until a person drags the handle: from then on the split is theirs.
//
// It fits on its own resize, not its owner's: in a hidden tab the owner is resized long before its
// layout gives the splitter its size.
class FittingSplitter : public QSplitter
{
public:
    // Given the room of both panes (handle excluded), the size the first pane should have.
    using FirstSize = std::function<int(int available)>;

    FittingSplitter(Qt::Orientation orientation, FirstSize firstSize, QWidget *parent = nullptr);

    // Fits again, for when what the first pane holds has changed.
    void fit();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    FirstSize m_firstSize;
    bool m_movedByHand = false;
};

} // namespace SocketLab
