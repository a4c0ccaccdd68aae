# The curated shop: search for customers, curation commands for admins.

order-search-hint = Or type a word to search, like “{ $first }” or “{ $second }”.
order-search-hint-one = Or type a word to search, like “{ $first }”.
order-search-hint-plain = Or type a word to search.
free-text-not-words = Type in words what you are looking for, or choose below.
free-text-none = We found nothing for “{ $query }”. Choose below what to do.
free-text-question = Is this a question for us? Send it to support as it is and we will answer here in this chat. Or search the catalogue for these words.
free-text-question-order = Is this about your order #{ $order }? Send it to support as it is, with the order, and we will answer here in this chat.
free-text-to-support = ✉️ Send to support
free-text-search = 🔎 Search the catalogue
order-search-results =
    Found for “{ $query }”: { $count ->
        [one] { $count } service
       *[other] { $count } services
    } (page { $page } of { $pages }), prices per 1000:
order-search-none = Nothing found for “{ $query }”. Try another word, or send /order to choose from the categories.
order-service-description = { $description }

inline-service-order = 🛒 Order
inline-service-price = { $package ->
        [yes] { $price } per package
       *[no] { $price } per 1000
    } · { $category }
inline-service-card =
    <b>{ $service }</b>
    { $package ->
        [yes] { $price } per package
       *[no] { $price } per 1000
    }

cmd-hide = Hide a service or category: /hide ID or NAME (admins)
cmd-show = Show a service or category: /show ID or NAME (admins)
cmd-markup = Markup in %: /markup ID or NAME PERCENT (admins)
cmd-price = Fixed price per 1000: /price ID AMOUNT (admins)
cmd-rename = Name per language: /rename ID or NAME | LANG | NEW NAME (admins)
cmd-renameall = A category and its services at once: /renameall NAME | LANG | NEW NAME | OLD = NEW (admins)
cmd-describe = Description per language: /describe ID | LANG | TEXT (admins)
cmd-position = Order categories: /position NAME NUMBER (admins)
cmd-dripfeed = Drip-feed per service: /dripfeed ID on|off (admins)
cmd-fallback = Where a service's orders go when its panel refuses: /fallback ID PANEL:ID (admins)

cmd-shop = The catalogue: hide and show with a tap (admins)
shop-panel =
    <b>Catalogue</b>: { $categories } categories, { $shown } shown to customers (page { $page } of { $pages }).
    👁 shown, 🙈 hidden. Open a category to hide or show it or its services.
shop-panel-category =
    <b>{ $category }</b> (page { $page } of { $pages })
    Hidden: { $hidden ->
        [yes] yes
       *[no] no
    } · markup: { $markup } · place: { $position }
    Tap a service to hide or show it. Prices and names: /markup, /price, /rename, /describe; order: /position.
shop-panel-service = #{ $id } { $service }: cost { $cost } → { $price }
admin-service-panel = 🔌 panel { $panel }, No. { $id } there
shop-btn-hide-category = 🙈 Hide the whole category
shop-btn-show-category = 👁 Show the category

shop-not-found = There is no service #{ $target } or category “{ $target }” in the panel's catalogue.
shop-usage-hide = Send /hide with a service number (/hide 12) or a category name (/hide Telegram Views).
shop-usage-show = Send /show with a service number (/show 12) or a category name (/show Telegram Views).
shop-usage-markup = Send /markup with a service number or category name and the markup in percent: /markup 12 35 or /markup Telegram Views 25. A dash (/markup 12 -) goes back to the markup above it.
shop-usage-price = Send /price with a service number and its price per 1000: /price 12 1.50. A dash (/price 12 -) goes back to the markup.
shop-usage-rename = Send /rename with a service number or category name, a language (en, ru, uz) and the name, separated by |: /rename 12 | ru | Просмотры. A dash as the name goes back to the panel's.
shop-usage-renameall = Send /renameall with a category name, a language (en, ru, uz) and its new name, separated by |: /renameall Telegram Members | ru | Подписчики Telegram. Every service in it is renamed from the panel's name: the category's name in it becomes the new one; after one more |, replace other words too: | 7-day Join = 7 дней; 30-day Join = 30 дней. A dash as the name gives the category and its services the panel's names again.
shop-bad-renameall = Write the replacements as OLD = NEW, separated by ; (at most 20): /renameall Telegram Members | ru | Подписчики Telegram | 7-day Join = 7 дней; 30-day Join = 30 дней
shop-usage-describe = Send /describe with a service number, a language (en, ru, uz) and the text, separated by |: /describe 12 | en | Fast start. A dash removes it.
shop-usage-position = Send /position with a category name and its place in the list: /position Telegram Views 1. A dash (/position Telegram Views -) puts it back in the panel's order.
shop-hidden = Hidden from customers: { $what }
shop-shown = Shown to customers: { $what }
shop-bad-markup = The markup must be a number from 0 up, like 15 or 12.5: less than 0 would sell below the panel's rate.
shop-markup-set = { $what }: markup { $markup }%.
shop-markup-cleared = { $what }: the markup above it applies again.
shop-markup-now = { $what }: markup { $markup }% ({ $source ->
        [service] set for this service
        [category] the category's
       *[default] the shop's default, PRICE_MARKUP_PERCENT
    }).{ $fixed ->
        [yes] {" "}A fixed price overrides it: { $price } per 1000.
       *[no] {""}
    }
shop-bad-price = The price must be an amount like 1.50.
shop-price-below = Refused: { $price } per 1000 is below the panel's rate of { $rate }, every order would lose money.
shop-price-set = { $what }: { $price } per 1000 (the panel's rate is { $rate }).
shop-price-cleared = { $what }: priced by markup again.
shop-price-now = { $what }: customers pay { $price } per 1000; the panel's rate is { $rate }. { $fixed ->
        [yes] A fixed price: /price { $id } - goes back to the markup.
       *[no] By markup ({ $markup }%): /price { $id } AMOUNT sets a fixed price.
    }
shop-price-decimals = Prices in this shop have { $decimals ->
        [0] no decimals (PRICE_DECIMALS=0)
       *[other] at most { $decimals } decimals (PRICE_DECIMALS={ $decimals })
    }, so that a list shows what is charged: send { $lower } or { $higher }.
shop-bad-language = The language must be en, ru or uz.
shop-name-set = { $what } in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }: “{ $text }”.
shop-name-cleared = { $what } in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }: the panel's name again.
shop-description-set = { $what } in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }, description: { $text }
shop-description-cleared = { $what } in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }: no description.
shop-renameall-done =
    { $what } in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }: “{ $text }”; { $count } of { $total ->
        [one] { $total } service
       *[other] { $total } services
    } renamed.
shop-renameall-cleared = { $what } and its { $total ->
        [one] { $total } service
       *[other] { $total } services
    } in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }: the panel's names again.
shop-bad-position = The place must be a whole number from 1 to 10000, or a dash.
shop-position-set = { $what } is now number { $position } in the list.
shop-position-cleared = { $what } is back in the panel's order.
shop-changes =
    <b>The panel's catalogue changed</b>: { $added } new, { $removed } gone (hidden), { $repriced } re-priced.{ $below ->
        [0] {""}
       *[other] {" "}⚠️ { $below } with a fixed price now below the panel's rate: raise it with /price.
    }
    { $list }
shop-usage-dripfeed = Send /dripfeed with a service number and on or off: /dripfeed 12 on. A dash (/dripfeed 12 -) follows the panel's list again.
shop-bad-dripfeed = Drip-feed is on, off, or a dash.
shop-dripfeed-set = { $what }: drip-feed { $state ->
        [on] offered to customers.
        [off] not offered.
       *[default] as the panel's list says.
    }
