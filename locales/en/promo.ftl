# Promo codes (bot/storage/promos.py, handlers/customer/promo.py, handlers/admin/promos.py)
cmd-promo = Redeem a promo code
promo-button = 🎟 Promo code
promo-ask = Send your promo code.
promo-bad-code = “{ $code }” is not a promo code: a code is 3 to 32 Latin letters, digits, _ or -. Send it again, or tap Cancel.
promo-unknown = There is no promo code { $code }. Check it and send it again, or tap Cancel.
promo-ended = Promo code { $code } has been ended: it can no longer be redeemed.
promo-expired = Promo code { $code } has expired.
promo-used-up = Promo code { $code } has been used up: it has no redemptions left.
promo-already = You have redeemed promo code { $code } already: each code works once per customer.
promo-balance-full = Not credited: your balance of { $balance } cannot hold more (at most { $max }).
promo-redeemed = 🎟 Promo code { $code }: +{ $amount } on your balance. Balance: { $balance }
promo-cancelled = No promo code, then.

# To admins
cmd-promos = Promo codes; /promo CODE AMOUNT [USES] [DAYS] makes one (admins)
admin-reason-promo = promo code
admin-promo-usage =
    <b>Promo codes</b>
    /promo CODE AMOUNT [USES] [DAYS] — make a code worth AMOUNT to each customer, for USES customers (1 if left out), for DAYS days (no expiry if left out), e.g. <code>/promo WELCOME 5 100 30</code>
    /promo CODE - — end a code
    /promos — the codes, their uses and the money they gave
admin-promo-bad-code = “{ $code }” cannot be a promo code: use 3 to 32 Latin letters, digits, _ or - (case does not matter).
admin-promo-bad-amount = AMOUNT must be a number above 0 with at most { $decimals } decimals, e.g. <code>/promo WELCOME 5</code>
admin-promo-bad-counts = USES must be a whole number from 1 to { $uses } and DAYS from 1 to { $days }, e.g. <code>/promo WELCOME 5 100 30</code>
admin-promo-exists = Promo code { $code } exists already (a code stays one offer for good): choose another. /promos lists them.
admin-promo-made = ✅ Promo code made: { $line }
admin-promo-ended = Promo code ended: { $line }
admin-promo-none = There is no promo code { $code }.
admin-promo-line = <code>{ $code }</code> · { $amount } · used { $used }/{ $uses } · gave { $given } · { $state }
admin-promo-state-open = no expiry
admin-promo-state-until = until { $date }
admin-promo-state-ended = ended { $date }
admin-promos = <b>Promo codes</b>, newest first ({ $count }):
admin-promos-none = No promo codes yet. Make one: /promo CODE AMOUNT [USES] [DAYS]
