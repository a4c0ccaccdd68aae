# Doʻkonning mijozlar uchun oʻz API v2 si (/api)
api-off = Bu doʻkonda API yoʻq.
api-usage =
    /api — API kalitingiz va API manzili
    /api new — yangi kalit (eskisi darhol ishlamay qoladi)
    /api notify off — API orqali berilgan buyurtmalar haqida xabarsiz (/api notify on — yana xabarlar bilan)
api-key-new =
    🔑 <b>Yangi API kalitingiz</b> (nusxa olish uchun bosing):
    <code>{ $key }</code>
    API manzili: <code>{ $endpoint }</code>
    U istalgan SMM panelning API v2 si kabi ishlaydi: POST <code>key</code> va <code>action</code> (services, add, status, refill, refill_status, cancel, balance). U orqali berilgan buyurtmalar balansingizdan toʻlanadi va /orders da koʻrinadi.

    ⚠️ Bu xabar chat tarixida qoladi, kalitga ega boʻlgan har kim balansingizni sarflay oladi. Kalitni ishonchli joyga saqlang va bu xabarni oʻchiring. Biz kalitning faqat izini saqlaymiz va uni qayta koʻrsata olmaymiz: /api new boshqasini yaratadi.
api-key-replaced = Oldingi kalitingiz endi ishlamaydi.
api-key =
    🔑 <b>API kalitingiz</b>: …{ $hint }, yaratilgan: { $made }, { $used }
    API manzili: <code>{ $endpoint }</code>
    { $notify }
    Biz kalitning faqat izini saqlaymiz, shuning uchun uni qayta koʻrsata olmaymiz. Yoʻqotdingizmi yoki u boshqalarga tushgan boʻlishi mumkinmi? /api new yangisini yaratadi, bu esa darhol ishlamay qoladi.
api-key-used = oxirgi soʻrov: { $when }
api-key-unused = hali ishlatilmagan
api-notify-is-on = 🔔 API orqali berilgan buyurtmalar haqida xabar beramiz (/api notify off — xabar bermaslik).
api-notify-is-off = 🔕 API orqali berilgan buyurtmalar haqida xabar bermaymiz (/api notify on — yana xabar berish).
api-key-off = 🔒 API kalitingiz (…{ $hint }) doʻkon tomonidan oʻchirilgan: u bilan soʻrovlar rad etiladi, yangi kalit ham oʻchirilgan boʻlar edi. Sababini bilmoqchi boʻlsangiz, /support ga yozing.
api-notify-set-on = 🔔 Tayyor: API orqali berilgan buyurtmalar haqida ham boshqalari kabi xabar beramiz.
api-notify-set-off = 🔕 Tayyor: API orqali berilgan buyurtmalar haqida endi xabar bermaymiz. Ular /orders da koʻrinib turadi, API dagi status esa avvalgidek javob beradi.
api-none-yet = Sizda hali API kalit yoʻq: uni yaratish uchun /api yuboring.
