# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Swedish text from partner-center-pr.sv-se (live-sxs 2fbdd4a0, MT), CC BY 4.0,
# Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Ta bort åter försäljarens relation med en kund
article-description = Ta reda på hur Microsoft Direct-partners kan ta bort kunder från sina listor, ta bort delegerade administratörs behörigheter och sluta stödja eller köpa för en kund.

## Article

heading = Så här tar du bort en återförsäljarrelation med en kund i Partnercenter
audience = { -role-global-admin }
intro = Den här artikeln beskriver hur du tar bort en åter försäljares relation med en kund i Partner Center.
when-to-remove = Direkta partner eller indirekta leverantörer: om du inte längre kommunicerar med en kund kan du ta bort relationen i Partner Center.
consequences = Borttagning av en relation har följande konsekvenser:
consequence-customer-list = Kunden tas bort från din lista över kunder i Partnercenter
consequence-support-contacts = Tar bort dig från [listan över tillgängliga support kontakter](assign-support-contacts.md) för din kund
consequence-admin-privileges = Dina administratörsprivilegier för delegering för kunden tas bort
consequence-purchases = Du kan inte göra framtida inköp för kunden

remove-heading = Ta bort en relation
prerequisites = Om du vill ta bort relationen måste du avbryta Azure RI-reservationer, avbryta program varu inköp och pausa eventuella återstående aktiva prenumerationer först.
prereq-cancel-reservations = Avbryt reservationer för reserverade Azure-instanser (RI)
prereq-cancel-software = Avbryt programvaruinköp

step-suspend = **Pausa eventuella aktiva prenumerationer.**
step-suspend-go-to-customers = Från Partner Center går du till **kunder** och väljer en kund
step-suspend-select-subscription = Under **prenumerationer** väljer du en prenumeration.
step-suspend-select-suspended = Välj **inaktive** rad
step-suspend-repeat = Upprepa de här stegen för varje aktiv prenumeration.

step-remove = **Ta bort relationen i Partner Center:**
step-remove-go-to-customers = Från Partner Center går du till **kunder** och väljer en kund.
step-remove-select-account = Välj **kontot** .
step-remove-select-remove = Välj **ta bort åter försäljarens relation** .
note-link-inactive = Om några prenumerationer fortfarande är aktiva blir **Relations länken Ta bort åter försäljare** inaktiv.

next-steps = Nästa steg
next-request = Begära eller återupprätta en relation med en kund
