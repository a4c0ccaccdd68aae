# /greeting: the /start greeting per language (admins)
cmd-greeting = Приветствие /start на каждом языке (администраторы)
greeting-usage =
    <b>Приветствие /start</b>
    <code>/greeting ru | текст</code> задаёт его на русском (en, ru, uz), обычным текстом.
    <code>/greeting ru</code> показывает его; <code>/greeting ru -</code> возвращает приветствие, составленное из SHOP_NAME и категорий каталога.
    Языки со своим приветствием: { $own }
greeting-bad-language = На каком языке? Один из en, ru, uz, например <code>/greeting ru | текст</code>.
greeting-own =
    Приветствие на { $language }, написанное администраторами (<code>/greeting { $language } -</code> вернёт составленное):

    { $text }
greeting-composed =
    Приветствие на { $language }, составленное из SHOP_NAME и каталога (<code>/greeting { $language } | текст</code> задаст своё):

    { $text }
greeting-saved =
    ✅ Приветствие на { $language } сохранено. Клиенты видят:

    { $text }
greeting-reset = Приветствие на { $language } снова составляется из SHOP_NAME и каталога.
greeting-not-set = Своего приветствия на { $language } нет: оно и так составляется.
greeting-too-long = В приветствии { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, а можно не больше { $limit }.
