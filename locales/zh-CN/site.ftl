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
dashboard-caption = 按语言和文件列出的翻译状态
dashboard-language = 语言
dashboard-file = 文件
dashboard-translated = 已翻译
dashboard-missing = 缺失
dashboard-stale = 过时
dashboard-errors = 错误
dashboard-problems = 问题
dashboard-no-problems = 没有问题：所有翻译都与当前英文一致。
nav-dashboard = 翻译状态

## Search (the box in the header of every page)

search-label = 搜索
search-placeholder = 搜索文章
search-no-results = 没有与搜索内容匹配的文章。
search-results = 找到 { $count } 篇文章
search-error = 无法加载搜索功能。
