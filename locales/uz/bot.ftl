# Start, menu, help
greeting = Assalomu alaykum, <b>{ $name }</b>!
greeting-shop = <b>{ $shop }</b> doʻkoniga xush kelibsiz.
greeting-sells = Bizda bor: { $categories }.
greeting-sells-more = Bizda bor: { $categories } va boshqalar.
greeting-how = Xizmatni tanlang, balansdan toʻlang — buyurtmangiz bajarilganda sizga xabar beramiz.
menu-prompt = Kerakli amalni tanlang:
menu-language = 🌐 Til
menu-help = ❓ Qoʻllanma
help =
    <b>Bu yerda nimalar qilish mumkin</b>
    /start — asosiy menyu
    /order — yangi buyurtma
    /orders — buyurtmalarim va ularning holati
    /balance — balansingiz
    /cancel — rasmiylashtirilayotgan buyurtmani bekor qilish
    /topup — balansni Telegram yulduzlari bilan toʻldirish
    /promo — promokod kiritish
    /language — tilni oʻzgartirish
    /help — ushbu qoʻllanma
    /support — istalgan savol boʻyicha yordamga yozish
    /paysupport — toʻlov boʻyicha yordam
    /terms — sotuv shartlari
help-api = /api — oʻz panelingiz yoki botingizdan buyurtma berish uchun API kalitingiz
help-inline = Buyurtmani istalgan chatdan tekshiring: <code>@{ $bot } 23501</code> deb buyurtma raqamingizni yozing.
unknown-command = Bunday buyruq yoʻq. Nimalar qilish mumkinligini bilish uchun /help yuboring.
private-only = Bu faqat bot bilan shaxsiy chatda ishlaydi.
button-expired = Bu tugma eskirgan. Yangi menyu uchun /start yuboring.

# Language
language-choose = Tilni tanlang:
language-set = Til: oʻzbekcha.

# Command menu (setMyCommands), at most 256 characters each
cmd-start = Asosiy menyu
cmd-help = Bot nimalar qila oladi
cmd-language = Tilni oʻzgartirish

# Whatever went wrong that no handler expected
error-try-again = Boʻlmadi. Iltimos, qaytadan urinib koʻring.
