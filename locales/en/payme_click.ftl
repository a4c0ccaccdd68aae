# Payme and Click: top-ups paid on the provider's own page
topup-method-payme = 💳 Payme
topup-method-click = 💳 Click
topup-by-link-choose =
    <b>Top up your balance with { $method }</b>
    Choose an amount, or tap Another amount: from { $min } to { $max }.
topup-by-link-preset = { $amount }
topup-by-link-type = How much would you like to top up? Send an amount in so'm from { $min } to { $max }, for example <code>150 000</code>.
topup-by-link-bad-amount = Send a whole number of so'm from { $min } to { $max }, for example <code>150 000</code>.
topup-by-link-sent =
    Top-up #{ $id }: { $amount } with { $method }.
    Tap the button to pay. Your balance is credited as soon as { $method } confirms the payment.
topup-by-link-pay = Pay { $amount } with { $method }
topup-by-link-app-title = Top up with { $method }
topup-by-link-app-hint = Whole so'm from { $min } to { $max }; you pay on { $method }'s page.
topup-by-link-app-other = Other amount in so'm
order-topup-by-link = { $method }: top up { $amount }
topup-taken-back =
    Top-up #{ $id } was canceled by { $method }: the money went back to your card, and { $amount } was taken off your balance.
    Balance: <b>{ $balance }</b>
topup-click-failed = Top-up #{ $id } with Click did not go through, and nothing was charged. Send /topup to try again.

# To admins
alert-payme-spent = ⚠️ Payme canceled top-up #{ $topup } (transaction { $transaction }) after it was paid, but customer { $user } has spent the money: { $amount } was credited, the balance is { $balance }. Payme was told the payment cannot be canceled; settle it with the customer and Payme.

# Payme's Merchant API errors (plain text, shown by Payme to the payer)
payme-error-not-post = The request must be a POST.
payme-error-parse = The request is not valid JSON.
payme-error-request = The request is malformed: a field is missing or of the wrong type.
payme-error-method = No such method.
payme-error-auth = Not authorized.
payme-error-system = The shop could not process the request. Try again later.
payme-error-amount = Wrong amount.
payme-error-not-found = Transaction not found.
payme-error-cannot-cancel = The transaction cannot be canceled: the service has been provided.
payme-error-cannot-perform = This operation cannot be performed.
payme-error-no-topup = Top-up not found.
payme-error-topup-closed = This top-up is paid or closed already.
payme-error-topup-busy = This top-up is already being paid in another transaction.
