// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The entry points of every libFuzzer target: CMake builds this file once per target, naming it
// in NIANBAO_FUZZ_TARGET (fuzz_report, fuzz_html, fuzz_docx, fuzz_pdf; see fuzzinput.h).
// fuzz_report reads its input as a file of the format -format=txt|html|docx|pdf names.
#include "fuzzinput.h"

#include <QByteArray>
#include <QCoreApplication>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace {

nianbao::fuzz::Target g_target = nianbao::fuzz::Target::Report;
QString g_fileName = QStringLiteral("fuzz.txt");

} // namespace

// libFuzzer declares the signature, with a non-const argc.
// NOLINTNEXTLINE(readability-non-const-parameter)
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    const std::optional<nianbao::fuzz::Target> target
        = nianbao::fuzz::targetNamed(QString::fromLatin1(NIANBAO_FUZZ_TARGET));
    if (!target) {
        std::fprintf(stderr, "%s is not a fuzz target of fuzzinput.h\n", NIANBAO_FUZZ_TARGET);
        std::abort();
    }
    g_target = *target;
    for (int i = 1; i < *argc; ++i) {
        const char *argument = (*argv)[i];
        if (std::strncmp(argument, "-format=", 8) == 0)
            g_fileName = QStringLiteral("fuzz.") + QString::fromLatin1(argument + 8);
    }
    static int qtArgc = 1;
    static char name[] = NIANBAO_FUZZ_TARGET;
    static char *qtArgv[] = {name, nullptr};
    static QCoreApplication app(qtArgc, qtArgv); // for translations and the template resource
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const nianbao::fuzz::Outcome outcome = nianbao::fuzz::readInput(g_target, bytes, g_fileName);
    if (outcome.problems.isEmpty())
        return 0;
    // A broken promise is a finding like a crash: libFuzzer keeps the input.
    for (const QString &problem : outcome.problems)
        std::fprintf(stderr, "%s: %s\n", NIANBAO_FUZZ_TARGET, qUtf8Printable(problem));
    std::abort();
}
