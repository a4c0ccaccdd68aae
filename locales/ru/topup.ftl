# Top-ups with Telegram Stars
menu-topup = ⭐ Пополнить
cmd-topup = Пополнить баланс звёздами Telegram
cmd-paysupport = Помощь с оплатой

topup-methods =
    <b>Пополнение баланса</b>
    Как вам удобнее оплатить?
topup-method-stars = ⭐ Звёзды Telegram
topup-method-crypto = 🪙 Криптовалюта (CryptoBot)
topup-method-off = Этот способ оплаты больше недоступен. Отправьте /topup, чтобы увидеть доступные.
topup-choose =
    <b>Пополнение баланса звёздами Telegram</b>
    1 ⭐ = { $rate } на баланс. Выберите сумму или отправьте /topup и число звёзд от { $min } до { $max }, например <code>/topup { $min }</code>.
topup-preset = { $amount } · { $stars } ⭐
topup-other = ✏️ Другая сумма
topup-type-amount = Сколько звёзд? Отправьте целое число от { $min } до { $max }.
topup-bounds-worth = { $min } ⭐ = { $min_amount } · { $max } ⭐ = { $max_amount }
topup-bad-amount = Мы можем выставить счёт на целое число звёзд от { $min } до { $max }, например /topup { $min }.
topup-cancel = ✖️ Отмена
topup-cancelled = Пополнение отменено.

# The invoice (plain text, no markup): title at most 32 characters, description 255
topup-invoice-title = Баланс +{ $amount }
topup-invoice-description = Оплатите { $stars } ⭐ и получите { $amount } на баланс в этом магазине для оплаты заказов.
topup-invoice-label = Пополнение баланса
topup-invoice-failed = Telegram не создал этот счёт. Попробуйте другую сумму или напишите через /paysupport.

# Top-ups with Crypto Pay (@CryptoBot)
topup-crypto-ask =
    <b>Пополнение криптовалютой</b>
    Сколько зачислить на баланс? Отправьте целую сумму от { $min } до { $max }. Оплатите её в @CryptoBot любой доступной монетой.
topup-crypto-bad-amount = Отправьте целую сумму от { $min } до { $max }.
topup-crypto-failed = Crypto Pay не создал этот счёт. Попробуйте другую сумму или напишите в /paysupport.
# Shown by @CryptoBot on the invoice (plain text, at most 1024 characters)
topup-crypto-description = Пополнение #{ $id }: { $amount } на баланс в этом магазине.
topup-crypto-invoice =
    🪙 <b>Пополнение #{ $id }</b>: +{ $amount } на баланс.
    Оплатите { $price } в @CryptoBot в течение { $minutes } мин. Баланс пополнится, как только придёт оплата, — мы напишем сюда.
topup-crypto-pay = 🪙 Оплатить в CryptoBot
topup-crypto-check = 🔄 Проверить оплату
topup-crypto-paid = ✅ Оплачено: сумма зачислена на баланс.
topup-crypto-not-paid = Оплата ещё не поступила. Оплатите счёт в @CryptoBot — баланс пополнится сразу после оплаты.
topup-crypto-gone = Этот счёт больше не действует. Отправьте /topup, чтобы получить новый.
topup-crypto-held = Оплата пришла, но не зачислена автоматически: напишите в /paysupport и укажите номер пополнения.
topup-crypto-unreachable = Crypto Pay сейчас не отвечает. Попробуйте через минуту — оплаченный счёт зачислится в любом случае.
topup-crypto-expired = Пополнение #{ $id } ({ $amount }) не было оплачено вовремя, срок счёта истёк. Отправьте /topup, чтобы получить новый.
alert-crypto-refused = ⚠️ Счёт Crypto Pay { $invoice } оплачен, но ничего не зачислено: { $why ->
        [cancelled] пополнение #{ $topup } клиента { $user } ({ $amount }) к тому времени было отменено.
        [limit] зачисление пополнения #{ $topup } ({ $amount }) превысило бы лимит баланса клиента { $user }.
       *[other] он не совпадает с пополнением #{ $topup } клиента { $user } ({ $amount }): другое пополнение, валюта или платёж.
    } Проверьте счёт в @CryptoBot (Crypto Pay → ваше приложение), затем зачислите клиенту деньги через /credit { $user } СУММА или верните их из @CryptoBot.

# Why a payment is refused at checkout (plain text, shown by Telegram)
checkout-unknown = Этот счёт больше не действует. Отправьте /topup, чтобы получить новый.
checkout-not-yours = Этот счёт выставлен другому клиенту. Отправьте боту /topup, чтобы получить свой.
checkout-used = Этот счёт уже оплачен. Отправьте /topup, чтобы получить новый.
checkout-mismatch = Платёж не совпадает со счётом. Отправьте /topup, чтобы получить новый.

topup-receipt =
    ✅ Пополнение #{ $id } оплачено: { $stars } { $stars ->
        [one] звезда
        [few] звезды
       *[many] звёзд
    }, +{ $amount } на баланс.
    Баланс: <b>{ $balance }</b>
topup-credited =
    ✅ Пополнение #{ $id } оплачено: +{ $amount } на баланс.
    Баланс: <b>{ $balance }</b>
topup-credited-order =
    ✅ Пополнение #{ $id } оплачено: +{ $amount } на баланс.
    Баланс: <b>{ $balance }</b>
    Ваш заказ ждёт: вернитесь к нему, чтобы подтвердить.
topup-refunded =
    Пополнение #{ $id } возвращено: { $stars } { $stars ->
        [one] звезда вернулась
        [few] звезды вернулись
       *[many] звёзд вернулось
    } в ваш аккаунт Telegram, с баланса списано { $amount }.
    Баланс: <b>{ $balance }</b>
topup-refunded-outside =
    Пополнение #{ $id } возвращено: мы вернём вам { $amount } вне бота, эта сумма списана с вашего баланса.
    Баланс: <b>{ $balance }</b>
payment-returned = Этот платёж ({ $stars } ⭐) не подошёл ни к одному открытому счёту, поэтому звёзды возвращены вам. Отправьте /topup, чтобы получить новый счёт.
payment-held = Этот платёж ({ $stars } ⭐) не подошёл ни к одному открытому счёту. Администраторы магазина уже знают и вернут звёзды.

# /terms
terms =
    <b>Условия продажи</b>
    • Заказы оплачиваются с баланса в этом магазине, а баланс пополняется звёздами Telegram: 1 ⭐ = { $rate }.
    • Баланс служит только для заказов в этом магазине: он не выводится и не обменивается обратно на звёзды. Пополнение, сумма которого ещё не потрачена, можно вернуть: напишите через /paysupport.
    • Если заказ отклонён или отменён, его сумма полностью возвращается на баланс; если выполнен частично — за невыполненную часть.
    • Помощь с оплатой: /paysupport

# To admins
alert-payment-returned = ⚠️ Платёж на { $stars } ⭐ от пользователя <code>{ $user_id }</code> не подошёл ни к одному открытому счёту ({ $why ->
        [used] счёт уже оплачен
        [not-yours] счёт другого клиента
        [mismatch] не совпали сумма или валюта
       *[unknown] неизвестный счёт
    }) и возвращён. ID платежа: <code>{ $charge }</code>
alert-payment-held = ⚠️ Платёж на { $stars } ⭐ от пользователя <code>{ $user_id }</code> не подошёл ни к одному открытому счёту ({ $why ->
        [used] счёт уже оплачен
        [not-yours] счёт другого клиента
        [mismatch] не совпали сумма или валюта
       *[unknown] неизвестный счёт
    }), и вернуть его не удалось: верните вручную. ID платежа: <code>{ $charge }</code>
refund-usage = Использование: <code>/refund НОМЕР_ПОПОЛНЕНИЯ</code>, а для пополнения не звёздами — и заметка после номера. Номер пополнения есть в чеке клиента.
refund-no-such = Пополнения #{ $id } нет.
refund-unpaid = Пополнение #{ $id } не оплачено: возвращать нечего.
refund-already = Пополнение #{ $id } уже возвращено.
refund-short = На балансе клиента <code>{ $user_id }</code> { $balance }, на { $missing } меньше, чем зачислило пополнение #{ $id }: ничего не возвращено.
refund-refunded = ✅ Пополнение #{ $id } возвращено: клиенту <code>{ $user_id }</code> вернули { $stars } ⭐, с его баланса списано { $amount } (теперь { $balance }).
refund-outside =
    ✅ Пополнение #{ $id } ({ $method }) записано как возвращённое: с баланса клиента <code>{ $user_id }</code> списано { $amount } (теперь { $balance }). Бот не может отправить эти деньги: верните их клиенту сами.
    Заметка: { $note }
refund-refused = Telegram отказал в возврате пополнения #{ $id }: { $error }. С баланса клиента ничего не списано (на нём { $balance }).
refund-unknown = Telegram не дал ясного ответа о возврате пополнения #{ $id } ({ $error }). { $amount } удерживается с баланса клиента <code>{ $user_id }</code>: отправьте <code>/refund { $id }</code> ещё раз, чтобы завершить.
