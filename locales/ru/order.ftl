menu-order = 🛒 Новый заказ
menu-balance = 💰 Баланс
cmd-order = Сделать новый заказ
cmd-balance = Ваш баланс
cmd-cancel = Отменить текущий заказ

nav-back = « Назад
nav-cancel = ✖ Отмена
nav-keep = ✔ Оставить
order-confirm = ✅ Подтвердить и оплатить

catalogue-unavailable = Сейчас мы не принимаем заказы. Загляните позже: ваш баланс в сохранности.
catalogue-empty = Сейчас нечего заказать.
catalogue-changed = Список услуг изменился. Вот новый.
order-expired = Это предложение устарело. Отправьте /order, чтобы начать заново.
service-gone = Эта услуга больше недоступна. Выберите другую.

order-categories =
    <b>Новый заказ</b>
    Выберите категорию (страница { $page } из { $pages }):
order-services =
    <b>{ $category }</b>
    Выберите услугу (страница { $page } из { $pages }), цены за 1000:
order-listed-price = { $package ->
        [yes] { $price } за пакет
       *[no] { $price }
    }
order-service =
    <b>{ $service }</b>
    { $package ->
        [yes] Цена: { $price } за весь пакет
       *[no] Цена: { $price } за 1000
            Количество: от { $min } до { $max }
    }
    { $cancel ->
        [yes] Можно отменить, пока заказ выполняется.
       *[no] После оформления отменить нельзя.
    }
order-ask-link-telegram = Отправьте ссылку на канал, группу или пост: https://t.me/… или @name.
order-ask-link = Отправьте полную ссылку, начиная с https://
order-current-link = Текущая ссылка: { $link }. Отправьте другую или нажмите «Оставить».
order-bad-link-telegram = Это не ссылка на Telegram. Отправьте ссылку вида https://t.me/channel или @channel.
order-bad-link = Это не ссылка. Отправьте полный адрес, начиная с https://
order-ask-quantity = Сколько нужно? Отправьте целое число от { $min } до { $max }.
order-ask-quantity-per-run = Сколько за один запуск? При плавном запуске (drip-feed) столько выполняется в каждом запуске: отправьте целое число от { $min } до { $max }.
order-current-quantity = Текущее количество: { $quantity }. Отправьте другое число или нажмите «Оставить».
order-bad-quantity = Отправьте целое число от { $min } до { $max }, только цифры.
order-quantity-low = Это меньше, чем принимает услуга: отправьте целое число от { $min } до { $max }.
order-quantity-high = Это больше, чем принимает услуга: отправьте целое число от { $min } до { $max }.
order-ask-answer = За какой вариант ответа голосовать? Отправьте его номер: 1 — первый вариант, максимум { $max }.
order-current-answer = Текущий вариант ответа: { $answer }. Отправьте другой номер или нажмите «Оставить».
order-bad-answer = Отправьте номер варианта ответа: целое число от 1 до { $max }.
order-text-only = Пожалуйста, отправьте это текстовым сообщением.

order-summary =
    <b>Проверьте заказ</b>
    Услуга: { $service }
    Ссылка: { $link }
    Количество: { $quantity }
order-summary-answer = Вариант ответа: { $answer }
order-summary-charge =
    К оплате: <b>{ $charge }</b>
    Ваш баланс: { $balance } → { $after }
order-summary-short =
    К оплате: <b>{ $charge }</b>
    Ваш баланс: { $balance }, не хватает { $missing }.
    Пополните баланс кнопкой ниже: после оплаты мы вернём вас сюда — останется только подтвердить заказ.
order-price-changed = ⚠️ Цена изменилась. Вот новая сумма:
order-already-placed = Этот заказ уже оформлен.
order-placing = ⏳ Оформляем заказ…
order-placed =
    ✅ Заказ оформлен. Номер заказа: <b>#{ $number }</b>
    Списано: { $charge }. Ваш баланс: { $balance }.
    Мы сообщим, когда он будет выполнен.
order-cancelled = Оформление заказа отменено. Деньги не списаны.
order-nothing-to-cancel = Сейчас нет заказа в процессе оформления.

order-failed-shop = ❌ Сейчас мы не можем принимать заказы. Возвращено на ваш баланс: { $charge }. Наши администраторы уже знают; попробуйте позже.
order-failed-service = ❌ Не удалось оформить заказ: эта услуга больше недоступна. Возвращено на ваш баланс: { $charge }. Выберите другую услугу через /order.
order-failed-link = ❌ Не удалось оформить заказ: эту ссылку не приняли. Возвращено на ваш баланс: { $charge }. Проверьте, что ссылка верна и открыта, и попробуйте снова через /order.
order-failed-quantity = ❌ Не удалось оформить заказ: это количество не приняли. Возвращено на ваш баланс: { $charge }. Попробуйте другое количество через /order.
order-failed-answer = ❌ Не удалось оформить заказ: нужен вариант ответа в опросе. Возвращено на ваш баланс: { $charge }. Попробуйте снова через /order.
order-failed-other = ❌ Не удалось оформить заказ. Возвращено на ваш баланс: { $charge }. Попробуйте позже.
order-failed-unreachable = ❌ Сейчас не удалось оформить заказ, поэтому ничего не заказано. Возвращено на ваш баланс: { $charge }. Попробуйте через несколько минут.
order-unknown = ⚠️ Пока неизвестно, оформлен ли заказ: мы проверяем. Сумма { $charge } до тех пор удерживается; мы сообщим результат.

balance =
    Ваш баланс: <b>{ $balance }</b>
    Пополнить: /topup.
balance-support = Вопросы об оплате: { $contact }

alert-order-unknown =
    ⚠️ Заказ #{ $order }: исход неизвестен, у панели он может быть, а может и не быть.
    Клиент: { $user }. Услуга { $service_id }: { $service }
    Ссылка: { $link }
    Количество: { $quantity }, сумма: { $charge }
    Что случилось: { $error }
    Деньги удерживаются, пока вы не разберётесь с заказом.
alert-order-interrupted =
    ⚠️ Заказ #{ $order } оформлялся, когда бот остановился: у панели он может быть, а может и не быть.
    Клиент: { $user }. Услуга { $service_id }: { $service }
    Ссылка: { $link }
    Количество: { $quantity }, сумма: { $charge }
    Деньги удерживаются, пока вы не разберётесь с заказом.
alert-panel-refused =
    ⚠️ Панель отклонила заказ #{ $order } с ошибкой «{ $error }»: клиенты не смогут заказывать, пока это не исправлено. Деньги клиенту возвращены.
    Пока какой-нибудь заказ не пройдёт, такие отказы больше не сообщаются.
alert-panel-refused-named =
    ⚠️ Панель { $panel } отклонила заказ #{ $order } с ошибкой «{ $error }»: её услуги нельзя заказать, пока это не исправлено. Деньги клиенту возвращены.
    Пока какой-нибудь заказ на ней не пройдёт, такие отказы больше не сообщаются.

nav-skip = ⏭ Пропустить
order-current-skipped = В прошлый раз вы это пропустили. Отправьте ответ или оставьте пропущенным.
order-service-dripfeed = Можно заказать постепенно: несколькими запусками с интервалом.
order-summary-dripfeed = Постепенно: { $quantity } × { $runs } { $runs ->
        [one] запуск
        [few] запуска
       *[many] запусков
    } раз в { $interval } { $interval ->
        [one] минуту
        [few] минуты
       *[many] минут
    } = { $total }
order-ask-runs = Постепенно: за сколько запусков выполнить заказ? Нажмите число, отправьте своё от 2 до { $max } или нажмите «Пропустить», чтобы выполнить всё сразу.
order-current-runs = Сейчас запусков: { $runs }. Отправьте другое число или нажмите «Оставить».
order-bad-runs = Отправьте целое число запусков от 2 до { $max } или нажмите «Пропустить».
order-dripfeed-per-run = По { $quantity } за запуск, всего:
order-dripfeed-choice = { $runs } { $runs ->
        [one] запуск
        [few] запуска
       *[many] запусков
    }: { $total } за { $charge }
order-dripfeed-total = Всего: { $quantity } × { $runs } { $runs ->
        [one] запуск
        [few] запуска
       *[many] запусков
    } = { $total } за { $charge }
order-ask-interval = Сколько минут между запусками? Нажмите число или отправьте своё от 1 до { $max }.
order-current-interval = Сейчас интервал: { $interval } { $interval ->
        [one] минута
        [few] минуты
       *[many] минут
    }. Отправьте другое число или нажмите «Оставить».
order-bad-interval = Отправьте интервал в минутах: целое число от 1 до { $max }.
order-ask-comments = Отправьте комментарии, по одному в строке: от { $min } до { $max } { $max ->
        [one] строки
        [few] строк
       *[many] строк
    }. Каждая строка — один комментарий.
order-current-comments = Сейчас { $comments ->
        [one] { $comments } комментарий
        [few] { $comments } комментария
       *[many] { $comments } комментариев
    }. Отправьте новые или нажмите «Оставить».
order-bad-comments = Отправьте от { $min } до { $max } { $max ->
        [one] комментария
        [few] комментариев
       *[many] комментариев
    }, по одному в строке, каждый до 500 символов.
order-summary-comments = Комментарии: { $comments }
order-ask-usernames = Отправьте имена пользователей, по одному в строке (от { $min } до { $max }), например @name.
order-current-usernames = Сейчас имён: { $usernames }. Отправьте новые или нажмите «Оставить».
order-bad-usernames = Отправьте от { $min } до { $max } { $max ->
        [one] имени пользователя
        [few] имён пользователей
       *[many] имён пользователей
    }, по одному в строке, без пробелов, например @name.
order-summary-usernames = Имена пользователей: { $usernames }
order-ask-hashtags = Отправьте хештеги, по одному в строке (от { $min } до { $max }), например #sale.
order-current-hashtags = Сейчас хештегов: { $hashtags }. Отправьте новые или нажмите «Оставить».
order-bad-hashtags = Отправьте от { $min } до { $max } { $max ->
        [one] хештега
        [few] хештегов
       *[many] хештегов
    }, по одному в строке, без пробелов.
order-summary-hashtags = Хештеги: { $hashtags }
order-ask-keywords = Отправьте ключевые слова для поиска, по одному в строке (от { $min } до { $max }).
order-current-keywords = Сейчас ключевых слов: { $keywords }. Отправьте новые или нажмите «Оставить».
order-bad-keywords = Отправьте от { $min } до { $max } { $max ->
        [one] ключевого слова
        [few] ключевых слов
       *[many] ключевых слов
    }, по одному в строке, каждое до 500 символов.
order-summary-keywords = Ключевые слова: { $keywords }
order-ask-groups = Отправьте группы, из которых приглашать, по одной в строке (от { $min } до { $max }).
order-current-groups = Сейчас групп: { $groups }. Отправьте новые или нажмите «Оставить».
order-bad-groups = Отправьте от { $min } до { $max } { $max ->
        [one] группы
        [few] групп
       *[many] групп
    }, по одной в строке, каждая до 500 символов.
order-summary-groups = Группы: { $groups }
order-ask-username = Отправьте имя пользователя, например @name.
order-current-username = Сейчас имя: { $username }. Отправьте другое или нажмите «Оставить».
order-bad-username = Отправьте одно имя пользователя без пробелов, например @name.
order-summary-username = Имя пользователя: { $username }
order-ask-hashtag = Отправьте хештег, например #sale.
order-current-hashtag = Сейчас хештег: { $hashtag }. Отправьте другой или нажмите «Оставить».
order-bad-hashtag = Отправьте один хештег без пробелов, например #sale.
order-summary-hashtag = Хештег: { $hashtag }
order-ask-media = Отправьте ссылку на пост, начиная с https://: упомянем тех, кто его лайкнул.
order-current-media = Сейчас пост: { $media }. Отправьте другую ссылку или нажмите «Оставить».
order-bad-media = Это не ссылка. Отправьте полный адрес поста, начиная с https://
order-summary-media = Пост: { $media }

order-ask-min = Подписка: сколько минимум на каждый новый пост? Отправьте целое число от { $min } до { $max }.
order-current-min = Сейчас минимум: { $min }. Отправьте другое число или нажмите «Оставить».
order-bad-min = Отправьте целое число от { $min } до { $max }.
order-summary-min = Минимум на пост: { $min }
order-ask-max = Сколько максимум на каждый новый пост? От вашего минимума до { $max }.
order-current-max = Сейчас максимум: { $max }. Отправьте другое число или нажмите «Оставить».
order-bad-max = Отправьте целое число не меньше вашего минимума и не больше { $max }.
order-summary-max = Максимум на пост: { $max }
order-ask-posts = На сколько новых постов? Отправьте целое число от 1 до { $max }.
order-current-posts = Сейчас постов: { $posts }. Отправьте другое число или нажмите «Оставить».
order-bad-posts = Отправьте целое число постов от 1 до { $max }.
order-summary-posts = Постов: { $posts }
order-ask-old-posts = А на сколько последних уже опубликованных постов? Отправьте число от 1 до { $max } или нажмите «Пропустить».
order-current-old-posts = Сейчас опубликованных постов: { $old_posts }. Отправьте другое число или нажмите «Оставить».
order-bad-old-posts = Отправьте целое число от 1 до { $max } или нажмите «Пропустить».
order-summary-old-posts = Опубликованных постов: { $old_posts }
order-ask-delay = Через сколько минут после поста начинать? Нажмите одну из кнопок: { $delays } мин.
order-current-delay = Сейчас задержка: { $delay } { $delay ->
        [one] минута
        [few] минуты
       *[many] минут
    }. Отправьте другое число или нажмите «Оставить».
order-bad-delay = Задержка может быть только одной из этих: { $delays } мин. Нажмите одну из кнопок.
order-summary-delay = Задержка: { $delay } { $delay ->
        [one] минута
        [few] минуты
       *[many] минут
    }
order-ask-expiry = До какого дня? Отправьте дату, например 31/12/2026, или нажмите «Пропустить», чтобы без срока.
order-current-expiry = Сейчас срок: { $expiry }. Отправьте другую дату или нажмите «Оставить».
order-bad-expiry = Отправьте дату не в прошлом, например 31/12/2026.
order-summary-expiry = До: { $expiry }
order-summary-most = Сейчас списывается максимальная сумма; за невыполненную часть деньги вернутся на баланс, когда подписка закончится.
order-summary-discount = 🎁 Ваша скидка { $discount }% учтена.

# The service's card (issue 16, point 6) and Order again
order-service-number = Номер услуги: { $number }
order-service-discount = 🎁 Ваша скидка: { $discount }%, она уже учтена в цене.
order-service-admin = 🔑 Для администраторов: нам стоит { $cost }, клиенты платят { $price } { $package ->
        [yes] за весь пакет
       *[no] за 1000
    }.
order-service-refill = { $refill ->
        [yes] ♻️ Гарантия восстановления: есть
       *[no] Гарантия восстановления: нет
    }
order-service-average = ⏱ Среднее время выполнения: { $duration } (по { $count ->
        [one] последним { $count } выполненному заказу
        [few] последним { $count } выполненным заказам
       *[many] последним { $count } выполненным заказам
    })
duration-minutes = около { $minutes } мин
duration-hours = около { $hours } ч
duration-hours-minutes = около { $hours } ч { $minutes } мин
duration-days = около { $days } { $days ->
        [one] дня
        [few] дней
       *[many] дней
    }
duration-days-hours = около { $days } { $days ->
        [one] дня
        [few] дней
       *[many] дней
    } { $hours } ч
order-again-link = Та же ссылка, что и в прошлый раз: { $link }
order-again-gone = Этой услуги у нас больше нет. Пожалуйста, выберите другую в каталоге.
# Top up from a summary the balance does not cover
order-topup = ⭐ Пополнить на { $amount } ({ $stars } ⭐)
order-topup-crypto = 🪙 Пополнить на { $amount } криптовалютой
order-topup-invoice = Вот счёт на { $stars } ⭐: +{ $amount } на баланс. После оплаты мы вернём вас к заказу — останется только его подтвердить.
order-topup-sent = Счёт для этого заказа уже в чате. После оплаты мы вернём вас сюда.
order-back-to-summary = ↩️ Вернуться к заказу
