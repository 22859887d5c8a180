# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = Beispielanleitungen
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
page-root-intro = Anleitungen für unser Produkt in zwei Sprachen.
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
article-earlier-revision = Übersetzt aus einer früheren Version dieses Artikels. Der englische Artikel wurde seitdem geändert; die aktuelle Version steht oben.
article-not-included = { $kind ->
        [code] Codebeispiel auf dieser Seite nicht enthalten: { $target }
        [include] Gemeinsam genutzter Inhalt auf dieser Seite nicht enthalten: { $target }
        [video] Video auf dieser Seite nicht enthalten: { $target }
       *[extension] Inhalt auf dieser Seite nicht enthalten: { $target }
    }

## Alerts

alert-note = Hinweis
alert-important = Wichtig
alert-tip = Tipp
alert-warning = Warnung
alert-caution = Achtung

## Topics (articles are grouped by topic on the index)

topic-subscriptions = Abonnements

## Footer

footer-attribution = © Example Corporation. Alle Rechte vorbehalten.
footer-built-with = Erstellt mit drillbook.

## Translation dashboard

dashboard-title = Übersetzungsstatus
dashboard-intro = Jede Übersetzung, von drillbook check mit der englischen Quelle verglichen: fehlende, veraltete und fehlerhafte Meldungen, nach Sprache und Datei.
dashboard-locale-intro = Die Dateien dieser Sprache, von drillbook check mit der englischen Quelle verglichen: fehlende, veraltete und fehlerhafte Meldungen, nach Datei.
dashboard-caption = Übersetzungsstatus nach Sprache und Datei
dashboard-language = Sprache
dashboard-file = Datei
dashboard-translated = Übersetzt
dashboard-missing = Fehlend
dashboard-stale = Veraltet
dashboard-errors = Fehler
dashboard-no-problems = Keine Probleme: Jede Übersetzung entspricht dem aktuellen Englisch.
dashboard-summary = Zusammenfassung
dashboard-up-to-date = Aktuell
dashboard-progress = Fortschritt
dashboard-files = Dateien
dashboard-files-caption = Dateien dieser Sprache
dashboard-filter = Nach Status filtern
dashboard-filter-all = Alle Dateien
dashboard-filter-missing = Mit fehlenden Meldungen
dashboard-filter-stale = Mit veralteten Meldungen
dashboard-filter-errors = Mit Fehlern
dashboard-filter-complete = Vollständig
dashboard-no-files = Keine Datei entspricht diesem Filter.
dashboard-other-languages = Andere Sprachen
dashboard-warnings = Weitere Warnungen
dashboard-severity-error = Fehler
dashboard-severity-warning = Warnung
dashboard-view-page = Übersetzte Seite öffnen
dashboard-view-source = Englische Seite öffnen
dashboard-detail-note = Jedes Problem endet mit dem Detail, das drillbook check auf Englisch ausgibt, mit Datei, Zeile und Spalte der Korrektur.
dashboard-code-other = Anderes Problem
dashboard-code-missing-file = Datei noch nicht übersetzt
dashboard-code-missing-message = Meldung noch nicht übersetzt
dashboard-code-missing-attribute = Attribut noch nicht übersetzt
dashboard-code-stale = Das Englische hat sich seit der Prüfung dieser Übersetzung geändert
dashboard-code-untranslated = Übersetzung identisch mit dem Englischen
dashboard-code-obsolete-file = Datei nicht mehr in der englischen Quelle
dashboard-code-obsolete-message = Meldung nicht mehr in der englischen Quelle
dashboard-code-duplicate-attribute = Attribut doppelt definiert
dashboard-code-plural-unused = Pluralform, die diese Sprache nie verwendet
dashboard-code-external-article = Link zu einem Artikel außerhalb dieser Website
dashboard-code-ftl-syntax = Ungültige Fluent-Syntax
dashboard-code-nesting-too-deep = Platzhalter zu tief verschachtelt
dashboard-code-markup-too-long = Text zu lang oder zu verschachtelt für die Darstellung
dashboard-code-duplicate-id = Meldung oder Begriff doppelt definiert
dashboard-code-missing-value = Meldung ohne Wert
dashboard-code-obsolete-value = Wert, den die englische Meldung nicht hat
dashboard-code-obsolete-attribute = Attribut, das die englische Meldung nicht hat
dashboard-code-variable-mismatch = Variablen weichen vom Englischen ab
dashboard-code-term-mismatch = UI-Begriffe weichen vom Englischen ab
dashboard-code-message-ref-mismatch = Meldungsverweise weichen vom Englischen ab
dashboard-code-unknown-reference = Verweis auf etwas, das nicht existiert
dashboard-code-plural-categories = Pluralform für diese Sprache fehlt
dashboard-code-markup-mismatch = Formatierung (Fettdruck, Links) weicht vom Englischen ab
dashboard-code-unsafe-text = Text, der HTML einschleusen oder Zeichen verbergen könnte
dashboard-code-label-inconsistent = UI-Beschriftung ausgeschrieben statt als Begriff verwendet
dashboard-code-label-mismatch = UI-Beschriftung weicht vom Begriff der Sprache ab
dashboard-code-glossary = Glossarbegriff nicht verwendet
dashboard-code-format-error = Meldung konnte nicht formatiert werden
dashboard-code-broken-link = Link zu einer Seite, die nicht existiert
dashboard-code-broken-anchor = Link zu einem Abschnitt, der nicht existiert
dashboard-change-legend = Im aktuellen Englisch sind seit der Prüfung entfernte Wörter durchgestrichen und hinzugefügte Wörter unterstrichen.
dashboard-change-now = Englisch jetzt
dashboard-change-reviewed = Englisch bei der Prüfung
dashboard-change-translation = Übersetzung
dashboard-change-unknown = Das Englisch, gegen das diese Übersetzung geprüft wurde, ist nicht gespeichert (drillbook l10n accept speichert es); was sich geändert hat, lässt sich daher nicht zeigen.
dashboard-diff-added = hinzugefügt:
dashboard-diff-removed = entfernt:
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
