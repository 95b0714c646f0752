### bitext: ko translation of articles/a.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko a`.

## Translator's notes for this article

-brand = 비텍스트

# Translator: check this title with the desk.
# en: Title
# bitext: current, signed r1 70b607cb src 99f110d2 by tester
title = 제목 { -brand }

# bitext: unknown id, no segment has it
s-gone99 = 없어진 문장.

# en: First sentence.
# bitext: current, signed r1 e32192b9 src 93aae3b9 by tester
s-vq9r6m = 첫 문장.
    .title = 속성

# en: Second sentence!
# en@r1: Second sentence.
# bitext: stale (minor) since r1, signed r1 66e7542d src 6f522d3e by tester
s-jijd5r = 둘째 문장.

broken = { 깨진

# A standalone note at the end.
