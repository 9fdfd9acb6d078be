#pragma once

#include <QByteArrayView>

namespace SocketLab {

// HTTP's optional whitespace (RFC 9110 5.6.3) and RFC 6265's trimming are spaces and tabs only, not
// every whitespace QByteArray::trimmed() knows: a CR or a form feed in a value stays visible.
inline QByteArrayView trimmedBlanks(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

} // namespace SocketLab
