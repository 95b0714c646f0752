### Глоссарий: барлық мақалада бірдей жазылатын есімдер мен жер атаулары. .alt1, .alt2 … атрибуттары – қатар қолданылатын нұсқалар.

-tokayev = Қасым-Жомарт Тоқаев
    .alt1 = Тоқаев
-moon-jae-in = Мун Чжэ Ин
    .alt1 = Мун
-hong-beom-do = Хон Бом До
-kazakhstan = Қазақстан
-seoul = Сеул
-cheong-wa-dae = Чхонвадэ
-semipalatinsk = Семей
-fresh-wind = Жаңа леп
-fengwudong = Фэнъудун
-kyzylorda = Қызылорда
-koryo-saram = корё-сарам
-daejeon = Тэджон
