// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pixptr.h"

#include <QRect>

namespace nianbao {

/**
 * The ink of the figure in `box` of a binary page (ink 1, ruling lines taken out), cut out on
 * its own with a white margin, for Tesseract to read as one line of digits; null if the box
 * holds no figure. What a scan adds around a figure is left out: scraps of the ruling lines
 * (ink that touches the box's sides), and specks of dust smaller than a digit. A speck that
 * stands on the baseline between digits stays: it is the decimal point of a fee (494.75).
 */
PixPtr figureInk(Pix *page, const QRect &box);

/**
 * Where the writing in `box` of a binary page stands, in page pixels, a little widened: the
 * bounds of the ink pieces at least a share of the tallest's height that do not touch the
 * box's sides; null if there are none. Reading only there keeps the specks of a scanned cell
 * out of Tesseract's layout analysis, which read a wide header cell's 行政复议 as 7.
 */
QRect writingIn(Pix *page, const QRect &box);

} // namespace nianbao
