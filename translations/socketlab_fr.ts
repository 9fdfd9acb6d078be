<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../ui/widgets/savefiledialog.cpp" line="+26"/>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>Dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drive</source>
        <translation>Lecteur</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+18"/>
        <source>Displays help on commandline options.</source>
        <translation>Afficher l&apos;aide sur les options de la ligne de commande.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Displays help including Qt specific options.</source>
        <translation>Afficher l&apos;aide, options propres à Qt comprises.</translation>
    </message>
</context>
<context>
    <name>SocketLab::AddrInfoModel</name>
    <message>
        <location filename="../ui/dns/addrinfomodel.cpp" line="+64"/>
        <source>%1 = %2</source>
        <translation>%1 = %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Socket address as Python prints it: %1</source>
        <translation>Adresse socket telle que Python l&apos;affiche&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Family</source>
        <translation>Famille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket type</source>
        <translation>Type de socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Canonical name</source>
        <translation>Nom canonique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port</source>
        <translation>Port</translation>
    </message>
</context>
<context>
    <name>SocketLab::BodyText</name>
    <message>
        <location filename="../core/text/bodytext.cpp" line="+31"/>
        <source>Content-Encoding &quot;%1&quot; cannot be decoded here: the body is left as received.</source>
        <translation>Le Content-Encoding «&#xa0;%1&#xa0;» ne peut pas être décodé ici&#xa0;: le corps reste tel que reçu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 data is corrupt at byte %2 of the body (byte %3 of the reply): only what comes before it is decoded.</source>
        <translation>Les données %1 sont corrompues à l&apos;octet %2 du corps (octet %3 de la réponse)&#xa0;: seul ce qui précède est décodé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 data ends early, at byte %2 of the body (byte %3 of the reply): what it holds is decoded.</source>
        <translation>Les données %1 s&apos;arrêtent trop tôt, à l&apos;octet %2 du corps (octet %3 de la réponse)&#xa0;: leur contenu est décodé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The %1 data ends at byte %2 of the body (byte %3 of the reply); the bytes after it are not decoded.</source>
        <translation>Les données %1 se terminent à l&apos;octet %2 du corps (octet %3 de la réponse)&#x202f;; les octets qui suivent ne sont pas décodés.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The decoded body is larger than %1: decoding stopped there.</source>
        <translation>Le corps décodé dépasse %1&#xa0;: le décodage s&apos;est arrêté là.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The charset &quot;%1&quot; is not supported here: the text is decoded as %2.</source>
        <translation>Le jeu de caractères «&#xa0;%1&#xa0;» n&apos;est pas pris en charge ici&#xa0;: le texte est décodé en %2.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ByteColors</name>
    <message>
        <location filename="../ui/reply/bytecolors.cpp" line="+69"/>
        <source>Status line</source>
        <translation>Ligne de statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Blank line</source>
        <translation>Ligne vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunk size line</source>
        <translation>Ligne de taille de bloc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunk data</source>
        <translation>Données du bloc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chunk end (CRLF)</source>
        <translation>Fin de bloc (CRLF)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trailer</source>
        <translation>En-tête final (trailer)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body</source>
        <translation>Corps</translation>
    </message>
</context>
<context>
    <name>SocketLab::ByteViewBase</name>
    <message>
        <location filename="../ui/reply/byteviewbase.cpp" line="+288"/>
        <source>Copy as &amp;Hex</source>
        <translation>Copier en &amp;hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as &amp;Text</source>
        <translation>Copier en &amp;texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as &amp;C Array</source>
        <translation>Copier en tableau &amp;C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy as &amp;Python Bytes</source>
        <translation>Copier en bytes &amp;Python</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Selection too large to copy (more than %1)</source>
        <translation>Sélection trop grande pour être copiée (plus de %1)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select &amp;All</source>
        <translation>Tout &amp;sélectionner</translation>
    </message>
</context>
<context>
    <name>SocketLab::CertificateView</name>
    <message>
        <location filename="../ui/tls/certificateview.cpp" line="+68"/>
        <source>Connection</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Verification</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cipher suite</source>
        <translation>Suite de chiffrement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ALPN</source>
        <translation>ALPN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none agreed</source>
        <translation>aucun convenu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>resumed from an earlier connection</source>
        <translation>reprise d&apos;une connexion précédente</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new (full handshake)</source>
        <translation>nouvelle (négociation complète)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server name (SNI)</source>
        <translation>Nom du serveur (SNI)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>none sent</source>
        <translation>aucun envoyé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Handshake</source>
        <translation>Négociation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server sent no certificate.</source>
        <translation>Le serveur n&apos;a envoyé aucun certificat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate %1 of %2: the server&apos;s own</source>
        <translation>Certificat %1 sur %2&#xa0;: celui du serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate %1 of %2</source>
        <translation>Certificat %1 sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issuer</source>
        <translation>Émetteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>self-signed</source>
        <translation>autosigné</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (not valid yet)</source>
        <translation>%1 (pas encore valide)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (expired)</source>
        <translation>%1 (expiré)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid from</source>
        <translation>Valide à partir du</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Valid until</source>
        <translation>Valide jusqu&apos;au</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Names covered</source>
        <translation>Noms couverts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key</source>
        <translation>Clé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1, %2 bits</source>
        <translation>%1, %2&#xa0;bits</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature algorithm</source>
        <translation>Algorithme de signature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
</context>
<context>
    <name>SocketLab::ChainButtons</name>
    <message>
        <location filename="../ui/navigation/chainbuttons.cpp" line="+50"/>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Forward</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the previous exchange of this chain of clicks: its request, target and reply (Alt+Left)</source>
        <translation>Afficher l&apos;échange précédent de cette suite de clics&#xa0;: sa requête, sa cible et sa réponse (Alt+Gauche)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the next exchange of this chain of clicks: its request, target and reply (Alt+Right)</source>
        <translation>Afficher l&apos;échange suivant de cette suite de clics&#xa0;: sa requête, sa cible et sa réponse (Alt+Droite)</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::CodeOption</name>
    <message>
        <location filename="../app/cli/codeoption.cpp" line="+13"/>
        <source>Print the program that makes this exchange with the socket API, in LANG (python or c), and run nothing: it writes the bytes it receives to its standard output.</source>
        <translation>Afficher le programme qui fait cet échange avec l’API socket, en LANG (python ou c), sans rien exécuter&#xa0;: il écrit les octets qu’il reçoit sur sa sortie standard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>LANG</source>
        <translation>LANG</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Unknown --code &quot;%1&quot;: use python or c.</source>
        <translation>--code «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez python ou c.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--code prints a program and runs nothing: --%1 needs the exchange to run.</source>
        <translation>--code écrit un programme et n&apos;exécute rien&#xa0;: --%1 a besoin que l&apos;échange ait lieu.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::ExchangeOutput</name>
    <message>
        <location filename="../app/cli/exchangeoutput.cpp" line="+350"/>
        <source>%1 resolves to %2</source>
        <translation>%1 se résout en %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected to %1 from %2 in %3 ms</source>
        <translation>Connecté à %1 depuis %2 en %3&#xa0;ms</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Sent %1</source>
        <translation>Envoi&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-153"/>
        <source>recv #%1: %2 at %3 ms</source>
        <translation>recv n° %1&#xa0;: %2 à %3&#xa0;ms</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>Why reading stopped, on the bytes:</source>
        <translation>Pourquoi la lecture s&apos;est arrêtée, sur les octets&#xa0;:</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>HTTP reply: %1 %2 %3, %4 of body</source>
        <translation>Réponse HTTP&#xa0;: %1 %2 %3, corps de %4</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1: %2 → %3</source>
        <translation>%1&#xa0;: %2 → %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No HTTP response came: %1 is empty.</source>
        <translation>Aucune réponse HTTP n&apos;est arrivée&#xa0;: %1 est vide.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Body: %1, %2-encoded; %3 once decoded, written to %4.</source>
        <translation>Corps&#xa0;: %1, encodé en %2&#x202f;; %3 une fois décodé, écrit dans %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body: %1, written to %2.</source>
        <translation>Corps&#xa0;: %1, écrit dans %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The body is not complete: %1 holds what arrived of it.</source>
        <translation>Le corps est incomplet&#xa0;: %1 contient ce qui en est arrivé.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sent %1 to %2 from %3</source>
        <translation>Envoi&#xa0;: %1 vers %2 depuis %3</translation>
    </message>
    <message>
        <location line="-212"/>
        <source>datagram #%1 from %2: %3 at %4 ms</source>
        <translation>datagramme n° %1 de %2&#xa0;: %3 à %4&#xa0;ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(truncated: the datagram had %1)</source>
        <translation>(tronqué&#xa0;: le datagramme faisait %1)</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::Main</name>
    <message>
        <location filename="../app/cli/commands.cpp" line="+27"/>
        <source>Usage: socketlab-cli COMMAND [options]

Commands:
  tcp HOST PORT          send a request over TCP and show every byte of the reply
  udp HOST PORT          send a datagram and show the datagrams that come back
  resolve HOST [SERVICE] getaddrinfo(), every row in order
  reverse ADDRESS [PORT] getnameinfo()
  serve KIND             run a local server until SIGINT or SIGTERM (http, echo, reply, log,
                         udp-echo, udp-reply, udp-log; --tls for TCP)
  talk HOST PORT         keep a connection open: send lines of standard input or a --script&apos;s
                         steps, print the peer&apos;s bytes as they arrive
  relay PORT HOST PORT   listen on PORT and relay each client to HOST PORT, printing both
                         directions&apos; bytes as they pass, until SIGINT or SIGTERM
  run FILE               send a saved request of a .http or collection file (--name, --env)

socketlab-cli COMMAND --help describes the options of a command.
Exit codes: 0 success, 2 usage error, 3 network, name resolution or write error, 4 timeout,
5 malformed reply, 6 TLS handshake failed or certificate refused, 130 interrupted;
for talk, 4 is an expectation of the script that timed out and 2 a script syntax error.
</source>
        <translation>Utilisation&#xa0;: socketlab-cli COMMANDE [options]

Commandes&#xa0;:
  tcp HÔTE PORT          envoyer une requête en TCP et afficher chaque octet de la réponse
  udp HÔTE PORT          envoyer un datagramme et afficher les datagrammes reçus en retour
  resolve HÔTE [SERVICE] getaddrinfo(), toutes les lignes dans l&apos;ordre
  reverse ADRESSE [PORT] getnameinfo()
  serve TYPE             lancer un serveur local jusqu&apos;à SIGINT ou SIGTERM (http, echo, reply, log,
                         udp-echo, udp-reply, udp-log&#xa0;; --tls pour TCP)
  talk HÔTE PORT         garder une connexion ouverte&#xa0;: envoyer les lignes de l&apos;entrée standard ou
                         les étapes d&apos;un --script, afficher les octets de l&apos;hôte distant à leur arrivée
  relay PORT HÔTE PORT   écouter sur PORT et relayer chaque client vers HÔTE PORT, en affichant les
                         octets des deux sens à leur passage, jusqu&apos;à SIGINT ou SIGTERM
  run FICHIER            envoyer une requête enregistrée d&apos;un fichier .http ou d&apos;une collection (--name, --env)

socketlab-cli COMMANDE --help décrit les options d&apos;une commande.
Codes de sortie&#xa0;: 0 succès, 2 erreur d&apos;utilisation, 3 erreur de réseau, de résolution de noms
ou d&apos;écriture, 4 délai dépassé, 5 réponse mal formée, 6 négociation TLS échouée ou certificat refusé,
130 interrompu&#xa0;; pour talk, 4 signale une attente du script qui a expiré et 2 une erreur de syntaxe
du script.
</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No command given: use tcp, udp, resolve, reverse, serve, talk, relay or run (socketlab-cli --help says more).</source>
        <translation>Aucune commande&#xa0;: utilisez tcp, udp, resolve, reverse, serve, talk, relay ou run (socketlab-cli --help en dit plus).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Unknown command &quot;%1&quot;: use tcp, udp, resolve, reverse, serve, talk, relay or run.</source>
        <translation>Commande «&#xa0;%1&#xa0;» inconnue&#xa0;: utilisez tcp, udp, resolve, reverse, serve, talk, relay ou run.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::PayloadOptions</name>
    <message>
        <location filename="../app/cli/payloadoptions.cpp" line="+12"/>
        <source>Send TEXT; escapes \r \n \t \0 \\ \xNN are understood.</source>
        <translation>Envoyer TEXTE&#x202f;; les séquences d&apos;échappement \r \n \t \0 \\ \xNN sont interprétées.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the bytes written in HEX (&quot;47 45 54&quot;, &quot;0x474554&quot;).</source>
        <translation>Envoyer les octets écrits en HEXA (&quot;47 45 54&quot;, &quot;0x474554&quot;).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HEX</source>
        <translation>HEXA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the contents of the file at PATH.</source>
        <translation>Envoyer le contenu du fichier CHEMIN.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turn every bare LF of the payload into CRLF.</source>
        <translation>Remplacer chaque LF seul des données par CRLF.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose one of --send, --send-hex and --send-file.</source>
        <translation>Choisissez une seule option parmi --send, --send-hex et --send-file.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Bad %1 value at column %2: %3.</source>
        <translation>Valeur de %1 incorrecte à la colonne %2&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::PcapRecorder</name>
    <message>
        <location filename="../app/cli/pcaprecorder.cpp" line="+31"/>
        <source>Also write the exchange to FILE as a pcapng capture Wireshark opens: made-up Ethernet, IP and TCP or UDP headers with the real addresses and ports, a packet per send and per recv() at its time. The reply is kept in memory until then.</source>
        <translation>Écrire aussi l’échange dans FICHIER sous forme de capture pcapng que Wireshark ouvre&#xa0;: en-têtes Ethernet, IP et TCP ou UDP reconstitués avec les vraies adresses et les vrais ports, un paquet par envoi et par recv() à son heure. La réponse reste en mémoire jusque-là.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also write the conversation to FILE as a pcapng capture Wireshark opens: made-up Ethernet, IP and TCP or UDP headers with the real addresses and ports, a packet per send and per recv() at its time, written once the conversation is over.</source>
        <translation>Écrire aussi la conversation dans FICHIER sous forme de capture pcapng que Wireshark ouvre&#xa0;: en-têtes Ethernet, IP et TCP ou UDP reconstitués avec les vraies adresses et les vrais ports, un paquet par envoi et par recv() à son heure, écrite une fois la conversation finie.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--pcap needs a file name.</source>
        <translation>--pcap demande un nom de fichier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--pcap and --out name the same file: the capture and the reply need one each.</source>
        <translation>--pcap et --out désignent le même fichier&#xa0;: la capture et la réponse en veulent un chacune.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Could not write the capture to %1: %2 (%3) in %4().</source>
        <translation>Impossible d’écrire la capture dans %1&#xa0;: %2 (%3) dans %4().</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::RelayCommand</name>
    <message>
        <location filename="../app/cli/relaycommand.cpp" line="+35"/>
        <source>Listen on LISTEN_PORT and relay each client to TARGET_HOST:TARGET_PORT, printing both directions&apos; bytes as they pass, until SIGINT or SIGTERM; then the totals. A FIN is passed on as shutdown(SHUT_WR), a reset as a reset; a target that refuses or does not answer resets the client.</source>
        <translation>Écouter sur PORT_ÉCOUTE et relayer chaque client vers HÔTE_CIBLE:PORT_CIBLE, en affichant les octets des deux sens à leur passage, jusqu&apos;à SIGINT ou SIGTERM&#xa0;; puis les totaux. Un FIN est transmis par shutdown(SHUT_WR), une réinitialisation par une réinitialisation&#xa0;; une cible qui refuse ou ne répond pas réinitialise le client.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+52"/>
        <source>LISTEN_PORT</source>
        <translation>PORT_ÉCOUTE</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>The port to listen on; 0 lets the system choose.</source>
        <translation>Le port d&apos;écoute&#xa0;; 0 laisse le système choisir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TARGET_HOST</source>
        <translation>HÔTE_CIBLE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where each client is relayed to: a name or an address.</source>
        <translation>Où chaque client est relayé&#xa0;: un nom ou une adresse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TARGET_PORT</source>
        <translation>PORT_CIBLE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The target&apos;s port or service name.</source>
        <translation>Le port ou le nom de service de la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numeric address to listen on (default 127.0.0.1).</source>
        <translation>Adresse numérique d&apos;écoute (127.0.0.1 par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ADDR</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay UDP datagrams: each client address gets its own socket to the target.</source>
        <translation>Relayer des datagrammes UDP&#xa0;: chaque adresse de client a son propre socket vers la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the target&apos;s IPv4 addresses only.</source>
        <translation>N&apos;utiliser que les adresses IPv4 de la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the target&apos;s IPv6 addresses only.</source>
        <translation>N&apos;utiliser que les adresses IPv6 de la cible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the bytes are printed: text (escaped, default), hexdump, or json (one object per event, bytes in base64).</source>
        <translation>Comment les octets sont affichés&#xa0;: text (échappés, par défaut), hexdump, ou json (un objet par événement, octets en base64).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print no bytes: only the connections&apos; events and the totals.</source>
        <translation>N&apos;afficher aucun octet&#xa0;: seulement les événements des connexions et les totaux.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold each byte from the client MS milliseconds before it goes on.</source>
        <translation>Retenir chaque octet du client MS millisecondes avant de le transmettre.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+18"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Hold each byte from the target MS milliseconds before it goes on.</source>
        <translation>Retenir chaque octet de la cible MS millisecondes avant de le transmettre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send at most N bytes a second to the target.</source>
        <translation>Envoyer au plus N octets par seconde à la cible.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <location line="+10"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Send at most N bytes a second to the client.</source>
        <translation>Envoyer au plus N octets par seconde au client.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hold everything the client sends: it queues, up to a cap, then the client waits, as with a stalled server.</source>
        <translation>Retenir tout ce que le client envoie&#xa0;: cela s&apos;accumule jusqu&apos;à un plafond, puis le client attend, comme face à un serveur bloqué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hold everything the target sends: it queues, up to a cap, then the target waits, as with a stalled client.</source>
        <translation>Retenir tout ce que la cible envoie&#xa0;: cela s&apos;accumule jusqu&apos;à un plafond, puis la cible attend, comme face à un client bloqué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connections relayed at once (default 64); the next client is closed at once and reported.</source>
        <translation>Connexions relayées en même temps (64 par défaut)&#xa0;; le client suivant est fermé aussitôt et signalé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long to wait for the target&apos;s connect() (and TLS handshake), per address (default 10000; 0 waits for ever).</source>
        <translation>Combien de temps attendre le connect() vers la cible (et la négociation TLS), par adresse (10000 par défaut&#xa0;; 0 attend indéfiniment).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>relay needs LISTEN_PORT TARGET_HOST TARGET_PORT.</source>
        <translation>relay demande PORT_ÉCOUTE HÔTE_CIBLE PORT_CIBLE.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid LISTEN_PORT %1: a port is a number from 0 to 65535.</source>
        <translation>PORT_ÉCOUTE %1 invalide&#xa0;: un port est un nombre de 0 à 65535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a numeric IPv4 or IPv6 address.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IPv4 ou IPv6 numérique.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>relay needs a TARGET_HOST and a TARGET_PORT.</source>
        <translation>relay demande un HÔTE_CIBLE et un PORT_CIBLE.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose -4 or -6, not both.</source>
        <translation>Choisissez -4 ou -6, pas les deux.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown --format &quot;%1&quot;: use text, hexdump or json.</source>
        <translation>--format «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez text, hexdump ou json.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--tls-to-target needs TCP: it cannot go with --udp.</source>
        <translation>--tls-to-target demande TCP&#xa0;: il ne va pas avec --udp.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Invalid --max-connections 0: at least one connection must be relayed.</source>
        <translation>--max-connections 0 invalide&#xa0;: au moins une connexion doit être relayée.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Warning: %1 is not a loopback address; other machines may reach this relay, and through it the target.</source>
        <translation>Attention&#xa0;: %1 n&apos;est pas une adresse de bouclage&#xa0;; d&apos;autres machines peuvent atteindre ce relais, et à travers lui la cible.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::RelayPrinter</name>
    <message>
        <location filename="../app/cli/relayprinter.cpp" line="+85"/>
        <source>Relaying %1 to %2 (UDP). Stop with Ctrl+C.</source>
        <translation>Relais de %1 vers %2 (UDP). Arrêt avec Ctrl+C.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relaying %1 to %2 (TCP). Stop with Ctrl+C.</source>
        <translation>Relais de %1 vers %2 (TCP). Arrêt avec Ctrl+C.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>#%1 client %2 refused: the --max-connections limit (%3) is reached</source>
        <translation>#%1 client %2 refusé&#xa0;: la limite --max-connections (%3) est atteinte</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Stopped. %n connection(s) (%1 refused, %2 failed); %3 to targets, %4 to clients.</source>
        <translation>
            <numerusform>Arrêté. %n connexion (%1 refusée, %2 en échec)&#xa0;; %3 vers les cibles, %4 vers les clients.</numerusform>
            <numerusform>Arrêté. %n connexions (%1 refusées, %2 en échec)&#xa0;; %3 vers les cibles, %4 vers les clients.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+69"/>
        <source>client %1 connected to target %2</source>
        <translation>client %1 connecté à la cible %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--&gt; FIN: shutdown(SHUT_WR) passed on to the target</source>
        <translation>--&gt; FIN&#xa0;: shutdown(SHUT_WR) transmis à la cible</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+1"/>
        <source>&lt;-- FIN: shutdown(SHUT_WR) passed on to the client</source>
        <translation>&lt;-- FIN&#xa0;: shutdown(SHUT_WR) transmis au client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&lt;-- RST from the target: passed on to the client</source>
        <translation>&lt;-- RST de la cible&#xa0;: transmis au client</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--&gt; RST from the client: passed on to the target</source>
        <translation>--&gt; RST du client&#xa0;: transmis à la cible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>client failed: %1; the target was reset</source>
        <translation>échec du client&#xa0;: %1&#xa0;; la cible a été réinitialisée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target failed: %1</source>
        <translation>échec de la cible&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>target failed: %1; the client was reset</source>
        <translation>échec de la cible&#xa0;: %1&#xa0;; le client a été réinitialisé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed: %1 to the target, %2 to the client</source>
        <translation>fermée&#xa0;: %1 vers la cible, %2 vers le client</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>datagram cut to %1</source>
        <translation>datagramme tronqué à %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>datagram of %1</source>
        <translation>datagramme de %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>(held: %1 waiting)</source>
        <translation>(retenus&#xa0;: %1 en attente)</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::ReportWriter</name>
    <message>
        <location filename="../app/cli/reportwriter.cpp" line="+23"/>
        <source>Also write a plain-text report to FILE once it is over, to paste in a bug report: the target, the addresses tried, the request and the reply as hex dumps (the first and last 16 KiB of a large one), why it stopped, the timings and the socket calls.</source>
        <translation>Écrire aussi, une fois fini, un rapport en texte brut dans FICHIER, à coller dans un rapport de bogue&#xa0;: la cible, les adresses essayées, la requête et la réponse en vidage hexadécimal (les premiers et derniers 16&#xa0;Kio d’une grande), pourquoi la lecture s’est arrêtée, les durées et les appels de socket.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--report needs a file name.</source>
        <translation>--report demande un nom de fichier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--report names the same file as --out or --pcap: each needs a file of its own.</source>
        <translation>--report nomme le même fichier que --out ou --pcap&#xa0;: il faut un fichier à chacun.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not write the report to %1: %2.</source>
        <translation>Impossible d’écrire le rapport dans %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::ResolveCommand</name>
    <message>
        <location filename="../app/cli/resolvecommand.cpp" line="+36"/>
        <source>Unknown --format &quot;%1&quot;: use text or json.</source>
        <translation>--format «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez text ou json.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unknown flag &quot;%1&quot; in --flags: use %2.</source>
        <translation>Indicateur «&#xa0;%1&#xa0;» inconnu dans --flags&#xa0;: utilisez %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Resolve HOST (and SERVICE) with getaddrinfo() and list the rows it returns, in order.</source>
        <translation>Résoudre HÔTE (et SERVICE) avec getaddrinfo() et afficher les lignes renvoyées, dans l&apos;ordre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host name or numeric address (&quot;&quot; for none).</source>
        <translation>Nom d&apos;hôte ou adresse numérique (&quot;&quot; pour aucun).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HOST</source>
        <translation>HÔTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port number or service name (optional).</source>
        <translation>Numéro de port ou nom de service (facultatif).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SERVICE</source>
        <translation>SERVICE</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[SERVICE]</source>
        <translation>[SERVICE]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any (default), inet or inet6.</source>
        <translation>any (par défaut), inet ou inet6.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAMILY</source>
        <translation>FAMILLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any (default), stream or dgram.</source>
        <translation>any (par défaut), stream ou dgram.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TYPE</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol number (6 TCP, 17 UDP; default 0).</source>
        <translation>Numéro de protocole (6 TCP, 17 UDP&#x202f;; 0 par défaut).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AI_* flags, lowercase without prefix, comma separated: canonname,numerichost...</source>
        <translation>Indicateurs AI_*, en minuscules sans préfixe, séparés par des virgules&#xa0;: canonname,numerichost...</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+74"/>
        <source>FLAGS</source>
        <translation>INDICATEURS</translation>
    </message>
    <message>
        <location line="-73"/>
        <source>text (default, as Python prints the rows) or json.</source>
        <translation>text (par défaut, les lignes comme Python les affiche) ou json.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+74"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="-64"/>
        <source>Expected HOST and an optional SERVICE.</source>
        <translation>HÔTE attendu, suivi éventuellement de SERVICE.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown --family &quot;%1&quot;: use any, inet or inet6.</source>
        <translation>--family «&#xa0;%1&#xa0;» inconnue&#xa0;: utilisez any, inet ou inet6.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown --type &quot;%1&quot;: use any, stream or dgram.</source>
        <translation>--type «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez any, stream ou dgram.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid --protocol %1: a protocol number is at most 255.</source>
        <translation>--protocol %1 invalide&#xa0;: un numéro de protocole vaut au plus 255.</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%Ln row(s) in %1</source>
        <translation>
            <numerusform>%Ln ligne en %1</numerusform>
            <numerusform>%Ln lignes en %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Find the host and service names of ADDRESS and PORT with getnameinfo().</source>
        <translation>Trouver les noms d&apos;hôte et de service d&apos;ADRESSE et PORT avec getnameinfo().</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Numeric IPv4 or IPv6 address.</source>
        <translation>Adresse IPv4 ou IPv6 numérique.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ADDRESS</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port number (optional, default 0).</source>
        <translation>Numéro de port (facultatif, 0 par défaut).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[PORT]</source>
        <translation>[PORT]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NI_* flags, lowercase without prefix, comma separated: numerichost,namereqd...</source>
        <translation>Indicateurs NI_*, en minuscules sans préfixe, séparés par des virgules&#xa0;: numerichost,namereqd...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>text (default, as Python prints the pair) or json.</source>
        <translation>text (par défaut, la paire comme Python l&apos;affiche) ou json.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Expected ADDRESS and an optional PORT.</source>
        <translation>ADRESSE attendue, suivie éventuellement de PORT.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>port</source>
        <translation>port</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid port %1: a port is a number from 0 to 65535.</source>
        <translation>Port %1 invalide&#xa0;: un port est un nombre de 0 à 65&#x202f;535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a numeric IPv4 or IPv6 address.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IPv4 ou IPv6 numérique.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No name for this address: getnameinfo() returned it in numeric form.</source>
        <translation>Aucun nom pour cette adresse&#xa0;: getnameinfo() l&apos;a renvoyée sous forme numérique.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::RunCommand</name>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+101"/>
        <source>«%1» was sent first for its reply, and failed:</source>
        <translation>«&#xa0;%1&#xa0;» a été envoyée d’abord pour sa réponse, et a échoué&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>«%1» was sent first for its reply: %n byte(s) received.</source>
        <translation>
            <numerusform>«&#xa0;%1&#xa0;» a été envoyée d’abord pour sa réponse&#xa0;: %n octet reçu.</numerusform>
            <numerusform>«&#xa0;%1&#xa0;» a été envoyée d’abord pour sa réponse&#xa0;: %n octets reçus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Send a saved request of a .http file (REST Client, JetBrains HTTP Client) or of a SocketLab collection file (.json), and show every byte of the reply as tcp does.</source>
        <translation>Envoyer une requête enregistrée d&apos;un fichier .http (REST Client, client HTTP de JetBrains) ou d&apos;un fichier de collection SocketLab (.json), et afficher chaque octet de la réponse comme tcp.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The request to send: its name (# @name), or its folders and name (api/login). Needed when the file holds several.</source>
        <translation>La requête à envoyer&#xa0;: son nom (# @name), ou ses dossiers et son nom (api/login). Nécessaire quand le fichier en contient plusieurs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Take the {{variables}} of environment ENV from http-client.env.json and http-client.private.env.json beside the .http file.</source>
        <translation>Prendre les {{variables}} de l&apos;environnement ENV dans http-client.env.json et http-client.private.env.json, à côté du fichier .http.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ENV</source>
        <translation>ENV</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Write the HTTP response&apos;s body to FILE as it arrives: chunked framing removed, gzip, deflate or br undone, at most %1.</source>
        <translation>Écrire le corps de la réponse HTTP dans FICHIER à mesure qu&apos;il arrive&#xa0;: découpage chunked retiré, gzip, deflate ou br défait, au plus %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A .http or .rest file, or a SocketLab collection file.</source>
        <translation>Un fichier .http ou .rest, ou un fichier de collection SocketLab.</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Expected one FILE, got %n argument(s).</source>
        <translation>
            <numerusform>Un FICHIER attendu, %n argument reçu.</numerusform>
            <numerusform>Un FICHIER attendu, %n arguments reçus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+51"/>
        <source>--body is for an HTTP request over TCP; &quot;%1&quot; is UDP.</source>
        <translation>--body est pour une requête HTTP sur TCP&#x202f;; «&#xa0;%1&#xa0;» est en UDP.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is a conversation script: its output is text or --format json, as talk&apos;s.</source>
        <translation>«&#xa0;%1&#xa0;» est un script de conversation&#xa0;: sa sortie est du texte ou --format json, comme pour talk.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Cannot write the script to a temporary file (%1).</source>
        <translation>Impossible d&apos;écrire le script dans un fichier temporaire (%1).</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::ServeCommand</name>
    <message>
        <location filename="../app/cli/servecommand.cpp" line="+57"/>
        <source>KIND</source>
        <translation>TYPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numeric address to bind (default 127.0.0.1).</source>
        <translation>Adresse numérique à lier avec bind() (127.0.0.1 par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ADDR</source>
        <translation>ADRESSE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port to bind; 0 lets the system choose (default).</source>
        <translation>Port à lier&#x202f;; 0 laisse le système choisir (par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Run a local server until SIGINT or SIGTERM: http (the demo site), echo, reply (the --reply bytes to each client), log (receive only), and the same over UDP: udp-echo, udp-reply, udp-log.</source>
        <translation>Lancer un serveur local jusqu&apos;à SIGINT ou SIGTERM&#xa0;: http (le site de démonstration), echo, reply (les octets de --reply envoyés à chaque client), log (réception seule), et les mêmes en UDP&#xa0;: udp-echo, udp-reply, udp-log.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>http, echo, reply, log, or udp-echo, udp-reply, udp-log.</source>
        <translation>http, echo, reply, log, ou udp-echo, udp-reply, udp-log.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>For reply and udp-reply: the bytes sent back, with escapes (\r \n \xNN...).</source>
        <translation>Pour reply et udp-reply&#xa0;: les octets renvoyés, avec séquences d&apos;échappement (\r \n \xNN...).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TEXT</source>
        <translation>TEXTE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP only: every client speaks TLS. Without --cert and --key, a self-signed certificate for localhost, 127.0.0.1 and ::1 is made on first use and kept in SocketLab&apos;s data folder. The line printed when listening gives the certificate&apos;s SHA-256 fingerprint, for a client to pin.</source>
        <translation>TCP seulement&#xa0;: chaque client parle TLS. Sans --cert ni --key, un certificat autosigné pour localhost, 127.0.0.1 et ::1 est créé à la première utilisation et conservé dans le dossier de données de SocketLab. La ligne affichée à la mise en écoute donne l&apos;empreinte SHA-256 du certificat, qu&apos;un client peut épingler.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>With --tls: the certificate (PEM, the chain after it).</source>
        <translation>Avec --tls&#xa0;: le certificat (PEM, suivi de sa chaîne).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With --tls and --cert: its private key (PEM).</source>
        <translation>Avec --tls et --cert&#xa0;: sa clé privée (PEM).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TCP: clients served at once (default 64); the next one is accepted, closed at once and logged as refused.</source>
        <translation>TCP&#xa0;: clients servis en même temps (64 par défaut)&#x202f;; le suivant est accepté, fermé aussitôt et noté comme refusé dans le journal.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>UDP: join a multicast group after bind(), and leave it when stopping; repeatable. GROUP@IFACE joins on that interface (a name or an index), GROUP alone on the interface of the route, SOURCE&gt;GROUP@IFACE only for datagrams from SOURCE (source-specific). Without --bind, binds 0.0.0.0 (or :: for IPv6 groups). Each datagram is then printed with its sender and the address it was sent to (IP_PKTINFO).</source>
        <translation>UDP&#xa0;: rejoindre un groupe multicast après bind(), et le quitter à l’arrêt&#x202f;; répétable. GROUP@IFACE le rejoint sur cette interface (un nom ou un index), GROUP seul sur l’interface de la route, SOURCE&gt;GROUP@IFACE seulement pour les datagrammes venant de SOURCE (multicast à source spécifique). Sans --bind, se lie à 0.0.0.0 (ou :: pour des groupes IPv6). Chaque datagramme est alors affiché avec son expéditeur et l’adresse à laquelle il a été envoyé (IP_PKTINFO).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>GROUP[@IFACE]</source>
        <translation>GROUP[@IFACE]</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Unknown KIND &quot;%1&quot;: use http, echo, reply, log, udp-echo, udp-reply or udp-log.</source>
        <translation>TYPE «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez http, echo, reply, log, udp-echo, udp-reply ou udp-log.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 needs --reply TEXT: the bytes to send back.</source>
        <translation>%1 demande --reply TEXTE&#xa0;: les octets à renvoyer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bad --reply value at column %1: %2.</source>
        <translation>Valeur de --reply incorrecte à la colonne %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--cert and --key go with --tls.</source>
        <translation>--cert et --key s&apos;emploient avec --tls.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--cert and --key go together: give both, or neither for the self-signed certificate.</source>
        <translation>--cert et --key vont ensemble&#xa0;: donnez les deux, ou aucun pour le certificat autosigné.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot use --tls: TLS needs TCP.</source>
        <translation>%1 ne peut pas utiliser --tls&#xa0;: TLS a besoin de TCP.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read the --cert file &quot;%1&quot;: there is no such file.</source>
        <translation>Impossible de lire le fichier --cert «&#xa0;%1&#xa0;»&#xa0;: ce fichier n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the --cert file &quot;%1&quot;: permission denied.</source>
        <translation>Impossible de lire le fichier --cert «&#xa0;%1&#xa0;»&#xa0;: permission refusée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the --key file &quot;%1&quot;: there is no such file.</source>
        <translation>Impossible de lire le fichier --key «&#xa0;%1&#xa0;»&#xa0;: ce fichier n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read the --key file &quot;%1&quot;: permission denied.</source>
        <translation>Impossible de lire le fichier --key «&#xa0;%1&#xa0;»&#xa0;: permission refusée.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid --port %1: a port is a number from 0 to 65535.</source>
        <translation>--port %1 invalide&#xa0;: un port est un nombre de 0 à 65&#x202f;535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 cannot use --join: multicast groups are for UDP (udp-echo, udp-reply, udp-log).</source>
        <translation>%1 ne peut pas utiliser --join&#xa0;: les groupes multicast sont pour UDP (udp-echo, udp-reply, udp-log).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--join %1: all the groups of one server are of one family (IPv4 or IPv6).</source>
        <translation>--join %1&#xa0;: tous les groupes d’un serveur sont d’une même famille (IPv4 ou IPv6).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a numeric IPv4 or IPv6 address.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IPv4 ou IPv6 numérique.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--join %1: the group is not of the family of --bind %2.</source>
        <translation>--join %1&#xa0;: le groupe n’est pas de la famille de --bind %2.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Warning: %1 is not a loopback address; other machines may reach this server.</source>
        <translation>Attention&#xa0;: %1 n&apos;est pas une adresse de bouclage&#x202f;; d&apos;autres machines pourront joindre ce serveur.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Joined %1.</source>
        <translation>Groupe %1 rejoint.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Listening on %1 (%2 over TLS, certificate SHA-256 %3). Stop with Ctrl+C.</source>
        <translation>En écoute sur %1 (%2 sur TLS, certificat SHA-256 %3). Arrêt avec Ctrl+C.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Listening on %1 (%2). Stop with Ctrl+C.</source>
        <translation>En écoute sur %1 (%2). Arrêt avec Ctrl+C.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>client %1 connected from %2</source>
        <translation>connexion du client %1 depuis %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>client %1 closed after a failure: %2 in, %3 out; %4.</source>
        <translation>fermeture du client %1 après un échec (réception&#xa0;: %2, envoi&#xa0;: %3)&#xa0;: %4.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>client %1 closed: %2 in, %3 out</source>
        <translation>fermeture du client %1 (réception&#xa0;: %2, envoi&#xa0;: %3)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>client %1 from %2 refused: the --max-clients limit (%3) is reached</source>
        <translation>client %1 depuis %2 refusé&#xa0;: la limite --max-clients (%3) est atteinte</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot accept new clients: %1. They wait in the queue; accept() is tried again after a pause that grows to %2 ms.</source>
        <translation>Impossible d&apos;accepter de nouveaux clients&#xa0;: %1. Ils attendent dans la file&#x202f;; accept() est retenté après une pause qui s&apos;allonge jusqu&apos;à %2&#xa0;ms.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accepting new clients again.</source>
        <translation>Acceptation de nouveaux clients rétablie.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>datagram %1 from %2 to %3, %4: &quot;%5&quot;</source>
        <translation>datagramme %1 de %2 vers %3, %4&#xa0;: «&#xa0;%5&#xa0;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>datagram %1 from %2, %3: &quot;%4&quot;</source>
        <translation>datagramme %1 de %2, %3&#xa0;: «&#xa0;%4&#xa0;»</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Stopped.</source>
        <translation>Arrêté.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::SocketOptionFlags</name>
    <message>
        <location filename="../app/cli/socketoptionflags.cpp" line="+13"/>
        <source>Set a socket option before bind() and connect(), as NAME=VALUE; repeatable. Each is read back with getsockopt() and reported. NAME is one of:</source>
        <translation>Régler une option de socket avant bind() et connect(), sous la forme NOM=VALEUR&#x202f;; répétable. Chacune est relue avec getsockopt() et rapportée. NOM est l&apos;un de&#xa0;:</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>NAME=VALUE</source>
        <translation>NOM=VALEUR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind() the socket to ADDR (and PORT; 0 or none: the kernel picks) before connect(); an IPv6 address with a port is written [::1]:PORT.</source>
        <translation>Lier le socket à ADRESSE avec bind() (et PORT&#x202f;; 0 ou aucun&#xa0;: le noyau choisit) avant connect()&#x202f;; une adresse IPv6 avec un port s&apos;écrit [::1]:PORT.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ADDR[:PORT]</source>
        <translation>ADRESSE[:PORT]</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--sockopt %1</source>
        <translation>--sockopt %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--local &quot;%1&quot;: give a numeric address and an optional port, as 127.0.0.1:5000 or [::1]:5000.</source>
        <translation>--local «&#xa0;%1&#xa0;»&#xa0;: donnez une adresse numérique et, si vous voulez, un port, comme 127.0.0.1:5000 ou [::1]:5000.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::TalkCommand</name>
    <message>
        <location filename="../app/cli/talkcommand.cpp" line="+38"/>
        <source>Keep a connection to HOST PORT open and talk: each line of standard input is sent and the peer&apos;s bytes are printed as they arrive; at the end of the input, shutdown(SHUT_WR), then reading until the peer closes. With --script, the steps of a file instead (send, send-hex, expect, expect-re, timeout, sleep, shutdown wr|rdwr, close, expect-close, sockopt NAME=VALUE, # comments). Exit codes: 0 done, 2 usage or script syntax error (line:column), 3 network error or reset, 4 an expectation timed out.</source>
        <translation>Garder une connexion à HÔTE PORT ouverte et dialoguer&#xa0;: chaque ligne de l&apos;entrée standard est envoyée et les octets de l&apos;hôte distant sont affichés à leur arrivée&#x202f;; à la fin de l&apos;entrée, shutdown(SHUT_WR), puis lecture jusqu&apos;à ce que l&apos;hôte distant ferme. Avec --script, les étapes d&apos;un fichier à la place (send, send-hex, expect, expect-re, timeout, sleep, shutdown wr|rdwr, close, expect-close, sockopt NOM=VALEUR, commentaires #). Codes de sortie&#xa0;: 0 terminé, 2 erreur d&apos;utilisation ou de syntaxe du script (ligne:colonne), 3 erreur de réseau ou réinitialisation, 4 une attente a expiré.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Talk over UDP: each line (or send step) one datagram, every datagram received printed with its sender.</source>
        <translation>Dialoguer en UDP&#xa0;: chaque ligne (ou étape send) est un datagramme, chaque datagramme reçu est affiché avec son expéditeur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play the steps of FILE rather than read standard input.</source>
        <translation>Jouer les étapes de FICHIER au lieu de lire l&apos;entrée standard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send each line of standard input with CRLF rather than LF.</source>
        <translation>Envoyer chaque ligne de l&apos;entrée standard avec CRLF au lieu de LF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the received bytes as hex rows, one labelled block per recv() or datagram.</source>
        <translation>Afficher les octets reçus en lignes hexadécimales, un bloc étiqueté par recv() ou par datagramme.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give up on an address after MS milliseconds of connect(), and on the TLS handshake after as long again (default 10000).</source>
        <translation>Abandonner une adresse après MS millisecondes de connect(), et la négociation TLS après autant encore (10000 par défaut).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A timeout cannot exceed %1 ms.</source>
        <translation>Un délai ne peut pas dépasser %1&#xa0;ms.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--tls speaks over TCP: choose --udp or --tls.</source>
        <translation>--tls passe par TCP&#xa0;: choisissez --udp ou --tls.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--crlf is for standard input; a script writes its \r\n itself.</source>
        <translation>--crlf vaut pour l&apos;entrée standard&#x202f;; un script écrit lui-même ses \r\n.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--hexdump is for the text format: --format json holds the bytes in base64.</source>
        <translation>--hexdump vaut pour le format text&#xa0;: --format json contient les octets en base64.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--script needs a file name.</source>
        <translation>--script demande un nom de fichier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--code writes a script&apos;s program: give the script with --script.</source>
        <translation>--code écrit le programme d’un script&#xa0;: donnez le script avec --script.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cannot read %1: %2.</source>
        <translation>Impossible de lire %1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::TalkOutput</name>
    <message>
        <location filename="../app/cli/talkoutput.cpp" line="+56"/>
        <source>datagram #%1 from %2: %3 at %4 ms</source>
        <translation>datagramme n° %1 de %2&#xa0;: %3 à %4&#xa0;ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>recv #%1: %2 at %3 ms</source>
        <translation>recv n° %1&#xa0;: %2 à %3&#xa0;ms</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 resolves to %2</source>
        <translation>%1 se résout en %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Talking to %1 over UDP from %2</source>
        <translation>Dialogue en UDP avec %1 depuis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to %1 from %2</source>
        <translation>Connecté à %1 depuis %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>shutdown(SHUT_WR) at %1 ms: the peer reads the end of our bytes; reading on</source>
        <translation>shutdown(SHUT_WR) à %1&#xa0;ms&#xa0;: l&apos;hôte distant lit la fin de nos octets&#x202f;; la lecture continue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shutdown(SHUT_RDWR) at %1 ms</source>
        <translation>shutdown(SHUT_RDWR) à %1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close() at %1 ms</source>
        <translation>close() à %1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer closed its side (FIN) at %1 ms</source>
        <translation>L&apos;hôte distant a fermé son côté (FIN) à %1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The peer reset the connection (RST) at %1 ms</source>
        <translation>L&apos;hôte distant a réinitialisé la connexion (RST) à %1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>setsockopt() at %1 ms: %2</source>
        <translation>setsockopt() à %1 ms&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::TalkStop</name>
    <message>
        <location filename="../app/cli/talkstop.cpp" line="+68"/>
        <source>The peer closed the connection; %1 received, %2 sent.</source>
        <translation>L&apos;hôte distant a fermé la connexion&#x202f;; %1 reçus, %2 envoyés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closed; %1 received, %2 sent.</source>
        <translation>Fermée&#x202f;; %1 reçus, %2 envoyés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1; the %2 received before it are kept.</source>
        <translation>%1&#x202f;; les %2 reçus avant sont conservés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Interrupted; %1 received, %2 sent.</source>
        <translation>Interrompu&#x202f;; %1 reçus, %2 envoyés.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::TargetOptions</name>
    <message>
        <location filename="../app/cli/targetoptions.cpp" line="+14"/>
        <source>Use IPv4 addresses only.</source>
        <translation>N&apos;utiliser que des adresses IPv4.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use IPv6 addresses only.</source>
        <translation>N&apos;utiliser que des adresses IPv6.</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="-119"/>
        <location filename="../app/cli/targetoptions.cpp" line="+2"/>
        <source>Output: hexdump (default), raw or json.</source>
        <translation>Sortie&#xa0;: hexdump (par défaut), raw ou json.</translation>
    </message>
    <message>
        <location filename="../app/cli/targetoptions.cpp" line="+1"/>
        <source>Output: text (default: the bytes as they arrive) or json (one object at the end).</source>
        <translation>Sortie&#xa0;: text (par défaut&#xa0;: les octets à leur arrivée) ou json (un objet à la fin).</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+1"/>
        <location filename="../app/cli/targetoptions.cpp" line="+1"/>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../app/cli/targetoptions.cpp" line="+1"/>
        <source>Write the received bytes to FILE as they arrive, without keeping them.</source>
        <translation>Écrire les octets reçus dans FICHIER au fur et à mesure, sans les garder en mémoire.</translation>
    </message>
    <message>
        <location filename="../app/cli/pcaprecorder.cpp" line="-102"/>
        <location filename="../app/cli/reportwriter.cpp" line="-28"/>
        <location filename="../app/cli/runcommand.cpp" line="+1"/>
        <location line="+7"/>
        <location filename="../app/cli/talkcommand.cpp" line="-66"/>
        <location filename="../app/cli/targetoptions.cpp" line="+1"/>
        <location filename="../app/cli/tcpcommand.cpp" line="+60"/>
        <source>FILE</source>
        <translation>FICHIER</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="-5"/>
        <location filename="../app/cli/targetoptions.cpp" line="+2"/>
        <source>With the hexdump format, also list the socket calls made.</source>
        <translation>Avec le format hexdump, lister aussi les appels socket effectués.</translation>
    </message>
    <message>
        <location filename="../app/cli/targetoptions.cpp" line="+1"/>
        <source>With the text format, also list the socket calls made, at the end.</source>
        <translation>Avec le format text, lister aussi les appels socket effectués, à la fin.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Host name or address.</source>
        <translation>Nom d&apos;hôte ou adresse.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HOST</source>
        <translation>HÔTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Port number or service name (http).</source>
        <translation>Numéro de port ou nom de service (http).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>Expected HOST and PORT, got %n argument(s).</source>
        <translation>
            <numerusform>HÔTE et PORT attendus, %n argument reçu.</numerusform>
            <numerusform>HÔTE et PORT attendus, %n arguments reçus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The host is empty.</source>
        <translation>L&apos;hôte est vide.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose -4 or -6, not both.</source>
        <translation>Choisissez -4 ou -6, pas les deux.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unknown --format &quot;%1&quot;: use text or json.</source>
        <translation>--format «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez text ou json.</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+26"/>
        <location filename="../app/cli/targetoptions.cpp" line="+13"/>
        <source>Unknown --format &quot;%1&quot;: use hexdump, raw or json.</source>
        <translation>--format «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez hexdump, raw ou json.</translation>
    </message>
    <message>
        <location filename="../app/cli/targetoptions.cpp" line="+15"/>
        <source>&quot;%1&quot; is a URL, not a host: give the host name or address alone, then the port.</source>
        <translation>«&#xa0;%1&#xa0;» est une URL, pas un hôte&#xa0;: donnez le nom ou l&apos;adresse seul, puis le port.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot; is a URL, not a host: for HTTPS use --tls with its host and port, socketlab-cli %2 --tls %3 %4.</source>
        <translation>«&#xa0;%1&#xa0;» est une URL, pas un hôte&#xa0;: pour HTTPS, utilisez --tls avec son hôte et son port, socketlab-cli %2 --tls %3 %4.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is a URL, not a host: give its host and port, socketlab-cli %2 %3 %4.</source>
        <translation>«&#xa0;%1&#xa0;» est une URL, pas un hôte&#xa0;: donnez son hôte et son port, socketlab-cli %2 %3 %4.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Invalid port %1: a port is a number from 1 to 65535.</source>
        <translation>Port %1 invalide&#xa0;: un port est un nombre de 1 à 65&#x202f;535.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid port &quot;%1&quot;: give a number from 1 to 65535 or a service name such as http.</source>
        <translation>Port «&#xa0;%1&#xa0;» invalide&#xa0;: donnez un nombre de 1 à 65&#x202f;535 ou un nom de service comme http.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid %1 &quot;%2&quot;: expected a whole number of at least %3.</source>
        <translation>%1 «&#xa0;%2&#xa0;» invalide&#xa0;: un nombre entier d&apos;au moins %3 est attendu.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::TcpCommand</name>
    <message>
        <location filename="../app/cli/tcpcommand.cpp" line="-21"/>
        <source>When to stop reading: eof (the server closes; default, or http with --body), http (one HTTP response), bytes:N, idle:MS.</source>
        <translation>Quand arrêter la lecture&#xa0;: eof (le serveur ferme la connexion&#x202f;; par défaut, ou http avec --body), http (une réponse HTTP), bytes:N, idle:MS.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RULE</source>
        <translation>RÈGLE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give up after MS milliseconds in all (0: never).</source>
        <translation>Abandonner après MS millisecondes en tout (0&#xa0;: jamais).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Connect to HOST PORT over TCP (and TLS with --tls), send the payload, and show every byte of the reply.</source>
        <translation>Se connecter à HÔTE PORT en TCP (et en TLS avec --tls), envoyer les données et montrer chaque octet de la réponse.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Give up on an address after MS milliseconds of connect(), and on the TLS handshake after as long again (default 10000).</source>
        <translation>Abandonner une adresse après MS millisecondes de connect(), et la négociation TLS après autant encore (10000 par défaut).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop reading after N bytes (0: no cap). With --format json, which holds every byte, the default is %1; otherwise no cap.</source>
        <translation>Arrêter la lecture après N octets (0&#xa0;: sans limite). Avec --format json, qui contient chaque octet, %1 par défaut&#x202f;; sinon sans limite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Ask each recv() for at most N bytes, like Python&apos;s recv(1024) (default 65536).</source>
        <translation>Demander au plus N octets à chaque recv(), comme le recv(1024) de Python (65&#x202f;536 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the HTTP response&apos;s body to FILE as it arrives: chunked framing removed, gzip, deflate or br undone, at most %1.</source>
        <translation>Écrire le corps de la réponse HTTP dans FICHIER au fur et à mesure&#xa0;: découpage chunked retiré, gzip, deflate ou br décodés, %1 au plus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>After the reply, say on stderr why reading stopped, on the bytes: the header that decided the length, each chunk size line in hexadecimal and decimal, where the message ends, what came after it, and what a read-until-close loop would have done. Keeps a copy of the reply in memory to quote its lines.</source>
        <translation>Après la réponse, dire sur stderr pourquoi la lecture s&apos;est arrêtée, sur les octets&#xa0;: l&apos;en-tête qui a décidé de la longueur, chaque ligne de taille de bloc en hexadécimal et en décimal, où finit le message, ce qui est arrivé après, et ce qu&apos;aurait fait une boucle qui lit jusqu&apos;à la fermeture. Garde une copie de la réponse en mémoire pour en citer les lignes.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Unknown --until &quot;%1&quot;: use eof, http, bytes:N or idle:MS.</source>
        <translation>--until «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez eof, http, bytes:N ou idle:MS.</translation>
    </message>
    <message>
        <location filename="../app/cli/runcommand.cpp" line="+6"/>
        <location filename="../app/cli/tcpcommand.cpp" line="+5"/>
        <source>--body needs a file name.</source>
        <translation>--body demande un nom de fichier.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../app/cli/tcpcommand.cpp" line="+4"/>
        <source>--body and --out name the same file: the reply and its body need one each.</source>
        <translation>--body et --out désignent le même fichier&#xa0;: la réponse et son corps en demandent un chacun.</translation>
    </message>
    <message>
        <location filename="../app/cli/tcpcommand.cpp" line="+2"/>
        <source>A timeout cannot exceed %1 ms.</source>
        <translation>Un délai ne peut pas dépasser %1&#xa0;ms.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::TlsRequestOptions</name>
    <message>
        <location filename="../app/cli/tlsrequestoptions.cpp" line="+21"/>
        <source>Speak TLS over the connection: handshake, then the certificate checked against the system&apos;s trust store and the host name, before the payload is sent.</source>
        <translation>Parler TLS sur la connexion&#xa0;: négociation, puis vérification du certificat par le magasin de confiance du système et le nom d&apos;hôte, avant l&apos;envoi des données.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also trust the authorities whose PEM certificates are in PATH (--tls).</source>
        <translation>Faire aussi confiance aux autorités dont les certificats PEM sont dans CHEMIN (--tls).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PATH</source>
        <translation>CHEMIN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust exactly the certificate whose SHA-256 fingerprint is HEX, and nothing else (--tls); written sha256:AB:CD:... or as bare hex.</source>
        <translation>Faire confiance exactement au certificat dont l&apos;empreinte SHA-256 est HEX, et à rien d&apos;autre (--tls)&#x202f;; écrite sha256:AB:CD:... ou en hexadécimal nu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sha256:HEX</source>
        <translation>sha256:HEX</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name sent in SNI and checked in the certificate (--tls; default: HOST, and no SNI for an address).</source>
        <translation>Le nom envoyé en SNI et vérifié dans le certificat (--tls&#x202f;; par défaut&#xa0;: HÔTE, et pas de SNI pour une adresse).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>NAME</source>
        <translation>NOM</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The application protocols offered, comma-separated (--tls; default http/1.1; empty offers none).</source>
        <translation>Les protocoles d&apos;application proposés, séparés par des virgules (--tls&#x202f;; http/1.1 par défaut&#x202f;; vide n&apos;en propose aucun).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LIST</source>
        <translation>LISTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The oldest TLS version accepted: 1.2 or 1.3 (--tls).</source>
        <translation>La plus ancienne version de TLS acceptée&#xa0;: 1.2 ou 1.3 (--tls).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>VERSION</source>
        <translation>VERSION</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--%1 needs --%2.</source>
        <translation>--%1 demande --%2.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid --pin &quot;%1&quot;: expected a SHA-256 fingerprint, 64 hexadecimal digits with or without colons, optionally after &quot;sha256:&quot;.</source>
        <translation>--pin «&#xa0;%1&#xa0;» invalide&#xa0;: une empreinte SHA-256 est attendue, 64 chiffres hexadécimaux avec ou sans deux-points, éventuellement après «&#xa0;sha256:&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose --pin or --ca-file, not both: a pinned certificate is trusted without any authority.</source>
        <translation>Choisissez --pin ou --ca-file, pas les deux&#xa0;: un certificat épinglé est approuvé sans aucune autorité.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the --ca-file &quot;%1&quot;.</source>
        <translation>Impossible de lire le --ca-file «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--servername needs a name.</source>
        <translation>--servername demande un nom.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Invalid --alpn &quot;%1&quot;: each protocol name has 1 to %2 bytes, such as http/1.1.</source>
        <translation>--alpn «&#xa0;%1&#xa0;» invalide&#xa0;: chaque nom de protocole a de 1 à %2 octets, comme http/1.1.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Unknown --tls-min &quot;%1&quot;: use 1.2 or 1.3.</source>
        <translation>--tls-min «&#xa0;%1&#xa0;» inconnu&#xa0;: utilisez 1.2 ou 1.3.</translation>
    </message>
</context>
<context>
    <name>SocketLab::Cli::UdpCommand</name>
    <message>
        <location filename="../app/cli/udpcommand.cpp" line="+25"/>
        <source>Send one UDP datagram to HOST PORT and show the datagrams that come back.</source>
        <translation>Envoyer un datagramme UDP à HÔTE PORT et afficher les datagrammes reçus en retour.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Collect replies for MS milliseconds (default 2000).</source>
        <translation>Temps d&apos;attente des réponses, en millisecondes (2&#x202f;000 par défaut).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MS</source>
        <translation>MS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop after N datagrams (default: until the wait ends).</source>
        <translation>Arrêter après N datagrammes (par défaut&#xa0;: jusqu&apos;à la fin du temps d&apos;attente).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>connect() the socket first: only the target&apos;s replies, and ICMP errors reported.</source>
        <translation>Appeler d&apos;abord connect() sur le socket&#xa0;: seules les réponses de la cible sont reçues, et les erreurs ICMP sont signalées.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send from local PORT.</source>
        <translation>Envoyer depuis le PORT local.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PORT</source>
        <translation>PORT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The buffer given to recvfrom(); a longer datagram is truncated (default 65536).</source>
        <translation>Taille du tampon passé à recvfrom()&#x202f;; un datagramme plus long est tronqué (65&#x202f;536 par défaut).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after N bytes in all, the datagram that reaches N truncated (0: no cap). With --format json, which holds every byte, the default is %1; otherwise no cap.</source>
        <translation>Arrêter après N octets en tout, le datagramme qui atteint N étant tronqué (0&#xa0;: sans limite). Avec --format json, qui contient chaque octet, %1 par défaut&#x202f;; sinon sans limite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Turn on SO_BROADCAST, without which sending to a broadcast address (10.0.0.255, 255.255.255.255) fails with EACCES.</source>
        <translation>Activer SO_BROADCAST, sans lequel l’envoi vers une adresse de diffusion (10.0.0.255, 255.255.255.255) échoue avec EACCES.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For a datagram sent to a group: IP_MULTICAST_TTL (IPV6_MULTICAST_HOPS over IPv6), 0 to 255; the system&apos;s default is 1, this network only.</source>
        <translation>Pour un datagramme envoyé à un groupe&#xa0;: IP_MULTICAST_TTL (IPV6_MULTICAST_HOPS en IPv6), de 0 à 255&#x202f;; la valeur par défaut du système est 1, ce réseau seulement.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>For a datagram sent to a group: the interface it leaves by (IP_MULTICAST_IF / IPV6_MULTICAST_IF), by name or index.</source>
        <translation>Pour un datagramme envoyé à un groupe&#xa0;: l’interface par laquelle il sort (IP_MULTICAST_IF / IPV6_MULTICAST_IF), par nom ou par index.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>IFACE</source>
        <translation>IFACE</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a datagram sent to a group: 1 (the default) delivers a copy to this machine&apos;s own members too, 0 does not (IP_MULTICAST_LOOP).</source>
        <translation>Pour un datagramme envoyé à un groupe&#xa0;: 1 (par défaut) en remet aussi une copie aux membres de cette machine, 0 non (IP_MULTICAST_LOOP).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>0|1</source>
        <translation>0|1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Invalid --bind %1: a port is a number from 1 to 65535.</source>
        <translation>--bind %1 invalide&#xa0;: un port est un nombre de 1 à 65&#x202f;535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--bind and --local both choose the local port: give one of them.</source>
        <translation>--bind et --local choisissent tous deux le port local&#xa0;: donnez l&apos;un des deux.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--wait and --count cannot exceed %1.</source>
        <translation>--wait et --count ne peuvent pas dépasser %1.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Invalid --multicast-ttl %1: a TTL is a number from 0 to 255.</source>
        <translation>--multicast-ttl %1 invalide&#xa0;: un TTL est un nombre de 0 à 255.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Invalid --multicast-loop &quot;%1&quot;: give 0 or 1.</source>
        <translation>--multicast-loop «&#xa0;%1&#xa0;» invalide&#xa0;: donnez 0 ou 1.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ClientModel</name>
    <message>
        <location filename="../ui/servers/clientmodel.cpp" line="+108"/>
        <location line="+43"/>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+43"/>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+40"/>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+42"/>
        <source>Half-closed</source>
        <translation>Demi-fermée</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Last datagram %1</source>
        <translation>Dernier datagramme à %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This sender&apos;s datagrams were sent to %1.</source>
        <translation>Les datagrammes de cet expéditeur ont été envoyés à %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A sender seen while the listener runs; its last datagram came at %1.</source>
        <translation>Un expéditeur vu pendant que le serveur tourne&#x202f;; son dernier datagramme est arrivé le %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accepted and closed at once: the listener was serving its maximum of clients.</source>
        <translation>Acceptée puis fermée aussitôt&#xa0;: le serveur servait déjà son maximum de clients.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The listener shuts its write side (shutdown(SHUT_WR)) once the bytes waiting for the client have left: the client then reads end of file, and the listener still reads what it sends.</source>
        <translation>Le serveur ferme son côté écriture (shutdown(SHUT_WR)) une fois partis les octets qui attendent le client&#xa0;: le client lit alors une fin de fichier, et le serveur lit toujours ce qu&apos;il envoie.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection is open.</source>
        <translation>La connexion est ouverte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed at %1</source>
        <translation>Fermée le %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bytes in the datagrams from this sender.</source>
        <translation>Octets des datagrammes venus de cet expéditeur.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes received from this client.</source>
        <translation>Octets reçus de ce client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in the datagrams sent back to this sender.</source>
        <translation>Octets des datagrammes renvoyés à cet expéditeur.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes sent to this client.</source>
        <translation>Octets envoyés à ce client.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 more bytes wait to be sent: the client is not reading them yet.</source>
        <translation>%1 octets de plus attendent d&apos;être envoyés&#xa0;: le client ne les lit pas encore.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the first %1 are kept to show: the listener&apos;s capture budget is full, and the oldest clients&apos; bytes are dropped first.</source>
        <translation>Seuls les %1 premiers sont conservés pour l&apos;affichage&#xa0;: le budget de capture du serveur est plein, et les octets des clients les plus anciens sont abandonnés en premier.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The listener numbers its clients in the order it accepts them.</source>
        <translation>Le serveur numérote ses clients dans l&apos;ordre où il les accepte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address and port the datagrams came from.</source>
        <translation>L&apos;adresse et le port d&apos;où viennent les datagrammes.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The client&apos;s address and port.</source>
        <translation>L&apos;adresse et le port du client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The addresses the sender&apos;s datagrams were sent to: the multicast groups the listener joined, or its own.</source>
        <translation>Les adresses auxquelles les datagrammes de l&apos;expéditeur ont été envoyés&#xa0;: les groupes multicast que l&apos;écouteur a rejoints, ou la sienne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in the datagrams from the sender.</source>
        <translation>Octets des datagrammes venus de l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes received from the client.</source>
        <translation>Octets reçus du client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in the datagrams sent back.</source>
        <translation>Octets des datagrammes renvoyés.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes sent to the client.</source>
        <translation>Octets envoyés au client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the sender&apos;s last datagram came.</source>
        <translation>Heure du dernier datagramme de l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Whether the connection is open, closed or was refused.</source>
        <translation>Si la connexion est ouverte, fermée ou a été refusée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When the sender&apos;s first datagram came.</source>
        <translation>Heure du premier datagramme de l&apos;expéditeur.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When the listener accepted the connection.</source>
        <translation>Heure à laquelle le serveur a accepté la connexion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What went wrong on the connection, if anything.</source>
        <translation>Ce qui s&apos;est mal passé sur la connexion, le cas échéant.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>ID</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peer</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Octets envoyés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First datagram</source>
        <translation>Premier datagramme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connected at</source>
        <translation>Heure de connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>SocketLab::ClientSendPane</name>
    <message>
        <location filename="../ui/servers/clientsendpane.cpp" line="+141"/>
        <source>Send to a sender: select one in the table.</source>
        <translation>Envoyer à un expéditeur&#xa0;: choisissez-en un dans le tableau.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to a client: select one in the table.</source>
        <translation>Envoyer à un client&#xa0;: choisissez-en un dans le tableau.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Send a datagram to sender %1 (%2)</source>
        <translation>Envoyer un datagramme à l&apos;expéditeur %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client %1 (%2) is closed: nothing more can be sent to it.</source>
        <translation>Le client %1 (%2) est fermé&#xa0;: plus rien ne peut lui être envoyé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client %1 (%2): its write side is shut; close() is left.</source>
        <translation>Client %1 (%2)&#xa0;: son côté écriture est fermé&#x202f;; reste close().</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send to client %1 (%2)</source>
        <translation>Envoyer au client %1 (%2)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not shut down the write side of client %1: %2.</source>
        <translation>Impossible de fermer le côté écriture du client %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not close client %1: %2.</source>
        <translation>Impossible de fermer le client %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not send to client %1: %2.</source>
        <translation>Impossible d&apos;envoyer au client %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most %1 may wait for a client that does not read them.</source>
        <translation>Au plus %1 peuvent attendre un client qui ne les lit pas.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the send editor; its text stays for next time.</source>
        <translation>Masquer l&apos;éditeur d&apos;envoi&#x202f;; son texte est gardé pour la prochaine fois.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to client</source>
        <translation>Envoyer au client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the editor&apos;s bytes to the selected client, after what is already waiting for it (Ctrl+Return).</source>
        <translation>Envoyer les octets de l&apos;éditeur au client sélectionné, après ceux qui l&apos;attendent déjà (Ctrl+Entrée).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutdown(SHUT_&amp;WR)</source>
        <translation>shutdown(SHUT_&amp;WR)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-close once the waiting bytes have left: the client reads end of file, and the listener keeps reading what it sends.</source>
        <translation>Demi-fermeture une fois partis les octets en attente&#xa0;: le client lit une fin de fichier, et le serveur continue de lire ce qu&apos;il envoie.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>close()</source>
        <translation>close()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the connection now: bytes still waiting for the client are dropped.</source>
        <translation>Fermer la connexion tout de suite&#xa0;: les octets qui attendent encore le client sont abandonnés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes to send to the client</source>
        <translation>Octets à envoyer au client</translation>
    </message>
</context>
<context>
    <name>SocketLab::CodeRequest</name>
    <message>
        <location filename="../core/codegen/coderequest.cpp" line="+49"/>
        <source>The script has an error: %1</source>
        <translation>Le script a une erreur&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::CodeText</name>
    <message>
        <location filename="../core/codegen/codeparts.cpp" line="+114"/>
        <source>Reads until the server closes the connection (recv() returns no bytes).</source>
        <translation>Lit jusqu’à ce que le serveur ferme la connexion (recv() ne renvoie aucun octet).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads one HTTP response: up to its Content-Length, its last chunk, or the server&apos;s close, as its headers say.</source>
        <translation>Lit une réponse HTTP&#xa0;: jusqu’à son Content-Length, son dernier chunk ou la fermeture par le serveur, selon ses en-têtes.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Reads exactly %n byte(s).</source>
        <translation>
            <numerusform>Lit exactement %n octet.</numerusform>
            <numerusform>Lit exactement %n octets.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads until nothing has come for %1 ms.</source>
        <translation>Lit jusqu’à ce que rien ne soit venu pendant %1 ms.</translation>
    </message>
    <message>
        <location filename="../core/codegen/conversationcode.cpp" line="+36"/>
        <source>UDP conversation with %1, port %2: the script&apos;s steps, as SocketLab plays them.</source>
        <translation>Conversation UDP avec %1, port %2&#xa0;: les étapes du script, comme SocketLab les joue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS conversation with %1, port %2: the script&apos;s steps, as SocketLab plays them.</source>
        <translation>Conversation TLS avec %1, port %2&#xa0;: les étapes du script, comme SocketLab les joue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP conversation with %1, port %2: the script&apos;s steps, as SocketLab plays them.</source>
        <translation>Conversation TCP avec %1, port %2&#xa0;: les étapes du script, comme SocketLab les joue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An expectation reads until its bytes have come since the last one was met; the script&apos;s end closes the socket.</source>
        <translation>Une attente lit jusqu’à ce que ses octets soient arrivés depuis la dernière attente satisfaite&#x202f;; la fin du script ferme le socket.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Script line %1: %2</source>
        <translation>Ligne %1 du script&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+139"/>
        <location filename="../core/codegen/cprogram.cpp" line="+879"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+469"/>
        <source>the buffer given to each recvfrom(): a longer datagram is cut</source>
        <translation>le tampon donné à chaque recvfrom()&#xa0;: un datagramme plus long est tronqué</translation>
    </message>
    <message>
        <location line="-138"/>
        <location line="+139"/>
        <location filename="../core/codegen/cprogram.cpp" line="-357"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="-102"/>
        <source>the most each recv() asks for</source>
        <translation>le plus que demande chaque recv()</translation>
    </message>
    <message>
        <location line="-138"/>
        <source>grows in place: each reply is added once</source>
        <translation>grandit sur place&#xa0;: chaque réponse n’est ajoutée qu’une fois</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seconds each expectation waits, until a timeout step says otherwise</source>
        <translation>secondes d’attente de chaque attente, jusqu’à ce qu’une étape timeout en dise autrement</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reads one datagram if one comes within timeout seconds, and writes it out.</source>
        <translation>Lit un datagramme s’il en vient un dans les timeout secondes, et l’écrit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads what comes within timeout seconds, and writes it out.</source>
        <translation>Lit ce qui vient dans les timeout secondes, et l’écrit.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+135"/>
        <source>The peer closed the connection.</source>
        <translation>Le pair a fermé la connexion.</translation>
    </message>
    <message>
        <location line="-132"/>
        <location filename="../core/codegen/cprogram.cpp" line="+426"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+172"/>
        <source>Datagram of %1 bytes from %2.</source>
        <translation>Datagramme de %1 octets venu de %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+138"/>
        <source>Script line %1: the expectation was not met.</source>
        <translation>Ligne %1 du script&#xa0;: l’attente n’a pas été satisfaite.</translation>
    </message>
    <message>
        <location line="-134"/>
        <location line="+136"/>
        <source>Waits until text has come since the last expectation was met.</source>
        <translation>Attend que text soit arrivé depuis la dernière attente satisfaite.</translation>
    </message>
    <message>
        <location line="-127"/>
        <source>The same for a regular expression, over the bytes as Latin-1 text. Python&apos;s re and SocketLab&apos;s PCRE agree on common patterns, not on every one.</source>
        <translation>La même chose pour une expression régulière, sur les octets lus comme texte Latin-1. Le module re de Python et le PCRE de SocketLab s’accordent sur les motifs courants, pas sur tous.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+136"/>
        <source>Waits for the peer to close its side.</source>
        <translation>Attend que le pair ferme son côté.</translation>
    </message>
    <message>
        <location line="-129"/>
        <location line="+134"/>
        <source>Sleeps, reading what comes meanwhile.</source>
        <translation>Dort, en lisant ce qui vient pendant ce temps.</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Python&apos;s ssl cannot send close_notify without waiting for the peer&apos;s: the TCP shutdown alone, where SocketLab sends close_notify first.</source>
        <translation>Le module ssl de Python ne peut envoyer close_notify sans attendre celui du pair&#xa0;: le seul shutdown TCP, là où SocketLab envoie d’abord close_notify.</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>each expectation&apos;s wait, until a timeout step says otherwise</source>
        <translation>l’attente de chaque attente, jusqu’à ce qu’une étape timeout en dise autrement</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads one datagram if one comes within timeout_ms, and writes it out.</source>
        <translation>Lit un datagramme s’il en vient un dans les timeout_ms, et l’écrit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads what comes within timeout_ms, and writes it out.</source>
        <translation>Lit ce qui vient dans les timeout_ms, et l’écrit.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The same for a POSIX extended regular expression. SocketLab&apos;s are PCRE: common patterns agree, not every one; the match stops at a NUL byte received.</source>
        <translation>La même chose pour une expression régulière étendue POSIX. Celles de SocketLab sont PCRE&#xa0;: les motifs courants s’accordent, pas tous&#x202f;; la recherche s’arrête à un octet NUL reçu.</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>close_notify, as SocketLab sends it, without waiting for the peer&apos;s.</source>
        <translation>close_notify, comme SocketLab l’envoie, sans attendre celui du pair.</translation>
    </message>
    <message>
        <location filename="../core/codegen/cprogram.cpp" line="-900"/>
        <source>Its length without the terminating NUL the compiler adds: the request may hold NULs of its own.</source>
        <translation>Sa longueur sans le NUL final qu’ajoute le compilateur&#xa0;: la requête peut contenir ses propres NUL.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Waits until fd is ready for events, at most timeout_ms (-1: no limit): 1 ready, 0 timed out, -1 failed.</source>
        <translation>Attend que fd soit prêt pour events, au plus timeout_ms (-1&#xa0;: sans limite)&#xa0;: 1 prêt, 0 délai écoulé, -1 échec.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>An address as text, &quot;host port&quot;, for the messages.</source>
        <translation>Une adresse en texte, «&#xa0;hôte port&#xa0;», pour les messages.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>bind() to a numeric address and port; a NULL host is the family&apos;s wildcard address.</source>
        <translation>bind() sur une adresse et un port numériques&#x202f;; un hôte NULL est l’adresse joker de la famille.</translation>
    </message>
    <message>
        <location line="+103"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="-327"/>
        <source>Standard output: the bytes received, exactly. Standard error: what happened.</source>
        <translation>Sortie standard&#xa0;: les octets reçus, exactement. Sortie d’erreur&#xa0;: ce qui s’est passé.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>for each address tried, and as long again for the TLS handshake</source>
        <translation>pour chaque adresse essayée, et autant pour la négociation TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>for each address tried</source>
        <translation>pour chaque adresse essayée</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The milliseconds left before the total timeout; past it, the program ends.</source>
        <translation>Les millisecondes restant avant le délai total&#x202f;; au-delà, le programme s’arrête.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+560"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="-159"/>
        <location line="+363"/>
        <source>Total timeout: the exchange took too long.</source>
        <translation>Délai total dépassé&#xa0;: l’échange a pris trop de temps.</translation>
    </message>
    <message>
        <location line="-556"/>
        <source>connect() with a time limit (-1: none): non-blocking, then poll() until it is done.</source>
        <translation>connect() avec une limite de temps (-1&#xa0;: aucune)&#xa0;: non bloquant, puis poll() jusqu’à ce qu’il aboutisse.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Whether bytes can be read within timeout_ms (-1: no limit).</source>
        <translation>Si des octets peuvent être lus dans les timeout_ms (-1&#xa0;: sans limite).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>recv(), again when a signal interrupted it: 0 when the server closed, -1 on an error.</source>
        <translation>recv(), recommencé quand un signal l’a interrompu&#xa0;: 0 quand le serveur a fermé, -1 sur une erreur.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>send() until every byte has gone: the kernel may take fewer at a time.</source>
        <translation>send() jusqu’à ce que tous les octets soient partis&#xa0;: le noyau peut en prendre moins à la fois.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Whether bytes can be read within timeout_ms (-1: no limit): OpenSSL may hold some already, which poll() cannot see.</source>
        <translation>Si des octets peuvent être lus dans les timeout_ms (-1&#xa0;: sans limite)&#xa0;: OpenSSL peut en détenir déjà, que poll() ne voit pas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SSL_read(): 0 when the server closed (close_notify, or the TCP connection alone).</source>
        <translation>SSL_read()&#xa0;: 0 quand le serveur a fermé (close_notify, ou la seule connexion TCP).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>SSL_write() until every byte has gone.</source>
        <translation>SSL_write() jusqu’à ce que tous les octets soient partis.</translation>
    </message>
    <message>
        <location line="+38"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="-161"/>
        <source>The first address getaddrinfo() gives.</source>
        <translation>La première adresse que donne getaddrinfo().</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+11"/>
        <source>Every address getaddrinfo() gives of the local address&apos;s family, in its order, until one connects.</source>
        <translation>Chaque adresse que donne getaddrinfo() de la famille de l’adresse locale, dans son ordre, jusqu’à ce qu’une se connecte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+2"/>
        <source>Every address getaddrinfo() gives, in its order, until one connects.</source>
        <translation>Chaque adresse que donne getaddrinfo(), dans son ordre, jusqu’à ce qu’une se connecte.</translation>
    </message>
    <message>
        <location line="+14"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+13"/>
        <source>connect() to %1: %2</source>
        <translation>connect() vers %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+2"/>
        <source>No address could be connected.</source>
        <translation>Aucune adresse n’a pu être connectée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to %1.</source>
        <translation>Connecté à %1.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+9"/>
        <source>TLS on the connected socket. The server is trusted by the SHA-256 of its certificate alone, checked after the handshake.</source>
        <translation>TLS sur le socket connecté. Le serveur est reconnu par le seul SHA-256 de son certificat, vérifié après la négociation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+2"/>
        <source>TLS on the connected socket, the certificate verified against the system&apos;s authorities and the name checked.</source>
        <translation>TLS sur le socket connecté, le certificat vérifié auprès des autorités du système et le nom contrôlé.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>ALPN, in its wire format: each protocol after its length.</source>
        <translation>ALPN, dans son format réseau&#xa0;: chaque protocole après sa longueur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+17"/>
        <source>A server that closes without close_notify ends the reply, as in SocketLab.</source>
        <translation>Un serveur qui ferme sans close_notify termine la réponse, comme dans SocketLab.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An IP address is checked against the certificate but never sent as SNI (RFC 6066).</source>
        <translation>Une adresse IP est vérifiée dans le certificat mais jamais envoyée en SNI (RFC 6066).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The handshake gets as long as connect() had: a receive and send timeout meanwhile.</source>
        <translation>La négociation a autant de temps que connect()&#xa0;: un délai de réception et d’envoi pendant ce temps.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate&apos;s verdict if it was refused, else OpenSSL&apos;s reason, else the socket&apos;s: a receive timeout is EAGAIN.</source>
        <translation>Le verdict sur le certificat s’il a été refusé, sinon la raison d’OpenSSL, sinon celle du socket&#xa0;: un délai de réception dépassé donne EAGAIN.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <location line="+5"/>
        <source>TLS handshake failed: %1.</source>
        <translation>Échec de la négociation TLS&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>TLS handshake failed: no reply within the connect timeout.</source>
        <translation>Échec de la négociation TLS&#xa0;: pas de réponse dans le délai de connexion.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS handshake failed: the server closed the connection.</source>
        <translation>Échec de la négociation TLS&#xa0;: le serveur a fermé la connexion.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+8"/>
        <source>The server&apos;s certificate is not the pinned one.</source>
        <translation>Le certificat du serveur n’est pas celui épinglé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+3"/>
        <source>TLS: %1, ALPN %2.</source>
        <translation>TLS&#xa0;: %1, ALPN %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+35"/>
        <source>TLS exchange with %1, port %2, as SocketLab makes it.</source>
        <translation>Échange TLS avec %1, port %2, tel que SocketLab le fait.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+1"/>
        <source>TCP exchange with %1, port %2, as SocketLab makes it.</source>
        <translation>Échange TCP avec %1, port %2, tel que SocketLab le fait.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>for the whole exchange, the name&apos;s resolution included</source>
        <translation>pour tout l’échange, résolution du nom comprise</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The HTTP framing as SocketLab&apos;s parser reads it, in its order (RFC 9112 section 6.3): blank lines before the status line skipped, 1xx responses before the final one, 101 and a CONNECT&apos;s 2xx end at the header section, no body for HEAD, 204 and 304, any Transfer-Encoding (chunked last: chunked, otherwise until the close, whatever Content-Length says), Content-Length (&quot;5, 5&quot; is 5), or the close. The bytes are read once as they come: only the line being read is kept, never the body.</source>
        <translation>Le découpage HTTP tel que l’analyseur de SocketLab le lit, dans son ordre (RFC 9112 section 6.3)&#xa0;: lignes vides avant la ligne d’état sautées, réponses 1xx avant la finale, 101 et le 2xx d’un CONNECT finissent à la section d’en-têtes, pas de corps pour HEAD, 204 et 304, tout Transfer-Encoding (chunked en dernier&#xa0;: par morceaux, sinon jusqu’à la fermeture, quoi que dise Content-Length), Content-Length («&#xa0;5, 5&#xa0;» vaut 5), ou la fermeture. Les octets sont lus une fois, à mesure qu’ils arrivent&#xa0;: seule la ligne en cours est gardée, jamais le corps.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The parser&apos;s state. last_field: 0 none yet, 1 another field, 2 Content-Length, 3 Transfer-Encoding; content_length: -1 when there is none.</source>
        <translation>L’état de l’analyseur. last_field&#xa0;: 0 aucun encore, 1 un autre champ, 2 Content-Length, 3 Transfer-Encoding&#xa0;; content_length&#xa0;: -1 quand il n’y en a pas.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>The codings of a Transfer-Encoding value, [from, to): whether the last one is &quot;chunked&quot;.</source>
        <translation>Les codages d’une valeur Transfer-Encoding, [from, to)&#xa0;: le dernier est-il «&#xa0;chunked&#xa0;».</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Every item of a Content-Length list must be the same number: -1 otherwise.</source>
        <translation>Chaque élément d’une liste Content-Length doit être le même nombre&#xa0;: -1 sinon.</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>A line of the head or the trailers, without its end: -1 when it is not a field. An obsolete folded line continues the field above it (a Content-Length may not be folded); joined with a space, its text lengthens a Transfer-Encoding&apos;s last coding, which is then no longer &quot;chunked&quot;.</source>
        <translation>Une ligne de l’en-tête ou des champs de fin, sans sa fin de ligne&#xa0;: -1 si ce n’est pas un champ. Une ligne repliée (obsolète) continue le champ au-dessus (un Content-Length ne peut pas être replié)&#xa0;; jointe par une espace, elle allonge le dernier codage d’un Transfer-Encoding, qui n’est alors plus «&#xa0;chunked&#xa0;».</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>The size line of a chunk: hex digits, blanks, an extension after &quot;;&quot;.</source>
        <translation>La ligne de taille d’un morceau&#xa0;: chiffres hexadécimaux, blancs, une extension après «&#xa0;;&#xa0;».</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Reads the bytes received: 1 once the response is complete, 0 until then, -1 when it breaks the framing.</source>
        <translation>Lit les octets reçus&#xa0;: 1 une fois la réponse complète, 0 jusque-là, -1 quand elle enfreint le découpage.</translation>
    </message>
    <message>
        <location line="-240"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+15"/>
        <source>the size cap: reading stops there</source>
        <translation>la limite de taille&#xa0;: la lecture s’arrête là</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+5"/>
        <source>the longest line of a head or chunk size SocketLab reads</source>
        <translation>la plus longue ligne d’en-tête ou de taille de morceau que SocketLab lit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>of silence that end the reply</source>
        <translation>de silence qui terminent la réponse</translation>
    </message>
    <message>
        <location line="+269"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+15"/>
        <source>The request is empty: nothing is sent.</source>
        <translation>La requête est vide&#xa0;: rien n’est envoyé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+22"/>
        <source>Nothing came for %1 ms: the reply is over.</source>
        <translation>Rien n’est venu pendant %1 ms&#xa0;: la réponse est terminée.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>read_some() said why: the exchange failed, as in SocketLab.</source>
        <translation>read_some() a dit pourquoi&#xa0;: l’échange a échoué, comme dans SocketLab.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+13"/>
        <source>The server closed the connection after %1 bytes.</source>
        <translation>Le serveur a fermé la connexion après %1 octets.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+6"/>
        <source>The reply is not well-formed HTTP: SocketLab stops there too.</source>
        <translation>La réponse n’est pas du HTTP bien formé&#xa0;: SocketLab s’arrête là aussi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+4"/>
        <source>The HTTP response is complete (%1 bytes).</source>
        <translation>La réponse HTTP est complète (%1 octets).</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+4"/>
        <source>%1 bytes read, as asked.</source>
        <translation>%1 octets lus, comme demandé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+104"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+4"/>
        <location line="+101"/>
        <source>Size cap of %1 bytes reached.</source>
        <translation>Limite de taille de %1 octets atteinte.</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>close_notify, as SocketLab sends it, without waiting for the server&apos;s.</source>
        <translation>close_notify, comme SocketLab l’envoie, sans attendre celui du serveur.</translation>
    </message>
    <message>
        <location line="+16"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="-85"/>
        <source>UDP exchange with %1, port %2, as SocketLab makes it: one datagram sent, the replies collected for %3 ms.</source>
        <translation>Échange UDP avec %1, port %2, tel que SocketLab le fait&#xa0;: un datagramme envoyé, les réponses recueillies pendant %3 ms.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>to collect replies after sending</source>
        <translation>pour recueillir les réponses après l’envoi</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+14"/>
        <source>the size cap: the datagram that reaches it is cut</source>
        <translation>la limite de taille&#xa0;: le datagramme qui l’atteint est tronqué</translation>
    </message>
    <message>
        <location line="+25"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+29"/>
        <source>The interface multicast datagrams leave by (an ip_mreqn by index for IPv4).</source>
        <translation>L’interface par laquelle partent les datagrammes multicast (un ip_mreqn par index pour IPv4).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connected UDP: replies from the target only, and an ICMP &quot;port unreachable&quot; comes back as ECONNREFUSED.</source>
        <translation>UDP connecté&#xa0;: des réponses de la cible seulement, et un ICMP «&#xa0;port unreachable&#xa0;» revient en ECONNREFUSED.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 bytes sent to %2.</source>
        <translation>%1 octets envoyés à %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Past the deadline, the wait is over: wait_for() takes a negative time as no limit.</source>
        <translation>Passé l’échéance, l’attente est finie&#xa0;: wait_for() prend un temps négatif pour une absence de limite.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+24"/>
        <location line="+3"/>
        <source>The wait is over.</source>
        <translation>L’attente est terminée.</translation>
    </message>
    <message>
        <location line="+17"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+11"/>
        <source>%1 datagrams received, as asked.</source>
        <translation>%1 datagrammes reçus, comme demandé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../core/codegen/pythonprogram.cpp" line="+6"/>
        <source>%1 bytes received in %2 datagrams.</source>
        <translation>%1 octets reçus en %2 datagrammes.</translation>
    </message>
    <message>
        <location filename="../core/codegen/pythonprogram.cpp" line="-499"/>
        <source>The seconds left before the total timeout; past it, the program ends.</source>
        <translation>Les secondes restant avant le délai total&#x202f;; au-delà, le programme s’arrête.</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>seconds, for each address tried, and as long again for the TLS handshake</source>
        <translation>secondes, pour chaque adresse essayée, et autant pour la négociation TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>seconds, for each address tried</source>
        <translation>secondes, pour chaque adresse essayée</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Connected to %1 from %2.</source>
        <translation>Connecté à %1 depuis %2.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The host is the name sent (SNI) and checked; an IP address is checked but not sent.</source>
        <translation>L’hôte est le nom envoyé (SNI) et vérifié&#x202f;; une adresse IP est vérifiée mais pas envoyée.</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Reads the response line by line as it comes; the body is counted, not kept.</source>
        <translation>Lit la réponse ligne par ligne à mesure qu’elle arrive&#xa0;; le corps est compté, pas gardé.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>True once the response is complete; Malformed when it breaks the framing.</source>
        <translation>True une fois la réponse complète&#xa0;; Malformed quand elle enfreint le découpage.</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>An obsolete folded line continues the field above it (a Content-Length may not be folded); joined with a space, its text lengthens a Transfer-Encoding&apos;s last coding, which is then no longer &quot;chunked&quot;.</source>
        <translation>Une ligne repliée (obsolète) continue le champ au-dessus (un Content-Length ne peut pas être replié)&#xa0;; jointe par une espace, elle allonge le dernier codage d’un Transfer-Encoding, qui n’est alors plus «&#xa0;chunked&#xa0;».</translation>
    </message>
    <message>
        <location line="+159"/>
        <source>close_notify, as SocketLab sends it. unwrap() would then wait for the peer&apos;s, which SocketLab does not: without blocking, it sends ours and gives up on theirs.</source>
        <translation>close_notify, comme SocketLab l’envoie. unwrap() attendrait ensuite celui du pair, ce que SocketLab ne fait pas&#xa0;: sans bloquer, il envoie le nôtre et renonce au sien.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>seconds for the whole exchange, the name&apos;s resolution included</source>
        <translation>secondes pour tout l’échange, résolution du nom comprise</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>seconds of silence that end the reply</source>
        <translation>secondes de silence qui terminent la réponse</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>seconds to collect replies after sending</source>
        <translation>secondes pour recueillir les réponses après l’envoi</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Connected UDP: replies from the target only, and an ICMP &quot;port unreachable&quot; comes back as ConnectionRefusedError.</source>
        <translation>UDP connecté&#xa0;: des réponses de la cible seulement, et un ICMP «&#xa0;port unreachable&#xa0;» revient en ConnectionRefusedError.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 bytes sent to %2 from %3.</source>
        <translation>%1 octets envoyés à %2 depuis %3.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>recv(): %1 (ICMP port unreachable).</source>
        <translation>recv()&#xa0;: %1 (ICMP port unreachable).</translation>
    </message>
</context>
<context>
    <name>SocketLab::CodecText</name>
    <message>
        <location filename="../core/text/codectext.cpp" line="+20"/>
        <source>a backslash ends the text; write \\ for a backslash</source>
        <translation>le texte se termine par une barre oblique inverse&#x202f;; écrivez \\ pour en obtenir une</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unknown escape; use \r \n \t \0 \\ or \xNN</source>
        <translation>séquence d&apos;échappement inconnue&#x202f;; utilisez \r \n \t \0 \\ ou \xNN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>\x needs two hex digits</source>
        <translation>\x demande deux chiffres hexadécimaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>\x must be followed by two hex digits (0-9, a-f)</source>
        <translation>\x doit être suivi de deux chiffres hexadécimaux (0-9, a-f)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a byte needs two hex digits</source>
        <translation>un octet s&apos;écrit avec deux chiffres hexadécimaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a hex digit</source>
        <translation>ce n&apos;est pas un chiffre hexadécimal</translation>
    </message>
</context>
<context>
    <name>SocketLab::CollectionModel</name>
    <message>
        <location filename="../ui/collections/collectionmodel.cpp" line="+33"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>script</source>
        <translation>script</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 %2:%3</source>
        <comment>kind, host, port</comment>
        <translation>%1 %2:%3</translation>
    </message>
</context>
<context>
    <name>SocketLab::CollectionStore</name>
    <message>
        <location filename="../ui/collections/collectionstore.cpp" line="+103"/>
        <source>%1 was not written by SocketLab: writing it again would lose its variables, comments or layout. Edit it in a text editor, or save the request in another collection.</source>
        <translation>%1 n’a pas été écrit par SocketLab&#xa0;: le réécrire perdrait ses variables, ses commentaires ou sa mise en forme. Modifiez-le dans un éditeur de texte, ou enregistrez la requête dans une autre collection.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The folder of %1 cannot be made.</source>
        <translation>Le dossier de %1 ne peut pas être créé.</translation>
    </message>
</context>
<context>
    <name>SocketLab::CollectionText</name>
    <message>
        <location filename="../core/text/collectiontext.cpp" line="+21"/>
        <source>this request has no request line (METHOD URL)</source>
        <translation>cette requête n&apos;a pas de ligne de requête (MÉTHODE URL)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a request line: write METHOD URL [HTTP/1.1], or the URL alone for a GET</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une ligne de requête&#xa0;: écrivez MÉTHODE URL [HTTP/1.1], ou l&apos;URL seule pour un GET</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une URL http:// ou https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the URL is a path and no Host header names the server</source>
        <translation>l&apos;URL est un chemin et aucun en-tête Host ne nomme le serveur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a header: write Name: value</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un en-tête&#xa0;: écrivez Nom: valeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the variable &quot;%1&quot; has no value (define it with @%1 = ... or choose an environment with --env)</source>
        <translation>la variable «&#xa0;%1&#xa0;» n&apos;a pas de valeur (définissez-la par @%1 = ... ou choisissez un environnement avec --env)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{{&quot; without its &quot;}}&quot;</source>
        <translation>«&#xa0;{{&#xa0;» sans son «&#xa0;}}&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the variable &quot;%1&quot; uses itself through the values of others</source>
        <translation>la variable «&#xa0;%1&#xa0;» s&apos;utilise elle-même à travers les valeurs d&apos;autres variables</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the request is larger than 32 MiB once the values of its variables and its body files are put in</source>
        <translation>la requête dépasse 32&#xa0;Mio une fois les valeurs de ses variables et ses fichiers de corps insérés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the variable &quot;%1&quot; makes the request larger than 32 MiB once the values of the variables and the body files are put in</source>
        <translation>la variable «&#xa0;%1&#xa0;» fait dépasser 32&#xa0;Mio à la requête une fois les valeurs des variables et les fichiers de corps insérés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the requests before this one already take 256 MiB once their variables and body files are put in: send it with socketlab-cli run --name, which reads only the request it sends, or split the file</source>
        <translation>les requêtes qui précèdent celle-ci prennent déjà 256&#xa0;Mio une fois leurs variables et leurs fichiers de corps mis en place&#xa0;: envoyez-la avec socketlab-cli run --name, qui ne lit que la requête qu’il envoie, ou découpez le fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the value of the variable &quot;%1&quot; holds a line break or a NUL byte, which would add lines to the request line or the headers: only a body may hold one</source>
        <translation>la valeur de la variable «&#xa0;%1&#xa0;» contient un saut de ligne ou un octet NUL, qui ajouterait des lignes à la ligne de requête ou aux en-têtes&#xa0;: seul un corps peut en contenir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SocketLab cannot read &quot;%1&quot;</source>
        <translation>SocketLab ne sait pas lire «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the exact bytes of @socketlab-bytes are not valid base64</source>
        <translation>les octets exacts de @socketlab-bytes ne sont pas du base64 valide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the request&apos;s text was edited after its exact bytes were saved: remove the @socketlab-bytes line to send the text, or undo the edit</source>
        <translation>le texte de la requête a été modifié après l&apos;enregistrement de ses octets exacts&#xa0;: retirez la ligne @socketlab-bytes pour envoyer le texte, ou annulez la modification</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the body file &quot;%1&quot; cannot be read (%2)</source>
        <translation>le fichier de corps «&#xa0;%1&#xa0;» ne peut pas être lu (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body file &quot;%1&quot; is larger than 32 MiB</source>
        <translation>le fichier de corps «&#xa0;%1&#xa0;» dépasse 32&#xa0;Mio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the body file &quot;%1&quot; is not a regular file (a pipe, a device or a folder): SocketLab reads only regular files</source>
        <translation>le fichier de corps «&#xa0;%1&#xa0;» n’est pas un fichier ordinaire (un tube, un périphérique ou un dossier)&#xa0;: SocketLab ne lit que des fichiers ordinaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the body file &quot;%1&quot; is not UTF-8 text, or is given an encoding (&lt;@latin1 ...) SocketLab does not convert: send it as it is with &quot;&lt; path&quot;, or convert it to UTF-8</source>
        <translation>le fichier de corps «&#xa0;%1&#xa0;» n’est pas du texte UTF-8, ou reçoit un encodage (&lt;@latin1 ...) que SocketLab ne convertit pas&#xa0;: envoyez-le tel quel avec «&#xa0;&lt; chemin&#xa0;», ou convertissez-le en UTF-8</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the body file &quot;%1&quot; is relative to a .http file, and this text is not in one</source>
        <translation>le fichier de corps «&#xa0;%1&#xa0;» est relatif à un fichier .http, et ce texte n’est dans aucun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a system variable SocketLab knows ($guid, $uuid, $randomInt, $timestamp, $isoTimestamp, $datetime, $localDatetime, $processEnv, $dotenv, $random.*, $env.*)</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une variable système que SocketLab connaît ($guid, $uuid, $randomInt, $timestamp, $isoTimestamp, $datetime, $localDatetime, $processEnv, $dotenv, $random.*, $env.*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{{%1}}&quot; has wrong arguments: see docs/formats.md for its forms</source>
        <translation>«&#xa0;{{%1}}&#xa0;» a de mauvais arguments&#xa0;: voyez ses formes dans docs/formats.md</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the environment variable &quot;%1&quot; of {{$processEnv}} is not set</source>
        <translation>la variable d’environnement «&#xa0;%1&#xa0;» de {{$processEnv}} n’est pas définie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; of {{$dotenv}} is not in the .env file beside the .http file (or there is none)</source>
        <translation>«&#xa0;%1&#xa0;» de {{$dotenv}} n’est pas dans le fichier .env à côté du fichier .http (ou il n’y en a pas)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; of {{$dotenv}} cannot be read: the .env file beside the .http file is not a regular file or is larger than 1 MiB</source>
        <translation>«&#xa0;%1&#xa0;» de {{$dotenv}} ne peut pas être lu&#xa0;: le fichier .env à côté du fichier .http n’est pas un fichier ordinaire ou dépasse 1&#xa0;Mio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;{{%1}}&quot; reads a reply body that did not come whole (cut at 32 MiB, or the connection ended before its end)</source>
        <translation>«&#xa0;{{%1}}&#xa0;» lit un corps de réponse qui n’est pas arrivé en entier (coupé à 32&#xa0;Mio, ou la connexion s’est terminée avant sa fin)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the last send of «%1» failed: there is no reply to read; send it again</source>
        <translation>le dernier envoi de «&#xa0;%1&#xa0;» a échoué&#xa0;: il n’y a pas de réponse à lire&#xa0;; envoyez-la de nouveau</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send «%1» first: this request uses its reply</source>
        <translation>envoyez d’abord «&#xa0;%1&#xa0;»&#xa0;: cette requête utilise sa réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{{%1}}&quot; names nothing in that request or its reply</source>
        <translation>«&#xa0;{{%1}}&#xa0;» ne désigne rien dans cette requête ni dans sa réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;{{%1}}&quot; reads a JSON body, and that body is not JSON</source>
        <translation>«&#xa0;{{%1}}&#xa0;» lit un corps JSON, et ce corps n’est pas du JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>these requests need each other&apos;s replies, none can go first: %1</source>
        <translation>ces requêtes ont besoin des réponses les unes des autres, aucune ne peut partir en premier&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the request &quot;%1&quot; cannot be written as an .http request exactly; save it in a collection file (.json)</source>
        <translation>la requête «&#xa0;%1&#xa0;» ne peut pas s&apos;écrire exactement en requête .http&#x202f;; enregistrez-la dans un fichier de collection (.json)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not valid JSON (%1)</source>
        <translation>JSON invalide (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not a SocketLab collection (its &quot;format&quot; is not &quot;socketlab-collection&quot;)</source>
        <translation>pas une collection SocketLab (son «&#xa0;format&#xa0;» n&apos;est pas «&#xa0;socketlab-collection&#xa0;»)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>collection version %1 is not one this SocketLab reads (version 1)</source>
        <translation>la version de collection %1 n&apos;est pas lue par ce SocketLab (version 1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the field %1 is missing or has a wrong value</source>
        <translation>le champ %1 manque ou a une valeur incorrecte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the environment file is not a JSON object of environments</source>
        <translation>le fichier d&apos;environnements n&apos;est pas un objet JSON d&apos;environnements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the environment file cannot be used (%1)</source>
        <translation>le fichier d&apos;environnements est inutilisable (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no environment is named &quot;%1&quot; in http-client.env.json or http-client.private.env.json</source>
        <translation>aucun environnement ne s&apos;appelle «&#xa0;%1&#xa0;» dans http-client.env.json ou http-client.private.env.json</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>environments are for .http files: a collection file has no {{variables}}</source>
        <translation>les environnements sont pour les fichiers .http&#xa0;: un fichier de collection n&apos;a pas de {{variables}}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot be read (%1)</source>
        <translation>illisible (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot be written (%1)</source>
        <translation>impossible à écrire (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds no request</source>
        <translation>il ne contient aucune requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no request is named &quot;%1&quot;; the requests are:
%2</source>
        <translation>aucune requête ne s&apos;appelle «&#xa0;%1&#xa0;»&#x202f;; les requêtes sont&#xa0;:
%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it holds several requests: choose one with --name:
%1</source>
        <translation>il contient plusieurs requêtes&#xa0;: choisissez-en une avec --name&#xa0;:
%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>several requests are named &quot;%1&quot;</source>
        <translation>plusieurs requêtes s&apos;appellent «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>its response handler was not run (SocketLab does not run JavaScript)</source>
        <translation>son gestionnaire de réponse n’a pas été exécuté (SocketLab n’exécute pas de JavaScript)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its pre-request script was not run (SocketLab does not run JavaScript)</source>
        <translation>son script de pré-requête n’a pas été exécuté (SocketLab n’exécute pas de JavaScript)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its ?? assertions were not checked</source>
        <translation>ses assertions ?? n’ont pas été vérifiées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its reply was not written to the &gt;&gt; file</source>
        <translation>sa réponse n’a pas été écrite dans le fichier &gt;&gt;</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>«%1», line %2: %3.</source>
        <translation>«&#xa0;%1&#xa0;», ligne %2&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line %1</source>
        <translation>ligne %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SocketLab::CollectionsPanel</name>
    <message>
        <location filename="../ui/collections/collectionspanel.cpp" line="+46"/>
        <source>The collection changed on disk since it was read: it has been read again, try once more.</source>
        <translation>La collection a changé sur le disque depuis sa lecture&#xa0;: elle a été relue, réessayez.</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>Exported to %1.</source>
        <translation>Exportée vers %1.</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Search: name, host, port, folder, request text</source>
        <translation>Rechercher&#xa0;: nom, hôte, port, dossier, texte de la requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment:</source>
        <translation>Environnement&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The {{variables}} of a .http file, from http-client.env.json and http-client.private.env.json beside it</source>
        <translation>Les {{variables}} d’un fichier .http, prises dans les http-client.env.json et http-client.private.env.json placés à côté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the form of the request&apos;s tab, without sending</source>
        <translation>Remplir le formulaire de l’onglet de la requête, sans envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the form of the request&apos;s tab and send</source>
        <translation>Remplir le formulaire de l’onglet de la requête et envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;nd</source>
        <translation>E&amp;nvoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;code…</source>
        <translation>Afficher le &amp;code…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate</source>
        <translation>D&amp;upliquer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move u&amp;p</source>
        <translation>&amp;Monter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>&amp;Descendre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New folder…</source>
        <translation>Nouveau dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A folder in the current collection, which the save dialog then offers</source>
        <translation>Un dossier dans la collection choisie, que la fenêtre d’enregistrement propose ensuite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List a .http, .rest or collection file where it is: SocketLab reads and writes it there</source>
        <translation>Lister un fichier .http, .rest ou de collection là où il est&#xa0;: SocketLab le lit et l’écrit à cet endroit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>Exporter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write the current collection to a .http file or a collection file</source>
        <translation>Écrire la collection choisie dans un fichier .http ou un fichier de collection</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve from the list</source>
        <translation>Re&amp;tirer de la liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No longer list this imported file; the file itself stays where it is</source>
        <translation>Ne plus lister ce fichier importé&#xa0;; le fichier lui-même reste où il est</translation>
    </message>
    <message>
        <location line="+61"/>
        <location line="+5"/>
        <source>Choose a request in the list.</source>
        <translation>Choisissez une requête dans la liste.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>«%1» failed: the requests that use its reply keep the reply it got before.</source>
        <translation>«&#xa0;%1&#xa0;» a échoué&#xa0;: les requêtes qui utilisent sa réponse gardent celle qu’elle a reçue avant.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>requests</source>
        <translation>requêtes</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Replace the request?</source>
        <translation>Remplacer la requête&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot; is already in %2. Replace it with this one?</source>
        <translation>«&#xa0;%1&#xa0;» est déjà dans %2. La remplacer par celle-ci&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&quot;%1&quot; is already in this collection: choose another name.</source>
        <translation>«&#xa0;%1&#xa0;» est déjà dans cette collection&#xa0;: choisissez un autre nom.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Saved as &quot;%1&quot; in %2.</source>
        <translation>Enregistrée sous «&#xa0;%1&#xa0;» dans %2.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Rename</source>
        <translation>Renommer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name of &quot;%1&quot;:</source>
        <translation>Nouveau nom de «&#xa0;%1&#xa0;»&#xa0;:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>A request of this folder is already called &quot;%1&quot;.</source>
        <translation>Une requête de ce dossier s’appelle déjà «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 copy</source>
        <translation>%1 copie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 copy %2</source>
        <translation>%1 copie %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete the request?</source>
        <translation>Supprimer la requête&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete &quot;%1&quot; from %2? This cannot be undone.</source>
        <translation>Supprimer «&#xa0;%1&#xa0;» de %2&#xa0;? Ce ne pourra pas être annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>New folder</source>
        <translation>Nouveau dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the folder (a/b makes one inside another):</source>
        <translation>Nom du dossier (a/b en crée un dans un autre)&#xa0;:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The folder is kept once a request is saved in it.</source>
        <translation>Le dossier sera conservé dès qu’une requête y sera enregistrée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import a collection</source>
        <translation>Importer une collection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Requests (*.http *.rest *.json)</source>
        <translation>Requêtes (*.http *.rest *.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 is listed where it is: changes made here are written there.</source>
        <translation>%1 est listé là où il est&#xa0;: les modifications faites ici y sont écrites.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Export the collection</source>
        <translation>Exporter la collection</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConfirmQuestion</name>
    <message>
        <location filename="../ui/widgets/confirmquestion.cpp" line="+15"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Garder</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConnectionPanel</name>
    <message>
        <location filename="../ui/connection/connectionpanel.cpp" line="+241"/>
        <source>80 or http</source>
        <translation>80 ou http</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A port number from 1 to 65535, or a service name such as http.</source>
        <translation>Un numéro de port de 1 à 65&#x202f;535, ou un nom de service comme http.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the request (Ctrl+Return)</source>
        <translation>Envoyer la requête (Ctrl+Retour)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the exchange now; what arrived stays (Esc)</source>
        <translation>Arrêter l&apos;échange tout de suite&#x202f;; ce qui est déjà arrivé est conservé (Échap)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop re&amp;ading:</source>
        <translation>&amp;Quand arrêter la lecture&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Total ti&amp;meout:</source>
        <translation>Délai t&amp;otal&#xa0;:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stream the reply to a f&amp;ile:</source>
        <translation>Stoc&amp;ker la réponse dans un fichier&#xa0;:</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>when the server closes</source>
        <translation>à la fermeture par le serveur</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>name, address, http:// URL or curl command</source>
        <translation>nom, adresse, URL http:// ou commande curl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A host name, an IPv4 or IPv6 address, or a URL such as http://www.perdu.com/ (which fills the port and an HTTP/1.1 request). A udp:// target opens the UDP tab. A pasted curl command (a browser&apos;s &quot;Copy as cURL&quot;) fills the form and the request.</source>
        <translation>Un nom d&apos;hôte, une adresse IPv4 ou IPv6, ou une URL comme http://www.perdu.com/ (qui remplit le port et une requête HTTP/1.1). Une cible udp:// ouvre l&apos;onglet UDP. Une commande curl collée (le «&#xa0;Copier en tant que cURL&#xa0;» d&apos;un navigateur) remplit le formulaire et la requête.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>TCP: a connection and a byte stream. UDP has a tab of its own, with every datagram option: choosing UDP takes this target there.</source>
        <translation>TCP&#xa0;: une connexion et un flux d&apos;octets. UDP a son propre onglet, avec toutes les options des datagrammes&#xa0;: choisir UDP y emmène cette cible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speak TLS over the connection, as HTTPS does: the server&apos;s certificate is verified against the trusted authorities (or the certificate you trusted for this host and port), and its chain shows in the Certificate tab. On by itself for https:// URLs and port 443.</source>
        <translation>Parler TLS sur la connexion, comme HTTPS&#xa0;: le certificat du serveur est vérifié auprès des autorités de confiance (ou c&apos;est le certificat auquel vous avez fait confiance pour cet hôte et ce port), et sa chaîne s&apos;affiche dans l&apos;onglet Certificat. Activé de lui-même pour les URL https:// et le port 443.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>at the end of the HTTP response</source>
        <translation>à la fin de la réponse HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after N bytes</source>
        <translation>après N octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after T ms without data</source>
        <translation>après T&#xa0;ms sans données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;nnect timeout:</source>
        <translation>Délai de co&amp;nnexion&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <location line="+182"/>
        <source> ms</source>
        <translation>&#xa0;ms</translation>
    </message>
    <message>
        <location line="-185"/>
        <location line="+4"/>
        <location line="+4"/>
        <source>none</source>
        <translation>sans limite</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>How long connect() may take for each address tried.</source>
        <translation>Durée que connect() peut prendre pour chaque adresse essayée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How long the whole exchange may take, name resolution included.</source>
        <translation>Durée que peut prendre l&apos;échange entier, résolution de noms comprise.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Si&amp;ze cap:</source>
        <translation>Taille &amp;maximale&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop reading once this much is kept in memory; stream to a file for more.</source>
        <translation>Arrêter la lecture dès que cette quantité est gardée en mémoire&#x202f;; pour davantage, stocker la réponse dans un fichier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recv() &amp;buffer:</source>
        <translation>Taille de &amp;bloc recv()&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The size passed to each recv() call: the most one call can return. The notebooks use recv(1024); a smaller size shows the reply arrive in more pieces.</source>
        <translation>La taille passée à chaque appel de recv()&#xa0;: le plus qu&apos;un appel puisse rendre. Les notebooks utilisent recv(1024)&#xa0;; une taille plus petite montre la réponse arriver en plus de morceaux.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the reply to a file as it arrives instead of keeping it in memory.</source>
        <translation>Écrire la réponse dans un fichier au fur et à mesure qu&apos;elle arrive, au lieu de la garder en mémoire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the file</source>
        <translation>Choisir le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the reply file</source>
        <translation>Choisir le fichier de la réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide these notes</source>
        <translation>Masquer ces remarques</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the curl notes</source>
        <translation>Masquer les remarques sur la commande curl</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>The form and the request are unchanged.</source>
        <translation>Le formulaire et la requête sont inchangés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The curl command is in the form and the request; reading stops at the end of the HTTP response, as curl does.</source>
        <translation>La commande curl est dans le formulaire et la requête&#x202f;; la lecture s&apos;arrête à la fin de la réponse HTTP, comme le fait curl.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not in the request:</source>
        <translation>Absent de la requête&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+49"/>
        <location line="+9"/>
        <source> byte(s)</source>
        <translation>
            <numerusform> octet</numerusform>
            <numerusform> octets</numerusform>
        </translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Idle time</source>
        <translation>Durée sans données</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Byte count</source>
        <translation>Nombre d&apos;octets</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the file the reply goes to.</source>
        <translation>Choisissez le fichier où écrire la réponse.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The request has an error: fix it to send.</source>
        <translation>La requête contient une erreur&#xa0;: corrigez-la pour l&apos;envoyer.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stream the reply to</source>
        <translation>Stocker la réponse dans</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationCapture</name>
    <message numerus="yes">
        <location filename="../core/capture/conversationcapture.cpp" line="+24"/>
        <source>%n message(s) past what the conversation kept are not in this capture.</source>
        <translation>
            <numerusform>%n message au-delà de ce que la conversation a gardé n’est pas dans cette capture.</numerusform>
            <numerusform>%n messages au-delà de ce que la conversation a gardé ne sont pas dans cette capture.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Truncated: the datagram was larger than the receive buffer; these are the bytes kept</source>
        <translation>Tronqué&#xa0;: le datagramme dépassait le tampon de réception&#xa0;; voici les octets gardés</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationEventsView</name>
    <message>
        <location filename="../ui/conversation/conversationeventsview.cpp" line="+209"/>
        <source>%1 at %2 ms.</source>
        <translation>%1 à %2 ms.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 at %2 ms: %3.</source>
        <translation>%1 à %2 ms&#xa0;: %3.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationFile</name>
    <message>
        <location filename="../core/conversation/conversationfile.cpp" line="+411"/>
        <source>Cut short: its tab or the window was closed while the conversation was open.</source>
        <translation>Interrompue&#xa0;: son onglet ou la fenêtre a été fermé alors que la conversation était ouverte.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationFileText</name>
    <message>
        <location filename="../core/text/conversationfiletext.cpp" line="+14"/>
        <source>The saved conversation %1 could not be read: %2.</source>
        <translation>La conversation enregistrée %1 n&apos;a pas pu être lue&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved conversation %1 was skipped: it is larger than a conversation can be.</source>
        <translation>La conversation enregistrée %1 a été ignorée&#xa0;: elle est plus grande qu&apos;une conversation ne peut l&apos;être.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved conversation %1 was skipped: it is not valid JSON (%2).</source>
        <translation>La conversation enregistrée %1 a été ignorée&#xa0;: ce n&apos;est pas du JSON valide (%2).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file %1 was skipped: it is not a saved conversation.</source>
        <translation>Le fichier %1 a été ignoré&#xa0;: ce n&apos;est pas une conversation enregistrée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved conversation %1 was skipped: it was written by a newer SocketLab (format %2).</source>
        <translation>La conversation enregistrée %1 a été ignorée&#xa0;: elle a été écrite par un SocketLab plus récent (format %2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The saved conversation %1 was skipped: its &quot;%2&quot; is damaged.</source>
        <translation>La conversation enregistrée %1 a été ignorée&#xa0;: son «&#xa0;%2&#xa0;» est endommagé.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationHistory</name>
    <message>
        <location filename="../core/conversation/conversationhistory.cpp" line="+203"/>
        <source>The conversation was not kept: the folder %1 cannot be made.</source>
        <translation>La conversation n&apos;a pas été conservée&#xa0;: le dossier %1 ne peut pas être créé.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The conversation was not kept: %1</source>
        <translation>La conversation n&apos;a pas été conservée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>This conversation is no longer in the history: it was removed, perhaps by another SocketLab window (its Clear history or its limits).</source>
        <translation>Cette conversation n’est plus dans l’historique&#xa0;: elle a été supprimée, peut-être par une autre fenêtre SocketLab (son «&#xa0;Effacer l’historique&#xa0;» ou ses limites).</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 could not be removed.</source>
        <translation>%1 n&apos;a pas pu être supprimé.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationHttpView</name>
    <message>
        <location filename="../ui/http/conversationhttpview.cpp" line="+249"/>
        <source>Header</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each request and the response matched to it, in order. Click the status to select the response&apos;s bytes, anywhere else the request&apos;s.</source>
        <translation>Chaque requête et la réponse qui lui correspond, dans l’ordre. Cliquer le statut sélectionne les octets de la réponse, ailleurs ceux de la requête.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No connection.</source>
        <translation>Pas de connexion.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for the first bytes.</source>
        <translation>En attente des premiers octets.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not enough bytes yet to tell whether this is HTTP.</source>
        <translation>Pas encore assez d’octets pour dire si c’est du HTTP.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not HTTP.</source>
        <translation>Pas du HTTP.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln HTTP exchange(s).</source>
        <translation>
            <numerusform>%Ln échange HTTP.</numerusform>
            <numerusform>%Ln échanges HTTP.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Only the first %Ln are read.</source>
        <translation>
            <numerusform>Seul le premier est lu.</numerusform>
            <numerusform>Seuls les %Ln premiers sont lus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The client&apos;s last %1, from byte %2, are a request head without its end.</source>
        <translation>Les derniers octets du client, %1 à partir de l’octet %2, sont un en-tête de requête sans sa fin.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only the bytes kept for display are read: what came past them is not.</source>
        <translation>Seuls les octets gardés pour l’affichage sont lus&#xa0;: ce qui est venu après ne l’est pas.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+11"/>
        <source>Response</source>
        <translation>Réponse</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Request %1: %2 %3 %4</source>
        <translation>Requête %1&#xa0;: %2 %3 %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Response: %1 %2</source>
        <translation>Réponse&#xa0;: %1 %2</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No response yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Interim response(s) first: %1</source>
        <translation>
            <numerusform>Réponse intermédiaire d’abord&#xa0;: %1</numerusform>
            <numerusform>Réponses intermédiaires d’abord&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Request line: %1</source>
        <translation>Ligne de requête&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status line: %1</source>
        <translation>Ligne d’état&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Head: %1, through its blank line.</source>
        <translation>En-tête&#xa0;: %1, ligne vide comprise.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Body: %1 of %2 so far.</source>
        <translation>Corps&#xa0;: %1 sur %2 pour l’instant.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body: %1, from byte %2.</source>
        <translation>Corps&#xa0;: %1, à partir de l’octet %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Last chunk (size 0), at byte %1.</source>
        <translation>Dernier bloc (taille 0), à l’octet %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chunk %1: %2.</source>
        <translation>Bloc %1&#xa0;: %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln more chunk(s), not listed.</source>
        <translation>
            <numerusform>%Ln bloc de plus, non listé.</numerusform>
            <numerusform>%Ln blocs de plus, non listés.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blank line: the end of the trailers.</source>
        <translation>Ligne vide&#xa0;: la fin des en-têtes de fin (trailers).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trailer: %1</source>
        <translation>En-tête de fin&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>At byte %1: %2.</source>
        <translation>À l’octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Complete: %1, bytes %2 to %3.</source>
        <translation>Complet&#xa0;: %1, octets %2 à %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection ended before the end of this message, after %1.</source>
        <translation>La connexion s’est terminée avant la fin de ce message, après %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not complete yet: %1 so far.</source>
        <translation>Pas encore complet&#xa0;: %1 pour l’instant.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationPage</name>
    <message>
        <location filename="../ui/conversation/conversationpage.cpp" line="+233"/>
        <source>TCP keeps a connection open; UDP keeps a socket open and sends datagrams.</source>
        <translation>TCP garde une connexion ouverte&#x202f;; UDP garde un socket ouvert et envoie des datagrammes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name or address</source>
        <translation>nom ou adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host to talk to: a name, an IPv4 or an IPv6 address.</source>
        <translation>L’hôte avec qui converser&#xa0;: un nom, une adresse IPv4 ou IPv6.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>port or service</source>
        <translation>port ou service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port to talk to: a number from 1 to 65535, or a service name.</source>
        <translation>Le port avec qui converser&#xa0;: un nombre de 1 à 65535, ou un nom de service.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk over TLS, the server&apos;s certificate verified (TCP only).</source>
        <translation>Converser en TLS, le certificat du serveur vérifié (TCP seulement).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;nnect</source>
        <translation>Se co&amp;nnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the connection and keep it open: the peer&apos;s bytes show as they come.</source>
        <translation>Ouvrir la connexion et la garder ouverte&#xa0;: les octets du pair s’affichent dès qu’ils arrivent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect</source>
        <translation>Déconnecter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the conversation at once: the socket is closed, whatever it waits on; what was received stays.</source>
        <translation>Terminer la conversation tout de suite&#xa0;: le socket est fermé, quoi qu’il attende&#x202f;; ce qui a été reçu reste.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save transcript…</source>
        <translation>Enregistrer la transcription…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the conversation as it stands, as text to read or as JSON with the bytes in base64 (Ctrl+S)</source>
        <translation>Enregistrer la conversation telle qu’elle est, en texte à lire ou en JSON avec les octets en base64 (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Talk &amp;again</source>
        <translation>Re&amp;parler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect again to the same target with the same options, in a new conversation.</source>
        <translation>Se reconnecter à la même cible avec les mêmes options, dans une nouvelle conversation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply to the open socket</source>
        <translation>Appliquer au socket ouvert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set the options changed since Connect on the open socket with setsockopt(), each read back with getsockopt(). Those that only count at bind() or connect() cannot change now.</source>
        <translation>Régler sur le socket ouvert, avec setsockopt(), les options changées depuis Se connecter, chacune relue avec getsockopt(). Celles qui ne comptent qu’à bind() ou connect() ne peuvent plus changer.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the editor&apos;s bytes on the open connection (Ctrl+Return)</source>
        <translation>Envoyer les octets de l’éditeur sur la connexion ouverte (Ctrl+Entrée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shutdown(SHUT_&amp;WR)</source>
        <translation>shutdown(SHUT_&amp;WR)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Half-close: the peer reads end of file, and this end keeps reading.</source>
        <translation>Demi-fermeture&#xa0;: le pair lit une fin de fichier, et ce côté continue de lire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shutdown(SHUT_RDWR)</source>
        <translation>shutdown(SHUT_RDWR)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shut both directions: nothing more is sent or read, the socket stays open.</source>
        <translation>Fermer les deux sens&#xa0;: plus rien n’est envoyé ni lu, le socket reste ouvert.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>close()</source>
        <translation>close()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the socket: the conversation ends.</source>
        <translation>Fermer le socket&#xa0;: la conversation se termine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>Script</source>
        <translation>Script</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>One step a line, as socketlab-cli talk --script reads them:
send TEXT (escapes \r \n \t \0 \\ \xNN), send-hex HEX,
expect TEXT, expect-re REGEX, expect-close, timeout MS (of the expectations that follow),
sleep MS, shutdown wr|rdwr, close, sockopt NAME=VALUE, # a comment.</source>
        <translation>Une étape par ligne, comme socketlab-cli talk --script les lit&#xa0;:
send TEXTE (échappements \r \n \t \0 \\ \xNN), send-hex HEX,
expect TEXTE, expect-re REGEX, expect-close, timeout MS (des attentes qui suivent),
sleep MS, shutdown wr|rdwr, close, sockopt NOM=VALEUR, # un commentaire.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source># A script, one step a line, e.g.:
send hello\n
expect hello
timeout 2000
expect-re [0-9]+\n
shutdown wr
expect-close</source>
        <translation># Un script, une étape par ligne, par exemple&#xa0;:
send hello\n
expect hello
timeout 2000
expect-re [0-9]+\n
shutdown wr
expect-close</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Run script</source>
        <translation>Lancer le script</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play the script&apos;s steps on the conversation, connecting first if it is not open; an expectation not met stops it and leaves the conversation open (Ctrl+Return in this tab).</source>
        <translation>Jouer les étapes du script sur la conversation, en se connectant d’abord si elle n’est pas ouverte&#x202f;; une attente non satisfaite l’arrête et laisse la conversation ouverte (Ctrl+Retour dans cet onglet).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop script</source>
        <translation>Arrêter le script</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play no step more: the conversation stays open.</source>
        <translation>Ne plus jouer aucune étape&#xa0;: la conversation reste ouverte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>Messages</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He&amp;x</source>
        <translation>He&amp;xa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Soc&amp;ket calls</source>
        <translation>Appels soc&amp;ket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The conversation read as HTTP: each request and its response, their headers and how each one&apos;s end is found</source>
        <translation>La conversation lue comme du HTTP&#xa0;: chaque requête et sa réponse, leurs en-têtes et comment la fin de chacune est trouvée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent bytes %1 to %2 selected (HTTP tab).</source>
        <translation>Octets envoyés %1 à %2 sélectionnés (onglet HTTP).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received bytes %1 to %2 selected (HTTP tab).</source>
        <translation>Octets reçus %1 à %2 sélectionnés (onglet HTTP).</translation>
    </message>
    <message>
        <location line="+411"/>
        <source>The message has an error: fix it to show its code.</source>
        <translation>Le message a une erreur&#xa0;: corrigez-la pour afficher son code.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The script has an error: fix it to show its code (%1).</source>
        <translation>Le script a une erreur&#xa0;: corrigez-la pour afficher son code (%1).</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Only a conversation over plain TCP can be saved: a script runs over TCP without TLS.</source>
        <translation>Seule une conversation en TCP simple peut être enregistrée&#xa0;: un script s’exécute en TCP sans TLS.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The script has an error: fix it to save it (%1).</source>
        <translation>Le script comporte une erreur&#xa0;: corrigez-la pour l’enregistrer (%1).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The message has an error: fix it to save it.</source>
        <translation>Le message contient une erreur&#xa0;: corrigez-le pour l’enregistrer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>conversation %1:%2</source>
        <translation>conversation %1:%2</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Step %1 of %2 (line %3)</source>
        <translation>Étape %1 sur %2 (ligne %3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waiting for the connection…</source>
        <translation>En attente de la connexion…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The script this conversation played: Talk again plays it again.</source>
        <translation>Le script que cette conversation a joué&#xa0;: Reparler le rejoue.</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln step(s), ready to run.</source>
        <translation>
            <numerusform>%Ln étape, prête à être jouée.</numerusform>
            <numerusform>%Ln étapes, prêtes à être jouées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The script played its %Ln step(s).</source>
        <translation>
            <numerusform>Le script a joué son étape (%Ln).</numerusform>
            <numerusform>Le script a joué ses %Ln étapes.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The script stopped at %1</source>
        <translation>Le script s’est arrêté à la %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The script stopped at %1 The conversation is still open: go on by hand.</source>
        <translation>Le script s’est arrêté à la %1 La conversation est toujours ouverte&#xa0;: continuez à la main.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The script was stopped at line %1.</source>
        <translation>Le script a été arrêté à la ligne %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The script stopped at line %1: the conversation ended.</source>
        <translation>Le script s’est arrêté à la ligne %1&#xa0;: la conversation a pris fin.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not connected: choose a target and press Connect.</source>
        <translation>Pas connecté&#xa0;: choisissez une cible et appuyez sur Se connecter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The conversation with %1 is over.</source>
        <translation>La conversation avec %1 est terminée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conversation with %1 ended: %2</source>
        <translation>La conversation avec %1 s’est terminée&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connecting to %1…</source>
        <translation>Connexion à %1…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The peer %1 closed its side (FIN): nothing more will come.</source>
        <translation>Le pair %1 a fermé son côté (FIN)&#xa0;: plus rien ne viendra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Connected to %1, this side shut for writing: still reading.</source>
        <translation>Connecté à %1, ce côté fermé en écriture&#xa0;: la lecture continue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected to %1: send at any time; what the peer sends shows as it comes.</source>
        <translation>Connecté à %1&#xa0;: envoyez quand vous voulez&#x202f;; ce que le pair envoie s’affiche dès que ça arrive.</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Sent %1 in %Ln message(s)</source>
        <translation>
            <numerusform>%1 envoyés en %Ln message</numerusform>
            <numerusform>%1 envoyés en %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>received %1 in %Ln message(s)</source>
        <translation>
            <numerusform>%1 reçus en %Ln message</numerusform>
            <numerusform>%1 reçus en %Ln messages</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 waiting to be sent</source>
        <translation>%1 en attente d&apos;envoi</translation>
    </message>
    <message>
        <location line="-675"/>
        <source>Choose a message to see its bytes.</source>
        <translation>Choisissez un message pour voir ses octets.</translation>
    </message>
    <message>
        <location line="+683"/>
        <source>Text transcript (*.txt)</source>
        <translation>Transcription texte (*.txt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the conversation&apos;s transcript</source>
        <translation>Enregistrer la transcription de la conversation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conversation.txt</source>
        <extracomment>The file name offered when saving a conversation&apos;s transcript.</extracomment>
        <translation>conversation.txt</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The transcript was not saved: %1</source>
        <translation>La transcription n’a pas été enregistrée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transcript saved to %1 (%2).</source>
        <translation>Transcription enregistrée dans %1 (%2).</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationPanel</name>
    <message>
        <location filename="../ui/conversation/conversationpanel.cpp" line="+119"/>
        <location line="+219"/>
        <source>New conversation</source>
        <translation>Nouvelle conversation</translation>
    </message>
    <message>
        <location line="-218"/>
        <source>Open another conversation in a tab of its own, aimed at the same target (Ctrl+Shift+N)</source>
        <translation>Ouvrir une autre conversation dans un onglet à elle, vers la même cible (Ctrl+Maj+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The conversations kept from this run and the ones before: open one, talk again, search, delete</source>
        <translation>Les conversations conservées de cette session et des précédentes&#xa0;: en ouvrir une, reparler, chercher, supprimer</translation>
    </message>
    <message>
        <location line="+128"/>
        <source>Past conversations (%1)</source>
        <translation>Conversations passées (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past conversations</source>
        <translation>Conversations passées</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>%1 (%2)</source>
        <extracomment>A saved conversation&apos;s tab: its target, then when it started.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (ended)</source>
        <translation>%1 (terminée)</translation>
    </message>
</context>
<context>
    <name>SocketLab::ConversationTranscript</name>
    <message>
        <location filename="../core/conversation/conversationtranscript.cpp" line="+179"/>
        <source>%1 received, %2 sent.</source>
        <translation>%1 reçus, %2 envoyés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still open when this transcript was written; %1</source>
        <translation>Encore ouverte quand cette transcription a été écrite&#x202f;; %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Disconnected; %1</source>
        <translation>Déconnectée&#x202f;; %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>The peer closed the connection; %1</source>
        <translation>L’hôte distant a fermé la connexion&#x202f;; %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closed; %1</source>
        <translation>Fermée&#x202f;; %1</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Conversation with %1 port %2 (%3)</source>
        <translation>Conversation avec %1 port %2 (%3)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started %1</source>
        <translation>Commencée le %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 resolves to %2</source>
        <translation>%1 se résout en %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP socket to %1 from %2</source>
        <translation>Socket UDP vers %1 depuis %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to %1 from %2</source>
        <translation>Connecté à %1 depuis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP socket from %1</source>
        <translation>Socket UDP depuis %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>TLS: %1, %2, handshake %3 ms; %4</source>
        <translation>TLS&#xa0;: %1, %2, négociation en %3&#xa0;ms&#x202f;; %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>socket ready</source>
        <translation>socket prêt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>→ sent %1 to %2</source>
        <translation>→ envoyé %1 à %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ sent %1</source>
        <translation>→ envoyé %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+29"/>
        <source> (script line %1)</source>
        <translation> (ligne %1 du script)</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>← received %1 from %2</source>
        <translation>← reçu %1 de %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>← received %1</source>
        <translation>← reçu %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> (truncated: the datagram was larger than the receive buffer)</source>
        <translation> (tronqué&#xa0;: le datagramme dépassait le tampon de réception)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shutdown(SHUT_WR): the peer reads the end of our bytes; reading on</source>
        <translation>shutdown(SHUT_WR)&#xa0;: l’hôte distant lit la fin de nos octets&#x202f;; la lecture continue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>shutdown(SHUT_RDWR): nothing more is sent or read</source>
        <translation>shutdown(SHUT_RDWR)&#xa0;: plus rien n’est envoyé ni lu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close(): the conversation ends</source>
        <translation>close()&#xa0;: la conversation se termine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the peer closed its side (FIN): nothing more will come</source>
        <translation>l’hôte distant a fermé son côté (FIN)&#xa0;: plus rien ne viendra</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the peer reset the connection (RST): %1</source>
        <translation>l’hôte distant a réinitialisé la connexion (RST)&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ended: %1</source>
        <translation>terminée&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>setsockopt(): %1</source>
        <translation>setsockopt()&#xa0;: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Sent %1 in %n message(s).</source>
        <translation>
            <numerusform>%1 envoyés en %n message.</numerusform>
            <numerusform>%1 envoyés en %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Received %1 in %n message(s).</source>
        <translation>
            <numerusform>%1 reçus en %n message.</numerusform>
            <numerusform>%1 reçus en %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) past the conversation&apos;s cap were counted but not kept: their bytes are not above; the byte totals count them.</source>
        <translation>
            <numerusform>%n message au-delà de la limite de la conversation a été compté mais pas conservé&#xa0;: ses octets ne sont pas ci-dessus&#x202f;; les totaux d’octets le comptent.</numerusform>
            <numerusform>%n messages au-delà de la limite de la conversation ont été comptés mais pas conservés&#xa0;: leurs octets ne sont pas ci-dessus&#x202f;; les totaux d’octets les comptent.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The conversation was still open when this transcript was written.</source>
        <translation>La conversation était encore ouverte quand cette transcription a été écrite.</translation>
    </message>
</context>
<context>
    <name>SocketLab::CookieText</name>
    <message>
        <location filename="../core/text/cookietext.cpp" line="+50"/>
        <source>there is no “=” between a name and a value</source>
        <translation>il n&apos;y a pas de «&#xa0;=&#xa0;» entre un nom et une valeur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its name is empty</source>
        <translation>son nom est vide</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its name and value take %1 bytes, more than the %2 a browser keeps</source>
        <translation>son nom et sa valeur font %1 octets, plus que les %2 qu&apos;un navigateur conserve</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>its Domain is not %1 nor a domain %1 belongs to</source>
        <translation>son Domain n&apos;est ni %1 ni un domaine dont %1 fait partie</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it names a Domain while the request went to the address %1</source>
        <translation>il indique un Domain alors que la requête allait à l&apos;adresse %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its Domain is a public suffix, shared by many sites: a cookie there would reach all of them</source>
        <translation>son Domain est un suffixe public, partagé par de nombreux sites&#xa0;: un cookie à ce niveau les atteindrait tous</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a name starting with __Secure- needs the Secure attribute and an https:// page</source>
        <translation>un nom commençant par __Secure- exige l&apos;attribut Secure et une page https://</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a name starting with __Host- needs Secure, an https:// page, Path=/ and no Domain</source>
        <translation>un nom commençant par __Host- exige Secure, une page https://, Path=/ et aucun Domain</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it holds a control character (a byte below 0x20 other than a tab, or 0x7F)</source>
        <translation>il contient un caractère de contrôle (un octet inférieur à 0x20 autre qu&apos;une tabulation, ou 0x7F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>it has the Secure attribute but came from an http:// page, not over TLS</source>
        <translation>il porte l&apos;attribut Secure mais vient d&apos;une page http://, pas de TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an http:// page may not replace or hide the Secure cookie of the same name kept for %1</source>
        <translation>une page http:// ne peut ni remplacer ni masquer le cookie Secure du même nom conservé pour %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SameSite=None needs the Secure attribute</source>
        <translation>SameSite=None exige l&apos;attribut Secure</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>(no name)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: refused: %2.</source>
        <translation>%1&#xa0;: refusé&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: deletes the cookie of this name, domain and path.</source>
        <translation>%1&#xa0;: supprime le cookie de même nom, domaine et chemin.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>kept for %1 only</source>
        <translation>conservé pour %1 seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kept for %1 and its sub-domains</source>
        <translation>conservé pour %1 et ses sous-domaines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path %1</source>
        <translation>chemin %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>https only</source>
        <translation>https seulement</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>until %1</source>
        <translation>jusqu&apos;au %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until the chain of clicks ends</source>
        <translation>jusqu&apos;à la fin de la suite de clics</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2.</source>
        <translation>%1&#xa0;: %2.</translation>
    </message>
</context>
<context>
    <name>SocketLab::CurlText</name>
    <message>
        <location filename="../core/text/curltext.cpp" line="+26"/>
        <source>No User-Agent header: curl would send its own (curl/ and its version); -A or -H sets one.</source>
        <translation>Pas d&apos;en-tête User-Agent&#xa0;: curl enverrait le sien (curl/ et sa version)&#x202f;; -A ou -H en donne un.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: redirects are not followed; the reply shows the redirect itself.</source>
        <translation>%1&#xa0;: les redirections ne sont pas suivies&#x202f;; la réponse montre la redirection elle-même.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: how curl prints or saves the reply; here the reply shows in full.</source>
        <translation>%1&#xa0;: la façon dont curl affiche ou enregistre la réponse&#x202f;; ici, la réponse s&apos;affiche en entier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the form&apos;s own timeouts apply.</source>
        <translation>%1&#xa0;: les délais du formulaire s&apos;appliquent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: no proxy here; the request goes straight to the host.</source>
        <translation>%1&#xa0;: pas de proxy ici&#x202f;; la requête va directement à l&apos;hôte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only HTTP/1 is spoken here; the request is HTTP/1.1.</source>
        <translation>%1&#xa0;: seul HTTP/1 est parlé ici&#x202f;; la requête est en HTTP/1.1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the certificate is still verified; one that fails can be trusted for its host and port from the Certificate tab.</source>
        <translation>%1&#xa0;: le certificat est tout de même vérifié&#x202f;; un certificat refusé peut être approuvé pour son hôte et son port depuis l&apos;onglet Certificat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 @%2: the file is not read and is not in the body; paste its content in the request.</source>
        <translation>%1 @%2&#xa0;: le fichier n&apos;est pas lu et n&apos;est pas dans le corps&#x202f;; collez son contenu dans la requête.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 @%2: the file is not read; its headers are not in the request.</source>
        <translation>%1 @%2&#xa0;: le fichier n&apos;est pas lu&#x202f;; ses en-têtes ne sont pas dans la requête.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: a cookie file is not read; no Cookie header comes from it.</source>
        <translation>%1&#xa0;: un fichier de cookies n&apos;est pas lu&#x202f;; aucun en-tête Cookie n&apos;en vient.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: curl would ask for the password; the Authorization header has an empty one.</source>
        <translation>%1&#xa0;: curl demanderait le mot de passe&#x202f;; l&apos;en-tête Authorization en a un vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: multipart forms are not built here; the field is not in the body.</source>
        <translation>%1&#xa0;: les formulaires multipart ne sont pas construits ici&#x202f;; le champ n&apos;est pas dans le corps.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: only the first URL is sent.</source>
        <translation>%1&#xa0;: seule la première URL est envoyée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is for the shell, not for curl, and is left out.</source>
        <translation>«&#xa0;%1&#xa0;» est pour le shell, pas pour curl, et est laissé de côté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is a shell variable: it is in the request as written, where bash would put its value.</source>
        <translation>%1 est une variable du shell&#xa0;: elle est dans la requête telle qu&apos;écrite, là où bash mettrait sa valeur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no meaning for a request sent by hand; left out.</source>
        <translation>%1&#xa0;: sans objet pour une requête envoyée à la main&#x202f;; laissé de côté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: an option this import does not know; left out.</source>
        <translation>%1&#xa0;: une option que cette importation ne connaît pas&#x202f;; laissée de côté.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;&quot; inside &quot;...&quot; was read as bash reads it (&quot;a&quot;&quot;b&quot; is ab); in a copy for Windows cmd it is a quote: check the body, or paste the command with cmd&apos;s ^&quot; quotes.</source>
        <translation>&quot;&quot; dans &quot;...&quot; a été lu comme bash le lit (&quot;a&quot;&quot;b&quot; donne ab)&#xa0;; dans une copie pour cmd de Windows, c’est un guillemet&#xa0;: vérifiez le corps, ou collez la commande avec les guillemets ^&quot; de cmd.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>line %1, column %2</source>
        <translation>ligne %1, colonne %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column %1</source>
        <translation>colonne %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is not a curl command: it does not start with curl.</source>
        <translation>Ce n&apos;est pas une commande curl&#xa0;: elle ne commence pas par curl.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The curl command has an unclosed quote at %1.</source>
        <translation>La commande curl a un guillemet non fermé à la %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The curl command ends with an escape character at %1 and nothing to escape.</source>
        <translation>La commande curl se termine par un caractère d&apos;échappement à la %1, sans rien à échapper.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The curl option %1 at %2 needs a value and none follows.</source>
        <translation>L&apos;option curl %1 à la %2 attend une valeur et aucune ne suit.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The curl command has no URL.</source>
        <translation>La commande curl n&apos;a pas d&apos;URL.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The curl command&apos;s URL at %1 is %2://, not http:// or https://.</source>
        <translation>L&apos;URL de la commande curl à la %1 est en %2://, pas en http:// ni en https://.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The curl command&apos;s URL at %1 has the port %2, which does not exist: a port is a number from 1 to 65535.</source>
        <translation>L&apos;URL de la commande curl à la %1 a le port %2, qui n&apos;existe pas&#xa0;: un port est un nombre de 1 à 65535.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The curl command&apos;s URL at %1 has no host, or one with a space or a control character.</source>
        <translation>L&apos;URL de la commande curl à la %1 n&apos;a pas d&apos;hôte, ou en a un avec une espace ou un caractère de contrôle.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The method given with -X, &quot;%1&quot;, holds a space or a control character: a request line cannot carry it.</source>
        <translation>La méthode donnée avec -X, «&#xa0;%1&#xa0;», contient une espace ou un caractère de contrôle&#xa0;: une ligne de requête ne peut pas la porter.</translation>
    </message>
</context>
<context>
    <name>SocketLab::DatagramModel</name>
    <message>
        <location filename="../ui/udp/datagrammodel.cpp" line="+94"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+32"/>
        <source>Known when the exchange ends.</source>
        <translation>Connu à la fin de l&apos;échange.</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>The whole datagram fit in the receive buffer.</source>
        <translation>Le datagramme entier tenait dans le tampon de réception.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The datagram had %1; recvfrom() kept the first %2, the kernel dropped the rest (MSG_TRUNC).</source>
        <translation>Le datagramme faisait %1&#x202f;; recvfrom() n&apos;en a gardé que le début (%2), le noyau a jeté le reste (MSG_TRUNC).</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>#</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time (ms)</source>
        <translation>Temps (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From</source>
        <translation>Expéditeur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept</source>
        <translation>Conservés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Truncated</source>
        <translation>Tronqué</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When recvfrom() returned the datagram, since the exchange started</source>
        <translation>Quand recvfrom() a renvoyé le datagramme, depuis le début de l&apos;échange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sender&apos;s address and port, as recvfrom() gave them</source>
        <translation>L&apos;adresse et le port de l&apos;expéditeur, tels que recvfrom() les a donnés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The datagram&apos;s real size, even when the buffer was smaller</source>
        <translation>La taille réelle du datagramme, même quand le tampon était plus petit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes recvfrom() copied into the receive buffer</source>
        <translation>Les octets que recvfrom() a copiés dans le tampon de réception</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the datagram was larger than the receive buffer (MSG_TRUNC)</source>
        <translation>Si le datagramme dépassait le tampon de réception (MSG_TRUNC)</translation>
    </message>
</context>
<context>
    <name>SocketLab::DnsPanel</name>
    <message>
        <location filename="../ui/dns/dnspanel.cpp" line="+371"/>
        <source>Addresses of a name: getaddrinfo()</source>
        <translation>Adresses d&apos;un nom&#xa0;: getaddrinfo()</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Host:</source>
        <translation>Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>name or address; empty for NULL</source>
        <translation>nom ou adresse&#x202f;; vide pour NULL</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>H&amp;ost:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The node argument: a host name, an IPv4 or IPv6 address, or nothing (NULL). Press Enter to look it up.</source>
        <translation>L&apos;argument node&#xa0;: un nom d&apos;hôte, une adresse IPv4 ou IPv6, ou rien (NULL). Appuyez sur Entrée pour lancer la résolution.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Service:</source>
        <translation>&amp;Service&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Famil&amp;y:</source>
        <translation>Fa&amp;mille&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Socket &amp;type:</source>
        <translation>&amp;Type de socket&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protocole&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Loo&amp;k up</source>
        <translation>&amp;Résoudre</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Use th&amp;is address</source>
        <translation>Emplo&amp;yer cette adresse</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Address:</source>
        <translation>Adr&amp;esse&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Po&amp;rt:</source>
        <translation>P&amp;ort&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Look up &amp;name</source>
        <translation>Chercher le &amp;nom</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Service:</source>
        <translation>Service&#xa0;:</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>http or 80; empty for NULL</source>
        <translation>http ou 80&#x202f;; vide pour NULL</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The service argument: a port number or a service name from /etc/services, or nothing (NULL).</source>
        <translation>L&apos;argument service&#xa0;: un numéro de port ou un nom de service de /etc/services, ou rien (NULL).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ai_family: which address families to return.</source>
        <translation>ai_family&#xa0;: les familles d&apos;adresses à renvoyer.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>0 (any)</source>
        <translation>0 (tous)</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>ai_socktype: 0 returns a row for each socket type the service has.</source>
        <translation>ai_socktype&#xa0;: 0 renvoie une ligne par type de socket du service.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ai_protocol: 0 returns a row for each protocol of the socket type.</source>
        <translation>ai_protocol&#xa0;: 0 renvoie une ligne par protocole du type de socket.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags (ai_flags):</source>
        <translation>Indicateurs (ai_flags)&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call getaddrinfo() with this host, service, hints and flags.</source>
        <translation>Appeler getaddrinfo() avec cet hôte, ce service, ces indications et ces indicateurs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+28"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Drop the pending getaddrinfo(): its answer will not be shown.</source>
        <translation>Abandonner le getaddrinfo() en cours&#xa0;: sa réponse ne sera pas affichée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Table</source>
        <translation>Tableau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As Python prints it</source>
        <translation>Comme Python l&apos;affiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rows as Python&apos;s socket.getaddrinfo() returns them, one tuple per line.</source>
        <translation>Les lignes telles que socket.getaddrinfo() de Python les renvoie, un tuple par ligne.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows returned by getaddrinfo()</source>
        <translation>Lignes renvoyées par getaddrinfo()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows as Python prints them</source>
        <translation>Lignes telles que Python les affiche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The rows of the answer, as Python prints them.</source>
        <translation>Les lignes de la réponse, telles que Python les affiche.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy these lines to the clipboard.</source>
        <translation>Copier ces lignes dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected row&apos;s address, port and family into the connection form (double-clicking a row does the same).</source>
        <translation>Reporter l&apos;adresse, le port et la famille de la ligne choisie dans le formulaire de connexion (un double-clic sur une ligne fait de même).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome of getaddrinfo()</source>
        <translation>Résultat de getaddrinfo()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time taken by getaddrinfo()</source>
        <translation>Durée de getaddrinfo()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name of an address: getnameinfo()</source>
        <translation>Nom d&apos;une adresse&#xa0;: getnameinfo()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>127.0.0.1 or ::1</source>
        <translation>127.0.0.1 ou&#xa0;::1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A numeric IPv4 or IPv6 address. Press Enter to look up its name.</source>
        <translation>Une adresse IPv4 ou IPv6 numérique. Appuyez sur Entrée pour chercher son nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The port of the socket address, whose service name is looked up.</source>
        <translation>Le port de l&apos;adresse socket, dont on cherche le nom de service.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flags:</source>
        <translation>Indicateurs&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call getnameinfo() with this address, port and flags.</source>
        <translation>Appeler getnameinfo() avec cette adresse, ce port et ces indicateurs.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop the pending getnameinfo(): its answer will not be shown.</source>
        <translation>Abandonner le getnameinfo() en cours&#xa0;: sa réponse ne sera pas affichée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host found by getnameinfo()</source>
        <translation>Hôte trouvé par getnameinfo()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service found by getnameinfo()</source>
        <translation>Service trouvé par getnameinfo()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No name found: the host above is the address in numeric form.</source>
        <translation>Aucun nom trouvé&#xa0;: l&apos;hôte ci-dessus est l&apos;adresse sous forme numérique.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome of getnameinfo()</source>
        <translation>Résultat de getnameinfo()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time taken by getnameinfo()</source>
        <translation>Durée de getnameinfo()</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search the lookup history</source>
        <translation>Rechercher dans l’historique des résolutions</translation>
    </message>
    <message>
        <location line="-5"/>
        <location line="+1"/>
        <source>Lookup history</source>
        <translation>Historique des résolutions</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every lookup kept, newest first. Pick one to see its answer again; its menu looks it up again.</source>
        <translation>Chaque résolution conservée, la plus récente en tête. Choisissez-en une pour revoir sa réponse&#xa0;; son menu la relance.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Look up again</source>
        <translation>&amp;Relancer la résolution</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search: host, port, address, error…</source>
        <translation>Rechercher&#xa0;: hôte, port, adresse, erreur…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>With no host: the wildcard address (0.0.0.0, ::) to bind() a server to, instead of the loopback address.</source>
        <translation>Sans hôte&#xa0;: l&apos;adresse joker (0.0.0.0,&#xa0;::) à laquelle lier un serveur avec bind(), au lieu de l&apos;adresse de bouclage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the host&apos;s canonical name in the first row.</source>
        <translation>Mettre le nom canonique de l&apos;hôte dans la première ligne.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The host must be a numeric address: no name is looked up.</source>
        <translation>L&apos;hôte doit être une adresse numérique&#xa0;: aucun nom n&apos;est résolu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The service must be a port number: no service name is looked up.</source>
        <translation>Le service doit être un numéro de port&#xa0;: aucun nom de service n&apos;est cherché.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With family AF_INET6 and no IPv6 address: return the IPv4 addresses as IPv4-mapped IPv6 addresses (::ffff:a.b.c.d).</source>
        <translation>Avec la famille AF_INET6 et aucune adresse IPv6&#xa0;: renvoyer les adresses IPv4 sous forme d&apos;adresses IPv4 mappées en IPv6 (::ffff:a.b.c.d).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With AI_V4MAPPED: return the IPv6 addresses and the IPv4-mapped ones.</source>
        <translation>Avec AI_V4MAPPED&#xa0;: renvoyer les adresses IPv6 et les adresses IPv4 mappées en IPv6.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return only the families this machine has a non-loopback address for.</source>
        <translation>Ne renvoyer que les familles pour lesquelles cette machine a une adresse autre que de bouclage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Convert an international domain name to its ASCII form before looking it up.</source>
        <translation>Convertir un nom de domaine internationalisé en sa forme ASCII avant de le résoudre.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With AI_CANONNAME: convert the canonical name from its ASCII form back to Unicode.</source>
        <translation>Avec AI_CANONNAME&#xa0;: reconvertir le nom canonique de sa forme ASCII en Unicode.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Return the address in numeric form: no name is looked up.</source>
        <translation>Renvoyer l&apos;adresse sous forme numérique&#xa0;: aucun nom n&apos;est cherché.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Return the port as a number: no service name is looked up.</source>
        <translation>Renvoyer le port sous forme de nombre&#xa0;: aucun nom de service n&apos;est cherché.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a host of the local domain, return only the first part of its name.</source>
        <translation>Pour un hôte du domaine local, ne renvoyer que la première partie de son nom.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fail when no name is found, instead of returning the address in numeric form.</source>
        <translation>Échouer quand aucun nom n&apos;est trouvé, au lieu de renvoyer l&apos;adresse sous forme numérique.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Look up the service of a UDP port rather than a TCP one.</source>
        <translation>Chercher le service d&apos;un port UDP plutôt que TCP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Convert a name found in its ASCII form back to Unicode.</source>
        <translation>Reconvertir en Unicode un nom trouvé sous sa forme ASCII.</translation>
    </message>
    <message>
        <location line="+190"/>
        <location line="+39"/>
        <source>Looking up…</source>
        <translation>Résolution en cours…</translation>
    </message>
    <message>
        <location line="-36"/>
        <location line="+39"/>
        <source>Cancelled: the answer is dropped when it comes.</source>
        <translation>Annulé&#xa0;: la réponse sera ignorée à son arrivée.</translation>
    </message>
    <message>
        <location line="-34"/>
        <location line="+39"/>
        <source>Time taken: %1 ms</source>
        <translation>Durée&#xa0;: %1&#xa0;ms</translation>
    </message>
    <message numerus="yes">
        <location line="-32"/>
        <source>%n row(s), in the order getaddrinfo() returned them.</source>
        <translation>
            <numerusform>%n ligne, dans l&apos;ordre renvoyé par getaddrinfo().</numerusform>
            <numerusform>%n lignes, dans l&apos;ordre renvoyé par getaddrinfo().</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Type a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1.</source>
        <translation>Saisissez une adresse IPv4 ou IPv6 numérique, comme 127.0.0.1 ou&#xa0;::1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not a numeric IPv4 or IPv6 address: getnameinfo() takes an address, not a name.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas une adresse IPv4 ou IPv6 numérique&#xa0;: getnameinfo() prend une adresse, pas un nom.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ErrorText</name>
    <message>
        <location filename="../core/text/errortext.cpp" line="+19"/>
        <source>Connection refused</source>
        <translation>Connexion refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection reset by the peer</source>
        <translation>Connexion réinitialisée par l&apos;hôte distant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection aborted on this machine</source>
        <translation>Connexion abandonnée sur cette machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out</source>
        <translation>Délai dépassé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No route to the host</source>
        <translation>Aucune route vers l&apos;hôte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host is down</source>
        <translation>L&apos;hôte est hors service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network is unreachable</source>
        <translation>Le réseau est inaccessible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The network is down</source>
        <translation>Le réseau est hors service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address already in use</source>
        <translation>Adresse déjà utilisée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address not available on this machine</source>
        <translation>Adresse non disponible sur cette machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission denied</source>
        <translation>Permission refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation not permitted</source>
        <translation>Opération non permise</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing to a connection the peer has closed</source>
        <translation>Écriture sur une connexion que l&apos;hôte distant a fermée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending after the socket was shut down</source>
        <translation>Envoi sur un socket déjà fermé en écriture (shutdown)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The socket is not connected</source>
        <translation>Le socket n&apos;est pas connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The socket is already connected</source>
        <translation>Le socket est déjà connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No destination address given</source>
        <translation>Aucune adresse de destination donnée</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+39"/>
        <source>Address family not supported</source>
        <translation>Famille d&apos;adresses non prise en charge</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>Protocol not supported</source>
        <translation>Protocole non pris en charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket option not supported by the protocol</source>
        <translation>Option de socket non prise en charge par le protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation not supported on this socket</source>
        <translation>Opération non prise en charge sur ce socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a socket</source>
        <translation>Ce n&apos;est pas un socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol error</source>
        <translation>Erreur de protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message too long for the socket</source>
        <translation>Message trop long pour le socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No buffer space left in the kernel</source>
        <translation>Plus de place dans les tampons du noyau</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+34"/>
        <source>Out of memory</source>
        <translation>Mémoire insuffisante</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Too many open files in this program</source>
        <translation>Trop de fichiers ouverts dans ce programme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too many open files on this machine</source>
        <translation>Trop de fichiers ouverts sur cette machine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Operation still in progress</source>
        <translation>Opération toujours en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A previous operation is still in progress</source>
        <translation>Une opération précédente est toujours en cours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid argument</source>
        <translation>Argument invalide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bad file descriptor</source>
        <translation>Descripteur de fichier invalide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing ready yet; try again</source>
        <translation>Rien n&apos;est encore prêt&#x202f;; réessayez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interrupted by a signal</source>
        <translation>Interrompu par un signal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No such file or directory</source>
        <translation>Fichier ou dossier introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A part of the path is not a directory</source>
        <translation>Une partie du chemin n&apos;est pas un dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is a directory</source>
        <translation>C&apos;est un dossier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file already exists</source>
        <translation>Le fichier existe déjà</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File name too long</source>
        <translation>Nom de fichier trop long</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No space left on the device</source>
        <translation>Plus d&apos;espace libre sur le périphérique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disk quota exceeded</source>
        <translation>Quota de disque dépassé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File too large</source>
        <translation>Fichier trop volumineux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read-only file system</source>
        <translation>Système de fichiers en lecture seule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input/output error</source>
        <translation>Erreur d&apos;entrée-sortie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>System error %1</source>
        <translation>Erreur système %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name or service not known</source>
        <translation>Nom d&apos;hôte ou de service inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name server did not answer in time; try again</source>
        <translation>Le serveur de noms n&apos;a pas répondu à temps&#x202f;; réessayez</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name server failed for good</source>
        <translation>Échec définitif du serveur de noms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These flags cannot be used together here</source>
        <translation>Ces indicateurs ne peuvent pas être utilisés ensemble ici</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Socket type not supported</source>
        <translation>Type de socket non pris en charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Service not available for this socket type</source>
        <translation>Service non disponible pour ce type de socket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System error</source>
        <translation>Erreur système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The answer does not fit in the buffer</source>
        <translation>La réponse ne tient pas dans le tampon</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name exists but has no address</source>
        <translation>Le nom existe mais n&apos;a aucune adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name has no address in this family</source>
        <translation>Le nom n&apos;a aucune adresse dans cette famille</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lookup is still in progress</source>
        <translation>La résolution est toujours en cours</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lookup was cancelled</source>
        <translation>La résolution a été annulée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lookup could not be cancelled</source>
        <translation>La résolution n&apos;a pas pu être annulée</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No lookup left to cancel</source>
        <translation>Aucune résolution à annuler</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The lookup was interrupted by a signal</source>
        <translation>La résolution a été interrompue par un signal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name cannot be encoded as an international domain name</source>
        <translation>Le nom ne peut pas être encodé en nom de domaine internationalisé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name resolution error %1</source>
        <translation>Erreur de résolution de noms %1</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>a broadcast address</source>
        <translation>une adresse de diffusion</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the interface %1</source>
        <translation>l’interface %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>This socket is already a member of %1 (%2) during %3.</source>
        <translation>Ce socket est déjà membre de %1 (%2) lors de %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No interface can join %1, as the interface is unknown, down, or has no address of the group&apos;s family (%2) during %3.</source>
        <translation>Aucune interface ne peut rejoindre %1, car l’interface est inconnue, désactivée, ou sans adresse de la famille du groupe (%2) lors de %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The system refused %1 as a group, which is not a multicast address or not of the socket&apos;s family (%2) during %3.</source>
        <translation>Le système a refusé %1 comme groupe, qui n’est pas une adresse multicast ou pas de la famille du socket (%2) lors de %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not join %1, as this socket has joined as many groups as the system allows (net.ipv4.igmp_max_memberships, %2) during %3.</source>
        <translation>Impossible de rejoindre %1, car ce socket a rejoint autant de groupes que le système le permet (net.ipv4.igmp_max_memberships, %2) lors de %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This socket is not a member of %1 (%2) during %3.</source>
        <translation>Ce socket n’est pas membre de %1 (%2) lors de %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multicast cannot be sent through %1, which is unknown or has no address of the socket&apos;s family (%2) during %3.</source>
        <translation>Le multicast ne peut pas être envoyé par %1, inconnue ou sans adresse de la famille du socket (%2) lors de %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2) during %3.</source>
        <translation>%1 (%2) lors de %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2) during %3 for %4.</source>
        <translation>%1 (%2) lors de %3 pour %4.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 (%2) during %3()</source>
        <translation>%1 (%2) lors de %3()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) during %3().</source>
        <translation>%1 (%2) lors de %3().</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>connection refused by %1 (%2) during %3()</source>
        <translation>connexion refusée par %1 (%2) lors de %3()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection refused by %1 (%2) during %3().</source>
        <translation>Connexion refusée par %1 (%2) lors de %3().</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connection reset by %1 (%2) during %3()</source>
        <translation>connexion réinitialisée par %1 (%2) lors de %3()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection reset by %1 (%2) during %3().</source>
        <translation>Connexion réinitialisée par %1 (%2) lors de %3().</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the local address %1 is not of the family of any of the target&apos;s addresses (%2) for %3()</source>
        <translation>l&apos;adresse locale %1 n&apos;est de la famille d&apos;aucune des adresses de la cible (%2) pour %3()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The local address %1 is not of the family of any of the target&apos;s addresses (%2) for %3().</source>
        <translation>L&apos;adresse locale %1 n&apos;est de la famille d&apos;aucune des adresses de la cible (%2) pour %3().</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 (%2) during %3() on %4</source>
        <translation>%1 (%2) lors de %3() sur %4</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2) during %3() on %4.</source>
        <translation>%1 (%2) lors de %3() sur %4.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+103"/>
        <source>%1 (%2) in %3()</source>
        <translation>%1 (%2) dans %3()</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>Name resolution failed: %1 (%2) in %3().</source>
        <translation>Échec de la résolution de noms&#xa0;: %1 (%2) dans %3().</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 for %2 (%3) in %4()</source>
        <translation>%1 pour %2 (%3) dans %4()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not find a name for %1: %2 (%3) in %4().</source>
        <translation>Aucun nom trouvé pour %1&#xa0;: %2 (%3) dans %4().</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 for &quot;%2&quot; (%3) in %4()</source>
        <translation>%1 pour «&#xa0;%2&#xa0;» (%3) dans %4()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not resolve &quot;%1&quot;: %2 (%3) in %4().</source>
        <translation>Impossible de résoudre «&#xa0;%1&#xa0;»&#xa0;: %2 (%3) dans %4().</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>timed out (%1) during %2()</source>
        <translation>délai dépassé (%1) lors de %2()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out (%1) during %2().</source>
        <translation>Délai dépassé (%1) lors de %2().</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>timed out (%1) during %2() on %3</source>
        <translation>délai dépassé (%1) lors de %2() sur %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out (%1) during %2() on %3.</source>
        <translation>Délai dépassé (%1) lors de %2() sur %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cancelled (%1).</source>
        <translation>Annulé (%1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled (%1)</source>
        <translation>annulé (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled (%1) on %2.</source>
        <translation>Annulé (%1) sur %2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled (%1) on %2</source>
        <translation>annulé (%1) sur %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled (%1) during %2().</source>
        <translation>Annulé (%1) lors de %2().</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cancelled (%1) during %2()</source>
        <translation>annulé (%1) lors de %2()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled (%1) during %2() on %3</source>
        <translation>annulé (%1) lors de %2() sur %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled (%1) during %2() on %3.</source>
        <translation>Annulé (%1) lors de %2() sur %3.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a reply that breaks its protocol (%1), seen in %2()</source>
        <translation>une réponse non conforme à son protocole (%1), détectée dans %2()</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reply breaks its protocol (%1), seen in %2().</source>
        <translation>La réponse n&apos;est pas conforme à son protocole (%1), ce que %2() a montré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>a reply that breaks the HTTP framing at byte %1 (%2), seen in %3()</source>
        <translation>une réponse qui rompt la délimitation HTTP à l&apos;octet %1 (%2), détectée dans %3()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply breaks the HTTP framing at byte %1 (%2), seen in %3(); the HTTP tab says how.</source>
        <translation>La réponse rompt la délimitation HTTP à l&apos;octet %1 (%2), ce que %3() a montré&#x202f;; l&apos;onglet HTTP dit comment.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 writing the reply (%2) in %3()</source>
        <translation>%1 en écrivant la réponse (%2) dans %3()</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the peer</source>
        <translation>le pair</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 does not speak TLS: what it sent is not a TLS record (a plain-text client?)</source>
        <translation>%1 ne parle pas TLS&#xa0;: ce qu&apos;il a envoyé n&apos;est pas un enregistrement TLS (un client en clair&#xa0;?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 does not answer in TLS: what it sent is not a TLS record (a plain-text server?)</source>
        <translation>%1 ne répond pas en TLS&#xa0;: ce qu&apos;il a envoyé n&apos;est pas un enregistrement TLS (un serveur en clair&#xa0;?)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 and SocketLab have no TLS version in common</source>
        <translation>%1 et SocketLab n&apos;ont aucune version de TLS en commun</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 refused the TLS handshake: no cipher suite or parameter in common</source>
        <translation>%1 a refusé la négociation TLS&#xa0;: aucune suite de chiffrement ni aucun paramètre en commun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 accepts none of the application protocols offered (ALPN)</source>
        <translation>%1 n&apos;accepte aucun des protocoles d&apos;application proposés (ALPN)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 closed the connection in the middle of the TLS handshake</source>
        <translation>%1 a fermé la connexion au milieu de la négociation TLS</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 refused the TLS handshake with an alert about certificates</source>
        <translation>%1 a refusé la négociation TLS par une alerte sur les certificats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>could not use the certificate file %1</source>
        <translation>impossible d&apos;utiliser le fichier de certificat %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the TLS connection with %1 failed</source>
        <translation>la connexion TLS avec %1 a échoué</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2) in %3().</source>
        <translation>%1 (%2) dans %3().</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the certificate of %1 was refused (%2)</source>
        <translation>le certificat de %1 a été refusé (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The certificate of %1 was refused (%2): no byte of the request was sent.</source>
        <translation>Le certificat de %1 a été refusé (%2)&#xa0;: aucun octet de la requête n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no error</source>
        <translation>aucune erreur</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Could not write the reply: %1 (%2) in %3().</source>
        <translation>Impossible d&apos;écrire la réponse&#xa0;: %1 (%2) dans %3().</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>sending to %1 refused (%2) during %3(), as a broadcast address takes SO_BROADCAST, which &quot;broadcast&quot; turns on in the UDP form&apos;s socket options (--broadcast or --sockopt broadcast=1 in socketlab-cli)</source>
        <translation>envoi vers %1 refusé (%2) lors de %3(), car une adresse de diffusion demande SO_BROADCAST, qu’active «&#xa0;broadcast&#xa0;» dans les options du socket du formulaire UDP (--broadcast ou --sockopt broadcast=1 dans socketlab-cli)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sending to %1 was refused (%2) during %3(): a socket sends to a broadcast address only with SO_BROADCAST on. Tick &quot;broadcast&quot; in the UDP form&apos;s socket options (--broadcast or --sockopt broadcast=1 in socketlab-cli).</source>
        <translation>L’envoi vers %1 a été refusé (%2) lors de %3()&#xa0;: un socket n’envoie vers une adresse de diffusion qu’avec SO_BROADCAST activé. Cochez «&#xa0;broadcast&#xa0;» dans les options du socket du formulaire UDP (--broadcast ou --sockopt broadcast=1 dans socketlab-cli).</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>the bytes waiting to be sent to %1 have reached their limit; no more are queued (%2) during %3()</source>
        <translation>les octets en attente d&apos;envoi vers %1 ont atteint leur limite&#x202f;; aucun autre n&apos;est mis en attente (%2) lors de %3()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bytes waiting to be sent to %1 have reached their limit; no more are queued (%2) during %3().</source>
        <translation>Les octets en attente d&apos;envoi vers %1 ont atteint leur limite&#x202f;; aucun autre n&apos;est mis en attente (%2) lors de %3().</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>%1 writing the reply to %2 (%3) in %4()</source>
        <translation>%1 en écrivant la réponse dans %2 (%3) lors de %4()</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not write the reply to %1: %2 (%3) in %4().</source>
        <translation>Impossible d&apos;écrire la réponse dans %1&#xa0;: %2 (%3) dans %4().</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>No error.</source>
        <translation>Aucune erreur.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ExchangeReport</name>
    <message>
        <location filename="../core/text/exchangereport.cpp" line="+82"/>
        <source>IPv4 or IPv6</source>
        <translation>IPv4 ou IPv6</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>SocketLab report: %1</source>
        <translation>Rapport SocketLab&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target: %1 port %2 (%3)</source>
        <translation>Cible&#xa0;: %1 port %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started: %1</source>
        <translation>Début&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection:</source>
        <translation>Connexion&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+86"/>
        <location line="+42"/>
        <source>%1 resolves to %2</source>
        <translation>%1 se résout en %2</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>connect() to %1 failed after %2 ms: %3</source>
        <translation>connect() vers %1 a échoué après %2&#xa0;ms&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connected to %1 from %2 in %3 ms</source>
        <translation>Connecté à %1 depuis %2 en %3&#xa0;ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No address was tried.</source>
        <translation>Aucune adresse n’a été essayée.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2 ms</source>
        <translation>%1 %2&#xa0;ms</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connected</source>
        <translation>connecté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>first byte</source>
        <translation>premier octet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Timings: %1</source>
        <translation>Durées&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+120"/>
        <source>(nothing)</source>
        <translation>(rien)</translation>
    </message>
    <message>
        <location line="-113"/>
        <source>Socket calls:</source>
        <translation>Appels de socket&#xa0;:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>… %1 left out …</source>
        <translation>… %1 omis …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TCP exchange over TLS</source>
        <translation>échange TCP sous TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TCP exchange</source>
        <translation>échange TCP</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+23"/>
        <location line="+40"/>
        <source>Stop: %1</source>
        <translation>Arrêt&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+23"/>
        <location line="+40"/>
        <source>Error: %1</source>
        <translation>Erreur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+23"/>
        <source>Request (%1 sent):</source>
        <translation>Requête (%1 envoyés)&#xa0;:</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>UDP exchange</source>
        <translation>échange UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datagrams:</source>
        <translation>Datagrammes&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent to %1 from %2</source>
        <translation>Envoyé à %1 depuis %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Datagram %1 from %2: %3 at %4 ms</source>
        <translation>Datagramme %1 de %2&#xa0;: %3 à %4&#xa0;ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>(truncated: %1 kept)</source>
        <translation>(tronqué&#xa0;: %1 gardés)</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Reply (%1 in %Ln datagram(s)):</source>
        <translation>
            <numerusform>Réponse (%1 en %Ln datagramme)&#xa0;:</numerusform>
            <numerusform>Réponse (%1 en %Ln datagrammes)&#xa0;:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Reply (%1 in %Ln recv() call(s)):</source>
        <translation>
            <numerusform>Réponse (%1 en %Ln appel à recv())&#xa0;:</numerusform>
            <numerusform>Réponse (%1 en %Ln appels à recv())&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>UDP conversation</source>
        <translation>conversation UDP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TCP conversation over TLS</source>
        <translation>conversation TCP sous TLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TCP conversation</source>
        <translation>conversation TCP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Socket:</source>
        <translation>Socket&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sends to %1 from %2</source>
        <translation>Envoie à %1 depuis %2</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Sent %1 in %Ln message(s)</source>
        <translation>
            <numerusform>Envoyé %1 en %Ln message</numerusform>
            <numerusform>Envoyé %1 en %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Received %1 in %Ln message(s)</source>
        <translation>
            <numerusform>Reçu %1 en %Ln message</numerusform>
            <numerusform>Reçu %1 en %Ln messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln message(s) past what the conversation kept are not in this report.</source>
        <translation>
            <numerusform>%Ln message au-delà de ce que la conversation a gardé n’est pas dans ce rapport.</numerusform>
            <numerusform>%Ln messages au-delà de ce que la conversation a gardé ne sont pas dans ce rapport.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Messages:</source>
        <translation>Messages&#xa0;:</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>… %Ln message(s) left out …</source>
        <translation>
            <numerusform>… %Ln message omis …</numerusform>
            <numerusform>… %Ln messages omis …</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 ms  sent %2</source>
        <translation>%1&#xa0;ms  envoyé %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ms  received %2</source>
        <translation>%1&#xa0;ms  reçu %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to %1</source>
        <translation>à %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from %1</source>
        <translation>de %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::ExchangeStore</name>
    <message>
        <location filename="../ui/history/exchangestore.cpp" line="+84"/>
        <source>The exchange could not be kept in the history: %1</source>
        <translation>L’échange n’a pas pu être conservé dans l’historique&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::Exporter</name>
    <message>
        <location filename="../ui/export/exporter.cpp" line="+109"/>
        <source>Export as pcapng</source>
        <translation>Exporter en pcapng</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the report</source>
        <translation>Enregistrer le rapport</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The capture was not written to %1: %2.</source>
        <translation>La capture n’a pas été écrite dans %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The report was not written to %1: %2.</source>
        <translation>Le rapport n’a pas été écrit dans %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Capture written to %1 (%2).</source>
        <translation>Capture écrite dans %1 (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Report written to %1 (%2).</source>
        <translation>Rapport écrit dans %1 (%2).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Report copied (%n line(s)).</source>
        <translation>
            <numerusform>Rapport copié (%n ligne).</numerusform>
            <numerusform>Rapport copié (%n lignes).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::FramingText</name>
    <message>
        <location filename="../core/text/framingtext.cpp" line="+34"/>
        <source>%1 (0x%2)</source>
        <translation>%1 (0x%2)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Chunk %1: size line “%2”, not a size.</source>
        <translation>Bloc %1&#xa0;: ligne de taille «&#xa0;%2&#xa0;», qui n&apos;est pas une taille.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chunk %1: size line “%2”, 0x%2 = %3.</source>
        <translation>Bloc %1&#xa0;: ligne de taille «&#xa0;%2&#xa0;», 0x%2 = %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Extensions “%1”, which only name things: they change no size.</source>
        <translation>Extensions «&#xa0;%1&#xa0;», qui ne font que nommer des choses&#xa0;: elles ne changent aucune taille.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its data: offsets %1 to %2.</source>
        <translation>Ses données&#xa0;: positions %1 à %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only %1 of it came.</source>
        <translation>Seuls %1 en sont arrivés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None of its data came.</source>
        <translation>Aucune de ses données n&apos;est arrivée.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have gone on waiting after the reply&apos;s end, up to %1 s: the Keep-Alive timeout the server announced (“%2”). It still had not closed %3 ms after the end, when reading stopped.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) aurait continué d&apos;attendre après la fin de la réponse, jusqu&apos;à %1&#xa0;s&#xa0;: le délai Keep-Alive annoncé par le serveur («&#xa0;%2&#xa0;»). Il n&apos;avait toujours pas fermé %3&#xa0;ms après la fin, quand la lecture s&apos;est arrêtée.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have gone on waiting after the reply&apos;s end, up to %1 s: the Keep-Alive timeout the server announced (“%2”).</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) aurait continué d&apos;attendre après la fin de la réponse, jusqu&apos;à %1&#xa0;s&#xa0;: le délai Keep-Alive annoncé par le serveur («&#xa0;%2&#xa0;»).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have gone on waiting after the reply&apos;s end, until the server&apos;s idle timeout, which it did not announce: it still had not closed %1 ms after the end, when reading stopped.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) aurait continué d&apos;attendre après la fin de la réponse, jusqu&apos;au délai d&apos;inactivité du serveur, qu&apos;il n&apos;a pas annoncé&#xa0;: il n&apos;avait toujours pas fermé %1&#xa0;ms après la fin, quand la lecture s&apos;est arrêtée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have gone on waiting after the reply&apos;s end, until the server&apos;s idle timeout, which it did not announce.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) aurait continué d&apos;attendre après la fin de la réponse, jusqu&apos;au délai d&apos;inactivité du serveur, qu&apos;il n&apos;a pas annoncé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The reply does not start with a status line such as “HTTP/1.1 200 OK”: nothing in it says where it ends, so the stop rule alone decided.</source>
        <translation>La réponse ne commence pas par une ligne de statut comme «&#xa0;HTTP/1.1 200 OK&#xa0;»&#xa0;: rien en elle ne dit où elle finit, et la règle d&apos;arrêt seule a décidé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status line “%1”: status %2.</source>
        <translation>Ligne de statut «&#xa0;%1&#xa0;»&#xa0;: statut %2.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n interim response(s) (1xx) came first: they have no body, and the final response&apos;s headers decide.</source>
        <translation>
            <numerusform>%n réponse intermédiaire (1xx) est arrivée d&apos;abord&#xa0;: elle n&apos;a pas de corps, et les en-têtes de la réponse finale décident.</numerusform>
            <numerusform>%n réponses intermédiaires (1xx) sont arrivées d&apos;abord&#xa0;: elles n&apos;ont pas de corps, et les en-têtes de la réponse finale décident.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” decided the length: the body is the %2 after the blank line.</source>
        <translation>«&#xa0;%1&#xa0;» a décidé de la longueur&#xa0;: le corps, ce sont les %2 après la ligne vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” decided the framing: the body comes in chunks, each after a line giving its size in hexadecimal, until a chunk of size 0.</source>
        <translation>«&#xa0;%1&#xa0;» a décidé de la délimitation&#xa0;: le corps arrive en blocs, chacun après une ligne donnant sa taille en hexadécimal, jusqu&apos;à un bloc de taille 0.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is ignored: with chunked, the chunks decide where the body ends (RFC 9112 section 6.3).</source>
        <translation>«&#xa0;%1&#xa0;» est ignoré&#xa0;: avec chunked, ce sont les blocs qui décident où finit le corps (RFC 9112 section 6.3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” does not end with chunked: the body runs until the server closes the connection.</source>
        <translation>«&#xa0;%1&#xa0;» ne se termine pas par chunked&#xa0;: le corps va jusqu&apos;à ce que le serveur ferme la connexion.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Neither Content-Length nor Transfer-Encoding: the body runs until the server closes the connection.</source>
        <translation>Ni Content-Length ni Transfer-Encoding&#xa0;: le corps va jusqu&apos;à ce que le serveur ferme la connexion.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request was HEAD: the reply has no body whatever its headers say, and ends with its blank line.</source>
        <translation>La requête était un HEAD&#xa0;: la réponse n&apos;a pas de corps, quoi que disent ses en-têtes, et finit avec sa ligne vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status %1 never has a body: the reply ends with its blank line.</source>
        <translation>Le statut %1 n&apos;a jamais de corps&#xa0;: la réponse finit avec sa ligne vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status %1: the HTTP reply ends with its headers; what follows would belong to the new protocol or the tunnel, and nothing did.</source>
        <translation>Statut %1&#xa0;: la réponse HTTP finit avec ses en-têtes&#x202f;; ce qui suit appartiendrait au nouveau protocole ou au tunnel, et rien n&apos;a suivi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status %1: the HTTP reply ends with its headers; the %2 after them belong to the new protocol or the tunnel.</source>
        <translation>Statut %1&#xa0;: la réponse HTTP finit avec ses en-têtes&#x202f;; les %2 qui suivent appartiennent au nouveau protocole ou au tunnel.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The blank line at offset %1 ends the headers.</source>
        <translation>La ligne vide à la position %1 termine les en-têtes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The body: %1, offsets %2 to %3.</source>
        <translation>Le corps&#xa0;: %1, positions %2 à %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chunk %1: size line “%2”, size 0: the last chunk, the body is complete.</source>
        <translation>Bloc %1&#xa0;: ligne de taille «&#xa0;%2&#xa0;», taille 0&#xa0;: c&apos;est le dernier bloc, le corps est complet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Extensions “%1”.</source>
        <translation>Extensions «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The blank line after the last chunk (and its trailers) ends the message.</source>
        <translation>La ligne vide après le dernier bloc (et ses en-têtes finaux) termine le message.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trailer “%1”, a header sent after the body.</source>
        <translation>En-tête final (trailer) «&#xa0;%1&#xa0;», envoyé après le corps.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>… and %n more chunk(s), not listed here.</source>
        <translation>
            <numerusform>… et %n autre bloc, non listé ici.</numerusform>
            <numerusform>… et %n autres blocs, non listés ici.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The parse kept where each chunk lies for the first %1 only; the rest are counted from its state.</source>
        <translation>L’analyse n’a gardé l’emplacement des blocs que pour les %1 premiers&#xa0;; les autres sont comptés d’après son état.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The message ends after %2, at offset %1, in %4 #%3.</source>
        <extracomment>%4: the C call, recv or SSL_read</extracomment>
        <translation>Le message finit après %2, à la position %1, dans le %4 n°&#xa0;%3.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 arrived after the end, in %4 #%2 to #%3: they are not part of this reply.</source>
        <extracomment>%4: the C call, recv or SSL_read</extracomment>
        <translation>%1 sont arrivés après la fin, dans les %4 n°&#xa0;%2 à n°&#xa0;%3&#xa0;: ils ne font pas partie de cette réponse.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 arrived after the end, in %3 #%2: they are not part of this reply.</source>
        <extracomment>%3: the C call, recv or SSL_read</extracomment>
        <translation>%1 sont arrivés après la fin, dans le %3 n°&#xa0;%2&#xa0;: ils ne font pas partie de cette réponse.</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Then %1 returned 0: the server closed the connection.</source>
        <extracomment>%1: the C call, recv() or SSL_read()</extracomment>
        <translation>Puis %1 a renvoyé 0 : le serveur a fermé la connexion.</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>The message ends after %2, at offset %1.</source>
        <translation>Le message finit après %2, à la position %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The message did not end: %1 of it were still awaited at offset %2, when reading stopped.</source>
        <translation>Le message n&apos;a pas fini&#xa0;: il en manquait encore %1 à la position %2, quand la lecture s&apos;est arrêtée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message did not end: reading stopped at offset %1, before its framing said it was complete.</source>
        <translation>Le message n&apos;a pas fini&#xa0;: la lecture s&apos;est arrêtée à la position %1, avant que sa délimitation ne le dise complet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reply breaks HTTP framing at offset %1: the parser stopped there, and nothing after it says where the reply ends.</source>
        <translation>La réponse enfreint la délimitation HTTP à la position %1&#xa0;: l&apos;analyseur s&apos;est arrêté là, et rien ensuite ne dit où finit la réponse.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing arrived after the end.</source>
        <translation>Rien n&apos;est arrivé après la fin.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have stopped at the same place: the server closed the connection %1 ms after the first byte, after %2.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) se serait arrêtée au même endroit&#xa0;: le serveur a fermé la connexion %1&#xa0;ms après le premier octet, après %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have stopped at the same place: the server closed the connection after %1.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) se serait arrêtée au même endroit&#xa0;: le serveur a fermé la connexion après %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have ended when the server closed the connection, as an HTTP/1.0 server does after its reply.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) se serait terminée quand le serveur a fermé la connexion, comme le fait un serveur HTTP/1.0 après sa réponse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have ended when the server closed the connection, as “%1” announced.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) se serait terminée quand le serveur a fermé la connexion, comme l&apos;annonçait «&#xa0;%1&#xa0;».</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have gone on waiting: the server still had not closed %1 ms after the last byte, when reading stopped.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) aurait continué d&apos;attendre&#xa0;: le serveur n&apos;avait toujours pas fermé %1&#xa0;ms après le dernier octet, quand la lecture s&apos;est arrêtée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The notebook&apos;s loop (recv() until it returns b&apos;&apos;) would have waited until the server closed the connection.</source>
        <translation>La boucle du notebook (recv() jusqu&apos;à ce qu&apos;il renvoie b&apos;&apos;) aurait attendu que le serveur ferme la connexion.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>%1 #%2: %3, offsets %4 to %5</source>
        <translation>%1 n°&#xa0;%2&#xa0;: %3, positions %4 à %5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, +%2 ms after the first byte (+%3 ms after the send)</source>
        <translation>%1, +%2&#xa0;ms après le premier octet (+%3&#xa0;ms après l&apos;envoi)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, +%2 ms after the first byte</source>
        <translation>%1, +%2&#xa0;ms après le premier octet</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 received so far.</source>
        <translation>%1 reçus jusqu&apos;ici.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The server closed before the message&apos;s end: the reply is cut short.</source>
        <translation>Le serveur a fermé avant la fin du message&#xa0;: la réponse est tronquée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The parser refused the reply here: it breaks HTTP framing.</source>
        <translation>L&apos;analyseur a refusé la réponse ici&#xa0;: elle enfreint la délimitation HTTP.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Complete at offset %1, and %2 after the end.</source>
        <translation>Complet à la position %1, et %2 après la fin.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Complete: the message ends at offset %1.</source>
        <translation>Complet&#xa0;: le message finit à la position %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>That ends the body: the message is complete (%1).</source>
        <translation>Cela termine le corps&#xa0;: le message est complet (%1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Status line incomplete.</source>
        <translation>Ligne de statut incomplète.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Headers: %n read, the blank line that ends them not yet.</source>
        <translation>
            <numerusform>En-têtes&#xa0;: %n lu, la ligne vide qui les termine pas encore.</numerusform>
            <numerusform>En-têtes&#xa0;: %n lus, la ligne vide qui les termine pas encore.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body: %1 of %2.</source>
        <translation>Corps&#xa0;: %1 sur %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body: %1 so far, until the server closes.</source>
        <translation>Corps&#xa0;: %1 jusqu&apos;ici, jusqu&apos;à ce que le serveur ferme.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Headers complete (%n read), the body chunked: the first chunk&apos;s size line has not come whole.</source>
        <translation>
            <numerusform>En-têtes complets (%n lu), le corps en blocs&#xa0;: la ligne de taille du premier bloc n&apos;est pas arrivée entière.</numerusform>
            <numerusform>En-têtes complets (%n lus), le corps en blocs&#xa0;: la ligne de taille du premier bloc n&apos;est pas arrivée entière.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chunk %1: its size line has not come whole.</source>
        <translation>Bloc %1&#xa0;: sa ligne de taille n&apos;est pas arrivée entière.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chunk %1 (size 0x%2 = %3): %4 of %5.</source>
        <translation>Bloc %1 (taille 0x%2 = %3)&#xa0;: %4 sur %5.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chunk %1 (size 0x%2 = %3): data complete, its CRLF not yet.</source>
        <translation>Bloc %1 (taille 0x%2 = %3)&#xa0;: données complètes, son CRLF pas encore.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Last chunk read: trailers, %n line(s) so far, and the final blank line not yet.</source>
        <translation>
            <numerusform>Dernier bloc lu&#xa0;: en-têtes finaux, %n ligne jusqu&apos;ici, et la ligne vide finale pas encore.</numerusform>
            <numerusform>Dernier bloc lu&#xa0;: en-têtes finaux, %n lignes jusqu&apos;ici, et la ligne vide finale pas encore.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::FramingView</name>
    <message>
        <location filename="../ui/reply/framingview.cpp" line="+130"/>
        <source>Click to select these bytes in the hex view</source>
        <translation>Cliquer pour sélectionner ces octets dans la vue hexadécimale</translation>
    </message>
</context>
<context>
    <name>SocketLab::HexView</name>
    <message>
        <location filename="../ui/reply/hexview.cpp" line="+78"/>
        <source>Reply bytes in hexadecimal</source>
        <translation>Octets de la réponse en hexadécimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offset, a row of bytes in hexadecimal, and the same bytes as ASCII, one row at a time</source>
        <translation>Position, une ligne d&apos;octets en hexadécimal, puis les mêmes octets en ASCII, ligne par ligne</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>recv</source>
        <translation>recv</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%1 #%2: %Ln byte(s) at %3 ms, offset 0x%4</source>
        <translation>
            <numerusform>%1 n° %2&#xa0;: %Ln octet à %3&#xa0;ms, position 0x%4</numerusform>
            <numerusform>%1 n° %2&#xa0;: %Ln octets à %3&#xa0;ms, position 0x%4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+49"/>
        <source>&amp;Bytes per Row</source>
        <translation>&amp;Octets par ligne</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>As Many as &amp;Fit</source>
        <translation>Autant que la &amp;largeur le permet</translation>
    </message>
</context>
<context>
    <name>SocketLab::HistoryPage</name>
    <message>
        <location filename="../ui/settings/historypage.cpp" line="+101"/>
        <source>The exchanges, look-ups and conversations are kept between runs. Each kind keeps at most these entries and megabytes: past them, the oldest go with their files.</source>
        <translation>Les échanges, les résolutions et les conversations sont conservés d’une session à l’autre. Chaque type garde au plus ces entrées et ces mégaoctets&#xa0;: au-delà, les plus anciennes partent avec leurs fichiers.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Entries kept (each kind):</source>
        <translation>&amp;Entrées conservées (par type)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Megabytes kept (each kind):</source>
        <translation>&amp;Mégaoctets conservés (par type)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies &amp;inside the entry up to:</source>
        <translation>Réponses &amp;incluses dans l’entrée jusqu’à&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>Dossier&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none kept</source>
        <translation>aucune conservée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MiB</source>
        <translation>&#xa0;Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> KiB</source>
        <translation>&#xa0;Kio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear &amp;history…</source>
        <translation>Effacer l’&amp;historique…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A larger reply goes to a file of its own beside its entry, read only when it is shown</source>
        <translation>Une réponse plus grande va dans un fichier à part, à côté de son entrée, lu seulement quand elle est affichée</translation>
    </message>
</context>
<context>
    <name>SocketLab::HistoryPanel</name>
    <message>
        <location filename="../ui/history/historypanel.cpp" line="+204"/>
        <source>Exchange history</source>
        <translation>Historique des échanges</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The exchanges kept, newest first. Pick one to see its request, target and reply; double-click it to load it into the form.</source>
        <translation>Les échanges conservés, le plus récent en tête. Choisissez-en un pour voir sa requête, sa cible et sa réponse&#xa0;; double-cliquez pour le charger dans le formulaire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search: host, port, status, error, request or reply text…</source>
        <translation>Rechercher&#xa0;: hôte, port, statut, erreur, texte de la requête ou de la réponse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search the history</source>
        <translation>Rechercher dans l’historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the exchanges whose host, port, HTTP status, error name, request or reply (its first MiB) holds this text, whatever the case</source>
        <translation>Montre les échanges dont l’hôte, le port, le statut HTTP, le nom d’erreur, la requête ou la réponse (son premier&#xa0;Mio) contient ce texte, sans tenir compte de la casse</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request of the exchange</source>
        <translation>Requête de l&apos;échange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target of the exchange</source>
        <translation>Cible de l&apos;échange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load into the form</source>
        <translation>Charger dans le formulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put this target and request in the form, to edit them and send again (Return)</source>
        <translation>Mettre cette cible et cette requête dans le formulaire, pour les modifier et les envoyer à nouveau (Retour)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Load into the form</source>
        <translation>&amp;Charger dans le formulaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send &amp;again</source>
        <translation>Envoyer à &amp;nouveau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to &amp;collection…</source>
        <translation>Enregistrer dans une c&amp;ollection…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the &amp;request</source>
        <translation>Copier la &amp;requête</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Copy the re&amp;ply</source>
        <translation>Copier la ré&amp;ponse</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>&amp;Save the reply…</source>
        <translation>&amp;Enregistrer la réponse…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Show c&amp;ode…</source>
        <translation>Afficher le co&amp;de…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport as pcapng…</source>
        <translation>E&amp;xporter en pcapng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y the report</source>
        <translation>Copier le rappor&amp;t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the repor&amp;t…</source>
        <translation>Enregistrer le rapport dans un f&amp;ichier…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Copy the data&amp;grams received, end to end</source>
        <translation>Copier les data&amp;grammes reçus, bout à bout</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No exchange yet: each one sent is listed here.</source>
        <translation>Aucun échange pour l&apos;instant&#xa0;: chaque envoi s&apos;inscrit ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick an exchange to see its request and target.</source>
        <translation>Choisissez un échange pour voir sa requête et sa cible.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This exchange was removed from the history, perhaps by another SocketLab window: its reply&apos;s file is gone, only its request and target are left.</source>
        <translation>Cet échange a été supprimé de l’historique, peut-être par une autre fenêtre SocketLab&#xa0;: le fichier de sa réponse n’existe plus, seuls sa requête et sa cible restent.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The request (%1) is on the clipboard.</source>
        <translation>La requête (%1) est dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The reply (%1) is too large for the clipboard: save it to a file instead.</source>
        <translation>La réponse (%1) est trop grande pour le presse-papiers&#xa0;: enregistrez-la plutôt dans un fichier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The reply (%1) is on the clipboard.</source>
        <translation>La réponse (%1) est dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>IPv4 only</source>
        <translation>IPv4 seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv6 only</source>
        <translation>IPv6 seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any family</source>
        <translation>toutes familles</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>when the server closes</source>
        <translation>à la fermeture par le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at the end of the HTTP response</source>
        <translation>à la fin de la réponse HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after %1</source>
        <translation>après %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>after %1 ms without data</source>
        <translation>après %1&#xa0;ms sans données</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, port %2 · %3 · stop reading %4</source>
        <translation>%1, port %2 · %3 · arrêt de la lecture %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TLS (%1, %2)</source>
        <translation>TLS (%1, %2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>TLS, no handshake</source>
        <translation>TLS, sans négociation</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent at %1 to %2: %3.</source>
        <translation>Envoi à %1 vers %2&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At %1, nothing was sent: no connection.</source>
        <translation>À %1, rien n&apos;a été envoyé&#xa0;: pas de connexion.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>UDP to %1, port %2 · %3 · wait %4 ms</source>
        <translation>UDP vers %1, port %2 · %3 · attente %4&#xa0;ms</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>stop after %n datagram(s)</source>
        <translation>
            <numerusform>arrêt après %n datagramme</numerusform>
            <numerusform>arrêt après %n datagrammes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>connected socket</source>
        <translation>socket connecté</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Sent at %1 to %2: %3; %n datagram(s) received.</source>
        <translation>
            <numerusform>Envoi à %1 vers %2&#xa0;: %3&#xa0;; %n datagramme reçu.</numerusform>
            <numerusform>Envoi à %1 vers %2&#xa0;: %3&#xa0;; %n datagrammes reçus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At %1, nothing was sent.</source>
        <translation>À %1, rien n&apos;a été envoyé.</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n datagram(s)</source>
        <translation>
            <numerusform>%n datagramme</numerusform>
            <numerusform>%n datagrammes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1  %2 %3:%4  %5 → %6</source>
        <translation>%1  %2 %3:%4  %5 → %6</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The reply stays in memory: it could not be moved to a temporary file (%1).</source>
        <translation>La réponse reste en mémoire&#xa0;: elle n&apos;a pas pu être déplacée dans un fichier temporaire (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply (%1) is in its own file in the history folder, read from there when it is shown.</source>
        <translation>La réponse (%1) est dans son propre fichier du dossier de l’historique, lue depuis ce fichier quand elle est affichée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The reply (%1) was moved to a temporary file to keep memory free; it is read back from there.</source>
        <translation>La réponse (%1) a été déplacée dans un fichier temporaire pour libérer la mémoire&#x202f;; elle est relue depuis ce fichier.</translation>
    </message>
</context>
<context>
    <name>SocketLab::HistoryStore</name>
    <message numerus="yes">
        <location filename="../ui/history/historystore.cpp" line="+99"/>
        <source>%n history file(s) damaged or unreadable, skipped: %1</source>
        <translation>
            <numerusform>%n fichier d’historique endommagé ou illisible, ignoré&#xa0;: %1</numerusform>
            <numerusform>%n fichiers d’historique endommagés ou illisibles, ignorés&#xa0;: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n history file(s) written by a newer SocketLab, skipped: %1</source>
        <translation>
            <numerusform>%n fichier d’historique écrit par un SocketLab plus récent, ignoré&#xa0;: %1</numerusform>
            <numerusform>%n fichiers d’historique écrits par un SocketLab plus récent, ignorés&#xa0;: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::HttpExchangeModel</name>
    <message>
        <location filename="../ui/http/httpexchangemodel.cpp" line="+103"/>
        <source>%1 → %2</source>
        <extracomment>How each message of an exchange ends: the request&apos;s framing, then the response&apos;s.</extracomment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>#</source>
        <translation>n°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request size</source>
        <translation>Taille requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response size</source>
        <translation>Taille réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Framing (request → response)</source>
        <translation>Délimitation (requête → réponse)</translation>
    </message>
</context>
<context>
    <name>SocketLab::HttpExchangeText</name>
    <message>
        <location filename="../ui/http/httpexchangetext.cpp" line="+36"/>
        <source>not known yet</source>
        <translation>pas encore connue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no body</source>
        <translation>pas de corps</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content-Length %1</source>
        <translation>Content-Length %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>chunked, %Ln chunk(s)</source>
        <translation>
            <numerusform>chunked, %Ln bloc</numerusform>
            <numerusform>chunked, %Ln blocs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>until the close</source>
        <translation>jusqu’à la fermeture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>protocol switched</source>
        <translation>changement de protocole</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tunnel</source>
        <translation>tunnel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The end of the body cannot be told.</source>
        <translation>La fin du corps ne peut pas être connue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The head is not complete yet: the framing is not known.</source>
        <translation>L’en-tête n’est pas encore complet&#xa0;: la délimitation n’est pas connue.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No body: the request has neither Content-Length nor Transfer-Encoding.</source>
        <translation>Pas de corps&#xa0;: la requête n’a ni Content-Length ni Transfer-Encoding.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No body: a response to HEAD has none, whatever its headers say.</source>
        <translation>Pas de corps&#xa0;: une réponse à HEAD n’en a pas, quoi que disent ses en-têtes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No body: a %1 response has none.</source>
        <translation>Pas de corps&#xa0;: une réponse %1 n’en a pas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content-Length: the body is %1.</source>
        <translation>Content-Length&#xa0;: le corps fait %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer-Encoding: chunked: the body comes in chunks, until one of size 0.</source>
        <translation>Transfer-Encoding: chunked&#xa0;: le corps vient par blocs, jusqu’à un bloc de taille 0.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Neither Content-Length nor chunked: the body runs until the server closes.</source>
        <translation>Ni Content-Length ni chunked&#xa0;: le corps va jusqu’à la fermeture par le serveur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>101 Switching Protocols: the message ends with its head; what follows is the new protocol&apos;s.</source>
        <translation>101 Switching Protocols&#xa0;: le message finit avec son en-tête&#xa0;; la suite est au nouveau protocole.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A 2xx response to CONNECT: the message ends with its head; what follows is the tunnel&apos;s.</source>
        <translation>Une réponse 2xx à CONNECT&#xa0;: le message finit avec son en-tête&#xa0;; la suite est au tunnel.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not HTTP: the client&apos;s first bytes are no HTTP request line.</source>
        <translation>Pas du HTTP&#xa0;: les premiers octets du client ne sont pas une ligne de requête HTTP.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not HTTP: the server spoke first, and not with an HTTP status line.</source>
        <translation>Pas du HTTP&#xa0;: le serveur a parlé le premier, et pas avec une ligne d’état HTTP.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The client&apos;s bytes stop reading as HTTP at byte %1: %2.</source>
        <translation>Les octets du client cessent de se lire comme du HTTP à l’octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request head from byte %1 has no end within %2: reading stopped.</source>
        <translation>L’en-tête de requête à partir de l’octet %1 n’a pas de fin dans les %2&#xa0;: lecture arrêtée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request&apos;s Transfer-Encoding at byte %1 does not end with chunked: its end cannot be told (RFC 9112 section 6.3).</source>
        <translation>Le Transfer-Encoding de la requête à l’octet %1 ne finit pas par chunked&#xa0;: sa fin ne peut pas être connue (RFC 9112 section 6.3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Malformed chunked request body at byte %1: %2.</source>
        <translation>Corps de requête chunked mal formé à l’octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malformed response at byte %1: %2.</source>
        <translation>Réponse mal formée à l’octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At byte %1 the server sent a response no request asked for.</source>
        <translation>À l’octet %1, le serveur a envoyé une réponse qu’aucune requête n’a demandée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From byte %1 the client&apos;s bytes are another protocol&apos;s (or a tunnel&apos;s).</source>
        <translation>À partir de l’octet %1, les octets du client sont d’un autre protocole (ou d’un tunnel).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From byte %1 the server&apos;s bytes are another protocol&apos;s (or a tunnel&apos;s).</source>
        <translation>À partir de l’octet %1, les octets du serveur sont d’un autre protocole (ou d’un tunnel).</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>empty lines before the request line</source>
        <translation>des lignes vides avant la ligne de requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+24"/>
        <source>a line ends in LF without CR</source>
        <translation>une ligne finit par LF sans CR</translation>
    </message>
    <message>
        <location line="-23"/>
        <location line="+33"/>
        <source>a bare CR inside a line</source>
        <translation>un CR seul dans une ligne</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>the request line is not: method, space, target, space, version</source>
        <translation>la ligne de requête n’est pas&#xa0;: méthode, espace, cible, espace, version</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the method is not a token</source>
        <translation>la méthode n’est pas un token</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the request target holds a control character</source>
        <translation>la cible de la requête contient un caractère de contrôle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the request target is neither a path nor an absolute URL</source>
        <translation>la cible de la requête n’est ni un chemin ni une URL absolue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the version is not HTTP/x.y</source>
        <translation>la version n’est pas HTTP/x.y</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+20"/>
        <source>a header line is folded (starts with a blank)</source>
        <translation>une ligne d’en-tête est repliée (commence par un blanc)</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>a header line has no colon</source>
        <translation>une ligne d’en-tête n’a pas de deux-points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a header name is empty or not a token</source>
        <translation>un nom d’en-tête est vide ou n’est pas un token</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>a header value holds a control character</source>
        <translation>une valeur d’en-tête contient un caractère de contrôle</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>an HTTP/1.1 request without Host</source>
        <translation>une requête HTTP/1.1 sans Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>more than one Host header</source>
        <translation>plus d’un en-tête Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+41"/>
        <source>Content-Length is not a plain number</source>
        <translation>Content-Length n’est pas un simple nombre</translation>
    </message>
    <message>
        <location line="-40"/>
        <location line="+41"/>
        <source>two Content-Length headers disagree</source>
        <translation>deux en-têtes Content-Length ne concordent pas</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+13"/>
        <source>both Content-Length and Transfer-Encoding: chunked wins</source>
        <translation>Content-Length et Transfer-Encoding à la fois&#xa0;: chunked l’emporte</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>the status line has no reason phrase</source>
        <translation>la ligne d’état n’a pas de texte de raison</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content-Length sent twice, the same</source>
        <translation>Content-Length envoyé deux fois, identique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>an interim (1xx) response came first</source>
        <translation>une réponse intermédiaire (1xx) est venue d’abord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bytes after the end of the message</source>
        <translation>des octets après la fin du message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an empty line before the status line</source>
        <translation>une ligne vide avant la ligne d’état</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an unusual HTTP version</source>
        <translation>une version HTTP inhabituelle</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>blanks before a chunk size line&apos;s CRLF</source>
        <translation>des blancs avant le CRLF d’une ligne de taille de bloc</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a &quot;;&quot; with no chunk extension name after it</source>
        <translation>un «&#xa0;;&#xa0;» sans nom d’extension de bloc après lui</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer-Encoding does not end with chunked: the body runs until the close</source>
        <translation>Transfer-Encoding ne finit pas par chunked&#xa0;: le corps va jusqu’à la fermeture</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the status line is not &quot;HTTP/x.y code reason&quot;</source>
        <translation>la ligne d’état n’est pas «&#xa0;HTTP/x.y code raison&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the version is not a digit, a dot and a digit</source>
        <translation>la version n’est pas un chiffre, un point et un chiffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the status code is not three digits</source>
        <translation>le code d’état n’a pas trois chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a header line has no colon, or a blank before its colon</source>
        <translation>une ligne d’en-tête n’a pas de deux-points, ou un blanc avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the header section is too large</source>
        <translation>la section des en-têtes est trop grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there are too many header lines</source>
        <translation>il y a trop de lignes d’en-tête</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a chunk size is not a hexadecimal number</source>
        <translation>une taille de bloc n’est pas un nombre hexadécimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a chunk size has too many digits</source>
        <translation>une taille de bloc a trop de chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a chunk&apos;s data is not followed by CRLF</source>
        <translation>les données d’un bloc ne sont pas suivies de CRLF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection ended before the end of the message</source>
        <translation>la connexion s’est terminée avant la fin du message</translation>
    </message>
</context>
<context>
    <name>SocketLab::HttpView</name>
    <message>
        <location filename="../ui/reply/httpview.cpp" line="+69"/>
        <source>not known yet: the header section is not complete</source>
        <translation>pas encore connue&#xa0;: la section des en-têtes n&apos;est pas complète</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no body</source>
        <translation>pas de corps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Content-Length: %1</source>
        <translation>Content-Length&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>until the server closes the connection</source>
        <translation>jusqu&apos;à ce que le serveur ferme la connexion</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Content-Length sent together with chunked: chunked wins and Content-Length is ignored, at byte %1</source>
        <translation>Content-Length envoyé avec chunked&#xa0;: chunked l&apos;emporte et Content-Length est ignoré, à l&apos;octet %1</translation>
    </message>
    <message numerus="yes">
        <location line="-49"/>
        <source>%Ln more</source>
        <translation>
            <numerusform>%Ln autre</numerusform>
            <numerusform>%Ln autres</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>chunked, %Ln chunk(s)</source>
        <translation>
            <numerusform>chunked, %Ln bloc</numerusform>
            <numerusform>chunked, %Ln blocs</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>until the server closes the connection: its Transfer-Encoding does not end with chunked</source>
        <translation>jusqu&apos;à ce que le serveur ferme la connexion&#xa0;: son Transfer-Encoding ne se termine pas par chunked</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no body: the message ends with its head, the connection switched protocols</source>
        <translation>pas de corps&#xa0;: le message se termine avec son en-tête, la connexion a changé de protocole</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no body: the message ends with its head, the CONNECT tunnel is open</source>
        <translation>pas de corps&#xa0;: le message se termine avec son en-tête, le tunnel CONNECT est ouvert</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%Ln line(s) ended by LF alone instead of CRLF, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln ligne terminée par un LF seul au lieu de CRLF, à l&apos;octet %1</numerusform>
            <numerusform>%Ln lignes terminées par un LF seul au lieu de CRLF, aux octets %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln status line(s) without a reason phrase, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln ligne de statut sans texte explicatif, à l&apos;octet %1</numerusform>
            <numerusform>%Ln lignes de statut sans texte explicatif, aux octets %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Content-Length repeated with the same value %Ln time(s), at byte(s) %1</source>
        <translation>
            <numerusform>Content-Length répété avec la même valeur %Ln fois, à l&apos;octet %1</numerusform>
            <numerusform>Content-Length répété avec la même valeur %Ln fois, aux octets %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln header line(s) continued on the next line (obsolete folding), at byte(s) %1</source>
        <translation>
            <numerusform>%Ln ligne d&apos;en-tête poursuivie sur la ligne suivante (repli obsolète), à l&apos;octet %1</numerusform>
            <numerusform>%Ln lignes d&apos;en-tête poursuivies sur la ligne suivante (repli obsolète), aux octets %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%Ln interim response(s) (%1) before the final one, at byte(s) %2</source>
        <translation>
            <numerusform>%Ln réponse intermédiaire (%1) avant la réponse finale, à l&apos;octet %2</numerusform>
            <numerusform>%Ln réponses intermédiaires (%1) avant la réponse finale, aux octets %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 after the end of the message, from byte %2</source>
        <translation>%1 après la fin du message, à partir de l&apos;octet %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln empty line(s) before a status line, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln ligne vide avant une ligne de statut, à l&apos;octet %1</numerusform>
            <numerusform>%Ln lignes vides avant une ligne de statut, aux octets %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 in a status line, read as HTTP/1.1, at byte %2</source>
        <translation>%1 dans une ligne de statut, lu comme HTTP/1.1, à l&apos;octet %2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln CR(s) not followed by LF in the head, read as spaces, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln CR non suivi de LF dans l&apos;en-tête, lu comme une espace, à l&apos;octet %1</numerusform>
            <numerusform>%Ln CR non suivis de LF dans l&apos;en-tête, lus comme des espaces, aux octets %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln header value(s) with a control character (NUL read as a space), at byte(s) %1</source>
        <translation>
            <numerusform>%Ln valeur d&apos;en-tête avec un caractère de contrôle (NUL lu comme une espace), à l&apos;octet %1</numerusform>
            <numerusform>%Ln valeurs d&apos;en-tête avec un caractère de contrôle (NUL lu comme une espace), aux octets %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%Ln chunk size line(s) with spaces or tabs before their CRLF, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln ligne de taille de chunk avec des espaces ou tabulations avant son CRLF, à l&apos;octet %1</numerusform>
            <numerusform>%Ln lignes de taille de chunk avec des espaces ou tabulations avant leur CRLF, aux octets %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln &quot;;&quot; with no chunk extension name after it, at byte(s) %1</source>
        <translation>
            <numerusform>%Ln «&#xa0;;&#xa0;» sans nom d&apos;extension de chunk après lui, à l&apos;octet %1</numerusform>
            <numerusform>%Ln «&#xa0;;&#xa0;» sans nom d&apos;extension de chunk après eux, aux octets %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer-Encoding does not end with chunked: the body runs until the server closes, at byte %1</source>
        <translation>Transfer-Encoding ne se termine pas par chunked&#xa0;: le corps va jusqu&apos;à la fermeture par le serveur, à l&apos;octet %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the status line is not &quot;HTTP/x.y code reason&quot; (or RTSP/x.y, SIP/x.y...)</source>
        <translation>la ligne de statut n&apos;est pas de la forme «&#xa0;HTTP/x.y code texte&#xa0;» (ou RTSP/x.y, SIP/x.y...)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the version is not a digit, a dot and a digit</source>
        <translation>la version n&apos;est pas un chiffre, un point et un chiffre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the status code is not three digits</source>
        <translation>le code de statut n&apos;a pas trois chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a header line has no colon, or a blank before its colon</source>
        <translation>une ligne d&apos;en-tête n&apos;a pas de deux-points, ou a un blanc avant son deux-points</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the header section is too large</source>
        <translation>la section des en-têtes est trop grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there are too many header lines</source>
        <translation>il y a trop de lignes d&apos;en-tête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content-Length is not a plain number</source>
        <translation>Content-Length n&apos;est pas un simple nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>two Content-Length headers disagree</source>
        <translation>deux en-têtes Content-Length se contredisent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a chunk size is not a hexadecimal number</source>
        <translation>une taille de bloc n&apos;est pas un nombre hexadécimal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a chunk size has too many digits</source>
        <translation>une taille de bloc a trop de chiffres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a chunk&apos;s data is not followed by CRLF</source>
        <translation>les données d&apos;un bloc ne sont pas suivies de CRLF</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The connection closed at byte %1, before the end of the message.</source>
        <translation>La connexion s&apos;est fermée à l&apos;octet %1, avant la fin du message.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Malformed response at byte %1: %2.</source>
        <translation>Réponse mal formée à l&apos;octet %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Image preview</source>
        <translation>Aperçu de l&apos;image</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>HTML preview</source>
        <translation>Aperçu HTML</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>Status:</source>
        <translation>Statut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Framing:</source>
        <translation>Délimitation&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deviations:</source>
        <translation>Écarts à la norme&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error:</source>
        <translation>Erreur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redirect:</source>
        <translation>Redirection&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol:</source>
        <translation>Protocole&#xa0;:</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>New protocol:</source>
        <translation>Nouveau protocole&#xa0;:</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offset</source>
        <translation>Position</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response headers</source>
        <translation>En-têtes de la réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Body as text</source>
        <translation>Corps en texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preview</source>
        <translation>Aperçu</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No response yet.</source>
        <translation>Pas encore de réponse.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No body to show.</source>
        <translation>Aucun corps à afficher.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing to preview.</source>
        <translation>Rien à prévisualiser.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No valid status line.</source>
        <translation>Pas de ligne de statut valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The status line has not arrived whole yet.</source>
        <translation>La ligne de statut n&apos;est pas encore arrivée en entier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, not HTTP: read with HTTP/1.1&apos;s message syntax (status line, headers, framing)</source>
        <translation>%1, pas HTTP&#xa0;: lu avec la syntaxe des messages HTTP/1.1 (ligne de statut, en-têtes, délimitation)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>a protocol the reply does not name (no Upgrade header)</source>
        <translation>un protocole que la réponse ne nomme pas (pas d&apos;en-tête Upgrade)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, from byte %2 (%3 so far): the bytes after the head belong to it, not to a body</source>
        <translation>%1, à partir de l&apos;octet %2 (%3 jusqu&apos;ici)&#xa0;: les octets après l&apos;en-tête lui appartiennent, pas à un corps</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tunnel:</source>
        <translation>Tunnel&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the tunnel CONNECT asked for, from byte %1 (%2 so far): the bytes after the head went through it, they are not a body</source>
        <translation>le tunnel demandé par CONNECT, à partir de l&apos;octet %1 (%2 jusqu&apos;ici)&#xa0;: les octets après l&apos;en-tête l&apos;ont traversé, ce ne sont pas un corps</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1; the message is not complete yet</source>
        <translation>%1&#x202f;; le message n&apos;est pas encore complet</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>%1
Click to prepare a request for this URL: nothing is sent until you press Send.</source>
        <translation>%1
Cliquez pour préparer une requête vers cette URL&#xa0;: rien n&apos;est envoyé avant que vous appuyiez sur Envoyer.</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This response has no body.</source>
        <translation>Cette réponse n&apos;a pas de corps.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Body: %1, %2-encoded; %3 once decoded.</source>
        <translation>Corps&#xa0;: %1, encodé en %2&#x202f;; %3 une fois décodé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Body: %1.</source>
        <translation>Corps&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+67"/>
        <source>Only its first %1 are shown.</source>
        <translation>Seul son début (%1) est affiché.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>The body is not complete: it is shown as far as it goes.</source>
        <translation>Le corps n&apos;est pas complet&#xa0;: seule la partie reçue est affichée.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No preview: the server did not say what the body is.</source>
        <translation>Pas d&apos;aperçu&#xa0;: le serveur n&apos;a pas indiqué la nature du corps.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No preview for %1.</source>
        <translation>Pas d&apos;aperçu pour %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Binary content: see the hex view, or the Preview tab for an image.</source>
        <translation>Contenu binaire&#xa0;: voir la vue hexa, ou l&apos;onglet Aperçu pour une image.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The preview shows the first %1 of the page.</source>
        <translation>L&apos;aperçu ne montre que le début de la page (%1).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This body could not be read as an image (%1).</source>
        <translation>Ce corps n&apos;a pas pu être lu comme une image (%1).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 image, %2 × %3 pixels.</source>
        <translation>Image %1, %2 × %3 pixels.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No body: nothing came through the tunnel yet.</source>
        <translation>Pas de corps&#xa0;: rien n&apos;a encore traversé le tunnel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No body: nothing came after the head in the new protocol.</source>
        <translation>Pas de corps&#xa0;: rien n&apos;est arrivé après l&apos;en-tête dans le nouveau protocole.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No body: the bytes from %2 on (%1) came through the tunnel, shown here as they came.</source>
        <translation>Pas de corps&#xa0;: les octets à partir de %2 (%1) ont traversé le tunnel, affichés ici tels qu&apos;ils sont arrivés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No body: the bytes from %2 on (%1) belong to the new protocol, shown here as they came.</source>
        <translation>Pas de corps&#xa0;: les octets à partir de %2 (%1) appartiennent au nouveau protocole, affichés ici tels qu&apos;ils sont arrivés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Binary content: see the hex view from byte %1.</source>
        <translation>Contenu binaire&#xa0;: voir la vue hexa à partir de l&apos;octet %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No preview for the bytes of another protocol.</source>
        <translation>Pas d&apos;aperçu pour les octets d&apos;un autre protocole.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>to &lt;a href=&quot;#location&quot;&gt;%1&lt;/a&gt;: click to prepare its request (nothing is sent)</source>
        <translation>vers &lt;a href=&quot;#location&quot;&gt;%1&lt;/a&gt;&#xa0;: cliquez pour préparer sa requête (rien n&apos;est envoyé)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>this page</source>
        <translation>cette page</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Prepare this form&apos;s request: %1</source>
        <translation>Préparer la requête de ce formulaire&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::InterfaceCombo</name>
    <message>
        <location filename="../ui/widgets/interfacecombo.cpp" line="+93"/>
        <source>Any interface</source>
        <translation>Toute interface</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kernel picks the interface of its route to the group.</source>
        <translation>Le noyau choisit l&apos;interface de sa route vers le groupe.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (not on this machine now)</source>
        <translation>%1 (absente de cette machine pour l&apos;instant)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interface %1, index %2</source>
        <translation>Interface %1, index %2</translation>
    </message>
</context>
<context>
    <name>SocketLab::KernelDropsText</name>
    <message numerus="yes">
        <location filename="../core/text/kerneldropstext.cpp" line="+29"/>
        <source>The kernel dropped %1 datagram(s): the receive buffer was full; raise SO_RCVBUF.</source>
        <translation>
            <numerusform>Le noyau a jeté %1 datagramme&#xa0;: le tampon de réception était plein&#x202f;; augmentez SO_RCVBUF.</numerusform>
            <numerusform>Le noyau a jeté %1 datagrammes&#xa0;: le tampon de réception était plein&#x202f;; augmentez SO_RCVBUF.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The kernel dropped %1 datagram(s): the receive buffer (%2) was full; raise SO_RCVBUF (rcvbuf=%3).</source>
        <translation>
            <numerusform>Le noyau a jeté %1 datagramme&#xa0;: le tampon de réception (%2) était plein&#x202f;; augmentez SO_RCVBUF (rcvbuf=%3).</numerusform>
            <numerusform>Le noyau a jeté %1 datagrammes&#xa0;: le tampon de réception (%2) était plein&#x202f;; augmentez SO_RCVBUF (rcvbuf=%3).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 datagram(s) received</source>
        <translation>
            <numerusform>%1 datagramme reçu</numerusform>
            <numerusform>%1 datagrammes reçus</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1; the system keeps no count of the datagrams it dropped.</source>
        <translation>%1&#x202f;; le système ne compte pas les datagrammes qu&apos;il a jetés.</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %2 dropped by the kernel.</source>
        <translation>
            <numerusform>%1, %2 jeté par le noyau.</numerusform>
            <numerusform>%1, %2 jetés par le noyau.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::LadderView</name>
    <message>
        <location filename="../ui/conversation/ladderview.cpp" line="+195"/>
        <source>%1 ms</source>
        <translation>%1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, truncated</source>
        <translation>%1, tronqué</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>FIN from the peer</source>
        <translation>FIN du pair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, no close_notify</source>
        <comment>a FIN over TLS without the peer&apos;s close_notify</comment>
        <translation>%1, sans close_notify</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RST from the peer</source>
        <translation>RST du pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: %1</source>
        <translation>Échec&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connected at %1</source>
        <translation>Connecté à %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Datagram sent to %1: %2 at %3</source>
        <translation>Datagramme envoyé à %1&#xa0;: %2 à %3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Datagram received from %1: %2 at %3</source>
        <translation>Datagramme reçu de %1&#xa0;: %2 à %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent %1 at %2</source>
        <translation>Envoi de %1 à %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received %1 at %2</source>
        <translation>Réception de %1 à %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Bytes %1 to %2 of all that was sent</source>
        <translation>Octets %1 à %2 de tout ce qui a été envoyé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Bytes %1 to %2 of all that was received</source>
        <translation>Octets %1 à %2 de tout ce qui a été reçu</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No bytes, at offset %1 of all that was sent</source>
        <translation>Aucun octet, à la position %1 de tout ce qui a été envoyé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No bytes, at offset %1 of all that was received</source>
        <translation>Aucun octet, à la position %1 de tout ce qui a été reçu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Truncated: the datagram was larger than the receive buffer, and the rest of it is lost</source>
        <translation>Tronqué&#xa0;: le datagramme dépassait le tampon de réception, et le reste est perdu</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>shutdown(SHUT_WR) at %1: this end sends nothing more (the peer reads the end of the stream) and keeps reading</source>
        <translation>shutdown(SHUT_WR) à %1&#xa0;: ce côté n&apos;envoie plus rien (le pair lit la fin du flux) et continue de lire</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>shutdown(SHUT_RDWR) at %1: this end neither sends nor reads any more</source>
        <translation>shutdown(SHUT_RDWR) à %1&#xa0;: ce côté n&apos;envoie ni ne lit plus rien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>close() at %1: the socket is closed</source>
        <translation>close() à %1&#xa0;: le socket est fermé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The peer closed its side at %1 (FIN): recv() returned 0, it sends nothing more</source>
        <translation>Le pair a fermé son côté à %1 (FIN)&#xa0;: recv() a renvoyé 0, il n&apos;envoie plus rien</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The peer reset the connection at %1 (RST)</source>
        <translation>Le pair a réinitialisé la connexion à %1 (RST)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Failed at %1</source>
        <translation>Échec à %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Socket option set at %1</source>
        <translation>Option de socket réglée à %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Script line %1</source>
        <translation>Ligne %1 du script</translation>
    </message>
    <message>
        <location line="-99"/>
        <source>+%1 s</source>
        <translation>+%1&#xa0;s</translation>
    </message>
    <message>
        <location line="-115"/>
        <source>SocketLab</source>
        <translation>SocketLab</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Peer</source>
        <translation>Pair</translation>
    </message>
    <message>
        <location line="+293"/>
        <source>Conversation as a sequence diagram</source>
        <translation>Conversation en diagramme de séquence</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Time runs downward: arrows to the right were sent, arrows to the left were received. Up and Down move from event to event.</source>
        <translation>Le temps s&apos;écoule vers le bas&#xa0;: les flèches vers la droite ont été envoyées, celles vers la gauche reçues. Haut et Bas passent d&apos;un événement à l&apos;autre.</translation>
    </message>
    <message>
        <location line="+208"/>
        <source>Nothing sent or received yet</source>
        <translation>Rien d&apos;envoyé ni de reçu pour l&apos;instant</translation>
    </message>
</context>
<context>
    <name>SocketLab::ListenerForm</name>
    <message>
        <location filename="../ui/servers/listenerform.cpp" line="+276"/>
        <source>The HTTP demo needs TCP: choose TCP or another mode.</source>
        <translation>La démo HTTP demande TCP&#xa0;: choisissez TCP ou un autre mode.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The fixed reply is not valid yet: %1</source>
        <translation>La réponse fixe n&apos;est pas encore valide&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>TCP: bind, listen and accept connections. UDP: bind and answer datagrams.</source>
        <translation>TCP&#xa0;: bind(), listen() puis accept() de chaque connexion. UDP&#xa0;: bind() puis réponse aux datagrammes.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Tra&amp;nsport:</source>
        <translation>Tra&amp;nsport&#xa0;:</translation>
    </message>
    <message>
        <location line="-184"/>
        <source>Certificate for the TLS listener</source>
        <translation>Certificat du serveur TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Private key for the TLS listener</source>
        <translation>Clé privée du serveur TLS</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Give both a certificate and its key, or neither for the self-signed localhost certificate.</source>
        <translation>Donnez un certificat et sa clé, ou aucun des deux pour le certificat autosigné de localhost.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>A listener bound to %1 never receives a group&apos;s datagrams, which are sent to the group&apos;s address: choose an &quot;All interfaces&quot; address to join groups.</source>
        <translation>Un écouteur lié à %1 ne reçoit jamais les datagrammes d&apos;un groupe, qui sont envoyés à l&apos;adresse du groupe&#xa0;: choisissez une adresse «&#xa0;Toutes les interfaces&#xa0;» pour rejoindre des groupes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Multicast group %1 (%2) is IPv6: an IPv4 socket cannot join it; choose &quot;All interfaces (::)&quot;.</source>
        <translation>Le groupe multicast %1 (%2) est IPv6&#xa0;: un socket IPv4 ne peut pas le rejoindre&#x202f;; choisissez «&#xa0;Toutes les interfaces (::)&#xa0;».</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The relay speaks TLS to the target, verified as an exchange is, and plain TCP to its clients: what a client sends in clear is shown, and leaves encrypted.</source>
        <translation>Le relais parle TLS à la cible, vérifiée comme pour un échange, et TCP simple à ses clients&#xa0;: ce qu&apos;un client envoie en clair est affiché, et repart chiffré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS needs TCP: a UDP relay cannot use it.</source>
        <translation>TLS demande TCP&#xa0;: un relais UDP ne peut pas l&apos;utiliser.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Multicast needs UDP: a TCP listener cannot join groups.</source>
        <translation>Le multicast demande UDP&#xa0;: un écouteur TCP ne peut pas rejoindre de groupes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connections relayed at once. The next client is accepted, closed at once and listed as refused.</source>
        <translation>Connexions relayées en même temps. Le client suivant est accepté, fermé aussitôt et noté comme refusé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client addresses relayed at once, each with a socket of its own to the target.</source>
        <translation>Adresses de clients relayées en même temps, chacune avec son propre socket vers la cible.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clients served at once. The next one is accepted, closed at once and listed as refused.</source>
        <translation>Clients servis en même temps. Le suivant est accepté, fermé aussitôt et noté comme refusé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>UDP has no connections: every sender is answered.</source>
        <translation>UDP n&apos;a pas de connexions&#xa0;: chaque expéditeur reçoit une réponse.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every client speaks TLS; the bytes recorded are those inside it.</source>
        <translation>Chaque client parle TLS&#x202f;; les octets enregistrés sont ceux qu&apos;il transporte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS needs TCP: a UDP listener cannot use it.</source>
        <translation>TLS a besoin de TCP&#xa0;: un serveur UDP ne peut pas l&apos;utiliser.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>&amp;Address:</source>
        <translation>Adr&amp;esse&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>127.0.0.1 (this machine only)</source>
        <translation>127.0.0.1 (cette machine seulement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>::1 (this machine only)</source>
        <translation>::1 (cette machine seulement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All interfaces (0.0.0.0)</source>
        <translation>Toutes les interfaces (0.0.0.0)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All interfaces (::)</source>
        <translation>Toutes les interfaces (::)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address to bind. Loopback is reachable from this machine only.</source>
        <translation>L&apos;adresse à lier avec bind(). L&apos;adresse de bouclage n&apos;est joignable que depuis cette machine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>&amp;Port&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any free port</source>
        <translation>Un port libre quelconque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port to bind, or 0 to let the system choose a free one.</source>
        <translation>Le port à lier, ou 0 pour laisser le système en choisir un libre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Mode:</source>
        <translation>M&amp;ode&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Echo</source>
        <translation>Écho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed reply</source>
        <translation>Réponse fixe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP demo (TCP only)</source>
        <translation>Démo HTTP (TCP seulement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log only</source>
        <translation>Réception seule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay to HOST:PORT</source>
        <translation>Relais vers HÔTE:PORT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends back every byte that arrives.</source>
        <translation>Renvoie chaque octet qui arrive.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP: sends the bytes below once per client, after its first bytes. UDP: answers every datagram with them.</source>
        <translation>TCP&#xa0;: envoie les octets ci-dessous une fois par client, après ses premiers octets. UDP&#xa0;: répond à chaque datagramme avec ces octets.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Serves the pages of the built-in HTTP demo site.</source>
        <translation>Sert les pages du site de démonstration HTTP intégré.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receives and records, never sends.</source>
        <translation>Reçoit et enregistre, n&apos;envoie jamais rien.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwards each client to a target and back, and shows both directions&apos; bytes as they pass.</source>
        <translation>Transmet chaque client à une cible et retour, et affiche les octets des deux sens à leur passage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>target host</source>
        <translation>hôte cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the relay forwards each client: a name, an IPv4 or an IPv6 address.</source>
        <translation>Où le relais transmet chaque client&#xa0;: un nom, une adresse IPv4 ou IPv6.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay target host</source>
        <translation>Hôte cible du relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>port or service</source>
        <translation>port ou service</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target&apos;s port: a number from 1 to 65535, or a service name.</source>
        <translation>Le port de la cible&#xa0;: un nombre de 1 à 65535, ou un nom de service.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay target port</source>
        <translation>Port cible du relais</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS to the target</source>
        <translation>TLS vers la cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the listener does with what it receives.</source>
        <translation>Ce que le serveur fait de ce qu&apos;il reçoit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ma&amp;x. clients:</source>
        <translation>&amp;Quota de clients&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Capture &amp;budget:</source>
        <translation>&amp;Budget de capture&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MiB</source>
        <translation> Mio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes kept to show, over all clients. When it is full, the oldest clients&apos; bytes are dropped first; the byte counts stay exact.</source>
        <translation>Les octets conservés pour l&apos;affichage, tous clients confondus. Quand il est plein, les octets des clients les plus anciens sont abandonnés en premier&#x202f;; les nombres d&apos;octets restent exacts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start</source>
        <translation>Dé&amp;marrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bind and start listening with these settings.</source>
        <translation>Lier le socket et se mettre à l&apos;écoute avec ces réglages.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate:</source>
        <translation>Certificat&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Self-signed for localhost, made on first use</source>
        <translation>Autosigné pour localhost, créé à la première utilisation</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>The server&apos;s certificate (PEM), its chain after it. Empty with the key: a self-signed one for localhost, 127.0.0.1 and ::1, made on first use and kept.</source>
        <translation>Le certificat du serveur (PEM), suivi de sa chaîne. Vide, comme la clé&#xa0;: un certificat autosigné pour localhost, 127.0.0.1 et ::1, créé à la première utilisation et conservé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Choose the certificate file</source>
        <translation>Choisir le fichier du certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key:</source>
        <translation>Clé privée&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The certificate&apos;s private key (PEM).</source>
        <translation>La clé privée du certificat (PEM).</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Choose the key file</source>
        <translation>Choisir le fichier de la clé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed reply:</source>
        <translation>Réponse fixe&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the connect&amp;ion after the reply</source>
        <translation>Fermer la conne&amp;xion après la réponse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP only: close once the reply is sent, as an HTTP/1.0 server does.</source>
        <translation>TCP seulement&#xa0;: fermer une fois la réponse envoyée, comme le fait un serveur HTTP/1.0.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed reply bytes</source>
        <translation>Octets de la réponse fixe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warning</source>
        <translation>Attention</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other machines on your network can reach this server: anyone who can reach this machine can connect to it and read what it sends.</source>
        <translation>D&apos;autres machines de votre réseau peuvent joindre ce serveur&#xa0;: quiconque peut joindre cette machine peut s&apos;y connecter et lire ce qu&apos;il envoie.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ListenerModel</name>
    <message>
        <location filename="../ui/servers/listenermodel.cpp" line="+167"/>
        <source>Echo</source>
        <translation>Écho</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed reply</source>
        <translation>Réponse fixe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP demo</source>
        <translation>Démo HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log only</source>
        <translation>Réception seule</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Built-in HTTP demo</source>
        <translation>Démo HTTP intégrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in HTTPS demo</source>
        <translation>Démo HTTPS intégrée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in TCP echo</source>
        <translation>Écho TCP intégré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Built-in UDP echo</source>
        <translation>Écho UDP intégré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listener %1</source>
        <translation>Serveur %1</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+21"/>
        <source>Running</source>
        <translation>En marche</translation>
    </message>
    <message>
        <location line="-21"/>
        <location line="+21"/>
        <source>Stopped</source>
        <translation>Arrêté</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%1, %Ln datagram(s) dropped</source>
        <translation>
            <numerusform>%1, %Ln datagramme jeté</numerusform>
            <numerusform>%1, %Ln datagrammes jetés</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+17"/>
        <source>Started from this panel; Remove stops it and takes it away.</source>
        <translation>Démarré depuis ce panneau&#x202f;; Supprimer l&apos;arrête et le retire.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started with SocketLab on loopback; it can be stopped and restarted, not removed.</source>
        <translation>Démarré avec SocketLab sur l&apos;adresse de bouclage&#x202f;; il peut être arrêté et redémarré, pas supprimé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every client speaks TLS.</source>
        <translation>Chaque client parle TLS.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every client speaks TLS. Certificate SHA-256 (to pin): %1</source>
        <translation>Chaque client parle TLS. SHA-256 du certificat (à épingler)&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The kernel has dropped no datagram: the receive buffer never overflowed.</source>
        <translation>Le noyau n&apos;a jeté aucun datagramme&#xa0;: le tampon de réception n&apos;a jamais débordé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The address and port the socket is bound to.</source>
        <translation>L&apos;adresse et le port auxquels le socket est lié.</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+30"/>
        <source>Stopped; Restart binds this address and port again.</source>
        <translation>Arrêté&#x202f;; Redémarrer lie de nouveau cette adresse et ce port.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Senders seen (each address and port is one peer); the table forgets the oldest first.</source>
        <translation>Expéditeurs vus (chaque couple adresse-port est un interlocuteur)&#x202f;; le tableau oublie les plus anciens en premier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections accepted, %1 of them refused for want of a free client slot; the table forgets the oldest closed ones first.</source>
        <translation>Connexions acceptées, dont %1 refusées faute de place pour un client de plus&#x202f;; le tableau oublie les plus anciennes fermées en premier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Bytes received from every client, those the table forgot included.</source>
        <translation>Octets reçus de tous les clients, y compris ceux que le tableau a oubliés.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bytes sent to every client, those the table forgot included.</source>
        <translation>Octets envoyés à tous les clients, y compris ceux que le tableau a oubliés.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Senders seen during this run.</source>
        <translation>Expéditeurs vus depuis le démarrage.</translation>
    </message>
    <message>
        <location line="-94"/>
        <source>Relay to %1 (TLS)</source>
        <translation>Relais vers %1 (TLS)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Relay to %1</source>
        <translation>Relais vers %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Relay %1</source>
        <translation>Relais %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Starting</source>
        <translation>Démarrage</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Each client gets its own connection to the target; both directions&apos; bytes are forwarded as they come.</source>
        <translation>Chaque client a sa propre connexion à la cible&#x202f;; les octets des deux sens sont transmis dès qu&apos;ils arrivent.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address and port the relay listens on: point the client here.</source>
        <translation>L&apos;adresse et le port où le relais écoute&#xa0;: dirigez le client ici.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client addresses seen, each with its own socket to the target.</source>
        <translation>Adresses de clients vues, chacune avec son propre socket vers la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections accepted, %1 of them refused for want of a free slot.</source>
        <translation>Connexions acceptées, dont %1 refusées faute de place libre.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client addresses with a socket to the target now.</source>
        <translation>Adresses de clients qui ont un socket vers la cible en ce moment.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Connections relayed now.</source>
        <translation>Connexions relayées en ce moment.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes the clients sent, forwarded to the target.</source>
        <translation>Octets envoyés par les clients, transmis à la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes the target answered, forwarded to the clients.</source>
        <translation>Octets répondus par la cible, transmis aux clients.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Connections open now.</source>
        <translation>Connexions ouvertes en ce moment.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients</source>
        <translation>Clients</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Ouvertes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes in</source>
        <translation>Octets reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes out</source>
        <translation>Octets envoyés</translation>
    </message>
</context>
<context>
    <name>SocketLab::LookupHistory</name>
    <message>
        <location filename="../ui/dns/lookuphistory.cpp" line="+107"/>
        <source>%1  %2
%3</source>
        <translation>%1  %2
%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>looking up…</source>
        <translation>résolution en cours…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled: the answer was dropped</source>
        <translation>annulé&#xa0;: la réponse a été ignorée</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 in %2 ms</source>
        <translation>%1 en %2&#xa0;ms</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n row(s) in %1 ms</source>
        <translation>
            <numerusform>%n ligne en %1&#xa0;ms</numerusform>
            <numerusform>%n lignes en %1&#xa0;ms</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (no name: numeric form), %2 in %3 ms</source>
        <translation>%1 (pas de nom&#xa0;: forme numérique), %2 en %3&#xa0;ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 in %3 ms</source>
        <translation>%1, %2 en %3&#xa0;ms</translation>
    </message>
</context>
<context>
    <name>SocketLab::LookupStore</name>
    <message>
        <location filename="../ui/dns/lookupstore.cpp" line="+53"/>
        <source>The look-up could not be kept in the history: %1</source>
        <translation>La résolution n’a pas pu être conservée dans l’historique&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+273"/>
        <source>About SocketLab</source>
        <translation>À propos de SocketLab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;p&gt;&lt;b&gt;SocketLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;A workbench for BSD sockets: type a raw request, send it, and see every byte that crossed the socket, every socket call and why reading stopped.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;SocketLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Un atelier pour les sockets BSD&#xa0;: saisissez une requête brute, envoyez-la, et voyez chaque octet passé par le socket, chaque appel socket et la raison de l&apos;arrêt de la lecture.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>SocketLab</source>
        <translation>SocketLab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exchan&amp;ge</source>
        <translation>É&amp;change</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search the history</source>
        <translation>&amp;Rechercher dans l’historique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cancel</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill the form and the request from a curl command in the clipboard (a browser&apos;s &quot;Copy as cURL&quot;)</source>
        <translation>Remplir le formulaire et la requête avec une commande curl du presse-papiers (le «&#xa0;Copier en tant que cURL&#xa0;» d&apos;un navigateur)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save reply…</source>
        <translation>Enregi&amp;strer la réponse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Préférences…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About SocketLab</source>
        <translation>À &amp;propos de SocketLab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket &amp;calls</source>
        <translation>&amp;Appels socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;History</source>
        <translation>&amp;Historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to c&amp;ollection…</source>
        <translation>Enregistrer dans une c&amp;ollection…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport as pcapng…</source>
        <translation>E&amp;xporter en pcapng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y the report</source>
        <translation>Copier le rappor&amp;t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the repor&amp;t…</source>
        <translation>Enregistrer le rapport dans un f&amp;ichier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the form of the tab in view (TCP exchange, UDP, conversation) as a request of a collection</source>
        <translation>Enregistrer le formulaire de l’onglet affiché (échange TCP, UDP, conversation) comme requête d’une collection</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show co&amp;de…</source>
        <translation>Afficher le co&amp;de…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The Python or C program that does what SocketLab does for the tab in view (TCP exchange, UDP, conversation)</source>
        <translation>Le programme Python ou C qui fait ce que SocketLab fait pour l&apos;onglet affiché (échange TCP, UDP, conversation)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Collections</source>
        <translation>Collections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ollections</source>
        <translation>C&amp;ollections</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket calls</source>
        <translation>Appels socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;CP exchange</source>
        <translation>Échan&amp;ge TCP</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;ervers</source>
        <translation>Ser&amp;veurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Local servers: HTTP %1 · HTTPS %2 · TCP echo %3 · UDP echo %4</source>
        <translation>Serveurs locaux&#xa0;: HTTP %1 · HTTPS %2 · écho TCP %3 · écho UDP %4</translation>
    </message>
    <message>
        <location line="+254"/>
        <source>The request in the editor is not an HTTP request, so the URL cannot be put in it. Replace it with a GET request for %1?</source>
        <translation>La requête de l&apos;éditeur n&apos;est pas une requête HTTP&#xa0;: l&apos;URL ne peut pas y être reportée. La remplacer par une requête GET pour %1&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The request in the editor has an error, so the URL cannot be put in it. Replace it with a GET request for %1?</source>
        <translation>La requête de l&apos;éditeur contient une erreur&#xa0;: l&apos;URL ne peut pas y être reportée. La remplacer par une requête GET pour %1&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the request?</source>
        <translation>Remplacer la requête&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo (Ctrl+Z) in the request brings the current one back.</source>
        <translation>Annuler (Ctrl+Z) dans la requête la fait revenir.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace</source>
        <translation>&amp;Remplacer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep it</source>
        <translation>&amp;Garder</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The request of %1 is in the form, ready to send again. Undo (Ctrl+Z) in the request brings back the one it replaced.</source>
        <translation>La requête de %1 est dans le formulaire, prête à être envoyée à nouveau. Annuler (Ctrl+Z) dans la requête ramène celle qu&apos;elle a remplacée.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Clear history</source>
        <translation>Effacer l’historique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove every exchange, look-up and conversation kept, from the lists and from the disk?</source>
        <translation>Supprimer tous les échanges, résolutions et conversations conservés, des listes et du disque&#xa0;?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Clear</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The history is cleared.</source>
        <translation>L’historique est effacé.</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>The certificate of %1 is trusted for port %2: sending again.</source>
        <translation>Le certificat de %1 est de confiance pour le port %2&#xa0;: nouvel envoi.</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>Only http:// and https:// links lead to a request: %1</source>
        <translation>Seuls les liens http:// et https:// mènent à une requête&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Request for %1 prepared: press Send.</source>
        <translation>Requête pour %1 préparée&#xa0;: appuyez sur Envoyer.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Exchange %1 of %2 of this chain of clicks.</source>
        <translation>Échange %1 sur %2 de cette suite de clics.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>The request has an error: fix it to save it.</source>
        <translation>La requête contient une erreur&#xa0;: corrigez-la pour l’enregistrer.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>UDP %1:%2</source>
        <translation>UDP %1:%2</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>This tab has no request to save: the TCP exchange, UDP and Conversations tabs have.</source>
        <translation>Cet onglet n’a pas de requête à enregistrer&#xa0;: les onglets Échange TCP, UDP et Conversations en ont.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>&quot;%1&quot; is in the form but for its pinned certificate: the window trusts the certificates trusted in the Certificate tab; socketlab-cli run uses the pin.</source>
        <translation>«&#xa0;%1&#xa0;» est dans le formulaire, sauf son certificat épinglé&#xa0;: la fenêtre fait confiance aux certificats approuvés dans l&apos;onglet Certificat&#xa0;; socketlab-cli run utilise l&apos;épingle.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>&quot;%1&quot; is in the form: press Send.</source>
        <translation>«&#xa0;%1&#xa0;» est dans le formulaire&#xa0;: appuyez sur Envoyer.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&quot;%1&quot; is in the Script tab: press Run script.</source>
        <translation>«&#xa0;%1&#xa0;» est dans l’onglet Script&#xa0;: appuyez sur Lancer le script.</translation>
    </message>
    <message>
        <location line="-853"/>
        <source>&amp;DNS</source>
        <translation>&amp;DNS</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>UDP has a tab of its own: the target was carried over to its form.</source>
        <translation>UDP a son propre onglet&#xa0;: la cible a été reportée dans son formulaire.</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>C&amp;lear history…</source>
        <translation>E&amp;ffacer l’historique…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paste c&amp;url command</source>
        <translation>Coller une commande c&amp;url</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;UDP</source>
        <translation>&amp;UDP</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Local servers: not running</source>
        <translation>Serveurs locaux&#xa0;: arrêtés</translation>
    </message>
</context>
<context>
    <name>SocketLab::MessageModel</name>
    <message>
        <location filename="../ui/conversation/messagemodel.cpp" line="+85"/>
        <source>Peer closed (FIN)</source>
        <translation>Le pair a fermé (FIN)</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Connected</source>
        <translation>Connecté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to %1</source>
        <translation>Envoyé à %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received from %1</source>
        <translation>Reçu de %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>Reçu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutdown(SHUT_WR)</source>
        <translation>shutdown(SHUT_WR)</translation>
    </message>
    <message>
        <location filename="../ui/conversation/conversationpage.cpp" line="-719"/>
        <location filename="../ui/conversation/messagemodel.cpp" line="+2"/>
        <source>shutdown(SHUT_RDWR)</source>
        <translation>shutdown(SHUT_RDWR)</translation>
    </message>
    <message>
        <location filename="../ui/conversation/messagemodel.cpp" line="+2"/>
        <source>close()</source>
        <translation>close()</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Peer reset (RST)</source>
        <translation>Le pair a réinitialisé (RST)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected</source>
        <translation>Déconnecté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+2"/>
        <location filename="../ui/servers/relayconnectionview.cpp" line="+186"/>
        <source>%1 → %2</source>
        <comment>who spoke → who it went to</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>FIN from %1</source>
        <translation>FIN de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>RST from %1</source>
        <translation>RST de %1</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>The datagram was larger than the receive buffer: the rest was lost (MSG_TRUNC).</source>
        <translation>Le datagramme dépassait le tampon de réception&#xa0;: le reste est perdu (MSG_TRUNC).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Time (ms)</source>
        <translation>Temps (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Direction</source>
        <translation>Sens</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When the call returned, since the conversation started</source>
        <translation>Quand l’appel est revenu, depuis le début de la conversation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes of this send() or recv(), in bytes</source>
        <translation>Les octets de ce send() ou recv(), en octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The start of the message; choose the row to see all of it in hex and as text</source>
        <translation>Le début du message&#x202f;; choisissez la ligne pour le voir en entier en hexa et en texte</translation>
    </message>
</context>
<context>
    <name>SocketLab::MulticastGroupsEdit</name>
    <message>
        <location filename="../ui/widgets/multicastgroupsedit.cpp" line="+133"/>
        <source>Multicast group %1: %2</source>
        <translation>Groupe multicast %1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Multicast groups to &amp;join:</source>
        <translation>Groupes multicast à re&amp;joindre&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add group</source>
        <translation>Ajouter un groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join one more group after bind(), and leave it at stop: IPv4 (224.0.0.0/4) or IPv6 (ff00::/8).</source>
        <translation>Rejoindre un groupe de plus après bind(), et le quitter à l&apos;arrêt&#xa0;: IPv4 (224.0.0.0/4) ou IPv6 (ff00::/8).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1.</source>
        <translation>%1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>239.1.2.3, ff12::1 or SOURCE&gt;GROUP</source>
        <translation>239.1.2.3, ff12::1 ou SOURCE&gt;GROUPE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The group to join, or SOURCE&gt;GROUP to hear only one sender (source-specific multicast, 232.0.0.0/8 or ff3x::/32): 10.0.0.5&gt;232.1.1.1.</source>
        <translation>Le groupe à rejoindre, ou SOURCE&gt;GROUPE pour n&apos;entendre qu&apos;un expéditeur (multicast à source spécifique, 232.0.0.0/8 ou ff3x::/32)&#xa0;: 10.0.0.5&gt;232.1.1.1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Multicast group %1</source>
        <translation>Groupe multicast %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>interface:</source>
        <translation>interface&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interface to join the group on: an interface of this machine, with its addresses; any: the kernel picks the one of its route to the group.</source>
        <translation>L&apos;interface sur laquelle rejoindre le groupe&#xa0;: une interface de cette machine, avec ses adresses&#x202f;; toute&#xa0;: le noyau prend celle de sa route vers le groupe.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not join this group</source>
        <translation>Ne pas rejoindre ce groupe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove multicast group %1</source>
        <translation>Retirer le groupe multicast %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::MulticastText</name>
    <message>
        <location filename="../core/text/multicasttext.cpp" line="+24"/>
        <source>a group address is needed, as GROUP, GROUP@INTERFACE or SOURCE&gt;GROUP@INTERFACE</source>
        <translation>il faut une adresse de groupe, sous la forme GROUP, GROUP@INTERFACE ou SOURCE&gt;GROUP@INTERFACE</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not a numeric IPv4 or IPv6 address</source>
        <translation>«&#xa0;%1&#xa0;» n’est pas une adresse IPv4 ou IPv6 numérique</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a multicast address (IPv4 groups are in 224.0.0.0/4, IPv6 ones in ff00::/8)</source>
        <translation>%1 n’est pas une adresse multicast (les groupes IPv4 sont dans 224.0.0.0/4, les groupes IPv6 dans ff00::/8)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the source %1 is a multicast address; a source is the unicast address of a sender</source>
        <translation>la source %1 est une adresse multicast&#x202f;; une source est l’adresse unicast d’un expéditeur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the source and the group %1 are not of the same family (IPv4, IPv6)</source>
        <translation>la source et le groupe %1 ne sont pas de la même famille (IPv4, IPv6)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>an interface name or index is needed after &quot;@&quot;</source>
        <translation>il faut un nom ou un index d’interface après «&#xa0;@&#xa0;»</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>there is no interface &quot;%1&quot; on this machine</source>
        <translation>il n’y a pas d’interface «&#xa0;%1&#xa0;» sur cette machine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&quot;%1&quot;: %2.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 %2: %3.</source>
        <translation>%1 %2&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 from %2</source>
        <translation>%1 depuis %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>SocketLab::PastConversationList</name>
    <message>
        <location filename="../ui/conversation/pastconversationlist.cpp" line="+119"/>
        <source>Search the target, the port, how it ended, the bytes</source>
        <translation>Chercher dans la cible, le port, la fin, les octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Début</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>Fin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past conversations</source>
        <translation>Conversations passées</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>O&amp;pen</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the conversation as it looked, read-only, in a tab of its own</source>
        <translation>Afficher la conversation telle qu&apos;elle était, en lecture seule, dans un onglet à part</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Talk again</source>
        <translation>Reparler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect again to the same target with the same options, in a new conversation.</source>
        <translation>Se reconnecter à la même cible avec les mêmes options, dans une nouvelle conversation.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save to collection…</source>
        <translation>Enregistrer dans une collection…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the conversation and save it to a collection as a script: the script it played, or each send() it made with a wait for each answer.</source>
        <translation>Ouvrir la conversation et l’enregistrer dans une collection comme script&#xa0;: le script qu’elle a joué, ou chaque send() qu’elle a fait avec une attente pour chaque réponse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove this conversation from the history: its file is deleted.</source>
        <translation>Retirer cette conversation de l&apos;historique&#xa0;: son fichier est supprimé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This conversation as a pcapng capture Wireshark opens, or as a text report to paste in a bug report</source>
        <translation>Cette conversation en capture pcapng que Wireshark ouvre, ou en rapport texte à coller dans un rapport de bogue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>E&amp;xport as pcapng…</source>
        <translation>E&amp;xporter en pcapng…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cop&amp;y the report</source>
        <translation>Copier le rappor&amp;t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the repor&amp;t…</source>
        <translation>Enregistrer le rapport dans un f&amp;ichier…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>cut short</source>
        <translation>interrompue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer closed</source>
        <translation>fermée par le pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reset by the peer</source>
        <translation>réinitialisée par le pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disconnected</source>
        <translation>déconnectée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>closed</source>
        <translation>fermée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>échouée</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>Delete the conversation?</source>
        <translation>Supprimer la conversation&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the conversation with %1:%2 of %3? Its file goes, and this cannot be undone.</source>
        <translation>Supprimer la conversation avec %1:%2 du %3&#xa0;? Son fichier est supprimé, sans retour possible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Delete</source>
        <translation>&amp;Supprimer</translation>
    </message>
</context>
<context>
    <name>SocketLab::RecordedScriptText</name>
    <message>
        <location filename="../core/text/recordedscripttext.cpp" line="+86"/>
        <source>Recorded from the conversation with %1: each send() it made, in order;</source>
        <translation>Enregistré depuis la conversation avec %1&#xa0;: chaque send() qu’elle a fait, dans l’ordre&#xa0;;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>where the peer answered, a wait for as many bytes as it sent then.</source>
        <translation>là où le pair a répondu, une attente d’autant d’octets qu’il en a alors envoyé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>one send() of %1 bytes, written over several lines</source>
        <translation>un seul send() de %1 octets, écrit sur plusieurs lignes</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>the peer sent %1 bytes in %n recv(): %2</source>
        <translation>
            <numerusform>le pair a envoyé %1 octets en %n recv()&#xa0;: %2</numerusform>
            <numerusform>le pair a envoyé %1 octets en %n recv()&#xa0;: %2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The conversation sent nothing: there is no script to save. Type a message or a script first.</source>
        <translation>La conversation n’a rien envoyé&#xa0;: il n’y a pas de script à enregistrer. Tapez d’abord un message ou un script.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only %1 of the %2 bytes the conversation sent were kept: a script of it would not send the same bytes.</source>
        <translation>Seuls %1 des %2 octets envoyés par la conversation ont été gardés&#xa0;: un script tiré d’elle n’enverrait pas les mêmes octets.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The conversation sent %1 bytes, more than a script holds (%2): save its transcript instead.</source>
        <translation>La conversation a envoyé %1 octets, plus qu’un script n’en contient (%2)&#xa0;: enregistrez plutôt sa transcription.</translation>
    </message>
</context>
<context>
    <name>SocketLab::RelayConnectionModel</name>
    <message>
        <location filename="../ui/servers/relayconnectionmodel.cpp" line="+61"/>
        <source>Refused</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to the target</source>
        <translation>Connexion à la cible</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both sent FIN</source>
        <translation>FIN des deux côtés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client sent FIN</source>
        <translation>FIN du client</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target sent FIN</source>
        <translation>FIN de la cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Ouverte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Closed</source>
        <translation>Fermée</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Not connected to the target yet.</source>
        <translation>Pas encore connecté à la cible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Accepted and closed at once: the relay was relaying its maximum of connections.</source>
        <translation>Acceptée et fermée aussitôt&#xa0;: le relais relayait déjà son maximum de connexions.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closed at %1</source>
        <translation>Fermée le %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Opened at %1</source>
        <translation>Ouverte le %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 bytes read from the client in %2 datagrams; %3 sent on to the target, %4 datagrams dropped.</source>
        <translation>%1 octets lus du client en %2 datagrammes&#xa0;; %3 transmis à la cible, %4 datagrammes abandonnés.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 bytes read from the client; %2 sent on to the target, %3 waiting in the relay.</source>
        <translation>%1 octets lus du client&#xa0;; %2 transmis à la cible, %3 en attente dans le relais.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 bytes read from the target in %2 datagrams; %3 sent on to the client.</source>
        <translation>%1 octets lus de la cible en %2 datagrammes&#xa0;; %3 transmis au client.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 bytes read from the target; %2 sent on to the client, %3 waiting in the relay.</source>
        <translation>%1 octets lus de la cible&#xa0;; %2 transmis au client, %3 en attente dans le relais.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The relay numbers its connections in the order it accepts them.</source>
        <translation>Le relais numérote ses connexions dans l&apos;ordre où il les accepte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address and port the client&apos;s datagrams came from.</source>
        <translation>L&apos;adresse et le port d&apos;où venaient les datagrammes du client.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The client&apos;s address and port.</source>
        <translation>L&apos;adresse et le port du client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target address the relay connected to for this client.</source>
        <translation>L&apos;adresse de la cible à laquelle le relais s&apos;est connecté pour ce client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether the connection is being made, open, half-closed, closed or was refused.</source>
        <translation>Si la connexion est en cours d&apos;établissement, ouverte, à demi fermée, fermée ou a été refusée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes from the client, sent on to the target.</source>
        <translation>Octets venus du client, transmis à la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes from the target, sent on to the client.</source>
        <translation>Octets venus de la cible, transmis au client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes read from the client that wait to be sent on: a pause, a delay, a cap, or a target that does not read.</source>
        <translation>Octets lus du client qui attendent d&apos;être transmis&#xa0;: une pause, un délai, un plafond, ou une cible qui ne lit pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes read from the target that wait to be sent on: a pause, a delay, a cap, or a client that does not read.</source>
        <translation>Octets lus de la cible qui attendent d&apos;être transmis&#xa0;: une pause, un délai, un plafond, ou un client qui ne lit pas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the connection ended, when it was not both sides closing: the target refused or timed out, a reset.</source>
        <translation>Pourquoi la connexion a pris fin, quand ce n&apos;est pas la fermeture des deux côtés&#xa0;: la cible a refusé ou n&apos;a pas répondu à temps, une réinitialisation.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Id</source>
        <translation>N°</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To target</source>
        <translation>Vers la cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To client</source>
        <translation>Vers le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued to target</source>
        <translation>En attente vers la cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Queued to client</source>
        <translation>En attente vers le client</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>SocketLab::RelayConnectionView</name>
    <message>
        <location filename="../ui/servers/relayconnectionview.cpp" line="-55"/>
        <location line="+56"/>
        <source>client</source>
        <translation>client</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>target</source>
        <translation>cible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client</source>
        <translation>Client</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target</source>
        <translation>Cible</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Select a connection to see what its client and the target said.</source>
        <translation>Choisissez une connexion pour voir ce que son client et la cible ont dit.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connection %1: client %2, target %3. %4.</source>
        <translation>Connexion %1&#xa0;: client %2, cible %3. %4.</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Client → target: %1 in %Ln datagram(s)</source>
        <translation>
            <numerusform>Client → cible&#xa0;: %1 en %Ln datagramme</numerusform>
            <numerusform>Client → cible&#xa0;: %1 en %Ln datagrammes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Client → target: %1 in %Ln recv()</source>
        <translation>
            <numerusform>Client → cible&#xa0;: %1 en %Ln recv()</numerusform>
            <numerusform>Client → cible&#xa0;: %1 en %Ln recv()</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>target → client: %1 in %Ln datagram(s)</source>
        <translation>
            <numerusform>cible → client&#xa0;: %1 en %Ln datagramme</numerusform>
            <numerusform>cible → client&#xa0;: %1 en %Ln datagrammes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>target → client: %1 in %Ln recv()</source>
        <translation>
            <numerusform>cible → client&#xa0;: %1 en %Ln recv()</numerusform>
            <numerusform>cible → client&#xa0;: %1 en %Ln recv()</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>queued: %1 to the target, %2 to the client</source>
        <translation>en attente&#xa0;: %1 vers la cible, %2 vers le client</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the relay&apos;s capture budget is full: bytes are forwarded and counted, not all are kept to show</source>
        <translation>le budget de capture du relais est plein&#xa0;: les octets sont transmis et comptés, pas tous gardés pour l&apos;affichage</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The client&apos;s bytes %1 to %2 selected (HTTP tab).</source>
        <translation>Octets %1 à %2 du client sélectionnés (onglet HTTP).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The target&apos;s bytes %1 to %2 selected (HTTP tab).</source>
        <translation>Octets %1 à %2 de la cible sélectionnés (onglet HTTP).</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Choose an event to see its bytes.</source>
        <translation>Choisissez un événement pour voir ses octets.</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Events of the selected connection</source>
        <translation>Événements de la connexion choisie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Socket calls</source>
        <translation>Appels socket</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The requests the client sent and the target&apos;s responses, with how each one&apos;s length was decided; a choice selects its bytes in the Hex and Text tabs.</source>
        <translation>Les requêtes du client et les réponses de la cible, avec la façon dont la longueur de chacune a été décidée&#xa0;; un choix sélectionne ses octets dans les onglets Hexa et Texte.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>The socket calls of both legs: accept() and the client&apos;s reads and writes, connect() to the target and its reads and writes.</source>
        <translation>Les appels socket des deux côtés&#xa0;: accept() et les lectures et écritures du client, connect() vers la cible et ses lectures et écritures.</translation>
    </message>
</context>
<context>
    <name>SocketLab::RelayShapingEdit</name>
    <message>
        <location filename="../ui/servers/relayshapingedit.cpp" line="+84"/>
        <source>To the target:</source>
        <translation>Vers la cible&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To the client:</source>
        <translation>Vers le client&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the client sends, on its way to the target.</source>
        <translation>Ce que le client envoie, en route vers la cible.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the target answers, on its way back to the client.</source>
        <translation>Ce que la cible répond, en route vers le client.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay:</source>
        <translation>Délai&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation>&#xa0;ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each byte leaves this long after it arrived, an end of stream (FIN) too.</source>
        <translation>Chaque octet repart ce temps-là après son arrivée, une fin de flux (FIN) aussi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cap:</source>
        <translation>Plafond&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> bytes/s</source>
        <translation>&#xa0;octets/s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No cap</source>
        <translation>Aucun plafond</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At most this many bytes a second leave in this direction; the rest wait, shown as queued.</source>
        <translation>Au plus ce nombre d&apos;octets par seconde part dans ce sens&#x202f;; le reste attend, affiché comme en attente.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing leaves in this direction: bytes queue (shown as queued) until it resumes, then the sender waits once the queue is full.</source>
        <translation>Rien ne part dans ce sens&#xa0;: les octets attendent (affichés comme en attente) jusqu&apos;à la reprise, puis l&apos;expéditeur attend une fois la file pleine.</translation>
    </message>
</context>
<context>
    <name>SocketLab::RelayView</name>
    <message numerus="yes">
        <location filename="../ui/servers/relayview.cpp" line="+157"/>
        <source>%Ln connection(s), %1 open, %2 refused, %3 failed</source>
        <translation>
            <numerusform>%Ln connexion (ouvertes&#xa0;: %1, refusées&#xa0;: %2, en échec&#xa0;: %3)</numerusform>
            <numerusform>%Ln connexions (ouvertes&#xa0;: %1, refusées&#xa0;: %2, en échec&#xa0;: %3)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>to the target %1, to the client %2</source>
        <translation>vers la cible %1, vers le client %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Connections of the selected relay</source>
        <translation>Connexions du relais choisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected relay, changed at once</source>
        <translation>Le relais choisi, modifié aussitôt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delay, cap and pause of the running relay, for every connection: a change applies at once.</source>
        <translation>Délai, plafond et pause du relais en marche, pour chaque connexion&#xa0;: un changement s&apos;applique aussitôt.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ReplayBar</name>
    <message>
        <location filename="../ui/reply/replaybar.cpp" line="+151"/>
        <source>Play</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show all</source>
        <translation>Tout montrer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave the replay: show every byte received</source>
        <translation>Quitter la relecture&#xa0;: montrer chaque octet reçu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How fast Play goes, against the real time</source>
        <translation>La vitesse de la lecture, par rapport au temps réel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1×</source>
        <extracomment>A replay speed: 0.5 × the real time.</extracomment>
        <translation>%1&#x202f;×</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>◀ Previous %1</source>
        <extracomment>%1: the C call each step is, recv() or SSL_read()</extracomment>
        <translation>◀ %1 précédent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show what had arrived one %1 earlier</source>
        <extracomment>%1: the C call each step is, recv() or SSL_read()</extracomment>
        <translation>Montrer ce qui était arrivé un %1 plus tôt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next %1 ▶</source>
        <extracomment>%1: the C call each step is, recv() or SSL_read()</extracomment>
        <translation>%1 suivant ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show what had arrived after the next %1</source>
        <extracomment>%1: the C call each step is, recv() or SSL_read()</extracomment>
        <translation>Montrer ce qui était arrivé après le %1 suivant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replay the %1 calls at the times they came, at the chosen speed</source>
        <extracomment>%1: the C call each step is, recv() or SSL_read()</extracomment>
        <translation>Rejouer les appels à %1 aux instants où ils sont arrivés, à la vitesse choisie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Preparing the replay…</source>
        <translation>Préparation de la relecture…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No recv() returned data: nothing to replay.</source>
        <translation>Aucun recv() n&apos;a renvoyé de données&#xa0;: rien à rejouer.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Replay: %Ln SSL_read() call(s) with data. Press Next or Play to see the reply arrive.</source>
        <translation>
            <numerusform>Relecture&#xa0;: %Ln appel à SSL_read() avec des données. Appuyez sur «&#xa0;SSL_read() suivant&#xa0;» ou Lecture pour voir la réponse arriver.</numerusform>
            <numerusform>Relecture&#xa0;: %Ln appels à SSL_read() avec des données. Appuyez sur «&#xa0;SSL_read() suivant&#xa0;» ou Lecture pour voir la réponse arriver.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Replay: %Ln recv() call(s) with data. Press Next or Play to see the reply arrive.</source>
        <translation>
            <numerusform>Relecture&#xa0;: %Ln appel à recv() avec des données. Appuyez sur «&#xa0;recv() suivant&#xa0;» ou Lecture pour voir la réponse arriver.</numerusform>
            <numerusform>Relecture&#xa0;: %Ln appels à recv() avec des données. Appuyez sur «&#xa0;recv() suivant&#xa0;» ou Lecture pour voir la réponse arriver.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step %1 of %2 · %3</source>
        <translation>Étape %1 sur %2 · %3</translation>
    </message>
</context>
<context>
    <name>SocketLab::ReplyPanel</name>
    <message>
        <location filename="../ui/reply/replypanel.cpp" line="+157"/>
        <source>He&amp;x</source>
        <translation>He&amp;xa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTT&amp;P</source>
        <translation>HTT&amp;P</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Certificate</source>
        <translation>Certificat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The TLS connection and the certificates the server sent</source>
        <translation>La connexion TLS et les certificats envoyés par le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save reply…</source>
        <translation>Enregistrer la réponse…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the received bytes to a file, exactly as they came (Ctrl+S)</source>
        <translation>Enregistrer les octets reçus dans un fichier, exactement tels qu&apos;ils sont arrivés (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop now</source>
        <translation>Arrêter maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>End the exchange here: every byte received is kept, and the stop reason says you stopped it</source>
        <translation>Terminer l&apos;échange ici&#xa0;: chaque octet reçu est conservé, et la raison de l&apos;arrêt dit que vous l&apos;avez arrêté</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the HTTP framing</source>
        <translation>Utiliser la délimitation HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the next send on, stop reading when the reply&apos;s HTTP framing says it is complete; this exchange goes on until it ends or you stop it</source>
        <translation>À partir du prochain envoi, arrêter la lecture quand la délimitation HTTP de la réponse dit qu&apos;elle est complète&#x202f;; cet échange continue jusqu&apos;à sa fin ou jusqu&apos;à ce que vous l&apos;arrêtiez</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>The HTTP reply is complete (%1) but the server keeps the connection open: reading until it closes can wait up to its keep-alive timeout.</source>
        <translation>La réponse HTTP est complète (%1) mais le serveur garde la connexion ouverte&#xa0;: lire jusqu&apos;à sa fermeture peut attendre jusqu&apos;à la fin de son délai keep-alive.</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Content-Length %1 reached</source>
        <translation>Content-Length %1 atteint</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its last chunk arrived</source>
        <translation>son dernier bloc est arrivé</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>it has no body</source>
        <translation>elle n&apos;a pas de corps</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Nothing received for %1 s.</source>
        <translation>Rien reçu depuis %1&#xa0;s.</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>Nothing received for %1 s: the server is silent and keeps the connection open.</source>
        <translation>Rien reçu depuis %1&#xa0;s&#xa0;: le serveur se tait et garde la connexion ouverte.</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>The next sends stop at the HTTP framing.</source>
        <translation>Les prochains envois s&apos;arrêtent à la délimitation HTTP.</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>Framing</source>
        <translation>Délimitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why reading stopped, on the bytes: what decided where the reply ends, and a replay of its recv() calls</source>
        <translation>Pourquoi la lecture s&apos;est arrêtée, sur les octets&#xa0;: ce qui a décidé où finit la réponse, et une relecture de ses appels à recv()</translation>
    </message>
    <message>
        <location line="+129"/>
        <source>101: what follows its headers belongs to the new protocol</source>
        <translation>101&#xa0;: ce qui suit ses en-têtes appartient au nouveau protocole</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the CONNECT tunnel is open: what follows its headers went through the tunnel</source>
        <translation>le tunnel CONNECT est ouvert&#xa0;: ce qui suit ses en-têtes a traversé le tunnel</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The HTTP reply is complete (%1) but the stop rule waits for %2 more, which the server may never send.</source>
        <translation>La réponse HTTP est complète (%1) mais la règle d&apos;arrêt attend encore %2, que le serveur n&apos;enverra peut-être jamais.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cookies set by this reply:</source>
        <translation>Cookies posés par cette réponse&#xa0;:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Waiting for the last %1 of the %2 the stop rule asks for: nothing received for %3 s.</source>
        <translation>Il manque encore %1 des %2 que demande la règle d&apos;arrêt&#xa0;: rien reçu depuis %3&#xa0;s.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Waiting for the end of the reply&apos;s header section (its blank line): nothing received for %1 s.</source>
        <translation>En attente de la fin de la section des en-têtes de la réponse (sa ligne vide)&#xa0;: rien reçu depuis %1&#xa0;s.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for the last %1 of the %2 the Content-Length announced: nothing received for %3 s.</source>
        <translation>Il manque encore %1 des %2 annoncés par Content-Length&#xa0;: rien reçu depuis %3&#xa0;s.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Waiting for the rest of the chunked body, up to its last chunk (of size 0): nothing received for %1 s.</source>
        <translation>En attente de la suite du corps chunked, jusqu&apos;à son dernier bloc (de taille 0)&#xa0;: rien reçu depuis %1&#xa0;s.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>No exchange yet: press Send (Ctrl+Return).</source>
        <translation>Aucun échange pour l&apos;instant&#xa0;: appuyez sur Envoyer (Ctrl+Retour).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resolving the name…</source>
        <translation>Résolution du nom…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting…</source>
        <translation>Connexion…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS handshake…</source>
        <translation>Négociation TLS…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receiving… %1 so far</source>
        <translation>Réception en cours… %1 pour l&apos;instant</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Replace the pinned certificate…</source>
        <translation>Remplacer le certificat épinglé…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trust this certificate…</source>
        <translation>Faire confiance à ce certificat…</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%Ln SSL_read() call(s) with data</source>
        <translation>
            <numerusform>%Ln appel SSL_read() avec données</numerusform>
            <numerusform>%Ln appels SSL_read() avec données</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%Ln recv() call(s) with data</source>
        <translation>
            <numerusform>%Ln appel recv() avec données</numerusform>
            <numerusform>%Ln appels recv() avec données</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent %1 · received %2 in %3 · resolved %4 ms · connected %5 ms · first byte %6 ms · total %7 ms</source>
        <translation>Envoi&#xa0;: %1 · réception&#xa0;: %2 en %3 · résolution&#xa0;: %4&#xa0;ms · connexion&#xa0;: %5&#xa0;ms · premier octet&#xa0;: %6&#xa0;ms · total&#xa0;: %7&#xa0;ms</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> · TLS handshake %1 ms</source>
        <translation> · négociation TLS %1&#xa0;ms</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Save the reply</source>
        <translation>Enregistrer la réponse</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>reply.bin</source>
        <extracomment>The file name offered when saving a reply.</extracomment>
        <translation>réponse.bin</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 The reply is still here: save it again elsewhere.</source>
        <translation>%1 La réponse est toujours là&#xa0;: enregistrez-la ailleurs.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved %1 to %2.</source>
        <translation>Réponse enregistrée dans %2 (%1).</translation>
    </message>
</context>
<context>
    <name>SocketLab::RequestEditor</name>
    <message>
        <location filename="../ui/request/requesteditor.cpp" line="+84"/>
        <source>HTTP/1.0 GET</source>
        <translation>HTTP/1.0 GET</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP/1.1 GET (Host, Connection: close)</source>
        <translation>HTTP/1.1 GET (Host, Connection: close)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP/1.1 HEAD</source>
        <translation>HTTP/1.1 HEAD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP/1.1 POST with a body</source>
        <translation>HTTP/1.1 POST avec un corps</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The request line and a blank line: the simplest request there is</source>
        <translation>La ligne de requête et une ligne vide&#xa0;: la requête la plus simple qui soit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP/1.1 needs a Host header; Connection: close makes the server close the connection after its reply</source>
        <translation>HTTP/1.1 exige un en-tête Host&#x202f;; Connection: close demande au serveur de fermer la connexion après sa réponse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Like GET, but the server sends the headers only</source>
        <translation>Comme GET, mais le serveur n&apos;envoie que les en-têtes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A form body, with a Content-Length that follows the body as you edit it</source>
        <translation>Un corps de formulaire, avec un Content-Length qui suit le corps au fil de vos modifications</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>Escapes</source>
        <translation>Échappements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text with escapes: \r \n \t \0 \\ and \xNN for any byte</source>
        <translation>Texte avec séquences d&apos;échappement&#xa0;: \r \n \t \0 \\ et \xNN pour n&apos;importe quel octet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Escapes mode</source>
        <translation>Mode échappements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain text with visible line endings: CR and LF show as marks, like the other control bytes and the bytes that are not text</source>
        <translation>Texte brut aux fins de ligne visibles&#xa0;: CR et LF apparaissent comme des marques, tout comme les autres octets de contrôle et les octets qui ne sont pas du texte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text mode</source>
        <translation>Mode texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes in hexadecimal, 16 a line; type them with any spacing</source>
        <translation>Les octets en hexadécimal, 16 par ligne&#x202f;; saisissez-les avec l&apos;espacement de votre choix</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex mode</source>
        <translation>Mode hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP mode: Enter writes CR LF, and a Content-Length header follows the size of the body</source>
        <translation>Mode HTTP&#xa0;: Entrée écrit CR LF, et un en-tête Content-Length suit la taille du corps</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HTTP mode</source>
        <translation>Mode HTTP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Templates</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the request with a ready-made HTTP request</source>
        <translation>Remplacer la requête par une requête HTTP toute prête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request templates</source>
        <translation>Modèles de requête</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request error</source>
        <translation>Erreur dans la requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request size</source>
        <translation>Taille de la requête</translation>
    </message>
    <message>
        <location line="+274"/>
        <source>Line %1, column %2: %3</source>
        <translation>Ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column %1: %2</source>
        <translation>Colonne %1&#xa0;: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+34"/>
        <source>%Ln byte(s)</source>
        <translation>
            <numerusform>%Ln octet</numerusform>
            <numerusform>%Ln octets</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1 · %n doubled CR(s) (\r\r): likely a mistake</source>
        <translation>
            <numerusform>%1 · %n CR doublé (\r\r)&#xa0;: sans doute une erreur</numerusform>
            <numerusform>%1 · %n CR doublés (\r\r)&#xa0;: sans doute une erreur</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A line of the request head ends in CR CR LF. Enter already writes \r\n: a \r typed before it is one too many, and many servers reject the request.</source>
        <translation>Une ligne de l&apos;en-tête de la requête se termine par CR CR LF. Entrée écrit déjà \r\n&#xa0;: un \r tapé avant est de trop, et beaucoup de serveurs refusent la requête.</translation>
    </message>
    <message numerus="yes">
        <location line="-12"/>
        <source>%Ln byte(s) before the error</source>
        <translation>
            <numerusform>%Ln octet avant l&apos;erreur</numerusform>
            <numerusform>%Ln octets avant l&apos;erreur</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::SaveRequestDialog</name>
    <message>
        <location filename="../ui/collections/saverequestdialog.cpp" line="+34"/>
        <source>Save to collection</source>
        <translation>Enregistrer dans une collection</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New collection…</source>
        <translation>Nouvelle collection…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lab</source>
        <translation>labo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SocketLab collection (.json): any request</source>
        <translation>Collection SocketLab (.json)&#xa0;: toute requête</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP file (.http): HTTP requests over TCP or TLS</source>
        <translation>Fichier HTTP (.http)&#xa0;: requêtes HTTP en TCP ou TLS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>top of the collection</source>
        <translation>racine de la collection</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Collection:</source>
        <translation>&amp;Collection&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New c&amp;ollection:</source>
        <translation>Nouvelle c&amp;ollection&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
</context>
<context>
    <name>SocketLab::ScriptText</name>
    <message>
        <location filename="../core/text/scripttext.cpp" line="+24"/>
        <source>unknown step &quot;%1&quot;; the steps are send, send-hex, expect, expect-re, expect-close, timeout, sleep, shutdown, close, sockopt</source>
        <translation>étape «&#xa0;%1&#xa0;» inconnue&#x202f;; les étapes sont send, send-hex, expect, expect-re, expect-close, timeout, sleep, shutdown, close, sockopt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 needs an argument</source>
        <translation>%1 demande un argument</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 takes no argument</source>
        <translation>%1 ne prend pas d&apos;argument</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>invalid regular expression (%1)</source>
        <translation>expression régulière invalide (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot; is not a number of milliseconds</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est pas un nombre de millisecondes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shutdown takes wr or rdwr, not &quot;%1&quot;</source>
        <translation>shutdown prend wr ou rdwr, pas «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>line %1, column %2: %3</source>
        <translation>ligne %1, colonne %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>a match of /%1/</source>
        <translation>une correspondance de /%1/</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the peer to close the connection</source>
        <translation>la fermeture de la connexion par l&apos;hôte distant</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>nothing arrived</source>
        <translation>rien n&apos;est arrivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the last bytes that arrived: &quot;%1&quot;</source>
        <translation>les derniers octets arrivés&#xa0;: «&#xa0;%1&#xa0;»</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>line %1: expected %2, but the peer closed the connection first; %3.</source>
        <translation>ligne %1&#xa0;: %2 était attendu, mais l&apos;hôte distant a fermé la connexion avant&#x202f;; %3.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>line %1: expected %2 within %3 ms; %4.</source>
        <translation>ligne %1&#xa0;: %2 était attendu dans les %3&#xa0;ms&#x202f;; %4.</translation>
    </message>
</context>
<context>
    <name>SocketLab::ServersPanel</name>
    <message>
        <location filename="../ui/servers/serverspanel.cpp" line="+711"/>
        <source>datagram</source>
        <translation>datagramme</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>send</source>
        <translation>send</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Select a listener to see its clients and its socket calls.</source>
        <translation>Choisissez un serveur pour voir ses clients et ses appels socket.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Select a sender to see its datagrams.</source>
        <translation>Choisissez un expéditeur pour voir ses datagrammes.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Select a client to see its bytes.</source>
        <translation>Choisissez un client pour voir ses octets.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Received from sender %1 (%2), sent to %3: %4</source>
        <translation>Reçu de l&apos;expéditeur %1 (%2), envoyé à %3&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received from sender %1 (%2): %3</source>
        <translation>Reçu de l&apos;expéditeur %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to sender %1 (%2): %3</source>
        <translation>Envoyé à l&apos;expéditeur %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client %1 (%2) was refused: the listener was serving its maximum of clients.</source>
        <translation>Le client %1 (%2) a été refusé&#xa0;: le serveur servait déjà son maximum de clients.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received from client %1 (%2): %3</source>
        <translation>Reçu du client %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sent to client %1 (%2): %3</source>
        <translation>Envoyé au client %1 (%2)&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Bytes dropped: the listener&apos;s capture budget went to newer clients, none are kept to show.</source>
        <translation>Octets abandonnés&#xa0;: le budget de capture du serveur est allé à des clients plus récents, aucun n&apos;est conservé pour l&apos;affichage.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes dropped: the listener&apos;s capture budget is full, only the first %1 are shown.</source>
        <translation>Octets abandonnés&#xa0;: le budget de capture du serveur est plein, seuls les %1 premiers sont affichés.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1 is listening on %2 (%3) and relays each client to %4 over TLS: point the client at %2.</source>
        <translation>%1 écoute sur %2 (%3) et relaie chaque client vers %4 en TLS&#xa0;: dirigez le client vers %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is listening on %2 (%3) and relays each client to %4: point the client at %2.</source>
        <translation>%1 écoute sur %2 (%3) et relaie chaque client vers %4&#xa0;: dirigez le client vers %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is listening on %2 (TCP+TLS, certificate SHA-256 %3).</source>
        <translation>%1 est à l&apos;écoute sur %2 (TCP+TLS, certificat SHA-256 %3).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is listening on %2 (%3).</source>
        <translation>%1 est à l&apos;écoute sur %2 (%3).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Could not start the relay: %1.</source>
        <translation>Impossible de démarrer le relais&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 cannot accept new clients: %2. They wait in the queue; accept() is tried again after a pause that grows to %3 ms.</source>
        <translation>%1 ne peut pas accepter de nouveaux clients&#xa0;: %2. Ils attendent dans la file&#x202f;; accept() est retenté après une pause qui s&apos;allonge jusqu&apos;à %3&#xa0;ms.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 accepts new clients again.</source>
        <translation>%1 accepte de nouveau des clients.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Listeners</source>
        <translation>Serveurs</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clients of the selected listener</source>
        <translation>Clients du serveur choisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>St&amp;op</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the selected listener: its socket and every client connection are closed.</source>
        <translation>Arrêter le serveur choisi&#xa0;: son socket et toutes les connexions des clients sont fermés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Res&amp;tart</source>
        <translation>&amp;Redémarrer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tal&amp;k to it</source>
        <translation>S&apos;&amp;y connecter</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Start the selected listener again on the same address and port.</source>
        <translation>Redémarrer le serveur choisi sur la même adresse et le même port.</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Could not start the listener: %1.</source>
        <translation>Impossible de démarrer le serveur&#xa0;: %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not restart %1: %2.</source>
        <translation>Impossible de redémarrer %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 reported an error: %2.</source>
        <translation>%1 a signalé une erreur&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Stop the selected listener and take it out of the table (not the built-in servers).</source>
        <translation>Arrêter le serveur choisi et le retirer du tableau (pas les serveurs intégrés).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put the selected listener&apos;s address and port into the connection form.</source>
        <translation>Reporter l&apos;adresse et le port du serveur choisi dans le formulaire de connexion.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send to client…</source>
        <translation>Envoyer au client…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send bytes to the selected client (or UDP sender) from the request editor, and shut down or close its connection: SocketLab as the server.</source>
        <translation>Envoyer des octets au client sélectionné (ou à l&apos;expéditeur UDP) depuis l&apos;éditeur de requête, et fermer sa connexion en écriture ou entièrement&#xa0;: SocketLab côté serveur.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received</source>
        <translation>Reçus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes the selected client sent to the listener.</source>
        <translation>Les octets que le client choisi a envoyés au serveur.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Envoyés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The bytes the listener sent to the selected client.</source>
        <translation>Les octets que le serveur a envoyés au client choisi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>Hexa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>Texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trace</source>
        <translation>Appels socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The socket calls of the selected listener: bind, listen, accept, recv, send, close.</source>
        <translation>Les appels socket du serveur choisi&#xa0;: bind, listen, accept, recv, send, close.</translation>
    </message>
</context>
<context>
    <name>SocketLab::SettingsDialog</name>
    <message>
        <location filename="../ui/settings/settingsdialog.cpp" line="+36"/>
        <source>Settings</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted certificates</source>
        <translation>Certificats de confiance</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
</context>
<context>
    <name>SocketLab::SettingsNotice</name>
    <message>
        <location filename="../ui/settings/settingsnotice.cpp" line="+44"/>
        <source>Saved settings</source>
        <translation>Réglages enregistrés</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Details…</source>
        <translation>Détails…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Hide this notice</source>
        <translation>Masquer cet avis</translation>
    </message>
</context>
<context>
    <name>SocketLab::ShowCodeDialog</name>
    <message>
        <location filename="../ui/code/showcodedialog.cpp" line="+148"/>
        <source>Show code: %1:%2</source>
        <translation>Code de l&apos;échange&#xa0;: %1:%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A program that does what SocketLab does for this exchange, with the same bytes and the same rule for when to stop reading. It writes the bytes it receives to standard output and nothing else there; what it explains goes to standard error.</source>
        <translation>Un programme qui fait ce que SocketLab fait pour cet échange, avec les mêmes octets et la même règle d&apos;arrêt de la lecture. Il écrit les octets qu&apos;il reçoit sur la sortie standard, et rien d&apos;autre&#xa0;; ce qu&apos;il explique va sur la sortie d&apos;erreur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Python (socket module, as in the notebooks)</source>
        <translation>&amp;Python (module socket, comme dans les notebooks)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;C (BSD sockets)</source>
        <translation>&amp;C (sockets BSD)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;opy</source>
        <translation>C&amp;opier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>To run it: python3 %1 &gt; reply.bin</source>
        <translation>Pour l&apos;exécuter&#xa0;: python3 %1 &gt; reply.bin</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To build and run it: gcc -Wall -Wextra -Werror -o %1 %2%3 &amp;&amp; ./%1 &gt; reply.bin</source>
        <translation>Pour le compiler et l&apos;exécuter&#xa0;: gcc -Wall -Wextra -Werror -o %1 %2%3 &amp;&amp; ./%1 &gt; reply.bin</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Writing the program…</source>
        <translation>Écriture du programme…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The program has %1 characters: the view shows its first %2; Copy and Save… give it whole.</source>
        <translation>Le programme compte %1 caractères&#xa0;: la vue en montre les %2 premiers&#xa0;; Copier et Enregistrer… le donnent en entier.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The program is on the clipboard.</source>
        <translation>Le programme est dans le presse-papiers.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Save the program</source>
        <translation>Enregistrer le programme</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Saved to %1.</source>
        <translation>Enregistré dans %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The program was not saved to %1: %2</source>
        <translation>Le programme n&apos;a pas été enregistré dans %1&#xa0;: %2</translation>
    </message>
</context>
<context>
    <name>SocketLab::SocketOptionText</name>
    <message>
        <location filename="../core/text/socketoptiontext.cpp" line="+20"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>send small writes at once instead of gathering them (no Nagle)</source>
        <translation>envoyer les petites écritures aussitôt au lieu de les regrouper (sans Nagle)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>probe an idle connection, so a dead peer is found</source>
        <translation>sonder une connexion inactive, pour découvrir un pair disparu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seconds of silence before the first keepalive probe</source>
        <translation>secondes de silence avant la première sonde keepalive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>seconds between keepalive probes</source>
        <translation>secondes entre deux sondes keepalive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unanswered probes before the connection is dropped</source>
        <translation>sondes sans réponse avant l&apos;abandon de la connexion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>receive buffer in bytes (Linux doubles it, capped by net.core.rmem_max)</source>
        <translation>tampon de réception en octets (Linux le double, plafonné par net.core.rmem_max)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>send buffer in bytes (Linux doubles it, capped by net.core.wmem_max)</source>
        <translation>tampon d&apos;envoi en octets (Linux le double, plafonné par net.core.wmem_max)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>bind a port still in TIME_WAIT</source>
        <translation>lier un port encore en TIME_WAIT</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>let several sockets bind the same port</source>
        <translation>permettre à plusieurs sockets de lier le même port</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off, or seconds close() waits for unsent bytes; 0: close() sends RST</source>
        <translation>off, ou les secondes que close() attend pour les octets non envoyés&#x202f;; 0&#xa0;: close() envoie RST</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>hops a packet may cross (IP_TTL, IPV6_UNICAST_HOPS)</source>
        <translation>sauts qu&apos;un paquet peut franchir (IP_TTL, IPV6_UNICAST_HOPS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>type of service / traffic class byte (IP_TOS, IPV6_TCLASS)</source>
        <translation>octet de type de service / classe de trafic (IP_TOS, IPV6_TCLASS)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>allow sending to a broadcast address</source>
        <translation>autoriser l&apos;envoi vers une adresse de diffusion</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an IPv6 socket takes IPv6 only, not IPv4-mapped addresses</source>
        <translation>un socket IPv6 ne prend que l&apos;IPv6, pas les adresses IPv4 mappées</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot;: a socket option is written NAME=VALUE, as nodelay=1.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: une option de socket s&apos;écrit NOM=VALEUR, comme nodelay=1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot;: no socket option is named &quot;%2&quot;; the names are %3.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: aucune option de socket ne s&apos;appelle «&#xa0;%2&#xa0;»&#x202f;; les noms sont %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&quot;%1&quot;: %2 is a switch: give 1 or 0 (on or off).</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2 est un interrupteur&#xa0;: donnez 1 ou 0 (on ou off).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot;: linger takes off or a number of seconds.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: linger prend off ou un nombre de secondes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;%1&quot;: the value of %2 must be a whole number.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: la valeur de %2 doit être un nombre entier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&quot;%1&quot;: %2 goes from %3 to %4.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2 va de %3 à %4.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot;: %2 is for %3 sockets only.</source>
        <translation>«&#xa0;%1&#xa0;»&#xa0;: %2 n&apos;est que pour les sockets %3.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+3"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on, %1 s</source>
        <translation>activé, %1&#xa0;s</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 s</source>
        <translation>%1&#xa0;s</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 only counts at bind(): set it before the conversation connects.</source>
        <translation>%1 ne compte qu&apos;au bind()&#xa0;: réglez-la avant que la conversation se connecte.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Linux doubles the size asked, for its own bookkeeping.</source>
        <translation>Linux double la taille demandée, pour sa propre gestion.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>above net.core.rmem_max (%1), so capped at it, then doubled by Linux.</source>
        <translation>au-dessus de net.core.rmem_max (%1), donc plafonné à cette valeur, puis doublé par Linux.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>above net.core.wmem_max (%1), so capped at it, then doubled by Linux.</source>
        <translation>au-dessus de net.core.wmem_max (%1), donc plafonné à cette valeur, puis doublé par Linux.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>below the kernel&apos;s smallest buffer, so raised to it.</source>
        <translation>en dessous du plus petit tampon du noyau, donc relevé à celui-ci.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>on a TCP socket the kernel keeps the two low bits (ECN) for itself.</source>
        <translation>sur un socket TCP, le noyau garde pour lui les deux bits de poids faible (ECN).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not set: this option is not for this socket&apos;s family or type.</source>
        <translation>non appliquée&#xa0;: cette option n&apos;est pas pour la famille ou le type de ce socket.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the system changed it without saying why.</source>
        <translation>le système l&apos;a modifiée sans dire pourquoi.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 %2: not set: %3.</source>
        <translation>%1 %2&#xa0;: option non appliquée&#xa0;: %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2: %3</source>
        <translation>%1 %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2: set; getsockopt() could not read it back.</source>
        <translation>%1 %2&#xa0;: option appliquée&#x202f;; getsockopt() n&apos;a pas pu la relire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2: set.</source>
        <translation>%1 %2&#xa0;: option appliquée.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: asked %2, has %3: %4</source>
        <translation>%1&#xa0;: demandé %2, obtenu %3&#xa0;: %4</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (%1 only)</source>
        <translation> (%1 seulement)</translation>
    </message>
</context>
<context>
    <name>SocketLab::SocketOptionsEdit</name>
    <message>
        <location filename="../ui/widgets/socketoptionsedit.cpp" line="+240"/>
        <source>Socket options</source>
        <translation>Options du socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The setsockopt() calls made before bind() and connect(), and the local address to bind. An option left alone is not set: the socket keeps the system&apos;s default.</source>
        <translation>Les appels setsockopt() faits avant bind() et connect(), et l&apos;adresse source à lier. Une option laissée telle quelle n&apos;est pas appliquée&#xa0;: le socket garde la valeur par défaut du système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set no option and bind no local address: every option back to the system&apos;s default</source>
        <translation>N&apos;appliquer aucune option et ne lier aucune adresse source&#xa0;: chaque option revient à la valeur par défaut du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Partly checked: not set, the system&apos;s default. A click sets it.</source>
        <translation>Case à moitié cochée&#xa0;: non appliquée, valeur par défaut du système. Un clic l&apos;applique.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1:</source>
        <extracomment>The label of an option&apos;s field: its name as the command line writes it, such as &quot;rcvbuf:&quot;.</extracomment>
        <translation>%1&#xa0;:</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+26"/>
        <source>default</source>
        <translation>par défaut</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&quot;default&quot;: not set, the system&apos;s default.</source>
        <translation>«&#xa0;par défaut&#xa0;»&#xa0;: non appliquée, valeur par défaut du système.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> bytes</source>
        <translation> octets</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+18"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>On with 0 s, close() sends RST: the connection is reset instead of closed, and the peer reads ECONNRESET.</source>
        <translation>Activé avec 0&#xa0;s, close() envoie RST&#xa0;: la connexion est réinitialisée au lieu d&apos;être fermée, et le pair lit ECONNRESET.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on</source>
        <translation>activé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Linger time</source>
        <translation>Durée de linger</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local address:</source>
        <translation>Adresse source&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>any (address[:port])</source>
        <translation>quelconque (adresse[:port])</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address, and optionally the port, to bind() before connect(), such as 127.0.0.2 or [::1]:5000; empty lets the system choose.</source>
        <translation>L&apos;adresse, et éventuellement le port, à lier par bind() avant connect(), comme 127.0.0.2 ou [::1]:5000&#x202f;; vide, le système choisit.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any</source>
        <translation>quelconque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The address to bind() before sending, such as 127.0.0.2; the port is the Local port field. Empty lets the system choose.</source>
        <translation>L&apos;adresse à lier par bind() avant l&apos;envoi, comme 127.0.0.2&#x202f;; le port est le champ Port source. Vide, le système choisit.</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Local address: &quot;%1&quot; is not a numeric IPv4 or IPv6 address, such as 127.0.0.1 or ::1.</source>
        <translation>Adresse source&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas une adresse IPv4 ou IPv6 numérique, comme 127.0.0.1 ou ::1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local address: the port of &quot;%1&quot; must be a number from 0 to 65535.</source>
        <translation>Adresse source&#xa0;: le port de «&#xa0;%1&#xa0;» doit être un nombre de 0 à 65535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Local address: give &quot;%1&quot; without a port; the port goes in the Local port field.</source>
        <translation>Adresse source&#xa0;: donnez «&#xa0;%1&#xa0;» sans port&#x202f;; le port va dans le champ Port source.</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>none set: the system&apos;s defaults</source>
        <translation>aucune&#xa0;: valeurs par défaut du système</translation>
    </message>
</context>
<context>
    <name>SocketLab::StopText</name>
    <message>
        <location filename="../core/text/stoptext.cpp" line="+33"/>
        <source>No TLS close_notify came before this FIN: the bytes before it may have been cut off.</source>
        <translation>Aucun close_notify TLS n&apos;est venu avant ce FIN&#xa0;: les octets qui le précèdent ont pu être tronqués.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%1 byte(s)</source>
        <translation>
            <numerusform>%1 octet</numerusform>
            <numerusform>%1 octets</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server closed the connection after %1 without TLS&apos;s close_notify: the reply may have been cut off.</source>
        <translation>Le serveur a fermé la connexion après %1 sans le close_notify de TLS&#xa0;: la réponse a pu être tronquée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server closed the connection after %1.</source>
        <translation>Le serveur a fermé la connexion après %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its Transfer-Encoding does not end with chunked, so the body ran until this close (RFC 9112 section 6.3).</source>
        <translation>Son Transfer-Encoding ne se termine pas par chunked&#xa0;: le corps allait donc jusqu&apos;à cette fermeture (RFC 9112, section 6.3).</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Content-Length %1 reached: the response is complete (%2 in all).</source>
        <translation>Content-Length %1 atteint&#xa0;: la réponse est complète (%2 en tout).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The last chunk arrived: the chunked response is complete (%1 in all).</source>
        <translation>Le dernier bloc est arrivé&#xa0;: la réponse chunked est complète (%1 en tout).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The response has no body: it is complete after its headers (%1).</source>
        <translation>La réponse n&apos;a pas de corps&#xa0;: elle est complète après ses en-têtes (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The server switched protocols (101): the HTTP reply ended with its headers, and what came after them belongs to the new protocol (%1 in all).</source>
        <translation>Le serveur a changé de protocole (101)&#xa0;: la réponse HTTP s&apos;est terminée avec ses en-têtes, et ce qui les suit appartient au nouveau protocole (%1 en tout).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The tunnel asked for with CONNECT is open: the HTTP reply ended with its headers, and what came after them went through the tunnel (%1 in all).</source>
        <translation>Le tunnel demandé par CONNECT est ouvert&#xa0;: la réponse HTTP s&apos;est terminée avec ses en-têtes, et ce qui les suit a traversé le tunnel (%1 en tout).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The response is complete (%1).</source>
        <translation>La réponse est complète (%1).</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>The %1 byte(s) asked for were received.</source>
        <translation>
            <numerusform>%1 octet reçu, comme demandé.</numerusform>
            <numerusform>Les %1 octets demandés ont été reçus.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No data for %1 ms: stopped reading after %2.</source>
        <translation>Aucune donnée pendant %1&#xa0;ms&#xa0;: lecture arrêtée après %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 ms time limit passed after %2.</source>
        <translation>Le délai de %1&#xa0;ms s&apos;est écoulé après %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The size cap of %1 was reached: the rest was not read.</source>
        <translation>La taille maximale de %1 est atteinte&#xa0;: la suite n&apos;a pas été lue.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled after %1.</source>
        <translation>Annulé après %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You stopped reading after %1, with the connection still open: every byte is kept.</source>
        <translation>Vous avez arrêté la lecture après %1, la connexion encore ouverte&#xa0;: chaque octet est conservé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You stopped reading after %1, once the HTTP reply was complete (Content-Length %2 reached) and while the server kept the connection open.</source>
        <translation>Vous avez arrêté la lecture après %1, une fois la réponse HTTP complète (Content-Length %2 atteint), alors que le serveur gardait la connexion ouverte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You stopped reading after %1, once the HTTP reply was complete (its last chunk had arrived) and while the server kept the connection open.</source>
        <translation>Vous avez arrêté la lecture après %1, une fois la réponse HTTP complète (son dernier bloc était arrivé), alors que le serveur gardait la connexion ouverte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>You stopped reading after %1, once the HTTP reply was complete and while the server kept the connection open.</source>
        <translation>Vous avez arrêté la lecture après %1, une fois la réponse HTTP complète, alors que le serveur gardait la connexion ouverte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stopped by an error after %1.</source>
        <translation>Arrêté par une erreur après %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The reply is not valid HTTP: stopped after %1.</source>
        <translation>La réponse n&apos;est pas du HTTP valide&#xa0;: arrêt après %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The %1 ms wait for datagrams ended (%2 received).</source>
        <translation>Le temps d&apos;attente des datagrammes (%1&#xa0;ms) est écoulé&#xa0;: %2 en tout.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%Ln datagram(s) received, as asked.</source>
        <translation>
            <numerusform>%Ln datagramme reçu, comme demandé.</numerusform>
            <numerusform>%Ln datagrammes reçus, comme demandé.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::StoredSettings</name>
    <message>
        <location filename="../ui/settings/storedsettings.cpp" line="+142"/>
        <source>The saved settings could not be read: defaults used.</source>
        <translation>Réglages enregistrés illisibles&#xa0;: réglages par défaut utilisés.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Settings saved by a newer SocketLab: defaults used, file left alone.</source>
        <translation>Réglages enregistrés par un SocketLab plus récent&#xa0;: réglages par défaut utilisés, fichier laissé tel quel.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n saved setting(s) reset to the default.</source>
        <translation>
            <numerusform>%n réglage remis par défaut.</numerusform>
            <numerusform>%n réglages remis par défaut.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The saved settings could not be read: the window starts with its defaults (%1).</source>
        <translation>Les réglages enregistrés sont illisibles&#xa0;: la fenêtre démarre avec ses réglages par défaut (%1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The saved settings are from a newer SocketLab (format %1, this one reads %2): the window starts with its defaults and leaves them as they are (%3).</source>
        <translation>Les réglages enregistrés viennent d&apos;une version plus récente de SocketLab (format %1, celle-ci lit le format %2)&#xa0;: la fenêtre démarre avec ses réglages par défaut et les laisse tels quels (%3).</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n saved setting(s) had a value this SocketLab cannot use and went back to the default:</source>
        <translation>
            <numerusform>%n réglage enregistré avait une valeur que ce SocketLab ne peut pas utiliser et a été remis par défaut&#xa0;:</numerusform>
            <numerusform>%n réglages enregistrés avaient une valeur que ce SocketLab ne peut pas utiliser et ont été remis par défaut&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File: %1</source>
        <translation>Fichier&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::TargetEdit</name>
    <message>
        <location filename="../ui/widgets/targetedit.cpp" line="+68"/>
        <source>H&amp;ost:</source>
        <translation>&amp;Hôte&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Po&amp;rt:</source>
        <translation>Po&amp;rt&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any family</source>
        <translation>Toutes familles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv4 only</source>
        <translation>IPv4 seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPv6 only</source>
        <translation>IPv6 seulement</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address family</source>
        <translation>Famille d&apos;adresses</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which addresses of the name to try: IPv4, IPv6, or both in the order getaddrinfo() gives.</source>
        <translation>Quelles adresses du nom essayer&#xa0;: IPv4, IPv6, ou les deux dans l&apos;ordre que donne getaddrinfo().</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Type a host name or an address.</source>
        <translation>Saisissez un nom d&apos;hôte ou une adresse.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type a port number or a service name.</source>
        <translation>Saisissez un numéro de port ou un nom de service.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Port %1 does not exist: a port is a number from 1 to 65535.</source>
        <translation>Le port %1 n&apos;existe pas&#xa0;: un port est un nombre de 1 à 65&#x202f;535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is neither a port number nor a service name.</source>
        <translation>«&#xa0;%1&#xa0;» n&apos;est ni un numéro de port ni un nom de service.</translation>
    </message>
</context>
<context>
    <name>SocketLab::TcpCapture</name>
    <message>
        <location filename="../core/capture/tcpcapture.cpp" line="+80"/>
        <source>TLS application data, shown decrypted as plain TCP payload (the TLS records are not in this capture)</source>
        <translation>Données applicatives TLS, montrées déchiffrées comme simple charge utile TCP (les enregistrements TLS ne sont pas dans cette capture)</translation>
    </message>
    <message>
        <location filename="../core/capture/tcpstream.cpp" line="+151"/>
        <source>connect() attempt %1 of %2: %3</source>
        <translation>Tentative de connect() %1 sur %2&#xa0;: %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The local port is made up: the kernel does not report it for a connect() that failed.</source>
        <translation>Le port local est inventé&#xa0;: le noyau ne le donne pas pour un connect() qui a échoué.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The local address and port are not known: the kernel does not report them for a connect() that failed.</source>
        <translation>L’adresse et le port locaux ne sont pas connus&#xa0;: le noyau ne les donne pas pour un connect() qui a échoué.</translation>
    </message>
</context>
<context>
    <name>SocketLab::TextView</name>
    <message>
        <location filename="../ui/reply/textview.cpp" line="+575"/>
        <source>Reply bytes as text</source>
        <translation>Octets de la réponse en texte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reply decoded as text; line ends and control bytes are shown as symbols</source>
        <translation>La réponse décodée en texte&#x202f;; les fins de ligne et les octets de contrôle apparaissent sous forme de symboles</translation>
    </message>
</context>
<context>
    <name>SocketLab::TlsOptionsEdit</name>
    <message>
        <location filename="../ui/connection/tlsoptionsedit.cpp" line="+144"/>
        <source>TLS options</source>
        <translation>Options TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name sent in SNI, the application protocols offered (ALPN), the oldest TLS version accepted and the authorities trusted, as openssl s_client&apos;s -servername, -alpn, -tls1_3 and -CAfile set them.</source>
        <translation>Le nom envoyé dans le SNI, les protocoles applicatifs proposés (ALPN), la plus ancienne version de TLS acceptée et les autorités de confiance, comme les règlent -servername, -alpn, -tls1_3 et -CAfile d&apos;openssl s_client.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server name:</source>
        <translation>Nom du serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The name sent in SNI and that the certificate must cover. Empty: the host, and no SNI when the host is an IP address. A name here reaches a virtual host by its address.</source>
        <translation>Le nom envoyé dans le SNI et que le certificat doit couvrir. Vide&#xa0;: l&apos;hôte, et aucun SNI quand l&apos;hôte est une adresse IP. Un nom ici atteint un hôte virtuel par son adresse.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ALPN:</source>
        <translation>ALPN&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The application protocols offered, in order of preference and separated by commas, such as h2,http/1.1. Empty offers none. The Certificate tab says which one the server chose.</source>
        <translation>Les protocoles applicatifs proposés, par ordre de préférence et séparés par des virgules, comme h2,http/1.1. Vide n&apos;en propose aucun. L&apos;onglet Certificat dit lequel le serveur a choisi.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Oldest version:</source>
        <translation>Version minimale&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any</source>
        <translation>toutes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The oldest TLS version accepted: a server that cannot speak it fails the handshake.</source>
        <translation>La plus ancienne version de TLS acceptée&#xa0;: avec un serveur qui ne la parle pas, la poignée de main échoue.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA file:</source>
        <translation>Fichier d&apos;AC&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the system&apos;s authorities only</source>
        <translation>les autorités du système seules</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A file of PEM certificates of authorities trusted beside the system&apos;s, such as a test CA&apos;s or a company&apos;s.</source>
        <translation>Un fichier de certificats PEM d&apos;autorités approuvées en plus de celles du système, comme celui d&apos;une AC de test ou d&apos;une entreprise.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Choose the CA file</source>
        <translation>Choisir le fichier d&apos;AC</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Server name: &quot;%1&quot; is not a host name: no spaces, at most %2 characters, such as www.example.com.</source>
        <translation>Nom du serveur&#xa0;: «&#xa0;%1&#xa0;» n&apos;est pas un nom d&apos;hôte&#xa0;: pas d&apos;espaces, au plus %2 caractères, comme www.example.com.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ALPN: &quot;%1&quot; has an empty or too long protocol name: each has 1 to %2 bytes, separated by commas, such as h2,http/1.1.</source>
        <translation>ALPN&#xa0;: «&#xa0;%1&#xa0;» a un nom de protocole vide ou trop long&#xa0;: chacun a de 1 à %2 octets, séparés par des virgules, comme h2,http/1.1.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CA file: %1 does not exist.</source>
        <translation>Fichier d&apos;AC&#xa0;: %1 n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA file: %1 is not a file that can be read.</source>
        <translation>Fichier d&apos;AC&#xa0;: %1 n&apos;est pas un fichier lisible.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>SNI %1</source>
        <translation>SNI %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no ALPN</source>
        <translation>pas d&apos;ALPN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ALPN %1</source>
        <translation>ALPN %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 at least</source>
        <translation>%1 au moins</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA %1</source>
        <translation>AC %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SNI from the host, ALPN http/1.1, any version, the system&apos;s authorities</source>
        <translation>SNI tiré de l&apos;hôte, ALPN http/1.1, toutes versions, les autorités du système</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Trust the authorities of</source>
        <translation>Faire confiance aux autorités de</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PEM certificates (*.pem *.crt *.cer)</source>
        <translation>Certificats PEM (*.pem *.crt *.cer)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>SocketLab::TlsSummary</name>
    <message>
        <location filename="../core/text/tlssummary.cpp" line="+29"/>
        <source>no ALPN</source>
        <translation>pas d&apos;ALPN</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ALPN %1</source>
        <translation>ALPN %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no SNI</source>
        <translation>pas de SNI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SNI %1</source>
        <translation>SNI %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>session resumed</source>
        <translation>session reprise</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>new session</source>
        <translation>nouvelle session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS handshake done in %1 ms: %2, %3, %4, %5, %6</source>
        <translation>Négociation TLS faite en %1 ms&#xa0;: %2, %3, %4, %5, %6</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Certificate %1 of %2, the server&apos;s own:</source>
        <translation>Certificat %1 sur %2, celui du serveur&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate %1 of %2:</source>
        <translation>Certificat %1 sur %2&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  subject: %1</source>
        <translation>  sujet&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  issuer: %1 (self-signed)</source>
        <translation>  émetteur&#xa0;: %1 (auto-signé)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  issuer: %1</source>
        <translation>  émetteur&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  valid from %1 to %2</source>
        <translation>  valide du %1 au %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>  names: none (no subject alternative name)</source>
        <translation>  noms&#xa0;: aucun (pas de nom alternatif du sujet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  names: %1</source>
        <translation>  noms&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  key: %1, signature: %2</source>
        <translation>  clé&#xa0;: %1, signature&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  SHA-256: %1</source>
        <translation>  SHA-256&#xa0;: %1</translation>
    </message>
</context>
<context>
    <name>SocketLab::TlsText</name>
    <message>
        <location filename="../core/text/tlstext.cpp" line="+30"/>
        <source>no name at all (only the subject %1)</source>
        <translation>aucun nom (seulement le sujet %1)</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The certificate of %1 expired on %2 (%3): it can no longer be trusted, and no byte of the request was sent.</source>
        <translation>Le certificat de %1 a expiré le %2 (%3)&#xa0;: on ne peut plus s&apos;y fier, et aucun octet de la requête n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The certificate of %1 is not valid before %2 (%3): is this machine&apos;s clock right? No byte of the request was sent.</source>
        <translation>Le certificat de %1 n&apos;est pas valide avant le %2 (%3)&#xa0;: l&apos;horloge de cette machine est-elle juste&#xa0;? Aucun octet de la requête n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate of %1 is self-signed: no authority vouches for it, and no byte of the request was sent. If you know this server, compare its SHA-256 fingerprint %2 and pin it.</source>
        <translation>Le certificat de %1 est auto-signé&#xa0;: aucune autorité ne s&apos;en porte garante, et aucun octet de la requête n&apos;a été envoyé. Si vous connaissez ce serveur, comparez son empreinte SHA-256 %2 et épinglez-le.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate of %1 was issued by “%2”, which the trust store does not know: no byte of the request was sent. Give its authority&apos;s certificate (CA file), or pin the server&apos;s certificate (SHA-256 %3).</source>
        <translation>Le certificat de %1 a été émis par «&#xa0;%2&#xa0;», que le magasin de confiance ne connaît pas&#xa0;: aucun octet de la requête n&apos;a été envoyé. Donnez le certificat de son autorité (fichier d&apos;AC), ou épinglez le certificat du serveur (SHA-256 %3).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The certificate does not cover %1: it covers %2. No byte of the request was sent.</source>
        <translation>Le certificat ne couvre pas %1&#xa0;: il couvre %2. Aucun octet de la requête n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The certificate of %1 is not the pinned one: pinned SHA-256 %2, received %3. No byte of the request was sent.</source>
        <translation>Le certificat de %1 n&apos;est pas celui qui est épinglé&#xa0;: SHA-256 épinglé %2, reçu %3. Aucun octet de la requête n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The certificate of %1 was refused: %2 (%3). No byte of the request was sent.</source>
        <translation>Le certificat de %1 a été refusé&#xa0;: %2 (%3). Aucun octet de la requête n&apos;a été envoyé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The TLS handshake with %1 did not get as far as the certificate.</source>
        <translation>La négociation TLS avec %1 n&apos;est pas allée jusqu&apos;au certificat.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Trusted through its pin: the certificate is exactly the one pinned (SHA-256 %1).</source>
        <translation>Accepté par son épingle&#xa0;: le certificat est exactement celui qui est épinglé (SHA-256 %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Verified: the chain leads to a trusted authority, and the certificate covers %1.</source>
        <translation>Vérifié&#xa0;: la chaîne mène à une autorité de confiance, et le certificat couvre %1.</translation>
    </message>
</context>
<context>
    <name>SocketLab::TraceModel</name>
    <message>
        <location filename="../ui/trace/tracemodel.cpp" line="+56"/>
        <source>waits for the peer&apos;s next TLS record</source>
        <translation>attend le prochain enregistrement TLS du pair</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waits until the socket can take more</source>
        <translation>attend que le socket accepte davantage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the peer ended TLS with close_notify</source>
        <translation>le pair a terminé TLS par close_notify</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the connection failed under TLS</source>
        <translation>la connexion a échoué sous TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS protocol error</source>
        <translation>erreur du protocole TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the certificate is the one trusted for this host</source>
        <translation>le certificat est celui de confiance pour cet hôte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the certificate check failed</source>
        <translation>la vérification du certificat a échoué</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>×%1</source>
        <translation>×%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1: %2</source>
        <translation>%1&#xa0;: %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>First call at %1 ms, last at %2 ms</source>
        <translation>Premier appel à %1&#xa0;ms, dernier à %2&#xa0;ms</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 ms after the start</source>
        <translation>%1&#xa0;ms après le début</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%Ln calls folded into this row, moving %1 bytes in all</source>
        <translation>
            <numerusform>%Ln appel regroupé sur cette ligne, %1 octets transférés en tout</numerusform>
            <numerusform>%Ln appels regroupés sur cette ligne, %1 octets transférés en tout</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%Ln identical calls folded into this row</source>
        <translation>
            <numerusform>%Ln appel identique regroupé sur cette ligne</numerusform>
            <numerusform>%Ln appels identiques regroupés sur cette ligne</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 (%2, errno %3)</source>
        <translation>%1 (%2, errno %3)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Time (ms)</source>
        <translation>Temps (ms)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Arguments</source>
        <translation>Arguments</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calls</source>
        <translation>Appels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes</source>
        <translation>Octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>errno</source>
        <translation>errno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meaning</source>
        <translation>Signification</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>When the call returned, in milliseconds since the exchange started</source>
        <translation>Moment où l&apos;appel a rendu la main, en millisecondes depuis le début de l&apos;échange</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the call returned (of the first call, for folded rows)</source>
        <translation>Ce que l&apos;appel a renvoyé (le premier appel, pour les lignes regroupées)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many identical calls a folded row stands for</source>
        <translation>Combien d&apos;appels identiques une ligne regroupée représente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bytes moved by all the calls of a folded row</source>
        <translation>Octets transférés par tous les appels d&apos;une ligne regroupée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The error code when the call failed, or the outcome a TLS call reported</source>
        <translation>Le code d&apos;erreur quand l&apos;appel a échoué, ou le résultat rendu par un appel TLS</translation>
    </message>
</context>
<context>
    <name>SocketLab::TraceText</name>
    <message numerus="yes">
        <location filename="../core/text/tracetext.cpp" line="+29"/>
        <source>[%Ln call(s), %1 in all, until %2 ms]</source>
        <translation>
            <numerusform>[%Ln appel, %1 en tout, jusqu’à %2&#xa0;ms]</numerusform>
            <numerusform>[%Ln appels, %1 en tout, jusqu’à %2&#xa0;ms]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::TraceView</name>
    <message>
        <location filename="../ui/trace/traceview.cpp" line="+65"/>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Socket calls</source>
        <translation>Appels socket</translation>
    </message>
</context>
<context>
    <name>SocketLab::TrustDialog</name>
    <message>
        <location filename="../ui/tls/trustdialog.cpp" line="+24"/>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Valid</source>
        <translation>Validité</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>from %1 until %2</source>
        <translation>du %1 au %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust this certificate?</source>
        <translation>Faire confiance à ce certificat&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trust the certificate of %1 from now on? Only this exact certificate will be accepted for this host and port: trust it only if its fingerprint is the one you got from the server&apos;s owner.</source>
        <translation>Faire confiance au certificat de %1 désormais&#xa0;? Seul ce certificat exact sera accepté pour cet hôte et ce port&#xa0;: ne lui faites confiance que si son empreinte est celle que vous a donnée le responsable du serveur.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Trust it</source>
        <translation>&amp;Lui faire confiance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace the pinned certificate?</source>
        <translation>Remplacer le certificat épinglé&#xa0;?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 now presents another certificate than the one you trusted. Replace the pin only if you know why the server&apos;s certificate changed: otherwise someone may be between you and the server.</source>
        <translation>%1 présente maintenant un autre certificat que celui auquel vous avez fait confiance. Ne remplacez l&apos;épingle que si vous savez pourquoi le certificat du serveur a changé&#xa0;: sinon, quelqu&apos;un est peut-être entre vous et le serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pinned SHA-256</source>
        <translation>SHA-256 épinglé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New SHA-256</source>
        <translation>Nouveau SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace the pin</source>
        <translation>&amp;Remplacer l&apos;épingle</translation>
    </message>
</context>
<context>
    <name>SocketLab::TrustedCertificatesPage</name>
    <message>
        <location filename="../ui/settings/trustedcertificatespage.cpp" line="+56"/>
        <source>Certificates you chose to trust: an exchange to one of these hosts and ports accepts exactly that certificate, and refuses any other, with both fingerprints. Remove a pin to check the server against the trusted authorities again.</source>
        <translation>Les certificats auxquels vous avez choisi de faire confiance&#xa0;: un échange avec l&apos;un de ces hôtes et ports accepte exactement ce certificat, et refuse tout autre en montrant les deux empreintes. Supprimez une épingle pour vérifier à nouveau le serveur auprès des autorités de confiance.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Host and port</source>
        <translation>Hôte et port</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256 fingerprint</source>
        <translation>Empreinte SHA-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Trusted on</source>
        <translation>Confiance accordée le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Supprimer</translation>
    </message>
</context>
<context>
    <name>SocketLab::UdpCapture</name>
    <message numerus="yes">
        <location filename="../core/capture/udpcapture.cpp" line="+69"/>
        <source>Truncated: the datagram had %n byte(s); these are the ones kept</source>
        <translation>
            <numerusform>Tronqué&#xa0;: le datagramme avait %n octet&#x202f;; voici ceux qui ont été gardés</numerusform>
            <numerusform>Tronqué&#xa0;: le datagramme avait %n octets&#x202f;; voici ceux qui ont été gardés</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SocketLab::UdpPanel</name>
    <message>
        <location filename="../ui/udp/udppanel.cpp" line="+329"/>
        <source>name or address</source>
        <translation>nom ou adresse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The host the datagram goes to: a name, an IPv4 or an IPv6 address.</source>
        <translation>L&apos;hôte destinataire du datagramme&#xa0;: un nom, une adresse IPv4 ou IPv6.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>7 or echo</source>
        <translation>7 ou echo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The UDP port the datagram goes to: a number from 1 to 65535, or a service name.</source>
        <translation>Le port UDP destinataire du datagramme&#xa0;: un nombre de 1 à 65&#x202f;535, ou un nom de service.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Target the embedded UDP echo at %1, which sends every datagram back.</source>
        <translation>Prendre pour cible l&apos;écho UDP intégré sur %1, qui renvoie chaque datagramme.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The embedded UDP echo is not running.</source>
        <translation>L&apos;écho UDP intégré n&apos;est pas lancé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send</source>
        <translation>&amp;Envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the datagram and collect the replies (Ctrl+Return)</source>
        <translation>Envoyer le datagramme et recueillir les réponses (Ctrl+Retour)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send the last datagram again, to the same target with the same options (F5 or Ctrl+R)</source>
        <translation>Envoyer de nouveau le dernier datagramme, à la même cible avec les mêmes options (F5 ou Ctrl+R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop waiting now; the datagrams already received stay (Esc)</source>
        <translation>Arrêter d&apos;attendre tout de suite&#x202f;; les datagrammes déjà reçus sont conservés (Échap)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local &amp;port:</source>
        <translation>Port &amp;source&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>any</source>
        <translation>quelconque</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The port to bind() before sending, so the server sees this source port; &quot;any&quot; lets the system choose one.</source>
        <translation>Le port à lier avec bind() avant l&apos;envoi, pour que le serveur voie ce port source&#x202f;; «&#xa0;quelconque&#xa0;» laisse le système en choisir un.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call connect() before sending: the socket then only accepts replies from the target, and an ICMP port unreachable comes back as ECONNREFUSED, so a closed port is reported. Without it, a closed port just sends nothing back.</source>
        <translation>Appeler connect() avant l&apos;envoi&#xa0;: le socket n&apos;accepte alors que les réponses de la cible, et un ICMP port injoignable revient sous forme d&apos;ECONNREFUSED, si bien qu&apos;un port fermé est signalé. Sans cela, un port fermé ne renvoie simplement rien.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Wait:</source>
        <translation>Te&amp;mps d&apos;attente&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> ms</source>
        <translation>&#xa0;ms</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long to collect datagrams after sending.</source>
        <translation>Temps d&apos;attente des datagrammes après l&apos;envoi.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop &amp;after:</source>
        <translation>Arrêter a&amp;près&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the whole wait</source>
        <translation>tout le temps d&apos;attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop as soon as this many datagrams have arrived; otherwise wait the whole window.</source>
        <translation>Arrêter dès que ce nombre de datagrammes est arrivé&#x202f;; sinon attendre jusqu&apos;à la fin du temps d&apos;attente.</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>&amp;Built-in echo</source>
        <translation>Éch&amp;o intégré</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rese&amp;nd</source>
        <translation>Re&amp;jouer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connected soc&amp;ket (connect())</source>
        <translation>Soc&amp;ket connecté (connect())</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Rece&amp;ive buffer:</source>
        <translation>Tampon de réceptio&amp;n&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> bytes</source>
        <translation> octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The buffer size given to recvfrom(). A longer datagram is cut to it and marked truncated; the notebook uses 1024.</source>
        <translation>La taille du tampon passé à recvfrom(). Un datagramme plus long y est coupé et marqué tronqué&#x202f;; le notebook utilise 1&#x202f;024.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To a multicast group:</source>
        <translation>Vers un groupe multicast&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TTL/hops:</source>
        <translation>TTL/sauts&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system default</source>
        <translation>valeur du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many routers the datagram may cross (IP_MULTICAST_TTL, IPV6_MULTICAST_HOPS); 0 keeps it on this machine. The system default is 1: this network only.</source>
        <translation>Combien de routeurs le datagramme peut traverser (IP_MULTICAST_TTL, IPV6_MULTICAST_HOPS)&#x202f;; 0 le garde sur cette machine. La valeur du système est 1&#xa0;: ce réseau seulement.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loopback:</source>
        <translation>Boucle locale&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>system default (on)</source>
        <translation>valeur du système (activée)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>on</source>
        <translation>activée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>désactivée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether this machine&apos;s own sockets that joined the group get a copy (IP_MULTICAST_LOOP, IPV6_MULTICAST_LOOP).</source>
        <translation>Si les sockets de cette machine qui ont rejoint le groupe en reçoivent une copie (IP_MULTICAST_LOOP, IPV6_MULTICAST_LOOP).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave by:</source>
        <translation>Sortir par&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interface the datagram leaves by (IP_MULTICAST_IF, IPV6_MULTICAST_IF); any: the interface of the route to the group.</source>
        <translation>L&apos;interface par laquelle le datagramme sort (IP_MULTICAST_IF, IPV6_MULTICAST_IF)&#x202f;; toute&#xa0;: l&apos;interface de la route vers le groupe.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Datagram to send</source>
        <translation>Datagramme à envoyer</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <source>Datagrams received</source>
        <translation>Datagrammes reçus</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Socket calls</source>
        <translation>Appels socket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>He&amp;x</source>
        <translation>He&amp;xa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Text</source>
        <translation>&amp;Texte</translation>
    </message>
    <message numerus="yes">
        <location line="+93"/>
        <source> datagram(s)</source>
        <translation>
            <numerusform> datagramme</numerusform>
            <numerusform> datagrammes</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>For a datagram sent to a multicast group: type a group address as the host (224.0.0.0/4 or ff00::/8) to set these.</source>
        <translation>Pour un datagramme envoyé à un groupe multicast&#xa0;: tapez une adresse de groupe comme hôte (224.0.0.0/4 ou ff00::/8) pour les régler.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>The datagram has an error: fix it to send.</source>
        <translation>Le datagramme contient une erreur&#xa0;: corrigez-la pour l&apos;envoyer.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leave by: %1</source>
        <translation>Sortir par&#xa0;: %1</translation>
    </message>
    <message>
        <location line="+176"/>
        <source>Choose a datagram to see its bytes.</source>
        <translation>Choisissez un datagramme pour voir ses octets.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Datagram %1: %2.</source>
        <translation>Datagramme %1&#xa0;: %2.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Datagram %1 from %2: the first %3 of %4 (truncated).</source>
        <translation>Datagramme %1 de %2&#xa0;: %3 sur %4 (tronqué).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Datagram %1 from %2: %3.</source>
        <translation>Datagramme %1 de %2&#xa0;: %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Waiting for datagrams… %n received so far.</source>
        <translation>
            <numerusform>Attente des datagrammes… %n reçu jusqu&apos;ici.</numerusform>
            <numerusform>Attente des datagrammes… %n reçus jusqu&apos;ici.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing sent yet: press Send (Ctrl+Return).</source>
        <translation>Rien d&apos;envoyé pour l&apos;instant&#xa0;: appuyez sur Envoyer (Ctrl+Retour).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No UDP server at %1: the port is closed (ICMP port unreachable).</source>
        <translation>Aucun serveur UDP sur %1&#xa0;: le port est fermé (ICMP port injoignable).</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Sent %1 from %2 to %3; %n datagram(s) received.</source>
        <translation>
            <numerusform>Envoyé&#xa0;: %1 de %2 vers %3&#x202f;; %n datagramme reçu.</numerusform>
            <numerusform>Envoyé&#xa0;: %1 de %2 vers %3&#x202f;; %n datagrammes reçus.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n datagram(s) did not fit in the %1 receive buffer: the rest of each was lost.</source>
        <translation>
            <numerusform>%n datagramme ne tenait pas dans le tampon de réception de %1&#xa0;: sa fin a été perdue.</numerusform>
            <numerusform>%n datagrammes ne tenaient pas dans le tampon de réception de %1&#xa0;: la fin de chacun a été perdue.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing came back. A closed UDP port answers with ICMP port unreachable, which only a connected socket reports: tick &quot;Connected socket&quot; to see it.</source>
        <translation>Rien n&apos;est revenu. Un port UDP fermé répond par un ICMP port injoignable, que seul un socket connecté signale&#xa0;: cochez «&#xa0;Socket connecté&#xa0;» pour le voir.</translation>
    </message>
</context>
</TS>
