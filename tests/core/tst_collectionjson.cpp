#include "collections/collectionfile.h"
#include "collections/collectionjson.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace SocketLab;

class TstCollectionJson : public QObject
{
    Q_OBJECT

private slots:
    void bytesForm_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("form");
        QByteArray all;
        for (int i = 0; i < 256; ++i)
            all.append(char(i));
        QTest::newRow("HTTP text") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QStringLiteral("text");
        QTest::newRow("UTF-8 and a tab") << QByteArray("caf\xc3\xa9\tok") << QStringLiteral("text");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("text");
        QTest::newRow("NUL") << QByteArray("a\0b", 3) << QStringLiteral("base64");
        QTest::newRow("escape") << QByteArray("\x1b[0m") << QStringLiteral("base64");
        QTest::newRow("not UTF-8") << QByteArray("\xff") << QStringLiteral("base64");
        QTest::newRow("C1 control") << QByteArray("\xc2\x85") << QStringLiteral("base64");
        QTest::newRow("256 byte values") << all << QStringLiteral("base64");
    }

    void bytesForm()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, form);
        const QJsonValue value = CollectionJson::bytesValue(bytes);
        QCOMPARE(value.toObject().keys(), QStringList{form});
        // Through the file's text, as it is stored.
        const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("b"), value}}).toJson();
        QByteArray back;
        QVERIFY(CollectionJson::readBytes(QJsonDocument::fromJson(json).object().value(QStringLiteral("b")), &back));
        QVERIFY(back == bytes);
    }

    void roundTrip()
    {
        Collection collection;
        collection.name = QStringLiteral("lab");
        SavedRequest tcp;
        tcp.name = QStringLiteral("smtp hello");
        tcp.folder = {QStringLiteral("mail")};
        tcp.tcp.host = QStringLiteral("127.0.0.1");
        tcp.tcp.service = QStringLiteral("25");
        tcp.tcp.payload = QByteArray("HELO x\r\n\0\xff", 10);
        tcp.tcp.stopRule = {StopRule::Kind::Bytes, 12};
        tcp.tcp.totalTimeoutMs = 900;
        SavedRequest tls = tcp;
        tls.name = QStringLiteral("tls");
        tls.kind = SavedRequest::Kind::Tls;
        tls.tcp.tls.serverName = QStringLiteral("example.org");
        tls.tcp.tls.alpn = {"h2", "http/1.1"};
        tls.tcp.tls.pinSha256 = QByteArray(32, '\x01');
        tls.tcp.tls.minVersion = TlsVersion::Tls12;
        SavedRequest udp;
        udp.name = QStringLiteral("dns");
        udp.kind = SavedRequest::Kind::Udp;
        udp.udp.host = QStringLiteral("::1");
        udp.udp.service = QStringLiteral("53");
        udp.udp.family = IpFamily::V6;
        udp.udp.payload = QByteArray(512, '\0');
        udp.udp.waitMs = 300;
        udp.udp.maxDatagrams = 2;
        udp.udp.connected = true;
        udp.udp.bindPort = 5353;
        udp.udp.socketOptions = {{SocketOptionName::ReceiveBuffer, 1 << 20}};
        udp.udp.multicast.hops = 4;
        udp.udp.multicast.loop = 0;
        udp.udp.multicast.interfaceName = QStringLiteral("lo");
        tcp.tcp.socketOptions = {{SocketOptionName::NoDelay, 1}};
        tcp.tcp.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), 0);
        SavedRequest script;
        script.name = QStringLiteral("chat");
        script.kind = SavedRequest::Kind::Script;
        script.tcp.host = QStringLiteral("localhost");
        script.tcp.service = QStringLiteral("7");
        script.script = QStringLiteral("send hello\\n\nexpect hello\nclose\n");
        collection.requests = {tcp, tls, udp, script};

        const QByteArray json = CollectionJson::write(collection);
        QVERIFY(json.contains("\"format\": \"socketlab-collection\""));
        QVERIFY(json.contains("\"version\": 1"));
        CollectionError error;
        const Collection back = CollectionJson::read(json, &error);
        QVERIFY(!error.isError());
        QCOMPARE(back.name, collection.name);
        QCOMPARE(back.requests.size(), 4);
        QCOMPARE(back.requests.at(0).folder, tcp.folder);
        QVERIFY(back.requests.at(0).tcp.payload == tcp.tcp.payload);
        QCOMPARE(back.requests.at(0).tcp.stopRule.value, 12);
        QCOMPARE(back.requests.at(0).tcp.totalTimeoutMs, 900);
        QCOMPARE(back.requests.at(1).kind, SavedRequest::Kind::Tls);
        QVERIFY(back.requests.at(1).tcpRequest().tls.enabled);
        QCOMPARE(back.requests.at(1).tcp.tls.alpn, tls.tcp.tls.alpn);
        QCOMPARE(back.requests.at(1).tcp.tls.pinSha256, tls.tcp.tls.pinSha256);
        QCOMPARE(back.requests.at(1).tcp.tls.minVersion, TlsVersion::Tls12);
        const UdpRequest &u = back.requests.at(2).udp;
        QVERIFY(u.payload == udp.udp.payload);
        QCOMPARE(u.family, IpFamily::V6);
        QCOMPARE(u.waitMs, 300);
        QCOMPARE(u.maxDatagrams, 2);
        QVERIFY(u.connected);
        QCOMPARE(u.bindPort, 5353);
        QCOMPARE(back.requests.at(3).script, script.script);
        QCOMPARE(back.requests.at(0).tcp.socketOptions, tcp.tcp.socketOptions);
        QVERIFY(back.requests.at(0).tcp.localAddress == tcp.tcp.localAddress);
        QCOMPARE(u.socketOptions, udp.udp.socketOptions);
        QCOMPARE(u.multicast.hops, 4);
        QCOMPARE(u.multicast.loop, 0);
        QCOMPARE(u.multicast.interfaceName, QStringLiteral("lo"));
        QVERIFY(u.multicast.interfaceIndex != 0);

        // A collection from a machine with other interfaces still reads: the name is kept, and the
        // send is what refuses an interface missing here.
        QByteArray elsewhere = json;
        elsewhere.replace("\"interface\": \"lo\"", "\"interface\": \"nosuchif0\"");
        QVERIFY(elsewhere != json);
        const Collection moved = CollectionJson::read(elsewhere, &error);
        QVERIFY(!error.isError());
        QCOMPARE(moved.requests.at(2).udp.multicast.interfaceName, QStringLiteral("nosuchif0"));
        QCOMPARE(moved.requests.at(2).udp.multicast.interfaceIndex, 0u);
        QVERIFY(moved.requests.at(2).udp.multicast.isSet());

        // Written atomically and loaded as the CLI loads it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("lab.json"));
        QVERIFY(CollectionFile::writeAtomically(path, json, &error));
        const QList<HttpFileEntry> entries = CollectionFile::load(path, {}, &error);
        QVERIFY(!error.isError());
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.at(3).request.name, QStringLiteral("chat"));
        CollectionFile::load(path, QStringLiteral("dev"), &error);
        QCOMPARE(error.kind, CollectionError::Kind::EnvironmentNotHttp);

        // Saved by its name's format: a .http file takes the HTTP requests, and refuses the rest whole.
        QVERIFY(CollectionFile::save(path, collection, &error));
        QCOMPARE(CollectionFile::read(path, &error), json);
        const QString httpPath = dir.filePath(QStringLiteral("lab.http"));
        QVERIFY(!CollectionFile::save(httpPath, collection, &error));
        QCOMPARE(error.kind, CollectionError::Kind::NotHttp);
        QCOMPARE(error.detail, QStringLiteral("smtp hello"));
        QVERIFY(!QFileInfo::exists(httpPath));
        Collection web;
        SavedRequest get = tls;
        get.tcp.payload = "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n";
        web.requests = {get};
        QVERIFY(CollectionFile::save(httpPath, web, &error));
        const QList<HttpFileEntry> httpEntries = CollectionFile::load(httpPath, {}, &error);
        QCOMPARE(httpEntries.size(), 1);
        QVERIFY(httpEntries.constFirst().request.tcp.payload == get.tcp.payload);
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("detail");
        QTest::newRow("not json") << QByteArray("{") << int(CollectionError::Kind::BadJson) << QString();
        QTest::newRow("other format") << QByteArray(R"({"format": "postman"})") << int(CollectionError::Kind::NotACollection) << QString();
        QTest::newRow("newer version") << QByteArray(R"({"format": "socketlab-collection", "version": 2})")
                                       << int(CollectionError::Kind::UnsupportedVersion) << QStringLiteral("2");
        QTest::newRow("bad until") << QByteArray(R"({"format": "socketlab-collection", "version": 1, "requests": [
            {"name": "a", "host": "h", "port": "1"}, {"name": "b", "host": "h", "port": "1", "until": "never"}]})")
                                   << int(CollectionError::Kind::BadField) << QStringLiteral("requests[1].until");
        QTest::newRow("bad bytes") << QByteArray(R"({"format": "socketlab-collection", "version": 1, "requests": [
            {"name": "a", "host": "h", "port": "1", "payload": {"base64": "***"}}]})")
                                   << int(CollectionError::Kind::BadField) << QStringLiteral("requests[0].payload");
        QTest::newRow("bad sockopt") << QByteArray(R"({"format": "socketlab-collection", "version": 1, "requests": [
            {"name": "a", "host": "h", "port": "1", "sockopts": ["nodelay=maybe"]}]})")
                                     << int(CollectionError::Kind::BadField) << QStringLiteral("requests[0].sockopts");
        QTest::newRow("no host") << QByteArray(R"({"format": "socketlab-collection", "version": 1, "requests": [
            {"name": "a", "kind": "udp", "port": "1"}]})")
                                 << int(CollectionError::Kind::BadField) << QStringLiteral("requests[0].host");
    }

    void errors()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, kind);
        QFETCH(QString, detail);
        CollectionError error;
        CollectionJson::read(json, &error);
        QCOMPARE(int(error.kind), kind);
        if (!detail.isEmpty())
            QCOMPARE(error.detail, detail);
    }
};

QTEST_GUILESS_MAIN(TstCollectionJson)
#include "tst_collectionjson.moc"
