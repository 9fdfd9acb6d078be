#pragma once

#include "lookuprecord.h"
#include "net/socketaddress.h"

#include <QList>
#include <QWidget>

#include <optional>

class QAction;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListView;
class QModelIndex;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;

namespace SocketLab {

class AddrInfoModel;
class LookupHistory;
class Resolver;

// getaddrinfo() and getnameinfo() exactly as the C library answers them: every hint and flag, the rows
// in the order returned (as a table and as Python prints them), the time taken, errors by EAI_* name.
// Lookups run on the Resolver's threads; each section shows one lookup, a new one or Cancel drops the
// one still pending, and the two sections run independently. Every lookup goes into the session's
// history, from which it can be shown again.
class DnsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DnsPanel(QWidget *parent = nullptr);

    LookupHistory *lookupHistory() const { return m_history; }
    QListView *historyView() const { return m_historyView; }
    // Above the history: shows only the look-ups whose call or answer holds its text.
    QLineEdit *historyFilter() const { return m_historyFilter; }
    // The history's menu: the lookup picked, asked again.
    QAction *lookUpAgainAction() const { return m_lookUpAgain; }

public slots:
    // Runs the look-up whose form holds the focus: getnameinfo() in its group, getaddrinfo() elsewhere.
    void lookUp();
    // Runs getaddrinfo() with the form (Enter in the host or service field does too).
    void lookUpAddresses();
    void cancelAddressLookup();
    // Runs getnameinfo() on the address and port of the form, which must be numeric.
    void lookUpName();
    void cancelNameLookup();

signals:
    // "Use this address" (or a double-click on a row): the connection form should take this address,
    // port and family.
    void useAddress(const QString &host, quint16 port, SocketLab::IpFamily family);
    // A look-up was answered or cancelled: what the history keeps of it between runs.
    void lookupEnded(const SocketLab::LookupRecord &record);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fitToTexts();
    static QString addrInfoFlagHelp(const QString &name);
    static QString nameInfoFlagHelp(const QString &name);

    ResolveQuery addrInfoQuery() const;
    void fillAddrInfoForm(const ResolveQuery &query);
    int nameInfoFlagsChecked() const;
    void fillNameInfoForm(const NameInfoQuery &query);

    void addrInfoAnswered(quint64 id, const ResolveResult &result);
    void nameInfoAnswered(quint64 id, const NameInfoResult &result);
    void showAddrInfo();
    void showNameInfo();
    void renderAddrInfoStatus();
    void renderNameInfoStatus();
    void showStatus(QLabel *label, const QString &text, bool isError);
    void showHistoryRecord(const QModelIndex &index);
    void applyHistoryFilter();
    void useRow(int row);
    void updateButtons();

    Resolver *m_resolver;
    AddrInfoModel *m_rows;
    LookupHistory *m_history;

    QGroupBox *m_addrInfoGroup;
    QLabel *m_hostLabel;
    QLineEdit *m_host;
    QLabel *m_serviceLabel;
    QLineEdit *m_service;
    QLabel *m_familyLabel;
    QComboBox *m_family;
    QLabel *m_socketTypeLabel;
    QComboBox *m_socketType;
    QLabel *m_protocolLabel;
    QComboBox *m_protocol;
    QLabel *m_addrInfoFlagsLabel;
    QList<QCheckBox *> m_addrInfoFlags;  // parallel to addrInfoFlags()
    QPushButton *m_lookUpAddresses;
    QPushButton *m_cancelAddresses;
    QLabel *m_addrInfoTime;
    QLabel *m_addrInfoStatus;
    QTabWidget *m_views;
    QTableView *m_table;
    QPlainTextEdit *m_python;
    QPushButton *m_copyPython;
    QPushButton *m_useAddress;

    QGroupBox *m_nameInfoGroup;
    QLabel *m_addressLabel;
    QLineEdit *m_address;
    QLabel *m_portLabel;
    QSpinBox *m_port;
    QLabel *m_nameInfoFlagsLabel;
    QList<QCheckBox *> m_nameInfoFlags;  // parallel to nameInfoFlags()
    QPushButton *m_lookUpName;
    QPushButton *m_cancelName;
    QLabel *m_foundHostLabel;
    QLineEdit *m_foundHost;
    QLabel *m_foundServiceLabel;
    QLineEdit *m_foundService;
    QLabel *m_numericNote;
    QLabel *m_nameInfoTime;
    QLabel *m_nameInfoStatus;

    QGroupBox *m_historyGroup;
    QListView *m_historyView;
    QAction *m_lookUpAgain;
    QLineEdit *m_historyFilter;

    // What each section shows: the lookup pending, or the last one answered, cancelled or picked
    // from the history.
    std::optional<LookupRecord> m_addrInfoShown;
    std::optional<LookupRecord> m_nameInfoShown;
    // The reverse section's input when it was not a numeric address: shown instead of a lookup.
    std::optional<QString> m_badAddress;
};

} // namespace SocketLab
