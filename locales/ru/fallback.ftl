## /fallback: куда идут заказы услуги, когда её панель их не принимает (администраторы)

fallback-usage = Отправьте /fallback с номером услуги и тем, куда идут её заказы, когда её панель отказывает, в виде ПАНЕЛЬ:ID (номер услуги в той панели), по порядку: /fallback 12 cheap:345 backup:77. /fallback 12 показывает список, /fallback 12 - очищает его.
fallback-no-service = В каталоге нет услуги #{ $number }.
fallback-bad-item = «{ $item }» — не ПАНЕЛЬ:ID, как cheap:345.
fallback-no-panel = Панели «{ $panel }» нет. Панели: { $panels }.
fallback-unfit-missing = { $item }: в той панели нет такой услуги, которую магазин может продавать.
fallback-unfit-same = { $item } — это сама услуга #{ $number }.
fallback-unfit-type = { $item } типа { $other_type }, а услуга #{ $number } типа { $type }: запасная услуга должна быть того же типа.
fallback-unfit-quantity = { $item } принимает { $other_min }–{ $other_max }, а услуга #{ $number } — { $min }–{ $max }: запасная услуга должна принимать любое количество, которое принимает услуга.
fallback-unfit-dripfeed = У { $item } нет плавного запуска (drip-feed), а услуга #{ $number } его предлагает.
fallback-unfit-refill = У { $item } нет восстановления, а услуга #{ $number } его обещает.
fallback-twice = { $item } указана дважды.
fallback-set = Сохранено для услуги #{ $number }: { $count ->
        [one] { $count } запасная услуга
        [few] { $count } запасные услуги
       *[other] { $count } запасных услуг
    }.
fallback-cleared = У услуги #{ $number } больше нет запасных услуг.
fallback-of = Услуга #{ $number }: { $own }
fallback-none = Запасных услуг нет: если её панель откажет, заказ не будет выполнен. Добавить: /fallback { $number } ПАНЕЛЬ:ID
fallback-line = { $panel }:{ $id } { $service } ({ $type }, { $min }–{ $max })
fallback-line-gone = { $panel }:{ $id } (сейчас нет в каталоге: пропускается)

## Панель, которая раз за разом не работает, на время пропускается для новых заказов

alert-panel-skipped = ⏸ Панель { $panel } не сработала { $failures } раза за { $minutes } минут (последний раз: { $error }). Новые заказы пропускают её до { $until } и идут на запасные услуги; услуги без запасных всё равно пробуют её. Мы сообщим, когда она снова заработает.
alert-panel-back = ▶️ Панель { $panel } снова приняла заказ: она больше не пропускается.
panels-skipped-until = ⏸ пропускается для новых заказов до { $until }: они идут на запасные услуги

alert-panel-refused-fallback =
    ⚠️ Панель { $panel } отклонила заказ #{ $order } с ошибкой «{ $error }»: исправьте это. Пока её услуги уходят на запасные (/fallback), а услуги без запасных заказать нельзя. Заказ #{ $order } ушёл дальше, в панель { $went_to }.
    Пока какой-нибудь заказ на ней не пройдёт, такие отказы больше не сообщаются.

## Заказ, который запасная услуга выполнила в убыток

alert-order-loss = 📉 Заказ #{ $order } ушёл в панель { $panel } (услуга { $id } там), где он стоит { $cost }; клиент заплатил { $charge }. Проверьте запасные услуги услуги #{ $service }: /fallback { $service }
