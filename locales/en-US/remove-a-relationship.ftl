# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.

## Page metadata

article-title = Remove a reseller relationship with a customer
article-description = Learn how Microsoft direct partners can remove customers from their list, remove delegated admin privileges, and stop supporting or purchasing for a customer.

## Article

heading = How to remove a reseller relationship with a customer in Partner Center
audience = { -role-global-admin }
intro = This article describes how to remove a reseller relationship with a customer in Partner Center.
when-to-remove = Direct partners or Indirect providers: if you're no longer transacting with a customer, you can remove the relationship in Partner Center.
consequences = Removing a relationship has the following consequences:
consequence-customer-list = Removes the customer from your list of customers in Partner Center
consequence-support-contacts = Removes you from the [list of available support contacts](assign-support-contacts.md) for your customer
consequence-admin-privileges = Removes your delegation admin privileges for the customer
consequence-purchases = Prevents you from making future purchases for the customer

remove-heading = How to remove a relationship
prerequisites = To remove the relationship, you'll need to cancel Azure reserved instance (RI) reservations, cancel software purchases, and suspend any remaining active subscriptions first.
prereq-cancel-reservations = Cancel Azure reserved instance (RI) reservations
prereq-cancel-software = Cancel software purchases

step-suspend = **Suspend any active subscriptions.**
step-suspend-go-to-customers = From the Partner Center, go to **{ -ui-customers }** and select a customer
step-suspend-select-subscription = Under **{ -ui-subscriptions }**, select a subscription.
step-suspend-select-suspended = Select **{ -ui-suspended }**
step-suspend-repeat = Repeat these steps for each active subscription.

step-remove = **Remove the relationship in Partner Center:**
step-remove-go-to-customers = From the Partner Center, go to **{ -ui-customers }** and select a customer.
step-remove-select-account = Select the **{ -ui-account }**.
step-remove-select-remove = Select **{ -ui-remove-reseller-relationship }**.
note-link-inactive = If any subscriptions are still active, the **{ -ui-remove-reseller-relationship }** link will be inactive.

next-steps = Next steps
next-request = Request or re-establish a relationship with a customer
