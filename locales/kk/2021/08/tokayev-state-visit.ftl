### bitext: kk translation of articles/2021/08/tokayev-state-visit.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept kk 2021/08/tokayev-state-visit`.

# en: Korea and Kazakhstan widen partnership as Tokayev visits Seoul
# bitext: current, signed r1 ce8bfc43
title = Тоқаевтың Сеулге сапары: Қазақстан мен Корея серіктестікті кеңейтеді

# en: The first state visit since the pandemic opens new fields of cooperation, from healthcare to space
# bitext: current, signed r1 ffa2a148
subtitle = Пандемия басталғаннан бергі алғашқы мемлекеттік сапар денсаулық сақтаудан ғарышқа дейінгі жаңа ынтымақтастық салаларына жол ашты

# en: By Jiwon Seo
# bitext: current, signed r1 12268bad
byline = Авторы: Со Чжи Вон

# en: President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev review an honor guard during a welcoming ceremony at Cheong Wa Dae in Seoul on Tuesday.
# bitext: current, signed r1 0dd4bcf8
s-rdretv = Корея Президенті Мун Чжэ Ин мен Қазақстан Президенті Қасым-Жомарт Тоқаев сейсенбі күні Сеулдегі Чхонвадэ резиденциясында өткен ресми қарсы алу рәсімінде құрметті қарауыл сапын аралап өтті.

# en: It was the first state visit to Korea since the COVID-19 pandemic began.
# bitext: current, signed r1 2285bd30
s-sqdfyc = Бұл – COVID-19 пандемиясы басталғаннан бергі Кореяға жасалған алғашқы мемлекеттік сапар.

# en: Photo: Akorda press service
# bitext: current, signed r1 ab92548d
s-t52n7z = Фото: Ақорданың баспасөз қызметі

# en: **SEOUL, Aug. 17** — President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev agreed on Tuesday to widen their countries' strategic partnership to Fourth Industrial Revolution industries, public healthcare and space.
# bitext: current, signed r1 c0b87d15
s-6ss4iy = {"*"}*СЕУЛ, 17 тамыз** — Корея Президенті Мун Чжэ Ин мен Қазақстан Президенті Қасым-Жомарт Тоқаев сейсенбі күні екі ел арасындағы стратегиялық серіктестікті Төртінші өнеркәсіптік революция салаларына, қоғамдық денсаулық сақтау мен ғарыш саласына кеңейтуге келісті.

# en: The agreement was reached at a summit at Cheong Wa Dae, the centerpiece of Tokayev's two-day state visit.
# bitext: current, signed r1 3c08d8fc
s-iwykrt = Келісімге Тоқаевтың екі күндік мемлекеттік сапарының басты шарасы болған Чхонвадэдегі саммитте қол жеткізілді.

# en: Tokayev, who arrived on Monday at Moon's invitation, is the first foreign leader to visit Seoul since the COVID-19 pandemic began.
# bitext: current, signed r1 e866af19
s-natdq6 = Мун Чжэ Иннің шақыруымен дүйсенбі күні келген Тоқаев – COVID-19 пандемиясы басталғаннан бері Сеулге сапар жасаған алғашқы шетелдік көшбасшы.

# en: He is also the first Kazakh president to come to Korea in five years.
# bitext: current, signed r1 c30c7819
s-t9u2yz = Сондай-ақ бұл – Қазақстан президентінің соңғы бес жылдағы Кореяға алғашқы сапары.

# en: The timing carries symbolic weight: Kazakhstan will celebrate 30 years of independence in December, and the two countries will mark 30 years of diplomatic relations next year.
# bitext: current, signed r1 e3fcc222
s-qthnnc = Сапар уақыты да символдық мәнге ие: желтоқсанда Қазақстан Тәуелсіздігінің 30 жылдығын атап өтеді, ал келесі жылы екі ел дипломатиялық қатынастар орнатқанына 30 жыл толады.

# en: In a joint press statement, Moon thanked Kazakhstan for taking in the ethnic Koreans who were deported there more than eight decades ago.
# bitext: current, signed r1 b1d6c608
s-dg7ffj = Мун Чжэ Ин баспасөзге арналған бірлескен мәлімдемесінде сексен жылдан астам бұрын күштеп жер аударылған корейлерді бауырына басқаны үшін Қазақстанға алғыс білдірді.

# en: Kazakhstan opened its arms to Koreans who had lost everything and gave them a new home.
# bitext: current, signed r1 7ac4ab70
s-7hj5j3 = Қазақстан бар-жоғынан айырылған корейлерге құшағын ашып, оларға жаңа мекен болды.

# en: Their descendants are now a living bridge between our two nations.
# bitext: current, signed r1 2725181e
s-itvquv = Бүгінде олардың ұрпақтары – екі еліміздің арасындағы тірі көпір.

# en: Tokayev, for his part, voiced support for Seoul's efforts to bring lasting peace to the Korean Peninsula.
# bitext: current, signed r1 eebe7856
s-3xr5ev = Өз кезегінде Тоқаев Корея түбегінде тұрақты бейбітшілік орнату жолындағы Сеулдің күш-жігерін қолдайтынын жеткізді.

# en: “Kazakhstan knows from its own history what it means to choose peace over weapons,” he said.
# bitext: current, signed r1 f1c20052
s-shtag7 = «Қазақстан қарудан гөрі бейбітшілікті таңдаудың не екенін өз тарихынан жақсы біледі», – деді ол.

# en: From trade to space
# bitext: current, signed r1 db052709
s-agrpsk = Саудадан ғарышқа дейін

# en: Trade between the two countries hit a record $4.22 billion in 2019, nearly triple the $1.53 billion of 2017.
# bitext: current, signed r1 32d11da3
s-cprppb = Екі ел арасындағы тауар айналымы 2019 жылы рекордтық 4,22 млрд долларға жетіп, 2017 жылғы 1,53 млрд доллармен салыстырғанда үш есеге жуық өсті.

# en: It fell to $3.09 billion last year, a drop of about 27 percent, as the pandemic disrupted business.
# bitext: current, signed r1 8dd4c5af
s-4aket7 = Пандемия іскерлік байланыстарға кедергі келтіргендіктен, өткен жылы бұл көрсеткіш шамамен 27 пайызға азайып, 3,09 млрд долларға дейін төмендеді.

# en: Even so, Kazakhstan remains Korea's No. 1 trading partner in Central Asia.
# bitext: current, signed r1 6a3b48ad
s-r6twf7 = Соған қарамастан Қазақстан Орталық Азиядағы Кореяның №1 сауда серіктесі болып қала береді.

# en: Investment is growing as well.
# bitext: current, signed r1 88f18be0
s-mfgska = Инвестициялар көлемі де артып келеді.

# en: Korean direct investment in Kazakhstan rose to $74 million in 2020 from $7 million a year earlier, while Kazakh investment in Korea stood at $50 million.
# bitext: current, signed r2 30ba626f
s-rbivzs = Кореяның Қазақстанға салған тікелей инвестициясы 2020 жылы алдыңғы жылғы 7 млн доллардан 74 млн долларға дейін өсті, ал Қазақстанның Кореяға салған инвестициясы 50 млн долларды құрады.

# en: Tokayev put the total of Korean investment in his country at more than $6 billion, according to a statement from the [Kazakh presidential office](https://www.akorda.kz/en/news/kazakhstan-korea-summit-2021).
# bitext: current, signed r1 7d505f55
s-dbsmdq = {"["}Ақорданың](https://www.akorda.kz/en/news/kazakhstan-korea-summit-2021) хабарлауынша, Тоқаев Кореяның елімізге салған инвестициясының жалпы көлемі 6 млрд доллардан асатынын атап өтті.

# en: “Korean companies can count on our full support,” he added.
# en@r1: "Korean companies can count on our full support," he added.
# bitext: stale (minor) since r1, signed r1 81622996
s-354py2 = «Корей компаниялары біздің жан-жақты қолдауымызға сенім арта алады», – деп қосты ол.

# en: The leaders agreed to expand the *Fresh Wind* cooperation program, launched in April 2019 during Moon's visit to Kazakhstan.
# bitext: current, signed r1 64c687db
s-uygczw = Екі көшбасшы 2019 жылғы сәуірде Мун Чжэ Иннің Қазақстанға сапары кезінде іске қосылған *«Жаңа леп»* (Fresh Wind) ынтымақтастық бағдарламасын кеңейтуге уағдаласты.

# en: Beyond its original projects, the program will now branch out into nuclear power, ferroalloy production and gas processing plants.
# en@r1: The program will grow to include nuclear energy, ferroalloys and gas plants.
# bitext: stale (major) since r1, signed r1 260081ec
s-gvpskr = Бағдарлама аясы атом энергетикасы, ферроқорытпалар және газ зауыттары салаларын да қамтитын болады.

# en: The two governments will also work together in several new areas:
# bitext: current, signed r1 48b562bf
s-fk7ms9 = Сонымен қатар екі елдің үкіметтері бірқатар жаңа бағыт бойынша бірлесіп жұмыс істейді:

# en: 5G networks and digital infrastructure
# bitext: current, signed r1 334f9ca4
s-u4dw2a = 5G желілері және цифрлық инфрақұрылым

# en: Big data and artificial intelligence
# bitext: current, signed r1 8fdffd22
s-hvgjxg = Үлкен деректер және жасанды интеллект

# en: Space and cybersecurity
# bitext: current, signed r1 f1a190f0
s-tij2i3 = Ғарыш және киберқауіпсіздік

# en: Pharmaceuticals
# bitext: current, signed r1 9c4eb3cb
s-5mn6we = Фармацевтика

# en: Public-private partnership projects in healthcare
# bitext: current, signed r1 cff1e3ca
s-6us299 = Денсаулық сақтау саласындағы мемлекеттік-жекешелік әріптестік жобалары

# en: “Our partnership will now reach from the factory floor to outer space,” Moon said.
# bitext: current, signed r1 78fa5c48
s-kzjmqv = «Енді біздің серіктестігіміз зауыт цехынан бастап ғарышқа дейін жетеді», – деді Мун Чжэ Ин.

# en: He called Kazakhstan a key partner in his government's New Northern Policy, which seeks closer ties with Eurasian countries.
# bitext: current, signed r1 2ee996d9
s-qw8ai9 = Ол Қазақстанды Еуразия елдерімен байланысты нығайтуды көздейтін өз үкіметінің «Жаңа солтүстік саясатының» басты серіктесі деп атады.

# en: Kazakhstan, Central Asia's largest economy, is the world's biggest producer of uranium, accounting for about 40 percent of global mine output in 2020.
# bitext: missing s-3detb3

# en: That makes it a natural partner for Korea, which relies on nuclear power for more than a quarter of its electricity.
# bitext: missing s-ej49bi

# en: Moon also praised Kazakhstan's record on nuclear disarmament.
# bitext: current, signed r1 5bfce4a3
s-ag5bgr = Мун Чжэ Ин Қазақстанның ядролық қарусыздану саласындағы жетістіктерін де жоғары бағалады.

# en: The country closed the Semipalatinsk nuclear test site in August 1991, months before it declared independence.
# bitext: current, signed r1 0f0fd528
s-ujc45h = Қазақстан тәуелсіздігін жариялаудан бірнеше ай бұрын, 1991 жылғы тамызда Семей ядролық сынақ полигонын жапты.

# en: It went on to give up more than 1,400 nuclear weapons inherited from the Soviet Union, with financial help from the U.S. under the Nunn-Lugar program, and pledged in May 1992 to join the Non-Proliferation Treaty.
# bitext: current, signed r1 f42ab1cc
s-bsjs2z = Кейін АҚШ-тың Нанн-Лугар бағдарламасы аясындағы қаржылық көмегімен Кеңес Одағынан мұраға қалған 1 400-ден астам ядролық қарудан бас тартып, 1992 жылғы мамырда Ядролық қаруды таратпау туралы шартқа қосылу жөнінде міндеттеме алды.

# en: A hero comes home
# bitext: current, signed r1 85faa954
s-kykzik = Батыр елге оралды

# en: Honor guards carry the coffin of Gen. Hong Beom-do, draped in the national flag, at Seoul Air Base in Seongnam on Sunday.
# bitext: current, signed r1 b817996a
s-qdzztb = Құрметті қарауыл жексенбі күні Соннам қаласындағы Сеул әуебазасында мемлекеттік туға оралған генерал Хон Бом Доның табытын алып келе жатыр.

# en: The independence hero died in Kazakhstan in 1943.
# bitext: current, signed r1 dc655da8
s-drh62h = Корея тәуелсіздігі үшін күрескен батыр 1943 жылы Қазақстанда дүниеден өткен.

# en: Photo: Yonhap
# bitext: current, signed r1 6f9b1912
s-n4q83v = Фото: Yonhap

# en: The visit coincided with the return of the remains of Gen. Hong Beom-do, an independence army commander who routed Japanese troops at the Battle of Fengwudong in 1920.
# bitext: current, signed r1 90c912a9
s-w6rh5f = Сапар 1920 жылы Фэнъудун шайқасында жапон әскерін талқандаған тәуелсіздік армиясының қолбасшысы, генерал Хон Бом Доның сүйегін елге қайтарумен тұспа-тұс келді.

# en: Hong was one of about 172,000 Soviet Koreans deported from the Far East to Central Asia on Stalin's orders in 1937, and he died in Kazakhstan in 1943.
# bitext: current, signed r1 2ca6d0f1
s-4ugvgn = Хон Бом До 1937 жылы Сталиннің бұйрығымен Қиыр Шығыстан Орталық Азияға күштеп жер аударылған шамамен 172 мың кеңес корейінің бірі болды және 1943 жылы Қазақстанда дүниеден өтті.

# en: Moon posthumously awarded him the highest grade of the Order of Merit for National Foundation.
# bitext: current, signed r1 f29c0506
s-k4erah = Мун Чжэ Ин оны қайтыс болғаннан кейін «Мемлекет құрудағы еңбегі үшін» орденінің ең жоғары дәрежесімен марапаттады.

# en: More than 100,000 ethnic Koreans, known as *Koryo-saram*, live in Kazakhstan today.
# bitext: current, signed r1 f0420203
s-iktwcg = Бүгінде Қазақстанда *корё-сарам* деп аталатын 100 мыңнан астам этникалық корей тұрады.
