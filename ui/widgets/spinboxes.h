#pragma once

class QWidget;

namespace SocketLab {

// setSpecialValueText() and setSuffix() drop a spin box's cached size without telling the layout,
// which would keep the width of the previous language's text. Called at the end of a retranslate(),
// this tells the layout for every spin box below root.
void updateSpinBoxGeometries(QWidget *root);

} // namespace SocketLab
