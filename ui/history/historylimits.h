#pragma once

#include <QtGlobal>

class QSettings;

namespace SocketLab {

class StoredSettings;

// How much of the history is kept between runs, per kind (exchanges, look-ups, conversations): the
// settings keys history/maxEntries, history/maxMegabytes and history/inlineReplyKiB. Past a limit the
// oldest entries go, with their files.
struct HistoryLimits
{
    static constexpr int DefaultMaxEntries = 500;
    static constexpr int MaxMaxEntries = 100000;
    static constexpr int DefaultMaxMegabytes = 256;
    static constexpr int MinMaxMegabytes = 1;
    static constexpr int MaxMaxMegabytes = 65536;
    static constexpr int DefaultInlineReplyKiB = 64;
    // Inline, a reply is base64 inside the JSON, read whole at start: larger ones go to a file.
    static constexpr int MaxInlineReplyKiB = 16384;

    int maxEntries = DefaultMaxEntries;
    int maxMegabytes = DefaultMaxMegabytes;
    // A reply up to this size is kept inside its entry's JSON, a larger one in a file beside it.
    int inlineReplyKiB = DefaultInlineReplyKiB;

    qint64 maxBytes() const { return qint64(maxMegabytes) << 20; }
    qint64 inlineReplyBytes() const { return qint64(inlineReplyKiB) << 10; }

    // Out of range or of the wrong type: the default, and settings notes the key.
    static HistoryLimits read(StoredSettings &settings);
    void write(QSettings &settings) const;
    bool operator==(const HistoryLimits &) const = default;
};

} // namespace SocketLab
