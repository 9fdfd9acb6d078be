#pragma once

#include "net/multicast.h"

#include <QList>
#include <QWidget>

class QGridLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace SocketLab {

class InterfaceCombo;

// The multicast groups a UDP listener joins, one row each: the group as typed ("239.1.2.3",
// "ff12::1", or source-specific "10.0.0.5>232.1.1.1"), the interface it is joined on (any, or one of
// the machine's), and a button that takes the row away. Each row is read with Multicast::parseGroup,
// so the form refuses what the CLI's --join refuses, with the same sentence and the row's number.
class MulticastGroupsEdit : public QWidget
{
    Q_OBJECT
public:
    explicit MulticastGroupsEdit(QWidget *parent = nullptr);

    // The groups of the rows that parse, in row order.
    QList<MulticastGroup> groups() const;
    // False with *problem (translated) naming the first row that does not parse and why.
    bool isComplete(QString *problem) const;

    int rowCount() const { return int(m_rows.size()); }
    QLineEdit *groupEdit(int row) const { return m_rows.at(row).edit; }
    InterfaceCombo *interfaceCombo(int row) const { return m_rows.at(row).interface; }
    QToolButton *removeButton(int row) const { return m_rows.at(row).remove; }
    QPushButton *addButton() const { return m_add; }

public slots:
    // A row with this group and interface (empty: any), the focus in its group field.
    void addGroup(const QString &text = {}, const QString &interfaceName = {});
    void removeGroup(int row);

signals:
    // A row was added, removed or edited.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Row
    {
        QLabel *number;
        QLineEdit *edit;
        QLabel *on;
        InterfaceCombo *interface;
        QToolButton *remove;
    };

    // The row's group, or nullopt with *error.
    std::optional<MulticastGroup> parse(int row, MulticastParseError *error) const;
    void relayout();
    void retranslate();

    QLabel *m_title;
    QLabel *m_empty;
    QPushButton *m_add;
    QGridLayout *m_grid;
    QList<Row> m_rows;
};

} // namespace SocketLab
