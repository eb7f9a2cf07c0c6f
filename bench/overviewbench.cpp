// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Times what a reviewer waits for when the overview opens on a large library: its queries and
// tallies, then building the view and drawing it once (offscreen). The library is one that
// nianbao-bench-library --keep LOCATION filled. Optionally saves the drawing (--png FILE).
#include "languagemanager.h"
#include "library/libraryoverview.h"
#include "library/reviewlibrary.h"
#include "overviewview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QPixmap>
#include <QTextStream>

using namespace nianbao;
using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Nianbao overview benchmark"_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"library"_s, u"A library nianbao-bench-library --keep filled."_s);
    const QCommandLineOption pngOption(u"png"_s, u"Save the drawn overview to FILE."_s, u"FILE"_s);
    const QCommandLineOption languageOption(u"language"_s, u"Draw in LANG (zh_CN, en)."_s,
                                            u"LANG"_s, u"en"_s);
    parser.addOption(pngOption);
    parser.addOption(languageOption);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(1);
    LanguageManager language;
    language.setLanguage(parser.value(languageOption));
    QTextStream out(stdout);
    Result<std::unique_ptr<ReviewLibrary>> library
        = ReviewLibrary::open(parser.positionalArguments().front(), LibraryAccess::ReadOnly);
    if (!library)
        qFatal("%s", qPrintable(library.error().message));

    QElapsedTimer timer;
    timer.start();
    const Result<LibraryOverview> overview = computeOverview(*library.value());
    if (!overview)
        qFatal("%s", qPrintable(overview.error().message));
    const qint64 queried = timer.nsecsElapsed();
    OverviewView view;
    view.setTrendSource([&](const QString &identity) {
        return agencyTrend(*library.value(), overview.value(), identity);
    });
    view.resize(1366, 768);
    view.setOverview(overview.value());
    const qint64 built = timer.nsecsElapsed();
    const QPixmap drawn = view.grab();
    const qint64 total = timer.nsecsElapsed();

    out << overview.value().reports << " reports: overview queries + tallies "
        << QString::number(double(queried) / 1e6, 'f', 0) << " ms, view built "
        << QString::number(double(built - queried) / 1e6, 'f', 0) << " ms, first paint "
        << QString::number(double(total - built) / 1e6, 'f', 0) << " ms; total "
        << QString::number(double(total) / 1e6, 'f', 0) << " ms\n";
    if (parser.isSet(pngOption) && !drawn.save(parser.value(pngOption)))
        qFatal("cannot save %s", qPrintable(parser.value(pngOption)));
    return 0;
}
