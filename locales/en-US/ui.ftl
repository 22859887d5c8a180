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
