#include "commands.h"

#include <QCoreApplication>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace SocketLab::Cli;

// socketlab-cli's command line from any bytes, cut into arguments at each NUL as the kernel hands
// argv over. Reading it must give an outcome (run, help, or a usage error in words), never crash,
// never end the process, and never open a socket or read a file named by an argument.
extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // The help names the program from QCoreApplication::arguments(), as in socketlab-cli itself.
    static int argc = 1;
    static char program[] = "socketlab-cli";
    static char *argv[] = {program, nullptr};
    static QCoreApplication app(argc, argv);

    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QStringList arguments{QString::fromLatin1(program)};
    for (const QByteArray &argument : bytes.split('\0'))
        arguments.append(QString::fromLocal8Bit(argument));

    const ParseOutcome outcome = parseCommandLine(arguments);
    // Help and usage errors are words for a person; running needs nothing said.
    if (!outcome.runs() && outcome.text.trimmed().isEmpty())
        std::abort();
    if (outcome.runs() && !outcome.text.isEmpty())
        std::abort();
    return 0;
}
