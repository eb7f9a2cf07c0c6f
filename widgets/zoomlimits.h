// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace nianbao {

/** Zoom steps of one point each from the window's font (View › Zoom, Ctrl+= and Ctrl+-). */
constexpr int kMinZoom = -4; ///< 9 pt becomes 5 pt: the smallest CJK text still legible
constexpr int kMaxZoom = 12; ///< 9 pt becomes 21 pt: the table 三 then needs a wide screen

} // namespace nianbao
