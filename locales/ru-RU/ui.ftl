# Partner Center's user-interface labels, as the product shows them (Russian).
# The article text and the simulator both reference these terms, so a page
# and its sandbox always name a control the same way.
# Renderings taken from the ru-RU Partner Center articles (MicrosoftDocs/partner-center-pr.ru-ru).

-ui-partner-center = Центр партнеров
-ui-customers = Клиенты
# Capitalized as a label (the article has lowercase "подписки"; create-a-new-subscription has "Подписки").
-ui-subscriptions = Подписки
# Chosen: "Приостановлена" (the "Select Suspended" step of remove-a-relationship, capitalized;
# agrees with "подписка" like -ui-active). Rejected: "Приостановлено", "Приостановленная" (create-a-new-subscription).
-ui-suspended = Приостановлена
# Chosen: "Активна" (subscription status, same form as -ui-suspended). Rejected: "Активный".
-ui-active = Активна
-ui-account = Учетная запись
# Chosen: "Удалить связь с торговым посредником" (the "Select Remove reseller relationship" step).
# Rejected: "Удалить связь с торговыми посредниками" (the NOTE about the inactive link).
-ui-remove-reseller-relationship = Удалить связь с торговым посредником

## Roles

-role-global-admin = Глобальный администратор

## Simulator
## Labels the simulated Partner Center shows beyond those the article names. Where the article
## does not describe a page (Azure RI reservations, software), the simulator invents it and says so.

-ui-azure-reservations = Резервирования Azure
-ui-software = Программное обеспечение
# Status label of a reservation or software purchase (neuter, as for "резервирование").
-ui-cancelled = Отменено
-ui-cancel-reservation = Отменить резервирование
-ui-cancel-purchase = Отменить покупку
-ui-add-subscription = Добавить подписку
-ui-remove = Удалить
-ui-cancel = Отмена
-ui-status = Состояние
-ui-quantity = Количество
