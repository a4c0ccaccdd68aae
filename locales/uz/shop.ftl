# Doʻkon vitrinasi: mijozlar uchun qidiruv, administratorlar uchun buyruqlar.

order-search-hint = Yoki qidirish uchun soʻz yozing, masalan «{ $first }» yoki «{ $second }».
order-search-hint-one = Yoki qidirish uchun soʻz yozing, masalan «{ $first }».
order-search-hint-plain = Yoki qidirish uchun soʻz yozing.
free-text-not-words = Nima qidirayotganingizni soʻz bilan yozing yoki quyidan tanlang.
free-text-none = «{ $query }» boʻyicha hech narsa topmadik. Quyida nima qilishni tanlang.
free-text-question = Bu bizga savolmi? Uni yordamga shundayligicha yuboring, shu chatda javob beramiz. Yoki bu soʻzlarni katalogdan qidiring.
free-text-question-order = Bu #{ $order } buyurtmangiz haqidami? Savolni buyurtma bilan birga yordamga shundayligicha yuboring, shu chatda javob beramiz.
free-text-to-support = ✉️ Yordamga yuborish
free-text-search = 🔎 Katalogdan qidirish
order-search-results =
    «{ $query }» boʻyicha topildi: { $count } ta xizmat ({ $page }/{ $pages }-sahifa), narxlar 1000 tasi uchun:
order-search-none = «{ $query }» boʻyicha hech narsa topilmadi. Boshqa soʻz yozing yoki boʻlimni tanlash uchun /order yuboring.
order-service-description = { $description }

inline-service-order = 🛒 Buyurtma berish
inline-service-price = { $package ->
        [yes] paket narxi { $price }
       *[no] 1000 tasi { $price }
    } · { $category }
inline-service-card =
    <b>{ $service }</b>
    { $package ->
        [yes] paket narxi { $price }
       *[no] 1000 tasi { $price }
    }

cmd-hide = Xizmat yoki boʻlimni yashirish: /hide RAQAM yoki NOM (administratorlar)
cmd-show = Xizmat yoki boʻlimni koʻrsatish: /show RAQAM yoki NOM (administratorlar)
cmd-markup = Ustama foizda: /markup RAQAM yoki NOM FOIZ (administratorlar)
cmd-price = 1000 tasi uchun qatʼiy narx: /price RAQAM SUMMA (administratorlar)
cmd-rename = Tilga koʻra nom: /rename RAQAM yoki NOM | TIL | YANGI NOM (administratorlar)
cmd-renameall = Boʻlim va uning xizmatlari birdaniga: /renameall NOM | TIL | YANGI NOM | ESKI = YANGI (administratorlar)
cmd-describe = Tilga koʻra tavsif: /describe RAQAM | TIL | MATN (administratorlar)
cmd-position = Boʻlimlar tartibi: /position NOM OʻRIN (administratorlar)
cmd-dripfeed = Xizmatni bosqichma-bosqich yetkazish: /dripfeed ID on|off (administratorlar)
cmd-fallback = Paneli rad etganda xizmat buyurtmalari qayerga ketadi: /fallback ID PANEL:ID (administratorlar)

cmd-shop = Katalog: bir bosishda yashirish va koʻrsatish (administratorlar)
shop-panel =
    <b>Katalog</b>: { $categories } ta boʻlim, mijozlarga { $shown } tasi koʻrinadi ({ $page }/{ $pages }-sahifa).
    👁 koʻrinadi, 🙈 yashirin. Boʻlimni yoki uning xizmatlarini yashirish yoki koʻrsatish uchun boʻlimni oching.
shop-panel-category =
    <b>{ $category }</b> ({ $page }/{ $pages }-sahifa)
    Yashirin: { $hidden ->
        [yes] ha
       *[no] yoʻq
    } · ustama: { $markup } · oʻrni: { $position }
    Xizmatni yashirish yoki koʻrsatish uchun ustiga bosing. Narx va nomlar: /markup, /price, /rename, /describe; tartib: /position.
shop-panel-service = #{ $id } { $service }: tannarx { $cost } → { $price }
admin-service-panel = 🔌 { $panel } paneli, u yerda № { $id }
shop-btn-hide-category = 🙈 Butun boʻlimni yashirish
shop-btn-show-category = 👁 Boʻlimni koʻrsatish

shop-not-found = Panel katalogida #{ $target } xizmati yoki «{ $target }» boʻlimi yoʻq.
shop-usage-hide = /hide ni xizmat raqami (/hide 12) yoki boʻlim nomi (/hide Telegram Views) bilan yuboring.
shop-usage-show = /show ni xizmat raqami (/show 12) yoki boʻlim nomi (/show Telegram Views) bilan yuboring.
shop-usage-markup = /markup ni xizmat raqami yoki boʻlim nomi va foizdagi ustama bilan yuboring: /markup 12 35 yoki /markup Telegram Views 25. Chiziqcha (/markup 12 -) yuqori darajadagi ustamani qaytaradi.
shop-usage-price = /price ni xizmat raqami va 1000 tasi narxi bilan yuboring: /price 12 1.50. Chiziqcha (/price 12 -) ustama boʻyicha narxni qaytaradi.
shop-usage-rename = /rename ni xizmat raqami yoki boʻlim nomi, til (en, ru, uz) va nom bilan | orqali yuboring: /rename 12 | uz | Koʻrishlar. Nom oʻrniga chiziqcha panel nomini qaytaradi.
shop-usage-renameall = /renameall ni boʻlim nomi, til (en, ru, uz) va yangi nom bilan | orqali yuboring: /renameall Telegram Members | uz | Telegram obunachilari. Undagi har bir xizmat panel nomidan nom oladi: undagi boʻlim nomi yangisiga almashadi; yana bitta | dan keyin boshqa soʻzlarni ham almashtiring: | 7-day Join = 7 kun; 30-day Join = 30 kun. Nom oʻrniga chiziqcha boʻlim va xizmatlarga panel nomlarini qaytaradi.
shop-bad-renameall = Almashtirishlarni ESKI = YANGI koʻrinishida ; bilan ajratib yozing (koʻpi bilan 20 ta): /renameall Telegram Members | uz | Telegram obunachilari | 7-day Join = 7 kun; 30-day Join = 30 kun
shop-usage-describe = /describe ni xizmat raqami, til (en, ru, uz) va matn bilan | orqali yuboring: /describe 12 | uz | Tez boshlanadi. Chiziqcha tavsifni oʻchiradi.
shop-usage-position = /position ni boʻlim nomi va roʻyxatdagi oʻrni bilan yuboring: /position Telegram Views 1. Chiziqcha (/position Telegram Views -) panel tartibini qaytaradi.
shop-hidden = Mijozlardan yashirildi: { $what }
shop-shown = Mijozlarga koʻrsatildi: { $what }
shop-bad-markup = Ustama 0 dan boshlab son boʻlishi kerak, masalan 15 yoki 12.5: 0 dan kami panel narxidan arzon sotish boʻladi.
shop-markup-set = { $what }: ustama { $markup }%.
shop-markup-cleared = { $what }: yana yuqori darajadagi ustama amal qiladi.
shop-markup-now = { $what }: ustama { $markup }% ({ $source ->
        [service] shu xizmat uchun belgilangan
        [category] boʻlimniki
       *[default] doʻkon boʻyicha standart, PRICE_MARKUP_PERCENT
    }).{ $fixed ->
        [yes] {" "}Uning oʻrniga qatʼiy narx amal qiladi: 1000 tasi { $price }.
       *[no] {""}
    }
shop-bad-price = Narx summa boʻlishi kerak, masalan 1.50.
shop-price-below = Rad etildi: 1000 tasi uchun { $price } panel narxidan ({ $rate }) past, har bir buyurtma zarar boʻladi.
shop-price-set = { $what }: 1000 tasi { $price } (panel narxi { $rate }).
shop-price-cleared = { $what }: yana ustama boʻyicha narx.
shop-price-now = { $what }: mijozlar 1000 tasi uchun { $price } toʻlaydi; panel narxi { $rate }. { $fixed ->
        [yes] Qatʼiy narx: /price { $id } - ustama boʻyicha narxga qaytaradi.
       *[no] Ustama boʻyicha ({ $markup }%): /price { $id } SUMMA qatʼiy narx belgilaydi.
    }
shop-price-decimals = Bu doʻkonda narxlar { $decimals ->
        [0] butun (PRICE_DECIMALS=0)
       *[other] koʻpi bilan { $decimals } kasr xonali (PRICE_DECIMALS={ $decimals })
    }, roʻyxatda yechiladigan summa koʻrinsin: { $lower } yoki { $higher } yuboring.
shop-bad-language = Til en, ru yoki uz boʻlishi kerak.
shop-name-set = { $what }, { $language ->
        [en] ingliz tilida
        [ru] rus tilida
       *[uz] oʻzbek tilida
    }: «{ $text }».
shop-name-cleared = { $what }, { $language ->
        [en] ingliz tilida
        [ru] rus tilida
       *[uz] oʻzbek tilida
    }: yana panel nomi.
shop-description-set = { $what }, { $language ->
        [en] ingliz tilida
        [ru] rus tilida
       *[uz] oʻzbek tilida
    }, tavsif: { $text }
shop-description-cleared = { $what }, { $language ->
        [en] ingliz tilida
        [ru] rus tilida
       *[uz] oʻzbek tilida
    }: tavsifsiz.
shop-renameall-done =
    { $what }, { $language ->
        [en] ingliz tilida
        [ru] rus tilida
       *[uz] oʻzbek tilida
    }: «{ $text }»; { $total } ta xizmatdan { $count } tasining nomi oʻzgardi.
shop-renameall-cleared = { $what } va undagi { $total } ta xizmat, { $language ->
        [en] ingliz tilida
        [ru] rus tilida
       *[uz] oʻzbek tilida
    }: yana panel nomlari.
shop-bad-position = Oʻrin 1 dan 10000 gacha butun son yoki chiziqcha boʻlishi kerak.
shop-position-set = { $what } endi roʻyxatda { $position }-oʻrinda.
shop-position-cleared = { $what } yana panel tartibida.
shop-changes =
    <b>Panel katalogi oʻzgardi</b>: { $added } ta yangi, { $removed } ta yoʻqoldi (yashirildi), { $repriced } ta narxi oʻzgardi.{ $below ->
        [0] {""}
       *[other] {" "}⚠️ { $below } tasining qatʼiy narxi endi panel narxidan past: /price bilan oshiring.
    }
    { $list }
shop-usage-dripfeed = /dripfeed buyrugʻini xizmat raqami va on yoki off bilan yuboring: /dripfeed 12 on. Chiziqcha (/dripfeed 12 -) yana panel roʻyxatiga amal qiladi.
shop-bad-dripfeed = Bosqichma-bosqich yetkazish: on, off yoki chiziqcha.
shop-dripfeed-set = { $what }: bosqichma-bosqich yetkazish { $state ->
        [on] mijozlarga taklif qilinadi.
        [off] taklif qilinmaydi.
       *[default] panel roʻyxatidagidek.
    }
