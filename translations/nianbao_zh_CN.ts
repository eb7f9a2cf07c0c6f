<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>nianbao</name>
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
        <source>%1 cannot be read in the source (&quot;%2&quot;)</source>
        <translation>%1 在原文中无法识别（“%2”）</translation>
    </message>
    <message>
        <source>%1 is blank in the source</source>
        <translation>%1 在原文中为空</translation>
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
</context>
<context>
    <name>nianbao::ReportReader</name>
    <message>
        <source>No statistical tables (sections 二, 三, 四) were found in %1</source>
        <translation>在 %1 中没有找到统计表（第二、三、四部分）</translation>
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
        <source>Filter reports (Ctrl+F)</source>
        <translation>筛选报告（Ctrl+F）</translation>
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
        <source>Reports (*.txt *.md *.text);;All files (*)</source>
        <translation>报告 (*.txt *.md *.text);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a Folder of Reports</source>
        <translation>打开报告文件夹</translation>
    </message>
    <message>
        <source>Clear the List</source>
        <translation>清空列表</translation>
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
</context>
</TS>
