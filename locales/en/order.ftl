menu-order = 🛒 New order
menu-balance = 💰 Balance
cmd-order = Place a new order
cmd-balance = Your balance
cmd-cancel = Cancel the order in progress

nav-back = « Back
nav-cancel = ✖ Cancel
nav-keep = ✔ Keep it
order-confirm = ✅ Confirm and pay

catalogue-unavailable = We are not taking orders right now. Please come back later: your balance is safe.
catalogue-empty = There is nothing to order right now.
catalogue-changed = The list of services has changed. Here is the fresh one.
order-expired = This offer has expired. Send /order to start again.
service-gone = This service is no longer available. Please choose another one.

order-categories =
    <b>New order</b>
    Choose a category (page { $page } of { $pages }):
order-services =
    <b>{ $category }</b>
    Choose a service (page { $page } of { $pages }), prices per 1000:
order-service =
    <b>{ $service }</b>
    Price: { $price } per 1000
    Quantity: from { $min } to { $max }
    { $cancel ->
        [yes] Can be cancelled while it runs.
       *[no] Cannot be cancelled once placed.
    }
order-ask-link-telegram = Send the link to the channel, group or post: https://t.me/… or @name.
order-ask-link = Send the full link, starting with https://
order-current-link = Current link: { $link }. Send a new one or keep it.
order-bad-link-telegram = That is not a Telegram link. Send a link like https://t.me/channel or @channel.
order-bad-link = That is not a link. Send the full address, starting with https://
order-ask-quantity = How many? Send a whole number from { $min } to { $max }.
order-current-quantity = Current quantity: { $quantity }. Send a new one or keep it.
order-bad-quantity = Please send a whole number from { $min } to { $max }, digits only.
order-ask-answer = Which answer of the poll should get the votes? Send its number: 1 for the first answer, up to { $max }.
order-current-answer = Current answer number: { $answer }. Send a new one or keep it.
order-bad-answer = Please send the answer's number: a whole number from 1 to { $max }.
order-text-only = Please send it as a text message.

order-summary =
    <b>Check your order</b>
    Service: { $service }
    Link: { $link }
    Quantity: { $quantity }
order-summary-answer = Answer number: { $answer }
order-summary-charge =
    To pay: <b>{ $charge }</b>
    Your balance: { $balance } → { $after }
order-summary-short =
    To pay: <b>{ $charge }</b>
    Your balance: { $balance }, { $missing } short.
    Top up with /topup, then come back with /order.
order-price-changed = ⚠️ The price has changed since you looked. Here is the new total:
order-already-placed = This order has already been placed.
order-placing = ⏳ Placing your order…
order-placed =
    ✅ Order placed. Order number: <b>{ $number }</b>
    Charged: { $charge }. Your balance: { $balance }.
    I will tell you when it is done.
order-cancelled = The order was cancelled. Nothing was charged.
order-nothing-to-cancel = There is no order in progress.

order-failed-shop = ❌ The shop can't take orders right now. Your { $charge } are back on your balance. The shop's admins have been told; please try again later.
order-failed-service = ❌ The supplier no longer offers this service. Your { $charge } are back on your balance. Please choose another service with /order.
order-failed-link = ❌ The supplier did not accept this link. Your { $charge } are back on your balance. Check that the link is right and public, then try again with /order.
order-failed-quantity = ❌ The supplier did not accept this quantity. Your { $charge } are back on your balance. Please try another quantity with /order.
order-failed-answer = ❌ The supplier needs the poll's answer number. Your { $charge } are back on your balance. Please try again with /order.
order-failed-other = ❌ The supplier refused the order. Your { $charge } are back on your balance. Please try again later.
order-failed-unreachable = ❌ The supplier can't be reached right now, so nothing was ordered. Your { $charge } are back on your balance. Please try again in a few minutes.
order-unknown = ⚠️ The supplier did not answer clearly, so we can't tell yet whether the order was placed. We are checking it. Your { $charge } are held until then, and you will be told the outcome.

balance =
    Your balance: <b>{ $balance }</b>
    Top up with /topup.
balance-support = Questions about payments: { $contact }

alert-order-unknown =
    ⚠️ Order #{ $order } has an unknown outcome: the panel may or may not have it.
    Customer: { $user }. Service { $service_id }: { $service }
    Link: { $link }
    Quantity: { $quantity }, charge: { $charge }
    What happened: { $error }
    The money stays held until you settle it.
alert-order-interrupted =
    ⚠️ Order #{ $order } was being placed when the bot stopped: the panel may or may not have it.
    Customer: { $user }. Service { $service_id }: { $service }
    Link: { $link }
    Quantity: { $quantity }, charge: { $charge }
    The money stays held until you settle it.
alert-panel-refused =
    ⚠️ The panel refused order #{ $order } with "{ $error }": customers can't order until this is fixed. The customer was refunded.
    Until an order goes through again, further refusals like this one are not reported.
