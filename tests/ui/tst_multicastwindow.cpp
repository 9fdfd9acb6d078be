// The Servers tab receiving multicast for real: a UDP listener started from the form joins a group on
// an interface picked in its box, a sender in another network namespace sends to the group, and the
// sender's row shows the group as its destination. Loopback cannot show this: the test makes two
// namespaces joined by a veth pair (support/netnspair.h) and moves itself into one; without the
// privilege to make them it is skipped and says why.
#include "servers/clientmodel.h"
#include "servers/listenerform.h"
#include "servers/serverspanel.h"
#include "widgets/interfacecombo.h"
#include "widgets/multicastgroupsedit.h"

#include "netnspair.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSpinBox>
#include <QTableView>
#include <QTest>

#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

using namespace SocketLab;

class TestMulticastWindow : public QObject
{
    Q_OBJECT

private:
    // One datagram from namespace b to the group, leaving by b's end of the pair.
    bool sendFromB(const QString &group, quint16 port, const QByteArray &text, const QString &source)
    {
        const QString script = QStringLiteral(
            "import socket,sys\n"
            "family = socket.AF_INET6 if ':' in sys.argv[1] else socket.AF_INET\n"
            "s = socket.socket(family, socket.SOCK_DGRAM)\n"
            "if family == socket.AF_INET:\n"
            "    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(sys.argv[4]))\n"
            "else:\n"
            "    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, socket.if_nametoindex(sys.argv[4]))\n"
            "s.sendto(sys.argv[3].encode(), (sys.argv[1], int(sys.argv[2])))\n");
        QProcess process;
        process.start(m_pair.ipPath(), m_pair.inside(m_pair.nsB(), QStringLiteral("python3"),
                                                     {QStringLiteral("-c"), script, group, QString::number(port),
                                                      QString::fromUtf8(text), source}));
        return process.waitForFinished(20000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    // The panel's form filled as a person would, started, and the listener once it listens.
    Listener *startJoining(ServersPanel &panel, ListenerForm::AddressChoice address, const QString &group)
    {
        ListenerForm *form = panel.form();
        form->transportCombo()->setCurrentIndex(1);
        form->addressCombo()->setCurrentIndex(address);
        MulticastGroupsEdit *groups = form->groupsEdit();
        QTest::mouseClick(groups->addButton(), Qt::LeftButton);
        QTest::keyClicks(groups->groupEdit(0), group);
        InterfaceCombo *combo = groups->interfaceCombo(0);
        combo->setCurrentIndex(combo->findData(m_pair.ifA()));
        if (combo->interfaceName() != m_pair.ifA() || !form->startButton()->isEnabled())
            return nullptr;
        QTest::mouseClick(form->startButton(), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return panel.selectedListener() && panel.selectedListener()->isRunning(); }, 10000))
            return nullptr;
        return panel.selectedListener();
    }

    NetnsPair m_pair;
    int m_home = -1;

private slots:
    void initTestCase()
    {
        if (const QString why = m_pair.create(); !why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("cannot create the network namespaces: ") + why));
        if (QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("python3 sends the datagrams from the other namespace, and it is not installed");
        // The whole test runs in namespace a: the panel lists a's interfaces, and the listener's
        // thread, made by this one, opens its socket there.
        m_home = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        const int a = ::open(QByteArray("/run/netns/" + m_pair.nsA().toUtf8()).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(m_home >= 0 && a >= 0);
        QVERIFY(::setns(a, CLONE_NEWNET) == 0);
        ::close(a);
    }

    void cleanupTestCase()
    {
        if (m_home >= 0) {
            ::setns(m_home, CLONE_NEWNET);
            ::close(m_home);
        }
        m_pair.remove();
    }

    void senderRowShowsTheGroup_data()
    {
        QTest::addColumn<int>("address");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("via");
        // Over IPv6 the kernel picks the sender's source address: fd00:213::2, or its link-local one.
        QTest::addColumn<QString>("sender");
        QTest::newRow("IPv4") << int(ListenerForm::AllInterfacesV4) << QStringLiteral("239.7.7.7") << QStringLiteral("10.213.0.2")
                              << QStringLiteral("10.213.0.2:");
        QTest::newRow("IPv4 group, IPv6 socket") << int(ListenerForm::AllInterfacesV6) << QStringLiteral("239.7.7.9")
                                                 << QStringLiteral("10.213.0.2") << QStringLiteral("[::ffff:10.213.0.2]:");
        QTest::newRow("IPv6") << int(ListenerForm::AllInterfacesV6) << QStringLiteral("ff12::7") << m_pair.ifB()
                              << QStringLiteral("[");
    }

    void senderRowShowsTheGroup()
    {
        QFETCH(int, address);
        QFETCH(QString, group);
        QFETCH(QString, via);
        QFETCH(QString, sender);
        ServersPanel panel(nullptr);
        panel.resize(1100, 800);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        Listener *listener = startJoining(panel, ListenerForm::AddressChoice(address), group);
        QVERIFY2(listener, qPrintable(panel.form()->problemLabel()->text() + panel.messageLabel()->text()));
        QCOMPARE(listener->settings().groups.size(), 1);
        QCOMPARE(listener->settings().groups.first().interfaceName, m_pair.ifA());
        QVERIFY(panel.clientsView()->isColumnHidden(ClientModel::Destination) == false);

        const quint16 port = listener->boundAddress().port();
        QVERIFY(sendFromB(group, port, "to the group", via));
        ClientModel *clients = panel.clientModel();
        QTRY_COMPARE_WITH_TIMEOUT(clients->rowCount(), 1, 10000);
        // A link-local group (ff12::) carries its interface as its scope: "ff12::7%eth0".
        QTRY_VERIFY2(clients->index(0, ClientModel::Destination).data().toString().startsWith(group),
                     qPrintable(clients->index(0, ClientModel::Destination).data().toString()));
        QVERIFY2(clients->index(0, ClientModel::Peer).data().toString().startsWith(sender),
                 qPrintable(clients->index(0, ClientModel::Peer).data().toString()));
        QCOMPARE(listener->datagrams().size(), 1);
        QVERIFY(listener->datagrams().first().destination.isValid());
    }

    void aVanishedInterfaceStaysChosen();
};

// An interface chosen in a box that goes away (a VPN's, a veth of a container) stays chosen and is
// marked missing when the list is read again: the form is not silently turned to "Any interface".
void TestMulticastWindow::aVanishedInterfaceStaysChosen()
{
    const QString name = m_pair.nsA() + QStringLiteral("x");
    const auto ip = [&](const QStringList &arguments) {
        QProcess process;
        process.start(m_pair.ipPath(), QStringList{QStringLiteral("-n"), m_pair.nsA()} + arguments);
        return process.waitForFinished(10000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    };
    QVERIFY(ip({QStringLiteral("link"), QStringLiteral("add"), name, QStringLiteral("type"), QStringLiteral("veth"),
                QStringLiteral("peer"), QStringLiteral("name"), name + QStringLiteral("y")}));
    auto removeLink = qScopeGuard([&] { ip({QStringLiteral("link"), QStringLiteral("del"), name}); });
    InterfaceCombo combo;
    combo.setCurrentIndex(combo.findData(name));
    QCOMPARE(combo.interfaceName(), name);
    QVERIFY(!combo.currentText().contains(QStringLiteral("not on this machine")));
    QVERIFY(ip({QStringLiteral("link"), QStringLiteral("del"), name}));
    removeLink.dismiss();
    combo.refresh();
    QCOMPARE(combo.interfaceName(), name);
    QVERIFY2(combo.currentText().contains(QStringLiteral("not on this machine")), qPrintable(combo.currentText()));
}

QTEST_MAIN(TestMulticastWindow)
#include "tst_multicastwindow.moc"
