# remove-a-relationship: English messages, from the English halves of the side-by-side DocFX file
# `remove-a-relationship.md` (English revision 83259f2f895be9ef34c55db5613ccfe6891a4424), CC BY 4.0, Microsoft Corporation.

# The DocFX front matter has no English title: the article's H1 stands in.
article-title = How to remove a reseller relationship with a customer in Partner Center
# The DocFX front matter has no English description: the first paragraph stands in.
article-description = This article describes how to remove a reseller relationship with a customer in Partner Center.
heading = How to remove a reseller relationship with a customer in Partner Center
audience = { -role-global-admin }
this-article-describes-how-to = This article describes how to remove a reseller relationship with a customer in Partner Center.
direct-partners-or-indirect-providers = Direct partners or Indirect providers: if you're no longer transacting with a customer, you can remove the relationship in Partner Center.
removing-a-relationship-has-the = Removing a relationship has the following consequences:
removes-the-customer-from-your = Removes the customer from your list of customers in Partner Center
removes-you-from-the-list = Removes you from the [list of available support contacts](assign-support-contacts.md) for your customer
removes-your-delegation-admin-privileges = Removes your delegation admin privileges for the customer
prevents-you-from-making-future = Prevents you from making future purchases for the customer
how-to-remove-a-relationship = How to remove a relationship
to-remove-the-relationship-you = To remove the relationship, you'll need to cancel Azure reserved instance (RI) reservations, cancel software purchases, and suspend any remaining active subscriptions first.
suspend-any-active-subscriptions = **Suspend any active subscriptions.**
from-the-partner-center-go = From the Partner Center, go to **{ -ui-customers }** and select a customer
under-subscriptions-select-a-subscription = Under **{ -ui-subscriptions }**, select a subscription.
select-suspended = Select **{ -ui-suspended }**
repeat-these-steps-for-each = Repeat these steps for each active subscription.
remove-the-relationship-in-partner = **Remove the relationship in Partner Center:**
from-the-partner-center-go-2 = From the Partner Center, go to **{ -ui-customers }** and select a customer.
select-the-account = Select the **{ -ui-account }**.
select-remove-reseller-relationship = Select **{ -ui-remove-reseller-relationship }**.
if-any-subscriptions-are-still = If any subscriptions are still active, the **{ -ui-remove-reseller-relationship }** link will be inactive.
next-steps = Next steps
next-request-or-re-establish-a = Request or re-establish a relationship with a customer
