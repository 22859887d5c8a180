# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Swedish text from partner-center-pr.sv-se (live-sxs 2fbdd4a0, MT), CC BY 4.0,
# Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Ta bort återförsäljarrelationen med en kund
article-description = Ta reda på hur Microsofts direktpartner kan ta bort kunder från listan, ta bort delegerade administratörsbehörigheter och sluta stödja eller köpa för en kund.

## Article

heading = Så här tar du bort en återförsäljarrelation med en kund i Partnercenter
audience = { -role-global-admin }
intro = I den här artikeln beskrivs hur du tar bort en återförsäljarrelation med en kund i Partnercenter.
when-to-remove = Direkta partner eller indirekta leverantörer: Om du inte längre gör en kontakt med en kund kan du ta bort relationen i Partnercenter.
consequences = Borttagning av en relation har följande konsekvenser:
consequence-customer-list = Kunden tas bort från din lista över kunder i Partnercenter
consequence-support-contacts = Tar bort dig från [listan över tillgängliga supportkontakter](assign-support-contacts.md) för din kund
consequence-admin-privileges = Dina administratörsprivilegier för delegering för kunden tas bort
consequence-purchases = Du kan inte göra framtida inköp för kunden

remove-heading = Ta bort en relation
prerequisites = Om du vill ta bort relationen måste du avbryta reservationer för reserverad Azure-instans (RI), avbryta programvaruinköp och inaktivera eventuella återstående aktiva prenumerationer först.
prereq-cancel-reservations = Avbryt reservationer för reserverade Azure-instanser (RI)
prereq-cancel-software = Avbryt programvaruinköp

step-suspend = **Pausa alla aktiva prenumerationer.**
step-suspend-go-to-customers = Från Partnercenter går du till **{ -ui-customers }** och väljer en kund
step-suspend-select-subscription = Under **{ -ui-subscriptions }** väljer du en prenumeration.
step-suspend-select-suspended = Välj **{ -ui-suspended }**
step-suspend-repeat = Upprepa dessa steg för varje aktiv prenumeration.

step-remove = **Ta bort relationen i Partnercenter:**
step-remove-go-to-customers = Från Partnercenter går du till **{ -ui-customers }** och väljer en kund.
step-remove-select-account = Välj **Konto.**
step-remove-select-remove = Välj **Ta bort återförsäljarrelation.**
note-link-inactive = Om några prenumerationer fortfarande är aktiva kommer länken **{ -ui-remove-reseller-relationship }** att vara inaktiv.

next-steps = Nästa steg
next-request = Begära eller återupprätta en relation med en kund
