# Checklists generated from procedures: the printable page, the panel that ticks
# itself during a rehearsal, the Markdown export and `drillbook checklist`.

checklist-title = Checklist: { $article }
checklist-intro = Work through the items in order. Your progress is saved in this browser only.
checklist-fields = Record
checklist-customer = Customer
checklist-date = Date
checklist-operator = Operator
checklist-ticket = Ticket
checklist-status-not-started = Not started
checklist-status-in-progress = In progress
checklist-status-completed = Completed
checklist-status-cannot-start = Cannot start yet
# An item whose condition held from the start (no reservation or software purchase to cancel,
# no active subscription to suspend).
checklist-status-nothing-to-cancel = Nothing to cancel
checklist-status-nothing-to-suspend = Nothing to suspend
checklist-reset = Reset the checklist
checklist-print = Print
checklist-download = Download for a ticket (Markdown)
checklist-open = Open the printable checklist
checklist-back = Back to the article
checklist-panel-title = Checklist
checklist-panel-intro = It ticks itself as you rehearse in the simulator.
checklist-waits-for = Waits for: { $items }
checklist-progress = { $done } of { $total } completed
checklist-discarded = Saved progress could not be read and was discarded.
checklist-item = Item
checklist-status = Status
checklist-see-article = See the step in the article
checklist-substeps = Sub-steps

## A concrete checklist for one customer of a scenario (`drillbook checklist`)

checklist-concrete-title = Removal checklist for { $customer }
checklist-cancel-reservation = Cancel the Azure RI reservation **{ $name }**
checklist-cancel-software = Cancel the software purchase **{ $name }**
checklist-suspend-subscription = Suspend the subscription **{ $name }** ({ $offer })
checklist-remove-relationship = Remove the reseller relationship with **{ $customer }**
checklist-nothing-to-suspend = No active subscriptions, reservations or software purchases: only the removal is left.
