# Payme и Click: пополнения, оплачиваемые на странице платёжной системы
topup-method-payme = 💳 Payme
topup-method-click = 💳 Click
topup-by-link-choose =
    <b>Пополнение баланса через { $method }</b>
    Выберите сумму или нажмите «Другая сумма»: от { $min } до { $max }.
topup-by-link-preset = { $amount }
topup-by-link-type = На какую сумму пополнить? Отправьте сумму в сумах от { $min } до { $max }, например <code>150 000</code>.
topup-by-link-bad-amount = Отправьте целое число сумов от { $min } до { $max }, например <code>150 000</code>.
topup-by-link-sent =
    Пополнение #{ $id }: { $amount } через { $method }.
    Нажмите кнопку, чтобы оплатить. Баланс пополнится, как только { $method } подтвердит платёж.
topup-by-link-pay = Оплатить { $amount } через { $method }
topup-by-link-app-title = Пополнить через { $method }
topup-by-link-app-hint = Целое число сумов от { $min } до { $max }; оплата на странице { $method }.
topup-by-link-app-other = Другая сумма в сумах
order-topup-by-link = { $method }: пополнить на { $amount }
topup-taken-back =
    { $method } отменил пополнение #{ $id }: деньги вернулись на вашу карту, а с баланса списано { $amount }.
    Баланс: <b>{ $balance }</b>
topup-click-failed = Пополнение #{ $id } через Click не прошло, деньги не списаны. Отправьте /topup, чтобы попробовать снова.

# Админам
alert-payme-spent = ⚠️ Payme отменил уже оплаченное пополнение #{ $topup } (транзакция { $transaction }), но клиент { $user } уже потратил деньги: зачислено { $amount }, на балансе { $balance }. Payme получил ответ, что платёж отменить нельзя; урегулируйте это с клиентом и Payme.

# Ошибки Merchant API Payme (простой текст, Payme показывает его плательщику)
payme-error-not-post = Запрос должен быть POST.
payme-error-parse = Запрос не является корректным JSON.
payme-error-request = Неверный запрос: поле отсутствует или имеет неверный тип.
payme-error-method = Метод не найден.
payme-error-auth = Недостаточно привилегий для выполнения метода.
payme-error-system = Магазин не смог обработать запрос. Повторите позже.
payme-error-amount = Неверная сумма.
payme-error-not-found = Транзакция не найдена.
payme-error-cannot-cancel = Невозможно отменить транзакцию: услуга оказана.
payme-error-cannot-perform = Невозможно выполнить данную операцию.
payme-error-no-topup = Пополнение не найдено.
payme-error-topup-closed = Это пополнение уже оплачено или закрыто.
payme-error-topup-busy = Это пополнение уже оплачивается другой транзакцией.
