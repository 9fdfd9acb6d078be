#include "traceview.h"

#include "tracemodel.h"

#include <QAction>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QScrollBar>

#include <algorithm>

namespace SocketLab {

TraceView::TraceView(QWidget *parent)
    : QTableView(parent)
    , m_model(new TraceModel(this))
    , m_copyAction(new QAction(this))
{
    setModel(m_model);
    retranslate();
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    // Tab leaves the table for the next control, as in the other tables; the arrow keys move between
    // the calls. Moving from cell to cell would hold the keyboard for a stop in every cell.
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    horizontalHeader()->setHighlightSections(false);
    fitColumns();

    m_copyAction->setShortcut(QKeySequence::Copy);
    m_copyAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copyAction->setEnabled(false);
    connect(m_copyAction, &QAction::triggered, this, &TraceView::copySelection);
    addAction(m_copyAction);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { m_copyAction->setEnabled(selectionModel()->hasSelection()); });
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { m_copyAction->setEnabled(selectionModel()->hasSelection()); });

    // Follow new calls while the person is looking at the newest ones, stay put otherwise. While
    // every call fits, the view is at its start as much as at its end: an exchange's view stays at
    // its start then.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = verticalScrollBar();
        m_wasAtEnd = bar->value() == bar->maximum() && (m_scrolling == Scrolling::FollowEnd || bar->value() > 0);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_wasAtEnd)
            scrollToBottom();
    });
}

void TraceView::retranslate()
{
    m_copyAction->setText(tr("&Copy"));
    setAccessibleName(tr("Socket calls"));
}

void TraceView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        m_model->retranslate();
    }
    QTableView::changeEvent(event);
}

void TraceView::setEntries(const QList<TraceEntry> &entries)
{
    m_model->setEntries(entries);
    // The header sizes its columns to their contents only when a scroll bar comes or goes: a short
    // exchange that fits would keep the widths of the empty table ("g…" for getaddrinfo).
    for (int column = 0; column < TraceModel::ColumnCount; ++column) {
        if (column != TraceModel::Arguments)
            resizeColumnToContents(column);
    }
    fitArguments();
}

int TraceView::heightForRows(int rows) const
{
    return horizontalHeader()->sizeHint().height() + rows * verticalHeader()->defaultSectionSize() + 2 * frameWidth();
}

QString TraceView::selectedRowsAsTsv() const
{
    QList<int> rows;
    for (const QModelIndex &index : selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return m_model->toTsv(rows);
}

void TraceView::copySelection()
{
    if (!selectionModel()->hasSelection())
        return;
    QGuiApplication::clipboard()->setText(selectedRowsAsTsv());
}

void TraceView::fitColumns()
{
    // The style's default row is made for icons; one line of text (either font) needs less.
    const int lineHeight = std::max(fontMetrics().height(),
                                    QFontMetrics(QFontDatabase::systemFont(QFontDatabase::FixedFont)).height());
    verticalHeader()->setMinimumSectionSize(1);
    verticalHeader()->setDefaultSectionSize(lineHeight * 5 / 4);

    QHeaderView *header = horizontalHeader();
    header->setMinimumSectionSize(fontMetrics().horizontalAdvance(QLatin1Char('M')) * 3);
    for (int column = 0; column < TraceModel::ColumnCount; ++column)
        header->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    // The arguments are the long, variable part: they take the room left (fitArguments()) and elide
    // at the end; the tooltip keeps them whole.
    header->setSectionResizeMode(TraceModel::Arguments, QHeaderView::Fixed);
    header->setStretchLastSection(false);
}

void TraceView::updateGeometries()
{
    // Called on every resize of the view and change of the other columns: the arguments follow.
    QTableView::updateGeometries();
    if (m_fittingArguments)
        return;
    m_fittingArguments = true;
    fitArguments();
    m_fittingArguments = false;
}

void TraceView::fitArguments()
{
    // A stretched column shrinks to a few characters in a narrow pane ("25, ..."): this one keeps
    // enough for a socket's three arguments or an address and port, and the table scrolls sideways.
    const QHeaderView *header = horizontalHeader();
    int others = 0;
    for (int column = 0; column < TraceModel::ColumnCount; ++column) {
        if (column != TraceModel::Arguments && !header->isSectionHidden(column))
            others += header->sectionSize(column);
    }
    const QFontMetrics fixed(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const int least = std::max(fixed.horizontalAdvance(QLatin1Char('0')) * 28, header->sectionSizeHint(TraceModel::Arguments));
    horizontalHeader()->resizeSection(TraceModel::Arguments, std::max(least, viewport()->width() - others));
}

} // namespace SocketLab
