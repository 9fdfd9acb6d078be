#include "dnspanel.h"

#include "addrinfomodel.h"
#include "history/historyfolder.h"
#include "lookuphistory.h"
#include "net/resolver.h"
#include "request/editorcolors.h"
#include "text/errortext.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGridLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

// Enough columns that every flag of glibc's getaddrinfo() fits in two rows.
constexpr int FlagColumns = 5;

QList<QCheckBox *> makeFlagBoxes(const QList<FlagInfo> &table, QLatin1StringView prefix, const QString &objectPrefix,
                                 QWidget *parent)
{
    QList<QCheckBox *> boxes;
    for (const FlagInfo &info : table) {
        const QString name = QLatin1StringView(info.name);
        // The C name is the same in every language: it is what a program writes.
        auto *box = new QCheckBox(prefix + name.toUpper(), parent);
        box->setObjectName(objectPrefix + name);
        boxes.append(box);
    }
    return boxes;
}

QGridLayout *flagGrid(const QList<QCheckBox *> &boxes)
{
    auto *grid = new QGridLayout;
    for (int i = 0; i < boxes.size(); ++i)
        grid->addWidget(boxes.at(i), i / FlagColumns, i % FlagColumns);
    grid->setColumnStretch(FlagColumns, 1);
    return grid;
}

// Each item's data is the value's number, the one the tooltips and Python's repr show.
template<typename Value>
void fillCombo(QComboBox *combo, const QList<Value> &values, QString (*name)(Value))
{
    for (const Value value : values)
        combo->addItem(name(value), int(value));
}

void selectValue(QComboBox *combo, int value)
{
    const int index = combo->findData(value);
    if (index >= 0)
        combo->setCurrentIndex(index);
}

} // namespace

DnsPanel::DnsPanel(QWidget *parent)
    : QWidget(parent)
    , m_resolver(new Resolver(this))
    , m_rows(new AddrInfoModel(this))
    , m_history(new LookupHistory(this))
    , m_addrInfoGroup(new QGroupBox(this))
    , m_hostLabel(new QLabel(this))
    , m_host(new QLineEdit(this))
    , m_serviceLabel(new QLabel(this))
    , m_service(new QLineEdit(this))
    , m_familyLabel(new QLabel(this))
    , m_family(new QComboBox(this))
    , m_socketTypeLabel(new QLabel(this))
    , m_socketType(new QComboBox(this))
    , m_protocolLabel(new QLabel(this))
    , m_protocol(new QComboBox(this))
    , m_addrInfoFlagsLabel(new QLabel(this))
    , m_addrInfoFlags(makeFlagBoxes(addrInfoFlags(), QLatin1StringView("AI_"), QStringLiteral("ai_"), this))
    , m_lookUpAddresses(new QPushButton(this))
    , m_cancelAddresses(new QPushButton(this))
    , m_addrInfoTime(new QLabel(this))
    , m_addrInfoStatus(new QLabel(this))
    , m_views(new QTabWidget(this))
    , m_table(new QTableView(this))
    , m_python(new QPlainTextEdit(this))
    , m_copyPython(new QPushButton(this))
    , m_useAddress(new QPushButton(this))
    , m_nameInfoGroup(new QGroupBox(this))
    , m_addressLabel(new QLabel(this))
    , m_address(new QLineEdit(this))
    , m_portLabel(new QLabel(this))
    , m_port(new QSpinBox(this))
    , m_nameInfoFlagsLabel(new QLabel(this))
    , m_nameInfoFlags(makeFlagBoxes(nameInfoFlags(), QLatin1StringView("NI_"), QStringLiteral("ni_"), this))
    , m_lookUpName(new QPushButton(this))
    , m_cancelName(new QPushButton(this))
    , m_foundHostLabel(new QLabel(this))
    , m_foundHost(new QLineEdit(this))
    , m_foundServiceLabel(new QLabel(this))
    , m_foundService(new QLineEdit(this))
    , m_numericNote(new QLabel(this))
    , m_nameInfoTime(new QLabel(this))
    , m_nameInfoStatus(new QLabel(this))
    , m_historyGroup(new QGroupBox(this))
    , m_historyView(new QListView(this))
    , m_lookUpAgain(new QAction(this))
    , m_historyFilter(new QLineEdit(this))
{
    // Tests and the main window find the parts by these names.
    m_host->setObjectName(QStringLiteral("host"));
    m_service->setObjectName(QStringLiteral("service"));
    m_family->setObjectName(QStringLiteral("family"));
    m_socketType->setObjectName(QStringLiteral("socketType"));
    m_protocol->setObjectName(QStringLiteral("protocol"));
    // Their first item is translated: the box follows its width in every language.
    m_socketType->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_protocol->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_lookUpAddresses->setObjectName(QStringLiteral("lookUpAddresses"));
    m_cancelAddresses->setObjectName(QStringLiteral("cancelAddresses"));
    m_addrInfoTime->setObjectName(QStringLiteral("addrInfoTime"));
    m_addrInfoStatus->setObjectName(QStringLiteral("addrInfoStatus"));
    m_views->setObjectName(QStringLiteral("views"));
    m_table->setObjectName(QStringLiteral("addrInfoTable"));
    m_python->setObjectName(QStringLiteral("python"));
    m_copyPython->setObjectName(QStringLiteral("copyPython"));
    m_useAddress->setObjectName(QStringLiteral("useAddress"));
    m_address->setObjectName(QStringLiteral("address"));
    m_port->setObjectName(QStringLiteral("port"));
    m_lookUpName->setObjectName(QStringLiteral("lookUpName"));
    m_cancelName->setObjectName(QStringLiteral("cancelName"));
    m_foundHost->setObjectName(QStringLiteral("foundHost"));
    m_foundService->setObjectName(QStringLiteral("foundService"));
    m_numericNote->setObjectName(QStringLiteral("numericNote"));
    m_nameInfoTime->setObjectName(QStringLiteral("nameInfoTime"));
    m_nameInfoStatus->setObjectName(QStringLiteral("nameInfoStatus"));
    m_historyView->setObjectName(QStringLiteral("history"));

    fillCombo(m_family, hintFamilies(), familyName);
    fillCombo(m_socketType, hintSocketTypes(), socketTypeName);
    fillCombo(m_protocol, hintProtocols(), protocolName);
    m_port->setRange(0, 65535);
    m_port->setValue(80);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_table->setModel(m_rows);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    // Tab leaves the table: moving from cell to cell of a read-only answer would trap the keyboard.
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->setVisible(false);
    // The canonical name is the one column of unbounded width; the port stays beside its address.
    m_table->horizontalHeader()->setSectionResizeMode(AddrInfoModel::CanonicalName, QHeaderView::Stretch);
    m_python->setReadOnly(true);
    m_python->setFont(fixed);
    m_python->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_python->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_foundHost->setReadOnly(true);
    m_foundService->setReadOnly(true);
    for (QLabel *label : {m_addrInfoStatus, m_nameInfoStatus}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_numericNote->setVisible(false);
    m_historyView->setModel(m_history);
    m_historyView->setAlternatingRowColors(true);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    // A call with its hints and flags is long: wrapped, it stays whole in a narrow column.
    m_historyView->setWordWrap(true);
    m_historyView->setResizeMode(QListView::Adjust);

    m_hostLabel->setBuddy(m_host);
    m_serviceLabel->setBuddy(m_service);
    m_familyLabel->setBuddy(m_family);
    m_socketTypeLabel->setBuddy(m_socketType);
    m_protocolLabel->setBuddy(m_protocol);
    m_addressLabel->setBuddy(m_address);
    m_portLabel->setBuddy(m_port);
    m_foundHostLabel->setBuddy(m_foundHost);
    m_foundServiceLabel->setBuddy(m_foundService);

    // getaddrinfo(): the call's arguments in its own order, the hints, the flags, then the answer.
    auto *queryRow = new QHBoxLayout;
    queryRow->addWidget(m_hostLabel);
    queryRow->addWidget(m_host, 2);
    queryRow->addWidget(m_serviceLabel);
    queryRow->addWidget(m_service, 1);
    queryRow->addWidget(m_lookUpAddresses);
    queryRow->addWidget(m_cancelAddresses);
    auto *hintsRow = new QHBoxLayout;
    hintsRow->addWidget(m_familyLabel);
    hintsRow->addWidget(m_family);
    hintsRow->addWidget(m_socketTypeLabel);
    hintsRow->addWidget(m_socketType);
    hintsRow->addWidget(m_protocolLabel);
    hintsRow->addWidget(m_protocol);
    hintsRow->addStretch(1);
    auto *addrOutcomeRow = new QHBoxLayout;
    addrOutcomeRow->addWidget(m_addrInfoStatus, 1);
    addrOutcomeRow->addWidget(m_addrInfoTime, 0, Qt::AlignTop);
    auto *pythonPage = new QWidget(this);
    auto *pythonLayout = new QVBoxLayout(pythonPage);
    pythonLayout->addWidget(m_python, 1);
    pythonLayout->addWidget(m_copyPython, 0, Qt::AlignRight);
    m_views->addTab(m_table, QString());
    m_views->addTab(pythonPage, QString());
    auto *useLayout = new QHBoxLayout;
    useLayout->addStretch(1);
    useLayout->addWidget(m_useAddress);
    auto *addrLayout = new QVBoxLayout(m_addrInfoGroup);
    addrLayout->addLayout(queryRow);
    addrLayout->addLayout(hintsRow);
    addrLayout->addWidget(m_addrInfoFlagsLabel);
    addrLayout->addLayout(flagGrid(m_addrInfoFlags));
    addrLayout->addLayout(addrOutcomeRow);
    addrLayout->addWidget(m_views, 1);
    addrLayout->addLayout(useLayout);

    // getnameinfo(): a socket address in, a host and a service out.
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_addressLabel);
    addressRow->addWidget(m_address, 2);
    addressRow->addWidget(m_portLabel);
    addressRow->addWidget(m_port);
    addressRow->addWidget(m_lookUpName);
    addressRow->addWidget(m_cancelName);
    auto *foundRow = new QHBoxLayout;
    foundRow->addWidget(m_foundHostLabel);
    foundRow->addWidget(m_foundHost, 2);
    foundRow->addWidget(m_foundServiceLabel);
    foundRow->addWidget(m_foundService, 1);
    auto *nameOutcomeRow = new QHBoxLayout;
    nameOutcomeRow->addWidget(m_nameInfoStatus, 1);
    nameOutcomeRow->addWidget(m_nameInfoTime, 0, Qt::AlignTop);
    auto *nameLayout = new QVBoxLayout(m_nameInfoGroup);
    nameLayout->addLayout(addressRow);
    nameLayout->addWidget(m_nameInfoFlagsLabel);
    nameLayout->addLayout(flagGrid(m_nameInfoFlags));
    nameLayout->addLayout(foundRow);
    nameLayout->addWidget(m_numericNote);
    nameLayout->addLayout(nameOutcomeRow);

    auto *historyLayout = new QVBoxLayout(m_historyGroup);
    historyLayout->addWidget(m_historyFilter);
    historyLayout->addWidget(m_historyView);

    auto *lookups = new QWidget(this);
    auto *lookupsLayout = new QVBoxLayout(lookups);
    lookupsLayout->setContentsMargins(0, 0, 0, 0);
    lookupsLayout->addWidget(m_addrInfoGroup, 1);
    lookupsLayout->addWidget(m_nameInfoGroup);
    // The forms keep their height when an error sentence wraps to more lines; the answer's views take
    // what is left, never less than a few rows.
    m_views->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Ignored);
    m_views->setMinimumHeight(fontMetrics().height() * 6);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(lookups);
    splitter->addWidget(m_historyGroup);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 1);
    // Proportions, not pixels: QSplitter scales them to its width.
    splitter->setSizes({2000, 1000});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    // Reading order: each section's form top to bottom, its buttons, its answer; the history last.
    QList<QWidget *> order = {m_host, m_service, m_lookUpAddresses, m_cancelAddresses, m_family, m_socketType,
                              m_protocol};
    for (QCheckBox *box : std::as_const(m_addrInfoFlags))
        order.append(box);
    order += {m_views, m_table, m_python, m_copyPython, m_useAddress, m_address, m_port, m_lookUpName, m_cancelName};
    for (QCheckBox *box : std::as_const(m_nameInfoFlags))
        order.append(box);
    order += {m_foundHost, m_foundService, m_historyFilter, m_historyView};
    for (int i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    connect(m_resolver, &Resolver::lookupFinished, this, &DnsPanel::addrInfoAnswered);
    connect(m_resolver, &Resolver::reverseLookupFinished, this, &DnsPanel::nameInfoAnswered);
    connect(m_host, &QLineEdit::returnPressed, this, &DnsPanel::lookUpAddresses);
    connect(m_service, &QLineEdit::returnPressed, this, &DnsPanel::lookUpAddresses);
    connect(m_lookUpAddresses, &QPushButton::clicked, this, &DnsPanel::lookUpAddresses);
    connect(m_cancelAddresses, &QPushButton::clicked, this, &DnsPanel::cancelAddressLookup);
    connect(m_address, &QLineEdit::returnPressed, this, &DnsPanel::lookUpName);
    connect(m_lookUpName, &QPushButton::clicked, this, &DnsPanel::lookUpName);
    connect(m_cancelName, &QPushButton::clicked, this, &DnsPanel::cancelNameLookup);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &DnsPanel::updateButtons);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) { useRow(index.row()); });
    connect(m_useAddress, &QPushButton::clicked, this, [this] {
        const QModelIndexList selected = m_table->selectionModel()->selectedRows();
        if (!selected.isEmpty())
            useRow(selected.first().row());
    });
    connect(m_copyPython, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_python->toPlainText());
    });
    // Clicked as well as current-changed: picking the row that is already current shows it again.
    connect(m_historyView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DnsPanel::showHistoryRecord);
    connect(m_historyView, &QListView::clicked, this, &DnsPanel::showHistoryRecord);
    m_historyFilter->setObjectName(QStringLiteral("historyFilter"));
    m_historyFilter->setClearButtonEnabled(true);
    // The history's way in is its search, above the list.
    m_historyGroup->setFocusProxy(m_historyFilter);
    connect(m_historyFilter, &QLineEdit::textChanged, this, &DnsPanel::applyHistoryFilter);
    // New rows, and rows whose answer came, are filtered as they show.
    connect(m_history, &QAbstractItemModel::rowsInserted, this, &DnsPanel::applyHistoryFilter);
    connect(m_history, &QAbstractItemModel::dataChanged, this, &DnsPanel::applyHistoryFilter);
    connect(m_historyView, &QListView::activated, this, &DnsPanel::showHistoryRecord);
    // A lookup of the history asked again: its query back in the form, and looked up now.
    m_historyView->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_historyView->addAction(m_lookUpAgain);
    connect(m_lookUpAgain, &QAction::triggered, this, [this] {
        const QModelIndex index = m_historyView->currentIndex();
        if (!index.isValid())
            return;
        showHistoryRecord(index);
        if (m_history->record(index.row()).kind == LookupRecord::Kind::AddrInfo)
            lookUpAddresses();
        else
            lookUpName();
    });

    retranslate();
    updateButtons();
}

void DnsPanel::fitToTexts()
{
    // Past the style's minimum width a button's text gets a few pixels on each side: the lookups,
    // longer in French, get the margin of the shorter buttons beside them.
    const int margin = fontMetrics().horizontalAdvance(QLatin1Char('M'));
    for (QPushButton *button : {m_lookUpAddresses, m_lookUpName}) {
        const int text = button->fontMetrics().horizontalAdvance(QString(button->text()).remove(QLatin1Char('&')));
        button->setMinimumWidth(0);
        button->setMinimumWidth(std::max(button->sizeHint().width(), text + 2 * margin));
    }
    // The fields' examples stay whole instead of ending in "...".
    for (QLineEdit *edit : {m_host, m_service}) {
        const QMargins text = edit->textMargins();
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + text.left() + text.right()
                              + margin);
    }
}

void DnsPanel::retranslate()
{
    m_addrInfoGroup->setTitle(tr("Addresses of a name: getaddrinfo()"));
    m_hostLabel->setText(tr("H&ost:"));
    m_host->setPlaceholderText(tr("name or address; empty for NULL"));
    m_host->setToolTip(tr("The node argument: a host name, an IPv4 or IPv6 address, or nothing (NULL). "
                          "Press Enter to look it up."));
    m_serviceLabel->setText(tr("&Service:"));
    m_service->setPlaceholderText(tr("http or 80; empty for NULL"));
    m_service->setToolTip(tr("The service argument: a port number or a service name from /etc/services, "
                             "or nothing (NULL)."));
    m_familyLabel->setText(tr("Famil&y:"));
    m_family->setToolTip(tr("ai_family: which address families to return."));
    m_socketTypeLabel->setText(tr("Socket &type:"));
    m_socketType->setItemText(0, tr("0 (any)"));
    m_socketType->setToolTip(tr("ai_socktype: 0 returns a row for each socket type the service has."));
    m_protocolLabel->setText(tr("&Protocol:"));
    m_protocol->setItemText(0, tr("0 (any)"));
    m_protocol->setToolTip(tr("ai_protocol: 0 returns a row for each protocol of the socket type."));
    m_addrInfoFlagsLabel->setText(tr("Flags (ai_flags):"));
    const QList<FlagInfo> aiTable = addrInfoFlags();
    for (int i = 0; i < m_addrInfoFlags.size(); ++i)
        m_addrInfoFlags.at(i)->setToolTip(addrInfoFlagHelp(QLatin1StringView(aiTable.at(i).name)));
    m_lookUpAddresses->setText(tr("Loo&k up"));
    m_lookUpAddresses->setToolTip(tr("Call getaddrinfo() with this host, service, hints and flags."));
    m_cancelAddresses->setText(tr("Cancel"));
    m_cancelAddresses->setToolTip(tr("Drop the pending getaddrinfo(): its answer will not be shown."));
    m_views->setTabText(0, tr("Table"));
    m_views->setTabText(1, tr("As Python prints it"));
    m_views->setTabToolTip(1, tr("The rows as Python's socket.getaddrinfo() returns them, one tuple per line."));
    m_table->setAccessibleName(tr("Rows returned by getaddrinfo()"));
    m_python->setAccessibleName(tr("Rows as Python prints them"));
    m_python->setPlaceholderText(tr("The rows of the answer, as Python prints them."));
    m_copyPython->setText(tr("Copy"));
    m_copyPython->setToolTip(tr("Copy these lines to the clipboard."));
    m_useAddress->setText(tr("Use th&is address"));
    m_useAddress->setToolTip(tr("Put the selected row's address, port and family into the connection form "
                                "(double-clicking a row does the same)."));
    m_addrInfoStatus->setAccessibleName(tr("Outcome of getaddrinfo()"));
    m_addrInfoTime->setAccessibleName(tr("Time taken by getaddrinfo()"));

    m_nameInfoGroup->setTitle(tr("Name of an address: getnameinfo()"));
    m_addressLabel->setText(tr("&Address:"));
    m_address->setPlaceholderText(tr("127.0.0.1 or ::1"));
    m_address->setToolTip(tr("A numeric IPv4 or IPv6 address. Press Enter to look up its name."));
    m_portLabel->setText(tr("Po&rt:"));
    m_port->setToolTip(tr("The port of the socket address, whose service name is looked up."));
    m_nameInfoFlagsLabel->setText(tr("Flags:"));
    const QList<FlagInfo> niTable = nameInfoFlags();
    for (int i = 0; i < m_nameInfoFlags.size(); ++i)
        m_nameInfoFlags.at(i)->setToolTip(nameInfoFlagHelp(QLatin1StringView(niTable.at(i).name)));
    m_lookUpName->setText(tr("Look up &name"));
    m_lookUpName->setToolTip(tr("Call getnameinfo() with this address, port and flags."));
    m_cancelName->setText(tr("Cancel"));
    m_cancelName->setToolTip(tr("Drop the pending getnameinfo(): its answer will not be shown."));
    m_foundHostLabel->setText(tr("Host:"));
    m_foundServiceLabel->setText(tr("Service:"));
    m_foundHost->setAccessibleName(tr("Host found by getnameinfo()"));
    m_foundService->setAccessibleName(tr("Service found by getnameinfo()"));
    m_numericNote->setText(tr("No name found: the host above is the address in numeric form."));
    m_nameInfoStatus->setAccessibleName(tr("Outcome of getnameinfo()"));
    m_nameInfoTime->setAccessibleName(tr("Time taken by getnameinfo()"));

    m_historyGroup->setTitle(tr("Lookup history"));
    m_historyView->setAccessibleName(tr("Lookup history"));
    m_historyView->setToolTip(tr("Every lookup kept, newest first. Pick one to see its answer again; its menu looks it up again."));
    m_lookUpAgain->setText(tr("&Look up again"));
    m_historyFilter->setPlaceholderText(tr("Search: host, port, address, error…"));
    m_historyFilter->setAccessibleName(tr("Search the lookup history"));

    fitToTexts();

    m_rows->retranslate();
    // The headers have new words: the columns are measured again, as when rows arrive.
    m_table->resizeColumnsToContents();
    m_history->retranslate();
    renderAddrInfoStatus();
    renderNameInfoStatus();
}

QString DnsPanel::addrInfoFlagHelp(const QString &name)
{
    if (name == QLatin1StringView("passive"))
        return tr("With no host: the wildcard address (0.0.0.0, ::) to bind() a server to, instead of the loopback address.");
    if (name == QLatin1StringView("canonname"))
        return tr("Put the host's canonical name in the first row.");
    if (name == QLatin1StringView("numerichost"))
        return tr("The host must be a numeric address: no name is looked up.");
    if (name == QLatin1StringView("numericserv"))
        return tr("The service must be a port number: no service name is looked up.");
    if (name == QLatin1StringView("v4mapped"))
        return tr("With family AF_INET6 and no IPv6 address: return the IPv4 addresses as IPv4-mapped IPv6 addresses (::ffff:a.b.c.d).");
    if (name == QLatin1StringView("all"))
        return tr("With AI_V4MAPPED: return the IPv6 addresses and the IPv4-mapped ones.");
    if (name == QLatin1StringView("addrconfig"))
        return tr("Return only the families this machine has a non-loopback address for.");
    if (name == QLatin1StringView("idn"))
        return tr("Convert an international domain name to its ASCII form before looking it up.");
    if (name == QLatin1StringView("canonidn"))
        return tr("With AI_CANONNAME: convert the canonical name from its ASCII form back to Unicode.");
    return {};
}

QString DnsPanel::nameInfoFlagHelp(const QString &name)
{
    if (name == QLatin1StringView("numerichost"))
        return tr("Return the address in numeric form: no name is looked up.");
    if (name == QLatin1StringView("numericserv"))
        return tr("Return the port as a number: no service name is looked up.");
    if (name == QLatin1StringView("nofqdn"))
        return tr("For a host of the local domain, return only the first part of its name.");
    if (name == QLatin1StringView("namereqd"))
        return tr("Fail when no name is found, instead of returning the address in numeric form.");
    if (name == QLatin1StringView("dgram"))
        return tr("Look up the service of a UDP port rather than a TCP one.");
    if (name == QLatin1StringView("idn"))
        return tr("Convert a name found in its ASCII form back to Unicode.");
    return {};
}

void DnsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
    } else if (event->type() == QEvent::PaletteChange) {
        // The error colour is chosen for the palette's lightness.
        renderAddrInfoStatus();
        renderNameInfoStatus();
    }
    QWidget::changeEvent(event);
}

ResolveQuery DnsPanel::addrInfoQuery() const
{
    ResolveQuery query;
    query.host = m_host->text().trimmed();
    query.service = m_service->text().trimmed();
    query.family = IpFamily(m_family->currentData().toInt());
    query.socketType = SocketKind(m_socketType->currentData().toInt());
    query.protocol = m_protocol->currentData().toInt();
    const QList<FlagInfo> table = addrInfoFlags();
    for (int i = 0; i < m_addrInfoFlags.size(); ++i) {
        if (m_addrInfoFlags.at(i)->isChecked())
            query.flags |= table.at(i).value;
    }
    return query;
}

void DnsPanel::fillAddrInfoForm(const ResolveQuery &query)
{
    m_host->setText(query.host);
    m_service->setText(query.service);
    selectValue(m_family, int(query.family));
    selectValue(m_socketType, int(query.socketType));
    selectValue(m_protocol, query.protocol);
    const QList<FlagInfo> table = addrInfoFlags();
    for (int i = 0; i < m_addrInfoFlags.size(); ++i)
        m_addrInfoFlags.at(i)->setChecked((query.flags & table.at(i).value) == table.at(i).value);
}

int DnsPanel::nameInfoFlagsChecked() const
{
    int flags = 0;
    const QList<FlagInfo> table = nameInfoFlags();
    for (int i = 0; i < m_nameInfoFlags.size(); ++i) {
        if (m_nameInfoFlags.at(i)->isChecked())
            flags |= table.at(i).value;
    }
    return flags;
}

void DnsPanel::fillNameInfoForm(const NameInfoQuery &query)
{
    m_address->setText(query.address.host());
    m_port->setValue(query.address.port());
    const QList<FlagInfo> table = nameInfoFlags();
    for (int i = 0; i < m_nameInfoFlags.size(); ++i)
        m_nameInfoFlags.at(i)->setChecked((query.flags & table.at(i).value) == table.at(i).value);
}

void DnsPanel::lookUp()
{
    if (m_nameInfoGroup->isAncestorOf(focusWidget()))
        lookUpName();
    else
        lookUpAddresses();
}

void DnsPanel::lookUpAddresses()
{
    cancelAddressLookup();
    LookupRecord record;
    record.kind = LookupRecord::Kind::AddrInfo;
    record.startedAt = QDateTime::currentDateTime();
    record.addrInfoQuery = addrInfoQuery();
    record.historyId = HistoryFolder::newId(record.startedAt);
    record.id = m_resolver->lookup(record.addrInfoQuery);
    m_history->add(record);
    m_addrInfoShown = record;
    showAddrInfo();
}

void DnsPanel::cancelAddressLookup()
{
    if (!m_addrInfoShown || m_addrInfoShown->state != LookupRecord::State::Pending)
        return;
    m_resolver->cancel(m_addrInfoShown->id);
    m_addrInfoShown->state = LookupRecord::State::Cancelled;
    m_history->update(*m_addrInfoShown);
    emit lookupEnded(*m_addrInfoShown);
    showAddrInfo();
}

void DnsPanel::lookUpName()
{
    cancelNameLookup();
    const QString text = m_address->text().trimmed();
    const std::optional<SocketAddress> address = SocketAddress::fromNumeric(text, quint16(m_port->value()));
    if (!address) {
        m_badAddress = text;
        m_nameInfoShown.reset();
        showNameInfo();
        return;
    }
    m_badAddress.reset();
    LookupRecord record;
    record.kind = LookupRecord::Kind::NameInfo;
    record.startedAt = QDateTime::currentDateTime();
    record.nameInfoQuery.address = *address;
    record.nameInfoQuery.flags = nameInfoFlagsChecked();
    record.historyId = HistoryFolder::newId(record.startedAt);
    record.id = m_resolver->reverseLookup(record.nameInfoQuery);
    m_history->add(record);
    m_nameInfoShown = record;
    showNameInfo();
}

void DnsPanel::cancelNameLookup()
{
    if (!m_nameInfoShown || m_nameInfoShown->state != LookupRecord::State::Pending)
        return;
    m_resolver->cancel(m_nameInfoShown->id);
    m_nameInfoShown->state = LookupRecord::State::Cancelled;
    m_history->update(*m_nameInfoShown);
    emit lookupEnded(*m_nameInfoShown);
    showNameInfo();
}

void DnsPanel::addrInfoAnswered(quint64 id, const ResolveResult &result)
{
    // The Resolver delivers only lookups not cancelled, and each section cancels the lookup it stops
    // showing; the check keeps a stray answer from ever replacing what the form describes.
    if (!m_addrInfoShown || m_addrInfoShown->id != id)
        return;
    m_addrInfoShown->state = LookupRecord::State::Answered;
    m_addrInfoShown->addrInfoResult = result;
    m_history->update(*m_addrInfoShown);
    emit lookupEnded(*m_addrInfoShown);
    showAddrInfo();
}

void DnsPanel::nameInfoAnswered(quint64 id, const NameInfoResult &result)
{
    if (!m_nameInfoShown || m_nameInfoShown->id != id)
        return;
    m_nameInfoShown->state = LookupRecord::State::Answered;
    m_nameInfoShown->nameInfoResult = result;
    m_history->update(*m_nameInfoShown);
    emit lookupEnded(*m_nameInfoShown);
    showNameInfo();
}

void DnsPanel::showAddrInfo()
{
    const bool answered = m_addrInfoShown && m_addrInfoShown->state == LookupRecord::State::Answered;
    m_rows->setRows(answered ? m_addrInfoShown->addrInfoResult.rows : QList<AddrInfoRow>());
    m_python->setPlainText(m_rows->pythonText());
    m_table->resizeColumnsToContents();
    // The first row is the one connect() would try first: ready for "Use this address".
    if (m_rows->rowCount() > 0)
        m_table->selectRow(0);
    renderAddrInfoStatus();
    updateButtons();
}

void DnsPanel::showNameInfo()
{
    const bool found = m_nameInfoShown && m_nameInfoShown->state == LookupRecord::State::Answered
                       && !m_nameInfoShown->error().isError();
    m_foundHost->setText(found ? m_nameInfoShown->nameInfoResult.host : QString());
    m_foundService->setText(found ? m_nameInfoShown->nameInfoResult.service : QString());
    m_numericNote->setVisible(found && m_nameInfoShown->nameInfoResult.hostIsNumeric);
    renderNameInfoStatus();
    updateButtons();
}

void DnsPanel::renderAddrInfoStatus()
{
    m_addrInfoTime->clear();
    if (!m_addrInfoShown) {
        showStatus(m_addrInfoStatus, QString(), false);
        return;
    }
    const LookupRecord &record = *m_addrInfoShown;
    switch (record.state) {
    case LookupRecord::State::Pending:
        showStatus(m_addrInfoStatus, tr("Looking up…"), false);
        return;
    case LookupRecord::State::Cancelled:
        showStatus(m_addrInfoStatus, tr("Cancelled: the answer is dropped when it comes."), false);
        return;
    case LookupRecord::State::Answered:
        break;
    }
    m_addrInfoTime->setText(tr("Time taken: %1 ms").arg(millisecondsText(record.elapsedUs())));
    if (record.error().isError()) {
        // The sentence names the code once: a prefix of it would say it twice.
        showStatus(m_addrInfoStatus, ErrorText::describe(record.error()), true);
        return;
    }
    showStatus(m_addrInfoStatus,
               tr("%n row(s), in the order getaddrinfo() returned them.", nullptr,
                  int(record.addrInfoResult.rows.size())),
               false);
}

void DnsPanel::renderNameInfoStatus()
{
    m_nameInfoTime->clear();
    if (m_badAddress) {
        showStatus(m_nameInfoStatus,
                   m_badAddress->isEmpty()
                       ? tr("Type a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1.")
                       : tr("“%1” is not a numeric IPv4 or IPv6 address: getnameinfo() takes an address, not a name.")
                             .arg(*m_badAddress),
                   true);
        return;
    }
    if (!m_nameInfoShown) {
        showStatus(m_nameInfoStatus, QString(), false);
        return;
    }
    const LookupRecord &record = *m_nameInfoShown;
    switch (record.state) {
    case LookupRecord::State::Pending:
        showStatus(m_nameInfoStatus, tr("Looking up…"), false);
        return;
    case LookupRecord::State::Cancelled:
        showStatus(m_nameInfoStatus, tr("Cancelled: the answer is dropped when it comes."), false);
        return;
    case LookupRecord::State::Answered:
        break;
    }
    m_nameInfoTime->setText(tr("Time taken: %1 ms").arg(millisecondsText(record.elapsedUs())));
    if (record.error().isError()) {
        showStatus(m_nameInfoStatus, ErrorText::describe(record.error()), true);
        return;
    }
    showStatus(m_nameInfoStatus, QString(), false);
}

void DnsPanel::showStatus(QLabel *label, const QString &text, bool isError)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
    if (!isError) {
        label->setPalette(QPalette());
        return;
    }
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, EditorColors::forPalette(this->palette()).error);
    label->setPalette(palette);
}

void DnsPanel::applyHistoryFilter()
{
    const QString text = m_historyFilter->text().trimmed();
    for (int row = 0; row < m_history->rowCount(); ++row)
        m_historyView->setRowHidden(row, !LookupHistory::matches(m_history->record(row), text));
}

void DnsPanel::showHistoryRecord(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const LookupRecord record = m_history->record(index.row());
    if (record.kind == LookupRecord::Kind::AddrInfo) {
        // What the section shows must match its form: a pending lookup of another query is dropped.
        if (!m_addrInfoShown || m_addrInfoShown->id != record.id)
            cancelAddressLookup();
        m_addrInfoShown = record;
        fillAddrInfoForm(record.addrInfoQuery);
        showAddrInfo();
        return;
    }
    if (!m_nameInfoShown || m_nameInfoShown->id != record.id)
        cancelNameLookup();
    m_badAddress.reset();
    m_nameInfoShown = record;
    fillNameInfoForm(record.nameInfoQuery);
    showNameInfo();
}

void DnsPanel::useRow(int row)
{
    if (row < 0 || row >= m_rows->rowCount())
        return;
    const AddrInfoRow &info = m_rows->rows().at(row);
    emit useAddress(info.address.host(), info.address.port(), info.family);
}

void DnsPanel::updateButtons()
{
    m_cancelAddresses->setEnabled(m_addrInfoShown && m_addrInfoShown->state == LookupRecord::State::Pending);
    m_cancelName->setEnabled(m_nameInfoShown && m_nameInfoShown->state == LookupRecord::State::Pending);
    m_useAddress->setEnabled(m_table->selectionModel()->hasSelection());
    m_copyPython->setEnabled(m_rows->rowCount() > 0);
}

} // namespace SocketLab
