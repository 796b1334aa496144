<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Social security card counter, version %1</source>
        <translation>社会保障卡柜面系统，版本 %1</translation>
    </message>
    <message>
        <source>Rules: %1 (%2), version %3</source>
        <translation>业务规则：%1（%2），版本 %3</translation>
    </message>
    <message>
        <source>Outlet: %1 (%2)</source>
        <translation>网点：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
</context>
<context>
    <name>ApplicationView</name>
    <message>
        <source>&amp;View document…</source>
        <translation>查看单据(&amp;V)…</translation>
    </message>
    <message>
        <source>Show &amp;numbers for 10 seconds</source>
        <translation>显示完整号码 10 秒(&amp;N)</translation>
    </message>
    <message>
        <source>Back (Esc)</source>
        <translation>返回（Esc）</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>退回(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>What the clerk &amp;entered</source>
        <translation>柜员录入内容(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Materials</source>
        <translation>材料(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Documents</source>
        <translation>单据(&amp;D)</translation>
    </message>
    <message>
        <source>This application changed meanwhile: it is now %1.</source>
        <translation>该申请刚刚发生变化：现为%1。</translation>
    </message>
    <message>
        <source>Loading the application…</source>
        <translation>正在载入申请…</translation>
    </message>
    <message>
        <source>Application %1</source>
        <translation>申请 %1</translation>
    </message>
    <message>
        <source>Flags: %1</source>
        <translation>关注事项：%1</translation>
    </message>
    <message>
        <source>Receipt %1 · clerk %2 %3 · submitted %4</source>
        <translation>回执 %1 · 经办柜员 %2 %3 · 提交于 %4</translation>
    </message>
    <message>
        <source>Decided by %1 %2 at %3</source>
        <translation>审批人 %1 %2，审批时间 %3</translation>
    </message>
    <message>
        <source>Reason for rejection: %1</source>
        <translation>退回原因：%1</translation>
    </message>
    <message>
        <source>You took this application yourself: another supervisor decides it.</source>
        <translation>此申请由您本人受理，须由另一位主管审批。</translation>
    </message>
    <message>
        <source>Deciding as supervisor %1 %2, signed in on this screen.</source>
        <translation>正以主管 %1 %2 的身份审批（在本屏幕签到）。</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>录入内容</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <source>%1&apos;s document number</source>
        <translation>%1证件号码</translation>
    </message>
    <message>
        <source>Relationship to the holder</source>
        <translation>与持卡人关系</translation>
    </message>
    <message>
        <source>Old card</source>
        <translation>旧卡</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>新卡</translation>
    </message>
    <message>
        <source>Card check</source>
        <translation>验卡</translation>
    </message>
    <message>
        <source>The chip could not be read</source>
        <translation>芯片无法读取</translation>
    </message>
    <message>
        <source>Card differs in</source>
        <translation>卡与证件不一致项</translation>
    </message>
    <message>
        <source>Accepted by supervisor</source>
        <translation>授权主管</translation>
    </message>
    <message>
        <source>Reason for accepting</source>
        <translation>授权理由</translation>
    </message>
    <message>
        <source>Correct %1</source>
        <translation>更正%1</translation>
    </message>
    <message>
        <source>Change certificate no.</source>
        <translation>变更证明编号</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>出具机关</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>工本费</translation>
    </message>
    <message>
        <source>%1, not collected yet</source>
        <translation>%1，尚未收取</translation>
    </message>
    <message>
        <source>Waiver</source>
        <translation>减免</translation>
    </message>
    <message>
        <source>Payment voucher</source>
        <translation>缴费凭证</translation>
    </message>
    <message>
        <source>%1, paid %2</source>
        <translation>%1，缴费时间 %2</translation>
    </message>
    <message>
        <source>Seen ✓</source>
        <translation>已查验 ✓</translation>
    </message>
    <message>
        <source>Not provided ✗</source>
        <translation>未提供 ✗</translation>
    </message>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Ticked</source>
        <translation>查验情况</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>单据</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <source>Prints</source>
        <translation>打印次数</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>正在保存审批结果…</translation>
    </message>
    <message>
        <source>Application %1 approved.</source>
        <translation>申请 %1 已批准。</translation>
    </message>
    <message>
        <source>Application %1 sent back to clerk %2 with the reason.</source>
        <translation>申请 %1 已连同退回原因退回柜员 %2。</translation>
    </message>
    <message>
        <source>Application %1 saved.</source>
        <translation>申请 %1 已保存。</translation>
    </message>
</context>
<context>
    <name>Applications</name>
    <message>
        <source>Card data overridden</source>
        <translation>卡证不一致已授权</translation>
    </message>
    <message>
        <source>Fee waived</source>
        <translation>减免工本费</translation>
    </message>
    <message>
        <source>Agent or guardian</source>
        <translation>代办人或监护人</translation>
    </message>
    <message>
        <source>ID number corrected</source>
        <translation>更正身份证号码</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1小时%2分</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
</context>
<context>
    <name>AuthoriseDialog</name>
    <message>
        <source>Supervisor decides here</source>
        <translation>主管在本屏幕审批</translation>
    </message>
    <message>
        <source>A supervisor signs in on this screen to decide application %1. The decision is recorded in the supervisor&apos;s name; the sign-in ends with it.</source>
        <translation>主管在本屏幕签到，审批申请 %1。审批以主管名义记录；审批完成即退出签到。</translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;staff number</source>
        <translation>主管工号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>签到(&amp;I)</translation>
    </message>
    <message>
        <source>Staff number and password are both required.</source>
        <translation>工号和密码均须填写。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
</context>
<context>
    <name>BusinessErrors</name>
    <message>
        <source>Clerk %1 %2 is already handling this business for this person. Ask them to finish or cancel it first.</source>
        <translation>柜员 %1 %2 正在为此人办理同一业务。请其先办结或作废后再办理。</translation>
    </message>
    <message>
        <source>This application is no longer a draft; it cannot be changed.</source>
        <translation>该申请已不是草稿，不能再修改。</translation>
    </message>
    <message>
        <source>This card is recorded for another person. Check the card.</source>
        <translation>此卡登记在他人名下，请核对卡片。</translation>
    </message>
    <message>
        <source>This card is cancelled.</source>
        <translation>此卡已注销。</translation>
    </message>
    <message>
        <source>This card has not been collected: it is kept at the outlet and cannot be reported lost.</source>
        <translation>此卡尚未领取，仍在网点保管，不能挂失。</translation>
    </message>
    <message>
        <source>This card is already reported lost.</source>
        <translation>此卡已挂失。</translation>
    </message>
    <message>
        <source>This card is not reported lost.</source>
        <translation>此卡未挂失。</translation>
    </message>
    <message>
        <source>A reissue is under way for this card: its formal loss cannot be cancelled.</source>
        <translation>此卡正在办理补卡，正式挂失不能解除。</translation>
    </message>
    <message>
        <source>The card is not ready for pickup yet.</source>
        <translation>新卡尚未制好，暂不能领取。</translation>
    </message>
    <message>
        <source>Card %1 is already being replaced: application %2 is under way. Its card comes first; a second application is not taken.</source>
        <translation>卡 %1 已在办理换补卡：申请 %2 正在办理中。须先办完该申请，不受理第二笔申请。</translation>
    </message>
    <message>
        <source>A step of this business was not completed (%1). Go back to it and complete it.</source>
        <translation>本业务有一步尚未完成（%1），请返回该步完成。</translation>
    </message>
    <message>
        <source>The holder is %1 years old: a guardian must act for them.</source>
        <translation>持卡人 %1 周岁，须由监护人代为办理。</translation>
    </message>
    <message>
        <source>The old card differs from the document and no supervisor accepted it for this application. Ask a supervisor to authorise it.</source>
        <translation>旧卡信息与证件不一致，且无主管为本申请授权。请主管授权。</translation>
    </message>
    <message>
        <source>The lost card is not formally reported lost: record the formal loss first.</source>
        <translation>该卡尚未正式挂失，请先办理正式挂失。</translation>
    </message>
    <message>
        <source>Required materials are not ticked: %1.</source>
        <translation>必需材料未勾选：%1。</translation>
    </message>
    <message>
        <source>The fee must be ¥%1 by the rules. Check the fee page.</source>
        <translation>按规定应收费 ¥%1，请检查缴费页。</translation>
    </message>
    <message>
        <source>The waiver needs a waiver the rules know and the number of its proof.</source>
        <translation>减免须为规定中的减免项目，并填写证明文件编号。</translation>
    </message>
    <message>
        <source>This is the old card. Put the new card in the reader.</source>
        <translation>这是旧卡，请将新卡放入读卡器。</translation>
    </message>
    <message>
        <source>The new card does not carry the applicant&apos;s name and number. Check the card.</source>
        <translation>新卡上的姓名和号码与申请人不符，请检查卡片。</translation>
    </message>
    <message>
        <source>The document shown is not the applicant&apos;s. Check the document or record an agent.</source>
        <translation>出示的证件不是申请人的，请核对证件或登记代办人。</translation>
    </message>
</context>
<context>
    <name>BusinessWizard</name>
    <message>
        <source>← &amp;Back (Esc)</source>
        <translation>← 返回(&amp;B)（Esc）</translation>
    </message>
    <message>
        <source>&amp;Cancel business</source>
        <translation>作废业务(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Fill from the card in the reader</source>
        <translation>用读卡器中的卡填写(&amp;F)</translation>
    </message>
    <message>
        <source>Supervisor &amp;authorises…</source>
        <translation>主管授权(&amp;A)…</translation>
    </message>
    <message>
        <source>Record the &amp;formal loss now…</source>
        <translation>立即办理正式挂失(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Print the form…</source>
        <translation>打印申请表(&amp;P)…</translation>
    </message>
    <message>
        <source>The holder&apos;s record is corrected; now the card is replaced.</source>
        <translation>持卡人信息已更正，现在办理换卡。</translation>
    </message>
    <message>
        <source>Draft resumed where it stopped.</source>
        <translation>已从上次中断处继续办理草稿。</translation>
    </message>
    <message>
        <source>%1 · step %2 of %3: %4</source>
        <translation>%1 · 第 %2 步，共 %3 步：%4</translation>
    </message>
    <message>
        <source>&amp;New business</source>
        <translation>新业务(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Submit (Enter)</source>
        <translation>提交(&amp;S)（回车）</translation>
    </message>
    <message>
        <source>&amp;Hand over the card (Enter)</source>
        <translation>发放新卡(&amp;H)（回车）</translation>
    </message>
    <message>
        <source>&amp;Record (Enter)</source>
        <translation>登记(&amp;R)（回车）</translation>
    </message>
    <message>
        <source>&amp;Next (Enter) →</source>
        <translation>下一步(&amp;N)（回车）→</translation>
    </message>
    <message>
        <source>Hand the new card to %1 (%2), receipt %3?</source>
        <translation>将新卡发给 %1（%2），受理编号 %3？</translation>
    </message>
    <message>
        <source>Holder: %1, %2</source>
        <translation>持卡人：%1，%2</translation>
    </message>
    <message>
        <source>Fee: ¥%1</source>
        <translation>工本费：¥%1</translation>
    </message>
    <message>
        <source>A returning customer: their record filled the form.</source>
        <translation>老客户：已按记录填写。</translation>
    </message>
    <message>
        <source>Not yet: %1</source>
        <translation>还不能下一步：%1</translation>
    </message>
    <message>
        <source>A formal loss report cannot be withdrawn once a reissue is applied for. Record it?</source>
        <translation>正式挂失在申请补卡后不能解除。确定登记吗？</translation>
    </message>
    <message>
        <source>The card will be usable again as soon as the loss report is cancelled. Cancel it?</source>
        <translation>解除挂失后此卡立即恢复使用。确定解挂吗？</translation>
    </message>
    <message>
        <source>Loss report</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Go back one step? What you entered on this page is kept.</source>
        <translation>返回上一步吗？本页已填写的内容会保留。</translation>
    </message>
    <message>
        <source>Cancel business</source>
        <translation>作废业务</translation>
    </message>
    <message>
        <source>Leave this business? Nothing was saved yet.</source>
        <translation>离开此业务吗？尚未保存任何内容。</translation>
    </message>
    <message>
        <source>Authorised by %1.</source>
        <translation>已由 %1 授权。</translation>
    </message>
    <message>
        <source>Formal loss report</source>
        <translation>正式挂失</translation>
    </message>
    <message>
        <source>The card will be reported lost formally, now. A formal loss cannot be withdrawn once the reissue is applied for. Record it?</source>
        <translation>将立即为此卡办理正式挂失。申请补卡后正式挂失不能解除。确定登记吗？</translation>
    </message>
    <message>
        <source>Print: %1</source>
        <translation>打印：%1</translation>
    </message>
    <message>
        <source>Done. Receipt number: %1</source>
        <translation>已办结。受理编号：%1</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已办结。</translation>
    </message>
</context>
<context>
    <name>CardMessages</name>
    <message>
        <source>Looking for the card reader…</source>
        <translation>正在查找读卡器…</translation>
    </message>
    <message>
        <source>Card read without holder data</source>
        <translation>已读卡（无持卡人信息）</translation>
    </message>
    <message>
        <source>Card not genuine</source>
        <translation>卡片未通过真伪验证</translation>
    </message>
    <message>
        <source>Card service not running</source>
        <translation>读卡服务未运行</translation>
    </message>
    <message>
        <source>No reader</source>
        <translation>未连接读卡器</translation>
    </message>
    <message>
        <source>No card</source>
        <translation>未插卡</translation>
    </message>
    <message>
        <source>Card present</source>
        <translation>已插卡</translation>
    </message>
    <message>
        <source>Reading the card…</source>
        <translation>正在读卡…</translation>
    </message>
    <message>
        <source>Card read</source>
        <translation>读卡完成</translation>
    </message>
    <message>
        <source>Not a social security card</source>
        <translation>不是社保卡</translation>
    </message>
    <message>
        <source>The card could not be read</source>
        <translation>无法读卡</translation>
    </message>
    <message>
        <source>Another program is using the card reader. Close it, then press Read again.</source>
        <translation>另一个程序正在使用读卡器。请关闭该程序，然后点击“重新读卡”。</translation>
    </message>
    <message>
        <source>The card was taken out during the read. Put it back in the reader.</source>
        <translation>读卡时卡片被拔出。请把卡重新插入读卡器。</translation>
    </message>
    <message>
        <source>This is not a social security card (perhaps a bank card or a transport card). Insert the customer&apos;s social security card.</source>
        <translation>这不是社保卡（可能是银行卡或交通卡）。请插入客户的社会保障卡。</translation>
    </message>
    <message>
        <source>This card failed the check that proves it genuine (internal authentication): it may be counterfeit. Keep the card and follow the outlet&apos;s procedure for suspect cards.</source>
        <translation>此卡未通过真伪验证（内部认证），可能是伪卡。请留存此卡，并按网点可疑卡片处理规定办理。</translation>
    </message>
    <message>
        <source>The reader&apos;s secure module (PSAM) stopped answering during the read. Check that it sits in its slot, then press Read again; if that fails again, call IT staff.</source>
        <translation>读卡时读卡器的安全模块（PSAM）停止响应。请检查它是否插好，然后点击“重新读卡”；如仍失败，请联系IT人员。</translation>
    </message>
    <message>
        <source>The card refused the keys of the reader&apos;s secure module (PSAM). Call IT staff: the PSAM may not be the one for this region.</source>
        <translation>卡片拒绝了读卡器安全模块（PSAM）的密钥。请联系IT人员：该PSAM可能不适用于本地区。</translation>
    </message>
    <message>
        <source>This card is locked. The customer needs to have it unlocked or replaced.</source>
        <translation>此卡已锁定，客户需办理解锁或换卡。</translation>
    </message>
    <message>
        <source>The card could not be read. Take it out and put it back; if that fails again, the card may be damaged.</source>
        <translation>无法读取此卡。请取出后重新插入；如果仍然失败，卡片可能已损坏。</translation>
    </message>
    <message>
        <source>The card service is not running. Card reading resumes by itself when it is back; if it does not, call IT staff.</source>
        <translation>读卡服务没有运行。服务恢复后会自动继续读卡；如果一直没有恢复，请联系科技人员。</translation>
    </message>
    <message>
        <source>No card reader is attached. Plug the reader in.</source>
        <translation>没有连接读卡器。请插好读卡器。</translation>
    </message>
    <message>
        <source>No card in the reader. Insert the customer&apos;s card.</source>
        <translation>读卡器中没有卡。请插入客户的社保卡。</translation>
    </message>
    <message>
        <source>Keep the card in the reader until the data appear.</source>
        <translation>信息显示之前请勿拔卡。</translation>
    </message>
    <message>
        <source>This third-generation card shows its holder&apos;s data only through the reader&apos;s secure module (PSAM). Below is what could be read without it.</source>
        <translation>这是第三代社保卡，持卡人信息须通过读卡器的安全模块（PSAM）才能读取。以下是不经 PSAM 可以读到的信息。</translation>
    </message>
    <message>
        <source>The reader&apos;s secure module (PSAM) proved the card genuine and opened its holder data.</source>
        <translation>读卡器的安全模块（PSAM）已验证此卡为真卡，并读取了持卡人信息。</translation>
    </message>
    <message>
        <source>Some of the card&apos;s data do not add up. Check them against the customer&apos;s ID card.</source>
        <translation>卡内部分信息前后不一致，请与客户的身份证核对。</translation>
    </message>
    <message>
        <source>Reader: none</source>
        <translation>读卡器：无</translation>
    </message>
    <message>
        <source>Reader: looking…</source>
        <translation>读卡器：正在查找…</translation>
    </message>
    <message>
        <source>Reader: card service not running</source>
        <translation>读卡器：读卡服务未运行</translation>
    </message>
    <message>
        <source>Reader: %1 (simulator)</source>
        <translation>读卡器：%1（模拟器）</translation>
    </message>
    <message>
        <source>Reader: %1</source>
        <translation>读卡器：%1</translation>
    </message>
</context>
<context>
    <name>Confirm</name>
    <message>
        <source>Cancel the application</source>
        <translation>作废申请</translation>
    </message>
    <message>
        <source>The application will be cancelled for good; it stays in the records. Why?</source>
        <translation>申请将被永久作废（记录仍保留）。作废原因？</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>程序出错</translation>
    </message>
    <message>
        <source>An unexpected error occurred. What you entered is kept where it was saved. Copy this report for IT staff; you can go on working.</source>
        <translation>发生了意外错误。已保存的内容不会丢失。请复制此报告交给科技人员；您可以继续办理业务。</translation>
    </message>
    <message>
        <source>Copy report</source>
        <translation>复制报告</translation>
    </message>
</context>
<context>
    <name>DraftsPage</name>
    <message>
        <source>My drafts: Enter resumes the chosen one where it stopped.</source>
        <translation>我的草稿：按回车从中断处继续办理所选草稿。</translation>
    </message>
    <message>
        <source>&amp;Resume (Enter)</source>
        <translation>继续办理(&amp;R)（回车）</translation>
    </message>
    <message>
        <source>Cancel &amp;draft…</source>
        <translation>作废草稿(&amp;D)…</translation>
    </message>
    <message>
        <source>stopped at: %1</source>
        <translation>停在：%1</translation>
    </message>
    <message>
        <source>Sent back: %1</source>
        <translation>退回原因：%1</translation>
    </message>
    <message>
        <source>Correction approved (receipt %1): start the card replacement · %2 %3</source>
        <translation>信息更正已批准（受理编号 %1）：办理换卡 · %2 %3</translation>
    </message>
    <message>
        <source>No drafts.</source>
        <translation>没有草稿。</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Replacement</source>
        <translation>换卡</translation>
    </message>
    <message>
        <source>Reissue after loss</source>
        <translation>补卡</translation>
    </message>
    <message>
        <source>Correct holder information</source>
        <translation>信息更正</translation>
    </message>
    <message>
        <source>Pickup and activation</source>
        <translation>领卡启用</translation>
    </message>
    <message>
        <source>Loss report</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>柜员</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>业务主管</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>有效期满</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>卡片损坏</translation>
    </message>
    <message>
        <source>Upgrade to a newer card</source>
        <translation>升级换代</translation>
    </message>
    <message>
        <source>Information on the card changed</source>
        <translation>卡面信息变更</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>卡片遗失</translation>
    </message>
    <message>
        <source>Quality problem</source>
        <translation>质量问题</translation>
    </message>
    <message>
        <source>Wrong or 15-digit ID number</source>
        <translation>公民身份号码有误或升位</translation>
    </message>
    <message>
        <source>Name changed</source>
        <translation>姓名变更</translation>
    </message>
    <message>
        <source>Another item</source>
        <translation>其他信息</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已退回</translation>
    </message>
    <message>
        <source>In production</source>
        <translation>制卡中</translation>
    </message>
    <message>
        <source>Ready for pickup</source>
        <translation>待领取</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unspecified</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Resident ID card</source>
        <translation>居民身份证</translation>
    </message>
    <message>
        <source>Hong Kong/Macao permit</source>
        <translation>港澳居民来往内地通行证</translation>
    </message>
    <message>
        <source>Taiwan permit</source>
        <translation>台湾居民来往大陆通行证</translation>
    </message>
    <message>
        <source>Foreign permanent resident ID</source>
        <translation>外国人永久居留身份证</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>护照</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>正常使用</translation>
    </message>
    <message>
        <source>Reported lost (temporary)</source>
        <translation>临时挂失</translation>
    </message>
    <message>
        <source>Reported lost (formal)</source>
        <translation>正式挂失</translation>
    </message>
    <message>
        <source>Waiting for pickup</source>
        <translation>待领卡</translation>
    </message>
    <message>
        <source>Card cancelled</source>
        <translation>已注销</translation>
    </message>
    <message>
        <source>Temporary</source>
        <translation>临时挂失</translation>
    </message>
    <message>
        <source>Formal</source>
        <translation>正式挂失</translation>
    </message>
    <message>
        <source>12333 hotline</source>
        <translation>12333 热线</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>柜面</translation>
    </message>
</context>
<context>
    <name>LiveIndicator</name>
    <message>
        <source>Live updates: connecting…</source>
        <translation>实时更新：正在连接…</translation>
    </message>
    <message>
        <source>● Live: changes appear by themselves.</source>
        <translation>● 实时：变化会自动显示。</translation>
    </message>
    <message>
        <source>● Offline: this list may be out of date. It refreshes by itself when the connection is back.</source>
        <translation>● 离线：此列表可能不是最新。连接恢复后会自动刷新。</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Screen locked</source>
        <translation>屏幕已锁定</translation>
    </message>
    <message>
        <source>Locked. %1 %2, enter your password to continue.</source>
        <translation>已锁屏。%1 %2，请输入密码继续。</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>签退</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Sign in to the counter</source>
        <translation>柜员签到</translation>
    </message>
    <message>
        <source>Staff number</source>
        <translation>柜员号</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Chinese (中文)</source>
        <translation>中文</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English（英文）</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>签到</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Connecting to the database…</source>
        <translation>正在连接数据库…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在签到…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Social security card counter</source>
        <translation>社会保障卡柜面系统</translation>
    </message>
    <message>
        <source>Lock screen</source>
        <translation>锁屏</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>签退</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>Reprint receipt (%1)</source>
        <translation>重打回执（%1）</translation>
    </message>
    <message>
        <source>Daily report</source>
        <translation>业务日报</translation>
    </message>
    <message>
        <source>Choose a business on the left, or press its key (F2–F6).</source>
        <translation>请在左侧选择业务，或按对应功能键（F2–F6）。</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>No customer is being served.</source>
        <translation>当前没有正在办理的客户。</translation>
    </message>
    <message>
        <source>Rules: %1 version %2</source>
        <translation>规则：%1 版本 %2</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>客户查询</translation>
    </message>
    <message>
        <source>My drafts (%1)</source>
        <translation>我的草稿（%1）</translation>
    </message>
    <message>
        <source>My applications</source>
        <translation>我的申请</translation>
    </message>
    <message>
        <source>Approval queue (%1)</source>
        <translation>审批队列（%1）</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <source>this workstation</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>outlet server</source>
        <translation>网点服务器</translation>
    </message>
    <message>
        <source>Database: %1, %2</source>
        <translation>数据库：%1，%2</translation>
    </message>
    <message>
        <source>Leave the business in progress? It stays in My drafts.</source>
        <translation>离开正在办理的业务吗？它会保留在“我的草稿”中。</translation>
    </message>
    <message>
        <source>Leave the business in progress? Nothing of it was saved yet.</source>
        <translation>离开正在办理的业务吗？其内容尚未保存。</translation>
    </message>
    <message>
        <source>Business in progress</source>
        <translation>业务办理中</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Wrong staff number or password.</source>
        <translation>柜员号或密码错误。</translation>
    </message>
    <message>
        <source>Wrong staff number or password. %n more failed attempt(s) will lock the account.</source>
        <translation>柜员号或密码错误。再错 %n 次账户将被锁定。</translation>
    </message>
    <message>
        <source>This account is locked after too many failed attempts. Ask an administrator to unlock it.</source>
        <translation>该账户因多次密码错误已被锁定，请联系管理员解锁。</translation>
    </message>
    <message>
        <source>This account is disabled. Ask an administrator.</source>
        <translation>该账户已停用，请联系管理员。</translation>
    </message>
    <message>
        <source>You cannot decide an application you took yourself.</source>
        <translation>不能审批自己受理的申请。</translation>
    </message>
    <message>
        <source>Your role does not allow this.</source>
        <translation>您的岗位无权进行此操作。</translation>
    </message>
    <message>
        <source>Already decided: %1 by %2 (%3) at %4. That decision stands; the list has been refreshed.</source>
        <translation>该申请已由 %2（%3）于 %4 审批，结果为“%1”，以该结果为准；列表已刷新。</translation>
    </message>
    <message>
        <source>Someone else changed this application meanwhile. It has been reloaded.</source>
        <translation>该申请已被他人修改，已重新载入。</translation>
    </message>
    <message>
        <source>Write the reason: the clerk reads it.</source>
        <translation>请填写原因，柜员将看到此原因。</translation>
    </message>
    <message>
        <source>This application no longer exists. Refresh the list.</source>
        <translation>该申请已不存在，请刷新列表。</translation>
    </message>
    <message>
        <source>This application is %1 now: that cannot be done any more.</source>
        <translation>该申请当前为%1，已无法进行此操作。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters, with letters and digits.</source>
        <translation>密码至少 8 位，且须同时包含字母和数字。</translation>
    </message>
    <message>
        <source>The disk holding the database is full, so this step was not saved; everything saved before it is intact. Ask IT staff to free space, then try again.</source>
        <translation>存放数据库的磁盘已满，这一步没有保存；之前保存的内容完好无损。请联系IT人员腾出空间后再试。</translation>
    </message>
    <message>
        <source>The rules file cannot be used (%1). Ask IT staff to correct it; this window tries it again by itself.</source>
        <translation>规则文件无法使用（%1）。请联系 IT 人员更正；本窗口会自动重试。</translation>
    </message>
    <message>
        <source>The database cannot be reached. Nothing was lost; try again when the connection is back.</source>
        <translation>无法连接数据库。已录入的内容不会丢失，连接恢复后请重试。</translation>
    </message>
    <message>
        <source>Unexpected error: %1</source>
        <translation>意外错误：%1</translation>
    </message>
    <message>
        <source>The database has not been set up. Ask IT staff to run “counter-app db upgrade”.</source>
        <translation>数据库尚未初始化，请科技人员运行“counter-app db upgrade”。</translation>
    </message>
    <message>
        <source>The database is older than this application. Ask IT staff to run “counter-app db upgrade”.</source>
        <translation>数据库版本低于本程序，请科技人员运行“counter-app db upgrade”。</translation>
    </message>
    <message>
        <source>The database was upgraded by a newer version of this application. Ask IT staff to update this workstation.</source>
        <translation>数据库已被更新版本的程序升级，请科技人员更新本机程序。</translation>
    </message>
</context>
<context>
    <name>MyApplicationsPage</name>
    <message>
        <source>My submitted and rejected applications, newest first. Enter opens one.</source>
        <translation>我提交的和被退回的申请，最新的在前。按回车查看。</translation>
    </message>
    <message>
        <source>&amp;Open (Enter)</source>
        <translation>查看(&amp;O)（回车）</translation>
    </message>
    <message>
        <source>&amp;Rework as a draft</source>
        <translation>退回修改(&amp;R)</translation>
    </message>
    <message>
        <source>Supervisor &amp;decides here…</source>
        <translation>主管在此审批(&amp;D)…</translation>
    </message>
    <message>
        <source>Application %1 is now %2.</source>
        <translation>申请 %1 现为%2。</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Why it came back</source>
        <translation>退回原因</translation>
    </message>
    <message>
        <source>No submitted or rejected applications.</source>
        <translation>没有已提交或被退回的申请。</translation>
    </message>
    <message>
        <source>Application %1 is a draft again.</source>
        <translation>申请 %1 已重新成为草稿。</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <source>Supervisor authorisation</source>
        <translation>主管授权</translation>
    </message>
    <message>
        <source>The card differs from the document in: %1. A supervisor signs in here to accept it for this application, with the reason.</source>
        <translation>卡片与证件不一致：%1。须由主管在此登录，说明原因后予以认可。</translation>
    </message>
    <message>
        <source>Supervisor&apos;s &amp;staff number</source>
        <translation>主管工号(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Reason for accepting the card</source>
        <translation>认可原因(&amp;R)</translation>
    </message>
    <message>
        <source>Staff number, password and reason are all required.</source>
        <translation>工号、密码和原因均须填写。</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Reprint no. %1</source>
        <translation>重打 第 %1 次</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The preview cannot be shown (%1); the document can still be printed.</source>
        <translation>无法显示预览（%1），但仍可打印该单据。</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
</context>
<context>
    <name>PrinterMessages</name>
    <message>
        <source>the default printer</source>
        <translation>默认打印机</translation>
    </message>
    <message>
        <source>The printing service is not running on this workstation. Ask IT staff.</source>
        <translation>本机的打印服务未运行，请联系科技人员。</translation>
    </message>
    <message>
        <source>The printer %1 is not set up or cannot be found. Choose one in the settings, or ask IT staff.</source>
        <translation>打印机 %1 未设置或找不到。请在设置中选择打印机，或联系科技人员。</translation>
    </message>
    <message>
        <source>The printer %1 is paused or out of paper. Fix it, then press Print again.</source>
        <translation>打印机 %1 已暂停或缺纸。处理好后请再按“打印”。</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>未说明原因</translation>
    </message>
    <message>
        <source>The printer %1 refused the job: %2</source>
        <translation>打印机 %1 拒绝了打印任务：%2</translation>
    </message>
    <message>
        <source>The document could not be printed: %1</source>
        <translation>单据未能打印：%1</translation>
    </message>
    <message>
        <source>The document is kept and can be printed again at any time.</source>
        <translation>单据已保存，可随时再次打印。</translation>
    </message>
    <message>
        <source>Sent to %1.</source>
        <translation>已发送到%1。</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <source>Approval queue: oldest first. Enter opens one.</source>
        <translation>审批队列：等待最久的在前。按回车查看。</translation>
    </message>
    <message>
        <source>&amp;Business</source>
        <translation>业务(&amp;B)</translation>
    </message>
    <message>
        <source>C&amp;lerk no. (Enter)</source>
        <translation>柜员号(&amp;L)（回车）</translation>
    </message>
    <message>
        <source>any clerk</source>
        <translation>全部柜员</translation>
    </message>
    <message>
        <source>&amp;Waiting at least</source>
        <translation>等待至少(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Flag</source>
        <translation>关注事项(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation>排序(&amp;S)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next page</source>
        <translation>下一页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open (Enter)</source>
        <translation>查看(&amp;O)（回车）</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Waiting longest</source>
        <translation>等待最久</translation>
    </message>
    <message>
        <source>Newest</source>
        <translation>最新提交</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办柜员</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>已等待</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交时间</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>关注事项</translation>
    </message>
    <message>
        <source>No application is waiting.</source>
        <translation>没有待审批的申请。</translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3</source>
        <translation>第 %1–%2 条，共 %3 条</translation>
    </message>
    <message>
        <source>(yours: another supervisor decides)</source>
        <translation>（您本人受理，须由另一位主管审批）</translation>
    </message>
</context>
<context>
    <name>ReaderPanel</name>
    <message>
        <source>Card reader</source>
        <translation>读卡器</translation>
    </message>
    <message>
        <source>Read again</source>
        <translation>重新读卡</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Social security no.</source>
        <translation>社保号码</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>社保卡号</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>卡片代次</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发卡日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Card reading is off in this window.</source>
        <translation>本窗口未启用读卡。</translation>
    </message>
    <message>
        <source>%1, expired</source>
        <translation>%1，已过期</translation>
    </message>
    <message>
        <source>%1, valid</source>
        <translation>%1，有效</translation>
    </message>
</context>
<context>
    <name>RejectDialog</name>
    <message>
        <source>Reject application %1</source>
        <translation>退回申请 %1</translation>
    </message>
    <message>
        <source>Application %1 goes back to clerk %2 as a draft to fix and resubmit. Why? The clerk reads this:</source>
        <translation>申请 %1 将作为草稿退回柜员 %2，修改后重新提交。退回原因（柜员将看到）：</translation>
    </message>
    <message>
        <source>Send &amp;back to the clerk</source>
        <translation>退回柜员(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字。</translation>
    </message>
    <message>
        <source>Write the reason first.</source>
        <translation>请先填写退回原因。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Daily report</source>
        <translation>网点业务日报</translation>
    </message>
    <message>
        <source>Business &amp;day:</source>
        <translation>营业日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查看(&amp;S)</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>另存为 &amp;PDF…</translation>
    </message>
    <message>
        <source>Save as &amp;CSV…</source>
        <translation>另存为 &amp;CSV…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>打印(&amp;R)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Reading the figures…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办柜员</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>退回</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>发卡</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>No business on this day.</source>
        <translation>当日无业务。</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save the daily report</source>
        <translation>保存网点业务日报</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>The file cannot be written (%1). Choose another place.</source>
        <translation>无法写入文件（%1），请选择其他位置。</translation>
    </message>
    <message>
        <source>Daily report %1</source>
        <translation>网点业务日报 %1</translation>
    </message>
</context>
<context>
    <name>ReprintDialog</name>
    <message>
        <source>Reprint receipt</source>
        <translation>重打回执</translation>
    </message>
    <message>
        <source>Receipt number (scan the receipt&apos;s code or type the number):</source>
        <translation>回执编号（扫描回执上的条码或输入编号）：</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Scan the receipt&apos;s code or type its number.</source>
        <translation>请扫描回执上的条码或输入回执编号。</translation>
    </message>
    <message>
        <source>Looking for receipt %1…</source>
        <translation>正在查找回执 %1…</translation>
    </message>
    <message>
        <source>Receipt %1 found.</source>
        <translation>已找到回执 %1。</translation>
    </message>
    <message>
        <source>Acceptance receipt %1</source>
        <translation>受理回执 %1</translation>
    </message>
    <message>
        <source>There is no receipt %1. Check the number and try again.</source>
        <translation>没有编号为 %1 的回执。请核对编号后重试。</translation>
    </message>
    <message>
        <source>Receipt %1 sent to the printer (print %2).</source>
        <translation>回执 %1 已发送到打印机（第 %2 次打印）。</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Find a customer</source>
        <translation>查找客户</translation>
    </message>
    <message>
        <source>&amp;ID number, name, card number or receipt number:</source>
        <translation>身份证号码、姓名、卡号或回执编号(&amp;I)：</translation>
    </message>
    <message>
        <source>Type or scan, then press Enter</source>
        <translation>输入或扫描后按回车键</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>查找(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;People found:</source>
        <translation>查到的人员(&amp;P)：</translation>
    </message>
    <message>
        <source>Enter or a double click resumes your own draft or rejected application.</source>
        <translation>按回车键或双击，可继续办理您本人的草稿或被退回的申请。</translation>
    </message>
    <message>
        <source>Type an ID number, name, card number or receipt number first.</source>
        <translation>请先输入身份证号码、姓名、卡号或回执编号。</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Results for %1</source>
        <translation>%1 的查找结果</translation>
    </message>
    <message>
        <source>Nobody has this ID number here. Check it and try again.</source>
        <translation>没有持此身份证号码的人员。请核对后重试。</translation>
    </message>
    <message>
        <source>No card with this number is known here. Check it and try again.</source>
        <translation>没有此卡号的社保卡。请核对后重试。</translation>
    </message>
    <message>
        <source>There is no application with this receipt number. Check it and try again.</source>
        <translation>没有此回执编号的申请。请核对后重试。</translation>
    </message>
    <message>
        <source>Nobody has a document with this number here. Check it and try again.</source>
        <translation>没有持此证件号码的人员。请核对后重试。</translation>
    </message>
    <message>
        <source>Nobody with this name is known here.</source>
        <translation>没有此姓名的人员。</translation>
    </message>
    <message>
        <source>This customer&apos;s record is gone. Search again.</source>
        <translation>此客户的记录已不存在。请重新查找。</translation>
    </message>
    <message>
        <source>%1 · %2 · born %3 · %4 %5 · phone %6</source>
        <translation>%1 · %2 · 出生日期 %3 · %4 %5 · 电话 %6</translation>
    </message>
    <message>
        <source>Card no.</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>规范版本</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>发卡日期</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>&amp;Cards (%1)</source>
        <translation>社保卡（%1）(&amp;C)</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>业务</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>State</source>
        <translation>办理状态</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>回执编号</translation>
    </message>
    <message>
        <source>Created on</source>
        <translation>创建日期</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办柜员</translation>
    </message>
    <message>
        <source>&amp;Applications (%1)</source>
        <translation>申请（%1）(&amp;A)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>挂失类型</translation>
    </message>
    <message>
        <source>Reported via</source>
        <translation>挂失渠道</translation>
    </message>
    <message>
        <source>Reported on</source>
        <translation>挂失时间</translation>
    </message>
    <message>
        <source>Lapses on</source>
        <translation>失效日期</translation>
    </message>
    <message>
        <source>Standing</source>
        <translation>挂失状态</translation>
    </message>
    <message>
        <source>&amp;Loss reports (%1)</source>
        <translation>挂失记录（%1）(&amp;L)</translation>
    </message>
    <message>
        <source>Only clerk %1, who took application %2, can resume it.</source>
        <translation>申请 %2 由柜员 %1 受理，只有该柜员可以继续办理。</translation>
    </message>
    <message>
        <source>Application %1 is %2: only drafts and rejected applications resume.</source>
        <translation>申请 %1 的状态为“%2”：只有草稿和被退回的申请可以继续办理。</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>挂失中</translation>
    </message>
    <message>
        <source>Lapsed</source>
        <translation>已失效</translation>
    </message>
    <message>
        <source>Cancelled %1</source>
        <translation>已解挂 %1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>The database setting cannot be used</source>
        <translation>数据库设置无法使用</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>Training: simulated card</source>
        <translation>培训：模拟卡</translation>
    </message>
    <message>
        <source>Insert card</source>
        <translation>插入卡片</translation>
    </message>
    <message>
        <source>Take card out</source>
        <translation>取出卡片</translation>
    </message>
    <message>
        <source>The simulator could not do that: %1</source>
        <translation>模拟器未能完成操作：%1</translation>
    </message>
    <message>
        <source>Working on the simulated reader…</source>
        <translation>正在操作模拟读卡器…</translation>
    </message>
    <message>
        <source>The simulated reader is empty.</source>
        <translation>模拟读卡器中没有卡。</translation>
    </message>
    <message>
        <source>In the simulated reader: %1</source>
        <translation>模拟读卡器中：%1</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <source>Application form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <source>Payment voucher</source>
        <translation>缴费凭证</translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <source>Pickup confirmation</source>
        <translation>领卡确认单</translation>
    </message>
    <message>
        <source>Loss report confirmation</source>
        <translation>挂失确认单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持卡人</translation>
    </message>
    <message>
        <source>Agent or guardian</source>
        <translation>代办人或监护人</translation>
    </message>
    <message>
        <source>Old card</source>
        <translation>旧卡</translation>
    </message>
    <message>
        <source>Loss report</source>
        <translation>挂失</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>工本费</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>回执</translation>
    </message>
    <message>
        <source>Who collects</source>
        <translation>领卡人</translation>
    </message>
    <message>
        <source>New card</source>
        <translation>新卡</translation>
    </message>
    <message>
        <source>Hand over</source>
        <translation>发卡</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Document &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <source>Document &amp;number</source>
        <translation>证件号码(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Sex</source>
        <translation>性别(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Birth date (YYYY-MM-DD)</source>
        <translation>出生日期(&amp;B)（年-月-日）</translation>
    </message>
    <message>
        <source>&amp;Ethnicity</source>
        <translation>民族(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>Who &amp;applies</source>
        <translation>申请人(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Relationship to the holder</source>
        <translation>与持卡人关系(&amp;R)</translation>
    </message>
    <message>
        <source>Card number</source>
        <translation>卡号</translation>
    </message>
    <message>
        <source>Name on the card</source>
        <translation>卡上姓名</translation>
    </message>
    <message>
        <source>Number on the card</source>
        <translation>卡上证件号码</translation>
    </message>
    <message>
        <source>Sex on the card</source>
        <translation>卡上性别</translation>
    </message>
    <message>
        <source>Birth date on the card</source>
        <translation>卡上出生日期</translation>
    </message>
    <message>
        <source>The chip cannot be &amp;read</source>
        <translation>芯片无法读取(&amp;R)</translation>
    </message>
    <message>
        <source>Card number from the card&apos;s &amp;face</source>
        <translation>卡面上的卡号(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>卡片(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;What to do</source>
        <translation>办理事项(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Item to correct</source>
        <translation>更正项目(&amp;I)</translation>
    </message>
    <message>
        <source>Recorded now</source>
        <translation>现登记</translation>
    </message>
    <message>
        <source>&amp;Corrected value</source>
        <translation>更正为(&amp;C)</translation>
    </message>
    <message>
        <source>Change &amp;certificate no.</source>
        <translation>变更证明编号(&amp;C)</translation>
    </message>
    <message>
        <source>Issuing &amp;office</source>
        <translation>出具机关(&amp;O)</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应收金额</translation>
    </message>
    <message>
        <source>&amp;Waiver</source>
        <translation>减免(&amp;W)</translation>
    </message>
    <message>
        <source>Waiver &amp;proof no.</source>
        <translation>减免证明编号(&amp;P)</translation>
    </message>
    <message>
        <source>Fee &amp;collected</source>
        <translation>已收费(&amp;C)</translation>
    </message>
    <message>
        <source>Form printed</source>
        <translation>申请表已打印</translation>
    </message>
    <message>
        <source>The applicant has &amp;signed the form</source>
        <translation>申请人已在申请表上签字(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Receipt number (type or scan)</source>
        <translation>受理编号(&amp;R)（输入或扫描）</translation>
    </message>
    <message>
        <source>Day the customer &amp;called 12333</source>
        <translation>客户拨打 12333 的日期(&amp;C)</translation>
    </message>
    <message>
        <source>Who &amp;collects</source>
        <translation>领卡人(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Number on the holder&apos;s document</source>
        <translation>持卡人证件号码(&amp;N)</translation>
    </message>
    <message>
        <source>An agent</source>
        <translation>代办人</translation>
    </message>
    <message>
        <source>A guardian</source>
        <translation>监护人</translation>
    </message>
    <message>
        <source>Temporary loss report</source>
        <translation>临时挂失</translation>
    </message>
    <message>
        <source>Formal loss report</source>
        <translation>正式挂失</translation>
    </message>
    <message>
        <source>Record a 12333 hotline loss report</source>
        <translation>登记 12333 电话挂失</translation>
    </message>
    <message>
        <source>Cancel the loss report</source>
        <translation>解除挂失</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>民族</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>The holder in person</source>
        <translation>持卡人本人</translation>
    </message>
    <message>
        <source>name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>number</source>
        <translation>证件号码</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>必填。</translation>
    </message>
    <message>
        <source>At most %1 characters.</source>
        <translation>最多 %1 个字符。</translation>
    </message>
    <message>
        <source>Contains invisible control characters; type it again.</source>
        <translation>含有不可见的控制字符，请重新输入。</translation>
    </message>
    <message>
        <source>Choose one of the list.</source>
        <translation>请从列表中选择。</translation>
    </message>
    <message>
        <source>A date is written YYYY-MM-DD.</source>
        <translation>日期格式为 年-月-日（YYYY-MM-DD）。</translation>
    </message>
    <message>
        <source>This date is in the future.</source>
        <translation>这个日期在今天之后。</translation>
    </message>
    <message>
        <source>An ID number has 18 characters.</source>
        <translation>公民身份号码为 18 位。</translation>
    </message>
    <message>
        <source>A 15-digit number must first be upgraded: use the correction business (F4).</source>
        <translation>15 位号码须先升位：请办理信息更正（F4）。</translation>
    </message>
    <message>
        <source>17 digits, then a digit or X.</source>
        <translation>前 17 位为数字，最后一位为数字或 X。</translation>
    </message>
    <message>
        <source>The first two digits are not a province.</source>
        <translation>前两位不是省级行政区代码。</translation>
    </message>
    <message>
        <source>The birth date in the number is not possible.</source>
        <translation>号码中的出生日期不成立。</translation>
    </message>
    <message>
        <source>The check character should be %1: check the number.</source>
        <translation>校验码应为 %1，请核对号码。</translation>
    </message>
    <message>
        <source>5 to 20 letters A–Z or digits.</source>
        <translation>5 至 20 位字母 A–Z 或数字。</translation>
    </message>
    <message>
        <source>Digits only, with + or - where needed.</source>
        <translation>只能是数字，必要时可用 + 或 -。</translation>
    </message>
    <message>
        <source>A card number is a letter and 8 digits or letters.</source>
        <translation>卡号为 1 位字母加 8 位数字或字母。</translation>
    </message>
    <message>
        <source>The card number&apos;s check character should be %1.</source>
        <translation>卡号校验位应为 %1。</translation>
    </message>
    <message>
        <source>The ID number says otherwise.</source>
        <translation>与公民身份号码不符。</translation>
    </message>
    <message>
        <source>The ID number says %1.</source>
        <translation>公民身份号码显示为 %1。</translation>
    </message>
    <message>
        <source>The holder is %1 years old: a guardian must apply.</source>
        <translation>持卡人 %1 岁，须由监护人申请。</translation>
    </message>
    <message>
        <source>This is the holder&apos;s own document.</source>
        <translation>这是持卡人本人的证件。</translation>
    </message>
    <message>
        <source>Insert the card in the reader.</source>
        <translation>请将卡插入读卡器。</translation>
    </message>
    <message>
        <source>The card differs from the document in: %1. A supervisor must authorise.</source>
        <translation>卡片与证件不一致：%1。须主管授权。</translation>
    </message>
    <message>
        <source>Required: tick it when you have seen it.</source>
        <translation>必备材料：核验后勾选。</translation>
    </message>
    <message>
        <source>Collect the fee, then tick this.</source>
        <translation>收费后勾选。</translation>
    </message>
    <message>
        <source>Print the form (again if anything changed since it was printed).</source>
        <translation>请打印申请表（打印后如有修改须重新打印）。</translation>
    </message>
    <message>
        <source>The form must be signed.</source>
        <translation>申请表须签字。</translation>
    </message>
    <message>
        <source>The corrected value is the same as the old one.</source>
        <translation>更正后的内容与原内容相同。</translation>
    </message>
    <message>
        <source>This card is not formally reported lost: record the formal loss first.</source>
        <translation>此卡未正式挂失：请先办理正式挂失。</translation>
    </message>
    <message>
        <source>This card is cancelled.</source>
        <translation>此卡已注销。</translation>
    </message>
    <message>
        <source>This card has not been collected: it is kept at the outlet and cannot be reported lost.</source>
        <translation>此卡尚未领取，仍在网点保管，不能挂失。</translation>
    </message>
    <message>
        <source>This card is not reported lost.</source>
        <translation>此卡未挂失。</translation>
    </message>
    <message>
        <source>This card is already reported lost.</source>
        <translation>此卡已挂失。</translation>
    </message>
    <message>
        <source>A reissue is under way for this card (receipt %1).</source>
        <translation>此卡正在办理补卡（受理编号 %1）。</translation>
    </message>
    <message>
        <source>That report lapsed on %1: record a new loss report instead.</source>
        <translation>该挂失已于 %1 失效，请重新办理挂失。</translation>
    </message>
    <message>
        <source>No application has this receipt number.</source>
        <translation>没有此受理编号的申请。</translation>
    </message>
    <message>
        <source>The card is not ready for pickup yet.</source>
        <translation>新卡尚未制好，暂不能领取。</translation>
    </message>
    <message>
        <source>This is not the document the application was made with.</source>
        <translation>与申请时所用证件不符。</translation>
    </message>
    <message>
        <source>This card is not the applicant&apos;s (differs in: %1).</source>
        <translation>此卡不是申请人的卡（不一致：%1）。</translation>
    </message>
    <message>
        <source>This is the old card: insert the new one.</source>
        <translation>这是旧卡，请插入新卡。</translation>
    </message>
</context>
</TS>
