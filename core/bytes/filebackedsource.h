#pragma once

#include "bytesource.h"

#include <QString>

namespace SocketLab {

// A reply that went to a file, read back in pieces for the hex view: never loaded whole.
class FileBackedSource final : public ByteSource
{
public:
    explicit FileBackedSource(const QString &path);
    // Reads from fd, an open descriptor it closes when it goes (a file with no name lives as long).
    explicit FileBackedSource(int fd);
    ~FileBackedSource() override;
    FileBackedSource(const FileBackedSource &) = delete;
    FileBackedSource &operator=(const FileBackedSource &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    // The file's size now: it may still be growing while an exchange writes it.
    qint64 size() const override;
    QByteArray read(qint64 offset, qint64 len) const override;

private:
    int m_fd = -1;
};

} // namespace SocketLab
