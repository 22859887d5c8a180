# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Dutch text from partner-center-pr.nl-nl (live-sxs a202d985, MT), CC BY 4.0,
# Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Reseller-relatie met een klant verwijderen
article-description = Ontdek hoe micro soft direct partners klanten kunnen verwijderen uit hun lijst, gedelegeerde beheerders bevoegdheden moeten verwijderen en niet meer hoeven te ondersteunen of te kopen voor een klant.

## Article

heading = Een resellerrelatie met een klant aanvragen in het Partnercentrum
audience = { -role-global-admin }
intro = In dit artikel wordt beschreven hoe u een reseller-relatie met een klant verwijdert in het partner centrum.
when-to-remove = Direct partners of indirecte providers: als u niet meer met een klant communiceert, kunt u de relatie verwijderen in het partner centrum.
consequences = Het verwijderen van een relatie heeft de volgende gevolgen:
consequence-customer-list = De klant wordt uit uw lijst met klanten in Partnercentrum verwijderd
consequence-support-contacts = Hiermee wordt u verwijderd uit de [lijst met beschik bare ondersteunings contactpersonen](assign-support-contacts.md) voor uw klant
consequence-admin-privileges = Uw beheerdersbevoegdheden voor delegering voor de klant worden verwijderd
consequence-purchases = Er wordt voorkomen dat u toekomstige aankopen doet voor de klant

remove-heading = Een relatie verwijderen
prerequisites = Als u de relatie wilt verwijderen, moet u Azure RI-reserve ringen annuleren, software aankopen annuleren en eventuele resterende actieve abonnementen blok keren.
prereq-cancel-reservations = Reserveringen voor gereserveerde Azure-instanties (RI) annuleren
prereq-cancel-software = Software-aankopen annuleren

step-suspend = **Actieve abonnementen opschorten.**
step-suspend-go-to-customers = Ga vanuit het partner centrum naar **klanten** en selecteer een klant
step-suspend-select-subscription = Selecteer een abonnement onder **abonnementen**.
step-suspend-select-suspended = **{ -ui-suspended }** selecteren
step-suspend-repeat = Herhaal deze stappen voor elk actief abonnement.

step-remove = **De relatie in het partner centrum verwijderen:**
step-remove-go-to-customers = Ga vanuit het partner centrum naar **klanten** en selecteer een klant.
step-remove-select-account = Selecteer het **account**.
step-remove-select-remove = Selecteer **wederverkoper-relatie verwijderen**.
note-link-inactive = Als abonnementen nog actief zijn, is de koppeling **reseller Relationship verwijderen** inactief.

next-steps = Volgende stappen
next-request = Een relatie met een klant aanvragen of opnieuw tot stand brengen
