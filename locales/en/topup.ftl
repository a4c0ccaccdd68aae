# Top-ups with Telegram Stars
menu-topup = ⭐ Top up
cmd-topup = Top up your balance with Telegram Stars
cmd-paysupport = Help with a payment

topup-methods =
    <b>Top up your balance</b>
    How would you like to pay?
topup-method-stars = ⭐ Telegram Stars
topup-method-crypto = 🪙 Crypto (CryptoBot)
topup-method-off = This way of paying is no longer available. Send /topup to see the ways that are.
topup-choose =
    <b>Top up your balance with Telegram Stars</b>
    1 ⭐ = { $rate } on your balance. Choose an amount, or send /topup and a number of stars from { $min } to { $max }, e.g. <code>/topup { $min }</code>.
topup-preset = { $amount } · { $stars } ⭐
topup-other = ✏️ Another amount
topup-type-amount = How many stars? Send a whole number from { $min } to { $max }.
topup-bounds-worth = { $min } ⭐ = { $min_amount } · { $max } ⭐ = { $max_amount }
topup-bad-amount = We can make an invoice for a whole number of stars from { $min } to { $max }, for example /topup { $min }.
topup-cancel = ✖️ Cancel
topup-cancelled = Top-up canceled.

# The invoice (plain text, no markup): title at most 32 characters, description 255
topup-invoice-title = Balance +{ $amount }
topup-invoice-description = Pay { $stars } ⭐ and get { $amount } on your balance in this shop, to spend on orders.
topup-invoice-label = Balance top-up
topup-invoice-failed = Telegram would not create this invoice. Try another amount, or ask via /paysupport.

# Top-ups with Crypto Pay (@CryptoBot)
topup-crypto-ask =
    <b>Top up with crypto</b>
    How much should go on your balance? Send a whole amount from { $min } to { $max }. You then pay it in @CryptoBot, in the coin you choose.
topup-crypto-bad-amount = Send a whole amount from { $min } to { $max }.
topup-crypto-failed = Crypto Pay would not make this invoice. Try another amount, or ask via /paysupport.
# Shown by @CryptoBot on the invoice (plain text, at most 1024 characters)
topup-crypto-description = Top-up #{ $id }: { $amount } on your balance in this shop.
topup-crypto-invoice =
    🪙 <b>Top-up #{ $id }</b>: +{ $amount } on your balance.
    Pay { $price } in @CryptoBot within { $minutes } min. Your balance is credited as soon as the payment arrives; you will get a message here.
topup-crypto-pay = 🪙 Pay in CryptoBot
topup-crypto-check = 🔄 Check payment
topup-crypto-paid = ✅ Paid: the amount is on your balance.
topup-crypto-not-paid = Not paid yet. Pay the invoice in @CryptoBot; your balance is credited as soon as it arrives.
topup-crypto-gone = This invoice is no longer valid. Send /topup for a new one.
topup-crypto-held = The payment arrived but could not be credited automatically: write to /paysupport with the top-up's number.
topup-crypto-unreachable = Crypto Pay is not answering right now. Try again in a minute: a paid invoice is credited anyway.
topup-crypto-expired = Top-up #{ $id } ({ $amount }) was not paid in time and its invoice has expired. Send /topup for a new one.
alert-crypto-refused = ⚠️ Crypto Pay invoice { $invoice } was paid, but nothing was credited: { $why ->
        [cancelled] top-up #{ $topup } of customer { $user } ({ $amount }) had been canceled meanwhile.
        [limit] crediting top-up #{ $topup } ({ $amount }) would take customer { $user } past the balance limit.
       *[other] it does not match top-up #{ $topup } of customer { $user } ({ $amount }): another top-up, currency or payment.
    } Check the invoice in @CryptoBot (Crypto Pay → your app), then credit the customer with /credit { $user } AMOUNT or refund them from @CryptoBot.

# Why a payment is refused at checkout (plain text, shown by Telegram)
checkout-unknown = This invoice is not valid any more. Send /topup for a new one.
checkout-not-yours = This invoice was made for another customer. Send /topup to the bot for your own.
checkout-used = This invoice has been paid already. Send /topup for a new one.
checkout-mismatch = This payment does not match the invoice. Send /topup for a new one.

topup-receipt =
    ✅ Top-up #{ $id } paid: { $stars } { $stars ->
        [one] star
       *[other] stars
    }, +{ $amount } to your balance.
    Balance: <b>{ $balance }</b>
topup-credited =
    ✅ Top-up #{ $id } is paid: +{ $amount } on your balance.
    Balance: <b>{ $balance }</b>
topup-credited-order =
    ✅ Top-up #{ $id } is paid: +{ $amount } on your balance.
    Balance: <b>{ $balance }</b>
    Your order is waiting: go back to it to confirm.
topup-refunded =
    Top-up #{ $id } has been refunded: { $stars } { $stars ->
        [one] star is
       *[other] stars are
    } back in your Telegram account, and { $amount } was taken off your balance.
    Balance: <b>{ $balance }</b>
topup-refunded-outside =
    Top-up #{ $id } has been refunded: we pay { $amount } back to you outside the bot, and it was taken off your balance.
    Balance: <b>{ $balance }</b>
payment-returned = This payment ({ $stars } ⭐) matched no open invoice, so the stars were sent back to you. Send /topup for a new invoice.
payment-held = This payment ({ $stars } ⭐) matched no open invoice. The shop's admins have been told and will send the stars back.

# /terms
terms =
    <b>Terms of sale</b>
    • You pay for orders from your balance in this shop, and top it up with Telegram Stars: 1 ⭐ = { $rate }.
    • The balance is for orders in this shop only: it is not paid out or exchanged back into Stars. A top-up whose amount is still unspent can be refunded: ask via /paysupport.
    • An order that is refused or canceled is refunded to your balance in full; one completed partially, for the part not delivered.
    • Help with payments: /paysupport

# To admins
alert-payment-returned = ⚠️ A payment of { $stars } ⭐ from user <code>{ $user_id }</code> matched no open invoice ({ $why ->
        [used] the invoice was paid already
        [not-yours] another customer's invoice
        [mismatch] the amount or currency differs
       *[unknown] an unknown invoice
    }) and was sent back. Charge id: <code>{ $charge }</code>
alert-payment-held = ⚠️ A payment of { $stars } ⭐ from user <code>{ $user_id }</code> matched no open invoice ({ $why ->
        [used] the invoice was paid already
        [not-yours] another customer's invoice
        [mismatch] the amount or currency differs
       *[unknown] an unknown invoice
    }), and sending it back failed: return it by hand. Charge id: <code>{ $charge }</code>
refund-usage = Usage: <code>/refund TOPUP_ID</code>, and a note after it for a top-up not paid in Stars. The top-up number is on the customer's receipt.
refund-no-such = There is no top-up #{ $id }.
refund-unpaid = Top-up #{ $id } has not been paid: there is nothing to refund.
refund-already = Top-up #{ $id } has been refunded already.
refund-short = Customer <code>{ $user_id }</code> has { $balance } on their balance, { $missing } short of what top-up #{ $id } credited: nothing was refunded.
refund-refunded = ✅ Top-up #{ $id } refunded: { $stars } ⭐ back to customer <code>{ $user_id }</code>, { $amount } taken off their balance (now { $balance }).
refund-outside =
    ✅ Top-up #{ $id } ({ $method }) recorded as given back: { $amount } taken off customer <code>{ $user_id }</code>'s balance (now { $balance }). The bot cannot send this money back: pay it back to the customer yourself.
    Note: { $note }
refund-refused = Telegram refused to refund top-up #{ $id }: { $error }. Nothing was taken off the customer's balance (still { $balance }).
refund-unknown = Telegram gave no clear answer about refunding top-up #{ $id } ({ $error }). { $amount } stays held from customer <code>{ $user_id }</code>'s balance: send <code>/refund { $id }</code> again to finish.
