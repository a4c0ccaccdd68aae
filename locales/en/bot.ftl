# Start, menu, help
greeting = Hello, <b>{ $name }</b>!
greeting-shop = Welcome to <b>{ $shop }</b>.
greeting-sells = We sell { $categories }.
greeting-sells-more = We sell { $categories } and more.
greeting-how = Choose a service, pay from your balance, and we tell you when your order is done.
menu-prompt = Choose what to do:
menu-language = 🌐 Language
menu-help = ❓ Help
help =
    <b>What you can do here</b>
    /start — main menu
    /order — place a new order
    /orders — my orders and their status
    /balance — your balance
    /cancel — cancel the order you are placing
    /topup — top up your balance with Telegram Stars
    /promo — redeem a promo code
    /language — change the language
    /help — this text
    /support — write to support about anything
    /paysupport — help with a payment
    /terms — terms of sale
help-api = /api — your API key, to order from your own panel or bot
help-inline = Check an order from any chat: type <code>@{ $bot } 23501</code> with your order's number.
unknown-command = We don't know that command. Send /help to see what you can do here.
private-only = This works in a private chat with the bot only.
button-expired = This button has expired. Send /start for a fresh menu.

# Language
language-choose = Choose your language:
language-set = Language: English.

# Command menu (setMyCommands), at most 256 characters each
cmd-start = Main menu
cmd-help = What this bot can do
cmd-language = Change the language

# Whatever went wrong that no handler expected
error-try-again = That did not work. Please try again.
