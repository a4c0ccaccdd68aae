# Витрина магазина: поиск для клиентов, команды для администраторов.

order-search-hint = Или напишите слово для поиска, например «{ $first }» или «{ $second }».
order-search-hint-one = Или напишите слово для поиска, например «{ $first }».
order-search-hint-plain = Или напишите слово для поиска.
free-text-not-words = Напишите словами, что вы ищете, или выберите ниже.
free-text-none = По запросу «{ $query }» мы ничего не нашли. Выберите ниже, что сделать.
free-text-question = Это вопрос к нам? Отправьте его в поддержку как есть, и мы ответим здесь, в этом чате. Или поищите эти слова в каталоге.
free-text-question-order = Это о вашем заказе #{ $order }? Отправьте вопрос в поддержку как есть, вместе с заказом, и мы ответим здесь, в этом чате.
free-text-to-support = ✉️ Отправить в поддержку
free-text-search = 🔎 Искать в каталоге
order-search-results =
    Найдено по «{ $query }»: { $count ->
        [one] { $count } услуга
        [few] { $count } услуги
       *[many] { $count } услуг
    } (страница { $page } из { $pages }), цены за 1000:
order-search-none = По «{ $query }» ничего не найдено. Попробуйте другое слово или отправьте /order, чтобы выбрать категорию.
order-service-description = { $description }

inline-service-order = 🛒 Заказать
inline-service-price = { $package ->
        [yes] { $price } за пакет
       *[no] { $price } за 1000
    } · { $category }
inline-service-card =
    <b>{ $service }</b>
    { $package ->
        [yes] { $price } за пакет
       *[no] { $price } за 1000
    }

cmd-hide = Скрыть услугу или категорию: /hide НОМЕР или НАЗВАНИЕ (администраторы)
cmd-show = Показать услугу или категорию: /show НОМЕР или НАЗВАНИЕ (администраторы)
cmd-markup = Наценка в %: /markup НОМЕР или НАЗВАНИЕ ПРОЦЕНТ (администраторы)
cmd-price = Фиксированная цена за 1000: /price НОМЕР СУММА (администраторы)
cmd-rename = Название на языке: /rename НОМЕР или НАЗВАНИЕ | ЯЗЫК | НАЗВАНИЕ (администраторы)
cmd-renameall = Категория и её услуги разом: /renameall НАЗВАНИЕ | ЯЗЫК | НОВОЕ НАЗВАНИЕ | СТАРОЕ = НОВОЕ (администраторы)
cmd-describe = Описание на языке: /describe НОМЕР | ЯЗЫК | ТЕКСТ (администраторы)
cmd-position = Порядок категорий: /position НАЗВАНИЕ МЕСТО (администраторы)
cmd-dripfeed = Постепенная доставка услуги: /dripfeed ID on|off (администраторы)
cmd-fallback = Куда идут заказы услуги, когда её панель отказывает: /fallback ID ПАНЕЛЬ:ID (администраторы)

cmd-shop = Каталог: скрыть и показать одним нажатием (администраторы)
shop-panel =
    <b>Каталог</b>: категорий — { $categories }, видно клиентам — { $shown } (страница { $page } из { $pages }).
    👁 видно, 🙈 скрыто. Откройте категорию, чтобы скрыть или показать её или её услуги.
shop-panel-category =
    <b>{ $category }</b> (страница { $page } из { $pages })
    Скрыта: { $hidden ->
        [yes] да
       *[no] нет
    } · наценка: { $markup } · место: { $position }
    Нажмите на услугу, чтобы скрыть или показать её. Цены и названия: /markup, /price, /rename, /describe; порядок: /position.
shop-panel-service = #{ $id } { $service }: себестоимость { $cost } → { $price }
admin-service-panel = 🔌 панель { $panel }, там № { $id }
shop-btn-hide-category = 🙈 Скрыть всю категорию
shop-btn-show-category = 👁 Показать категорию

shop-not-found = В каталоге панели нет услуги #{ $target } или категории «{ $target }».
shop-usage-hide = Отправьте /hide с номером услуги (/hide 12) или названием категории (/hide Telegram Views).
shop-usage-show = Отправьте /show с номером услуги (/show 12) или названием категории (/show Telegram Views).
shop-usage-markup = Отправьте /markup с номером услуги или названием категории и наценкой в процентах: /markup 12 35 или /markup Telegram Views 25. Прочерк (/markup 12 -) возвращает наценку уровнем выше.
shop-usage-price = Отправьте /price с номером услуги и ценой за 1000: /price 12 1.50. Прочерк (/price 12 -) возвращает цену по наценке.
shop-usage-rename = Отправьте /rename с номером услуги или названием категории, языком (en, ru, uz) и названием через |: /rename 12 | ru | Просмотры. Прочерк вместо названия возвращает название панели.
shop-usage-renameall = Отправьте /renameall с названием категории, языком (en, ru, uz) и её новым названием через |: /renameall Telegram Members | ru | Подписчики Telegram. Каждая услуга в ней получает название из названия панели, в котором название категории заменено новым; после ещё одной | можно заменить и другие слова: | 7-day Join = 7 дней; 30-day Join = 30 дней. Прочерк вместо названия возвращает категории и её услугам названия панели.
shop-bad-renameall = Запишите замены как СТАРОЕ = НОВОЕ через ; (не больше 20): /renameall Telegram Members | ru | Подписчики Telegram | 7-day Join = 7 дней; 30-day Join = 30 дней
shop-usage-describe = Отправьте /describe с номером услуги, языком (en, ru, uz) и текстом через |: /describe 12 | ru | Быстрый старт. Прочерк удаляет описание.
shop-usage-position = Отправьте /position с названием категории и её местом в списке: /position Telegram Views 1. Прочерк (/position Telegram Views -) возвращает порядок панели.
shop-hidden = Скрыто от клиентов: { $what }
shop-shown = Показано клиентам: { $what }
shop-bad-markup = Наценка должна быть числом от 0, например 15 или 12.5: меньше 0 — продажа дешевле цены панели.
shop-markup-set = { $what }: наценка { $markup }%.
shop-markup-cleared = { $what }: снова действует наценка уровнем выше.
shop-markup-now = { $what }: наценка { $markup }% ({ $source ->
        [service] задана для этой услуги
        [category] наценка категории
       *[default] по умолчанию, PRICE_MARKUP_PERCENT
    }).{ $fixed ->
        [yes] {" "}Её перекрывает фиксированная цена: { $price } за 1000.
       *[no] {""}
    }
shop-bad-price = Цена должна быть суммой, например 1.50.
shop-price-below = Отказано: { $price } за 1000 ниже цены панели { $rate }, каждый заказ был бы в убыток.
shop-price-set = { $what }: { $price } за 1000 (цена панели { $rate }).
shop-price-cleared = { $what }: снова цена по наценке.
shop-price-now = { $what }: клиенты платят { $price } за 1000; цена панели { $rate }. { $fixed ->
        [yes] Фиксированная цена: /price { $id } - вернёт цену по наценке.
       *[no] По наценке ({ $markup }%): /price { $id } СУММА задаёт фиксированную цену.
    }
shop-price-decimals = Цены в этом магазине { $decimals ->
        [0] целые (PRICE_DECIMALS=0)
       *[other] не более чем с { $decimals } знаками после запятой (PRICE_DECIMALS={ $decimals })
    }, чтобы в списке было то, что спишется: отправьте { $lower } или { $higher }.
shop-bad-language = Язык должен быть en, ru или uz.
shop-name-set = { $what } на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }: «{ $text }».
shop-name-cleared = { $what } на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }: снова название панели.
shop-description-set = { $what } на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }, описание: { $text }
shop-description-cleared = { $what } на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }: без описания.
shop-renameall-done =
    { $what } на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }: «{ $text }»; переименовано услуг: { $count } из { $total }.
shop-renameall-cleared = { $what } и { $total ->
        [one] { $total } её услуга
        [few] { $total } её услуги
       *[many] { $total } её услуг
    } на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }: снова названия панели.
shop-bad-position = Место должно быть целым числом от 1 до 10000 или прочерком.
shop-position-set = { $what } теперь на { $position }-м месте в списке.
shop-position-cleared = { $what } снова в порядке панели.
shop-changes =
    <b>Каталог панели изменился</b>: новых — { $added }, пропало (скрыто) — { $removed }, с новой ценой — { $repriced }.{ $below ->
        [0] {""}
        [one] {" "}⚠️ У { $below } услуги фиксированная цена теперь ниже цены панели: поднимите её через /price.
        [few] {" "}⚠️ У { $below } услуг фиксированная цена теперь ниже цены панели: поднимите её через /price.
       *[many] {" "}⚠️ У { $below } услуг фиксированная цена теперь ниже цены панели: поднимите её через /price.
    }
    { $list }
shop-usage-dripfeed = Отправьте /dripfeed с номером услуги и on или off: /dripfeed 12 on. Прочерк (/dripfeed 12 -) снова следует списку панели.
shop-bad-dripfeed = Постепенная доставка: on, off или прочерк.
shop-dripfeed-set = { $what }: постепенная доставка { $state ->
        [on] предлагается клиентам.
        [off] не предлагается.
       *[default] как в списке панели.
    }
