#include "text/errortext.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSet>
#include <QTest>
#include <QTranslator>

#include <cerrno>
#include <netdb.h>

using namespace SocketLab;

namespace {

struct NamedCode
{
    const char *name;
    int value;
};

// Every errno a network program commonly meets: each must have words of its own.
const NamedCode kNetworkErrnos[] = {
    {"ECONNREFUSED", ECONNREFUSED}, {"ECONNRESET", ECONNRESET}, {"ETIMEDOUT", ETIMEDOUT},
    {"EHOSTUNREACH", EHOSTUNREACH}, {"ENETUNREACH", ENETUNREACH}, {"EADDRINUSE", EADDRINUSE},
    {"EADDRNOTAVAIL", EADDRNOTAVAIL}, {"EACCES", EACCES}, {"EPERM", EPERM}, {"EPIPE", EPIPE},
    {"ENOTCONN", ENOTCONN}, {"EAFNOSUPPORT", EAFNOSUPPORT}, {"EPROTONOSUPPORT", EPROTONOSUPPORT},
    {"EMSGSIZE", EMSGSIZE}, {"ENOBUFS", ENOBUFS}, {"ENOMEM", ENOMEM}, {"EMFILE", EMFILE},
    {"ENFILE", ENFILE}, {"ECONNABORTED", ECONNABORTED}, {"EINPROGRESS", EINPROGRESS},
    {"EALREADY", EALREADY}, {"EISCONN", EISCONN}, {"EINVAL", EINVAL}, {"EBADF", EBADF},
    {"EAGAIN", EAGAIN}, {"EINTR", EINTR}, {"ENOENT", ENOENT}, {"ENOSPC", ENOSPC}, {"EISDIR", EISDIR},
    {"EROFS", EROFS}, {"EPROTO", EPROTO}, {"ECANCELED", ECANCELED}, {"EHOSTDOWN", EHOSTDOWN},
    {"ENETDOWN", ENETDOWN}, {"ENOTSOCK", ENOTSOCK}, {"EOPNOTSUPP", EOPNOTSUPP},
    {"ENOPROTOOPT", ENOPROTOOPT}, {"EDESTADDRREQ", EDESTADDRREQ},
};

const NamedCode kEaiCodes[] = {
    {"EAI_BADFLAGS", EAI_BADFLAGS}, {"EAI_NONAME", EAI_NONAME}, {"EAI_AGAIN", EAI_AGAIN},
    {"EAI_FAIL", EAI_FAIL}, {"EAI_FAMILY", EAI_FAMILY}, {"EAI_SOCKTYPE", EAI_SOCKTYPE},
    {"EAI_SERVICE", EAI_SERVICE}, {"EAI_MEMORY", EAI_MEMORY}, {"EAI_SYSTEM", EAI_SYSTEM},
    {"EAI_OVERFLOW", EAI_OVERFLOW},
#ifdef EAI_NODATA
    {"EAI_NODATA", EAI_NODATA},
#endif
#ifdef EAI_ADDRFAMILY
    {"EAI_ADDRFAMILY", EAI_ADDRFAMILY},
#endif
#ifdef EAI_INPROGRESS
    {"EAI_INPROGRESS", EAI_INPROGRESS},
#endif
#ifdef EAI_CANCELED
    {"EAI_CANCELED", EAI_CANCELED},
#endif
#ifdef EAI_NOTCANCELED
    {"EAI_NOTCANCELED", EAI_NOTCANCELED},
#endif
#ifdef EAI_ALLDONE
    {"EAI_ALLDONE", EAI_ALLDONE},
#endif
#ifdef EAI_INTR
    {"EAI_INTR", EAI_INTR},
#endif
#ifdef EAI_IDN_ENCODE
    {"EAI_IDN_ENCODE", EAI_IDN_ENCODE},
#endif
};

// Wraps every string of the ErrorText context in brackets, so a test sees which text came from a
// translation and whether anything was glued on outside it.
class BracketTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation,
                      int n) const override
    {
        Q_UNUSED(disambiguation);
        Q_UNUSED(n);
        if (qstrcmp(context, "SocketLab::ErrorText") != 0)
            return {};
        return QLatin1Char('[') + QString::fromUtf8(sourceText) + QLatin1Char(']');
    }
    bool isEmpty() const override { return false; }
};

NetError make(NetError::Kind kind, int code, const char *call, const char *detail)
{
    NetError e;
    e.kind = kind;
    e.systemCode = code;
    e.errnoCode = kind == NetError::Kind::Resolve ? 0 : code;
    e.call = QString::fromLatin1(call);
    e.detail = QString::fromLatin1(detail);
    return e;
}

} // namespace

class TestErrorText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void errnoMeaningIsOurOwn_data();
    void errnoMeaningIsOurOwn();
    void errnoMeaningsAreDistinct();
    void errnoFallbackNamesTheNumber();
    void eaiMeaningIsOurOwn_data();
    void eaiMeaningIsOurOwn();
    void eaiMeaningsAreDistinct();
    void describeNamesCodeCallAndDetail_data();
    void describeNamesCodeCallAndDetail();
    void describeExactSentences_data();
    void describeExactSentences();
    void describeEaiSystemUsesErrno();
    void describeNoError();
    void sentencesAreWholeTranslations_data();
    void sentencesAreWholeTranslations();
    void inSentenceSaysTheCodeOnce_data();
    void inSentenceSaysTheCodeOnce();
    void inSentenceExactClauses_data();
    void inSentenceExactClauses();
    void inSentenceIsOneTranslation_data();
    void inSentenceIsOneTranslation();
};

void TestErrorText::initTestCase()
{
    // Byte offsets are grouped as the locale does: the sentences below are English ones.
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
}

void TestErrorText::errnoMeaningIsOurOwn_data()
{
    QTest::addColumn<int>("err");
    for (const NamedCode &code : kNetworkErrnos)
        QTest::newRow(code.name) << code.value;
}

void TestErrorText::errnoMeaningIsOurOwn()
{
    QFETCH(int, err);
    const QString meaning = ErrorText::errnoMeaning(err);
    QVERIFY(!meaning.isEmpty());
    QCOMPARE_NE(meaning, ErrorText::errnoMeaning(100000 + err));
    QVERIFY2(!meaning.contains(QString::number(err)), qPrintable(meaning));
    QVERIFY2(meaning.at(0).isUpper(), qPrintable(meaning));
}

void TestErrorText::errnoMeaningsAreDistinct()
{
    QSet<QString> seen;
    for (const NamedCode &code : kNetworkErrnos) {
        const QString meaning = ErrorText::errnoMeaning(code.value);
        QVERIFY2(!seen.contains(meaning), code.name);
        seen.insert(meaning);
    }
}

void TestErrorText::errnoFallbackNamesTheNumber()
{
    QCOMPARE(ErrorText::errnoMeaning(4321), QStringLiteral("System error 4321"));
}

void TestErrorText::eaiMeaningIsOurOwn_data()
{
    QTest::addColumn<int>("eai");
    for (const NamedCode &code : kEaiCodes)
        QTest::newRow(code.name) << code.value;
}

void TestErrorText::eaiMeaningIsOurOwn()
{
    QFETCH(int, eai);
    const QString meaning = ErrorText::eaiMeaning(eai);
    QVERIFY(!meaning.isEmpty());
    QCOMPARE_NE(meaning, ErrorText::eaiMeaning(-100000 + eai));
    QVERIFY2(!meaning.contains(QString::number(eai)), qPrintable(meaning));
}

void TestErrorText::eaiMeaningsAreDistinct()
{
    QSet<QString> seen;
    for (const NamedCode &code : kEaiCodes) {
        const QString meaning = ErrorText::eaiMeaning(code.value);
        QVERIFY2(!seen.contains(meaning), code.name);
        seen.insert(meaning);
    }
    QCOMPARE(ErrorText::eaiMeaning(-4321), QStringLiteral("Name resolution error -4321"));
}

void TestErrorText::describeNamesCodeCallAndDetail_data()
{
    QTest::addColumn<NetError>("error");
    QTest::addColumn<QString>("codeName");

    QTest::newRow("system refused") << NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect"), QStringLiteral("127.0.0.1:81"))
                                    << QStringLiteral("ECONNREFUSED");
    QTest::newRow("system reset") << NetError::fromErrno(ECONNRESET, QStringLiteral("recv"), QStringLiteral("[::1]:8080"))
                                  << QStringLiteral("ECONNRESET");
    QTest::newRow("system other") << NetError::fromErrno(EADDRINUSE, QStringLiteral("bind"), QStringLiteral("0.0.0.0:8080"))
                                  << QStringLiteral("EADDRINUSE");
    QTest::newRow("system no detail") << NetError::fromErrno(EMFILE, QStringLiteral("socket"))
                                      << QStringLiteral("EMFILE");
    QTest::newRow("resolve") << make(NetError::Kind::Resolve, EAI_NONAME, "getaddrinfo", "no-such-host.invalid")
                             << QStringLiteral("EAI_NONAME");
    QTest::newRow("resolve no host") << make(NetError::Kind::Resolve, EAI_SERVICE, "getaddrinfo", "")
                                     << QStringLiteral("EAI_SERVICE");
    QTest::newRow("reverse") << make(NetError::Kind::Resolve, EAI_NONAME, "getnameinfo", "127.0.0.2:80")
                             << QStringLiteral("EAI_NONAME");
    QTest::newRow("timeout") << NetError::timeout(QStringLiteral("connect"), QStringLiteral("10.0.0.1:80"))
                             << QStringLiteral("ETIMEDOUT");
    QTest::newRow("timeout no detail") << NetError::timeout(QStringLiteral("accept"))
                                       << QStringLiteral("ETIMEDOUT");
    QTest::newRow("cancelled") << NetError::cancelled(QStringLiteral("connect"))
                               << QStringLiteral("ECANCELED");
    QTest::newRow("cancelled no call") << NetError::cancelled() << QStringLiteral("ECANCELED");
    QTest::newRow("cancelled with detail") << make(NetError::Kind::Cancelled, ECANCELED, "recv", "127.0.0.1:80")
                                           << QStringLiteral("ECANCELED");
    QTest::newRow("cancelled detail no call") << make(NetError::Kind::Cancelled, ECANCELED, "", "127.0.0.1:80")
                                              << QStringLiteral("ECANCELED");
    QTest::newRow("malformed") << NetError::malformed(120) << QStringLiteral("EMALFORMED");
    QTest::newRow("malformed at the first byte") << NetError::malformed(0) << QStringLiteral("EMALFORMED");
    QTest::newRow("malformed no detail") << make(NetError::Kind::Malformed, EPROTO, "recv", "")
                                         << QStringLiteral("EMALFORMED");
    QTest::newRow("file") << make(NetError::Kind::File, ENOSPC, "write", "/tmp/reply.bin")
                          << QStringLiteral("ENOSPC");
    QTest::newRow("file no detail") << make(NetError::Kind::File, EROFS, "open", "")
                                    << QStringLiteral("EROFS");
}

void TestErrorText::describeNamesCodeCallAndDetail()
{
    QFETCH(NetError, error);
    QFETCH(QString, codeName);

    const QString sentence = ErrorText::describe(error);
    QVERIFY2(sentence.contains(codeName), qPrintable(sentence));
    if (!error.call.isEmpty())
        QVERIFY2(sentence.contains(error.call + QLatin1String("()")), qPrintable(sentence));
    QVERIFY2(!sentence.contains(QLatin1String("()()")), qPrintable(sentence));
    if (!error.detail.isEmpty())
        QVERIFY2(sentence.contains(error.detail), qPrintable(sentence));
    QVERIFY2(!sentence.contains(u'%'), qPrintable(sentence));
    QVERIFY2(sentence.endsWith(u'.'), qPrintable(sentence));
    QVERIFY2(sentence.at(0).isUpper(), qPrintable(sentence));
}

void TestErrorText::describeExactSentences_data()
{
    QTest::addColumn<NetError>("error");
    QTest::addColumn<QString>("sentence");

    QTest::newRow("refused") << NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect"), QStringLiteral("127.0.0.1:81"))
                             << QStringLiteral("Connection refused by 127.0.0.1:81 (ECONNREFUSED) during connect().");
    QTest::newRow("no room") << NetError::fromErrno(ENOBUFS, QStringLiteral("send"), QStringLiteral("127.0.0.1:81"))
                             << QStringLiteral("The bytes waiting to be sent to 127.0.0.1:81 have reached their limit; no more are queued (ENOBUFS) during send().");
    // After a colon the meaning goes on in lower case.
    QTest::newRow("resolve") << make(NetError::Kind::Resolve, EAI_NONAME, "getaddrinfo", "no-such-host.invalid")
                             << QStringLiteral("Could not resolve \"no-such-host.invalid\": name or service not known (EAI_NONAME) in getaddrinfo().");
    QTest::newRow("file") << make(NetError::Kind::File, ENOSPC, "write", "/tmp/reply.bin")
                          << QStringLiteral("Could not write the reply to /tmp/reply.bin: no space left on the device (ENOSPC) in write().");
    // A detail holding "%1" must come out as written, not be taken for a placeholder.
    QTest::newRow("percent in detail") << make(NetError::Kind::File, ENOSPC, "write", "/tmp/%1.bin")
                                       << QStringLiteral("Could not write the reply to /tmp/%1.bin: no space left on the device (ENOSPC) in write().");
    // The byte where the framing broke is said as such, never as a bare number after a colon.
    QTest::newRow("malformed at 0") << NetError::malformed(0)
                                    << QStringLiteral("The reply breaks the HTTP framing at byte 0 (EMALFORMED), seen in recv(); the HTTP tab says how.");
    QTest::newRow("malformed far") << NetError::malformed(5242880)
                                   << QStringLiteral("The reply breaks the HTTP framing at byte 5,242,880 (EMALFORMED), seen in recv(); the HTTP tab says how.");
}

void TestErrorText::describeExactSentences()
{
    QFETCH(NetError, error);
    QFETCH(QString, sentence);
    QCOMPARE(ErrorText::describe(error), sentence);
}

void TestErrorText::describeEaiSystemUsesErrno()
{
    NetError e = NetError::fromEai(EAI_SYSTEM, EMFILE);
    e.detail = QStringLiteral("example.org");
    const QString sentence = ErrorText::describe(e);
    QVERIFY2(sentence.contains(QLatin1String("EAI_SYSTEM")), qPrintable(sentence));
    QVERIFY2(sentence.contains(QLatin1String("EMFILE")), qPrintable(sentence));
    // After the sentence's colon the meaning starts in lower case.
    QVERIFY2(sentence.contains(ErrorText::errnoMeaning(EMFILE), Qt::CaseInsensitive), qPrintable(sentence));

    // Without a saved errno there is nothing more to say than EAI_SYSTEM's own words.
    e.errnoCode = 0;
    QVERIFY(ErrorText::describe(e).contains(ErrorText::eaiMeaning(EAI_SYSTEM), Qt::CaseInsensitive));
}

void TestErrorText::describeNoError()
{
    QVERIFY(!ErrorText::describe(NetError{}).isEmpty());
}

void TestErrorText::sentencesAreWholeTranslations_data()
{
    describeNamesCodeCallAndDetail_data();
}

void TestErrorText::sentencesAreWholeTranslations()
{
    QFETCH(NetError, error);

    BracketTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString sentence = ErrorText::describe(error);
    const QString meaning = ErrorText::errnoMeaning(ECONNRESET);
    QCoreApplication::removeTranslator(&translator);

    // The whole sentence is one translated template: nothing is glued on outside the brackets.
    QVERIFY2(sentence.startsWith(u'[') && sentence.endsWith(QLatin1String(".]")), qPrintable(sentence));
    QCOMPARE(meaning, QStringLiteral("[Connection reset by the peer]"));
}

void TestErrorText::inSentenceSaysTheCodeOnce_data()
{
    describeNamesCodeCallAndDetail_data();
}

void TestErrorText::inSentenceSaysTheCodeOnce()
{
    QFETCH(NetError, error);
    QFETCH(QString, codeName);

    const QString clause = ErrorText::inSentence(error);
    // Inside "Could not start the listener: %1." the clause brings no capital, period or colon of its
    // own (an address's port is not one), and names the code once.
    QCOMPARE(clause.count(codeName), 1);
    QVERIFY2(clause.at(0).isLower(), qPrintable(clause));
    QVERIFY2(!clause.endsWith(u'.'), qPrintable(clause));
    QString withoutDetail = clause;
    withoutDetail.remove(error.detail);
    QVERIFY2(!withoutDetail.contains(u':'), qPrintable(clause));
    if (!error.call.isEmpty())
        QVERIFY2(clause.contains(error.call + QLatin1String("()")), qPrintable(clause));
    if (!error.detail.isEmpty())
        QVERIFY2(clause.contains(error.detail), qPrintable(clause));
    // The whole sentence says the code once too.
    QCOMPARE(ErrorText::describe(error).count(codeName), 1);
}

void TestErrorText::inSentenceExactClauses_data()
{
    QTest::addColumn<NetError>("error");
    QTest::addColumn<QString>("clause");

    QTest::newRow("refused") << NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect"), QStringLiteral("127.0.0.1:81"))
                             << QStringLiteral("connection refused by 127.0.0.1:81 (ECONNREFUSED) during connect()");
    QTest::newRow("no room") << NetError::fromErrno(ENOBUFS, QStringLiteral("send"), QStringLiteral("127.0.0.1:81"))
                             << QStringLiteral("the bytes waiting to be sent to 127.0.0.1:81 have reached their limit; no more are queued (ENOBUFS) during send()");
    QTest::newRow("in use") << NetError::fromErrno(EADDRINUSE, QStringLiteral("bind"), QStringLiteral("0.0.0.0:8080"))
                            << QStringLiteral("address already in use (EADDRINUSE) during bind() on 0.0.0.0:8080");
    QTest::newRow("resolve") << make(NetError::Kind::Resolve, EAI_NONAME, "getaddrinfo", "x")
                             << QStringLiteral("name or service not known for \"x\" (EAI_NONAME) in getaddrinfo()");
    QTest::newRow("malformed") << NetError::malformed(0)
                               << QStringLiteral("a reply that breaks the HTTP framing at byte 0 (EMALFORMED), seen in recv()");
}

void TestErrorText::inSentenceExactClauses()
{
    QFETCH(NetError, error);
    QFETCH(QString, clause);
    QCOMPARE(ErrorText::inSentence(error), clause);
}

void TestErrorText::inSentenceIsOneTranslation_data()
{
    describeNamesCodeCallAndDetail_data();
}

void TestErrorText::inSentenceIsOneTranslation()
{
    QFETCH(NetError, error);

    BracketTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    const QString clause = ErrorText::inSentence(error);
    QCoreApplication::removeTranslator(&translator);

    // A translator words the clause whole, meaning and all, and nothing is glued on outside.
    QVERIFY2(clause.startsWith(u'[') && clause.endsWith(u']') && !clause.endsWith(QLatin1String(".]")),
             qPrintable(clause));
}

QTEST_GUILESS_MAIN(TestErrorText)

#include "tst_errortext.moc"
