# My orders, order cards, notifications about orders, admin alerts about orders

menu-orders = 📦 Buyurtmalarim
cmd-orders = Buyurtmalarim va ularning holati

# Statuses, as customers see them
status-placing = joylashtirilmoqda
status-unknown = tekshirilmoqda
status-failed = joylashtirilmadi, pul qaytarildi
status-pending = navbatda
status-processing = ishlov berilmoqda
status-in-progress = bajarilmoqda
status-completed = bajarildi
status-partial = qisman bajarildi
status-canceled = bekor qilindi
status-other = { $status }
status-cancel-requested = { $status }, bekor qilish so'ralgan
status-active = faol
status-expired = muddati tugadi

# The list
orders-empty = Sizda hali buyurtmalar yo'q.
orders-title = <b>Buyurtmalarim</b>: { $count } ta buyurtma, { $pages } sahifadan { $page }-sahifa
orders-line = #{ $id } · { $service } × { $quantity } · { $status } · { $charge }
orders-back = « Buyurtmalarim

# The card
order-card-title = <b>Buyurtma #{ $id }</b>
order-card =
    { $service }
    Havola: { $link }
    Miqdor: { $quantity }
    Narx: { $charge }
    Berilgan: { $placed }
    Holat: <b>{ $status }</b>
order-card-progress = Hozircha bajarildi: { $quantity } tadan { $delivered } tasi
order-card-refund = Balansingizga qaytarildi: { $refund }
order-refresh = 🔄 Yangilash
order-cancel = ✖️ Buyurtmani bekor qilish
order-cancel-yes = Ha, bekor qilinsin
order-cancel-no = Yo'q, qolsin
order-cancel-confirm = Bu buyurtma bekor qilinsinmi? Yetkazib beruvchi tasdiqlagach, bajarilmagan qism uchun pul balansingizga qaytadi.
order-card-refill-requested = Qayta toʻldirish: soʻralgan, bajarilmoqda
order-card-refill-checking = Qayta toʻldirish: tekshirilmoqda
order-card-refill-done = Qayta toʻldirish: bajarildi
order-card-refill-rejected = Qayta toʻldirish: rad etildi
order-refill = 🔁 Qayta toʻldirish

# What just happened, under the card or as a short answer to a tap
order-not-found = Buyurtma topilmadi.
order-checking = Yetkazib beruvchidan so'rayapmiz…
order-cancel-sending = Bekor qilish so'rovi yuborilmoqda…
order-cannot-cancel = Bu buyurtmani endi bekor qilib bo'lmaydi.
order-cancel-not-allowed = Bu xizmat bekor qilishni qo'llab-quvvatlamaydi.
order-cancel-already = Bu buyurtmani bekor qilish allaqachon so'ralgan.
order-card-no-answer = ⚠️ Yetkazib beruvchi hozir javob bermadi: oxirgi ma'lum holat ko'rsatilgan.
order-card-panel-error = ⚠️ Yetkazib beruvchi hozir bu buyurtma haqida xabar bera olmadi. Bu takrorlansa, adminlarimiz shug'ullanadi.
order-cancel-accepted = Yetkazib beruvchi bekor qilish so'rovini qabul qildi. Buyurtma bekor qilingani tasdiqlanishi bilan pul qaytadi.
order-cancel-refused = Yetkazib beruvchi bu buyurtmani bekor qilishni rad etdi.
order-cancel-unknown-order = Yetkazib beruvchi bekor qilish uchun bu buyurtmani topa olmadi. Adminlarimiz buni ko'rib chiqishi mumkin.
order-cancel-no-answer = ⚠️ Yetkazib beruvchidan aniq javob kelmadi. Buyurtma bekor qilinganini bilish uchun bir daqiqadan so'ng yangilang.
order-refill-sending = Qayta toʻldirish soʻrovi yuborilmoqda…
order-refill-not-offered = Bu xizmatda qayta toʻldirish kafolati yoʻq.
order-refill-withdrawn = Bu xizmat endi qayta toʻldirishni taklif qilmaydi.
order-refill-not-finished = Qayta toʻldirishni buyurtma bajarilgach soʻrash mumkin.
order-refill-already = Bu buyurtmani qayta toʻldirish allaqachon bajarilmoqda.
order-refill-checking = Bu buyurtmani qayta toʻldirish soʻrovi tekshirilmoqda: aniq javob olmadik. Administratorlarimiz koʻrib chiqmoqda.
order-refill-not-eligible = Yetkazib beruvchi bu buyurtmani qayta toʻldirib boʻlmasligini aytmoqda.
order-refill-refused = Yetkazib beruvchi qayta toʻldirish soʻrovini rad etdi.
order-refill-not-sent = Yetkazib beruvchi bilan bogʻlanib boʻlmadi, hech narsa soʻralmadi. Bir necha daqiqadan soʻng qayta urinib koʻring.
order-refill-accepted = 🔁 Qayta toʻldirish soʻraldi. Bajarilganda xabar beraman.

# Notifications
notify-started = ▶️ #{ $number } buyurtmangiz ({ $service }, { $quantity }) bajarila boshladi.
notify-completed = ✅ #{ $number } buyurtmangiz ({ $service }, { $quantity }) bajarildi.
notify-settled = ✅ #{ $number } buyurtmangiz ({ $service }) yakunlandi. U eng koʻp summadan arzonroq tushdi: { $refund } balansga qaytarildi.
notify-partial = ◐ #{ $number } buyurtmangiz ({ $service }) qisman bajarildi: { $quantity } tadan { $delivered } tasi. Qolgan qism uchun { $refund } balansingizga qaytdi.
notify-canceled = ✖️ #{ $number } buyurtmangiz ({ $service }) bekor qilindi. { $refund } balansingizga qaytdi.
notify-expired = ✅ #{ $number } buyurtmangiz ({ $service }, { $quantity }) muddati tugadi: obuna yakunlandi.
notify-refill-accepted = 🔁 #{ $number } buyurtmangizni ({ $service }) qayta toʻldirish soʻrovi qabul qilindi. Bajarilganda xabar beraman.
notify-refill-done = ✅ #{ $number } buyurtmangiz ({ $service }) qayta toʻldirildi.
notify-refill-rejected = ✖️ #{ $number } buyurtmangizni ({ $service }) qayta toʻldirish rad etildi. Qayta toʻldirilishi kerak deb hisoblasangiz, yordamga yozing.

# Admin alerts
alert-unknown-status = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel noma'lum holat haqida xabar bermoqda: “{ $status }”. U saqlandi, buyurtma tugallanmagan sifatida kuzatilmoqda.
alert-order-missing = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel ketma-ket { $count } marta “{ $error }” deb javob berdi. Uni panelda tekshiring.
alert-partial-without-remains = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel Partial deydi, lekin qancha qolganini aytmaydi, shuning uchun pul hali qaytarilmadi. Panel aytmaguncha buyurtma ochiq qoladi.
alert-panel-charged-more = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel { $charged } yechdi, bu buyurtma berilgan kungi narx boʻyicha kutilgan { $expected } dan koʻp. Xizmat tannarxidan arzon sotilayotgan boʻlishi mumkin: narxini /price bilan tekshiring.
alert-ended-without-charge = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }) yakunlandi, lekin panel qancha yechganini aytmadi, shuning uchun ushlab qolingan summa toʻliq qoldi. Panelda tekshiring va kerakli summani /credit bilan qaytaring.
alert-sweep-failing = ⚠️ Buyurtma holatlarini tekshirish ketma-ket { $count } marta muvaffaqiyatsiz bo'ldi: { $error }. Urinishda davom etamiz, ko'pi bilan { $delay } soniya oralig'ida.
alert-refill-unknown = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): qayta toʻldirish soʻraldi, aniq javob kelmadi ({ $error }). Panel uni qabul qilgan boʻlishi mumkin: u yerda tekshiring. Shu orada bu buyurtma uchun boshqa qayta toʻldirish soʻralmaydi.
alert-refill-refused = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel qayta toʻldirishni rad etdi: “{ $error }”.
alert-refill-missing = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): { $refill } qayta toʻldirish haqida panel “{ $error }” deb javob berdi. U kuzatilishda davom etadi.

# Inline mode: @bot 23501 in any chat
inline-title = #{ $number } · { $status }
inline-private-link = 🔒 yopiq taklif havolasi (yashirilgan)
inline-start = Buyurtma berish va kuzatish uchun botni oching
inline-no-orders = Sizda hali buyurtma yo'q: botni oching
inline-no-match = { $query } raqamli buyurtmangiz yo'q
