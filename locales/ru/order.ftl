menu-order = 🛒 Новый заказ
menu-balance = 💰 Баланс
cmd-order = Сделать новый заказ
cmd-balance = Ваш баланс
cmd-cancel = Отменить текущий заказ

nav-back = « Назад
nav-cancel = ✖ Отмена
nav-keep = ✔ Оставить
order-confirm = ✅ Подтвердить и оплатить

catalogue-unavailable = Сейчас не удаётся загрузить список услуг. Попробуйте через несколько минут.
catalogue-empty = Сейчас нечего заказать.
catalogue-changed = Список услуг изменился. Вот новый.
order-expired = Это предложение устарело. Отправьте /order, чтобы начать заново.
service-gone = Эта услуга больше недоступна. Выберите другую.

order-categories =
    <b>Новый заказ</b>
    Выберите категорию (страница { $page } из { $pages }):
order-services =
    <b>{ $category }</b>
    Выберите услугу (страница { $page } из { $pages }), цены за 1000:
order-service =
    <b>{ $service }</b>
    Цена: { $price } { $currency } за 1000
    Количество: от { $min } до { $max }
    { $cancel ->
        [yes] Можно отменить, пока заказ выполняется.
       *[no] После оформления отменить нельзя.
    }
order-ask-link-telegram = Отправьте ссылку на канал, группу или пост: https://t.me/… или @name.
order-ask-link = Отправьте полную ссылку, начиная с https://
order-current-link = Текущая ссылка: { $link }. Отправьте новую или оставьте эту.
order-bad-link-telegram = Это не ссылка на Telegram. Отправьте ссылку вида https://t.me/channel или @channel.
order-bad-link = Это не ссылка. Отправьте полный адрес, начиная с https://
order-ask-quantity = Сколько нужно? Отправьте целое число от { $min } до { $max }.
order-current-quantity = Текущее количество: { $quantity }. Отправьте новое или оставьте это.
order-bad-quantity = Отправьте целое число от { $min } до { $max }, только цифры.
order-ask-answer = За какой вариант ответа голосовать? Отправьте его номер: 1 — первый вариант, максимум { $max }.
order-current-answer = Текущий номер ответа: { $answer }. Отправьте новый или оставьте этот.
order-bad-answer = Отправьте номер варианта ответа: целое число от 1 до { $max }.
order-text-only = Пожалуйста, отправьте это текстовым сообщением.

order-summary =
    <b>Проверьте заказ</b>
    Услуга: { $service }
    Ссылка: { $link }
    Количество: { $quantity }
order-summary-answer = Номер ответа: { $answer }
order-summary-charge =
    К оплате: <b>{ $charge } { $currency }</b>
    Ваш баланс: { $balance } → { $after } { $currency }
order-summary-short =
    К оплате: <b>{ $charge } { $currency }</b>
    Ваш баланс: { $balance } { $currency }, не хватает { $missing } { $currency }.
    Пополните баланс командой /topup и вернитесь через /order.
order-price-changed = ⚠️ Цена изменилась. Вот новая сумма:
order-already-placed = Этот заказ уже оформлен.
order-placing = ⏳ Оформляю заказ…
order-placed =
    ✅ Заказ оформлен. Номер заказа: <b>{ $number }</b>
    Списано: { $charge } { $currency }. Ваш баланс: { $balance } { $currency }.
    Я сообщу, когда он будет выполнен.
order-cancelled = Заказ отменён. Деньги не списаны.
order-nothing-to-cancel = Сейчас нет заказа в процессе оформления.

order-failed-shop = ❌ Магазин сейчас не может принимать заказы. { $charge } { $currency } вернулись на ваш баланс. Администраторы уже знают; попробуйте позже.
order-failed-service = ❌ Поставщик больше не предоставляет эту услугу. { $charge } { $currency } вернулись на ваш баланс. Выберите другую услугу через /order.
order-failed-link = ❌ Поставщик не принял эту ссылку. { $charge } { $currency } вернулись на ваш баланс. Проверьте, что ссылка верна и открыта, и попробуйте снова через /order.
order-failed-quantity = ❌ Поставщик не принял это количество. { $charge } { $currency } вернулись на ваш баланс. Попробуйте другое количество через /order.
order-failed-answer = ❌ Поставщику нужен номер варианта ответа. { $charge } { $currency } вернулись на ваш баланс. Попробуйте снова через /order.
order-failed-other = ❌ Поставщик отклонил заказ. { $charge } { $currency } вернулись на ваш баланс. Попробуйте позже.
order-failed-unreachable = ❌ Поставщик сейчас недоступен, поэтому ничего не заказано. { $charge } { $currency } вернулись на ваш баланс. Попробуйте через несколько минут.
order-unknown = ⚠️ Поставщик не ответил однозначно, поэтому пока неизвестно, оформлен ли заказ. Мы проверяем. { $charge } { $currency } пока удерживаются; я сообщу результат.

balance =
    Ваш баланс: <b>{ $balance } { $currency }</b>
    Пополнить: /topup.
balance-support = Вопросы об оплате: { $contact }

alert-order-unknown =
    ⚠️ Заказ #{ $order }: исход неизвестен, у панели он может быть, а может и не быть.
    Клиент: { $user }. Услуга { $service_id }: { $service }
    Ссылка: { $link }
    Количество: { $quantity }, сумма: { $charge }
    Что случилось: { $error }
    Деньги удерживаются, пока вы не разберётесь с заказом.
alert-order-interrupted =
    ⚠️ Заказ #{ $order } оформлялся, когда бот остановился: у панели он может быть, а может и не быть.
    Клиент: { $user }. Услуга { $service_id }: { $service }
    Ссылка: { $link }
    Количество: { $quantity }, сумма: { $charge }
    Деньги удерживаются, пока вы не разберётесь с заказом.
alert-panel-refused =
    ⚠️ Панель отклонила заказ #{ $order } с ошибкой «{ $error }»: клиенты не смогут заказывать, пока это не исправлено. Деньги клиенту возвращены.
