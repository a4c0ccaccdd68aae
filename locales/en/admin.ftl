admin-owed = Customers' balances in all: { $owed }
admin-panel-balance = Panel balance: <b>{ $balance }</b>
admin-panel-balance-failed = Panel balance: can't be read now ({ $error }).
admin-panel-short = ⚠️ The panel holds { $short } less than customers have on their balances.
admin-stats = <b>Shop</b>. Customers: { $customers }
admin-stats-today = Today
admin-stats-week = Last 7 days
admin-stats-all = All time
admin-stats-period =
    <b>{ $period }</b>: { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    } ({ $statuses })
    Revenue { $revenue }, cost { $cost }, profit { $profit }
admin-refreshed = Catalogue reloaded: { $services } services in { $categories } categories (version { $version }).
admin-refresh-failed = The catalogue could not be reloaded: { $error }
cmd-stats = Shop statistics (admins)
cmd-refresh = Reload the catalogue (admins)
cmd-refund = Refund a Stars top-up: /refund ID (admins)
