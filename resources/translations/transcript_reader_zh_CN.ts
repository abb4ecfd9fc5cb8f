<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CleaningOptions</name>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="65"/>
        <source>Fillers</source>
        <translation>语气词</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="66"/>
        <source>Stutters</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="67"/>
        <source>Loops</source>
        <translation>去循环</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="68"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="69"/>
        <source>Punctuation</source>
        <translation>标点</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="70"/>
        <source>Sentences</source>
        <translation>断句</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="71"/>
        <source>Spacing</source>
        <translation>空格</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="74"/>
        <source>Remove hesitation sounds (呃, 嗯)</source>
        <translation>去掉犹豫声（呃、嗯）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="75"/>
        <source>Collapse immediate repetitions (我我我 → 我)</source>
        <translation>合并紧挨着的重复（我我我 → 我）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="77"/>
        <source>Keep one copy of a clause the recognizer repeated in a loop; a segment that only repeats the one before is left empty</source>
        <translation>识别陷入循环时重复的分句只留一份；只重复上一段的段落留空</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="79"/>
        <source>Apply your correction rules</source>
        <translation>应用你的纠错规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="80"/>
        <source>Tidy punctuation left by removals</source>
        <translation>整理删除后留下的标点</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="82"/>
        <source>A chunk-final 。 inside a running sentence becomes ， (reads the next segment); questions get ？</source>
        <translation>句子未完时段尾的“。”改为“，”（参看下一段）；问句加“？”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="84"/>
        <source>Space between Chinese and Latin letters or digits</source>
        <translation>在中文与拉丁字母或数字之间加空格</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="90"/>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="91"/>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="92"/>
        <source>Keep as is</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="98"/>
        <source>System Default</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="101"/>
        <source>Cleaning</source>
        <translation>清理</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/cleaning_options.py" line="102"/>
        <source>Script:</source>
        <translation>字形：</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../reader/ui/panels/comments.py" line="46"/>
        <source>Show resolved comments</source>
        <translation>显示已解决的批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/comments.py" line="47"/>
        <source>Comment on the current segment</source>
        <translation>为当前段添加批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/comments.py" line="48"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/comments.py" line="82"/>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/comments.py" line="82"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
</context>
<context>
    <name>Compare</name>
    <message>
        <location filename="../../reader/ui/operations/compare.py" line="47"/>
        <source>this difference</source>
        <translation>这处差异</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/compare.py" line="48"/>
        <source>it spans several segments; correct them one at a time</source>
        <translation>它跨越多个片段；请逐一修改</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="89"/>
        <source>Previous Difference (Shift+F7)</source>
        <translation>上一处差异 (Shift+F7)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="90"/>
        <source>Next Difference (F7)</source>
        <translation>下一处差异 (F7)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="91"/>
        <source>Use This Wording</source>
        <translation>采用此说法</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="92"/>
        <source>Correct this transcript&apos;s segment with the other transcript&apos;s words here (Ctrl+Shift+U)</source>
        <translation>用另一篇转写在此处的说法修改本转写的片段 (Ctrl+Shift+U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="93"/>
        <source>Close Comparison</source>
        <translation>关闭比较</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="94"/>
        <source>[image]</source>
        <translation>[图片]</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="101"/>
        <source>Aligning the two transcripts…</source>
        <translation>正在对齐两篇转写…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="179"/>
        <source>The two transcripts say the same words</source>
        <translation>两篇转写的说法相同</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="182"/>
        <source>1 difference</source>
        <translation>1 处不同</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="182"/>
        <source>%1 differences</source>
        <translation>%1 处不同</translation>
    </message>
    <message>
        <location filename="../../reader/ui/compare/view.py" line="184"/>
        <source>Difference %1 of %2</source>
        <translation>第 %1 处差异，共 %2 处</translation>
    </message>
</context>
<context>
    <name>Comparing</name>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="85"/>
        <source>&amp;Compare With…</source>
        <translation>与另一篇转写比较(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="86"/>
        <source>Align this transcript with another recognition of the same talk</source>
        <translation>将本转写与同一演讲的另一次识别对齐</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="88"/>
        <source>Comparison</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="93"/>
        <source>Open a transcript first</source>
        <translation>请先打开一篇转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="101"/>
        <source>The library holds no other transcript</source>
        <translation>文库中没有其他转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="104"/>
        <source>Compare With</source>
        <translation>比较对象</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="105"/>
        <source>The other recognition of this talk:</source>
        <translation>这场演讲的另一次识别：</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="74"/>
        <source>someone</source>
        <translation>某人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="75"/>
        <source>Segment %1 Was Changed</source>
        <translation>第 %1 段已被修改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="77"/>
        <source>%1 saved segment %2 while you were editing it. Your text was not saved: choose which text to keep.</source>
        <translation>你编辑期间，%1 保存了第 %2 段。你的文字尚未保存：请选择保留哪一份。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="81"/>
        <source>Their text (%1, version %2):</source>
        <translation>对方的文字（%1，第 %2 版）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="82"/>
        <source>Your text:</source>
        <translation>你的文字：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="83"/>
        <source>(no correction: the automatic text)</source>
        <translation>（无更正：显示自动清理的文字）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="86"/>
        <source>&amp;Keep Theirs</source>
        <translation>保留对方的(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="87"/>
        <source>&amp;Use Mine</source>
        <translation>使用我的(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/conflict_dialog.py" line="88"/>
        <source>&amp;Edit Mine…</source>
        <translation>编辑我的(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../reader/ui/operations/library.py" line="217"/>
        <source>%1: already in the library</source>
        <translation>%1：已在文库中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="81"/>
        <source>Correct segment %1</source>
        <translation>修改第 %1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="94"/>
        <source>Revert segment %1</source>
        <translation>还原第 %1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="137"/>
        <source>Split segment %1</source>
        <translation>拆分第 %1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="146"/>
        <source>Merge segments %1 and %2</source>
        <translation>合并第 %1 段和第 %2 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="232"/>
        <source>replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="233"/>
        <source>the text has changed since it was found; search again</source>
        <translation>找到之后文本已有改动，请重新查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="253"/>
        <source>%1 segments replaced</source>
        <translation>已替换 %1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/edits.py" line="256"/>
        <source>Replace all “%1”</source>
        <translation>全部替换“%1”</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/rules.py" line="66"/>
        <source>Add rule %1 → %2</source>
        <translation>添加规则 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/rules.py" line="81"/>
        <source>apply everywhere</source>
        <translation>处处应用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/rules.py" line="82"/>
        <source>the correction changes too little to make a rule of it</source>
        <translation>这处修改太小，不能做成规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/rules.py" line="89"/>
        <source>Rule added, %1 hits in the library</source>
        <translation>已添加规则，文库中命中 %1 处</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/rules.py" line="93"/>
        <source>Make rule from correction</source>
        <translation>由修改生成规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/rules.py" line="105"/>
        <source>Remove rule %1</source>
        <translation>删除规则 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/rules.py" line="115"/>
        <source>Change rule %1</source>
        <translation>修改规则 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/media.py" line="24"/>
        <source>Time segment %1</source>
        <translation>为第 %1 段定时</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/media.py" line="33"/>
        <source>Clear time of segment %1</source>
        <translation>清除第 %1 段的时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/review.py" line="30"/>
        <source>Mark %1 segments reviewed</source>
        <translation>将 %1 段标为已审阅</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/review.py" line="32"/>
        <source>Mark %1 segments to do</source>
        <translation>将 %1 段标为待审</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/review.py" line="57"/>
        <source>Restore a version of segment %1</source>
        <translation>恢复第 %1 段的一个版本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/review.py" line="76"/>
        <source>Comment on segment %1</source>
        <translation>批注第 %1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/review.py" line="85"/>
        <source>Resolve comment</source>
        <translation>解决批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/review.py" line="87"/>
        <source>Reopen comment</source>
        <translation>重新打开批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/review.py" line="99"/>
        <source>Rename transcript</source>
        <translation>重命名转写稿</translation>
    </message>
</context>
<context>
    <name>Editing</name>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="48"/>
        <source>Select a segment first</source>
        <translation>请先选中一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="67"/>
        <source>transcript-reader</source>
        <translation>transcript-reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="76"/>
        <source>Not saved (segment %1): %2</source>
        <translation>未保存（第 %1 段）：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="78"/>
        <source>The cells show the saved text again. Your text is kept below: Retry saves it again.</source>
        <translation>单元格已恢复为已保存的文字。您输入的文字保留在下方：点“重试”再次保存。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="81"/>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="97"/>
        <source>Segment %1 has no correction</source>
        <translation>第 %1 段没有修改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="117"/>
        <source>Put the cursor where the segment should be split, then split again</source>
        <translation>把光标放在要拆分的位置，再拆分一次</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="144"/>
        <source>Correct the segment first; its correction becomes the rule</source>
        <translation>请先修改这一段；它的修改会成为规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/editing.py" line="168"/>
        <source>Segment %1 is not shown here</source>
        <translation>第 %1 段不在当前视图中</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="116"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="119"/>
        <source>This transcript, to a file</source>
        <translation>此转写稿，导出为一个文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="119"/>
        <source>Whole library, one file each into a folder</source>
        <translation>整个资料库，每篇一个文件，导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="122"/>
        <source>Simplified</source>
        <translation>简体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="123"/>
        <source>Traditional</source>
        <translation>繁体</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="124"/>
        <source>Taiwan (with Taiwan&apos;s words)</source>
        <translation>台湾（含台湾用词）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="125"/>
        <source>Hong Kong</source>
        <translation>香港</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="126"/>
        <source>As written</source>
        <translation>保持原样</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="130"/>
        <source>Speaker labels</source>
        <translation>说话人标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="131"/>
        <source>Images</source>
        <translation>图片</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="132"/>
        <source>Comments (docx: as Word comments)</source>
        <translation>批注（docx：作为 Word 批注）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="134"/>
        <source>Paragraphs:</source>
        <translation>自然段：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="135"/>
        <source>One per speaker&apos;s turn</source>
        <translation>按发言轮次合并成自然段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="135"/>
        <source>One per segment</source>
        <translation>每段一个自然段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="138"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="139"/>
        <source>Export:</source>
        <translation>导出：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="139"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="139"/>
        <source>Script:</source>
        <translation>简繁：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="139"/>
        <source>Save to:</source>
        <translation>保存到：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="150"/>
        <source>This transcript has no times (it was not imported from subtitles): srt and vtt need them</source>
        <translation>此转写稿没有时间信息（不是从字幕导入的）：srt 和 vtt 需要时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="178"/>
        <source>Export into folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="182"/>
        <source>Export to file</source>
        <translation>导出到文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="190"/>
        <source>Replace files?</source>
        <translation>替换文件？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="192"/>
        <source>These files exist and would be replaced:</source>
        <translation>以下文件已存在，将被替换：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="201"/>
        <source>No library is open.</source>
        <translation>没有打开的资料库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="204"/>
        <source>Choose where to save first.</source>
        <translation>请先选择保存位置。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="209"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="214"/>
        <source>Nothing was written.</source>
        <translation>没有写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="221"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="234"/>
        <source>%n file(s) written.</source>
        <translation>
            <numerusform>已写入 %n 个文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/export_dialog.py" line="242"/>
        <source>Export stopped; the files written so far are whole.</source>
        <translation>导出已停止；已写入的文件都是完整的。</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="135"/>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="136"/>
        <source>Replace:</source>
        <translation>替换为：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="137"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="138"/>
        <source>Match case</source>
        <translation>区分大小写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="139"/>
        <source>This transcript</source>
        <translation>本篇转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="140"/>
        <source>Whole library</source>
        <translation>整个文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="141"/>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="142"/>
        <source>Replace</source>
        <translation>替换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="143"/>
        <source>Replace All</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="144"/>
        <source>Previous result</source>
        <translation>上一个结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="145"/>
        <source>Next result</source>
        <translation>下一个结果</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="146"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="147"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="148"/>
        <source>Stop this search (Esc)</source>
        <translation>停止这次查找（Esc）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="149"/>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="168"/>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/find_bar.py" line="170"/>
        <source>Search cancelled.</source>
        <translation>查找已取消。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/find_bar.py" line="172"/>
        <source>First %n result(s) shown; there are more</source>
        <translation>
            <numerusform>已显示前 %n 个结果，还有更多</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/find_bar.py" line="174"/>
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/find_bar.py" line="178"/>
        <source>%n segment(s) not in the search index yet were read one by one (slower)</source>
        <translation>
            <numerusform>有 %n 个段落尚未进入搜索索引，已逐段读取（较慢）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Glossary</name>
    <message>
        <location filename="../../reader/ui/operations/glossary.py" line="64"/>
        <source>Add glossary term %1</source>
        <translation>添加术语 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/glossary.py" line="81"/>
        <source>Remove glossary term %1</source>
        <translation>删除术语 %1</translation>
    </message>
</context>
<context>
    <name>GlossaryDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="82"/>
        <source>Glossary</source>
        <translation>术语表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="83"/>
        <source>Term</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="83"/>
        <source>Known misspellings</source>
        <translation>已知错写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="83"/>
        <source>Scope</source>
        <translation>范围</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="84"/>
        <source>Term, e.g. 大语言模型</source>
        <translation>术语，例如 大语言模型</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="85"/>
        <source>Misspellings, comma-separated (optional)</source>
        <translation>错写，用逗号分隔（可选）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="86"/>
        <source>Only this transcript</source>
        <translation>仅本转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="87"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="88"/>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="89"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="90"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="91"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="115"/>
        <source>all transcripts</source>
        <translation>所有转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="115"/>
        <source>this transcript</source>
        <translation>本转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="127"/>
        <source>Type the term first</source>
        <translation>请先输入术语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="133"/>
        <source>Added %1</source>
        <translation>已添加 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="145"/>
        <source>Import Glossary</source>
        <translation>导入术语表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="145"/>
        <source>Tab-separated glossary (*.tsv *.txt);;All Files (*)</source>
        <translation>制表符分隔的术语表 (*.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="151"/>
        <source>%1 terms new or with new misspellings</source>
        <translation>%1 个术语为新增或增加了错写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="155"/>
        <source>Export Glossary</source>
        <translation>导出术语表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="155"/>
        <source>Tab-separated glossary (*.tsv);;All Files (*)</source>
        <translation>制表符分隔的术语表 (*.tsv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/glossary_dialog.py" line="161"/>
        <source>%1 terms written</source>
        <translation>已写入 %1 个术语</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="23"/>
        <source>typed</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="24"/>
        <source>reverted</source>
        <translation>还原</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="25"/>
        <source>replace all</source>
        <translation>全部替换</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="26"/>
        <source>rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="27"/>
        <source>split</source>
        <translation>拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="28"/>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="29"/>
        <source>undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="30"/>
        <source>undo split</source>
        <translation>撤销拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="31"/>
        <source>undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="32"/>
        <source>restored</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="33"/>
        <source>import</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="87"/>
        <source>Restore This Version</source>
        <translation>恢复此版本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="88"/>
        <source>Make this revision&apos;s text the segment&apos;s text again (a new revision; undoable)</source>
        <translation>让段重新使用此版本的文本（记为新的修订，可撤销）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="102"/>
        <source>Select a segment to see its history</source>
        <translation>选择一个段以查看其历史</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="104"/>
        <source>No changes yet: the segment shows its automatic text</source>
        <translation>尚无修改：段显示自动文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/history.py" line="106"/>
        <source>%1 revisions</source>
        <translation>%1 个修订</translation>
    </message>
</context>
<context>
    <name>ImportProgress</name>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="32"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="36"/>
        <source>Import Transcripts</source>
        <translation>导入转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="36"/>
        <source>Transcripts (*.txt *.md *.srt *.vtt *.json);;All Files (*)</source>
        <translation>转写 (*.txt *.md *.srt *.vtt *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="49"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="61"/>
        <source>Imported %1 transcript(s)</source>
        <translation>已导入 %1 篇转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="98"/>
        <source>An import is still running. Quit and stop it?</source>
        <translation>导入仍在进行。要停止导入并退出吗？</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="98"/>
        <source>The import has finished.</source>
        <translation>导入已经完成。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="101"/>
        <source>Imported so far (kept):</source>
        <translation>已导入（保留）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="103"/>
        <source>The files not yet imported are left out; import them again later.</source>
        <translation>尚未导入的文件不会导入；请稍后重新导入。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="73"/>
        <source>Import in progress</source>
        <translation>正在导入</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="75"/>
        <source>Stop and Quit</source>
        <translation>停止并退出</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/import_progress.py" line="109"/>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>LabelBar</name>
    <message>
        <location filename="../../reader/ui/window/label_bar.py" line="75"/>
        <source>Keys:</source>
        <translation>按键：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/label_bar.py" line="76"/>
        <source>no speakers yet: Labels › Set Speaker… (Ctrl+Shift+P) names one</source>
        <translation>还没有说话人：用 标注 › 设定说话人…（Ctrl+Shift+P）命名一位</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/label_bar.py" line="78"/>
        <source>Show speaker:</source>
        <translation>只看说话人：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/label_bar.py" line="79"/>
        <source>topic:</source>
        <translation>话题：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/label_bar.py" line="80"/>
        <location filename="../../reader/ui/window/label_bar.py" line="81"/>
        <source>(all)</source>
        <translation>（全部）</translation>
    </message>
</context>
<context>
    <name>Labelling</name>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="68"/>
        <source>Select a segment first</source>
        <translation>请先选中一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="111"/>
        <source>No speaker on key %1: Labels › Always Show Speaker and Topic Columns, then type a name in a Speaker cell</source>
        <translation>按键 %1 没有对应的说话人：先选“标注 › 始终显示说话人和话题列”，再在说话人单元格中输入名字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="113"/>
        <source>No speaker on key %1: type a name in a Speaker cell to make one</source>
        <translation>按键 %1 没有对应的说话人：在“说话人”格中输入名字即可创建</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="137"/>
        <source>Set Speaker</source>
        <translation>设定说话人</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/labelling.py" line="138"/>
        <source>Speaker of %n segment(s) (a new name makes a new speaker):</source>
        <translation>
            <numerusform>%n 段的说话人（输入新名字即新建说话人）：</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="152"/>
        <source>Tag Topic</source>
        <translation>标注话题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="175"/>
        <source>This segment has no speaker</source>
        <translation>此段没有说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="180"/>
        <source>This segment has no topic</source>
        <translation>此段没有话题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/labelling.py" line="194"/>
        <source>No further segment of %1</source>
        <translation>没有更多属于 %1 的段落</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="39"/>
        <source>Library backed up to %1</source>
        <translation>资料库已备份到 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="47"/>
        <source>Open or Create Library</source>
        <translation>打开或新建文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="47"/>
        <location filename="../../reader/ui/window/library_actions.py" line="119"/>
        <location filename="../../reader/ui/window/library_actions.py" line="131"/>
        <source>Libraries (*.sqlite3 *.sqlite *.db);;All Files (*)</source>
        <translation>文库 (*.sqlite3 *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="54"/>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="64"/>
        <source>Library: %1</source>
        <translation>文库：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="79"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="85"/>
        <source>%1 is damaged and was not opened</source>
        <translation>%1 已损坏，没有打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="87"/>
        <source>Library Damaged</source>
        <translation>资料库已损坏</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="89"/>
        <source>The library %1 is damaged; nothing will be written into it.

SQLite found: %2</source>
        <translation>资料库 %1 已损坏，不会向其中写入任何内容。

SQLite 发现：%2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="93"/>
        <source>There is no good backup of it. Open or create another library from the File menu.</source>
        <translation>它没有完好的备份。请从“文件”菜单打开或新建另一个资料库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="99"/>
        <source>Its newest good backup was made %1:
%2

Restore it? The damaged file is kept aside, renamed %3.damaged-&lt;time&gt;, for anyone who wants to rescue more.</source>
        <translation>它最新的完好备份制作于 %1：
%2

要恢复它吗？损坏的文件会被移到一旁，改名为 %3.damaged-&lt;时间&gt;，以便需要时从中抢救更多内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="104"/>
        <source>Restore Backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="105"/>
        <source>Leave It Closed</source>
        <translation>保持关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="119"/>
        <source>Back Up Library</source>
        <translation>备份资料库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="125"/>
        <source>Backing up to %1…</source>
        <translation>正在备份到 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="130"/>
        <location filename="../../reader/ui/window/library_actions.py" line="137"/>
        <source>Restore from Backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="141"/>
        <source>Replace the library %1 with the backup %2?

The library as it is now is first added to its automatic backups, so you can go back to it.</source>
        <translation>用备份 %2 替换资料库 %1 吗？

资料库的当前状态会先存入它的自动备份，之后仍可恢复回来。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="145"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="157"/>
        <source>Restoring %1…</source>
        <translation>正在恢复 %1…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="162"/>
        <source>Library restored: %1</source>
        <translation>资料库已恢复：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="164"/>
        <source>Library Restored</source>
        <translation>资料库已恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="167"/>
        <source>The library was restored from its backup. The damaged file was kept as:
%1</source>
        <translation>资料库已从备份恢复。损坏的文件保留为：
%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="178"/>
        <source>Your Name in Revisions</source>
        <translation>修订记录中的名字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="179"/>
        <source>Your corrections are saved under this name (empty: your login name):</source>
        <translation>你的更正以此名字保存（留空则用登录名）：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="188"/>
        <source>your login name</source>
        <translation>你的登录名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_actions.py" line="189"/>
        <source>Revisions now name %1</source>
        <translation>修订记录现署名为 %1</translation>
    </message>
</context>
<context>
    <name>LibraryModel</name>
    <message>
        <location filename="../../reader/ui/window/library_panel.py" line="63"/>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_panel.py" line="63"/>
        <source>Segments</source>
        <translation>段数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_panel.py" line="63"/>
        <source>Corrected</source>
        <translation>已修改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/library_panel.py" line="63"/>
        <source>Reviewed</source>
        <translation>已审阅</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../reader/ui/window/library_panel.py" line="142"/>
        <source>Filter transcripts</source>
        <translation>筛选转写</translation>
    </message>
</context>
<context>
    <name>Listening</name>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="125"/>
        <source>Attach &amp;Recording…</source>
        <translation>附加录音(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="126"/>
        <source>Detach Recording</source>
        <translation>移除录音</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="127"/>
        <source>&amp;Play / Pause</source>
        <translation>播放/暂停(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="128"/>
        <source>&amp;Replay Last Seconds</source>
        <translation>重听最后几秒(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="129"/>
        <source>&amp;Loop Current Segment</source>
        <translation>循环当前段(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="130"/>
        <source>&amp;Slower</source>
        <translation>减速(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="131"/>
        <source>&amp;Faster</source>
        <translation>加速(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="132"/>
        <source>&amp;Tap Time and Go to Next Row</source>
        <translation>打点定时并转到下一行(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="133"/>
        <source>&amp;Follow Playback</source>
        <translation>跟随播放(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="134"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="135"/>
        <source>&amp;Video</source>
        <translation>视频(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="178"/>
        <source>No recording: drop one on the window or use File › Attach Recording…</source>
        <translation>没有录音：把录音文件拖到窗口上，或使用 文件 › 附加录音…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="181"/>
        <source>The recording is not at %1 any more: File › Attach Recording… to point at it</source>
        <translation>录音已不在 %1：请用 文件 › 附加录音… 指出它现在的位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="216"/>
        <location filename="../../reader/ui/window/listening.py" line="228"/>
        <source>Open a transcript first</source>
        <translation>请先打开一篇转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="220"/>
        <source>Attach Recording</source>
        <translation>附加录音</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="220"/>
        <source>Audio and video (%1);;All files (*)</source>
        <translation>音频和视频 (%1);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="250"/>
        <source>Recording found again at %1</source>
        <translation>已在 %1 重新找到录音</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="251"/>
        <source>Recording replaced by %1</source>
        <translation>录音已换成 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="252"/>
        <source>Recording attached: %1</source>
        <translation>已附加录音：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="259"/>
        <source>%1: cannot be played (%2); the recording was not attached</source>
        <translation>%1：无法播放（%2）；未附加录音</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="262"/>
        <source>%1: cannot be played (%2)</source>
        <translation>%1：无法播放（%2）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="284"/>
        <source>This transcript has no recording: File › Attach Recording…</source>
        <translation>这份转写稿没有录音：文件 › 附加录音…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="303"/>
        <source>Speed %1×</source>
        <translation>速度 %1×</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/listening.py" line="311"/>
        <source>The current segment has no time to loop</source>
        <translation>当前段没有时间，无法循环</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="232"/>
        <source>Segmenter ready</source>
        <translation>分词器已就绪</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="94"/>
        <source>&amp;Import Files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="95"/>
        <source>&amp;Open Library…</source>
        <translation>打开文库(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="96"/>
        <source>Open &amp;Shared Library…</source>
        <translation>打开共享文库(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="97"/>
        <source>Your &amp;Name in Revisions…</source>
        <translation>修订记录中的名字(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="98"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="99"/>
        <source>&amp;Back Up Library…</source>
        <translation>备份资料库(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="100"/>
        <source>Restore from Bac&amp;kup…</source>
        <translation>从备份恢复(&amp;K)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="101"/>
        <source>&amp;Speakers…</source>
        <translation>说话人(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="102"/>
        <source>&amp;Overview…</source>
        <translation>概览(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="103"/>
        <source>Library Search</source>
        <translation>文库搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="104"/>
        <source>Library &amp;Search</source>
        <translation>文库搜索(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="105"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="106"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="107"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="108"/>
        <source>&amp;Edit Segment</source>
        <translation>编辑本段(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="109"/>
        <source>Re&amp;vert to Automatic Text</source>
        <translation>还原为自动文本(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="110"/>
        <source>&amp;Split at Cursor</source>
        <translation>在光标处拆分(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="111"/>
        <source>&amp;Merge with Next</source>
        <translation>与下一段合并(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="112"/>
        <source>Apply Correction &amp;Everywhere</source>
        <translation>将修改处处应用(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="114"/>
        <source>Make a rule from this segment&apos;s correction, for every transcript</source>
        <translation>把本段的修改做成规则，用于所有转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="116"/>
        <source>Correction &amp;Rules…</source>
        <translation>纠错规则(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="117"/>
        <source>Set S&amp;peaker…</source>
        <translation>设定说话人(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="118"/>
        <source>Tag &amp;Topic…</source>
        <translation>标注话题(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="119"/>
        <source>&amp;Remove Topics</source>
        <translation>移除话题(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="120"/>
        <source>Split Here for the &amp;Next Speaker</source>
        <translation>在此拆分，后半段给下一位说话人(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="122"/>
        <source>Split the segment at the cursor and give the rest to the next speaker</source>
        <translation>在光标处拆分本段，后半段归下一位说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="124"/>
        <source>Next Segment of This Speaker</source>
        <translation>此说话人的下一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="125"/>
        <source>Previous Segment of This Speaker</source>
        <translation>此说话人的上一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="126"/>
        <source>Next Segment of This Topic</source>
        <translation>此话题的下一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="127"/>
        <source>Previous Segment of This Topic</source>
        <translation>此话题的上一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="128"/>
        <source>Always Show Speaker and Topic &amp;Columns</source>
        <translation>始终显示说话人和话题列(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="129"/>
        <source>&amp;Labels</source>
        <translation>标注(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="130"/>
        <source>Re&amp;view</source>
        <translation>审阅(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="131"/>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="132"/>
        <source>Find and &amp;Replace…</source>
        <translation>查找和替换(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="133"/>
        <source>Find &amp;Next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="134"/>
        <source>Find Pre&amp;vious</source>
        <translation>查找上一个(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="135"/>
        <source>&amp;About transcript-reader</source>
        <translation>关于 transcript-reader(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="136"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="137"/>
        <source>&amp;Rename Transcript…</source>
        <translation>重命名转写稿(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="240"/>
        <source>&amp;Playback</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="138"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="139"/>
        <source>Recent &amp;Libraries</source>
        <translation>最近的文库(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="140"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="141"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="142"/>
        <source>Cleaning &amp;Stages</source>
        <translation>清理步骤(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="143"/>
        <source>&amp;Script</source>
        <translation>字形(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="144"/>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="145"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/menus.py" line="146"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="399"/>
        <source>%1 segments, %2 corrected</source>
        <translation>%1 段，已修改 %2 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="397"/>
        <source>%1 of %2 segments shown</source>
        <translation>显示 %1 / %2 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/main_window.py" line="470"/>
        <source>transcript-reader</source>
        <translation>transcript-reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/small_dialogs.py" line="31"/>
        <source>About transcript-reader</source>
        <translation>关于 transcript-reader</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/small_dialogs.py" line="33"/>
        <source>transcript-reader %1
Read, clean and correct Chinese speech-recognition transcripts.</source>
        <translation>transcript-reader %1
阅读、清理和校对中文语音识别转写稿。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/small_dialogs.py" line="43"/>
        <location filename="../../reader/ui/window/small_dialogs.py" line="74"/>
        <source>Open a transcript first</source>
        <translation>请先打开一篇转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/small_dialogs.py" line="46"/>
        <source>Rename Transcript</source>
        <translation>重命名转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/small_dialogs.py" line="47"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
</context>
<context>
    <name>MediaBar</name>
    <message>
        <location filename="../../reader/ui/media/media_bar.py" line="59"/>
        <source>Follow playback</source>
        <translation>跟随播放</translation>
    </message>
    <message>
        <location filename="../../reader/ui/media/media_bar.py" line="60"/>
        <source>Speed (Ctrl+, slower, Ctrl+. faster)</source>
        <translation>速度（Ctrl+, 减速，Ctrl+. 加速）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/media/media_bar.py" line="61"/>
        <source>Volume</source>
        <translation>音量</translation>
    </message>
    <message>
        <location filename="../../reader/ui/media/media_bar.py" line="62"/>
        <source>Play or pause (Ctrl+Space)</source>
        <translation>播放或暂停（Ctrl+Space）</translation>
    </message>
</context>
<context>
    <name>OpenSharedDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="84"/>
        <source>Open Shared Library</source>
        <translation>打开共享文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="85"/>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="85"/>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="85"/>
        <source>&amp;Database:</source>
        <translation>数据库(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="85"/>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="85"/>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="88"/>
        <source>server name, or the folder of its socket</source>
        <translation>服务器名称，或其套接字所在的文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="89"/>
        <source>Remember the password (in ~/.pgpass, readable only by you)</source>
        <translation>记住密码（保存在 ~/.pgpass，仅你本人可读）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="90"/>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="114"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="119"/>
        <source>Connected to %1: a library with %2 transcripts.</source>
        <translation>已连接到 %1：文库中有 %2 份转写稿。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="121"/>
        <source>Connected to %1: the database is empty and becomes a library when opened.</source>
        <translation>已连接到 %1：数据库为空，打开后即成为文库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="123"/>
        <source>Connected to %1, but a newer version of transcript-reader made this library: update the app first.</source>
        <translation>已连接到 %1，但此文库由更新版本的 transcript-reader 创建：请先更新本应用。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="125"/>
        <source>Connected to %1, but the database holds other tables: choose an empty database.</source>
        <translation>已连接到 %1，但数据库中有其他表：请选择一个空数据库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/open_shared_dialog.py" line="149"/>
        <source>The password could not be saved: %1</source>
        <translation>无法保存密码：%1</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <location filename="../../reader/ui/operations/base.py" line="107"/>
        <source>The disk is full: nothing was saved.</source>
        <translation>磁盘已满：没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/base.py" line="109"/>
        <source>The library is read-only: nothing was saved.</source>
        <translation>资料库是只读的：没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/base.py" line="111"/>
        <source>Cannot reach the PostgreSQL server: nothing was saved. Try again when it is back.</source>
        <translation>无法连接 PostgreSQL 服务器：没有保存任何内容。服务器恢复后请重试。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/base.py" line="113"/>
        <source>The disk refused the write (full, or failing): nothing was saved.</source>
        <translation>磁盘拒绝写入（已满或出现故障）：没有保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/base.py" line="116"/>
        <source>The library&apos;s -wal file was deleted while the library was open: nothing was saved. Close every program using the library and open it again.</source>
        <translation>资料库打开期间它的 -wal 文件被删除了：没有保存任何内容。请关闭所有使用该资料库的程序，然后重新打开。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/base.py" line="122"/>
        <source>The library could not be read or written: nothing was saved.</source>
        <translation>无法读写资料库：没有保存任何内容。</translation>
    </message>
</context>
<context>
    <name>OverviewChart</name>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="52"/>
        <source>(no speaker)</source>
        <translation>（未标注说话人）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="53"/>
        <source>%1 characters · %2%</source>
        <translation>%1 字 · %2%</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs/overview.py" line="61"/>
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n 段</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="64"/>
        <source>Speakers: share of the talk</source>
        <translation>说话人：发言占比</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="64"/>
        <source>Topics: segments</source>
        <translation>话题：段数</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="94"/>
        <source>No transcript</source>
        <translation>没有转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="113"/>
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>OverviewDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="156"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="162"/>
        <source>Export PNG…</source>
        <translation>导出 PNG…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="181"/>
        <source>Export overview</source>
        <translation>导出概览</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/overview.py" line="181"/>
        <source>PNG image (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
</context>
<context>
    <name>Player</name>
    <message>
        <location filename="../../reader/ui/media/player.py" line="76"/>
        <source>playing recordings needs Qt Multimedia (pip install PySide6-Addons): %1</source>
        <translation>播放录音需要 Qt Multimedia（pip install PySide6-Addons）：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/media/player.py" line="183"/>
        <source>no sound device: the recording plays silently (the rows still follow it)</source>
        <translation>没有声音设备：录音静音播放（各行仍会跟随播放进度）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/media/player.py" line="188"/>
        <source>cannot be played</source>
        <translation>无法播放</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../reader/ui/i18n.py" line="23"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../reader/ui/i18n.py" line="24"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Quality</name>
    <message>
        <location filename="../../reader/ui/operations/quality.py" line="89"/>
        <source>Ignore %1 → %2 in segment %3</source>
        <translation>在第 %3 段忽略 %1 → %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/quality.py" line="122"/>
        <source>Make a rule: %1 → %2 (%3 more in this transcript, %4 in the library)</source>
        <translation>生成规则：%1 → %2（本文稿另有 %3 处，整个库中 %4 处）</translation>
    </message>
</context>
<context>
    <name>QualityDocks</name>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="102"/>
        <source>Suggestions</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="103"/>
        <source>S&amp;uggestions</source>
        <translation>建议(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="104"/>
        <source>Quality Check</source>
        <translation>质量检查</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="105"/>
        <source>&amp;Quality Check</source>
        <translation>质量检查(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="106"/>
        <source>&amp;Glossary…</source>
        <translation>术语表(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="162"/>
        <source>Looking for suggestions…</source>
        <translation>正在查找建议…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="167"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/quality_docks.py" line="181"/>
        <source>%n suggestion(s)</source>
        <translation>
            <numerusform>%n 条建议</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="182"/>
        <source>Nothing to suggest. Suggestions come from the glossary (Tools › Glossary…): words that sound like a term but are written otherwise, and its known misspellings.</source>
        <translation>没有建议。建议来自术语表（工具 › 术语表…）：读音与术语相同但写法不同的词，以及术语的已知错写。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="195"/>
        <source>Nothing found: the transcript looks clean.</source>
        <translation>未发现问题：这份转写稿看起来很干净。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/quality_docks.py" line="194"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n 项发现</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="203"/>
        <source>Segment %1 is not shown (a speaker or topic filter is on)</source>
        <translation>第 %1 段未显示（已按说话人或主题筛选）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/quality_docks.py" line="238"/>
        <source>Segment %1 reads otherwise now: look again</source>
        <translation>第 %1 段的文字已经变了：请再看一遍</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/quality_docks.py" line="254"/>
        <location filename="../../reader/ui/window/quality_docks.py" line="288"/>
        <source>Rule added for this transcript: %1 → %2, %n segment(s) changed</source>
        <translation>
            <numerusform>已为本转写稿添加规则：%1 → %2，改动了 %n 段</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/quality_docks.py" line="286"/>
        <source>Rule added for every transcript: %1 → %2, %n segment(s) changed</source>
        <translation>
            <numerusform>已为所有转写稿添加规则：%1 → %2，改动了 %n 段</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QualityPanel</name>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="37"/>
        <source>loop</source>
        <translation>循环</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="38"/>
        <source>duplicate</source>
        <translation>重复稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="39"/>
        <source>spelling</source>
        <translation>写法不一</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="40"/>
        <source>numbers</source>
        <translation>数字写法</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="41"/>
        <source>long segment</source>
        <translation>过长段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="42"/>
        <source>brackets</source>
        <translation>括号</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="43"/>
        <source>suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="85"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="85"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="85"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="86"/>
        <source>&amp;Open the Other Transcript</source>
        <translation>打开另一份转写稿(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/quality_panel.py" line="87"/>
        <source>Open the transcript this one looks like</source>
        <translation>打开与本稿相似的那份转写稿</translation>
    </message>
</context>
<context>
    <name>RecognitionBar</name>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="53"/>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="54"/>
        <source>Dismiss</source>
        <translation>忽略</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/comparing.py" line="58"/>
        <source>Transcript %1 looks like a second recognition of %2 &quot;%3&quot;.</source>
        <translation>转写 %1 看起来是 %2“%3”的另一次识别。</translation>
    </message>
</context>
<context>
    <name>Reviewing</name>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="90"/>
        <source>Mark Reviewed and &amp;Next</source>
        <translation>标为已审阅并转到下一个(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="91"/>
        <source>Mark the selected rows reviewed and go to the next unreviewed one</source>
        <translation>将所选行标为已审阅，并转到下一个未审阅的行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="92"/>
        <source>Mark as &amp;To Do</source>
        <translation>标为待审(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="93"/>
        <source>&amp;Unreviewed Only</source>
        <translation>仅显示未审阅(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="94"/>
        <source>&amp;Comment…</source>
        <translation>批注(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="95"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="96"/>
        <source>&amp;History</source>
        <translation>历史(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="97"/>
        <source>Comments</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="98"/>
        <source>C&amp;omments</source>
        <translation>批注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="139"/>
        <source>%1 / %2 reviewed</source>
        <translation>已审阅 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="152"/>
        <location filename="../../reader/ui/window/reviewing.py" line="228"/>
        <source>Select a segment first</source>
        <translation>请先选中一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/reviewing.py" line="165"/>
        <source>No unreviewed segment below this one</source>
        <translation>下方没有未审阅的段</translation>
    </message>
</context>
<context>
    <name>RuleOfferBar</name>
    <message>
        <location filename="../../reader/ui/window/rule_offer_bar.py" line="67"/>
        <source>This Transcript</source>
        <translation>本转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/rule_offer_bar.py" line="68"/>
        <source>A rule for this transcript only</source>
        <translation>只对本转写稿生效的规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/rule_offer_bar.py" line="69"/>
        <source>Everywhere</source>
        <translation>所有转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/rule_offer_bar.py" line="70"/>
        <source>A rule for every transcript of the library</source>
        <translation>对文库中所有转写稿生效的规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/rule_offer_bar.py" line="71"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="139"/>
        <source>Correction Rules</source>
        <translation>纠错规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="141"/>
        <source>Pattern (what ASR wrote)</source>
        <translation>模式（识别写成的）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="142"/>
        <source>Replacement</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="143"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="144"/>
        <source>Only this transcript</source>
        <translation>仅本篇转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="145"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="146"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="147"/>
        <source>Import TSV…</source>
        <translation>导入 TSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="148"/>
        <source>Export TSV…</source>
        <translation>导出 TSV…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="149"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="217"/>
        <source>Import Rules</source>
        <translation>导入规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="217"/>
        <source>Tab-separated rules (*.tsv *.txt);;All Files (*)</source>
        <translation>制表符分隔的规则 (*.tsv *.txt);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="223"/>
        <source>%n rule(s) added or changed</source>
        <translation>
            <numerusform>添加或修改了 %n 条规则</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="227"/>
        <source>Export Rules</source>
        <translation>导出规则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="227"/>
        <source>Tab-separated rules (*.tsv);;All Files (*)</source>
        <translation>制表符分隔的规则 (*.tsv);;所有文件 (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="234"/>
        <source>Exported; %n disabled rule(s) left out</source>
        <translation>
            <numerusform>已导出；未包含 %n 条停用的规则</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="234"/>
        <source>Exported</source>
        <translation>已导出</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="50"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="50"/>
        <source>Pattern</source>
        <translation>模式</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="50"/>
        <source>Replacement</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="50"/>
        <source>Regex</source>
        <translation>正则</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="50"/>
        <source>Applies to</source>
        <translation>适用于</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="51"/>
        <source>Hits here</source>
        <translation>本篇命中</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="76"/>
        <source>all transcripts</source>
        <translation>所有转写</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/rules_dialog.py" line="76"/>
        <source>this transcript</source>
        <translation>本篇转写</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../reader/ui/window/search_panel.py" line="67"/>
        <source>Search the library (simplified or traditional)</source>
        <translation>搜索资料库（简体或繁体均可）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/search_panel.py" line="81"/>
        <source>No library is open.</source>
        <translation>没有打开的资料库。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/search_panel.py" line="83"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../reader/ui/window/search_panel.py" line="70"/>
        <location filename="../../reader/ui/window/search_panel.py" line="103"/>
        <source>%n hit(s)</source>
        <translation>
            <numerusform>%n 个结果</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/search_panel.py" line="105"/>
        <source>Nothing found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/search_panel.py" line="114"/>
        <source>The search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/window/search_panel.py" line="95"/>
        <source>Indexing the library for search: %1 of %2 segments…</source>
        <translation>正在为搜索建立索引：第 %1 段，共 %2 段…</translation>
    </message>
</context>
<context>
    <name>SegmentDelegate</name>
    <message>
        <location filename="../../reader/ui/table/delegates.py" line="203"/>
        <source>repeat of #%1</source>
        <translation>与第 %1 段重复</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="308"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="308"/>
        <source>Raw</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="308"/>
        <source>Cleaned</source>
        <translation>清理后</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="308"/>
        <source>Speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="308"/>
        <source>Topics</source>
        <translation>话题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="308"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="378"/>
        <source>Segment %1</source>
        <translation>第 %1 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="385"/>
        <source>Reviewed by %1</source>
        <translation>由 %1 审阅</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="387"/>
        <source>To do again: changed by %1 after review</source>
        <translation>需重新审阅：审阅后被 %1 修改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="390"/>
        <source>%1 open comments</source>
        <translation>%1 条未解决的批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="420"/>
        <source>[image]</source>
        <translation>[图片]</translation>
    </message>
    <message>
        <location filename="../../reader/ui/table/segment_model.py" line="422"/>
        <source>Image (not loaded): %1</source>
        <translation>图片（不加载）：%1</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="54"/>
        <source>Give the selected rows the speaker of that key</source>
        <translation>为所选行指定该键对应的说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="55"/>
        <source>Take the speaker off the selected rows</source>
        <translation>去掉所选行的说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="56"/>
        <source>Edit the current cell; in the editor, save</source>
        <translation>编辑当前单元格；在编辑器中则保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="57"/>
        <source>In the editor: cancel</source>
        <translation>在编辑器中：取消</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="58"/>
        <source>In the topic picker: take that suggestion</source>
        <translation>在话题选择器中：采用该建议</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="98"/>
        <source>Keyboard Shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="99"/>
        <source>Does</source>
        <translation>作用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="99"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="60"/>
        <source>In the comparison: next difference</source>
        <translation>比较中：下一处差异</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="61"/>
        <source>In the comparison: previous difference</source>
        <translation>比较中：上一处差异</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="62"/>
        <source>In the comparison: use the other transcript&apos;s wording</source>
        <translation>比较中：采用另一份转写稿的说法</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/shortcuts.py" line="63"/>
        <source>In the comparison: close it</source>
        <translation>比较中：关闭比较</translation>
    </message>
</context>
<context>
    <name>SpeakerManager</name>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="45"/>
        <source>Speakers</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="54"/>
        <source>New speaker&apos;s name</source>
        <translation>新说话人的名字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="56"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="59"/>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="61"/>
        <source>Colour…</source>
        <translation>颜色…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="63"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="64"/>
        <source>Its segments become unlabelled</source>
        <translation>其段落将变为未标注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="67"/>
        <source>Merge into</source>
        <translation>合并到</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="68"/>
        <source>Its segments move to the chosen speaker, and it goes</source>
        <translation>其段落归入所选说话人，并删除此说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="83"/>
        <source>Double-click a name to rename it.</source>
        <translation>双击名字可重命名。</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/speaker_manager.py" line="169"/>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
</context>
<context>
    <name>SuggestionsPanel</name>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="84"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="84"/>
        <source>Found</source>
        <translation>原文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="84"/>
        <source>Suggestion</source>
        <translation>建议</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="84"/>
        <source>Context</source>
        <translation>上下文</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="85"/>
        <source>&amp;Accept</source>
        <translation>接受(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="86"/>
        <source>Correct this segment (one undo step)</source>
        <translation>修改这一段（可一步撤销）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="87"/>
        <source>Accept A&amp;ll</source>
        <translation>全部接受(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="88"/>
        <source>Make a rule of this transcript that replaces every such spelling</source>
        <translation>为本转写稿添加规则，替换所有这种写法</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="89"/>
        <source>&amp;Ignore</source>
        <translation>忽略(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../reader/ui/panels/suggestions_panel.py" line="90"/>
        <source>Do not suggest this here again</source>
        <translation>此处不再提示</translation>
    </message>
</context>
<context>
    <name>TopicPicker</name>
    <message>
        <location filename="../../reader/ui/dialogs/topic_picker.py" line="28"/>
        <source>Topic: type, or Enter for the highlighted suggestion</source>
        <translation>话题：输入名称，或按回车采用高亮的建议</translation>
    </message>
    <message>
        <location filename="../../reader/ui/dialogs/topic_picker.py" line="44"/>
        <source>Suggested (Alt+1…9):</source>
        <translation>建议话题（Alt+1…9）：</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="10"/>
        <source> (install it: pip install &apos;transcript-reader[postgres]&apos;)</source>
        <translation>（请安装：pip install &apos;transcript-reader[postgres]&apos;）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="11"/>
        <source> The newest good backup is {backup}; restore it with: transcript-reader --db {db} restore {backup}</source>
        <translation> 最新的完好备份是 {backup}；恢复命令：transcript-reader --db {db} restore {backup}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="12"/>
        <source>; write the URL as postgresql+psycopg://..., the driver transcript-reader[postgres] installs</source>
        <translation>；请把 URL 写成 postgresql+psycopg://...，即 transcript-reader[postgres] 安装的驱动</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="13"/>
        <source>a device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="14"/>
        <source>a named pipe (FIFO)</source>
        <translation>命名管道（FIFO）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="15"/>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="16"/>
        <source>a tab or line break cannot be written to TSV</source>
        <translation>制表符或换行无法写入 TSV</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="17"/>
        <source>a time is between 0 and 100 hours</source>
        <translation>时间须在 0 到 100 小时之间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="18"/>
        <source>a time out of range (over {limit} hours)</source>
        <translation>时间超出范围（超过 {limit} 小时）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="19"/>
        <source>alias</source>
        <translation>别名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="20"/>
        <source>already exists (merge the two to make them one)</source>
        <translation>已存在（可把两者合并为一个）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="21"/>
        <source>an empty SQLite database</source>
        <translation>空的 SQLite 数据库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="22"/>
        <source>an image cannot be split</source>
        <translation>图片不能拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="23"/>
        <source>an image has no text to correct</source>
        <translation>图片没有可校对的文字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="24"/>
        <source>another program kept the library busy for {seconds} s; nothing was changed, try again</source>
        <translation>另一个程序占用文库达 {seconds} 秒；未做任何更改，请重试</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="25"/>
        <source>backups are made of SQLite libraries; back up a server&apos;s database with its own tools</source>
        <translation>只能备份 SQLite 文库；服务器上的数据库请用其自带工具备份</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="26"/>
        <source>bad replacement {replacement!r}: {error}</source>
        <translation>替换内容 {replacement!r} 有误：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="27"/>
        <source>cannot be merged into itself</source>
        <translation>不能与自身合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="28"/>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="29"/>
        <source>cannot connect: {error}</source>
        <translation>无法连接：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="30"/>
        <source>cannot decode it: as {encoding} it is mostly unassigned or private-use characters</source>
        <translation>无法解码：按 {encoding} 解读时大多是未分配或私用字符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="31"/>
        <source>cannot decode it: not UTF-8, GB18030, Big5 or UTF-16 text</source>
        <translation>无法解码：不是 UTF-8、GB18030、Big5 或 UTF-16 文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="32"/>
        <source>cannot make a library here: {reason}</source>
        <translation>无法在此创建文库：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="33"/>
        <source>cannot make the backup: {reason}</source>
        <translation>无法创建备份：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="34"/>
        <source>cannot open the library</source>
        <translation>无法打开文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="35"/>
        <source>cannot open the library: {error}</source>
        <translation>无法打开文库：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="36"/>
        <source>cannot open the library: {error}.{hint}</source>
        <translation>无法打开文库：{error}。{hint}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="37"/>
        <source>cannot reach the PostgreSQL server: nothing was saved; try again when it is back</source>
        <translation>无法连接 PostgreSQL 服务器：未保存任何内容；请在服务器恢复后重试</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="38"/>
        <source>cannot reach the PostgreSQL server; try again when it is back</source>
        <translation>无法连接 PostgreSQL 服务器；请在服务器恢复后重试</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="39"/>
        <source>cannot restore into it: {error}; nothing was changed</source>
        <translation>无法恢复到此处：{error}；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="40"/>
        <source>cannot restore this backup: {problem}; nothing was changed</source>
        <translation>无法恢复此备份：{problem}；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="41"/>
        <source>cannot store the password: {error}</source>
        <translation>无法保存密码：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="42"/>
        <source>cannot use this database: {error}</source>
        <translation>无法使用此数据库：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="43"/>
        <source>cannot write here: {reason}</source>
        <translation>无法写入此处：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="44"/>
        <source>cannot write: {reason}</source>
        <translation>无法写入：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="45"/>
        <source>choose one of {choices}</source>
        <translation>请从 {choices} 中选一个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="46"/>
        <source>colour {color!r}</source>
        <translation>颜色 {color!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="47"/>
        <source>comment</source>
        <translation>批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="48"/>
        <source>comment {comment}</source>
        <translation>批注 {comment}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="49"/>
        <source>damaged: {error}</source>
        <translation>已损坏：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="50"/>
        <source>damaged: {found}</source>
        <translation>已损坏：{found}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="51"/>
        <source>does not fit the pattern: {error}</source>
        <translation>与查找模式不符：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="52"/>
        <source>end {time}</source>
        <translation>结束时间 {time}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="53"/>
        <source>exists already</source>
        <translation>已存在</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="54"/>
        <source>exists; nothing was written (give --overwrite to replace it)</source>
        <translation>已存在；未写入任何内容（加 --overwrite 可替换）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="55"/>
        <source>expected pattern&lt;TAB&gt;replacement[&lt;TAB&gt;regex]</source>
        <translation>格式应为 模式&lt;TAB&gt;替换[&lt;TAB&gt;regex]</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="56"/>
        <source>expected term&lt;TAB&gt;alias,alias</source>
        <translation>格式应为 术语&lt;TAB&gt;别名,别名</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="57"/>
        <source>format {format!r}</source>
        <translation>格式 {format!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="58"/>
        <source>give a title with some text in it</source>
        <translation>请给出含文字的标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="59"/>
        <source>give a word (it is empty)</source>
        <translation>请填写词语（现在为空）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="60"/>
        <source>give it as #rrggbb</source>
        <translation>请写成 #rrggbb</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="61"/>
        <source>has fewer than two characters; nothing to split</source>
        <translation>不到两个字，无法拆分</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="62"/>
        <source>has no correction</source>
        <translation>没有校对文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="63"/>
        <source>has no times (it was not imported from subtitles), which {format} needs; export txt, md, docx, json or csv instead</source>
        <translation>没有时间（不是从字幕导入的），而 {format} 需要时间；请改为导出 txt、md、docx、json 或 csv</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="64"/>
        <source>is 100 hours or more</source>
        <translation>达到或超过 100 小时</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="65"/>
        <source>is a folder, not a file</source>
        <translation>是文件夹，不是文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="66"/>
        <source>is a folder, not a recording</source>
        <translation>是文件夹，不是录音</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="67"/>
        <source>is a folder, not a rules file</source>
        <translation>是文件夹，不是规则文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="68"/>
        <source>is a folder; give the file to write</source>
        <translation>是文件夹；请给出要写入的文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="69"/>
        <source>is a folder; give the library file&apos;s path</source>
        <translation>是文件夹；请给出文库文件的路径</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="70"/>
        <source>is an image; only text can be merged</source>
        <translation>是图片；只有文字段落可以合并</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="71"/>
        <source>is empty</source>
        <translation>为空</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="72"/>
        <source>is longer than {limit} characters</source>
        <translation>超过 {limit} 个字符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="73"/>
        <source>is not UTF-8 text</source>
        <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="74"/>
        <source>is not a regular file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="75"/>
        <source>is not an audio or video file (wav, mp3, m4a, flac, ogg, mp4, mkv, webm ...)</source>
        <translation>不是音频或视频文件（wav、mp3、m4a、flac、ogg、mp4、mkv、webm 等）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="76"/>
        <source>is the last segment; there is nothing after it to merge with</source>
        <translation>是最后一段；后面没有可合并的段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="77"/>
        <source>is the library itself</source>
        <translation>就是文库本身</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="78"/>
        <source>is the library itself; give another file for the backup</source>
        <translation>就是文库本身；请为备份另选一个文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="79"/>
        <source>is {kind}, not a regular file; nothing was read</source>
        <translation>是{kind}，不是普通文件；未读取任何内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="80"/>
        <source>it holds other tables</source>
        <translation>其中有别的表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="81"/>
        <source>its database driver is missing: {error}{hint}</source>
        <translation>缺少数据库驱动：{error}{hint}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="82"/>
        <source>its file name would leave {folder}</source>
        <translation>其文件名会超出 {folder}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="83"/>
        <source>its id is in use again; this step can no longer be applied</source>
        <translation>其编号已被重新使用；这一步无法再执行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="84"/>
        <source>labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="85"/>
        <source>limit {limit}</source>
        <translation>上限 {limit}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="86"/>
        <source>line 1: a WebVTT file must start with WEBVTT</source>
        <translation>第 1 行：WebVTT 文件必须以 WEBVTT 开头</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="87"/>
        <source>line {line}: malformed cue timing {timing!r}, expected 00:00:01.000 --&gt; 00:00:02.000</source>
        <translation>第 {line} 行：字幕时间 {timing!r} 格式有误，应为 00:00:01.000 --&gt; 00:00:02.000</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="88"/>
        <source>line {line}: malformed subtitle block, expected a number then a timing line like 00:00:01,000 --&gt; 00:00:02,000</source>
        <translation>第 {line} 行：字幕块格式有误，应先是序号，再是 00:00:01,000 --&gt; 00:00:02,000 这样的时间行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="89"/>
        <source>line {line}: malformed timing {timing!r}, expected 00:00:01,000 --&gt; 00:00:02,000</source>
        <translation>第 {line} 行：时间 {timing!r} 格式有误，应为 00:00:01,000 --&gt; 00:00:02,000</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="90"/>
        <source>line {line}: not valid JSON ({error})</source>
        <translation>第 {line} 行：不是有效的 JSON（{error}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="91"/>
        <source>line {line}: text outside any cue, expected a timing line like 00:00:01.000 --&gt; 00:00:02.000</source>
        <translation>第 {line} 行：文字不在任何字幕块中，应有 00:00:01.000 --&gt; 00:00:02.000 这样的时间行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="92"/>
        <source>line {line}: the cue ends before it starts</source>
        <translation>第 {line} 行：字幕的结束早于开始</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="93"/>
        <source>line {line}: time out of range (over {limit} hours)</source>
        <translation>第 {line} 行：时间超出范围（超过 {limit} 小时）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="94"/>
        <source>looks like transcript {transcript} ({title}): {share:.0%} of the wording shared</source>
        <translation>与转写稿 {transcript}（{title}）相似：{share:.0%} 的措辞相同</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="95"/>
        <source>made by a newer transcript-reader (JSON version {version}); this one reads version {known}</source>
        <translation>由更新版本的 transcript-reader 生成（JSON 版本 {version}）；本版本只能读取版本 {known}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="96"/>
        <source>made by a newer version of transcript-reader (schema {schemas}); this version will not open or change it, please update the app</source>
        <translation>由更新版本的 transcript-reader 创建（结构 {schemas}）；本版本不会打开或修改它，请更新应用</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="97"/>
        <source>made by a newer version of transcript-reader; update the app to restore it</source>
        <translation>由更新版本的 transcript-reader 创建；请更新应用后再恢复</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="98"/>
        <source>malformed cue: {error}</source>
        <translation>字幕块格式有误：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="99"/>
        <source>matches empty text, that is between every two characters</source>
        <translation>会匹配空文本，即任意两个字之间</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="100"/>
        <source>must be at least 1</source>
        <translation>至少为 1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="101"/>
        <source>must come after the start, {start}</source>
        <translation>必须晚于开始时间 {start}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="102"/>
        <source>must not hold a comma or a tab</source>
        <translation>不能含逗号或制表符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="103"/>
        <source>no such comment</source>
        <translation>没有这条批注</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="104"/>
        <source>no such file</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="105"/>
        <source>no such folder; export all writes one file per transcript into a folder</source>
        <translation>文件夹不存在；全部导出会把每份转写稿写成一个文件放进文件夹</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="106"/>
        <source>no such rule (see `rules list`)</source>
        <translation>没有这条规则（见 `rules list`）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="107"/>
        <source>no such segment (it may have been split, merged or deleted)</source>
        <translation>没有这个段落（可能已被拆分、合并或删除）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="108"/>
        <source>no such speaker</source>
        <translation>没有这位说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="109"/>
        <source>no such topic</source>
        <translation>没有这个话题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="110"/>
        <source>no such transcript (see `list`)</source>
        <translation>没有这份转写稿（见 `list`）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="111"/>
        <source>no transcript files ({suffixes}) in this folder</source>
        <translation>此文件夹中没有转写稿文件（{suffixes}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="112"/>
        <source>no transcript text in it (only headings or empty cues)</source>
        <translation>其中没有转写文字（只有标题或空字幕）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="113"/>
        <source>not UTF-8 text</source>
        <translation>不是 UTF-8 文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="114"/>
        <source>not a database URL</source>
        <translation>不是数据库 URL</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="115"/>
        <source>not a file</source>
        <translation>不是文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="116"/>
        <source>not a transcript-reader JSON export (nested too deeply)</source>
        <translation>不是 transcript-reader 导出的 JSON（嵌套过深）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="117"/>
        <source>not a transcript-reader JSON export (no &quot;format&quot;: &quot;{name}&quot;)</source>
        <translation>不是 transcript-reader 导出的 JSON（没有 &quot;format&quot;: &quot;{name}&quot;）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="118"/>
        <source>not a transcript-reader library</source>
        <translation>不是 transcript-reader 文库</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="119"/>
        <source>not a transcript-reader library (it holds other tables)</source>
        <translation>不是 transcript-reader 文库（其中有别的表）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="120"/>
        <source>not a transcript-reader library ({holding}); nothing was changed</source>
        <translation>不是 transcript-reader 文库（{holding}）；未做任何更改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="121"/>
        <source>not a valid database URL</source>
        <translation>不是有效的数据库 URL</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="122"/>
        <source>not a valid regular expression: {error}</source>
        <translation>不是有效的正则表达式：{error}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="123"/>
        <source>not in {where} (see `glossary list`)</source>
        <translation>不在{where}中（见 `glossary list`）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="124"/>
        <source>not valid JSON (a number too long to read)</source>
        <translation>不是有效的 JSON（数字过长，无法读取）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="125"/>
        <source>nothing to search for: type a word, a name or a few characters</source>
        <translation>没有可搜索的内容：请输入词语、名字或几个字</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="126"/>
        <source>numbers in Chinese numerals ({chinese_examples}, {chinese}×) and in digits ({digit_examples}, {digits}×)</source>
        <translation>数字既有中文写法（{chinese_examples}，{chinese}×）又有阿拉伯数字（{digit_examples}，{digits}×）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="127"/>
        <source>offset {offset}</source>
        <translation>位置 {offset}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="128"/>
        <source>paragraphs {paragraphs!r}</source>
        <translation>分段方式 {paragraphs!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="129"/>
        <source>pattern {pattern!r}</source>
        <translation>模式 {pattern!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="130"/>
        <source>position {position}</source>
        <translation>第 {position} 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="131"/>
        <source>positions {first}-{last}</source>
        <translation>第 {first}-{last} 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="132"/>
        <source>reads: {text}</source>
        <translation>内容为：{text}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="133"/>
        <source>repeats the segment before</source>
        <translation>重复上一段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="134"/>
        <source>repeats the segment before ({count} segments in a row, to {position})</source>
        <translation>重复上一段（连续 {count} 段，到第 {position} 段）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="135"/>
        <source>replacement {replacement!r}</source>
        <translation>替换内容 {replacement!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="136"/>
        <source>review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="137"/>
        <source>rule -&gt; {replacement!r}</source>
        <translation>规则 -&gt; {replacement!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="138"/>
        <source>rule {pattern!r}</source>
        <translation>规则 {pattern!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="139"/>
        <source>rule {rule}</source>
        <translation>规则 {rule}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="140"/>
        <source>rule {twin} already has this pattern here; change that one</source>
        <translation>规则 {twin} 在此已有相同模式；请修改那一条</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="141"/>
        <source>script {script!r}</source>
        <translation>字体 {script!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="142"/>
        <source>search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="143"/>
        <source>seconds go up to 59.999 after minutes</source>
        <translation>有分钟时，秒数最多为 59.999</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="144"/>
        <source>segment {position} has no start or end time, which {format} needs for every cue</source>
        <translation>第 {position} 段没有开始或结束时间，而 {format} 的每条字幕都需要</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="145"/>
        <source>segment {position} of transcript {transcript}</source>
        <translation>转写稿 {transcript} 的第 {position} 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="146"/>
        <source>segment {position} starts earlier, at {time}; times go in order</source>
        <translation>第 {position} 段开始得更早，在 {time}；时间须按顺序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="147"/>
        <source>segment {position} starts later, at {time}; times go in order</source>
        <translation>第 {position} 段开始得更晚，在 {time}；时间须按顺序</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="148"/>
        <source>segment {segment}</source>
        <translation>段落 {segment}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="149"/>
        <source>segments of one transcript at a time</source>
        <translation>一次只能处理同一份转写稿的段落</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="150"/>
        <source>someone</source>
        <translation>有人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="151"/>
        <source>speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="152"/>
        <source>speakers</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="153"/>
        <source>start {time}</source>
        <translation>开始时间 {time}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="154"/>
        <source>starts with a {encoding} byte-order mark but byte {bad} is not {encoding}</source>
        <translation>以 {encoding} 字节序标记开头，但第 {bad} 个字节不是 {encoding}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="155"/>
        <source>takes too long to match (a regular expression like (a|aa)+ backtracks without end)</source>
        <translation>匹配耗时过长（像 (a|aa)+ 这样的正则表达式会无休止地回溯）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="156"/>
        <source>term</source>
        <translation>术语</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="157"/>
        <source>term {term!r}</source>
        <translation>术语 {term!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="158"/>
        <source>the copy did not pass SQLite&apos;s quick_check: {found}</source>
        <translation>副本未通过 SQLite 的 quick_check：{found}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="159"/>
        <source>the disk could not be read or written (full, or failing?)</source>
        <translation>磁盘无法读写（已满，或出了故障？）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="160"/>
        <source>the disk is full ({reason}); nothing was written</source>
        <translation>磁盘已满（{reason}）；未写入任何内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="161"/>
        <source>the disk is full: nothing was saved</source>
        <translation>磁盘已满：未保存任何内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="162"/>
        <source>the disk is read-only ({reason}); nothing was written</source>
        <translation>磁盘只读（{reason}）；未写入任何内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="163"/>
        <source>the disk refused the write (full, or failing): nothing was saved</source>
        <translation>磁盘拒绝写入（已满或出了故障）：未保存任何内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="164"/>
        <source>the file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="165"/>
        <source>the file contains only whitespace</source>
        <translation>文件中只有空白</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="166"/>
        <source>the file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="167"/>
        <source>the file is empty, not a transcript-reader library; nothing was changed (give a new file&apos;s name to make a library)</source>
        <translation>文件为空，不是 transcript-reader 文库；未做任何更改（要新建文库，请给出新文件名）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="168"/>
        <source>the folder {folder} does not exist</source>
        <translation>文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="169"/>
        <source>the global glossary</source>
        <translation>全局术语表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="170"/>
        <source>the glossary of transcript {transcript}</source>
        <translation>转写稿 {transcript} 的术语表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="171"/>
        <source>the library is damaged ({damage}); nothing will be written to it.{hint}</source>
        <translation>文库已损坏（{damage}）；不会再向其中写入。{hint}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="172"/>
        <source>the library is read-only and made by another version of transcript-reader; it cannot be upgraded here</source>
        <translation>文库是只读的，且由另一版本的 transcript-reader 创建；无法在此升级</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="173"/>
        <source>the library is read-only: nothing was saved</source>
        <translation>文库是只读的：未保存任何内容</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="174"/>
        <source>the library&apos;s -wal file was deleted or replaced while it was open: nothing was saved; close every program using it and open it again</source>
        <translation>文库打开期间其 -wal 文件被删除或替换：未保存任何内容；请关闭所有使用它的程序后重新打开</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="175"/>
        <source>the pattern is empty</source>
        <translation>模式为空</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="176"/>
        <source>the pattern is {length:,} characters long; a rule&apos;s pattern may have at most {limit:,}</source>
        <translation>模式长 {length:,} 个字符；规则的模式最多 {limit:,} 个字符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="177"/>
        <source>the pattern must be one line without tabs</source>
        <translation>模式必须是一行且不含制表符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="178"/>
        <source>the query is too long ({length} characters; at most {limit})</source>
        <translation>查询过长（{length} 个字符；最多 {limit} 个）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="179"/>
        <source>the range runs backwards; give the smaller position first</source>
        <translation>范围颠倒了；请先写较小的位置</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="180"/>
        <source>the regular expression matches empty text</source>
        <translation>该正则表达式会匹配空文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="181"/>
        <source>the regular expression takes too long (over {seconds} s on {length} characters): it backtracks; write it without a repetition inside a repetition, such as (a|aa)+</source>
        <translation>该正则表达式耗时过长（{length} 个字符上超过 {seconds} 秒）：它在回溯；请避免重复里套重复，如 (a|aa)+</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="182"/>
        <source>the replacement grows beyond {limit:,} characters for one match</source>
        <translation>一次匹配的替换结果超过 {limit:,} 个字符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="183"/>
        <source>the replacement is {length:,} characters long; a rule&apos;s replacement may have at most {limit:,}</source>
        <translation>替换内容长 {length:,} 个字符；规则的替换内容最多 {limit:,} 个字符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="184"/>
        <source>the replacement must be one line without tabs</source>
        <translation>替换内容必须是一行且不含制表符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="185"/>
        <source>the term is empty</source>
        <translation>术语为空</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="186"/>
        <source>the text is empty</source>
        <translation>文字为空</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="187"/>
        <source>the third column must be {regex!r} or empty, not {flag!r}</source>
        <translation>第三列必须是 {regex!r} 或留空，而不是 {flag!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="188"/>
        <source>there are none yet; create one first</source>
        <translation>还没有；请先新建一个</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="189"/>
        <source>this is a binary file, not text</source>
        <translation>这是二进制文件，不是文本</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="190"/>
        <source>time {text!r}</source>
        <translation>时间 {text!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="191"/>
        <source>title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="192"/>
        <source>too large for a transcript (over {limit} MB)</source>
        <translation>作为转写稿过大（超过 {limit} MB）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="193"/>
        <source>topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="194"/>
        <source>topic {topic!r}</source>
        <translation>话题 {topic!r}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="195"/>
        <source>transcript {number}</source>
        <translation>第 {number} 份转写稿</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="196"/>
        <source>transcript {transcript}</source>
        <translation>转写稿 {transcript}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="197"/>
        <source>transcript {transcript} ({title})</source>
        <translation>转写稿 {transcript}（{title}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="198"/>
        <source>transcript {transcript} has no segment there (run `check`)</source>
        <translation>转写稿 {transcript} 在此位置没有段落（请运行 `check`）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="199"/>
        <source>transcript {transcript} has segments 1..{count}</source>
        <translation>转写稿 {transcript} 的段落为 1..{count}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="200"/>
        <source>unbalanced {pairs}</source>
        <translation>括号或引号不成对：{pairs}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="201"/>
        <source>was changed since; this step can no longer be applied</source>
        <translation>此后已被修改；这一步无法再执行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="202"/>
        <source>were changed since; this step can no longer be applied</source>
        <translation>此后已被修改；这一步无法再执行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="203"/>
        <source>write it as h:mm:ss.mmm, m:ss or seconds (e.g. 0:01:23.450 or 83.45)</source>
        <translation>请写成 h:mm:ss.mmm、m:ss 或秒数（如 0:01:23.450 或 83.45）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="204"/>
        <source>{author} saved version {version} of it, which {now}; your text was not saved</source>
        <translation>{author}保存了它的第 {version} 版，{now}；你的文字未保存</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="205"/>
        <source>{clause} ×{times}</source>
        <translation>{clause} ×{times}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="206"/>
        <source>{count} of the files exist ({names}); nothing was written (give --overwrite to replace them)</source>
        <translation>有 {count} 个文件已存在（{names}）；未写入任何内容（加 --overwrite 可替换）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="207"/>
        <source>{doing}: {reason}</source>
        <translation>{doing}：{reason}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="208"/>
        <source>{found} → {suggestion}: {context}</source>
        <translation>{found} → {suggestion}：{context}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="209"/>
        <source>{kind} name</source>
        <translation>{kind}名称</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="210"/>
        <source>{kind} name {name}…</source>
        <translation>{kind}名称 {name}…</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="211"/>
        <source>{length} characters (more than {limit})</source>
        <translation>{length} 个字符（超过 {limit}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="212"/>
        <source>{name} line {number}</source>
        <translation>{name} 第 {number} 行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="213"/>
        <source>{reason}.{hint}</source>
        <translation>{reason}。{hint}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="214"/>
        <source>{refusal}; skipped</source>
        <translation>{refusal}；已跳过</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="215"/>
        <source>{source}: line {number}</source>
        <translation>{source}：第 {number} 行</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="216"/>
        <source>{term} also written {variant} ({count}×)</source>
        <translation>{term} 也写作 {variant}（{count}×）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="217"/>
        <source>{what}: {why}</source>
        <translation>{what}：{why}</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="218"/>
        <source>{where} is not a JSON object</source>
        <translation>{where}不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="219"/>
        <source>{where} splits at 1..{last} (it has {size} characters)</source>
        <translation>{where}可在 1..{last} 处拆分（共 {size} 个字符）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="220"/>
        <source>{where}, edit {number}</source>
        <translation>{where}，第 {number} 次修改</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="221"/>
        <source>{where}, segment {number}</source>
        <translation>{where}，第 {number} 段</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="222"/>
        <source>{where}: &quot;at&quot; is not a date and time ({at!r})</source>
        <translation>{where}：&quot;at&quot; 不是日期时间（{at!r}）</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="223"/>
        <source>{where}: &quot;origin&quot; or &quot;author&quot; is empty or too long</source>
        <translation>{where}：&quot;origin&quot; 或 &quot;author&quot; 为空或过长</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="224"/>
        <source>{where}: &quot;raw&quot; is empty</source>
        <translation>{where}：&quot;raw&quot; 为空</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="225"/>
        <source>{where}: &quot;topics&quot; must be a list of names</source>
        <translation>{where}：&quot;topics&quot; 必须是名称列表</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="226"/>
        <source>{where}: &quot;{key}&quot; holds a NUL character or a lone surrogate</source>
        <translation>{where}：&quot;{key}&quot; 含 NUL 字符或孤立代理字符</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="227"/>
        <source>{where}: &quot;{key}&quot; is missing or of the wrong type</source>
        <translation>{where}：&quot;{key}&quot; 缺失或类型不对</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="228"/>
        <source>{where}: &quot;{key}&quot; is out of range</source>
        <translation>{where}：&quot;{key}&quot; 超出范围</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="229"/>
        <source>{where}: ends before it starts</source>
        <translation>{where}：结束早于开始</translation>
    </message>
    <message>
        <location filename="../../reader/ui/core_messages.py" line="230"/>
        <source>{where}: unknown kind &quot;{name}&quot;</source>
        <translation>{where}：未知类型 &quot;{name}&quot;</translation>
    </message>
</context>
<context>
    <name>label_steps</name>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="23"/>
        <source>speaker</source>
        <translation>说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="24"/>
        <source>topic</source>
        <translation>话题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="36"/>
        <source>Speaker %1 for %2 segment(s)</source>
        <translation>将 %2 段的说话人设为 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="41"/>
        <source>Clear the speaker of %1 segment(s)</source>
        <translation>清除 %1 段的说话人</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="48"/>
        <source>Topic %1 for %2 segment(s)</source>
        <translation>为 %2 段加上话题 %1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="57"/>
        <source>Remove topics from %1 segment(s)</source>
        <translation>移除 %1 段的话题</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="62"/>
        <source>New %1 %2</source>
        <translation>新建%1 %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="68"/>
        <source>Rename %1 to %2</source>
        <translation>将%1重命名为 %2</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="70"/>
        <source>Recolour %1</source>
        <translation>更改%1颜色</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="75"/>
        <source>Merge %1 into another</source>
        <translation>合并%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="80"/>
        <source>Delete %1</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <location filename="../../reader/ui/operations/labels.py" line="88"/>
        <source>Split segment %1 for the next speaker</source>
        <translation>拆分第 %1 段并交给下一位说话人</translation>
    </message>
</context>
</TS>
