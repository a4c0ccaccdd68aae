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

# The list
orders-empty = Sizda hali buyurtmalar yo'q.
orders-title = <b>Buyurtmalarim</b>: { $count } ta buyurtma, { $pages } sahifadan { $page }-sahifa
orders-line = #{ $id } · № { $panel } · { $service } × { $quantity } · { $status } · { $charge }
orders-line-unplaced = #{ $id } · { $service } × { $quantity } · { $status } · { $charge }
orders-back = « Buyurtmalarim

# The card
order-card-title = <b>Buyurtma № { $panel }</b> (#{ $id })
order-card-title-unplaced = <b>Buyurtma #{ $id }</b> (yetkazib beruvchida hali raqami yo'q)
order-card =
    { $service }
    Havola: { $link }
    Miqdor: { $quantity }
    Narx: { $charge }
    Berilgan: { $placed } UTC
    Holat: <b>{ $status }</b>
order-card-progress = Hozircha bajarildi: { $quantity } tadan { $delivered } tasi
order-card-refund = Balansingizga qaytarildi: { $refund }
order-refresh = 🔄 Yangilash
order-cancel = ✖️ Buyurtmani bekor qilish
order-cancel-yes = Ha, bekor qilinsin
order-cancel-no = Yo'q, qolsin
order-cancel-confirm = Bu buyurtma bekor qilinsinmi? Yetkazib beruvchi tasdiqlagach, bajarilmagan qism uchun pul balansingizga qaytadi.

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

# Notifications
notify-started = ▶️ № { $panel } buyurtmangiz ({ $service }, { $quantity }) bajarila boshladi.
notify-completed = ✅ № { $panel } buyurtmangiz ({ $service }, { $quantity }) bajarildi.
notify-settled = ✅ № { $panel } buyurtmangiz ({ $service }) yakunlandi. U eng koʻp summadan arzonroq tushdi: { $refund } balansga qaytarildi.
notify-partial = ◐ № { $panel } buyurtmangiz ({ $service }) qisman bajarildi: { $quantity } tadan { $delivered } tasi. Qolgan qism uchun { $refund } balansingizga qaytdi.
notify-canceled = ✖️ № { $panel } buyurtmangiz ({ $service }) bekor qilindi. { $refund } balansingizga qaytdi.

# Admin alerts
alert-unknown-status = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel noma'lum holat haqida xabar bermoqda: “{ $status }”. U saqlandi, buyurtma tugallanmagan sifatida kuzatilmoqda.
alert-order-missing = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel ketma-ket { $count } marta “{ $error }” deb javob berdi. Uni panelda tekshiring.
alert-partial-without-remains = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel Partial deydi, lekin qancha qolganini aytmaydi, shuning uchun pul hali qaytarilmadi. Panel aytmaguncha buyurtma ochiq qoladi.
alert-panel-charged-more = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel { $charged } yechdi, bu buyurtma berilgan kungi narx boʻyicha kutilgan { $expected } dan koʻp. Xizmat tannarxidan arzon sotilayotgan boʻlishi mumkin: narxini /price bilan tekshiring.
alert-sweep-failing = ⚠️ Buyurtma holatlarini tekshirish ketma-ket { $count } marta muvaffaqiyatsiz bo'ldi: { $error }. Urinishda davom etamiz, ko'pi bilan { $delay } soniya oralig'ida.

# Inline mode: @bot 23501 in any chat
inline-title = № { $number } · { $status }
inline-private-link = 🔒 yopiq taklif havolasi (yashirilgan)
inline-start = Buyurtma berish va kuzatish uchun botni oching
inline-no-orders = Sizda hali buyurtma yo'q: botni oching
inline-no-match = { $query } raqamli buyurtmangiz yo'q
