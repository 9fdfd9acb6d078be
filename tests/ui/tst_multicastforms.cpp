// Multicast in the window's forms: the groups a UDP listener joins (each row read as the CLI's --join
// reads it, refused with the same sentence and the row's number), the Destination column of its
// senders, and how the UDP form sends to a group (TTL, loopback, interface), saved with the form.
// Nothing here sends to a group: tst_multicastwindow does, inside network namespaces.
#include "servers/clientmodel.h"
#include "servers/listenerform.h"
#include "settings/storedsettings.h"
#include "udp/udppanel.h"
#include "widgets/interfacecombo.h"
#include "widgets/multicastgroupsedit.h"
#include "widgets/targetedit.h"

#include "net/interfaces.h"
#include "net/multicast.h"
#include "text/multicasttext.h"
#include "text/translations.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace SocketLab;

namespace {

enum TransportIndex { Tcp, Udp };

// The loopback interface, there on every Linux machine: a real index for the tests to expect.
unsigned loopbackIndex()
{
    const std::optional<NetworkInterface> lo = Interfaces::find(QStringLiteral("lo"));
    return lo ? lo->index : 0;
}

// The row a person adds by clicking Add and typing, the interface picked in its box.
void typeGroup(MulticastGroupsEdit *edit, const QString &text, const QString &interfaceName = {})
{
    QTest::mouseClick(edit->addButton(), Qt::LeftButton);
    const int row = edit->rowCount() - 1;
    QTest::keyClicks(edit->groupEdit(row), text);
    if (!interfaceName.isEmpty()) {
        InterfaceCombo *combo = edit->interfaceCombo(row);
        combo->setCurrentIndex(combo->findData(interfaceName));
    }
}

QString sentence(int row, const QString &text)
{
    MulticastParseError error;
    Multicast::parseGroup(text, &error);
    return MulticastGroupsEdit::tr("Multicast group %1: %2").arg(QLocale().toString(row), describeMulticastProblem(error));
}

} // namespace

class TestMulticastForms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale::c());
        QVERIFY2(loopbackIndex() != 0, "no interface lo");
    }

    void interfaceComboListsTheMachine()
    {
        InterfaceCombo combo;
        QCOMPARE(combo.itemText(0), InterfaceCombo::tr("Any interface"));
        QCOMPARE(combo.interfaceName(), QString());
        const int lo = combo.findData(QStringLiteral("lo"));
        QVERIFY(lo > 0);
        // By name with its addresses.
        QVERIFY2(combo.itemText(lo).startsWith(QStringLiteral("lo (127.0.0.1")), qPrintable(combo.itemText(lo)));
        QCOMPARE(combo.count(), int(Interfaces::list().size()) + 1);
        // A saved name the machine does not have stays chosen, said missing.
        combo.setInterfaceName(QStringLiteral("slnone0"));
        QCOMPARE(combo.interfaceName(), QStringLiteral("slnone0"));
        QCOMPARE(combo.currentText(), InterfaceCombo::tr("%1 (not on this machine now)").arg(QStringLiteral("slnone0")));
    }

    void formBuildsTheGroups()
    {
        ListenerForm form;
        form.show();
        form.transportCombo()->setCurrentIndex(Udp);
        form.addressCombo()->setCurrentIndex(ListenerForm::AllInterfacesV4);
        MulticastGroupsEdit *groups = form.groupsEdit();
        QVERIFY(groups->isEnabled());
        typeGroup(groups, QStringLiteral("239.1.2.3"), QStringLiteral("lo"));
        typeGroup(groups, QStringLiteral("10.0.0.5>232.1.1.1"), QStringLiteral("lo"));
        typeGroup(groups, QStringLiteral("239.4.5.6"));
        QVERIFY2(form.startButton()->isEnabled(), qPrintable(form.problemLabel()->text()));

        const QList<MulticastGroup> joined = form.settings().groups;
        QCOMPARE(joined.size(), 3);
        QCOMPARE(joined.at(0).group.host(), QStringLiteral("239.1.2.3"));
        QCOMPARE(joined.at(0).interfaceName, QStringLiteral("lo"));
        QCOMPARE(joined.at(0).interfaceIndex, loopbackIndex());
        QVERIFY(!joined.at(0).isSourceSpecific());
        QCOMPARE(joined.at(1).group.host(), QStringLiteral("232.1.1.1"));
        QCOMPARE(joined.at(1).source.host(), QStringLiteral("10.0.0.5"));
        QCOMPARE(joined.at(1).interfaceIndex, loopbackIndex());
        QCOMPARE(joined.at(2).group.host(), QStringLiteral("239.4.5.6"));
        QCOMPARE(joined.at(2).interfaceIndex, 0u);
        QCOMPARE(joined.at(2).interfaceName, QString());

        // Removed by its button: the others stay, in order.
        QTest::mouseClick(groups->removeButton(1), Qt::LeftButton);
        QCOMPARE(groups->rowCount(), 2);
        const QList<MulticastGroup> left = form.settings().groups;
        QCOMPARE(left.size(), 2);
        QCOMPARE(left.at(0).group.host(), QStringLiteral("239.1.2.3"));
        QCOMPARE(left.at(1).group.host(), QStringLiteral("239.4.5.6"));
    }

    void ipv6GroupsOnAnIpv6Socket()
    {
        ListenerForm form;
        form.show();
        form.transportCombo()->setCurrentIndex(Udp);
        form.addressCombo()->setCurrentIndex(ListenerForm::AllInterfacesV6);
        typeGroup(form.groupsEdit(), QStringLiteral("ff12::1"), QStringLiteral("lo"));
        typeGroup(form.groupsEdit(), QStringLiteral("fd00::5>ff3e::8000:1"));
        QVERIFY2(form.startButton()->isEnabled(), qPrintable(form.problemLabel()->text()));
        const QList<MulticastGroup> joined = form.settings().groups;
        QCOMPARE(joined.size(), 2);
        QCOMPARE(joined.at(0).group.host(), QStringLiteral("ff12::1"));
        QCOMPARE(joined.at(0).interfaceIndex, loopbackIndex());
        QCOMPARE(joined.at(1).source.host(), QStringLiteral("fd00::5"));

        // The same group on an IPv4 socket cannot be joined: said, with the row.
        form.addressCombo()->setCurrentIndex(ListenerForm::AllInterfacesV4);
        QVERIFY(!form.startButton()->isEnabled());
        QCOMPARE(form.problemLabel()->text(),
                 ListenerForm::tr("Multicast group %1 (%2) is IPv6: an IPv4 socket cannot join it; choose \"All interfaces (::)\".")
                     .arg(QStringLiteral("1"), QStringLiteral("ff12::1")));
    }

    void badGroupRefusedWithTheSentence_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("not an address") << QStringLiteral("239.1.2.300");
        QTest::newRow("not multicast") << QStringLiteral("10.1.2.3");
        QTest::newRow("source is a group") << QStringLiteral("239.9.9.9>232.1.1.1");
        QTest::newRow("families differ") << QStringLiteral("10.0.0.5>ff3e::1");
        QTest::newRow("empty") << QString();
    }

    void badGroupRefusedWithTheSentence()
    {
        QFETCH(QString, text);
        ListenerForm form;
        form.show();
        form.transportCombo()->setCurrentIndex(Udp);
        form.addressCombo()->setCurrentIndex(ListenerForm::AllInterfacesV4);
        typeGroup(form.groupsEdit(), QStringLiteral("239.1.2.3"));
        typeGroup(form.groupsEdit(), text);
        QVERIFY(!form.startButton()->isEnabled());
        QVERIFY(form.problemLabel()->isVisible());
        QCOMPARE(form.problemLabel()->text(), sentence(2, text));

        // An unknown interface, by the box's missing entry.
        form.groupsEdit()->removeGroup(1);
        QVERIFY(form.startButton()->isEnabled());
        form.groupsEdit()->interfaceCombo(0)->setInterfaceName(QStringLiteral("slnone0"));
        QVERIFY(!form.startButton()->isEnabled());
        QCOMPARE(form.problemLabel()->text(), sentence(1, QStringLiteral("239.1.2.3@slnone0")));
    }

    void loopbackAddressCannotReceiveGroups()
    {
        ListenerForm form;
        form.show();
        form.transportCombo()->setCurrentIndex(Udp);
        QCOMPARE(form.addressCombo()->currentIndex(), int(ListenerForm::LoopbackV4));
        QVERIFY(form.startButton()->isEnabled());
        typeGroup(form.groupsEdit(), QStringLiteral("239.1.2.3"));
        QVERIFY(!form.startButton()->isEnabled());
        QVERIFY(form.problemLabel()->isVisible());
        QVERIFY2(form.problemLabel()->text().contains(QStringLiteral("127.0.0.1"))
                     && form.problemLabel()->text().contains(QStringLiteral("All interfaces")),
                 qPrintable(form.problemLabel()->text()));
        form.addressCombo()->setCurrentIndex(ListenerForm::AllInterfacesV4);
        QVERIFY(form.startButton()->isEnabled());
        QVERIFY(!form.problemLabel()->isVisible());
    }

    void groupsAreForUdpOnly()
    {
        ListenerForm form;
        form.show();
        form.addressCombo()->setCurrentIndex(ListenerForm::AllInterfacesV4);
        form.transportCombo()->setCurrentIndex(Udp);
        typeGroup(form.groupsEdit(), QStringLiteral("239.1.2.3"));
        QCOMPARE(form.settings().groups.size(), 1);
        form.transportCombo()->setCurrentIndex(Tcp);
        QVERIFY(!form.groupsEdit()->isEnabled());
        QCOMPARE(form.groupsEdit()->toolTip(), ListenerForm::tr("Multicast needs UDP: a TCP listener cannot join groups."));
        QVERIFY(form.settings().groups.isEmpty());
        // A bad row of a form turned to TCP does not hold Start back.
        form.transportCombo()->setCurrentIndex(Udp);
        QTest::keyClicks(form.groupsEdit()->groupEdit(0), QStringLiteral("x"));
        QVERIFY(!form.startButton()->isEnabled());
        form.transportCombo()->setCurrentIndex(Tcp);
        QVERIFY(form.startButton()->isEnabled());
        form.transportCombo()->setCurrentIndex(Udp);
        QVERIFY(form.groupsEdit()->isEnabled());
        QVERIFY(!form.startButton()->isEnabled());
    }

    void destinationColumnShowsTheGroup()
    {
        ClientModel model;
        Listener::Client sender;
        sender.id = 1;
        sender.peer = *SocketAddress::fromNumeric(QStringLiteral("10.213.0.2"), 40000);
        Listener::Client unicast;
        unicast.id = 2;
        unicast.peer = *SocketAddress::fromNumeric(QStringLiteral("10.213.0.3"), 40001);
        model.reset({sender, unicast}, true);
        QCOMPARE(model.headerData(ClientModel::Destination, Qt::Horizontal).toString(), ClientModel::tr("Destination"));

        Listener::Datagram first;
        first.clientId = 1;
        first.destination = *SocketAddress::fromNumeric(QStringLiteral("239.7.7.7"), 0);
        Listener::Datagram second = first;
        second.index = 1;
        second.destination = *SocketAddress::fromNumeric(QStringLiteral("239.7.7.8"), 0);
        Listener::Datagram again = first;
        again.index = 2;
        // A listener without groups leaves the destination unknown.
        Listener::Datagram unknown;
        unknown.clientId = 2;
        unknown.index = 3;
        // An IPv6 socket hears an IPv4 group as ::ffff:239.7.7.9: shown as joined.
        Listener::Datagram mapped = first;
        mapped.index = 4;
        mapped.destination = *SocketAddress::fromNumeric(QStringLiteral("::ffff:239.7.7.9"), 0);
        model.setDatagrams({first, second, again, unknown, mapped});
        QCOMPARE(model.index(0, ClientModel::Destination).data().toString(), QStringLiteral("239.7.7.7, 239.7.7.8, 239.7.7.9"));
        QCOMPARE(model.index(1, ClientModel::Destination).data().toString(), QString());
        QCOMPARE(model.index(1, ClientModel::Destination).data(Qt::ToolTipRole).toString(), QString());
        QCOMPARE(model.index(0, ClientModel::Peer).data().toString(), QStringLiteral("10.213.0.2:40000"));
        // The column is sized for the longest list, not cut to one group.
        QCOMPARE(model.widestText(ClientModel::Destination), QStringLiteral("239.7.7.7, 239.7.7.8, 239.7.7.9"));
    }

    void udpFormPassesTheMulticastSettings()
    {
        UdpPanel panel;
        panel.setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("5000"));
        // Not a group: the fields say why they are off, and nothing is set.
        QVERIFY(!panel.multicastHopsSpin()->isEnabled());
        QVERIFY(!panel.multicastInterfaceCombo()->isEnabled());
        QVERIFY(!panel.multicastHopsSpin()->toolTip().isEmpty());
        panel.multicastHopsSpin()->setValue(4);
        QVERIFY(!panel.request().multicast.isSet());

        panel.setTarget(QStringLiteral("239.1.2.3"), QStringLiteral("5000"));
        QVERIFY(panel.multicastHopsSpin()->isEnabled());
        QVERIFY(panel.multicastLoopCombo()->isEnabled());
        QVERIFY(panel.multicastInterfaceCombo()->isEnabled());
        panel.multicastLoopCombo()->setCurrentIndex(UdpPanel::LoopOff);
        InterfaceCombo *interface = panel.multicastInterfaceCombo();
        interface->setCurrentIndex(interface->findData(QStringLiteral("lo")));
        MulticastSendSettings expected;
        expected.hops = 4;
        expected.loop = 0;
        expected.interfaceName = QStringLiteral("lo");
        expected.interfaceIndex = loopbackIndex();
        QCOMPARE(panel.request().multicast, expected);

        // Defaults: nothing set, the system's values stay.
        panel.multicastHopsSpin()->setValue(-1);
        QCOMPARE(panel.multicastHopsSpin()->text(), UdpPanel::tr("system default"));
        panel.multicastLoopCombo()->setCurrentIndex(UdpPanel::LoopOn);
        interface->setCurrentIndex(0);
        QCOMPARE(panel.request().multicast, (MulticastSendSettings{-1, 1, QString(), 0}));

        // IPv6 groups too.
        panel.setTarget(QStringLiteral("ff12::1"), QStringLiteral("5000"));
        panel.multicastHopsSpin()->setValue(0);
        QCOMPARE(panel.request().multicast.hops, 0);

        // An interface that went away holds Send back, with the sentence.
        interface->setInterfaceName(QStringLiteral("slnone0"));
        QString problem;
        QVERIFY(!panel.isComplete(&problem));
        MulticastParseError error;
        Multicast::interfaceIndex(QStringLiteral("slnone0"), &error);
        QCOMPARE(problem, UdpPanel::tr("Leave by: %1").arg(describeMulticastProblem(error)));
        QVERIFY(!panel.sendButton()->isEnabled());
    }

    void udpFormSavesTheMulticastSettings()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("settings.ini"));
        {
            UdpPanel panel;
            panel.setTarget(QStringLiteral("239.1.2.3"), QStringLiteral("5000"));
            panel.multicastHopsSpin()->setValue(7);
            panel.multicastLoopCombo()->setCurrentIndex(UdpPanel::LoopOff);
            panel.multicastInterfaceCombo()->setInterfaceName(QStringLiteral("lo"));
            QSettings settings(path, QSettings::IniFormat);
            panel.saveState(settings);
        }
        UdpPanel restored;
        {
            const QSettings file(path, QSettings::IniFormat);
            StoredSettings settings(file);
            restored.restoreState(settings);
            QCOMPARE(StoredSettings::summary(settings.problem()), QString());
        }
        QCOMPARE(restored.targetEdit()->hostEdit()->text(), QStringLiteral("239.1.2.3"));
        QCOMPARE(restored.multicastHopsSpin()->value(), 7);
        QCOMPARE(restored.multicastLoopCombo()->currentIndex(), int(UdpPanel::LoopOff));
        QCOMPARE(restored.multicastInterfaceCombo()->interfaceName(), QStringLiteral("lo"));
        QCOMPARE(restored.request().multicast.interfaceIndex, loopbackIndex());
    }

    void frenchAtRunTime()
    {
        ListenerForm form;
        form.show();
        UdpPanel panel;
        form.transportCombo()->setCurrentIndex(Udp);
        typeGroup(form.groupsEdit(), QStringLiteral("239.1.2.300"));
        const QString englishProblem = form.problemLabel()->text();
        const QString englishAdd = form.groupsEdit()->addButton()->text();
        const QString englishAny = form.groupsEdit()->interfaceCombo(0)->itemText(0);
        const QString englishHops = panel.multicastHopsSpin()->specialValueText();
        QVERIFY(Translations::install(QStringLiteral("fr")));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        const QString frenchProblem = form.problemLabel()->text();
        const QString frenchAdd = form.groupsEdit()->addButton()->text();
        const QString frenchAny = form.groupsEdit()->interfaceCombo(0)->itemText(0);
        const QString frenchHops = panel.multicastHopsSpin()->specialValueText();
        const QString frenchHeader = ClientModel().headerData(ClientModel::Destination, Qt::Horizontal).toString();
        QVERIFY(Translations::install(QStringLiteral("en")));
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
        QCOMPARE(frenchAdd, QStringLiteral("Ajouter un groupe"));
        QCOMPARE(frenchAny, QStringLiteral("Toute interface"));
        QCOMPARE(frenchHops, QStringLiteral("valeur du système"));
        QCOMPARE(frenchHeader, QStringLiteral("Destination"));
        QVERIFY2(frenchProblem.startsWith(QStringLiteral("Groupe multicast 1\u00a0: ")), qPrintable(frenchProblem));
        QCOMPARE(form.groupsEdit()->addButton()->text(), englishAdd);
        QCOMPARE(form.groupsEdit()->interfaceCombo(0)->itemText(0), englishAny);
        QCOMPARE(panel.multicastHopsSpin()->specialValueText(), englishHops);
        QCOMPARE(form.problemLabel()->text(), englishProblem);
    }
};

QTEST_MAIN(TestMulticastForms)
#include "tst_multicastforms.moc"
