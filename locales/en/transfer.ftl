# Card transfer with a receipt (bot/payments/transfer.py)
topup-method-transfer = 💳 Card transfer
transfer-ask-amount =
    <b>Top up by card transfer</b>
    How much will you transfer? Send the amount, from { $min } to { $max }, for example <code>150 000</code>.
transfer-bad-amount = We take card transfers from { $min } to { $max }. Send the amount as a number, for example <code>150 000</code>.
webapp-transfer-title = Top up by card transfer
webapp-transfer-hint = From { $min } to { $max }, paid to our card: the details and the receipt are in the chat.
webapp-transfer-other = Amount in { $currency }
transfer-cover = 💳 Top up { $amount } by card transfer
transfer-details =
    💳 <b>Card transfer #{ $id }</b>
    Transfer exactly <b>{ $amount }</b> to:
    { $details }

    Then send a photo or a PDF of the receipt here, in this chat. We credit your balance once an admin has checked it.
transfer-checking =
    💳 <b>Card transfer #{ $id }</b>: { $amount }
    Your receipt is with our admins. We let you know as soon as it is checked.
transfer-withdraw = ✖️ Cancel request #{ $id }
transfer-sent = 📨 Receipt for request #{ $id } sent for checking. We let you know as soon as an admin has checked it.
transfer-receipt-already = Your receipt for request #{ $id } is already with our admins. We let you know as soon as it is checked.
transfer-not-a-receipt = We are waiting for the receipt of request #{ $id }: send a photo or a PDF of it. To cancel the request, tap the button below.
transfer-withdrawn = Request #{ $id } canceled. Send /topup to top up another way.
transfer-closed = Request #{ $id } has been decided already: see the message about it.
transfer-withdraw-late = Request #{ $id } has been approved already: the money is on your balance.
transfer-rejected = ❌ Card transfer #{ $id } was not approved. If you did transfer the money, write to /paysupport.
transfer-rejected-why =
    ❌ Card transfer #{ $id } was not approved: { $reason }
    If you did transfer the money, write to /paysupport.

# To admins
cmd-transfers = Card transfers waiting for a check (admins)
cmd-approve = Approve a card transfer: /approve N [AMOUNT] (admins)
cmd-reject = Reject a card transfer: /reject N [REASON] (admins)
transfer-copy =
    💳 <b>Card transfer #{ $id }</b>: { $amount }
    Customer: { $customer }
transfer-copy-seen = ⚠️ This file was sent before (request #{ $first })
transfer-approve = ✅ Approve
transfer-reject = ❌ Reject
transfer-no-reason = Reject without a reason
transfer-approved-by = ✅ Approved by { $by }: { $amount } credited
transfer-rejected-by = ❌ Rejected by { $by }: { $reason }
transfer-withdrawn-copy = ↩️ Canceled by the customer
transfer-ask-reason = Why is request #{ $id } rejected? Send the reason (the customer reads it), or tap the button.
transfer-reason-bad = Send the reason as text, at most { $max } characters, or /cancel.
transfer-reject-cancelled = Nothing rejected: the request is still waiting.
transfer-approved = ✅ Request #{ $id } approved: { $amount } credited to customer { $user } (balance { $balance }).
transfer-rejected-done = ❌ Request #{ $id } rejected ({ $reason }). The customer has been told.
transfer-already-approved = Request #{ $id } was approved already, by { $by }.
transfer-already-rejected = Request #{ $id } was rejected already, by { $by }.
transfer-already-withdrawn = Request #{ $id } was canceled by the customer.
transfer-no-such = There is no card transfer request #{ $id }.
transfer-over-limit = Not approved: it would take the customer's balance ({ $balance }) past { $max }.
transfer-approve-usage = Usage: <code>/approve N</code>, or <code>/approve N AMOUNT</code> when the receipt shows another amount. N is the request's number.
transfer-reject-usage = Usage: <code>/reject N</code> or <code>/reject N REASON</code> (at most { $max } characters). N is the request's number.
transfers-none = No card transfers are waiting.
transfers-title = <b>Card transfers waiting</b> ({ $count }), oldest first:
transfers-line = #{ $id } · { $amount } · { $customer } · { $hours } h · { $receipt ->
        [yes] receipt sent
       *[no] no receipt yet
    }
transfers-how = <code>/approve N</code> · <code>/approve N AMOUNT</code> · <code>/reject N REASON</code>
transfer-reminder = ⏰ { $count ->
        [one] A card transfer receipt has
       *[other] { $count } card transfer receipts have
    } waited a day for a check:
transfer-reminder-line = #{ $id } · { $amount } · received { $since }
