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
