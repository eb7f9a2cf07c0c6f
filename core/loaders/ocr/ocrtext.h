// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nianbao {

/**
 * Tesseract's text made readable for the extractor: it spaces Chinese characters apart
 * ("收 到 申 请 6 件") and splits figures ("1 234"). Drops the spaces next to a CJK character
 * and between digits, and folds runs of blanks to one space; other text stays as read.
 */
QString tidyOcrText(const QString &text);

/**
 * A table cell's text, tidied. In a cell that reads as a figure but for letters OCR confuses
 * with digits (1O, l2, 5S), and only there, they become digits; such a figure is a guess, so
 * its confidence is lowered below kMinOcrConfidence for the reviewer to confirm it. Text that
 * is not plainly a figure stays as read: the extractor takes it for unreadable.
 */
QString tidyOcrCell(const QString &text, int *confidence);

} // namespace nianbao
