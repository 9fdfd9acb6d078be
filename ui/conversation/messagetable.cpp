#include "messagetable.h"

#include "messagemodel.h"

#include <QHeaderView>
#include <QTableView>

namespace SocketLab {

void setUpMessageTable(QTableView &table, MessageModel &model)
{
    table.setModel(&model);
    table.setSelectionBehavior(QAbstractItemView::SelectRows);
    table.setSelectionMode(QAbstractItemView::SingleSelection);
    table.setEditTriggers(QAbstractItemView::NoEditTriggers);
    table.setWordWrap(false);
    // Tab leaves the table for the next widget rather than walking its cells.
    table.setTabKeyNavigation(false);
    table.verticalHeader()->setVisible(false);
    table.verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table.horizontalHeader()->setHighlightSections(false);
    table.horizontalHeader()->setStretchLastSection(true);
}

} // namespace SocketLab
