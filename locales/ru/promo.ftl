# Промокоды (bot/storage/promos.py, handlers/customer/promo.py, handlers/admin/promos.py)
cmd-promo = Ввести промокод
promo-button = 🎟 Промокод
promo-ask = Отправьте ваш промокод.
promo-bad-code = «{ $code }» — не промокод: промокод состоит из 3–32 латинских букв, цифр, _ или -. Отправьте его ещё раз или нажмите «Отмена».
promo-unknown = Промокода { $code } нет. Проверьте его и отправьте ещё раз или нажмите «Отмена».
promo-ended = Действие промокода { $code } завершено: его больше нельзя использовать.
promo-expired = Срок действия промокода { $code } истёк.
promo-used-up = Промокод { $code } исчерпан: использований не осталось.
promo-already = Вы уже использовали промокод { $code }: каждый промокод действует один раз для клиента.
promo-balance-full = Не зачислено: на ваш баланс { $balance } больше не поместится (не больше { $max }).
promo-redeemed = 🎟 Промокод { $code }: +{ $amount } на ваш баланс. Баланс: { $balance }
promo-cancelled = Хорошо, без промокода.

# Администраторам
cmd-promos = Промокоды; /promo КОД СУММА [РАЗ] [ДНЕЙ] создаёт новый (администраторы)
admin-reason-promo = промокод
admin-promo-usage =
    <b>Промокоды</b>
    /promo КОД СУММА [РАЗ] [ДНЕЙ] — создать промокод на СУММУ каждому клиенту, для РАЗ клиентов (1, если не указано), на ДНЕЙ дней (бессрочно, если не указано), например <code>/promo WELCOME 5 100 30</code>
    /promo КОД - — завершить промокод
    /promos — промокоды, их использования и выданные суммы
admin-promo-bad-code = «{ $code }» не может быть промокодом: используйте 3–32 латинские буквы, цифры, _ или - (регистр не важен).
admin-promo-bad-amount = СУММА — число больше 0, не больше { $decimals } знаков после запятой, например <code>/promo WELCOME 5</code>
admin-promo-bad-counts = РАЗ — целое число от 1 до { $uses }, ДНЕЙ — от 1 до { $days }, например <code>/promo WELCOME 5 100 30</code>
admin-promo-exists = Промокод { $code } уже есть (код навсегда остаётся одним предложением): выберите другой. Список — /promos.
admin-promo-made = ✅ Промокод создан: { $line }
admin-promo-ended = Промокод завершён: { $line }
admin-promo-none = Промокода { $code } нет.
admin-promo-line = <code>{ $code }</code> · { $amount } · использован { $used }/{ $uses } · выдано { $given } · { $state }
admin-promo-state-open = бессрочно
admin-promo-state-until = до { $date }
admin-promo-state-ended = завершён { $date }
admin-promos = <b>Промокоды</b>, сначала новые ({ $count }):
admin-promos-none = Промокодов пока нет. Создайте: /promo КОД СУММА [РАЗ] [ДНЕЙ]
