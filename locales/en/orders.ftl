# My orders, order cards, notifications about orders, admin alerts about orders

menu-orders = 📦 My orders
cmd-orders = My orders and their status

# Statuses, as customers see them
status-placing = being placed
status-unknown = being checked
status-failed = not placed, money returned
status-pending = pending
status-processing = processing
status-in-progress = in progress
status-completed = completed
status-partial = partially completed
status-canceled = canceled
status-other = { $status }
status-cancel-requested = { $status }, cancellation requested
status-active = active
status-expired = expired

# The list
orders-empty = You have no orders yet.
orders-title = <b>My orders</b>: { $count } { $count ->
        [one] order
       *[other] orders
    }, page { $page } of { $pages }
orders-line = #{ $id } · { $service } × { $quantity } · { $status } · { $charge }
orders-back = « My orders

# The card
order-card-title = <b>Order #{ $id }</b>
order-card =
    { $service }
    Link: { $link }
    Quantity: { $quantity }
    Charge: { $charge }
    Placed: { $placed }
    Status: <b>{ $status }</b>
order-card-progress = Delivered so far: { $delivered } of { $quantity }
order-card-refund = Returned to your balance: { $refund }
order-refresh = 🔄 Refresh
order-cancel = ✖️ Cancel order
order-cancel-yes = Yes, cancel it
order-cancel-no = No, keep it
order-cancel-confirm = Cancel this order? Once the cancellation is confirmed, the money for whatever was not delivered comes back to your balance.
order-card-refill-requested = Refill: requested, in progress
order-card-refill-checking = Refill: being checked
order-card-refill-done = Refill: done
order-card-refill-rejected = Refill: rejected
order-refill = 🔁 Refill

# What just happened, under the card or as a short answer to a tap
order-not-found = This order was not found.
order-checking = Checking the order…
order-cancel-sending = Sending the cancellation…
order-cannot-cancel = This order can no longer be canceled.
order-cancel-not-allowed = This service does not allow canceling.
order-cancel-already = Cancellation was already requested for this order.
order-card-no-answer = ⚠️ We could not check the order just now: this is the last known status.
order-card-panel-error = ⚠️ We could not get this order's status just now. If it goes on, our admins will look into it.
order-cancel-accepted = The cancellation request was accepted. The money comes back as soon as the order is confirmed canceled.
order-cancel-refused = The cancellation of this order was refused.
order-cancel-unknown-order = We could not cancel this order: it was not found. Our admins can look into it.
order-cancel-no-answer = ⚠️ We got no clear answer. Refresh in a minute to see whether the order was canceled.
order-refill-sending = Sending the refill request…
order-refill-not-offered = This service has no refill guarantee.
order-refill-withdrawn = This service no longer offers refills.
order-refill-not-finished = A refill can be requested once the order is completed.
order-refill-already = A refill of this order is already in progress.
order-refill-checking = The refill request for this order is being checked: we did not get a clear answer. Our admins are looking into it.
order-refill-not-eligible = This order is not eligible for a refill.
order-refill-refused = The refill request was refused.
order-refill-not-sent = We could not send the refill request right now, so nothing was requested. Please try again in a few minutes.
order-refill-accepted = 🔁 Refill requested. We will tell you when it is done.

# Notifications
notify-started = ▶️ Your order #{ $number } ({ $service }, { $quantity }) has started.
notify-completed = ✅ Your order #{ $number } ({ $service }, { $quantity }) is completed.
notify-settled = ✅ Your order #{ $number } ({ $service }) has ended. It cost less than the most it could: { $refund } is back on your balance.
notify-partial = ◐ Your order #{ $number } ({ $service }) was completed partially: { $delivered } of { $quantity } delivered. { $refund } for the rest is back on your balance.
notify-canceled = ✖️ Your order #{ $number } ({ $service }) was canceled. { $refund } is back on your balance.
notify-expired = ✅ Your order #{ $number } ({ $service }, { $quantity }) has expired: the subscription is over.
notify-refill-accepted = 🔁 The refill of your order #{ $number } ({ $service }) was accepted. We will tell you when it is done.
notify-refill-done = ✅ The refill of your order #{ $number } ({ $service }) is done.
notify-refill-rejected = ✖️ The refill of your order #{ $number } ({ $service }) was rejected. If you think it should be refilled, write to support.

# Admin alerts
alert-unknown-status = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }): the panel reports a status nobody has heard of: “{ $status }”. It is kept and followed as not finished.
alert-order-missing = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }): the panel answered “{ $error }” { $count } times in a row. Please check it on the panel.
alert-partial-without-remains = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }): the panel reports Partial without saying how much remains, so nothing was refunded yet. The order stays open until the panel says.
alert-panel-charged-more = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }): the panel charged { $charged }, more than the { $expected } expected at the rate of the day it was placed. The shop may be selling this service below cost: check its price with /price.
alert-ended-without-charge = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }) ended without the panel ever saying what it charged, so the customer's hold was kept whole. Check it at the panel and give back what is due with /credit.
alert-sweep-failing = ⚠️ Order status checks failed { $count } times in a row: { $error }. Still trying, at most { $delay } s apart.
alert-refill-unknown = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }): a refill was requested and no clear answer came back ({ $error }). The panel may have it: check it there. No other refill of this order is asked meanwhile.
alert-refill-refused = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }): the panel refused a refill: “{ $error }”.
alert-refill-missing = ⚠️ Order #{ $order } (panel No. { $panel }, customer { $user }): asked about refill { $refill }, the panel answered “{ $error }”. It is still followed.

# Inline mode: @bot 23501 in any chat
inline-title = #{ $number } · { $status }
inline-private-link = 🔒 private invite link (hidden)
inline-start = Open the bot to place and follow orders
inline-no-orders = You have no orders yet: open the bot
inline-no-match = No order of yours matches { $query }
inline-no-word-match = Nothing found for “{ $query }”: open the bot

# My orders: status filters, search, Order again (issue 16, point 7)
orders-filter-all = All
orders-filter-active = Active
orders-filter-completed = Completed
orders-filter-short = Partially completed / canceled
orders-filtered = Shown: { $filter }
orders-none-here = No orders here: choose another filter below.
orders-search = 🔎 Search
orders-search-again = 🔎 Search again
orders-search-ask = 🔎 Send the order number (like #12) or a part of its link.
orders-search-empty = Please send the order number (like #12) or a part of its link as text.
orders-search-too-long = That is too long to search for: please send at most 300 characters.
orders-search-too-short = Please send at least 3 characters of the link, or the order number.
orders-search-busy = You are in the middle of an order: finish it or send /cancel, then search.
orders-search-none = None of your orders matches { $query }.
orders-search-found = 🔎 { $count ->
        [one] One order of yours matches
       *[other] { $count } orders of yours match
    } { $query }.
orders-search-more = The newest { $shown } are below.
order-card-start-count = Start count: { $count }
order-card-delivered = Delivered: { $delivered } of { $quantity }
order-card-unchanged = 🔄 Up to date: nothing has changed since the last check.
order-card-final = This order is finished: its status will not change any more.
order-again = 🛒 Order again
