#include "http/htmlforms.h"

#include <QTest>

using namespace SocketLab;
using namespace Qt::StringLiterals;

using Fields = QList<std::pair<QString, QString>>;

class TestHtmlForms : public QObject
{
    Q_OBJECT

private slots:
    void fields_data();
    void fields();
    void formsAndTheirEnds();
    void skipsCommentsAndScripts();
    void encoding_data();
    void encoding();
    void clicks();
    void baseHref();
};

void TestHtmlForms::fields_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<Fields>("expected");
    QTest::newRow("text with value") << QStringLiteral("<form><input name=q value=\"socket\"></form>") << Fields{{u"q"_s, u"socket"_s}};
    QTest::newRow("text without value") << QStringLiteral("<form><input type=text name=q></form>") << Fields{{u"q"_s, u""_s}};
    QTest::newRow("hidden and password") << QStringLiteral("<form><input type=hidden name=t value=x><input type=password name=p value=s></form>")
                                         << Fields{{u"t"_s, u"x"_s}, {u"p"_s, u"s"_s}};
    QTest::newRow("buttons and files not sent") << QStringLiteral("<form><input type=submit name=go value=Go><input type=file name=f>"
                                                                  "<input type=image name=i><input type=reset name=r></form>")
                                                << Fields{};
    QTest::newRow("checkbox and radio when checked") << QStringLiteral("<form><input type=checkbox name=a checked><input type=checkbox name=b value=1>"
                                                                       "<input type=radio name=c value=x><input type=radio name=c value=y checked></form>")
                                                     << Fields{{u"a"_s, u"on"_s}, {u"c"_s, u"y"_s}};
    QTest::newRow("disabled and unnamed skipped") << QStringLiteral("<form><input name=a disabled value=1><input value=2></form>") << Fields{};
    QTest::newRow("references decoded") << QStringLiteral("<form><input name='a&amp;b' value=\"&lt;&#233;&#x41;&quot;&copy;\"></form>")
                                        << Fields{{u"a&b"_s, u"<éA\"&copy;"_s}};
    QTest::newRow("textarea") << QStringLiteral("<form><textarea name=t>\nline 1\nline &amp; 2</textarea></form>")
                              << Fields{{u"t"_s, u"line 1\r\nline & 2"_s}};
    QTest::newRow("select: the selected option") << QStringLiteral("<form><select name=s><option>one<option value=2 selected>two</select></form>")
                                                 << Fields{{u"s"_s, u"2"_s}};
    QTest::newRow("select: the first option") << QStringLiteral("<form><select name=s><option> first  one </option><option>b</option></select></form>")
                                              << Fields{{u"s"_s, u"first one"_s}};
    QTest::newRow("select multiple") << QStringLiteral("<form><select name=s multiple><option selected>a<option>b<option selected>c</select></form>")
                                     << Fields{{u"s"_s, u"a"_s}, {u"s"_s, u"c"_s}};
    QTest::newRow("upper-case tags") << QStringLiteral("<FORM><INPUT NAME=Q VALUE=v></FORM>") << Fields{{u"Q"_s, u"v"_s}};
}

void TestHtmlForms::fields()
{
    QFETCH(QString, html);
    const QList<HtmlForm> forms = findHtmlForms(html);
    QCOMPARE(forms.size(), 1);
    QTEST(forms.first().fields, "expected");
}

void TestHtmlForms::formsAndTheirEnds()
{
    const QString html = QStringLiteral("<p>x</p><form action=\"/a?x=1\" method=POST><input name=n value=1>"
                                        "<form action=/nested></form><p>after</p><form action='b'><input name=m>");
    const QList<HtmlForm> forms = findHtmlForms(html);
    QCOMPARE(forms.size(), 2);
    QCOMPARE(forms.at(0).action, QStringLiteral("/a?x=1"));
    QVERIFY(forms.at(0).post);
    QCOMPARE(forms.at(0).fields, (Fields{{u"n"_s, u"1"_s}}));
    // The nested form's start tag is ignored, its end tag closes the first form.
    QCOMPARE(html.left(forms.at(0).end).right(7), QStringLiteral("</form>"));
    QCOMPARE(forms.at(1).action, QStringLiteral("b"));
    QVERIFY(!forms.at(1).post);
    QCOMPARE(forms.at(1).end, html.size());
}

void TestHtmlForms::skipsCommentsAndScripts()
{
    const QString html = QStringLiteral("<!-- <form action=/c></form> --><script>var s = '<form action=/s>';</script>"
                                        "<style>p::before { content: '<form>' }</style><form action=/real></form>");
    const QList<HtmlForm> forms = findHtmlForms(html);
    QCOMPARE(forms.size(), 1);
    QCOMPARE(forms.first().action, QStringLiteral("/real"));
}

void TestHtmlForms::encoding_data()
{
    QTest::addColumn<Fields>("fields");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("none") << Fields{} << QByteArray();
    QTest::newRow("plain") << Fields{{u"a"_s, u"1"_s}, {u"b"_s, u"x.y-z_*"_s}} << QByteArray("a=1&b=x.y-z_*");
    QTest::newRow("spaces and UTF-8") << Fields{{u"name"_s, u"Ada Löw"_s}} << QByteArray("name=Ada+L%C3%B6w");
    QTest::newRow("reserved") << Fields{{u"a&b"_s, u"=?/+%"_s}} << QByteArray("a%26b=%3D%3F%2F%2B%25");
    QTest::newRow("line breaks") << Fields{{u"t"_s, u"1\r\n2"_s}} << QByteArray("t=1%0D%0A2");
}

void TestHtmlForms::encoding()
{
    QFETCH(Fields, fields);
    QTEST(formUrlEncoded(fields), "expected");
}

void TestHtmlForms::clicks()
{
    HtmlForm get;
    get.action = QStringLiteral("/search?old=1#top");
    get.fields = {{u"q"_s, u"a b"_s}, {u"l"_s, u"é"_s}};
    const LinkClick getClick = get.click();
    QVERIFY(!getClick.post);
    QVERIFY(getClick.body.isEmpty());
    // The fields replace the action's query, as browsers do.
    QCOMPARE(getClick.link.toString(QUrl::FullyEncoded), QStringLiteral("/search?q=a+b&l=%C3%A9#top"));

    HtmlForm post;
    post.post = true;
    post.fields = {{u"user"_s, u"ada"_s}};
    const LinkClick postClick = post.click();
    QVERIFY(postClick.post);
    QCOMPARE(postClick.body, QByteArray("user=ada"));
    QVERIFY(postClick.link.isEmpty());
}

void TestHtmlForms::baseHref()
{
    QCOMPARE(findHtmlBase(u"<p>no base</p>"_s), QString());
    // The first <base> with an href, wherever the form is; one without href does not count.
    const QString html = u"<form action=a></form><!-- <base href=/comment/> --><script>'<base href=/s/>'</script>"
                         "<base target=_blank><BASE HREF=\" /static/v2/?x=1&amp;y=2 \"><base href=/second/><form></form>"_s;
    QCOMPARE(findHtmlBase(html), u"/static/v2/?x=1&y=2"_s);
    const QList<HtmlForm> forms = findHtmlForms(html);
    QCOMPARE(forms.size(), 2);
    QCOMPARE(forms.at(0).base, u"/static/v2/?x=1&y=2"_s);
    QCOMPARE(forms.at(0).click().base, QUrl(u"/static/v2/?x=1&y=2"_s));
    // A form without an action goes to the page itself, not to the base.
    QVERIFY(forms.at(1).click().base.isEmpty());
}

QTEST_GUILESS_MAIN(TestHtmlForms)
#include "tst_htmlforms.moc"
