#pragma once

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QString>

#include <signal.h>
#include <unistd.h>

// nginx from Debian's package as an independent HTTP (and TLS) peer, on a temporary configuration
// whose every file stays in one folder the test owns.

// The nginx binary: on PATH, or in the sbin folders a non-root PATH leaves out.
inline QString nginxBinary()
{
    const QString inPath = QStandardPaths::findExecutable(QStringLiteral("nginx"));
    if (!inPath.isEmpty())
        return inPath;
    return QStandardPaths::findExecutable(QStringLiteral("nginx"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"),
                                                                    QStringLiteral("/sbin")});
}

// A whole configuration for one worker, its pid file, logs and temporary folders in dir, with
// httpBody (types, gzip, the server block...) inside its http block. Writes it to dir/nginx.conf
// and returns that path, or an empty string.
inline QString writeNginxConfig(const QString &binary, const QString &dir, const QByteArray &httpBody)
{
    // `nginx -V` lists the modules built without, whose temp path directives would be unknown.
    QProcess version;
    version.start(binary, {QStringLiteral("-V")});
    version.waitForFinished(10000);
    const QByteArray build = version.readAllStandardError() + version.readAllStandardOutput();
    const QByteArray d = dir.toUtf8();
    QByteArray temps = "    client_body_temp_path " + d + "/client_body;\n";
    for (const char *module : {"proxy", "fastcgi", "uwsgi", "scgi"}) {
        if (!build.contains(QByteArray("--without-http_") + module + "_module"))
            temps += QByteArray("    ") + module + "_temp_path " + d + '/' + module + ";\n";
    }
    const QByteArray config = "worker_processes 1;\n"
                              "pid " + d + "/nginx.pid;\n"
                              "error_log " + d + "/error.log;\n"
        + (::geteuid() == 0 ? QByteArray("user root;\n") : QByteArray())
        + "events { worker_connections 64; }\n"
          "http {\n"
          "    access_log " + d + "/access.log;\n"
        + temps + httpBody + "}\n";
    const QString path = dir + QStringLiteral("/nginx.conf");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(config) != config.size())
        return {};
    return path;
}

// nginx in the foreground on writeNginxConfig()'s configuration; stopped with SIGTERM (its master
// then stops the worker; a killed master would leave the worker behind) when this goes out of scope.
class NginxProcess
{
public:
    NginxProcess(const QString &binary, const QString &dir, const QByteArray &httpBody)
        : m_pidFile(dir + QStringLiteral("/nginx.pid"))
        , m_errorLog(dir + QStringLiteral("/error.log"))
    {
        const QString config = writeNginxConfig(binary, dir, httpBody);
        if (config.isEmpty())
            return;
        m_process.start(binary, {QStringLiteral("-c"), config, QStringLiteral("-e"), m_errorLog, QStringLiteral("-g"),
                                 QStringLiteral("daemon off;")});
        m_process.waitForStarted(10000);
    }

    ~NginxProcess()
    {
        if (m_process.state() == QProcess::Running) {
            ::kill(pid_t(m_process.processId()), SIGTERM);
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
        m_process.waitForFinished(5000);
    }

    NginxProcess(const NginxProcess &) = delete;
    NginxProcess &operator=(const NginxProcess &) = delete;

    // nginx writes its pid file once its sockets listen.
    bool listening() const { return QFileInfo::exists(m_pidFile); }
    bool running() const { return m_process.state() == QProcess::Running; }
    QByteArray errors() const
    {
        QFile file(m_errorLog);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

private:
    QString m_pidFile;
    QString m_errorLog;
    QProcess m_process;
};
