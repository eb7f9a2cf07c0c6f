// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nianbao {

/** Whether `c` is a Chinese character (the CJK Unified Ideographs block). */
bool isHanCharacter(QChar c);

/** Whether a space between two digits is taken out (a figure Tesseract split) or kept. */
enum class DigitSpaces { Join, Keep };

/**
 * Tesseract's text made readable for the extractor: it spaces Chinese characters apart
 * ("收 到 申 请 6 件") and splits figures ("1 234"). Drops the spaces next to a CJK character
 * and (with DigitSpaces::Join) between digits, and folds runs of blanks to one space; other
 * text stays as read.
 */
QString tidyOcrText(const QString &text, DigitSpaces digitSpaces = DigitSpaces::Join);

/**
 * A table cell's text, tidied. In a cell that reads as a figure but for letters OCR confuses
 * with digits (1O, l2, 5S), and only there, they become digits; such a figure is a guess, so
 * its confidence is lowered below kMinOcrConfidence for the reviewer to confirm it. Text that
 * is not plainly a figure stays as read: the extractor takes it for unreadable.
 */
QString tidyOcrCell(const QString &text, int *confidence);

/**
 * A merged cell's text that spans several grid columns, tidied but for the spaces between
 * digits: there "12 345" may be two figures whose column line the grid lost, and joined they
 * would make one wrong figure nobody notices.
 */
QString tidyOcrSpanningCell(const QString &text);

/**
 * A line of prose as OCR read it, tidied (tidyOcrText) and without the specks and scraps read
 * before it (. | _ ' and the like): a section heading read as .四、政府信息公开… is no heading.
 */
QString tidyOcrLine(const QString &text);

} // namespace nianbao
