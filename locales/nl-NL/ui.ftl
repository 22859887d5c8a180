# Partner Center's user-interface labels, as the product shows them (Dutch).
# The article text and the simulator both reference these terms, so a page
# and its sandbox always name a control the same way.
# Renderings taken from the nl-NL Partner Center articles (partner-center-pr.nl-nl).

# Chosen: "Partner Center" (used in almost every nl-NL sentence). Rejected: "Partnercentrum".
-ui-partner-center = Partner Center
-ui-customers = Klanten
-ui-subscriptions = Abonnementen
# Chosen: "Opgeschort" (the "Select Suspended" step of the remove-a-relationship seed;
# matches the verb "opschorten" used in the article). Rejected: "Tijdelijk tijdelijk" / "Tijdelijk"
# (MT defect in the current article and create-a-new-subscription), "Onderbroken" (create-a-new-subscription).
-ui-suspended = Opgeschort
-ui-active = Actief
-ui-account = Account
-ui-remove-reseller-relationship = Resellerrelatie verwijderen

## Roles

-role-global-admin = Globale beheerder

## Simulator
## Labels the simulated Partner Center shows beyond those the article names. Where the article
## does not describe a page (Azure RI reservations, software), the simulator invents it and says so.

-ui-azure-reservations = Azure-reserveringen
-ui-software = Software
-ui-cancelled = Geannuleerd
-ui-cancel-reservation = Reservering annuleren
-ui-cancel-purchase = Aankoop annuleren
-ui-add-subscription = Abonnement toevoegen
-ui-remove = Verwijderen
-ui-cancel = Annuleren
-ui-status = Status
-ui-quantity = Aantal
