# Симулятор Центра партнеров в статьях, которые называют набор сценариев (Russian).
# Подписи интерфейса — термины из ui.ftl, чтобы симулятор называл элементы так же, как статья.
# Plural selectors use the CLDR categories for ru: one (1, 21), few (2–4, 22), many (0, 5–20), other (fractions).

## Frame

sim-title = Тренировка в симуляторе: { -ui-partner-center }
sim-intro = Отработайте процедуру на примерах клиентов. Ничто из того, что вы здесь делаете, не затрагивает реальную учетную запись.
sim-needs-javascript = Для работы симулятора нужен JavaScript. Статья выше полна и без него.
sim-scenario-label = Сценарий
sim-undo = Отменить действие
sim-reset = Начать заново
sim-goal-label = Цель:
sim-goal = Удалите связь с торговым посредником для клиента { $customer }.
sim-goal-reached = Цель достигнута: связь с торговым посредником для клиента { $customer } удалена.
sim-progress-label = Ход выполнения
sim-console-label = Симулятор: { -ui-partner-center }
sim-breadcrumb-label = Вы находитесь здесь
sim-customer-nav-label = Страницы клиента
sim-nav-label = Меню { -ui-partner-center }
sim-storage-discarded = Сохраненный ход выполнения не удалось прочитать (данные повреждены или относятся к более старой версии), поэтому он удален. Сценарий начинается сначала.

## Differences from the real Partner Center

sim-differences-title = Чем симулятор отличается от настоящего продукта «{ -ui-partner-center }»
sim-difference-reservations = В статье не сказано, где отменяются резервирования Azure RI. Симулятор придумывает для каждого клиента страницу «{ -ui-azure-reservations }».
sim-difference-software = В статье не сказано, где отменяются покупки программного обеспечения. Симулятор придумывает для каждого клиента страницу «{ -ui-software }».
sim-difference-purchases = Симулятор не оформляет заказы: «{ -ui-add-subscription }» только показывает, разрешена ли покупка.
sim-difference-simplified = Страницы показывают только то, что нужно для процедуры, а клиенты — это примеры данных.

## Scenarios

sim-scenario-only-active-subscriptions = Только активные подписки
sim-scenario-only-active-subscriptions-brief = Обе подписки активны: приостановите их, а затем удалите связь.
sim-scenario-azure-ri-reservation = С резервированием Azure RI
sim-scenario-azure-ri-reservation-brief = Помимо подписки у клиента есть активное резервирование зарезервированных экземпляров Azure (RI).
sim-scenario-software-purchase = С покупкой программного обеспечения
sim-scenario-software-purchase-brief = Помимо подписки у клиента есть активная покупка программного обеспечения.
sim-scenario-several-customers = Несколько клиентов, одна подписка уже приостановлена
sim-scenario-several-customers-brief = Удалите только клиента, указанного в цели; одна из его подписок уже приостановлена.
sim-scenario-nothing-to-suspend = Приостанавливать нечего
sim-scenario-nothing-to-suspend-brief = Все подписки уже приостановлены, поэтому можно сразу перейти к учетной записи.
sim-scenario-everything-at-once = Все сразу
sim-scenario-everything-at-once-brief = Подписки, резервирование Azure RI и покупка программного обеспечения, а рядом — еще один клиент.

## Pages

sim-customers-count =
    { $count ->
        [one] { $count } клиент
        [few] { $count } клиента
        [many] { $count } клиентов
       *[other] { $count } клиента
    }
sim-customers-empty = В этом сценарии у вас нет клиентов.
sim-column-name = Имя
sim-column-offer = Предложение
sim-subscriptions-empty = У этого клиента нет подписок.
sim-reservations-empty = У этого клиента нет резервирований Azure RI.
sim-software-empty = У этого клиента нет покупок программного обеспечения.
sim-quantity-licenses =
    { $quantity ->
        [one] { $quantity } лицензия
        [few] { $quantity } лицензии
        [many] { $quantity } лицензий
       *[other] { $quantity } лицензии
    }
sim-quantity-instances =
    { $quantity ->
        [one] { $quantity } экземпляр
        [few] { $quantity } экземпляра
        [many] { $quantity } экземпляров
       *[other] { $quantity } экземпляра
    }
# Accessible names of the cancel buttons in a table row ($item is the row's item).
sim-cancel-reservation-named = { -ui-cancel-reservation }: { $item }
sim-cancel-software-named = { -ui-cancel-purchase }: { $item }
sim-account-relationship = Связь с торговым посредником
sim-relationship-active = Активна
sim-relationship-removed = Удалена
sim-account-admin = Делегированные права администратора
sim-admin-granted = Предоставлены
sim-admin-removed = Удалены
sim-account-support = Контакт поддержки
sim-support-listed = Вы указаны
sim-support-removed = Вы не указаны
sim-remove-inactive =
    { $count ->
        [one] Неактивно: { $count } подписка еще в состоянии «{ -ui-active }».
        [few] Неактивно: { $count } подписки еще в состоянии «{ -ui-active }».
        [many] Неактивно: { $count } подписок еще в состоянии «{ -ui-active }».
       *[other] Неактивно: { $count } подписки еще в состоянии «{ -ui-active }».
    }
sim-confirm-title = Удалить связь с торговым посредником для клиента { $customer }?
sim-confirm-body = Клиент { $customer } исчезнет из вашего списка «{ -ui-customers }», ваши делегированные права администратора и ваша запись контакта поддержки будут удалены, и вы больше не сможете совершать покупки для этого клиента.

## Result

sim-summary-title = Связь с торговым посредником для клиента { $customer } удалена
sim-summary-customer-list = Клиента { $customer } больше нет в вашем списке «{ -ui-customers }».
sim-summary-admin = Ваши делегированные права администратора для клиента { $customer } удалены.
sim-summary-support = Вы больше не контакт поддержки для клиента { $customer }.
sim-summary-purchases = Покупки для клиента { $customer } отклоняются. Попробуйте сами:
sim-summary-back = Назад к списку «{ -ui-customers }»

## Outcomes (announced in a live region)

sim-announce-suspended = Подписка { $subscription } теперь в состоянии «{ -ui-suspended }».
sim-announce-reactivated = Подписка { $subscription } снова в состоянии «{ -ui-active }».
sim-announce-reservation-cancelled = Резервирование { $item } теперь в состоянии «{ -ui-cancelled }».
sim-announce-software-cancelled = Покупка программного обеспечения { $item } теперь в состоянии «{ -ui-cancelled }».
sim-announce-removed = Связь с торговым посредником для клиента { $customer } удалена.
sim-announce-purchase = Сейчас вы могли бы совершить покупку для клиента { $customer }. Симулятор не оформляет заказ.
sim-announce-undo = Последнее действие отменено.
sim-announce-reset = Сценарий начинается заново.

## Refused actions: what failed, and the step of the article that fixes it

sim-blocked = Пока невозможно
sim-fix-label = Как это исправить:
sim-reason-unknown-customer = Этот клиент не входит в сценарий.
sim-reason-unknown-item = Этот элемент не входит в сценарий.
sim-reason-relationship-removed = Связь с торговым посредником для клиента { $customer } удалена: вы больше не можете выполнять действия или покупки для этого клиента.
sim-reason-already-suspended = Подписка { $subscription } уже в состоянии «{ -ui-suspended }».
sim-reason-already-active = Подписка { $subscription } уже в состоянии «{ -ui-active }».
sim-reason-already-cancelled = { $item }: уже в состоянии «{ -ui-cancelled }».
sim-reason-active-subscriptions =
    { $count ->
        [one] У клиента { $customer } еще { $count } активная подписка.
        [few] У клиента { $customer } еще { $count } активные подписки.
        [many] У клиента { $customer } еще { $count } активных подписок.
       *[other] У клиента { $customer } еще { $count } активной подписки.
    }
sim-reason-active-reservations =
    { $count ->
        [one] У клиента { $customer } еще { $count } активное резервирование Azure RI.
        [few] У клиента { $customer } еще { $count } активных резервирования Azure RI.
        [many] У клиента { $customer } еще { $count } активных резервирований Azure RI.
       *[other] У клиента { $customer } еще { $count } активного резервирования Azure RI.
    }
sim-reason-active-software =
    { $count ->
        [one] У клиента { $customer } еще { $count } активная покупка программного обеспечения.
        [few] У клиента { $customer } еще { $count } активные покупки программного обеспечения.
        [many] У клиента { $customer } еще { $count } активных покупок программного обеспечения.
       *[other] У клиента { $customer } еще { $count } активной покупки программного обеспечения.
    }
sim-fix-no-active-subscriptions = Шаг 1: приостановите все активные подписки
sim-fix-no-active-reservations = Перед началом: отмените резервирования Azure RI
sim-fix-no-active-software = Перед началом: отмените покупки программного обеспечения
sim-fix-removal-allowed = Как удалить связь
sim-fix-relationship-removed = Шаг 2: удалите связь
sim-fix-not-in-customer-list = Шаг 2: удалите связь
sim-fix-no-delegated-admin = Шаг 2: удалите связь
sim-fix-not-support-contact = Шаг 2: удалите связь
sim-fix-purchases-refused = Шаг 2: удалите связь

## Assessment mode: the same scenarios, scored; no hints, no fix links, no undo

sim-mode-label = Режим
sim-mode-practice = Тренировка
sim-mode-assessment = Проверка
sim-assess-intro =
    { $allowed ->
        [one] Проверка: те же сценарии, но без подсказок и без отмены действий. Проверка пройдена, если вы достигнете цели, допустив не более { $allowed } ошибки (отклоненного или лишнего действия).
        [few] Проверка: те же сценарии, но без подсказок и без отмены действий. Проверка пройдена, если вы достигнете цели, допустив не более { $allowed } ошибок (отклоненных или лишних действий).
        [many] Проверка: те же сценарии, но без подсказок и без отмены действий. Проверка пройдена, если вы достигнете цели, допустив не более { $allowed } ошибок (отклоненных или лишних действий).
       *[other] Проверка: те же сценарии, но без подсказок и без отмены действий. Проверка пройдена, если вы достигнете цели, допустив не более { $allowed } ошибок (отклоненных или лишних действий).
    }
sim-assess-refused = Действие отклонено.
sim-assess-finish = Завершить попытку
sim-assess-not-recorded = Ваш результат показан только на этой странице и нигде не сохраняется.
sim-assess-recorded = Ваш результат передается в вашу систему управления обучением (LMS).
sim-result-title = Ваш результат
sim-result-passed = Пройдено
sim-result-failed = Не пройдено
sim-result-score = Оценка
sim-result-mastery = Нужно для прохождения
sim-result-mistakes = Ошибки
sim-result-allowed = (допускается не более { $allowed })
sim-result-time = Затраченное время
sim-result-goal-not-reached = Цель не достигнута.
sim-result-mistakes-title = Ваши ошибки
sim-result-no-mistakes = Вы не допустили ни одной ошибки.
sim-result-refused = Отклонено
sim-result-unnecessary = Лишнее действие
sim-result-step = Шаг:
sim-result-no-step = Ни один шаг процедуры этого не требует.
sim-result-practise = Потренироваться в этом сценарии
sim-result-retry = Пройти проверку еще раз

## Conditions and actions, by their stable ids (for checklists)

sim-condition-no-active-subscriptions = Нет подписок в состоянии «{ -ui-active }»
sim-condition-no-active-reservations = Нет активных резервирований Azure RI
sim-condition-no-active-software = Нет активных покупок программного обеспечения
sim-condition-removal-allowed = Ссылка «{ -ui-remove-reseller-relationship }» доступна
sim-condition-relationship-removed = Связь с торговым посредником удалена
sim-condition-not-in-customer-list = Клиента больше нет в вашем списке «{ -ui-customers }»
sim-condition-no-delegated-admin = Ваши делегированные права администратора удалены
sim-condition-not-support-contact = Вы больше не контакт поддержки
sim-condition-purchases-refused = Покупки для клиента отклоняются
sim-action-suspend-subscription = Приостановить подписку
sim-action-reactivate-subscription = Снова активировать подписку
sim-action-cancel-reservation = Отменить резервирование Azure RI
sim-action-cancel-software = Отменить покупку программного обеспечения
sim-action-remove-relationship = Удалить связь с торговым посредником
sim-action-purchase = Совершить покупку для клиента
