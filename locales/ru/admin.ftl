admin-owed = Всего на балансах клиентов: { $owed }
admin-panel-balance = Баланс панели: <b>{ $balance }</b>
admin-panel-balance-failed = Баланс панели сейчас недоступен ({ $error }).
admin-panels-title = <b>Панели</b>: { $count }
admin-panels-main = 🔌 <b>{ $name }</b> (PANEL_…): основная панель, её деньги — деньги магазина
admin-panels-other = 🔌 <b>{ $name }</b> ({ $settings }_…): единица её денег стоит { $rate } в деньгах магазина
admin-panels-up = ✅ отвечает · баланс { $balance }
admin-panels-down = ⛔ нельзя пользоваться: { $error }
admin-panels-counts = Услуг: { $services } (показано { $shown }) · открытых заказов: { $open } · отказов за последний час: { $refused }
admin-panel-short = ⚠️ На панели на { $short } меньше, чем у клиентов на балансах.
admin-stats = <b>Магазин</b>. Клиентов: { $customers }
admin-stats-today = Сегодня
admin-stats-week = За 7 дней
admin-stats-all = За всё время
admin-stats-topups = Пополнения: { $methods }
admin-stats-topups-none = Пополнения: нет
admin-stats-topup-method = { $method } × { $count } · { $sum }
admin-stats-discounts = Скидки клиентам: { $discounts }
admin-stats-period =
    <b>{ $period }</b>: { $orders ->
        [one] { $orders } заказ
        [few] { $orders } заказа
       *[many] { $orders } заказов
    } ({ $statuses })
    Выручка { $revenue }, расходы { $cost }, прибыль { $profit }
admin-stats-panel = · { $panel }: { $orders ->
        [one] { $orders } заказ
        [few] { $orders } заказа
       *[many] { $orders } заказов
    }, расходы { $cost }, прибыль { $profit }
admin-refreshed = Каталог обновлён: услуг — { $services }, категорий — { $categories }.
admin-refresh-failed = Не удалось обновить каталог: { $error }
cmd-stats = Статистика магазина (администраторы)
cmd-refresh = Обновить каталог (администраторы)
cmd-panels = Панели: доступность, баланс, заказы (администраторы)
cmd-refund = Вернуть пополнение: /refund ID [ЗАМЕТКА] (администраторы)
cmd-credit = Пополнить клиента: /credit USER_ID СУММА (администраторы)
cmd-debit = Списать у клиента: /debit USER_ID СУММА (администраторы)
cmd-discount = Скидка клиента в % на все цены: /discount USER_ID ПРОЦЕНТ (администраторы)
cmd-user = Баланс, заказы и пополнения клиента: /user USER_ID (администраторы)
cmd-apikey = Отключить или включить API-ключ клиента: /apikey USER_ID off (администраторы)
cmd-unknown = Заказы с неизвестным исходом (администраторы)

admin-credit-usage = Формат: /credit USER_ID СУММА, например /credit 123456789 50
admin-debit-usage = Формат: /debit USER_ID СУММА, например /debit 123456789 50
admin-discount-usage = Формат: /discount USER_ID ПРОЦЕНТ, целое число от 0 до 90 (0 отменяет скидку), например /discount 123456789 10. /discount USER_ID без процента покажет текущую скидку.
admin-discount-too-large = Скидка — не больше { $max }%.
admin-no-customer = Клиента { $user } нет: сначала он должен открыть бота.
admin-credited = Зачислено { $amount } клиенту { $user }. Его баланс: { $balance }.
admin-debited = Списано { $amount } у клиента { $user }. Его баланс: { $balance }.
admin-debit-short = Не списано: у { $user } только { $balance }, меньше, чем { $amount }.
admin-discount-set = Клиент { $user } теперь получает скидку { $discount }% на все цены (было { $before }%). Мы сообщили ему.
admin-discount-cleared = У клиента { $user } больше нет скидки (было { $before }%). Мы сообщили ему.
admin-discount-unchanged = У клиента { $user } уже скидка { $discount }%: ничего не изменилось.
admin-discount-now = { $discount ->
        [0] У клиента { $user } нет скидки.
       *[other] Клиент { $user } получает скидку { $discount }% на все цены.
    }
admin-user-usage = Формат: /user USER_ID
admin-user =
    <b>Клиент</b> { $customer }
    Баланс: { $balance }
    Язык: { $language }. Заблокировал бота: { $blocked }. Получает рассылки: { $broadcasts }. С { $since }
admin-user-discount = Скидка: { $discount }% на все цены
admin-user-api-none = API-ключ: нет
admin-user-api = API-ключ …{ $hint }: { $state } · создан { $made } · последний запрос { $used } · сообщения о заказах через API: { $notify }
admin-user-api-on = включён
admin-user-api-off = отключён ({ $admin }, { $when })
admin-user-api-never = не было
admin-apikey-usage = Использование: /apikey USER_ID on|off, например /apikey 123456789 off
admin-apikey-none = У { $user } нет API-ключа.
admin-apikey-off = 🔒 API-ключ { $user } отключён: запросы с ним отклоняются, и /api new его не включит. Вернуть: /apikey { $user } on.
admin-apikey-on = 🔓 API-ключ { $user } снова включён.
admin-user-orders = Заказы: { $count } ({ $statuses })
admin-user-order = #{ $id } · № { $panel } · { $service } × { $quantity } · { $charge } · { $status }
admin-user-topups = Пополнения (последние): { $count }
admin-user-topup = Пополнение { $id } · { $method } · { $amount } · { $status } · { $date }
admin-user-topup-payment = ↳ id платежа <code>{ $payment }</code>
admin-user-topup-note = ↳ возвращено вне бота: { $note }
admin-topup-stars = ⭐ { $stars }
admin-user-refills = Восстановления (последние): { $count }
admin-user-refill = Восстановление { $id } · заказ #{ $order } · № { $panel } · в панели { $refill } · { $status } · { $date }
admin-user-refill-error = ↳ панель: «{ $error }»
admin-unknown-none = Заказов с неизвестным исходом нет.
admin-unknown-title = <b>Заказы с неизвестным исходом</b>: { $count }
admin-unknown-order =
    #{ $id } · клиент { $user } · услуга { $service_id }: { $service }
    Ссылка: { $link } · количество { $quantity } · удержано { $charge }
    С { $since }: { $error }
admin-unknown-how = Проверьте каждый в панели и закройте: /attach ORDER_ID PANEL_ORDER_ID, если заказ в панели есть (дальше его статус отслеживается), или /fail ORDER_ID, если его нет (деньги вернутся клиенту).
admin-attach-usage = Формат: /attach ORDER_ID PANEL_ORDER_ID
admin-fail-usage = Формат: /fail ORDER_ID
admin-settle-missing = Заказа #{ $id } нет.
admin-settle-not-unknown = Заказ #{ $id } в статусе { $status }, исход известен: закрывать нечего.
admin-attach-taken = Заказ панели { $panel } уже привязан к другому заказу.
admin-attached = Заказ #{ $id } теперь — заказ панели { $panel }; его статус будет отслеживаться.
admin-failed = Заказ #{ $id } отмечен как неоформленный; { $refund } возвращено клиенту { $user }.

credit-notice = 💰 На ваш баланс зачислено { $amount }. Ваш баланс: { $balance }.
discount-notice = 🎁 Теперь у вас скидка { $discount }% на каждый заказ: цены, которые вы видите, уже её учитывают.
discount-ended-notice = Ваша персональная скидка закончилась: цены снова обычные.
settled-placed = ✅ Ваш заказ #{ $id } всё-таки оформлен. Мы сообщим, когда он будет выполнен.
settled-failed = ❌ Ваш заказ #{ $id } оформить не удалось. Возвращено на ваш баланс: { $refund }.

alert-panel-low = ⚠️ Баланс панели { $balance }, ниже { $threshold }. Пополните его, пока заказы не начали отклоняться.
alert-panel-recovered = ✅ Баланс панели снова { $balance }, выше порога.
alert-panel-low-named = ⚠️ Панель { $panel }: баланс { $balance }, ниже { $threshold }. Пополните его, пока её заказы не начали отклоняться.
alert-panel-recovered-named = ✅ Панель { $panel }: баланс снова { $balance }, выше порога.
alert-unknown-waiting = { $count ->
        [one] ⚠️ { $count } заказ с неизвестным исходом ждёт вас: /unknown
        [few] ⚠️ { $count } заказа с неизвестным исходом ждут вас: /unknown
       *[many] ⚠️ { $count } заказов с неизвестным исходом ждут вас: /unknown
    }

# Bounds on typed amounts and balances
amount-too-large = Слишком много: здесь можно ввести не больше { $max }.
admin-credit-limit = Не зачислено: у { $user } стало бы больше { $max }, а это наибольший возможный баланс. Его баланс: { $balance }.
alert-update-failed = ⚠️ Обновление { $update } завершилось ошибкой { $error }; пользователя попросили повторить. Подробности в журнале. Следующие ошибки { $error } в течение часа попадут только в журнал.
