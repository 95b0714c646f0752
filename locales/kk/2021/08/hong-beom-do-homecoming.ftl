### bitext: kk translation of articles/2021/08/hong-beom-do-homecoming.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept kk 2021/08/hong-beom-do-homecoming`.

# en: Gen. Hong Beom-do comes home after 78 years in Kazakhstan
# bitext: current, signed r1 ccac4d03
title = Қазақстанда 78 жыл жатқан генерал Хон Бом До елге оралды

# en: By Sora Lee
# bitext: current, signed r1 03f0bdf3
byline = Авторы: Ли Со Ра

# en: Members of the ethnic Korean community lay flowers at the grave of Gen. Hong Beom-do in Kyzylorda, Kazakhstan.
# bitext: current, signed r1 85bbb4d2
s-m4b28r = Корей қауымдастығының өкілдері Қазақстанның Қызылорда қаласындағы генерал Хон Бом Доның қабіріне гүл қойып жатыр.

# en: He was buried in the city after his death in 1943.
# bitext: current, signed r1 69c5651f
s-mxsu6k = Ол 1943 жылы қайтыс болғаннан кейін осы қалада жерленген.

# en: Photo: Yonhap
# bitext: current, signed r1 6f9b1912
s-6typdr = Фото: Yonhap

# en: **SEOUL, Aug. 15** — The remains of Gen. Hong Beom-do, one of Korea's most celebrated independence fighters, returned home on Sunday, 78 years after he died in exile in Kazakhstan.
# bitext: current, signed r1 8f7cef66
s-3y9c94 = {"*"}*СЕУЛ, 15 тамыз** — Корея тәуелсіздігі үшін күрескен ең танымал тұлғалардың бірі, генерал Хон Бом Доның сүйегі ол туған жерінен жырақта, Қазақстанда көз жұмғаннан кейін 78 жыл өткен соң, жексенбі күні елге жеткізілді.

# en: A Korean Air Force plane carrying his coffin landed at Seoul Air Base in Seongnam on the evening of Liberation Day, which marks the end of Japanese colonial rule in 1945.
# bitext: current, signed r1 b4c37c0f
s-n99frj = Оның табыты салынған Корея Әуе күштерінің ұшағы 1945 жылы жапон отарлық билігінің аяқталуын атап өтетін Азаттық күні кешке Соннам қаласындағы Сеул әуебазасына қонды.

# en: President Moon Jae-in received the remains in person and posthumously awarded Hong the highest grade of the Order of Merit for National Foundation.
# bitext: current, signed r1 08888f02
s-cf86ey = Президент Мун Чжэ Ин сүйекті өзі қарсы алып, Хон Бом Доны қайтыс болғаннан кейін «Мемлекет құрудағы еңбегі үшін» орденінің ең жоғары дәрежесімен марапаттады.

# en: Air Force fighter jets escorted the plane after it entered Korean airspace.
# bitext: current, signed r1 d5fae33a
s-ztqd5k = Ұшақ Корея әуе кеңістігіне кірген соң оны Әуе күштерінің жойғыш ұшақтары сүйемелдеп отырды.

# en: Hong led independence fighters to victory over Japanese troops at the Battle of Fengwudong in June 1920, one of the first major wins of Korea's armed struggle against colonial rule.
# bitext: current, signed r1 f6fdcc3f
s-chbink = Хон Бом До 1920 жылғы маусымда Фэнъудун шайқасында тәуелсіздік үшін күрескен жасақтарды бастап, жапон әскерін жеңді, бұл Кореяның отаршылдыққа қарсы қарулы күресіндегі алғашқы ірі жеңістердің бірі болды.

# en: He later moved to the Soviet Far East, where many Korean independence activists had settled.
# bitext: current, signed r1 41080f5d
s-rjrcu8 = Кейін ол көптеген корей тәуелсіздік белсенділері қоныстанған Кеңес Одағының Қиыр Шығысына көшті.

# en: In 1937 he was one of about 172,000 Koreans deported from the Far East to Central Asia on Stalin's orders.
# bitext: current, signed r1 a9134371
s-8v7r4h = 1937 жылы ол Сталиннің бұйрығымен Қиыр Шығыстан Орталық Азияға күштеп жер аударылған шамамен 172 мың корейдің бірі болды.

# en: He spent his final years in Kyzylorda, in southern Kazakhstan, where he worked as a night watchman at a Korean theater.
# bitext: current, signed r1 b40e9a91
s-qeprcd = Ол өмірінің соңғы жылдарын Қазақстанның оңтүстігіндегі Қызылорда қаласында өткізіп, корей театрында түнгі күзетші болып жұмыс істеді.

# en: He died there in 1943 at the age of 75.
# bitext: current, signed r1 7effb9e8
s-yv874x = Ол сонда 1943 жылы 75 жасында дүниеден өтті.

# en: Moon first asked Kazakhstan to return the remains during his state visit in April 2019, but the pandemic delayed the plan.
# bitext: current, signed r1 77de8074
s-wcexpg = Мун Чжэ Ин сүйекті қайтаруды Қазақстаннан алғаш рет 2019 жылғы сәуірдегі мемлекеттік сапары кезінде сұраған еді, алайда пандемия салдарынан бұл жоспар кейінге шегерілді.

# en: Kazakh President Kassym-Jomart Tokayev, who begins a two-day state visit to Seoul on Monday, backed the repatriation.
# bitext: current, signed r1 671265bd
s-xecs3q = Дүйсенбі күні Сеулге екі күндік мемлекеттік сапармен келетін Қазақстан Президенті Қасым-Жомарт Тоқаев сүйекті елге қайтару туралы шешімді қолдады.

# en: Hong will be laid to rest at Daejeon National Cemetery on Wednesday after two days of public mourning.
# bitext: current, signed r1 c1b70e96
s-rq2jzs = Екі күндік жалпыхалықтық қоштасу рәсімінен кейін Хон Бом До сәрсенбі күні Тэджон ұлттық зиратында жерленеді.

# en: More than 100,000 *Koryo-saram*, as ethnic Koreans of the former Soviet Union call themselves, live in Kazakhstan today.
# bitext: current, signed r1 4b9765cb
s-vs8euj = Бүгінде Қазақстанда 100 мыңнан астам *корё-сарам* тұрады – бұрынғы Кеңес Одағы елдеріндегі корейлер өздерін осылай атайды.

# en: For many of them, Hong remains a symbol of survival and dignity.
# bitext: current, signed r1 2fad1cc9
s-wkta8t = Олардың көбі үшін Хон Бом До әлі күнге дейін қиындыққа мойымаудың және абыройдың нышаны болып қала береді.
