# Обращения в поддержку
menu-support = 💬 Поддержка
order-ask = 💬 Вопрос по заказу
cmd-support = Написать в поддержку
cmd-tickets = Открытые обращения (администраторы)

support-ask =
    <b>Поддержка</b>
    Напишите свой вопрос одним сообщением, и мы ответим здесь, в этом чате. /cancel — отменить.
support-ask-order =
    <b>Поддержка: заказ #{ $order }</b>
    Напишите вопрос об этом заказе одним сообщением, и мы ответим здесь, в этом чате. /cancel — отменить.
support-ask-more = Напишите сообщение к обращению #{ $ticket }. /cancel — отменить.
support-contact = Можно также написать { $contact }.
support-sent = Мы получили ваше обращение #{ $ticket } и ответим здесь, в этом чате.
support-more-sent = Отправлено: добавлено к вашему обращению #{ $ticket }.
support-text-only = Пожалуйста, отправьте только текст: фото, файлы и стикеры в поддержку не доходят. Опишите словами.
support-cancelled = Хорошо, ничего не отправлено.
support-answer =
    💬 <b>Ответ на ваше обращение #{ $ticket }</b>
    { $text }

    Ответьте на это сообщение или нажмите «Ответить», чтобы написать нам.
support-write = ✏️ Ответить
ticket-close = ✖️ Закрыть
support-ticket-closed = Это обращение закрыто. Отправьте /support, чтобы написать нам снова.
support-closed = Обращение #{ $ticket } закрыто. Спасибо!
support-closed-by-us = Мы закрыли ваше обращение #{ $ticket }. Отправьте /support, если понадобится что-то ещё.

# Администраторам
ticket-reply = ↩️ Ответить
ticket-new = 💬 <b>Обращение #{ $ticket }</b> от { $customer }
ticket-more = 💬 <b>Обращение #{ $ticket }</b>: ещё от { $customer }
ticket-order = По заказу #{ $order } (в панели № { $panel }): { $service }, { $link }, количество { $quantity }, списано { $charge }, { $status }
ticket-text =
    { $text }

    Ответьте на это сообщение, чтобы ответить клиенту.
ticket-answer-prompt = Напишите ответ на обращение #{ $ticket } одним сообщением. /cancel — отменить.
ticket-answer-cancelled = Хорошо, ответ не отправлен.
ticket-answered = Отправлено клиенту (обращение #{ $ticket }).
ticket-not-delivered = Обращение #{ $ticket }: ответ сохранён, но не доставлен (возможно, клиент заблокировал бота).
ticket-closed = Обращение #{ $ticket } закрыто.
ticket-closed-already = Обращение #{ $ticket } уже закрыто.
ticket-closed-by-customer = Клиент закрыл обращение #{ $ticket }.
tickets-none = Открытых обращений нет.
tickets-title = { $count ->
        [one] <b>{ $count } незакрытое обращение</b>
        [few] <b>{ $count } незакрытых обращения</b>
       *[many] <b>{ $count } незакрытых обращений</b>
    }
tickets-line = #{ $ticket } · { $status } · { $customer }: { $text }
tickets-reply = ↩️ #{ $ticket }
ticket-status-open = ждёт ответа
ticket-status-answered = отвечено

# A ticket's history, and other admins told of an answer
cmd-ticket = Вся история одного обращения (администраторы)
ticket-history = 📜 История
ticket-history-title = 📜 <b>Обращение #{ $ticket }</b> · { $status } · { $customer }
ticket-history-order = По заказу #{ $order }
ticket-history-customer =
    { $when } · { $who }:
    { $text }
ticket-history-admin =
    { $when } · ↩️ { $who }:
    { $text }
ticket-history-earlier = { $count ->
        [one] …и ещё { $count } более раннее сообщение (не показано)
        [few] …и ещё { $count } более ранних сообщения (не показаны)
       *[many] …и ещё { $count } более ранних сообщений (не показаны)
    }
ticket-status-closed = закрыто
ticket-not-found = Такого обращения нет. Отправьте его номер, например <code>/ticket 12</code>; /tickets покажет открытые.
ticket-answered-by =
    ✅ Ответ на обращение #{ $ticket } от { $admin }:

    { $text }
