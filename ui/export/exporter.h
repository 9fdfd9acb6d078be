#pragma once

#include "capture/pcapngfile.h"
#include "export/exportsubject.h"

#include <QCoreApplication>
#include <QObject>

class QWidget;

namespace SocketLab {

// Exports an exchange or a conversation: as a pcapng capture Wireshark opens, or as the plain-text
// report (ExchangeReport) copied or saved. The capture and the report are made and written on the
// core pool's file lane, never on the GUI thread: a reply kept in a file is read there, and so is a
// past conversation's file. Each export ends with one translated sentence saying what was written
// where, or what failed and where.
class Exporter : public QObject
{
    Q_OBJECT
public:
    // dialogParent: where the file dialogs open.
    explicit Exporter(QWidget *dialogParent);

    // Ask for a file, then write to it; nothing when the person cancels.
    void askAndExportPcapng(const ExportSubject &subject);
    void askAndSaveReport(const ExportSubject &subject);
    // Writes without asking.
    void exportPcapng(const ExportSubject &subject, const QString &path);
    void saveReport(const ExportSubject &subject, const QString &path);
    // Makes the report and puts it on the clipboard.
    void copyReport(const ExportSubject &subject);
    // How many exports are still being written.
    int pending() const { return m_pending; }

    // Blocking, for the file lane. The capture of a subject whose past conversation is read back
    // already, written to output as it is made (0, or the errno of the write that failed); the report
    // of a subject, *error set when a past conversation's file could not be read.
    static int capture(const ExportSubject &resolvedSubject, const CaptureOutput &output);
    static QString report(const ExportSubject &subject, QString *error);

signals:
    // The sentence: "Capture written to /tmp/x.pcapng (2,345 bytes)." or what failed and where.
    void message(const QString &text);
    void finished(bool ok);

private:
    enum class Kind { Pcapng, ReportFile, ReportClipboard };
    void run(Kind kind, const ExportSubject &subject, const QString &path);

    QWidget *m_dialogParent;
    int m_pending = 0;
};

} // namespace SocketLab
