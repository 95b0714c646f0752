### bitext: ko translation of articles/special.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ko special`.

# en: {Braces} and \backslashes\
# bitext: current, signed r1 2d15f824 src 997226be by tester
title = {"{"}중괄호{"}"}와 \역슬래시\

# en: By “Jane” Doe
# bitext: current, signed r1 acc69c0b src 7b1cd3e7 by tester
byline = {" "}글 제인 도{" "}

# en: [Link](https://example.com/a.b) opens.
# bitext: current, signed r1 24f65ebb src 0838c0e9 by tester
s-29yuie = {"["}링크](https://example.com/a.b)가 열린다.

# en: *Stars* lead.
# bitext: current, signed r1 d3a2db37 src 4f296d5e by tester
s-hue5ke = {"*"}별*이 앞선다.

# en: Price: $4.22&nbsp;billion.
# bitext: current, signed r1 56f993db src cc39beb4 by tester
s-282gzu = 가격: 42억2000만 달러.

# en: .NET is named.
# bitext: current, signed r1 1409d9fa src 433b6815 by tester
s-wgnizh = {"."}NET이라는 이름이다.

# en: Hangul 한국어 문장.
# bitext: missing s-3ddusa

# en: Kazakh Қазақстан әңгімесі.
# bitext: missing s-bhsi4r

# en: Emoji 😀 too.
# bitext: current, signed r1 284e6716 src 2f490ed6 by tester
s-ttr4ak = 이모지 😀도 있다.{"\u000A"}두 번째 줄.

# en: Quotes "straight" and 'single'.
# bitext: current, signed r1 f3cd6132 src 2eebff96 by tester
s-n2av3i = 따옴표 "곧은" 것과 '홑' 것.
