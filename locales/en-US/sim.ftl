# The Partner Center simulator embedded in articles that name a scenario set.
# UI labels are terms from ui.ftl, so the simulator names controls as the article does.
# Variables: $customer, $subscription, $item are sample names (shown untranslated);
# $count and $quantity are numbers (plural selectors use the locale's CLDR categories).

## Frame

sim-title = Rehearse in a simulated { -ui-partner-center }
sim-intro = Practice the procedure on sample customers. Nothing you do here touches a real account.
sim-needs-javascript = The simulator needs JavaScript. The article above is complete without it.
sim-scenario-label = Scenario
sim-undo = Undo
sim-reset = Start over
sim-goal-label = Goal:
sim-goal = Remove the reseller relationship with { $customer }.
sim-goal-reached = Goal reached: the reseller relationship with { $customer } is removed.
sim-progress-label = Progress
sim-console-label = Simulated { -ui-partner-center }
sim-breadcrumb-label = You are here
sim-customer-nav-label = Customer pages
sim-nav-label = { -ui-partner-center } menu
sim-storage-discarded = Your saved progress could not be read (it was damaged or from an older version), so it was discarded. The scenario starts from the beginning.

## Differences from the real Partner Center

sim-differences-title = Differences from the real { -ui-partner-center }
sim-difference-reservations = The article doesn't say where Azure RI reservations are cancelled. The simulator invents an { -ui-azure-reservations } page for each customer.
sim-difference-software = The article doesn't say where software purchases are cancelled. The simulator invents a { -ui-software } page for each customer.
sim-difference-purchases = The simulator places no orders: { -ui-add-subscription } only shows whether a purchase would be allowed.
sim-difference-simplified = Pages show only what the procedure needs, and the customers are sample data.

## Scenarios

sim-scenario-only-active-subscriptions = Only active subscriptions
sim-scenario-only-active-subscriptions-brief = Both subscriptions are active: suspend them, then remove the relationship.
sim-scenario-azure-ri-reservation = With an Azure RI reservation
sim-scenario-azure-ri-reservation-brief = The customer has an active Azure reserved instance (RI) reservation besides a subscription.
sim-scenario-software-purchase = With a software purchase
sim-scenario-software-purchase-brief = The customer has an active software purchase besides a subscription.
sim-scenario-several-customers = Several customers, one subscription already suspended
sim-scenario-several-customers-brief = Remove only the customer named in the goal; one of its subscriptions is already suspended.
sim-scenario-nothing-to-suspend = Nothing left to suspend
sim-scenario-nothing-to-suspend-brief = Every subscription is already suspended, so you can go straight to the account.
sim-scenario-everything-at-once = Everything at once
sim-scenario-everything-at-once-brief = Subscriptions, an Azure RI reservation and a software purchase, next to another customer.

## Pages

sim-customers-count =
    { $count ->
        [one] { $count } customer
       *[other] { $count } customers
    }
sim-customers-empty = You have no customers in this scenario.
sim-column-name = Name
sim-column-offer = Offer
sim-subscriptions-empty = This customer has no subscriptions.
sim-reservations-empty = This customer has no Azure RI reservations.
sim-software-empty = This customer has no software purchases.
sim-quantity-licenses =
    { $quantity ->
        [one] { $quantity } license
       *[other] { $quantity } licenses
    }
sim-quantity-instances =
    { $quantity ->
        [one] { $quantity } instance
       *[other] { $quantity } instances
    }
# Accessible names of the cancel buttons in a table row ($item is the row's item).
sim-cancel-reservation-named = { -ui-cancel-reservation } { $item }
sim-cancel-software-named = { -ui-cancel-purchase } { $item }
sim-account-relationship = Reseller relationship
sim-relationship-active = Active
sim-relationship-removed = Removed
sim-account-admin = Delegated admin privileges
sim-admin-granted = Granted
sim-admin-removed = Removed
sim-account-support = Support contact
sim-support-listed = You are listed
sim-support-removed = You are not listed
sim-remove-inactive =
    { $count ->
        [one] Inactive: { $count } subscription is still { -ui-active }.
       *[other] Inactive: { $count } subscriptions are still { -ui-active }.
    }
sim-confirm-title = Remove the reseller relationship with { $customer }?
sim-confirm-body = { $customer } will leave your { -ui-customers } list, your delegated admin privileges and your support-contact entry will be removed, and you won't be able to make purchases for this customer.

## Result

sim-summary-title = Reseller relationship with { $customer } removed
sim-summary-customer-list = { $customer } is no longer in your { -ui-customers } list.
sim-summary-admin = Your delegated admin privileges for { $customer } are removed.
sim-summary-support = You are no longer a support contact for { $customer }.
sim-summary-purchases = Purchases for { $customer } are refused. Try it:
sim-summary-back = Back to { -ui-customers }

## Outcomes (announced in a live region)

sim-announce-suspended = { $subscription } is now { -ui-suspended }.
sim-announce-reactivated = { $subscription } is { -ui-active } again.
sim-announce-reservation-cancelled = The reservation { $item } is { -ui-cancelled }.
sim-announce-software-cancelled = The software purchase { $item } is { -ui-cancelled }.
sim-announce-removed = The reseller relationship with { $customer } is removed.
sim-announce-purchase = You could buy for { $customer } now. The simulator places no order.
sim-announce-undo = The last action was undone.
sim-announce-reset = The scenario starts over.

## Refused actions: what failed, and the step of the article that fixes it

sim-blocked = Not possible yet
sim-fix-label = How to fix it:
sim-reason-unknown-customer = This customer is not part of the scenario.
sim-reason-unknown-item = This item is not part of the scenario.
sim-reason-relationship-removed = The reseller relationship with { $customer } was removed: you can no longer act or buy for this customer.
sim-reason-already-suspended = { $subscription } is already { -ui-suspended }.
sim-reason-already-active = { $subscription } is already { -ui-active }.
sim-reason-already-cancelled = { $item } is already { -ui-cancelled }.
sim-reason-active-subscriptions =
    { $count ->
        [one] { $customer } still has { $count } active subscription.
       *[other] { $customer } still has { $count } active subscriptions.
    }
sim-reason-active-reservations =
    { $count ->
        [one] { $customer } still has { $count } active Azure RI reservation.
       *[other] { $customer } still has { $count } active Azure RI reservations.
    }
sim-reason-active-software =
    { $count ->
        [one] { $customer } still has { $count } active software purchase.
       *[other] { $customer } still has { $count } active software purchases.
    }
sim-fix-no-active-subscriptions = Step 1: suspend any active subscriptions
sim-fix-no-active-reservations = Before you start: cancel Azure RI reservations
sim-fix-no-active-software = Before you start: cancel software purchases
sim-fix-removal-allowed = How to remove a relationship
sim-fix-relationship-removed = Step 2: remove the relationship
sim-fix-not-in-customer-list = Step 2: remove the relationship
sim-fix-no-delegated-admin = Step 2: remove the relationship
sim-fix-not-support-contact = Step 2: remove the relationship
sim-fix-purchases-refused = Step 2: remove the relationship

## Assessment mode: the same scenarios, scored; no hints, no fix links, no undo

sim-mode-label = Mode
sim-mode-practice = Practice
sim-mode-assessment = Assessment
sim-assess-intro =
    { $allowed ->
        [one] Assessment: the same scenarios, without hints and without undo. You pass when you reach the goal with at most { $allowed } mistake (a refused or unnecessary action).
       *[other] Assessment: the same scenarios, without hints and without undo. You pass when you reach the goal with at most { $allowed } mistakes (refused or unnecessary actions).
    }
sim-assess-refused = Refused.
sim-assess-finish = End the attempt
sim-assess-not-recorded = Your result is shown on this page only; it is not recorded anywhere.
sim-assess-recorded = Your result is sent to your learning management system.
sim-result-title = Your result
sim-result-passed = Passed
sim-result-failed = Not passed
sim-result-score = Score
sim-result-mastery = Needed to pass
sim-result-mistakes = Mistakes
sim-result-allowed = (at most { $allowed } allowed)
sim-result-time = Time taken
sim-result-goal-not-reached = The goal was not reached.
sim-result-mistakes-title = Your mistakes
sim-result-no-mistakes = You made no mistakes.
sim-result-refused = Refused
sim-result-unnecessary = Not needed
sim-result-step = Step:
sim-result-no-step = No step of the procedure asks for this.
sim-result-practise = Practice this scenario
sim-result-retry = Take the assessment again

## Conditions and actions, by their stable ids (for checklists)

sim-condition-no-active-subscriptions = No subscription is { -ui-active }
sim-condition-no-active-reservations = No Azure RI reservation is active
sim-condition-no-active-software = No software purchase is active
sim-condition-removal-allowed = { -ui-remove-reseller-relationship } is available
sim-condition-relationship-removed = The reseller relationship is removed
sim-condition-not-in-customer-list = The customer is not in your { -ui-customers } list
sim-condition-no-delegated-admin = Your delegated admin privileges are removed
sim-condition-not-support-contact = You are no longer a support contact
sim-condition-purchases-refused = Purchases for the customer are refused
sim-action-suspend-subscription = Suspend a subscription
sim-action-reactivate-subscription = Make a subscription active again
sim-action-cancel-reservation = Cancel an Azure RI reservation
sim-action-cancel-software = Cancel a software purchase
sim-action-remove-relationship = Remove the reseller relationship
sim-action-purchase = Buy for the customer
