#pragma once

#include "tls/tlsoptions.h"

#include <QByteArray>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSettings;
class QToolButton;

namespace SocketLab {

class StoredSettings;

// How the TCP form speaks TLS, folded by default into one line that says what differs from the
// defaults ("SNI lab.test, ALPN h2, TLS 1.3 at least"): the server name sent in SNI and checked in
// the certificate (empty: the host), the ALPN protocols offered, the oldest TLS version accepted, and
// a file of PEM authorities trusted beside the system's. The pinned certificate is not here: it is
// the window's trust in a host and port (the Certificate tab), not a setting of the request.
class TlsOptionsEdit : public QWidget
{
    Q_OBJECT
public:
    explicit TlsOptionsEdit(QWidget *parent = nullptr);

    QString serverName() const;
    // The protocols as typed, comma-separated; those that are not valid are left out.
    QList<QByteArray> alpn() const;
    TlsVersion minVersion() const;
    QString caFile() const;
    void setOptions(const QString &serverName, const QList<QByteArray> &alpn, TlsVersion minVersion,
                    const QString &caFile);
    void setServerName(const QString &name);
    // The host the server name defaults to, shown as its placeholder.
    void setHost(const QString &host);

    // False with *problem (translated, naming the field and what is wrong) when what is typed cannot
    // be sent; the problem is also shown in red under the fields.
    bool isComplete(QString *problem) const;
    // What differs from the defaults, in words; empty when nothing does.
    QString summary() const;

    bool isUnfolded() const;
    void setUnfolded(bool unfolded);

    // Keys under `group` ("connection"): group/tlsServerName, tlsAlpn, tlsMinVersion, tlsCaFile, tlsShown.
    void saveState(QSettings &settings, const QString &group) const;
    void restoreState(StoredSettings &settings, const QString &group);

    QToolButton *foldButton() const { return m_fold; }
    QLineEdit *serverNameEdit() const { return m_serverName; }
    QLineEdit *alpnEdit() const { return m_alpn; }
    QComboBox *minVersionCombo() const { return m_minVersion; }
    QLineEdit *caFileEdit() const { return m_caFile; }
    QToolButton *caFileButton() const { return m_browse; }
    QLabel *problemLabel() const { return m_problem; }

signals:
    // A field or the fold changed, by a person or by the program.
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void refresh();
    void chooseCaFile();

    QToolButton *m_fold;
    QLabel *m_summary;
    QWidget *m_body;
    QLabel *m_serverNameLabel;
    QLineEdit *m_serverName;
    QLabel *m_alpnLabel;
    QLineEdit *m_alpn;
    QLabel *m_minVersionLabel;
    QComboBox *m_minVersion;
    QLabel *m_caFileLabel;
    QLineEdit *m_caFile;
    QToolButton *m_browse;
    QLabel *m_problem;
};

} // namespace SocketLab
