# Top-ups with Telegram Stars
menu-topup = ⭐ To'ldirish
cmd-topup = Balansni Telegram Stars bilan to'ldirish
cmd-paysupport = To'lov bo'yicha yordam

topup-choose =
    <b>Balansni Telegram Stars bilan to'ldirish</b>
    1 ⭐ = balansga { $rate }. Miqdorni tanlang yoki /topup va { $min } dan { $max } gacha yulduzlar sonini yuboring, masalan <code>/topup { $min }</code>.
topup-preset = { $amount } · { $stars } ⭐
topup-other = ✏️ Boshqa miqdor
topup-type-amount = Nechta yulduz? { $min } dan { $max } gacha butun son yuboring.
topup-bounds-worth = { $min } ⭐ = { $min_amount } · { $max } ⭐ = { $max_amount }
topup-bad-amount = Men { $min } dan { $max } gacha butun son yulduzga hisob yoza olaman, masalan /topup { $min }.
topup-cancel = ✖️ Bekor qilish
topup-cancelled = To'ldirish bekor qilindi.

# The invoice (plain text, no markup): title at most 32 characters, description 255
topup-invoice-title = Balans +{ $amount }
topup-invoice-description = { $stars } ⭐ to'lang va shu do'kondagi balansingizga buyurtmalar uchun { $amount } oling.
topup-invoice-label = Balansni to'ldirish
topup-invoice-failed = Telegram bu hisobni yaratmadi. Boshqa miqdorni sinab ko'ring yoki /paysupport orqali yozing.

# Why a payment is refused at checkout (plain text, shown by Telegram)
checkout-unknown = Bu hisob endi amal qilmaydi. Yangisini olish uchun /topup yuboring.
checkout-not-yours = Bu hisob boshqa xaridorga yozilgan. O'zingiznikini olish uchun botga /topup yuboring.
checkout-used = Bu hisob allaqachon to'langan. Yangisini olish uchun /topup yuboring.
checkout-mismatch = To'lov hisobga mos kelmaydi. Yangisini olish uchun /topup yuboring.

topup-receipt =
    ✅ #{ $id } to'ldirish to'landi: { $stars } yulduz, balansga +{ $amount }.
    Balans: <b>{ $balance }</b>
topup-refunded =
    #{ $id } to'ldirish qaytarildi: { $stars } yulduz Telegram hisobingizga qaytdi, balansingizdan { $amount } yechildi.
    Balans: <b>{ $balance }</b>
payment-returned = Bu to'lov ({ $stars } ⭐) hech bir ochiq hisobga mos kelmadi, shuning uchun yulduzlar sizga qaytarildi. Yangi hisob uchun /topup yuboring.
payment-held = Bu to'lov ({ $stars } ⭐) hech bir ochiq hisobga mos kelmadi. Do'kon administratorlari xabardor qilindi, ular yulduzlarni qaytaradi.

# /terms
terms =
    <b>Sotuv shartlari</b>
    • Buyurtmalar shu do'kondagi balansdan to'lanadi, balans esa Telegram Stars bilan to'ldiriladi: 1 ⭐ = { $rate }.
    • Balans faqat shu do'kondagi buyurtmalar uchun: u naqd pulga chiqarilmaydi va yulduzlarga qaytarib almashtirilmaydi. Summasi hali sarflanmagan to'ldirishni qaytarish mumkin: /paysupport orqali yozing.
    • Yetkazib beruvchi rad etgan yoki bekor qilgan buyurtma balansga to'liq qaytariladi; qisman bajarilgani esa bajarilmagan qismi uchun.
    • To'lov bo'yicha yordam: /paysupport

# To admins
alert-payment-returned = ⚠️ <code>{ $user_id }</code> foydalanuvchidan { $stars } ⭐ to'lov hech bir ochiq hisobga mos kelmadi ({ $why ->
        [used] hisob allaqachon to'langan
        [not-yours] boshqa xaridorning hisobi
        [mismatch] summa yoki valyuta mos emas
       *[unknown] noma'lum hisob
    }) va qaytarildi. To'lov ID: <code>{ $charge }</code>
alert-payment-held = ⚠️ <code>{ $user_id }</code> foydalanuvchidan { $stars } ⭐ to'lov hech bir ochiq hisobga mos kelmadi ({ $why ->
        [used] hisob allaqachon to'langan
        [not-yours] boshqa xaridorning hisobi
        [mismatch] summa yoki valyuta mos emas
       *[unknown] noma'lum hisob
    }) va uni qaytarib bo'lmadi: qo'lda qaytaring. To'lov ID: <code>{ $charge }</code>
refund-usage = Foydalanish: <code>/refund TO'LDIRISH_RAQAMI</code>. To'ldirish raqami xaridorning chekida bor.
refund-no-such = #{ $id } to'ldirish yo'q.
refund-unpaid = #{ $id } to'ldirish to'lanmagan: qaytaradigan narsa yo'q.
refund-already = #{ $id } to'ldirish allaqachon qaytarilgan.
refund-short = <code>{ $user_id }</code> xaridorning balansida { $balance } bor, bu #{ $id } to'ldirish qo'shganidan { $missing } kam: hech narsa qaytarilmadi.
refund-refunded = ✅ #{ $id } to'ldirish qaytarildi: { $stars } ⭐ <code>{ $user_id }</code> xaridorga qaytdi, uning balansidan { $amount } yechildi (endi { $balance }).
refund-refused = Telegram #{ $id } to'ldirishni qaytarishni rad etdi: { $error }. Xaridorning balansidan hech narsa yechilmadi (unda { $balance }).
refund-unknown = Telegram #{ $id } to'ldirishni qaytarish haqida aniq javob bermadi ({ $error }). { $amount } <code>{ $user_id }</code> xaridorning balansida ushlab turiladi: yakunlash uchun <code>/refund { $id }</code> ni yana yuboring.
