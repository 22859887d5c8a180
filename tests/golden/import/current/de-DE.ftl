# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# German text from MicrosoftDocs/partner-center-pr.de-de (live-sxs 4050acf8, MT),
# CC BY 4.0, Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Entfernen der Handelspartnerbeziehung mit einem Kunden
article-description = Erfahren Sie, wie direkte Microsoft-Partner Kunden aus ihrer Liste entfernen, delegierte Administratorrechte entfernen und die Unterstützung oder den Kauf für einen Kunden einstellen können.

## Article

heading = Entfernen einer Handelspartnerbeziehung mit einem Kunden in Partner Center
audience = { -role-global-admin }
intro = In diesem Artikel wird beschrieben, wie Sie eine Handelspartnerbeziehung mit einem Kunden in Partner Center entfernen.
when-to-remove = Direkte Partner oder indirekte Anbieter: Wenn Sie keine Transaktionen mehr mit einem Kunden durchführen, können Sie die Beziehung in Partner Center entfernen.
consequences = Das Entfernen einer Beziehung bewirkt Folgendes:
consequence-customer-list = Kunden aus der Kundenliste im Partner Center entfernen
consequence-support-contacts = Entfernt Sie aus der [Liste der verfügbaren Supportkontakte](assign-support-contacts.md) für Ihren Kunden.
consequence-admin-privileges = Delegierungsadministratorrechte für den Kunden entfernen
consequence-purchases = Tätigen weiterer Käufe für den Kunden verhindern

remove-heading = Entfernen einer Beziehung
prerequisites = Um die Beziehung zu entfernen, müssen Sie Reservierungen für reservierte Azure-Instanzen (RI) stornieren, Softwarekäufe stornieren und alle verbleibenden aktiven Abonnements zunächst anhalten.
prereq-cancel-reservations = Reservierungen für reservierte Azure-Instanzen (RI) stornieren
prereq-cancel-software = Softwarekäufe stornieren

step-suspend = **Setzen Sie alle aktiven Abonnements aus.**
step-suspend-go-to-customers = Wechseln Sie im Partner Center zu **Kunden,** und wählen Sie einen Kunden aus.
step-suspend-select-subscription = Wählen Sie unter **{ -ui-subscriptions }** ein Abonnement aus.
step-suspend-select-suspended = Wählen Sie **Angehalten aus.**
step-suspend-repeat = Wiederholen Sie diese Schritte für jedes aktive Abonnement.

step-remove = **Entfernen Sie die Partnerschaft in Partner Center:**
step-remove-go-to-customers = Wechseln Sie im Partner Center zu **Kunden,** und wählen Sie einen Kunden aus.
step-remove-select-account = Wählen Sie das **{ -ui-account }** aus.
step-remove-select-remove = Wählen **Sie Resellerbeziehung entfernen** aus.
note-link-inactive = Wenn abonnements noch aktiv sind, ist der Link **Vertriebspartnerbeziehung entfernen** inaktiv.

next-steps = Nächste Schritte
next-request = Anfordern oder Erneutes Herstellen einer Beziehung mit einem Kunden
