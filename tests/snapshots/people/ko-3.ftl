### bitext: ko translation of articles/summit.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko summit`.

# en: Leaders agree to widen partnership
# bitext: current, signed r1 5d20c5d8 src 575807eb by kim-minjun, approved by seo-jiwon
title = 정상들, 협력 확대 합의

# en: By Jane Doe
# bitext: missing byline

# en: President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul.
# bitext: missing s-tu69x6

# en: Trade reached $4.25 billion in 2019.
# en@r1: Trade reached $4.22 billion in 2019.
# bitext: stale (major) since r1, signed r1 1eb43c48 src b603a44d by kim-minjun
s-4pe8u9 = 2019년 교역액은 42억2000만 달러에 달했다.

# en: The two leaders met at Cheong Wa Dae.
# bitext: current, signed r1 9e2b47fc src d3a5a844 by kim-minjun, approved by seo-jiwon
s-6ckru9 = 두 정상은 청와대에서 회담했다.

# en: They agreed to cooperate on space.
# bitext: missing s-2vmef6
