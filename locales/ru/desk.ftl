# The admin's desk: figures, customers, alerts about the panel, broadcasts; and /id.

your-id = Ваш id в Telegram: <code>{ $id }</code>

admin-own-balance = Ваш собственный баланс: <b>{ $balance }</b>
admin-stars-rate = Курс звёзд: 1 ⭐ = { $rate }, то есть { $stars } ⭐ пополняют на { $amount } (STARS_RATE).
alert-stars-rate =
    ⚠️ STARS_RATE={ $rate } не подходит для панели в { $currency }: { $stars } ⭐ пополняют всего на { $example }.
    Звезда стоит для магазина около { $usual } { $currency }, поэтому при STARS_RATE={ $usual } { $stars } ⭐ пополнят на { $usual_example }. Задайте его в настройках и перезапустите бота.
admin-stats-month = За 30 дней
admin-stats-top = <b>Услуги с наибольшей прибылью за 30 дней</b>
admin-stats-top-line = { $place }. { $service } (услуга { $id }): { $orders ->
        [one] { $orders } заказ
        [few] { $orders } заказа
       *[many] { $orders } заказов
    }, прибыль { $profit }
admin-stats-top-none = Заказов пока нет.

admin-status-placing = оформляется
admin-status-unknown = исход неизвестен
admin-status-failed = не оформлен
admin-yes = да
admin-no = нет
admin-language-auto = { $language }, из Telegram (не выбран)
admin-topup-invoiced = счёт выставлен
admin-topup-paid = оплачено
admin-topup-refunding = возвращается
admin-topup-refunded = возвращено
admin-topup-cancelled = отменено

admin-user-ledger = <b>Движение средств</b>, { $count ->
        [1] последняя запись
        [one] последние { $count } запись
        [few] последние { $count } записи
       *[many] последние { $count } записей
    }:
admin-user-posting = { $date } · { $amount } · { $reason }{ $order }
admin-reason-order = заказ
admin-reason-refund = возврат
admin-reason-topup = пополнение
admin-reason-topup-refund = пополнение возвращено
admin-user-posting-method = { $reason } ({ $method })
admin-reason-topup-refund-undone = возврат звёзд отклонён, деньги на балансе
admin-reason-credit = зачисление администратором
admin-reason-debit = списание администратором

admin-users-new = <b>Клиенты</b>, сначала новые: { $count } (страница { $page } из { $pages })
admin-users-rich = <b>Клиенты</b>, сначала с большим балансом: { $count } (страница { $page } из { $pages })
admin-users-found = <b>Клиенты</b> по запросу «{ $query }»: { $count } (страница { $page } из { $pages })
admin-users-line = { $customer } · { $balance } · с { $since }
admin-users-none = Никого.
admin-users-how = Поиск: /users ИМЯ, /users @username или /users ID. Один клиент: /user ID.
admin-users-by-new = 🆕 Сначала новые
admin-users-by-rich = 💰 Сначала с большим балансом

admin-help =
    <b>Команды администратора</b>
    /balance — ваш баланс, баланс панели, сколько у клиентов, курс звёзд
    /stats — заказы, выручка, расходы, прибыль: сегодня, 7 и 30 дней, всё время
    /users — клиенты, сначала новые: <code>/users rich</code>, <code>/users alice</code>
    /user — один клиент и движение его средств: <code>/user 123456789</code>
    /apikey — отключить или включить API-ключ клиента: <code>/apikey 123456789 off</code>
    /credit, /debit — зачислить или списать: <code>/credit 123456789 50</code>
    /discount — скидка клиента в целых процентах на все цены (0 отменяет); без процента показывает текущую: <code>/discount 123456789 10</code>, <code>/discount 123456789</code>
    /broadcast — сообщение всем клиентам, сначала предпросмотр
    /tickets — незакрытые обращения; ответ — ответом на сообщение обращения
    /ticket — вся история обращения: <code>/ticket 12</code>
    /greeting — приветствие /start на каждом языке: <code>/greeting ru | текст</code>, <code>/greeting ru</code> — посмотреть, <code>/greeting ru -</code> — сбросить
    /unknown — заказы с неизвестным исходом; решить: <code>/attach 12 98765</code> или <code>/fail 12</code>
    /refund — вернуть пополнение: <code>/refund 7</code> (звёзды — через Telegram; другие способы: вы возвращаете деньги сами, <code>/refund 7 заметка</code> записывает это)
    /promo, /promos — промокоды: <code>/promo WELCOME 5 100 30</code> создаёт (сумма, сколько раз, дней), <code>/promo WELCOME -</code> завершает, /promos — список
    /transfers, /approve, /reject — переводы на карту, ждущие проверки; одобрить (другую сумму, если она в чеке) или отклонить: <code>/approve 14</code>, <code>/approve 14 149500</code>, <code>/reject 14 причина</code>
    /refresh — обновить каталог сейчас
    /panels — каждая панель: отвечает ли, баланс, услуги, открытые заказы, отказы за последний час
    /shop — скрывать и показывать услуги нажатием
    /hide, /show — скрыть услугу или категорию от клиентов или показать снова: <code>/hide 12</code>, <code>/show Telegram Views</code>
    /markup — наценка в % на услугу или категорию; без числа показывает действующую: <code>/markup 12 35</code>, <code>/markup Telegram Views 25</code>, <code>/markup 12</code>
    /price — фиксированная цена за 1000 для услуги; без суммы показывает, сколько платят клиенты: <code>/price 12 1.50</code>, <code>/price 12</code>
    /rename — название услуги или категории на одном языке: <code>/rename 12 | ru | Просмотры</code>
    /renameall — категория и все её услуги на одном языке разом: <code>/renameall Telegram Members | ru | Подписчики Telegram | 7-day Join = 7 дней</code>
    /describe — описание услуги на одном языке: <code>/describe 12 | en | Fast start</code>
    /position — место категории в списке: <code>/position Telegram Views 1</code>
    /dripfeed — предлагать плавный запуск (drip-feed) для услуги, если список панели об этом молчит: <code>/dripfeed 12 on</code>
    /fallback — куда идут заказы услуги, когда её панель отказывает, по порядку: <code>/fallback 12 cheap:345</code>, <code>/fallback 12</code> — посмотреть, <code>/fallback 12 -</code> — очистить
    /backup — копия базы данных сейчас, придёт сюда файлом
    /id — собственный id в Telegram, для ADMIN_IDS
cmd-users = Клиенты: новые, богатые, поиск (администраторы)
cmd-broadcast = Сообщение всем клиентам (администраторы)

alert-panel-down =
    ⛔ Панелью нельзя пользоваться: { $error }
    Клиентам отвечаем, что сейчас не принимаем заказы. Проверьте PANEL_API_URL и PANEL_API_KEY или саму панель. Мы сообщим, когда она снова ответит.
alert-panel-up = ✅ Панель снова отвечает: клиенты могут заказывать.
alert-panel-down-named =
    ⛔ Панелью { $panel } нельзя пользоваться: { $error }
    Её услуги пока нельзя заказать, услуги других панелей — можно. Проверьте { $prefix }_API_URL и { $prefix }_API_KEY или саму панель. Мы сообщим, когда она снова ответит.
alert-panel-up-named = ✅ Панель { $panel } снова отвечает: её услуги можно заказывать.

broadcast-ask = Отправьте сообщение для всех клиентов: текст или фото с подписью. /cancel — отмена.
broadcast-not-this = Отправьте текст (не больше 4096 символов) или одно фото с подписью (не больше 1024), или /cancel.
broadcast-canceled = Рассылка отменена: ничего не отправлено.
broadcast-preview = Выше — так клиенты увидят сообщение. Оно уйдёт { $count ->
        [one] { $count } клиенту, который не заблокировал бота и не отключил рассылки.
        [few] { $count } клиентам, которые не заблокировали бота и не отключили рассылки.
       *[many] { $count } клиентам, которые не заблокировали бота и не отключили рассылки.
    }
broadcast-send = ✅ Отправить всем
broadcast-drop = ✖ Отмена
broadcast-not-draft = Эта рассылка уже отправлена или отменена.
broadcast-progress = 📣 Рассылка { $id }: готово { $done } из { $total } (отправлено { $sent }, заблокировали { $blocked }, ошибки { $failed })…
broadcast-progress-final = 📣 Рассылка { $id }: готово { $done } из { $total } (отправлено { $sent }, заблокировали { $blocked }, ошибки { $failed }). ✅
broadcast-done = 📣 Рассылка { $id } завершена: клиентов { $total }, отправлено { $sent }, заблокировали или отключили { $blocked }, ошибки { $failed }.
broadcast-off = 🔕 Отписаться от рассылки
broadcast-on = 🔔 Подписаться снова
broadcasts-off = Такие сообщения больше не будут приходить.
broadcasts-on = Наши сообщения снова будут приходить.
