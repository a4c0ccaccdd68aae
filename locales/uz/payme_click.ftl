# Payme va Click: toʻlov tizimining oʻz sahifasida toʻlanadigan toʻldirishlar
topup-method-payme = 💳 Payme
topup-method-click = 💳 Click
topup-by-link-choose =
    <b>Balansni { $method } orqali toʻldirish</b>
    Miqdorni tanlang yoki «Boshqa miqdor»ni bosing: { $min } dan { $max } gacha.
topup-by-link-preset = { $amount }
topup-by-link-type = Qancha toʻldirmoqchisiz? { $min } dan { $max } gacha soʻmda miqdor yuboring, masalan <code>150 000</code>.
topup-by-link-bad-amount = { $min } dan { $max } gacha butun soʻm yuboring, masalan <code>150 000</code>.
topup-by-link-sent =
    #{ $id } toʻldirish: { $method } orqali { $amount }.
    Toʻlash uchun tugmani bosing. { $method } toʻlovni tasdiqlashi bilan balans toʻldiriladi.
topup-by-link-pay = { $method } orqali { $amount } toʻlash
topup-by-link-app-title = { $method } orqali toʻldirish
topup-by-link-app-hint = { $min } dan { $max } gacha butun soʻm; toʻlov { $method } sahifasida.
topup-by-link-app-other = Boshqa summa soʻmda
order-topup-by-link = { $method }: { $amount } toʻldirish
topup-taken-back =
    { $method } #{ $id } toʻldirishni bekor qildi: pul kartangizga qaytdi va balansdan { $amount } yechildi.
    Balans: <b>{ $balance }</b>
topup-click-failed = Click orqali #{ $id } toʻldirish amalga oshmadi, pul yechilmadi. Qayta urinish uchun /topup yuboring.

# Adminlarga
alert-payme-spent = ⚠️ Payme toʻlangan #{ $topup } toʻldirishni (tranzaksiya { $transaction }) bekor qildi, lekin { $user } mijoz pulni sarflab boʻlgan: { $amount } qoʻshilgan edi, balans { $balance }. Payme tizimiga toʻlovni bekor qilib boʻlmasligi aytildi; buni mijoz va Payme bilan hal qiling.

# Payme Merchant API xatolari (oddiy matn, Payme toʻlovchiga koʻrsatadi)
payme-error-not-post = Soʻrov POST boʻlishi kerak.
payme-error-parse = Soʻrov toʻgʻri JSON emas.
payme-error-request = Notoʻgʻri soʻrov: maydon yoʻq yoki turi notoʻgʻri.
payme-error-method = Bunday metod yoʻq.
payme-error-auth = Metodni bajarish uchun huquq yetarli emas.
payme-error-system = Doʻkon soʻrovni bajara olmadi. Keyinroq qayta urining.
payme-error-amount = Notoʻgʻri summa.
payme-error-not-found = Tranzaksiya topilmadi.
payme-error-cannot-cancel = Tranzaksiyani bekor qilib boʻlmaydi: xizmat koʻrsatilgan.
payme-error-cannot-perform = Bu amalni bajarib boʻlmaydi.
payme-error-no-topup = Toʻldirish topilmadi.
payme-error-topup-closed = Bu toʻldirish allaqachon toʻlangan yoki yopilgan.
payme-error-topup-busy = Bu toʻldirish boshqa tranzaksiya orqali toʻlanmoqda.
