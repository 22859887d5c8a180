# De Partner Center-simulator in artikelen die een scenarioset noemen (Dutch).
# UI-labels zijn termen uit ui.ftl, zodat de simulator bedieningselementen net zo noemt als het artikel.

## Frame

sim-title = Oefenen in een gesimuleerd { -ui-partner-center }
sim-intro = Oefen de procedure met voorbeeldklanten. Niets wat u hier doet, raakt een echt account.
sim-needs-javascript = De simulator heeft JavaScript nodig. Het artikel hierboven is ook zonder JavaScript volledig.
sim-scenario-label = Scenario
sim-undo = Ongedaan maken
sim-reset = Opnieuw beginnen
sim-goal-label = Doel:
sim-goal = Verwijder de resellerrelatie met { $customer }.
sim-goal-reached = Doel bereikt: de resellerrelatie met { $customer } is verwijderd.
sim-progress-label = Voortgang
sim-console-label = Gesimuleerd { -ui-partner-center }
sim-breadcrumb-label = U bent hier
sim-customer-nav-label = Klantpagina's
sim-nav-label = Menu van { -ui-partner-center }
sim-storage-discarded = Uw opgeslagen voortgang kon niet worden gelezen (deze was beschadigd of afkomstig van een oudere versie) en is verwijderd. Het scenario begint opnieuw.

## Differences from the real Partner Center

sim-differences-title = Verschillen met het echte { -ui-partner-center }
sim-difference-reservations = Het artikel vermeldt niet waar Azure RI-reserveringen worden geannuleerd. De simulator verzint daarvoor per klant een pagina { -ui-azure-reservations }.
sim-difference-software = Het artikel vermeldt niet waar software-aankopen worden geannuleerd. De simulator verzint daarvoor per klant een pagina { -ui-software }.
sim-difference-purchases = De simulator plaatst geen bestellingen: { -ui-add-subscription } laat alleen zien of een aankoop zou zijn toegestaan.
sim-difference-simplified = De pagina's tonen alleen wat de procedure nodig heeft, en de klanten zijn voorbeeldgegevens.

## Scenarios

sim-scenario-only-active-subscriptions = Alleen actieve abonnementen
sim-scenario-only-active-subscriptions-brief = Beide abonnementen zijn actief: schort ze op en verwijder daarna de relatie.
sim-scenario-azure-ri-reservation = Met een Azure RI-reservering
sim-scenario-azure-ri-reservation-brief = De klant heeft naast een abonnement een actieve reservering voor gereserveerde Azure-instanties (RI).
sim-scenario-software-purchase = Met een software-aankoop
sim-scenario-software-purchase-brief = De klant heeft naast een abonnement een actieve software-aankoop.
sim-scenario-several-customers = Meerdere klanten, één abonnement al opgeschort
sim-scenario-several-customers-brief = Verwijder alleen de klant uit het doel; een van de abonnementen van deze klant is al opgeschort.
sim-scenario-nothing-to-suspend = Niets meer op te schorten
sim-scenario-nothing-to-suspend-brief = Alle abonnementen zijn al opgeschort, dus u kunt meteen naar het account gaan.
sim-scenario-everything-at-once = Alles tegelijk
sim-scenario-everything-at-once-brief = Abonnementen, een Azure RI-reservering en een software-aankoop, naast een andere klant.

## Pages

sim-customers-count =
    { $count ->
        [one] { $count } klant
       *[other] { $count } klanten
    }
sim-customers-empty = U hebt geen klanten in dit scenario.
sim-column-name = Naam
sim-column-offer = Aanbieding
sim-subscriptions-empty = Deze klant heeft geen abonnementen.
sim-reservations-empty = Deze klant heeft geen Azure RI-reserveringen.
sim-software-empty = Deze klant heeft geen software-aankopen.
sim-quantity-licenses =
    { $quantity ->
        [one] { $quantity } licentie
       *[other] { $quantity } licenties
    }
sim-quantity-instances =
    { $quantity ->
        [one] { $quantity } instantie
       *[other] { $quantity } instanties
    }
# Accessible names of the cancel buttons in a table row ($item is the row's item).
sim-cancel-reservation-named = { -ui-cancel-reservation }: { $item }
sim-cancel-software-named = { -ui-cancel-purchase }: { $item }
sim-account-relationship = Resellerrelatie
sim-relationship-active = Actief
sim-relationship-removed = Verwijderd
sim-account-admin = Gedelegeerde beheerdersbevoegdheden
sim-admin-granted = Verleend
sim-admin-removed = Verwijderd
sim-account-support = Ondersteuningscontactpersoon
sim-support-listed = U staat vermeld
sim-support-removed = U staat niet vermeld
sim-remove-inactive =
    { $count ->
        [one] Inactief: { $count } abonnement heeft nog de status { -ui-active }.
       *[other] Inactief: { $count } abonnementen hebben nog de status { -ui-active }.
    }
sim-confirm-title = De resellerrelatie met { $customer } verwijderen?
sim-confirm-body = { $customer } verdwijnt uit uw lijst { -ui-customers }, uw gedelegeerde beheerdersbevoegdheden en uw vermelding als ondersteuningscontactpersoon worden verwijderd, en u kunt geen aankopen meer doen voor deze klant.

## Result

sim-summary-title = Resellerrelatie met { $customer } verwijderd
sim-summary-customer-list = { $customer } staat niet meer in uw lijst { -ui-customers }.
sim-summary-admin = Uw gedelegeerde beheerdersbevoegdheden voor { $customer } zijn verwijderd.
sim-summary-support = U bent geen ondersteuningscontactpersoon meer voor { $customer }.
sim-summary-purchases = Aankopen voor { $customer } worden geweigerd. Probeer het maar:
sim-summary-back = Terug naar { -ui-customers }

## Outcomes (announced in a live region)

sim-announce-suspended = { $subscription } heeft nu de status { -ui-suspended }.
sim-announce-reactivated = { $subscription } heeft weer de status { -ui-active }.
sim-announce-reservation-cancelled = De reservering { $item } heeft nu de status { -ui-cancelled }.
sim-announce-software-cancelled = De software-aankoop { $item } heeft nu de status { -ui-cancelled }.
sim-announce-removed = De resellerrelatie met { $customer } is verwijderd.
sim-announce-purchase = U zou nu voor { $customer } kunnen kopen. De simulator plaatst geen bestelling.
sim-announce-undo = De laatste actie is ongedaan gemaakt.
sim-announce-reset = Het scenario begint opnieuw.

## Refused actions: what failed, and the step of the article that fixes it

sim-blocked = Nog niet mogelijk
sim-fix-label = Zo lost u het op:
sim-reason-unknown-customer = Deze klant hoort niet bij het scenario.
sim-reason-unknown-item = Dit item hoort niet bij het scenario.
sim-reason-relationship-removed = De resellerrelatie met { $customer } is verwijderd: u kunt niet meer voor deze klant handelen of kopen.
sim-reason-already-suspended = { $subscription } heeft al de status { -ui-suspended }.
sim-reason-already-active = { $subscription } heeft al de status { -ui-active }.
sim-reason-already-cancelled = { $item } heeft al de status { -ui-cancelled }.
sim-reason-active-subscriptions =
    { $count ->
        [one] { $customer } heeft nog { $count } actief abonnement.
       *[other] { $customer } heeft nog { $count } actieve abonnementen.
    }
sim-reason-active-reservations =
    { $count ->
        [one] { $customer } heeft nog { $count } actieve Azure RI-reservering.
       *[other] { $customer } heeft nog { $count } actieve Azure RI-reserveringen.
    }
sim-reason-active-software =
    { $count ->
        [one] { $customer } heeft nog { $count } actieve software-aankoop.
       *[other] { $customer } heeft nog { $count } actieve software-aankopen.
    }
sim-fix-no-active-subscriptions = Stap 1: alle actieve abonnementen opschorten
sim-fix-no-active-reservations = Vooraf: Azure RI-reserveringen annuleren
sim-fix-no-active-software = Vooraf: software-aankopen annuleren
sim-fix-removal-allowed = Een relatie verwijderen
sim-fix-relationship-removed = Stap 2: de relatie verwijderen
sim-fix-not-in-customer-list = Stap 2: de relatie verwijderen
sim-fix-no-delegated-admin = Stap 2: de relatie verwijderen
sim-fix-not-support-contact = Stap 2: de relatie verwijderen
sim-fix-purchases-refused = Stap 2: de relatie verwijderen

## Assessment mode: the same scenarios, scored; no hints, no fix links, no undo

sim-mode-label = Modus
sim-mode-practice = Oefenen
sim-mode-assessment = Toets
sim-assess-intro =
    { $allowed ->
        [one] Toets: dezelfde scenario's, zonder hints en zonder ongedaan maken. U slaagt als u het doel bereikt met ten hoogste { $allowed } fout (een geweigerde of onnodige actie).
       *[other] Toets: dezelfde scenario's, zonder hints en zonder ongedaan maken. U slaagt als u het doel bereikt met ten hoogste { $allowed } fouten (geweigerde of onnodige acties).
    }
sim-assess-refused = Geweigerd.
sim-assess-finish = Poging beëindigen
sim-assess-not-recorded = Uw resultaat wordt alleen op deze pagina getoond en nergens vastgelegd.
sim-assess-recorded = Uw resultaat wordt naar uw leerplatform (LMS) verzonden.
sim-result-title = Uw resultaat
sim-result-passed = Geslaagd
sim-result-failed = Niet geslaagd
sim-result-score = Behaalde score
sim-result-mastery = Nodig om te slagen
sim-result-mistakes = Fouten
sim-result-allowed = (ten hoogste { $allowed } toegestaan)
sim-result-time = Benodigde tijd
sim-result-goal-not-reached = Het doel is niet bereikt.
sim-result-mistakes-title = Uw fouten
sim-result-no-mistakes = U hebt geen fouten gemaakt.
sim-result-refused = Geweigerd
sim-result-unnecessary = Niet nodig
sim-result-step = Stap:
sim-result-no-step = Geen enkele stap van de procedure vraagt hierom.
sim-result-practise = Dit scenario oefenen
sim-result-retry = De toets opnieuw maken

## Conditions and actions, by their stable ids (for checklists)

sim-condition-no-active-subscriptions = Geen enkel abonnement heeft de status { -ui-active }
sim-condition-no-active-reservations = Geen enkele Azure RI-reservering is actief
sim-condition-no-active-software = Geen enkele software-aankoop is actief
sim-condition-removal-allowed = { -ui-remove-reseller-relationship } is beschikbaar
sim-condition-relationship-removed = De resellerrelatie is verwijderd
sim-condition-not-in-customer-list = De klant staat niet meer in uw lijst { -ui-customers }
sim-condition-no-delegated-admin = Uw gedelegeerde beheerdersbevoegdheden zijn verwijderd
sim-condition-not-support-contact = U bent geen ondersteuningscontactpersoon meer
sim-condition-purchases-refused = Aankopen voor de klant worden geweigerd
sim-action-suspend-subscription = Een abonnement opschorten
sim-action-reactivate-subscription = Een abonnement weer activeren
sim-action-cancel-reservation = Een Azure RI-reservering annuleren
sim-action-cancel-software = Een software-aankoop annuleren
sim-action-remove-relationship = De resellerrelatie verwijderen
sim-action-purchase = Voor de klant kopen
