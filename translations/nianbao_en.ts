<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library %1 cannot be opened: %2
Reports open without saving to a library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>usage: nianbao-cli check [--json] FILE...
       nianbao-cli text FILE
       nianbao-cli import PATH... [--library L]
       nianbao-cli export --format csv|csv-wide|xlsx|json --out FILE [--library L] [--reviewed-only] [--no-bom]
       nianbao-cli opinion --out DIR [--library L | FILE...]
       nianbao-cli rollup --summary FILE [--json] UNIT_FILE...
       nianbao-cli rollup --consolidate --out FILE [--format F] UNIT_FILE...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao</name>
    <message>
        <source>summary of %n unit(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consolidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>consolidated (%n reports)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli rollup: not every file could be read; nothing written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check a summary report against its units, or consolidate reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary report whose figures should be the units&apos; sums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print the findings as JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the consolidated table of the reports instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>csv (the default), csv-wide, xlsx or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The units&apos; report files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNIT_FILE...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: nianbao-cli rollup --consolidate --out FILE [--format csv|csv-wide|xlsx|json] UNIT_FILE...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: nianbao-cli rollup --summary FILE [--json] UNIT_FILE...</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::AgencyAliasDialog</name>
    <message>
        <source>Agency Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports of one agency are compared across years when their names match. Names that differ only in full-width or half-width forms, spaces, 人民政府/政府 or 办公室/办 match already; list here a renamed department or another name under which an agency publishes, and the agency it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name in the report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::CellDelegate</name>
    <message>
        <source>as extracted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank in the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” in the source: missing, not 0</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::CellHeatMap</name>
    <message numerus="yes">
        <source>%1
%n report(s) with a finding on this cell</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>errors in %1, warnings in %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::CellState</name>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deduced</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ChangeCellValue</name>
    <message>
        <source>Apply suggestion to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the report&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the note on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the year</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::CheckCommand</name>
    <message>
        <source>(agency unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(year unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cells: %1 extracted, %2 missing, %3 unreadable, %4 deduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stated: %1 = %2 (&quot;%3&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check government information disclosure annual reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print one JSON document (spec/cli.md).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of threads (default: all cores).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report files to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli check: no FILE given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: nianbao-cli text FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files checked, %2 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name each file on stderr as its reading begins (the default when stderr is a terminal), and count the files at the end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli: the temporary file in %1 cannot be written (%2); the rest of the output is kept in memory until every file is checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stated: %1 %2 = %3 (&quot;%4&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::Checker</name>
    <message>
        <source>Several changes fit equally well: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 = %3, but %4 = %5 (%6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2: an amount in 万元 cannot be negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2: a count must be a whole number of at least 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the rules determine %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the rules do not determine it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text states %1 (&quot;%2&quot;), but the table has %3 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2, but the %3 report carried %4 forward (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read in the source (&quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is written &quot;%2&quot; in the source, which is read as missing, not 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is blank in the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures of %1 are run together (&quot;%2&quot;) and split into its cells in %3 ways that the rules leave tied: %4. Choose the one the source means</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text states %1 (&quot;%2&quot;), but no way of reading the run &quot;%3&quot; gives %1 for %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n blank cell(s) in table %1 (%2) are 0 by the rules: counts are whole numbers of at least 0, and the rules&apos; other cells already make up their totals</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The figures of %1 are run together (&quot;%2&quot;); the rules leave %3 ways (%4), and the one that agrees with the figures the text states is read. Check it against the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; the rules do not determine it, but no cell of its row has a figure, and a row left out or left empty usually means none: 0 is suggested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures of %1 are run together (&quot;%2&quot;); the rules leave %3 ways (%4), and the only one where 现行有效 plus 本年废止 is at least 本年制发 (a document issued this year stays in force unless repealed) is read. Check it against the source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; OCR reads %2 there, but not with confidence: check it against the scan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text states a share of %1% (&quot;%2&quot;), but by the table %3 is %4 of %5 (%6), %7%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is %3 in %4, but %5 in %6 + %7 %8 − %9 %10 = %11 (%12)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::Decision</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismissed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::DocumentManager</name>
    <message>
        <source>Roll-up sets are kept in a review library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report in the list could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the reports to consolidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Consolidated: %1 and others, %n report(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>consolidated-%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The consolidated table of %n report(s):</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::DocumentView</name>
    <message>
        <source>This report could not be opened:

%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::DocxLoader</name>
    <message>
        <source>it is not a zip archive, as .docx files are</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word document holds no text: its pages are probably scanned images. Run OCR on it, or open a text version of the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word file is damaged or incomplete (%1). Download it again, or open it in Word, WPS or LibreOffice and save it as a new .docx file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an Excel workbook, not a Word document. Open the report&apos;s Word, PDF or HTML version instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an OpenDocument file (.odt), not a Word .docx document. Open it in LibreOffice or WPS and save it as .docx, then open that copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a zip archive that holds no Word document. Unpack it and open the report inside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word file is password-protected (its parts are encrypted). Open it with its password in Word or WPS and save an unprotected copy, then open that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word file holds two parts named %1: Word and Nianbao could read different ones, so the file is not read. Open it in Word, WPS or LibreOffice and save it as a new .docx file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word file&apos;s %1 unpacks to more than %2 MB, far more than any report&apos;s text: it is a zip bomb or not a report, and is not read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::DocxWriter</name>
    <message>
        <source>Cannot write the Word document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::DraftStore</name>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved text cannot be kept in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved text in %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved text in %1 is damaged and cannot be restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The unsaved text in %1 cannot be removed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, one row per report (csv-wide)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV, one row per cell (csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbook (xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON, with findings and corrections (json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The current report (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The reports the filter shows (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every open report (%n)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Start CSV files with a byte order mark (for Excel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::Exporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked cells:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rule broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the workbook %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot move the workbook into place at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to export to %1: that file belongs to the review library %2, and the export would replace every review and correction in it. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refusing to export to %1: it is a SQLite database (perhaps a review library), and the export would replace it. Choose another file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State as read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Corrected at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every cell read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>some cells not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no table read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::Fault</name>
    <message>
        <source>Reading uncertain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report inconsistent</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::FindBar</name>
    <message>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the report text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous (Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next (F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::FindingsModel</name>
    <message numerus="yes">
        <source>%n equal fixes</source>
        <translation>
            <numerusform>%n equal fix</numerusform>
            <numerusform>%n equal fixes</numerusform>
        </translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures were split from a run of digits, deduced or could not be read, and another reading satisfies the rule: check the reading against the page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report&apos;s own figures break the rule: a matter for the agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not decided yet: confirm it, or dismiss it with a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::FindingsView</name>
    <message>
        <source>&amp;Confirm Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agency must correct or explain it: it goes in the review opinion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss Finding…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set it aside with a reason (the agency confirmed the figure): it stays greyed in the list and is left out of the review opinion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reopen Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is this finding set aside? (for example: the agency confirmed the figure)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::FolderWalk</name>
    <message>
        <source>The folder %1 is nested more than %2 folders deep; it was not searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder %1 cannot be read (permission denied); it was not searched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket, or a broken link)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: Nianbao does not read .%2 files (it reads %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The name of %1 is not UTF-8 (here read as GBK, as zips made on Windows write names), so it cannot be opened; rename it, or unpack the zip again with &quot;unzip -O GBK&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no extension and holds binary data that is not a report format Nianbao reads</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::FormTableModel</name>
    <message>
        <source>State: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As extracted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the source: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested value: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the source: “%1”, read as missing, not 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year %1: %2</source>
        <comment>a year&apos;s figure in a cell&apos;s tooltip</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::HtmlLoader</name>
    <message>
        <source>The page holds no text to read: it may build its content with JavaScript or show the report as images. Open the page in a browser and save it (&quot;Save page as…, complete&quot;) or print it to PDF, then open that file; or open the report&apos;s Word or PDF attachment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 invalid byte sequences in %2 text were replaced by � (first at byte %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page declares the unknown charset &quot;%1&quot;; its encoding was detected instead. If the text looks wrong, save the page from the browser as UTF-8 and open that copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page declares the charset &quot;%1&quot; but is written in %2; it was read as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page nests its elements more than %1 deep (line %2); it is damaged or built to break readers, and was not read. Open it in a browser and print it to PDF, then open that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The HTML parser could not start (out of memory?); the page was not read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ImageLoader</name>
    <message>
        <source>Page %1 of the image is damaged; the pages before it are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of the image is %2 × %3 pixels; Nianbao reads scans of at most %4 pixels a side and %5 million pixels (an A4 page scanned at 600 dpi is 4,961 × 7,016). Scan the report at 300 dpi.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image cannot be read: it is damaged, incomplete or not a PNG, JPEG or TIFF image. Scan or download it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image has more than %1 pages; only the first %1 are read, more than any report has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of the image</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>OCR found no text in the image (%n page(s)): it is blank, or not a scan of a report.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::Importer</name>
    <message>
        <source>The connection to the review library %1 was lost (%2); trying again for up to %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the review library %1 was lost and did not come back within %2 s, so the import stopped; run it again to import the rest. Last error: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::LegacyWordLoader</name>
    <message>
        <source>This is an RTF file, which Nianbao does not read. Open it in Word, WPS or LibreOffice, save it as .docx (or PDF) and open that copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Word document is password-protected. Open it in Word or WPS with the password, remove the protection (File › Info › Protect Document) and save it, or ask the publisher for an open copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a legacy Word (.doc) or WPS file, which Nianbao does not read. Open it in Word, WPS or LibreOffice and save it as .docx (or PDF), then open that copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::LegendWidget</name>
    <message>
        <source>breaks a rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>differs from the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deduced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>corrected</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::LibraryCommands</name>
    <message>
        <source>The review library: a SQLite file or postgresql://user@host/db (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import report files and folders into a review library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report files or folders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli import: no PATH given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the cleaned data of a review library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>csv, csv-wide, xlsx or json.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only reports marked reviewed (已审核).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli export: give --format csv|csv-wide|xlsx|json and --out FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reports written to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli import: %1 (%2 files not imported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the library, %3 failed, %4 skipped (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli import: interrupted; the reports imported so far are kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start CSV with a UTF-8 byte order mark, so Excel reads the Chinese right (the default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write CSV without the byte order mark, for tools that take it as part of the first column&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nianbao-cli export: give --bom or --no-bom, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR, page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR, page %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::OcrEngine</name>
    <message>
        <source>The page image could not be prepared for OCR (Leptonica failed on it): it is damaged or in a form Nianbao does not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR is not available: Tesseract or its Chinese language data (chi_sim) is not installed. Install tesseract-ocr-chi-sim, or open a text version of the report.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::OpinionCommand</name>
    <message>
        <source>%1 is not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 findings that doubt the reading, not the report, are left out (--include-reading lists them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a review opinion (审核意见, .docx) for each report: from FILEs, or from the review library&apos;s stored reviews with their corrections and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder to write to.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>L</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who signs the opinions (default: the last reviewer who corrected).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The opinions&apos; date (default: today).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also list findings that doubt Nianbao&apos;s reading rather than the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report files (default: the library&apos;s reports).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>usage: nianbao-cli opinion --out DIR [--library L | FILE...] [--reviewer NAME] [--date YYYY-MM-DD] [--include-reading]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 opinions written to %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::OpinionPrinter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write to the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::OtherYearPane</name>
    <message>
        <source>Previous year (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next year (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The same agency&apos;s report of %1, as the library holds it (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Which of the agency&apos;s other years to show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::OverviewView</name>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most unread cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Most missing cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest report: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation type="unfinished">
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The rules, cells and trend do not cover %n report(s) imported by an older version: open or re-check them.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 over the years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requests handled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconsiderations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lawsuits</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::PageSource</name>
    <message>
        <source>%1 is not a PDF or an image: it has no pages to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is no longer there, so its pages cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 MB; its pages are not shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 cannot be read (%2), so its pages cannot be shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file %1 has changed since it was imported, so its pages would not match this report. Open the file again to review it as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 cannot be shown: the file could not be rendered.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::PageView</name>
    <message>
        <source>This report could not be opened:

%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where this report&apos;s text stands on its pages is not known (the library keeps it for reports imported by this version on), so no cell is outlined. Delete the report and open its file again to see its cells on the pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · read by OCR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::PdfLoader</name>
    <message>
        <source>The PDF is too large to read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file cannot be opened as a PDF: it is damaged, incomplete or not a PDF at all (a web page saved under a .pdf name, say). Download it again, or open the report&apos;s HTML or Word version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF is password-protected. Open it with its password in a PDF reader and print or save it as an unprotected PDF, or ask the publisher for an open copy; then open that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Much of the PDF&apos;s text cannot be mapped to characters (its fonts lack a Unicode table), so it reads as garbage. Run OCR on the PDF, or open a text version of the report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The table from page %1 to page %2 (%3 lines) would take %4 grid cells, more than %5; far more than a report&apos;s table, so its lines are written as they stand, without aligning their columns.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF&apos;s embedded fonts inflate to more than %1 MB, far more than any report&apos;s: it is a decompression bomb or not a report, and is not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF&apos;s compressed streams inflate to more than %1 MB, far more than any report&apos;s (a few MB): it is a decompression bomb or not a report, and is not read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has %1 pages; only the first %2 are read, far more than any report has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages %1 of the PDF hold more than %2 words each, far more than a page of a report; only the first %2 of each are read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF&apos;s text runs sideways (its pages are turned, or printed in landscape on portrait pages): Nianbao reads upright text only. Rotate the pages upright in a PDF editor and save the file, or open a text version of the report (HTML, Word).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages %1 of the PDF hold only text that runs sideways; figures on them cannot be read. Rotate those pages upright in a PDF editor and save the file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the PDF needed more than %1 GB of memory, far more than any report needs (some 30 MB): it is a decompression bomb or not a report, and is not read. Open the report&apos;s HTML or Word version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the PDF crashed the PDF reader (Poppler), or needed more than %1 GB of memory: it is damaged, a decompression bomb or not a report, and is not read. Download it again, or open the report&apos;s HTML or Word version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF could not be read: the system has no process or file handle left to read it in. Close other programs and read it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages %1 of the PDF have no text layer, and OCR read no text on them; figures on them cannot be read. Check them against the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has more than %1 scanned pages; only the first %1 are read with OCR, more than any report has.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of the PDF (OCR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no text layer (it is a scan), and OCR could not run: Tesseract or its Chinese language data (chi_sim) is missing. Install tesseract-ocr-chi-sim, or open a text version of the report (HTML, Word).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The PDF has no text layer (it is a scan), and OCR found no text on its pages: they are blank or hold only pictures. Open a text version of the report (HTML, Word).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReadBudget</name>
    <message>
        <source>Reading was cancelled (at %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading stopped at %1: the file took more than the %2 s one file may take, far longer than any report; it is larger or more complex than a report can be.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReportListModel</name>
    <message>
        <source>Could not open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Errors</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) blank or unreadable</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cells blank or unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>[Summary of %n] %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Summary of %n report(s): %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Counted in the summary: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReportPrinter</name>
    <message>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marks: %1 rule broken, %2 missing, %3 unreadable, %4 deduced, %5 corrected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This report could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReportReader</name>
    <message>
        <source>No statistical tables (sections 二, 三, 四) were found in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 begins a second report (%2); only the first report, above it, is read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is %1 MB; reports larger than %2 MB are not read: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table 二 (%1) has the columns of the form before 2021 (本年新制作数量, 对外公开总数量, 上一年项目数量); its figures are not read into the 2021 form&apos;s cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a report for %2, in the form used before 2021; Nianbao reads the national form of 2021 (国办公开办函〔2021〕30号), from the 2021 reports on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a report for %2, before the national form of 2021; its tables are read where they have the 2021 form&apos;s rows and columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the end of loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document holds more than %L1 lines, far more than a report; the lines after line %L1 are not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 is longer than %L2 characters, far longer than a report&apos;s; the rest of it is not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the layout of the lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the figures stated in the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the figures run together</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewLibrary</name>
    <message>
        <source>The Qt Sql driver for %1 is not installed (package %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot open the review library %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library %1 was written by a newer Nianbao (schema %2; this version reads up to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store a cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store a stated figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library has no report with id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this report since you opened it (you had version %1). Your change was not saved; reload the report to see theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library could not %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>run a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>prepare a statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>begin a change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given (the connection may have been lost)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No review library was named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL URL of the form postgresql://user:password@host[:port]/database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a review library is a SQLite file or a postgresql:// URL; the scheme %2 is not supported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a file, so it cannot be a review library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no review library at %1 (reading it creates none; check the name, or import reports into it first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a SQLite database, so it is not a Nianbao review library; it was left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library %1 is read-only here (%2 is not writable): it can be exported, but nothing can be imported into it or changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not writable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the review library %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a database of another application (tables: %2), not a Nianbao review library; it was left as it is. Choose another --library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library %1 is empty: no report was ever imported into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The review library %1 was written by an older Nianbao (schema %2); import into it or open it in the window once to update it, then read it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form has no cell “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A report cannot be one of the units of its own summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>store a finding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewOpinion</name>
    <message>
        <source>审核意见备注：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核人：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>需要更正或说明的问题</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（无法辨认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>空白</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第%1行%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>第%1列%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1为 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1至%2各项之和为 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告所列：%1；%2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按勾稽关系（%1），%2，而 %3，两者应当相等，现相差 %4。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>有 %1 种单处更正均能使勾稽关系成立，请据实核对各项数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核实上述数字，更正有误之处；如数字无误，请书面说明理由。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正文称%1，表格中该格填报为 %2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正文所述数字与表格数字应当一致。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核实正文与表格，统一更正为准确数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告中该格为 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告中该格填写为 %1，未填数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告中该格未填写数字（空白）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按勾稽关系，该格应为 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该行各格均未填写，通常表示没有发生，应填 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>勾稽关系不能确定该格数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请补填该格数字（没有发生的填 0）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1整行</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1的%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按勾稽关系，该格应为 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请在该格填写 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1（%2 格）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>以下 %1 格未填写数字（空白）：%2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>件数为非负整数，其余各格已合成总计，按勾稽关系这些格均应为 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请在上述空白格中填写 0。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告中该格填报为 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>收费金额（万元）不能为负数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>件数应为不小于 0 的整数。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核实更正。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>该行各列数字连写为%1，无法确定各列数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按勾稽关系有 %1 种分法。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请提供该行各列的准确数字。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>本年报告该格填报为 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>上一年度报告「四、结转下年度继续办理」为 %1，两年数字应当衔接。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核实更正，或说明两年数字不一致的原因。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正文称%1，所占比例为 %2%。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按表格中的数字计算，该比例为 %1%。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>正文称%1，为 %2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>表格中相应各格合计为 %1，两者应当一致。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核实正文与表格，更正不一致之处。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按上一年度现行有效件数加本年制发、减本年废止计算，应为 %1（其他文件废止或失效的除外）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核实更正，或说明两年数字不衔接的原因。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1由 %2 改为 %3（%4，%5）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>结合正文与勾稽关系，%1应为 %2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>按勾稽关系，%1应为 %2。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于政府信息公开工作年度报告（%1）的审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于%1政府信息公开工作年度报告的审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>关于%1%2年政府信息公开工作年度报告的审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>你单位%1年政府信息公开工作年度报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>你单位政府信息公开工作年度报告</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1的文件无法读取（%2），请重新报送可以读取的报告文件。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经审核，%1的表格数据未发现需要更正的问题。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>经审核，%1存在以下 %2 处问题，请逐项核实，予以更正或作出书面说明，并将更正后的报告及说明报送我办。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>另有 %1 项经核实不再列入。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>未审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核中</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>已审核</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>存疑</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1年%2月%3日</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告单位</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>年度</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>报告文件</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核人</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>（已确认）</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核更正：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核备注：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>审核状态：%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-审核意见</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>汇总报告该格填报为 %1。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>所属单位报告相应数字之和为 %1（汇总报告另含本机关数字的除外）。</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>请核实更正，或说明汇总数与所属单位之和不一致的原因。</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewPanel</name>
    <message>
        <source>Select a cell in a table or a figure in the text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As extracted: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the source: “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review &amp;status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on the &amp;report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note on the c&amp;ell:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems reading this report:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures are run together. Choose how they split:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill the row&apos;s cells with these figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how the figures of %1 split</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;i&gt;%1:&lt;/i&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <comment>between page numbers</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR, page %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OCR, pages %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text of these pages was read from their image by optical character recognition: compare doubtful figures with the page (Alt+6).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewSession</name>
    <message>
        <source>“%1” is not a number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is negative; figures in the form are at least 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a whole number; this cell counts items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The form has no cell “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say why the finding is dismissed (for example: the agency confirmed the figure).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewStatus</name>
    <message>
        <source>Unreviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doubtful</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewWindow</name>
    <message>
        <source>About Nianbao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nianbao %1 checks the annual reports on government information disclosure (政府信息公开工作年度报告).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nianbao — annual report review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note on the &amp;Cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note on the &amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next Re&amp;port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous Rep&amp;ort</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Report List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Original Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Tables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the Report &amp;List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Nianbao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Opening %n report(s)…</source>
        <translation>
            <numerusform>Opening %n report…</numerusform>
            <numerusform>Opening %n reports…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) could not be opened; see the list.</source>
        <translation>
            <numerusform>%n report could not be opened; see the list.</numerusform>
            <numerusform>%n reports could not be opened; see the list.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %n report(s).</source>
        <translation>
            <numerusform>Opened %n report.</numerusform>
            <numerusform>Opened %n reports.</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a Folder of Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing reports into the library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Importing %n report(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; the reports imported so far are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1, already in the library %2, failed %3; opened %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another reviewer changed %1 after you opened it, so your last change was not saved. Reload the report to see their changes, then make yours again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last change to %1 could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh from the Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No one else has changed this report.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reloaded with the changes saved in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nianbao stopped before you confirmed “%1” in the cell “%2” of %3.

Put the text back into the cell? It is saved once you confirm it with Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore Unsaved Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nianbao stopped before you confirmed “%1” in %2, and that report is no longer in the library, so the text cannot be put back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text “%1” could not be put back into %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your text is back in the cell: press Enter to confirm it, or Esc to drop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Report from the Library…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1 from the library? Its corrections, notes and review status are deleted with it, and this cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1 from the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter reports (Ctrl+Shift+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in the Report Text…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre&amp;vious Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report to export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n report(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Printed %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>No reports found; %n file(s) skipped, see the list.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reports (%1);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 of %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 of %2, reading %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Original Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The page of a PDF or scanned report where the selected cell stands (Alt+6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the &amp;Page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (OCR, page %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (OCR, page %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency &amp;Aliases…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Names under which one agency publishes, so that its years are compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency Aliases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agency aliases are kept in a review library; open one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&amp;Findings: %n open</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n confirmed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n dismissed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Review &amp;Opinion…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The written review opinion (审核意见) on this report, to print or save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write Review Opi&amp;nions to a Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A .pdf and a .docx review opinion for every report the list shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review Opinions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no report in the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write Review Opinions to a Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) of review opinions to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Roll-&amp;up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make the Current Report the Summary of the Selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove the Roll-up Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Infer Roll-up Sets from Folders…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Consolidate the Selected Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current report sums the other selected reports: each of its cells is checked against their sum (rollup.sum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opens the sum of the selected reports as a table of its own, to review and export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select the summary report and, with Ctrl or Shift, its units in the list; the current report becomes their summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 is now the summary of %n report(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer a summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folders suggest no roll-up set that is not kept already: no folder holds a government&apos;s report beside its departments&apos; of the same year.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Kept %n roll-up set(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Consolidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Consolidated %n report(s); File › Export writes the table.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Compare with the Agency&apos;s Other &amp;Years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library &amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings by rule, agency and year, the cells that break most often, the reports with the most errors, and an agency&apos;s years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the Review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Older Reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks the reports imported by an older version once, so that the overview covers them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The overview needs a review library; open one first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Overview of the %n report(s) the list&apos;s filter “%1” shows</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overview of the library: %n report(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) with a finding on %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) chosen in the overview</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the reports imported by an older version…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Checked %n older report(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::Rollup</name>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the summary reports %2, its %n unit(s) add up to %3 (%4). A summary that also counts its own agency&apos;s figures may rightly exceed the sum.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::RollupDialog</name>
    <message>
        <source>Infer Roll-up Sets from Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In each folder and year, the report of a government is proposed as the summary of its departments&apos; and subfolders&apos; reports. Keep the sets that are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 — summary of %n report(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::Rule</name>
    <message>
        <source>Requests in = requests out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcomes add up to the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicants add up to the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Results add up to the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a valid figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blank cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text and table disagree</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carried over from last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run-together figures: several splits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run-together figures split by the text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run-together figures split by plausibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text&apos;s combined figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text&apos;s appeals and lawsuits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text&apos;s figure and what it includes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text&apos;s share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents in force follow from last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary equals its units&apos; sum</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::Severity</name>
    <message>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::TableExtractor</name>
    <message>
        <source>no header or complete row to align them with; read from the left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1: the row holds %2 figures for %3 columns of table %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Table %1 (%2) was not found in the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n of them stand outside the table&apos;s columns and are not read</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: table %2 (%3) appears a second time; its first copy is read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>, and %n of the second copy&apos;s rows differ</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: more than %L2 lines could belong to table %3, far more than it has rows; from this line on none is read into it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::TextDecoder</name>
    <message>
        <source>The file is not a text report: it holds binary data (first control character at character %1). Open the published report (HTML, Word, PDF or text) instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>nianbao::TextLoader</name>
    <message>
        <source>%1 invalid byte sequences in %2 text were replaced by � (first at byte %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 invalid byte sequences in %2 text were replaced by �</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
