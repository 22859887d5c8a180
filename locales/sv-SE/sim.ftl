# Partnercenter-simulatorn i artiklar som namnger en scenariouppsättning (Swedish).
# Gränssnittsetiketter är termer från ui.ftl, så att simulatorn benämner kontroller som artikeln gör.

## Frame

sim-title = Öva i ett simulerat { -ui-partner-center }
sim-intro = Öva proceduren på exempelkunder. Inget du gör här påverkar ett riktigt konto.
sim-needs-javascript = Simulatorn kräver JavaScript. Artikeln ovan är fullständig även utan det.
sim-scenario-label = Scenario
sim-undo = Ångra
sim-reset = Börja om
sim-goal-label = Mål:
sim-goal = Ta bort återförsäljarrelationen med { $customer }.
sim-goal-reached = Målet är nått: återförsäljarrelationen med { $customer } är borttagen.
sim-progress-label = Förlopp
sim-console-label = Simulerat { -ui-partner-center }
sim-breadcrumb-label = Du är här
sim-customer-nav-label = Kundsidor
sim-nav-label = Meny i { -ui-partner-center }
sim-storage-discarded = Dina sparade framsteg kunde inte läsas (de var skadade eller från en äldre version) och har tagits bort. Scenariot börjar om från början.

## Differences from the real Partner Center

sim-differences-title = Skillnader mot det riktiga { -ui-partner-center }
sim-difference-reservations = Artikeln säger inte var Azure RI-reservationer avbryts. Simulatorn hittar på en sida { -ui-azure-reservations } för varje kund.
sim-difference-software = Artikeln säger inte var programvaruköp avbryts. Simulatorn hittar på en sida { -ui-software } för varje kund.
sim-difference-purchases = Simulatorn lägger inga beställningar: { -ui-add-subscription } visar bara om ett köp skulle vara tillåtet.
sim-difference-simplified = Sidorna visar bara det som proceduren behöver, och kunderna är exempeldata.

## Scenarios

sim-scenario-only-active-subscriptions = Endast aktiva prenumerationer
sim-scenario-only-active-subscriptions-brief = Båda prenumerationerna är aktiva: pausa dem och ta sedan bort relationen.
sim-scenario-azure-ri-reservation = Med en Azure RI-reservation
sim-scenario-azure-ri-reservation-brief = Kunden har förutom en prenumeration en aktiv reservation för reserverade Azure-instanser (RI).
sim-scenario-software-purchase = Med ett programvaruköp
sim-scenario-software-purchase-brief = Kunden har förutom en prenumeration ett aktivt programvaruköp.
sim-scenario-several-customers = Flera kunder, en prenumeration redan pausad
sim-scenario-several-customers-brief = Ta bara bort kunden i målet; en av dess prenumerationer är redan pausad.
sim-scenario-nothing-to-suspend = Inget kvar att pausa
sim-scenario-nothing-to-suspend-brief = Alla prenumerationer är redan pausade, så du kan gå direkt till kontot.
sim-scenario-everything-at-once = Allt på en gång
sim-scenario-everything-at-once-brief = Prenumerationer, en Azure RI-reservation och ett programvaruköp, bredvid en annan kund.

## Pages

sim-customers-count =
    { $count ->
        [one] { $count } kund
       *[other] { $count } kunder
    }
sim-customers-empty = Du har inga kunder i det här scenariot.
sim-column-name = Namn
sim-column-offer = Erbjudande
sim-subscriptions-empty = Den här kunden har inga prenumerationer.
sim-reservations-empty = Den här kunden har inga Azure RI-reservationer.
sim-software-empty = Den här kunden har inga programvaruköp.
sim-quantity-licenses =
    { $quantity ->
        [one] { $quantity } licens
       *[other] { $quantity } licenser
    }
sim-quantity-instances =
    { $quantity ->
        [one] { $quantity } instans
       *[other] { $quantity } instanser
    }
# Accessible names of the cancel buttons in a table row ($item is the row's item).
sim-cancel-reservation-named = { -ui-cancel-reservation }: { $item }
sim-cancel-software-named = { -ui-cancel-purchase }: { $item }
sim-account-relationship = Återförsäljarrelation
sim-relationship-active = Aktiv
sim-relationship-removed = Borttagen
sim-account-admin = Delegerad administratörsbehörighet
sim-admin-granted = Beviljad
sim-admin-removed = Borttagen
sim-account-support = Supportkontakt
sim-support-listed = Du finns med
sim-support-removed = Du finns inte med
sim-remove-inactive =
    { $count ->
        [one] Inaktiv: { $count } prenumeration har fortfarande statusen { -ui-active }.
       *[other] Inaktiv: { $count } prenumerationer har fortfarande statusen { -ui-active }.
    }
sim-confirm-title = Ta bort återförsäljarrelationen med { $customer }?
sim-confirm-body = { $customer } försvinner från din lista { -ui-customers }, din delegerade administratörsbehörighet och din post som supportkontakt tas bort, och du kan inte längre göra köp för den här kunden.

## Result

sim-summary-title = Återförsäljarrelationen med { $customer } är borttagen
sim-summary-customer-list = { $customer } finns inte längre i din lista { -ui-customers }.
sim-summary-admin = Din delegerade administratörsbehörighet för { $customer } är borttagen.
sim-summary-support = Du är inte längre supportkontakt för { $customer }.
sim-summary-purchases = Köp för { $customer } nekas. Prova själv:
sim-summary-back = Tillbaka till { -ui-customers }

## Outcomes (announced in a live region)

sim-announce-suspended = { $subscription } har nu statusen { -ui-suspended }.
sim-announce-reactivated = { $subscription } har statusen { -ui-active } igen.
sim-announce-reservation-cancelled = Reservationen { $item } har nu statusen { -ui-cancelled }.
sim-announce-software-cancelled = Programvaruköpet { $item } har nu statusen { -ui-cancelled }.
sim-announce-removed = Återförsäljarrelationen med { $customer } är borttagen.
sim-announce-purchase = Du skulle kunna köpa för { $customer } nu. Simulatorn lägger ingen beställning.
sim-announce-undo = Den senaste åtgärden har ångrats.
sim-announce-reset = Scenariot börjar om.

## Refused actions: what failed, and the step of the article that fixes it

sim-blocked = Inte möjligt än
sim-fix-label = Så här åtgärdar du det:
sim-reason-unknown-customer = Den här kunden ingår inte i scenariot.
sim-reason-unknown-item = Det här objektet ingår inte i scenariot.
sim-reason-relationship-removed = Återförsäljarrelationen med { $customer } har tagits bort: du kan inte längre agera eller köpa för den här kunden.
sim-reason-already-suspended = { $subscription } har redan statusen { -ui-suspended }.
sim-reason-already-active = { $subscription } har redan statusen { -ui-active }.
sim-reason-already-cancelled = { $item } har redan statusen { -ui-cancelled }.
sim-reason-active-subscriptions =
    { $count ->
        [one] { $customer } har fortfarande { $count } aktiv prenumeration.
       *[other] { $customer } har fortfarande { $count } aktiva prenumerationer.
    }
sim-reason-active-reservations =
    { $count ->
        [one] { $customer } har fortfarande { $count } aktiv Azure RI-reservation.
       *[other] { $customer } har fortfarande { $count } aktiva Azure RI-reservationer.
    }
sim-reason-active-software =
    { $count ->
        [one] { $customer } har fortfarande { $count } aktivt programvaruköp.
       *[other] { $customer } har fortfarande { $count } aktiva programvaruköp.
    }
sim-fix-no-active-subscriptions = Steg 1: pausa alla aktiva prenumerationer
sim-fix-no-active-reservations = Innan du börjar: avbryt Azure RI-reservationer
sim-fix-no-active-software = Innan du börjar: avbryt programvaruköp
sim-fix-removal-allowed = Så tar du bort en relation
sim-fix-relationship-removed = Steg 2: ta bort relationen
sim-fix-not-in-customer-list = Steg 2: ta bort relationen
sim-fix-no-delegated-admin = Steg 2: ta bort relationen
sim-fix-not-support-contact = Steg 2: ta bort relationen
sim-fix-purchases-refused = Steg 2: ta bort relationen

## Assessment mode: the same scenarios, scored; no hints, no fix links, no undo

sim-mode-label = Läge
sim-mode-practice = Öva
sim-mode-assessment = Prov
sim-assess-intro =
    { $allowed ->
        [one] Prov: samma scenarier, utan tips och utan ångra. Du blir godkänd om du når målet med högst { $allowed } fel (en nekad eller onödig åtgärd).
       *[other] Prov: samma scenarier, utan tips och utan ångra. Du blir godkänd om du når målet med högst { $allowed } fel (nekade eller onödiga åtgärder).
    }
sim-assess-refused = Nekad.
sim-assess-finish = Avsluta försöket
sim-assess-not-recorded = Ditt resultat visas bara på den här sidan och sparas inte någonstans.
sim-assess-recorded = Ditt resultat skickas till din lärplattform (LMS).
sim-result-title = Ditt resultat
sim-result-passed = Godkänd
sim-result-failed = Inte godkänd
sim-result-score = Poäng
sim-result-mastery = Krävs för godkänt
sim-result-mistakes = Fel
sim-result-allowed = (högst { $allowed } tillåtna)
sim-result-time = Tid
sim-result-goal-not-reached = Målet nåddes inte.
sim-result-mistakes-title = Dina fel
sim-result-no-mistakes = Du gjorde inga fel.
sim-result-refused = Nekad
sim-result-unnecessary = Onödig
sim-result-step = Steg:
sim-result-no-step = Inget steg i proceduren ber om detta.
sim-result-practise = Öva på det här scenariot
sim-result-retry = Gör provet igen

## Conditions and actions, by their stable ids (for checklists)

sim-condition-no-active-subscriptions = Ingen prenumeration har statusen { -ui-active }
sim-condition-no-active-reservations = Ingen Azure RI-reservation är aktiv
sim-condition-no-active-software = Inget programvaruköp är aktivt
sim-condition-removal-allowed = { -ui-remove-reseller-relationship } är tillgänglig
sim-condition-relationship-removed = Återförsäljarrelationen är borttagen
sim-condition-not-in-customer-list = Kunden finns inte längre i din lista { -ui-customers }
sim-condition-no-delegated-admin = Din delegerade administratörsbehörighet är borttagen
sim-condition-not-support-contact = Du är inte längre supportkontakt
sim-condition-purchases-refused = Köp för kunden nekas
sim-action-suspend-subscription = Pausa en prenumeration
sim-action-reactivate-subscription = Aktivera en prenumeration igen
sim-action-cancel-reservation = Avbryt en Azure RI-reservation
sim-action-cancel-software = Avbryt ett programvaruköp
sim-action-remove-relationship = Ta bort återförsäljarrelationen
sim-action-purchase = Köp för kunden
