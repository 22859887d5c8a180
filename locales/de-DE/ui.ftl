# Partner Center's user-interface labels, as the product shows them (German).
# The article text and the simulator both reference these terms, so a page
# and its sandbox always name a control the same way.
# Renderings taken from the de-DE Partner Center articles (MicrosoftDocs/partner-center-pr.de-de).

-ui-partner-center = Partner Center
-ui-customers = Kunden
-ui-subscriptions = Abonnements
# Chosen: "Angehalten" (remove-a-relationship "Select Suspended" step, also the older seed
# and the verb "anhalten" in the same article). Rejected: "Ausgesetzt" (create-a-new-subscription).
-ui-suspended = Angehalten
-ui-active = Aktiv
-ui-account = Konto
# Chosen: "Resellerbeziehung entfernen" (the "Select Remove reseller relationship" step).
# Rejected: "Vertriebspartnerbeziehung entfernen" (the NOTE about the inactive link).
-ui-remove-reseller-relationship = Resellerbeziehung entfernen

## Roles

-role-global-admin = Globaler Administrator

## Simulator
## Labels the simulated Partner Center shows beyond those the article names. Where the article
## does not describe a page (Azure RI reservations, software), the simulator invents it and says so.

-ui-azure-reservations = Azure-Reservierungen
-ui-software = Software
-ui-cancelled = Storniert
-ui-cancel-reservation = Reservierung stornieren
-ui-cancel-purchase = Kauf stornieren
-ui-add-subscription = Abonnement hinzufügen
-ui-remove = Entfernen
-ui-cancel = Abbrechen
-ui-status = Status
-ui-quantity = Menge
