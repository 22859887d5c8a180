# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = Procedures voor Partner Center
# This language's name, written in this language (used by the language switcher).
language-name = Nederlands (Nederland)

## Navigation

nav-skip = Naar hoofdinhoud gaan
nav-languages = Alle talen
nav-articles = Artikelen
nav-language-switcher = Taal
nav-breadcrumb = Kruimelpad
nav-pager = Meer over dit onderwerp
nav-previous = Vorige
nav-next = Volgende
# After a link to a page that is only available in English.
link-english = Engels

## Pages

page-root-title = Kies uw taal
page-root-intro = Procedures voor Partner Center, in zes talen.
page-index-title = Artikelen
page-index-intro = Stapsgewijze procedures die u kunt lezen, afdrukken en oefenen.
page-404-title = Pagina niet gevonden
page-404-body = De pagina die u hebt opgevraagd, bestaat niet. Kies een taal om de lijst met artikelen te bekijken.
package-no-lms = Deze pagina is niet verbonden met een leerbeheersysteem: u kunt oefenen, maar er worden geen resultaten vastgelegd.

## Articles

article-audience = Juiste rollen:
article-in-this-article = In dit artikel
article-fallback = Nog niet vertaald; wordt in het Engels weergegeven.
article-machine-translated = Deze pagina is machinaal vertaald. De Engelse versie is de referentie.
article-step-stale = Deze stap is in het Engels bijgewerkt; de vertaling komt er mogelijk nog niet mee overeen.
article-earlier-revision = Vertaald uit een eerdere versie van dit artikel. Het Engelse artikel is sindsdien gewijzigd; de huidige versie staat hierboven.
article-not-included = { $kind ->
        [code] Codevoorbeeld niet opgenomen op deze pagina: { $target }
        [include] Gedeelde inhoud niet opgenomen op deze pagina: { $target }
        [video] Video niet opgenomen op deze pagina: { $target }
       *[extension] Inhoud niet opgenomen op deze pagina: { $target }
    }

## Alerts

alert-note = Opmerking
alert-important = Belangrijk
alert-tip = Tip
alert-warning = Waarschuwing
alert-caution = Let op

## Topics (articles are grouped by topic on the index)

topic-customers = Klanten

## Footer

footer-attribution = Inhoud aangepast uit de documentatie van Partner Center, © Microsoft Corporation en bijdragers, gelicentieerd onder CC BY 4.0.
footer-built-with = Gemaakt met drillbook.

## Translation dashboard

dashboard-title = Vertaalstatus
dashboard-intro = Elke vertaling door drillbook check vergeleken met de Engelse bron: ontbrekende, verouderde en foute berichten, per taal en bestand.
dashboard-locale-intro = De bestanden van deze taal door drillbook check vergeleken met de Engelse bron: ontbrekende, verouderde en foute berichten, per bestand.
dashboard-caption = Vertaalstatus per taal en bestand
dashboard-language = Taal
dashboard-file = Bestand
dashboard-translated = Vertaald
dashboard-missing = Ontbrekend
dashboard-stale = Verouderd
dashboard-errors = Fouten
dashboard-no-problems = Geen problemen: elke vertaling komt overeen met het huidige Engels.
dashboard-summary = Samenvatting
dashboard-up-to-date = Actueel
dashboard-progress = Voortgang
dashboard-files = Bestanden
dashboard-files-caption = Bestanden van deze taal
dashboard-filter = Filteren op status
dashboard-filter-all = Alle bestanden
dashboard-filter-missing = Met ontbrekende berichten
dashboard-filter-stale = Met verouderde berichten
dashboard-filter-errors = Met fouten
dashboard-filter-complete = Volledig
dashboard-no-files = Geen bestand voldoet aan dit filter.
dashboard-other-languages = Andere talen
dashboard-warnings = Overige waarschuwingen
dashboard-severity-error = Fout
dashboard-severity-warning = Waarschuwing
dashboard-view-page = Vertaalde pagina openen
dashboard-view-source = Engelse pagina openen
dashboard-detail-note = Elk probleem eindigt met het detail dat drillbook check in het Engels toont, met het bestand, de regel en de kolom om te corrigeren.
dashboard-change-legend = In het huidige Engels zijn woorden die sinds de controle zijn verwijderd doorgestreept en toegevoegde woorden onderstreept.
dashboard-change-reviewed = Engels bij de controle
dashboard-change-now = Engels nu
dashboard-change-translation = Vertaling
dashboard-change-unknown = Het Engels waartegen deze vertaling is gecontroleerd, is niet vastgelegd (drillbook l10n accept legt het vast), dus wat er is veranderd kan niet worden getoond.
dashboard-diff-removed = verwijderd:
dashboard-diff-added = toegevoegd:
dashboard-code-other = Ander probleem
dashboard-code-missing-file = Bestand nog niet vertaald
dashboard-code-missing-message = Bericht nog niet vertaald
dashboard-code-missing-attribute = Attribuut nog niet vertaald
dashboard-code-stale = Het Engels is gewijzigd sinds deze vertaling is gecontroleerd
dashboard-code-untranslated = Vertaling gelijk aan het Engels
dashboard-code-obsolete-file = Bestand niet meer in de Engelse bron
dashboard-code-obsolete-message = Bericht niet meer in de Engelse bron
dashboard-code-duplicate-attribute = Attribuut twee keer gedefinieerd
dashboard-code-plural-unused = Meervoudsvorm die deze taal nooit gebruikt
dashboard-code-external-article = Link naar een artikel buiten deze site
dashboard-code-ftl-syntax = Ongeldige Fluent-syntaxis
dashboard-code-nesting-too-deep = Plaatsaanduidingen te diep genest
dashboard-code-markup-too-long = Tekst te lang of te diep genest om weer te geven
dashboard-code-duplicate-id = Bericht of term twee keer gedefinieerd
dashboard-code-missing-value = Bericht zonder waarde
dashboard-code-obsolete-value = Waarde die het Engelse bericht niet heeft
dashboard-code-obsolete-attribute = Attribuut dat het Engelse bericht niet heeft
dashboard-code-variable-mismatch = Variabelen wijken af van het Engels
dashboard-code-term-mismatch = UI-termen wijken af van het Engels
dashboard-code-message-ref-mismatch = Berichtverwijzingen wijken af van het Engels
dashboard-code-unknown-reference = Verwijzing naar iets dat niet bestaat
dashboard-code-plural-categories = Meervoudsvorm ontbreekt voor deze taal
dashboard-code-markup-mismatch = Opmaak (vet, links) wijkt af van het Engels
dashboard-code-unsafe-text = Tekst die HTML kan injecteren of tekens kan verbergen
dashboard-code-label-inconsistent = UI-label uitgeschreven in plaats van de term te gebruiken
dashboard-code-label-mismatch = UI-label wijkt af van de term van de taal
dashboard-code-glossary = Woordenlijstterm niet gebruikt
dashboard-code-format-error = Bericht kon niet worden opgemaakt
dashboard-code-broken-link = Link naar een pagina die niet bestaat
dashboard-code-broken-anchor = Link naar een sectie die niet bestaat
nav-dashboard = Vertaalstatus

## Search (the box in the header of every page)

search-label = Zoeken
search-placeholder = Artikelen doorzoeken
search-no-results = Er zijn geen artikelen die overeenkomen met uw zoekopdracht.
search-results = { $count ->
    [one] { $count } artikel gevonden
   *[other] { $count } artikelen gevonden
}
search-error = De zoekfunctie kan niet worden geladen.
