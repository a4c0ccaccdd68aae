# /greeting: the /start greeting per language (admins)
cmd-greeting = Har bir tildagi /start salomlashuvi (administratorlar)
greeting-usage =
    <b>/start salomlashuvi</b>
    <code>/greeting ru | matn</code> uni rus tilida oddiy matn sifatida belgilaydi (en, ru, uz).
    <code>/greeting ru</code> uni koʻrsatadi; <code>/greeting ru -</code> SHOP_NAME va katalog boʻlimlaridan tuzilgan salomlashuvni qaytaradi.
    Oʻz salomlashuvi bor tillar: { $own }
greeting-bad-language = Qaysi tilda? en, ru, uz dan biri, masalan <code>/greeting ru | matn</code>.
greeting-own =
    { $language } tilidagi salomlashuv, administratorlar yozgan (<code>/greeting { $language } -</code> tuzilganini qaytaradi):

    { $text }
greeting-composed =
    { $language } tilidagi salomlashuv, SHOP_NAME va katalogdan tuzilgan (<code>/greeting { $language } | matn</code> oʻzingiznikini belgilaydi):

    { $text }
greeting-saved =
    ✅ { $language } tilidagi salomlashuv saqlandi. Mijozlar koʻradi:

    { $text }
greeting-reset = { $language } tilidagi salomlashuv yana SHOP_NAME va katalogdan tuziladi.
greeting-not-set = { $language } tilida oʻz salomlashuvingiz yoʻq: u allaqachon tuziladi.
greeting-too-long = Salomlashuv { $length } belgidan iborat; koʻpi bilan { $limit }.
