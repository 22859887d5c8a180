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
article-earlier-revision = Översatt från en tidigare version av den här artikeln. Den engelska artikeln har ändrats sedan dess; den aktuella versionen visas ovan.
article-not-included = { $kind ->
        [code] Kodexemplet finns inte med på den här sidan: { $target }
        [include] Delat innehåll finns inte med på den här sidan: { $target }
        [video] Videon finns inte med på den här sidan: { $target }
       *[extension] Innehållet finns inte med på den här sidan: { $target }
    }

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
dashboard-locale-intro = Filerna för det här språket jämförda med den engelska källan av drillbook check: saknade, inaktuella och felaktiga meddelanden, per fil.
dashboard-caption = Översättningsstatus per språk och fil
dashboard-language = Språk
dashboard-file = Fil
dashboard-translated = Översatt
dashboard-missing = Saknas
dashboard-stale = Inaktuell
dashboard-errors = Fel
dashboard-no-problems = Inga problem: varje översättning stämmer med den aktuella engelska texten.
dashboard-summary = Sammanfattning
dashboard-up-to-date = Aktuell
dashboard-progress = Förlopp
dashboard-files = Filer
dashboard-files-caption = Filer för det här språket
dashboard-filter = Filtrera efter status
dashboard-filter-all = Alla filer
dashboard-filter-missing = Med saknade meddelanden
dashboard-filter-stale = Med inaktuella meddelanden
dashboard-filter-errors = Med fel
dashboard-filter-complete = Klara
dashboard-no-files = Ingen fil matchar det här filtret.
dashboard-other-languages = Andra språk
dashboard-warnings = Övriga varningar
dashboard-severity-error = Fel
dashboard-severity-warning = Varning
dashboard-view-page = Öppna den översatta sidan
dashboard-view-source = Öppna den engelska sidan
dashboard-detail-note = Varje problem avslutas med den detalj som drillbook check skriver ut på engelska, med fil, rad och kolumn att rätta.
dashboard-change-legend = I den nuvarande engelskan är ord som tagits bort sedan granskningen överstrukna och tillagda ord understrukna.
dashboard-change-reviewed = Engelska vid granskningen
dashboard-change-now = Engelska nu
dashboard-change-translation = Översättning
dashboard-change-unknown = Den engelska text som översättningen granskades mot är inte sparad (drillbook l10n accept sparar den), så det går inte att visa vad som ändrats.
dashboard-diff-removed = borttaget:
dashboard-diff-added = tillagt:
dashboard-code-other = Annat problem
dashboard-code-missing-file = Filen är inte översatt än
dashboard-code-missing-message = Meddelandet är inte översatt än
dashboard-code-missing-attribute = Attributet är inte översatt än
dashboard-code-stale = Den engelska texten har ändrats sedan översättningen granskades
dashboard-code-untranslated = Översättningen är identisk med den engelska texten
dashboard-code-obsolete-file = Filen finns inte längre i den engelska källan
dashboard-code-obsolete-message = Meddelandet finns inte längre i den engelska källan
dashboard-code-duplicate-attribute = Attributet är definierat två gånger
dashboard-code-plural-unused = Pluralform som språket aldrig använder
dashboard-code-external-article = Länk till en artikel utanför webbplatsen
dashboard-code-ftl-syntax = Ogiltig Fluent-syntax
dashboard-code-nesting-too-deep = Platshållare för djupt kapslade
dashboard-code-markup-too-long = Texten är för lång eller för djupt kapslad för att visas
dashboard-code-duplicate-id = Meddelande eller term definierad två gånger
dashboard-code-missing-value = Meddelande utan värde
dashboard-code-obsolete-value = Värde som det engelska meddelandet inte har
dashboard-code-obsolete-attribute = Attribut som det engelska meddelandet inte har
dashboard-code-variable-mismatch = Variablerna skiljer sig från den engelska texten
dashboard-code-term-mismatch = UI-termerna skiljer sig från den engelska texten
dashboard-code-message-ref-mismatch = Meddelandereferenserna skiljer sig från den engelska texten
dashboard-code-unknown-reference = Referens till något som inte finns
dashboard-code-plural-categories = Pluralform saknas för det här språket
dashboard-code-markup-mismatch = Formateringen (fetstil, länkar) skiljer sig från den engelska texten
dashboard-code-unsafe-text = Text som kan injicera HTML eller dölja tecken
dashboard-code-label-inconsistent = UI-etiketten är utskriven i stället för att använda sin term
dashboard-code-label-mismatch = UI-etiketten skiljer sig från språkets term
dashboard-code-glossary = Ordlistans term används inte
dashboard-code-format-error = Meddelandet kunde inte formateras
dashboard-code-broken-link = Länk till en sida som inte finns
dashboard-code-broken-anchor = Länk till ett avsnitt som inte finns
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
