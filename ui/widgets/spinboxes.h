#pragma once

class QSpinBox;
class QWidget;

namespace SocketLab {

// setSpecialValueText() and setSuffix() drop a spin box's cached size without telling the layout,
// which would keep the width of the previous language's text. Called at the end of a retranslate(),
// this tells the layout for every spin box below root.
void updateSpinBoxGeometries(QWidget *root);

// A spin box for the forms' counts and durations: digits grouped as the locale writes them, and
// held arrows speed up, since the ranges run to millions.
QSpinBox *makeSpinBox(int minimum, int maximum, int value, QWidget *parent);

} // namespace SocketLab
