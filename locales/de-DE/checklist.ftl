# Checklists generated from procedures: the printable page, the panel that ticks
# itself during a rehearsal, the Markdown export and `drillbook checklist`.

checklist-title = Checkliste: { $article }
checklist-intro = Arbeiten Sie die Punkte der Reihe nach ab. Ihr Fortschritt wird nur in diesem Browser gespeichert.
checklist-fields = Angaben
checklist-customer = Kunde
checklist-date = Datum
checklist-operator = Bearbeiter
checklist-ticket = Ticket
checklist-status-not-started = Nicht begonnen
checklist-status-in-progress = In Bearbeitung
checklist-status-completed = Abgeschlossen
checklist-status-cannot-start = Kann noch nicht beginnen
# An item whose condition held from the start (no reservation or software purchase to cancel,
# no active subscription to suspend).
checklist-status-nothing-to-cancel = Nichts zu stornieren
checklist-status-nothing-to-suspend = Nichts anzuhalten
checklist-reset = Checkliste zurücksetzen
checklist-print = Drucken
checklist-download = Für ein Ticket herunterladen (Markdown)
checklist-open = Druckbare Checkliste öffnen
checklist-back = Zurück zum Artikel
checklist-panel-title = Checkliste
checklist-panel-intro = Sie hakt sich selbst ab, während Sie im Simulator üben.
checklist-waits-for = Wartet auf: { $items }
checklist-progress = { $done } von { $total } abgeschlossen
checklist-discarded = Der gespeicherte Fortschritt war nicht lesbar und wurde verworfen.
checklist-item = Punkt
checklist-status = Status
checklist-see-article = Schritt im Artikel ansehen
checklist-substeps = Teilschritte

## A concrete checklist for one customer of a scenario (`drillbook checklist`)

checklist-concrete-title = Checkliste zum Entfernen für { $customer }
checklist-cancel-reservation = Azure-RI-Reservierung **{ $name }** stornieren
checklist-cancel-software = Softwarekauf **{ $name }** stornieren
checklist-suspend-subscription = Abonnement **{ $name }** ({ $offer }) anhalten
checklist-remove-relationship = Resellerbeziehung mit **{ $customer }** entfernen
checklist-nothing-to-suspend = Keine aktiven Abonnements, Reservierungen oder Softwarekäufe: Nur das Entfernen bleibt.
