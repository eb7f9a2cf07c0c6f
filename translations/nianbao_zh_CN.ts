<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value as read</source>
        <translation>原文数值</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Library</source>
        <translation>审核库</translation>
    </message>
    <message>
        <source>The review library %1 cannot be opened: %2
Reports open without saving to a library.</source>
        <translation>无法打开审核库 %1：%2
报告将直接打开，不保存到审核库。</translation>
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
        <translation>用法：nianbao-cli check [--json] 文件...
      nianbao-cli text 文件
      nianbao-cli import 路径... [--library L]
      nianbao-cli export --format csv|csv-wide|xlsx|json --out 文件 [--library L] [--reviewed-only] [--no-bom]
      nianbao-cli opinion --out 文件夹 [--library L | 文件...]
      nianbao-cli rollup --summary 文件 [--json] 单位文件...
      nianbao-cli rollup --consolidate --out 文件 [--format F] 单位文件...</translation>
    </message>
</context>
<context>
    <name>nianbao</name>
    <message>
        <source>summary of %n unit(s)</source>
        <translation>%n 个单位的汇总</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>consolidated</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>consolidated (%n reports)</source>
        <translation>汇总（%n 份报告）</translation>
    </message>
    <message>
        <source>nianbao-cli rollup: not every file could be read; nothing written</source>
        <translation>nianbao-cli rollup：有文件无法读取，未写入任何内容</translation>
    </message>
    <message>
        <source>Check a summary report against its units, or consolidate reports</source>
        <translation>核对汇总报告与所属单位报告，或汇总多份报告</translation>
    </message>
    <message>
        <source>The summary report whose figures should be the units&apos; sums.</source>
        <translation>汇总报告，其数字应为所属单位数字之和。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Print the findings as JSON.</source>
        <translation>以 JSON 输出问题。</translation>
    </message>
    <message>
        <source>Write the consolidated table of the reports instead.</source>
        <translation>改为写出这些报告的汇总表。</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>写入的文件。</translation>
    </message>
    <message>
        <source>csv (the default), csv-wide, xlsx or json.</source>
        <translation>csv（默认）、csv-wide、xlsx 或 json。</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>The units&apos; report files.</source>
        <translation>所属单位的报告文件。</translation>
    </message>
    <message>
        <source>UNIT_FILE...</source>
        <translation>单位文件...</translation>
    </message>
    <message>
        <source>usage: nianbao-cli rollup --consolidate --out FILE [--format csv|csv-wide|xlsx|json] UNIT_FILE...</source>
        <translation>用法：nianbao-cli rollup --consolidate --out 文件 [--format csv|csv-wide|xlsx|json] 单位文件...</translation>
    </message>
    <message>
        <source>usage: nianbao-cli rollup --summary FILE [--json] UNIT_FILE...</source>
        <translation>用法：nianbao-cli rollup --summary 文件 [--json] 单位文件...</translation>
    </message>
</context>
<context>
    <name>nianbao::AgencyAliasDialog</name>
    <message>
        <source>Agency Aliases</source>
        <translation>机关别名</translation>
    </message>
    <message>
        <source>Reports of one agency are compared across years when their names match. Names that differ only in full-width or half-width forms, spaces, 人民政府/政府 or 办公室/办 match already; list here a renamed department or another name under which an agency publishes, and the agency it is.</source>
        <translation>同一机关不同年度的报告，按机关名称对应后逐年比对。仅全角半角、空格、“人民政府/政府”或“办公室/办”不同的名称已自动对应；在此列出更名的部门或机关使用的其他名称，以及它所对应的机关。</translation>
    </message>
    <message>
        <source>Name in the report</source>
        <translation>报告中的名称</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>对应机关</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
</context>
<context>
    <name>nianbao::CellDelegate</name>
    <message>
        <source>as extracted: %1</source>
        <translation>原值：%1</translation>
    </message>
    <message>
        <source>blank in the source</source>
        <translation>原文为空</translation>
    </message>
    <message>
        <source>“%1” in the source: missing, not 0</source>
        <translation>原文为“%1”：按缺失处理，不是 0</translation>
    </message>
</context>
<context>
    <name>nianbao::CellHeatMap</name>
    <message numerus="yes">
        <source>%1
%n report(s) with a finding on this cell</source>
        <translation>
            <numerusform>%1
%n 份报告在此单元格有问题</numerusform>
        </translation>
    </message>
    <message>
        <source>errors in %1, warnings in %2</source>
        <translation>错误 %1 份，警告 %2 份</translation>
    </message>
</context>
<context>
    <name>nianbao::CellState</name>
    <message>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>Extracted</source>
        <translation>已提取</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>Corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Deduced</source>
        <translation>推算</translation>
    </message>
</context>
<context>
    <name>nianbao::ChangeCellValue</name>
    <message>
        <source>Apply suggestion to %1</source>
        <translation>采纳建议：%1</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>修改 %1</translation>
    </message>
    <message>
        <source>Mark as %1</source>
        <translation>标记为%1</translation>
    </message>
    <message>
        <source>Edit the report&apos;s note</source>
        <translation>编辑报告备注</translation>
    </message>
    <message>
        <source>Edit the note on %1</source>
        <translation>编辑备注：%1</translation>
    </message>
    <message>
        <source>Edit the agency</source>
        <translation>修改机关名称</translation>
    </message>
    <message>
        <source>Edit the year</source>
        <translation>修改年度</translation>
    </message>
</context>
<context>
    <name>nianbao::CheckCommand</name>
    <message>
        <source>(agency unknown)</source>
        <translation>（机关未知）</translation>
    </message>
    <message>
        <source>(year unknown)</source>
        <translation>（年度未知）</translation>
    </message>
    <message>
        <source>cells: %1 extracted, %2 missing, %3 unreadable, %4 deduced</source>
        <translation>单元格：已提取 %1，缺失 %2，无法识别 %3，推算 %4</translation>
    </message>
    <message>
        <source>stated: %1 = %2 (&quot;%3&quot;)</source>
        <translation>正文：%1 = %2（“%3”）</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>no findings</source>
        <translation>未发现问题</translation>
    </message>
    <message>
        <source>Check government information disclosure annual reports</source>
        <translation>审核政府信息公开工作年度报告</translation>
    </message>
    <message>
        <source>Print one JSON document (spec/cli.md).</source>
        <translation>输出一个 JSON 文档（见 spec/cli.md）。</translation>
    </message>
    <message>
        <source>Number of threads (default: all cores).</source>
        <translation>线程数（默认：使用全部核心）。</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>要执行的命令。</translation>
    </message>
    <message>
        <source>Report files to check.</source>
        <translation>要审核的报告文件。</translation>
    </message>
    <message>
        <source>FILE...</source>
        <translation>FILE...</translation>
    </message>
    <message>
        <source>nianbao-cli check: no FILE given</source>
        <translation>nianbao-cli check：未指定 FILE</translation>
    </message>
    <message>
        <source>usage: nianbao-cli text FILE</source>
        <translation>用法：nianbao-cli text 文件</translation>
    </message>
    <message>
        <source>%1 files checked, %2 could not be read</source>
        <translation>已检查 %1 个文件，%2 个无法读取</translation>
    </message>
    <message>
        <source>Name each file on stderr as its reading begins (the default when stderr is a terminal), and count the files at the end.</source>
        <translation>在 stderr 上于开始读取每个文件时列出其名称（stderr 为终端时默认开启），并在结束时统计文件数。</translation>
    </message>
    <message>
        <source>nianbao-cli: the temporary file in %1 cannot be written (%2); the rest of the output is kept in memory until every file is checked</source>
        <translation>nianbao-cli：无法写入 %1 中的临时文件（%2）；其余输出将保存在内存中，直到所有文件检查完毕</translation>
    </message>
    <message>
        <source>stated: %1 %2 = %3 (&quot;%4&quot;)</source>
        <translation>正文所述：%1 %2 = %3（“%4”）</translation>
    </message>
</context>
<context>
    <name>nianbao::Checker</name>
    <message>
        <source>Several changes fit equally well: %1.</source>
        <translation>有几种改法同样可行：%1。</translation>
    </message>
    <message>
        <source>%1: %2 = %3, but %4 = %5 (%6)</source>
        <translation>%1：%2 = %3，但 %4 = %5（%6）</translation>
    </message>
    <message>
        <source>%1 is %2: an amount in 万元 cannot be negative</source>
        <translation>%1 为 %2：以万元计的金额不能为负</translation>
    </message>
    <message>
        <source>%1 is %2: a count must be a whole number of at least 0</source>
        <translation>%1 为 %2：件数必须是不小于 0 的整数</translation>
    </message>
    <message>
        <source>%1; the rules determine %2</source>
        <translation>%1；根据勾稽关系可推算为 %2</translation>
    </message>
    <message>
        <source>%1; the rules do not determine it</source>
        <translation>%1；勾稽关系无法确定其值</translation>
    </message>
    <message>
        <source>The text states %1 (&quot;%2&quot;), but the table has %3 for %4</source>
        <translation>正文称 %1（“%2”），但表格中 %4 为 %3</translation>
    </message>
    <message>
        <source>%1 is %2, but the %3 report carried %4 forward (%5)</source>
        <translation>%1 为 %2，但 %3 年度报告结转下年度 %4（%5）</translation>
    </message>
    <message>
        <source>%1 cannot be read in the source (&quot;%2&quot;)</source>
        <translation>%1 在原文中无法识别（“%2”）</translation>
    </message>
    <message>
        <source>%1 is written &quot;%2&quot; in the source, which is read as missing, not 0</source>
        <translation>%1 在原文中写作“%2”，按缺失处理，不是 0</translation>
    </message>
    <message>
        <source>%1 is blank in the source</source>
        <translation>%1 在原文中为空</translation>
    </message>
    <message>
        <source>The figures of %1 are run together (&quot;%2&quot;) and split into its cells in %3 ways that the rules leave tied: %4. Choose the one the source means</source>
        <translation>%1 的数字连在一起（“%2”），按勾稽关系有 %3 种同样成立的拆分：%4。请选择原文所指的一种</translation>
    </message>
    <message>
        <source>The text states %1 (&quot;%2&quot;), but no way of reading the run &quot;%3&quot; gives %1 for %4</source>
        <translation>正文称 %1（“%2”），但连在一起的数字“%3”无论怎样拆分，%4 都不是 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n blank cell(s) in table %1 (%2) are 0 by the rules: counts are whole numbers of at least 0, and the rules&apos; other cells already make up their totals</source>
        <translation>
            <numerusform>表%1（%2）中有 %n 个空白单元格按勾稽关系为 0：数量是不小于 0 的整数，而规则中其他单元格已凑足合计</numerusform>
        </translation>
    </message>
    <message>
        <source>The figures of %1 are run together (&quot;%2&quot;); the rules leave %3 ways (%4), and the one that agrees with the figures the text states is read. Check it against the source</source>
        <translation>%1 的数字连在一起（“%2”）；按勾稽关系有 %3 种拆分（%4），已按与正文所述数字一致的一种读取。请与原文核对</translation>
    </message>
    <message>
        <source>%1; the rules do not determine it, but no cell of its row has a figure, and a row left out or left empty usually means none: 0 is suggested</source>
        <translation>%1；勾稽关系不能确定其值，但该行没有任何数字，未列出或未填写的行通常表示没有：建议填 0</translation>
    </message>
    <message>
        <source>The figures of %1 are run together (&quot;%2&quot;); the rules leave %3 ways (%4), and the only one where 现行有效 plus 本年废止 is at least 本年制发 (a document issued this year stays in force unless repealed) is read. Check it against the source</source>
        <translation>%1 的数字连在一起（“%2”）；勾稽关系允许 %3 种拆分（%4），已按“现行有效件数加本年废止件数不少于本年制发件数”（本年制发的文件除废止外仍然有效）采用唯一符合的一种。请对照原文核对</translation>
    </message>
    <message>
        <source>%1; OCR reads %2 there, but not with confidence: check it against the scan</source>
        <translation>%1；OCR 在此处识别为 %2，但把握不足：请对照扫描件核对</translation>
    </message>
    <message>
        <source>The text states a share of %1% (&quot;%2&quot;), but by the table %3 is %4 of %5 (%6), %7%</source>
        <translation>正文称比例为 %1%（“%2”），但按表格，%3 为 %5（%6）中的 %4，占 %7%</translation>
    </message>
    <message>
        <source>%1: %2 is %3 in %4, but %5 in %6 + %7 %8 − %9 %10 = %11 (%12)</source>
        <translation>%1：%4年%2为 %3，但 %6年为 %5，加%7 %8、减%9 %10，应为 %11（%12）</translation>
    </message>
</context>
<context>
    <name>nianbao::Decision</name>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Dismissed: %1</source>
        <translation>已排除：%1</translation>
    </message>
</context>
<context>
    <name>nianbao::DocumentManager</name>
    <message>
        <source>Roll-up sets are kept in a review library</source>
        <translation>汇总关系保存在审核库中，请先打开审核库</translation>
    </message>
    <message>
        <source>%1 could not be read</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>A report in the list could not be read</source>
        <translation>列表中有一份报告无法读取</translation>
    </message>
    <message>
        <source>%1. %2 (%3)</source>
        <translation>%1. %2（%3）</translation>
    </message>
    <message>
        <source>Select the reports to consolidate</source>
        <translation>请选择要合并的报告</translation>
    </message>
    <message numerus="yes">
        <source>Consolidated: %1 and others, %n report(s)</source>
        <translation>
            <numerusform>合并：%1等 %n 份</numerusform>
        </translation>
    </message>
    <message>
        <source>consolidated-%1</source>
        <translation>合并表-%1</translation>
    </message>
    <message numerus="yes">
        <source>The consolidated table of %n report(s):</source>
        <translation>
            <numerusform>以下 %n 份报告的合并表：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::DocumentView</name>
    <message>
        <source>This report could not be opened:

%1</source>
        <translation>无法打开此报告：

%1</translation>
    </message>
</context>
<context>
    <name>nianbao::DocxLoader</name>
    <message>
        <source>it is not a zip archive, as .docx files are</source>
        <translation>它不是 .docx 文件应有的 zip 压缩包格式</translation>
    </message>
    <message>
        <source>The Word document holds no text: its pages are probably scanned images. Run OCR on it, or open a text version of the report.</source>
        <translation>Word 文档中没有文字：其页面可能是扫描图片。请对其进行 OCR 文字识别，或打开报告的文本版本。</translation>
    </message>
    <message>
        <source>The Word file is damaged or incomplete (%1). Download it again, or open it in Word, WPS or LibreOffice and save it as a new .docx file.</source>
        <translation>Word 文件已损坏或不完整（%1）。请重新下载，或用 Word、WPS 或 LibreOffice 打开后另存为新的 .docx 文件。</translation>
    </message>
    <message>
        <source>This is an Excel workbook, not a Word document. Open the report&apos;s Word, PDF or HTML version instead.</source>
        <translation>这是 Excel 工作簿，不是 Word 文档。请改为打开报告的 Word、PDF 或 HTML 版本。</translation>
    </message>
    <message>
        <source>This is an OpenDocument file (.odt), not a Word .docx document. Open it in LibreOffice or WPS and save it as .docx, then open that copy.</source>
        <translation>这是 OpenDocument 文件（.odt），不是 Word .docx 文档。请用 LibreOffice 或 WPS 打开并另存为 .docx，然后打开另存的文件。</translation>
    </message>
    <message>
        <source>This is a zip archive that holds no Word document. Unpack it and open the report inside.</source>
        <translation>这是 zip 压缩包，其中没有 Word 文档。请解压后打开其中的报告。</translation>
    </message>
    <message>
        <source>The Word file is password-protected (its parts are encrypted). Open it with its password in Word or WPS and save an unprotected copy, then open that file.</source>
        <translation>该 Word 文件受密码保护（其内容已加密）。请在 Word 或 WPS 中用密码打开并另存一份不加密的副本，再打开该副本。</translation>
    </message>
    <message>
        <source>The Word file holds two parts named %1: Word and Nianbao could read different ones, so the file is not read. Open it in Word, WPS or LibreOffice and save it as a new .docx file.</source>
        <translation>该 Word 文件包含两个名为 %1 的部件：Word 与 Nianbao 可能读取不同的部件，因此不予读取。请在 Word、WPS 或 LibreOffice 中打开并另存为新的 .docx 文件。</translation>
    </message>
    <message>
        <source>The Word file&apos;s %1 unpacks to more than %2 MB, far more than any report&apos;s text: it is a zip bomb or not a report, and is not read.</source>
        <translation>该 Word 文件的 %1 解压后超过 %2 MB，远多于任何报告的文字：它是压缩炸弹或并非报告，不予读取。</translation>
    </message>
</context>
<context>
    <name>nianbao::DocxWriter</name>
    <message>
        <source>Cannot write the Word document: %1</source>
        <translation>无法写入 Word 文档：%1</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>nianbao::DraftStore</name>
    <message>
        <source>The folder %1 cannot be created.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
    <message>
        <source>The unsaved text cannot be kept in %1: %2</source>
        <translation>未保存的内容无法保存到 %1：%2</translation>
    </message>
    <message>
        <source>The unsaved text in %1 cannot be read: %2</source>
        <translation>无法读取 %1 中未保存的内容：%2</translation>
    </message>
    <message>
        <source>The unsaved text in %1 is damaged and cannot be restored.</source>
        <translation>%1 中未保存的内容已损坏，无法恢复。</translation>
    </message>
    <message>
        <source>The unsaved text in %1 cannot be removed: %2</source>
        <translation>无法删除 %1 中未保存的内容：%2</translation>
    </message>
</context>
<context>
    <name>nianbao::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Reports:</source>
        <translation>报告(&amp;R)：</translation>
    </message>
    <message>
        <source>CSV, one row per report (csv-wide)</source>
        <translation>CSV，每份报告一行（csv-wide）</translation>
    </message>
    <message>
        <source>CSV, one row per cell (csv)</source>
        <translation>CSV，每个单元格一行（csv）</translation>
    </message>
    <message>
        <source>Excel workbook (xlsx)</source>
        <translation>Excel 工作簿（xlsx）</translation>
    </message>
    <message>
        <source>JSON, with findings and corrections (json)</source>
        <translation>JSON，含检查结果和更正（json）</translation>
    </message>
    <message numerus="yes">
        <source>The current report (%n)</source>
        <translation>
            <numerusform>当前报告（%n 份）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The reports the filter shows (%n)</source>
        <translation>
            <numerusform>筛选出的报告（%n 份）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every open report (%n)</source>
        <translation>
            <numerusform>全部已打开的报告（%n 份）</numerusform>
        </translation>
    </message>
    <message>
        <source>Start CSV files with a byte order mark (for Excel)</source>
        <translation>CSV 文件带字节顺序标记（BOM，供 Excel 打开）</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
</context>
<context>
    <name>nianbao::Exporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Marked cells:</source>
        <translation>标记的单元格：</translation>
    </message>
    <message>
        <source>rule broken</source>
        <translation>违反勾稽关系</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>deduced</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Cannot create the workbook %1</source>
        <translation>无法创建工作簿 %1</translation>
    </message>
    <message>
        <source>Cannot move the workbook into place at %1</source>
        <translation>无法将工作簿移动到 %1</translation>
    </message>
    <message>
        <source>Refusing to export to %1: that file belongs to the review library %2, and the export would replace every review and correction in it. Choose another file.</source>
        <translation>拒绝导出到 %1：该文件属于审核库 %2，导出会覆盖其中全部审核记录和更正。请另选文件。</translation>
    </message>
    <message>
        <source>Refusing to export to %1: it is a SQLite database (perhaps a review library), and the export would replace it. Choose another file.</source>
        <translation>拒绝导出到 %1：该文件是 SQLite 数据库（可能是审核库），导出会将其覆盖。请另选文件。</translation>
    </message>
    <message>
        <source>unreviewed</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>blank</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>read</source>
        <translation>已读取</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Review status</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Value as read</source>
        <translation>原文数值</translation>
    </message>
    <message>
        <source>State as read</source>
        <translation>原文状态</translation>
    </message>
    <message>
        <source>Corrected by</source>
        <translation>更正人</translation>
    </message>
    <message>
        <source>Corrected at</source>
        <translation>更正时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Cells not read</source>
        <translation>未读取单元格</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>读取情况</translation>
    </message>
    <message>
        <source>every cell read</source>
        <translation>全部读取</translation>
    </message>
    <message>
        <source>some cells not read</source>
        <translation>部分未读取</translation>
    </message>
    <message>
        <source>no table read</source>
        <translation>未读取到表格</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>nianbao::Fault</name>
    <message>
        <source>Reading uncertain</source>
        <translation>识别存疑</translation>
    </message>
    <message>
        <source>Report inconsistent</source>
        <translation>报告自身不一致</translation>
    </message>
</context>
<context>
    <name>nianbao::FindBar</name>
    <message>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 处，共 %2 处</translation>
    </message>
    <message>
        <source>Find in the report text</source>
        <translation>在报告原文中查找</translation>
    </message>
    <message>
        <source>Previous (Shift+F3)</source>
        <translation>上一处（Shift+F3）</translation>
    </message>
    <message>
        <source>Next (F3)</source>
        <translation>下一处（F3）</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭（Esc）</translation>
    </message>
</context>
<context>
    <name>nianbao::FindingsModel</name>
    <message numerus="yes">
        <source>%n equal fixes</source>
        <translation>
            <numerusform>%n 种同样可行的改法</numerusform>
        </translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <source>The figures were split from a run of digits, deduced or could not be read, and another reading satisfies the rule: check the reading against the page.</source>
        <translation>该数字是从连写的数字中拆分、按规则推算或无法辨认的，换一种读法即可满足规则：请对照原文核对识别结果。</translation>
    </message>
    <message>
        <source>The report&apos;s own figures break the rule: a matter for the agency.</source>
        <translation>报告本身的数字不符合规则：需由报告单位更正或说明。</translation>
    </message>
    <message>
        <source>Not decided yet: confirm it, or dismiss it with a reason.</source>
        <translation>尚未处理：请确认，或注明理由后排除。</translation>
    </message>
    <message>
        <source>%1, by %2 on %3</source>
        <translation>%1（%2，%3）</translation>
    </message>
    <message>
        <source>Fault</source>
        <translation>问题来源</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>处理</translation>
    </message>
</context>
<context>
    <name>nianbao::FindingsView</name>
    <message>
        <source>&amp;Confirm Finding</source>
        <translation>确认问题(&amp;C)</translation>
    </message>
    <message>
        <source>The agency must correct or explain it: it goes in the review opinion.</source>
        <translation>报告单位须更正或说明：列入审核意见。</translation>
    </message>
    <message>
        <source>&amp;Dismiss Finding…</source>
        <translation>排除问题(&amp;D)…</translation>
    </message>
    <message>
        <source>Set it aside with a reason (the agency confirmed the figure): it stays greyed in the list and is left out of the review opinion.</source>
        <translation>注明理由后排除（如单位已核实数字无误）：在列表中以灰色保留，不列入审核意见。</translation>
    </message>
    <message>
        <source>&amp;Reopen Finding</source>
        <translation>重新打开问题(&amp;R)</translation>
    </message>
    <message>
        <source>Dismiss Finding</source>
        <translation>排除问题</translation>
    </message>
    <message>
        <source>Why is this finding set aside? (for example: the agency confirmed the figure)</source>
        <translation>排除该问题的理由？（例如：单位已核实该数字无误）</translation>
    </message>
</context>
<context>
    <name>nianbao::FolderWalk</name>
    <message>
        <source>The folder %1 is nested more than %2 folders deep; it was not searched</source>
        <translation>文件夹 %1 的嵌套超过 %2 层，未搜索</translation>
    </message>
    <message>
        <source>The folder %1 cannot be read (permission denied); it was not searched</source>
        <translation>无法读取文件夹 %1（权限不足），未搜索</translation>
    </message>
    <message>
        <source>%1 is not a regular file (a device, pipe or socket, or a broken link)</source>
        <translation>%1 不是普通文件（是设备、管道、套接字或失效的链接）</translation>
    </message>
    <message>
        <source>%1: Nianbao does not read .%2 files (it reads %3)</source>
        <translation>%1：年报不读取 .%2 文件（可读取 %3）</translation>
    </message>
    <message>
        <source>The name of %1 is not UTF-8 (here read as GBK, as zips made on Windows write names), so it cannot be opened; rename it, or unpack the zip again with &quot;unzip -O GBK&quot;</source>
        <translation>%1 的文件名不是 UTF-8 编码（此处按 GBK 显示，Windows 上制作的 zip 常这样写文件名），因此无法打开；请重命名，或用 &quot;unzip -O GBK&quot; 重新解压</translation>
    </message>
    <message>
        <source>%1 has no extension and holds binary data that is not a report format Nianbao reads</source>
        <translation>%1 没有扩展名，内容为二进制数据，不是年报可读取的报告格式</translation>
    </message>
</context>
<context>
    <name>nianbao::FormTableModel</name>
    <message>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>As extracted: %1</source>
        <translation>原值：%1</translation>
    </message>
    <message>
        <source>In the source: “%1”</source>
        <translation>原文：“%1”</translation>
    </message>
    <message>
        <source>Suggested value: %1</source>
        <translation>建议值：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
    <message>
        <source>In the source: “%1”, read as missing, not 0</source>
        <translation>原文为“%1”，按缺失处理，不是 0</translation>
    </message>
    <message>
        <source>Year %1: %2</source>
        <comment>a year&apos;s figure in a cell&apos;s tooltip</comment>
        <translation>%1年：%2</translation>
    </message>
</context>
<context>
    <name>nianbao::HtmlLoader</name>
    <message>
        <source>The page holds no text to read: it may build its content with JavaScript or show the report as images. Open the page in a browser and save it (&quot;Save page as…, complete&quot;) or print it to PDF, then open that file; or open the report&apos;s Word or PDF attachment.</source>
        <translation>网页中没有可读取的文字：其内容可能由 JavaScript 生成，或以图片形式展示报告。请在浏览器中打开该网页并保存（“网页另存为…，网页，全部”）或打印为 PDF，然后打开该文件；也可打开报告的 Word 或 PDF 附件。</translation>
    </message>
    <message>
        <source>%1 invalid byte sequences in %2 text were replaced by � (first at byte %3)</source>
        <translation>%2 文本中有 %1 个无效字节序列已替换为 �（第一个位于第 %3 字节）</translation>
    </message>
    <message>
        <source>The page declares the unknown charset &quot;%1&quot;; its encoding was detected instead. If the text looks wrong, save the page from the browser as UTF-8 and open that copy.</source>
        <translation>网页声明的字符集“%1”无法识别，已改为自动检测编码。如果文字显示不正确，请在浏览器中将网页另存为 UTF-8 编码，然后打开另存的文件。</translation>
    </message>
    <message>
        <source>The page declares the charset &quot;%1&quot; but is written in %2; it was read as %2.</source>
        <translation>网页声明的字符集为“%1”，但实际编码为 %2；已按 %2 读取。</translation>
    </message>
    <message>
        <source>The page nests its elements more than %1 deep (line %2); it is damaged or built to break readers, and was not read. Open it in a browser and print it to PDF, then open that file.</source>
        <translation>该网页的元素嵌套超过 %1 层（第 %2 行）：网页已损坏或被刻意构造来破坏读取程序，因此未读取。请在浏览器中打开它并打印为 PDF，再打开该 PDF 文件。</translation>
    </message>
    <message>
        <source>The HTML parser could not start (out of memory?); the page was not read.</source>
        <translation>HTML 解析器无法启动（内存不足？），未读取该网页。</translation>
    </message>
</context>
<context>
    <name>nianbao::ImageLoader</name>
    <message>
        <source>Page %1 of the image is damaged; the pages before it are read.</source>
        <translation>图像第 %1 页已损坏；已读取其之前的页面。</translation>
    </message>
    <message>
        <source>Page %1 of the image is %2 × %3 pixels; Nianbao reads scans of at most %4 pixels a side and %5 million pixels (an A4 page scanned at 600 dpi is 4,961 × 7,016). Scan the report at 300 dpi.</source>
        <translation>图像第 %1 页为 %2 × %3 像素；年报审校读取的扫描件每边最多 %4 像素、总计最多 %5 百万像素（以 600 dpi 扫描的 A4 页面为 4,961 × 7,016）。请以 300 dpi 扫描报告。</translation>
    </message>
    <message>
        <source>The image cannot be read: it is damaged, incomplete or not a PNG, JPEG or TIFF image. Scan or download it again.</source>
        <translation>无法读取该图像：文件已损坏、不完整，或不是 PNG、JPEG、TIFF 图像。请重新扫描或下载。</translation>
    </message>
    <message>
        <source>The image has more than %1 pages; only the first %1 are read, more than any report has.</source>
        <translation>图像超过 %1 页；只读取前 %1 页，已多于任何报告的页数。</translation>
    </message>
    <message>
        <source>page %1 of the image</source>
        <translation>图像第 %1 页</translation>
    </message>
    <message numerus="yes">
        <source>OCR found no text in the image (%n page(s)): it is blank, or not a scan of a report.</source>
        <translation>
            <numerusform>OCR 在图像中未找到文字（%n 页）：图像为空白，或不是报告的扫描件。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::Importer</name>
    <message>
        <source>The connection to the review library %1 was lost (%2); trying again for up to %3 s</source>
        <translation>与审核库 %1 的连接已断开（%2）；将在 %3 秒内重试</translation>
    </message>
    <message>
        <source>The connection to the review library %1 was lost and did not come back within %2 s, so the import stopped; run it again to import the rest. Last error: %3</source>
        <translation>与审核库 %1 的连接已断开，%2 秒内未能恢复，导入已停止；请重新运行以导入其余文件。最后的错误：%3</translation>
    </message>
</context>
<context>
    <name>nianbao::LegacyWordLoader</name>
    <message>
        <source>This is an RTF file, which Nianbao does not read. Open it in Word, WPS or LibreOffice, save it as .docx (or PDF) and open that copy.</source>
        <translation>这是 RTF 文件，年报无法读取。请用 Word、WPS 或 LibreOffice 打开，另存为 .docx（或 PDF）后打开另存的文件。</translation>
    </message>
    <message>
        <source>The Word document is password-protected. Open it in Word or WPS with the password, remove the protection (File › Info › Protect Document) and save it, or ask the publisher for an open copy.</source>
        <translation>Word 文档受密码保护。请在 Word 或 WPS 中输入密码打开，取消保护（文件 › 信息 › 保护文档）后保存，或向发布机关索取未加密的版本。</translation>
    </message>
    <message>
        <source>This is a legacy Word (.doc) or WPS file, which Nianbao does not read. Open it in Word, WPS or LibreOffice and save it as .docx (or PDF), then open that copy.</source>
        <translation>这是旧版 Word（.doc）或 WPS 文件，年报无法读取。请用 Word、WPS 或 LibreOffice 打开并另存为 .docx（或 PDF），然后打开另存的文件。</translation>
    </message>
</context>
<context>
    <name>nianbao::LegendWidget</name>
    <message>
        <source>breaks a rule</source>
        <translation>违反勾稽关系</translation>
    </message>
    <message>
        <source>differs from the text</source>
        <translation>与正文不符</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>无法识别</translation>
    </message>
    <message>
        <source>deduced</source>
        <translation>推算</translation>
    </message>
    <message>
        <source>corrected</source>
        <translation>已更正</translation>
    </message>
</context>
<context>
    <name>nianbao::LibraryCommands</name>
    <message>
        <source>The review library: a SQLite file or postgresql://user@host/db (default: %1).</source>
        <translation>审核库：SQLite 文件或 postgresql://user@host/db（默认：%1）。</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Import report files and folders into a review library</source>
        <translation>将报告文件和文件夹导入审核库</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>要执行的命令。</translation>
    </message>
    <message>
        <source>Report files or folders.</source>
        <translation>报告文件或文件夹。</translation>
    </message>
    <message>
        <source>PATH...</source>
        <translation>PATH...</translation>
    </message>
    <message>
        <source>nianbao-cli import: no PATH given</source>
        <translation>nianbao-cli import：未指定 PATH</translation>
    </message>
    <message>
        <source>failed: %1: %2</source>
        <translation>失败：%1：%2</translation>
    </message>
    <message>
        <source>Export the cleaned data of a review library</source>
        <translation>导出审核库中整理后的数据</translation>
    </message>
    <message>
        <source>csv, csv-wide, xlsx or json.</source>
        <translation>csv、csv-wide、xlsx 或 json。</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>The file to write.</source>
        <translation>要写入的文件。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Only reports marked reviewed (已审核).</source>
        <translation>仅导出标记为“已审核”的报告。</translation>
    </message>
    <message>
        <source>nianbao-cli export: give --format csv|csv-wide|xlsx|json and --out FILE</source>
        <translation>nianbao-cli export：请指定 --format csv|csv-wide|xlsx|json 和 --out FILE</translation>
    </message>
    <message>
        <source>%1 reports written to %2</source>
        <translation>已将 %1 份报告写入 %2</translation>
    </message>
    <message>
        <source>skipped: %1</source>
        <translation>已跳过：%1</translation>
    </message>
    <message>
        <source>nianbao-cli import: %1 (%2 files not imported)</source>
        <translation>nianbao-cli import：%1（%2 个文件未导入）</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the library, %3 failed, %4 skipped (%5)</source>
        <translation>已导入 %1 个，库中已有 %2 个，失败 %3 个，跳过 %4 个（%5）</translation>
    </message>
    <message>
        <source>nianbao-cli import: interrupted; the reports imported so far are kept</source>
        <translation>nianbao-cli import：已中断；已导入的报告均已保留</translation>
    </message>
    <message>
        <source>Start CSV with a UTF-8 byte order mark, so Excel reads the Chinese right (the default).</source>
        <translation>CSV 文件以 UTF-8 字节顺序标记（BOM）开头，使 Excel 正确显示中文（默认）。</translation>
    </message>
    <message>
        <source>Write CSV without the byte order mark, for tools that take it as part of the first column&apos;s name.</source>
        <translation>写出不带字节顺序标记（BOM）的 CSV，供会把它当作第一列列名一部分的工具使用。</translation>
    </message>
    <message>
        <source>nianbao-cli export: give --bom or --no-bom, not both</source>
        <translation>nianbao-cli export：请只给出 --bom 或 --no-bom 之一</translation>
    </message>
    <message>
        <source>OCR, page %1 of %2</source>
        <translation>OCR，第 %1 页，共 %2 页</translation>
    </message>
    <message>
        <source>OCR, page %1</source>
        <translation>OCR，第 %1 页</translation>
    </message>
</context>
<context>
    <name>nianbao::OcrEngine</name>
    <message>
        <source>The page image could not be prepared for OCR (Leptonica failed on it): it is damaged or in a form Nianbao does not read.</source>
        <translation>无法为 OCR 准备该页图像（Leptonica 处理失败）：图像已损坏，或为年报审校不支持的格式。</translation>
    </message>
    <message>
        <source>OCR is not available: Tesseract or its Chinese language data (chi_sim) is not installed. Install tesseract-ocr-chi-sim, or open a text version of the report.</source>
        <translation>OCR 不可用：未安装 Tesseract 或其中文语言数据（chi_sim）。请安装 tesseract-ocr-chi-sim，或打开报告的文字版本。</translation>
    </message>
</context>
<context>
    <name>nianbao::OpinionCommand</name>
    <message>
        <source>%1 is not a folder</source>
        <translation>%1 不是文件夹</translation>
    </message>
    <message>
        <source>Cannot write to the folder %1</source>
        <translation>无法写入文件夹 %1</translation>
    </message>
    <message>
        <source>%1: %2 findings that doubt the reading, not the report, are left out (--include-reading lists them)</source>
        <translation>%1：%2 项属于识别存疑而非报告问题，未列入（--include-reading 可列入）</translation>
    </message>
    <message>
        <source>Write a review opinion (审核意见, .docx) for each report: from FILEs, or from the review library&apos;s stored reviews with their corrections and notes</source>
        <translation>为每份报告写出审核意见（.docx）：来自所给文件，或来自审核库中保存的审核结果（含更正与备注）</translation>
    </message>
    <message>
        <source>The folder to write to.</source>
        <translation>写入的文件夹。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>The review library (default: %1).</source>
        <translation>审核库（默认：%1）。</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>Who signs the opinions (default: the last reviewer who corrected).</source>
        <translation>审核意见的署名人（默认：最后一位作出更正的审核人）。</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>The opinions&apos; date (default: today).</source>
        <translation>审核意见的日期（默认：今天）。</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Also list findings that doubt Nianbao&apos;s reading rather than the report.</source>
        <translation>同时列出属于识别存疑、而非报告本身的问题。</translation>
    </message>
    <message>
        <source>The command.</source>
        <translation>命令。</translation>
    </message>
    <message>
        <source>Report files (default: the library&apos;s reports).</source>
        <translation>报告文件（默认：审核库中的报告）。</translation>
    </message>
    <message>
        <source>[FILE...]</source>
        <translation>[文件...]</translation>
    </message>
    <message>
        <source>usage: nianbao-cli opinion --out DIR [--library L | FILE...] [--reviewer NAME] [--date YYYY-MM-DD] [--include-reading]</source>
        <translation>用法：nianbao-cli opinion --out 文件夹 [--library L | 文件...] [--reviewer 姓名] [--date YYYY-MM-DD] [--include-reading]</translation>
    </message>
    <message>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>%1 opinions written to %2</source>
        <translation>已将 %1 份审核意见写入 %2</translation>
    </message>
</context>
<context>
    <name>nianbao::OpinionPrinter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write to the folder %1.</source>
        <translation>无法写入文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>nianbao::OtherYearPane</name>
    <message>
        <source>Previous year (%1)</source>
        <translation>上年（%1年）</translation>
    </message>
    <message>
        <source>Next year (%1)</source>
        <translation>下年（%1年）</translation>
    </message>
    <message>
        <source>The same agency&apos;s report of %1, as the library holds it (read-only)</source>
        <translation>同一机关%1年度报告（审核库所存，只读）</translation>
    </message>
    <message>
        <source>Which of the agency&apos;s other years to show</source>
        <translation>显示该机关哪一年度的报告</translation>
    </message>
</context>
<context>
    <name>nianbao::OverviewView</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报告数</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>By rule</source>
        <translation>按规则</translation>
    </message>
    <message>
        <source>By agency</source>
        <translation>按机关</translation>
    </message>
    <message>
        <source>By year</source>
        <translation>按年度</translation>
    </message>
    <message>
        <source>Most errors</source>
        <translation>错误最多</translation>
    </message>
    <message>
        <source>Most unread cells</source>
        <translation>未读单元格最多</translation>
    </message>
    <message>
        <source>Most missing cells</source>
        <translation>空缺单元格最多</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>未读</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>空缺</translation>
    </message>
    <message>
        <source>Latest report: %1</source>
        <translation>最近一份报告：%1年</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n 份报告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The rules, cells and trend do not cover %n report(s) imported by an older version: open or re-check them.</source>
        <translation>
            <numerusform>按规则、单元格和趋势的统计未涵盖由旧版本导入的 %n 份报告：请打开或重新检查它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 over the years</source>
        <translation>%1 历年情况</translation>
    </message>
    <message>
        <source>New requests</source>
        <translation>新收申请</translation>
    </message>
    <message>
        <source>Requests handled</source>
        <translation>办结</translation>
    </message>
    <message>
        <source>Reconsiderations</source>
        <translation>复议</translation>
    </message>
    <message>
        <source>Lawsuits</source>
        <translation>诉讼</translation>
    </message>
</context>
<context>
    <name>nianbao::PageSource</name>
    <message>
        <source>%1 is not a PDF or an image: it has no pages to show.</source>
        <translation>%1 不是 PDF 或图片，没有可显示的页面。</translation>
    </message>
    <message>
        <source>The file %1 is no longer there, so its pages cannot be shown.</source>
        <translation>文件 %1 已不在原处，无法显示其页面。</translation>
    </message>
    <message>
        <source>The file %1 is larger than %2 MB; its pages are not shown.</source>
        <translation>文件 %1 大于 %2 MB，不显示其页面。</translation>
    </message>
    <message>
        <source>The file %1 cannot be read (%2), so its pages cannot be shown.</source>
        <translation>无法读取文件 %1（%2），无法显示其页面。</translation>
    </message>
    <message>
        <source>The file %1 has changed since it was imported, so its pages would not match this report. Open the file again to review it as it is now.</source>
        <translation>文件 %1 在导入后已被修改，其页面与本报告不再对应。请重新打开该文件，按其现状审核。</translation>
    </message>
    <message>
        <source>Page %1 of %2 cannot be shown: the file could not be rendered.</source>
        <translation>无法显示第 %1 页（共 %2 页）：文件无法渲染。</translation>
    </message>
</context>
<context>
    <name>nianbao::PageView</name>
    <message>
        <source>This report could not be opened:

%1</source>
        <translation>无法打开此报告：

%1</translation>
    </message>
    <message>
        <source>Where this report&apos;s text stands on its pages is not known (the library keeps it for reports imported by this version on), so no cell is outlined. Delete the report and open its file again to see its cells on the pages.</source>
        <translation>不知道本报告的文字在页面上的位置（审核库从本版本起才为导入的报告保存该信息），因此不标出单元格。从库中删除该报告并重新打开其文件，即可在页面上看到单元格。</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3%</source>
        <translation>第 %1 页，共 %2 页 · %3%</translation>
    </message>
    <message>
        <source> · read by OCR</source>
        <translation> · 经 OCR 识别</translation>
    </message>
</context>
<context>
    <name>nianbao::PdfLoader</name>
    <message>
        <source>The PDF is too large to read.</source>
        <translation>PDF 文件过大，无法读取。</translation>
    </message>
    <message>
        <source>The file cannot be opened as a PDF: it is damaged, incomplete or not a PDF at all (a web page saved under a .pdf name, say). Download it again, or open the report&apos;s HTML or Word version.</source>
        <translation>无法作为 PDF 打开该文件：文件已损坏、不完整，或者根本不是 PDF（例如以 .pdf 为扩展名保存的网页）。请重新下载，或打开报告的 HTML 或 Word 版本。</translation>
    </message>
    <message>
        <source>The PDF is password-protected. Open it with its password in a PDF reader and print or save it as an unprotected PDF, or ask the publisher for an open copy; then open that file.</source>
        <translation>PDF 受密码保护。请在 PDF 阅读器中输入密码打开，打印或另存为未加密的 PDF，或向发布机关索取未加密的版本；然后打开该文件。</translation>
    </message>
    <message>
        <source>Much of the PDF&apos;s text cannot be mapped to characters (its fonts lack a Unicode table), so it reads as garbage. Run OCR on the PDF, or open a text version of the report.</source>
        <translation>PDF 中的大部分文字无法对应到字符（其字体缺少 Unicode 映射表），读出来是乱码。请对该 PDF 进行 OCR 文字识别，或打开报告的文本版本。</translation>
    </message>
    <message>
        <source>The table from page %1 to page %2 (%3 lines) would take %4 grid cells, more than %5; far more than a report&apos;s table, so its lines are written as they stand, without aligning their columns.</source>
        <translation>第 %1 页至第 %2 页的表格（%3 行）将占用 %4 个网格单元格，超过 %5；远多于报告中的表格，因此各行按原样写出，不对齐列。</translation>
    </message>
    <message>
        <source>The PDF&apos;s embedded fonts inflate to more than %1 MB, far more than any report&apos;s: it is a decompression bomb or not a report, and is not read.</source>
        <translation>该 PDF 的嵌入字体解压后超过 %1 MB，远多于任何报告：它是解压炸弹或并非报告，不予读取。</translation>
    </message>
    <message>
        <source>The PDF&apos;s compressed streams inflate to more than %1 MB, far more than any report&apos;s (a few MB): it is a decompression bomb or not a report, and is not read.</source>
        <translation>该 PDF 的压缩流解压后超过 %1 MB，远多于任何报告（几 MB）：它是解压炸弹或并非报告，不予读取。</translation>
    </message>
    <message>
        <source>page %1 of the PDF</source>
        <translation>PDF 第 %1 页</translation>
    </message>
    <message>
        <source>The PDF has %1 pages; only the first %2 are read, far more than any report has.</source>
        <translation>该 PDF 有 %1 页；只读取前 %2 页，这已远多于任何报告的页数。</translation>
    </message>
    <message>
        <source>Pages %1 of the PDF hold more than %2 words each, far more than a page of a report; only the first %2 of each are read.</source>
        <translation>PDF 第 %1 页每页超过 %2 个词，远多于报告的一页；每页只读取前 %2 个。</translation>
    </message>
    <message>
        <source>The PDF&apos;s text runs sideways (its pages are turned, or printed in landscape on portrait pages): Nianbao reads upright text only. Rotate the pages upright in a PDF editor and save the file, or open a text version of the report (HTML, Word).</source>
        <translation>该 PDF 的文字是横向的（页面被旋转，或横向内容印在纵向页面上）：Nianbao 只读取正向文字。请在 PDF 编辑器中将页面旋转为正向并保存，或打开报告的文本版本（HTML、Word）。</translation>
    </message>
    <message>
        <source>Pages %1 of the PDF hold only text that runs sideways; figures on them cannot be read. Rotate those pages upright in a PDF editor and save the file.</source>
        <translation>PDF 第 %1 页只有横向文字，其中的数字无法读取。请在 PDF 编辑器中将这些页面旋转为正向并保存。</translation>
    </message>
    <message>
        <source>Reading the PDF needed more than %1 GB of memory, far more than any report needs (some 30 MB): it is a decompression bomb or not a report, and is not read. Open the report&apos;s HTML or Word version.</source>
        <translation>读取该 PDF 需要超过 %1 GB 内存，远超任何年报所需（约 30 MB）：它是解压炸弹或并非年报，未予读取。请打开该报告的 HTML 或 Word 版本。</translation>
    </message>
    <message>
        <source>Reading the PDF crashed the PDF reader (Poppler), or needed more than %1 GB of memory: it is damaged, a decompression bomb or not a report, and is not read. Download it again, or open the report&apos;s HTML or Word version.</source>
        <translation>读取该 PDF 时 PDF 阅读组件（Poppler）崩溃，或需要超过 %1 GB 内存：文件已损坏、是解压炸弹或并非年报，未予读取。请重新下载，或打开该报告的 HTML 或 Word 版本。</translation>
    </message>
    <message>
        <source>The PDF could not be read: the system has no process or file handle left to read it in. Close other programs and read it again.</source>
        <translation>无法读取该 PDF：系统已没有可用的进程或文件句柄来读取它。请关闭其他程序后重新读取。</translation>
    </message>
    <message>
        <source>Pages %1 of the PDF have no text layer, and OCR read no text on them; figures on them cannot be read. Check them against the PDF.</source>
        <translation>PDF 第 %1 页没有文字层，OCR 也未识别出文字；其上的数字无法读取。请对照 PDF 核对。</translation>
    </message>
    <message>
        <source>The PDF has more than %1 scanned pages; only the first %1 are read with OCR, more than any report has.</source>
        <translation>PDF 扫描页超过 %1 页；只对前 %1 页进行 OCR，已多于任何报告的页数。</translation>
    </message>
    <message>
        <source>page %1 of the PDF (OCR)</source>
        <translation>PDF 第 %1 页（OCR）</translation>
    </message>
    <message>
        <source>The PDF has no text layer (it is a scan), and OCR could not run: Tesseract or its Chinese language data (chi_sim) is missing. Install tesseract-ocr-chi-sim, or open a text version of the report (HTML, Word).</source>
        <translation>该 PDF 没有文字层（为扫描件），且 OCR 无法运行：缺少 Tesseract 或其中文语言数据（chi_sim）。请安装 tesseract-ocr-chi-sim，或打开报告的文字版本（HTML、Word）。</translation>
    </message>
    <message>
        <source>The PDF has no text layer (it is a scan), and OCR found no text on its pages: they are blank or hold only pictures. Open a text version of the report (HTML, Word).</source>
        <translation>该 PDF 没有文字层（为扫描件），OCR 在其页面上也未找到文字：页面为空白或只有图片。请打开报告的文字版本（HTML、Word）。</translation>
    </message>
</context>
<context>
    <name>nianbao::ReadBudget</name>
    <message>
        <source>Reading was cancelled (at %1).</source>
        <translation>读取已取消（在%1）。</translation>
    </message>
    <message>
        <source>Reading stopped at %1: the file took more than the %2 s one file may take, far longer than any report; it is larger or more complex than a report can be.</source>
        <translation>读取在%1停止：该文件耗时超过单个文件允许的 %2 秒，远长于任何报告；它比报告可能的规模更大或更复杂。</translation>
    </message>
</context>
<context>
    <name>nianbao::ReportListModel</name>
    <message>
        <source>Could not open: %1</source>
        <translation>无法打开：%1</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>机关</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message numerus="yes">
        <source>%n cell(s) blank or unreadable</source>
        <translation>
            <numerusform>%n 个单元格空白或无法识别</numerusform>
        </translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Cells blank or unreadable</source>
        <translation>空白或无法识别的单元格</translation>
    </message>
    <message>
        <source>Last changed %1</source>
        <translation>最后修改于 %1</translation>
    </message>
    <message>
        <source>Last changed by %1, %2</source>
        <translation>最后修改：%1，%2</translation>
    </message>
    <message numerus="yes">
        <source>[Summary of %n] %1</source>
        <translation>
            <numerusform>【汇总 %n 份】%1</numerusform>
        </translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>Summary of %n report(s): %1</source>
        <translation>
            <numerusform>汇总以下 %n 份报告：%1</numerusform>
        </translation>
    </message>
    <message>
        <source>Counted in the summary: %1</source>
        <translation>计入汇总报告：%1</translation>
    </message>
</context>
<context>
    <name>nianbao::ReportPrinter</name>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>没有发现问题。</translation>
    </message>
    <message>
        <source>Marks: %1 rule broken, %2 missing, %3 unreadable, %4 deduced, %5 corrected.</source>
        <translation>标记：%1 违反勾稽关系，%2 缺失，%3 无法识别，%4 推算，%5 已更正。</translation>
    </message>
    <message>
        <source>This report could not be opened: %1</source>
        <translation>无法打开此报告：%1</translation>
    </message>
    <message>
        <source>Review status: %1</source>
        <translation>审核状态：%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>备注：%1</translation>
    </message>
</context>
<context>
    <name>nianbao::ReportReader</name>
    <message>
        <source>No statistical tables (sections 二, 三, 四) were found in %1</source>
        <translation>在 %1 中没有找到统计表（第二、三、四部分）</translation>
    </message>
    <message>
        <source>Line %1 begins a second report (%2); only the first report, above it, is read</source>
        <translation>第 %1 行开始另一份报告（%2）；只读取其上方的第一份报告</translation>
    </message>
    <message>
        <source>No such file: %1</source>
        <translation>没有这个文件：%1</translation>
    </message>
    <message>
        <source>Not a file: %1</source>
        <translation>不是文件：%1</translation>
    </message>
    <message>
        <source>The file is %1 MB; reports larger than %2 MB are not read: %3</source>
        <translation>文件大小为 %1 MB；超过 %2 MB 的报告不予读取：%3</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Table 二 (%1) has the columns of the form before 2021 (本年新制作数量, 对外公开总数量, 上一年项目数量); its figures are not read into the 2021 form&apos;s cells</source>
        <translation>表二（%1）采用 2021 年以前格式的栏目（本年新制作数量、对外公开总数量、上一年项目数量），其数字不读入 2021 年格式的单元格</translation>
    </message>
    <message>
        <source>%1 is a report for %2, in the form used before 2021; Nianbao reads the national form of 2021 (国办公开办函〔2021〕30号), from the 2021 reports on</source>
        <translation>%1 是 %2 年度的报告，采用 2021 年以前的格式；本软件读取 2021 年起使用的全国统一格式（国办公开办函〔2021〕30号）</translation>
    </message>
    <message>
        <source>%1 is a report for %2, before the national form of 2021; its tables are read where they have the 2021 form&apos;s rows and columns</source>
        <translation>%1 是 %2 年度的报告，早于 2021 年的全国统一格式；只读取其中与 2021 年格式行列相同的表格</translation>
    </message>
    <message>
        <source>the end of loading</source>
        <translation>加载结束时</translation>
    </message>
    <message>
        <source>The document holds more than %L1 lines, far more than a report; the lines after line %L1 are not read</source>
        <translation>文档超过 %L1 行，远多于一份报告；第 %L1 行之后的内容不读取</translation>
    </message>
    <message>
        <source>Line %1 is longer than %L2 characters, far longer than a report&apos;s; the rest of it is not read</source>
        <translation>第 %1 行超过 %L2 个字符，远长于报告中的行；该行其余部分不读取</translation>
    </message>
    <message>
        <source>the layout of the lines</source>
        <translation>行的版式分析</translation>
    </message>
    <message>
        <source>the figures stated in the text</source>
        <translation>正文中陈述的数字</translation>
    </message>
    <message>
        <source>the tables</source>
        <translation>表格</translation>
    </message>
    <message>
        <source>the figures run together</source>
        <translation>连写的数字</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewLibrary</name>
    <message>
        <source>The Qt Sql driver for %1 is not installed (package %2)</source>
        <translation>未安装 %1 的 Qt SQL 驱动（软件包 %2）</translation>
    </message>
    <message>
        <source>Cannot open the review library %1: %2</source>
        <translation>无法打开审核库 %1：%2</translation>
    </message>
    <message>
        <source>The review library %1 was written by a newer Nianbao (schema %2; this version reads up to %3)</source>
        <translation>审核库 %1 由更新版本的年报写入（数据库结构版本 %2；本版本最高只能读取版本 %3）</translation>
    </message>
    <message>
        <source>store a cell</source>
        <translation>保存单元格</translation>
    </message>
    <message>
        <source>store a stated figure</source>
        <translation>保存正文所述数字</translation>
    </message>
    <message>
        <source>The review library has no report with id %1</source>
        <translation>审核库中没有 ID 为 %1 的报告</translation>
    </message>
    <message>
        <source>Someone else changed this report since you opened it (you had version %1). Your change was not saved; reload the report to see theirs.</source>
        <translation>自您打开此报告以来，其他人已修改了它（您打开的是第 %1 版）。您的修改未保存；请重新载入报告以查看对方的修改。</translation>
    </message>
    <message>
        <source>The review library could not %1: %2</source>
        <translation>审核库无法%1：%2</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>run a statement</source>
        <translation>执行语句</translation>
    </message>
    <message>
        <source>prepare a statement</source>
        <translation>准备语句</translation>
    </message>
    <message>
        <source>begin a change</source>
        <translation>开始修改</translation>
    </message>
    <message>
        <source>no reason given (the connection may have been lost)</source>
        <translation>未给出原因（连接可能已断开）</translation>
    </message>
    <message>
        <source>No review library was named</source>
        <translation>未指定审核库</translation>
    </message>
    <message>
        <source>%1 is not a PostgreSQL URL of the form postgresql://user:password@host[:port]/database</source>
        <translation>%1 不是 postgresql://用户:密码@主机[:端口]/数据库 形式的 PostgreSQL 地址</translation>
    </message>
    <message>
        <source>%1: a review library is a SQLite file or a postgresql:// URL; the scheme %2 is not supported</source>
        <translation>%1：审核库须为 SQLite 文件或 postgresql:// 地址，不支持 %2 协议</translation>
    </message>
    <message>
        <source>%1 is not a file, so it cannot be a review library</source>
        <translation>%1 不是文件，不能作为审核库</translation>
    </message>
    <message>
        <source>There is no review library at %1 (reading it creates none; check the name, or import reports into it first)</source>
        <translation>%1 处没有审核库（读取时不会新建；请检查名称，或先向其中导入报告）</translation>
    </message>
    <message>
        <source>%1 is not a SQLite database, so it is not a Nianbao review library; it was left as it is</source>
        <translation>%1 不是 SQLite 数据库，因此不是年报审核库；未作任何改动</translation>
    </message>
    <message>
        <source>The review library %1 is read-only here (%2 is not writable): it can be exported, but nothing can be imported into it or changed</source>
        <translation>审核库 %1 在此处为只读（%2 不可写）：可以导出，但不能向其中导入或修改</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder</source>
        <translation>%1 是文件，不是文件夹</translation>
    </message>
    <message>
        <source>%1 is not writable</source>
        <translation>%1 不可写</translation>
    </message>
    <message>
        <source>Cannot create the review library %1: %2</source>
        <translation>无法创建审核库 %1：%2</translation>
    </message>
    <message>
        <source>%1 is a database of another application (tables: %2), not a Nianbao review library; it was left as it is. Choose another --library.</source>
        <translation>%1 是其他应用程序的数据库（表：%2），不是年报审核库；未作任何改动。请另选 --library。</translation>
    </message>
    <message>
        <source>The review library %1 is empty: no report was ever imported into it</source>
        <translation>审核库 %1 是空的：从未导入过报告</translation>
    </message>
    <message>
        <source>The review library %1 was written by an older Nianbao (schema %2); import into it or open it in the window once to update it, then read it again</source>
        <translation>审核库 %1 由旧版年报写入（架构 %2）；请先向其中导入或在窗口中打开一次以完成升级，再读取</translation>
    </message>
    <message>
        <source>The form has no cell “%1”.</source>
        <translation>表中没有“%1”这一格。</translation>
    </message>
    <message>
        <source>A report cannot be one of the units of its own summary</source>
        <translation>报告不能作为其自身汇总的所属单位</translation>
    </message>
    <message>
        <source>store a finding</source>
        <translation>保存一条问题</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewOpinion</name>
    <message>
        <source>审核意见备注：%1</source>
        <translation>审核意见备注：%1</translation>
    </message>
    <message>
        <source>审核人：%1</source>
        <translation>审核人：%1</translation>
    </message>
    <message>
        <source>需要更正或说明的问题</source>
        <translation>需要更正或说明的问题</translation>
    </message>
    <message>
        <source>%1（无法辨认）</source>
        <translation>%1（无法辨认）</translation>
    </message>
    <message>
        <source>空白</source>
        <translation>空白</translation>
    </message>
    <message>
        <source>表%1</source>
        <translation>表%1</translation>
    </message>
    <message>
        <source>第%1行%2</source>
        <translation>第%1行%2</translation>
    </message>
    <message>
        <source>第%1列%2</source>
        <translation>第%1列%2</translation>
    </message>
    <message>
        <source>%1为 %2</source>
        <translation>%1为 %2</translation>
    </message>
    <message>
        <source>%1至%2各项之和为 %3</source>
        <translation>%1至%2各项之和为 %3</translation>
    </message>
    <message>
        <source>报告所列：%1；%2。</source>
        <translation>报告所列：%1；%2。</translation>
    </message>
    <message>
        <source>按勾稽关系（%1），%2，而 %3，两者应当相等，现相差 %4。</source>
        <translation>按勾稽关系（%1），%2，而 %3，两者应当相等，现相差 %4。</translation>
    </message>
    <message>
        <source>有 %1 种单处更正均能使勾稽关系成立，请据实核对各项数字。</source>
        <translation>有 %1 种单处更正均能使勾稽关系成立，请据实核对各项数字。</translation>
    </message>
    <message>
        <source>请核实上述数字，更正有误之处；如数字无误，请书面说明理由。</source>
        <translation>请核实上述数字，更正有误之处；如数字无误，请书面说明理由。</translation>
    </message>
    <message>
        <source>正文称%1，表格中该格填报为 %2。</source>
        <translation>正文称%1，表格中该格填报为 %2。</translation>
    </message>
    <message>
        <source>正文所述数字与表格数字应当一致。</source>
        <translation>正文所述数字与表格数字应当一致。</translation>
    </message>
    <message>
        <source>请核实正文与表格，统一更正为准确数字。</source>
        <translation>请核实正文与表格，统一更正为准确数字。</translation>
    </message>
    <message>
        <source>报告中该格为 %1。</source>
        <translation>报告中该格为 %1。</translation>
    </message>
    <message>
        <source>报告中该格填写为 %1，未填数字。</source>
        <translation>报告中该格填写为 %1，未填数字。</translation>
    </message>
    <message>
        <source>报告中该格未填写数字（空白）。</source>
        <translation>报告中该格未填写数字（空白）。</translation>
    </message>
    <message>
        <source>按勾稽关系，该格应为 %1。</source>
        <translation>按勾稽关系，该格应为 %1。</translation>
    </message>
    <message>
        <source>该行各格均未填写，通常表示没有发生，应填 0。</source>
        <translation>该行各格均未填写，通常表示没有发生，应填 0。</translation>
    </message>
    <message>
        <source>勾稽关系不能确定该格数字。</source>
        <translation>勾稽关系不能确定该格数字。</translation>
    </message>
    <message>
        <source>请补填该格数字（没有发生的填 0）。</source>
        <translation>请补填该格数字（没有发生的填 0）。</translation>
    </message>
    <message>
        <source>%1整行</source>
        <translation>%1整行</translation>
    </message>
    <message>
        <source>%1的%2</source>
        <translation>%1的%2</translation>
    </message>
    <message>
        <source>按勾稽关系，该格应为 0。</source>
        <translation>按勾稽关系，该格应为 0。</translation>
    </message>
    <message>
        <source>请在该格填写 0。</source>
        <translation>请在该格填写 0。</translation>
    </message>
    <message>
        <source>%1（%2 格）</source>
        <translation>%1（%2 格）</translation>
    </message>
    <message>
        <source>以下 %1 格未填写数字（空白）：%2。</source>
        <translation>以下 %1 格未填写数字（空白）：%2。</translation>
    </message>
    <message>
        <source>件数为非负整数，其余各格已合成总计，按勾稽关系这些格均应为 0。</source>
        <translation>件数为非负整数，其余各格已合成总计，按勾稽关系这些格均应为 0。</translation>
    </message>
    <message>
        <source>请在上述空白格中填写 0。</source>
        <translation>请在上述空白格中填写 0。</translation>
    </message>
    <message>
        <source>报告中该格填报为 %1。</source>
        <translation>报告中该格填报为 %1。</translation>
    </message>
    <message>
        <source>收费金额（万元）不能为负数。</source>
        <translation>收费金额（万元）不能为负数。</translation>
    </message>
    <message>
        <source>件数应为不小于 0 的整数。</source>
        <translation>件数应为不小于 0 的整数。</translation>
    </message>
    <message>
        <source>请核实更正。</source>
        <translation>请核实更正。</translation>
    </message>
    <message>
        <source>该行各列数字连写为%1，无法确定各列数字。</source>
        <translation>该行各列数字连写为%1，无法确定各列数字。</translation>
    </message>
    <message>
        <source>按勾稽关系有 %1 种分法。</source>
        <translation>按勾稽关系有 %1 种分法。</translation>
    </message>
    <message>
        <source>请提供该行各列的准确数字。</source>
        <translation>请提供该行各列的准确数字。</translation>
    </message>
    <message>
        <source>本年报告该格填报为 %1。</source>
        <translation>本年报告该格填报为 %1。</translation>
    </message>
    <message>
        <source>上一年度报告「四、结转下年度继续办理」为 %1，两年数字应当衔接。</source>
        <translation>上一年度报告「四、结转下年度继续办理」为 %1，两年数字应当衔接。</translation>
    </message>
    <message>
        <source>请核实更正，或说明两年数字不一致的原因。</source>
        <translation>请核实更正，或说明两年数字不一致的原因。</translation>
    </message>
    <message>
        <source>正文称%1，所占比例为 %2%。</source>
        <translation>正文称%1，所占比例为 %2%。</translation>
    </message>
    <message>
        <source>按表格中的数字计算，该比例为 %1%。</source>
        <translation>按表格中的数字计算，该比例为 %1%。</translation>
    </message>
    <message>
        <source>正文称%1，为 %2。</source>
        <translation>正文称%1，为 %2。</translation>
    </message>
    <message>
        <source>表格中相应各格合计为 %1，两者应当一致。</source>
        <translation>表格中相应各格合计为 %1，两者应当一致。</translation>
    </message>
    <message>
        <source>请核实正文与表格，更正不一致之处。</source>
        <translation>请核实正文与表格，更正不一致之处。</translation>
    </message>
    <message>
        <source>按上一年度现行有效件数加本年制发、减本年废止计算，应为 %1（其他文件废止或失效的除外）。</source>
        <translation>按上一年度现行有效件数加本年制发、减本年废止计算，应为 %1（其他文件废止或失效的除外）。</translation>
    </message>
    <message>
        <source>请核实更正，或说明两年数字不衔接的原因。</source>
        <translation>请核实更正，或说明两年数字不衔接的原因。</translation>
    </message>
    <message>
        <source>%1由 %2 改为 %3（%4，%5）</source>
        <translation>%1由 %2 改为 %3（%4，%5）</translation>
    </message>
    <message>
        <source>结合正文与勾稽关系，%1应为 %2。</source>
        <translation>结合正文与勾稽关系，%1应为 %2。</translation>
    </message>
    <message>
        <source>按勾稽关系，%1应为 %2。</source>
        <translation>按勾稽关系，%1应为 %2。</translation>
    </message>
    <message>
        <source>关于政府信息公开工作年度报告（%1）的审核意见</source>
        <translation>关于政府信息公开工作年度报告（%1）的审核意见</translation>
    </message>
    <message>
        <source>关于%1政府信息公开工作年度报告的审核意见</source>
        <translation>关于%1政府信息公开工作年度报告的审核意见</translation>
    </message>
    <message>
        <source>关于%1%2年政府信息公开工作年度报告的审核意见</source>
        <translation>关于%1%2年政府信息公开工作年度报告的审核意见</translation>
    </message>
    <message>
        <source>你单位%1年政府信息公开工作年度报告</source>
        <translation>你单位%1年政府信息公开工作年度报告</translation>
    </message>
    <message>
        <source>你单位政府信息公开工作年度报告</source>
        <translation>你单位政府信息公开工作年度报告</translation>
    </message>
    <message>
        <source>%1的文件无法读取（%2），请重新报送可以读取的报告文件。</source>
        <translation>%1的文件无法读取（%2），请重新报送可以读取的报告文件。</translation>
    </message>
    <message>
        <source>经审核，%1的表格数据未发现需要更正的问题。</source>
        <translation>经审核，%1的表格数据未发现需要更正的问题。</translation>
    </message>
    <message>
        <source>经审核，%1存在以下 %2 处问题，请逐项核实，予以更正或作出书面说明，并将更正后的报告及说明报送我办。</source>
        <translation>经审核，%1存在以下 %2 处问题，请逐项核实，予以更正或作出书面说明，并将更正后的报告及说明报送我办。</translation>
    </message>
    <message>
        <source>另有 %1 项经核实不再列入。</source>
        <translation>另有 %1 项经核实不再列入。</translation>
    </message>
    <message>
        <source>未审核</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>审核中</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>已审核</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>存疑</source>
        <translation>存疑</translation>
    </message>
    <message>
        <source>%1年%2月%3日</source>
        <translation>%1年%2月%3日</translation>
    </message>
    <message>
        <source>报告单位</source>
        <translation>报告单位</translation>
    </message>
    <message>
        <source>年度</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>报告文件</source>
        <translation>报告文件</translation>
    </message>
    <message>
        <source>审核状态</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>审核人</source>
        <translation>审核人</translation>
    </message>
    <message>
        <source>（已确认）</source>
        <translation>（已确认）</translation>
    </message>
    <message>
        <source>审核更正：%1</source>
        <translation>审核更正：%1</translation>
    </message>
    <message>
        <source>审核备注：%1</source>
        <translation>审核备注：%1</translation>
    </message>
    <message>
        <source>审核状态：%1</source>
        <translation>审核状态：%1</translation>
    </message>
    <message>
        <source>-审核意见</source>
        <translation>-审核意见</translation>
    </message>
    <message>
        <source>汇总报告该格填报为 %1。</source>
        <translation>汇总报告该格填报为 %1。</translation>
    </message>
    <message>
        <source>所属单位报告相应数字之和为 %1（汇总报告另含本机关数字的除外）。</source>
        <translation>所属单位报告相应数字之和为 %1（汇总报告另含本机关数字的除外）。</translation>
    </message>
    <message>
        <source>请核实更正，或说明汇总数与所属单位之和不一致的原因。</source>
        <translation>请核实更正，或说明汇总数与所属单位之和不一致的原因。</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewPanel</name>
    <message>
        <source>Select a cell in a table or a figure in the text.</source>
        <translation>请在表格中选择单元格，或在正文中点击数字。</translation>
    </message>
    <message>
        <source>Value: %1 (%2)</source>
        <translation>当前值：%1（%2）</translation>
    </message>
    <message>
        <source>As extracted: %1 (%2)</source>
        <translation>原值：%1（%2）</translation>
    </message>
    <message>
        <source>In the source: “%1”</source>
        <translation>原文：“%1”</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Review &amp;status:</source>
        <translation>审核状态(&amp;S)：</translation>
    </message>
    <message>
        <source>Note on the &amp;report:</source>
        <translation>报告备注(&amp;R)：</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>单元格</translation>
    </message>
    <message>
        <source>Note on the c&amp;ell:</source>
        <translation>单元格备注(&amp;E)：</translation>
    </message>
    <message>
        <source>Problems reading this report:</source>
        <translation>读取本报告时发现的问题：</translation>
    </message>
    <message>
        <source>The figures are run together. Choose how they split:</source>
        <translation>数字连在一起。请选择拆分方式：</translation>
    </message>
    <message>
        <source>Fill the row&apos;s cells with these figures</source>
        <translation>用这些数字填入该行的单元格</translation>
    </message>
    <message>
        <source>Choose how the figures of %1 split</source>
        <translation>选择 %1 的数字拆分方式</translation>
    </message>
    <message>
        <source>&lt;i&gt;%1:&lt;/i&gt; %2</source>
        <translation>&lt;i&gt;%1：&lt;/i&gt;%2</translation>
    </message>
    <message>
        <source>A&amp;gency:</source>
        <translation>机关(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>, </source>
        <comment>between page numbers</comment>
        <translation>、</translation>
    </message>
    <message>
        <source>OCR, page %1</source>
        <translation>OCR，第 %1 页</translation>
    </message>
    <message>
        <source>OCR, pages %1</source>
        <translation>OCR，第 %1 页</translation>
    </message>
    <message>
        <source>The text of these pages was read from their image by optical character recognition: compare doubtful figures with the page (Alt+6).</source>
        <translation>这些页面的文字是用光学字符识别（OCR）从图像中读出的：有疑问的数字请与页面对照（Alt+6）。</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewSession</name>
    <message>
        <source>“%1” is not a number.</source>
        <translation>“%1”不是数字。</translation>
    </message>
    <message>
        <source>%1 is negative; figures in the form are at least 0.</source>
        <translation>%1 为负数；表中数字不能小于 0。</translation>
    </message>
    <message>
        <source>%1 is not a whole number; this cell counts items.</source>
        <translation>%1 不是整数；此单元格填写件数。</translation>
    </message>
    <message>
        <source>The form has no cell “%1”.</source>
        <translation>表中没有“%1”这一格。</translation>
    </message>
    <message>
        <source>Say why the finding is dismissed (for example: the agency confirmed the figure).</source>
        <translation>请说明排除该问题的理由（例如：单位已核实该数字无误）。</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewStatus</name>
    <message>
        <source>Unreviewed</source>
        <translation>未审核</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审核中</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Doubtful</source>
        <translation>存疑</translation>
    </message>
</context>
<context>
    <name>nianbao::ReviewWindow</name>
    <message>
        <source>About Nianbao</source>
        <translation>关于年报</translation>
    </message>
    <message>
        <source>Nianbao %1 checks the annual reports on government information disclosure (政府信息公开工作年度报告).</source>
        <translation>年报 %1 用于审核政府信息公开工作年度报告。</translation>
    </message>
    <message>
        <source>Nianbao — annual report review</source>
        <translation>年报 — 政府信息公开工作年度报告审核</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>问题(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;打开时&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>审核(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open Reports…</source>
        <translation>打开报告(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>打开文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Close Report</source>
        <translation>关闭报告(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Apply Suggestion</source>
        <translation>采纳建议(&amp;A)</translation>
    </message>
    <message>
        <source>Edit Note on the &amp;Cell</source>
        <translation>编辑单元格备注(&amp;C)</translation>
    </message>
    <message>
        <source>Edit Note on the &amp;Report</source>
        <translation>编辑报告备注(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Next Finding</source>
        <translation>下一个问题(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Finding</source>
        <translation>上一个问题(&amp;P)</translation>
    </message>
    <message>
        <source>Next Re&amp;port</source>
        <translation>下一份报告(&amp;P)</translation>
    </message>
    <message>
        <source>Previous Rep&amp;ort</source>
        <translation>上一份报告(&amp;O)</translation>
    </message>
    <message>
        <source>Go to the &amp;Report List</source>
        <translation>转到报告列表(&amp;R)</translation>
    </message>
    <message>
        <source>Go to the &amp;Original Text</source>
        <translation>转到原文(&amp;O)</translation>
    </message>
    <message>
        <source>Go to the &amp;Tables</source>
        <translation>转到表格(&amp;T)</translation>
    </message>
    <message>
        <source>Go to the &amp;Findings</source>
        <translation>转到问题列表(&amp;F)</translation>
    </message>
    <message>
        <source>Go to the &amp;History</source>
        <translation>转到历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Filter the Report &amp;List</source>
        <translation>筛选报告列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;About Nianbao</source>
        <translation>关于年报(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message numerus="yes">
        <source>Opening %n report(s)…</source>
        <translation>
            <numerusform>正在打开 %n 份报告…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) could not be opened; see the list.</source>
        <translation>
            <numerusform>%n 份报告无法打开，原因见列表。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Opened %n report(s).</source>
        <translation>
            <numerusform>已打开 %n 份报告。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Reports</source>
        <translation>打开报告</translation>
    </message>
    <message>
        <source>Open a Folder of Reports</source>
        <translation>打开报告文件夹</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>清空列表</translation>
    </message>
    <message>
        <source>Library: %1</source>
        <translation>审核库：%1</translation>
    </message>
    <message>
        <source>Importing reports into the library…</source>
        <translation>正在将报告导入审核库…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message numerus="yes">
        <source>Importing %n report(s)…</source>
        <translation>
            <numerusform>正在导入 %n 份报告…</numerusform>
        </translation>
    </message>
    <message>
        <source>Library</source>
        <translation>审核库</translation>
    </message>
    <message>
        <source>The import was cancelled; the reports imported so far are kept.</source>
        <translation>导入已取消；已导入的报告将保留。</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Imported %1, already in the library %2, failed %3; opened %4.</source>
        <translation>已导入 %1 份，审核库中已有 %2 份，失败 %3 份；已打开 %4 份。</translation>
    </message>
    <message>
        <source>Another reviewer changed %1 after you opened it, so your last change was not saved. Reload the report to see their changes, then make yours again.</source>
        <translation>您打开 %1 后，另一位审核人修改了它，因此您最近的修改未保存。请重新载入报告查看对方的修改，然后重新进行您的修改。</translation>
    </message>
    <message>
        <source>Your last change to %1 could not be saved: %2</source>
        <translation>您对 %1 的最近一次修改无法保存：%2</translation>
    </message>
    <message>
        <source>Change not saved</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>&amp;Refresh from the Library</source>
        <translation>从审核库刷新(&amp;R)</translation>
    </message>
    <message>
        <source>No one else has changed this report.</source>
        <translation>其他审核人未修改此报告。</translation>
    </message>
    <message>
        <source>Reloaded with the changes saved in the library.</source>
        <translation>已重新载入审核库中保存的修改。</translation>
    </message>
    <message>
        <source>Nianbao stopped before you confirmed “%1” in the cell “%2” of %3.

Put the text back into the cell? It is saved once you confirm it with Enter.</source>
        <translation>年报审校在您确认 %3 的单元格“%2”中的“%1”之前意外退出。

要把这段内容放回单元格吗？按 Enter 确认后才会保存。</translation>
    </message>
    <message>
        <source>Restore Unsaved Text</source>
        <translation>恢复未保存的内容</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Nianbao stopped before you confirmed “%1” in %2, and that report is no longer in the library, so the text cannot be put back.</source>
        <translation>年报审校在您确认 %2 中的“%1”之前意外退出，而该报告已不在审校库中，因此无法放回这段内容。</translation>
    </message>
    <message>
        <source>The text “%1” could not be put back into %2.</source>
        <translation>无法把“%1”放回 %2。</translation>
    </message>
    <message>
        <source>Your text is back in the cell: press Enter to confirm it, or Esc to drop it.</source>
        <translation>内容已放回单元格：按 Enter 确认，或按 Esc 放弃。</translation>
    </message>
    <message>
        <source>&amp;Delete Report from the Library…</source>
        <translation>从库中删除报告(&amp;D)…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Delete Report</source>
        <translation>删除报告</translation>
    </message>
    <message>
        <source>Delete %1 from the library? Its corrections, notes and review status are deleted with it, and this cannot be undone.</source>
        <translation>从库中删除 %1？其更正、批注和审核状态将一并删除，且无法撤销。</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Deleted %1 from the library.</source>
        <translation>已从库中删除 %1。</translation>
    </message>
    <message>
        <source>Filter reports (Ctrl+Shift+F)</source>
        <translation>筛选报告（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print Pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Find in the Report Text…</source>
        <translation>在报告原文中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Find Ne&amp;xt</source>
        <translation>查找下一处(&amp;X)</translation>
    </message>
    <message>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一处(&amp;V)</translation>
    </message>
    <message>
        <source>Ne&amp;xt Table</source>
        <translation>下一张表(&amp;X)</translation>
    </message>
    <message>
        <source>Pre&amp;vious Table</source>
        <translation>上一张表(&amp;V)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>放大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>缩小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>There is no report to export.</source>
        <translation>没有可导出的报告。</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n report(s) to %1.</source>
        <translation>
            <numerusform>已将 %n 份报告导出到 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Printed %1.</source>
        <translation>已打印 %1。</translation>
    </message>
    <message>
        <source>Cancel opening</source>
        <translation>取消打开</translation>
    </message>
    <message numerus="yes">
        <source>No reports found; %n file(s) skipped, see the list.</source>
        <translation>
            <numerusform>未找到报告；跳过了 %n 个文件，详见列表。</numerusform>
        </translation>
    </message>
    <message>
        <source>Skipped %1</source>
        <translation>已跳过 %1</translation>
    </message>
    <message>
        <source>Reports (%1);;All files (*)</source>
        <translation>报告 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Imported %1 of %2: %3</source>
        <translation>已导入 %1 / %2：%3</translation>
    </message>
    <message>
        <source>Imported %1 of %2, reading %3</source>
        <translation>已导入 %1 / %2，正在读取 %3</translation>
    </message>
    <message>
        <source>Original Text</source>
        <translation>原文</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>The page of a PDF or scanned report where the selected cell stands (Alt+6)</source>
        <translation>PDF 或扫描件报告中所选单元格所在的页面（Alt+6）</translation>
    </message>
    <message>
        <source>Go to the &amp;Page</source>
        <translation>转到页面(&amp;P)</translation>
    </message>
    <message>
        <source>%1 (OCR, page %2 of %3)</source>
        <translation>%1（OCR，第 %2 页，共 %3 页）</translation>
    </message>
    <message>
        <source>%1 (OCR, page %2)</source>
        <translation>%1（OCR，第 %2 页）</translation>
    </message>
    <message>
        <source>Agency &amp;Aliases…</source>
        <translation>机关别名(&amp;A)…</translation>
    </message>
    <message>
        <source>Names under which one agency publishes, so that its years are compared</source>
        <translation>同一机关使用的不同名称，用于逐年比对</translation>
    </message>
    <message>
        <source>Agency Aliases</source>
        <translation>机关别名</translation>
    </message>
    <message>
        <source>Agency aliases are kept in a review library; open one first.</source>
        <translation>机关别名保存在审核库中；请先打开审核库。</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Findings: %n open</source>
        <translation>
            <numerusform>问题(&amp;F)：%n 项待处理</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n confirmed</source>
        <translation>
            <numerusform> · %n 项已确认</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n dismissed</source>
        <translation>
            <numerusform> · %n 项已排除</numerusform>
        </translation>
    </message>
    <message>
        <source>Review &amp;Opinion…</source>
        <translation>审核意见(&amp;O)…</translation>
    </message>
    <message>
        <source>The written review opinion (审核意见) on this report, to print or save as PDF</source>
        <translation>本报告的书面审核意见，可打印或存为 PDF</translation>
    </message>
    <message>
        <source>Write Review Opi&amp;nions to a Folder…</source>
        <translation>将审核意见写入文件夹(&amp;N)…</translation>
    </message>
    <message>
        <source>A .pdf and a .docx review opinion for every report the list shows</source>
        <translation>为列表中的每份报告写出 .pdf 和 .docx 审核意见</translation>
    </message>
    <message>
        <source>Review Opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Review Opinions</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>There is no report in the list.</source>
        <translation>列表中没有报告。</translation>
    </message>
    <message>
        <source>Write Review Opinions to a Folder</source>
        <translation>将审核意见写入文件夹</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n file(s) of review opinions to %1.</source>
        <translation>
            <numerusform>已将 %n 个审核意见文件写入 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Roll-&amp;up</source>
        <translation>汇总(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Make the Current Report the Summary of the Selected</source>
        <translation>设为所选报告的汇总报告(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Remove the Roll-up Set</source>
        <translation>取消汇总关系(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Infer Roll-up Sets from Folders…</source>
        <translation>按文件夹推断汇总关系(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Consolidate the Selected Reports</source>
        <translation>合并所选报告(&amp;C)</translation>
    </message>
    <message>
        <source>The current report sums the other selected reports: each of its cells is checked against their sum (rollup.sum)</source>
        <translation>当前报告汇总其他所选报告：逐格核对是否等于所属单位之和</translation>
    </message>
    <message>
        <source>Opens the sum of the selected reports as a table of its own, to review and export</source>
        <translation>将所选报告逐格相加，作为一份合并表打开，可审阅和导出</translation>
    </message>
    <message>
        <source>Roll-up</source>
        <translation>汇总</translation>
    </message>
    <message>
        <source>Select the summary report and, with Ctrl or Shift, its units in the list; the current report becomes their summary.</source>
        <translation>请在列表中按住 Ctrl 或 Shift 选择所属单位的报告，最后点选汇总报告；当前报告即成为它们的汇总报告。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is now the summary of %n report(s).</source>
        <translation>
            <numerusform>%1 已设为 %n 份报告的汇总报告。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is no longer a summary.</source>
        <translation>%1 已不再是汇总报告。</translation>
    </message>
    <message>
        <source>The folders suggest no roll-up set that is not kept already: no folder holds a government&apos;s report beside its departments&apos; of the same year.</source>
        <translation>文件夹中没有可推断的新汇总关系：没有哪个文件夹同时存放同一年度的政府报告及其部门报告。</translation>
    </message>
    <message numerus="yes">
        <source>Kept %n roll-up set(s).</source>
        <translation>
            <numerusform>已保存 %n 组汇总关系。</numerusform>
        </translation>
    </message>
    <message>
        <source>Consolidate</source>
        <translation>合并</translation>
    </message>
    <message numerus="yes">
        <source>Consolidated %n report(s); File › Export writes the table.</source>
        <translation>
            <numerusform>已合并 %n 份报告；可用“文件 › 导出”导出合并表。</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare with the Agency&apos;s Other &amp;Years</source>
        <translation>对照其他年度(&amp;Y)</translation>
    </message>
    <message>
        <source>Library &amp;Overview</source>
        <translation>审核库概览(&amp;O)</translation>
    </message>
    <message>
        <source>Findings by rule, agency and year, the cells that break most often, the reports with the most errors, and an agency&apos;s years</source>
        <translation>按规则、机关和年度统计问题，最常出错的单元格，错误最多的报告，以及机关历年情况</translation>
    </message>
    <message>
        <source>Back to the Review</source>
        <translation>返回审核</translation>
    </message>
    <message>
        <source>Show All</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <source>Check Older Reports…</source>
        <translation>检查旧版导入的报告…</translation>
    </message>
    <message>
        <source>Checks the reports imported by an older version once, so that the overview covers them</source>
        <translation>对旧版本导入的报告检查一次，使概览涵盖它们</translation>
    </message>
    <message>
        <source>The overview needs a review library; open one first.</source>
        <translation>概览需要审核库，请先打开审核库。</translation>
    </message>
    <message numerus="yes">
        <source>Overview of the %n report(s) the list&apos;s filter “%1” shows</source>
        <translation>
            <numerusform>报告列表筛选“%1”所列 %n 份报告的概览</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Overview of the library: %n report(s)</source>
        <translation>
            <numerusform>审核库概览：共 %n 份报告</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) with a finding on %1</source>
        <translation>
            <numerusform>%n 份报告在“%1”有问题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n report(s) chosen in the overview</source>
        <translation>
            <numerusform>概览中选出的 %n 份报告</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the reports imported by an older version…</source>
        <translation>正在检查旧版本导入的报告…</translation>
    </message>
    <message numerus="yes">
        <source>Checked %n older report(s).</source>
        <translation>
            <numerusform>已检查 %n 份旧版导入的报告。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::Rollup</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 等（另有 %n 个）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: the summary reports %2, its %n unit(s) add up to %3 (%4). A summary that also counts its own agency&apos;s figures may rightly exceed the sum.</source>
        <translation>
            <numerusform>%1：汇总报告填报为 %2，其 %n 个所属单位合计为 %3（%4）。汇总报告另含本机关数字的，可以大于合计。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::RollupDialog</name>
    <message>
        <source>Infer Roll-up Sets from Folders</source>
        <translation>按文件夹推断汇总关系</translation>
    </message>
    <message>
        <source>In each folder and year, the report of a government is proposed as the summary of its departments&apos; and subfolders&apos; reports. Keep the sets that are right.</source>
        <translation>在同一文件夹、同一年度中，政府的报告被推断为其部门及子文件夹报告的汇总报告。请勾选正确的汇总关系。</translation>
    </message>
    <message numerus="yes">
        <source>%1 — summary of %n report(s)</source>
        <translation>
            <numerusform>%1 — 汇总 %n 份报告</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>nianbao::Rule</name>
    <message>
        <source>Requests in = requests out</source>
        <translation>申请收支平衡</translation>
    </message>
    <message>
        <source>Outcomes add up to the total</source>
        <translation>办理结果合计</translation>
    </message>
    <message>
        <source>Applicants add up to the total</source>
        <translation>申请人合计</translation>
    </message>
    <message>
        <source>Results add up to the total</source>
        <translation>复议诉讼结果合计</translation>
    </message>
    <message>
        <source>Not a valid figure</source>
        <translation>数值不合规</translation>
    </message>
    <message>
        <source>Blank cell</source>
        <translation>空白单元格</translation>
    </message>
    <message>
        <source>Text and table disagree</source>
        <translation>正文与表格不一致</translation>
    </message>
    <message>
        <source>Carried over from last year</source>
        <translation>上年结转</translation>
    </message>
    <message>
        <source>Run-together figures: several splits</source>
        <translation>数字粘连：多种拆分</translation>
    </message>
    <message>
        <source>Run-together figures split by the text</source>
        <translation>数字粘连：依正文拆分</translation>
    </message>
    <message>
        <source>Run-together figures split by plausibility</source>
        <translation>数字粘连：按合理性拆分</translation>
    </message>
    <message>
        <source>Text&apos;s combined figure</source>
        <translation>正文合计数</translation>
    </message>
    <message>
        <source>Text&apos;s appeals and lawsuits</source>
        <translation>正文复议诉讼数</translation>
    </message>
    <message>
        <source>Text&apos;s figure and what it includes</source>
        <translation>正文总数与所含数</translation>
    </message>
    <message>
        <source>Text&apos;s share</source>
        <translation>正文比例</translation>
    </message>
    <message>
        <source>Documents in force follow from last year</source>
        <translation>现行有效件数逐年衔接</translation>
    </message>
    <message>
        <source>Summary equals its units&apos; sum</source>
        <translation>汇总数等于所属单位之和</translation>
    </message>
</context>
<context>
    <name>nianbao::Severity</name>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>提示</translation>
    </message>
</context>
<context>
    <name>nianbao::TableExtractor</name>
    <message>
        <source>no header or complete row to align them with; read from the left</source>
        <translation>没有表头或完整的行可供对齐；按从左到右读取</translation>
    </message>
    <message>
        <source>Line %1: the row holds %2 figures for %3 columns of table %4 (%5)</source>
        <translation>第 %1 行：该行有 %2 个数字，而表 %4（%5）有 %3 列</translation>
    </message>
    <message>
        <source>Table %1 (%2) was not found in the document</source>
        <translation>文档中没有找到表 %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%n of them stand outside the table&apos;s columns and are not read</source>
        <translation>
            <numerusform>其中 %n 个数字在表格的列之外，未读取</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: table %2 (%3) appears a second time; its first copy is read</source>
        <translation>第 %1 行：表%2（%3）再次出现；读取的是第一份</translation>
    </message>
    <message numerus="yes">
        <source>, and %n of the second copy&apos;s rows differ</source>
        <translation>
            <numerusform>，第二份中有 %n 行与之不同</numerusform>
        </translation>
    </message>
    <message>
        <source>Line %1: more than %L2 lines could belong to table %3, far more than it has rows; from this line on none is read into it</source>
        <translation>第 %1 行：可能属于表%3的行超过 %L2 行，远多于其行数；自此行起不再读入该表</translation>
    </message>
</context>
<context>
    <name>nianbao::TextDecoder</name>
    <message>
        <source>The file is not a text report: it holds binary data (first control character at character %1). Open the published report (HTML, Word, PDF or text) instead.</source>
        <translation>该文件不是文本报告：其中含有二进制数据（第 %1 个字符处首次出现控制字符）。请改为打开发布的报告（HTML、Word、PDF 或文本文件）。</translation>
    </message>
    <message>
        <source>The file is empty (0 bytes).</source>
        <translation>文件为空（0 字节）。</translation>
    </message>
</context>
<context>
    <name>nianbao::TextLoader</name>
    <message>
        <source>%1 invalid byte sequences in %2 text were replaced by � (first at byte %3)</source>
        <translation>%2 文本中有 %1 个无效字节序列已替换为 �（第一个位于第 %3 字节）</translation>
    </message>
    <message>
        <source>%1 invalid byte sequences in %2 text were replaced by �</source>
        <translation>%2 文本中有 %1 个无效字节序列已替换为 �</translation>
    </message>
</context>
</TS>
