## /fallback: where a service's orders go when its own panel refuses them (admins)

fallback-usage = Send /fallback with a service number and where its orders go when its panel refuses them, as PANEL:ID (the service's id on that panel), in the order to try: /fallback 12 cheap:345 backup:77. /fallback 12 shows the list, /fallback 12 - clears it.
fallback-no-service = There is no service #{ $number } in the catalogue.
fallback-bad-item = “{ $item }” is not PANEL:ID, like cheap:345.
fallback-no-panel = There is no panel “{ $panel }”. The panels: { $panels }.
fallback-unfit-missing = { $item }: that panel has no such service the shop can sell.
fallback-unfit-same = { $item } is service #{ $number } itself.
fallback-unfit-type = { $item } is of type { $other_type }, service #{ $number } of type { $type }: a fallback must be of the same type.
fallback-unfit-quantity = { $item } takes { $other_min }–{ $other_max }, service #{ $number } { $min }–{ $max }: a fallback must take every quantity the service takes.
fallback-unfit-dripfeed = { $item } has no drip-feed, and service #{ $number } offers it.
fallback-unfit-refill = { $item } has no refill, and service #{ $number } promises it.
fallback-too-many = At most { $most } fallbacks a service: each is tried in turn while the customer waits.
fallback-twice = { $item } is named twice.
fallback-set = Saved: { $count ->
        [one] one fallback
       *[other] { $count } fallbacks
    } for service #{ $number }.
fallback-cleared = Service #{ $number } has no fallbacks now.
fallback-of = Service #{ $number }: { $own }
fallback-none = No fallbacks: when its panel refuses an order, the order fails. Add some: /fallback { $number } PANEL:ID
fallback-line = { $panel }:{ $id } { $service } ({ $type }, { $min }–{ $max })
fallback-line-gone = { $panel }:{ $id } (not in the catalogue now: passed over)

## A panel failing again and again is skipped for new orders for a while

alert-panel-skipped = ⏸ Panel { $panel } failed { $failures } times in { $minutes } minutes (last: { $error }). New orders skip it until { $until } and go to their services' fallbacks; services without any still try it. We will tell you when it works again.
alert-panel-back = ▶️ Panel { $panel } took an order again: it is no longer skipped.
panels-skipped-until = ⏸ skipped for new orders until { $until }: they go to their services' fallbacks

alert-panel-refused-fallback =
    ⚠️ Panel { $panel } refused order #{ $order } with "{ $error }": fix it. Meanwhile its services go to their fallbacks (/fallback), and those without one can't be ordered. Order #{ $order } went on to panel { $went_to }.
    Until an order goes through on it again, further refusals like this one are not reported.

## An order a fallback took at a loss

alert-order-loss = 📉 Order #{ $order } went to panel { $panel } (service { $id } there), which costs { $cost }; the customer paid { $charge }. Check the fallbacks of service #{ $service }: /fallback { $service }
