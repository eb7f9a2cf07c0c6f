// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exporter.h"

namespace nianbao {

/**
 * Writes the .xlsx export with libxlsxwriter: one sheet per official table, each report a block
 * laid out like the form (grouped headers, row labels) with flagged cells filled and annotated,
 * and a data sheet with one row per cell, headed by keys or, for people, in the interface
 * language. Written to a temporary file, then renamed into place.
 */
Result<int> writeXlsx(const QList<ExportedReview> &reviews, const QString &path,
                      ExportLabels labels = ExportLabels::Keys);

} // namespace nianbao
