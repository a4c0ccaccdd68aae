menu-order = 🛒 Yangi buyurtma
menu-balance = 💰 Balans
cmd-order = Yangi buyurtma berish
cmd-balance = Balansingiz
cmd-cancel = Joriy buyurtmani bekor qilish

nav-back = « Orqaga
nav-cancel = ✖ Bekor qilish
nav-keep = ✔ Shu qolsin
order-confirm = ✅ Tasdiqlash va toʻlash

catalogue-unavailable = Hozir buyurtma qabul qilmayapmiz. Keyinroq qayting: balansingiz saqlanadi.
catalogue-empty = Hozircha buyurtma qilish uchun hech narsa yoʻq.
catalogue-changed = Xizmatlar roʻyxati oʻzgardi. Mana yangisi.
order-expired = Bu taklif eskirgan. Qaytadan boshlash uchun /order yuboring.
service-gone = Bu xizmat endi mavjud emas. Boshqasini tanlang.

order-categories =
    <b>Yangi buyurtma</b>
    Boʻlimni tanlang ({ $page }/{ $pages }-sahifa):
order-services =
    <b>{ $category }</b>
    Xizmatni tanlang ({ $page }/{ $pages }-sahifa), narxlar 1000 tasi uchun:
order-listed-price = { $package ->
        [yes] paket narxi { $price }
       *[no] { $price }
    }
order-service =
    <b>{ $service }</b>
    { $package ->
        [yes] Narxi: butun paket uchun { $price }
       *[no] Narxi: 1000 tasi uchun { $price }
            Miqdori: { $min } tadan { $max } tagacha
    }
    { $cancel ->
        [yes] Bajarilayotgan paytda bekor qilish mumkin.
       *[no] Buyurtma berilgandan keyin bekor qilib boʻlmaydi.
    }
order-ask-link-telegram = Kanal, guruh yoki postga havolani yuboring: https://t.me/… yoki @name.
order-ask-link = Toʻliq havolani yuboring, https:// bilan boshlansin.
order-current-link = Joriy havola: { $link }. Yangisini yuboring yoki «Shu qolsin»ni bosing.
order-bad-link-telegram = Bu Telegram havolasi emas. https://t.me/channel yoki @channel koʻrinishidagi havolani yuboring.
order-bad-link = Bu havola emas. https:// bilan boshlanadigan toʻliq manzilni yuboring.
order-ask-quantity = Nechta kerak? { $min } tadan { $max } tagacha son yuboring.
order-ask-quantity-per-run = Har bir bosqichda nechta? Bosqichma-bosqich buyurtmada shuncha har bir bosqichda bajariladi: { $min } tadan { $max } tagacha butun son yuboring.
order-current-quantity = Joriy miqdor: { $quantity }. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-quantity = Iltimos, { $min } tadan { $max } tagacha butun son yuboring, faqat raqamlar bilan.
order-quantity-low = Bu xizmat qabul qiladigan miqdordan kam: { $min } tadan { $max } tagacha butun son yuboring.
order-quantity-high = Bu xizmat qabul qiladigan miqdordan koʻp: { $min } tadan { $max } tagacha butun son yuboring.
order-ask-answer = Soʻrovnomaning qaysi javob variantiga ovoz berilsin? Uning raqamini yuboring: birinchi variant uchun 1, eng koʻpi { $max }.
order-current-answer = Joriy javob varianti: { $answer }. Boshqa raqam yuboring yoki «Shu qolsin»ni bosing.
order-bad-answer = Iltimos, javob variantining raqamini yuboring: 1 dan { $max } gacha butun son.
order-text-only = Iltimos, buni matn koʻrinishida yuboring.

order-summary =
    <b>Buyurtmani tekshiring</b>
    Xizmat: { $service }
    Havola: { $link }
    Miqdor: { $quantity }
order-summary-answer = Javob varianti: { $answer }
order-summary-charge =
    Toʻlanadi: <b>{ $charge }</b>
    Balansingiz: { $balance } → { $after }
order-summary-short =
    Toʻlanadi: <b>{ $charge }</b>
    Balansingiz: { $balance }, { $missing } yetmaydi.
    Quyidagi tugma bilan balansni toʻldiring: toʻlovdan soʻng sizni tasdiqlash uchun shu yerga qaytaramiz.
order-price-changed = ⚠️ Narx oʻzgardi. Mana yangi summa:
order-already-placed = Bu buyurtma allaqachon berilgan.
order-placing = ⏳ Buyurtma berilmoqda…
order-placed =
    ✅ Buyurtma berildi. Buyurtma raqami: <b>#{ $number }</b>
    Yechildi: { $charge }. Balansingiz: { $balance }.
    Bajarilganda sizga xabar beramiz.
order-cancelled = Buyurtma berish bekor qilindi. Hech narsa yechilmadi.
order-nothing-to-cancel = Hozir rasmiylashtirilayotgan buyurtma yoʻq.

order-failed-shop = ❌ Hozir buyurtma qabul qila olmaymiz. { $charge } balansingizga qaytarildi. Administratorlarga xabar berildi; keyinroq urinib koʻring.
order-failed-service = ❌ Buyurtmani bera olmadik: bu xizmat endi mavjud emas. { $charge } balansingizga qaytarildi. /order orqali boshqa xizmatni tanlang.
order-failed-link = ❌ Buyurtmani bera olmadik: bu havola qabul qilinmadi. { $charge } balansingizga qaytarildi. Havola toʻgʻri va ochiq ekanini tekshirib, /order orqali qayta urinib koʻring.
order-failed-quantity = ❌ Buyurtmani bera olmadik: bu miqdor qabul qilinmadi. { $charge } balansingizga qaytarildi. /order orqali boshqa miqdorni sinab koʻring.
order-failed-answer = ❌ Buyurtmani bera olmadik: soʻrovnomaning javob varianti kerak. { $charge } balansingizga qaytarildi. /order orqali qayta urinib koʻring.
order-failed-other = ❌ Buyurtmani bera olmadik. { $charge } balansingizga qaytarildi. Keyinroq urinib koʻring.
order-failed-unreachable = ❌ Hozir buyurtmani bera olmadik, shuning uchun hech narsa buyurtma qilinmadi. { $charge } balansingizga qaytarildi. Bir necha daqiqadan soʻng urinib koʻring.
order-unknown = ⚠️ Buyurtma berilgan-berilmagani hozircha nomaʼlum: tekshiryapmiz. { $charge } shu vaqtgacha ushlab turiladi, natijasini sizga aytamiz.

balance =
    Balansingiz: <b>{ $balance }</b>
    Toʻldirish: /topup.
balance-support = Toʻlov boʻyicha savollar: { $contact }

alert-order-unknown =
    ⚠️ #{ $order } buyurtmaning natijasi nomaʼlum: panelda u boʻlishi ham, boʻlmasligi ham mumkin.
    Mijoz: { $user }. Xizmat { $service_id }: { $service }
    Havola: { $link }
    Miqdor: { $quantity }, summa: { $charge }
    Nima boʻldi: { $error }
    Siz hal qilmaguningizcha pul ushlab turiladi.
alert-order-interrupted =
    ⚠️ #{ $order } buyurtma berilayotganda bot toʻxtadi: panelda u boʻlishi ham, boʻlmasligi ham mumkin.
    Mijoz: { $user }. Xizmat { $service_id }: { $service }
    Havola: { $link }
    Miqdor: { $quantity }, summa: { $charge }
    Siz hal qilmaguningizcha pul ushlab turiladi.
alert-panel-refused =
    ⚠️ Panel #{ $order } buyurtmani «{ $error }» xatosi bilan rad etdi: bu tuzatilmaguncha mijozlar buyurtma bera olmaydi. Mijozga pul qaytarildi.
    Biror buyurtma oʻtmaguncha bunday rad etishlar boshqa xabar qilinmaydi.
alert-panel-refused-named =
    ⚠️ { $panel } paneli #{ $order } buyurtmani «{ $error }» xatosi bilan rad etdi: bu tuzatilmaguncha uning xizmatlarini buyurtma qilib boʻlmaydi. Mijozga pul qaytarildi.
    Unda biror buyurtma oʻtmaguncha bunday rad etishlar boshqa xabar qilinmaydi.

nav-skip = ⏭ Oʻtkazib yuborish
order-current-skipped = Avval buni oʻtkazib yuborgansiz. Javob yuboring yoki «Shu qolsin»ni bosing.
order-service-dripfeed = Bosqichma-bosqich buyurtma qilish mumkin: bir necha bosqichda, oraliq bilan.
order-summary-dripfeed = Bosqichma-bosqich: { $quantity } × { $runs } bosqich, har { $interval } daqiqada = { $total }
order-ask-runs = Bosqichma-bosqich: buyurtma necha bosqichda bajarilsin? Sonni bosing, 2 tadan { $max } tagacha son yuboring yoki hammasi birdaniga boʻlishi uchun «Oʻtkazib yuborish»ni bosing.
order-current-runs = Joriy bosqichlar: { $runs } ta. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-runs = Iltimos, 2 tadan { $max } tagacha butun son yuboring yoki «Oʻtkazib yuborish»ni bosing.
order-dripfeed-per-run = Har bir bosqichda { $quantity } ta, jami:
order-dripfeed-choice = { $runs } bosqich: { $total } ta, { $charge }
order-dripfeed-total = Jami: { $quantity } × { $runs } bosqich = { $total } ta, { $charge }
order-ask-interval = Bosqichlar orasida necha daqiqa boʻlsin? Sonni bosing yoki 1 dan { $max } gacha son yuboring.
order-current-interval = Joriy oraliq: { $interval } daqiqa. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-interval = Iltimos, oraliqni daqiqalarda yuboring: 1 dan { $max } gacha butun son.
order-ask-comments = Izohlarni yuboring, har birini alohida qatorda: { $min } tadan { $max } tagacha qator. Har bir qator — bitta izoh.
order-current-comments = Joriy izohlar: { $comments } ta. Yangilarini yuboring yoki «Shu qolsin»ni bosing.
order-bad-comments = Iltimos, { $min } tadan { $max } tagacha izoh yuboring, har biri alohida qatorda, 500 belgidan oshmasin.
order-summary-comments = Izohlar: { $comments } ta
order-ask-usernames = Foydalanuvchi nomlarini yuboring, har birini alohida qatorda ({ $min } tadan { $max } tagacha), masalan @name.
order-current-usernames = Joriy nomlar: { $usernames } ta. Yangilarini yuboring yoki «Shu qolsin»ni bosing.
order-bad-usernames = Iltimos, { $min } tadan { $max } tagacha foydalanuvchi nomini yuboring, har biri alohida qatorda, boʻshliqsiz, masalan @name.
order-summary-usernames = Foydalanuvchi nomlari: { $usernames } ta
order-ask-hashtags = Heshteglarni yuboring, har birini alohida qatorda ({ $min } tadan { $max } tagacha), masalan #sale.
order-current-hashtags = Joriy heshteglar: { $hashtags } ta. Yangilarini yuboring yoki «Shu qolsin»ni bosing.
order-bad-hashtags = Iltimos, { $min } tadan { $max } tagacha heshteg yuboring, har biri alohida qatorda, boʻshliqsiz.
order-summary-hashtags = Heshteglar: { $hashtags } ta
order-ask-keywords = Qidiruv uchun kalit soʻzlarni yuboring, har birini alohida qatorda ({ $min } tadan { $max } tagacha).
order-current-keywords = Joriy kalit soʻzlar: { $keywords } ta. Yangilarini yuboring yoki «Shu qolsin»ni bosing.
order-bad-keywords = Iltimos, { $min } tadan { $max } tagacha kalit soʻz yuboring, har biri alohida qatorda, 500 belgidan oshmasin.
order-summary-keywords = Kalit soʻzlar: { $keywords } ta
order-ask-groups = Taklif qilinadigan guruhlarni yuboring, har birini alohida qatorda ({ $min } tadan { $max } tagacha).
order-current-groups = Joriy guruhlar: { $groups } ta. Yangilarini yuboring yoki «Shu qolsin»ni bosing.
order-bad-groups = Iltimos, { $min } tadan { $max } tagacha guruh yuboring, har biri alohida qatorda, 500 belgidan oshmasin.
order-summary-groups = Guruhlar: { $groups } ta
order-ask-username = Foydalanuvchi nomini yuboring, masalan @name.
order-current-username = Joriy nom: { $username }. Boshqasini yuboring yoki «Shu qolsin»ni bosing.
order-bad-username = Iltimos, bitta foydalanuvchi nomini boʻshliqsiz yuboring, masalan @name.
order-summary-username = Foydalanuvchi nomi: { $username }
order-ask-hashtag = Heshtegni yuboring, masalan #sale.
order-current-hashtag = Joriy heshteg: { $hashtag }. Boshqasini yuboring yoki «Shu qolsin»ni bosing.
order-bad-hashtag = Iltimos, bitta heshtegni boʻshliqsiz yuboring, masalan #sale.
order-summary-hashtag = Heshteg: { $hashtag }
order-ask-media = Layk bosganlarini eslatish kerak boʻlgan postga havolani yuboring, https:// bilan boshlansin.
order-current-media = Joriy post: { $media }. Boshqa havola yuboring yoki «Shu qolsin»ni bosing.
order-bad-media = Bu havola emas. Postning toʻliq manzilini yuboring, https:// bilan boshlansin.
order-summary-media = Post: { $media }

order-ask-min = Obuna: har bir yangi postga kamida nechta? { $min } tadan { $max } tagacha butun son yuboring.
order-current-min = Joriy eng kam: { $min }. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-min = Iltimos, { $min } tadan { $max } tagacha butun son yuboring.
order-summary-min = Har bir postga kamida: { $min }
order-ask-max = Har bir yangi postga koʻpi bilan nechta? Siz kiritgan eng kam sondan { $max } tagacha.
order-current-max = Joriy eng koʻp: { $max }. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-max = Iltimos, eng kam sondan kichik boʻlmagan va { $max } dan oshmaydigan butun son yuboring.
order-summary-max = Har bir postga koʻpi bilan: { $max }
order-ask-posts = Nechta yangi post uchun? 1 tadan { $max } tagacha butun son yuboring.
order-current-posts = Joriy postlar: { $posts } ta. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-posts = Iltimos, 1 tadan { $max } tagacha butun son yuboring.
order-summary-posts = Postlar: { $posts } ta
order-ask-old-posts = Mavjud oxirgi postlardan nechtasi uchun ham? 1 tadan { $max } tagacha son yuboring yoki «Oʻtkazib yuborish»ni bosing.
order-current-old-posts = Joriy mavjud postlar: { $old_posts } ta. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-old-posts = Iltimos, 1 tadan { $max } tagacha butun son yuboring yoki «Oʻtkazib yuborish»ni bosing.
order-summary-old-posts = Mavjud postlar: { $old_posts } ta
order-ask-delay = Post chiqqandan necha daqiqa keyin boshlansin? Tugmalardan birini bosing: { $delays } daqiqa.
order-current-delay = Joriy kechikish: { $delay } daqiqa. Boshqa son yuboring yoki «Shu qolsin»ni bosing.
order-bad-delay = Kechikish faqat shulardan biri boʻlishi mumkin: { $delays } daqiqa. Iltimos, tugmalardan birini bosing.
order-summary-delay = Kechikish: { $delay } daqiqa
order-ask-expiry = Qaysi kungacha? Sanani yuboring, masalan 31/12/2026, yoki muddatsiz boʻlishi uchun «Oʻtkazib yuborish»ni bosing.
order-current-expiry = Joriy tugash sanasi: { $expiry }. Boshqasini yuboring yoki «Shu qolsin»ni bosing.
order-bad-expiry = Iltimos, oʻtmishda boʻlmagan sanani yuboring, masalan 31/12/2026.
order-summary-expiry = Tugaydi: { $expiry }
order-summary-most = Hozir eng koʻp summa yechiladi; bajarilmagan qismi uchun pul obuna tugaganda balansga qaytariladi.
order-summary-discount = 🎁 { $discount }% chegirmangiz narxga kiritilgan.

# The service's card (issue 16, point 6) and Order again
order-service-number = Xizmat raqami: { $number }
order-service-discount = 🎁 Chegirmangiz: { $discount }%, narxga allaqachon kiritilgan.
order-service-admin = 🔑 Administratorlar uchun: bizga { $cost } turadi, mijozlar { $package ->
        [yes] butun paket uchun
       *[no] 1000 tasi uchun
    } { $price } toʻlaydi.
order-service-refill = { $refill ->
        [yes] ♻️ Tiklash kafolati: bor
       *[no] Tiklash kafolati: yoʻq
    }
order-service-average = ⏱ Oʻrtacha bajarilish vaqti: { $duration } (oxirgi { $count } ta bajarilgan buyurtmamiz boʻyicha)
duration-minutes = taxminan { $minutes } daqiqa
duration-hours = taxminan { $hours } soat
duration-hours-minutes = taxminan { $hours } soat { $minutes } daqiqa
duration-days = taxminan { $days } kun
duration-days-hours = taxminan { $days } kun { $hours } soat
order-again-link = Oldingi havolaning oʻzi: { $link }
order-again-gone = Bu xizmat endi bizda yoʻq. Iltimos, katalogdan boshqasini tanlang.
# Top up from a summary the balance does not cover
order-topup = ⭐ Toʻldirish: { $amount } ({ $stars } ⭐)
order-topup-crypto = 🪙 Kriptovalyuta bilan { $amount } toʻldirish
order-topup-invoice = Mana { $stars } ⭐ uchun toʻlov soʻrovi: balansga +{ $amount }. Toʻlovdan soʻng sizni tasdiqlash uchun buyurtmangizga qaytaramiz.
order-topup-sent = Bu buyurtma uchun toʻlov soʻrovi chatda bor. Toʻlovdan soʻng sizni shu yerga qaytaramiz.
order-back-to-summary = ↩️ Buyurtmaga qaytish
