# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# German text from MicrosoftDocs/partner-center-pr.de-de (live-sxs 4050acf8, MT),
# CC BY 4.0, Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Wiederverkäufer Beziehung mit einem Kunden entfernen
article-description = Erfahren Sie, wie Microsoft Direct-Partner Kunden aus Ihrer Liste entfernen, Delegierte Administratorrechte entfernen und die Unterstützung für einen Kunden nicht mehr unterstützen oder erwerben können.

## Article

heading = Entfernen einer Reseller-Beziehung mit einem Kunden
audience = { -role-global-admin }
intro = In diesem Artikel wird beschrieben, wie Sie eine Reseller-Beziehung mit einem Kunden im Partner Center entfernen.
when-to-remove = Direkte Partner: Wenn Sie keine Transaktionen mehr mit einem Kunden abwickeln, können Sie die Partnerschaft in Partner Center entfernen.
consequences = Das Entfernen einer Beziehung hat folgende Konsequenzen:
consequence-customer-list = Kunden aus der Kundenliste im Partner Center entfernen
consequence-support-contacts = Sie aus der [Liste verfügbarer Supportkontakte](assign-support-contacts.md) Ihres Kunden entfernen
consequence-admin-privileges = Delegierungsadministratorrechte für den Kunden entfernen
consequence-purchases = Verhindert, dass Sie zukünftige Einkäufe für den Kunden tätigen

remove-heading = Vorgehensweise beim Entfernen einer Beziehung
prerequisites = Um die Beziehung zu entfernen, müssen Sie Azure RI-Reservierungen abbrechen, Software Käufe abbrechen und alle verbleibenden aktiven Abonnements zuerst sperren.
prereq-cancel-reservations = Reservierungen für reservierte Azure-Instanzen (RI) stornieren
prereq-cancel-software = Softwarekäufe stornieren

step-suspend = **Setzen Sie alle aktiven Abonnements aus.**
step-suspend-go-to-customers = Wechseln Sie im Partner Center zu **{ -ui-customers }** , und wählen Sie einen Kunden aus.
step-suspend-select-subscription = Wählen Sie unter **{ -ui-subscriptions }**ein Abonnement aus.
step-suspend-select-suspended = Wählen **Sie** angehalten
step-suspend-repeat = Wiederholen Sie diese Schritte für jedes aktive Abonnement.

step-remove = **Entfernen Sie die Partnerschaft in Partner Center:**
step-remove-go-to-customers = Wechseln Sie im Partner Center zu **{ -ui-customers }** , und wählen Sie einen Kunden aus.
step-remove-select-account = Wählen Sie das **{ -ui-account }**aus.
step-remove-select-remove = Wählen Sie **Reseller Relationship entfernen**aus.
note-link-inactive = Wenn Abonnements noch aktiv sind, ist der Link **Reseller Relationship entfernen** inaktiv.

next-steps = Nächste Schritte
next-request = Eine Beziehung mit einem Kunden anfordern oder wiederherstellen
