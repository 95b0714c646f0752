### The project's glossary: names and places that every translation must render the same way.
### Each term's value is the English wording; attributes .alt1, .alt2, … are other wordings that
### count too. locales/<lc>/glossary.ftl gives each term in that language; `bitext check` warns
### when a segment uses a term and its translation does not.

-tokayev = Kassym-Jomart Tokayev
    .alt1 = Tokayev
-moon-jae-in = Moon Jae-in
    .alt1 = Moon
-hong-beom-do = Hong Beom-do
    .alt1 = Hong
-kazakhstan = Kazakhstan
-seoul = Seoul
-cheong-wa-dae = Cheong Wa Dae
-semipalatinsk = Semipalatinsk
-fresh-wind = Fresh Wind
-fengwudong = Fengwudong
-kyzylorda = Kyzylorda
-koryo-saram = Koryo-saram
-daejeon = Daejeon
