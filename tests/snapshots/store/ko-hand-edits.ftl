### bitext: ko translation of articles/a.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko a`.

### Translator: Kim

# en: the English title has a typo, asked the desk
# en: Title
# bitext: current, signed r1 f834edb4 src 99f110d2 by tester
title = 제목

# TODO check the name

# en: First sentence!
# bitext: current, signed r2 e32191b9 src 93aaeab9 by tester
s-vq9r6m = 첫 문장!

# en: Second sentence.
# bitext: missing s-jijd5r

# bitext: unknown id, no segment has it; did you mean s-jijd5r?
s-jijd5x = 둘째 문장.

# en: Third sentence.
# bitext: missing s-ihdy6a
