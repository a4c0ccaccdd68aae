# Taklif dasturi (bot/storage/referrals.py, handlers/customer/referral.py)
menu-referral = 🤝 Doʻstlarni taklif qilish
cmd-referral = Taklif havolangiz va u keltirgan daromad
help-referral = /referral — taklif havolangiz va u keltirgan daromad
referral =
    <b>Taklif havolangiz</b>
    { $link }
    Uni ulashing: havola orqali kelgan mijoz har safar balansini toʻldirganda, toʻldirish summasining { $percent }% qismi balansingizga tushadi.
    Havolangiz orqali kelganlar: { $joined }
    Topilgan daromad: { $earned }
referral-off = Hozir taklif dasturimiz yoʻq.
referral-credited = 🤝 Taklif bonusi: balansingizga +{ $amount } — siz taklif qilgan mijoz toʻldirgan summadan ulushingiz. Balans: { $balance }
referral-taken-back = ↩️ Siz taklif qilgan mijozning toʻldirishi qaytarildi, shuning uchun { $amount } taklif bonusi yechib olindi. Balans: { $balance }

# Administratorlarga
admin-user-referral = Taklif qilgan: { $referrer }. U taklif qilgan mijozlar: { $joined }, daromadi { $earned }
admin-reason-referral = taklif bonusi
admin-reason-referral-back = taklif bonusi yechib olindi
alert-referral-kept = ⚠️ { $customer } mijozning #{ $id } toʻldirishi qaytarildi, lekin taklif qilgan { $referrer } balansida { $amount } taklif bonusi endi yoʻq (balans { $balance }), shuning uchun bonus unda qoldi. Buni u bilan hal qiling, kerak boʻlsa /debit orqali.
