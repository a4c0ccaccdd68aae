# Yordam murojaatlari
menu-support = 💬 Yordam soʻrash
order-ask = 💬 Bu buyurtma haqida soʻrash
cmd-support = Yordamga yozish
cmd-tickets = Ochiq murojaatlar (administratorlar)

support-ask =
    <b>Yordam</b>
    Savolingizni bitta xabarda yozing, biz shu chatda javob beramiz. /cancel — bekor qilish.
support-ask-order =
    <b>Yordam: #{ $order } buyurtma</b>
    Bu buyurtma haqidagi savolingizni bitta xabarda yozing, biz shu chatda javob beramiz. /cancel — bekor qilish.
support-ask-more = #{ $ticket } murojaatga xabaringizni yozing. /cancel — bekor qilish.
support-contact = Shu manzilga ham yozishingiz mumkin: { $contact }.
support-sent = #{ $ticket } murojaatingizni oldik va shu chatda javob beramiz.
support-more-sent = Yuborildi: #{ $ticket } murojaatingizga qoʻshildi.
support-text-only = Iltimos, faqat matn yuboring: rasm, fayl va stikerlar yordamga yetib bormaydi. Soʻz bilan tushuntiring.
support-cancelled = Yaxshi, hech narsa yuborilmadi.
support-answer =
    💬 <b>#{ $ticket } murojaatingizga javob</b>
    { $text }

    Bizga yozish uchun shu xabarga javob bering yoki «Javob yozish»ni bosing.
support-write = ✏️ Javob yozish
ticket-close = ✖️ Yopish
support-ticket-closed = Bu murojaat yopilgan. Bizga yana yozish uchun /support yuboring.
support-closed = #{ $ticket } murojaat yopildi. Rahmat!
support-closed-by-us = #{ $ticket } murojaatingizni yopdik. Yana biror narsa kerak boʻlsa, /support yuboring.

# Administratorlarga
ticket-reply = ↩️ Javob berish
ticket-new = 💬 <b>#{ $ticket } murojaat</b>. Yuboruvchi: { $customer }
ticket-more = 💬 <b>#{ $ticket } murojaat</b>: { $customer } yana yozdi
ticket-order = #{ $order } buyurtma haqida (panelda № { $panel }): { $service }, { $link }, miqdor { $quantity }, yechilgan { $charge }, { $status }
ticket-text =
    { $text }

    Mijozga javob berish uchun shu xabarga javob bering.
ticket-answer-prompt = #{ $ticket } murojaatga javobingizni bitta xabarda yozing. /cancel — bekor qilish.
ticket-answer-cancelled = Yaxshi, javob yuborilmadi.
ticket-answered = Mijozga yuborildi (#{ $ticket } murojaat).
ticket-not-delivered = #{ $ticket } murojaat: javob saqlandi, lekin yetkazilmadi (mijoz botni bloklagan boʻlishi mumkin).
ticket-closed = #{ $ticket } murojaat yopildi.
ticket-closed-already = #{ $ticket } murojaat allaqachon yopilgan.
ticket-closed-by-customer = Mijoz #{ $ticket } murojaatni yopdi.
tickets-none = Ochiq murojaatlar yoʻq.
tickets-title = <b>Yopilmagan murojaatlar: { $count }</b>
tickets-line = #{ $ticket } · { $status } · { $customer }: { $text }
tickets-reply = ↩️ #{ $ticket }
ticket-status-open = javob kutmoqda
ticket-status-answered = javob berilgan

# A ticket's history, and other admins told of an answer
cmd-ticket = Bitta murojaatning butun tarixi (administratorlar)
ticket-history = 📜 Tarix
ticket-history-title = 📜 <b>#{ $ticket } murojaat</b> · { $status } · { $customer }
ticket-history-order = #{ $order } buyurtma haqida
ticket-history-customer =
    { $when } · { $who }:
    { $text }
ticket-history-admin =
    { $when } · ↩️ { $who }:
    { $text }
ticket-history-earlier = …va yana { $count } ta oldingi xabar koʻrsatilmadi
ticket-status-closed = yopilgan
ticket-not-found = Bunday murojaat yoʻq. Uning raqamini yuboring, masalan <code>/ticket 12</code>; /tickets ochiqlarini koʻrsatadi.
ticket-answered-by =
    ✅ { $admin } #{ $ticket } murojaatga javob berdi:

    { $text }
