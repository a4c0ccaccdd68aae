# My orders, order cards, notifications about orders, admin alerts about orders

menu-orders = 📦 Мои заказы
cmd-orders = Мои заказы и их статус

# Statuses, as customers see them
status-placing = оформляется
status-unknown = проверяется
status-failed = не оформлен, деньги возвращены
status-pending = ожидает
status-processing = обрабатывается
status-in-progress = выполняется
status-completed = выполнен
status-partial = выполнен частично
status-canceled = отменён
status-other = { $status }
status-cancel-requested = { $status }, запрошена отмена
status-active = активен
status-expired = истёк

# The list
orders-empty = У вас пока нет заказов.
orders-title = <b>Мои заказы</b>: { $count } { $count ->
        [one] заказ
        [few] заказа
       *[many] заказов
    }, страница { $page } из { $pages }
orders-line = #{ $id } · { $service } × { $quantity } · { $status } · { $charge }
orders-back = « Мои заказы

# The card
order-card-title = <b>Заказ #{ $id }</b>
order-card =
    { $service }
    Ссылка: { $link }
    Количество: { $quantity }
    Сумма: { $charge }
    Оформлен: { $placed }
    Статус: <b>{ $status }</b>
order-card-progress = Выполнено: { $delivered } из { $quantity }
order-card-refund = Возвращено на баланс: { $refund }
order-refresh = 🔄 Обновить
order-cancel = ✖️ Отменить заказ
order-cancel-yes = Да, отменить
order-cancel-no = Нет, оставить
order-cancel-confirm = Отменить этот заказ? Когда отмена будет подтверждена, деньги за невыполненную часть вернутся на баланс.
order-card-refill-requested = Восстановление: запрошено, выполняется
order-card-refill-checking = Восстановление: проверяется
order-card-refill-done = Восстановление: выполнено
order-card-refill-rejected = Восстановление: отклонено
order-refill = 🔁 Восстановить

# What just happened, under the card or as a short answer to a tap
order-not-found = Заказ не найден.
order-checking = Проверяем заказ…
order-cancel-sending = Отправляем отмену…
order-cannot-cancel = Этот заказ уже нельзя отменить.
order-cancel-not-allowed = Эта услуга не поддерживает отмену.
order-cancel-already = Отмена этого заказа уже запрошена.
order-card-no-answer = ⚠️ Сейчас не удалось проверить заказ: показан последний известный статус.
order-card-panel-error = ⚠️ Сейчас не удалось узнать статус заказа. Если это повторится, им займутся наши администраторы.
order-cancel-accepted = Запрос на отмену принят. Деньги вернутся, как только отмена заказа будет подтверждена.
order-cancel-refused = В отмене этого заказа отказано.
order-cancel-unknown-order = Не удалось отменить заказ: он не найден. Наши администраторы могут разобраться.
order-cancel-no-answer = ⚠️ Ясного ответа нет. Обновите через минуту, чтобы узнать, отменён ли заказ.
order-refill-sending = Отправляем запрос на восстановление…
order-refill-not-offered = У этой услуги нет гарантии восстановления.
order-refill-withdrawn = Эта услуга больше не даёт восстановления.
order-refill-not-finished = Восстановление можно запросить, когда заказ выполнен.
order-refill-already = Восстановление этого заказа уже выполняется.
order-refill-checking = Запрос на восстановление этого заказа проверяется: ясного ответа мы не получили. Наши администраторы разбираются.
order-refill-not-eligible = Этот заказ нельзя восстановить.
order-refill-refused = Запрос на восстановление отклонён.
order-refill-not-sent = Сейчас не удалось отправить запрос, поэтому ничего не запрошено. Попробуйте через несколько минут.
order-refill-accepted = 🔁 Восстановление запрошено. Мы сообщим, когда оно будет выполнено.

# Notifications
notify-started = ▶️ Ваш заказ #{ $number } ({ $service }, { $quantity }) начал выполняться.
notify-completed = ✅ Ваш заказ #{ $number } ({ $service }, { $quantity }) выполнен.
notify-settled = ✅ Ваш заказ #{ $number } ({ $service }) завершён. Он обошёлся дешевле максимальной суммы. Возвращено на ваш баланс: { $refund }.
notify-partial = ◐ Ваш заказ #{ $number } ({ $service }) выполнен частично: { $delivered } из { $quantity }. За остальное возвращено на ваш баланс: { $refund }.
notify-canceled = ✖️ Ваш заказ #{ $number } ({ $service }) отменён. Возвращено на ваш баланс: { $refund }.
notify-expired = ✅ Срок вашего заказа #{ $number } ({ $service }, { $quantity }) истёк: подписка закончилась.
notify-refill-accepted = 🔁 Запрос на восстановление вашего заказа #{ $number } ({ $service }) принят. Мы сообщим, когда оно будет выполнено.
notify-refill-done = ✅ Восстановление вашего заказа #{ $number } ({ $service }) выполнено.
notify-refill-rejected = ✖️ Восстановление вашего заказа #{ $number } ({ $service }) отклонено. Если вы считаете, что заказ нужно восстановить, напишите в поддержку.

# Admin alerts
alert-unknown-status = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }): панель сообщает неизвестный статус «{ $status }». Он сохранён, заказ отслеживается как незавершённый.
alert-order-missing = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }): панель ответила «{ $error }» { $count } { $count ->
        [one] раз
        [few] раза
       *[many] раз
    } подряд. Проверьте его в панели.
alert-partial-without-remains = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }): панель сообщает Partial, но не говорит, сколько осталось, поэтому деньги пока не возвращены. Заказ остаётся открытым, пока панель не сообщит.
alert-panel-charged-more = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }): панель списала { $charged }, больше ожидаемых { $expected } по цене на день оформления. Возможно, услуга продаётся ниже себестоимости: проверьте её цену командой /price.
alert-ended-without-charge = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }) завершён, но панель так и не сообщила, сколько списала, поэтому вся удержанная сумма осталась у магазина. Проверьте в панели и верните положенное командой /credit.
alert-sweep-failing = ⚠️ Проверка статусов заказов не удалась { $count } { $count ->
        [one] раз
        [few] раза
       *[many] раз
    } подряд: { $error }. Продолжаем пробовать, с паузой не больше { $delay } { $delay ->
        [one] секунды
        [few] секунд
       *[many] секунд
    }.
alert-refill-unknown = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }): запрошено восстановление, ясного ответа нет ({ $error }). Возможно, панель его приняла: проверьте там. Других восстановлений этого заказа пока не запрашиваем.
alert-refill-refused = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }): панель отклонила восстановление: «{ $error }».
alert-refill-missing = ⚠️ Заказ #{ $order } (в панели № { $panel }, клиент { $user }): о восстановлении { $refill } панель ответила «{ $error }». Оно по-прежнему отслеживается.

# Inline mode: @bot 23501 in any chat
inline-title = #{ $number } · { $status }
inline-private-link = 🔒 приватная ссылка-приглашение (скрыта)
inline-start = Откройте бота, чтобы заказывать и следить за заказами
inline-no-orders = У вас пока нет заказов: откройте бота
inline-no-match = Нет вашего заказа с номером { $query }
inline-no-word-match = По запросу «{ $query }» ничего не нашли: откройте бота

# My orders: status filters, search, Order again (issue 16, point 7)
orders-filter-all = Все
orders-filter-active = Активные
orders-filter-completed = Выполненные
orders-filter-short = Частично выполненные / отменённые
orders-filtered = Показаны: { $filter }
orders-none-here = Здесь заказов нет: выберите другой фильтр ниже.
orders-search = 🔎 Поиск
orders-search-again = 🔎 Новый поиск
orders-search-ask = 🔎 Отправьте номер заказа (например, #12) или часть его ссылки.
orders-search-empty = Пожалуйста, отправьте текстом номер заказа (например, #12) или часть его ссылки.
orders-search-too-long = Слишком длинно для поиска: отправьте не больше 300 символов.
orders-search-too-short = Отправьте хотя бы 3 символа ссылки или номер заказа.
orders-search-busy = Вы сейчас оформляете заказ: завершите его или отправьте /cancel, а затем повторите поиск.
orders-search-none = По запросу { $query } ваших заказов не найдено.
orders-search-found = 🔎 По запросу { $query } { $count ->
        [one] найден { $count } ваш заказ
        [few] найдено { $count } ваших заказа
       *[many] найдено { $count } ваших заказов
    }.
orders-search-more = Ниже — последние { $shown ->
        [one] { $shown } заказ
        [few] { $shown } заказа
       *[many] { $shown } заказов
    }.
order-card-start-count = Начальное количество: { $count }
order-card-delivered = Выполнено: { $delivered } из { $quantity }
order-card-unchanged = 🔄 Актуально: с прошлой проверки ничего не изменилось.
order-card-final = Этот заказ завершён: его статус больше не изменится.
order-again = 🛒 Заказать снова
