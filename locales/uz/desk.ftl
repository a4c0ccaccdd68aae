# The admin's desk: figures, customers, alerts about the panel, broadcasts; and /id.

your-id = Telegram id raqamingiz: <code>{ $id }</code>

admin-own-balance = Oʻz balansingiz: <b>{ $balance }</b>
admin-stars-rate = Yulduzlar kursi: 1 ⭐ = { $rate }, yaʼni { $stars } ⭐ balansga { $amount } qoʻshadi (STARS_RATE).
alert-stars-rate =
    ⚠️ STARS_RATE={ $rate } { $currency } dagi panel uchun notoʻgʻri koʻrinadi: { $stars } ⭐ balansga atigi { $example } qoʻshadi.
    Doʻkon uchun bitta yulduz taxminan { $usual } { $currency } turadi, shuning uchun STARS_RATE={ $usual } boʻlsa, { $stars } ⭐ balansga { $usual_example } qoʻshadi. Uni sozlamalarda belgilang va botni qayta ishga tushiring.
admin-stats-month = Oxirgi 30 kun
admin-stats-top = <b>Eng koʻp foyda keltirgan xizmatlar, oxirgi 30 kun</b>
admin-stats-top-line = { $place }. { $service } (xizmat { $id }): { $orders } ta buyurtma, foyda { $profit }
admin-stats-top-none = Hozircha buyurtmalar yoʻq.

admin-status-placing = berilmoqda
admin-status-unknown = natijasi nomaʼlum
admin-status-failed = berilmadi
admin-yes = ha
admin-no = yoʻq
admin-language-auto = { $language }, Telegramdan (tanlanmagan)
admin-topup-invoiced = toʻlov soʻrovi yuborilgan
admin-topup-paid = toʻlangan
admin-topup-refunding = qaytarilmoqda
admin-topup-refunded = qaytarilgan
admin-topup-cancelled = bekor qilingan

admin-user-ledger = <b>Pul harakati</b>, oxirgi { $count } ta yozuv:
admin-user-posting = { $date } · { $amount } · { $reason }{ $order }
admin-reason-order = buyurtma
admin-reason-refund = qaytarish
admin-reason-topup = toʻldirish
admin-reason-topup-refund = toʻldirish qaytarildi
admin-user-posting-method = { $reason } ({ $method })
admin-reason-topup-refund-undone = yulduzlarni qaytarish rad etildi, pul balansda
admin-reason-credit = administrator qoʻshdi
admin-reason-debit = administrator yechdi

admin-users-new = <b>Mijozlar</b>, avval yangilari: { $count } ({ $page }/{ $pages }-sahifa)
admin-users-rich = <b>Mijozlar</b>, avval balansi kattalari: { $count } ({ $page }/{ $pages }-sahifa)
admin-users-found = <b>Mijozlar</b>, «{ $query }» boʻyicha: { $count } ({ $page }/{ $pages }-sahifa)
admin-users-line = { $customer } · { $balance } · { $since } sanasidan beri
admin-users-none = Hech kim.
admin-users-how = Qidirish: /users ISM, /users @username yoki /users ID. Bitta mijoz: /user ID.
admin-users-by-new = 🆕 Avval yangilari
admin-users-by-rich = 💰 Avval balansi kattalari

admin-help =
    <b>Administrator buyruqlari</b>
    /balance — balansingiz, panel balansi, mijozlardagi jami, yulduzlar kursi
    /stats — buyurtmalar, tushum, xarajat, foyda: bugun, 7 va 30 kun, butun davr
    /users — mijozlar, avval yangilari: <code>/users rich</code>, <code>/users alice</code>
    /user — bitta mijoz va pul harakati: <code>/user 123456789</code>
    /apikey — mijozning API kalitini oʻchirish yoki yoqish: <code>/apikey 123456789 off</code>
    /credit, /debit — pul qoʻshish yoki yechish: <code>/credit 123456789 50</code>
    /discount — mijozning barcha narxlarga chegirmasi, butun foizda (0 bekor qiladi); foizsiz joriysini koʻrsatadi: <code>/discount 123456789 10</code>, <code>/discount 123456789</code>
    /broadcast — barcha mijozlarga xabar, avval koʻrib chiqiladi
    /tickets — yopilmagan murojaatlar; murojaat xabariga javob berib javob qaytaring
    /ticket — murojaatning butun tarixi: <code>/ticket 12</code>
    /greeting — har bir tildagi /start salomlashuvi: <code>/greeting ru | matn</code>, koʻrish uchun <code>/greeting ru</code>, qaytarish uchun <code>/greeting ru -</code>
    /unknown — natijasi nomaʼlum buyurtmalar; hal qilish: <code>/attach 12 98765</code> yoki <code>/fail 12</code>
    /refund — toʻldirishni qaytarish: <code>/refund 7</code> (yulduzlar Telegram orqali; boshqa usullar: pulni oʻzingiz qaytarasiz, <code>/refund 7 izoh</code> buni yozib qoʻyadi)
    /promo, /promos — promokodlar: <code>/promo WELCOME 5 100 30</code> yaratadi (summa, necha marta, kun), <code>/promo WELCOME -</code> tugatadi, /promos — roʻyxat
    /transfers, /approve, /reject — tekshiruvni kutayotgan kartaga oʻtkazmalar; tasdiqlash (chekda boshqa summa boʻlsa, oʻshani) yoki rad etish: <code>/approve 14</code>, <code>/approve 14 149500</code>, <code>/reject 14 sabab</code>
    /refresh — katalogni hozir yangilash
    /panels — har bir panel: javob beryaptimi, balansi, xizmatlari, ochiq buyurtmalari, soʻnggi bir soatdagi rad etishlar
    /shop — xizmatlarni bir bosishda yashirish va koʻrsatish
    /hide, /show — xizmat yoki boʻlimni mijozlardan yashirish yoki yana koʻrsatish: <code>/hide 12</code>, <code>/show Telegram Views</code>
    /markup — xizmat yoki boʻlimga % dagi ustama; sonsiz amaldagisini koʻrsatadi: <code>/markup 12 35</code>, <code>/markup Telegram Views 25</code>, <code>/markup 12</code>
    /price — xizmat uchun 1000 tasiga qatʼiy narx; summasiz mijozlar qancha toʻlashini koʻrsatadi: <code>/price 12 1.50</code>, <code>/price 12</code>
    /rename — xizmat yoki boʻlimning bitta tildagi nomi: <code>/rename 12 | ru | Просмотры</code>
    /renameall — boʻlim va uning barcha xizmatlari bitta tilda birdaniga: <code>/renameall Telegram Members | uz | Telegram obunachilari | 7-day Join = 7 kun</code>
    /describe — xizmatning bitta tildagi tavsifi: <code>/describe 12 | en | Fast start</code>
    /position — boʻlimning roʻyxatdagi oʻrni: <code>/position Telegram Views 1</code>
    /dripfeed — panel roʻyxatida aytilmagan boʻlsa, xizmat uchun bosqichma-bosqich buyurtmani taklif qilish: <code>/dripfeed 12 on</code>
    /fallback — xizmatning paneli rad etganda buyurtmalari tartib bilan qayerga ketadi: <code>/fallback 12 cheap:345</code>, koʻrish uchun <code>/fallback 12</code>, tozalash uchun <code>/fallback 12 -</code>
    /backup — maʼlumotlar bazasining hozirgi nusxasi, shu yerga fayl boʻlib keladi
    /id — oʻz Telegram id raqamingiz, ADMIN_IDS uchun
cmd-users = Mijozlar: yangilari, boylari, qidirish (administratorlar)
cmd-broadcast = Barcha mijozlarga xabar (administratorlar)

alert-panel-down =
    ⛔ Paneldan foydalanib boʻlmayapti: { $error }
    Mijozlarga hozir buyurtma qabul qilinmasligi aytilmoqda. PANEL_API_URL va PANEL_API_KEY ni yoki panelning oʻzini tekshiring. Panel yana javob berganda xabar beramiz.
alert-panel-up = ✅ Panel yana javob bermoqda: mijozlar buyurtma bera oladi.
alert-panel-down-named =
    ⛔ { $panel } panelidan foydalanib boʻlmayapti: { $error }
    Hozircha uning xizmatlarini buyurtma qilib boʻlmaydi, boshqa panellarnikini esa boʻladi. { $prefix }_API_URL va { $prefix }_API_KEY ni yoki panelning oʻzini tekshiring. Panel yana javob berganda xabar beramiz.
alert-panel-up-named = ✅ { $panel } paneli yana javob bermoqda: uning xizmatlarini buyurtma qilish mumkin.

broadcast-ask = Barcha mijozlar uchun xabarni yuboring: matn yoki izohli rasm. Toʻxtatish: /cancel.
broadcast-not-this = Matn (koʻpi bilan 4096 belgi) yoki izohli bitta rasm (koʻpi bilan 1024) yuboring yoki /cancel.
broadcast-canceled = Xabarnoma bekor qilindi: hech narsa yuborilmadi.
broadcast-preview = Yuqorida — mijozlar uni shunday koʻradi. U botni bloklamagan va xabarnomalarni oʻchirmagan { $count } ta mijozga yuboriladi.
broadcast-send = ✅ Hammaga yuborish
broadcast-drop = ✖ Bekor qilish
broadcast-not-draft = Bu xabarnoma allaqachon yuborilgan yoki bekor qilingan.
broadcast-progress = 📣 Xabarnoma { $id }: { $total } tadan { $done } tasi tayyor (yuborildi { $sent }, bloklagan { $blocked }, xato { $failed })…
broadcast-progress-final = 📣 Xabarnoma { $id }: { $total } tadan { $done } tasi tayyor (yuborildi { $sent }, bloklagan { $blocked }, xato { $failed }). ✅
broadcast-done = 📣 Xabarnoma { $id } tugadi: { $total } ta mijoz, yuborildi { $sent }, bloklagan yoki oʻchirgan { $blocked }, xato { $failed }.
broadcast-off = 🔕 Bunday xabarlarni yubormang
broadcast-on = 🔔 Yana yuboring
broadcasts-off = Bunday xabarlar endi kelmaydi.
broadcasts-on = Xabarlarimiz yana keladi.
