#pragma once

#include "codegen/codelanguage.h"

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace SocketLab::Cli {

// --code python|c: print the program that makes the exchange (core/codegen/exchangecode.h) instead
// of making it.
class CodeOption
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::Cli::CodeOption)
public:
    CodeOption();
    void addTo(QCommandLineParser &parser) const;
    // False, with a sentence in error, for a value that names no language, or beside an option that
    // only a run serves (--out, --pcap, --report, --explain, --trace, --format...).
    bool read(const QCommandLineParser &parser, QString *error);

    std::optional<CodeLanguage> language;  // unset: run the exchange

    // Writes the program to standard output; the exit code.
    static int print(const QString &code);

private:
    QCommandLineOption m_option;
};

} // namespace SocketLab::Cli
