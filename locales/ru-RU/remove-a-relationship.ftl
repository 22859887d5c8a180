# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Russian text from MicrosoftDocs/partner-center-pr.ru-ru (live-sxs c8aab41d, MT),
# CC BY 4.0, Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Удаление связи торгового посредника с клиентом
article-description = Узнайте, как прямые партнеры Майкрософт могут удалять клиентов из своего списка, удалять делегированные права администратора и прекращать поддержку клиента или покупки для него.

## Article

heading = Как удалить связь торгового посредника с клиентом в Центре партнеров
audience = { -role-global-admin }
intro = В этой статье описывается, как удалить связь торгового посредника с клиентом в Центре партнеров.
when-to-remove = Прямые партнеры или косвенные поставщики: если вы больше не работаете с клиентом, вы можете удалить эту связь в Центре партнеров.
consequences = Удаление связи имеет следующие последствия:
consequence-customer-list = Удаляет клиента из вашего списка клиентов в Центре партнеров
consequence-support-contacts = Удаляет вас из [списка доступных контактов поддержки](assign-support-contacts.md) для вашего клиента
consequence-admin-privileges = Удаляет ваши права делегированного администратора для клиента
consequence-purchases = Не позволяет вам в дальнейшем совершать покупки для клиента

remove-heading = Удаление связи
prerequisites = Чтобы удалить связь, необходимо сначала отменить резервирования зарезервированных экземпляров Azure (RI), отменить покупки программного обеспечения и приостановить все оставшиеся активные подписки.
prereq-cancel-reservations = Отмените резервирования зарезервированных экземпляров Azure (RI)
prereq-cancel-software = Отмените покупки программного обеспечения

step-suspend = **Приостановите все активные подписки.**
step-suspend-go-to-customers = В Центре партнеров перейдите к разделу **{ -ui-customers }** и выберите клиента.
step-suspend-select-subscription = В разделе **{ -ui-subscriptions }** выберите подписку.
step-suspend-select-suspended = Выберите **{ -ui-suspended }**
step-suspend-repeat = Повторите эти действия для каждой активной подписки.

step-remove = **Удалите связь в Центре партнеров:**
step-remove-go-to-customers = В Центре партнеров перейдите к разделу **{ -ui-customers }** и выберите клиента.
step-remove-select-account = Выберите **{ -ui-account }**.
step-remove-select-remove = Выберите **{ -ui-remove-reseller-relationship }**.
note-link-inactive = Если какие-либо подписки все еще активны, ссылка **{ -ui-remove-reseller-relationship }** будет неактивна.

next-steps = Дальнейшие действия
next-request = Запрос или повторное создание связи с клиентом
