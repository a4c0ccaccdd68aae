# My orders, order cards, notifications about orders, admin alerts about orders

menu-orders = 📦 Buyurtmalarim
cmd-orders = Buyurtmalarim va ularning holati

# Statuses, as customers see them
status-placing = berilmoqda
status-unknown = tekshirilmoqda
status-failed = berilmadi, pul qaytarildi
status-pending = kutilmoqda
status-processing = ishlanmoqda
status-in-progress = bajarilmoqda
status-completed = bajarildi
status-partial = qisman bajarildi
status-canceled = bekor qilindi
status-other = { $status }
status-cancel-requested = { $status }, bekor qilish soʻralgan
status-active = faol
status-expired = muddati tugadi

# The list
orders-empty = Sizda hali buyurtmalar yoʻq.
orders-title = <b>Buyurtmalarim</b>: { $count } ta buyurtma, { $page }/{ $pages }-sahifa
orders-line = #{ $id } · { $service } × { $quantity } · { $status } · { $charge }
orders-back = « Buyurtmalarim

# The card
order-card-title = <b>Buyurtma #{ $id }</b>
order-card =
    { $service }
    Havola: { $link }
    Miqdor: { $quantity }
    Summa: { $charge }
    Berilgan: { $placed }
    Holat: <b>{ $status }</b>
order-card-progress = Hozircha bajarildi: { $quantity } tadan { $delivered } tasi
order-card-refund = Balansingizga qaytarildi: { $refund }
order-refresh = 🔄 Yangilash
order-cancel = ✖️ Buyurtmani bekor qilish
order-cancel-yes = Ha, bekor qilinsin
order-cancel-no = Yoʻq, qolsin
order-cancel-confirm = Bu buyurtma bekor qilinsinmi? Bekor qilish tasdiqlangach, bajarilmagan qism uchun pul balansingizga qaytariladi.
order-card-refill-requested = Tiklash: soʻralgan, bajarilmoqda
order-card-refill-checking = Tiklash: tekshirilmoqda
order-card-refill-done = Tiklash: bajarildi
order-card-refill-rejected = Tiklash: rad etildi
order-refill = 🔁 Tiklash

# What just happened, under the card or as a short answer to a tap
order-not-found = Buyurtma topilmadi.
order-checking = Buyurtmani tekshiryapmiz…
order-cancel-sending = Bekor qilish soʻrovi yuborilmoqda…
order-cannot-cancel = Bu buyurtmani endi bekor qilib boʻlmaydi.
order-cancel-not-allowed = Bu xizmat bekor qilishni qoʻllab-quvvatlamaydi.
order-cancel-already = Bu buyurtmani bekor qilish allaqachon soʻralgan.
order-card-no-answer = ⚠️ Hozir buyurtmani tekshira olmadik: oxirgi maʼlum holat koʻrsatilgan.
order-card-panel-error = ⚠️ Hozir bu buyurtma holatini bila olmadik. Bu takrorlansa, administratorlarimiz shugʻullanadi.
order-cancel-accepted = Bekor qilish soʻrovi qabul qilindi. Buyurtma bekor qilingani tasdiqlanishi bilan pul qaytariladi.
order-cancel-refused = Bu buyurtmani bekor qilish rad etildi.
order-cancel-unknown-order = Bu buyurtmani bekor qila olmadik: u topilmadi. Administratorlarimiz buni koʻrib chiqishi mumkin.
order-cancel-no-answer = ⚠️ Aniq javob kelmadi. Buyurtma bekor qilinganini bilish uchun bir daqiqadan soʻng yangilang.
order-refill-sending = Tiklash soʻrovi yuborilmoqda…
order-refill-not-offered = Bu xizmatda tiklash kafolati yoʻq.
order-refill-withdrawn = Bu xizmat endi tiklashni taklif qilmaydi.
order-refill-not-finished = Tiklashni buyurtma bajarilgach soʻrash mumkin.
order-refill-already = Bu buyurtmani tiklash allaqachon bajarilmoqda.
order-refill-checking = Bu buyurtmani tiklash soʻrovi tekshirilmoqda: aniq javob olmadik. Administratorlarimiz koʻrib chiqmoqda.
order-refill-not-eligible = Bu buyurtmani tiklab boʻlmaydi.
order-refill-refused = Tiklash soʻrovi rad etildi.
order-refill-not-sent = Hozir soʻrovni yubora olmadik, shuning uchun hech narsa soʻralmadi. Bir necha daqiqadan soʻng qayta urinib koʻring.
order-refill-accepted = 🔁 Tiklash soʻraldi. Bajarilganda xabar beramiz.

# Notifications
notify-started = ▶️ #{ $number } buyurtmangiz ({ $service }, { $quantity }) bajarila boshladi.
notify-completed = ✅ #{ $number } buyurtmangiz ({ $service }, { $quantity }) bajarildi.
notify-settled = ✅ #{ $number } buyurtmangiz ({ $service }) yakunlandi. U eng koʻp summadan arzonroq tushdi: { $refund } balansingizga qaytarildi.
notify-partial = ◐ #{ $number } buyurtmangiz ({ $service }) qisman bajarildi: { $quantity } tadan { $delivered } tasi. Qolgan qism uchun { $refund } balansingizga qaytarildi.
notify-canceled = ✖️ #{ $number } buyurtmangiz ({ $service }) bekor qilindi. { $refund } balansingizga qaytarildi.
notify-expired = ✅ #{ $number } buyurtmangiz ({ $service }, { $quantity }) muddati tugadi: obuna yakunlandi.
notify-refill-accepted = 🔁 #{ $number } buyurtmangizni ({ $service }) tiklash soʻrovi qabul qilindi. Bajarilganda xabar beramiz.
notify-refill-done = ✅ #{ $number } buyurtmangiz ({ $service }) tiklandi.
notify-refill-rejected = ✖️ #{ $number } buyurtmangizni ({ $service }) tiklash rad etildi. Tiklanishi kerak deb oʻylasangiz, yordamga yozing.

# Admin alerts
alert-unknown-status = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel nomaʼlum holat haqida xabar bermoqda: «{ $status }». U saqlandi, buyurtma tugallanmagan sifatida kuzatilmoqda.
alert-order-missing = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel ketma-ket { $count } marta «{ $error }» deb javob berdi. Uni panelda tekshiring.
alert-partial-without-remains = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel Partial deydi, lekin qancha qolganini aytmaydi, shuning uchun pul hali qaytarilmadi. Panel aytmaguncha buyurtma ochiq qoladi.
alert-panel-charged-more = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel { $charged } yechdi, buyurtma berilgan kungi narx boʻyicha esa { $expected } kutilgan edi. Xizmat tannarxidan arzon sotilayotgan boʻlishi mumkin: narxini /price bilan tekshiring.
alert-ended-without-charge = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }) yakunlandi, lekin panel qancha yechganini aytmadi, shuning uchun ushlab qolingan summa toʻliq qoldi. Panelda tekshiring va kerakli summani /credit bilan qaytaring.
alert-sweep-failing = ⚠️ Buyurtma holatlarini tekshirish ketma-ket { $count } marta muvaffaqiyatsiz boʻldi: { $error }. Urinishda davom etamiz, koʻpi bilan { $delay } soniya oraligʻida.
alert-refill-unknown = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): tiklash soʻraldi, aniq javob kelmadi ({ $error }). Panel uni qabul qilgan boʻlishi mumkin: u yerda tekshiring. Shu orada bu buyurtma uchun boshqa tiklash soʻralmaydi.
alert-refill-refused = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): panel tiklashni rad etdi: «{ $error }».
alert-refill-missing = ⚠️ #{ $order } buyurtma (panelda № { $panel }, mijoz { $user }): № { $refill } tiklash haqida panel «{ $error }» deb javob berdi. U kuzatilishda davom etadi.

# Inline mode: @bot 23501 in any chat
inline-title = #{ $number } · { $status }
inline-private-link = 🔒 yopiq taklif havolasi (yashirilgan)
inline-start = Buyurtma berish va kuzatish uchun botni oching
inline-no-orders = Sizda hali buyurtma yoʻq: botni oching
inline-no-match = { $query } raqamli buyurtmangiz yoʻq
inline-no-word-match = «{ $query }» boʻyicha hech narsa topilmadi: botni oching

# My orders: status filters, search, Order again (issue 16, point 7)
orders-filter-all = Hammasi
orders-filter-active = Faol
orders-filter-completed = Bajarilgan
orders-filter-short = Qisman bajarilgan / bekor qilingan
orders-filtered = Koʻrsatilmoqda: { $filter }
orders-none-here = Bu yerda buyurtma yoʻq: quyida boshqa filtrni tanlang.
orders-search = 🔎 Qidirish
orders-search-again = 🔎 Yana qidirish
orders-search-ask = 🔎 Buyurtma raqamini (masalan, #12) yoki havolasining bir qismini yuboring.
orders-search-empty = Iltimos, buyurtma raqamini (masalan, #12) yoki havolasining bir qismini matn qilib yuboring.
orders-search-too-long = Qidirish uchun juda uzun: koʻpi bilan 300 ta belgi yuboring.
orders-search-too-short = Havolaning kamida 3 ta belgisini yoki buyurtma raqamini yuboring.
orders-search-busy = Siz hozir buyurtma bermoqdasiz: uni yakunlang yoki /cancel yuboring, keyin qidiring.
orders-search-none = { $query } boʻyicha buyurtmangiz topilmadi.
orders-search-found = 🔎 { $query } boʻyicha { $count } ta buyurtmangiz topildi.
orders-search-more = Quyida eng yangi { $shown } tasi.
order-card-start-count = Boshlangʻich miqdor: { $count }
order-card-delivered = Bajarildi: { $quantity } tadan { $delivered } tasi
order-card-unchanged = 🔄 Dolzarb: oxirgi tekshiruvdan beri hech narsa oʻzgarmadi.
order-card-final = Bu buyurtma yakunlangan: uning holati endi oʻzgarmaydi.
order-again = 🛒 Qayta buyurtma berish
