admin-owed = Mijozlar balanslarida jami: { $owed }
admin-panel-balance = Panel balansi: <b>{ $balance }</b>
admin-panel-balance-failed = Panel balansini hozir oʻqib boʻlmayapti ({ $error }).
admin-panels-title = <b>Panellar</b>: { $count }
admin-panels-main = 🔌 <b>{ $name }</b> (PANEL_…): asosiy panel, uning puli — doʻkon puli
admin-panels-other = 🔌 <b>{ $name }</b> ({ $settings }_…): uning pulining bir birligi doʻkon pulida { $rate } turadi
admin-panels-up = ✅ javob bermoqda · balans { $balance }
admin-panels-down = ⛔ foydalanib boʻlmayapti: { $error }
admin-panels-counts = Xizmatlar: { $services } ({ $shown } tasi koʻrsatilgan) · ochiq buyurtmalar: { $open } · soʻnggi bir soatda rad etilganlar: { $refused }
admin-panel-short = ⚠️ Panelda mijozlar balanslaridagidan { $short } kam.
admin-stats = <b>Doʻkon</b>. Mijozlar: { $customers }
admin-stats-today = Bugun
admin-stats-week = Oxirgi 7 kun
admin-stats-all = Butun davr
admin-stats-topups = Toʻldirishlar: { $methods }
admin-stats-topups-none = Toʻldirishlar: yoʻq
admin-stats-topup-method = { $method } × { $count } · { $sum }
admin-stats-discounts = Berilgan chegirmalar: { $discounts }
admin-stats-period =
    <b>{ $period }</b>: { $orders } ta buyurtma ({ $statuses })
    Tushum { $revenue }, xarajat { $cost }, foyda { $profit }
admin-stats-panel = · { $panel }: { $orders } ta buyurtma, xarajat { $cost }, foyda { $profit }
admin-refreshed = Katalog yangilandi: { $services } ta xizmat, { $categories } ta boʻlim.
admin-refresh-failed = Katalogni yangilab boʻlmadi: { $error }
cmd-stats = Doʻkon statistikasi (administratorlar)
cmd-refresh = Katalogni yangilash (administratorlar)
cmd-panels = Panellar: holati, balansi, buyurtmalari (administratorlar)
cmd-refund = Toʻldirishni qaytarish: /refund ID [IZOH] (administratorlar)
cmd-credit = Mijoz balansini toʻldirish: /credit USER_ID SUMMA (administratorlar)
cmd-debit = Mijoz balansidan yechish: /debit USER_ID SUMMA (administratorlar)
cmd-discount = Mijozning barcha narxlarga chegirmasi, %: /discount USER_ID FOIZ (administratorlar)
cmd-user = Mijozning balansi, buyurtmalari va toʻldirishlari: /user USER_ID (administratorlar)
cmd-apikey = Mijozning API kalitini oʻchirish yoki yoqish: /apikey USER_ID off (administratorlar)
cmd-unknown = Natijasi nomaʼlum buyurtmalar (administratorlar)

admin-credit-usage = Foydalanish: /credit USER_ID SUMMA, masalan /credit 123456789 50
admin-debit-usage = Foydalanish: /debit USER_ID SUMMA, masalan /debit 123456789 50
admin-discount-usage = Foydalanish: /discount USER_ID FOIZ, 0 dan 90 gacha butun son (0 chegirmani bekor qiladi), masalan /discount 123456789 10. Foizsiz /discount USER_ID joriy chegirmani koʻrsatadi.
admin-discount-too-large = Chegirma koʻpi bilan { $max }%.
admin-no-customer = { $user } mijoz yoʻq: avval u botni ochishi kerak.
admin-credited = Balansga { $amount } qoʻshildi: { $user }. Endi balansi: { $balance }.
admin-debited = Balansdan { $amount } yechildi: { $user }. Endi balansi: { $balance }.
admin-debit-short = Yechilmadi: { $user } balansida atigi { $balance } bor, yechiladigan summa esa { $amount }.
admin-discount-set = { $user } endi barcha narxlarda { $discount }% chegirma oladi (avval { $before }% edi). Unga xabar berdik.
admin-discount-cleared = { $user } endi chegirmaga ega emas (avval { $before }% edi). Unga xabar berdik.
admin-discount-unchanged = { $user } allaqachon { $discount }% chegirma oladi: hech narsa oʻzgarmadi.
admin-discount-now = { $discount ->
        [0] { $user } chegirmaga ega emas.
       *[other] { $user } barcha narxlarda { $discount }% chegirma oladi.
    }
admin-user-usage = Foydalanish: /user USER_ID
admin-user =
    <b>Mijoz</b> { $customer }
    Balans: { $balance }
    Til: { $language }. Botni bloklagan: { $blocked }. Xabarnomalar oladi: { $broadcasts }. { $since } sanasidan beri
admin-user-discount = Chegirma: barcha narxlarda { $discount }%
admin-user-api-none = API kalit: yoʻq
admin-user-api = API kalit …{ $hint }: { $state } · yaratilgan: { $made } · oxirgi soʻrov: { $used } · API buyurtmalari haqida xabarlar: { $notify }
admin-user-api-on = yoqilgan
admin-user-api-off = oʻchirilgan ({ $admin }, { $when })
admin-user-api-never = boʻlmagan
admin-apikey-usage = Foydalanish: /apikey USER_ID on|off, masalan /apikey 123456789 off
admin-apikey-none = Mijoz { $user }: API kalit yoʻq.
admin-apikey-off = 🔒 Mijoz { $user }: API kaliti oʻchirildi, u bilan soʻrovlar rad etiladi, /api new uni qayta yoqmaydi. Qaytarish: /apikey { $user } on.
admin-apikey-on = 🔓 Mijoz { $user }: API kaliti yana yoqildi.
admin-user-orders = Buyurtmalar: { $count } ({ $statuses })
admin-user-order = #{ $id } · № { $panel } · { $service } × { $quantity } · { $charge } · { $status }
admin-user-topups = Toʻldirishlar (oxirgilari): { $count }
admin-user-topup = Toʻldirish { $id } · { $method } · { $amount } · { $status } · { $date }
admin-user-topup-payment = ↳ toʻlov ID <code>{ $payment }</code>
admin-user-topup-note = ↳ botdan tashqarida qaytarildi: { $note }
admin-topup-stars = ⭐ { $stars }
admin-user-refills = Tiklashlar (oxirgilari): { $count }
admin-user-refill = Tiklash { $id } · #{ $order } buyurtma · № { $panel } · panelda { $refill } · { $status } · { $date }
admin-user-refill-error = ↳ panel: «{ $error }»
admin-unknown-none = Natijasi nomaʼlum buyurtmalar yoʻq.
admin-unknown-title = <b>Natijasi nomaʼlum buyurtmalar</b>: { $count }
admin-unknown-order =
    #{ $id } · mijoz { $user } · xizmat { $service_id }: { $service }
    Havola: { $link } · miqdor { $quantity } · ushlab turilgan { $charge }
    Shu vaqtdan beri: { $since } — { $error }
admin-unknown-how = Har birini panelda tekshiring va hal qiling: panelda boʻlsa /attach ORDER_ID PANEL_ORDER_ID (keyin holati kuzatiladi), boʻlmasa /fail ORDER_ID (mijozga pul qaytariladi).
admin-attach-usage = Foydalanish: /attach ORDER_ID PANEL_ORDER_ID
admin-fail-usage = Foydalanish: /fail ORDER_ID
admin-settle-missing = #{ $id } buyurtma yoʻq.
admin-settle-not-unknown = #{ $id } buyurtma holati { $status }, natijasi maʼlum: hal qiladigan narsa yoʻq.
admin-attach-taken = Paneldagi { $panel } buyurtma boshqa buyurtmaga tegishli.
admin-attached = #{ $id } buyurtma endi paneldagi { $panel } buyurtma; holati kuzatib boriladi.
admin-failed = #{ $id } buyurtma berilmagan deb belgilandi; { $refund } qaytarildi: { $user }.

credit-notice = 💰 Balansingizga { $amount } qoʻshildi. Balansingiz: { $balance }.
discount-notice = 🎁 Endi har bir buyurtmangizga { $discount }% chegirma beriladi: koʻrayotgan narxlaringizga u allaqachon kiritilgan.
discount-ended-notice = Shaxsiy chegirmangiz tugadi: narxlar yana odatdagidek.
settled-placed = ✅ #{ $id } buyurtmangiz baribir berildi. Bajarilganda sizga xabar beramiz.
settled-failed = ❌ #{ $id } buyurtmangizni berib boʻlmadi. { $refund } balansingizga qaytarildi.

alert-panel-low = ⚠️ Panel balansi chegaradan past: { $balance } (chegara: { $threshold }). Buyurtmalar rad etila boshlamasidan oldin toʻldiring.
alert-panel-recovered = ✅ Panel balansi yana { $balance }, chegaradan yuqori.
alert-panel-low-named = ⚠️ { $panel } paneli: balansi chegaradan past: { $balance } (chegara: { $threshold }). Uning buyurtmalari rad etila boshlamasidan oldin toʻldiring.
alert-panel-recovered-named = ✅ { $panel } paneli: balansi yana { $balance }, chegaradan yuqori.
alert-unknown-waiting = ⚠️ Natijasi nomaʼlum { $count } ta buyurtma sizni kutmoqda: /unknown

# Bounds on typed amounts and balances
amount-too-large = Bu juda katta: bu yerda koʻpi bilan { $max } kiritish mumkin.
admin-credit-limit = Qoʻshilmadi: { $user } balansi bitta balans uchun eng katta summadan oshib ketardi (eng kattasi: { $max }). Uning balansi: { $balance }.
alert-update-failed = ⚠️ { $update } yangilanishi { $error } xatosi bilan tugadi; foydalanuvchidan qayta urinish soʻraldi. Tafsilotlar jurnalda. Keyingi { $error } xatolari bir soat davomida faqat jurnalga yoziladi.
