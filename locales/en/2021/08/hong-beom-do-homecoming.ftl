### bitext: source segments of articles/2021/08/hong-beom-do-homecoming.md, written by `bitext sync`; edit the article, not this file.

title = Gen. Hong Beom-do comes home after 78 years in Kazakhstan

byline = By Sora Lee

s-m4b28r = Members of the ethnic Korean community lay flowers at the grave of Gen. Hong Beom-do in Kyzylorda, Kazakhstan.

s-mxsu6k = He was buried in the city after his death in 1943.

s-6typdr = Photo: Yonhap

s-3y9c94 = {"*"}*SEOUL, Aug. 15** — The remains of Gen. Hong Beom-do, one of Korea's most celebrated independence fighters, returned home on Sunday, 78 years after he died in exile in Kazakhstan.

s-n99frj = A Korean Air Force plane carrying his coffin landed at Seoul Air Base in Seongnam on the evening of Liberation Day, which marks the end of Japanese colonial rule in 1945.

s-cf86ey = President Moon Jae-in received the remains in person and posthumously awarded Hong the highest grade of the Order of Merit for National Foundation.

s-ztqd5k = Air Force fighter jets escorted the plane after it entered Korean airspace.

s-chbink = Hong led independence fighters to victory over Japanese troops at the Battle of Fengwudong in June 1920, one of the first major wins of Korea's armed struggle against colonial rule.

s-rjrcu8 = He later moved to the Soviet Far East, where many Korean independence activists had settled.

s-8v7r4h = In 1937 he was one of about 172,000 Koreans deported from the Far East to Central Asia on Stalin's orders.

s-qeprcd = He spent his final years in Kyzylorda, in southern Kazakhstan, where he worked as a night watchman at a Korean theater.

s-yv874x = He died there in 1943 at the age of 75.

s-wcexpg = Moon first asked Kazakhstan to return the remains during his state visit in April 2019, but the pandemic delayed the plan.

s-xecs3q = Kazakh President Kassym-Jomart Tokayev, who begins a two-day state visit to Seoul on Monday, backed the repatriation.

s-rq2jzs = Hong will be laid to rest at Daejeon National Cemetery on Wednesday after two days of public mourning.

s-vs8euj = More than 100,000 *Koryo-saram*, as ethnic Koreans of the former Soviet Union call themselves, live in Kazakhstan today.

s-wkta8t = For many of them, Hong remains a symbol of survival and dignity.
