#pragma once

#include "linkrequest.h"

#include <QList>
#include <QString>

#include <utility>

namespace SocketLab {

// A <form> of a page, read as far as a click on it needs: where it goes, how, and the fields it
// would send as the page gives them.
struct HtmlForm
{
    QString action;   // as written, character references decoded; empty: the page itself
    bool post = false; // method="post"; anything else is a GET
    QList<std::pair<QString, QString>> fields; // name and initial value of each control sent
    qsizetype end = 0; // in the page's text: just after </form>, or the end of the text if unclosed
    QString base;      // the page's <base href> (findHtmlBase), which the action is relative to

    // A GET sends the fields as the action's query (replacing the one it had), a POST as its body.
    LinkClick click() const;
};

// The forms of a page, in order. Read: <input> (text-like types with their value, checkbox and
// radio when checked, "on" without a value; submit, image, button, reset and file are not sent,
// since no button is pressed), <textarea>, <select> (its selected options, or the first one);
// disabled and unnamed controls are skipped. Not read: controls outside their form (form="id"),
// <button> values, a form's accept-charset (fields are sent as UTF-8), scripts.
// Comments, <script> and <style> are skipped.
QList<HtmlForm> findHtmlForms(const QString &html);

// The href of the page's first <base> that has one, as written (character references decoded,
// blanks around it dropped): the page's links and forms are relative to it (HTML, "document base
// URL"). Empty when there is none. Comments, <script> and <style> are skipped.
QString findHtmlBase(const QString &html);

// application/x-www-form-urlencoded, as browsers write it: "name=Ada+L%C3%B6w&x=1".
QByteArray formUrlEncoded(const QList<std::pair<QString, QString>> &fields);

} // namespace SocketLab
