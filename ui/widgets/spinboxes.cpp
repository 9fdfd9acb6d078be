#include "spinboxes.h"

#include <QSpinBox>

namespace SocketLab {

void updateSpinBoxGeometries(QWidget *root)
{
    for (QAbstractSpinBox *spin : root->findChildren<QAbstractSpinBox *>())
        spin->updateGeometry();
}

QSpinBox *makeSpinBox(int minimum, int maximum, int value, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setRange(minimum, maximum);
    spin->setValue(value);
    spin->setGroupSeparatorShown(true);
    spin->setAccelerated(true);
    return spin;
}

} // namespace SocketLab
