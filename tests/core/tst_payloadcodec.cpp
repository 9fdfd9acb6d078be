#include "bytes/payloadcodec.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace SocketLab;
using PayloadCodec::ErrorKind;
using PayloadCodec::Layout;

Q_DECLARE_METATYPE(SocketLab::PayloadCodec::ErrorKind)
Q_DECLARE_METATYPE(SocketLab::PayloadCodec::Layout)

namespace {

QByteArray allByteValues()
{
    QByteArray all(256, Qt::Uninitialized);
    for (int i = 0; i < 256; ++i)
        all[i] = char(i);
    return all;
}

QString pythonExecutable()
{
    const QString fromEnv = qEnvironmentVariable("PYTHON");
    if (!fromEnv.isEmpty())
        return fromEnv;
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

} // namespace

class TestPayloadCodec : public QObject
{
    Q_OBJECT

private slots:
    void decodeEscaped_data();
    void decodeEscaped();
    void decodeEscapedLines_data();
    void decodeEscapedLines();
    void decodeEscapedErrors_data();
    void decodeEscapedErrors();
    void encodeEscaped_data();
    void encodeEscaped();
    void escapedRoundTripsEveryByte_data();
    void escapedRoundTripsEveryByte();

    void decodeHex_data();
    void decodeHex();
    void decodeHexErrors_data();
    void decodeHexErrors();
    void encodeHex_data();
    void encodeHex();
    void hexRoundTripsEveryByte_data();
    void hexRoundTripsEveryByte();

    void lfToCrlf_data();
    void lfToCrlf();
    void toCArray_data();
    void toCArray();
    void toPythonBytes_data();
    void toPythonBytes();
    void toPythonBytesMatchesPython_data();
    void toPythonBytesMatchesPython();
};

void TestPayloadCodec::decodeEscaped_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("plain") << QStringLiteral("hello") << QByteArray("hello");
    QTest::newRow("http get") << QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n")
                              << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("tab") << QStringLiteral("a\\tb") << QByteArray("a\tb");
    QTest::newRow("nul") << QStringLiteral("\\0") << QByteArray(1, '\0');
    QTest::newRow("nul then digits") << QStringLiteral("\\012") << QByteArray("\0" "12", 3);
    QTest::newRow("backslash") << QStringLiteral("a\\\\b") << QByteArray("a\\b");
    QTest::newRow("escaped backslash then n") << QStringLiteral("\\\\n") << QByteArray("\\n");
    QTest::newRow("hex lower") << QStringLiteral("\\xff\\x0a") << QByteArray("\xff\x0a");
    QTest::newRow("hex upper") << QStringLiteral("\\xFF\\xAb") << QByteArray("\xff\xab");
    QTest::newRow("hex zero") << QStringLiteral("\\x00") << QByteArray(1, '\0');
    QTest::newRow("hex then digit") << QStringLiteral("\\x414") << QByteArray("A4");
    QTest::newRow("utf-8") << QStringLiteral("caf\u00e9") << QByteArray("caf\xc3\xa9");
    QTest::newRow("surrogate pair") << QString::fromUtf8("\xf0\x9f\x98\x80\\n")
                                    << QByteArray("\xf0\x9f\x98\x80\n");
    QTest::newRow("real line break") << QStringLiteral("a\nb") << QByteArray("a\nb");
    QTest::newRow("real carriage return") << QStringLiteral("a\rb") << QByteArray("a\rb");
}

void TestPayloadCodec::decodeEscaped()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);

    const PayloadCodec::DecodeResult result = PayloadCodec::decodeEscaped(text);
    QVERIFY(result.ok());
    QCOMPARE(result.bytes, bytes);

}

// In lines, the break after a written "\n" only lays the text out; any other break is a LF.
void TestPayloadCodec::decodeEscapedLines_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("inlineBytes");
    QTest::addColumn<QByteArray>("linesBytes");

    QTest::newRow("http get") << QStringLiteral("GET / HTTP/1.0\\r\\n\n\\r\\n\n")
                              << QByteArray("GET / HTTP/1.0\r\n\n\r\n\n") << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("two breaks") << QStringLiteral("a\\n\n\nb") << QByteArray("a\n\n\nb") << QByteArray("a\n\nb");
    QTest::newRow("bare break") << QStringLiteral("a\nb") << QByteArray("a\nb") << QByteArray("a\nb");
    QTest::newRow("escaped backslash, n, break") << QStringLiteral("\\\\n\nb") << QByteArray("\\n\nb")
                                                << QByteArray("\\n\nb");
    QTest::newRow("written LF at the end") << QStringLiteral("a\\n") << QByteArray("a\n") << QByteArray("a\n");
}

void TestPayloadCodec::decodeEscapedLines()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, inlineBytes);
    QFETCH(QByteArray, linesBytes);

    QCOMPARE(PayloadCodec::decodeEscaped(text).bytes, inlineBytes);
    const PayloadCodec::DecodeResult lines = PayloadCodec::decodeEscaped(text, PayloadCodec::Layout::Lines);
    QVERIFY(lines.ok());
    QCOMPARE(lines.bytes, linesBytes);
}

void TestPayloadCodec::decodeEscapedErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ErrorKind>("error");
    QTest::addColumn<qsizetype>("column");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("lone backslash") << QStringLiteral("\\") << ErrorKind::LoneBackslash << qsizetype(0) << qsizetype(1);
    QTest::newRow("backslash at end") << QStringLiteral("abc\\") << ErrorKind::LoneBackslash << qsizetype(3) << qsizetype(1);
    QTest::newRow("after escaped backslash") << QStringLiteral("\\\\\\") << ErrorKind::LoneBackslash << qsizetype(2) << qsizetype(1);
    QTest::newRow("unknown") << QStringLiteral("\\q") << ErrorKind::UnknownEscape << qsizetype(0) << qsizetype(2);
    QTest::newRow("unknown later") << QStringLiteral("ab\\qcd") << ErrorKind::UnknownEscape << qsizetype(2) << qsizetype(2);
    QTest::newRow("capital x") << QStringLiteral("\\X41") << ErrorKind::UnknownEscape << qsizetype(0) << qsizetype(2);
    QTest::newRow("escaped line break") << QStringLiteral("\\\n") << ErrorKind::UnknownEscape << qsizetype(0) << qsizetype(2);
    QTest::newRow("escaped emoji") << QString::fromUtf8("\\\xf0\x9f\x98\x80") << ErrorKind::UnknownEscape << qsizetype(0) << qsizetype(3);
    QTest::newRow("column in QChars") << QString::fromUtf8("\xf0\x9f\x98\x80\xc3\xa9\\q") << ErrorKind::UnknownEscape << qsizetype(3) << qsizetype(2);
    QTest::newRow("x at end") << QStringLiteral("\\x") << ErrorKind::ShortHexEscape << qsizetype(0) << qsizetype(2);
    QTest::newRow("one digit at end") << QStringLiteral("a\\x4") << ErrorKind::ShortHexEscape << qsizetype(1) << qsizetype(3);
    QTest::newRow("one digit then text") << QStringLiteral("\\x4g") << ErrorKind::ShortHexEscape << qsizetype(0) << qsizetype(3);
    QTest::newRow("one digit then space") << QStringLiteral("\\x4 ") << ErrorKind::ShortHexEscape << qsizetype(0) << qsizetype(3);
    QTest::newRow("bad hex") << QStringLiteral("\\xZZ") << ErrorKind::BadHexEscape << qsizetype(0) << qsizetype(4);
    QTest::newRow("bad hex at end") << QStringLiteral("ab\\xZ") << ErrorKind::BadHexEscape << qsizetype(2) << qsizetype(3);
    QTest::newRow("bad first digit") << QStringLiteral("\\xg1") << ErrorKind::BadHexEscape << qsizetype(0) << qsizetype(4);
    QTest::newRow("first error wins") << QStringLiteral("\\q\\") << ErrorKind::UnknownEscape << qsizetype(0) << qsizetype(2);
}

void TestPayloadCodec::decodeEscapedErrors()
{
    QFETCH(QString, text);
    QFETCH(ErrorKind, error);
    QFETCH(qsizetype, column);
    QFETCH(qsizetype, length);

    const PayloadCodec::DecodeResult result = PayloadCodec::decodeEscaped(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.column, column);
    QCOMPARE(result.length, length);
}

void TestPayloadCodec::encodeEscaped_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<Layout>("layout");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QByteArray() << Layout::Inline << QString();
    QTest::newRow("http get") << QByteArray("GET / HTTP/1.0\r\n\r\n") << Layout::Inline
                              << QStringLiteral("GET / HTTP/1.0\\r\\n\\r\\n");
    QTest::newRow("http get, lines") << QByteArray("GET / HTTP/1.0\r\n\r\n") << Layout::Lines
                                     << QStringLiteral("GET / HTTP/1.0\\r\\n\n\\r\\n\n");
    QTest::newRow("bare lf, lines") << QByteArray("a\nb") << Layout::Lines << QStringLiteral("a\\n\nb");
    QTest::newRow("controls") << QByteArray("\t\0\\", 3) << Layout::Inline << QStringLiteral("\\t\\0\\\\");
    QTest::newRow("non-printable") << QByteArray("\x01\x1f\x7f\x80\xff") << Layout::Inline
                                   << QStringLiteral("\\x01\\x1f\\x7f\\x80\\xff");
    QTest::newRow("printable edges") << QByteArray(" ~") << Layout::Inline << QStringLiteral(" ~");
    QTest::newRow("utf-8 is bytes") << QByteArray("\xc3\xa9") << Layout::Inline << QStringLiteral("\\xc3\\xa9");
}

void TestPayloadCodec::encodeEscaped()
{
    QFETCH(QByteArray, bytes);
    QFETCH(Layout, layout);
    QFETCH(QString, text);

    QCOMPARE(PayloadCodec::encodeEscaped(bytes, layout), text);
}

void TestPayloadCodec::escapedRoundTripsEveryByte_data()
{
    QTest::addColumn<Layout>("layout");
    QTest::newRow("inline") << Layout::Inline;
    QTest::newRow("lines") << Layout::Lines;
}

void TestPayloadCodec::escapedRoundTripsEveryByte()
{
    QFETCH(Layout, layout);

    for (int value = 0; value < 256; ++value) {
        const QByteArray one(1, char(value));
        const PayloadCodec::DecodeResult result =
            PayloadCodec::decodeEscaped(PayloadCodec::encodeEscaped(one, layout), layout);
        QVERIFY2(result.ok(), qPrintable(QString::number(value)));
        QCOMPARE(result.bytes, one);
    }
    const QByteArray all = allByteValues();
    const QString text = PayloadCodec::encodeEscaped(all, layout);
    for (const QChar c : text)
        QVERIFY(c.unicode() < 0x80);
    const PayloadCodec::DecodeResult result = PayloadCodec::decodeEscaped(text, layout);
    QVERIFY(result.ok());
    QCOMPARE(result.bytes, all);
}

void TestPayloadCodec::decodeHex_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("empty") << QString() << QByteArray();
    QTest::newRow("only spaces") << QStringLiteral(" \t\n ") << QByteArray();
    QTest::newRow("spaced") << QStringLiteral("47 45 54") << QByteArray("GET");
    QTest::newRow("run") << QStringLiteral("474554") << QByteArray("GET");
    QTest::newRow("prefixed bytes") << QStringLiteral("0x47 0x45,0x54") << QByteArray("GET");
    QTest::newRow("prefixed run") << QStringLiteral("0x474554") << QByteArray("GET");
    QTest::newRow("capital prefix") << QStringLiteral("0X47 0X45") << QByteArray("GE");
    QTest::newRow("prefix inside run") << QStringLiteral("0x470x45") << QByteArray("GE");
    QTest::newRow("colons") << QStringLiteral("47:45:54") << QByteArray("GET");
    QTest::newRow("dashes") << QStringLiteral("47-45-54") << QByteArray("GET");
    QTest::newRow("mixed separators") << QStringLiteral("  47,\t45 ,\r\n54\n") << QByteArray("GET");
    QTest::newRow("repeated separators") << QStringLiteral("47,,45") << QByteArray("GE");
    QTest::newRow("either case") << QStringLiteral("aB Cd ef") << QByteArray("\xab\xcd\xef");
    QTest::newRow("zero bytes") << QStringLiteral("00 0x00") << QByteArray(2, '\0');
    QTest::newRow("zero run") << QStringLiteral("0000") << QByteArray(2, '\0');
}

void TestPayloadCodec::decodeHex()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, bytes);

    const PayloadCodec::DecodeResult result = PayloadCodec::decodeHex(text);
    QVERIFY(result.ok());
    QCOMPARE(result.bytes, bytes);
}

void TestPayloadCodec::decodeHexErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<ErrorKind>("error");
    QTest::addColumn<qsizetype>("column");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("lone digit at end") << QStringLiteral("47 4") << ErrorKind::OddHexDigits << qsizetype(3) << qsizetype(1);
    QTest::newRow("odd run") << QStringLiteral("474") << ErrorKind::OddHexDigits << qsizetype(2) << qsizetype(1);
    QTest::newRow("single digit") << QStringLiteral("4") << ErrorKind::OddHexDigits << qsizetype(0) << qsizetype(1);
    QTest::newRow("lone digit in the middle") << QStringLiteral("47 4 45") << ErrorKind::OddHexDigits << qsizetype(3) << qsizetype(1);
    QTest::newRow("prefixed odd run") << QStringLiteral("0x474") << ErrorKind::OddHexDigits << qsizetype(4) << qsizetype(1);
    QTest::newRow("lone digit before bad") << QStringLiteral("4 G") << ErrorKind::OddHexDigits << qsizetype(0) << qsizetype(1);
    QTest::newRow("bad pair") << QStringLiteral("47 GG") << ErrorKind::BadHexCharacter << qsizetype(3) << qsizetype(1);
    QTest::newRow("bad second digit") << QStringLiteral("4G") << ErrorKind::BadHexCharacter << qsizetype(1) << qsizetype(1);
    QTest::newRow("x without zero") << QStringLiteral("x47") << ErrorKind::BadHexCharacter << qsizetype(0) << qsizetype(1);
    QTest::newRow("x after a byte") << QStringLiteral("40x5") << ErrorKind::BadHexCharacter << qsizetype(2) << qsizetype(1);
    QTest::newRow("prefix alone") << QStringLiteral("0x") << ErrorKind::BadHexCharacter << qsizetype(1) << qsizetype(1);
    QTest::newRow("prefix then space") << QStringLiteral("0x 47") << ErrorKind::BadHexCharacter << qsizetype(1) << qsizetype(1);
    QTest::newRow("double prefix") << QStringLiteral("0x0x41") << ErrorKind::BadHexCharacter << qsizetype(3) << qsizetype(1);
    QTest::newRow("prefix then bad") << QStringLiteral("0xG1") << ErrorKind::BadHexCharacter << qsizetype(2) << qsizetype(1);
    QTest::newRow("accented") << QStringLiteral("47 \u00e9") << ErrorKind::BadHexCharacter << qsizetype(3) << qsizetype(1);
    QTest::newRow("emoji") << QString::fromUtf8("47 \xf0\x9f\x98\x80") << ErrorKind::BadHexCharacter << qsizetype(3) << qsizetype(2);
    QTest::newRow("fullwidth digit") << QStringLiteral("4\uff17") << ErrorKind::BadHexCharacter << qsizetype(1) << qsizetype(1);
}

void TestPayloadCodec::decodeHexErrors()
{
    QFETCH(QString, text);
    QFETCH(ErrorKind, error);
    QFETCH(qsizetype, column);
    QFETCH(qsizetype, length);

    const PayloadCodec::DecodeResult result = PayloadCodec::decodeHex(text);
    QVERIFY(!result.ok());
    QCOMPARE(result.error, error);
    QCOMPARE(result.column, column);
    QCOMPARE(result.length, length);
}

void TestPayloadCodec::encodeHex_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QByteArray() << 0 << QString();
    QTest::newRow("one") << QByteArray("\x0a") << 0 << QStringLiteral("0a");
    QTest::newRow("three") << QByteArray("GET") << 0 << QStringLiteral("47 45 54");
    QTest::newRow("lowercase") << QByteArray("\xab\xff") << 0 << QStringLiteral("ab ff");
    QTest::newRow("lines") << QByteArray("\x00\x01\x02\x03\x04", 5) << 2
                           << QStringLiteral("00 01\n02 03\n04");
    QTest::newRow("exact lines") << QByteArray("\x00\x01\x02\x03", 4) << 2
                                 << QStringLiteral("00 01\n02 03");
    QTest::newRow("negative means one line") << QByteArray("GET") << -1 << QStringLiteral("47 45 54");
}

void TestPayloadCodec::encodeHex()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, bytesPerLine);
    QFETCH(QString, text);

    QCOMPARE(PayloadCodec::encodeHex(bytes, bytesPerLine), text);
}

void TestPayloadCodec::hexRoundTripsEveryByte_data()
{
    QTest::addColumn<int>("bytesPerLine");
    QTest::newRow("one line") << 0;
    QTest::newRow("16 a line") << 16;
    QTest::newRow("7 a line") << 7;
}

void TestPayloadCodec::hexRoundTripsEveryByte()
{
    QFETCH(int, bytesPerLine);

    for (int value = 0; value < 256; ++value) {
        const QByteArray one(1, char(value));
        const PayloadCodec::DecodeResult result =
            PayloadCodec::decodeHex(PayloadCodec::encodeHex(one, bytesPerLine));
        QVERIFY2(result.ok(), qPrintable(QString::number(value)));
        QCOMPARE(result.bytes, one);
    }
    const QByteArray all = allByteValues();
    const PayloadCodec::DecodeResult result =
        PayloadCodec::decodeHex(PayloadCodec::encodeHex(all, bytesPerLine));
    QVERIFY(result.ok());
    QCOMPARE(result.bytes, all);
}

void TestPayloadCodec::lfToCrlf_data()
{
    QTest::addColumn<QByteArray>("in");
    QTest::addColumn<QByteArray>("out");

    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("no line break") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("lf") << QByteArray("a\nb") << QByteArray("a\r\nb");
    QTest::newRow("leading lf") << QByteArray("\nb") << QByteArray("\r\nb");
    QTest::newRow("two lf") << QByteArray("\n\n") << QByteArray("\r\n\r\n");
    QTest::newRow("crlf kept") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("cr cr lf kept") << QByteArray("\r\r\n") << QByteArray("\r\r\n");
    QTest::newRow("lf cr") << QByteArray("\n\r") << QByteArray("\r\n\r");
    QTest::newRow("bare cr kept") << QByteArray("a\rb") << QByteArray("a\rb");
    QTest::newRow("http by hand") << QByteArray("GET / HTTP/1.0\n\n")
                                  << QByteArray("GET / HTTP/1.0\r\n\r\n");
}

void TestPayloadCodec::lfToCrlf()
{
    QFETCH(QByteArray, in);
    QFETCH(QByteArray, out);

    QCOMPARE(PayloadCodec::lfToCrlf(in), out);
}

void TestPayloadCodec::toCArray_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("data")
                           << QStringLiteral("unsigned char data[] = {\n};");
    QTest::newRow("three") << QByteArray("GET") << QStringLiteral("data")
                           << QStringLiteral("unsigned char data[] = {\n    0x47, 0x45, 0x54\n};");
    QTest::newRow("name") << QByteArray("\xff") << QStringLiteral("reply")
                          << QStringLiteral("unsigned char reply[] = {\n    0xff\n};");
    QTest::newRow("one full line") << QByteArray("GET / HTTP/1") << QStringLiteral("data")
                                   << QStringLiteral("unsigned char data[] = {\n"
                                                     "    0x47, 0x45, 0x54, 0x20, 0x2f, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x31\n"
                                                     "};");
    QTest::newRow("second line") << QByteArray("GET / HTTP/1.0\r\n\r\n") << QStringLiteral("data")
                                 << QStringLiteral("unsigned char data[] = {\n"
                                                   "    0x47, 0x45, 0x54, 0x20, 0x2f, 0x20, 0x48, 0x54, 0x54, 0x50, 0x2f, 0x31,\n"
                                                   "    0x2e, 0x30, 0x0d, 0x0a, 0x0d, 0x0a\n"
                                                   "};");
}

void TestPayloadCodec::toCArray()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, name);
    QFETCH(QString, text);

    QCOMPARE(PayloadCodec::toCArray(bytes, name), text);
}

void TestPayloadCodec::toPythonBytes_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << QByteArray() << QStringLiteral("b''");
    QTest::newRow("http get") << QByteArray("GET / HTTP/1.0\r\n\r\n")
                              << QStringLiteral("b'GET / HTTP/1.0\\r\\n\\r\\n'");
    QTest::newRow("single quote") << QByteArray("it's") << QStringLiteral("b\"it's\"");
    QTest::newRow("double quote") << QByteArray("say \"hi\"") << QStringLiteral("b'say \"hi\"'");
    QTest::newRow("both quotes") << QByteArray("'\"") << QStringLiteral("b'\\'\"'");
    QTest::newRow("backslash") << QByteArray("a\\b") << QStringLiteral("b'a\\\\b'");
    QTest::newRow("controls") << QByteArray("\t\0\x7f\x80\xff", 5)
                              << QStringLiteral("b'\\t\\x00\\x7f\\x80\\xff'");
}

void TestPayloadCodec::toPythonBytes()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);

    QCOMPARE(PayloadCodec::toPythonBytes(bytes), text);
}

void TestPayloadCodec::toPythonBytesMatchesPython_data()
{
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("http get") << QByteArray("GET / HTTP/1.0\r\n\r\n");
    QTest::newRow("single quote") << QByteArray("it's");
    QTest::newRow("double quote") << QByteArray("say \"hi\"");
    QTest::newRow("both quotes") << QByteArray("it's \"quoted\"");
    QTest::newRow("backslashes") << QByteArray("C:\\dir\\'x'");
    QTest::newRow("all 256 values") << allByteValues();
}

void TestPayloadCodec::toPythonBytesMatchesPython()
{
    QFETCH(QByteArray, bytes);

    const QString python = pythonExecutable();
    if (python.isEmpty())
        QSKIP("python3 is not on PATH and $PYTHON is not set");
    QProcess process;
    process.start(python, {QStringLiteral("-c"),
                           QStringLiteral("import sys; sys.stdout.write(repr(sys.stdin.buffer.read()))")});
    QVERIFY2(process.waitForStarted(), qPrintable(process.errorString()));
    process.write(bytes);
    process.closeWriteChannel();
    QVERIFY(process.waitForFinished());
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QCOMPARE(PayloadCodec::toPythonBytes(bytes), QString::fromLatin1(process.readAllStandardOutput()));
}

QTEST_GUILESS_MAIN(TestPayloadCodec)

#include "tst_payloadcodec.moc"
