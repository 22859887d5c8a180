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
dashboard-caption = Vertaalstatus per taal en bestand
dashboard-language = Taal
dashboard-file = Bestand
dashboard-translated = Vertaald
dashboard-missing = Ontbrekend
dashboard-stale = Verouderd
dashboard-errors = Fouten
dashboard-problems = Problemen
dashboard-no-problems = Geen problemen: elke vertaling komt overeen met het huidige Engels.
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
