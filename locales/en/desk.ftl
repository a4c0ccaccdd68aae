# The admin's desk: figures, customers, alerts about the panel, broadcasts; and /id.

your-id = Your Telegram id: <code>{ $id }</code>

admin-own-balance = Your own balance: <b>{ $balance }</b>
admin-stars-rate = Stars rate: 1 ⭐ = { $rate }, so { $stars } ⭐ top up { $amount } (STARS_RATE).
alert-stars-rate =
    ⚠️ STARS_RATE={ $rate } looks wrong for a panel in { $currency }: { $stars } ⭐ top up only { $example }.
    A star is worth about { $usual } { $currency } to a shop, so STARS_RATE={ $usual } would make { $stars } ⭐ top up { $usual_example }. Set it in the settings and restart the bot.
admin-stats-month = Last 30 days
admin-stats-top = <b>Top services by profit, last 30 days</b>
admin-stats-top-line = { $place }. { $service } (service { $id }): { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    }, profit { $profit }
admin-stats-top-none = No orders yet.

admin-status-placing = being placed
admin-status-unknown = unknown outcome
admin-status-failed = not placed
admin-yes = yes
admin-no = no
admin-language-auto = { $language }, from Telegram (not chosen)
admin-topup-invoiced = invoiced
admin-topup-paid = paid
admin-topup-refunding = being refunded
admin-topup-refunded = refunded
admin-topup-cancelled = canceled

admin-user-ledger = <b>Ledger</b>, latest { $count ->
        [one] { $count } posting
       *[other] { $count } postings
    }:
admin-user-posting = { $date } · { $amount } · { $reason }{ $order }
admin-reason-order = order
admin-reason-refund = refund
admin-reason-topup = top-up
admin-reason-topup-refund = top-up given back
admin-user-posting-method = { $reason } ({ $method })
admin-reason-topup-refund-undone = Stars refund refused, money back
admin-reason-credit = credit by an admin
admin-reason-debit = debit by an admin

admin-users-new = <b>Customers</b>, newest first: { $count } (page { $page } of { $pages })
admin-users-rich = <b>Customers</b>, richest first: { $count } (page { $page } of { $pages })
admin-users-found = <b>Customers</b> matching “{ $query }”: { $count } (page { $page } of { $pages })
admin-users-line = { $customer } · { $balance } · since { $since }
admin-users-none = Nobody.
admin-users-how = Search: /users NAME, /users @username or /users ID. One customer: /user ID.
admin-users-by-new = 🆕 Newest first
admin-users-by-rich = 💰 Richest first

admin-help =
    <b>Admin commands</b>
    /balance — your balance, the panel's, what customers hold, the Stars rate
    /stats — orders, revenue, cost, profit: today, 7 and 30 days, all time
    /users — customers, newest first: <code>/users rich</code>, <code>/users alice</code>
    /user — one customer and their ledger: <code>/user 123456789</code>
    /apikey — switch a customer's API key off or on: <code>/apikey 123456789 off</code>
    /credit, /debit — move money: <code>/credit 123456789 50</code>
    /discount — a customer's discount in whole percent off every price (0 ends it); alone it shows it: <code>/discount 123456789 10</code>, <code>/discount 123456789</code>
    /broadcast — a message to every customer, with a preview first
    /tickets — support requests not closed yet; answer by replying to a request
    /ticket — one support request's whole history: <code>/ticket 12</code>
    /greeting — the /start greeting per language: <code>/greeting ru | text</code>, <code>/greeting ru</code> to see it, <code>/greeting ru -</code> to reset
    /unknown — orders of unknown outcome; settle with <code>/attach 12 98765</code> or <code>/fail 12</code>
    /refund — give a top-up back: <code>/refund 7</code> (Stars through Telegram; other methods: you pay it back, <code>/refund 7 note</code> records it)
    /promo, /promos — promo codes: <code>/promo WELCOME 5 100 30</code> makes one (amount, uses, days), <code>/promo WELCOME -</code> ends it, /promos lists them
    /transfers, /approve, /reject — card transfers waiting for a check; approve one (another amount when the receipt shows it) or reject it: <code>/approve 14</code>, <code>/approve 14 149500</code>, <code>/reject 14 reason</code>
    /refresh — reload the catalogue now
    /panels — each panel: answers or not, balance, services, open orders, refusals in the last hour
    /shop — hide and show services with a tap
    /hide, /show — hide a service or category from customers, or show it again: <code>/hide 12</code>, <code>/show Telegram Views</code>
    /markup — the markup in % of a service or category; alone it shows the one that applies: <code>/markup 12 35</code>, <code>/markup Telegram Views 25</code>, <code>/markup 12</code>
    /price — a fixed price per 1000 for a service; alone it shows what customers pay: <code>/price 12 1.50</code>, <code>/price 12</code>
    /rename — a service's or category's name in one language: <code>/rename 12 | ru | Просмотры</code>
    /renameall — a category and all its services renamed in one language at once: <code>/renameall Telegram Members | ru | Подписчики Telegram | 7-day Join = 7 дней</code>
    /describe — a service's description in one language: <code>/describe 12 | en | Fast start</code>
    /position — a category's place in the list: <code>/position Telegram Views 1</code>
    /dripfeed — offer drip-feed for a service, where the panel's list does not say: <code>/dripfeed 12 on</code>
    /fallback — where a service's orders go when its panel refuses them, in order: <code>/fallback 12 cheap:345</code>, <code>/fallback 12</code> to see, <code>/fallback 12 -</code> to clear
    /backup — a copy of the database now, sent here as a file
    /id — anyone's own Telegram id, for ADMIN_IDS
cmd-users = Customers, newest or richest first, search (admins)
cmd-broadcast = A message to every customer (admins)

alert-panel-down =
    ⛔ The panel can't be used: { $error }
    Customers are told we are not taking orders. Check PANEL_API_URL and PANEL_API_KEY, or the panel itself. We will tell you when it answers again.
alert-panel-up = ✅ The panel answers again: customers can order.
alert-panel-down-named =
    ⛔ Panel { $panel } can't be used: { $error }
    Its services can't be ordered meanwhile; the other panels' can. Check { $prefix }_API_URL and { $prefix }_API_KEY, or the panel itself. We will tell you when it answers again.
alert-panel-up-named = ✅ Panel { $panel } answers again: its services can be ordered.

broadcast-ask = Send the message for all customers: text, or a photo with a caption. /cancel to stop.
broadcast-not-this = Send text (at most 4096 characters) or one photo with a caption (at most 1024), or /cancel.
broadcast-canceled = Broadcast canceled: nothing was sent.
broadcast-preview = Above is how customers will see it. It goes to { $count ->
        [one] { $count } customer
       *[other] { $count } customers
    } who have not blocked the bot or turned broadcasts off.
broadcast-send = ✅ Send to all
broadcast-drop = ✖ Cancel
broadcast-not-draft = This broadcast was sent or canceled already.
broadcast-progress = 📣 Broadcast { $id }: { $done } of { $total } done (sent { $sent }, blocked { $blocked }, failed { $failed })…
broadcast-progress-final = 📣 Broadcast { $id }: { $done } of { $total } done (sent { $sent }, blocked { $blocked }, failed { $failed }). ✅
broadcast-done = 📣 Broadcast { $id } finished: { $total } customers, sent { $sent }, blocked or turned off { $blocked }, failed { $failed }.
broadcast-off = 🔕 Don't send me these
broadcast-on = 🔔 Send me these again
broadcasts-off = You will not get these announcements any more.
broadcasts-on = You will get our announcements again.
