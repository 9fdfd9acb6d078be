#include "codeparts.h"

#include "codeliteral.h"
#include "codetext.h"

#include <algorithm>

namespace SocketLab::CodeParts {

namespace {

// The level a C option name belongs to, from its prefix.
QString levelOf(const QString &systemName)
{
    if (systemName.startsWith(QLatin1String("SO_")))
        return QStringLiteral("SOL_SOCKET");
    if (systemName.startsWith(QLatin1String("TCP_")))
        return QStringLiteral("IPPROTO_TCP");
    if (systemName.startsWith(QLatin1String("IPV6_")))
        return QStringLiteral("IPPROTO_IPV6");
    return QStringLiteral("IPPROTO_IP");
}

QStringList setLines(CodeLanguage language, const SocketOptionSetting &setting, const QString &systemName,
                     const QString &indent, const QString &socketName)
{
    const QString level = levelOf(systemName);
    const bool linger = setting.name == SocketOptionName::Linger;
    const int on = linger ? (setting.value == SocketOptionSetting::LingerOff ? 0 : 1) : 0;
    const int seconds = linger && on ? setting.value : 0;
    if (language == CodeLanguage::Python) {
        const QString value = linger ? QStringLiteral("struct.pack('ii', %1, %2)").arg(on).arg(seconds)
                                     : QString::number(setting.value);
        return {indent + QStringLiteral("%1.setsockopt(socket.%2, socket.%3, %4)").arg(socketName, level, systemName, value)};
    }
    QStringList lines;
    lines << indent + QLatin1Char('{');
    if (linger)
        lines << indent + QStringLiteral("    struct linger value = {%1, %2};").arg(on).arg(seconds);
    else
        lines << indent + QStringLiteral("    int value = %1;").arg(setting.value);
    lines << indent + QStringLiteral("    if (setsockopt(%1, %2, %3, &value, sizeof value) < 0)").arg(socketName, level, systemName)
          << indent + QStringLiteral("        perror(\"setsockopt %1\");").arg(systemName) << indent + QLatin1Char('}');
    return lines;
}

} // namespace

QStringList comment(CodeLanguage language, const QString &text, const QString &indent)
{
    constexpr qsizetype Width = 100;
    const QString start = indent + (language == CodeLanguage::Python ? QStringLiteral("# ") : QStringLiteral("// "));
    QStringList lines;
    for (const QString &paragraph : text.split(QLatin1Char('\n'))) {
        QString line = start;
        for (const QString &word : paragraph.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (line.size() > start.size() && line.size() + 1 + word.size() > Width) {
                lines << line;
                line = start;
            }
            if (line.size() > start.size())
                line += QLatin1Char(' ');
            line += word;
        }
        lines << line;
    }
    // A C comment that ends in a backslash would swallow the next line.
    if (language == CodeLanguage::C) {
        for (QString &line : lines) {
            if (line.endsWith(QLatin1Char('\\')))
                line += QLatin1Char('.');
        }
    }
    return lines;
}

QString trailingComment(CodeLanguage language, const QString &text)
{
    return (language == CodeLanguage::Python ? QStringLiteral("# ") : QStringLiteral("// ")) + text;
}

QString message(CodeLanguage language, const QString &text, const QStringList &args)
{
    if (language == CodeLanguage::Python) {
        QString format = text;
        format.replace(QLatin1Char('{'), QLatin1String("{{")).replace(QLatin1Char('}'), QLatin1String("}}"));
        for (int i = 0; i < args.size(); ++i)
            format.replace(QLatin1Char('%') + QString::number(i + 1), QStringLiteral("{%1}").arg(i));
        if (args.isEmpty())
            return QStringLiteral("print(%1, file=sys.stderr)").arg(textLiteral(language, text));
        return QStringLiteral("print(%1.format(%2), file=sys.stderr)")
            .arg(textLiteral(language, format), args.join(QLatin1String(", ")));
    }
    QString format = text;
    format.replace(QLatin1Char('%'), QLatin1String("%%"));
    QStringList expressions;
    for (int i = 0; i < args.size(); ++i) {
        const QString spec = args.at(i).section(QLatin1Char(' '), 0, 0);
        // "%1" reads "%%1" once every "%" is doubled; it becomes the positional "%1$lld".
        format.replace(QLatin1String("%%") + QString::number(i + 1),
                       QLatin1Char('%') + QString::number(i + 1) + QLatin1Char('$') + spec);
        expressions << args.at(i).section(QLatin1Char(' '), 1, -1);
    }
    const QString literal = textLiteral(language, format + QLatin1Char('\n'));
    if (expressions.isEmpty())
        return QStringLiteral("fputs(%1, stderr);").arg(literal);
    return QStringLiteral("fprintf(stderr, %1, %2);").arg(literal, expressions.join(QLatin1String(", ")));
}

QString stopRuleSentence(const StopRule &rule)
{
    switch (rule.kind) {
    case StopRule::Kind::PeerClose:
        return CodeText::tr("Reads until the server closes the connection (recv() returns no bytes).");
    case StopRule::Kind::Http:
        return CodeText::tr("Reads one HTTP response: up to its Content-Length, its last chunk, or the server's close, "
                            "as its headers say.");
    case StopRule::Kind::Bytes:
        return CodeText::tr("Reads exactly %n byte(s).", nullptr, int(qMin<qint64>(rule.value, INT_MAX)));
    case StopRule::Kind::Idle:
        return CodeText::tr("Reads until nothing has come for %1 ms.").arg(rule.value);
    }
    return {};
}

QString familyConstant(IpFamily family)
{
    switch (family) {
    case IpFamily::V4: return QStringLiteral("AF_INET");
    case IpFamily::V6: return QStringLiteral("AF_INET6");
    case IpFamily::Any: break;
    }
    return QStringLiteral("AF_UNSPEC");
}

QString pythonPort(const QString &service)
{
    bool numeric = false;
    const uint port = service.toUInt(&numeric);
    if (numeric && port <= 65535)
        return QString::number(port);
    return textLiteral(CodeLanguage::Python, service);
}

bool hasLinger(const QList<SocketOptionSetting> &settings)
{
    return std::any_of(settings.cbegin(), settings.cend(),
                       [](const SocketOptionSetting &setting) { return setting.name == SocketOptionName::Linger; });
}

QStringList socketOptionLines(CodeLanguage language, const QList<SocketOptionSetting> &settings, const QString &indent,
                              const QString &socketName, const QString &familyName)
{
    const bool python = language == CodeLanguage::Python;
    const QString isV6 = python ? QStringLiteral("if %1 == socket.AF_INET6:").arg(familyName)
                                : QStringLiteral("if (%1 == AF_INET6)").arg(familyName);
    const QString otherwise = python ? QStringLiteral("else:") : QStringLiteral("else");
    QStringList lines;
    for (const SocketOptionSetting &setting : settings) {
        const QString v4 = SocketOptions::systemName(setting.name, IpFamily::V4);
        const QString v6 = SocketOptions::systemName(setting.name, IpFamily::V6);
        const QString inner = indent + QStringLiteral("    ");
        if (setting.name == SocketOptionName::V6Only) {
            lines << indent + isV6 << setLines(language, setting, v6, inner, socketName);
        } else if (v4 != v6) {
            lines << indent + isV6 << setLines(language, setting, v6, inner, socketName) << indent + otherwise
                  << setLines(language, setting, v4, inner, socketName);
        } else {
            lines << setLines(language, setting, v4, indent, socketName);
        }
    }
    return lines;
}

Target conversationTarget(const ConversationRequest &request)
{
    const bool udp = request.transport == ConversationRequest::Transport::Udp;
    Target target;
    target.host = request.host;
    target.service = request.service;
    target.family = request.family;
    target.connectTimeoutMs = request.connectTimeoutMs;
    if (!udp && request.tls.enabled)
        target.tls = request.tls;
    target.socketOptions = request.socketOptions;
    target.localAddress = request.localAddress;
    target.datagram = udp;
    target.connect = !udp || request.udpConnected;
    return target;
}

QStringList splitLines(const QString &block)
{
    QStringList lines = block.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace SocketLab::CodeParts
