// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"
#include "librarycommands.h"
#include "opinioncommand.h"
#include "rollupcommand.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"nianbao-cli"_s);
    QCoreApplication::setApplicationVersion(u"0.1.0"_s);
    const QStringList arguments = QCoreApplication::arguments();
    const QString command = arguments.value(1);
    if (command == u"check")
        return nianbao::runCheck(arguments);
    if (command == u"text")
        return nianbao::runText(arguments);
    if (command == u"import")
        return nianbao::runImport(arguments);
    if (command == u"export")
        return nianbao::runExport(arguments);
    if (command == u"opinion")
        return nianbao::runOpinion(arguments);
    if (command == u"rollup")
        return nianbao::runRollup(arguments);
    QTextStream(stderr) << QCoreApplication::translate(
        "main",
        "usage: nianbao-cli check [--json] FILE...\n"
        "       nianbao-cli text FILE\n"
        "       nianbao-cli import PATH... [--library L]\n"
        "       nianbao-cli export --format csv|csv-wide|xlsx|json --out FILE [--library L] "
        "[--reviewed-only] [--no-bom]\n"
        "       nianbao-cli opinion --out DIR [--library L | FILE...]\n"
        "       nianbao-cli rollup --summary FILE [--json] UNIT_FILE...\n"
        "       nianbao-cli rollup --consolidate --out FILE [--format F] UNIT_FILE...")
                        << '\n';
    return command == u"--help" || command == u"-h" ? nianbao::ExitClean : nianbao::ExitFailure;
}
