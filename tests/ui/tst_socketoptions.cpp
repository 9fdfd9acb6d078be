#include "connection/connectionpanel.h"
#include "historytesting.h"
#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "exchangecontroller.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "reply/replypanel.h"
#include "servers/listenerform.h"
#include "udp/udppanel.h"
#include "widgets/socketoptionoutcomes.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/targetedit.h"

#include "servers/localservers.h"
#include "settings/storedsettings.h"
#include "startandwait.h"
#include "text/socketoptiontext.h"
#include "text/translations.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QVBoxLayout>

#include <cerrno>
#include <memory>

using namespace SocketLab;
using namespace Qt::StringLiterals;
using Use = SocketOptionsEdit::Use;
using LocalField = SocketOptionsEdit::LocalField;

Q_DECLARE_METATYPE(SocketOptionsEdit::Use)

namespace {

// QApplication posts LanguageChange to the windows when a translator comes or goes: deliver it now,
// as the event loop would.
void switchTo(const QString &language)
{
    QVERIFY(Translations::install(language));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

QStringList offeredOptions(const SocketOptionsEdit &edit)
{
    QStringList names;
    for (SocketOptionName name : SocketOptions::all()) {
        if (!edit.optionRow(name)->isHidden())
            names.append(SocketOptions::cliName(name));
    }
    return names;
}

// The red of an error sentence, whichever side of light or dark the palette is on.
bool isRed(const QWidget *widget)
{
    const QColor color = widget->palette().color(QPalette::WindowText);
    return color.red() > 2 * color.green() && color.red() > 2 * color.blue();
}

// An option the kernel took and read back, as core reports it.
SocketOptionOutcome readBack(const SocketOptionSetting &asked, const QString &systemName, int effective,
                             SocketOptionAdjustment adjustment)
{
    SocketOptionOutcome outcome;
    outcome.asked = asked;
    outcome.systemName = systemName;
    outcome.readBack = true;
    outcome.effective = effective;
    outcome.adjustment = adjustment;
    return outcome;
}

// A widget lays itself out on the layout requests its changes posted: handle them now.
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

SocketAddress address(const QString &host, quint16 port)
{
    return SocketAddress::fromNumeric(host, port).value();
}

} // namespace

class TestSocketOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void offersTheOptionsOfItsSocket_data();
    void offersTheOptionsOfItsSocket();
    void untouchedOptionsAreNotSent();
    void touchedOptionsAreSent();
    void localAddressWithOrWithoutPort();
    void resetUnsetsEverything();
    void foldedItIsOneLine();
    void badLocalAddressBlocksTheSend_data();
    void badLocalAddressBlocksTheSend();
    void formsPutTheOptionsInTheirRequests();
    void optionsAreRememberedAcrossRuns();
    void outcomesSayWhatTheKernelDid_data();
    void outcomesSayWhatTheKernelDid();
    void optionsSurviveAFailedSend();
};

void TestSocketOptions::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    switchTo(u"en"_s);
}

void TestSocketOptions::cleanup()
{
    switchTo(u"en"_s);
}

void TestSocketOptions::offersTheOptionsOfItsSocket_data()
{
    QTest::addColumn<Use>("use");
    QTest::addColumn<QStringList>("offered");
    const QStringList tcp{u"nodelay"_s, u"keepalive"_s, u"keepidle"_s, u"keepintvl"_s, u"keepcnt"_s, u"rcvbuf"_s,
                          u"sndbuf"_s, u"reuseaddr"_s, u"reuseport"_s, u"linger"_s, u"ttl"_s, u"tos"_s};
    const QStringList udp{u"rcvbuf"_s, u"sndbuf"_s, u"reuseaddr"_s, u"reuseport"_s, u"ttl"_s, u"tos"_s, u"broadcast"_s};
    QStringList tcpListener = tcp;
    tcpListener.removeAll(u"reuseaddr"_s);
    tcpListener.append(u"v6only"_s);
    QTest::newRow("TCP client") << Use::TcpClient << tcp;
    QTest::newRow("UDP client") << Use::UdpClient << udp;
    QTest::newRow("TCP listener") << Use::TcpListener << tcpListener;
    QTest::newRow("UDP listener") << Use::UdpListener << (udp + QStringList{u"v6only"_s});
}

void TestSocketOptions::offersTheOptionsOfItsSocket()
{
    QFETCH(Use, use);
    QFETCH(QStringList, offered);
    SocketOptionsEdit edit(use, LocalField::None);
    QCOMPARE(offeredOptions(edit), offered);
    // An option of the other kind, set by a form that changed its transport, is not sent.
    SocketOptionsEdit other(use == Use::TcpClient ? Use::UdpClient : Use::TcpClient, LocalField::None);
    other.setSettings({{SocketOptionName::NoDelay, 1}, {SocketOptionName::Broadcast, 1}, {SocketOptionName::Ttl, 9}});
    other.setUse(use);
    QList<SocketOptionSetting> expected;
    for (const SocketOptionSetting &setting :
         {SocketOptionSetting{SocketOptionName::NoDelay, 1}, SocketOptionSetting{SocketOptionName::Ttl, 9},
          SocketOptionSetting{SocketOptionName::Broadcast, 1}}) {
        if (offered.contains(SocketOptions::cliName(setting.name)))
            expected.append(setting);
    }
    QCOMPARE(other.settings(), expected);
}

void TestSocketOptions::untouchedOptionsAreNotSent()
{
    SocketOptionsEdit edit(Use::TcpClient, LocalField::AddressAndPort);
    QVERIFY(edit.settings().isEmpty());
    QVERIFY(!edit.localAddress().isValid());
    QVERIFY(edit.summary().isEmpty());
    QVERIFY(!edit.resetButton()->isEnabled());
    QCOMPARE(edit.switchBox(SocketOptionName::NoDelay)->checkState(), Qt::PartiallyChecked);
    QCOMPARE(edit.numberBox(SocketOptionName::ReceiveBuffer)->text(), u"default"_s);
    QCOMPARE(edit.lingerCombo()->currentText(), u"default"_s);
    QString problem;
    QVERIFY(edit.isComplete(&problem));
}

void TestSocketOptions::touchedOptionsAreSent()
{
    SocketOptionsEdit edit(Use::TcpClient, LocalField::AddressAndPort);
    edit.setUnfolded(true);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    QCheckBox *nodelay = edit.switchBox(SocketOptionName::NoDelay);
    QTest::mouseClick(nodelay, Qt::LeftButton);
    QCOMPARE(edit.settings(), (QList<SocketOptionSetting>{{SocketOptionName::NoDelay, 1}}));
    // Once touched, a switch turned off is sent off: the person chose it.
    QTest::mouseClick(nodelay, Qt::LeftButton);
    QCOMPARE(edit.settings(), (QList<SocketOptionSetting>{{SocketOptionName::NoDelay, 0}}));
    QTest::mouseClick(nodelay, Qt::LeftButton);

    QSpinBox *rcvbuf = edit.numberBox(SocketOptionName::ReceiveBuffer);
    QCOMPARE(rcvbuf->minimum(), int(SocketOptions::minimum(SocketOptionName::ReceiveBuffer)) - 1);
    QCOMPARE(rcvbuf->maximum(), int(SocketOptions::maximum(SocketOptionName::ReceiveBuffer)));
    rcvbuf->setFocus();
    rcvbuf->selectAll();
    QTest::keyClicks(rcvbuf, u"4194304"_s);
    QCOMPARE(rcvbuf->value(), 4194304);
    QCOMPARE(edit.numberBox(SocketOptionName::Ttl)->maximum(), 255);

    // SO_LINGER on with 0 seconds: the RST lesson.
    QVERIFY(!edit.lingerSecondsBox()->isEnabled());
    edit.lingerCombo()->setCurrentIndex(2);
    QVERIFY(edit.lingerSecondsBox()->isEnabled());
    QVERIFY(edit.lingerCombo()->toolTip().contains(u"RST"_s));
    QVERIFY(nodelay->toolTip().contains(u"TCP_NODELAY"_s));
    QVERIFY(rcvbuf->toolTip().contains(u"SO_RCVBUF"_s));

    QTest::keyClicks(edit.localEdit(), u"127.0.0.2:5000"_s);
    const QList<SocketOptionSetting> expected{
        {SocketOptionName::NoDelay, 1}, {SocketOptionName::ReceiveBuffer, 4194304}, {SocketOptionName::Linger, 0}};
    QCOMPARE(edit.settings(), expected);
    QCOMPARE(edit.localAddress(), address(u"127.0.0.2"_s, 5000));
    QCOMPARE(edit.summary(), u"nodelay=1, rcvbuf=4194304, linger=0, local=127.0.0.2:5000"_s);
    QVERIFY(edit.resetButton()->isEnabled());

    edit.lingerCombo()->setCurrentIndex(1);
    QCOMPARE(edit.settings().last(), (SocketOptionSetting{SocketOptionName::Linger, SocketOptionSetting::LingerOff}));
    QVERIFY(edit.summary().contains(u"linger=off"_s));
}

void TestSocketOptions::localAddressWithOrWithoutPort()
{
    SocketOptionsEdit both(Use::TcpClient, LocalField::AddressAndPort);
    both.setLocalAddressText(u"[::1]:5000"_s);
    QCOMPARE(both.localAddress(), address(u"::1"_s, 5000));
    both.setLocalAddressText(u"::1"_s);
    QCOMPARE(both.localAddress(), address(u"::1"_s, 0));
    both.setLocalAddressText(u"127.0.0.1"_s);
    QCOMPARE(both.localAddress(), address(u"127.0.0.1"_s, 0));

    // The UDP form's port is its own field: the options take the address alone.
    SocketOptionsEdit alone(Use::UdpClient, LocalField::Address);
    alone.setLocalAddressText(u"127.0.0.2"_s);
    QCOMPARE(alone.localAddress(6000), address(u"127.0.0.2"_s, 6000));
    alone.setLocalAddressText(u"127.0.0.2:6000"_s);
    QString problem;
    QVERIFY(!alone.isComplete(&problem));
    QVERIFY2(problem.contains(u"Local port"_s), qPrintable(problem));
    QVERIFY(!alone.localAddress(6000).isValid());
}

void TestSocketOptions::resetUnsetsEverything()
{
    SocketOptionsEdit edit(Use::UdpClient, LocalField::AddressAndPort);
    edit.setUnfolded(true);
    edit.show();
    QVERIFY(QTest::qWaitForWindowExposed(&edit));
    edit.setSettings({{SocketOptionName::Broadcast, 1}, {SocketOptionName::Ttl, 3}});
    edit.setLocalAddressText(u"127.0.0.1:7000"_s);
    QCOMPARE(edit.settings().size(), 2);
    QTest::mouseClick(edit.resetButton(), Qt::LeftButton);
    QVERIFY(edit.settings().isEmpty());
    QVERIFY(!edit.localAddress().isValid());
    QVERIFY(edit.localEdit()->text().isEmpty());
    QCOMPARE(edit.switchBox(SocketOptionName::Broadcast)->checkState(), Qt::PartiallyChecked);
    QCOMPARE(edit.numberBox(SocketOptionName::Ttl)->value(), edit.numberBox(SocketOptionName::Ttl)->minimum());
    QVERIFY(!edit.resetButton()->isEnabled());
}

void TestSocketOptions::foldedItIsOneLine()
{
    // As in the window: the form above a request editor that takes the rest of the height.
    QWidget box;
    auto *layout = new QVBoxLayout(&box);
    auto *panel = new ConnectionPanel;
    layout->addWidget(panel);
    layout->addWidget(new QPlainTextEdit, 1);
    box.resize(1000, 500);
    box.show();
    QVERIFY(QTest::qWaitForWindowExposed(&box));
    SocketOptionsEdit *edit = panel->socketOptionsEdit();
    QVERIFY(!edit->isUnfolded());
    QVERIFY(!edit->optionRow(SocketOptionName::NoDelay)->isVisible());
    QVERIFY2(edit->height() <= edit->fontMetrics().height() * 3, qPrintable(QString::number(edit->height())));
    const int folded = edit->height();
    edit->setSettings({{SocketOptionName::NoDelay, 1}, {SocketOptionName::ReceiveBuffer, 4194304}});
    QCOMPARE(edit->summary(), u"nodelay=1, rcvbuf=4194304"_s);
    // The folded line says what is set, in a widget of its own beside the fold.
    bool shown = false;
    for (QWidget *child : edit->findChildren<QWidget *>(QString(), Qt::FindDirectChildrenOnly))
        shown = shown || (child->isVisible() && child->toolTip() == edit->summary());
    QVERIFY(shown);
    QTest::mouseClick(edit->foldButton(), Qt::LeftButton);
    QTRY_VERIFY(edit->optionRow(SocketOptionName::NoDelay)->isVisible());
    QVERIFY(edit->isUnfolded());
    // At 1000 px the options wrap onto a second row; with the height short, the layout gives each
    // widget its minimum. The rows must still not run over each other or the local address.
    settle();
    box.resize(1000, box.minimumSizeHint().height());
    settle();
    QVERIFY(edit->height() > folded * 2);
    QRect previous;
    for (SocketOptionName name : SocketOptions::all()) {
        const QWidget *row = edit->optionRow(name);
        if (row->isHidden())
            continue;
        const QRect rect(row->mapTo(edit, QPoint(0, 0)), row->size());
        QVERIFY(edit->rect().contains(rect));
        QVERIFY2(!rect.intersects(previous), qPrintable(SocketOptions::cliName(name)));
        previous = rect;
    }
    const QWidget *local = edit->localEdit();
    const QRect localRect(local->mapTo(edit, QPoint(0, 0)), local->size());
    QVERIFY(edit->rect().contains(localRect));
    QVERIFY(localRect.top() > previous.bottom());
}

void TestSocketOptions::badLocalAddressBlocksTheSend_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("field");
    QTest::newRow("English") << u"en"_s << u"Local address:"_s;
    QTest::newRow("French") << u"fr"_s << u"Adresse source\u00a0:"_s;
}

void TestSocketOptions::badLocalAddressBlocksTheSend()
{
    QFETCH(QString, language);
    QFETCH(QString, field);
    ConnectionPanel tcp;
    UdpPanel udp;
    ConversationPage conversation;
    tcp.setTarget(u"127.0.0.1"_s, u"80"_s);
    udp.setTarget(u"127.0.0.1"_s, u"7"_s);
    conversation.targetEdit()->setTarget(u"127.0.0.1"_s, u"7"_s);
    struct Form
    {
        SocketOptionsEdit *options;
        QPushButton *send;
        QLabel *formProblem;
        QWidget *window;
    };
    const Form forms[] = {{tcp.socketOptionsEdit(), tcp.sendButton(), tcp.problemLabel(), &tcp},
                          {udp.socketOptionsEdit(), udp.sendButton(), udp.problemLabel(), &udp},
                          {conversation.socketOptionsEdit(), conversation.connectButton(), conversation.problemLabel(),
                           &conversation}};
    for (const Form &form : forms) {
        form.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(form.window));
        QVERIFY(form.send->isEnabled());
        // Typed while English is shown; the sentence follows the language switched to afterwards.
        form.options->localEdit()->setText(u"10.0.0.300"_s);
        QVERIFY(!form.send->isEnabled());
    }
    switchTo(language);
    for (const Form &form : forms) {
        QLabel *problem = form.options->problemLabel();
        // Seen even with the options folded.
        QVERIFY(!form.options->isUnfolded());
        QVERIFY(problem->isVisible());
        QVERIFY2(problem->text().startsWith(field), qPrintable(problem->text()));
        QVERIFY(problem->text().contains(u"10.0.0.300"_s));
        QVERIFY(isRed(problem));
        // Said once: not again in the form's grey line.
        QVERIFY(!form.formProblem->isVisible());
        QVERIFY(!form.send->isEnabled());
    }
    QString problem;
    QVERIFY(!tcp.isComplete(&problem));
    QVERIFY(problem.startsWith(field));
    tcp.socketOptionsEdit()->localEdit()->setText(u"127.0.0.1:99999"_s);
    QVERIFY(tcp.socketOptionsEdit()->problemLabel()->text().contains(u"65535"_s));
    tcp.socketOptionsEdit()->localEdit()->setText(u"127.0.0.1:5000"_s);
    QVERIFY(!tcp.socketOptionsEdit()->problemLabel()->isVisible());
    QVERIFY(tcp.sendButton()->isEnabled());
    // A problem of the form's own is still said in its line.
    tcp.socketOptionsEdit()->localEdit()->setText(u"nowhere"_s);
    tcp.setTarget(QString(), u"80"_s);
    QVERIFY(tcp.problemLabel()->isVisible());
    QVERIFY(!tcp.problemLabel()->text().startsWith(field));
}

void TestSocketOptions::formsPutTheOptionsInTheirRequests()
{
    ConnectionPanel tcp;
    tcp.setTarget(u"127.0.0.1"_s, u"80"_s);
    tcp.socketOptionsEdit()->setSettings({{SocketOptionName::NoDelay, 1}, {SocketOptionName::Linger, 0}});
    tcp.socketOptionsEdit()->setLocalAddressText(u"127.0.0.2:5000"_s);
    const TcpRequest tcpRequest = ExchangeController::request(tcp.settings(), "GET /\r\n");
    QCOMPARE(tcpRequest.socketOptions,
             (QList<SocketOptionSetting>{{SocketOptionName::NoDelay, 1}, {SocketOptionName::Linger, 0}}));
    QCOMPARE(tcpRequest.localAddress, address(u"127.0.0.2"_s, 5000));

    UdpPanel udp;
    udp.setTarget(u"127.0.0.1"_s, u"7"_s);
    udp.localPortSpin()->setValue(6000);
    udp.socketOptionsEdit()->setSettings({{SocketOptionName::Broadcast, 1}, {SocketOptionName::ReceiveBuffer, 4194304}});
    udp.socketOptionsEdit()->setLocalAddressText(u"127.0.0.2"_s);
    const UdpRequest udpRequest = udp.request();
    QCOMPARE(udpRequest.socketOptions,
             (QList<SocketOptionSetting>{{SocketOptionName::ReceiveBuffer, 4194304}, {SocketOptionName::Broadcast, 1}}));
    QCOMPARE(udpRequest.localAddress, address(u"127.0.0.2"_s, 6000));
    // Without a local address, the local port alone is bound as before.
    udp.socketOptionsEdit()->setLocalAddressText(QString());
    QVERIFY(!udp.request().localAddress.isValid());
    QCOMPARE(udp.request().bindPort, quint16(6000));

    ConversationPage conversation;
    conversation.targetEdit()->setTarget(u"127.0.0.1"_s, u"7"_s);
    conversation.socketOptionsEdit()->setSettings({{SocketOptionName::NoDelay, 1}, {SocketOptionName::Ttl, 7}});
    conversation.socketOptionsEdit()->setLocalAddressText(u"[::1]:0"_s);
    QCOMPARE(conversation.request().socketOptions,
             (QList<SocketOptionSetting>{{SocketOptionName::NoDelay, 1}, {SocketOptionName::Ttl, 7}}));
    QCOMPARE(conversation.request().localAddress, address(u"::1"_s, 0));
    conversation.transportCombo()->setCurrentIndex(1); // UDP
    QCOMPARE(conversation.request().socketOptions, (QList<SocketOptionSetting>{{SocketOptionName::Ttl, 7}}));
    QVERIFY(!conversation.socketOptionsEdit()->optionRow(SocketOptionName::Broadcast)->isHidden());
    // A new conversation starts with the options of the one in view.
    ConversationPage copy;
    copy.copyTargetFrom(conversation);
    QCOMPARE(copy.request().socketOptions, conversation.request().socketOptions);
    QCOMPARE(copy.request().localAddress, conversation.request().localAddress);

    ListenerForm listener;
    listener.socketOptionsEdit()->setSettings({{SocketOptionName::V6Only, 1}, {SocketOptionName::KeepAlive, 1}});
    QCOMPARE(listener.settings().socketOptions,
             (QList<SocketOptionSetting>{{SocketOptionName::KeepAlive, 1}, {SocketOptionName::V6Only, 1}}));
    listener.transportCombo()->setCurrentIndex(1); // UDP
    QCOMPARE(listener.settings().socketOptions, (QList<SocketOptionSetting>{{SocketOptionName::V6Only, 1}}));
}

void TestSocketOptions::optionsAreRememberedAcrossRuns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"settings.ini"_s);
    const QList<SocketOptionSetting> tcpOptions{{SocketOptionName::NoDelay, 0},
                                                {SocketOptionName::ReceiveBuffer, 4194304},
                                                {SocketOptionName::Linger, SocketOptionSetting::LingerOff}};
    const QList<SocketOptionSetting> udpOptions{{SocketOptionName::Tos, 0}, {SocketOptionName::Broadcast, 1}};
    {
        ConnectionPanel tcp;
        tcp.socketOptionsEdit()->setSettings(tcpOptions);
        tcp.socketOptionsEdit()->setLocalAddressText(u"127.0.0.2:5000"_s);
        tcp.socketOptionsEdit()->setUnfolded(true);
        UdpPanel udp;
        udp.socketOptionsEdit()->setSettings(udpOptions);
        udp.socketOptionsEdit()->setLocalAddressText(u"::1"_s);
        ConversationPanel conversations;
        conversations.currentPage()->transportCombo()->setCurrentIndex(1); // UDP
        conversations.currentPage()->socketOptionsEdit()->setSettings(udpOptions);
        QSettings settings(path, QSettings::IniFormat);
        tcp.saveState(settings);
        udp.saveState(settings);
        conversations.saveState(settings);
    }
    const QSettings file(path, QSettings::IniFormat);
    StoredSettings settings(file);
    ConnectionPanel tcp;
    tcp.restoreState(settings);
    QCOMPARE(tcp.socketOptionsEdit()->settings(), tcpOptions);
    QCOMPARE(tcp.settings().localAddress, address(u"127.0.0.2"_s, 5000));
    QVERIFY(tcp.socketOptionsEdit()->isUnfolded());
    UdpPanel udp;
    udp.restoreState(settings);
    QCOMPARE(udp.socketOptionsEdit()->settings(), udpOptions);
    QCOMPARE(udp.socketOptionsEdit()->localAddressText(), u"::1"_s);
    QVERIFY(!udp.socketOptionsEdit()->isUnfolded());
    ConversationPanel conversations;
    conversations.restoreState(settings);
    QCOMPARE(conversations.currentPage()->request().socketOptions, udpOptions);
    QVERIFY(settings.refusedKeys().isEmpty());

    // A value edited out of its range by hand is refused and named, the option left unset.
    {
        QSettings edited(path, QSettings::IniFormat);
        edited.setValue(u"connection/sockopt/ttl"_s, 300);
    }
    const QSettings editedFile(path, QSettings::IniFormat);
    StoredSettings edited(editedFile);
    ConnectionPanel again;
    again.restoreState(edited);
    QCOMPARE(again.socketOptionsEdit()->settings(), tcpOptions);
    QVERIFY(edited.refusedKeys().contains(u"connection/sockopt/ttl"_s));
}

void TestSocketOptions::outcomesSayWhatTheKernelDid_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("doubled");
    QTest::addColumn<QString>("capped");
    QTest::newRow("English") << u"en"_s << u"doubles"_s << u"capped"_s;
    QTest::newRow("French") << u"fr"_s << u"double"_s << u"plafonné"_s;
}

void TestSocketOptions::outcomesSayWhatTheKernelDid()
{
    QFETCH(QString, language);
    QFETCH(QString, doubled);
    QFETCH(QString, capped);
    const SocketOptionOutcome twice = readBack({SocketOptionName::SendBuffer, 100000}, u"SO_SNDBUF"_s, 200000,
                                               SocketOptionAdjustment::Doubled);
    SocketOptionOutcome cap = readBack({SocketOptionName::ReceiveBuffer, 4194304}, u"SO_RCVBUF"_s, 425984,
                                       SocketOptionAdjustment::CappedThenDoubled);
    cap.systemLimit = 212992;
    SocketOptionOutcome refused;
    refused.asked = {SocketOptionName::Tos, 4};
    refused.systemName = u"IP_TOS"_s;
    refused.error = NetError::fromErrno(EPERM, u"setsockopt"_s);

    // In the reply's summary, as an exchange that ended shows them.
    ReplyPanel reply;
    reply.show();
    QVERIFY(QTest::qWaitForWindowExposed(&reply));
    auto record = std::make_shared<ExchangeRecord>();
    record->result.socketOptions = {twice, cap, refused};
    reply.showRecord(record);
    SocketOptionOutcomes *outcomes = reply.optionOutcomes();
    QVERIFY(outcomes->isVisible());
    switchTo(language);
    const QList<QLabel *> lines = outcomes->lines();
    QCOMPARE(lines.size(), 3);
    QCOMPARE(lines[0]->text(), describeOptionOutcome(twice));
    QVERIFY2(lines[0]->text().startsWith(u"SO_SNDBUF"_s) && lines[0]->text().contains(doubled),
             qPrintable(lines[0]->text()));
    QVERIFY2(lines[1]->text().contains(u"net.core.rmem_max"_s) && lines[1]->text().contains(capped),
             qPrintable(lines[1]->text()));
    QVERIFY2(lines[1]->text().contains(QLocale().toString(425984)), qPrintable(lines[1]->text()));
    QVERIFY2(lines[2]->text().contains(u"EPERM"_s), qPrintable(lines[2]->text()));
    QVERIFY(!isRed(lines[0]) && !isRed(lines[1]));
    QVERIFY(isRed(lines[2]));
    // An exchange without options says nothing about them.
    reply.showRecord(std::make_shared<ExchangeRecord>());
    QVERIFY(!outcomes->isVisible());
    QVERIFY(outcomes->lines().isEmpty());
}

// A send that fails leaves the options in the form and in the history's record, for the next try.
void TestSocketOptions::optionsSurviveAFailedSend()
{
    LocalServers servers;
    QVERIFY(!startAndWait(servers).isError());
    clearHistoryFolder();
    MainWindow window(&servers);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionPanel *connection = window.findChild<ConnectionPanel *>();
    QVERIFY(connection);
    const QList<SocketOptionSetting> options{{SocketOptionName::NoDelay, 1}, {SocketOptionName::Linger, 0}};
    connection->socketOptionsEdit()->setSettings(options);
    // Port 1 on loopback: nothing listens there, connect() is refused.
    connection->setTarget(u"127.0.0.1"_s, u"1"_s);
    QTest::mouseClick(connection->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(window.historyPanel()->count(), 1, 30000);
    QVERIFY(window.replyPanel()->record()->result.error.isError());
    QCOMPARE(window.replyPanel()->record()->settings.socketOptions, options);
    QCOMPARE(connection->socketOptionsEdit()->settings(), options);
    QVERIFY(connection->sendButton()->isEnabled());
}

QTEST_MAIN(TestSocketOptions)
#include "tst_socketoptions.moc"
