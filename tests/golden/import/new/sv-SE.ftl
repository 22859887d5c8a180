# remove-a-relationship: sv-SE translation, imported from the DocFX file `remove-a-relationship.md`
# (English revision 83259f2f895be9ef34c55db5613ccfe6891a4424, MT), CC BY 4.0, Microsoft Corporation and contributors.

article-title = Ta bort återförsäljarrelationen med en kund
article-description = Ta reda på hur Microsofts direktpartner kan ta bort kunder från listan, ta bort delegerade administratörsbehörigheter och sluta stödja eller köpa för en kund.
heading = Så här tar du bort en återförsäljarrelation med en kund i Partnercenter
audience = { -role-global-admin }
this-article-describes-how-to = I den här artikeln beskrivs hur du tar bort en återförsäljarrelation med en kund i Partnercenter.
direct-partners-or-indirect-providers = Direkta partner eller indirekta leverantörer: Om du inte längre gör en kontakt med en kund kan du ta bort relationen i Partnercenter.
removing-a-relationship-has-the = Borttagning av en relation har följande konsekvenser:
removes-the-customer-from-your = Kunden tas bort från din lista över kunder i Partnercenter
removes-you-from-the-list = Tar bort dig från [listan över tillgängliga supportkontakter](assign-support-contacts.md) för din kund
removes-your-delegation-admin-privileges = Dina administratörsprivilegier för delegering för kunden tas bort
prevents-you-from-making-future = Du kan inte göra framtida inköp för kunden
how-to-remove-a-relationship = Ta bort en relation
to-remove-the-relationship-you = Om du vill ta bort relationen måste du avbryta reservationer för reserverad Azure-instans (RI), avbryta programvaruinköp och inaktivera eventuella återstående aktiva prenumerationer först.
suspend-any-active-subscriptions = **Pausa alla aktiva prenumerationer.**
from-the-partner-center-go = Från Partnercenter går du till **{ -ui-customers }** och väljer en kund
under-subscriptions-select-a-subscription = Under **{ -ui-subscriptions }** väljer du en prenumeration.
select-suspended = Välj **{ -ui-suspended }**
repeat-these-steps-for-each = Upprepa dessa steg för varje aktiv prenumeration.
remove-the-relationship-in-partner = **Ta bort relationen i Partnercenter:**
from-the-partner-center-go-2 = Från Partnercenter går du till **{ -ui-customers }** och väljer en kund.
select-the-account = Välj **Konto.**
select-remove-reseller-relationship = Välj **Ta bort återförsäljarrelation.**
if-any-subscriptions-are-still = Om några prenumerationer fortfarande är aktiva kommer länken **{ -ui-remove-reseller-relationship }** att vara inaktiv.
next-steps = Nästa steg
next-request-or-re-establish-a = Begära eller återupprätta en relation med en kund
