### bitext: ko translation of articles/2021/08/tokayev-state-visit.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko 2021/08/tokayev-state-visit`.

# Korean headlines say 방한 (visit to Korea) for a visit to Seoul.
# bitext-ignore: glossary
# en: Korea and Kazakhstan widen partnership as Tokayev visits Seoul
# bitext: current, signed r1 42c32838
title = 토카예프 대통령 방한…한·카자흐스탄 동반자 관계 확대

# en: The first state visit since the pandemic opens new fields of cooperation, from healthcare to space
# bitext: current, signed r1 4bfa236d
subtitle = 코로나19 대유행 이후 첫 국빈 방문…보건의료에서 우주까지 새 협력 분야 열어

# en: By Jiwon Seo
# bitext: current, signed r1 0a7031d6
byline = 서지원 기자

# en: President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev review an honor guard during a welcoming ceremony at Cheong Wa Dae in Seoul on Tuesday.
# bitext: current, signed r1 ec76f5ba
s-rdretv = 문재인 대통령과 카심조마르트 토카예프 카자흐스탄 대통령이 17일 서울 청와대에서 열린 공식 환영식에서 의장대를 사열하고 있다.

# en: It was the first state visit to Korea since the COVID-19 pandemic began.
# bitext: current, signed r1 66f31991
s-sqdfyc = 코로나19 대유행이 시작된 이후 첫 국빈 방한이다.

# en: Photo: Akorda press service
# bitext: current, signed r1 68e33fce
s-t52n7z = 사진=카자흐스탄 대통령실(아코르다) 공보실

# en: **SEOUL, Aug. 17** — President Moon Jae-in and Kazakh President Kassym-Jomart Tokayev agreed on Tuesday to widen their countries' strategic partnership to Fourth Industrial Revolution industries, public healthcare and space.
# bitext: current, signed r1 6ab61075
s-6ss4iy = {"*"}*서울, 8월 17일** — 문재인 대통령과 카심조마르트 토카예프 카자흐스탄 대통령은 17일 양국의 전략적 동반자 관계를 4차 산업혁명 관련 산업과 공공 보건의료, 우주 분야로 확대하기로 합의했다.

# en: The agreement was reached at a summit at Cheong Wa Dae, the centerpiece of Tokayev's two-day state visit.
# bitext: current, signed r1 5146bc0c
s-iwykrt = 이번 합의는 토카예프 대통령의 이틀간 국빈 방문 일정 가운데 핵심인 청와대 정상회담에서 나왔다.

# en: Tokayev, who arrived on Monday at Moon's invitation, is the first foreign leader to visit Seoul since the COVID-19 pandemic began.
# bitext: current, signed r1 d0c4c42f
s-natdq6 = 문 대통령의 초청으로 16일 방한한 토카예프 대통령은 코로나19 대유행 이후 서울을 찾은 첫 외국 정상이다.

# en: He is also the first Kazakh president to come to Korea in five years.
# bitext: current, signed r1 4619ac05
s-t9u2yz = 카자흐스탄 대통령의 방한은 5년 만이다.

# en: The timing carries symbolic weight: Kazakhstan will celebrate 30 years of independence in December, and the two countries will mark 30 years of diplomatic relations next year.
# bitext: current, signed r1 761e531b
s-qthnnc = 카자흐스탄은 오는 12월 독립 30주년을, 양국은 내년 수교 30주년을 맞는다는 점에서 이번 방문 시기는 상징적 의미가 크다.

# en: In a joint press statement, Moon thanked Kazakhstan for taking in the ethnic Koreans who were deported there more than eight decades ago.
# bitext: current, signed r1 20ebaea5
s-dg7ffj = 문 대통령은 공동 언론발표에서 80여 년 전 강제 이주된 고려인들을 품어 준 카자흐스탄에 감사를 표했다.

# en: Kazakhstan opened its arms to Koreans who had lost everything and gave them a new home.
# bitext: current, signed r1 d426b25a
s-7hj5j3 = 카자흐스탄은 모든 것을 잃은 고려인들을 따뜻하게 품어 새 보금자리를 내주었습니다.

# en: Their descendants are now a living bridge between our two nations.
# bitext: current, signed r1 fde2f474
s-itvquv = 이제 그 후손들은 두 나라를 잇는 살아 있는 가교가 되었습니다.

# "Seoul" stands for the government here: 한국 정부.
# bitext-ignore: glossary
# en: Tokayev, for his part, voiced support for Seoul's efforts to bring lasting peace to the Korean Peninsula.
# bitext: current, signed r1 9a5506e9
s-3xr5ev = 토카예프 대통령은 한반도에 항구적 평화를 정착시키려는 한국 정부의 노력에 지지를 표명했다.

# en: “Kazakhstan knows from its own history what it means to choose peace over weapons,” he said.
# bitext: current, signed r1 d403357f
s-shtag7 = 그는 “카자흐스탄은 무기 대신 평화를 택한다는 것이 무엇을 의미하는지 자신의 역사를 통해 잘 알고 있다”고 말했다.

# en: From trade to space
# bitext: current, signed r1 41e37915
s-agrpsk = 교역에서 우주까지

# en: Trade between the two countries hit a record $4.22 billion in 2019, nearly triple the $1.53 billion of 2017.
# bitext: current, signed r1 2f7c2ce2
s-cprppb = 양국 교역액은 2019년 사상 최대인 42억2000만 달러를 기록해 2017년(15억3000만 달러)의 3배 가까이로 늘었다.

# en: It fell to $3.09 billion last year, a drop of about 27 percent, as the pandemic disrupted business.
# bitext: current, signed r1 d66ad7c1
s-4aket7 = 지난해에는 코로나19로 기업 활동이 차질을 빚으면서 30억9000만 달러로 약 27% 감소했다.

# en: Even so, Kazakhstan remains Korea's No. 1 trading partner in Central Asia.
# bitext: current, signed r1 ec2b5a5b
s-r6twf7 = 그럼에도 카자흐스탄은 여전히 한국의 중앙아시아 1위 교역국이다.

# en: Investment is growing as well.
# bitext: current, signed r1 a0c656ac
s-mfgska = 투자도 늘고 있다.

# en: Korean direct investment in Kazakhstan rose to $74 million in 2020 from $7 million a year earlier, while Kazakh investment in Korea stood at $50 million.
# bitext: current, signed r2 a918a2e1
s-rbivzs = 한국의 대(對)카자흐스탄 직접투자는 전년 700만 달러에서 2020년 7400만 달러로 늘었고, 카자흐스탄의 대한(對韓) 투자는 5000만 달러를 기록했다.

# en: Tokayev put the total of Korean investment in his country at more than $6 billion, according to a statement from the [Kazakh presidential office](https://www.akorda.kz/en/news/kazakhstan-korea-summit-2021).
# bitext: current, signed r1 f567997c
s-dbsmdq = {"["}카자흐스탄 대통령실](https://www.akorda.kz/en/news/kazakhstan-korea-summit-2021) 발표에 따르면 토카예프 대통령은 한국의 대카자흐스탄 누적 투자액이 60억 달러를 넘는다고 밝혔다.

# en: “Korean companies can count on our full support,” he added.
# bitext: current, signed r2 0176b440
s-354py2 = 그는 “한국 기업들은 우리의 전폭적인 지원을 기대해도 좋다”고 덧붙였다.

# en: The leaders agreed to expand the *Fresh Wind* cooperation program, launched in April 2019 during Moon's visit to Kazakhstan.
# bitext: current, signed r1 641b94ac
s-uygczw = 두 정상은 2019년 4월 문 대통령의 카자흐스탄 방문 때 출범한 *프레시 윈드*(Fresh Wind) 협력 프로그램을 확대하기로 했다.

# en: Beyond its original projects, the program will now branch out into nuclear power, ferroalloy production and gas processing plants.
# bitext: current, signed r2 505dfe5d
s-gvpskr = 프로그램은 기존 사업을 넘어 원자력 발전과 합금철 생산, 가스처리 플랜트 분야로 외연을 넓힌다.

# en: The two governments will also work together in several new areas:
# bitext: current, signed r1 9fb4e6bd
s-fk7ms9 = 양국 정부는 다음과 같은 새로운 분야에서도 협력하기로 했다:

# en: 5G networks and digital infrastructure
# bitext: current, signed r1 c00870ba
s-u4dw2a = 5G 통신망과 디지털 인프라

# en: Big data and artificial intelligence
# bitext: current, signed r1 c85b22cb
s-hvgjxg = 빅데이터와 인공지능

# en: Space and cybersecurity
# bitext: current, signed r1 6c61f6ee
s-tij2i3 = 우주와 사이버 보안

# en: Pharmaceuticals
# bitext: current, signed r1 f37db4b4
s-5mn6we = 제약

# en: Public-private partnership projects in healthcare
# bitext: current, signed r1 2d33b958
s-6us299 = 보건의료 분야 민관협력 사업

# en: “Our partnership will now reach from the factory floor to outer space,” Moon said.
# bitext: current, signed r1 e87b3c1f
s-kzjmqv = 문 대통령은 “이제 양국의 협력은 공장 현장에서 우주까지 뻗어 나갈 것”이라고 말했다.

# en: He called Kazakhstan a key partner in his government's New Northern Policy, which seeks closer ties with Eurasian countries.
# bitext: current, signed r1 eda09818
s-qw8ai9 = 그는 카자흐스탄이 유라시아 국가들과의 관계 강화를 목표로 하는 문재인 정부 신북방정책의 핵심 파트너라고 강조했다.

# en: Kazakhstan, Central Asia's largest economy, is the world's biggest producer of uranium, accounting for about 40 percent of global mine output in 2020.
# bitext: current, signed r2 dd1a2fba
s-3detb3 = 중앙아시아 최대 경제국인 카자흐스탄은 세계 최대 우라늄 생산국으로, 2020년 전 세계 우라늄 채굴량의 약 40%를 차지했다.

# en: That makes it a natural partner for Korea, which relies on nuclear power for more than a quarter of its electricity.
# bitext: current, signed r2 0ba1cfaa
s-ej49bi = 이 때문에 전력의 4분의 1 이상을 원전에서 얻는 한국으로서는 카자흐스탄이 자연스러운 협력 파트너인 셈이다.

# en: Moon also praised Kazakhstan's record on nuclear disarmament.
# bitext: current, signed r1 08d00b78
s-ag5bgr = 문 대통령은 카자흐스탄의 핵 군축 성과도 높이 평가했다.

# en: The country closed the Semipalatinsk nuclear test site in August 1991, months before it declared independence.
# bitext: current, signed r1 6d3b3c55
s-ujc45h = 카자흐스탄은 독립 선언 몇 달 전인 1991년 8월 세미팔라틴스크 핵실험장을 폐쇄했다.

# en: It went on to give up more than 1,400 nuclear weapons inherited from the Soviet Union, with financial help from the U.S. under the Nunn-Lugar program, and pledged in May 1992 to join the Non-Proliferation Treaty.
# bitext: current, signed r1 062bf089
s-bsjs2z = 이후 미국의 넌-루거 프로그램에 따른 재정 지원을 받아 옛 소련으로부터 물려받은 핵무기 1400여 개를 포기했으며, 1992년 5월에는 핵확산금지조약(NPT)에 가입하겠다고 약속했다.

# en: A hero comes home
# bitext: current, signed r1 3f9eb76c
s-kykzik = 영웅의 귀환

# en: Honor guards carry the coffin of Gen. Hong Beom-do, draped in the national flag, at Seoul Air Base in Seongnam on Sunday.
# bitext: current, signed r1 8ef34b21
s-qdzztb = 의장대가 15일 경기 성남 서울공항에서 태극기로 덮인 홍범도 장군의 관을 운구하고 있다.

# en: The independence hero died in Kazakhstan in 1943.
# bitext: current, signed r1 35b0e16f
s-drh62h = 독립운동의 영웅인 홍 장군은 1943년 카자흐스탄에서 세상을 떠났다.

# en: Photo: Yonhap
# bitext: current, signed r1 c6e06ceb
s-n4q83v = 사진=연합뉴스

# en: The visit coincided with the return of the remains of Gen. Hong Beom-do, an independence army commander who routed Japanese troops at the Battle of Fengwudong in 1920.
# bitext: current, signed r1 54455fad
s-w6rh5f = 토카예프 대통령의 방한은 1920년 봉오동 전투에서 일본군을 격파한 독립군 사령관 홍범도 장군의 유해 봉환과 맞물려 이뤄졌다.

# en: Hong was one of about 172,000 Soviet Koreans deported from the Far East to Central Asia on Stalin's orders in 1937, and he died in Kazakhstan in 1943.
# bitext: current, signed r1 f661d429
s-4ugvgn = 홍 장군은 1937년 스탈린의 명령으로 극동에서 중앙아시아로 강제 이주된 고려인 17만2000여 명 가운데 한 명이었으며, 1943년 카자흐스탄에서 숨을 거뒀다.

# en: Moon posthumously awarded him the highest grade of the Order of Merit for National Foundation.
# bitext: current, signed r1 2a83da57
s-k4erah = 문 대통령은 홍 장군에게 건국훈장 최고 등급인 대한민국장을 추서했다.

# en: More than 100,000 ethnic Koreans, known as *Koryo-saram*, live in Kazakhstan today.
# bitext: current, signed r1 146cc0cd
s-iktwcg = 현재 카자흐스탄에는 *고려인*으로 불리는 한인 10만여 명이 살고 있다.
