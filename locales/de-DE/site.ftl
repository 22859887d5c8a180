# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = Partner Center-Anleitungen
# This language's name, written in this language (used by the language switcher).
language-name = Deutsch (Deutschland)

## Navigation

nav-skip = Zum Hauptinhalt springen
nav-languages = Alle Sprachen
nav-articles = Artikel
nav-language-switcher = Sprache
nav-breadcrumb = Brotkrümelnavigation
nav-pager = Mehr zu diesem Thema
nav-previous = Zurück
nav-next = Weiter
# After a link to a page that is only available in English.
link-english = Englisch

## Pages

page-root-title = Wählen Sie Ihre Sprache
page-root-intro = Anleitungen für Partner Center in sechs Sprachen.
page-index-title = Artikel
page-index-intro = Schritt-für-Schritt-Anleitungen zum Lesen, Ausdrucken und Üben.
page-404-title = Seite nicht gefunden
page-404-body = Die angeforderte Seite ist nicht vorhanden. Wählen Sie eine Sprache aus, um die Liste der Artikel anzuzeigen.
package-no-lms = Diese Seite ist mit keinem Learning-Management-System verbunden: Sie können üben, aber es werden keine Ergebnisse aufgezeichnet.

## Articles

article-audience = Geeignete Rollen:
article-in-this-article = In diesem Artikel
article-fallback = Noch nicht übersetzt; wird auf Englisch angezeigt.
article-machine-translated = Diese Seite wurde maschinell übersetzt. Maßgeblich ist die englische Version.
article-step-stale = Dieser Schritt wurde im Englischen geändert; die Übersetzung entspricht ihm möglicherweise noch nicht.

## Alerts

alert-note = Hinweis
alert-important = Wichtig
alert-tip = Tipp
alert-warning = Warnung
alert-caution = Achtung

## Topics (articles are grouped by topic on the index)

topic-customers = Kunden

## Footer

footer-attribution = Inhalte adaptiert aus der Partner Center-Dokumentation, © Microsoft Corporation und Mitwirkende, lizenziert unter CC BY 4.0.
footer-built-with = Erstellt mit drillbook.

## Translation dashboard

dashboard-title = Übersetzungsstatus
dashboard-intro = Jede Übersetzung, von drillbook check mit der englischen Quelle verglichen: fehlende, veraltete und fehlerhafte Meldungen, nach Sprache und Datei.
dashboard-caption = Übersetzungsstatus nach Sprache und Datei
dashboard-language = Sprache
dashboard-file = Datei
dashboard-translated = Übersetzt
dashboard-missing = Fehlend
dashboard-stale = Veraltet
dashboard-errors = Fehler
dashboard-problems = Probleme
dashboard-no-problems = Keine Probleme: Jede Übersetzung entspricht dem aktuellen Englisch.
nav-dashboard = Übersetzungsstatus

## Search (the box in the header of every page)

search-label = Suche
search-placeholder = Artikel durchsuchen
search-no-results = Keine Artikel entsprechen Ihrer Suche.
search-results = { $count ->
    [one] { $count } Artikel gefunden
   *[other] { $count } Artikel gefunden
}
search-error = Die Suche konnte nicht geladen werden.
