// libFuzzer target for the two readers of request text a person brings from elsewhere: a pasted curl
// command (parseCurlCommand) and a .http file (parseHttpFile). The first byte chooses the reader; the
// rest is the text, as UTF-8. Neither may crash or hang on any text. A curl command that reads gives a
// host, a port and a request that starts with its request line; an error points inside the text. A
// .http request that reads and is written back reads back as the same bytes and target, or is refused
// by the writer: never written as something else.
#include "collections/httpfile.h"
#include "http/curlcommand.h"

#include <cstdint>
#include <cstdlib>
#include <variant>

using namespace SocketLab;

namespace {

void require(bool condition)
{
    if (!condition)
        std::abort();
}

void checkCurl(const QString &text)
{
    const CurlParse parsed = parseCurlCommand(text);
    if (const auto *error = std::get_if<CurlError>(&parsed)) {
        require(error->line >= 0 && error->column >= 0);
        require(error->line <= int(text.count(QLatin1Char('\n'))) + 1);
        return;
    }
    const CurlImport &import = std::get<CurlImport>(parsed);
    require(!import.host.isEmpty());
    require(import.port != 0);
    const qsizetype lineEnd = import.request.indexOf("\r\n");
    require(lineEnd > 0);
    require(import.request.left(lineEnd).contains(" HTTP/1."));
}

void checkHttpFile(const QString &text)
{
    const HttpFileParse parsed = parseHttpFile(text);
    for (const HttpFileEntry &entry : parsed.entries) {
        if (entry.error.isError())
            continue;
        CollectionError writeError;
        const QString written = writeHttpFile({entry.request}, &writeError);
        if (writeError.isError())
            continue;
        const HttpFileParse again = parseHttpFile(written);
        require(again.entries.size() == 1);
        const HttpFileEntry &back = again.entries.constFirst();
        require(!back.error.isError());
        require(back.request.payload() == entry.request.payload());
        require(back.request.host() == entry.request.host());
        require(back.request.service() == entry.request.service());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 64 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] & 1)
        checkCurl(text);
    else
        checkHttpFile(text);
    return 0;
}
