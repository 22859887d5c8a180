# How to remove a reseller relationship with a customer in Partner Center.
# English source revision 83259f2f895be9ef34c55db5613ccfe6891a4424 (the English
# halves of the side-by-side DocFX files), CC BY 4.0, Microsoft Corporation.
# Russian text from MicrosoftDocs/partner-center-pr.ru-ru (live-sxs c8aab41d, MT),
# CC BY 4.0, Microsoft Corporation and contributors; machine-translation defects corrected.

## Page metadata

article-title = Удаление связи между торговыми посредниками с клиентом
article-description = Узнайте, как Microsoft Direct Partner может удалять клиентов из списка, удалять делегированные права администратора и прекращать поддержку или покупку для клиента.

## Article

heading = Как удалить связь торгового посредника с клиентом в Центре партнеров
audience = глобальный администратор.
intro = В этой статье описывается, как удалить связь через торгового посредника с клиентом в центре партнеров.
when-to-remove = Прямые партнеры или косвенные поставщики. Если вы больше не собираетесь работать с клиентом, вы можете удалить эту связь в центре партнеров.
consequences = Удаление связи имеет следующие последствия.
consequence-customer-list = удаляет клиента из списка клиентов в Центре партнеров;
consequence-support-contacts = Удаляет вас из [списка доступных контактов поддержки](assign-support-contacts.md) для вашего клиента
consequence-admin-privileges = удаляет ваши права делегированного администратора для клиента;
consequence-purchases = Не позволяет клиенту делать покупки в дальнейшем

remove-heading = Удаление связи
prerequisites = Чтобы удалить связь, необходимо сначала отменить резервирования зарезервированных экземпляров Azure (RI), отменить покупки программного обеспечения и приостановить все оставшиеся активные подписки.
prereq-cancel-reservations = Отмените резервирования зарезервированных экземпляров Azure (RI)
prereq-cancel-software = Отмените покупки программного обеспечения

step-suspend = **Приостановите все активные подписки.**
step-suspend-go-to-customers = В центре партнеров перейдите к разделу **{ -ui-customers }** и выберите клиента.
step-suspend-select-subscription = В разделе **подписки** выберите подписку.
step-suspend-select-suspended = Выбор **приостановлена**
step-suspend-repeat = Повторите эти действия для каждой активной подписки.

step-remove = **Удалите связь в центре партнеров:**
step-remove-go-to-customers = В центре партнеров перейдите к разделу **{ -ui-customers }** и выберите клиента.
step-remove-select-account = Выберите **{ -ui-account }**.
step-remove-select-remove = Выберите **{ -ui-remove-reseller-relationship }**.
note-link-inactive = Если какие-либо подписки активны, ссылка **Удалить связь с торговыми посредниками** будет неактивна.

next-steps = Дальнейшие действия
next-request = Запрос или повторное создание связи с клиентом
