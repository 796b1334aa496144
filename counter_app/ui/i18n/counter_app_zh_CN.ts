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
        <source>My drafts (%1)</source>
        <translation>我的草稿（%1）</translation>
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
        <source>%1: the steps of this business are not available in this version.</source>
        <translation>%1：本版本尚未提供此业务的办理步骤。</translation>
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
        <source>Someone else changed this application meanwhile. It has been reloaded.</source>
        <translation>该申请已被他人修改，已重新载入。</translation>
    </message>
    <message>
        <source>A password needs at least 8 characters, with letters and digits.</source>
        <translation>密码至少 8 位，且须同时包含字母和数字。</translation>
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
    <name>Startup</name>
    <message>
        <source>The rules file cannot be used</source>
        <translation>业务规则文件无法使用</translation>
    </message>
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
</TS>
