## /fallback: xizmatning paneli buyurtmani qabul qilmasa, buyurtmalar qayerga ketadi (administratorlar)

fallback-usage = /fallback buyrugʻini xizmat raqami va uning paneli rad etganda buyurtmalar ketadigan joylar bilan PANEL:ID koʻrinishida (xizmatning oʻsha paneldagi raqami), sinash tartibida yuboring: /fallback 12 cheap:345 backup:77. /fallback 12 roʻyxatni koʻrsatadi, /fallback 12 - uni tozalaydi.
fallback-no-service = Katalogda #{ $number } xizmati yoʻq.
fallback-bad-item = «{ $item }» PANEL:ID emas, masalan cheap:345.
fallback-no-panel = «{ $panel }» paneli yoʻq. Panellar: { $panels }.
fallback-unfit-missing = { $item }: oʻsha panelda doʻkon sota oladigan bunday xizmat yoʻq.
fallback-unfit-same = { $item } — #{ $number } xizmatining oʻzi.
fallback-unfit-type = { $item } turi { $other_type }, #{ $number } xizmati turi { $type }: zaxira xizmat xuddi shu turda boʻlishi kerak.
fallback-unfit-quantity = { $item } { $other_min }–{ $other_max } qabul qiladi, #{ $number } xizmati { $min }–{ $max }: zaxira xizmat xizmat qabul qiladigan har qanday miqdorni qabul qilishi kerak.
fallback-unfit-dripfeed = { $item } da bosqichma-bosqich yetkazish yoʻq, #{ $number } xizmati esa uni taklif qiladi.
fallback-unfit-refill = { $item } da tiklash yoʻq, #{ $number } xizmati esa uni vaʼda qiladi.
fallback-too-many = Bitta xizmatga koʻpi bilan { $most } ta zaxira: mijoz kutayotganda har biri navbat bilan sinaladi.
fallback-twice = { $item } ikki marta koʻrsatilgan.
fallback-set = #{ $number } xizmati uchun saqlandi: { $count } ta zaxira xizmat.
fallback-cleared = #{ $number } xizmatida endi zaxira xizmatlar yoʻq.
fallback-of = #{ $number } xizmati: { $own }
fallback-none = Zaxira xizmatlar yoʻq: paneli rad etsa, buyurtma bajarilmaydi. Qoʻshish: /fallback { $number } PANEL:ID
fallback-line = { $panel }:{ $id } { $service } ({ $type }, { $min }–{ $max })
fallback-line-gone = { $panel }:{ $id } (hozir katalogda yoʻq: oʻtkazib yuboriladi)

## Qayta-qayta ishlamayotgan panel yangi buyurtmalar uchun bir muddat oʻtkazib yuboriladi

alert-panel-skipped = ⏸ { $panel } paneli { $minutes } daqiqada { $failures } marta ishlamadi (oxirgisi: { $error }). Yangi buyurtmalar uni { $until } gacha oʻtkazib yuboradi va xizmatlarning zaxiralariga ketadi; zaxirasi yoʻq xizmatlar baribir uni sinaydi. U yana ishlaganda xabar beramiz.
alert-panel-back = ▶️ { $panel } paneli yana buyurtma qabul qildi: endi oʻtkazib yuborilmaydi.
panels-skipped-until = ⏸ yangi buyurtmalar uchun { $until } gacha oʻtkazib yuboriladi: ular xizmatlarning zaxiralariga ketadi

alert-panel-refused-fallback =
    ⚠️ { $panel } paneli #{ $order } buyurtmani «{ $error }» xatosi bilan rad etdi: buni tuzating. Hozircha uning xizmatlari zaxiralariga ketadi (/fallback), zaxirasi yoʻqlarini buyurtma qilib boʻlmaydi. #{ $order } buyurtma { $went_to } paneliga oʻtdi.
    Unda biror buyurtma oʻtmaguncha bunday rad etishlar boshqa xabar qilinmaydi.

## Zaxira xizmat zarariga qabul qilgan buyurtma

alert-order-loss = 📉 #{ $order } buyurtmasi { $panel } paneliga ketdi (u yerdagi { $id } xizmati), u yerda narxi { $cost }; mijoz { $charge } toʻladi. #{ $service } xizmatining zaxiralarini tekshiring: /fallback { $service }
