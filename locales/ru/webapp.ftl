# Мини-приложение (страница магазина внутри Telegram). Сообщения webapp-* без «error»
# показывает сама страница: только подстановки { $name } и формы множественного числа.

webapp-open = 🛍 Магазин
webapp-title = Магазин
webapp-loading = Загрузка…
webapp-nav-catalogue = Каталог
webapp-nav-orders = Мои заказы
webapp-nav-balance = Баланс
webapp-search = Поиск услуг
webapp-all-categories = Все категории
webapp-filter-refill = Гарантия восстановления
webapp-filter-dripfeed = Постепенно
webapp-price-from = Цена от
webapp-price-to = Цена до
webapp-sort-popular = Сначала популярные
webapp-sort-price-up = Сначала дешёвые
webapp-sort-price-down = Сначала дорогие
webapp-sort-name = По названию
webapp-sort-fastest = Сначала быстрые
webapp-average-time = Обычно выполняется за { $time }
webapp-minutes = { $count ->
    [one] { $count } минуту
    [few] { $count } минуты
    [many] { $count } минут
   *[other] { $count } минуты
}
webapp-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
    [many] { $count } часов
   *[other] { $count } часа
}
webapp-results = { $count ->
    [one] { $count } услуга
    [few] { $count } услуги
    [many] { $count } услуг
   *[other] { $count } услуги
}
webapp-nothing-found = Ничего не найдено. Попробуйте другие слова или меньше фильтров.
webapp-show-more = Показать ещё
webapp-per-1000 = { $price } за 1000
webapp-package-price = { $price } за весь заказ
webapp-limits = Количество: от { $min } до { $max }
webapp-has-refill = Гарантия восстановления
webapp-has-dripfeed = Можно заказать постепенно (частями)
webapp-has-cancel = Можно отменить
webapp-order = Заказать
webapp-continue = Далее
webapp-confirm = Подтвердить и оплатить { $charge }
webapp-field-link = Ссылка
webapp-field-quantity = Количество
webapp-field-answer = Вариант ответа
webapp-field-runs = Запуски (постепенно)
webapp-field-interval = Интервал между запусками, минут
webapp-field-comments = Комментарии
webapp-field-usernames = Имена пользователей
webapp-field-hashtags = Хештеги
webapp-field-keywords = Ключевые слова
webapp-field-groups = Группы
webapp-field-username = Имя пользователя
webapp-field-hashtag = Хештег
webapp-field-media = Ссылка на публикацию
webapp-field-min = Минимум на публикацию
webapp-field-max = Максимум на публикацию
webapp-field-posts = Новые публикации
webapp-field-old_posts = Уже опубликованные
webapp-field-delay = Задержка, минут
webapp-field-expiry = До (день/месяц/год)
webapp-hint-lines = По одному в строке.
webapp-hint-bounds = От { $min } до { $max }.
webapp-hint-max = До { $max }.
webapp-optional = необязательно
webapp-required = Заполните, пожалуйста.
webapp-summary-title = Проверьте заказ
webapp-summary-service = Услуга
webapp-summary-link = Ссылка
webapp-summary-quantity = Количество
webapp-summary-runs = Запуски
webapp-summary-charge = К оплате
webapp-summary-balance = Ваш баланс
webapp-short = На балансе не хватает { $short }. Пополните баланс, чтобы оформить заказ.
webapp-topup = Пополнить
webapp-placing = Оформляем заказ…
webapp-orders-empty = Здесь пока нет заказов.
webapp-status-all = Все
webapp-status-active = Активные
webapp-status-finished = Завершённые
webapp-order-number = Заказ #{ $number }
webapp-remains = Осталось: { $remains }
webapp-refresh = Обновить
webapp-cancel-order = Отменить заказ
webapp-cancel-sure = Попросить нас отменить этот заказ?
webapp-refill-order = Восстановить
webapp-order-again = Заказать снова
webapp-balance = Ваш баланс: { $balance }
webapp-topup-title = Пополнить звёздами Telegram
webapp-topup-rate = 1 ⭐ = { $rate }
webapp-topup-stars = { $stars } ⭐
webapp-topup-other = Другое количество звёзд
webapp-topup-paid = Оплачено. Баланс обновится через мгновение.
webapp-topup-not-paid = Оплата не прошла.
webapp-error-unauthorized = Откройте магазин из бота в Telegram.
webapp-error-forged = Не удалось проверить вход через Telegram. Откройте магазин из бота ещё раз.
webapp-error-expired = Страница открыта слишком долго. Откройте магазин из бота ещё раз.
webapp-error-rate-limited = Слишком много запросов сразу. Подождите несколько секунд.
webapp-error-too-large = Слишком много текста за один раз.
webapp-error-bad-request = Страница отправила то, что мы не можем прочитать. Перезагрузите её.
webapp-error-internal = У нас что-то пошло не так. Попробуйте ещё раз.
webapp-error-catalogue-unavailable = Каталог сейчас не загружается. Попробуйте через несколько минут.
webapp-error-catalogue-changed = Каталог только что изменился. Проверьте услугу и цену ещё раз.
webapp-error-service-not-found = Эта услуга больше не продаётся.
webapp-error-invalid-answers = Исправьте отмеченные поля.
webapp-error-quote-expired = Эта сводка устарела. Проверьте заказ ещё раз.
webapp-error-already-placed = Этот заказ уже оформлен: заказ #{ $number }.
webapp-error-price-changed = Цена только что изменилась. Проверьте новую сводку.
webapp-error-insufficient-funds = На балансе не хватает { $missing }. Пополните баланс, чтобы оформить заказ.
webapp-error-bad-amount = Выберите от { $min } до { $max } звёзд.
webapp-error-invoice-failed = Telegram не создал этот счёт. Попробуйте другую сумму.
webapp-error-order-not-found = У вас нет такого заказа.
webapp-error-refused = С этим заказом сейчас так сделать нельзя.
