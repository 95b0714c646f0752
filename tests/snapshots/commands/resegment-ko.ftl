### bitext: ko translation of articles/talks.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko talks`.

# en: Leaders meet
# bitext: current, signed r1 00000000 src 1cb8b5a8
title = 정상 회동

# en: Moon welcomed Tokayev.
# en@r1: Moon welcomed Tokayev. The talks began at noon.
# bitext: stale (major) since r1, signed r1 00000000 src 0516c59b
s-oldone = 문 대통령이 토카예프 대통령을 맞이했다. 회담은 정오에 시작됐다.

# en: The talks began at noon.
# bitext: unreviewed
s-qhm6n5 = 문 대통령이 토카예프 대통령을 맞이했다. 회담은 정오에 시작됐다.
