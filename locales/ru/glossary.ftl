### Глоссарий: имена и названия, которые во всех статьях пишутся одинаково. Атрибуты .alt1, .alt2 … — допустимые варианты.

-tokayev = Касым-Жомарт Токаев
    .alt1 = Токаев
-moon-jae-in = Мун Чжэ Ин
    .alt1 = Мун
-hong-beom-do = Хон Бом До
-kazakhstan = Казахстан
-seoul = Сеул
-cheong-wa-dae = Чхонвадэ
-semipalatinsk = Семипалатинск
-fresh-wind = Свежий ветер
-fengwudong = Фэнъудун
-kyzylorda = Кызылорда
-koryo-saram = корё-сарам
-daejeon = Тэджон
