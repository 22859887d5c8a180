# Checklists generated from procedures: the printable page, the panel that ticks
# itself during a rehearsal, the Markdown export and `drillbook checklist`.

checklist-title = Контрольный список: { $article }
checklist-intro = Выполняйте пункты по порядку. Прогресс сохраняется только в этом браузере.
checklist-fields = Данные
checklist-customer = Клиент
checklist-date = Дата
checklist-operator = Исполнитель
checklist-ticket = Заявка
checklist-status-not-started = Не начато
checklist-status-in-progress = Выполняется
checklist-status-completed = Выполнено
checklist-status-cannot-start = Пока нельзя начать
# An item whose condition held from the start (no reservation or software purchase to cancel,
# no active subscription to suspend).
checklist-status-nothing-to-cancel = Нечего отменять
checklist-status-nothing-to-suspend = Нечего приостанавливать
checklist-reset = Сбросить список
checklist-print = Печать
checklist-download = Скачать для заявки (Markdown)
checklist-open = Открыть список для печати
checklist-back = Вернуться к статье
checklist-panel-title = Контрольный список
checklist-panel-intro = Список отмечается сам, пока вы тренируетесь в симуляторе.
checklist-waits-for = Сначала нужно: { $items }
checklist-progress = Выполнено { $done } из { $total }
checklist-discarded = Сохраненный прогресс не удалось прочитать, и он был удален.
checklist-item = Пункт
checklist-status = Состояние
checklist-see-article = Открыть шаг в статье
checklist-substeps = Подшаги

## A concrete checklist for one customer of a scenario (`drillbook checklist`)

checklist-concrete-title = Контрольный список удаления для { $customer }
checklist-cancel-reservation = Отмените резервирование Azure RI **{ $name }**
checklist-cancel-software = Отмените покупку программного обеспечения **{ $name }**
checklist-suspend-subscription = Приостановите подписку **{ $name }** ({ $offer })
checklist-remove-relationship = Удалите связь торгового посредника с **{ $customer }**
checklist-nothing-to-suspend = Нет активных подписок, резервирований и покупок программного обеспечения: осталось только удаление.
