#pragma once

class QWidget;

namespace SocketLab {

// Red text for a sentence that says what is wrong, on the palette's side of light or dark. Called
// again when the palette changes.
void setErrorTextColor(QWidget *widget);

} // namespace SocketLab
