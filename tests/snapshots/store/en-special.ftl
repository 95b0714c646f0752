### bitext: source segments of articles/special.md, written by `bitext sync`; edit the article, not this file.

title = {"{"}Braces{"}"} and \backslashes\

byline = By “Jane” Doe

s-29yuie = {"["}Link](https://example.com/a.b) opens.

s-hue5ke = {"*"}Stars* lead.

s-282gzu = Price: $4.22&nbsp;billion.

s-wgnizh = {"."}NET is named.

s-3ddusa = Hangul 한국어 문장.

s-bhsi4r = Kazakh Қазақстан әңгімесі.

s-ttr4ak = Emoji 😀 too.

s-n2av3i = Quotes "straight" and 'single'.
