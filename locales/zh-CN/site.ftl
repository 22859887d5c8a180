# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = 合作伙伴中心操作步骤
# This language's name, written in this language (used by the language switcher).
language-name = 中文（简体）

## Navigation

nav-skip = 跳转到主要内容
nav-languages = 所有语言
nav-articles = 文章
nav-language-switcher = 语言
nav-breadcrumb = 痕迹导航
nav-pager = 此主题的更多内容
nav-previous = 上一篇
nav-next = 下一篇
# After a link to a page that is only available in English.
link-english = 英文

## Pages

page-root-title = 选择语言
page-root-intro = 合作伙伴中心操作步骤，提供六种语言版本。
page-index-title = 文章
page-index-intro = 可供阅读、打印和演练的分步操作步骤。
page-404-title = 找不到页面
page-404-body = 你请求的页面不存在。请选择一种语言以查看文章列表。
package-no-lms = 此页面未连接到学习管理系统：你可以练习，但不会记录任何结果。

## Articles

article-audience = 相应的角色：
article-in-this-article = 本文内容
article-fallback = 尚未翻译；以英文显示。
article-machine-translated = 本页为机器翻译。以英文版本为准。
article-step-stale = 此步骤的英文原文已更新，译文可能尚未同步。
article-earlier-revision = 以下内容译自本文的早期版本。英文文章此后已更新；当前版本显示在上方。
article-not-included = { $kind ->
        [code] 此页面未包含代码示例：{ $target }
        [include] 此页面未包含共享内容：{ $target }
        [video] 此页面未包含视频：{ $target }
       *[extension] 此页面未包含此内容：{ $target }
    }

## Alerts

alert-note = 备注
alert-important = 重要
alert-tip = 提示
alert-warning = 警告
alert-caution = 注意

## Topics (articles are grouped by topic on the index)

topic-customers = 客户

## Footer

footer-attribution = 内容改编自合作伙伴中心文档，© Microsoft Corporation 及贡献者，根据 CC BY 4.0 授权。
footer-built-with = 使用 drillbook 构建。

## Translation dashboard

dashboard-title = 翻译状态
dashboard-intro = drillbook check 将每个翻译与英文原文进行比较：按语言和文件列出缺失、过时和错误的消息。
dashboard-locale-intro = drillbook check 将此语言的文件与英文原文进行比较：按文件列出缺失、过时和错误的消息。
dashboard-caption = 按语言和文件列出的翻译状态
dashboard-language = 语言
dashboard-file = 文件
dashboard-translated = 已翻译
dashboard-missing = 缺失
dashboard-stale = 过时
dashboard-errors = 错误
dashboard-no-problems = 没有问题：所有翻译都与当前英文一致。
dashboard-summary = 概要
dashboard-up-to-date = 最新
dashboard-progress = 进度
dashboard-files = 文件
dashboard-files-caption = 此语言的文件
dashboard-filter = 按状态筛选
dashboard-filter-all = 所有文件
dashboard-filter-missing = 有缺失消息
dashboard-filter-stale = 有过时消息
dashboard-filter-errors = 有错误
dashboard-filter-complete = 已完成
dashboard-no-files = 没有符合此筛选条件的文件。
dashboard-other-languages = 其他语言
dashboard-warnings = 其他警告
dashboard-severity-error = 错误
dashboard-severity-warning = 警告
dashboard-view-page = 打开译文页面
dashboard-view-source = 打开英文页面
dashboard-detail-note = 每个问题最后附有 drillbook check 输出的英文详细信息，以及需要修改的文件、行和列。
dashboard-change-legend = 在当前英文中，审校后删除的词带删除线，新增的词带下划线。
dashboard-change-reviewed = 审校时的英文
dashboard-change-now = 当前英文
dashboard-change-translation = 译文
dashboard-change-unknown = 未记录此译文审校时所依据的英文（drillbook l10n accept 会记录），因此无法显示改动内容。
dashboard-diff-removed = 删除：
dashboard-diff-added = 新增：
dashboard-code-other = 其他问题
dashboard-code-missing-file = 文件尚未翻译
dashboard-code-missing-message = 消息尚未翻译
dashboard-code-missing-attribute = 属性尚未翻译
dashboard-code-stale = 自审校此翻译以来英文已更改
dashboard-code-untranslated = 译文与英文完全相同
dashboard-code-obsolete-file = 英文原文中已不再有此文件
dashboard-code-obsolete-message = 英文原文中已不再有此消息
dashboard-code-duplicate-attribute = 属性定义了两次
dashboard-code-plural-unused = 此语言从不使用的复数形式
dashboard-code-external-article = 指向本站以外文章的链接
dashboard-code-ftl-syntax = Fluent 语法无效
dashboard-code-nesting-too-deep = 占位符嵌套过深
dashboard-code-markup-too-long = 文本过长或嵌套过深，无法呈现
dashboard-code-duplicate-id = 消息或术语定义了两次
dashboard-code-missing-value = 消息没有值
dashboard-code-obsolete-value = 英文消息没有的值
dashboard-code-obsolete-attribute = 英文消息没有的属性
dashboard-code-variable-mismatch = 变量与英文不一致
dashboard-code-term-mismatch = 界面术语与英文不一致
dashboard-code-message-ref-mismatch = 消息引用与英文不一致
dashboard-code-unknown-reference = 引用了不存在的内容
dashboard-code-plural-categories = 缺少此语言所需的复数形式
dashboard-code-markup-mismatch = 格式（粗体、链接）与英文不一致
dashboard-code-unsafe-text = 可能注入 HTML 或隐藏字符的文本
dashboard-code-label-inconsistent = 直接写出了界面标签，而未使用其术语
dashboard-code-label-mismatch = 界面标签与此语言的术语不一致
dashboard-code-glossary = 未使用术语表中的术语
dashboard-code-format-error = 消息格式化失败
dashboard-code-broken-link = 指向不存在页面的链接
dashboard-code-broken-anchor = 指向不存在章节的链接
nav-dashboard = 翻译状态

## Search (the box in the header of every page)

search-label = 搜索
search-placeholder = 搜索文章
search-no-results = 没有与搜索内容匹配的文章。
search-results = 找到 { $count } 篇文章
search-error = 无法加载搜索功能。
