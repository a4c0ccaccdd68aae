# Do'kon vitrinasi: xaridorlar uchun qidiruv, adminlar uchun buyruqlar.

order-search-hint = Yoki qidirish uchun soʻz yozing, masalan “{ $first }” yoki “{ $second }”.
order-search-hint-one = Yoki qidirish uchun soʻz yozing, masalan “{ $first }”.
order-search-hint-plain = Yoki qidirish uchun soʻz yozing.
free-text-not-words = Nima qidirayotganingizni soʻz bilan yozing yoki quyidan tanlang.
free-text-none = “{ $query }” boʻyicha hech narsa topmadik. Quyida nima qilishni tanlang.
order-search-results =
    “{ $query }” bo'yicha topildi: { $count } ta xizmat (sahifa { $page } / { $pages }), narxlar 1000 tasi uchun:
order-search-none = “{ $query }” bo'yicha hech narsa topilmadi. Boshqa so'z yozing yoki toifani tanlash uchun /order yuboring.
order-service-description = { $description }

inline-service-order = 🛒 Buyurtma berish
inline-service-price = 1000 tasi { $price } · { $category }
inline-service-card =
    <b>{ $service }</b>
    1000 tasi { $price }

cmd-hide = Xizmat yoki toifani yashirish: /hide RAQAM yoki NOM (adminlar)
cmd-show = Xizmat yoki toifani ko'rsatish: /show RAQAM yoki NOM (adminlar)
cmd-markup = Ustama foizda: /markup RAQAM yoki NOM FOIZ (adminlar)
cmd-price = 1000 tasi uchun qat'iy narx: /price RAQAM SUMMA (adminlar)
cmd-rename = Tilga ko'ra nom: /rename RAQAM yoki NOM | TIL | YANGI NOM (adminlar)
cmd-describe = Tilga ko'ra tavsif: /describe RAQAM | TIL | MATN (adminlar)
cmd-position = Toifalar tartibi: /position NOM O'RIN (adminlar)
cmd-dripfeed = Xizmatni bosqichma-bosqich yetkazish: /dripfeed ID on|off (adminlar)

cmd-shop = Katalog: bir bosishda yashirish va ko'rsatish (adminlar)
shop-panel =
    <b>Katalog</b>: { $categories } ta toifa, xaridorlarga { $shown } tasi ko'rinadi (sahifa { $page } / { $pages }).
    👁 ko'rinadi, 🙈 yashirin. Toifani yoki uning xizmatlarini yashirish yoki ko'rsatish uchun toifani oching.
shop-panel-category =
    <b>{ $category }</b> (sahifa { $page } / { $pages })
    Yashirin: { $hidden ->
        [yes] ha
       *[no] yo'q
    } · ustama: { $markup } · o'rni: { $position }
    Xizmatni yashirish yoki ko'rsatish uchun ustiga bosing. Narx va nomlar: /markup, /price, /rename, /describe; tartib: /position.
shop-btn-hide-category = 🙈 Butun toifani yashirish
shop-btn-show-category = 👁 Toifani ko'rsatish

shop-not-found = Panel katalogida #{ $target } xizmati yoki “{ $target }” toifasi yo'q.
shop-usage-hide = /hide ni xizmat raqami (/hide 12) yoki toifa nomi (/hide Telegram Views) bilan yuboring.
shop-usage-show = /show ni xizmat raqami (/show 12) yoki toifa nomi (/show Telegram Views) bilan yuboring.
shop-usage-markup = /markup ni xizmat raqami yoki toifa nomi va foizdagi ustama bilan yuboring: /markup 12 35 yoki /markup Telegram Views 25. Chiziqcha (/markup 12 -) yuqori darajadagi ustamani qaytaradi.
shop-usage-price = /price ni xizmat raqami va 1000 tasi narxi bilan yuboring: /price 12 1.50. Chiziqcha (/price 12 -) ustama bo'yicha narxni qaytaradi.
shop-usage-rename = /rename ni xizmat raqami yoki toifa nomi, til (en, ru, uz) va nom bilan | orqali yuboring: /rename 12 | uz | Ko'rishlar. Nom o'rniga chiziqcha panel nomini qaytaradi.
shop-usage-describe = /describe ni xizmat raqami, til (en, ru, uz) va matn bilan | orqali yuboring: /describe 12 | uz | Tez boshlanadi. Chiziqcha tavsifni o'chiradi.
shop-usage-position = /position ni toifa nomi va ro'yxatdagi o'rni bilan yuboring: /position Telegram Views 1. Chiziqcha (/position Telegram Views -) panel tartibini qaytaradi.
shop-hidden = Xaridorlardan yashirildi: { $what }
shop-shown = Xaridorlarga ko'rsatildi: { $what }
shop-bad-markup = Ustama 0 dan boshlab son bo'lishi kerak, masalan 15 yoki 12.5: 0 dan kami panel narxidan arzon sotish bo'ladi.
shop-markup-set = { $what }: ustama { $markup }%.
shop-markup-cleared = { $what }: yana yuqori darajadagi ustama amal qiladi.
shop-bad-price = Narx summa bo'lishi kerak, masalan 1.50.
shop-price-below = Rad etildi: 1000 tasi { $price } panel narxi { $rate } dan past, har bir buyurtma zarar bo'ladi.
shop-price-set = { $what }: 1000 tasi { $price } (panel narxi { $rate }).
shop-price-cleared = { $what }: yana ustama bo'yicha narx.
shop-bad-language = Til en, ru yoki uz bo'lishi kerak.
shop-name-set = { $what } ({ $language }): “{ $text }”.
shop-name-cleared = { $what } ({ $language }): yana panel nomi.
shop-description-set = { $what } ({ $language }), tavsif: { $text }
shop-description-cleared = { $what } ({ $language }): tavsifsiz.
shop-bad-position = O'rin 1 dan 10000 gacha butun son yoki chiziqcha bo'lishi kerak.
shop-position-set = { $what } endi ro'yxatda { $position }-o'rinda.
shop-position-cleared = { $what } yana panel tartibida.
shop-changes =
    <b>Panel katalogi o'zgardi</b>: { $added } ta yangi, { $removed } ta yo'qoldi (yashirildi), { $repriced } ta narxi o'zgardi.{ $below ->
        [0] {""}
       *[other] {" "}⚠️ { $below } tasining qat'iy narxi endi panel narxidan past: /price bilan oshiring.
    }
    { $list }
shop-usage-dripfeed = /dripfeed buyrugʻini xizmat raqami va on yoki off bilan yuboring: /dripfeed 12 on. Chiziqcha (/dripfeed 12 -) yana panel roʻyxatiga amal qiladi.
shop-bad-dripfeed = Bosqichma-bosqich yetkazish: on, off yoki chiziqcha.
shop-dripfeed-set = { $what }: bosqichma-bosqich yetkazish { $state ->
        [on] mijozlarga taklif qilinadi.
        [off] taklif qilinmaydi.
       *[default] panel roʻyxatidagidek.
    }
