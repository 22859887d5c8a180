# remove-a-relationship: nl-NL translation, imported from the DocFX file `remove-a-relationship.md`
# (English revision 83259f2f895be9ef34c55db5613ccfe6891a4424, MT), CC BY 4.0, Microsoft Corporation and contributors.

article-title = Resellerrelatie met een klant verwijderen
article-description = Ontdek hoe directe Microsoft-partners klanten uit hun lijst kunnen verwijderen, gedelegeerde beheerdersbevoegdheden kunnen verwijderen en kunnen stoppen met het ondersteunen of kopen van klanten.
heading = Een resellerrelatie met een klant aanvragen in het Partnercentrum
audience = globale beheerder
this-article-describes-how-to = In dit artikel wordt beschreven hoe u een resellerrelatie met een klant in Partner Center.
direct-partners-or-indirect-providers = Directe partners of indirecte providers: als u niet langer met een klant transacteert, kunt u de relatie in Partner Center.
removing-a-relationship-has-the = Het verwijderen van een relatie heeft de volgende gevolgen:
removes-the-customer-from-your = De klant wordt uit uw lijst met klanten in Partnercentrum verwijderd
removes-you-from-the-list = Hiermee verwijdert u uit de [lijst met beschikbare contactpersonen voor ondersteuning](assign-support-contacts.md) voor uw klant
removes-your-delegation-admin-privileges = Uw beheerdersbevoegdheden voor delegering voor de klant worden verwijderd
prevents-you-from-making-future = Er wordt voorkomen dat u toekomstige aankopen doet voor de klant
how-to-remove-a-relationship = Een relatie verwijderen
to-remove-the-relationship-you = Als u de relatie wilt verwijderen, moet u reserveringen voor gereserveerde instanties van Azure annuleren, software-aankopen annuleren en alle resterende actieve abonnementen eerst opschorten.
suspend-any-active-subscriptions = **Eventuele actieve abonnementen opschorten.**
from-the-partner-center-go = Ga in Partner Center naar **{ -ui-customers }** en selecteer een klant
under-subscriptions-select-a-subscription = Selecteer **onder Abonnementen** een abonnement.
select-suspended = Selecteer **Tijdelijk tijdelijk**
repeat-these-steps-for-each = Herhaal deze stappen voor elk actief abonnement.
remove-the-relationship-in-partner = **Verwijder de relatie in Partner Center:**
from-the-partner-center-go-2 = Ga in Partner Center naar **Klanten en** selecteer een klant.
select-the-account = Selecteer het **account**.
select-remove-reseller-relationship = Selecteer **Resellerrelatie verwijderen.**
if-any-subscriptions-are-still = Als er nog abonnementen actief zijn, is **de koppeling Resellerrelatie** verwijderen inactief.
next-steps = Volgende stappen
next-request-or-re-establish-a = Een relatie met een klant aanvragen of opnieuw tot stand laten komen
