// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "formtablemodel.h"
#include "formtableview.h"
#include "languagemanager.h"
#include "library/draftstore.h"
#include "library/importer.h"
#include "library/reviewlibrary.h"
#include "reportloader.h"
#include "reportreader.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "widgettestutils.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QProgressDialog>
#include <QSaveFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <cstdio>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

// The test re-runs its own binary as the application: `tst_crashsafety --child MODE …` opens the
// real window and works in it, printing a line for each thing it has done, until the parent
// kills it with SIGKILL after the k-th line.

namespace {

const QString kChildFlag = u"--child"_s;
constexpr int kChildTimeoutMs = 60000;
const QString kTypedCell = u"requests.received.commercial"_s; // 0 in seed 004
const QString kReportNote = u"check p.3"_s; // QTest types Latin-1 keys only

void setUpApplication()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"NianbaoTest"_s);
    QCoreApplication::setApplicationName(u"tst_crashsafety"_s);
}

/** The value cells of the requests table, in the template's order. */
QList<int> requestsCells()
{
    const ReportTemplate &tmpl = ReportTemplate::standard();
    const int table = tmpl.cells()[cellOf("requests.received.total")].table;
    QList<int> cells;
    for (int cell = 0; cell < tmpl.cellCount(); ++cell) {
        if (tmpl.cells()[cell].table == table)
            cells.append(cell);
    }
    return cells;
}

qint64 onlyDocumentId(const QString &location)
{
    return ReviewLibrary::open(location).value()->documents().value().front().id;
}

/** "ok" when SQLite finds the file whole and every row's report present. */
QString integrityOf(const QString &location)
{
    QString result;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"integrity"_s);
        database.setDatabaseName(location);
        if (database.open()) {
            QSqlQuery query(database);
            if (query.exec(u"PRAGMA integrity_check"_s) && query.next())
                result = query.value(0).toString();
            // A row here is a cell or correction whose report is not there.
            if (!query.exec(u"PRAGMA foreign_key_check"_s) || query.next())
                result = u"foreign keys broken"_s;
        }
    }
    QSqlDatabase::removeDatabase(u"integrity"_s);
    return result;
}

// ---- The child: the application as a reviewer uses it ----------------------------------------

/** The window of a child on a library, shown, active and with the library's reports open. */
struct ChildWindow
{
    explicit ChildWindow(const QString &location)
    {
        languages.setLanguage(u"en"_s);
        window.setDialogs(&dialogs);
        window.setLibrary(ReviewLibrary::open(location).value());
        window.openLibraryDocuments();
        window.resize(1600, 1000);
        window.show();
        window.activateWindow();
        ready = QTest::qWaitForWindowActive(&window);
    }

    FakeDialogs dialogs;
    LanguageManager languages;
    ReviewWindow window {&languages};
    bool ready = false;
};

void say(const QString &line)
{
    std::fputs((line + u'\n').toUtf8().constData(), stdout);
    std::fflush(stdout); // the line is out before the next step starts
}

/** Confirms one correction after another in the requests table: `confirmed KEY VALUE`. */
int confirmCorrections(const QString &location)
{
    ChildWindow child(location);
    const QList<int> cells = requestsCells();
    for (int i = 0; child.ready && i < cells.size(); ++i) {
        const int cell = cells[i];
        const double value = 100 + i;
        if (!typeIntoCell(child.window, cell, QString::number(value))
            || child.window.currentDocument()->session()->cell(cell).value != value)
            break;
        say(u"confirmed %1 %2"_s.arg(ReportTemplate::standard().cells()[cell].key.toString())
                .arg(value));
    }
    say(u"stopped"_s); // ran out of cells, or an edit failed: the parent fails the test
    return 1;
}

/** Imports a folder through the window, saying each report as the progress bar passes it. */
int importFolder(const QString &location, const QString &folder)
{
    ChildWindow child(location);
    const QStringList files = scanReportFiles({folder}).files;
    int said = 0;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        auto *progress = child.window.findChild<QProgressDialog *>(u"importProgressDialog"_s);
        for (; progress && said < progress->value(); ++said)
            say(u"imported "_s + files[said]);
    });
    QObject::connect(&child.window, &ReviewWindow::loadingFinished, [] {
        say(u"finished"_s);
        QCoreApplication::exit(1);
    });
    poll.start(1);
    child.window.openPaths({folder});
    return QApplication::exec();
}

/** Types a report note and then a cell value it does not confirm; waits to be killed. */
int typeUnconfirmed(const QString &location, const QString &text)
{
    ChildWindow child(location);
    auto *note = child.window.findChild<QPlainTextEdit *>(u"reportNoteEdit"_s);
    note->setFocus();
    QTest::keyClicks(note, kReportNote);
    say(u"noted"_s);
    if (child.ready && typeIntoCellUnconfirmed(child.window, cellOf(qPrintable(kTypedCell)), text))
        say(u"typed"_s);
    return QApplication::exec();
}

int runChild(const QStringList &arguments)
{
    setUpApplication();
    const QString mode = arguments.value(2);
    if (mode == u"edit")
        return confirmCorrections(arguments.value(3));
    if (mode == u"import")
        return importFolder(arguments.value(3), arguments.value(4));
    if (mode == u"type")
        return typeUnconfirmed(arguments.value(3), arguments.value(4));
    return 2;
}

// ---- The parent: starts, kills and inspects ---------------------------------------------------

/** A child process and the lines it has printed so far. */
class Child
{
public:
    explicit Child(const QStringList &arguments)
    {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QCoreApplication::applicationFilePath(),
                        QStringList {kChildFlag} + arguments);
    }
    ~Child()
    {
        if (m_process.state() != QProcess::NotRunning)
            kill();
    }
    Q_DISABLE_COPY_MOVE(Child)

    /** Waits until the child has printed `count` lines starting with `prefix`, or has ended. */
    bool waitForLines(const QString &prefix, int count)
    {
        const auto enough = [&] {
            read();
            return linesStarting(prefix).size() >= count;
        };
        const auto ended = [&] {
            return m_process.state() == QProcess::NotRunning;
        };
        return QTest::qWaitFor([&] { return enough() || ended(); }, kChildTimeoutMs) && enough();
    }
    /** SIGKILL: no handler, no cleanup, no flush in the child. */
    bool kill()
    {
        m_process.kill();
        const bool finished = m_process.waitForFinished();
        read(); // lines the child printed before the signal landed count too
        return finished && m_process.exitStatus() == QProcess::CrashExit;
    }
    QStringList linesStarting(const QString &prefix) const
    {
        QStringList found;
        for (const QString &line : m_lines) {
            if (line.startsWith(prefix))
                found.append(line.mid(prefix.size()));
        }
        return found;
    }

private:
    void read()
    {
        m_pending += m_process.readAllStandardOutput();
        qsizetype end;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            m_lines.append(QString::fromUtf8(m_pending.left(end)));
            m_pending.remove(0, end + 1);
        }
    }

    QProcess m_process;
    QByteArray m_pending;
    QStringList m_lines;
};

} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeDialogs m_dialogs;
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ReviewWindow> m_window;

    /** A new library in its own folder holding seed 004; returns its location. */
    QString libraryWithSeed004(const QString &name)
    {
        const QString location = m_dir.filePath(name + u".sqlite"_s);
        const ImportSummary summary = Importer(location).run({seed004Path()});
        return summary.imported == 1 ? location : QString();
    }

    /** The window started again on a library, as the application starts; false if not shown. */
    bool startWindow(const QString &location)
    {
        m_languages = std::make_unique<LanguageManager>();
        m_languages->setLanguage(u"en"_s);
        m_window = std::make_unique<ReviewWindow>(m_languages.get());
        m_window->setDialogs(&m_dialogs);
        m_window->setLibrary(ReviewLibrary::open(location).value());
        m_window->openLibraryDocuments();
        m_window->resize(1600, 1000);
        m_window->show();
        m_window->activateWindow();
        return QTest::qWaitForWindowActive(m_window.get());
    }

    /** Kills a child that typed without confirming; returns the library, or empty. */
    QString killedWhileTyping(const QString &name, const QString &text)
    {
        const QString location = libraryWithSeed004(name);
        Child child({u"type"_s, location, text});
        if (!child.waitForLines(u"typed"_s, 1))
            return {};
        QElapsedTimer typed;
        typed.start();
        const DraftStore store(location);
        const bool saved = QTest::qWaitFor(
            [&] {
                const Result<std::optional<Draft>> draft = store.load();
                return draft && draft.value() && draft.value()->text == text;
            },
            kChildTimeoutMs);
        qInfo("the draft was written %lld ms after typing stopped", typed.elapsed());
        return saved && child.kill() ? location : QString();
    }

    QLineEdit *openEditor() const
    {
        auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
        return editor && editor->objectName() == u"cellLineEdit"_s ? editor : nullptr;
    }

private slots:
    void initTestCase()
    {
        setUpApplication();
        QVERIFY(m_dir.isValid());
    }

    void init() { m_dialogs = FakeDialogs(); }

    void cleanup()
    {
        m_window.reset();
        m_languages.reset();
    }

    void killedWhileEditingKeepsEveryConfirmedCorrection_data()
    {
        QTest::addColumn<int>("killAfter");
        QTest::newRow("killed after the first correction") << 1;
        QTest::newRow("killed after the 13th correction") << 13;
        QTest::newRow("killed after the 32nd correction") << 32;
    }

    void killedWhileEditingKeepsEveryConfirmedCorrection()
    {
        QFETCH(int, killAfter);
        const QString location = libraryWithSeed004(u"edited%1"_s.arg(killAfter));
        QVERIFY(!location.isEmpty());
        Child child({u"edit"_s, location});
        QVERIFY(child.waitForLines(u"confirmed "_s, killAfter));
        QVERIFY(child.kill());
        const QStringList confirmed = child.linesStarting(u"confirmed "_s);
        QVERIFY(child.linesStarting(u"stopped"_s).isEmpty());

        QCOMPARE(integrityOf(location), u"ok"_s);
        const std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(location).value();
        const StoredReview stored = library->load(onlyDocumentId(location)).value();
        QHash<int, const Correction *> lastByCell;
        for (const Correction &correction : stored.corrections)
            lastByCell.insert(correction.cell, &correction);
        for (const QString &line : confirmed) {
            const QStringList parts = line.split(u' ');
            const int cell = cellOf(qPrintable(parts[0]));
            const double value = parts[1].toDouble();
            QVERIFY2(lastByCell.contains(cell), qPrintable(line));
            const Correction &correction = *lastByCell.value(cell);
            QCOMPARE(correction.current.value, std::optional<double>(value));
            QCOMPARE(correction.current.state, CellState::Corrected);
            QVERIFY(!correction.reviewer.isEmpty());
            QVERIFY(correction.when.isValid());
            QCOMPARE(stored.report.cells[size_t(cell)].value, std::optional<double>(value));
        }
        // Nothing half-written: each save bumped the version once with its correction, and the
        // cells hold exactly the corrections, those made after the last line read included.
        QCOMPARE(stored.version, 1 + stored.corrections.size());
        QVERIFY(stored.corrections.size() >= confirmed.size());
        for (int cell = 0; cell < int(stored.report.cells.size()); ++cell) {
            const CellValue &value = stored.report.cells[size_t(cell)];
            QCOMPARE(value.state == CellState::Corrected, lastByCell.contains(cell));
            if (lastByCell.contains(cell))
                QCOMPARE(value.value, lastByCell.value(cell)->current.value);
        }
        qInfo("killed after %lld reported corrections; %lld in the library", confirmed.size(),
              stored.corrections.size());
    }

    void killedWhileImportingKeepsEveryImportedReport()
    {
        const QString folder = m_dir.filePath(u"reports"_s);
        QVERIFY(QDir().mkpath(folder));
        const QStringList seeds {u"000_8fe8cf681abe4667"_s, u"001_eedfd0bd79a0644a"_s,
                                 u"002_f34c183db723c9dd"_s, u"003_26cd6f5c3c427896"_s,
                                 u"004_1a8c02130c595433"_s};
        constexpr int kCopies = 240;
        for (int i = 0; i < kCopies; ++i) {
            QFile seed(seedPath(seeds[i % seeds.size()]));
            QVERIFY(seed.open(QIODevice::ReadOnly));
            QSaveFile copy(folder + u"/r%1.txt"_s.arg(i, 3, 10, QChar(u'0')));
            QVERIFY(copy.open(QIODevice::WriteOnly));
            // A small variation, so each copy is a report of its own bytes.
            copy.write(seed.readAll() + u"\n（测试副本 %1）\n"_s.arg(i).toUtf8());
            QVERIFY(copy.commit());
        }
        const QString location = m_dir.filePath(u"imported.sqlite"_s);
        constexpr int kKillAfter = 30;
        Child child({u"import"_s, location, folder});
        QVERIFY(child.waitForLines(u"imported "_s, kKillAfter));
        QVERIFY(child.kill());
        QVERIFY(child.linesStarting(u"finished"_s).isEmpty());
        const QStringList imported = child.linesStarting(u"imported "_s);

        QCOMPARE(integrityOf(location), u"ok"_s);
        const std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(location).value();
        const QList<DocumentSummary> documents = library->documents().value();
        QHash<QString, qint64> idByPath;
        for (const DocumentSummary &summary : documents)
            idByPath.insert(QFileInfo(summary.path).absoluteFilePath(), summary.id);
        for (const QString &file : imported)
            QVERIFY2(idByPath.contains(QFileInfo(file).absoluteFilePath()), qPrintable(file));
        // Every report in the library is whole: all its cells, as a fresh read finds them.
        const ReportReader reader;
        for (auto it = idByPath.cbegin(); it != idByPath.cend(); ++it) {
            const StoredReview stored = library->load(it.value()).value();
            const Report read = reader.readFile(it.key());
            QCOMPARE(stored.report.cells.size(), read.cells.size());
            for (size_t cell = 0; cell < read.cells.size(); ++cell) {
                if (read.cells[cell].state != CellState::Deduced)
                    QCOMPARE(stored.report.cells[cell].value, read.cells[cell].value);
            }
            QCOMPARE(stored.report.statements.size(), read.statements.size());
        }
        qInfo("killed after %lld reported imports; %lld reports in the library", imported.size(),
              documents.size());

        // Importing again finishes the job without duplicating anything.
        const ImportSummary rest = Importer(location).run(scanReportFiles({folder}).files);
        QCOMPARE(rest.failures.size(), 0);
        QCOMPARE(rest.duplicates, int(documents.size()));
        QCOMPARE(rest.imported + rest.duplicates, kCopies);
        QCOMPARE(library->documents().value().size(), kCopies);
    }

    void anEditTypedBeforeAKillIsOfferedAndRestored()
    {
        const QString location = killedWhileTyping(u"restored"_s, u"4711"_s);
        QVERIFY(!location.isEmpty());
        const qint64 id = onlyDocumentId(location);
        const int cell = cellOf(qPrintable(kTypedCell));
        // The note was committed as it was typed: it needs no draft.
        QCOMPARE(ReviewLibrary::open(location).value()->load(id).value().note, kReportNote);

        QVERIFY(startWindow(location));
        m_dialogs.answer = true;
        m_window->offerToRestoreDraft();
        QCOMPARE(m_dialogs.questions.size(), 1);
        QVERIFY2(m_dialogs.questions.front().contains(u"“4711”"_s),
                 qPrintable(m_dialogs.questions.front()));
        QVERIFY(m_dialogs.questions.front().contains(u"川汇区政府办公室 2023"_s));
        QCOMPARE(m_window->reviewCursor()->cell(), cell);
        QLineEdit *editor = openEditor();
        QVERIFY(editor);
        QCOMPARE(editor->text(), u"4711"_s);
        const QString shots = qEnvironmentVariable("NIANBAO_SCREENSHOT_DIR");
        if (!shots.isEmpty()) {
            QCoreApplication::processEvents(); // the panels' layouts catch up
            m_window->grab().save(shots + u"/draft-restored.png"_s);
        }
        QCOMPARE(viewOfCell(*m_window, cell)->currentIndex(),
                 viewOfCell(*m_window, cell)->formModel()->indexOfCell(cell));
        // Still unconfirmed: neither the session nor the library has it, and the draft stays.
        QCOMPARE(m_window->currentDocument()->session()->cell(cell).value,
                 std::optional<double>(0));
        QVERIFY(QFile::exists(DraftStore(location).filePath()));

        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(!QFile::exists(DraftStore(location).filePath()));
        const StoredReview stored = ReviewLibrary::open(location).value()->load(id).value();
        QCOMPARE(stored.report.cells[size_t(cell)].value, std::optional<double>(4711));
        QCOMPARE(stored.corrections.size(), 1);
    }

    void anEditTypedBeforeAKillCanBeDiscarded()
    {
        const QString location = killedWhileTyping(u"discarded"_s, u"815"_s);
        QVERIFY(!location.isEmpty());
        QVERIFY(startWindow(location));
        m_dialogs.answer = false;
        m_window->offerToRestoreDraft();
        QCOMPARE(m_dialogs.questions.size(), 1);
        QVERIFY(!QFile::exists(DraftStore(location).filePath()));
        QVERIFY(!openEditor());
        const int cell = cellOf(qPrintable(kTypedCell));
        QCOMPARE(m_window->currentDocument()->session()->cell(cell).value,
                 std::optional<double>(0));
        // Asked once: the next start finds nothing to offer.
        m_window->offerToRestoreDraft();
        QCOMPARE(m_dialogs.questions.size(), 1);
    }

    void aDraftOfAReportNoLongerInTheLibraryIsReported()
    {
        const QString location = libraryWithSeed004(u"gone"_s);
        const DraftStore store(location);
        QVERIFY(
            store.save(Draft {onlyDocumentId(location) + 99, u"/old/gone.txt"_s, u"某某局 2022"_s,
                              CellKey(kTypedCell), u"12"_s, QDateTime::currentDateTimeUtc()}));
        QVERIFY(startWindow(location));
        m_window->offerToRestoreDraft();
        QCOMPARE(m_dialogs.questions.size(), 0);
        QCOMPARE(m_dialogs.messages.size(), 1);
        QVERIFY(m_dialogs.messages.front().contains(u"no longer in the library"_s));
        QVERIFY(m_dialogs.messages.front().contains(u"“12”"_s));
        QVERIFY(m_dialogs.messages.front().contains(u"某某局 2022"_s));
        QVERIFY(!QFile::exists(store.filePath()));

        // A damaged draft is reported the same way, and removed.
        QFile damaged(store.filePath());
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"format\":1,");
        damaged.close();
        m_window->offerToRestoreDraft();
        QCOMPARE(m_dialogs.messages.size(), 2);
        QVERIFY(m_dialogs.messages.last().contains(u"damaged"_s));
        QVERIFY(!QFile::exists(store.filePath()));
    }

    void typingIsKeptAMomentAfterItStopsAndRemovedWhenConfirmedOrCancelled()
    {
        const QString location = libraryWithSeed004(u"autosaved"_s);
        QVERIFY(startWindow(location));
        const DraftStore store(location);
        const int cell = cellOf(qPrintable(kTypedCell));
        QVERIFY(typeIntoCellUnconfirmed(*m_window, cell, u"12"_s));
        QVERIFY(!QFile::exists(store.filePath())); // not at every keystroke
        QTRY_VERIFY(QFile::exists(store.filePath()));
        const Draft draft = store.load().value().value();
        QCOMPARE(draft.documentId, onlyDocumentId(location));
        QCOMPARE(draft.cell, CellKey(kTypedCell));
        QCOMPARE(draft.text, u"12"_s);
        QTest::keyClicks(openEditor(), u"3"_s);
        QTRY_COMPARE(store.load().value().value().text, u"123"_s);
        QTest::keyClick(openEditor(), Qt::Key_Return);
        QTRY_VERIFY(!QFile::exists(store.filePath()));
        QCOMPARE(m_window->currentDocument()->session()->cell(cell).value,
                 std::optional<double>(123));

        QVERIFY(typeIntoCellUnconfirmed(*m_window, cell, u"45"_s));
        QTRY_VERIFY(QFile::exists(store.filePath()));
        QTest::keyClick(openEditor(), Qt::Key_Escape);
        QTRY_VERIFY(!QFile::exists(store.filePath()));
        QCOMPARE(m_window->currentDocument()->session()->cell(cell).value,
                 std::optional<double>(123));
    }

    void closingTheWindowWhileTypingConfirmsTheText()
    {
        const QString location = libraryWithSeed004(u"closed"_s);
        QVERIFY(startWindow(location));
        const DraftStore store(location);
        const int cell = cellOf(qPrintable(kTypedCell));
        QVERIFY(typeIntoCellUnconfirmed(*m_window, cell, u"77"_s));
        QTRY_VERIFY(QFile::exists(store.filePath()));
        m_window->close();
        m_window.reset();
        const StoredReview stored
            = ReviewLibrary::open(location).value()->load(onlyDocumentId(location)).value();
        // The editor loses focus as the window goes, and the delegate commits what it holds.
        QCOMPARE(stored.report.cells[size_t(cell)].value, std::optional<double>(77));
        QCOMPARE(stored.corrections.size(), 1);
        QVERIFY(!QFile::exists(store.filePath()));
    }
};

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    if (QCoreApplication::arguments().value(1) == kChildFlag)
        return runChild(QCoreApplication::arguments());
    TestCrashSafety test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashsafety.moc"
