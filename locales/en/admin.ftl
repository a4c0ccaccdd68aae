admin-owed = Customers' balances in all: { $owed }
admin-panel-balance = Panel balance: <b>{ $balance }</b>
admin-panel-balance-failed = Panel balance: can't be read now ({ $error }).
admin-panels-title = <b>Panels</b>: { $count }
admin-panels-main = 🔌 <b>{ $name }</b> (PANEL_…): the main panel, its money is the shop's
admin-panels-other = 🔌 <b>{ $name }</b> ({ $settings }_…): one unit of its money is { $rate } of the shop's
admin-panels-up = ✅ answers · balance { $balance }
admin-panels-down = ⛔ can't be used: { $error }
admin-panels-counts = Services: { $services } ({ $shown } shown) · open orders: { $open } · refused in the last hour: { $refused }
admin-panel-short = ⚠️ The panel holds { $short } less than customers have on their balances.
admin-stats = <b>Shop</b>. Customers: { $customers }
admin-stats-today = Today
admin-stats-week = Last 7 days
admin-stats-all = All time
admin-stats-topups = Top-ups: { $methods }
admin-stats-topups-none = Top-ups: none
admin-stats-topup-method = { $method } × { $count } · { $sum }
admin-stats-discounts = Discounts given: { $discounts }
admin-stats-period =
    <b>{ $period }</b>: { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    } ({ $statuses })
    Revenue { $revenue }, cost { $cost }, profit { $profit }
admin-stats-panel = · { $panel }: { $orders ->
        [one] { $orders } order
       *[other] { $orders } orders
    }, cost { $cost }, profit { $profit }
admin-refreshed = Catalogue reloaded: { $services } services in { $categories } categories.
admin-refresh-failed = The catalogue could not be reloaded: { $error }
cmd-stats = Shop statistics (admins)
cmd-refresh = Reload the catalogue (admins)
cmd-panels = The panels: reachable, balance, orders (admins)
cmd-refund = Refund a top-up: /refund ID [NOTE] (admins)
cmd-credit = Credit a customer: /credit USER_ID AMOUNT (admins)
cmd-debit = Debit a customer: /debit USER_ID AMOUNT (admins)
cmd-discount = A customer's discount, in % off every price: /discount USER_ID PERCENT (admins)
cmd-user = A customer's balance, orders and top-ups: /user USER_ID (admins)
cmd-apikey = Switch a customer's API key off or on: /apikey USER_ID off (admins)
cmd-unknown = Orders of unknown outcome, to settle (admins)

admin-credit-usage = Usage: /credit USER_ID AMOUNT, for example /credit 123456789 50
admin-debit-usage = Usage: /debit USER_ID AMOUNT, for example /debit 123456789 50
admin-discount-usage = Usage: /discount USER_ID PERCENT, a whole percent from 0 to 90 (0 ends the discount), for example /discount 123456789 10. /discount USER_ID alone shows it.
admin-discount-too-large = A discount is at most { $max }%.
admin-no-customer = There is no customer { $user }: they have to open the bot first.
admin-credited = Credited { $amount } to { $user }. Their balance: { $balance }.
admin-debited = Debited { $amount } from { $user }. Their balance: { $balance }.
admin-debit-short = Not debited: { $user } has only { $balance }, less than { $amount }.
admin-discount-set = { $user } now gets { $discount }% off every price (was { $before }%). We told them.
admin-discount-cleared = { $user } has no discount any more (was { $before }%). We told them.
admin-discount-unchanged = { $user } already gets { $discount }% off: nothing changed.
admin-discount-now = { $discount ->
        [0] { $user } has no discount.
       *[other] { $user } gets { $discount }% off every price.
    }
admin-user-usage = Usage: /user USER_ID
admin-user =
    <b>Customer</b> { $customer }
    Balance: { $balance }
    Language: { $language }. Blocked the bot: { $blocked }. Gets broadcasts: { $broadcasts }. Since { $since }
admin-user-discount = Discount: { $discount }% off every price
admin-user-api-none = API key: none
admin-user-api = API key …{ $hint }: { $state } · made { $made } · last used { $used } · news of API orders: { $notify }
admin-user-api-on = on
admin-user-api-off = off (by { $admin }, { $when })
admin-user-api-never = never
admin-apikey-usage = Usage: /apikey USER_ID on|off, for example /apikey 123456789 off
admin-apikey-none = { $user } has no API key.
admin-apikey-off = 🔒 The API key of { $user } is off: its requests are refused, and /api new does not switch it back on. /apikey { $user } on undoes it.
admin-apikey-on = 🔓 The API key of { $user } is on again.
admin-user-orders = Orders: { $count } ({ $statuses })
admin-user-order = #{ $id } · No. { $panel } · { $service } × { $quantity } · { $charge } · { $status }
admin-user-topups = Top-ups (latest): { $count }
admin-user-topup = Top-up { $id } · { $method } · { $amount } · { $status } · { $date }
admin-user-topup-payment = ↳ payment id <code>{ $payment }</code>
admin-user-topup-note = ↳ given back outside the bot: { $note }
admin-topup-stars = ⭐ { $stars }
admin-user-refills = Refills (latest): { $count }
admin-user-refill = Refill { $id } · order #{ $order } · No. { $panel } · panel refill { $refill } · { $status } · { $date }
admin-user-refill-error = ↳ the panel: “{ $error }”
admin-unknown-none = No orders of unknown outcome.
admin-unknown-title = <b>Orders of unknown outcome</b>: { $count }
admin-unknown-order =
    #{ $id } · customer { $user } · service { $service_id }: { $service }
    Link: { $link } · quantity { $quantity } · held { $charge }
    Since { $since }: { $error }
admin-unknown-how = Check each one at the panel, then settle it: /attach ORDER_ID PANEL_ORDER_ID if the panel has it (it is followed from then on), or /fail ORDER_ID if it does not (the customer is refunded).
admin-attach-usage = Usage: /attach ORDER_ID PANEL_ORDER_ID
admin-fail-usage = Usage: /fail ORDER_ID
admin-settle-missing = There is no order #{ $id }.
admin-settle-not-unknown = Order #{ $id } is { $status }, not of unknown outcome: nothing to settle.
admin-attach-taken = Panel order { $panel } already belongs to another order.
admin-attached = Order #{ $id } is panel order { $panel } now; its status will be followed.
admin-failed = Order #{ $id } marked as not placed; { $refund } returned to { $user }.

credit-notice = 💰 { $amount } was added to your balance. Your balance: { $balance }.
discount-notice = 🎁 From now on you get { $discount }% off every order: the prices you see already include it.
discount-ended-notice = Your personal discount has ended: prices are the usual ones again.
settled-placed = ✅ Your order #{ $id } was placed after all. We will tell you when it is done.
settled-failed = ❌ Your order #{ $id } could not be placed. { $refund } is back on your balance.

alert-panel-low = ⚠️ The panel's balance is { $balance }, below { $threshold }. Top it up before orders start failing.
alert-panel-recovered = ✅ The panel's balance is { $balance } again, above the alert threshold.
alert-panel-low-named = ⚠️ Panel { $panel }: its balance is { $balance }, below { $threshold }. Top it up before its orders start failing.
alert-panel-recovered-named = ✅ Panel { $panel }: its balance is { $balance } again, above the alert threshold.
alert-unknown-waiting = { $count ->
        [one] ⚠️ { $count } order of unknown outcome is waiting for you: /unknown
       *[other] ⚠️ { $count } orders of unknown outcome are waiting for you: /unknown
    }

# Bounds on typed amounts and balances
amount-too-large = That is too large: at most { $max } can be typed here.
admin-credit-limit = Not credited: { $user } would then hold more than { $max }, the most one balance may hold. Their balance: { $balance }.
alert-update-failed = ⚠️ A { $update } update failed with { $error }; the user was asked to try again. Details are in the log. Further { $error } errors go only to the log for an hour.
