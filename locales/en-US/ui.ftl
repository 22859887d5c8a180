# Partner Center's user-interface labels, as the product shows them.
# The article text and the simulator both reference these terms, so a page
# and its sandbox always name a control the same way.

-ui-partner-center = Partner Center
-ui-customers = Customers
-ui-subscriptions = Subscriptions
-ui-suspended = Suspended
-ui-active = Active
-ui-account = Account
-ui-remove-reseller-relationship = Remove reseller relationship

## Roles

-role-global-admin = Global admin

## Simulator
## Labels the simulated Partner Center shows beyond those the article names. Where the article
## does not describe a page (Azure RI reservations, software), the simulator invents it and says so.

-ui-azure-reservations = Azure reservations
-ui-software = Software
-ui-cancelled = Cancelled
-ui-cancel-reservation = Cancel reservation
-ui-cancel-purchase = Cancel purchase
-ui-add-subscription = Add subscription
-ui-remove = Remove
-ui-cancel = Cancel
-ui-status = Status
-ui-quantity = Quantity
