# Card transfer with a receipt (bot/payments/transfer.py)
topup-method-transfer = 💳 Kartaga oʻtkazma
transfer-ask-amount =
    <b>Kartaga oʻtkazma orqali toʻldirish</b>
    Qancha oʻtkazasiz? Summani yuboring (eng kami { $min }, eng koʻpi { $max }), masalan <code>150 000</code>.
transfer-bad-amount = Kartaga oʻtkazma summasi: eng kami { $min }, eng koʻpi { $max }. Summani son bilan yuboring, masalan <code>150 000</code>.
webapp-transfer-title = Kartaga oʻtkazma orqali toʻldirish
webapp-transfer-hint = Eng kami { $min }, eng koʻpi { $max }, kartamizga oʻtkaziladi: rekvizitlar va chek — chatda.
webapp-transfer-other = Summa ({ $currency })
transfer-cover = 💳 Kartaga oʻtkazma bilan { $amount } toʻldirish
transfer-details =
    💳 <b>Kartaga oʻtkazma #{ $id }</b>
    Aynan <b>{ $amount }</b> oʻtkazing:
    { $details }

    Soʻng shu chatga chekning rasmini yoki PDF faylini yuboring. Administrator tekshirgach, balansingizni toʻldiramiz.
transfer-checking =
    💳 <b>Kartaga oʻtkazma #{ $id }</b>: { $amount }
    Chekingiz administratorlarimizda. Tekshirilishi bilan xabar beramiz.
transfer-withdraw = ✖️ #{ $id } soʻrovni bekor qilish
transfer-sent = 📨 #{ $id } soʻrov cheki tekshirishga yuborildi. Administrator tekshirishi bilan xabar beramiz.
transfer-receipt-already = #{ $id } soʻrov chekingiz allaqachon administratorlarimizda. Tekshirilishi bilan xabar beramiz.
transfer-not-a-receipt = #{ $id } soʻrov chekini kutyapmiz: uning rasmini yoki PDF faylini yuboring. Soʻrovni bekor qilish uchun quyidagi tugmani bosing.
transfer-withdrawn = #{ $id } soʻrov bekor qilindi. Boshqa usulda toʻldirish uchun /topup yuboring.
transfer-closed = #{ $id } soʻrov boʻyicha qaror allaqachon chiqarilgan: u haqidagi xabarni koʻring.
transfer-withdraw-late = #{ $id } soʻrov allaqachon tasdiqlangan: pul balansingizda.
transfer-rejected = ❌ #{ $id } kartaga oʻtkazma tasdiqlanmadi. Agar pulni oʻtkazgan boʻlsangiz, /paysupport ga yozing.
transfer-rejected-why =
    ❌ #{ $id } kartaga oʻtkazma tasdiqlanmadi: { $reason }
    Agar pulni oʻtkazgan boʻlsangiz, /paysupport ga yozing.

# To admins
cmd-transfers = Tekshiruvni kutayotgan kartaga oʻtkazmalar (administratorlar)
cmd-approve = Kartaga oʻtkazmani tasdiqlash: /approve N [SUMMA] (administratorlar)
cmd-reject = Kartaga oʻtkazmani rad etish: /reject N [SABAB] (administratorlar)
transfer-copy =
    💳 <b>Kartaga oʻtkazma #{ $id }</b>: { $amount }
    Mijoz: { $customer }
transfer-copy-seen = ⚠️ Bu fayl avval ham yuborilgan (#{ $first } soʻrov)
transfer-approve = ✅ Tasdiqlash
transfer-reject = ❌ Rad etish
transfer-no-reason = Sababsiz rad etish
transfer-approved-by = ✅ { $by } tasdiqladi: { $amount } qoʻshildi
transfer-rejected-by = ❌ { $by } rad etdi: { $reason }
transfer-withdrawn-copy = ↩️ Mijoz bekor qildi
transfer-ask-reason = #{ $id } soʻrov nega rad etildi? Sababini yuboring (uni mijoz oʻqiydi) yoki tugmani bosing.
transfer-reason-bad = Sababni matn bilan, { $max } belgidan oshirmay yuboring yoki /cancel.
transfer-reject-cancelled = Hech narsa rad etilmadi: soʻrov hali kutmoqda.
transfer-approved = ✅ #{ $id } soʻrov tasdiqlandi: { $user } mijozga { $amount } qoʻshildi (balans { $balance }).
transfer-rejected-done = ❌ #{ $id } soʻrov rad etildi ({ $reason }). Mijozga xabar berildi.
transfer-already-approved = #{ $id } soʻrov allaqachon tasdiqlangan, administrator: { $by }.
transfer-already-rejected = #{ $id } soʻrov allaqachon rad etilgan, administrator: { $by }.
transfer-already-withdrawn = #{ $id } soʻrovni mijoz bekor qilgan.
transfer-no-such = #{ $id } kartaga oʻtkazma soʻrovi yoʻq.
transfer-over-limit = Tasdiqlanmadi: mijoz balansi ({ $balance }) eng koʻp ruxsat etilgan summadan ({ $max }) oshib ketardi.
transfer-approve-usage = Foydalanish: <code>/approve N</code> yoki chekda boshqa summa boʻlsa <code>/approve N SUMMA</code>. N — soʻrov raqami.
transfer-reject-usage = Foydalanish: <code>/reject N</code> yoki <code>/reject N SABAB</code> ({ $max } belgidan oshmasin). N — soʻrov raqami.
transfers-none = Tekshiruvni kutayotgan kartaga oʻtkazmalar yoʻq.
transfers-title = <b>Tekshiruvni kutayotgan kartaga oʻtkazmalar</b> ({ $count }), eskilari birinchi:
transfers-line = #{ $id } · { $amount } · { $customer } · { $hours } soat · { $receipt ->
        [yes] chek yuborilgan
       *[no] chek hali yoʻq
    }
transfers-how = <code>/approve N</code> · <code>/approve N SUMMA</code> · <code>/reject N SABAB</code>
transfer-reminder = ⏰ { $count } ta kartaga oʻtkazma cheki bir kundan beri tekshiruvni kutmoqda:
transfer-reminder-line = #{ $id } · { $amount } · olingan: { $since }
