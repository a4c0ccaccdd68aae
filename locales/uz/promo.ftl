# Promokodlar (bot/storage/promos.py, handlers/customer/promo.py, handlers/admin/promos.py)
cmd-promo = Promokod kiritish
promo-button = 🎟 Promokod
promo-ask = Promokodingizni yuboring.
promo-bad-code = «{ $code }» promokod emas: promokod 3–32 ta lotin harfi, raqam, _ yoki - dan iborat. Uni qayta yuboring yoki «Bekor qilish»ni bosing.
promo-unknown = { $code } promokodi yoʻq. Tekshirib, qayta yuboring yoki «Bekor qilish»ni bosing.
promo-ended = { $code } promokodi tugatilgan: undan endi foydalanib boʻlmaydi.
promo-expired = { $code } promokodining muddati tugagan.
promo-used-up = { $code } promokodi tugab qolgan: foydalanishlar qolmagan.
promo-already = Siz { $code } promokodidan allaqachon foydalangansiz: har bir promokod har bir mijoz uchun bir marta ishlaydi.
promo-balance-full = Qoʻshilmadi: { $balance } balansingizga boshqa sigʻmaydi (koʻpi bilan { $max }).
promo-redeemed = 🎟 { $code } promokodi: balansingizga +{ $amount }. Balans: { $balance }
promo-cancelled = Mayli, promokodsiz.

# Administratorlarga
cmd-promos = Promokodlar; /promo KOD SUMMA [MARTA] [KUN] yangisini yaratadi (administratorlar)
admin-reason-promo = promokod
admin-promo-usage =
    <b>Promokodlar</b>
    /promo KOD SUMMA [MARTA] [KUN] — har bir mijozga SUMMA beradigan promokod, MARTA mijoz uchun (koʻrsatilmasa 1), KUN kunga (koʻrsatilmasa muddatsiz), masalan <code>/promo WELCOME 5 100 30</code>
    /promo KOD - — promokodni tugatish
    /promos — promokodlar, ulardan foydalanishlar va berilgan summalar
admin-promo-bad-code = «{ $code }» promokod boʻla olmaydi: 3–32 ta lotin harfi, raqam, _ yoki - ishlating (katta-kichik harf farqi yoʻq).
admin-promo-bad-amount = SUMMA 0 dan katta son boʻlishi kerak, verguldan keyin koʻpi bilan { $decimals } ta raqam, masalan <code>/promo WELCOME 5</code>
admin-promo-bad-counts = MARTA 1 dan { $uses } gacha butun son, KUN 1 dan { $days } gacha boʻlishi kerak, masalan <code>/promo WELCOME 5 100 30</code>
admin-promo-exists = { $code } promokodi allaqachon bor (kod abadiy bitta taklif boʻlib qoladi): boshqasini tanlang. Roʻyxat: /promos.
admin-promo-made = ✅ Promokod yaratildi: { $line }
admin-promo-ended = Promokod tugatildi: { $line }
admin-promo-none = { $code } promokodi yoʻq.
admin-promo-line = <code>{ $code }</code> · { $amount } · foydalanildi { $used }/{ $uses } · berildi { $given } · { $state }
admin-promo-state-open = muddatsiz
admin-promo-state-until = { $date } gacha
admin-promo-state-ended = { $date } tugatilgan
admin-promos = <b>Promokodlar</b>, avval yangilari ({ $count }):
admin-promos-none = Hozircha promokod yoʻq. Yarating: /promo KOD SUMMA [MARTA] [KUN]
