// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportreader.h"

#include <QString>

#include <memory>

namespace nianbao {
class FormTableModel;
class ReviewDocument;
} // namespace nianbao

namespace nianbao::test {

/** Seed 004 (川汇区政府办公室 2023): three blank 自然人 cells, deduced with value.missing. */
QString seed004Path();
/** A report file under tests/data/seeds, by folder name. */
QString seedPath(const QString &seed);
int cellOf(const char *key);
/** The reader whose checker the documents of the tests use; lives for the whole test run. */
const ReportReader &reader();
std::unique_ptr<ReviewDocument> openDocument(const QString &path);
/** The rule ids of the findings on a cell, sorted. */
QStringList rulesOn(const ReviewDocument &document, int cell);
/** The form as text, one line per row: labels, values, and ~ for a merged continuation. */
QString renderForm(const FormTableModel &model);

} // namespace nianbao::test
