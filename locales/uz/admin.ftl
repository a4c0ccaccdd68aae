admin-owed = Mijozlar balanslarida jami: { $owed }
admin-panel-balance = Panel balansi: <b>{ $balance }</b>
admin-panel-balance-failed = Panel balansini hozir o'qib bo'lmayapti ({ $error }).
admin-panel-short = ⚠️ Panelda mijozlar balanslaridagidan { $short } kam.
admin-stats = <b>Do'kon</b>. Mijozlar: { $customers }
admin-stats-today = Bugun
admin-stats-week = Oxirgi 7 kun
admin-stats-all = Butun davr
admin-stats-period =
    <b>{ $period }</b>: { $orders } ta buyurtma ({ $statuses })
    Tushum { $revenue }, xarajat { $cost }, foyda { $profit }
admin-refreshed = Katalog yangilandi: { $services } ta xizmat, { $categories } ta kategoriya (versiya { $version }).
admin-refresh-failed = Katalogni yangilab bo'lmadi: { $error }
cmd-stats = Do'kon statistikasi (adminlar)
cmd-refresh = Katalogni yangilash (adminlar)
cmd-refund = Stars to'ldirishini qaytarish: /refund ID (adminlar)
