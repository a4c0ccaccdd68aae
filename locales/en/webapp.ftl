# The Mini App (the shop page opened inside Telegram). Messages named webapp-* without
# "error" are rendered by the page itself: only { $name } placeholders and plural choices.

webapp-open = 🛍 Shop
webapp-title = Shop
webapp-loading = Loading…
webapp-nav-catalogue = Catalogue
webapp-nav-orders = My orders
webapp-nav-balance = Balance
webapp-search = Search services
webapp-all-categories = All categories
webapp-filter-refill = Refill guarantee
webapp-filter-dripfeed = Drip-feed
webapp-price-from = Price from
webapp-price-to = Price to
webapp-sort-popular = Popular first
webapp-sort-price-up = Cheapest first
webapp-sort-price-down = Most expensive first
webapp-sort-name = By name
webapp-sort-fastest = Fastest first
webapp-average-time = Usually done in { $time }
webapp-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
webapp-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}
webapp-results = { $count ->
    [one] { $count } service
   *[other] { $count } services
}
webapp-nothing-found = Nothing found. Try other words or fewer filters.
webapp-show-more = Show more
webapp-per-1000 = { $price } per 1000
webapp-package-price = { $price } for the whole order
webapp-limits = Quantity: { $min } to { $max }
webapp-has-refill = Refill guarantee
webapp-has-dripfeed = Can be ordered in parts (drip-feed)
webapp-has-cancel = Can be canceled
webapp-order = Order
webapp-continue = Continue
webapp-confirm = Confirm and pay { $charge }
webapp-field-link = Link
webapp-field-quantity = Quantity
webapp-field-answer = Answer option
webapp-field-runs = Runs (drip-feed)
webapp-field-interval = Interval between runs, minutes
webapp-field-comments = Comments
webapp-field-usernames = Usernames
webapp-field-hashtags = Hashtags
webapp-field-keywords = Keywords
webapp-field-groups = Groups
webapp-field-username = Username
webapp-field-hashtag = Hashtag
webapp-field-media = Media link
webapp-field-min = Least per post
webapp-field-max = Most per post
webapp-field-posts = New posts
webapp-field-old_posts = Existing posts
webapp-field-delay = Delay, minutes
webapp-field-expiry = Ends on (day/month/year)
webapp-hint-lines = One per line.
webapp-hint-bounds = From { $min } to { $max }.
webapp-hint-max = Up to { $max }.
webapp-optional = optional
webapp-required = Please fill this in.
webapp-summary-title = Check your order
webapp-summary-service = Service
webapp-summary-link = Link
webapp-summary-quantity = Quantity
webapp-summary-runs = Runs
webapp-summary-charge = To pay
webapp-summary-balance = Your balance
webapp-short = Your balance is { $short } short. Top up to place this order.
webapp-topup = Top up
webapp-placing = Placing your order…
webapp-orders-empty = No orders here yet.
webapp-status-all = All
webapp-status-active = Active
webapp-status-finished = Finished
webapp-order-number = Order #{ $number }
webapp-remains = Remains: { $remains }
webapp-refresh = Refresh
webapp-cancel-order = Cancel order
webapp-cancel-sure = Ask us to cancel this order?
webapp-refill-order = Refill
webapp-order-again = Order again
webapp-balance = Your balance: { $balance }
webapp-topup-title = Top up with Telegram Stars
webapp-topup-rate = 1 ⭐ = { $rate }
webapp-topup-stars = { $stars } ⭐
webapp-topup-other = Other amount of Stars
webapp-topup-paid = Paid. Your balance is updated in a moment.
webapp-topup-not-paid = The payment did not go through.
webapp-error-unauthorized = Please open the shop from the bot in Telegram.
webapp-error-forged = This page's Telegram sign-in could not be checked. Please open the shop again from the bot.
webapp-error-expired = This page has been open too long. Please open the shop again from the bot.
webapp-error-rate-limited = Too many requests at once. Please wait a few seconds.
webapp-error-too-large = That is too much text to send at once.
webapp-error-bad-request = The page sent something we cannot read. Please reload it.
webapp-error-internal = Something went wrong on our side. Please try again.
webapp-error-catalogue-unavailable = The catalogue cannot be loaded right now. Please try again in a few minutes.
webapp-error-catalogue-changed = The catalogue has just changed. Please check the service and its price again.
webapp-error-service-not-found = This service is no longer offered.
webapp-error-invalid-answers = Please correct the marked fields.
webapp-error-quote-expired = This summary has expired. Please check the order again.
webapp-error-already-placed = This order has been placed already: order #{ $number }.
webapp-error-price-changed = The price has just changed. Please check the new summary.
webapp-error-insufficient-funds = Your balance is { $missing } short. Top up to place this order.
webapp-error-bad-amount = Choose from { $min } to { $max } Stars.
webapp-error-invoice-failed = Telegram would not create this invoice. Please try another amount.
webapp-error-order-not-found = We have no such order of yours.
webapp-error-refused = This cannot be done with this order now.
