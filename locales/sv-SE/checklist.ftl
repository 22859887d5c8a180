# Checklists generated from procedures: the printable page, the panel that ticks
# itself during a rehearsal, the Markdown export and `drillbook checklist`.

checklist-title = Checklista: { $article }
checklist-intro = Gå igenom punkterna i tur och ordning. Dina framsteg sparas bara i den här webbläsaren.
checklist-fields = Uppgifter
checklist-customer = Kund
checklist-date = Datum
checklist-operator = Handläggare
checklist-ticket = Ärende
checklist-status-not-started = Inte påbörjad
checklist-status-in-progress = Pågår
checklist-status-completed = Klar
checklist-status-cannot-start = Kan inte påbörjas än
# An item whose condition held from the start (no reservation or software purchase to cancel,
# no active subscription to suspend).
checklist-status-nothing-to-cancel = Inget att avbryta
checklist-status-nothing-to-suspend = Inget att pausa
checklist-reset = Återställ checklistan
checklist-print = Skriv ut
checklist-download = Ladda ned för ett ärende (Markdown)
checklist-open = Öppna den utskrivbara checklistan
checklist-back = Tillbaka till artikeln
checklist-panel-title = Checklista
checklist-panel-intro = Den bockar av sig själv medan du övar i simulatorn.
checklist-waits-for = Väntar på: { $items }
checklist-progress = { $done } av { $total } klara
checklist-discarded = Sparade framsteg kunde inte läsas och togs bort.
checklist-item = Punkt
checklist-status = Status
checklist-see-article = Se steget i artikeln
checklist-substeps = Delsteg

## A concrete checklist for one customer of a scenario (`drillbook checklist`)

checklist-concrete-title = Checklista för borttagning av { $customer }
checklist-cancel-reservation = Avbryt Azure RI-reservationen **{ $name }**
checklist-cancel-software = Avbryt programvaruinköpet **{ $name }**
checklist-suspend-subscription = Pausa prenumerationen **{ $name }** ({ $offer })
checklist-remove-relationship = Ta bort återförsäljarrelationen med **{ $customer }**
checklist-nothing-to-suspend = Inga aktiva prenumerationer, reservationer eller programvaruinköp: bara borttagningen återstår.
