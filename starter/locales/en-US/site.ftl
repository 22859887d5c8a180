# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = Example procedures
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
page-root-intro = Procedures for our product, in two languages.
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
article-earlier-revision = Translated from an earlier version of this article. The English article has changed since; the current version is shown above.
article-not-included = { $kind ->
        [code] Code sample not included on this page: { $target }
        [include] Shared content not included on this page: { $target }
        [video] Video not included on this page: { $target }
       *[extension] Content not included on this page: { $target }
    }

## Alerts

alert-note = Note
alert-important = Important
alert-tip = Tip
alert-warning = Warning
alert-caution = Caution

## Topics (articles are grouped by topic on the index)

topic-subscriptions = Subscriptions

## Footer

footer-attribution = © Example Corporation. All rights reserved.
footer-built-with = Built with drillbook.

## Translation dashboard

dashboard-title = Translation status
dashboard-intro = Every translation compared with the English source by drillbook check: missing, stale and wrong messages, per language and file.
dashboard-locale-intro = This language's files compared with the English source by drillbook check: missing, stale and wrong messages, per file.
dashboard-caption = Translation status per language and file
dashboard-language = Language
dashboard-file = File
dashboard-translated = Translated
dashboard-missing = Missing
dashboard-stale = Stale
dashboard-errors = Errors
dashboard-no-problems = No problems: every translation matches the current English.
dashboard-summary = Summary
dashboard-up-to-date = Up to date
dashboard-progress = Progress
dashboard-files = Files
dashboard-files-caption = Files of this language
dashboard-filter = Filter by status
dashboard-filter-all = All files
dashboard-filter-missing = With missing messages
dashboard-filter-stale = With stale messages
dashboard-filter-errors = With errors
dashboard-filter-complete = Complete
dashboard-no-files = No file matches this filter.
dashboard-other-languages = Other languages
dashboard-warnings = Other warnings
dashboard-severity-error = Error
dashboard-severity-warning = Warning
dashboard-view-page = Open the translated page
dashboard-view-source = Open the English page
dashboard-detail-note = Each problem ends with the detail that drillbook check prints, in English, with the file, line and column to fix.
dashboard-code-other = Other problem
dashboard-code-missing-file = File not translated yet
dashboard-code-missing-message = Message not translated yet
dashboard-code-missing-attribute = Attribute not translated yet
dashboard-code-stale = The English changed since this translation was reviewed
dashboard-code-untranslated = Translation identical to the English
dashboard-code-obsolete-file = File no longer in the English source
dashboard-code-obsolete-message = Message no longer in the English source
dashboard-code-duplicate-attribute = Attribute defined twice
dashboard-code-plural-unused = Plural form this language never uses
dashboard-code-external-article = Link to an article outside this site
dashboard-code-ftl-syntax = Invalid Fluent syntax
dashboard-code-nesting-too-deep = Placeables nested too deeply
dashboard-code-markup-too-long = Text too long or too nested to render
dashboard-code-duplicate-id = Message or term defined twice
dashboard-code-missing-value = Message without a value
dashboard-code-obsolete-value = Value the English message does not have
dashboard-code-obsolete-attribute = Attribute the English message does not have
dashboard-code-variable-mismatch = Variables differ from the English
dashboard-code-term-mismatch = UI terms differ from the English
dashboard-code-message-ref-mismatch = Message references differ from the English
dashboard-code-unknown-reference = Reference to something that does not exist
dashboard-code-plural-categories = Plural form missing for this language
dashboard-code-markup-mismatch = Formatting (bold, links) differs from the English
dashboard-code-unsafe-text = Text that could inject HTML or hide characters
dashboard-code-label-inconsistent = UI label typed out instead of using its term
dashboard-code-label-mismatch = UI label differs from the locale's term
dashboard-code-glossary = Glossary term not used
dashboard-code-format-error = Message failed to format
dashboard-code-broken-link = Link to a page that does not exist
dashboard-code-broken-anchor = Link to a section that does not exist
dashboard-change-legend = In the English now, words removed since the review are struck through and words added are underlined.
dashboard-change-now = English now
dashboard-change-reviewed = English when reviewed
dashboard-change-translation = Translation
dashboard-change-unknown = The English this translation was reviewed against is not recorded (drillbook l10n accept records it), so what changed cannot be shown.
dashboard-diff-added = added:
dashboard-diff-removed = removed:
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
