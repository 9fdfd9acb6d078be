#include "flowlayout.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace SocketLab {

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addGroup(std::initializer_list<QWidget *> widgets)
{
    auto *group = new QHBoxLayout;
    group->setContentsMargins(0, 0, 0, 0);
    // A box inside another layout takes that layout's spacing, which a flow has none of.
    group->setSpacing(QApplication::style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing));
    for (QWidget *widget : widgets)
        group->addWidget(widget);
    addItem(group);
}

void FlowLayout::setHorizontalGap(int gap)
{
    m_horizontalGap = gap;
    invalidate();
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty() && (item->expandingDirections() & Qt::Horizontal))
            return Qt::Horizontal;
    }
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item: everything else wraps.
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            size = size.expandedTo(item->minimumSize());
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // All in one row.
    int width = 0;
    int height = 0;
    int visible = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width();
        height = std::max(height, item->sizeHint().height());
        ++visible;
    }
    width += std::max(0, visible - 1) * horizontalGap();
    const QMargins margins = contentsMargins();
    return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = horizontalGap();
    QList<QLayoutItem *> visible;
    for (QLayoutItem *item : m_items) {
        if (!item->isEmpty())
            visible.append(item);
    }

    int y = area.y();
    qsizetype first = 0;
    while (first < visible.size()) {
        // The row: as many items as fit at their preferred width, at least one.
        qsizetype end = first;
        int used = 0;
        int rowHeight = 0;
        int expanding = 0;
        while (end < visible.size()) {
            const int width = std::min(visible.at(end)->sizeHint().width(), area.width());
            const int needed = used + (end > first ? gap : 0) + width;
            if (end > first && needed > area.width())
                break;
            used = needed;
            rowHeight = std::max(rowHeight, visible.at(end)->sizeHint().height());
            if (visible.at(end)->expandingDirections() & Qt::Horizontal)
                ++expanding;
            ++end;
        }
        if (apply) {
            int spare = std::max(0, area.width() - used);
            int x = area.x();
            for (qsizetype i = first; i < end; ++i) {
                QLayoutItem *item = visible.at(i);
                const QSize hint = item->sizeHint();
                int width = std::min(hint.width(), area.width());
                if (expanding > 0 && (item->expandingDirections() & Qt::Horizontal)) {
                    const int share = spare / expanding;
                    width += share;
                    spare -= share;
                    --expanding;
                }
                width = std::clamp(width, std::min(item->minimumSize().width(), area.width()), item->maximumSize().width());
                const int height = std::min(hint.height(), rowHeight);
                item->setGeometry(QRect(x, y + (rowHeight - height) / 2, width, height));
                x += width + gap;
            }
        }
        y += rowHeight;
        first = end;
        if (first < visible.size())
            y += verticalGap();
    }
    return y - area.y() + contentsMargins().top() + contentsMargins().bottom();
}

int FlowLayout::horizontalGap() const
{
    if (m_horizontalGap >= 0)
        return m_horizontalGap;
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    return owner ? owner->style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing, nullptr, owner) : 6;
}

int FlowLayout::verticalGap() const
{
    if (spacing() >= 0)
        return spacing();
    const QWidget *owner = parentWidget();
    return owner ? owner->style()->pixelMetric(QStyle::PM_LayoutVerticalSpacing, nullptr, owner) : 6;
}

} // namespace SocketLab
