# Der Partner Center-Simulator in Artikeln, die eine Szenariogruppe nennen (German).
# UI-Beschriftungen sind Terme aus ui.ftl, damit der Simulator Steuerelemente wie der Artikel benennt.

## Frame

sim-title = Üben im simulierten { -ui-partner-center }
sim-intro = Üben Sie das Verfahren an Beispielkunden. Nichts, was Sie hier tun, betrifft ein echtes Konto.
sim-needs-javascript = Der Simulator benötigt JavaScript. Der Artikel oben ist auch ohne ihn vollständig.
sim-scenario-label = Szenario
sim-undo = Rückgängig
sim-reset = Neu beginnen
sim-goal-label = Ziel:
sim-goal = Entfernen Sie die Resellerbeziehung mit { $customer }.
sim-goal-reached = Ziel erreicht: Die Resellerbeziehung mit { $customer } ist entfernt.
sim-progress-label = Fortschritt
sim-console-label = Simuliertes { -ui-partner-center }
sim-breadcrumb-label = Sie sind hier
sim-customer-nav-label = Kundenseiten
sim-nav-label = Menü von { -ui-partner-center }
sim-storage-discarded = Ihr gespeicherter Fortschritt konnte nicht gelesen werden (er war beschädigt oder stammt aus einer älteren Version) und wurde verworfen. Das Szenario beginnt von vorn.

## Differences from the real Partner Center

sim-differences-title = Unterschiede zum echten { -ui-partner-center }
sim-difference-reservations = Der Artikel sagt nicht, wo Azure-RI-Reservierungen storniert werden. Der Simulator erfindet dafür für jeden Kunden eine Seite „{ -ui-azure-reservations }“.
sim-difference-software = Der Artikel sagt nicht, wo Softwarekäufe storniert werden. Der Simulator erfindet dafür für jeden Kunden eine Seite „{ -ui-software }“.
sim-difference-purchases = Der Simulator gibt keine Bestellungen auf: „{ -ui-add-subscription }“ zeigt nur, ob ein Kauf möglich wäre.
sim-difference-simplified = Die Seiten zeigen nur, was das Verfahren braucht, und die Kunden sind Beispieldaten.

## Scenarios

sim-scenario-only-active-subscriptions = Nur aktive Abonnements
sim-scenario-only-active-subscriptions-brief = Beide Abonnements sind aktiv: Halten Sie sie an, und entfernen Sie dann die Beziehung.
sim-scenario-azure-ri-reservation = Mit einer Azure-RI-Reservierung
sim-scenario-azure-ri-reservation-brief = Der Kunde hat neben einem Abonnement eine aktive Reservierung für reservierte Azure-Instanzen (RI).
sim-scenario-software-purchase = Mit einem Softwarekauf
sim-scenario-software-purchase-brief = Der Kunde hat neben einem Abonnement einen aktiven Softwarekauf.
sim-scenario-several-customers = Mehrere Kunden, ein Abonnement bereits angehalten
sim-scenario-several-customers-brief = Entfernen Sie nur den Kunden aus dem Ziel; eines seiner Abonnements ist bereits angehalten.
sim-scenario-nothing-to-suspend = Nichts mehr anzuhalten
sim-scenario-nothing-to-suspend-brief = Alle Abonnements sind bereits angehalten, Sie können also direkt zum Konto gehen.
sim-scenario-everything-at-once = Alles auf einmal
sim-scenario-everything-at-once-brief = Abonnements, eine Azure-RI-Reservierung und ein Softwarekauf, neben einem weiteren Kunden.

## Pages

sim-customers-count =
    { $count ->
        [one] { $count } Kunde
       *[other] { $count } Kunden
    }
sim-customers-empty = In diesem Szenario haben Sie keine Kunden.
sim-column-name = Name
sim-column-offer = Angebot
sim-subscriptions-empty = Dieser Kunde hat keine Abonnements.
sim-reservations-empty = Dieser Kunde hat keine Azure-RI-Reservierungen.
sim-software-empty = Dieser Kunde hat keine Softwarekäufe.
sim-quantity-licenses =
    { $quantity ->
        [one] { $quantity } Lizenz
       *[other] { $quantity } Lizenzen
    }
sim-quantity-instances =
    { $quantity ->
        [one] { $quantity } Instanz
       *[other] { $quantity } Instanzen
    }
# Accessible names of the cancel buttons in a table row ($item is the row's item).
sim-cancel-reservation-named = { -ui-cancel-reservation }: { $item }
sim-cancel-software-named = { -ui-cancel-purchase }: { $item }
sim-account-relationship = Resellerbeziehung
sim-relationship-active = Aktiv
sim-relationship-removed = Entfernt
sim-account-admin = Delegierte Administratorrechte
sim-admin-granted = Erteilt
sim-admin-removed = Entfernt
sim-account-support = Supportkontakt
sim-support-listed = Sie sind eingetragen
sim-support-removed = Sie sind nicht eingetragen
sim-remove-inactive =
    { $count ->
        [one] Inaktiv: { $count } Abonnement hat noch den Status „{ -ui-active }“.
       *[other] Inaktiv: { $count } Abonnements haben noch den Status „{ -ui-active }“.
    }
sim-confirm-title = Resellerbeziehung mit { $customer } entfernen?
sim-confirm-body = { $customer } verschwindet aus Ihrer Liste „{ -ui-customers }“, Ihre delegierten Administratorrechte und Ihr Eintrag als Supportkontakt werden entfernt, und Sie können keine Käufe mehr für diesen Kunden tätigen.

## Result

sim-summary-title = Resellerbeziehung mit { $customer } entfernt
sim-summary-customer-list = { $customer } ist nicht mehr in Ihrer Liste „{ -ui-customers }“.
sim-summary-admin = Ihre delegierten Administratorrechte für { $customer } sind entfernt.
sim-summary-support = Sie sind kein Supportkontakt für { $customer } mehr.
sim-summary-purchases = Käufe für { $customer } werden abgelehnt. Probieren Sie es aus:
sim-summary-back = Zurück zu { -ui-customers }

## Outcomes (announced in a live region)

sim-announce-suspended = { $subscription } hat jetzt den Status „{ -ui-suspended }“.
sim-announce-reactivated = { $subscription } hat wieder den Status „{ -ui-active }“.
sim-announce-reservation-cancelled = Die Reservierung { $item } hat jetzt den Status „{ -ui-cancelled }“.
sim-announce-software-cancelled = Der Softwarekauf { $item } hat jetzt den Status „{ -ui-cancelled }“.
sim-announce-removed = Die Resellerbeziehung mit { $customer } ist entfernt.
sim-announce-purchase = Sie könnten jetzt für { $customer } einkaufen. Der Simulator gibt keine Bestellung auf.
sim-announce-undo = Die letzte Aktion wurde rückgängig gemacht.
sim-announce-reset = Das Szenario beginnt von vorn.

## Refused actions: what failed, and the step of the article that fixes it

sim-blocked = Noch nicht möglich
sim-fix-label = So beheben Sie das:
sim-reason-unknown-customer = Dieser Kunde gehört nicht zum Szenario.
sim-reason-unknown-item = Dieses Element gehört nicht zum Szenario.
sim-reason-relationship-removed = Die Resellerbeziehung mit { $customer } wurde entfernt: Sie können für diesen Kunden nicht mehr handeln oder einkaufen.
sim-reason-already-suspended = { $subscription } hat bereits den Status „{ -ui-suspended }“.
sim-reason-already-active = { $subscription } hat bereits den Status „{ -ui-active }“.
sim-reason-already-cancelled = { $item } hat bereits den Status „{ -ui-cancelled }“.
sim-reason-active-subscriptions =
    { $count ->
        [one] { $customer } hat noch { $count } aktives Abonnement.
       *[other] { $customer } hat noch { $count } aktive Abonnements.
    }
sim-reason-active-reservations =
    { $count ->
        [one] { $customer } hat noch { $count } aktive Azure-RI-Reservierung.
       *[other] { $customer } hat noch { $count } aktive Azure-RI-Reservierungen.
    }
sim-reason-active-software =
    { $count ->
        [one] { $customer } hat noch { $count } aktiven Softwarekauf.
       *[other] { $customer } hat noch { $count } aktive Softwarekäufe.
    }
sim-fix-no-active-subscriptions = Schritt 1: Alle aktiven Abonnements anhalten
sim-fix-no-active-reservations = Vorher: Azure-RI-Reservierungen stornieren
sim-fix-no-active-software = Vorher: Softwarekäufe stornieren
sim-fix-removal-allowed = Entfernen einer Beziehung
sim-fix-relationship-removed = Schritt 2: Die Beziehung entfernen
sim-fix-not-in-customer-list = Schritt 2: Die Beziehung entfernen
sim-fix-no-delegated-admin = Schritt 2: Die Beziehung entfernen
sim-fix-not-support-contact = Schritt 2: Die Beziehung entfernen
sim-fix-purchases-refused = Schritt 2: Die Beziehung entfernen

## Assessment mode: the same scenarios, scored; no hints, no fix links, no undo

sim-mode-label = Modus
sim-mode-practice = Üben
sim-mode-assessment = Prüfung
sim-assess-intro =
    { $allowed ->
        [one] Prüfung: dieselben Szenarien ohne Hinweise und ohne Rückgängig. Sie bestehen, wenn Sie das Ziel mit höchstens { $allowed } Fehler erreichen (eine abgelehnte oder unnötige Aktion).
       *[other] Prüfung: dieselben Szenarien ohne Hinweise und ohne Rückgängig. Sie bestehen, wenn Sie das Ziel mit höchstens { $allowed } Fehlern erreichen (abgelehnte oder unnötige Aktionen).
    }
sim-assess-refused = Abgelehnt.
sim-assess-finish = Versuch beenden
sim-assess-not-recorded = Ihr Ergebnis wird nur auf dieser Seite angezeigt und nirgends gespeichert.
sim-assess-recorded = Ihr Ergebnis wird an Ihr Lernmanagementsystem übermittelt.
sim-result-title = Ihr Ergebnis
sim-result-passed = Bestanden
sim-result-failed = Nicht bestanden
sim-result-score = Punktzahl
sim-result-mastery = Zum Bestehen nötig
sim-result-mistakes = Fehler
sim-result-allowed = (höchstens { $allowed } erlaubt)
sim-result-time = Benötigte Zeit
sim-result-goal-not-reached = Das Ziel wurde nicht erreicht.
sim-result-mistakes-title = Ihre Fehler
sim-result-no-mistakes = Sie haben keine Fehler gemacht.
sim-result-refused = Abgelehnt
sim-result-unnecessary = Nicht nötig
sim-result-step = Schritt:
sim-result-no-step = Kein Schritt des Verfahrens verlangt dies.
sim-result-practise = Dieses Szenario üben
sim-result-retry = Prüfung wiederholen

## Conditions and actions, by their stable ids (for checklists)

sim-condition-no-active-subscriptions = Kein Abonnement hat den Status „{ -ui-active }“
sim-condition-no-active-reservations = Keine Azure-RI-Reservierung ist aktiv
sim-condition-no-active-software = Kein Softwarekauf ist aktiv
sim-condition-removal-allowed = „{ -ui-remove-reseller-relationship }“ ist verfügbar
sim-condition-relationship-removed = Die Resellerbeziehung ist entfernt
sim-condition-not-in-customer-list = Der Kunde ist nicht mehr in Ihrer Liste „{ -ui-customers }“
sim-condition-no-delegated-admin = Ihre delegierten Administratorrechte sind entfernt
sim-condition-not-support-contact = Sie sind kein Supportkontakt mehr
sim-condition-purchases-refused = Käufe für den Kunden werden abgelehnt
sim-action-suspend-subscription = Ein Abonnement anhalten
sim-action-reactivate-subscription = Ein Abonnement wieder aktivieren
sim-action-cancel-reservation = Eine Azure-RI-Reservierung stornieren
sim-action-cancel-software = Einen Softwarekauf stornieren
sim-action-remove-relationship = Die Resellerbeziehung entfernen
sim-action-purchase = Für den Kunden einkaufen
