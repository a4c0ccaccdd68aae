# /greeting: the /start greeting per language (admins)
cmd-greeting = The /start greeting per language (admins)
greeting-usage =
    <b>The /start greeting</b>
    <code>/greeting ru | text</code> sets it in Russian (en, ru, uz), as plain text.
    <code>/greeting ru</code> shows it; <code>/greeting ru -</code> goes back to the one composed from SHOP_NAME and the catalogue's categories.
    Languages with a greeting of their own: { $own }
greeting-bad-language = Which language? One of en, ru, uz, like <code>/greeting ru | text</code>.
greeting-own =
    Greeting in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }, written by admins (<code>/greeting { $language } -</code> to go back to the composed one):

    { $text }
greeting-composed =
    Greeting in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }, composed from SHOP_NAME and the catalogue (<code>/greeting { $language } | text</code> to write your own):

    { $text }
greeting-saved =
    ✅ Greeting in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    } saved. Customers see:

    { $text }
greeting-reset = The greeting in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    } is composed again from SHOP_NAME and the catalogue.
greeting-not-set = There is no greeting of your own in { $language ->
        [ru] Russian
        [uz] Uzbek
       *[en] English
    }: it is composed already.
greeting-too-long = That greeting is { $length } { $length ->
        [one] character
       *[other] characters
    } long; { $limit } at most.
