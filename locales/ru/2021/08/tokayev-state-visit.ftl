### bitext: ru translation of articles/2021/08/tokayev-state-visit.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ru 2021/08/tokayev-state-visit`.

# en: Korea and Kazakhstan widen partnership as Tokayev visits Seoul
# bitext: current, signed r1 3154e216
title = Токаев в Сеуле: Казахстан и Корея расширяют партнерство

# en: The first state visit since the pandemic opens new fields of cooperation, from healthcare to space
# bitext: current, signed r1 b9ecb999
subtitle = Первый с начала пандемии государственный визит открывает новые сферы сотрудничества — от здравоохранения до космоса

# en: By Jiwon Seo
# bitext: current, signed r1 3d5650ff
byline = Автор: Со Чжи Вон

# en: President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev review an honor guard during a welcoming ceremony at Cheong Wa Dae in Seoul on Tuesday.
# bitext: current, signed r1 8852b8b4
s-rdretv = Президент Республики Корея Мун Чжэ Ин и президент Казахстана Касым-Жомарт Токаев обходят строй почетного караула на церемонии официальной встречи в резиденции «Чхонвадэ» в Сеуле во вторник.

# en: It was the first state visit to Korea since the COVID-19 pandemic began.
# bitext: current, signed r1 e6457c6a
s-sqdfyc = Это первый государственный визит в Корею с начала пандемии COVID-19.

# en: Photo: Akorda press service
# bitext: current, signed r1 7a609172
s-t52n7z = Фото: пресс-служба Акорды

# en: **SEOUL, Aug. 17** — President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev agreed on Tuesday to widen their countries' strategic partnership to Fourth Industrial Revolution industries, public healthcare and space.
# bitext: current, signed r1 c69a9068
s-6ss4iy = {"*"}*СЕУЛ, 17 августа** — Президент Республики Корея Мун Чжэ Ин и президент Казахстана Касым-Жомарт Токаев договорились во вторник распространить стратегическое партнерство двух стран на отрасли четвертой промышленной революции, общественное здравоохранение и космос.

# en: The agreement was reached at a summit at Cheong Wa Dae, the centerpiece of Tokayev's two-day state visit.
# bitext: current, signed r1 4ee271cf
s-iwykrt = Договоренность достигнута на саммите в «Чхонвадэ» — главном событии двухдневного государственного визита Токаева.

# en: Tokayev, who arrived on Monday at Moon's invitation, is the first foreign leader to visit Seoul since the COVID-19 pandemic began.
# bitext: current, signed r1 0fcbf514
s-natdq6 = Токаев, прибывший в понедельник по приглашению Мун Чжэ Ина, стал первым иностранным лидером, посетившим Сеул с начала пандемии COVID-19.

# en: He is also the first Kazakh president to come to Korea in five years.
# bitext: current, signed r1 71555e9e
s-t9u2yz = Кроме того, это первый за пять лет визит президента Казахстана в Корею.

# en: The timing carries symbolic weight: Kazakhstan will celebrate 30 years of independence in December, and the two countries will mark 30 years of diplomatic relations next year.
# bitext: current, signed r1 417d8f9a
s-qthnnc = Визит пришелся на символичный момент: в декабре Казахстан отметит 30 лет независимости, а в следующем году исполнится 30 лет дипломатическим отношениям двух стран.

# en: In a joint press statement, Moon thanked Kazakhstan for taking in the ethnic Koreans who were deported there more than eight decades ago.
# bitext: current, signed r1 fd3a5741
s-dg7ffj = В совместном заявлении для прессы Мун Чжэ Ин поблагодарил Казахстан, приютивший этнических корейцев, которых депортировали туда более восьми десятилетий назад.

# en: Kazakhstan opened its arms to Koreans who had lost everything and gave them a new home.
# bitext: current, signed r1 2e607826
s-7hj5j3 = Казахстан раскрыл объятия корейцам, потерявшим все, и дал им новый дом.

# en: Their descendants are now a living bridge between our two nations.
# bitext: current, signed r1 25e4e5df
s-itvquv = Сегодня их потомки — живой мост между двумя нашими народами.

# en: Tokayev, for his part, voiced support for Seoul's efforts to bring lasting peace to the Korean Peninsula.
# bitext: current, signed r1 85678805
s-3xr5ev = Токаев, в свою очередь, выразил поддержку усилиям Сеула по установлению прочного мира на Корейском полуострове.

# en: “Kazakhstan knows from its own history what it means to choose peace over weapons,” he said.
# bitext: current, signed r1 b73b6427
s-shtag7 = «Казахстан по собственной истории знает, что значит выбрать мир вместо оружия», — сказал он.

# en: From trade to space
# bitext: current, signed r1 5a7e5379
s-agrpsk = От торговли до космоса

# en: Trade between the two countries hit a record $4.22 billion in 2019, nearly triple the $1.53 billion of 2017.
# bitext: current, signed r1 e726d3c2
s-cprppb = Товарооборот между двумя странами в 2019 году достиг рекордных 4,22 млрд долларов, почти втрое превысив показатель 2017 года — 1,53 млрд долларов.

# en: It fell to $3.09 billion last year, a drop of about 27 percent, as the pandemic disrupted business.
# bitext: current, signed r1 87bc881e
s-4aket7 = В прошлом году из-за пандемии, нарушившей деловые связи, он сократился примерно на 27% — до 3,09 млрд долларов.

# en: Even so, Kazakhstan remains Korea's No. 1 trading partner in Central Asia.
# bitext: current, signed r1 a1078c37
s-r6twf7 = Тем не менее Казахстан остается для Кореи торговым партнером №1 в Центральной Азии.

# en: Investment is growing as well.
# bitext: current, signed r1 9167a007
s-mfgska = Растут и инвестиции.

# en: Korean direct investment in Kazakhstan rose to $74 million in 2020 from $7 million a year earlier, while Kazakh investment in Korea stood at $50 million.
# bitext: current, signed r2 1ab9ddf3
s-rbivzs = Прямые инвестиции Кореи в Казахстан в 2020 году выросли до 74 млн долларов с 7 млн годом ранее, а казахстанские инвестиции в Корею составили 50 млн долларов.

# en: Tokayev put the total of Korean investment in his country at more than $6 billion, according to a statement from the [Kazakh presidential office](https://www.akorda.kz/en/news/kazakhstan-korea-summit-2021).
# bitext: current, signed r1 c21c73e9
s-dbsmdq = Как говорится в сообщении [администрации президента Казахстана](https://www.akorda.kz/en/news/kazakhstan-korea-summit-2021), Токаев оценил общий объем корейских инвестиций в республику более чем в 6 млрд долларов.

# en: “Korean companies can count on our full support,” he added.
# en@r1: "Korean companies can count on our full support," he added.
# bitext: stale (minor) since r1, signed r1 06d6a408
s-354py2 = «Корейские компании могут рассчитывать на нашу полную поддержку», — добавил он.

# en: The leaders agreed to expand the *Fresh Wind* cooperation program, launched in April 2019 during Moon's visit to Kazakhstan.
# bitext: current, signed r1 4b860df8
s-uygczw = Лидеры договорились расширить программу сотрудничества *«Свежий ветер»* (Fresh Wind), запущенную в апреле 2019 года во время визита Мун Чжэ Ина в Казахстан.

# en: Beyond its original projects, the program will now branch out into nuclear power, ferroalloy production and gas processing plants.
# en@r1: The program will grow to include nuclear energy, ferroalloys and gas plants.
# bitext: stale (major) since r1, signed r1 f0ac017b
s-gvpskr = Помимо уже реализуемых проектов, программа теперь распространится на атомную энергетику, производство ферросплавов и газоперерабатывающие заводы.

# en: The two governments will also work together in several new areas:
# bitext: current, signed r1 6a122c88
s-fk7ms9 = Кроме того, правительства двух стран будут сотрудничать в ряде новых областей:

# en: 5G networks and digital infrastructure
# bitext: current, signed r1 eeda31b7
s-u4dw2a = Сети 5G и цифровая инфраструктура

# en: Big data and artificial intelligence
# bitext: current, signed r1 3c3d5121
s-hvgjxg = Большие данные и искусственный интеллект

# en: Space and cybersecurity
# bitext: current, signed r1 71cf330b
s-tij2i3 = Космос и кибербезопасность

# en: Pharmaceuticals
# bitext: current, signed r1 9c4eb3cb
s-5mn6we = Фармацевтика

# en: Public-private partnership projects in healthcare
# bitext: current, signed r1 8a4aa6a6
s-6us299 = Проекты государственно-частного партнерства в здравоохранении

# en: “Our partnership will now reach from the factory floor to outer space,” Moon said.
# bitext: current, signed r1 88eff6da
s-kzjmqv = «Теперь наше партнерство охватит все — от заводского цеха до космоса», — сказал Мун Чжэ Ин.

# en: He called Kazakhstan a key partner in his government's New Northern Policy, which seeks closer ties with Eurasian countries.
# bitext: current, signed r1 9a2afc66
s-qw8ai9 = Он назвал Казахстан ключевым партнером в рамках «Новой северной политики» своего правительства, нацеленной на укрепление связей со странами Евразии.

# en: Kazakhstan, Central Asia's largest economy, is the world's biggest producer of uranium, accounting for about 40 percent of global mine output in 2020.
# bitext: unreviewed
s-3detb3 = Казахстан, крупнейшая экономика Центральной Азии, — мировой лидер по добыче урана: в 2020 году на его долю пришлось около 40% мирового производства.

# en: That makes it a natural partner for Korea, which relies on nuclear power for more than a quarter of its electricity.
# bitext: unreviewed
s-ej49bi = Это делает его естественным партнером для Кореи, которая получает более четверти электроэнергии на атомных станциях.

# en: Moon also praised Kazakhstan's record on nuclear disarmament.
# bitext: current, signed r1 3b091502
s-ag5bgr = Мун Чжэ Ин также высоко оценил достижения Казахстана в области ядерного разоружения.

# en: The country closed the Semipalatinsk nuclear test site in August 1991, months before it declared independence.
# bitext: current, signed r1 d690e38f
s-ujc45h = Республика закрыла Семипалатинский ядерный полигон в августе 1991 года, за несколько месяцев до провозглашения независимости.

# en: It went on to give up more than 1,400 nuclear weapons inherited from the Soviet Union, with financial help from the U.S. under the Nunn-Lugar program, and pledged in May 1992 to join the Non-Proliferation Treaty.
# bitext: current, signed r1 7c6d39a8
s-bsjs2z = Затем при финансовой помощи США по программе Нанна-Лугара страна отказалась от более чем 1 400 единиц ядерного оружия, унаследованного от Советского Союза, а в мае 1992 года взяла на себя обязательство присоединиться к Договору о нераспространении ядерного оружия.

# en: A hero comes home
# bitext: current, signed r1 050148b9
s-kykzik = Возвращение героя

# en: Honor guards carry the coffin of Gen. Hong Beom-do, draped in the national flag, at Seoul Air Base in Seongnam on Sunday.
# bitext: current, signed r1 df78493a
s-qdzztb = Почетный караул несет накрытый государственным флагом гроб генерала Хон Бом До на авиабазе «Сеул» в Соннаме в воскресенье.

# en: The independence hero died in Kazakhstan in 1943.
# bitext: current, signed r1 53ffb67b
s-drh62h = Герой борьбы за независимость Кореи скончался в Казахстане в 1943 году.

# en: Photo: Yonhap
# bitext: current, signed r1 6f9b1912
s-n4q83v = Фото: Yonhap

# en: The visit coincided with the return of the remains of Gen. Hong Beom-do, an independence army commander who routed Japanese troops at the Battle of Fengwudong in 1920.
# bitext: current, signed r1 cc8a7444
s-w6rh5f = Визит совпал с возвращением на родину останков генерала Хон Бом До — командира армии борцов за независимость, разгромившего японские войска в битве при Фэнъудуне в 1920 году.

# en: Hong was one of about 172,000 Soviet Koreans deported from the Far East to Central Asia on Stalin's orders in 1937, and he died in Kazakhstan in 1943.
# bitext: current, signed r1 a29b2fa3
s-4ugvgn = Хон Бом До был одним из примерно 172 тысяч советских корейцев, которых в 1937 году по приказу Сталина депортировали с Дальнего Востока в Центральную Азию; он скончался в Казахстане в 1943 году.

# en: Moon posthumously awarded him the highest grade of the Order of Merit for National Foundation.
# bitext: current, signed r1 d2bae54a
s-k4erah = Мун Чжэ Ин посмертно наградил его орденом «За заслуги в основании государства» высшей степени.

# en: More than 100,000 ethnic Koreans, known as *Koryo-saram*, live in Kazakhstan today.
# bitext: current, signed r1 82e55f0e
s-iktwcg = Сегодня в Казахстане живут более 100 тысяч этнических корейцев, известных как *корё-сарам*.
