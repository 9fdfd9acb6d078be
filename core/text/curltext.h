#pragma once

#include "http/curlcommand.h"

#include <QString>

// A pasted curl command in words for a person, translated in the context "SocketLab::CurlText": what
// an option that is not part of the request means here, and why a command could not be read.
namespace SocketLab::CurlText {

QString notice(const CurlNotice &notice);
QString error(const CurlError &error);

} // namespace SocketLab::CurlText
