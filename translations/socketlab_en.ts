<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>SocketLab::Cli::RelayPrinter</name>
    <message numerus="yes">
        <location filename="../app/cli/relayprinter.cpp" line="+118"/>
        <source>Stopped. %n connection(s) (%1 refused, %2 failed); %3 to targets, %4 to clients.</source>
        <translation>
            <numerusform>Stopped. %n connection (%1 refused, %2 failed); %3 to targets, %4 to clients.</numerusform>
            <numerusform>Stopped. %n connections (%1 refused, %2 failed); %3 to targets, %4 to clients.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::ResolveCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/resolvecommand.cpp" line="+134"/>
        <source>%Ln row(s) in %1</source>
        <translation>
            <numerusform>%Ln row in %1</numerusform>
            <numerusform>%Ln rows in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::RunCommand</name>
    <message numerus="yes">
        <location filename="../app/cli/runcommand.cpp" line="+107"/>
        <source>«%1» was sent first for its reply: %n byte(s) received.</source>
        <translation>
            <numerusform>«%1» was sent first for its reply: %n byte received.</numerusform>
            <numerusform>«%1» was sent first for its reply: %n bytes received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>Expected one FILE, got %n argument(s).</source>
        <translation>
            <numerusform>Expected one FILE, got %n argument.</numerusform>
            <numerusform>Expected one FILE, got %n arguments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::TargetOptions</name>
    <message numerus="yes">
        <location filename="../app/cli/targetoptions.cpp" line="+49"/>
        <source>Expected HOST and PORT, got %n argument(s).</source>
        <translation>
            <numerusform>Expected HOST and PORT, got %n argument.</numerusform>
            <numerusform>Expected HOST and PORT, got %n arguments.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::CodeText</name>
    <message numerus="yes">
        <location filename="../core/codegen/codeparts.cpp" line="+119"/>
        <source>Reads exactly %n byte(s).</source>
        <translation>
            <numerusform>Reads exactly %n byte.</numerusform>
            <numerusform>Reads exactly %n bytes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ConnectionPanel</name>
    <message numerus="yes">
        <location filename="../ui/connection/connectionpanel.cpp" line="+446"/>
        <location line="+9"/>
        <source> byte(s)</source>
        <translation>
            <numerusform> byte</numerusform>
            <numerusform> bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationCapture</name>
    <message numerus="yes">
        <location filename="../core/capture/conversationcapture.cpp" line="+24"/>
        <source>%n message(s) past what the conversation kept are not in this capture.</source>
        <translation>
            <numerusform>%n message past what the conversation kept is not in this capture.</numerusform>
            <numerusform>%n messages past what the conversation kept are not in this capture.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationHttpView</name>
    <message numerus="yes">
        <location filename="../ui/http/conversationhttpview.cpp" line="+273"/>
        <source>%Ln HTTP exchange(s).</source>
        <translation>
            <numerusform>%Ln HTTP exchange.</numerusform>
            <numerusform>%Ln HTTP exchanges.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Only the first %Ln are read.</source>
        <translation>
            <numerusform>Only the first is read.</numerusform>
            <numerusform>Only the first %Ln are read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>Interim response(s) first: %1</source>
        <translation>
            <numerusform>Interim response first: %1</numerusform>
            <numerusform>Interim responses first: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%Ln more chunk(s), not listed.</source>
        <translation>
            <numerusform>%Ln more chunk, not listed.</numerusform>
            <numerusform>%Ln more chunks, not listed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationPage</name>
    <message numerus="yes">
        <location filename="../ui/conversation/conversationpage.cpp" line="+894"/>
        <source>%Ln step(s), ready to run.</source>
        <translation>
            <numerusform>%Ln step, ready to run.</numerusform>
            <numerusform>%Ln steps, ready to run.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The script played its %Ln step(s).</source>
        <translation>
            <numerusform>The script played its %Ln step.</numerusform>
            <numerusform>The script played its %Ln steps.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+57"/>
        <source>Sent %1 in %Ln message(s)</source>
        <translation>
            <numerusform>Sent %1 in %Ln message</numerusform>
            <numerusform>Sent %1 in %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>received %1 in %Ln message(s)</source>
        <translation>
            <numerusform>received %1 in %Ln message</numerusform>
            <numerusform>received %1 in %Ln messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationTranscript</name>
    <message numerus="yes">
        <location filename="../core/conversation/conversationtranscript.cpp" line="+383"/>
        <source>Sent %1 in %n message(s).</source>
        <translation>
            <numerusform>Sent %1 in %n message.</numerusform>
            <numerusform>Sent %1 in %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Received %1 in %n message(s).</source>
        <translation>
            <numerusform>Received %1 in %n message.</numerusform>
            <numerusform>Received %1 in %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) past the conversation&apos;s cap were counted but not kept: their bytes are not above; the byte totals count them.</source>
        <translation>
            <numerusform>%n message past the conversation&apos;s cap was counted but not kept: its bytes are not above; the byte totals count it.</numerusform>
            <numerusform>%n messages past the conversation&apos;s cap were counted but not kept: their bytes are not above; the byte totals count them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::DnsPanel</name>
    <message numerus="yes">
        <location filename="../ui/dns/dnspanel.cpp" line="+690"/>
        <source>%n row(s), in the order getaddrinfo() returned them.</source>
        <translation>
            <numerusform>%n row, in the order getaddrinfo() returned them.</numerusform>
            <numerusform>%n rows, in the order getaddrinfo() returned them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ExchangeReport</name>
    <message numerus="yes">
        <location filename="../core/text/exchangereport.cpp" line="+229"/>
        <source>Reply (%1 in %Ln datagram(s)):</source>
        <translation>
            <numerusform>Reply (%1 in %Ln datagram):</numerusform>
            <numerusform>Reply (%1 in %Ln datagrams):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Reply (%1 in %Ln recv() call(s)):</source>
        <translation>
            <numerusform>Reply (%1 in %Ln recv() call):</numerusform>
            <numerusform>Reply (%1 in %Ln recv() calls):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Sent %1 in %Ln message(s)</source>
        <translation>
            <numerusform>Sent %1 in %Ln message</numerusform>
            <numerusform>Sent %1 in %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Received %1 in %Ln message(s)</source>
        <translation>
            <numerusform>Received %1 in %Ln message</numerusform>
            <numerusform>Received %1 in %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln message(s) past what the conversation kept are not in this report.</source>
        <translation>
            <numerusform>%Ln message past what the conversation kept is not in this report.</numerusform>
            <numerusform>%Ln messages past what the conversation kept are not in this report.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>… %Ln message(s) left out …</source>
        <translation>
            <numerusform>… %Ln message left out …</numerusform>
            <numerusform>… %Ln messages left out …</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::Exporter</name>
    <message numerus="yes">
        <location filename="../ui/export/exporter.cpp" line="+188"/>
        <source>Report copied (%n line(s)).</source>
        <translation>
            <numerusform>Report copied (%n line).</numerusform>
            <numerusform>Report copied (%n lines).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::FramingText</name>
    <message numerus="yes">
        <location filename="../core/text/framingtext.cpp" line="+113"/>
        <source>%n interim response(s) (1xx) came first: they have no body, and the final response&apos;s headers decide.</source>
        <translation>
            <numerusform>%n interim response (1xx) came first: it has no body, and the final response&apos;s headers decide.</numerusform>
            <numerusform>%n interim responses (1xx) came first: they have no body, and the final response&apos;s headers decide.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>… and %n more chunk(s), not listed here.</source>
        <translation>
            <numerusform>… and %n more chunk, not listed here.</numerusform>
            <numerusform>… and %n more chunks, not listed here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+111"/>
        <source>Headers: %n read, the blank line that ends them not yet.</source>
        <translation>
            <numerusform>Headers: %n read, the blank line that ends them not yet.</numerusform>
            <numerusform>Headers: %n read, the blank line that ends them not yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Headers complete (%n read), the body chunked: the first chunk&apos;s size line has not come whole.</source>
        <translation>
            <numerusform>Headers complete (%n read), the body chunked: the first chunk&apos;s size line has not come whole.</numerusform>
            <numerusform>Headers complete (%n read), the body chunked: the first chunk&apos;s size line has not come whole.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Last chunk read: trailers, %n line(s) so far, and the final blank line not yet.</source>
        <translation>
            <numerusform>Last chunk read: trailers, %n line so far, and the final blank line not yet.</numerusform>
            <numerusform>Last chunk read: trailers, %n lines so far, and the final blank line not yet.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::HexView</name>
    <message numerus="yes">
        <location filename="../ui/reply/hexview.cpp" line="+118"/>
        <source>%1 #%2: %Ln byte(s) at %3 ms, offset 0x%4</source>
        <translation>
            <numerusform>%1 #%2: %Ln byte at %3 ms, offset 0x%4</numerusform>
            <numerusform>%1 #%2: %Ln bytes at %3 ms, offset 0x%4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::HistoryPanel</name>
    <message numerus="yes">
        <location filename="../ui/history/historypanel.cpp" line="+383"/>
        <source>stop after %n datagram(s)</source>
        <translation>
            <numerusform>stop after %n datagram</numerusform>
            <numerusform>stop after %n datagrams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Sent at %1 to %2: %3; %n datagram(s) received.</source>
        <translation>
            <numerusform>Sent at %1 to %2: %3; %n datagram received.</numerusform>
            <numerusform>Sent at %1 to %2: %3; %n datagrams received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n datagram(s)</source>
        <translation>
            <numerusform>%n datagram</numerusform>
            <numerusform>%n datagrams</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::HistoryStore</name>
    <message numerus="yes">
        <location filename="../ui/history/historystore.cpp" line="+99"/>
        <source>%n history file(s) damaged or unreadable, skipped: %1</source>
        <translation>
            <numerusform>%n history file damaged or unreadable, skipped: %1</numerusform>
            <numerusform>%n history files damaged or unreadable, skipped: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n history file(s) written by a newer SocketLab, skipped: %1</source>
        <translation>
            <numerusform>%n history file written by a newer SocketLab, skipped: %1</numerusform>
            <numerusform>%n history files written by a newer SocketLab, skipped: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::HttpExchangeText</name>
    <message numerus="yes">
        <location filename="../ui/http/httpexchangetext.cpp" line="+40"/>
        <source>chunked, %Ln chunk(s)</source>
        <translation>
            <numerusform>chunked, %Ln chunk</numerusform>
            <numerusform>chunked, %Ln chunks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::HttpView</name>
    <message numerus="yes">
        <location filename="../ui/reply/httpview.cpp" line="+61"/>
        <source>%Ln more</source>
        <translation>
            <numerusform>%Ln more</numerusform>
            <numerusform>%Ln more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>chunked, %Ln chunk(s)</source>
        <translation>
            <numerusform>chunked, %Ln chunk</numerusform>
            <numerusform>chunked, %Ln chunks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%Ln line(s) ended by LF alone instead of CRLF, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln line ended by LF alone instead of CRLF, at byte %1</numerusform>
            <numerusform>%Ln lines ended by LF alone instead of CRLF, at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln status line(s) without a reason phrase, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln status line without a reason phrase, at byte %1</numerusform>
            <numerusform>%Ln status lines without a reason phrase, at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Content-Length repeated with the same value %Ln time(s), at byte(s) %1</source>
        <translation>
            <numerusform>Content-Length repeated with the same value %Ln time, at byte %1</numerusform>
            <numerusform>Content-Length repeated with the same value %Ln times, at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln header line(s) continued on the next line (obsolete folding), at byte(s) %1</source>
        <translation>
            <numerusform>%Ln header line continued on the next line (obsolete folding), at byte %1</numerusform>
            <numerusform>%Ln header lines continued on the next line (obsolete folding), at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln interim response(s) (%1) before the final one, at byte(s) %2</source>
        <translation>
            <numerusform>%Ln interim response (%1) before the final one, at byte %2</numerusform>
            <numerusform>%Ln interim responses (%1) before the final one, at bytes %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%Ln empty line(s) before a status line, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln empty line before a status line, at byte %1</numerusform>
            <numerusform>%Ln empty lines before a status line, at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln CR(s) not followed by LF in the head, read as spaces, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln CR not followed by LF in the head, read as a space, at byte %1</numerusform>
            <numerusform>%Ln CRs not followed by LF in the head, read as spaces, at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln header value(s) with a control character (NUL read as a space), at byte(s) %1</source>
        <translation>
            <numerusform>%Ln header value with a control character (NUL read as a space), at byte %1</numerusform>
            <numerusform>%Ln header values with a control character (NUL read as a space), at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln chunk size line(s) with spaces or tabs before their CRLF, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln chunk size line with spaces or tabs before its CRLF, at byte %1</numerusform>
            <numerusform>%Ln chunk size lines with spaces or tabs before their CRLF, at bytes %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln &quot;;&quot; with no chunk extension name after it, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln &quot;;&quot; with no chunk extension name after it, at byte %1</numerusform>
            <numerusform>%Ln &quot;;&quot; with no chunk extension name after them, at bytes %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::KernelDropsText</name>
    <message numerus="yes">
        <location filename="../core/text/kerneldropstext.cpp" line="+29"/>
        <source>The kernel dropped %1 datagram(s): the receive buffer was full; raise SO_RCVBUF.</source>
        <translation>
            <numerusform>The kernel dropped %1 datagram: the receive buffer was full; raise SO_RCVBUF.</numerusform>
            <numerusform>The kernel dropped %1 datagrams: the receive buffer was full; raise SO_RCVBUF.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The kernel dropped %1 datagram(s): the receive buffer (%2) was full; raise SO_RCVBUF (rcvbuf=%3).</source>
        <translation>
            <numerusform>The kernel dropped %1 datagram: the receive buffer (%2) was full; raise SO_RCVBUF (rcvbuf=%3).</numerusform>
            <numerusform>The kernel dropped %1 datagrams: the receive buffer (%2) was full; raise SO_RCVBUF (rcvbuf=%3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 datagram(s) received</source>
        <translation>
            <numerusform>%1 datagram received</numerusform>
            <numerusform>%1 datagrams received</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1, %2 dropped by the kernel.</source>
        <translation>
            <numerusform>%1, %2 dropped by the kernel.</numerusform>
            <numerusform>%1, %2 dropped by the kernel.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ListenerModel</name>
    <message numerus="yes">
        <location filename="../ui/servers/listenermodel.cpp" line="+223"/>
        <source>%1, %Ln datagram(s) dropped</source>
        <translation>
            <numerusform>%1, %Ln datagram dropped</numerusform>
            <numerusform>%1, %Ln datagrams dropped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::LookupHistory</name>
    <message numerus="yes">
        <location filename="../ui/dns/lookuphistory.cpp" line="+130"/>
        <source>%n row(s) in %1 ms</source>
        <translation>
            <numerusform>%n row in %1 ms</numerusform>
            <numerusform>%n rows in %1 ms</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::RecordedScriptText</name>
    <message numerus="yes">
        <location filename="../core/text/recordedscripttext.cpp" line="+102"/>
        <source>the peer sent %1 bytes in %n recv(): %2</source>
        <translation>
            <numerusform>the peer sent %1 bytes in %n recv(): %2</numerusform>
            <numerusform>the peer sent %1 bytes in %n recv(): %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::RelayConnectionView</name>
    <message numerus="yes">
        <location filename="../ui/servers/relayconnectionview.cpp" line="+156"/>
        <source>Client → target: %1 in %Ln datagram(s)</source>
        <translation>
            <numerusform>Client → target: %1 in %Ln datagram</numerusform>
            <numerusform>Client → target: %1 in %Ln datagrams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Client → target: %1 in %Ln recv()</source>
        <translation>
            <numerusform>Client → target: %1 in %Ln recv()</numerusform>
            <numerusform>Client → target: %1 in %Ln recv()</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>target → client: %1 in %Ln datagram(s)</source>
        <translation>
            <numerusform>target → client: %1 in %Ln datagram</numerusform>
            <numerusform>target → client: %1 in %Ln datagrams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>target → client: %1 in %Ln recv()</source>
        <translation>
            <numerusform>target → client: %1 in %Ln recv()</numerusform>
            <numerusform>target → client: %1 in %Ln recv()</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::RelayView</name>
    <message numerus="yes">
        <location filename="../ui/servers/relayview.cpp" line="+157"/>
        <source>%Ln connection(s), %1 open, %2 refused, %3 failed</source>
        <translation>
            <numerusform>%Ln connection, %1 open, %2 refused, %3 failed</numerusform>
            <numerusform>%Ln connections, %1 open, %2 refused, %3 failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ReplayBar</name>
    <message numerus="yes">
        <location filename="../ui/reply/replaybar.cpp" line="+190"/>
        <source>Replay: %Ln SSL_read() call(s) with data. Press Next or Play to see the reply arrive.</source>
        <translation>
            <numerusform>Replay: %Ln SSL_read() call with data. Press Next or Play to see the reply arrive.</numerusform>
            <numerusform>Replay: %Ln SSL_read() calls with data. Press Next or Play to see the reply arrive.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Replay: %Ln recv() call(s) with data. Press Next or Play to see the reply arrive.</source>
        <translation>
            <numerusform>Replay: %Ln recv() call with data. Press Next or Play to see the reply arrive.</numerusform>
            <numerusform>Replay: %Ln recv() calls with data. Press Next or Play to see the reply arrive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::ReplyPanel</name>
    <message numerus="yes">
        <location filename="../ui/reply/replypanel.cpp" line="+481"/>
        <source>%Ln SSL_read() call(s) with data</source>
        <translation>
            <numerusform>%Ln SSL_read() call with data</numerusform>
            <numerusform>%Ln SSL_read() calls with data</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln recv() call(s) with data</source>
        <translation>
            <numerusform>%Ln recv() call with data</numerusform>
            <numerusform>%Ln recv() calls with data</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::RequestEditor</name>
    <message numerus="yes">
        <location filename="../ui/request/requesteditor.cpp" line="+549"/>
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 · %n doubled CR(s) (\r\r): likely a mistake</source>
        <translation>
            <numerusform>%1 · %n doubled CR (\r\r): likely a mistake</numerusform>
            <numerusform>%1 · %n doubled CRs (\r\r): likely a mistake</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="-11"/>
        <source>%Ln byte(s) before the error</source>
        <translation>
            <numerusform>%Ln byte before the error</numerusform>
            <numerusform>%Ln bytes before the error</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::StopText</name>
    <message numerus="yes">
        <location filename="../core/text/stoptext.cpp" line="+38"/>
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 byte</numerusform>
            <numerusform>%1 bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>The %1 byte(s) asked for were received.</source>
        <translation>
            <numerusform>The %1 byte asked for was received.</numerusform>
            <numerusform>The %1 bytes asked for were received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%Ln datagram(s) received, as asked.</source>
        <translation>
            <numerusform>%Ln datagram received, as asked.</numerusform>
            <numerusform>%Ln datagrams received, as asked.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::StoredSettings</name>
    <message numerus="yes">
        <location filename="../ui/settings/storedsettings.cpp" line="+145"/>
        <source>%n saved setting(s) reset to the default.</source>
        <translation>
            <numerusform>%n saved setting reset to the default.</numerusform>
            <numerusform>%n saved settings reset to the default.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>%n saved setting(s) had a value this SocketLab cannot use and went back to the default:</source>
        <translation>
            <numerusform>%n saved setting had a value this SocketLab cannot use and went back to the default:</numerusform>
            <numerusform>%n saved settings had values this SocketLab cannot use and went back to the default:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::TraceModel</name>
    <message numerus="yes">
        <location filename="../ui/trace/tracemodel.cpp" line="+230"/>
        <source>%Ln calls folded into this row, moving %1 bytes in all</source>
        <translation>
            <numerusform>%Ln call folded into this row, moving %1 bytes in all</numerusform>
            <numerusform>%Ln calls folded into this row, moving %1 bytes in all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln identical calls folded into this row</source>
        <translation>
            <numerusform>%Ln identical call folded into this row</numerusform>
            <numerusform>%Ln identical calls folded into this row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::TraceText</name>
    <message numerus="yes">
        <location filename="../core/text/tracetext.cpp" line="+29"/>
        <source>[%Ln call(s), %1 in all, until %2 ms]</source>
        <translation>
            <numerusform>[%Ln call, %1 in all, until %2 ms]</numerusform>
            <numerusform>[%Ln calls, %1 in all, until %2 ms]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::UdpCapture</name>
    <message numerus="yes">
        <location filename="../core/capture/udpcapture.cpp" line="+69"/>
        <source>Truncated: the datagram had %n byte(s); these are the ones kept</source>
        <translation>
            <numerusform>Truncated: the datagram had %n byte; these are the ones kept</numerusform>
            <numerusform>Truncated: the datagram had %n bytes; these are the ones kept</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::UdpPanel</name>
    <message numerus="yes">
        <location filename="../ui/udp/udppanel.cpp" line="+477"/>
        <source> datagram(s)</source>
        <translation>
            <numerusform> datagram</numerusform>
            <numerusform> datagrams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+303"/>
        <source>Waiting for datagrams… %n received so far.</source>
        <translation>
            <numerusform>Waiting for datagrams… %n received so far.</numerusform>
            <numerusform>Waiting for datagrams… %n received so far.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Sent %1 from %2 to %3; %n datagram(s) received.</source>
        <translation>
            <numerusform>Sent %1 from %2 to %3; %n datagram received.</numerusform>
            <numerusform>Sent %1 from %2 to %3; %n datagrams received.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n datagram(s) did not fit in the %1 receive buffer: the rest of each was lost.</source>
        <translation>
            <numerusform>%n datagram did not fit in the %1 receive buffer: the rest of it was lost.</numerusform>
            <numerusform>%n datagrams did not fit in the %1 receive buffer: the rest of each was lost.</numerusform>
        </translation>
    </message>
</context>
</TS>
