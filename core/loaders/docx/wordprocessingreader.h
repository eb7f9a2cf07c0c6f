// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/structuredtext.h"
#include "result.h"

#include <QByteArray>
#include <QList>

namespace nianbao {

/**
 * Reads a Word document's main part (word/document.xml, WordprocessingML) with Qt's XML stream
 * reader into paragraphs and tables: runs, tabs and breaks; tables with their merged cells
 * (gridSpan across, vMerge down: a continued cell stays empty), gridBefore, nested tables;
 * text boxes; content controls and inserted text. Deleted text, field codes and the fallback
 * copies of drawings are left out. Fails with the XML parser's message for a damaged part
 * (docx.corrupt), and with docx.too_deep or docx.too_large past its caps on nesting and parts
 * (tables may nest kMaxTableNesting deep), or the budget's error when ReadBudget runs out.
 */
Result<QList<TextBlock>> readWordprocessingMl(const QByteArray &xml);

} // namespace nianbao
