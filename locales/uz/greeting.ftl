# /greeting: the /start greeting per language (admins)
cmd-greeting = Har bir tildagi /start salomlashuvi (administratorlar)
greeting-usage =
    <b>/start salomlashuvi</b>
    <code>/greeting ru | matn</code> uni rus tili uchun oddiy matn sifatida belgilaydi (til kodlari: en, ru, uz).
    <code>/greeting ru</code> uni koʻrsatadi; <code>/greeting ru -</code> SHOP_NAME va katalog boʻlimlaridan tuzilgan salomlashuvni qaytaradi.
    Oʻz salomlashuvi bor tillar: { $own }
greeting-bad-language = Qaysi til? en, ru yoki uz, masalan <code>/greeting ru | matn</code>.
greeting-own =
    { $language ->
        [en] Ingliz
        [ru] Rus
       *[uz] Oʻzbek
    } tilidagi salomlashuv, administratorlar yozgan (<code>/greeting { $language } -</code> tuzilganini qaytaradi):

    { $text }
greeting-composed =
    { $language ->
        [en] Ingliz
        [ru] Rus
       *[uz] Oʻzbek
    } tilidagi salomlashuv, SHOP_NAME va katalogdan tuzilgan (<code>/greeting { $language } | matn</code> oʻzingiznikini belgilaydi):

    { $text }
greeting-saved =
    ✅ { $language ->
        [en] Ingliz
        [ru] Rus
       *[uz] Oʻzbek
    } tilidagi salomlashuv saqlandi. Mijozlar koʻradi:

    { $text }
greeting-reset = { $language ->
        [en] Ingliz
        [ru] Rus
       *[uz] Oʻzbek
    } tilidagi salomlashuv yana SHOP_NAME va katalogdan tuziladi.
greeting-not-set = { $language ->
        [en] Ingliz
        [ru] Rus
       *[uz] Oʻzbek
    } tilida alohida yozilgan salomlashuv yoʻq: u shundoq ham avtomatik tuziladi.
greeting-too-long = Salomlashuv { $length } ta belgidan iborat, koʻpi bilan { $limit } ta boʻlishi mumkin.
