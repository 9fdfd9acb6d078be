#pragma once

#include <QString>

namespace SocketLab {

// The page with each "<" that cannot open a tag written "&lt;". An HTML5 parser reads a "<" that
// is not followed by a letter, "/", "!" or "?" as text (the "invalid-first-character-of-tag-name"
// case), so "* <----- vous êtes ici" on www.perdu.com shows its arrow in a browser; QTextDocument
// takes it for a tag and drops the rest of the line. Escaped first, it shows what a browser does.
QString withStrayLessThanEscaped(const QString &html);

} // namespace SocketLab
