// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "opinioncommand.h"

#include "batchchecker.h"
#include "checkcommand.h"
#include "export/exporter.h"
#include "interrupt.h"
#include "library/reviewlibrary.h"
#include "opinion/opiniondocx.h"
#include "opinion/reviewopinion.h"
#include "reportreader.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The command's words, in its own translation context. */
struct CliText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::OpinionCommand)
};

/** The reviews of FILEs, checked as `check` checks them (year.carry across the list too). */
QList<ExportedReview> reviewsOfFiles(const QStringList &files, QStringList &unreadable)
{
    BatchChecker checker;
    checker.setBudget(ReadBudget::kPerFile, &interruptFlag());
    QList<ExportedReview> reviews;
    for (Report &report : checker.check(files)) {
        if (!report.loaded) {
            unreadable.append(
                report.file + u": "_s
                + (report.errors.isEmpty() ? QString() : report.errors.front().message));
            continue;
        }
        ExportedReview review;
        review.findings = report.findings;
        review.review.report = std::move(report);
        reviews.append(std::move(review));
    }
    return reviews;
}

Result<QList<ExportedReview>> reviewsOfLibrary(const QString &location)
{
    // Reading never creates, migrates or switches a library to WAL (it may be read-only).
    Result<std::unique_ptr<ReviewLibrary>> library
        = ReviewLibrary::open(location, LibraryAccess::ReadOnly);
    if (!library)
        return library.error();
    const ReportReader reader;
    return Exporter(reader.checker()).collect(*library.value(), ExportOptions());
}

Result<void> prepareFolder(const QString &folder)
{
    const QFileInfo info(folder);
    if (info.exists() && !info.isDir())
        return Error {
            u"opinion.out"_s, CliText::tr("%1 is not a folder").arg(folder), {folder, 0, {}}};
    if (!QDir().mkpath(folder) || !QFileInfo(folder).isWritable())
        return Error {u"opinion.out"_s,
                      CliText::tr("Cannot write to the folder %1").arg(folder),
                      {folder, 0, {}}};
    return {};
}

/** Writes each opinion; returns how many could not be written (each told on stderr). */
int writeOpinions(const QList<ExportedReview> &reviews, const QString &folder,
                  const OpinionOptions &options)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList taken;
    int failed = 0;
    for (const ExportedReview &review : reviews) {
        const ReviewOpinion opinion = buildReviewOpinion(review, {}, options);
        const QString path
            = QDir(folder).filePath(uniqueOpinionBaseName(opinion, taken) + u".docx"_s);
        const Result<void> written = writeOpinionDocx(opinion, path);
        if (!written) {
            err << printable(written.error().message) << '\n';
            ++failed;
            continue;
        }
        out << printable(QDir::toNativeSeparators(path)) << '\n';
        if (opinion.readingLeftOut > 0)
            err << CliText::tr("%1: %2 findings that doubt the reading, not the report, are left "
                               "out (--include-reading lists them)")
                       .arg(printable(QDir::toNativeSeparators(path)))
                       .arg(opinion.readingLeftOut)
                << '\n';
    }
    return failed;
}

} // namespace

int runOpinion(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "Write a review opinion (审核意见, .docx) for each report: from FILEs, or from the "
        "review library's stored reviews with their corrections and notes"));
    parser.addHelpOption();
    const QCommandLineOption outOption(u"out"_s, CliText::tr("The folder to write to."),
                                       CliText::tr("DIR"));
    const QCommandLineOption libraryOption(
        u"library"_s,
        CliText::tr("The review library (default: %1).").arg(ReviewLibrary::defaultLocation()),
        CliText::tr("L"), ReviewLibrary::defaultLocation());
    const QCommandLineOption reviewerOption(
        u"reviewer"_s,
        CliText::tr("Who signs the opinions (default: the last reviewer who corrected)."),
        CliText::tr("NAME"));
    const QCommandLineOption dateOption(
        u"date"_s, CliText::tr("The opinions' date (default: today)."), CliText::tr("YYYY-MM-DD"));
    const QCommandLineOption readingOption(
        u"include-reading"_s,
        CliText::tr("Also list findings that doubt Nianbao's reading rather than the report."));
    parser.addOptions({outOption, libraryOption, reviewerOption, dateOption, readingOption});
    parser.addPositionalArgument(u"opinion"_s, CliText::tr("The command."));
    parser.addPositionalArgument(u"FILE"_s,
                                 CliText::tr("Report files (default: the library's reports)."),
                                 CliText::tr("[FILE...]"));
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return ExitClean;
    }
    const QStringList files = parser.positionalArguments().mid(1);
    const QDate date = QDate::fromString(parser.value(dateOption), Qt::ISODate);
    if (!parser.isSet(outOption) || (parser.isSet(dateOption) && !date.isValid())
        || (parser.isSet(libraryOption) && !files.isEmpty())) {
        err << CliText::tr("usage: nianbao-cli opinion --out DIR [--library L | FILE...] "
                           "[--reviewer NAME] [--date YYYY-MM-DD] [--include-reading]")
            << '\n';
        return ExitFailure;
    }
    const QString folder = parser.value(outOption);
    if (const Result<void> ready = prepareFolder(folder); !ready) {
        err << printable(ready.error().message) << '\n';
        return ExitFailure;
    }
    QStringList unreadable;
    QList<ExportedReview> reviews;
    if (!files.isEmpty()) {
        reviews = reviewsOfFiles(files, unreadable);
    } else {
        Result<QList<ExportedReview>> stored = reviewsOfLibrary(parser.value(libraryOption));
        if (!stored) {
            err << printable(stored.error().message) << '\n';
            return ExitFailure;
        }
        reviews = std::move(stored).value();
    }
    for (const QString &problem : std::as_const(unreadable))
        err << CliText::tr("cannot read %1").arg(printable(problem)) << '\n';
    const OpinionOptions options {parser.value(reviewerOption), date, parser.isSet(readingOption)};
    const int failed = writeOpinions(reviews, folder, options);
    err << CliText::tr("%1 opinions written to %2")
               .arg(reviews.size() - failed)
               .arg(printable(folder))
        << '\n';
    return failed > 0 || !unreadable.isEmpty() ? ExitFailure : ExitClean;
}

} // namespace nianbao
