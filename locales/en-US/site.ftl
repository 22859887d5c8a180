# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = Partner Center procedures
# This language's name, written in this language (used by the language switcher).
language-name = English (United States)

## Navigation

nav-skip = Skip to main content
nav-languages = All languages
nav-articles = Articles
nav-language-switcher = Language
nav-breadcrumb = Breadcrumb
nav-pager = More in this topic
nav-previous = Previous
nav-next = Next
# After a link to a page that is only available in English.
link-english = English

## Pages

page-root-title = Choose your language
page-root-intro = Procedures for Partner Center, in six languages.
page-index-title = Articles
page-index-intro = Step-by-step procedures you can read, print and rehearse.
page-404-title = Page not found
page-404-body = The page you asked for does not exist. Choose a language to see the list of articles.
# Shown in a training package (`drillbook package`) opened without a learning management system.
package-no-lms = This page is not connected to a learning management system: you can practise, but no results are recorded.

## Articles

article-audience = Appropriate roles:
article-in-this-article = In this article
article-fallback = Not yet translated; shown in English.
article-machine-translated = This page was machine translated. The English version is the reference.
article-step-stale = This step was updated in English; the translation may not match it yet.

## Alerts

alert-note = Note
alert-important = Important
alert-tip = Tip
alert-warning = Warning
alert-caution = Caution

## Topics (articles are grouped by topic on the index)

topic-customers = Customers

## Footer

footer-attribution = Content adapted from Partner Center documentation, © Microsoft Corporation and contributors, licensed under CC BY 4.0.
footer-built-with = Built with drillbook.

## Translation dashboard

dashboard-title = Translation status
dashboard-intro = Every translation compared with the English source by drillbook check: missing, stale and wrong messages, per language and file.
dashboard-caption = Translation status per language and file
dashboard-language = Language
dashboard-file = File
dashboard-translated = Translated
dashboard-missing = Missing
dashboard-stale = Stale
dashboard-errors = Errors
dashboard-problems = Problems
dashboard-no-problems = No problems: every translation matches the current English.
nav-dashboard = Translation status

## Search (the box in the header of every page)

search-label = Search
search-placeholder = Search articles
search-no-results = No articles match your search.
search-results = { $count ->
    [one] { $count } article found
   *[other] { $count } articles found
}
search-error = Search could not be loaded.
