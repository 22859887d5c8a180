# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# German text from MicrosoftDocs/partner-center-pr.de-de (live-sxs 4050acf8, MT),
# CC BY 4.0, Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Entfernen der Resellerbeziehung mit einem Kunden
article-description = Erfahren Sie, wie direkte Microsoft-Partner Kunden aus ihrer Liste entfernen, delegierte Administratorrechte entfernen und die Unterstützung oder den Kauf für einen Kunden einstellen können.

## Article

heading = Entfernen einer Resellerbeziehung mit einem Kunden im Partner Center
audience = { -role-global-admin }
intro = In diesem Artikel wird beschrieben, wie Sie eine Resellerbeziehung mit einem Kunden im Partner Center entfernen.
when-to-remove = Direkte Partner oder indirekte Anbieter: Wenn Sie keine Transaktionen mehr mit einem Kunden durchführen, können Sie die Beziehung im Partner Center entfernen.
consequences = Das Entfernen einer Beziehung bewirkt Folgendes:
consequence-customer-list = Entfernt den Kunden aus Ihrer Kundenliste im Partner Center
consequence-support-contacts = Entfernt Sie aus der [Liste der verfügbaren Supportkontakte](assign-support-contacts.md) für Ihren Kunden
consequence-admin-privileges = Entfernt Ihre delegierten Administratorrechte für den Kunden
consequence-purchases = Verhindert, dass Sie künftig Käufe für den Kunden tätigen

remove-heading = Entfernen einer Beziehung
prerequisites = Um die Beziehung zu entfernen, müssen Sie zunächst Reservierungen für reservierte Azure-Instanzen (RI) stornieren, Softwarekäufe stornieren und alle verbleibenden aktiven Abonnements anhalten.
prereq-cancel-reservations = Reservierungen für reservierte Azure-Instanzen (RI) stornieren
prereq-cancel-software = Softwarekäufe stornieren

step-suspend = **Halten Sie alle aktiven Abonnements an.**
step-suspend-go-to-customers = Wechseln Sie im Partner Center zu **{ -ui-customers }**, und wählen Sie einen Kunden aus.
step-suspend-select-subscription = Wählen Sie unter **{ -ui-subscriptions }** ein Abonnement aus.
step-suspend-select-suspended = Wählen Sie **{ -ui-suspended }** aus.
step-suspend-repeat = Wiederholen Sie diese Schritte für jedes aktive Abonnement.

step-remove = **Entfernen Sie die Beziehung im Partner Center:**
step-remove-go-to-customers = Wechseln Sie im Partner Center zu **{ -ui-customers }**, und wählen Sie einen Kunden aus.
step-remove-select-account = Wählen Sie das **{ -ui-account }** aus.
step-remove-select-remove = Wählen Sie **{ -ui-remove-reseller-relationship }** aus.
note-link-inactive = Wenn noch Abonnements aktiv sind, ist der Link **{ -ui-remove-reseller-relationship }** inaktiv.

next-steps = Nächste Schritte
next-request = Anfordern oder erneutes Herstellen einer Beziehung mit einem Kunden
