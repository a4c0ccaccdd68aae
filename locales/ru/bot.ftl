# Start, menu, help
greeting = Здравствуйте, <b>{ $name }</b>!
greeting-shop = Добро пожаловать в <b>{ $shop }</b>.
greeting-sells = У нас есть: { $categories }.
greeting-sells-more = У нас есть: { $categories } и не только.
greeting-how = Выберите услугу, оплатите с баланса, и мы сообщим, когда заказ будет выполнен.
menu-prompt = Выберите действие:
menu-language = 🌐 Язык
menu-help = ❓ Помощь
help =
    <b>Что можно сделать</b>
    /start — главное меню
    /order — новый заказ
    /orders — мои заказы и их статус
    /balance — ваш баланс
    /cancel — отменить оформление заказа
    /topup — пополнить баланс звёздами Telegram
    /promo — ввести промокод
    /language — сменить язык
    /help — эта справка
    /support — написать в поддержку по любому вопросу
    /paysupport — помощь с оплатой
    /terms — условия продажи
help-api = /api — ваш API-ключ, чтобы заказывать из своей панели или бота
help-inline = Проверить заказ можно из любого чата: наберите <code>@{ $bot } 23501</code> с номером вашего заказа.
unknown-command = Такой команды нет. Отправьте /help, чтобы увидеть, что можно сделать.
private-only = Это работает только в личном чате с ботом.
button-expired = Эта кнопка устарела. Отправьте /start, чтобы открыть меню заново.

# Language
language-choose = Выберите язык:
language-set = Язык: русский.

# Command menu (setMyCommands), at most 256 characters each
cmd-start = Главное меню
cmd-help = Что умеет бот
cmd-language = Сменить язык

# Whatever went wrong that no handler expected
error-try-again = Не получилось. Попробуйте ещё раз.
