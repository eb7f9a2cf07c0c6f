// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer target: any bytes through loading, decoding, extraction, stated figures and the
// rules, as a report file of the format its name gives (argument -format=txt|html|docx|pdf).
#include "reportreader.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdint>
#include <cstring>

namespace {

QString g_fileName = QStringLiteral("fuzz.txt");

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    for (int i = 1; i < *argc; ++i) {
        const char *argument = (*argv)[i];
        if (std::strncmp(argument, "-format=", 8) == 0)
            g_fileName = QStringLiteral("fuzz.") + QString::fromLatin1(argument + 8);
    }
    static int qtArgc = 1;
    static char name[] = "fuzz_report";
    static char *qtArgv[] = {name, nullptr};
    static QCoreApplication app(qtArgc, qtArgv); // for translations and the template resource
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const nianbao::ReportReader reader;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const nianbao::Report report = reader.readBytes(bytes, g_fileName);
    // Every cell is there whatever the input; a crash or sanitizer report is the finding.
    if (report.cells.size() != size_t(nianbao::ReportTemplate::standard().cellCount()))
        __builtin_trap();
    return 0;
}
