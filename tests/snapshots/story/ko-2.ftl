### bitext: ko translation of articles/summit.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko summit`.

# en: Leaders agree to widen partnership
# bitext: current, signed r1 5d20c5d8 src 575807eb by tester
title = 정상들, 협력 확대 합의

# en: By Jane Doe
# bitext: current, signed r1 714d5d79 src 09097830 by tester
byline = 제인 도 기자

# en: President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul.
# bitext: current, signed r1 c2da59d1 src 898a82f2 by tester
s-tu69x6 = 문재인 대통령은 카심조마르트 토카예프 카자흐스탄 대통령을 서울에서 맞이했다.

# en: Trade reached $4.22 billion in 2019.
# bitext: current, signed r1 1eb43c48 src b603a44d by tester
s-4pe8u9 = 2019년 교역액은 42억2000만 달러에 달했다.

# en: The two leaders met at Cheong Wa Dae.
# bitext: current, signed r1 ff247bc4 src d3a5a844 by tester
s-6ckru9 = 두 정상은 청와대에서 만났다.

# en: They agreed to cooperate on space.
# bitext: current, signed r1 41e2b019 src a12b08f1 by tester
s-2vmef6 = 양국은 우주 분야 협력에 합의했다.
