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
dashboard-caption = Состояние переводов по языкам и файлам
dashboard-language = Язык
dashboard-file = Файл
dashboard-translated = Переведено
dashboard-missing = Отсутствует
dashboard-stale = Устарело
dashboard-errors = Ошибки
dashboard-problems = Проблемы
dashboard-no-problems = Проблем нет: все переводы соответствуют текущему английскому тексту.
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
