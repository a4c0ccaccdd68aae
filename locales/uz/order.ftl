menu-order = 🛒 Yangi buyurtma
menu-balance = 💰 Balans
cmd-order = Yangi buyurtma berish
cmd-balance = Balansingiz
cmd-cancel = Joriy buyurtmani bekor qilish

nav-back = « Orqaga
nav-cancel = ✖ Bekor qilish
nav-keep = ✔ Shu qolsin
order-confirm = ✅ Tasdiqlash va to'lash

catalogue-unavailable = Hozir buyurtmalar qabul qilinmayapti. Keyinroq qayting: balansingiz saqlanadi.
catalogue-empty = Hozircha buyurtma qilish uchun hech narsa yo'q.
catalogue-changed = Xizmatlar ro'yxati o'zgardi. Mana yangisi.
order-expired = Bu taklif eskirgan. Qaytadan boshlash uchun /order yuboring.
service-gone = Bu xizmat endi mavjud emas. Boshqasini tanlang.

order-categories =
    <b>Yangi buyurtma</b>
    Kategoriyani tanlang ({ $pages } sahifadan { $page }-sahifa):
order-services =
    <b>{ $category }</b>
    Xizmatni tanlang ({ $pages } sahifadan { $page }-sahifa), narxlar 1000 tasi uchun:
order-service =
    <b>{ $service }</b>
    { $package ->
        [yes] Narxi: butun paket uchun { $price }
       *[no] Narxi: 1000 tasi uchun { $price }
    }
    Miqdori: { $min } dan { $max } gacha
    { $cancel ->
        [yes] Bajarilayotgan paytda bekor qilish mumkin.
       *[no] Buyurtma berilgandan keyin bekor qilib bo'lmaydi.
    }
order-ask-link-telegram = Kanal, guruh yoki postga havolani yuboring: https://t.me/… yoki @name.
order-ask-link = To'liq havolani yuboring, https:// bilan boshlansin.
order-current-link = Joriy havola: { $link }. Yangisini yuboring yoki shu qolsin.
order-bad-link-telegram = Bu Telegram havolasi emas. https://t.me/channel yoki @channel ko'rinishidagi havolani yuboring.
order-bad-link = Bu havola emas. https:// bilan boshlanadigan to'liq manzilni yuboring.
order-ask-quantity = Qancha kerak? { $min } dan { $max } gacha butun son yuboring.
order-current-quantity = Joriy miqdor: { $quantity }. Yangisini yuboring yoki shu qolsin.
order-bad-quantity = Iltimos, { $min } dan { $max } gacha butun son yuboring, faqat raqamlar bilan.
order-quantity-low = Bu xizmat qabul qiladigan miqdordan kam: { $min } dan { $max } gacha butun son yuboring.
order-quantity-high = Bu xizmat qabul qiladigan miqdordan koʻp: { $min } dan { $max } gacha butun son yuboring.
order-ask-answer = So'rovnomaning qaysi javobiga ovoz berilsin? Uning raqamini yuboring: birinchi javob uchun 1, eng ko'pi { $max }.
order-current-answer = Joriy javob raqami: { $answer }. Yangisini yuboring yoki shu qolsin.
order-bad-answer = Iltimos, javob raqamini yuboring: 1 dan { $max } gacha butun son.
order-text-only = Iltimos, buni matn ko'rinishida yuboring.

order-summary =
    <b>Buyurtmani tekshiring</b>
    Xizmat: { $service }
    Havola: { $link }
    Miqdor: { $quantity }
order-summary-answer = Javob raqami: { $answer }
order-summary-charge =
    To'lov: <b>{ $charge }</b>
    Balansingiz: { $balance } → { $after }
order-summary-short =
    To'lov: <b>{ $charge }</b>
    Balansingiz: { $balance }, { $missing } yetmaydi.
    Quyidagi tugma bilan balansni toʻldiring: toʻlovdan soʻng sizni tasdiqlash uchun shu yerga qaytaramiz.
order-price-changed = ⚠️ Narx o'zgardi. Mana yangi summa:
order-already-placed = Bu buyurtma allaqachon berilgan.
order-placing = ⏳ Buyurtma berilmoqda…
order-placed =
    ✅ Buyurtma berildi. Buyurtma raqami: <b>#{ $number }</b>
    Yechildi: { $charge }. Balansingiz: { $balance }.
    Bajarilganda sizga xabar beraman.
order-cancelled = Buyurtma bekor qilindi. Hech narsa yechilmadi.
order-nothing-to-cancel = Hozir rasmiylashtirilayotgan buyurtma yo'q.

order-failed-shop = ❌ Do'kon hozir buyurtma qabul qila olmaydi. { $charge } balansingizga qaytarildi. Administratorlarga xabar berildi; keyinroq urinib ko'ring.
order-failed-service = ❌ Yetkazib beruvchi endi bu xizmatni taklif qilmaydi. { $charge } balansingizga qaytarildi. /order orqali boshqa xizmatni tanlang.
order-failed-link = ❌ Yetkazib beruvchi bu havolani qabul qilmadi. { $charge } balansingizga qaytarildi. Havola to'g'ri va ochiq ekanini tekshirib, /order orqali qayta urinib ko'ring.
order-failed-quantity = ❌ Yetkazib beruvchi bu miqdorni qabul qilmadi. { $charge } balansingizga qaytarildi. /order orqali boshqa miqdorni sinab ko'ring.
order-failed-answer = ❌ Yetkazib beruvchiga so'rovnoma javobining raqami kerak. { $charge } balansingizga qaytarildi. /order orqali qayta urinib ko'ring.
order-failed-other = ❌ Yetkazib beruvchi buyurtmani rad etdi. { $charge } balansingizga qaytarildi. Keyinroq urinib ko'ring.
order-failed-unreachable = ❌ Yetkazib beruvchi bilan hozir bog'lanib bo'lmayapti, shuning uchun hech narsa buyurtma qilinmadi. { $charge } balansingizga qaytarildi. Bir necha daqiqadan so'ng urinib ko'ring.
order-unknown = ⚠️ Yetkazib beruvchi aniq javob bermadi, shuning uchun buyurtma berilgan-berilmagani hozircha noma'lum. Biz tekshiryapmiz. { $charge } hozircha ushlab turiladi, natijasini sizga aytaman.

balance =
    Balansingiz: <b>{ $balance }</b>
    To'ldirish: /topup.
balance-support = To'lov bo'yicha savollar: { $contact }

alert-order-unknown =
    ⚠️ #{ $order } buyurtmaning natijasi noma'lum: panelda u bo'lishi ham, bo'lmasligi ham mumkin.
    Mijoz: { $user }. Xizmat { $service_id }: { $service }
    Havola: { $link }
    Miqdor: { $quantity }, summa: { $charge }
    Nima bo'ldi: { $error }
    Siz hal qilmaguningizcha pul ushlab turiladi.
alert-order-interrupted =
    ⚠️ #{ $order } buyurtma berilayotganda bot to'xtadi: panelda u bo'lishi ham, bo'lmasligi ham mumkin.
    Mijoz: { $user }. Xizmat { $service_id }: { $service }
    Havola: { $link }
    Miqdor: { $quantity }, summa: { $charge }
    Siz hal qilmaguningizcha pul ushlab turiladi.
alert-panel-refused =
    ⚠️ Panel #{ $order } buyurtmani "{ $error }" xatosi bilan rad etdi: bu tuzatilmaguncha mijozlar buyurtma bera olmaydi. Mijozga pul qaytarildi.
    Biror buyurtma o'tmaguncha bunday rad etishlar boshqa xabar qilinmaydi.

nav-skip = ⏭ Oʻtkazib yuborish
order-skipped = oʻtkazib yuborildi
order-service-dripfeed = Bosqichma-bosqich buyurtma qilish mumkin: bir necha bosqichda, oraliq bilan.
order-summary-dripfeed = Bosqichma-bosqich: { $quantity } × { $runs } bosqich, har { $interval } daqiqada = { $total }
order-ask-runs = Bosqichma-bosqich: buyurtma necha bosqichda bajarilsin? Sonni bosing, 2 dan { $max } gacha son yuboring yoki hammasi birdaniga boʻlishi uchun «Oʻtkazib yuborish»ni bosing.
order-current-runs = Joriy bosqichlar: { $runs }. Boshqa son yuboring yoki shu qolsin.
order-bad-runs = Iltimos, 2 dan { $max } gacha butun son yuboring yoki «Oʻtkazib yuborish»ni bosing.
order-ask-interval = Bosqichlar orasida necha daqiqa boʻlsin? Sonni bosing yoki 1 dan { $max } gacha son yuboring.
order-current-interval = Joriy oraliq: { $interval } daqiqa. Boshqa son yuboring yoki shu qolsin.
order-bad-interval = Iltimos, oraliqni daqiqalarda yuboring: 1 dan { $max } gacha butun son.
order-ask-comments = Izohlarni har birini alohida qatorda yuboring: { $min } tadan { $max } tagacha qator. Har bir qator — bitta izoh.
order-current-comments = Joriy izohlar: { $comments } ta. Yangilarini yuboring yoki shu qolsin.
order-bad-comments = Iltimos, { $min } tadan { $max } tagacha izoh yuboring, har biri alohida qatorda, 500 belgidan oshmasin.
order-summary-comments = Izohlar: { $comments } ta
order-ask-usernames = Foydalanuvchi nomlarini har birini alohida qatorda yuboring ({ $min } tadan { $max } tagacha), masalan @name.
order-current-usernames = Joriy nomlar: { $usernames } ta. Yangilarini yuboring yoki shu qolsin.
order-bad-usernames = Iltimos, { $min } tadan { $max } tagacha foydalanuvchi nomini yuboring, har biri alohida qatorda, boʻshliqsiz, masalan @name.
order-summary-usernames = Foydalanuvchi nomlari: { $usernames } ta
order-ask-hashtags = Heshteglarni har birini alohida qatorda yuboring ({ $min } tadan { $max } tagacha), masalan #sale.
order-current-hashtags = Joriy heshteglar: { $hashtags } ta. Yangilarini yuboring yoki shu qolsin.
order-bad-hashtags = Iltimos, { $min } tadan { $max } tagacha heshteg yuboring, har biri alohida qatorda, boʻshliqsiz.
order-summary-hashtags = Heshteglar: { $hashtags } ta
order-ask-keywords = Qidiruv uchun kalit soʻzlarni har birini alohida qatorda yuboring ({ $min } tadan { $max } tagacha).
order-current-keywords = Joriy kalit soʻzlar: { $keywords } ta. Yangilarini yuboring yoki shu qolsin.
order-bad-keywords = Iltimos, { $min } tadan { $max } tagacha kalit soʻz yuboring, har biri alohida qatorda, 500 belgidan oshmasin.
order-summary-keywords = Kalit soʻzlar: { $keywords } ta
order-ask-groups = Taklif qilinadigan guruhlarni har birini alohida qatorda yuboring ({ $min } tadan { $max } tagacha).
order-current-groups = Joriy guruhlar: { $groups } ta. Yangilarini yuboring yoki shu qolsin.
order-bad-groups = Iltimos, { $min } tadan { $max } tagacha guruh yuboring, har biri alohida qatorda, 500 belgidan oshmasin.
order-summary-groups = Guruhlar: { $groups } ta
order-ask-username = Foydalanuvchi nomini yuboring, masalan @name.
order-current-username = Joriy nom: { $username }. Boshqasini yuboring yoki shu qolsin.
order-bad-username = Iltimos, bitta foydalanuvchi nomini boʻshliqsiz yuboring, masalan @name.
order-summary-username = Foydalanuvchi nomi: { $username }
order-ask-hashtag = Heshtegni yuboring, masalan #sale.
order-current-hashtag = Joriy heshteg: { $hashtag }. Boshqasini yuboring yoki shu qolsin.
order-bad-hashtag = Iltimos, bitta heshtegni boʻshliqsiz yuboring, masalan #sale.
order-summary-hashtag = Heshteg: { $hashtag }
order-ask-media = Layk bosganlarini eslatish kerak boʻlgan postga havolani yuboring, https:// bilan boshlansin.
order-current-media = Joriy post: { $media }. Boshqa havola yuboring yoki shu qolsin.
order-bad-media = Bu havola emas. Postning toʻliq manzilini yuboring, https:// bilan boshlansin.
order-summary-media = Post: { $media }

order-ask-min = Obuna: har bir yangi postga kamida nechta? { $min } dan { $max } gacha butun son yuboring.
order-current-min = Joriy eng kam: { $min }. Boshqa son yuboring yoki shu qolsin.
order-bad-min = Iltimos, { $min } dan { $max } gacha butun son yuboring.
order-summary-min = Har bir postga kamida: { $min }
order-ask-max = Har bir yangi postga koʻpi bilan nechta? Eng kam sonidan { $max } gacha.
order-current-max = Joriy eng koʻp: { $max }. Boshqa son yuboring yoki shu qolsin.
order-bad-max = Iltimos, eng kam sondan kichik boʻlmagan va { $max } dan oshmaydigan butun son yuboring.
order-summary-max = Har bir postga koʻpi bilan: { $max }
order-ask-posts = Nechta yangi post uchun? 1 dan { $max } gacha butun son yuboring.
order-current-posts = Joriy postlar: { $posts }. Boshqa son yuboring yoki shu qolsin.
order-bad-posts = Iltimos, 1 dan { $max } gacha butun son yuboring.
order-summary-posts = Postlar: { $posts }
order-ask-old-posts = Mavjud oxirgi postlardan nechtasi uchun ham? 1 dan { $max } gacha son yuboring yoki «Oʻtkazib yuborish»ni bosing.
order-current-old-posts = Joriy mavjud postlar: { $old_posts }. Boshqa son yuboring yoki shu qolsin.
order-bad-old-posts = Iltimos, 1 dan { $max } gacha butun son yuboring yoki «Oʻtkazib yuborish»ni bosing.
order-summary-old-posts = Mavjud postlar: { $old_posts }
order-ask-delay = Post chiqqandan necha daqiqa keyin boshlansin? Sonni bosing yoki 0 dan { $max } gacha son yuboring.
order-current-delay = Joriy kechikish: { $delay } daqiqa. Boshqa son yuboring yoki shu qolsin.
order-bad-delay = Iltimos, kechikishni daqiqalarda yuboring: 0 dan { $max } gacha butun son.
order-summary-delay = Kechikish: { $delay } daqiqa
order-ask-expiry = Qaysi kungacha? Sanani yuboring, masalan 31/12/2026, yoki muddatsiz boʻlishi uchun «Oʻtkazib yuborish»ni bosing.
order-current-expiry = Joriy tugash sanasi: { $expiry }. Boshqasini yuboring yoki shu qolsin.
order-bad-expiry = Iltimos, oʻtmishda boʻlmagan sanani yuboring, masalan 31/12/2026.
order-summary-expiry = Tugaydi: { $expiry }
order-summary-most = Hozir eng koʻp summa yechiladi; bajarilmagan qismi uchun pul obuna tugaganda balansga qaytariladi.

# Top up from a summary the balance does not cover
order-topup = ⭐ { $amount } ga toʻldirish ({ $stars } ⭐)
order-topup-invoice = Mana { $stars } ⭐ uchun hisob-faktura: balansga +{ $amount }. Toʻlovdan soʻng sizni tasdiqlash uchun buyurtmangizga qaytaramiz.
order-topup-sent = Bu buyurtma uchun hisob-faktura chatda bor. Toʻlovdan soʻng sizni shu yerga qaytaramiz.
