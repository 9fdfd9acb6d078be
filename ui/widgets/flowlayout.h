#pragma once

#include <QLayout>
#include <QList>

#include <initializer_list>

namespace SocketLab {

// Lays its items out left to right at their preferred width and starts a new row when the next one
// does not fit: a form's row of controls wraps instead of forcing its width on the window. In each
// row the items that expand horizontally share the width left over; every item keeps its preferred
// height, centred in its row.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    // Widgets that stay together on one row, such as a label and its field.
    void addGroup(std::initializer_list<QWidget *> widgets);

    // The room between the items of a row; the style's by default.
    void setHorizontalGap(int gap);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    // Places the items in rect when apply is true; returns the height they take at rect's width.
    int arrange(const QRect &rect, bool apply) const;
    int horizontalGap() const;
    int verticalGap() const;

    QList<QLayoutItem *> m_items;
    int m_horizontalGap = -1;
};

} // namespace SocketLab
