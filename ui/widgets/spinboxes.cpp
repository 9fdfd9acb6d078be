#include "spinboxes.h"

#include <QAbstractSpinBox>

namespace SocketLab {

void updateSpinBoxGeometries(QWidget *root)
{
    for (QAbstractSpinBox *spin : root->findChildren<QAbstractSpinBox *>())
        spin->updateGeometry();
}

} // namespace SocketLab
