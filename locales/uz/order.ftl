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
    Narxi: 1000 tasi uchun { $price }
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
    /topup orqali balansni to'ldiring va /order bilan qayting.
order-price-changed = ⚠️ Narx o'zgardi. Mana yangi summa:
order-already-placed = Bu buyurtma allaqachon berilgan.
order-placing = ⏳ Buyurtma berilmoqda…
order-placed =
    ✅ Buyurtma berildi. Buyurtma raqami: <b>{ $number }</b>
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
