#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace SocketLab {

// The certificates a person trusted, one per host and port (see PinStore): each with its
// fingerprint and the day it was pinned, removable. A removed pin makes the next exchange to that
// host verify against the trust store again.
class TrustedCertificatesPage : public QWidget
{
    Q_OBJECT
public:
    explicit TrustedCertificatesPage(QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }
    QPushButton *removeButton() const { return m_remove; }
    void reload();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void removeSelected();

    QLabel *m_intro;
    QTreeWidget *m_list;
    QPushButton *m_remove;
};

} // namespace SocketLab
