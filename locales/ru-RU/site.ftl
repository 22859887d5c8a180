# Text of the site's own pages and chrome (templates). No user-visible string
# lives in a template or in Rust code.

site-title = Инструкции по работе с Центром партнеров
# This language's name, written in this language (used by the language switcher).
language-name = Русский (Россия)

## Navigation

nav-skip = Перейти к основному содержимому
nav-languages = Все языки
nav-articles = Статьи
nav-language-switcher = Язык
nav-breadcrumb = Навигационная цепочка
nav-pager = Еще по этой теме
nav-previous = Назад
nav-next = Далее
# After a link to a page that is only available in English.
link-english = на английском

## Pages

page-root-title = Выберите язык
page-root-intro = Инструкции по работе с Центром партнеров на шести языках.
page-index-title = Статьи
page-index-intro = Пошаговые инструкции, которые можно читать, распечатывать и отрабатывать на практике.
page-404-title = Страница не найдена
page-404-body = Запрошенная страница не существует. Выберите язык, чтобы просмотреть список статей.
package-no-lms = Эта страница не подключена к системе управления обучением: вы можете тренироваться, но результаты не сохраняются.

## Articles

article-audience = Соответствующие роли:
article-in-this-article = В этой статье
article-fallback = Еще не переведено; показано на английском языке.
article-machine-translated = Эта страница переведена автоматически. Эталоном является английская версия.
article-step-stale = Этот шаг изменен в английской версии; перевод может ему еще не соответствовать.
article-earlier-revision = Переведено с более ранней версии этой статьи. С тех пор английская статья изменилась; актуальная версия приведена выше.
article-not-included = { $kind ->
        [code] Пример кода не включен в эту страницу: { $target }
        [include] Общий фрагмент не включен в эту страницу: { $target }
        [video] Видео не включено в эту страницу: { $target }
       *[extension] Содержимое не включено в эту страницу: { $target }
    }

## Alerts

alert-note = Примечание
alert-important = Важно
alert-tip = Совет
alert-warning = Предупреждение
alert-caution = Внимание

## Topics (articles are grouped by topic on the index)

topic-customers = Клиенты

## Footer

footer-attribution = Материалы адаптированы из документации Центра партнеров, © Microsoft Corporation и участники, лицензия CC BY 4.0.
footer-built-with = Создано с помощью drillbook.

## Translation dashboard

dashboard-title = Состояние переводов
dashboard-intro = Каждый перевод сравнивается с английским источником с помощью drillbook check: отсутствующие, устаревшие и ошибочные сообщения по языкам и файлам.
dashboard-locale-intro = Файлы этого языка, сравнённые с английским источником с помощью drillbook check: отсутствующие, устаревшие и ошибочные сообщения по файлам.
dashboard-caption = Состояние переводов по языкам и файлам
dashboard-language = Язык
dashboard-file = Файл
dashboard-translated = Переведено
dashboard-missing = Отсутствует
dashboard-stale = Устарело
dashboard-errors = Ошибки
dashboard-no-problems = Проблем нет: все переводы соответствуют текущему английскому тексту.
dashboard-summary = Сводка
dashboard-up-to-date = Актуально
dashboard-progress = Ход перевода
dashboard-files = Файлы
dashboard-files-caption = Файлы этого языка
dashboard-filter = Фильтр по состоянию
dashboard-filter-all = Все файлы
dashboard-filter-missing = С отсутствующими сообщениями
dashboard-filter-stale = С устаревшими сообщениями
dashboard-filter-errors = С ошибками
dashboard-filter-complete = Готовые
dashboard-no-files = Нет файлов, соответствующих этому фильтру.
dashboard-other-languages = Другие языки
dashboard-warnings = Прочие предупреждения
dashboard-severity-error = Ошибка
dashboard-severity-warning = Предупреждение
dashboard-view-page = Открыть переведённую страницу
dashboard-view-source = Открыть английскую страницу
dashboard-detail-note = Каждая проблема завершается подробностью, которую drillbook check выводит на английском языке, с файлом, строкой и столбцом для исправления.
dashboard-change-legend = В текущем английском тексте слова, удалённые после проверки, зачёркнуты, а добавленные — подчёркнуты.
dashboard-change-reviewed = Английский при проверке
dashboard-change-now = Английский сейчас
dashboard-change-translation = Перевод
dashboard-change-unknown = Английский текст, с которым сверяли этот перевод, не сохранён (его сохраняет drillbook l10n accept), поэтому показать изменения нельзя.
dashboard-diff-removed = удалено:
dashboard-diff-added = добавлено:
dashboard-code-other = Другая проблема
dashboard-code-missing-file = Файл ещё не переведён
dashboard-code-missing-message = Сообщение ещё не переведено
dashboard-code-missing-attribute = Атрибут ещё не переведён
dashboard-code-stale = Английский текст изменился после проверки этого перевода
dashboard-code-untranslated = Перевод совпадает с английским текстом
dashboard-code-obsolete-file = Файла больше нет в английском источнике
dashboard-code-obsolete-message = Сообщения больше нет в английском источнике
dashboard-code-duplicate-attribute = Атрибут определён дважды
dashboard-code-plural-unused = Форма множественного числа, которую язык не использует
dashboard-code-external-article = Ссылка на статью за пределами этого сайта
dashboard-code-ftl-syntax = Недопустимый синтаксис Fluent
dashboard-code-nesting-too-deep = Слишком глубокая вложенность подстановок
dashboard-code-markup-too-long = Текст слишком длинный или слишком вложенный для отображения
dashboard-code-duplicate-id = Сообщение или термин определены дважды
dashboard-code-missing-value = Сообщение без значения
dashboard-code-obsolete-value = Значение, которого нет у английского сообщения
dashboard-code-obsolete-attribute = Атрибут, которого нет у английского сообщения
dashboard-code-variable-mismatch = Переменные отличаются от английского текста
dashboard-code-term-mismatch = Термины интерфейса отличаются от английского текста
dashboard-code-message-ref-mismatch = Ссылки на сообщения отличаются от английского текста
dashboard-code-unknown-reference = Ссылка на то, чего не существует
dashboard-code-plural-categories = Не хватает формы множественного числа для этого языка
dashboard-code-markup-mismatch = Форматирование (полужирный шрифт, ссылки) отличается от английского текста
dashboard-code-unsafe-text = Текст, который может внедрить HTML или скрыть символы
dashboard-code-label-inconsistent = Метка интерфейса написана текстом вместо ссылки на термин
dashboard-code-label-mismatch = Метка интерфейса отличается от термина этого языка
dashboard-code-glossary = Не использован термин из глоссария
dashboard-code-format-error = Не удалось отформатировать сообщение
dashboard-code-broken-link = Ссылка на несуществующую страницу
dashboard-code-broken-anchor = Ссылка на несуществующий раздел
nav-dashboard = Состояние переводов

## Search (the box in the header of every page)

search-label = Поиск
search-placeholder = Поиск по статьям
search-no-results = По вашему запросу статьи не найдены.
search-results = { $count ->
    [one] Найдена { $count } статья
    [few] Найдено { $count } статьи
    [many] Найдено { $count } статей
   *[other] Найдено { $count } статьи
}
search-error = Не удалось загрузить поиск.
