# remove-a-relationship: ru-RU translation, imported from the DocFX file `remove-a-relationship.md`
# (English revision 83259f2f895be9ef34c55db5613ccfe6891a4424, MT), CC BY 4.0, Microsoft Corporation and contributors.

article-title = Удаление связи между торговыми посредниками с клиентом
article-description = Узнайте, как Microsoft Direct Partner может удалять клиентов из списка, удалять делегированные права администратора и прекращать поддержку или покупку для клиента.
heading = Как удалить связь торгового посредника с клиентом в Центре партнеров
audience = глобальный администратор.
this-article-describes-how-to = В этой статье описывается, как удалить связь через торгового посредника с клиентом в центре партнеров.
direct-partners-or-indirect-providers = Прямые партнеры или косвенные поставщики. Если вы больше не собираетесь работать с клиентом, вы можете удалить эту связь в центре партнеров.
removing-a-relationship-has-the = Удаление связи имеет следующие последствия.
removes-the-customer-from-your = удаляет клиента из списка клиентов в Центре партнеров;
removes-you-from-the-list = Удаляет вас из [списка доступных контактов поддержки](assign-support-contacts.md) для вашего клиента
removes-your-delegation-admin-privileges = удаляет ваши права делегированного администратора для клиента;
prevents-you-from-making-future = Не позволяет клиенту делать покупки в дальнейшем
how-to-remove-a-relationship = Удаление связи
to-remove-the-relationship-you = Чтобы удалить связь, необходимо сначала отменить резервирования зарезервированных экземпляров Azure (RI), отменить покупки программного обеспечения и приостановить все оставшиеся активные подписки.
suspend-any-active-subscriptions = **Приостановите все активные подписки.**
from-the-partner-center-go = В центре партнеров перейдите к разделу **{ -ui-customers }** и выберите клиента.
under-subscriptions-select-a-subscription = В разделе **подписки** выберите подписку.
select-suspended = Выбор **приостановлена**
repeat-these-steps-for-each = Повторите эти действия для каждой активной подписки.
remove-the-relationship-in-partner = **Удалите связь в центре партнеров:**
from-the-partner-center-go-2 = В центре партнеров перейдите к разделу **{ -ui-customers }** и выберите клиента.
select-the-account = Выберите **{ -ui-account }**.
select-remove-reseller-relationship = Выберите **{ -ui-remove-reseller-relationship }**.
if-any-subscriptions-are-still = Если какие-либо подписки активны, ссылка **Удалить связь с торговыми посредниками** будет неактивна.
next-steps = Дальнейшие действия
next-request-or-re-establish-a = Запрос или повторное создание связи с клиентом
