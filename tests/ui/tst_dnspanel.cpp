#include "dns/addrinfomodel.h"
#include "dns/dnspanel.h"
#include "net/resolver.h"
#include "text/errortext.h"

#include <QApplication>
#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFontDatabase>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <memory>

using namespace SocketLab;

namespace {

// A getaddrinfo() of glibc answers in microseconds here, but a name server can take resolv.conf's
// timeout times its attempts.
constexpr int AnswerTimeoutMs = 30000;

template<typename Value>
int hintValue(const QList<Value> &values, QString (*name)(Value), const QString &wanted)
{
    for (const Value value : values) {
        if (name(value) == wanted)
            return int(value);
    }
    qFatal("no hint value named %s", qPrintable(wanted));
}

int family(const char *name)
{
    return hintValue(hintFamilies(), familyName, QLatin1StringView(name));
}

int socketType(const char *name)
{
    return hintValue(hintSocketTypes(), socketTypeName, QLatin1StringView(name));
}

int protocol(const char *name)
{
    return hintValue(hintProtocols(), protocolName, QLatin1StringView(name));
}

int flagValue(const QList<FlagInfo> &table, const QString &name)
{
    for (const FlagInfo &info : table) {
        if (name == QLatin1StringView(info.name))
            return info.value;
    }
    qFatal("no flag named %s", qPrintable(name));
}

QStringList sortedUnique(QStringList list)
{
    list.sort();
    list.removeDuplicates();
    return list;
}

// The names /etc/hosts gives an address, each with the first address it lists for it.
QList<std::pair<QString, QString>> hostsFileNames(int limit)
{
    QList<std::pair<QString, QString>> names;
    QFile file(QStringLiteral("/etc/hosts"));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return names;
    QStringList seen;
    while (!file.atEnd() && names.size() < limit) {
        const QString line = QString::fromUtf8(file.readLine()).section(u'#', 0, 0).simplified();
        const QStringList fields = line.split(u' ', Qt::SkipEmptyParts);
        for (qsizetype i = 1; i < fields.size() && names.size() < limit; ++i) {
            if (seen.contains(fields.at(i)))
                continue;
            seen.append(fields.at(i));
            names.append({fields.at(i), fields.at(0)});
        }
    }
    return names;
}

// Marks every string of SocketLab's contexts, so a test sees which texts went through tr() again.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *, int) const override
    {
        if (!QByteArrayView(context).startsWith("SocketLab::"))
            return {};
        return QStringLiteral("‹%1›").arg(QString::fromUtf8(sourceText));
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestDnsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void formOffersEveryHintAndFlag();
    void addresses_data();
    void addresses();
    void unknownNameShowsCodeAndSentence();
    void pythonViewIsTheRowsRepr();
    void copyPythonText();
    void enterInHostRunsTheLookup();
    void useThisAddress_data();
    void useThisAddress();
    void doubleClickUsesTheRow();
    void newLookupDropsThePendingOne();
    void cancelDropsTheAnswer();
    void bothSectionsRunAtOnce();
    void names_data();
    void names();
    void badAddressIsRefused_data();
    void badAddressIsRefused();
    void historyShowsAnswersAgain();
    void historyPickDropsThePendingLookup();
    void aLookupOfTheHistoryIsAskedAgain();
    void errorsReadOnADarkPalette();
    void tabOrderFollowsTheForm();
    void languageChangeRetranslatesEverything();
    void destroyedWithLookupsPending();

private:
    template <typename T>
    T *part(const char *name) const;
    void setForm(const QString &host, const QString &service, int family = 0, int socketType = 0, int protocol = 0,
                 const QStringList &flags = {});
    void setReverseForm(const QString &address, int port, const QStringList &flags = {});
    void waitForAddresses();
    void waitForName();
    QStringList column(int column) const;
    QList<AddrInfoRow> shownRows() const;

    std::unique_ptr<DnsPanel> m_panel;
};

template <typename T>
T *TestDnsPanel::part(const char *name) const
{
    T *found = m_panel->findChild<T *>(QLatin1StringView(name));
    if (!found)
        qFatal("DnsPanel has no %s", name);
    return found;
}

void TestDnsPanel::initTestCase()
{
    QLocale::setDefault(QLocale::c());
}

void TestDnsPanel::init()
{
    m_panel = std::make_unique<DnsPanel>();
    m_panel->resize(1200, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestDnsPanel::cleanup()
{
    m_panel.reset();
}

void TestDnsPanel::setForm(const QString &host, const QString &service, int family, int socketType, int protocol,
                           const QStringList &flags)
{
    auto *hostEdit = part<QLineEdit>("host");
    hostEdit->clear();
    QTest::keyClicks(hostEdit, host);
    auto *serviceEdit = part<QLineEdit>("service");
    serviceEdit->clear();
    QTest::keyClicks(serviceEdit, service);
    auto *familyCombo = part<QComboBox>("family");
    familyCombo->setCurrentIndex(familyCombo->findData(family));
    auto *typeCombo = part<QComboBox>("socketType");
    typeCombo->setCurrentIndex(typeCombo->findData(socketType));
    auto *protocolCombo = part<QComboBox>("protocol");
    protocolCombo->setCurrentIndex(protocolCombo->findData(protocol));
    for (const FlagInfo &info : addrInfoFlags()) {
        const QString name = QLatin1StringView(info.name);
        auto *box = part<QCheckBox>(qPrintable(QStringLiteral("ai_") + name));
        if (box->isChecked() != flags.contains(name))
            QTest::mouseClick(box, Qt::LeftButton);
        QCOMPARE(box->isChecked(), flags.contains(name));
    }
}

void TestDnsPanel::setReverseForm(const QString &address, int port, const QStringList &flags)
{
    auto *addressEdit = part<QLineEdit>("address");
    addressEdit->clear();
    QTest::keyClicks(addressEdit, address);
    part<QSpinBox>("port")->setValue(port);
    for (const FlagInfo &info : nameInfoFlags()) {
        const QString name = QLatin1StringView(info.name);
        auto *box = part<QCheckBox>(qPrintable(QStringLiteral("ni_") + name));
        if (box->isChecked() != flags.contains(name))
            QTest::mouseClick(box, Qt::LeftButton);
        QCOMPARE(box->isChecked(), flags.contains(name));
    }
}

void TestDnsPanel::waitForAddresses()
{
    QTRY_VERIFY_WITH_TIMEOUT(!part<QPushButton>("cancelAddresses")->isEnabled(), AnswerTimeoutMs);
}

void TestDnsPanel::waitForName()
{
    QTRY_VERIFY_WITH_TIMEOUT(!part<QPushButton>("cancelName")->isEnabled(), AnswerTimeoutMs);
}

QStringList TestDnsPanel::column(int column) const
{
    const QAbstractItemModel *model = part<QTableView>("addrInfoTable")->model();
    QStringList texts;
    for (int row = 0; row < model->rowCount(); ++row)
        texts.append(model->index(row, column).data().toString());
    return texts;
}

QList<AddrInfoRow> TestDnsPanel::shownRows() const
{
    return qobject_cast<AddrInfoModel *>(part<QTableView>("addrInfoTable")->model())->rows();
}

void TestDnsPanel::formOffersEveryHintAndFlag()
{
    for (const FlagInfo &info : addrInfoFlags()) {
        const QString name = QLatin1StringView(info.name);
        QCOMPARE(part<QCheckBox>(qPrintable(QStringLiteral("ai_") + name))->text(), QStringLiteral("AI_") + name.toUpper());
    }
    for (const FlagInfo &info : nameInfoFlags()) {
        const QString name = QLatin1StringView(info.name);
        QCOMPARE(part<QCheckBox>(qPrintable(QStringLiteral("ni_") + name))->text(), QStringLiteral("NI_") + name.toUpper());
    }
    QCOMPARE(m_panel->findChildren<QCheckBox *>().size(), addrInfoFlags().size() + nameInfoFlags().size());

    const auto values = [](const QComboBox *combo) {
        QList<int> list;
        for (int i = 0; i < combo->count(); ++i)
            list.append(combo->itemData(i).toInt());
        return list;
    };
    const auto numbers = [](const auto &hints) {
        QList<int> list;
        for (const auto value : hints)
            list.append(int(value));
        return list;
    };
    QCOMPARE(values(part<QComboBox>("family")), numbers(hintFamilies()));
    QCOMPARE(values(part<QComboBox>("socketType")), numbers(hintSocketTypes()));
    QCOMPARE(values(part<QComboBox>("protocol")), hintProtocols());
    QCOMPARE(part<QComboBox>("family")->itemText(2), QStringLiteral("AF_INET6"));
    QCOMPARE(part<QComboBox>("socketType")->itemText(1), QStringLiteral("SOCK_STREAM"));
    QCOMPARE(part<QComboBox>("protocol")->itemText(2), QStringLiteral("IPPROTO_UDP"));
    QVERIFY(!part<QPushButton>("cancelAddresses")->isEnabled());
    QVERIFY(!part<QPushButton>("useAddress")->isEnabled());
}

void TestDnsPanel::addresses_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("socketType");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QStringList>("errors");     // the EAI_* names allowed; empty: the lookup succeeds
    QTest::addColumn<QStringList>("addresses");  // every address the rows hold; empty: not checked
    QTest::addColumn<QString>("mustInclude");    // an address among the rows; empty: not checked
    QTest::addColumn<int>("port");               // -1: not checked
    QTest::addColumn<QString>("rowFamily");      // every row's; empty: not checked
    QTest::addColumn<QString>("rowSocketType");
    QTest::addColumn<QString>("firstCanonicalName");

    const int inet = family("AF_INET");
    const int inet6 = family("AF_INET6");
    const QStringList none;
    const QStringList v4{QStringLiteral("127.0.0.1")};
    const QStringList v6{QStringLiteral("::1")};
    const QString any;
    const QStringList noName{QStringLiteral("EAI_NONAME")};

    QTest::newRow("localhost") << QStringLiteral("localhost") << any << 0 << 0 << 0 << none << none << none
                               << QStringLiteral("127.0.0.1") << -1 << any << any << QString();
    QTest::newRow("numeric IPv4") << QStringLiteral("127.0.0.1") << any << 0 << 0 << 0 << none << none << v4 << any
                                  << 0 << QStringLiteral("AF_INET") << any << QString();
    QTest::newRow("numeric IPv6") << QStringLiteral("::1") << any << 0 << 0 << 0 << none << none << v6 << any << 0
                                  << QStringLiteral("AF_INET6") << any << QString();
    QTest::newRow("service name") << QStringLiteral("127.0.0.1") << QStringLiteral("http") << 0 << 0 << 0 << none
                                  << none << v4 << any << 80 << any << QStringLiteral("SOCK_STREAM") << QString();
    QTest::newRow("port number") << QStringLiteral("::1") << QStringLiteral("8080") << 0 << 0 << 0 << none << none
                                 << v6 << any << 8080 << any << any << QString();
    QTest::newRow("canonname") << QStringLiteral("localhost") << any << inet << 0 << 0
                               << QStringList{QStringLiteral("canonname")} << none << v4 << any << -1 << any << any
                               << QStringLiteral("localhost");
    QTest::newRow("numerichost with a name") << QStringLiteral("localhost") << any << 0 << 0 << 0
                                             << QStringList{QStringLiteral("numerichost")} << noName << none << any
                                             << -1 << any << any << QString();
    QTest::newRow("numerichost with an address") << QStringLiteral("127.0.0.1") << any << 0 << 0 << 0
                                                 << QStringList{QStringLiteral("numerichost")} << none << v4 << any
                                                 << -1 << any << any << QString();
    QTest::newRow("numericserv with a name") << QStringLiteral("127.0.0.1") << QStringLiteral("http") << 0 << 0 << 0
                                             << QStringList{QStringLiteral("numericserv")} << noName << none << any
                                             << -1 << any << any << QString();
    QTest::newRow("numericserv with a number") << QStringLiteral("127.0.0.1") << QStringLiteral("80") << 0 << 0 << 0
                                               << QStringList{QStringLiteral("numericserv")} << none << v4 << any
                                               << 80 << any << any << QString();
    QTest::newRow("no host") << any << QStringLiteral("80") << 0 << 0 << 0 << none << none
                             << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")} << any << 80 << any
                             << any << QString();
    QTest::newRow("passive, no host") << any << QStringLiteral("80") << 0 << 0 << 0
                                      << QStringList{QStringLiteral("passive")} << none
                                      << QStringList{QStringLiteral("0.0.0.0"), QStringLiteral("::")} << any << 80
                                      << any << any << QString();
    QTest::newRow("IPv6 family, IPv4 address") << QStringLiteral("127.0.0.1") << any << inet6 << 0 << 0 << none
                                               << QStringList{QStringLiteral("EAI_ADDRFAMILY"), QStringLiteral("EAI_NONAME"),
                                                              QStringLiteral("EAI_FAMILY")}
                                               << none << any << -1 << any << any << QString();
    QTest::newRow("v4mapped") << QStringLiteral("127.0.0.1") << any << inet6 << 0 << 0
                              << QStringList{QStringLiteral("v4mapped")} << none
                              << QStringList{QStringLiteral("::ffff:127.0.0.1")} << any << -1
                              << QStringLiteral("AF_INET6") << any << QString();
    QTest::newRow("family AF_INET") << QStringLiteral("localhost") << any << inet << 0 << 0 << none << none << v4
                                    << any << -1 << QStringLiteral("AF_INET") << any << QString();
    QTest::newRow("family AF_INET, IPv6 address") << QStringLiteral("::1") << any << inet << 0 << 0 << none
                                                  << QStringList{QStringLiteral("EAI_ADDRFAMILY"), QStringLiteral("EAI_NONAME"),
                                                                 QStringLiteral("EAI_FAMILY")}
                                                  << none << any << -1 << any << any << QString();
    QTest::newRow("SOCK_DGRAM") << QStringLiteral("127.0.0.1") << QStringLiteral("53") << 0 << socketType("SOCK_DGRAM")
                                << 0 << none << none << v4 << any << 53 << any << QStringLiteral("SOCK_DGRAM")
                                << QString();
    QTest::newRow("IPPROTO_TCP") << QStringLiteral("::1") << any << 0 << 0 << protocol("IPPROTO_TCP") << none
                                 << none << v6 << any << -1 << any << QStringLiteral("SOCK_STREAM") << QString();
    for (const auto &[name, address] : hostsFileNames(4)) {
        QTest::addRow("/etc/hosts: %s", qPrintable(name))
            << name << any << 0 << 0 << 0 << none << none << none << address << -1 << any << any << QString();
    }
}

void TestDnsPanel::addresses()
{
    QFETCH(QString, host);
    QFETCH(QString, service);
    QFETCH(int, family);
    QFETCH(int, socketType);
    QFETCH(int, protocol);
    QFETCH(QStringList, flags);
    QFETCH(QStringList, errors);
    QFETCH(QStringList, addresses);
    QFETCH(QString, mustInclude);
    QFETCH(int, port);
    QFETCH(QString, rowFamily);
    QFETCH(QString, rowSocketType);
    QFETCH(QString, firstCanonicalName);

    setForm(host, service, family, socketType, protocol, flags);
    QTest::mouseClick(part<QPushButton>("lookUpAddresses"), Qt::LeftButton);
    waitForAddresses();

    // The panel shows what the C library answers to the same call, row for row.
    ResolveQuery query;
    query.host = host;
    query.service = service;
    query.family = IpFamily(family);
    query.socketType = SocketKind(socketType);
    query.protocol = protocol;
    for (const QString &flag : flags)
        query.flags |= flagValue(addrInfoFlags(), flag);
    const ResolveResult expected = resolve(query);
    const QList<AddrInfoRow> rows = shownRows();
    QCOMPARE(rows.size(), expected.rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i)
        QCOMPARE(rows.at(i).toPythonRepr(), expected.rows.at(i).toPythonRepr());

    const QString status = part<QLabel>("addrInfoStatus")->text();
    QVERIFY2(part<QLabel>("addrInfoTime")->text().contains(QRegularExpression(QStringLiteral("^Time taken: \\d+\\.\\d\\d ms$"))),
             qPrintable(part<QLabel>("addrInfoTime")->text()));
    if (!errors.isEmpty()) {
        QVERIFY(rows.isEmpty());
        QVERIFY2(expected.error.isError() && errors.contains(expected.error.codeName()), qPrintable(expected.error.codeName()));
        QCOMPARE(status, ErrorText::describe(expected.error));
        QCOMPARE(status.count(expected.error.codeName()), 1);
        return;
    }
    QVERIFY2(!expected.error.isError(), qPrintable(status));
    QVERIFY(!rows.isEmpty());
    QCOMPARE(status, QStringLiteral("%1 row(s), in the order getaddrinfo() returned them.").arg(rows.size()));
    QCOMPARE(column(AddrInfoModel::Address).size(), rows.size());
    if (!addresses.isEmpty())
        QCOMPARE(sortedUnique(column(AddrInfoModel::Address)), sortedUnique(addresses));
    if (!mustInclude.isEmpty())
        QVERIFY2(column(AddrInfoModel::Address).contains(mustInclude), qPrintable(column(AddrInfoModel::Address).join(u' ')));
    if (port >= 0)
        QCOMPARE(sortedUnique(column(AddrInfoModel::Port)), QStringList{QString::number(port)});
    if (!rowFamily.isEmpty())
        QCOMPARE(sortedUnique(column(AddrInfoModel::Family)), QStringList{rowFamily});
    if (!rowSocketType.isEmpty())
        QCOMPARE(sortedUnique(column(AddrInfoModel::SocketType)), QStringList{rowSocketType});
    if (rowSocketType == QLatin1StringView("SOCK_DGRAM"))
        QCOMPARE(sortedUnique(column(AddrInfoModel::Protocol)), QStringList{QStringLiteral("IPPROTO_UDP")});
    QCOMPARE(column(AddrInfoModel::CanonicalName).first(), firstCanonicalName);
    QVERIFY(part<QPushButton>("useAddress")->isEnabled());
}

void TestDnsPanel::unknownNameShowsCodeAndSentence()
{
    setForm(QStringLiteral("no-such-host.invalid"), QStringLiteral("http"));
    QTest::mouseClick(part<QPushButton>("lookUpAddresses"), Qt::LeftButton);
    waitForAddresses();
    // Offline, the resolver cannot even ask: EAI_AGAIN; with a name server, EAI_NONAME.
    const QString status = part<QLabel>("addrInfoStatus")->text();
    // The code once, one colon, the meaning after it in lower case: no "EAI_NONAME: Could not resolve
    // \"x\": Name... (EAI_NONAME)".
    const QRegularExpression shape(QStringLiteral("^Could not resolve \"no-such-host\\.invalid\": "
                                                  "[a-z][^:]+ \\((EAI_NONAME|EAI_AGAIN)\\) in getaddrinfo\\(\\)\\.$"));
    const QRegularExpressionMatch match = shape.match(status);
    QVERIFY2(match.hasMatch(), qPrintable(status));
    QCOMPARE(status.count(match.captured(1)), 1);
    QCOMPARE(status.count(u':'), 1);
    QVERIFY(part<QLabel>("addrInfoStatus")->isVisible());
    QCOMPARE(part<QTableView>("addrInfoTable")->model()->rowCount(), 0);
    QVERIFY(part<QPlainTextEdit>("python")->toPlainText().isEmpty());
    QVERIFY(!part<QPushButton>("useAddress")->isEnabled());
    const QString history = part<QListView>("history")->model()->index(0, 0).data().toString();
    QVERIFY2(history.contains(QStringLiteral("getaddrinfo(\"no-such-host.invalid\", \"http\", AF_UNSPEC, 0, 0, 0)")),
             qPrintable(history));
    QVERIFY2(history.contains(match.captured(1)), qPrintable(history));
}

void TestDnsPanel::pythonViewIsTheRowsRepr()
{
    setForm(QString(), QStringLiteral("80"), 0, 0, 0, {QStringLiteral("passive")});
    QTest::keyClick(part<QLineEdit>("service"), Qt::Key_Return);
    waitForAddresses();
    const QList<AddrInfoRow> rows = shownRows();
    QVERIFY(rows.size() >= 2);
    QStringList lines;
    for (const AddrInfoRow &row : rows)
        lines.append(row.toPythonRepr());
    auto *python = part<QPlainTextEdit>("python");
    QCOMPARE(python->toPlainText(), lines.join(u'\n'));
    QVERIFY(python->toPlainText().contains(QStringLiteral("(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('::', 80, 0, 0))")));
    QVERIFY(python->isReadOnly());
    QCOMPARE(python->font().family(), QFontDatabase::systemFont(QFontDatabase::FixedFont).family());
    auto *views = part<QTabWidget>("views");
    views->setCurrentIndex(1);
    QCOMPARE(views->tabText(1), QStringLiteral("As Python prints it"));
    QVERIFY(python->isVisible());
}

void TestDnsPanel::copyPythonText()
{
    auto *copy = part<QPushButton>("copyPython");
    QVERIFY(!copy->isEnabled());
    setForm(QStringLiteral("127.0.0.1"), QStringLiteral("http"));
    QTest::mouseClick(part<QPushButton>("lookUpAddresses"), Qt::LeftButton);
    waitForAddresses();
    part<QTabWidget>("views")->setCurrentIndex(1);
    QVERIFY(copy->isEnabled());
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(),
             QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))"));
}

void TestDnsPanel::enterInHostRunsTheLookup()
{
    auto *host = part<QLineEdit>("host");
    host->setFocus();
    QTest::keyClicks(host, QStringLiteral("127.0.0.1"));
    QTest::keyClick(host, Qt::Key_Return);
    QCOMPARE(part<QListView>("history")->model()->rowCount(), 1);
    waitForAddresses();
    QVERIFY(!column(AddrInfoModel::Address).isEmpty());
    QCOMPARE(sortedUnique(column(AddrInfoModel::Address)), QStringList{QStringLiteral("127.0.0.1")});
}

void TestDnsPanel::useThisAddress_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("service");
    QTest::addColumn<int>("family");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<IpFamily>("ipFamily");

    QTest::newRow("IPv4") << QStringLiteral("127.0.0.1") << QStringLiteral("http") << 0 << QStringList()
                          << QStringLiteral("127.0.0.1") << 80 << IpFamily::V4;
    QTest::newRow("IPv6") << QStringLiteral("::1") << QStringLiteral("8080") << 0 << QStringList()
                          << QStringLiteral("::1") << 8080 << IpFamily::V6;
    QTest::newRow("v4mapped") << QStringLiteral("127.0.0.1") << QStringLiteral("7") << family("AF_INET6")
                              << QStringList{QStringLiteral("v4mapped")} << QStringLiteral("::ffff:127.0.0.1") << 7
                              << IpFamily::V6;
}

void TestDnsPanel::useThisAddress()
{
    QFETCH(QString, host);
    QFETCH(QString, service);
    QFETCH(int, family);
    QFETCH(QStringList, flags);
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(IpFamily, ipFamily);

    QSignalSpy used(m_panel.get(), &DnsPanel::useAddress);
    setForm(host, service, family, 0, 0, flags);
    QTest::mouseClick(part<QPushButton>("lookUpAddresses"), Qt::LeftButton);
    waitForAddresses();
    auto *use = part<QPushButton>("useAddress");
    QVERIFY(use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(used.size(), 1);
    QCOMPARE(used.at(0).at(0).toString(), address);
    QCOMPARE(used.at(0).at(1).value<quint16>(), quint16(port));
    QCOMPARE(used.at(0).at(2).value<IpFamily>(), ipFamily);
}

void TestDnsPanel::doubleClickUsesTheRow()
{
    QSignalSpy used(m_panel.get(), &DnsPanel::useAddress);
    setForm(QString(), QStringLiteral("443"));
    QTest::mouseClick(part<QPushButton>("lookUpAddresses"), Qt::LeftButton);
    waitForAddresses();
    const QList<AddrInfoRow> rows = shownRows();
    // The last row, not the first the panel selects by itself.
    const AddrInfoRow &last = rows.last();
    auto *table = part<QTableView>("addrInfoTable");
    const QRect cell = table->visualRect(table->model()->index(int(rows.size()) - 1, AddrInfoModel::Address));
    QVERIFY(cell.isValid());
    // A double-click is a second press on the row the first one pressed.
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(!used.isEmpty());
    QCOMPARE(used.last().at(0).toString(), last.address.host());
    QCOMPARE(used.last().at(1).value<quint16>(), quint16(443));
    QCOMPARE(used.last().at(2).value<IpFamily>(), last.family);
}

void TestDnsPanel::newLookupDropsThePendingOne()
{
    // Both lookups start before the event loop runs again, so the first one's answer can only come
    // after the second was asked for.
    setForm(QStringLiteral("127.0.0.1"), QStringLiteral("http"));
    m_panel->lookUpAddresses();
    QVERIFY(part<QPushButton>("cancelAddresses")->isEnabled());
    part<QLineEdit>("host")->setText(QStringLiteral("::1"));
    m_panel->lookUpAddresses();
    waitForAddresses();
    // A later lookup's answer: the first one's, queued earlier, has been handled by now.
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    m_panel->lookUpName();
    waitForName();

    QCOMPARE(sortedUnique(column(AddrInfoModel::Address)), QStringList{QStringLiteral("::1")});
    QCOMPARE(part<QLineEdit>("host")->text(), QStringLiteral("::1"));
    const QAbstractItemModel *history = part<QListView>("history")->model();
    QCOMPARE(history->rowCount(), 3);
    QVERIFY(history->index(1, 0).data().toString().contains(QStringLiteral("getaddrinfo(\"::1\"")));
    QVERIFY(history->index(1, 0).data().toString().contains(QStringLiteral("1 row(s) in")));
    QVERIFY(history->index(2, 0).data().toString().contains(QStringLiteral("getaddrinfo(\"127.0.0.1\"")));
    QVERIFY(history->index(2, 0).data().toString().contains(QStringLiteral("cancelled")));
}

void TestDnsPanel::cancelDropsTheAnswer()
{
    setForm(QStringLiteral("127.0.0.1"), QString());
    m_panel->lookUpAddresses();
    auto *cancel = part<QPushButton>("cancelAddresses");
    QVERIFY(cancel->isEnabled());
    QCOMPARE(part<QLabel>("addrInfoStatus")->text(), QStringLiteral("Looking up…"));
    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled());
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    m_panel->lookUpName();
    waitForName();

    QCOMPARE(part<QTableView>("addrInfoTable")->model()->rowCount(), 0);
    QVERIFY(part<QLabel>("addrInfoStatus")->text().startsWith(QStringLiteral("Cancelled")));
    QVERIFY(part<QLabel>("addrInfoTime")->text().isEmpty());
    QVERIFY(part<QListView>("history")->model()->index(1, 0).data().toString().contains(QStringLiteral("cancelled")));
}

void TestDnsPanel::bothSectionsRunAtOnce()
{
    setForm(QStringLiteral("localhost"), QStringLiteral("http"), family("AF_INET"));
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    m_panel->lookUpAddresses();
    m_panel->lookUpName();
    QVERIFY(part<QPushButton>("cancelAddresses")->isEnabled());
    QVERIFY(part<QPushButton>("cancelName")->isEnabled());
    waitForAddresses();
    waitForName();
    QCOMPARE(column(AddrInfoModel::Address), QStringList{QStringLiteral("127.0.0.1")});
    QCOMPARE(part<QLineEdit>("foundHost")->text(), QStringLiteral("localhost"));
    const QAbstractItemModel *history = part<QListView>("history")->model();
    QCOMPARE(history->rowCount(), 2);
    for (int row = 0; row < 2; ++row)
        QVERIFY(history->index(row, 0).data().toString().contains(QStringLiteral(" ms")));
}

void TestDnsPanel::names_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<int>("port");
    QTest::addColumn<QStringList>("flags");
    QTest::addColumn<QString>("host");     // empty: an error is expected
    QTest::addColumn<QString>("service");
    // No name for the address: getnameinfo() gives its numeric form, or EAI_AGAIN when no name server
    // could be asked whether it has one (as in the offline namespace the tests run in).
    QTest::addColumn<bool>("numericForm");

    const QStringList none;
    QTest::newRow("127.0.0.1:80") << QStringLiteral("127.0.0.1") << 80 << none << QStringLiteral("localhost")
                                  << QStringLiteral("http") << false;
    QTest::newRow("numerichost|numericserv")
        << QStringLiteral("127.0.0.1") << 80 << QStringList{QStringLiteral("numerichost"), QStringLiteral("numericserv")}
        << QStringLiteral("127.0.0.1") << QStringLiteral("80") << false;
    QTest::newRow("numericserv") << QStringLiteral("127.0.0.1") << 443 << QStringList{QStringLiteral("numericserv")}
                                 << QStringLiteral("localhost") << QStringLiteral("443") << false;
    QTest::newRow("tcp 514") << QStringLiteral("127.0.0.1") << 514 << none << QStringLiteral("localhost")
                             << QStringLiteral("shell") << false;
    QTest::newRow("dgram 514") << QStringLiteral("127.0.0.1") << 514 << QStringList{QStringLiteral("dgram")}
                               << QStringLiteral("localhost") << QStringLiteral("syslog") << false;
    QTest::newRow("no name: numeric form") << QStringLiteral("192.0.2.1") << 80 << none << QStringLiteral("192.0.2.1")
                                           << QStringLiteral("http") << true;
    QTest::newRow("namereqd without a name") << QStringLiteral("192.0.2.1") << 80
                                             << QStringList{QStringLiteral("namereqd")} << QString() << QString() << false;
}

void TestDnsPanel::names()
{
    QFETCH(QString, address);
    QFETCH(int, port);
    QFETCH(QStringList, flags);
    QFETCH(QString, host);
    QFETCH(QString, service);
    QFETCH(bool, numericForm);

    setReverseForm(address, port, flags);
    QTest::mouseClick(part<QPushButton>("lookUpName"), Qt::LeftButton);
    waitForName();

    // The panel shows what the C library answers to the same call.
    NameInfoQuery query;
    query.address = *SocketAddress::fromNumeric(address, quint16(port));
    for (const QString &flag : flags)
        query.flags |= flagValue(nameInfoFlags(), flag);
    const NameInfoResult expected = reverseResolve(query);
    const QString status = part<QLabel>("nameInfoStatus")->text();
    auto *note = part<QLabel>("numericNote");
    QVERIFY2(part<QLabel>("nameInfoTime")->text().contains(QRegularExpression(QStringLiteral("^Time taken: \\d+\\.\\d\\d ms$"))),
             qPrintable(part<QLabel>("nameInfoTime")->text()));
    const bool offline = numericForm && expected.error.codeName() == QLatin1StringView("EAI_AGAIN");
    if (host.isEmpty() || offline) {
        QVERIFY(expected.error.isError());
        QCOMPARE(status, ErrorText::describe(expected.error));
        QCOMPARE(status.count(expected.error.codeName()), 1);
        QVERIFY(part<QLineEdit>("foundHost")->text().isEmpty());
        QVERIFY(part<QLineEdit>("foundService")->text().isEmpty());
        QVERIFY(!note->isVisible());
        return;
    }
    QVERIFY2(!expected.error.isError(), qPrintable(status));
    QVERIFY2(status.isEmpty(), qPrintable(status));
    QVERIFY(!part<QLabel>("nameInfoStatus")->isVisible());
    QCOMPARE(part<QLineEdit>("foundHost")->text(), host);
    QCOMPARE(part<QLineEdit>("foundService")->text(), service);
    QCOMPARE(note->isVisible(), numericForm);
    QCOMPARE(expected.hostIsNumeric, numericForm);
}

void TestDnsPanel::badAddressIsRefused_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<QString>("message");
    QTest::newRow("a name") << QStringLiteral("localhost")
                            << QStringLiteral("“localhost” is not a numeric IPv4 or IPv6 address: getnameinfo() takes an address, not a name.");
    QTest::newRow("out of range") << QStringLiteral("256.1.1.1")
                                  << QStringLiteral("“256.1.1.1” is not a numeric IPv4 or IPv6 address: getnameinfo() takes an address, not a name.");
    QTest::newRow("empty") << QString() << QStringLiteral("Type a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1.");
}

void TestDnsPanel::badAddressIsRefused()
{
    QFETCH(QString, address);
    QFETCH(QString, message);
    setReverseForm(address, 80);
    QTest::keyClick(part<QLineEdit>("address"), Qt::Key_Return);
    QCOMPARE(part<QLabel>("nameInfoStatus")->text(), message);
    QVERIFY(part<QLabel>("nameInfoStatus")->isVisible());
    QVERIFY(!part<QPushButton>("cancelName")->isEnabled());
    QCOMPARE(part<QListView>("history")->model()->rowCount(), 0);
    // Corrected, it runs.
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    QTest::keyClick(part<QLineEdit>("address"), Qt::Key_Return);
    waitForName();
    QCOMPARE(part<QLineEdit>("foundService")->text(), QStringLiteral("http"));
    QVERIFY(part<QLabel>("nameInfoStatus")->text().isEmpty());
}

// The history's menu asks a lookup again: its query back in the form, a new lookup made, kept too.
void TestDnsPanel::aLookupOfTheHistoryIsAskedAgain()
{
    setForm(QStringLiteral("127.0.0.1"), QStringLiteral("http"));
    m_panel->lookUpAddresses();
    waitForAddresses();
    setForm(QStringLiteral("::1"), QStringLiteral("22"));
    auto *view = part<QListView>("history");
    QCOMPARE(view->model()->rowCount(), 1);
    view->setCurrentIndex(view->model()->index(0, 0));
    QVERIFY(view->actions().contains(m_panel->lookUpAgainAction()));
    m_panel->lookUpAgainAction()->trigger();
    waitForAddresses();
    QCOMPARE(view->model()->rowCount(), 2);
    QCOMPARE(part<QLineEdit>("host")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(part<QLineEdit>("service")->text(), QStringLiteral("http"));
    QCOMPARE(column(AddrInfoModel::Address), QStringList{QStringLiteral("127.0.0.1")});
}

void TestDnsPanel::historyShowsAnswersAgain()
{
    setForm(QStringLiteral("127.0.0.1"), QStringLiteral("http"), 0, 0, 0, {QStringLiteral("canonname")});
    m_panel->lookUpAddresses();
    waitForAddresses();
    setReverseForm(QStringLiteral("192.0.2.1"), 80, {QStringLiteral("namereqd")});
    m_panel->lookUpName();
    waitForName();
    const QString reverseError = part<QLabel>("nameInfoStatus")->text();
    QVERIFY2(reverseError.contains(QStringLiteral("(EAI_")), qPrintable(reverseError));
    setForm(QStringLiteral("::1"), QStringLiteral("22"), family("AF_INET6"), socketType("SOCK_DGRAM"));
    m_panel->lookUpAddresses();
    waitForAddresses();
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    m_panel->lookUpName();
    waitForName();
    QCOMPARE(part<QLineEdit>("foundHost")->text(), QStringLiteral("localhost"));

    auto *view = part<QListView>("history");
    QCOMPARE(view->model()->rowCount(), 4);
    const auto pick = [view](int row) {
        const QRect rect = view->visualRect(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
    };

    pick(3);  // the first getaddrinfo()
    QCOMPARE(part<QLineEdit>("host")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(part<QLineEdit>("service")->text(), QStringLiteral("http"));
    QVERIFY(part<QCheckBox>("ai_canonname")->isChecked());
    QCOMPARE(part<QComboBox>("family")->currentData().toInt(), 0);
    QCOMPARE(part<QComboBox>("socketType")->currentData().toInt(), 0);
    QCOMPARE(column(AddrInfoModel::Address), QStringList{QStringLiteral("127.0.0.1")});
    QCOMPARE(column(AddrInfoModel::CanonicalName).first(), QStringLiteral("127.0.0.1"));
    QVERIFY(part<QLabel>("addrInfoTime")->text().startsWith(QStringLiteral("Time taken: ")));
    // The reverse section keeps its own answer.
    QCOMPARE(part<QLineEdit>("foundHost")->text(), QStringLiteral("localhost"));

    pick(2);  // the getnameinfo() that failed
    QCOMPARE(part<QLineEdit>("address")->text(), QStringLiteral("192.0.2.1"));
    QVERIFY(part<QCheckBox>("ni_namereqd")->isChecked());
    QCOMPARE(part<QLabel>("nameInfoStatus")->text(), reverseError);
    QVERIFY(part<QLineEdit>("foundHost")->text().isEmpty());

    pick(1);  // the second getaddrinfo()
    QCOMPARE(part<QLineEdit>("host")->text(), QStringLiteral("::1"));
    QVERIFY(!part<QCheckBox>("ai_canonname")->isChecked());
    QCOMPARE(part<QComboBox>("socketType")->currentText(), QStringLiteral("SOCK_DGRAM"));
    QCOMPARE(column(AddrInfoModel::Port), QStringList{QStringLiteral("22")});
    QCOMPARE(column(AddrInfoModel::SocketType), QStringList{QStringLiteral("SOCK_DGRAM")});

    // Picking from the history starts no lookup.
    QCOMPARE(view->model()->rowCount(), 4);
    QVERIFY(!part<QPushButton>("cancelAddresses")->isEnabled());
}

void TestDnsPanel::historyPickDropsThePendingLookup()
{
    setForm(QStringLiteral("127.0.0.1"), QString());
    m_panel->lookUpAddresses();
    waitForAddresses();
    setForm(QStringLiteral("::1"), QString());
    m_panel->lookUpAddresses();
    auto *view = part<QListView>("history");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(view->model()->index(1, 0)).center());
    QVERIFY(!part<QPushButton>("cancelAddresses")->isEnabled());
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    m_panel->lookUpName();
    waitForName();
    QCOMPARE(part<QLineEdit>("host")->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(sortedUnique(column(AddrInfoModel::Address)), QStringList{QStringLiteral("127.0.0.1")});
    QVERIFY(view->model()->index(1, 0).data().toString().contains(QStringLiteral("getaddrinfo(\"::1\"")));
    QVERIFY(view->model()->index(1, 0).data().toString().contains(QStringLiteral("cancelled")));
}

void TestDnsPanel::errorsReadOnADarkPalette()
{
    setForm(QStringLiteral("localhost"), QString(), 0, 0, 0, {QStringLiteral("numerichost")});
    m_panel->lookUpAddresses();
    waitForAddresses();
    auto *status = part<QLabel>("addrInfoStatus");
    QVERIFY(status->text().contains(QStringLiteral("(EAI_NONAME)")));
    const QColor onLight = status->palette().color(QPalette::WindowText);
    QVERIFY(onLight.red() > onLight.green() && onLight.red() > onLight.blue());
    QVERIFY(onLight.lightness() < status->palette().color(QPalette::Window).lightness());

    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x18, 0x18, 0x18));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    m_panel->setPalette(dark);
    const QColor onDark = status->palette().color(QPalette::WindowText);
    QVERIFY(onDark.red() > onDark.green() && onDark.red() > onDark.blue());
    QVERIFY(onDark.lightness() > status->palette().color(QPalette::Window).lightness());

    // Back to a result without error: the label follows the palette again.
    setForm(QStringLiteral("127.0.0.1"), QString());
    m_panel->lookUpAddresses();
    waitForAddresses();
    QCOMPARE(status->palette().color(QPalette::WindowText), QColor(0xe0, 0xe0, 0xe0));
}

void TestDnsPanel::tabOrderFollowsTheForm()
{
    setForm(QStringLiteral("127.0.0.1"), QStringLiteral("http"));
    m_panel->lookUpAddresses();
    waitForAddresses();
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));

    // Each section top to bottom, its answer, then the history; Cancel is skipped while disabled.
    QList<QWidget *> expected = {part<QWidget>("host"), part<QWidget>("service"), part<QWidget>("lookUpAddresses"),
                                 part<QWidget>("family"), part<QWidget>("socketType"), part<QWidget>("protocol")};
    for (const FlagInfo &info : addrInfoFlags())
        expected.append(part<QWidget>(qPrintable(QStringLiteral("ai_") + QLatin1StringView(info.name))));
    expected += {part<QTabWidget>("views")->findChild<QTabBar *>(), part<QWidget>("addrInfoTable"),
                 part<QWidget>("useAddress"), part<QWidget>("address"), part<QWidget>("port"), part<QWidget>("lookUpName")};
    for (const FlagInfo &info : nameInfoFlags())
        expected.append(part<QWidget>(qPrintable(QStringLiteral("ni_") + QLatin1StringView(info.name))));
    expected += {part<QWidget>("foundHost"), part<QWidget>("foundService"), part<QWidget>("historyFilter"),
                 part<QWidget>("history")};

    expected.first()->setFocus();
    QCOMPARE(QApplication::focusWidget(), expected.first());
    for (qsizetype i = 1; i < expected.size(); ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QVERIFY2(QApplication::focusWidget() == expected.at(i),
                 qPrintable(QStringLiteral("step %1: %2").arg(i).arg(QApplication::focusWidget()->objectName())));
    }

    // Every field is named for a screen reader, by its label or by itself.
    for (const char *name : {"host", "service", "family", "socketType", "protocol", "addrInfoTable", "python",
                             "address", "port", "foundHost", "foundService", "history"}) {
        const QWidget *widget = part<QWidget>(name);
        bool labelled = !widget->accessibleName().isEmpty();
        for (const QLabel *label : m_panel->findChildren<QLabel *>())
            labelled = labelled || (label->buddy() == widget && !label->text().isEmpty());
        QVERIFY2(labelled, name);
    }
}

void TestDnsPanel::languageChangeRetranslatesEverything()
{
    setForm(QStringLiteral("localhost"), QString(), 0, 0, 0, {QStringLiteral("numerichost")});
    m_panel->lookUpAddresses();
    waitForAddresses();
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    m_panel->lookUpName();
    waitForName();
    auto *status = part<QLabel>("addrInfoStatus");
    const QString englishStatus = status->text();
    QVERIFY(englishStatus.contains(QStringLiteral("(EAI_NONAME)")));
    const QAbstractItemModel *history = part<QListView>("history")->model();
    const QAbstractItemModel *rows = part<QTableView>("addrInfoTable")->model();

    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    QTRY_VERIFY(part<QTabWidget>("views")->tabText(0).startsWith(u'‹'));
    QVERIFY2(status->text().startsWith(u'‹'), qPrintable(status->text()));
    QVERIFY(part<QLabel>("addrInfoTime")->text().startsWith(u'‹'));
    QVERIFY(part<QLabel>("nameInfoTime")->text().startsWith(u'‹'));
    QVERIFY(part<QLabel>("numericNote")->text().startsWith(u'‹'));
    QVERIFY(part<QPushButton>("useAddress")->text().startsWith(u'‹'));
    QVERIFY(part<QLineEdit>("host")->placeholderText().startsWith(u'‹'));
    QVERIFY(part<QLineEdit>("host")->toolTip().startsWith(u'‹'));
    QVERIFY(part<QCheckBox>("ai_canonname")->toolTip().startsWith(u'‹'));
    QVERIFY(part<QComboBox>("socketType")->itemText(0).startsWith(u'‹'));
    QVERIFY(part<QTableView>("addrInfoTable")->accessibleName().startsWith(u'‹'));
    QVERIFY(part<QListView>("history")->accessibleName().startsWith(u'‹'));
    QVERIFY(rows->headerData(AddrInfoModel::Family, Qt::Horizontal).toString().startsWith(u'‹'));
    QVERIFY(history->index(0, 0).data().toString().startsWith(u'‹'));
    // The C names stay as C spells them.
    QCOMPARE(part<QCheckBox>("ai_canonname")->text(), QStringLiteral("AI_CANONNAME"));

    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QTRY_COMPARE(part<QTabWidget>("views")->tabText(0), QStringLiteral("Table"));
    QCOMPARE(status->text(), englishStatus);
    QCOMPARE(rows->headerData(AddrInfoModel::Family, Qt::Horizontal).toString(), QStringLiteral("Family"));
}

void TestDnsPanel::destroyedWithLookupsPending()
{
    setForm(QStringLiteral("localhost"), QStringLiteral("http"));
    setReverseForm(QStringLiteral("127.0.0.1"), 80);
    m_panel->lookUpAddresses();
    m_panel->lookUpName();
    m_panel.reset();
    // A panel made afterwards answers as usual, once the first panel's answers have come and gone.
    init();
    setForm(QStringLiteral("127.0.0.1"), QString());
    m_panel->lookUpAddresses();
    waitForAddresses();
    QCOMPARE(sortedUnique(column(AddrInfoModel::Address)), QStringList{QStringLiteral("127.0.0.1")});
    QCOMPARE(part<QListView>("history")->model()->rowCount(), 1);
}

QTEST_MAIN(TestDnsPanel)

#include "tst_dnspanel.moc"
