### bitext: ru translation of articles/summit.md. Above each message: the English ("en:") and its state.
### bitext: write or edit a translation below its English, then run `bitext accept ru summit`.

# en: Leaders agree to widen partnership
# bitext: current, signed r1 76f36043 src 575807eb by tester
title = Лидеры договорились расширить партнёрство

# en: By Jane Doe
# bitext: current, signed r1 9542ffc7 src 09097830 by tester
byline = Джейн Доу

# en: President Moon Jae-in welcomed Kazakh President Kassym-Jomart Tokayev to Seoul.
# bitext: current, signed r1 e9fd0afd src 898a82f2 by tester
s-tu69x6 = Мун Чжэ Ин встретил в Сеуле президента Казахстана Касым-Жомарта Токаева.

# en: Trade reached $4.25 billion in 2019.
# en@r1: Trade reached $4.22 billion in 2019.
# bitext: stale (major) since r1, signed r1 9e7a2edf src b603a44d by tester
s-4pe8u9 = В 2019 году товарооборот достиг 4,22 млрд долларов.

# en: The two leaders met at Cheong Wa Dae.
# bitext: current, signed r1 d1690f70 src d3a5a844 by tester
s-6ckru9 = Лидеры встретились в «Чхонвадэ».

# en: They agreed to cooperate on space.
# bitext: current, signed r1 87fe21c6 src a12b08f1 by tester
s-2vmef6 = Они договорились о сотрудничестве в космосе.
