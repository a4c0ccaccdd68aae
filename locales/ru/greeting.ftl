# /greeting: the /start greeting per language (admins)
cmd-greeting = Приветствие /start на каждом языке (администраторы)
greeting-usage =
    <b>Приветствие /start</b>
    <code>/greeting ru | текст</code> задаёт его для русского языка (коды: en, ru, uz) обычным текстом.
    <code>/greeting ru</code> показывает его; <code>/greeting ru -</code> возвращает приветствие, составленное автоматически из SHOP_NAME и категорий каталога.
    Языки со своим приветствием: { $own }
greeting-bad-language = На каком языке? Один из en, ru, uz, например <code>/greeting ru | текст</code>.
greeting-own =
    Приветствие на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }, написанное администраторами (<code>/greeting { $language } -</code> вернёт составленное автоматически):

    { $text }
greeting-composed =
    Приветствие на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    }, составленное автоматически из SHOP_NAME и каталога (<code>/greeting { $language } | текст</code> задаст своё):

    { $text }
greeting-saved =
    ✅ Приветствие на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    } сохранено. Клиенты видят:

    { $text }
greeting-reset = Приветствие на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    } снова составляется автоматически из SHOP_NAME и каталога.
greeting-not-set = Своего приветствия на { $language ->
        [en] английском
        [uz] узбекском
       *[ru] русском
    } нет: оно и так составляется автоматически.
greeting-too-long = В приветствии { $length } { $length ->
        [one] символ
        [few] символа
       *[many] символов
    }, а можно не больше { $limit }.
