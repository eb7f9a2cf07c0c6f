// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"
#include "library/reviewlibrary.h"
#include "reportlistmodel.h"
#include "reviewcursor.h"
#include "reviewwindow.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QEventLoop>
#include <QMessageBox>
#include <QPainter>
#include <QScreen>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

constexpr int kScreenshotTimeoutMs = 60000;

/** Waits until the window has opened every report, or the timeout passes. */
bool waitForReports(nianbao::ReviewWindow &window)
{
    if (!window.isLoading())
        return true;
    QEventLoop loop;
    QTimer::singleShot(kScreenshotTimeoutMs, &loop, [&loop] { loop.exit(1); });
    QObject::connect(&window, &nianbao::ReviewWindow::loadingFinished, &loop,
                     [&loop] { loop.exit(0); });
    return loop.exec() == 0;
}

/** The window with the dialogs open over it (an offer to restore a draft), as the user sees it. */
QPixmap grabWithDialogs(QWidget &window)
{
    QPixmap shot = window.grab();
    QPainter painter(&shot);
    const QList<QWidget *> windows = QApplication::topLevelWidgets();
    for (QWidget *dialog : windows) {
        if (dialog != &window && dialog->isVisible())
            painter.drawPixmap(dialog->geometry().topLeft() - window.geometry().topLeft(),
                               dialog->grab());
    }
    return shot;
}

int takeScreenshot(nianbao::ReviewWindow &window, const QString &path, bool showPage,
                   bool showOverview)
{
    // On a real screen (Xvfb too), as the window opens there: a 1366×768 laptop shows what its
    // owner sees. The offscreen platform's 800×600 is no one's screen.
    const QSize size(1680, 1000);
    const bool realScreen = QGuiApplication::platformName() != u"offscreen"_s;
    window.resize(realScreen ? size.boundedTo(window.screen()->availableGeometry().size()) : size);
    window.show();
    if (!waitForReports(window)) {
        QTextStream(stderr) << "nianbao: the reports did not open in time\n";
        return 2;
    }
    // Show what a reviewer sees first: the offer of a draft left behind, or else the first
    // finding, its cells and its source. The offer stays unanswered, so the draft is kept.
    if (!window.offerToRestoreDraft())
        window.reviewCursor()->selectNextFinding(1);
    if (showPage)
        window.findChild<QAction *>(u"actionFocusPage"_s)->trigger();
    if (showOverview)
        window.showOverview(true);
    QCoreApplication::processEvents();
    if (!grabWithDialogs(window).save(path)) {
        QTextStream(stderr) << "nianbao: cannot write " << path << '\n';
        return 2;
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Nianbao"_s);
    QCoreApplication::setApplicationName(u"nianbao"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);

    nianbao::LanguageManager languages;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Review annual reports on government information disclosure."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        u"screenshot"_s, u"Render the window with FILEs open to OUT.png and exit."_s, u"OUT.png"_s);
    const QCommandLineOption language(u"language"_s, u"Language of the window: zh_CN or en."_s,
                                      u"LANG"_s);
    const QCommandLineOption library(
        u"library"_s,
        u"The review library: an SQLite file or postgresql://user@host/db (default: a file in "
        "the user's data folder)."_s,
        u"LIBRARY"_s);
    const QCommandLineOption page(
        u"page"_s, u"With --screenshot: show the page of a PDF or image report, not its text."_s);
    parser.addOption(screenshot);
    const QCommandLineOption overview(u"overview"_s,
                                      u"With --screenshot: show the library's overview."_s);
    parser.addOption(overview);
    parser.addOption(page);
    parser.addOption(library);
    parser.addOption(language);
    parser.addPositionalArgument(u"FILE"_s, u"Reports or folders of reports to open."_s,
                                 u"[FILE...]"_s);
    parser.process(app);

    // A screenshot neither reads nor writes the reviewer's settings (layout, recent files).
    QStandardPaths::setTestModeEnabled(parser.isSet(screenshot));
    languages.setLanguage(parser.isSet(language) ? parser.value(language)
                                                 : QSettings().value(u"language"_s).toString());
    nianbao::ReviewWindow window(&languages);
    // A screenshot shows the reports as read, without touching the reviewer's own library.
    if (!parser.isSet(screenshot) || parser.isSet(library)) {
        const QString location = parser.isSet(library) ? parser.value(library)
                                                       : nianbao::ReviewLibrary::defaultLocation();
        auto opened = nianbao::ReviewLibrary::open(location);
        if (opened)
            window.setLibrary(std::move(opened).value());
        else
            QMessageBox::warning(&window, QObject::tr("Library"),
                                 QObject::tr("The review library %1 cannot be opened: %2\n"
                                             "Reports open without saving to a library.")
                                     .arg(location, opened.error().message));
    }
    if (parser.positionalArguments().isEmpty()) {
        window.openLibraryDocuments();
        // The day starts with the library at a glance, when it holds reports.
        if (!parser.isSet(screenshot) && window.reportList()->rowCount() > 0)
            window.showOverview(true);
    } else
        window.openPaths(parser.positionalArguments());
    if (parser.isSet(screenshot))
        return takeScreenshot(window, parser.value(screenshot), parser.isSet(page),
                              parser.isSet(overview));
    window.show();
    window.offerToRestoreDraft();
    return QApplication::exec();
}
