#pragma once

#include "bytesource.h"

#include <QString>

namespace SocketLab {

// A reply that went to a file, read back in pieces for the hex view: never loaded whole.
class FileByteSource final : public ByteSource
{
public:
    explicit FileByteSource(const QString &path);
    ~FileByteSource() override;
    FileByteSource(const FileByteSource &) = delete;
    FileByteSource &operator=(const FileByteSource &) = delete;

    bool isOpen() const { return m_fd >= 0; }
    // The file's size now: it may still be growing while an exchange writes it.
    qint64 size() const override;
    QByteArray read(qint64 offset, qint64 len) const override;

private:
    int m_fd = -1;
};

} // namespace SocketLab
