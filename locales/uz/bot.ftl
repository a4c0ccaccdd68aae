# Start, menu, help
greeting = Assalomu alaykum, <b>{ $name }</b>!
greeting-shop = <b>{ $shop }</b> doʻkoniga xush kelibsiz.
greeting-sells = Bizda bor: { $categories }.
greeting-sells-more = Bizda bor: { $categories } va boshqalar.
greeting-how = Xizmatni tanlang, balansdan toʻlang, buyurtmangiz bajarilganda sizga xabar beramiz.
menu-prompt = Nima qilamiz?
menu-language = 🌐 Til
menu-help = ❓ Yordam
help =
    <b>Men nimalar qila olaman</b>
    /start — asosiy menyu
    /order — yangi buyurtma
    /orders — buyurtmalarim va ularning holati
    /balance — balansingiz
    /cancel — rasmiylashtirilayotgan buyurtmani bekor qilish
    /topup — balansni Telegram Stars bilan to'ldirish
    /language — tilni o'zgartirish
    /help — ushbu yordam
    /support — istalgan savol boʻyicha yordamga yozish
    /paysupport — to'lov bo'yicha yordam
    /terms — sotuv shartlari
help-inline = Buyurtmani istalgan chatdan tekshiring: <code>@{ $bot } 23501</code> deb buyurtma raqamingizni yozing.
unknown-command = Bunday buyruqni bilmayman. Nimalar qila olishimni bilish uchun /help yuboring.
private-only = Bu faqat men bilan shaxsiy chatda ishlaydi.
button-expired = Bu tugma eskirgan. Yangi menyu uchun /start yuboring.

# Language
language-choose = Tilni tanlang:
language-set = Til: o'zbekcha.

# Command menu (setMyCommands), at most 256 characters each
cmd-start = Asosiy menyu
cmd-help = Bot nimalar qila oladi
cmd-language = Tilni o'zgartirish

# Whatever went wrong that no handler expected
error-try-again = Bo'lmadi. Iltimos, qaytadan urinib ko'ring.
