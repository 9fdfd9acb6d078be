#include "startandwait.h"
#include "historytesting.h"
#include "peerprocess.h"
#include "testcertificates.h"
#include "tlspeer.h"

#include "connection/connectionpanel.h"
#include "connection/tlsoptionsedit.h"
#include "exchangecontroller.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "reply/hexview.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"
#include "settings/settingsdialog.h"
#include "settings/trustedcertificatespage.h"
#include "tls/certificateview.h"
#include "tls/pinstore.h"
#include "tls/trustdialog.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"
#include "widgets/targetedit.h"

#include "bytes/bytesource.h"
#include "collections/savedrequest.h"
#include "http/httpresponseparser.h"
#include "servers/httpdemosite.h"
#include "servers/localservers.h"
#include "text/tlstext.h"
#include "text/translations.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSettings>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QTreeWidget>

using namespace SocketLab;
using namespace Qt::StringLiterals;

// The window's side of TLS: the form's switch, a refused certificate said in one sentence with its
// chain shown, trusting it as a per-host pin that Settings lists and removes, a pin mismatch.
class TestTlsWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void httpsUrlTurnsTlsOn();
    void port443TurnsTlsOnUnlessTurnedOff();
    void tlsChoiceIsRemembered();
    void selfSignedIsRefusedThenTrusted_data();
    void selfSignedIsRefusedThenTrusted();
    void pinMismatchShowsBothFingerprints();
    void embeddedHttpsFromUrlToCertificate_data();
    void embeddedHttpsFromUrlToCertificate();
    void handshakeWaitsReadLikeFoldedRecvRuns();
    void savedTlsRequestSendsItsTlsOptions();
    void savedMinimumVersionIsRequired();
    void savedRecvSizeReachesRecv();
    void tlsOptionsShowWithTls();
    void badTlsOptionsDisableSend();
    void tlsOptionsAndRecvSizeAreRemembered();

private:
    void aimAt(const TlsPeer &peer);
    void sendAndWait(int expectedHistory);
    std::shared_ptr<const ExchangeRecord> record() const { return m_window->replyPanel()->record(); }

    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certs;
    std::unique_ptr<MainWindow> m_window;
};

void TestTlsWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_certs = std::make_unique<TestCertificates>(m_dir.path());
}

void TestTlsWindow::init()
{
    QSettings().clear();
    Translations::install(u"en"_s);
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(nullptr);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestTlsWindow::cleanup()
{
    m_window.reset();
    Translations::install(u"en"_s);
}

void TestTlsWindow::aimAt(const TlsPeer &peer)
{
    ConnectionPanel *form = m_window->connectionPanel();
    form->setTarget(u"127.0.0.1"_s, peer.service());
    if (!form->tlsCheck()->isChecked())
        QTest::mouseClick(form->tlsCheck(), Qt::LeftButton, {}, QPoint(5, form->tlsCheck()->height() / 2));
    QVERIFY(form->tlsCheck()->isChecked());
    // openssl s_server -www answers a GET with a page about the connection, then closes.
    m_window->requestEditor()->setHttpMode(false);
    m_window->requestEditor()->setBytes("GET / HTTP/1.0\r\n\r\n");
}

void TestTlsWindow::sendAndWait(int expectedHistory)
{
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), expectedHistory, 30000);
}

void TestTlsWindow::httpsUrlTurnsTlsOn()
{
    ConnectionPanel *form = m_window->connectionPanel();
    QLineEdit *host = form->targetEdit()->hostEdit();
    QVERIFY(!form->tlsCheck()->isChecked());
    host->setFocus();
    host->selectAll();
    QGuiApplication::clipboard()->setText(u"https://127.0.0.1/index.html"_s);
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(host->text(), u"127.0.0.1"_s);
    QCOMPARE(form->targetEdit()->portEdit()->text(), u"443"_s);
    QVERIFY(form->tlsCheck()->isChecked());
    QVERIFY(form->settings().tls);
    // The Host header of an https:// URL on its own port leaves the port out.
    QVERIFY(m_window->requestEditor()->bytes().contains("Host: 127.0.0.1\r\n"));

    // An https:// URL on another port is TLS too; an http:// one is not, even on 443.
    host->selectAll();
    QGuiApplication::clipboard()->setText(u"https://127.0.0.1:8443/"_s);
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(form->targetEdit()->portEdit()->text(), u"8443"_s);
    QVERIFY(form->tlsCheck()->isChecked());
    host->selectAll();
    QGuiApplication::clipboard()->setText(u"http://127.0.0.1:8080/"_s);
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
    QVERIFY(!form->tlsCheck()->isChecked());
}

void TestTlsWindow::port443TurnsTlsOnUnlessTurnedOff()
{
    ConnectionPanel *form = m_window->connectionPanel();
    QLineEdit *port = form->targetEdit()->portEdit();
    form->setTarget(u"example.org"_s, u"80"_s);
    QVERIFY(!form->tlsCheck()->isChecked());
    port->selectAll();
    QTest::keyClicks(port, u"443"_s);
    QVERIFY(form->tlsCheck()->isChecked());
    // Leaving 443 takes back what the port turned on.
    port->selectAll();
    QTest::keyClicks(port, u"80"_s);
    QVERIFY(!form->tlsCheck()->isChecked());

    // Turned off by the person for example.org:443, it stays off there.
    port->selectAll();
    QTest::keyClicks(port, u"443"_s);
    QVERIFY(form->tlsCheck()->isChecked());
    QTest::mouseClick(form->tlsCheck(), Qt::LeftButton, {}, QPoint(5, form->tlsCheck()->height() / 2));
    QVERIFY(!form->tlsCheck()->isChecked());
    port->selectAll();
    QTest::keyClicks(port, u"80"_s);
    port->selectAll();
    QTest::keyClicks(port, u"443"_s);
    QVERIFY(!form->tlsCheck()->isChecked());
    QVERIFY(!form->settings().tls);
    // Another host on 443 gets it by itself again.
    form->setTarget(u"example.com"_s, u"443"_s);
    QVERIFY(form->tlsCheck()->isChecked());
}

void TestTlsWindow::tlsChoiceIsRemembered()
{
    ConnectionPanel *form = m_window->connectionPanel();
    form->setTarget(u"example.org"_s, u"8443"_s);
    QTest::mouseClick(form->tlsCheck(), Qt::LeftButton, {}, QPoint(5, form->tlsCheck()->height() / 2));
    QVERIFY(form->tlsCheck()->isChecked());
    m_window->close();
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(nullptr);
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), u"8443"_s);
    QVERIFY(m_window->connectionPanel()->tlsCheck()->isChecked());

    // Off on 443 stays off too.
    form = m_window->connectionPanel();
    form->setTarget(u"example.org"_s, u"443"_s);
    QTest::mouseClick(form->tlsCheck(), Qt::LeftButton, {}, QPoint(5, form->tlsCheck()->height() / 2));
    QVERIFY(!form->tlsCheck()->isChecked());
    m_window->close();
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(nullptr);
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), u"443"_s);
    QVERIFY(!m_window->connectionPanel()->tlsCheck()->isChecked());
}

void TestTlsWindow::selfSignedIsRefusedThenTrusted_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("French") << u"fr"_s;
}

void TestTlsWindow::selfSignedIsRefusedThenTrusted()
{
    QFETCH(QString, language);
    QVERIFY(Translations::install(language));
    const TestCertificates::Issued cert = m_certs->selfSigned(u"self-"_s + language);
    TlsPeer peer(cert.certPath, cert.keyPath);
    QVERIFY(peer.port() != 0);
    aimAt(peer);
    sendAndWait(1);

    // Refused, in one sentence, nothing sent; the chain is in view.
    ReplyPanel *reply = m_window->replyPanel();
    QVERIFY(record()->result.tls);
    QCOMPARE(record()->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(record()->result.tls->verify.outcome, TlsVerify::Outcome::SelfSigned);
    QCOMPARE(record()->result.sentBytes, qint64(0));
    const QString sentence = TlsText::refusal(record()->result.tls->verify, record()->result.tls->chain, u"127.0.0.1"_s);
    QVERIFY(reply->errorLabel()->isVisible());
    QCOMPARE(reply->errorLabel()->text(), sentence);
    QCOMPARE(reply->tabs()->currentWidget(), reply->certificateView());
    const QString view = reply->certificateView()->browser()->toPlainText();
    QVERIFY2(view.contains(TlsText::fingerprint(cert.sha256)), qPrintable(view));
    QVERIFY(view.contains(u"CN=localhost"_s));
    QVERIFY(view.contains(u"127.0.0.1"_s));
    if (language == u"fr"_s) {
        QVERIFY2(!sentence.contains(u"certificate"_s), qPrintable(sentence));
        QVERIFY2(view.contains(u"Empreinte SHA-256"_s), qPrintable(view));
        QCOMPARE(reply->tabs()->tabText(3), u"Certificat"_s);
    } else {
        QVERIFY(view.contains(u"SHA-256 fingerprint"_s));
        QCOMPARE(reply->tabs()->tabText(3), u"Certificate"_s);
    }
    // The handshake is in the trace; the certificate check's outcome is in the errno column, its
    // meaning beside it.
    const QList<TraceEntry> trace = m_window->traceView()->traceModel()->entries();
    QVERIFY(std::any_of(trace.cbegin(), trace.cend(), [](const TraceEntry &e) { return e.call == u"SSL_connect"_s; }));
    const auto check = std::find_if(trace.cbegin(), trace.cend(),
                                    [](const TraceEntry &e) { return e.call == u"X509_verify_cert"_s; });
    QVERIFY(check != trace.cend());
    TraceModel *model = m_window->traceView()->traceModel();
    const int row = int(check - trace.cbegin());
    QCOMPARE(model->index(row, TraceModel::Errno).data().toString(), u"X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT"_s);
    const QString meaning = model->index(row, TraceModel::Meaning).data().toString();
    QVERIFY2(meaning.startsWith(TraceModel::tr("the certificate check failed")), qPrintable(meaning));
    QVERIFY(meaning.contains(check->statusDetail));
    QVERIFY(model->index(row, TraceModel::Errno).data(Qt::ToolTipRole).toString().contains(check->status));

    // Trusting it shows where and which certificate, stores the pin and sends again.
    QPushButton *trust = reply->trustButton();
    QVERIFY(trust->isVisible());
    QTest::mouseClick(trust, Qt::LeftButton);
    TrustDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<TrustDialog *>()));
    QVERIFY(dialog->text().contains(u"127.0.0.1:%1"_s.arg(peer.port())));
    QVERIFY(dialog->informativeText().contains(TlsText::fingerprint(cert.sha256)));
    QTest::mouseClick(static_cast<QPushButton *>(dialog->trustButton()), Qt::LeftButton);
    QCOMPARE(PinStore::pin(u"127.0.0.1"_s, peer.service()), cert.sha256);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 2, 30000);
    QVERIFY2(!record()->result.error.isError(), qPrintable(reply->errorLabel()->text()));
    QVERIFY(record()->result.tls->verify.pinned);
    QVERIFY(record()->reply->read(0, 8) == "HTTP/1.0");
    QVERIFY(!reply->trustButton()->isVisible());
    // The refusal showed the certificate; the reply goes back to the tab the person had.
    QCOMPARE(reply->tabs()->currentWidget(), reply->hexView());
    QVERIFY(reply->certificateView()->browser()->toPlainText().contains(TlsText::fingerprint(cert.sha256)));

    // Settings lists the pin; removed, the next send is refused again.
    m_window->settingsAction()->trigger();
    SettingsDialog *settings = nullptr;
    QTRY_VERIFY((settings = m_window->findChild<SettingsDialog *>()));
    QTreeWidget *list = settings->trustedCertificatesPage()->list();
    QCOMPARE(list->topLevelItemCount(), 1);
    QCOMPARE(list->topLevelItem(0)->text(0), u"127.0.0.1:%1"_s.arg(peer.port()));
    QCOMPARE(list->topLevelItem(0)->text(1), TlsText::fingerprint(cert.sha256));
    list->setCurrentItem(list->topLevelItem(0));
    QTest::mouseClick(settings->trustedCertificatesPage()->removeButton(), Qt::LeftButton);
    QCOMPARE(list->topLevelItemCount(), 0);
    QVERIFY(PinStore::pins().isEmpty());
    settings->reject();
    QTRY_VERIFY(!m_window->findChild<SettingsDialog *>());
    QTest::mouseClick(m_window->connectionPanel()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 3, 30000);
    QCOMPARE(record()->result.error.kind, NetError::Kind::Certificate);
    QCOMPARE(reply->errorLabel()->text(), sentence);
}

void TestTlsWindow::pinMismatchShowsBothFingerprints()
{
    const TestCertificates::Issued trusted = m_certs->selfSigned(u"trusted"_s);
    const TestCertificates::Issued other = m_certs->selfSigned(u"other"_s);
    TlsPeer peer(other.certPath, other.keyPath);
    QVERIFY(peer.port() != 0);
    PinStore::setPin(u"127.0.0.1"_s, peer.service(), trusted.sha256);
    aimAt(peer);
    sendAndWait(1);

    ReplyPanel *reply = m_window->replyPanel();
    QCOMPARE(record()->result.tls->verify.outcome, TlsVerify::Outcome::PinMismatch);
    const QString error = reply->errorLabel()->text();
    QVERIFY2(error.contains(TlsText::fingerprint(trusted.sha256)), qPrintable(error));
    QVERIFY2(error.contains(TlsText::fingerprint(other.sha256)), qPrintable(error));
    // No silent way around: replacing the pin asks, with both prints, and Cancel keeps the old one.
    QVERIFY(reply->trustButton()->isVisible());
    QCOMPARE(reply->trustButton()->text(), ReplyPanel::tr("Replace the pinned certificate…"));
    QTest::mouseClick(reply->trustButton(), Qt::LeftButton);
    TrustDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<TrustDialog *>()));
    QVERIFY(dialog->informativeText().contains(TlsText::fingerprint(trusted.sha256)));
    QVERIFY(dialog->informativeText().contains(TlsText::fingerprint(other.sha256)));
    QCOMPARE(dialog->defaultButton(), dialog->button(QMessageBox::Cancel));
    QTest::mouseClick(dialog->button(QMessageBox::Cancel), Qt::LeftButton);
    QCOMPARE(PinStore::pin(u"127.0.0.1"_s, peer.service()), trusted.sha256);
    QTest::qWait(50);
    QCOMPARE(m_window->historyPanel()->count(), 1);
}

void TestTlsWindow::embeddedHttpsFromUrlToCertificate_data()
{
    selfSignedIsRefusedThenTrusted_data();
}

// A first launch with no network: the built-in HTTPS demo's URL pasted, its self-signed certificate
// refused then trusted, the page read over TLS and the certificate in view.
void TestTlsWindow::embeddedHttpsFromUrlToCertificate()
{
    QFETCH(QString, language);
    QVERIFY(Translations::install(language));
    LocalServers servers;
    servers.setCertificateDir(m_dir.filePath(u"data-"_s + language));
    const NetError started = startAndWait(servers);
    QVERIFY2(!started.isError(), qPrintable(started.codeName()));
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&servers);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    const QString port = QString::number(servers.httpsAddress().port());
    // The status bar names it beside the others.
    const QList<QLabel *> labels = m_window->statusBar()->findChildren<QLabel *>();
    const QString https = u"HTTPS %1"_s.arg(servers.httpsAddress().toString());
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [&](const QLabel *label) { return label->text().contains(https); }));

    ConnectionPanel *form = m_window->connectionPanel();
    QLineEdit *host = form->targetEdit()->hostEdit();
    host->setFocus();
    host->selectAll();
    QGuiApplication::clipboard()->setText(u"https://localhost:%1/hello"_s.arg(port));
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(form->targetEdit()->portEdit()->text(), port);
    QVERIFY(form->tlsCheck()->isChecked());
    QVERIFY(m_window->requestEditor()->bytes().startsWith("GET /hello HTTP/1.1\r\n"));
    sendAndWait(1);

    ReplyPanel *reply = m_window->replyPanel();
    QCOMPARE(record()->result.tls->verify.outcome, TlsVerify::Outcome::SelfSigned);
    QCOMPARE(record()->result.tls->serverName, u"localhost"_s);
    QCOMPARE(record()->result.tls->chain.first().sha256, servers.https()->certificateSha256());
    QCOMPARE(reply->tabs()->currentWidget(), reply->certificateView());
    QTest::mouseClick(reply->trustButton(), Qt::LeftButton);
    TrustDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = m_window->findChild<TrustDialog *>()));
    QVERIFY(dialog->informativeText().contains(TlsText::fingerprint(servers.https()->certificateSha256())));
    QTest::mouseClick(static_cast<QPushButton *>(dialog->trustButton()), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 2, 30000);

    QVERIFY2(!record()->result.error.isError(), qPrintable(reply->errorLabel()->text()));
    QVERIFY(record()->result.tls->verify.pinned);
    QCOMPARE(record()->result.tls->alpn, QByteArray("http/1.1"));
    QVERIFY(record()->reply->read(0, 15) == "HTTP/1.1 200 OK");
    reply->tabs()->setCurrentWidget(reply->certificateView());
    const QString view = reply->certificateView()->browser()->toPlainText();
    QVERIFY2(view.contains(TlsText::fingerprint(servers.https()->certificateSha256())), qPrintable(view));
    QVERIFY(view.contains(u"CN=localhost"_s));
    QVERIFY(view.contains(u"TLSv1.3"_s));
    QVERIFY(view.contains(language == u"fr"_s ? u"Empreinte SHA-256"_s : u"SHA-256 fingerprint"_s));
    // The view's plain text has ordinary spaces where the French sentence has no-break ones.
    QVERIFY(view.contains(TlsText::verdict(record()->result.tls->verify, record()->result.tls->chain, u"localhost"_s)
                              .replace(QChar::Nbsp, u' ')));
}

// A handshake's waits for the peer fold into one row, as recv runs do, their outcome in words.
void TestTlsWindow::handshakeWaitsReadLikeFoldedRecvRuns()
{
    QVERIFY(Translations::install(u"fr"_s));
    TraceModel model;
    TraceEntry wait;
    wait.timeUs = 1000;
    wait.call = u"SSL_connect"_s;
    wait.result = -1;
    wait.count = 4;
    wait.lastTimeUs = 3000;
    wait.status = u"SSL_ERROR_WANT_READ"_s;
    TraceEntry done = wait;
    done.timeUs = 4000;
    done.result = 1;
    done.count = 1;
    done.status.clear();
    model.setEntries({wait, done});
    QCOMPARE(model.index(0, TraceModel::Calls).data().toString(), u"×4"_s);
    QCOMPARE(model.index(0, TraceModel::Errno).data().toString(), u"SSL_ERROR_WANT_READ"_s);
    QCOMPARE(model.index(0, TraceModel::Meaning).data().toString(), u"attend le prochain enregistrement TLS du pair"_s);
    QCOMPARE(model.index(0, TraceModel::Meaning).data(Qt::ToolTipRole).toString(),
             u"attend le prochain enregistrement TLS du pair (SSL_ERROR_WANT_READ)"_s);
    QVERIFY(model.index(1, TraceModel::Errno).data().toString().isEmpty());
    QVERIFY(model.index(1, TraceModel::Meaning).data().toString().isEmpty());
}

// A saved request for lab.test by its address, trusting the test CA, offering h2 alone: what the
// server saw is in its reply's X-Sni and X-Alpn headers.
void TestTlsWindow::savedTlsRequestSendsItsTlsOptions()
{
    TestCertificateSpec spec;
    spec.commonName = u"lab.test"_s;
    spec.altNames = {u"DNS:lab.test"_s};
    const TestCertificates::Issued cert = m_certs->signedByCa(u"labtest"_s, spec);
    PeerProcess peer(u"tls_peer.py"_s, {u"close-notify"_s, u"--cert"_s, cert.certPath, u"--key"_s, cert.keyPath,
                                         u"--alpn"_s, u"http/1.1,h2"_s});
    QVERIFY(peer.port() != 0);

    SavedRequest saved;
    saved.name = u"virtual host"_s;
    saved.kind = SavedRequest::Kind::Tls;
    saved.tcp.host = u"127.0.0.1"_s;
    saved.tcp.service = peer.service();
    saved.tcp.payload = "GET / HTTP/1.0\r\nHost: lab.test\r\n\r\n";
    saved.tcp.tls.serverName = u"lab.test"_s;
    saved.tcp.tls.alpn = {QByteArrayLiteral("h2")};
    saved.tcp.tls.minVersion = TlsVersion::Tls13;
    saved.tcp.tls.caFile = m_certs->ca().certPath;
    m_window->openSavedRequest(saved, true);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);

    QVERIFY2(!record()->result.error.isError(), qPrintable(record()->result.error.call + record()->result.error.message));
    QCOMPARE(record()->result.tls->verify.outcome, TlsVerify::Outcome::Ok);
    QCOMPARE(record()->result.http->headerValue("X-Sni"), QByteArray("lab.test"));
    QCOMPARE(record()->result.http->headerValue("X-Alpn"), QByteArray("h2"));
    QCOMPARE(record()->result.tls->alpn, QByteArray("h2"));
    QCOMPARE(record()->result.tls->version, u"TLSv1.3"_s);
    // The form holds them, as sent: Send again sends the same.
    const ConnectionSettings settings = m_window->connectionPanel()->settings();
    QCOMPARE(settings.tlsServerName, u"lab.test"_s);
    QCOMPARE(settings.tlsAlpn, QList<QByteArray>{QByteArrayLiteral("h2")});
    QCOMPARE(settings.tlsMinVersion, TlsVersion::Tls13);
    QCOMPARE(settings.tlsCaFile, m_certs->ca().certPath);
    QCOMPARE(record()->settings.tlsServerName, u"lab.test"_s);
    QVERIFY(!m_window->statusBar()->currentMessage().contains(u"does not have"_s));
}

// A server of TLS 1.2 at most refuses a request that requires 1.3, and takes it once it does not.
void TestTlsWindow::savedMinimumVersionIsRequired()
{
    const TestCertificates::Issued cert = m_certs->signedByCa(u"tls12"_s);
    TlsPeer peer(cert.certPath, cert.keyPath, {u"-www"_s, u"-tls1_2"_s});
    QVERIFY(peer.port() != 0);
    SavedRequest saved;
    saved.name = u"modern only"_s;
    saved.kind = SavedRequest::Kind::Tls;
    saved.tcp.host = u"127.0.0.1"_s;
    saved.tcp.service = peer.service();
    saved.tcp.payload = "GET / HTTP/1.0\r\n\r\n";
    saved.tcp.tls.minVersion = TlsVersion::Tls13;
    saved.tcp.tls.caFile = m_certs->ca().certPath;
    m_window->openSavedRequest(saved, true);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
    QVERIFY(record()->result.error.isError());
    QVERIFY(!record()->result.tls->handshakeDone);
    QCOMPARE(m_window->connectionPanel()->tlsOptionsEdit()->minVersionCombo()->currentText(), u"TLS 1.3"_s);

    m_window->connectionPanel()->tlsOptionsEdit()->minVersionCombo()->setCurrentIndex(1);
    sendAndWait(2);
    QVERIFY2(!record()->result.error.isError(), qPrintable(record()->result.error.message));
    QCOMPARE(record()->result.tls->version, u"TLSv1.2"_s);
}

// The notebooks read with recv(1024): a saved request's size is in every recv() call the trace shows.
void TestTlsWindow::savedRecvSizeReachesRecv()
{
    LocalServers servers;
    servers.setCertificateDir(m_dir.filePath(u"data-recv"_s));
    const NetError started = startAndWait(servers);
    QVERIFY2(!started.isError(), qPrintable(started.codeName()));
    SavedRequest saved;
    saved.name = u"small reads"_s;
    saved.kind = SavedRequest::Kind::Tcp;
    saved.tcp.host = u"127.0.0.1"_s;
    saved.tcp.service = QString::number(servers.httpAddress().port());
    saved.tcp.payload = "GET /bytes/5000 HTTP/1.0\r\n\r\n";
    saved.tcp.recvSize = 1024;
    m_window->openSavedRequest(saved, true);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
    QCOMPARE(m_window->connectionPanel()->settings().recvSize, 1024);
    QCOMPARE(record()->settings.recvSize, 1024);
    int recvCalls = 0;
    for (const TraceEntry &entry : record()->trace) {
        if (entry.call != "recv"_L1)
            continue;
        ++recvCalls;
        QVERIFY2(entry.args.endsWith(u", buf, 1024, 0"_s), qPrintable(entry.args));
    }
    QVERIFY(recvCalls > 0);
    QVERIFY(record()->result.receivedBytes > 1024);
    QVERIFY(record()->segments.size() > 1);
}

void TestTlsWindow::tlsOptionsShowWithTls()
{
    ConnectionPanel *form = m_window->connectionPanel();
    TlsOptionsEdit *options = form->tlsOptionsEdit();
    form->setTarget(u"192.0.2.7"_s, u"8443"_s);
    form->setTls(false);
    QVERIFY(!options->isVisible());
    form->setTls(true);
    QVERIFY(options->isVisible());
    // The server name defaults to the host, which its placeholder says.
    QCOMPARE(options->serverNameEdit()->placeholderText(), u"192.0.2.7"_s);
    QVERIFY(!options->serverNameEdit()->isVisible());
    QTest::mouseClick(options->foldButton(), Qt::LeftButton);
    QVERIFY(options->serverNameEdit()->isVisible());
    QCOMPARE(options->alpnEdit()->text(), u"http/1.1"_s);
    QTest::keyClicks(options->serverNameEdit(), u"lab.test"_s);
    options->alpnEdit()->selectAll();
    QTest::keyClicks(options->alpnEdit(), u"h2, http/1.1"_s);
    const ConnectionSettings settings = form->settings();
    QCOMPARE(settings.tlsServerName, u"lab.test"_s);
    QCOMPARE(settings.tlsAlpn, (QList<QByteArray>{QByteArrayLiteral("h2"), QByteArrayLiteral("http/1.1")}));
    QCOMPARE(ExchangeController::request(settings, {}).tls.serverName, u"lab.test"_s);
    QCOMPARE(ExchangeController::request(settings, {}).tls.alpn, settings.tlsAlpn);
    // Typing with the keyboard, Ctrl+Z takes back as in any field.
    QTest::keyClick(options->alpnEdit(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(options->alpnEdit()->text() != u"h2, http/1.1"_s);
    // Empty offers none.
    options->alpnEdit()->clear();
    QVERIFY(form->settings().tlsAlpn.isEmpty());
    QVERIFY(form->sendButton()->isEnabled());
    // A URL names the host TLS checks: the server name kept for the last target goes.
    QLineEdit *host = form->targetEdit()->hostEdit();
    host->setFocus();
    host->selectAll();
    QGuiApplication::clipboard()->setText(u"https://127.0.0.1:8443/"_s);
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(options->serverNameEdit()->text(), QString());
    QCOMPARE(options->serverNameEdit()->placeholderText(), u"127.0.0.1"_s);
}

void TestTlsWindow::badTlsOptionsDisableSend()
{
    ConnectionPanel *form = m_window->connectionPanel();
    TlsOptionsEdit *options = form->tlsOptionsEdit();
    form->setTarget(u"127.0.0.1"_s, u"8443"_s);
    form->setTls(true);
    options->setUnfolded(true);
    QVERIFY(form->sendButton()->isEnabled());

    QTest::keyClicks(options->alpnEdit(), u",,h2"_s);
    QVERIFY(!form->sendButton()->isEnabled());
    QVERIFY(options->problemLabel()->isVisible());
    QVERIFY2(options->problemLabel()->text().startsWith(u"ALPN:"_s), qPrintable(options->problemLabel()->text()));
    // What was typed stays, to be fixed.
    QCOMPARE(options->alpnEdit()->text(), u"http/1.1,,h2"_s);
    options->alpnEdit()->setText(u"http/1.1,h2"_s);
    QVERIFY(form->sendButton()->isEnabled());
    QVERIFY(!options->problemLabel()->isVisible());

    const QString missing = m_dir.filePath(u"no-such-ca.pem"_s);
    QTest::keyClicks(options->caFileEdit(), missing);
    QVERIFY(!form->sendButton()->isEnabled());
    QCOMPARE(options->problemLabel()->text(), u"CA file: %1 does not exist."_s.arg(missing));
    options->caFileEdit()->setText(m_certs->ca().certPath);
    QVERIFY(form->sendButton()->isEnabled());

    QTest::keyClicks(options->serverNameEdit(), u"lab test"_s);
    QVERIFY(!form->sendButton()->isEnabled());
    QVERIFY(options->problemLabel()->text().contains(u"\"lab test\""_s));
    // Not used without TLS: it stops nothing then.
    form->setTls(false);
    QVERIFY(form->sendButton()->isEnabled());
    form->setTls(true);
    QVERIFY(!form->sendButton()->isEnabled());

    // In French too.
    Translations::install(u"fr"_s);
    QVERIFY2(options->problemLabel()->text().contains(u"lab test"_s), qPrintable(options->problemLabel()->text()));
    options->serverNameEdit()->clear();
    options->caFileEdit()->setText(missing);
    QCOMPARE(options->problemLabel()->text(), u"Fichier d'AC\u00a0: %1 n'existe pas."_s.arg(missing));
}

void TestTlsWindow::tlsOptionsAndRecvSizeAreRemembered()
{
    ConnectionPanel *form = m_window->connectionPanel();
    form->setTarget(u"127.0.0.1"_s, u"8443"_s);
    form->setTls(true);
    ConnectionSettings wanted;
    wanted.tlsServerName = u"lab.test"_s;
    wanted.tlsAlpn = {QByteArrayLiteral("h2")};
    wanted.tlsMinVersion = TlsVersion::Tls12;
    wanted.tlsCaFile = m_certs->ca().certPath;
    form->setTlsOptions(wanted);
    form->setRecvSize(1024);
    form->tlsOptionsEdit()->setUnfolded(true);
    m_window->close();
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(nullptr);
    ConnectionSettings restored = m_window->connectionPanel()->settings();
    QCOMPARE(restored.tlsServerName, u"lab.test"_s);
    QCOMPARE(restored.tlsAlpn, wanted.tlsAlpn);
    QCOMPARE(restored.tlsMinVersion, TlsVersion::Tls12);
    QCOMPARE(restored.tlsCaFile, wanted.tlsCaFile);
    QCOMPARE(restored.recvSize, 1024);
    QVERIFY(m_window->connectionPanel()->tlsOptionsEdit()->isUnfolded());

    // Out of range by hand: the defaults, and nothing else changes.
    m_window->close();
    {
        QSettings settings;
        settings.setValue(u"connection/recvSize"_s, 0);
        settings.setValue(u"connection/tlsMinVersion"_s, 7);
    }
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(nullptr);
    restored = m_window->connectionPanel()->settings();
    QCOMPARE(restored.recvSize, 64 * 1024);
    QCOMPARE(restored.tlsMinVersion, TlsVersion::Any);
    QCOMPARE(restored.tlsServerName, u"lab.test"_s);
}

QTEST_MAIN(TestTlsWindow)
#include "tst_tlswindow.moc"
