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
order-listed-price = { $package ->
        [yes] { $price } per package
       *[no] { $price }
    }
order-service =
    <b>{ $service }</b>
    { $package ->
        [yes] Price: { $price } for the whole package
       *[no] Price: { $price } per 1000
            Quantity: from { $min } to { $max }
    }
    { $cancel ->
        [yes] Can be canceled while it runs.
       *[no] Cannot be canceled once placed.
    }
order-ask-link-telegram = Send the link to the channel, group or post: https://t.me/… or @name.
order-ask-link = Send the full link, starting with https://
order-current-link = Current link: { $link }. Send a new one or keep it.
order-bad-link-telegram = That is not a Telegram link. Send a link like https://t.me/channel or @channel.
order-bad-link = That is not a link. Send the full address, starting with https://
order-ask-quantity = How many? Send a whole number from { $min } to { $max }.
order-ask-quantity-per-run = How many per run? With drip-feed, this many are delivered in every run: send a whole number from { $min } to { $max }.
order-current-quantity = Current quantity: { $quantity }. Send a new one or keep it.
order-bad-quantity = Please send a whole number from { $min } to { $max }, digits only.
order-quantity-low = That is fewer than this service takes: send a whole number from { $min } to { $max }.
order-quantity-high = That is more than this service takes: send a whole number from { $min } to { $max }.
order-ask-answer = Which answer option of the poll should get the votes? Send its number: 1 for the first option, up to { $max }.
order-current-answer = Current answer option: { $answer }. Send another number or keep it.
order-bad-answer = Please send the answer option's number: a whole number from 1 to { $max }.
order-text-only = Please send it as a text message.

order-summary =
    <b>Check your order</b>
    Service: { $service }
    Link: { $link }
    Quantity: { $quantity }
order-summary-answer = Answer option: { $answer }
order-summary-charge =
    To pay: <b>{ $charge }</b>
    Your balance: { $balance } → { $after }
order-summary-short =
    To pay: <b>{ $charge }</b>
    Your balance: { $balance }, { $missing } short.
    Top up with the button below: once it is paid, we bring you back here to confirm.
order-price-changed = ⚠️ The price has changed since you looked. Here is the new total:
order-already-placed = This order has already been placed.
order-placing = ⏳ Placing your order…
order-placed =
    ✅ Order placed. Order number: <b>#{ $number }</b>
    Charged: { $charge }. Your balance: { $balance }.
    We will tell you when it is done.
order-cancelled = The order was canceled. Nothing was charged.
order-nothing-to-cancel = There is no order in progress.

order-failed-shop = ❌ We can't take orders right now. { $charge } is back on your balance. Our admins have been told; please try again later.
order-failed-service = ❌ We could not place the order: this service is no longer available. { $charge } is back on your balance. Please choose another service with /order.
order-failed-link = ❌ We could not place the order: this link was not accepted. { $charge } is back on your balance. Check that the link is right and public, then try again with /order.
order-failed-quantity = ❌ We could not place the order: this quantity was not accepted. { $charge } is back on your balance. Please try another quantity with /order.
order-failed-answer = ❌ We could not place the order: the poll's answer option is needed. { $charge } is back on your balance. Please try again with /order.
order-failed-other = ❌ We could not place the order. { $charge } is back on your balance. Please try again later.
order-failed-unreachable = ❌ We could not place the order right now, so nothing was ordered. { $charge } is back on your balance. Please try again in a few minutes.
order-unknown = ⚠️ We can't tell yet whether the order was placed: we are checking it. { $charge } is held until then, and we will tell you the outcome.

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
alert-panel-refused-named =
    ⚠️ Panel { $panel } refused order #{ $order } with "{ $error }": its services can't be ordered until this is fixed. The customer was refunded.
    Until an order goes through on it again, further refusals like this one are not reported.

nav-skip = ⏭ Skip
order-current-skipped = You skipped this before. Send an answer now, or keep it skipped.
order-service-dripfeed = Can be delivered drip-feed: in several runs, some time apart.
order-summary-dripfeed = Drip-feed: { $quantity } × { $runs } runs every { $interval } min = { $total }
order-ask-runs = Drip-feed: in how many runs should it be delivered? Tap a number, send one from 2 to { $max }, or tap Skip to get it all at once.
order-current-runs = Current runs: { $runs }. Send another number or keep it.
order-bad-runs = Please send a whole number of runs from 2 to { $max }, or tap Skip.
order-dripfeed-per-run = { $quantity } per run, so in all:
order-dripfeed-choice = { $runs } runs: { $total } for { $charge }
order-dripfeed-total = In all: { $quantity } × { $runs } runs = { $total } for { $charge }
order-ask-interval = How many minutes apart should the runs be? Tap a number or send one from 1 to { $max }.
order-current-interval = Current interval: { $interval } min. Send another number or keep it.
order-bad-interval = Please send the minutes between runs: a whole number from 1 to { $max }.
order-ask-comments = Send the comments, one per line: from { $min } to { $max } lines. Each line is one comment.
order-current-comments = Current comments: { $comments ->
        [one] { $comments } line
       *[other] { $comments } lines
    }. Send new ones or keep them.
order-bad-comments = Please send from { $min } to { $max } comments, one per line, each up to 500 characters.
order-summary-comments = Comments: { $comments }
order-ask-usernames = Send the usernames, one per line (from { $min } to { $max }), like @name.
order-current-usernames = Current usernames: { $usernames }. Send new ones or keep them.
order-bad-usernames = Please send from { $min } to { $max } usernames, one per line, without spaces, like @name.
order-summary-usernames = Usernames: { $usernames }
order-ask-hashtags = Send the hashtags, one per line (from { $min } to { $max }), like #sale.
order-current-hashtags = Current hashtags: { $hashtags }. Send new ones or keep them.
order-bad-hashtags = Please send from { $min } to { $max } hashtags, one per line, without spaces.
order-summary-hashtags = Hashtags: { $hashtags }
order-ask-keywords = Send the search keywords, one per line (from { $min } to { $max }).
order-current-keywords = Current keywords: { $keywords }. Send new ones or keep them.
order-bad-keywords = Please send from { $min } to { $max } keywords, one per line, each up to 500 characters.
order-summary-keywords = Keywords: { $keywords }
order-ask-groups = Send the groups to invite from, one per line (from { $min } to { $max }).
order-current-groups = Current groups: { $groups }. Send new ones or keep them.
order-bad-groups = Please send from { $min } to { $max } groups, one per line, each up to 500 characters.
order-summary-groups = Groups: { $groups }
order-ask-username = Send the username, like @name.
order-current-username = Current username: { $username }. Send another or keep it.
order-bad-username = Please send one username without spaces, like @name.
order-summary-username = Username: { $username }
order-ask-hashtag = Send the hashtag, like #sale.
order-current-hashtag = Current hashtag: { $hashtag }. Send another or keep it.
order-bad-hashtag = Please send one hashtag without spaces, like #sale.
order-summary-hashtag = Hashtag: { $hashtag }
order-ask-media = Send the link to the post whose likers should be mentioned, starting with https://
order-current-media = Current post: { $media }. Send another link or keep it.
order-bad-media = That is not a link. Send the post's full address, starting with https://
order-summary-media = Post: { $media }

order-ask-min = Subscription: at least how many per new post? Send a whole number from { $min } to { $max }.
order-current-min = Current minimum: { $min }. Send another number or keep it.
order-bad-min = Please send a whole number from { $min } to { $max }.
order-summary-min = At least per post: { $min }
order-ask-max = At most how many per new post? From your minimum up to { $max }.
order-current-max = Current maximum: { $max }. Send another number or keep it.
order-bad-max = Please send a whole number not below your minimum and up to { $max }.
order-summary-max = At most per post: { $max }
order-ask-posts = For how many new posts? Send a whole number from 1 to { $max }.
order-current-posts = Current posts: { $posts }. Send another number or keep it.
order-bad-posts = Please send a whole number of posts from 1 to { $max }.
order-summary-posts = Posts: { $posts }
order-ask-old-posts = Also for how many of the latest existing posts? Send a number from 1 to { $max }, or tap Skip.
order-current-old-posts = Current existing posts: { $old_posts }. Send another number or keep it.
order-bad-old-posts = Please send a whole number from 1 to { $max }, or tap Skip.
order-summary-old-posts = Existing posts: { $old_posts }
order-ask-delay = How many minutes after a post should delivery start? Tap one of the buttons: { $delays } min.
order-current-delay = Current delay: { $delay } min. Send another number or keep it.
order-bad-delay = The delay can only be one of these: { $delays } min. Please tap one of the buttons.
order-summary-delay = Delay: { $delay } min
order-ask-expiry = Until which day? Send a date like 31/12/2026, or tap Skip for no end date.
order-current-expiry = Current end date: { $expiry }. Send another or keep it.
order-bad-expiry = Please send a date that is not in the past, like 31/12/2026.
order-summary-expiry = Ends: { $expiry }
order-summary-most = You pay the most it can cost now; what is not delivered comes back to your balance when the subscription ends.
order-summary-discount = 🎁 Your { $discount }% discount is included.

# The service's card (issue 16, point 6) and Order again
order-service-number = Service number: { $number }
order-service-discount = 🎁 Your discount: { $discount }%, already in the price.
order-service-admin = 🔑 For admins: it costs us { $cost }, customers pay { $price } { $package ->
        [yes] for the whole package
       *[no] per 1000
    }.
order-service-refill = { $refill ->
        [yes] ♻️ Refill guarantee: yes
       *[no] Refill guarantee: none
    }
order-service-average = ⏱ Average time: { $duration } (our last { $count } completed orders)
duration-minutes = about { $minutes } min
duration-hours = about { $hours } h
duration-hours-minutes = about { $hours } h { $minutes } min
duration-days = about { $days } { $days ->
        [one] day
       *[other] days
    }
duration-days-hours = about { $days } { $days ->
        [one] day
       *[other] days
    } { $hours } h
order-again-link = The same link as before: { $link }
order-again-gone = We no longer sell this service. Please choose another one in the catalogue.
# Top up from a summary the balance does not cover
order-topup = ⭐ Top up { $amount } ({ $stars } ⭐)
order-topup-crypto = 🪙 Top up { $amount } with crypto
order-topup-invoice = Here is an invoice for { $stars } ⭐: +{ $amount } on your balance. Once it is paid, we bring you back to your order to confirm it.
order-topup-sent = The invoice for this order is already in the chat. Once it is paid, we bring you back here.
order-back-to-summary = ↩️ Back to your order
