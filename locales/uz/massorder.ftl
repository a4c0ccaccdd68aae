menu-massorder = 📋 Ommaviy buyurtma
cmd-massorder = Bir nechta buyurtma birdaniga, har qatorda bittadan
mass-cancel-button = ✖ Bekor qilish
mass-confirm-button = ✅ Tasdiqlash va toʻlash
mass-ask =
    <b>Ommaviy buyurtma</b>
    Buyurtmalarni bitta xabarda, har qatorda bittadan, koʻpi bilan { $max } qator yuboring:
    <code>xizmat | havola | miqdor</code>
    Masalan:
    <code>1 | https://t.me/channel | 1000</code>
    Xizmat — uning katalogimizdagi raqami. Har bir buyurtma alohida beriladi va alohida toʻlanadi.
mass-send-text = Iltimos, buyurtmalarni matn koʻrinishida, har qatorda bittadan yuboring: <code>xizmat | havola | miqdor</code> (koʻpi bilan { $max } qator).
mass-too-long = Bu juda koʻp. Bitta ommaviy buyurtmada koʻpi bilan { $max } qator boʻlishi mumkin.
mass-empty = Bu xabarda buyurtma yoʻq.
mass-errors = { $count ->
       *[other] { $count } ta qatorni oʻqiy olmadik:
    }
mass-error-line = { $line }-qator: { $error }
mass-send-again = Ularni tuzating va butun roʻyxatni qaytadan yuboring yoki Bekor qilish tugmasini bosing.
mass-bad-format = uni <code>xizmat | havola | miqdor</code> koʻrinishida yozing.
mass-bad-service = bizda { $service } xizmati yoʻq.
mass-not-default = { $service } xizmati uchun havola va miqdordan tashqari yana maʼlumot kerak (javob varianti, izohlar, foydalanuvchi nomlari…), qatorda esa bunga joy yoʻq; uni /order orqali buyurtma qiling.
mass-bad-link = bu xizmat bunday havolani qabul qilmaydi.
mass-bad-quantity = miqdor { $min } tadan { $max } tagacha butun son boʻlishi kerak, faqat raqamlar bilan.
mass-changed = ⚠️ Tekshiruvdan keyin katalogimiz yoki narxlar oʻzgardi. Mana buyurtma qaytadan:
mass-summary = { $count ->
       *[other] <b>Ommaviy buyurtmani tekshiring</b>: { $count } ta buyurtma
    }
mass-summary-line = { $line }. { $service } ({ $id }-xizmat) · { $link } · { $quantity } · { $charge }
mass-total =
    Toʻlanadi: <b>{ $total }</b>
    Balansingiz: { $balance } → { $after }
mass-total-short =
    Toʻlanadi: <b>{ $total }</b>
    Balansingiz: { $balance }, { $missing } yetmaydi. /topup orqali balansni toʻldiring va Tasdiqlash tugmasini yana bosing.
mass-short = Balansingiz { $total } uchun yetmaydi: yana { $missing } kerak. /topup orqali balansni toʻldiring va Tasdiqlash tugmasini yana bosing.
mass-placing = { $count ->
       *[other] ⏳ { $count } ta buyurtma berilmoqda…
    }
mass-report = { $count ->
       *[other] <b>Ommaviy buyurtma</b>: { $count } ta buyurtmadan { $placed } tasi berildi.
    }
mass-report-line = { $line }-qator: { $outcome }
mass-report-total = Yechildi: { $charged }. Balansingiz: { $balance }.
mass-line-placed = ✅ buyurtma raqami <b>{ $number }</b>
mass-line-unknown = ⚠️ buyurtma raqami <b>{ $number }</b>: berilgan-berilmaganini tekshiryapmiz; shu vaqtgacha uning puli ushlab turiladi.
mass-line-failed-shop = ❌ hozir buyurtma qabul qila olmaymiz; balansga qaytarildi.
mass-line-failed-service = ❌ bu xizmat endi mavjud emas; balansga qaytarildi.
mass-line-failed-link = ❌ bu havola qabul qilinmadi; balansga qaytarildi.
mass-line-failed-quantity = ❌ bu miqdor qabul qilinmadi; balansga qaytarildi.
mass-line-failed-unreachable = ❌ buyurtma berilmadi: hozir uni bera olmadik; balansga qaytarildi.
mass-line-failed-other = ❌ buyurtma rad etildi; balansga qaytarildi.
mass-line-done = allaqachon berilgan.
mass-line-no-funds = ❌ buyurtma berilmadi: balans yetmadi. Hech narsa yechilmadi.
mass-already-placed = Bu ommaviy buyurtma allaqachon berilgan.
mass-expired = Bu ommaviy buyurtma eskirgan. Qaytadan boshlash uchun /massorder yuboring.
mass-cancelled = Ommaviy buyurtma bekor qilindi. Hech narsa yechilmadi.
