// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "opinion/docxwriter.h"
#include "opinion/reviewopinion.h"
#include "result.h"

namespace nianbao {

/** The opinion laid out as a Word document: title, addressee, facts table, numbered items. */
DocxWriter opinionDocument(const ReviewOpinion &opinion);
/** Writes the opinion as a .docx to `path`, atomically; the CLI and the window's batch use it. */
Result<void> writeOpinionDocx(const ReviewOpinion &opinion, const QString &path);

} // namespace nianbao
