#include "freeport.h"
#include "historytesting.h"
#include "connection/connectionpanel.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "widgets/savefiledialog.h"
#include "widgets/targetedit.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"
#include "servers/clientmodel.h"
#include "servers/serverspanel.h"
#include "trace/traceview.h"

#include "servers/localservers.h"
#include "startandwait.h"
#include "text/stoptext.h"
#include "text/translations.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleOption>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTimer>
#include <QTreeView>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QXmlStreamReader>

using namespace SocketLab;
using namespace Qt::StringLiterals;

namespace {

// Every text of a panel a person can read, keyed by the widget and what the text is, so the same
// text can be found again after the language changed.
using Texts = QMap<QString, QString>;

void addText(Texts &texts, const QObject *owner, const QString &what, const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    const QString key = u"%1 %2 @%3 %4"_s.arg(QString::fromLatin1(owner->metaObject()->className()), owner->objectName())
                            .arg(quintptr(owner), 0, 16)
                            .arg(what);
    texts.insert(key, text);
}

void addActions(Texts &texts, const QList<QAction *> &actions)
{
    for (const QAction *action : actions) {
        if (action->isSeparator())
            continue;
        addText(texts, action, u"text"_s, action->text());
        if (action->toolTip() != QString(action->text()).remove(u'&'))
            addText(texts, action, u"toolTip"_s, action->toolTip());
        if (action->menu())
            addActions(texts, action->menu()->actions());
    }
}

void addHeaders(Texts &texts, const QHeaderView *header)
{
    const QAbstractItemModel *model = header->model();
    if (!model)
        return;
    const int count = header->orientation() == Qt::Horizontal ? model->columnCount() : model->rowCount();
    for (int section = 0; section < count; ++section) {
        addText(texts, header, u"section %1"_s.arg(section), model->headerData(section, header->orientation()).toString());
        addText(texts, header, u"section tip %1"_s.arg(section),
                model->headerData(section, header->orientation(), Qt::ToolTipRole).toString());
    }
}

void addWidget(Texts &texts, QWidget *widget)
{
    addText(texts, widget, u"toolTip"_s, widget->toolTip());
    addText(texts, widget, u"accessibleName"_s, widget->accessibleName());
    addText(texts, widget, u"accessibleDescription"_s, widget->accessibleDescription());
    addText(texts, widget, u"whatsThis"_s, widget->whatsThis());
    addActions(texts, widget->actions());
    if (auto *label = qobject_cast<QLabel *>(widget))
        addText(texts, label, u"text"_s, label->text());
    if (auto *button = qobject_cast<QAbstractButton *>(widget))
        addText(texts, button, u"text"_s, button->text());
    if (auto *tool = qobject_cast<QToolButton *>(widget); tool && tool->menu())
        addActions(texts, tool->menu()->actions());
    if (auto *group = qobject_cast<QGroupBox *>(widget))
        addText(texts, group, u"title"_s, group->title());
    if (auto *edit = qobject_cast<QLineEdit *>(widget))
        addText(texts, edit, u"placeholder"_s, edit->placeholderText());
    if (auto *spin = qobject_cast<QAbstractSpinBox *>(widget)) {
        addText(texts, spin, u"text"_s, spin->text());
        addText(texts, spin, u"specialValueText"_s, spin->specialValueText());
    }
    if (auto *combo = qobject_cast<QComboBox *>(widget)) {
        for (int i = 0; i < combo->count(); ++i)
            addText(texts, combo, u"item %1"_s.arg(i), combo->itemText(i));
    }
    if (auto *tabs = qobject_cast<QTabBar *>(widget)) {
        for (int i = 0; i < tabs->count(); ++i) {
            addText(texts, tabs, u"tab %1"_s.arg(i), tabs->tabText(i));
            addText(texts, tabs, u"tab tip %1"_s.arg(i), tabs->tabToolTip(i));
        }
    }
    if (auto *header = qobject_cast<QHeaderView *>(widget))
        addHeaders(texts, header);
    if (auto *list = qobject_cast<QListWidget *>(widget)) {
        for (int row = 0; row < list->count(); ++row)
            addText(texts, list, u"item %1"_s.arg(row), list->item(row)->text());
    }
    if (auto *dock = qobject_cast<QDockWidget *>(widget))
        addText(texts, dock, u"title"_s, dock->windowTitle());
}

Texts panelTexts(QWidget *panel)
{
    Texts texts;
    addWidget(texts, panel);
    for (QWidget *child : panel->findChildren<QWidget *>())
        addWidget(texts, child);
    return texts;
}

Texts menuTexts(QMainWindow *window)
{
    Texts texts;
    addActions(texts, window->menuBar()->actions());
    return texts;
}

// The French of every source text that has one of its own, read from the translation source: a
// text still in English after the switch, although it has a French translation, is a text its
// widget forgot to translate again.
QMultiHash<QString, QString> frenchTranslations()
{
    QMultiHash<QString, QString> french;
    QFile file(QStringLiteral(SOCKETLAB_PEERS_DIR "/../../translations/socketlab_fr.ts"));
    if (!file.open(QIODevice::ReadOnly))
        return french;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "source"_L1)
            source = xml.readElementText();
        else if (xml.name() == "translation"_L1)
            french.insert(source, xml.readElementText(QXmlStreamReader::IncludeChildElements));
    }
    return french;
}

QAction *languageAction(QMainWindow *window, const QString &language)
{
    for (QAction *menu : window->menuBar()->actions()) {
        if (!menu->menu())
            continue;
        for (QAction *action : menu->menu()->actions()) {
            if (action->data().toString() == language)
                return action;
        }
    }
    return nullptr;
}

QLabel *buddyLabel(QWidget *panel, QWidget *field)
{
    for (QLabel *label : panel->findChildren<QLabel *>()) {
        if (label->buddy() == field)
            return label;
    }
    return nullptr;
}

// QApplication posts LanguageChange to the windows when a translator comes or goes: deliver it now,
// as the event loop would.
bool switchTo(const QString &language)
{
    const bool installed = Translations::install(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return installed;
}

void deliverLanguageChange()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

bool isFrenchGroupSeparator(QChar c)
{
    return c == QChar(0x202f) || c == QChar(0x00a0);
}

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CliRun runCli(const QString &locale, const QStringList &arguments)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, locale);
    env.insert(u"LC_ALL"_s, locale);
    env.remove(u"LANGUAGE"_s);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("SOCKETLAB_CLI"), arguments);
    CliRun run;
    if (!process.waitForFinished(30000))
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void switchingRetranslatesEveryPanel();
    void languageMenuSwitchesAndRemembers();
    void numbersAndPluralsFollowTheLanguage();
    void qtOwnStringsFollowTheLanguage();
    void controlsFitTheirTextAfterASwitch();
    void saveDialogSpeaksTheChosenLanguage();
    void cliFollowsTheLocale_data();
    void cliFollowsTheLocale();
    void cliJsonKeysStayTheSame();

private:
    QMap<QString, Texts> allTexts() const;
    void sendAndWait(int expectedHistory);

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
};

void TestLanguage::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
    QVERIFY(Translations::install(u"en"_s));
    QVERIFY(Translations::install(u"fr"_s));
}

void TestLanguage::init()
{
    QVERIFY(switchTo(u"en"_s));
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLanguage::cleanup()
{
    m_window.reset();
    switchTo(u"en"_s);
}

void TestLanguage::sendAndWait(int expectedHistory)
{
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), expectedHistory, 30000);
}

// The panels of the window by name: the named ones, then any other panel in a dock or a tab of its own.
QMap<QString, Texts> TestLanguage::allTexts() const
{
    QMap<QString, Texts> texts{
        {u"connection"_s, panelTexts(m_window->connectionPanel())},
        {u"request editor"_s, panelTexts(m_window->requestEditor())},
        {u"reply"_s, panelTexts(m_window->replyPanel())},
        {u"trace"_s, panelTexts(m_window->traceView())},
        {u"history"_s, panelTexts(m_window->historyPanel())},
        {u"menus"_s, menuTexts(m_window.get())},
    };
    const QList<QWidget *> named{m_window->traceView(), m_window->historyPanel()};
    for (QDockWidget *dock : m_window->findChildren<QDockWidget *>()) {
        if (dock->widget() && !named.contains(dock->widget()))
            texts.insert(u"dock "_s + dock->objectName(), panelTexts(dock->widget()));
    }
    if (auto *tabs = qobject_cast<QTabWidget *>(m_window->centralWidget())) {
        for (int i = 0; i < tabs->count(); ++i) {
            QWidget *page = tabs->widget(i);
            if (!page->isAncestorOf(m_window->connectionPanel()))
                texts.insert(u"tab %1"_s.arg(i), panelTexts(page));
        }
    }
    return texts;
}

void TestLanguage::switchingRetranslatesEveryPanel()
{
    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QVERIFY(record && !record->result.error.isError());
    const QMap<QString, Texts> english = allTexts();

    QVERIFY(switchTo(u"fr"_s));
    QCOMPARE(Translations::current(), u"fr"_s);
    const QMap<QString, Texts> french = allTexts();
    const QMultiHash<QString, QString> translations = frenchTranslations();
    QVERIFY(!translations.isEmpty());

    QCOMPARE(french.keys(), english.keys());
    for (auto panel = english.cbegin(); panel != english.cend(); ++panel) {
        const Texts &before = panel.value();
        const Texts &after = french.value(panel.key());
        QVERIFY2(!before.isEmpty(), qPrintable(panel.key()));
        int changed = 0;
        for (auto text = before.cbegin(); text != before.cend(); ++text) {
            const QString now = after.value(text.key());
            if (now != text.value()) {
                ++changed;
                continue;
            }
            const QList<QString> ownFrench = translations.values(text.value());
            const bool hasOtherFrench = !ownFrench.isEmpty() && !ownFrench.contains(text.value());
            QVERIFY2(!hasOtherFrench, qPrintable(u"%1: \"%2\" (%3) stayed in English"_s.arg(panel.key(), text.value(), text.key())));
        }
        QVERIFY2(changed > 0, qPrintable(u"nothing changed in the %1 panel"_s.arg(panel.key())));
    }

    // A few exact sentences, as a French reader sees them.
    ConnectionPanel *connection = m_window->connectionPanel();
    QLabel *hostLabel = buddyLabel(connection, connection->targetEdit()->hostEdit());
    QVERIFY(hostLabel);
    QCOMPARE(hostLabel->text(), u"&Hôte\u00a0:"_s);
    QCOMPARE(connection->sendButton()->text(), u"&Envoyer"_s);
    QCOMPARE(connection->cancelButton()->text(), u"Annuler"_s);
    QCOMPARE(m_window->replyPanel()->tabs()->tabText(0), u"He&xa"_s);
    QCOMPARE(m_window->replyPanel()->tabs()->tabText(1), u"&Texte"_s);
    QCOMPARE(m_window->menuBar()->actions().constFirst()->text(), u"&Fichier"_s);
    QCOMPARE(m_window->traceView()->model()->headerData(1, Qt::Horizontal).toString(), u"Appel"_s);
    QCOMPARE(m_window->historyPanel()->findChild<QListWidget *>()->toolTip(),
             u"Les échanges conservés, le plus récent en tête. Choisissez-en un pour voir sa requête, sa "
             u"cible et sa réponse\u00a0; double-cliquez pour le charger dans le formulaire."_s);
    const QString received = QLocale().toString(record->result.receivedBytes);
    QCOMPARE(m_window->replyPanel()->stopLabel()->text(),
             u"Le serveur a fermé la connexion après %1 octets."_s.arg(received));
    if (record->result.receivedBytes >= 1000)
        QVERIFY(isFrenchGroupSeparator(received.at(received.size() - 4)));
    // The summary line is noun phrases, each number held to its unit.
    const QList<QLabel *> labels = m_window->replyPanel()->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](const QLabel *label) {
        return label->text().startsWith(u"Envoi\u00a0: "_s) && label->text().contains(u" · réception\u00a0: "_s)
               && label->text().contains(u" · connexion\u00a0: "_s) && label->text().endsWith(u"\u00a0ms"_s);
    }));

    // Back to English: every text is the one it was.
    QVERIFY(switchTo(u"en"_s));
    QCOMPARE(allTexts(), english);
}

void TestLanguage::languageMenuSwitchesAndRemembers()
{
    QAction *french = languageAction(m_window.get(), u"fr"_s);
    QAction *english = languageAction(m_window.get(), u"en"_s);
    QVERIFY(french && english);
    QVERIFY(english->isChecked());
    const QMap<QString, Texts> before = allTexts();

    french->trigger();
    deliverLanguageChange();
    QCOMPARE(Translations::current(), u"fr"_s);
    QVERIFY(french->isChecked());
    QVERIFY(!english->isChecked());
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"fr"_s);
    const QMap<QString, Texts> after = allTexts();
    for (auto panel = before.cbegin(); panel != before.cend(); ++panel)
        QVERIFY2(after.value(panel.key()) != panel.value(), qPrintable(panel.key()));
    QCOMPARE(m_window->connectionPanel()->sendButton()->text(), u"&Envoyer"_s);
    QCOMPARE(m_window->requestEditor()->findChild<QToolButton *>(u"templates"_s)->text(), u"Modèles"_s);

    english->trigger();
    deliverLanguageChange();
    QCOMPARE(Translations::current(), u"en"_s);
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"en"_s);
    QCOMPARE(allTexts(), before);
}

void TestLanguage::numbersAndPluralsFollowTheLanguage()
{
    QCOMPARE(byteCount(1), u"1 byte"_s);
    QCOMPARE(byteCount(2), u"2 bytes"_s);
    QCOMPARE(byteCount(0), u"0 bytes"_s);

    QVERIFY(switchTo(u"fr"_s));
    const QString thousands = QLocale().toString(1234);
    QCOMPARE(thousands.size(), 5);
    QVERIFY2(isFrenchGroupSeparator(thousands.at(1)), qPrintable(thousands));
    QCOMPARE(byteCount(1234), thousands + u" octets"_s);
    QCOMPARE(byteCount(1), u"1 octet"_s);
    QCOMPARE(byteCount(0), u"0 octet"_s);
    QCOMPARE(byteCount(2), u"2 octets"_s);
    QCOMPARE(dataSize(1234567), u"1,2 Mo"_s);
    StopInfo stop;
    stop.reason = StopReason::PeerClosed;
    stop.bytes = 1234;
    QCOMPARE(describeStop(stop), u"Le serveur a fermé la connexion après %1 octets."_s.arg(thousands));
    stop.reason = StopReason::Idle;
    stop.limit = 2000;
    QCOMPARE(describeStop(stop), u"Aucune donnée pendant %1\u00a0ms\u00a0: lecture arrêtée après %2 octets."_s
                                     .arg(QLocale().toString(2000), thousands));

    // The request's size under the editor, and a spin box the form shows.
    m_window->requestEditor()->setBytes(QByteArray(1234, 'a'));
    QCOMPARE(m_window->requestEditor()->findChild<QLabel *>(u"byteCount"_s)->text(), thousands + u" octets"_s);
    m_window->requestEditor()->setBytes("a");
    QCOMPARE(m_window->requestEditor()->findChild<QLabel *>(u"byteCount"_s)->text(), u"1 octet"_s);
    const QList<QSpinBox *> spins = m_window->connectionPanel()->findChildren<QSpinBox *>();
    const bool grouped = std::any_of(spins.cbegin(), spins.cend(), [](QSpinBox *spin) {
        return spin->text() == u"%1\u00a0ms"_s.arg(QLocale().toString(10000));
    });
    QVERIFY2(grouped, "the connect timeout does not read 10 000 ms");

    QVERIFY(switchTo(u"en"_s));
    QCOMPARE(m_window->requestEditor()->findChild<QLabel *>(u"byteCount"_s)->text(), u"1 byte"_s);
}

void TestLanguage::qtOwnStringsFollowTheLanguage()
{
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_fr.qm"_s))
        QSKIP("Qt's French translation (qt6-translations-l10n) is not installed");
    QVERIFY(Translations::install(u"fr"_s));
    QCOMPARE(QCoreApplication::translate("QLineEdit", "&Undo"), u"&Annuler"_s);
    QVERIFY(Translations::install(u"en"_s));
    QCOMPARE(QCoreApplication::translate("QLineEdit", "&Undo"), u"&Undo"_s);
}

// Qt's file dialog reads sizes and dates through the system locale and names folders in a context
// Qt 6.4's French catalogue lacks: chosen in French on an English system, it must still read "2 Kio",
// "Dossier", a French date, a French button, and offer a French file name for the reply.
void TestLanguage::saveDialogSpeaksTheChosenLanguage()
{
    if (Translations::languageFor(QLocale::system()) == u"fr"_s)
        QSKIP("The system speaks French already: the platform's dialog is kept");
    if (!QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_fr.qm"_s))
        QSKIP("Qt's French translation (qt6-translations-l10n) is not installed");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile file(dir.filePath(u"a.bin"_s));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(QByteArray(2048, 'x')), 2048);
    file.close();
    QVERIFY(QDir(dir.path()).mkdir(u"sub"_s));

    sendAndWait(1);
    QVERIFY(switchTo(u"fr"_s));
    QString offeredName;
    QTimer::singleShot(0, this, [&offeredName] {
        auto *dialog = qobject_cast<SaveFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        if (auto *name = dialog->findChild<QLineEdit *>(u"fileNameEdit"_s))
            offeredName = name->text();
        dialog->reject();
    });
    m_window->replyPanel()->saveReply();
    QCOMPARE(offeredName, u"réponse.bin"_s);

    SaveFileDialog dialog(m_window.get(), u"t"_s, dir.filePath(u"réponse.bin"_s));
    dialog.show();
    auto *tree = dialog.findChild<QTreeView *>(u"treeView"_s);
    QVERIFY(tree);
    QAbstractItemModel *model = tree->model();
    const auto cell = [&](const QString &name, int column) {
        for (int row = 0; row < model->rowCount(tree->rootIndex()); ++row) {
            if (model->index(row, 0, tree->rootIndex()).data().toString() == name)
                return model->index(row, column, tree->rootIndex()).data().toString();
        }
        return QString();
    };
    QTRY_COMPARE(cell(u"a.bin"_s, 1), QLocale().formattedDataSize(2048));
    QVERIFY2(cell(u"a.bin"_s, 1).contains(u"Kio"_s), qPrintable(cell(u"a.bin"_s, 1)));
    QCOMPARE(cell(u"sub"_s, 2), u"Dossier"_s);
    QCOMPARE(cell(u"a.bin"_s, 3), QLocale().toString(QFileInfo(file).lastModified(), QLocale::ShortFormat));
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>();
    QVERIFY(std::any_of(buttons.cbegin(), buttons.cend(),
                        [](QPushButton *button) { return button->text() == u"&Enregistrer"_s; }));
}

// A combo box or a spin box sized for its English text must grow with the French one ("Toute
// famille", "Un port libre quelconque"), on every tab, after a switch at run time.
void TestLanguage::controlsFitTheirTextAfterASwitch()
{
    m_window->resize(1440, 960);
    QVERIFY(switchTo(u"fr"_s));
    QTabWidget *tools = m_window->tools();
    for (int tab = 0; tab < tools->count(); ++tab) {
        tools->setCurrentIndex(tab);
        // The tab shown lays itself out on the layout requests its showing posted: handle them now.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        int checked = 0;
        for (QWidget *widget : tools->currentWidget()->findChildren<QWidget *>()) {
            if (!widget->isVisible())
                continue;
            // The text has the box's edit field, not the whole box: arrows and frame take the rest.
            QString text;
            int field = 0;
            if (const auto *combo = qobject_cast<QComboBox *>(widget)) {
                text = combo->currentText();
                QStyleOptionComboBox option;
                option.initFrom(combo);
                option.editable = combo->isEditable();
                option.frame = combo->hasFrame();
                option.currentText = text;
                field = combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo).width();
            } else if (const auto *spin = qobject_cast<QAbstractSpinBox *>(widget)) {
                text = spin->text();
                QStyleOptionSpinBox option;
                option.initFrom(spin);
                option.frame = spin->hasFrame();
                option.buttonSymbols = spin->buttonSymbols();
                option.subControls = QStyle::SC_SpinBoxFrame | QStyle::SC_SpinBoxEditField | QStyle::SC_SpinBoxUp | QStyle::SC_SpinBoxDown;
                field = spin->style()->subControlRect(QStyle::CC_SpinBox, &option, QStyle::SC_SpinBoxEditField, spin).width();
            } else {
                continue;
            }
            ++checked;
            QVERIFY2(field >= widget->fontMetrics().horizontalAdvance(text),
                     qPrintable(u"\"%1\" in an edit field %2 px wide, tab %3"_s.arg(text).arg(field).arg(tools->tabText(tab))));
        }
        QVERIFY(checked > 0);
    }
    // The client table shows every column but the last (the error, as wide as the pane leaves it)
    // with its French header whole.
    QTableView *clients = m_window->serversPanel()->clientsView();
    QHeaderView *header = clients->horizontalHeader();
    for (int column = 0; column < ClientModel::Error; ++column)
        QVERIFY2(header->sectionSize(column) >= header->sectionSizeHint(column),
                 qPrintable(clients->model()->headerData(column, Qt::Horizontal).toString()));
    QVERIFY(clients->viewport()->width() >= header->sectionPosition(ClientModel::Error));
    QVERIFY(switchTo(u"en"_s));
}

void TestLanguage::cliFollowsTheLocale_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QStringList>("expected");

    // fr_FR need not be generated on the machine: Qt reads LANG and LC_ALL itself.
    QTest::newRow("French, one byte") << u"fr_FR.UTF-8"_s << QByteArray("x")
                                      << QStringList{u"* Envoi\u00a0: 1 octet"_s, u"* 1 octet reçu, comme demandé."_s};
    QTest::newRow("French, two bytes") << u"fr_FR.UTF-8"_s << QByteArray("xy")
                                       << QStringList{u"* Envoi\u00a0: 2 octets"_s, u"* Les 2 octets demandés ont été reçus."_s};
    QTest::newRow("English, one byte") << u"C.UTF-8"_s << QByteArray("x")
                                       << QStringList{u"* Sent 1 byte"_s, u"* The 1 byte asked for was received."_s};
    QTest::newRow("English, two bytes") << u"C.UTF-8"_s << QByteArray("xy")
                                        << QStringList{u"* Sent 2 bytes"_s, u"* The 2 bytes asked for were received."_s};
}

void TestLanguage::cliFollowsTheLocale()
{
    QFETCH(QString, locale);
    QFETCH(QByteArray, payload);
    QFETCH(QStringList, expected);
    const bool french = locale.startsWith(u"fr"_s);

    const SocketAddress echo = m_servers.tcpEchoAddress();
    const CliRun exchange = runCli(locale, {u"tcp"_s, echo.host(), QString::number(echo.port()), u"--send"_s,
                                            QString::fromLatin1(payload), u"--until"_s, u"bytes:%1"_s.arg(payload.size())});
    QCOMPARE(exchange.exitCode, 0);
    const QStringList lines = exchange.err.split(u'\n');
    for (const QString &line : expected)
        QVERIFY2(lines.contains(line), qPrintable(exchange.err));

    const quint16 closed = freeLoopbackPort();
    const CliRun refused = runCli(locale, {u"tcp"_s, u"127.0.0.1"_s, QString::number(closed)});
    QVERIFY2(refused.exitCode > 0, qPrintable(refused.err));
    const QString sentence = french ? u"Connexion refusée par 127.0.0.1:%1 (ECONNREFUSED) lors de connect()."_s
                                    : u"Connection refused by 127.0.0.1:%1 (ECONNREFUSED) during connect()."_s;
    QVERIFY2(refused.err.contains(sentence.arg(closed)), qPrintable(refused.err));

    // The help groups its numbers as the window does.
    const CliRun help = runCli(locale, {u"tcp"_s, u"--help"_s});
    QCOMPARE(help.exitCode, 0);
    const QString grouped = french ? u"(65\u202f536 par défaut)"_s : u"(default 65536)"_s;
    QVERIFY2(help.out.contains(grouped), qPrintable(help.out));
}

void TestLanguage::cliJsonKeysStayTheSame()
{
    const SocketAddress echo = m_servers.tcpEchoAddress();
    const QStringList arguments{u"tcp"_s, echo.host(), QString::number(echo.port()), u"--send"_s, u"xy"_s,
                                u"--until"_s, u"bytes:2"_s, u"--format"_s, u"json"_s};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LANG"_s, u"fr_FR.UTF-8"_s);
    env.insert(u"LC_ALL"_s, u"fr_FR.UTF-8"_s);
    QProcess process;
    process.setProcessEnvironment(env);
    process.start(qEnvironmentVariable("SOCKETLAB_CLI"), arguments);
    QVERIFY(process.waitForFinished(30000));
    const QJsonObject report = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    const QJsonObject stop = report.value(u"stop"_s).toObject();
    QCOMPARE(stop.value(u"reason"_s).toString(), u"bytes_reached"_s);
    QCOMPARE(stop.value(u"detail"_s).toString(), u"Les 2 octets demandés ont été reçus."_s);
    QCOMPARE(report.value(u"sent_bytes"_s).toInt(), 2);
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
