#include "codeoption.h"

#include "exitcode.h"

#include <QCommandLineParser>
#include <QFile>
#include <QStringList>

namespace SocketLab::Cli {

CodeOption::CodeOption()
    : m_option(QStringLiteral("code"),
               tr("Print the program that makes this exchange with the socket API, in LANG (python or c), and run "
                  "nothing: it writes the bytes it receives to its standard output."),
               tr("LANG"))
{
}

void CodeOption::addTo(QCommandLineParser &parser) const
{
    parser.addOption(m_option);
}

bool CodeOption::read(const QCommandLineParser &parser, QString *error)
{
    if (!parser.isSet(m_option))
        return true;
    const QString value = parser.value(m_option).trimmed().toLower();
    if (value == QLatin1String("python") || value == QLatin1String("py")) {
        language = CodeLanguage::Python;
    } else if (value == QLatin1String("c")) {
        language = CodeLanguage::C;
    } else {
        *error = tr("Unknown --code \"%1\": use python or c.").arg(parser.value(m_option));
        return false;
    }
    // What only a run gives is refused beside --code, rather than left out without a word.
    static const QStringList runOnly = {QStringLiteral("out"),    QStringLiteral("body"),  QStringLiteral("pcap"),
                                        QStringLiteral("report"), QStringLiteral("explain"), QStringLiteral("trace"),
                                        QStringLiteral("format"), QStringLiteral("hexdump")};
    for (const QString &name : parser.optionNames()) {
        if (runOnly.contains(name)) {
            *error = tr("--code prints a program and runs nothing: --%1 needs the exchange to run.").arg(name);
            return false;
        }
    }
    return true;
}

int CodeOption::print(const QString &code)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return NetworkError;
    const QByteArray bytes = code.toUtf8();
    return out.write(bytes) == bytes.size() && out.flush() ? Success : NetworkError;
}

} // namespace SocketLab::Cli
