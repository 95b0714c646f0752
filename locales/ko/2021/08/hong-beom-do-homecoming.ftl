### bitext: ko translation of articles/2021/08/hong-beom-do-homecoming.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko 2021/08/hong-beom-do-homecoming`.

# en: Gen. Hong Beom-do comes home after 78 years in Kazakhstan
# bitext: current, signed r1 bd0e3ba9 src a89080ef by park-minho, approved by seo-jiwon
title = 홍범도 장군, 78년 만에 카자흐스탄서 고국 품으로

# en: By Sora Lee
# bitext: current, signed r1 42a0e142 src 1d0f3ef0, approved by seo-jiwon
byline = 이소라 기자

# en: Members of the ethnic Korean community lay flowers at the grave of Gen. Hong Beom-do in Kyzylorda, Kazakhstan.
# bitext: current, signed r1 595237c2 src 7593dd23 by park-minho, approved by seo-jiwon
s-m4b28r = 카자흐스탄 크질오르다의 홍범도 장군 묘역에서 고려인 동포들이 헌화하고 있다.

# en: He was buried in the city after his death in 1943.
# bitext: current, signed r1 9f82a399 src 40fb5343 by park-minho, approved by seo-jiwon
s-mxsu6k = 홍 장군은 1943년 별세한 뒤 이곳에 안장됐다.

# en: Photo: Yonhap
# bitext: current, signed r1 c6e06ceb src 99e8232d, approved by seo-jiwon
s-6typdr = 사진=연합뉴스

# en: **SEOUL, Aug. 15** — The remains of Gen. Hong Beom-do, one of Korea's most celebrated independence fighters, returned home on Sunday, 78 years after he died in exile in Kazakhstan.
# bitext: current, signed r1 a9439c59 src e3cd739f by park-minho, approved by seo-jiwon
s-3y9c94 = {"*"}*서울, 8월 15일** — 한국의 대표적 독립운동가인 홍범도 장군의 유해가 이역만리 카자흐스탄에서 눈을 감은 지 78년 만인 15일 고국 땅을 밟았다.

# en: A Korean Air Force plane carrying his coffin landed at Seoul Air Base in Seongnam on the evening of Liberation Day, which marks the end of Japanese colonial rule in 1945.
# bitext: current, signed r1 d6af8b6b src 9b87ba2f, approved by seo-jiwon
s-n99frj = 홍 장군의 유해를 실은 공군기는 1945년 일제 식민 통치에서 벗어난 것을 기념하는 광복절인 이날 저녁 경기 성남 서울공항에 착륙했다.

# en: President Moon Jae-in received the remains in person and posthumously awarded Hong the highest grade of the Order of Merit for National Foundation.
# bitext: current, signed r1 3a062946 src 79ad55fe, approved by seo-jiwon
s-cf86ey = 문재인 대통령은 직접 유해를 맞이하고 홍 장군에게 건국훈장 최고 등급인 대한민국장을 추서했다.

# en: Air Force fighter jets escorted the plane after it entered Korean airspace.
# bitext: current, signed r1 e2ac5dd4 src 17439993, approved by seo-jiwon
s-ztqd5k = 유해를 실은 항공기가 한국 영공에 들어서자 공군 전투기들이 호위 비행을 했다.

# en: Hong led independence fighters to victory over Japanese troops at the Battle of Fengwudong in June 1920, one of the first major wins of Korea's armed struggle against colonial rule.
# bitext: current, signed r1 f43b8660 src 1ea45efd, approved by seo-jiwon
s-chbink = 홍 장군은 일제에 맞선 무장 독립투쟁 초기의 대표적 승전으로 꼽히는 1920년 6월 봉오동 전투에서 독립군을 이끌고 일본군을 물리쳤다.

# en: He later moved to the Soviet Far East, where many Korean independence activists had settled.
# bitext: current, signed r1 ffbd16cf src a5ba7794, approved by seo-jiwon
s-rjrcu8 = 이후 그는 많은 독립운동가가 터전을 잡고 있던 소련 극동 지역으로 건너갔다.

# en: In 1937 he was one of about 172,000 Koreans deported from the Far East to Central Asia on Stalin's orders.
# bitext: current, signed r1 f911bcce src 0e48e189, approved by seo-jiwon
s-8v7r4h = 1937년 그는 스탈린의 명령으로 극동에서 중앙아시아로 강제 이주된 고려인 17만2000여 명 가운데 한 명이 됐다.

# en: He spent his final years in Kyzylorda, in southern Kazakhstan, where he worked as a night watchman at a Korean theater.
# bitext: current, signed r1 57bc4a94 src ea5356fa, approved by seo-jiwon
s-qeprcd = 그는 카자흐스탄 남부 크질오르다에서 고려극장 야간 경비원으로 일하며 말년을 보냈다.

# en: He died there in 1943 at the age of 75.
# bitext: current, signed r1 349d05af src a5357fb3, approved by seo-jiwon
s-yv874x = 그는 1943년 그곳에서 75세를 일기로 세상을 떠났다.

# en: Moon first asked Kazakhstan to return the remains during his state visit in April 2019, but the pandemic delayed the plan.
# bitext: current, signed r1 00dc9beb src 07fb4956, approved by seo-jiwon
s-wcexpg = 문 대통령은 2019년 4월 카자흐스탄 국빈 방문 때 처음으로 유해 봉환을 요청했으나, 코로나19 대유행으로 계획이 미뤄졌다.

# en: Kazakh President Kassym-Jomart Tokayev, who begins a two-day state visit to Seoul on Monday, backed the repatriation.
# bitext: current, signed r1 fdadf2dd src 5b1917a9, approved by seo-jiwon
s-xecs3q = 16일부터 이틀간 서울을 국빈 방문하는 카심조마르트 토카예프 카자흐스탄 대통령은 유해 봉환에 힘을 보탰다.

# en: Hong will be laid to rest at Daejeon National Cemetery on Wednesday after two days of public mourning.
# bitext: current, signed r1 a4f7c3d9 src b381fb8b, approved by seo-jiwon
s-rq2jzs = 홍 장군은 이틀간의 국민 추모 기간을 거쳐 18일 국립대전현충원에 안장된다.

# en: More than 100,000 *Koryo-saram*, as ethnic Koreans of the former Soviet Union call themselves, live in Kazakhstan today.
# bitext: current, signed r1 531ec651 src f6ac6a1f, approved by seo-jiwon
s-vs8euj = 현재 카자흐스탄에는 옛 소련 지역 한인들이 스스로를 일컫는 이름인 *고려인* 10만여 명이 살고 있다.

# en: For many of them, Hong remains a symbol of survival and dignity.
# bitext: current, signed r1 50a89e09 src 0c5cee48, approved by seo-jiwon
s-wkta8t = 이들 상당수에게 홍 장군은 여전히 생존과 존엄의 상징이다.
