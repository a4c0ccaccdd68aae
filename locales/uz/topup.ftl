# Top-ups with Telegram Stars
menu-topup = ⭐ Toʻldirish
cmd-topup = Balansni Telegram yulduzlari bilan toʻldirish
cmd-paysupport = Toʻlov boʻyicha yordam

topup-methods =
    <b>Balansni toʻldirish</b>
    Qanday toʻlamoqchisiz?
topup-method-stars = ⭐ Telegram yulduzlari
topup-method-crypto = 🪙 Kriptovalyuta (CryptoBot)
topup-method-off = Bu toʻlov usuli endi mavjud emas. Mavjud usullarni koʻrish uchun /topup yuboring.
topup-choose =
    <b>Balansni Telegram yulduzlari bilan toʻldirish</b>
    1 ⭐ = { $rate } (balansga). Summani tanlang yoki /topup buyrugʻini { $min } tadan { $max } tagacha yulduz bilan yuboring, masalan <code>/topup { $min }</code>.
topup-preset = { $amount } · { $stars } ⭐
topup-other = ✏️ Boshqa summa
topup-type-amount = Nechta yulduz? { $min } tadan { $max } tagacha butun son yuboring.
topup-bounds-worth = { $min } ⭐ = { $min_amount } · { $max } ⭐ = { $max_amount }
topup-bad-amount = Biz { $min } tadan { $max } tagacha yulduzga toʻlov soʻrovi yarata olamiz, masalan /topup { $min }.
topup-cancel = ✖️ Bekor qilish
topup-cancelled = Toʻldirish bekor qilindi.

# The invoice (plain text, no markup): title at most 32 characters, description 255
topup-invoice-title = Balans +{ $amount }
topup-invoice-description = { $stars } ⭐ toʻlang va shu doʻkondagi balansingizga buyurtmalar uchun { $amount } oling.
topup-invoice-label = Balansni toʻldirish
topup-invoice-failed = Telegram bu toʻlov soʻrovini yaratmadi. Boshqa summani sinab koʻring yoki /paysupport orqali yozing.

# Top-ups with Crypto Pay (@CryptoBot)
topup-crypto-ask =
    <b>Kriptovalyuta bilan toʻldirish</b>
    Balansga qancha tushsin? { $min } dan { $max } gacha butun summani yuboring. Keyin uni @CryptoBotʼda oʻzingiz tanlagan tanga bilan toʻlaysiz.
topup-crypto-bad-amount = { $min } dan { $max } gacha butun summani yuboring.
topup-crypto-failed = Crypto Pay bu toʻlov soʻrovini yaratmadi. Boshqa summani sinab koʻring yoki /paysupport orqali soʻrang.
# Shown by @CryptoBot on the invoice (plain text, at most 1024 characters)
topup-crypto-description = #{ $id } toʻldirish: ushbu doʻkondagi balansingizga { $amount }.
topup-crypto-invoice =
    🪙 <b>#{ $id } toʻldirish</b>: balansga +{ $amount }.
    { $minutes } daqiqa ichida @CryptoBotʼda { $price } toʻlang. Toʻlov kelishi bilan balansingiz toʻldiriladi, bu yerga xabar yuboramiz.
topup-crypto-pay = 🪙 CryptoBotʼda toʻlash
topup-crypto-check = 🔄 Toʻlovni tekshirish
topup-crypto-paid = ✅ Toʻlandi: summa balansingizga tushdi.
topup-crypto-not-paid = Hali toʻlanmagan. Toʻlov soʻrovini @CryptoBotʼda toʻlang, balansingiz darhol toʻldiriladi.
topup-crypto-gone = Bu toʻlov soʻrovi endi amal qilmaydi. Yangisi uchun /topup yuboring.
topup-crypto-held = Toʻlov keldi, lekin balansga avtomatik tushmadi: toʻldirish raqamini koʻrsatib /paysupport orqali yozing.
topup-crypto-unreachable = Crypto Pay hozir javob bermayapti. Bir daqiqadan soʻng qayta urinib koʻring: toʻlangan soʻrov baribir balansga tushadi.
topup-crypto-expired = #{ $id } toʻldirish ({ $amount }) oʻz vaqtida toʻlanmadi, toʻlov soʻrovining muddati tugadi. Yangisi uchun /topup yuboring.
alert-crypto-refused = ⚠️ Crypto Pay { $invoice } toʻlov soʻrovi toʻlandi, lekin hech narsa qoʻshilmadi: { $why ->
        [cancelled] { $user } mijozning #{ $topup } toʻldirishi ({ $amount }) bu orada bekor qilingan edi.
        [limit] #{ $topup } toʻldirishni ({ $amount }) qoʻshish { $user } mijozning balans chegarasidan oshirib yuborardi.
       *[other] u { $user } mijozning #{ $topup } toʻldirishiga ({ $amount }) mos kelmaydi: boshqa toʻldirish, valyuta yoki toʻlov.
    } Soʻrovni @CryptoBotʼda tekshiring (Crypto Pay → ilovangiz), soʻng mijozga /credit { $user } SUMMA orqali pul qoʻshing yoki uni @CryptoBotʼdan qaytaring.

# Why a payment is refused at checkout (plain text, shown by Telegram)
checkout-unknown = Bu toʻlov soʻrovi endi amal qilmaydi. Yangisini olish uchun /topup yuboring.
checkout-not-yours = Bu toʻlov soʻrovi boshqa mijoz uchun yaratilgan. Oʻzingiznikini olish uchun botga /topup yuboring.
checkout-used = Bu toʻlov soʻrovi allaqachon toʻlangan. Yangisini olish uchun /topup yuboring.
checkout-mismatch = Toʻlov soʻrovdagi summaga mos kelmaydi. Yangisini olish uchun /topup yuboring.

topup-receipt =
    ✅ #{ $id } toʻldirish toʻlandi: { $stars } yulduz, balansga +{ $amount }.
    Balans: <b>{ $balance }</b>
topup-credited =
    ✅ #{ $id } toʻldirish toʻlandi: balansga +{ $amount }.
    Balans: <b>{ $balance }</b>
topup-credited-order =
    ✅ #{ $id } toʻldirish toʻlandi: balansga +{ $amount }.
    Balans: <b>{ $balance }</b>
    Buyurtmangiz kutmoqda: tasdiqlash uchun unga qayting.
topup-refunded =
    #{ $id } toʻldirish qaytarildi: { $stars } yulduz Telegramdagi akkauntingizga qaytarildi, balansingizdan { $amount } yechildi.
    Balans: <b>{ $balance }</b>
topup-refunded-outside =
    #{ $id } toʻldirish qaytarildi: { $amount } sizga botdan tashqarida qaytariladi va u balansingizdan yechildi.
    Balans: <b>{ $balance }</b>
payment-returned = Bu toʻlov ({ $stars } ⭐) hech bir ochiq toʻlov soʻroviga mos kelmadi, shuning uchun yulduzlar sizga qaytarildi. Yangi toʻlov soʻrovi uchun /topup yuboring.
payment-held = Bu toʻlov ({ $stars } ⭐) hech bir ochiq toʻlov soʻroviga mos kelmadi. Doʻkon administratorlari xabardor qilindi, ular yulduzlarni qaytaradi.

# /terms
terms =
    <b>Sotuv shartlari</b>
    • Buyurtmalar shu doʻkondagi balansdan toʻlanadi, balans esa Telegram yulduzlari bilan toʻldiriladi: 1 ⭐ = { $rate }.
    • Balans faqat shu doʻkondagi buyurtmalar uchun: u naqd pulga chiqarilmaydi va yulduzlarga qaytarib almashtirilmaydi. Summasi hali sarflanmagan toʻldirishni qaytarish mumkin: /paysupport orqali yozing.
    • Rad etilgan yoki bekor qilingan buyurtmaning summasi balansga toʻliq qaytariladi; qisman bajarilgan buyurtmada esa bajarilmagan qismi uchun qaytariladi.
    • Toʻlov boʻyicha yordam: /paysupport

# To admins
alert-payment-returned = ⚠️ <code>{ $user_id }</code> foydalanuvchidan { $stars } ⭐ toʻlov hech bir ochiq toʻlov soʻroviga mos kelmadi ({ $why ->
        [used] toʻlov soʻrovi allaqachon toʻlangan
        [not-yours] boshqa mijozning toʻlov soʻrovi
        [mismatch] summa yoki valyuta mos emas
       *[unknown] nomaʼlum toʻlov soʻrovi
    }) va qaytarildi. Toʻlov ID: <code>{ $charge }</code>
alert-payment-held = ⚠️ <code>{ $user_id }</code> foydalanuvchidan { $stars } ⭐ toʻlov hech bir ochiq toʻlov soʻroviga mos kelmadi ({ $why ->
        [used] toʻlov soʻrovi allaqachon toʻlangan
        [not-yours] boshqa mijozning toʻlov soʻrovi
        [mismatch] summa yoki valyuta mos emas
       *[unknown] nomaʼlum toʻlov soʻrovi
    }) va uni qaytarib boʻlmadi: qoʻlda qaytaring. Toʻlov ID: <code>{ $charge }</code>
refund-usage = Foydalanish: <code>/refund TOʻLDIRISH_RAQAMI</code>, yulduzlarsiz toʻldirish uchun raqamdan keyin izoh ham. Toʻldirish raqami mijozning chekida bor.
refund-no-such = #{ $id } toʻldirish yoʻq.
refund-unpaid = #{ $id } toʻldirish toʻlanmagan: qaytaradigan narsa yoʻq.
refund-already = #{ $id } toʻldirish allaqachon qaytarilgan.
refund-short = <code>{ $user_id }</code> mijozning balansida { $balance } bor, bu #{ $id } toʻldirish qoʻshganidan { $missing } kam: hech narsa qaytarilmadi.
refund-refunded = ✅ #{ $id } toʻldirish qaytarildi: { $stars } ⭐ <code>{ $user_id }</code> mijozga qaytarildi, uning balansidan { $amount } yechildi (endi { $balance }).
refund-outside =
    ✅ #{ $id } toʻldirish ({ $method }) qaytarilgan deb yozildi: <code>{ $user_id }</code> mijoz balansidan { $amount } yechildi (endi { $balance }). Bot bu pulni yubora olmaydi: uni mijozga oʻzingiz qaytaring.
    Izoh: { $note }
refund-refused = Telegram #{ $id } toʻldirishni qaytarishni rad etdi: { $error }. Mijozning balansidan hech narsa yechilmadi (unda { $balance }).
refund-unknown = Telegram #{ $id } toʻldirishni qaytarish haqida aniq javob bermadi ({ $error }). { $amount } <code>{ $user_id }</code> mijozning balansida ushlab turiladi: yakunlash uchun <code>/refund { $id }</code> ni yana yuboring.
