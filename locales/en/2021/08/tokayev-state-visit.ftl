### bitext: source segments of articles/2021/08/tokayev-state-visit.md, written by `bitext sync`; edit the article, not this file.

title = Korea and Kazakhstan widen partnership as Tokayev visits Seoul

subtitle = The first state visit since the pandemic opens new fields of cooperation, from healthcare to space

byline = By Jiwon Seo

s-rdretv = President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev review an honor guard during a welcoming ceremony at Cheong Wa Dae in Seoul on Tuesday.

s-sqdfyc = It was the first state visit to Korea since the COVID-19 pandemic began.

s-t52n7z = Photo: Akorda press service

s-6ss4iy = {"*"}*SEOUL, Aug. 17** — President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev agreed on Tuesday to widen their countries' strategic partnership to Fourth Industrial Revolution industries, public healthcare and space.

s-iwykrt = The agreement was reached at a summit at Cheong Wa Dae, the centerpiece of Tokayev's two-day state visit.

s-natdq6 = Tokayev, who arrived on Monday at Moon's invitation, is the first foreign leader to visit Seoul since the COVID-19 pandemic began.

s-t9u2yz = He is also the first Kazakh president to come to Korea in five years.

s-qthnnc = The timing carries symbolic weight: Kazakhstan will celebrate 30 years of independence in December, and the two countries will mark 30 years of diplomatic relations next year.

s-dg7ffj = In a joint press statement, Moon thanked Kazakhstan for taking in the ethnic Koreans who were deported there more than eight decades ago.

s-7hj5j3 = Kazakhstan opened its arms to Koreans who had lost everything and gave them a new home.

s-itvquv = Their descendants are now a living bridge between our two nations.

s-3xr5ev = Tokayev, for his part, voiced support for Seoul's efforts to bring lasting peace to the Korean Peninsula.

s-shtag7 = “Kazakhstan knows from its own history what it means to choose peace over weapons,” he said.

s-agrpsk = From trade to space

s-cprppb = Trade between the two countries hit a record $4.22 billion in 2019, nearly triple the $1.53 billion of 2017.

s-4aket7 = It fell to $3.09 billion last year, a drop of about 27 percent, as the pandemic disrupted business.

s-r6twf7 = Even so, Kazakhstan remains Korea's No. 1 trading partner in Central Asia.

s-mfgska = Investment is growing as well.

s-rbivzs = Korean direct investment in Kazakhstan rose to $74 million in 2020 from $7 million a year earlier, while Kazakh investment in Korea stood at $50 million.

s-dbsmdq = Tokayev put the total of Korean investment in his country at more than $6 billion, according to a statement from the [Kazakh presidential office](https://www.akorda.kz/en/news/kazakhstan-korea-summit-2021).

s-354py2 = “Korean companies can count on our full support,” he added.

s-uygczw = The leaders agreed to expand the *Fresh Wind* cooperation program, launched in April 2019 during Moon's visit to Kazakhstan.

s-gvpskr = Beyond its original projects, the program will now branch out into nuclear power, ferroalloy production and gas processing plants.

s-fk7ms9 = The two governments will also work together in several new areas:

s-u4dw2a = 5G networks and digital infrastructure

s-hvgjxg = Big data and artificial intelligence

s-tij2i3 = Space and cybersecurity

s-5mn6we = Pharmaceuticals

s-6us299 = Public-private partnership projects in healthcare

s-kzjmqv = “Our partnership will now reach from the factory floor to outer space,” Moon said.

s-qw8ai9 = He called Kazakhstan a key partner in his government's New Northern Policy, which seeks closer ties with Eurasian countries.

s-3detb3 = Kazakhstan, Central Asia's largest economy, is the world's biggest producer of uranium, accounting for about 40 percent of global mine output in 2020.

s-ej49bi = That makes it a natural partner for Korea, which relies on nuclear power for more than a quarter of its electricity.

s-ag5bgr = Moon also praised Kazakhstan's record on nuclear disarmament.

s-ujc45h = The country closed the Semipalatinsk nuclear test site in August 1991, months before it declared independence.

s-bsjs2z = It went on to give up more than 1,400 nuclear weapons inherited from the Soviet Union, with financial help from the U.S. under the Nunn-Lugar program, and pledged in May 1992 to join the Non-Proliferation Treaty.

s-kykzik = A hero comes home

s-qdzztb = Honor guards carry the coffin of Gen. Hong Beom-do, draped in the national flag, at Seoul Air Base in Seongnam on Sunday.

s-drh62h = The independence hero died in Kazakhstan in 1943.

s-n4q83v = Photo: Yonhap

s-w6rh5f = The visit coincided with the return of the remains of Gen. Hong Beom-do, an independence army commander who routed Japanese troops at the Battle of Fengwudong in 1920.

s-4ugvgn = Hong was one of about 172,000 Soviet Koreans deported from the Far East to Central Asia on Stalin's orders in 1937, and he died in Kazakhstan in 1943.

s-k4erah = Moon posthumously awarded him the highest grade of the Order of Merit for National Foundation.

s-iktwcg = More than 100,000 ethnic Koreans, known as *Koryo-saram*, live in Kazakhstan today.
