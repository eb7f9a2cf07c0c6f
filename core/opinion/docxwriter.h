// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFlags>
#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/**
 * A minimal Word document (WordprocessingML, A4 portrait): headings, paragraphs and tables of
 * plain text, enough for the review opinion. Word and LibreOffice open what it writes; nothing
 * beyond the parts a package needs ([Content_Types].xml, _rels/.rels, word/document.xml and its
 * styles) is written.
 */
class DocxWriter final
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::DocxWriter)

public:
    enum class Align { Left, Center, Right, Justify };
    enum ParagraphOption {
        NoOption = 0x0,
        Indent = 0x1, ///< the first line indented two characters, as Chinese paragraphs begin
        KeepWithNext = 0x2, ///< on the same page as the next paragraph (a heading, a signature)
    };
    Q_DECLARE_FLAGS(ParagraphOptions, ParagraphOption)

    /** A run of text in a paragraph. */
    struct Run
    {
        QString text;
        bool bold = false;
    };

    /** The document's title: centred, large, bold. */
    void addTitle(const QString &text);
    void addHeading(const QString &text);
    void addParagraph(const QString &text, Align align = Align::Justify,
                      ParagraphOptions options = NoOption);
    void addParagraph(const QList<Run> &runs, Align align = Align::Justify,
                      ParagraphOptions options = NoOption);
    /** A table with ruled cells; the first row is the header (bold, repeated on each page).
     *  `widths` are the columns' shares of the text width, in percent. */
    void addTable(const QList<QStringList> &rows, const QList<int> &widths);

    /** The package's bytes: a ZIP of the document's parts. */
    Result<QByteArray> package() const;
    /** Writes package() to `path` atomically (QSaveFile). */
    Result<void> save(const QString &path) const;

    /** word/document.xml as it stands (for tests). */
    QByteArray documentXml() const;

private:
    QByteArray m_body; ///< the body's block elements, XML
};

Q_DECLARE_OPERATORS_FOR_FLAGS(DocxWriter::ParagraphOptions)

} // namespace nianbao
