#include "multicasttext.h"

#include <QCoreApplication>

namespace SocketLab {

namespace {

struct Words
{
    Q_DECLARE_TR_FUNCTIONS(SocketLab::MulticastText)
};

} // namespace

QString describeMulticastProblem(const MulticastParseError &error, const QString &argument)
{
    using Kind = MulticastParseError::Kind;
    QString why;
    switch (error.kind) {
    case Kind::None:
        return {};
    case Kind::Empty:
        why = Words::tr("a group address is needed, as GROUP, GROUP@INTERFACE or SOURCE>GROUP@INTERFACE");
        break;
    case Kind::NotAnAddress:
        why = Words::tr("\"%1\" is not a numeric IPv4 or IPv6 address").arg(error.part);
        break;
    case Kind::NotMulticast:
        why = Words::tr("%1 is not a multicast address (IPv4 groups are in 224.0.0.0/4, IPv6 ones in ff00::/8)").arg(error.part);
        break;
    case Kind::SourceMulticast:
        why = Words::tr("the source %1 is a multicast address; a source is the unicast address of a sender").arg(error.part);
        break;
    case Kind::FamilyMismatch:
        why = Words::tr("the source and the group %1 are not of the same family (IPv4, IPv6)").arg(error.part);
        break;
    case Kind::UnknownInterface:
        why = error.part.isEmpty() ? Words::tr("an interface name or index is needed after \"@\"")
                                   : Words::tr("there is no interface \"%1\" on this machine").arg(error.part);
        break;
    }
    if (argument.isEmpty())
        return Words::tr("\"%1\": %2.").arg(error.text, why);
    return Words::tr("%1 %2: %3.").arg(argument, error.text, why);
}

QString multicastGroupWords(const MulticastGroup &group)
{
    QString text = group.group.host();
    if (group.isSourceSpecific())
        text = Words::tr("%1 from %2").arg(text, group.source.host());
    if (!group.interfaceName.isEmpty())
        text = Words::tr("%1 on %2").arg(text, group.interfaceName);
    return text;
}

} // namespace SocketLab
