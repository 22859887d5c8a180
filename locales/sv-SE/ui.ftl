# Partner Center's user-interface labels, as the product shows them (Swedish).
# The article text and the simulator both reference these terms, so a page
# and its sandbox always name a control the same way.
# Renderings taken from the sv-SE Partner Center articles (partner-center-pr.sv-se).

# Chosen: "Partnercenter" (all current sv-SE articles). Rejected: "Partner Center" (older seed).
-ui-partner-center = Partnercenter
-ui-customers = Kunder
-ui-subscriptions = Prenumerationer
# Chosen: "Pausad" (the "Select Suspended" step of remove-a-relationship, and the button
# in create-a-new-subscription). Rejected: "Tillfälligt avbruten", "Inaktiverad" (create-a-new-subscription).
-ui-suspended = Pausad
-ui-active = Aktiv
-ui-account = Konto
-ui-remove-reseller-relationship = Ta bort återförsäljarrelation

## Roles

-role-global-admin = Global administratör

## Simulator
## Labels the simulated Partner Center shows beyond those the article names. Where the article
## does not describe a page (Azure RI reservations, software), the simulator invents it and says so.

-ui-azure-reservations = Azure-reservationer
-ui-software = Programvara
-ui-cancelled = Avbruten
-ui-cancel-reservation = Avbryt reservation
-ui-cancel-purchase = Avbryt köp
-ui-add-subscription = Lägg till prenumeration
-ui-remove = Ta bort
-ui-cancel = Avbryt
-ui-status = Status
-ui-quantity = Antal
