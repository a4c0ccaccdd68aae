menu-massorder = 📋 Mass order
cmd-massorder = Many orders at once, one a line
mass-cancel-button = ✖ Cancel
mass-confirm-button = ✅ Confirm and pay
mass-ask =
    <b>Mass order</b>
    Send your orders in one message, one a line, up to { $max } lines:
    <code>service | link | quantity</code>
    For example:
    <code>1 | https://t.me/channel | 1000</code>
    The service is its number in our catalogue. Every order is placed and charged on its own.
mass-send-text = Please send the orders as text, one a line: <code>service | link | quantity</code> (up to { $max } lines).
mass-too-long = That is too many. Please send at most { $max } lines in one mass order.
mass-empty = There are no orders in this message.
mass-errors = { $count ->
        [one] We could not read { $count } line:
       *[other] We could not read { $count } lines:
    }
mass-error-line = Line { $line }: { $error }
mass-send-again = Please correct them and send the whole list again, or tap Cancel.
mass-bad-format = write it as <code>service | link | quantity</code>.
mass-bad-service = we have no service { $service }.
mass-not-default = service { $service } needs more than a link and a quantity (a poll's answer option, comments, usernames…), which a line has no room for; please order it with /order.
mass-bad-link = this is not a link this service takes.
mass-bad-quantity = the quantity must be a whole number from { $min } to { $max }, digits only.
mass-changed = ⚠️ Our catalogue or prices changed since your summary. Here it is again:
mass-summary = { $count ->
        [one] <b>Check your mass order</b>: { $count } order
       *[other] <b>Check your mass order</b>: { $count } orders
    }
mass-summary-line = { $line }. { $service } (service { $id }) · { $link } · { $quantity } · { $charge }
mass-total =
    To pay: <b>{ $total }</b>
    Your balance: { $balance } → { $after }
mass-total-short =
    To pay: <b>{ $total }</b>
    Your balance: { $balance }, { $missing } short. Top up with /topup, then tap Confirm again.
mass-short = Your balance does not cover { $total }: { $missing } is missing. Top up with /topup, then tap Confirm again.
mass-placing = { $count ->
        [one] ⏳ Placing { $count } order…
       *[other] ⏳ Placing { $count } orders…
    }
mass-report = { $count ->
        [one] <b>Mass order</b>: { $placed } of { $count } order placed.
       *[other] <b>Mass order</b>: { $placed } of { $count } orders placed.
    }
mass-report-line = Line { $line }: { $outcome }
mass-report-total = Charged: { $charged }. Your balance: { $balance }.
mass-line-placed = ✅ order number <b>{ $number }</b>
mass-line-unknown = ⚠️ order number <b>{ $number }</b>: we are checking whether it was placed; its money is held until then.
mass-line-failed-shop = ❌ we can't take orders right now; refunded.
mass-line-failed-service = ❌ this service is no longer available; refunded.
mass-line-failed-link = ❌ this link was not accepted; refunded.
mass-line-failed-quantity = ❌ this quantity was not accepted; refunded.
mass-line-failed-unreachable = ❌ not ordered, we could not place it right now; refunded.
mass-line-failed-other = ❌ the order was refused; refunded.
mass-line-done = already placed.
mass-line-no-funds = ❌ not ordered: your balance did not cover it. Nothing was charged.
mass-already-placed = This mass order has already been placed.
mass-expired = This mass order has expired. Send /massorder to start again.
mass-cancelled = The mass order was canceled. Nothing was charged.
