#include "htmlforms.h"

#include <QHash>

namespace SocketLab {

namespace {

// A start or end tag at `lt`, its name lower case and its attributes (the first of each name).
struct Tag
{
    QString name;
    bool closing = false;
    QHash<QString, QString> attributes;
    qsizetype end = 0; // just after its ">"
};

// &amp; &lt; &gt; &quot; &apos; &nbsp; and numeric references: what form attributes use. Other
// named references are left as written.
QString decodeReferences(const QString &text)
{
    if (!text.contains(QLatin1Char('&')))
        return text;
    static const QHash<QString, QChar> named = {
        {QStringLiteral("amp"), u'&'},  {QStringLiteral("lt"), u'<'},   {QStringLiteral("gt"), u'>'},
        {QStringLiteral("quot"), u'"'}, {QStringLiteral("apos"), u'\''}, {QStringLiteral("nbsp"), QChar(0xa0)},
    };
    QString out;
    out.reserve(text.size());
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype semicolon = text.at(i) == u'&' ? text.indexOf(u';', i + 1) : -1;
        if (semicolon < 0 || semicolon - i > 10) {
            out.append(text.at(i++));
            continue;
        }
        const QString name = text.mid(i + 1, semicolon - i - 1);
        if (name.startsWith(u'#')) {
            bool ok = false;
            const bool hex = name.size() > 1 && (name.at(1) == u'x' || name.at(1) == u'X');
            const uint code = name.mid(hex ? 2 : 1).toUInt(&ok, hex ? 16 : 10);
            if (ok && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)) {
                const char32_t c = code;
                out.append(QString::fromUcs4(&c, 1));
                i = semicolon + 1;
                continue;
            }
        } else if (const auto it = named.constFind(name.toLower()); it != named.constEnd()) {
            out.append(*it);
            i = semicolon + 1;
            continue;
        }
        out.append(text.at(i++));
    }
    return out;
}

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

std::optional<Tag> readTag(const QString &html, qsizetype lt)
{
    Tag tag;
    qsizetype i = lt + 1;
    if (i < html.size() && html.at(i) == u'/') {
        tag.closing = true;
        ++i;
    }
    const qsizetype nameStart = i;
    while (i < html.size() && (html.at(i).isLetterOrNumber() || html.at(i) == u'-'))
        ++i;
    if (i == nameStart || !html.at(nameStart).isLetter())
        return std::nullopt;
    tag.name = html.mid(nameStart, i - nameStart).toLower();
    while (i < html.size()) {
        while (i < html.size() && (isSpace(html.at(i)) || html.at(i) == u'/'))
            ++i;
        if (i >= html.size())
            break;
        if (html.at(i) == u'>') {
            tag.end = i + 1;
            return tag;
        }
        const qsizetype attrStart = i;
        while (i < html.size() && !isSpace(html.at(i)) && html.at(i) != u'=' && html.at(i) != u'>' && html.at(i) != u'/')
            ++i;
        const QString name = html.mid(attrStart, i - attrStart).toLower();
        while (i < html.size() && isSpace(html.at(i)))
            ++i;
        QString value;
        if (i < html.size() && html.at(i) == u'=') {
            ++i;
            while (i < html.size() && isSpace(html.at(i)))
                ++i;
            if (i < html.size() && (html.at(i) == u'"' || html.at(i) == u'\'')) {
                const qsizetype close = html.indexOf(html.at(i), i + 1);
                if (close < 0)
                    return std::nullopt;
                value = html.mid(i + 1, close - i - 1);
                i = close + 1;
            } else {
                const qsizetype valueStart = i;
                while (i < html.size() && !isSpace(html.at(i)) && html.at(i) != u'>')
                    ++i;
                value = html.mid(valueStart, i - valueStart);
            }
        }
        if (!name.isEmpty() && !tag.attributes.contains(name))
            tag.attributes.insert(name, decodeReferences(value));
    }
    return std::nullopt;
}

// Where "</name" starts from `from`, without case; the text's end when it never comes.
// The next tag from *pos on, comments skipped, and *pos past it; nullopt when no tag is left.
std::optional<Tag> nextTag(const QString &html, qsizetype *pos)
{
    while (*pos < html.size()) {
        const qsizetype lt = html.indexOf(u'<', *pos);
        if (lt < 0)
            break;
        if (QStringView(html).sliced(lt).startsWith(u"<!--")) {
            const qsizetype close = html.indexOf(QStringLiteral("-->"), lt + 4);
            if (close < 0)
                break;
            *pos = close + 3;
            continue;
        }
        std::optional<Tag> tag = readTag(html, lt);
        if (!tag) {
            *pos = lt + 1;
            continue;
        }
        *pos = tag->end;
        return tag;
    }
    *pos = html.size();
    return std::nullopt;
}

qsizetype closingTag(const QString &html, const QString &name, qsizetype from)
{
    const qsizetype at = html.indexOf(QStringLiteral("</") + name, from, Qt::CaseInsensitive);
    return at < 0 ? html.size() : at;
}

QString collapsedText(const QString &html)
{
    return decodeReferences(html).simplified();
}

void readInput(const Tag &tag, HtmlForm &form)
{
    const QString name = tag.attributes.value(QStringLiteral("name"));
    if (name.isEmpty() || tag.attributes.contains(QStringLiteral("disabled")))
        return;
    const QString type = tag.attributes.value(QStringLiteral("type"), QStringLiteral("text")).toLower();
    static const QStringList notSent = {QStringLiteral("submit"), QStringLiteral("image"), QStringLiteral("button"),
                                        QStringLiteral("reset"), QStringLiteral("file")};
    if (notSent.contains(type))
        return;
    if (type == QLatin1StringView("checkbox") || type == QLatin1StringView("radio")) {
        if (tag.attributes.contains(QStringLiteral("checked")))
            form.fields.append({name, tag.attributes.value(QStringLiteral("value"), QStringLiteral("on"))});
        return;
    }
    form.fields.append({name, tag.attributes.value(QStringLiteral("value"))});
}

// The options of a <select> whose start tag ends at `from`; returns where its content ends.
qsizetype readSelect(const QString &html, const Tag &select, qsizetype from, HtmlForm &form)
{
    const qsizetype end = closingTag(html, QStringLiteral("select"), from);
    const QString name = select.attributes.value(QStringLiteral("name"));
    QStringList values;
    QStringList selected;
    for (qsizetype lt = html.indexOf(u'<', from); lt >= 0 && lt < end; lt = html.indexOf(u'<', lt + 1)) {
        const std::optional<Tag> tag = readTag(html, lt);
        if (!tag || tag->closing || tag->name != QLatin1StringView("option") || tag->attributes.contains(QStringLiteral("disabled")))
            continue;
        // An option's text runs to the next tag: </option> is optional.
        const qsizetype nextLt = html.indexOf(u'<', tag->end);
        const qsizetype textEnd = nextLt < 0 ? end : qMin(end, nextLt);
        const QString value = tag->attributes.contains(QStringLiteral("value"))
                                  ? tag->attributes.value(QStringLiteral("value"))
                                  : collapsedText(html.mid(tag->end, textEnd - tag->end));
        values.append(value);
        if (tag->attributes.contains(QStringLiteral("selected")))
            selected.append(value);
    }
    if (!name.isEmpty() && !select.attributes.contains(QStringLiteral("disabled"))) {
        if (!select.attributes.contains(QStringLiteral("multiple")) && selected.size() > 1)
            selected = {selected.constLast()};
        if (selected.isEmpty() && !values.isEmpty() && !select.attributes.contains(QStringLiteral("multiple")))
            selected.append(values.constFirst());
        for (const QString &value : selected)
            form.fields.append({name, value});
    }
    return end;
}

qsizetype readTextarea(const QString &html, const Tag &textarea, qsizetype from, HtmlForm &form)
{
    const qsizetype end = closingTag(html, QStringLiteral("textarea"), from);
    const QString name = textarea.attributes.value(QStringLiteral("name"));
    if (!name.isEmpty() && !textarea.attributes.contains(QStringLiteral("disabled"))) {
        QString text = decodeReferences(html.mid(from, end - from));
        // HTML drops the line break right after the start tag, and sends every line break as CR LF.
        if (text.startsWith(u'\n'))
            text.remove(0, 1);
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
        text.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
        form.fields.append({name, text});
    }
    return end;
}

} // namespace

LinkClick HtmlForm::click() const
{
    LinkClick click;
    click.link = QUrl(action);
    click.post = post;
    // An empty action is the page's own URL, whatever its <base> says (HTML, "form submission").
    if (!action.isEmpty())
        click.base = QUrl(base);
    const QByteArray encoded = formUrlEncoded(fields);
    if (post)
        click.body = encoded;
    else
        click.link.setQuery(QString::fromLatin1(encoded));
    return click;
}

QList<HtmlForm> findHtmlForms(const QString &html)
{
    QList<HtmlForm> forms;
    bool open = false;
    qsizetype pos = 0;
    while (const std::optional<Tag> tag = nextTag(html, &pos)) {
        if (tag->closing) {
            if (tag->name == QLatin1StringView("form") && open) {
                forms.last().end = tag->end;
                open = false;
            }
            continue;
        }
        if (tag->name == QLatin1StringView("script") || tag->name == QLatin1StringView("style")) {
            pos = closingTag(html, tag->name, tag->end);
        } else if (tag->name == QLatin1StringView("form")) {
            // A form inside a form is ignored, as browsers do.
            if (!open) {
                HtmlForm form;
                form.action = tag->attributes.value(QStringLiteral("action")).trimmed();
                form.post = tag->attributes.value(QStringLiteral("method")).compare(QLatin1StringView("post"), Qt::CaseInsensitive) == 0;
                forms.append(form);
                open = true;
            }
        } else if (open && tag->name == QLatin1StringView("input")) {
            readInput(*tag, forms.last());
        } else if (open && tag->name == QLatin1StringView("select")) {
            pos = readSelect(html, *tag, tag->end, forms.last());
        } else if (open && tag->name == QLatin1StringView("textarea")) {
            pos = readTextarea(html, *tag, tag->end, forms.last());
        }
    }
    if (open)
        forms.last().end = html.size();
    if (!forms.isEmpty()) {
        const QString base = findHtmlBase(html);
        for (HtmlForm &form : forms)
            form.base = base;
    }
    return forms;
}

QString findHtmlBase(const QString &html)
{
    qsizetype pos = 0;
    while (const std::optional<Tag> tag = nextTag(html, &pos)) {
        if (tag->closing)
            continue;
        if (tag->name == QLatin1StringView("script") || tag->name == QLatin1StringView("style"))
            pos = closingTag(html, tag->name, tag->end);
        else if (tag->name == QLatin1StringView("base") && tag->attributes.contains(QStringLiteral("href")))
            return tag->attributes.value(QStringLiteral("href")).trimmed();
    }
    return {};
}

QByteArray formUrlEncoded(const QList<std::pair<QString, QString>> &fields)
{
    const auto encode = [](const QString &text) {
        QByteArray out;
        for (const char c : text.toUtf8()) {
            const auto u = uchar(c);
            if ((u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || u == '*' || u == '-'
                || u == '.' || u == '_') {
                out.append(c);
            } else if (u == ' ') {
                out.append('+');
            } else {
                out.append('%');
                out.append(QByteArray::number(u, 16).rightJustified(2, '0').toUpper());
            }
        }
        return out;
    };
    QByteArrayList pairs;
    for (const auto &[name, value] : fields)
        pairs.append(encode(name) + '=' + encode(value));
    return pairs.join('&');
}

} // namespace SocketLab
