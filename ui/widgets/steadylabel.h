#pragma once

#include <QWidget>

class QLabel;

namespace SocketLab {

// A label whose text changes many times a second (running totals) without laying the window out
// again each time. A QLabel asks its parent's layout again at every new text; in a main window
// that relays out every panel up to the window and repaints all of it, about 2.5 ms of the GUI
// thread 30 times a second while a peer floods. Here the label sits in this box, which has no
// layout: a new text repaints the label, and the layout around the box is asked again only when
// the text needs another height (it wraps on more or fewer lines), a wider minimum, or another
// size policy. Set the label's text, word wrap and flags directly on label().
class SteadyLabel : public QWidget
{
    Q_OBJECT
public:
    explicit SteadyLabel(QWidget *parent = nullptr);

    QLabel *label() const { return m_label; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;

protected:
    bool event(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    // The height the label needs at the box's width.
    int neededHeight() const;
    // updateGeometry() when the label needs another height, minimum or size policy than the layout gave.
    void askLayoutIfNeeded();

    QLabel *m_label;
    QSize m_minimum;         // the label's minimum size hint when the layout last asked
    int m_neededHeight = -1; // the height the text needed at this width then
};

} // namespace SocketLab
