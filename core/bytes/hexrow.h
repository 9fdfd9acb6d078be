#pragma once

#include <QByteArray>

namespace SocketLab {

// The rows of a hex dump, "offset  hex  |text|", 16 bytes a row, as socketlab-cli prints them and the
// text report shows them: "%08llx" offsets (more digits past 4 GiB), two spaces, each byte "xx " with
// one more space after the eighth, then the bytes as text between bars, '.' for what is not printable
// ASCII. Built from tables into the caller's buffer, so a 1 GiB reply formats at xxd's speed.
namespace HexRow {

constexpr int Bytes = 16;
// The longest row: a 16-digit offset and its newline.
constexpr int MaxLength = 8 + 2 + Bytes * 3 + 1 + 2 + Bytes + 2 + 8;

// How many characters the row of len bytes (1..16) at offset takes, its newline included.
int length(qint64 offset, int len);
// Writes that row at `row`, which has room for length(offset, len) characters.
void write(char *row, qint64 offset, const unsigned char *data, int len);
// The rows of len bytes at data, the first being byte `offset`, appended to out.
void append(QByteArray &out, qint64 offset, const char *data, qint64 len);

} // namespace HexRow

} // namespace SocketLab
