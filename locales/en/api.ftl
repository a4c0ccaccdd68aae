# The shop's own API v2 for customers who resell (/api)
api-off = This shop does not offer an API.
api-usage =
    /api — your API key and the endpoint
    /api new — a new key (the old one stops working at once)
    /api notify off — no messages about orders placed through the API (/api notify on: messages again)
api-key-new =
    🔑 <b>Your new API key</b> (tap it to copy):
    <code>{ $key }</code>
    Endpoint: <code>{ $endpoint }</code>
    It works like any SMM panel's API v2: POST <code>key</code> and <code>action</code> (services, add, status, refill, refill_status, cancel, balance). Orders placed with it are paid from your balance and show in /orders.

    ⚠️ This message stays in the chat's history, and whoever has the key can spend your balance. Save the key somewhere safe, then delete this message. We keep only a fingerprint of the key and can't show it again: /api new makes another one.
api-key-replaced = The key you had before no longer works.
api-key =
    🔑 <b>Your API key</b>: …{ $hint }, made { $made }, { $used }
    Endpoint: <code>{ $endpoint }</code>
    { $notify }
    We keep only a fingerprint of the key, so we can't show it again. Lost it, or someone else may have it? /api new makes a new one, and this one stops working at once.
api-key-used = last used { $when }
api-key-unused = not used yet
api-notify-is-on = 🔔 We tell you about orders placed through the API (/api notify off to stop).
api-notify-is-off = 🔕 We don't message you about orders placed through the API (/api notify on to hear about them again).
api-key-off = 🔒 Your API key (…{ $hint }) has been switched off by the shop: requests with it are refused, and a new key would be off too. Write to /support if you want to know why.
api-notify-set-on = 🔔 Done: we'll tell you about orders placed through the API, as about any other.
api-notify-set-off = 🔕 Done: no more messages about orders placed through the API. They still show in /orders, and the API's status answers as before.
api-none-yet = You have no API key yet: send /api to make one.
