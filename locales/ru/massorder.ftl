menu-massorder = 📋 Массовый заказ
cmd-massorder = Много заказов сразу, по одному в строке
mass-cancel-button = ✖ Отмена
mass-confirm-button = ✅ Подтвердить и оплатить
mass-ask =
    <b>Массовый заказ</b>
    Отправьте заказы одним сообщением, по одному в строке, не больше { $max } { $max ->
        [one] строки
        [few] строк
       *[many] строк
    }:
    <code>услуга | ссылка | количество</code>
    Например:
    <code>1 | https://t.me/channel | 1000</code>
    Услуга — её номер в нашем каталоге. Каждый заказ оформляется и оплачивается отдельно.
mass-send-text = Пожалуйста, отправьте заказы текстом, по одному в строке: <code>услуга | ссылка | количество</code> (не больше { $max } { $max ->
        [one] строки
        [few] строк
       *[many] строк
    }).
mass-too-long = Это слишком много. В одном массовом заказе может быть не больше { $max } { $max ->
        [one] строки
        [few] строк
       *[many] строк
    }.
mass-empty = В этом сообщении нет заказов.
mass-errors = { $count ->
        [one] Мы не смогли прочитать { $count } строку:
        [few] Мы не смогли прочитать { $count } строки:
       *[many] Мы не смогли прочитать { $count } строк:
    }
mass-error-line = Строка { $line }: { $error }
mass-send-again = Исправьте их и отправьте весь список заново или нажмите «Отмена».
mass-bad-format = напишите её так: <code>услуга | ссылка | количество</code>.
mass-bad-service = у нас нет услуги { $service }.
mass-not-default = услугу { $service } нельзя заказать массовым заказом; закажите её через /order.
mass-bad-link = эту ссылку услуга не принимает.
mass-bad-quantity = количество должно быть целым числом от { $min } до { $max }, только цифры.
mass-changed = ⚠️ С момента проверки изменились наш каталог или цены. Вот заказ заново:
mass-summary = { $count ->
        [one] <b>Проверьте массовый заказ</b>: { $count } заказ
        [few] <b>Проверьте массовый заказ</b>: { $count } заказа
       *[many] <b>Проверьте массовый заказ</b>: { $count } заказов
    }
mass-summary-line = { $line }. { $service } (услуга { $id }) · { $link } · { $quantity } · { $charge }
mass-total =
    К оплате: <b>{ $total }</b>
    Ваш баланс: { $balance } → { $after }
mass-total-short =
    К оплате: <b>{ $total }</b>
    Ваш баланс: { $balance }, не хватает { $missing }. Пополните баланс через /topup и снова нажмите «Подтвердить».
mass-short = Вашего баланса не хватает на { $total }: нужно ещё { $missing }. Пополните баланс через /topup и снова нажмите «Подтвердить».
mass-placing = { $count ->
        [one] ⏳ Оформляем { $count } заказ…
        [few] ⏳ Оформляем { $count } заказа…
       *[many] ⏳ Оформляем { $count } заказов…
    }
mass-report = { $count ->
        [one] <b>Массовый заказ</b>: оформлено { $placed } из { $count } заказа.
        [few] <b>Массовый заказ</b>: оформлено { $placed } из { $count } заказов.
       *[many] <b>Массовый заказ</b>: оформлено { $placed } из { $count } заказов.
    }
mass-report-line = Строка { $line }: { $outcome }
mass-report-total = Списано: { $charged }. Ваш баланс: { $balance }.
mass-line-placed = ✅ заказ № <b>{ $number }</b>
mass-line-unknown = ⚠️ заказ № <b>{ $number }</b>: проверяем, оформлен ли он; до тех пор его деньги удерживаются.
mass-line-failed-shop = ❌ сейчас мы не можем принимать заказы; возвращено на баланс.
mass-line-failed-service = ❌ эта услуга больше недоступна; возвращено на баланс.
mass-line-failed-link = ❌ эту ссылку не приняли; возвращено на баланс.
mass-line-failed-quantity = ❌ это количество не приняли; возвращено на баланс.
mass-line-failed-unreachable = ❌ не заказано: сейчас мы не смогли его оформить; возвращено на баланс.
mass-line-failed-other = ❌ заказ отклонён; возвращено на баланс.
mass-line-done = уже оформлен.
mass-line-no-funds = ❌ не заказано: не хватило баланса. Ничего не списано.
mass-already-placed = Этот массовый заказ уже оформлен.
mass-expired = Этот массовый заказ устарел. Отправьте /massorder, чтобы начать заново.
mass-cancelled = Массовый заказ отменён. Ничего не списано.
