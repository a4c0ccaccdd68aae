# Card transfer with a receipt (bot/payments/transfer.py)
topup-method-transfer = 💳 Перевод на карту
transfer-ask-amount =
    <b>Пополнение переводом на карту</b>
    Какую сумму вы переведёте? Отправьте сумму от { $min } до { $max }, например <code>150 000</code>.
transfer-bad-amount = Мы принимаем переводы на карту от { $min } до { $max }. Отправьте сумму числом, например <code>150 000</code>.
webapp-transfer-title = Пополнение переводом на карту
webapp-transfer-hint = От { $min } до { $max }, перевод на нашу карту: реквизиты и чек — в чате.
webapp-transfer-other = Сумма в { $currency }
transfer-cover = 💳 Пополнить на { $amount } переводом на карту
transfer-details =
    💳 <b>Перевод на карту №{ $id }</b>
    Переведите ровно <b>{ $amount }</b>:
    { $details }

    Затем отправьте сюда, в этот чат, фото или PDF чека. Мы пополним баланс, как только администратор его проверит.
transfer-checking =
    💳 <b>Перевод на карту №{ $id }</b>: { $amount }
    Ваш чек у наших администраторов. Мы сообщим, как только его проверят.
transfer-withdraw = ✖️ Отменить заявку №{ $id }
transfer-sent = 📨 Чек по заявке №{ $id } отправлен на проверку. Мы сообщим, как только администратор его проверит.
transfer-receipt-already = Ваш чек по заявке №{ $id } уже у наших администраторов. Мы сообщим, как только его проверят.
transfer-not-a-receipt = Мы ждём чек по заявке №{ $id }: отправьте его фото или PDF. Чтобы отменить заявку, нажмите кнопку ниже.
transfer-withdrawn = Заявка №{ $id } отменена. Отправьте /topup, чтобы пополнить баланс другим способом.
transfer-closed = По заявке №{ $id } уже есть решение: смотрите сообщение о ней.
transfer-withdraw-late = Заявка №{ $id } уже одобрена: деньги на вашем балансе.
transfer-rejected = ❌ Перевод на карту №{ $id } не подтверждён. Если вы перевели деньги, напишите в /paysupport.
transfer-rejected-why =
    ❌ Перевод на карту №{ $id } не подтверждён: { $reason }
    Если вы перевели деньги, напишите в /paysupport.

# To admins
cmd-transfers = Переводы на карту, ждущие проверки (администраторы)
cmd-approve = Одобрить перевод на карту: /approve N [СУММА] (администраторы)
cmd-reject = Отклонить перевод на карту: /reject N [ПРИЧИНА] (администраторы)
transfer-copy =
    💳 <b>Перевод на карту №{ $id }</b>: { $amount }
    Клиент: { $customer }
transfer-copy-seen = ⚠️ Этот файл уже присылали (заявка №{ $first })
transfer-approve = ✅ Одобрить
transfer-reject = ❌ Отклонить
transfer-no-reason = Отклонить без причины
transfer-approved-by = ✅ Одобрил(а) { $by }: зачислено { $amount }
transfer-rejected-by = ❌ Отклонил(а) { $by }: { $reason }
transfer-withdrawn-copy = ↩️ Отменена клиентом
transfer-ask-reason = Почему заявка №{ $id } отклонена? Отправьте причину (её прочтёт клиент) или нажмите кнопку.
transfer-reason-bad = Отправьте причину текстом (максимум символов: { $max }) или /cancel.
transfer-reject-cancelled = Ничего не отклонено: заявка ждёт проверки.
transfer-approved = ✅ Заявка №{ $id } одобрена: { $amount } зачислено клиенту { $user } (баланс { $balance }).
transfer-rejected-done = ❌ Заявка №{ $id } отклонена ({ $reason }). Клиенту сообщено.
transfer-already-approved = Заявка №{ $id } уже одобрена, администратор: { $by }.
transfer-already-rejected = Заявка №{ $id } уже отклонена, администратор: { $by }.
transfer-already-withdrawn = Заявку №{ $id } отменил клиент.
transfer-no-such = Заявки на перевод на карту №{ $id } нет.
transfer-over-limit = Не одобрено: баланс клиента ({ $balance }) превысил бы { $max }.
transfer-approve-usage = Формат: <code>/approve N</code> или <code>/approve N СУММА</code>, если в чеке другая сумма. N — номер заявки.
transfer-reject-usage = Формат: <code>/reject N</code> или <code>/reject N ПРИЧИНА</code> (максимум символов: { $max }). N — номер заявки.
transfers-none = Переводов на карту, ждущих проверки, нет.
transfers-title = <b>Переводы на карту ждут проверки</b> ({ $count }), сначала старые:
transfers-line = №{ $id } · { $amount } · { $customer } · { $hours } ч · { $receipt ->
        [yes] чек прислан
       *[no] чека ещё нет
    }
transfers-how = <code>/approve N</code> · <code>/approve N СУММА</code> · <code>/reject N ПРИЧИНА</code>
transfer-reminder = ⏰ { $count ->
        [one] { $count } чек перевода на карту ждёт
        [few] { $count } чека перевода на карту ждут
       *[many] { $count } чеков перевода на карту ждут
    } проверки уже сутки:
transfer-reminder-line = №{ $id } · { $amount } · получен { $since }
