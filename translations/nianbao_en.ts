<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>nianbao</name>
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
        <source>%1 cannot be read in the source (&quot;%2&quot;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is blank in the source</source>
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
</context>
<context>
    <name>nianbao::ReportReader</name>
    <message>
        <source>No statistical tables (sections 二, 三, 四) were found in %1</source>
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
        <source>Filter reports (Ctrl+F)</source>
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
        <source>Reports (*.txt *.md *.text);;All files (*)</source>
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
</context>
</TS>
