// The literals of the generated programs hold exactly their bytes: each is run through python3 and
// through a C program compiled with gcc -Wall -Wextra -Werror, and what they write is compared.
#include "codegen/codeliteral.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace SocketLab;

namespace {

struct Run
{
    bool ok = false;
    QByteArray out;
    QByteArray err;
};

Run run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.start(program, arguments);
    Run result;
    result.ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

QString python()
{
    return qEnvironmentVariable("PYTHON", QStringLiteral("python3"));
}

// Every byte alone, every byte after every escape-prone neighbour, and the sequences where a careless
// escape goes wrong: a digit after an octal or hex escape, trigraphs, quotes, a backslash at the end.
QList<QByteArray> samples()
{
    QList<QByteArray> list;
    for (int b = 0; b < 256; ++b)
        list.append(QByteArray(1, char(b)));
    QByteArray all;
    for (int b = 0; b < 256; ++b)
        all += char(b);
    list.append(all);
    QByteArray reversed;
    for (int b = 255; b >= 0; --b)
        reversed += char(b);
    list.append(reversed);
    for (int b = 0; b < 256; ++b)
        list.append(QByteArray(1, char(b)) + "0123456789abcdefABCDEF?\"'\\");
    list << QByteArray("?\?=?\?/?\?'?\?(?\?)?\?!?\?<?\?>?\?-") << QByteArray("\\") << QByteArray("'\"") << QByteArray()
         << QByteArray("GET / HTTP/1.0\r\n\r\n") << QByteArray("\0" "1", 2) << QByteArray("\x01" "7", 2)
         << QByteArray("caf\xc3\xa9 \xe2\x82\xac\n");
    return list;
}

} // namespace

class TestCodeLiteral : public QObject
{
    Q_OBJECT
private slots:
    void pythonBytes();
    void pythonLines();
    void cBytes();
    void text();
};

void TestCodeLiteral::pythonBytes()
{
    const QList<QByteArray> list = samples();
    QString script = QStringLiteral("import sys\nsamples = [\n");
    for (const QByteArray &sample : list)
        script += QStringLiteral("    %1,\n").arg(bytesLiteral(CodeLanguage::Python, sample));
    script += QStringLiteral("]\nfor sample in samples:\n    sys.stdout.buffer.write(len(sample).to_bytes(4, 'big') + sample)\n");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("literals.py")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script.toUtf8());
    file.close();
    const Run result = run(python(), {file.fileName()});
    QVERIFY2(result.ok, result.err.constData());
    QByteArray expected;
    for (const QByteArray &sample : list) {
        const quint32 size = quint32(sample.size());
        expected += char(size >> 24) + QByteArray() + char(size >> 16) + char(size >> 8) + char(size) + sample;
    }
    QCOMPARE(result.out.size(), expected.size());
    QVERIFY(result.out == expected);
}

void TestCodeLiteral::pythonLines()
{
    const QByteArray request("GET / HTTP/1.1\r\nHost: x\r\n\r\nbody\x00\xff", 33);
    const QStringList lines = bytesLiteralLines(CodeLanguage::Python, request);
    QCOMPARE(lines, (QStringList{QStringLiteral("b'GET / HTTP/1.1\\r\\n'"), QStringLiteral("b'Host: x\\r\\n'"),
                                 QStringLiteral("b'\\r\\n'"), QStringLiteral("b'body\\x00\\xff'")}));
    QCOMPARE(bytesLiteralLines(CodeLanguage::Python, {}), QStringList{QStringLiteral("b''")});
    QCOMPARE(bytesLiteral(CodeLanguage::C, QByteArray("\0" "1?", 3)), QStringLiteral("\"\\0001\\?\""));
}

void TestCodeLiteral::cBytes()
{
    const QList<QByteArray> list = samples();
    QString source = QStringLiteral("#include <stdio.h>\n\nstatic void put(const char *bytes, size_t size)\n{\n"
                                    "    unsigned char length[4] = {(unsigned char)(size >> 24), (unsigned char)(size >> 16),\n"
                                    "                               (unsigned char)(size >> 8), (unsigned char)size};\n"
                                    "    fwrite(length, 1, 4, stdout);\n    fwrite(bytes, 1, size, stdout);\n}\n\n"
                                    "int main(void)\n{\n");
    for (qsizetype i = 0; i < list.size(); ++i) {
        // The split form too: adjacent literals must not run into each other.
        source += QStringLiteral("    {\n        static const char sample[] =\n");
        for (const QString &line : bytesLiteralLines(CodeLanguage::C, list.at(i)))
            source += QStringLiteral("            %1\n").arg(line);
        source += QStringLiteral("            ;\n        put(sample, sizeof sample - 1);\n    }\n");
    }
    source += QStringLiteral("    return 0;\n}\n");
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("literals.c")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(source.toUtf8());
    file.close();
    const QString binary = dir.filePath(QStringLiteral("literals"));
    const Run compiled = run(QStringLiteral("gcc"), {QStringLiteral("-Wall"), QStringLiteral("-Wextra"), QStringLiteral("-Werror"),
                                                     QStringLiteral("-Wtrigraphs"), QStringLiteral("-o"), binary, file.fileName()});
    QVERIFY2(compiled.ok, compiled.err.constData());
    const Run result = run(binary, {});
    QVERIFY2(result.ok, result.err.constData());
    QByteArray expected;
    for (const QByteArray &sample : list) {
        const quint32 size = quint32(sample.size());
        expected += char(size >> 24) + QByteArray() + char(size >> 16) + char(size >> 8) + char(size) + sample;
    }
    QCOMPARE(result.out.size(), expected.size());
    QVERIFY(result.out == expected);
}

void TestCodeLiteral::text()
{
    // Messages and host names: Python keeps letters beyond ASCII as they are, C writes their UTF-8.
    const QString message = QStringLiteral("Le serveur a fermé la connexion : «\u00a0'fin'\u00a0» \"\\\" \n\t😀");
    QTemporaryDir dir;
    QFile py(dir.filePath(QStringLiteral("text.py")));
    QVERIFY(py.open(QIODevice::WriteOnly));
    py.write(QStringLiteral("import sys\nsys.stdout.buffer.write(%1.encode())\n").arg(textLiteral(CodeLanguage::Python, message)).toUtf8());
    py.close();
    const Run pyResult = run(python(), {py.fileName()});
    QVERIFY2(pyResult.ok, pyResult.err.constData());
    QCOMPARE(QString::fromUtf8(pyResult.out), message);

    QFile c(dir.filePath(QStringLiteral("text.c")));
    QVERIFY(c.open(QIODevice::WriteOnly));
    c.write(QStringLiteral("#include <stdio.h>\nint main(void)\n{\n    fputs(%1, stdout);\n    return 0;\n}\n")
                .arg(textLiteral(CodeLanguage::C, message))
                .toUtf8());
    c.close();
    const QString binary = dir.filePath(QStringLiteral("text"));
    const Run compiled = run(QStringLiteral("gcc"), {QStringLiteral("-Wall"), QStringLiteral("-Wextra"), QStringLiteral("-Werror"),
                                                     QStringLiteral("-o"), binary, c.fileName()});
    QVERIFY2(compiled.ok, compiled.err.constData());
    const Run cResult = run(binary, {});
    QVERIFY2(cResult.ok, cResult.err.constData());
    QCOMPARE(QString::fromUtf8(cResult.out), message);
}

QTEST_GUILESS_MAIN(TestCodeLiteral)
#include "tst_codeliteral.moc"
