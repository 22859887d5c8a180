# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = Instruktioner för Partnercenter
# This language's name, written in this language (used by the language switcher).
language-name = Svenska (Sverige)

## Navigation

nav-skip = Hoppa till huvudinnehållet
nav-languages = Alla språk
nav-articles = Artiklar
nav-language-switcher = Språk
nav-breadcrumb = Länkstig
nav-pager = Mer om det här ämnet
nav-previous = Föregående
nav-next = Nästa
# After a link to a page that is only available in English.
link-english = engelska

## Pages

page-root-title = Välj språk
page-root-intro = Instruktioner för Partnercenter på sex språk.
page-index-title = Artiklar
page-index-intro = Steg-för-steg-instruktioner som du kan läsa, skriva ut och öva på.
page-404-title = Sidan hittades inte
page-404-body = Sidan du begärde finns inte. Välj ett språk för att se listan över artiklar.
package-no-lms = Den här sidan är inte ansluten till ett system för utbildningshantering: du kan öva, men inga resultat registreras.

## Articles

article-audience = Lämpliga roller:
article-in-this-article = I den här artikeln
article-fallback = Inte översatt ännu; visas på engelska.
article-machine-translated = Den här sidan har maskinöversatts. Den engelska versionen gäller.
article-step-stale = Det här steget har uppdaterats på engelska; översättningen kanske inte stämmer med det ännu.

## Alerts

alert-note = Anteckning
alert-important = Viktigt
alert-tip = Tips
alert-warning = Varning
alert-caution = Försiktighet

## Topics (articles are grouped by topic on the index)

topic-customers = Kunder

## Footer

footer-attribution = Innehållet är bearbetat från dokumentationen för Partnercenter, © Microsoft Corporation och bidragsgivare, licensierat under CC BY 4.0.
footer-built-with = Skapad med drillbook.

## Translation dashboard

dashboard-title = Översättningsstatus
dashboard-intro = Varje översättning jämförd med den engelska källan av drillbook check: saknade, inaktuella och felaktiga meddelanden, per språk och fil.
dashboard-caption = Översättningsstatus per språk och fil
dashboard-language = Språk
dashboard-file = Fil
dashboard-translated = Översatt
dashboard-missing = Saknas
dashboard-stale = Inaktuell
dashboard-errors = Fel
dashboard-problems = Problem
dashboard-no-problems = Inga problem: varje översättning stämmer med den aktuella engelska texten.
nav-dashboard = Översättningsstatus

## Search (the box in the header of every page)

search-label = Sök
search-placeholder = Sök bland artiklar
search-no-results = Inga artiklar matchar din sökning.
search-results = { $count ->
    [one] { $count } artikel hittades
   *[other] { $count } artiklar hittades
}
search-error = Sökfunktionen kunde inte läsas in.
