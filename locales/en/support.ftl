# Support tickets (a ticket is a "support request" to customers)
menu-support = 💬 Support
order-ask = 💬 Ask about this order
cmd-support = Write to support
cmd-tickets = Open support requests (admins)

support-ask =
    <b>Support</b>
    Write your question in one message and we will answer here in this chat. /cancel to stop.
support-ask-order =
    <b>Support: order #{ $order }</b>
    Write your question about this order in one message and we will answer here in this chat. /cancel to stop.
support-ask-more = Write your message for support request #{ $ticket }. /cancel to stop.
support-contact = You can also write to { $contact }.
support-sent = We got your support request #{ $ticket } and will answer here in this chat.
support-more-sent = Sent: it is added to your support request #{ $ticket }.
support-text-only = Please send text only: photos, files and stickers do not reach support. Describe it in words.
support-cancelled = OK, nothing was sent.
support-answer =
    💬 <b>Answer to your support request #{ $ticket }</b>
    { $text }

    Reply to this message or tap Write back to answer us.
support-write = ✏️ Write back
ticket-close = ✖️ Close
support-ticket-closed = This support request is closed. Send /support to write to us again.
support-closed = Support request #{ $ticket } is closed. Thank you!
support-closed-by-us = We closed your support request #{ $ticket }. Send /support if you need anything else.

# To admins
ticket-reply = ↩️ Reply
ticket-new = 💬 <b>Support request #{ $ticket }</b> from { $customer }
ticket-more = 💬 <b>Support request #{ $ticket }</b>: more from { $customer }
ticket-order = About order #{ $order } (panel No. { $panel }): { $service }, { $link }, quantity { $quantity }, charged { $charge }, { $status }
ticket-text =
    { $text }

    Reply to this message to answer.
ticket-answer-prompt = Write your answer to support request #{ $ticket } in one message. /cancel to stop.
ticket-answer-cancelled = OK, no answer was sent.
ticket-answered = Sent to the customer (support request #{ $ticket }).
ticket-not-delivered = Support request #{ $ticket }: the answer is saved but could not be delivered (the customer may have blocked the bot).
ticket-closed = Support request #{ $ticket } closed.
ticket-closed-already = Support request #{ $ticket } is closed already.
ticket-closed-by-customer = Support request #{ $ticket } was closed by the customer.
tickets-none = No open support requests.
tickets-title = { $count ->
        [one] <b>{ $count } support request not closed</b>
       *[other] <b>{ $count } support requests not closed</b>
    }
tickets-line = #{ $ticket } · { $status } · { $customer }: { $text }
tickets-reply = ↩️ #{ $ticket }
ticket-status-open = waiting for us
ticket-status-answered = answered

# A ticket's history, and other admins told of an answer
cmd-ticket = One support request's whole history (admins)
ticket-history = 📜 History
ticket-history-title = 📜 <b>Support request #{ $ticket }</b> · { $status } · { $customer }
ticket-history-order = About order #{ $order }
ticket-history-customer =
    { $when } · { $who }:
    { $text }
ticket-history-admin =
    { $when } · ↩️ { $who }:
    { $text }
ticket-history-earlier = { $count ->
        [one] …and { $count } earlier message, not shown
       *[other] …and { $count } earlier messages, not shown
    }
ticket-status-closed = closed
ticket-not-found = No such support request. Send its number, like <code>/ticket 12</code>; /tickets lists the open ones.
ticket-answered-by =
    ✅ { $admin } answered support request #{ $ticket }:

    { $text }
