# remove-a-relationship: de-DE translation, imported from the DocFX file `remove-a-relationship.md`
# (English revision 83259f2f895be9ef34c55db5613ccfe6891a4424, MT), CC BY 4.0, Microsoft Corporation and contributors.

article-title = Entfernen der Handelspartnerbeziehung mit einem Kunden
article-description = Erfahren Sie, wie direkte Microsoft-Partner Kunden aus ihrer Liste entfernen, delegierte Administratorrechte entfernen und die Unterstützung oder den Kauf für einen Kunden einstellen können.
heading = Entfernen einer Handelspartnerbeziehung mit einem Kunden in Partner Center
audience = { -role-global-admin }
this-article-describes-how-to = In diesem Artikel wird beschrieben, wie Sie eine Handelspartnerbeziehung mit einem Kunden in Partner Center entfernen.
direct-partners-or-indirect-providers = Direkte Partner oder indirekte Anbieter: Wenn Sie keine Transaktionen mehr mit einem Kunden durchführen, können Sie die Beziehung in Partner Center entfernen.
removing-a-relationship-has-the = Das Entfernen einer Beziehung bewirkt Folgendes:
removes-the-customer-from-your = Kunden aus der Kundenliste im Partner Center entfernen
removes-you-from-the-list = Entfernt Sie aus der [Liste der verfügbaren Supportkontakte](assign-support-contacts.md) für Ihren Kunden.
removes-your-delegation-admin-privileges = Delegierungsadministratorrechte für den Kunden entfernen
prevents-you-from-making-future = Tätigen weiterer Käufe für den Kunden verhindern
how-to-remove-a-relationship = Entfernen einer Beziehung
to-remove-the-relationship-you = Um die Beziehung zu entfernen, müssen Sie Reservierungen für reservierte Azure-Instanzen (RI) stornieren, Softwarekäufe stornieren und alle verbleibenden aktiven Abonnements zunächst anhalten.
suspend-any-active-subscriptions = **Setzen Sie alle aktiven Abonnements aus.**
from-the-partner-center-go = Wechseln Sie im Partner Center zu **Kunden,** und wählen Sie einen Kunden aus.
under-subscriptions-select-a-subscription = Wählen Sie unter **{ -ui-subscriptions }** ein Abonnement aus.
select-suspended = Wählen Sie **Angehalten aus.**
repeat-these-steps-for-each = Wiederholen Sie diese Schritte für jedes aktive Abonnement.
remove-the-relationship-in-partner = **Entfernen Sie die Partnerschaft in Partner Center:**
from-the-partner-center-go-2 = Wechseln Sie im Partner Center zu **Kunden,** und wählen Sie einen Kunden aus.
select-the-account = Wählen Sie das **{ -ui-account }** aus.
select-remove-reseller-relationship = Wählen **Sie Resellerbeziehung entfernen** aus.
if-any-subscriptions-are-still = Wenn abonnements noch aktiv sind, ist der Link **Vertriebspartnerbeziehung entfernen** inaktiv.
next-steps = Nächste Schritte
next-request-or-re-establish-a = Anfordern oder Erneutes Herstellen einer Beziehung mit einem Kunden
