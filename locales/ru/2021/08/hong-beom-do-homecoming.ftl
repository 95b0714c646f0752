### bitext: ru translation of articles/2021/08/hong-beom-do-homecoming.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ru 2021/08/hong-beom-do-homecoming`.

# en: Gen. Hong Beom-do comes home after 78 years in Kazakhstan
# bitext: current, signed r1 ecaa4820 src a89080ef
title = Спустя 78 лет генерал Хон Бом До вернулся из Казахстана на родину

# en: By Sora Lee
# bitext: current, signed r1 1cd325b9 src 1d0f3ef0
byline = Автор: Ли Со Ра

# en: Members of the ethnic Korean community lay flowers at the grave of Gen. Hong Beom-do in Kyzylorda, Kazakhstan.
# bitext: current, signed r1 04edb45e src 7593dd23
s-m4b28r = Представители корейской общины возлагают цветы к могиле генерала Хон Бом До в Кызылорде (Казахстан).

# en: He was buried in the city after his death in 1943.
# bitext: current, signed r1 7d63c9cf src 40fb5343
s-mxsu6k = Он был похоронен в этом городе после смерти в 1943 году.

# en: Photo: Yonhap
# bitext: current, signed r1 6f9b1912 src 99e8232d
s-6typdr = Фото: Yonhap

# en: **SEOUL, Aug. 15** — The remains of Gen. Hong Beom-do, one of Korea's most celebrated independence fighters, returned home on Sunday, 78 years after he died in exile in Kazakhstan.
# bitext: current, signed r1 1704257d src e3cd739f
s-3y9c94 = {"*"}*СЕУЛ, 15 августа** — Останки генерала Хон Бом До, одного из самых почитаемых борцов за независимость Кореи, в воскресенье вернулись на родину — через 78 лет после его смерти в изгнании в Казахстане.

# en: A Korean Air Force plane carrying his coffin landed at Seoul Air Base in Seongnam on the evening of Liberation Day, which marks the end of Japanese colonial rule in 1945.
# bitext: rejected by arman-bekov: Тяжеловато: «который отмечается в память об окончании…» — канцелярит. Лучше: «…вечером в День освобождения, в годовщину окончания японского колониального правления в 1945 году».
# bitext: rejected since r1, signed r1 ebee0173 src 9b87ba2f
s-n99frj = Самолет ВВС Кореи с гробом генерала приземлился на авиабазе «Сеул» в Соннаме вечером в День освобождения, который отмечается в память об окончании японского колониального правления в 1945 году.

# en: President Moon Jae-in received the remains in person and posthumously awarded Hong the highest grade of the Order of Merit for National Foundation.
# bitext: current, signed r1 939edf38 src 79ad55fe
s-cf86ey = Президент Мун Чжэ Ин лично встретил останки и посмертно наградил Хон Бом До орденом «За заслуги в основании государства» высшей степени.

# en: Air Force fighter jets escorted the plane after it entered Korean airspace.
# bitext: current, signed r1 74332176 src 17439993
s-ztqd5k = После входа самолета в воздушное пространство Кореи его сопровождали истребители ВВС.

# en: Hong led independence fighters to victory over Japanese troops at the Battle of Fengwudong in June 1920, one of the first major wins of Korea's armed struggle against colonial rule.
# bitext: current, signed r1 18b6675f src 1ea45efd
s-chbink = В июне 1920 года Хон Бом До привел отряды борцов за независимость к победе над японскими войсками в битве при Фэнъудуне — одной из первых крупных побед в вооруженной борьбе Кореи против колониального правления.

# en: He later moved to the Soviet Far East, where many Korean independence activists had settled.
# bitext: current, signed r1 f49b06d1 src a5ba7794
s-rjrcu8 = Позднее он перебрался на советский Дальний Восток, где обосновались многие корейские борцы за независимость.

# en: In 1937 he was one of about 172,000 Koreans deported from the Far East to Central Asia on Stalin's orders.
# bitext: current, signed r1 37daa0ed src 0e48e189
s-8v7r4h = В 1937 году он оказался среди примерно 172 тысяч корейцев, депортированных по приказу Сталина с Дальнего Востока в Центральную Азию.

# en: He spent his final years in Kyzylorda, in southern Kazakhstan, where he worked as a night watchman at a Korean theater.
# bitext: current, signed r1 9f665f09 src ea5356fa
s-qeprcd = Последние годы жизни он провел в Кызылорде на юге Казахстана, где работал ночным сторожем в корейском театре.

# en: He died there in 1943 at the age of 75.
# bitext: current, signed r1 bdf2c77e src a5357fb3
s-yv874x = Там же он скончался в 1943 году в возрасте 75 лет.

# en: Moon first asked Kazakhstan to return the remains during his state visit in April 2019, but the pandemic delayed the plan.
# bitext: current, signed r1 3ffde7ca src 07fb4956
s-wcexpg = Впервые Мун Чжэ Ин попросил Казахстан вернуть останки во время своего государственного визита в апреле 2019 года, однако из-за пандемии эти планы пришлось отложить.

# en: Kazakh President Kassym-Jomart Tokayev, who begins a two-day state visit to Seoul on Monday, backed the repatriation.
# bitext: current, signed r1 3f6ec16a src 5b1917a9
s-xecs3q = Президент Казахстана Касым-Жомарт Токаев, который в понедельник начинает двухдневный государственный визит в Сеул, поддержал возвращение останков.

# en: Hong will be laid to rest at Daejeon National Cemetery on Wednesday after two days of public mourning.
# bitext: current, signed r1 1e8397d0 src b381fb8b
s-rq2jzs = После двух дней всенародного прощания Хон Бом До в среду будет похоронен на Национальном кладбище Тэджона.

# en: More than 100,000 *Koryo-saram*, as ethnic Koreans of the former Soviet Union call themselves, live in Kazakhstan today.
# bitext: current, signed r1 ef2c8dbe src f6ac6a1f
s-vs8euj = Сегодня в Казахстане живут более 100 тысяч *корё-сарам* — так называют себя этнические корейцы бывшего Советского Союза.

# en: For many of them, Hong remains a symbol of survival and dignity.
# bitext: current, signed r1 19e63704 src 0c5cee48
s-wkta8t = Для многих из них Хон Бом До остается символом выживания и достоинства.
