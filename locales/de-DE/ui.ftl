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
