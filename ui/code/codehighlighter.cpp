#include "codehighlighter.h"

#include <QPalette>
#include <QStringList>

namespace SocketLab {

namespace {

QRegularExpression keywordPattern(CodeLanguage language)
{
    static const QStringList python = {
        QStringLiteral("and"), QStringLiteral("as"), QStringLiteral("assert"), QStringLiteral("break"),
        QStringLiteral("class"), QStringLiteral("continue"), QStringLiteral("def"), QStringLiteral("del"),
        QStringLiteral("elif"), QStringLiteral("else"), QStringLiteral("except"), QStringLiteral("False"),
        QStringLiteral("finally"), QStringLiteral("for"), QStringLiteral("from"), QStringLiteral("global"),
        QStringLiteral("if"), QStringLiteral("import"), QStringLiteral("in"), QStringLiteral("is"),
        QStringLiteral("lambda"), QStringLiteral("None"), QStringLiteral("nonlocal"), QStringLiteral("not"),
        QStringLiteral("or"), QStringLiteral("pass"), QStringLiteral("raise"), QStringLiteral("return"),
        QStringLiteral("True"), QStringLiteral("try"), QStringLiteral("while"), QStringLiteral("with"),
        QStringLiteral("yield"),
    };
    static const QStringList c = {
        QStringLiteral("bool"), QStringLiteral("break"), QStringLiteral("case"), QStringLiteral("char"),
        QStringLiteral("const"), QStringLiteral("continue"), QStringLiteral("default"), QStringLiteral("do"),
        QStringLiteral("double"), QStringLiteral("else"), QStringLiteral("enum"), QStringLiteral("extern"),
        QStringLiteral("false"), QStringLiteral("for"), QStringLiteral("goto"), QStringLiteral("if"),
        QStringLiteral("int"), QStringLiteral("long"), QStringLiteral("NULL"), QStringLiteral("return"),
        QStringLiteral("short"), QStringLiteral("signed"), QStringLiteral("size_t"), QStringLiteral("sizeof"),
        QStringLiteral("ssize_t"), QStringLiteral("static"), QStringLiteral("struct"), QStringLiteral("switch"),
        QStringLiteral("true"), QStringLiteral("typedef"), QStringLiteral("union"), QStringLiteral("unsigned"),
        QStringLiteral("void"), QStringLiteral("volatile"), QStringLiteral("while"),
    };
    const QStringList &words = language == CodeLanguage::Python ? python : c;
    return QRegularExpression(QStringLiteral("\\b(?:%1)\\b").arg(words.join(QLatin1Char('|'))));
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

CodeHighlighter::CodeHighlighter(QTextDocument *document, CodeLanguage language)
    : QSyntaxHighlighter(document)
    , m_language(language)
    , m_keywords(keywordPattern(language))
    , m_numbers(QStringLiteral("\\b(?:0[xX][0-9a-fA-F]+|[0-9]+(?:\\.[0-9]+)?)\\b"))
{
    setPalette(QPalette());
}

void CodeHighlighter::setLanguage(CodeLanguage language)
{
    if (language == m_language)
        return;
    m_language = language;
    m_keywords = keywordPattern(language);
    rehighlight();
}

void CodeHighlighter::setPalette(const QPalette &palette)
{
    const bool dark = isDark(palette);
    m_keyword = QTextCharFormat();
    m_keyword.setForeground(dark ? QColor(0x82, 0xaa, 0xff) : QColor(0x00, 0x33, 0xb3));
    m_keyword.setFontWeight(QFont::Bold);
    m_string = QTextCharFormat();
    m_string.setForeground(dark ? QColor(0xc3, 0xe8, 0x8d) : QColor(0x06, 0x7d, 0x17));
    m_comment = QTextCharFormat();
    m_comment.setForeground(dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x6a, 0x6a, 0x6a));
    m_comment.setFontItalic(true);
    m_number = QTextCharFormat();
    m_number.setForeground(dark ? QColor(0xf7, 0x8c, 0x6c) : QColor(0x17, 0x50, 0xeb));
    m_preprocessor = QTextCharFormat();
    m_preprocessor.setForeground(dark ? QColor(0xc7, 0x92, 0xea) : QColor(0x80, 0x00, 0x80));
    rehighlight();
}

qsizetype CodeHighlighter::stringEnd(const QString &text, qsizetype from, QChar quote)
{
    for (qsizetype i = from + 1; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\\'))
            ++i;
        else if (text.at(i) == quote)
            return i + 1;
    }
    return -1;
}

void CodeHighlighter::highlightBlock(const QString &text)
{
    // Words and numbers first: a string or a comment coloured after them takes over what lies inside it.
    for (auto it = m_keywords.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_keyword);
    }
    for (auto it = m_numbers.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        setFormat(int(match.capturedStart()), int(match.capturedLength()), m_number);
    }

    setCurrentBlockState(Plain);
    qsizetype i = 0;
    const QString triple = QStringLiteral("\"\"\"");
    if (previousBlockState() == InsideCComment || previousBlockState() == InsidePythonTriple) {
        const bool comment = previousBlockState() == InsideCComment;
        const qsizetype end = text.indexOf(comment ? QStringLiteral("*/") : triple);
        if (end < 0) {
            setFormat(0, int(text.size()), comment ? m_comment : m_string);
            setCurrentBlockState(previousBlockState());
            return;
        }
        i = end + (comment ? 2 : 3);
        setFormat(0, int(i), comment ? m_comment : m_string);
    }

    const bool python = m_language == CodeLanguage::Python;
    if (!python && text.trimmed().startsWith(QLatin1Char('#'))) {
        setFormat(0, int(text.size()), m_preprocessor);
        // An #include's <header> or "header" reads as part of the directive, not as a string.
        return;
    }
    while (i < text.size()) {
        const QChar c = text.at(i);
        if ((python && c == QLatin1Char('#')) || (!python && text.mid(i, 2) == QLatin1String("//"))) {
            setFormat(int(i), int(text.size() - i), m_comment);
            return;
        }
        if (!python && text.mid(i, 2) == QLatin1String("/*")) {
            const qsizetype end = text.indexOf(QStringLiteral("*/"), i + 2);
            if (end < 0) {
                setFormat(int(i), int(text.size() - i), m_comment);
                setCurrentBlockState(InsideCComment);
                return;
            }
            setFormat(int(i), int(end + 2 - i), m_comment);
            i = end + 2;
            continue;
        }
        if (python && text.mid(i, 3) == triple) {
            const qsizetype end = text.indexOf(triple, i + 3);
            if (end < 0) {
                setFormat(int(i), int(text.size() - i), m_string);
                setCurrentBlockState(InsidePythonTriple);
                return;
            }
            setFormat(int(i), int(end + 3 - i), m_string);
            i = end + 3;
            continue;
        }
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            // Python's b'…', f'…', rb'…' prefixes belong to the literal.
            qsizetype start = i;
            for (int letters = 0; python && letters < 2 && start > 0 && QStringLiteral("bBrRfFuU").contains(text.at(start - 1)); ++letters)
                --start;
            if (start > 0 && (text.at(start - 1).isLetterOrNumber() || text.at(start - 1) == QLatin1Char('_')))
                start = i;
            const qsizetype end = stringEnd(text, i, c);
            const qsizetype stop = end < 0 ? text.size() : end;
            setFormat(int(start), int(stop - start), m_string);
            i = stop;
            continue;
        }
        ++i;
    }
}

} // namespace SocketLab
