#pragma once

#include <QJsonObject>
#include <QString>

namespace SocketLab {
class ByteStore;
class ByteSink;
class Trace;
struct HttpBody;
struct NameInfoResult;
struct ResolveQuery;
struct ResolveResult;
struct TcpResult;
struct UdpResult;
}

namespace SocketLab::Cli {

// The --format json documents. Keys are English snake_case and never translated; socketlab-cli's
// README section lists them. `store` is null when the bytes went to a file (--out); `body` is the HTTP
// body decoded from the reply, null when it was not; `host` is the host given, which a refused
// certificate's sentence names. `talk`'s is ConversationTranscript::json(), which a
// conversation saved from the window writes too.
QJsonObject tcpReport(const TcpResult &result, const QString &host, const ByteSink &sink, const ByteStore *store, const Trace &trace,
                      const HttpBody *body);
QJsonObject udpReport(const UdpResult &result, const ByteSink &sink, const ByteStore *store, const Trace &trace);
QJsonObject resolveReport(const ResolveQuery &query, const ResolveResult &result);
QJsonObject reverseReport(const NameInfoResult &result, const QString &address, int port, int flags);

} // namespace SocketLab::Cli
