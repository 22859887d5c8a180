# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Dutch text from partner-center-pr.nl-nl (live-sxs a202d985, MT), CC BY 4.0,
# Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Resellerrelatie met een klant verwijderen
article-description = Ontdek hoe directe Microsoft-partners klanten uit hun lijst kunnen verwijderen, gedelegeerde beheerdersbevoegdheden kunnen verwijderen en kunnen stoppen met het ondersteunen of kopen van klanten.

## Article

heading = Een resellerrelatie met een klant aanvragen in het Partnercentrum
audience = globale beheerder
intro = In dit artikel wordt beschreven hoe u een resellerrelatie met een klant in Partner Center.
when-to-remove = Directe partners of indirecte providers: als u niet langer met een klant transacteert, kunt u de relatie in Partner Center.
consequences = Het verwijderen van een relatie heeft de volgende gevolgen:
consequence-customer-list = De klant wordt uit uw lijst met klanten in Partnercentrum verwijderd
consequence-support-contacts = Hiermee verwijdert u uit de [lijst met beschikbare contactpersonen voor ondersteuning](assign-support-contacts.md) voor uw klant
consequence-admin-privileges = Uw beheerdersbevoegdheden voor delegering voor de klant worden verwijderd
consequence-purchases = Er wordt voorkomen dat u toekomstige aankopen doet voor de klant

remove-heading = Een relatie verwijderen
prerequisites = Als u de relatie wilt verwijderen, moet u reserveringen voor gereserveerde instanties van Azure annuleren, software-aankopen annuleren en alle resterende actieve abonnementen eerst opschorten.
prereq-cancel-reservations = Reserveringen voor gereserveerde Azure-instanties (RI) annuleren
prereq-cancel-software = Software-aankopen annuleren

step-suspend = **Eventuele actieve abonnementen opschorten.**
step-suspend-go-to-customers = Ga in Partner Center naar **{ -ui-customers }** en selecteer een klant
step-suspend-select-subscription = Selecteer **onder Abonnementen** een abonnement.
step-suspend-select-suspended = Selecteer **Tijdelijk tijdelijk**
step-suspend-repeat = Herhaal deze stappen voor elk actief abonnement.

step-remove = **Verwijder de relatie in Partner Center:**
step-remove-go-to-customers = Ga in Partner Center naar **Klanten en** selecteer een klant.
step-remove-select-account = Selecteer het **account**.
step-remove-select-remove = Selecteer **Resellerrelatie verwijderen.**
note-link-inactive = Als er nog abonnementen actief zijn, is **de koppeling Resellerrelatie** verwijderen inactief.

next-steps = Volgende stappen
next-request = Een relatie met een klant aanvragen of opnieuw tot stand laten komen
