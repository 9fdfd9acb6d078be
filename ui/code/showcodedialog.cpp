#include "showcodedialog.h"

#include "code/codehighlighter.h"
#include "threads/blockingcallpool.h"
#include "widgets/errorpalette.h"
#include "widgets/savefiledialog.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QScreen>
#include <QSaveFile>
#include <QSettings>
#include <QVBoxLayout>

namespace SocketLab {

namespace {

const QString LanguageKey = QStringLiteral("code/language");

} // namespace

ShowCodeDialog::ShowCodeDialog(const CodeRequest &request, QWidget *parent)
    : QDialog(parent)
    , m_request(request)
    , m_intro(new QLabel)
    , m_python(new QRadioButton)
    , m_c(new QRadioButton)
    , m_languages(new QButtonGroup(this))
    , m_code(new QPlainTextEdit)
    , m_highlighter(new CodeHighlighter(m_code->document(), CodeLanguage::Python))
    , m_run(new QLabel)
    , m_status(new QLabel)
    , m_problem(new QLabel)
    , m_cut(new QLabel)
    , m_copy(new QPushButton)
    , m_save(new QPushButton)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
{
    setObjectName(QStringLiteral("showCodeDialog"));
    m_intro->setWordWrap(true);
    m_languages->addButton(m_python);
    m_languages->addButton(m_c);
    m_code->setReadOnly(true);
    m_code->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_code->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_highlighter->setPalette(m_code->palette());
    m_cut->setWordWrap(true);
    m_cut->hide();
    m_run->setWordWrap(true);
    m_run->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    setErrorTextColor(m_problem);
    m_buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_save, QDialogButtonBox::ActionRole);

    auto *languageRow = new QHBoxLayout;
    languageRow->addWidget(m_python);
    languageRow->addWidget(m_c);
    languageRow->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(languageRow);
    layout->addWidget(m_code, 1);
    layout->addWidget(m_cut);
    layout->addWidget(m_run);
    layout->addWidget(m_status);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    const bool c = QSettings().value(LanguageKey).toString() == QLatin1String("c");
    m_language = c ? CodeLanguage::C : CodeLanguage::Python;
    (c ? m_c : m_python)->setChecked(true);
    m_highlighter->setLanguage(m_language);
    connect(m_python, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setLanguage(CodeLanguage::Python);
    });
    connect(m_c, &QRadioButton::toggled, this, [this](bool on) {
        if (on)
            setLanguage(CodeLanguage::C);
    });
    connect(m_copy, &QPushButton::clicked, this, &ShowCodeDialog::copyProgram);
    connect(m_save, &QPushButton::clicked, this, &ShowCodeDialog::askWhereToSave);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Room for the programs' longest lines (about 125 columns) where the screen has it.
    const QFontMetrics metrics(m_code->font());
    QSize size(metrics.horizontalAdvance(QLatin1Char('M')) * 132, metrics.height() * 44);
    if (const QScreen *screen = parent ? parent->screen() : QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableSize() * 0.9);
    resize(size);
    retranslate();
    generate();
}

void ShowCodeDialog::setLanguage(CodeLanguage language)
{
    if (language == m_language)
        return;
    m_language = language;
    (language == CodeLanguage::C ? m_c : m_python)->setChecked(true);
    QSettings().setValue(LanguageKey, language == CodeLanguage::C ? QStringLiteral("c") : QStringLiteral("python"));
    m_highlighter->setLanguage(language);
    m_status->hide();
    m_problem->hide();
    m_run->setText(howToRun());
    generate();
}

QString ShowCodeDialog::program() const
{
    return m_program;
}

void ShowCodeDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The program's comments and what it prints on standard error follow the window's language.
        generate();
    } else if (event->type() == QEvent::PaletteChange) {
        m_highlighter->setPalette(m_code->palette());
        setErrorTextColor(m_problem);
    }
    QDialog::changeEvent(event);
}

void ShowCodeDialog::retranslate()
{
    setWindowTitle(tr("Show code: %1:%2").arg(m_request.host(), m_request.service()));
    m_intro->setText(tr("A program that does what SocketLab does for this exchange, with the same bytes and the same "
                        "rule for when to stop reading. It writes the bytes it receives to standard output and "
                        "nothing else there; what it explains goes to standard error."));
    m_python->setText(tr("&Python (socket module, as in the notebooks)"));
    m_c->setText(tr("&C (BSD sockets)"));
    m_copy->setText(tr("C&opy"));
    m_save->setText(tr("&Save…"));
    m_run->setText(howToRun());
}

QString ShowCodeDialog::howToRun() const
{
    const QString file = codeFileName(m_language, m_request);
    if (m_language == CodeLanguage::Python)
        return tr("To run it: python3 %1 > reply.bin").arg(file);
    const QString program = file.chopped(2);
    const QString libraries = m_request.usesTls() ? QStringLiteral(" -lssl -lcrypto") : QString();
    return tr("To build and run it: gcc -Wall -Wextra -Werror -o %1 %2%3 && ./%1 > reply.bin").arg(program, file, libraries);
}

void ShowCodeDialog::generate()
{
    const quint64 generation = ++m_generation;
    m_program.clear();
    m_cut->hide();
    m_code->clear();
    m_code->setPlaceholderText(tr("Writing the program…"));
    m_copy->setEnabled(false);
    m_save->setEnabled(false);
    QPointer<ShowCodeDialog> self(this);
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, generation, language = m_language, request = m_request] {
        const QString program = generateCode(language, request);
        QMetaObject::invokeMethod(qApp, [self, generation, program] {
            if (!self || generation != self->m_generation)
                return;
            self->showProgram(program);
            self->m_copy->setEnabled(true);
            self->m_save->setEnabled(true);
            emit self->programShown();
        });
    });
}

void ShowCodeDialog::showProgram(const QString &program)
{
    m_program = program;
    if (program.size() <= MaxShownCharacters) {
        m_code->setPlainText(program);
        return;
    }
    // A request of many megabytes makes a program as long: laying it out and colouring it would hold
    // the window for seconds. Its beginning is shown, whole lines; Copy and Save take all of it.
    const qsizetype lineEnd = program.lastIndexOf(QLatin1Char('\n'), MaxShownCharacters);
    const qsizetype shown = lineEnd > 0 ? lineEnd + 1 : MaxShownCharacters;
    m_code->setPlainText(program.left(shown));
    m_cut->setText(tr("The program has %1 characters: the view shows its first %2; Copy and Save… give it whole.")
                       .arg(QLocale().toString(program.size()), QLocale().toString(shown)));
    m_cut->show();
}

void ShowCodeDialog::copyProgram()
{
    QApplication::clipboard()->setText(program());
    showStatus(tr("The program is on the clipboard."), false);
}

void ShowCodeDialog::showStatus(const QString &text, bool problem)
{
    m_status->setVisible(!problem);
    m_problem->setVisible(problem);
    (problem ? m_problem : m_status)->setText(text);
}

void ShowCodeDialog::askWhereToSave()
{
    const QString path = SaveFileDialog::ask(this, tr("Save the program"), codeFileName(m_language, m_request));
    if (!path.isEmpty())
        saveTo(path);
}

void ShowCodeDialog::saveTo(const QString &path)
{
    m_save->setEnabled(false);
    QPointer<ShowCodeDialog> self(this);
    BlockingCallPool::run(BlockingCallPool::Lane::File, [self, path, bytes = program().toUtf8()] {
        QSaveFile file(path);
        const bool saved = file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
        const QString problem = saved ? QString() : file.errorString();
        QMetaObject::invokeMethod(qApp, [self, path, saved, problem] {
            if (!self)
                return;
            self->m_save->setEnabled(true);
            if (saved) {
                self->showStatus(tr("Saved to %1.").arg(path), false);
                emit self->savedTo(path);
            } else {
                self->showStatus(tr("The program was not saved to %1: %2").arg(path, problem), true);
                emit self->saveFailed(problem);
            }
        });
    });
}

} // namespace SocketLab
