admin-owed = Всего на балансах клиентов: { $owed }
admin-panel-balance = Баланс панели: <b>{ $balance }</b>
admin-panel-balance-failed = Баланс панели сейчас недоступен ({ $error }).
admin-panel-short = ⚠️ На панели на { $short } меньше, чем у клиентов на балансах.
admin-stats = <b>Магазин</b>. Клиентов: { $customers }
admin-stats-today = Сегодня
admin-stats-week = За 7 дней
admin-stats-all = За всё время
admin-stats-period =
    <b>{ $period }</b>: { $orders ->
        [one] { $orders } заказ
        [few] { $orders } заказа
       *[many] { $orders } заказов
    } ({ $statuses })
    Выручка { $revenue }, расходы { $cost }, прибыль { $profit }
admin-refreshed = Каталог обновлён: услуг — { $services }, категорий — { $categories } (версия { $version }).
admin-refresh-failed = Не удалось обновить каталог: { $error }
cmd-stats = Статистика магазина (админы)
cmd-refresh = Обновить каталог (админы)
cmd-refund = Вернуть пополнение звёздами: /refund ID (админы)
