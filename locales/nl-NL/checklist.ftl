# Checklists generated from procedures: the printable page, the panel that ticks
# itself during a rehearsal, the Markdown export and `drillbook checklist`.

checklist-title = Controlelijst: { $article }
checklist-intro = Werk de punten in volgorde af. Uw voortgang wordt alleen in deze browser opgeslagen.
checklist-fields = Gegevens
checklist-customer = Klant
checklist-date = Datum
checklist-operator = Uitvoerder
checklist-ticket = Ticket
checklist-status-not-started = Niet gestart
checklist-status-in-progress = Bezig
checklist-status-completed = Voltooid
checklist-status-cannot-start = Kan nog niet starten
# An item whose condition held from the start (no reservation or software purchase to cancel,
# no active subscription to suspend).
checklist-status-nothing-to-cancel = Niets te annuleren
checklist-status-nothing-to-suspend = Niets op te schorten
checklist-reset = Controlelijst opnieuw instellen
checklist-print = Afdrukken
checklist-download = Downloaden voor een ticket (Markdown)
checklist-open = Afdrukbare controlelijst openen
checklist-back = Terug naar het artikel
checklist-panel-title = Controlelijst
checklist-panel-intro = De lijst vinkt zichzelf af terwijl u in de simulator oefent.
checklist-waits-for = Wacht op: { $items }
checklist-progress = { $done } van { $total } voltooid
checklist-discarded = De opgeslagen voortgang kon niet worden gelezen en is verwijderd.
checklist-item = Punt
checklist-status = Status
checklist-see-article = Stap in het artikel bekijken
checklist-substeps = Substappen

## A concrete checklist for one customer of a scenario (`drillbook checklist`)

checklist-concrete-title = Controlelijst voor het verwijderen van { $customer }
checklist-cancel-reservation = De Azure RI-reservering **{ $name }** annuleren
checklist-cancel-software = De software-aankoop **{ $name }** annuleren
checklist-suspend-subscription = Het abonnement **{ $name }** ({ $offer }) opschorten
checklist-remove-relationship = De resellerrelatie met **{ $customer }** verwijderen
checklist-nothing-to-suspend = Geen actieve abonnementen, reserveringen of software-aankopen: alleen het verwijderen blijft over.
