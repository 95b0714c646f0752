//! Generates a large, realistic bitext project to benchmark `bitext status` and `bitext sync`.
//!
//! `cargo run --release --example gen-corpus -- DIR [ARTICLES]` (default 10000) creates the
//! project in DIR, which must be empty or absent:
//!
//! 1. `bitext.toml` and ARTICLES articles `articles/<yyyy>/<mm>/<slug>.md` of about 60 segments
//!    each, English news prose built from phrase pools with a seeded PRNG, so that the same
//!    arguments always give the same articles;
//! 2. a first sync of every article through the library;
//! 3. translations into every target locale, one write per target file: about 90% of the segments
//!    translated and signed off, 5% translated but unreviewed, 5% missing;
//! 4. one sentence edited in 10% of the articles (a spelling fix, a minor change, or a rewording,
//!    a major one) and a second sync of those, which leaves their translations stale.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use anyhow::{bail, Context as _, Result};
use rayon::prelude::*;

use bitext::article_files::ArticleFiles;
use bitext::fingerprint::fnv1a;
use bitext::project::Project;
use bitext::state::SignOff;
use bitext::store::escape::Piece;
use bitext::store::lock::ProjectLock;
use bitext::store::target::{value_hash, Update};

const DEFAULT_ARTICLES: usize = 10_000;
const SEED: u64 = 0x6269_7465_7874; // "bitext"
const PROGRESS_EVERY: usize = 1000;
const CONFIG: &str = "source = \"en\"\ntargets = [\"ko\", \"kk\", \"ru\"]\n";

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, articles) = match args.as_slice() {
        [dir] => (PathBuf::from(dir), DEFAULT_ARTICLES),
        [dir, n] => (
            PathBuf::from(dir),
            n.parse()
                .with_context(|| format!("ARTICLES: {n:?} is not a number"))?,
        ),
        _ => bail!("usage: gen-corpus DIR [ARTICLES]   (ARTICLES defaults to {DEFAULT_ARTICLES})"),
    };
    prepare_dir(&dir)?;
    // Most of the time goes into writing files (bitext flushes each one to disk before renaming
    // it into place), so more threads than cores keep the disk busy while others wait.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get()) * 4;
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global()?;

    let start = Instant::now();
    std::fs::write(dir.join(bitext::project::CONFIG_FILE), CONFIG)?;
    let project = Project::open(&dir)?;
    write_glossaries(&project)?;
    let docs = write_articles(&project, articles)?;
    let slugs: Vec<String> = docs.iter().map(|d| d.slug.clone()).collect();
    first_sync(&project, &slugs)?;
    translate_all(&project, &slugs)?;
    edit_and_sync(&project, &docs)?;
    println!(
        "generated {} in {:.1} s",
        dir.display(),
        start.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Place names in the four languages (en, ko, kk, ru): the glossary that `bitext check` holds
/// translations to.
const GLOSSARY: &[(&str, [&str; 4])] = &[
    ("seoul", ["Seoul", "서울", "Сеул", "Сеул"]),
    ("astana", ["Astana", "아스타나", "Астана", "Астана"]),
    ("almaty", ["Almaty", "알마티", "Алматы", "Алматы"]),
    ("moscow", ["Moscow", "모스크바", "Мәскеу", "Москва"]),
    ("busan", ["Busan", "부산", "Пусан", "Пусан"]),
    ("tashkent", ["Tashkent", "타슈켄트", "Ташкент", "Ташкент"]),
    (
        "kazakhstan",
        ["Kazakhstan", "카자흐스탄", "Қазақстан", "Казахстан"],
    ),
    (
        "uzbekistan",
        ["Uzbekistan", "우즈베키스탄", "Өзбекстан", "Узбекистан"],
    ),
    (
        "kyrgyzstan",
        ["Kyrgyzstan", "키르기스스탄", "Қырғызстан", "Кыргызстан"],
    ),
];

/// Writes `locales/<lc>/glossary.ftl` for the source and each target.
fn write_glossaries(project: &Project) -> Result<()> {
    for (column, locale) in ["en", "ko", "kk", "ru"].into_iter().enumerate() {
        let text: String = GLOSSARY
            .iter()
            .map(|(id, names)| format!("-{id} = {}\n", names[column]))
            .collect();
        write_file(&project.glossary_path(locale), &text)?;
    }
    Ok(())
}

/// Composes and writes the articles.
fn write_articles(project: &Project, articles: usize) -> Result<Vec<Doc>> {
    let phase = Instant::now();
    let docs: Vec<Doc> = (0..articles).into_par_iter().map(compose).collect();
    let bytes = docs
        .par_iter()
        .map(|doc| -> Result<usize> {
            let text = doc.render(false);
            write_file(&project.article_path(&doc.slug), &text)?;
            Ok(text.len())
        })
        .sum::<Result<usize>>()?;
    println!(
        "wrote {articles} articles ({:.1} MB) in {:.1} s",
        bytes as f64 / 1e6,
        phase.elapsed().as_secs_f64()
    );
    Ok(docs)
}

/// Syncs every article, a thousand at a time to show progress.
fn first_sync(project: &Project, slugs: &[String]) -> Result<()> {
    let phase = Instant::now();
    let mut segments = 0;
    for (n, chunk) in slugs.chunks(PROGRESS_EVERY).enumerate() {
        let reports = bitext::sync::sync(project, chunk)?;
        segments += reports.iter().map(|r| r.added).sum::<usize>();
        progress("sync", n * PROGRESS_EVERY + chunk.len(), slugs.len(), phase);
    }
    println!(
        "synced {} articles, {segments} segments, in {:.1} s",
        slugs.len(),
        phase.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Writes the translations of every article, under the project lock as bitext's own writers do.
fn translate_all(project: &Project, slugs: &[String]) -> Result<()> {
    let phase = Instant::now();
    let done = AtomicUsize::new(0);
    let lock = ProjectLock::acquire(&project.root)?;
    let tally = slugs
        .par_iter()
        .map(|slug| -> Result<Tally> {
            let tally = translate(&lock, project, slug)?;
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress("translate", n, slugs.len(), phase);
            Ok(tally)
        })
        .try_reduce(Tally::default, |a, b| Ok(a.add(&b)))?;
    println!(
        "translated in {:.1} s: {} signed off, {} unreviewed, {} missing (all locales)",
        phase.elapsed().as_secs_f64(),
        tally.signed,
        tally.unreviewed,
        tally.missing
    );
    Ok(())
}

/// Writes the second revision of the articles that have an edit, and syncs them.
fn edit_and_sync(project: &Project, docs: &[Doc]) -> Result<()> {
    let phase = Instant::now();
    let edited: Vec<&Doc> = docs.iter().filter(|d| d.edit.is_some()).collect();
    edited
        .par_iter()
        .try_for_each(|doc| write_file(&project.article_path(&doc.slug), &doc.render(true)))?;
    let slugs: Vec<String> = edited.iter().map(|d| d.slug.clone()).collect();
    let reports = bitext::sync::sync(project, &slugs)?;
    let revised = reports.iter().filter(|r| r.new_revision).count();
    let minor = edited
        .iter()
        .filter(|d| d.edit.as_ref().is_some_and(|e| e.minor))
        .count();
    println!(
        "edited {} articles ({minor} minor, {} major), {revised} new revisions, in {:.1} s",
        edited.len(),
        edited.len() - minor,
        phase.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Creates `dir`, or checks that it is an empty folder.
fn prepare_dir(dir: &Path) -> Result<()> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).with_context(|| dir.display().to_string())?;
        if entries.next().is_some() {
            bail!("{} is not empty", dir.display());
        }
    }
    std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())
}

fn write_file(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| parent.display().to_string())?;
    }
    std::fs::write(path, text).with_context(|| path.display().to_string())
}

/// Prints how far a phase got, every [`PROGRESS_EVERY`] articles and at the end.
fn progress(what: &str, done: usize, total: usize, since: Instant) {
    if done.is_multiple_of(PROGRESS_EVERY) || done == total {
        println!(
            "  {what}: {done}/{total} articles, {:.1} s",
            since.elapsed().as_secs_f64()
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Random numbers.

/// xorshift64*, seeded through splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        Rng((z ^ (z >> 31)) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + (self.next() >> 11) % (hi - lo + 1)
    }

    fn below(&mut self, n: usize) -> usize {
        self.range(0, n as u64 - 1) as usize
    }

    fn pick(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u64) -> bool {
        self.range(0, 99) < percent
    }
}

// ---------------------------------------------------------------------------------------------
// English articles.

const FIRST: &[&str] = &[
    "Aigerim",
    "Nurlan",
    "Olga",
    "Dmitry",
    "Min-jun",
    "Seo-yeon",
    "James",
    "Sarah",
    "Yerlan",
    "Dana",
    "Sergei",
    "Anna",
    "Ji-ho",
    "Hye-jin",
    "Michael",
    "Emily",
    "Askar",
    "Madina",
    "Viktor",
    "Elena",
    "Dong-hyun",
    "Soo-ah",
    "David",
    "Laura",
    "Timur",
    "Zhanna",
    "Pavel",
    "Irina",
];

const LAST: &[&str] = &[
    "Nurlanova",
    "Abenov",
    "Petrova",
    "Ivanov",
    "Kim",
    "Park",
    "Lee",
    "Choi",
    "Smith",
    "Johnson",
    "Tokayev",
    "Seitkali",
    "Volkov",
    "Sokolova",
    "Jung",
    "Kang",
    "Brown",
    "Miller",
    "Zhakupov",
    "Bekova",
    "Morozov",
    "Kuznetsova",
    "Yoon",
    "Han",
    "Taylor",
    "Wilson",
    "Omarov",
    "Iskakova",
];

const ROLES: &[&str] = &[
    "Finance Minister",
    "Deputy Prime Minister",
    "Trade Minister",
    "Energy Minister",
    "Foreign Minister",
    "President",
    "Gov.",
    "Sen.",
    "Dr.",
    "Prof.",
    "Ambassador",
    "Mayor",
];

const COUNTRIES: &[&str] = &[
    "South Korea",
    "Kazakhstan",
    "Russia",
    "the U.S.",
    "China",
    "Japan",
    "Uzbekistan",
    "Germany",
    "Turkey",
    "India",
    "the U.K.",
    "Kyrgyzstan",
];

const NATIONALITIES: &[&str] = &[
    "South Korean",
    "Kazakh",
    "Russian",
    "U.S.",
    "Chinese",
    "Japanese",
    "Uzbek",
    "German",
    "Turkish",
    "Indian",
];

const CITIES: &[&str] = &[
    "Seoul",
    "Astana",
    "Almaty",
    "Moscow",
    "Busan",
    "Washington",
    "Beijing",
    "Tashkent",
    "Geneva",
    "Brussels",
    "Shymkent",
    "St. Petersburg",
    "Incheon",
    "Karaganda",
];

const ORGS: &[&str] = &[
    "the World Bank",
    "the International Monetary Fund",
    "the Asian Development Bank",
    "the Ministry of Finance",
    "the central bank",
    "the U.S. Treasury",
    "the European Commission",
    "the National Assembly",
    "the statistics office",
    "the Eurasian Development Bank",
    "Moody's",
    "Fitch Ratings",
];

const COMPANIES: &[&str] = &[
    "Samsung Electronics Co.",
    "KazMunayGas",
    "Gazprom",
    "Hyundai Motor Co.",
    "LG Chem Ltd.",
    "Kazatomprom",
    "Rosneft",
    "Posco Holdings Inc.",
    "Air Astana",
    "SK Hynix Inc.",
    "Halyk Bank",
    "Sberbank",
];

const TOPICS: &[&str] = &[
    "energy",
    "trade",
    "semiconductor",
    "grain",
    "pipeline",
    "railway",
    "pension",
    "housing",
    "tax",
    "mining",
    "nuclear",
    "fertilizer",
    "logistics",
    "banking",
];

const COMMODITIES: &[&str] = &[
    "wheat",
    "crude oil",
    "natural gas",
    "copper",
    "uranium",
    "coal",
    "steel",
    "cotton",
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan.",
    "Feb.",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

const SAID: &[&str] = &[
    "said",
    "told reporters",
    "said in a statement",
    "noted",
    "added",
    "warned",
];

const TITLES: &[&str] = &[
    "{Country} and {country2} sign {money} {topic} deal",
    "{company} to invest {money} in {city} plant",
    "Central bank holds rate at {pct} as inflation slows",
    "{Country} {topic} exports hit record {money}",
    "Parliament to vote on {topic} reform bill",
    "{role} {last} visits {city} for {topic} talks",
    "{topic_cap} prices climb as {country} tightens rules",
    "{count} jobs at stake as {company} restructures",
];

/// Sentence templates. Every one ends with a plain period, so that an edit can reword the end.
const SENTENCES: &[&str] = &[
    "{Country} and {country2} signed a {money} agreement on {topic} cooperation on {weekday}.",
    "The deal, worth about {money}, is expected to create {count} jobs by {future}.",
    "“We are confident that this partnership will benefit both our peoples,” {role_person} said.",
    "{role_person} told reporters in {city} that talks would resume in {month}.",
    "According to {org}, {topic} exports rose {pct} in {year} to {money}.",
    "The figure was the highest since {year}, when the economy contracted by {pct}.",
    "Analysts at {org} said the plan could face delays if {commodity} prices fall further.",
    "{ref} noted that more than {count} companies had applied for the program.",
    "Critics argue the project will do little to address rising living costs in rural areas.",
    "The government plans to spend {money} on new roads, schools and hospitals over the next {small} years.",
    "Officials did not say how the {topic} program would be financed.",
    "Inflation slowed to {pct} in {month}, down from {pct} a year earlier, {org} said.",
    "The central bank kept its benchmark rate at {pct} at its meeting on {month} {day}.",
    "Shares of {company} rose {pct} in {city} trading after the announcement.",
    "{company} said it would invest {money} in a new plant near {city} that will employ {count} people.",
    "The U.S. embassy in {city} declined to comment on the {topic} talks.",
    "Dr. {last} said the findings were preliminary and would be published later this year.",
    "At least {count} people attended the forum in {city}, organizers said.",
    "The two leaders also discussed regional security and climate change, according to a joint statement.",
    "It was the first visit by a {nationality} head of state to {country} since {year}.",
    "Negotiations on the {topic} agreement began in {year} but stalled during the pandemic.",
    "Under the plan, annual trade between the two countries would reach {money} by {future}.",
    "Some economists warned that the {topic} targets were too ambitious.",
    "“The numbers speak for themselves,” said {someone}, an economist at {org}.",
    "The ministry said {count} households had received subsidies so far.",
    "Parliament is expected to vote on the bill before the end of {month}.",
    "Opposition lawmakers have called for a public inquiry into the {money} contract.",
    "Construction is scheduled to begin in {year} and to be completed by {future}.",
    "The company reported a net profit of {money} for the quarter, up {pct} from a year ago.",
    "Local residents, many of whom work in the {topic} sector, welcomed the news.",
    "{ref} has served in the post since {year}.",
    "The agreement still needs to be ratified by the legislatures of both countries.",
    "About {pct} of the population lives in cities, up from {pct} in {year}.",
    "Prices for {commodity} have risen by nearly a third since January.",
    "The International Monetary Fund forecasts growth of {pct} this year for {country}.",
    "Energy Minister {someone} said the pipeline would carry {small} million tons of oil a year.",
    "Neither side disclosed the financial terms of the {topic} deal.",
    "Tourism revenue reached {money} last year, with visitors from {country} making up the largest group.",
    "The new rules take effect on {month} {day}, {future}.",
    "“It's not a question of if, but when,” {role_person} told a news conference on {weekday}.",
    "{Country} imported {count} tons of {commodity} in the first half of {year}, {org} said.",
    "The loan carries an interest rate of {pct} and matures in {future}.",
    "{someone}, a spokesperson for {company}, {said} that production would rise by {pct}.",
    "The project, first proposed in {year}, has been delayed several times.",
    "Unemployment fell to {pct} in the third quarter, the lowest level in a decade.",
    "More than {count} workers staged a strike at the plant on {weekday}.",
    "Exports to {country} accounted for {pct} of the total, up from {pct} in {year}.",
    "{role_person} {said} that the reforms would be completed by the end of {future}.",
    "The bank expects to lend about {money} to small businesses over the next {small} years.",
    "The U.S. and its allies have urged both sides to resume the talks.",
];

/// One generated article, and the edit that a later revision makes to it.
struct Doc {
    slug: String,
    title: String,
    byline: String,
    date: String,
    paragraphs: Vec<Vec<String>>,
    edit: Option<Edit>,
}

/// One sentence changed in the article's second revision.
struct Edit {
    paragraph: usize,
    sentence: usize,
    text: String,
    minor: bool,
}

/// Names and places that an article keeps coming back to.
struct Cast {
    countries: [&'static str; 2],
    city: &'static str,
    person: String,
    role: &'static str,
    last: &'static str,
    company: &'static str,
    org: &'static str,
    topic: &'static str,
    year: u64,
}

/// Article `i`: the same every time.
fn compose(i: usize) -> Doc {
    let mut rng = Rng::new(SEED ^ (i as u64).wrapping_mul(0x1000_0000_01b3));
    let year = rng.range(2015, 2024);
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    let country = rng.pick(COUNTRIES);
    let mut country2 = rng.pick(COUNTRIES);
    while country2 == country {
        country2 = rng.pick(COUNTRIES);
    }
    let last = rng.pick(LAST);
    let cast = Cast {
        countries: [country, country2],
        city: rng.pick(CITIES),
        person: format!("{} {last}", rng.pick(FIRST)),
        role: rng.pick(ROLES),
        last,
        company: rng.pick(COMPANIES),
        org: rng.pick(ORGS),
        topic: rng.pick(TOPICS),
        year,
    };
    let title = fill(rng.pick(TITLES), &cast, &mut rng);
    let byline = if rng.chance(20) {
        format!(
            "By {} {} and {} {}",
            rng.pick(FIRST),
            rng.pick(LAST),
            rng.pick(FIRST),
            rng.pick(LAST)
        )
    } else {
        format!("By {} {}", rng.pick(FIRST), rng.pick(LAST))
    };

    // Templates are drawn like cards from a shuffled deck, so that an article uses them all
    // before it uses one again; a sentence that comes out the same as an earlier one is redrawn.
    let mut deck: Vec<&str> = Vec::new();
    let mut seen = HashSet::new();
    let mut paragraphs = Vec::new();
    for _ in 0..rng.range(12, 15) {
        let count = rng.range(3, 5) as usize;
        let mut sentences = Vec::new();
        while sentences.len() < count {
            if deck.is_empty() {
                deck = SENTENCES.to_vec();
                for k in (1..deck.len()).rev() {
                    deck.swap(k, rng.below(k + 1));
                }
            }
            let sentence = fill(deck.pop().unwrap_or_default(), &cast, &mut rng);
            if seen.insert(sentence.clone()) {
                sentences.push(sentence);
            }
        }
        paragraphs.push(sentences);
    }

    let words: Vec<String> = title
        .split_whitespace()
        .filter(|w| !w.contains(|c: char| c.is_ascii_digit()))
        .map(|w| {
            w.chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_lowercase()
        })
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let slug = format!("{year}/{month:02}/{}-{i}", words.join("-"));
    let mut doc = Doc {
        slug,
        title,
        byline,
        date: format!("{year}-{month:02}-{day:02}"),
        paragraphs,
        edit: None,
    };
    if rng.chance(10) {
        plan_edit(&mut doc, &mut rng);
    }
    doc
}

/// Picks a sentence to change in the next revision. For a minor change, the first revision gets a
/// typo (a letter dropped from a long word) that the edit corrects; for a major one, the edit
/// rewords the end of the sentence.
fn plan_edit(doc: &mut Doc, rng: &mut Rng) {
    let paragraph = rng.below(doc.paragraphs.len());
    let sentence = rng.below(doc.paragraphs[paragraph].len());
    let original = doc.paragraphs[paragraph][sentence].clone();
    let long_word = original
        .split(' ')
        .position(|w| w.len() >= 7 && w.bytes().all(|b| b.is_ascii_lowercase()));
    let (first, text, minor) = match long_word {
        Some(n) if rng.chance(50) => {
            let mut words: Vec<String> = original.split(' ').map(str::to_string).collect();
            let middle = words[n].len() / 2;
            words[n].remove(middle);
            (words.join(" "), original, true)
        }
        _ => {
            let reworded = format!(
                "{}, {} {}.",
                original.trim_end_matches('.'),
                rng.pick(&["officials", "analysts", "sources"]),
                rng.pick(SAID)
            );
            (original, reworded, false)
        }
    };
    doc.paragraphs[paragraph][sentence] = first;
    doc.edit = Some(Edit {
        paragraph,
        sentence,
        text,
        minor,
    });
}

impl Doc {
    /// The Markdown file: the first revision, or the edited second one.
    fn render(&self, edited: bool) -> String {
        let mut out = format!(
            "+++\ntitle = {}\nbyline = {}\ndate = {}\n+++\n",
            toml_string(&self.title),
            toml_string(&self.byline),
            self.date
        );
        for (p, sentences) in self.paragraphs.iter().enumerate() {
            out.push('\n');
            for (s, sentence) in sentences.iter().enumerate() {
                if s > 0 {
                    out.push(' ');
                }
                match &self.edit {
                    Some(e) if edited && (e.paragraph, e.sentence) == (p, s) => {
                        out.push_str(&e.text)
                    }
                    _ => out.push_str(sentence),
                }
            }
            out.push('\n');
        }
        out
    }
}

fn toml_string(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Fills the `{slots}` of a template.
fn fill(template: &str, cast: &Cast, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("templates close their slots");
        let slot = &rest[open + 1..close];
        let value = match slot {
            "Country" | "country" => cast.countries[0].to_string(),
            "country2" => cast.countries[1].to_string(),
            "nationality" => rng.pick(NATIONALITIES).to_string(),
            "city" => cast.city.to_string(),
            "person" => cast.person.clone(),
            "someone" => format!("{} {}", rng.pick(FIRST), rng.pick(LAST)),
            "role_person" => format!("{} {}", cast.role, cast.person),
            "role" => cast.role.to_string(),
            "last" => cast.last.to_string(),
            "ref" => format!("{} {}", rng.pick(&["Mr.", "Ms.", "Dr."]), cast.last),
            "company" => cast.company.to_string(),
            "org" => cast.org.to_string(),
            "topic" => cast.topic.to_string(),
            "topic_cap" => capitalize(cast.topic),
            "commodity" => rng.pick(COMMODITIES).to_string(),
            "money" => money(rng),
            "count" => count(rng),
            "small" => rng.range(2, 12).to_string(),
            "pct" => percent(rng),
            "year" => rng.range(cast.year - 9, cast.year - 1).to_string(),
            "future" => rng.range(cast.year + 1, cast.year + 10).to_string(),
            "month" => rng.pick(MONTHS).to_string(),
            "day" => rng.range(1, 28).to_string(),
            "weekday" => rng.pick(WEEKDAYS).to_string(),
            "said" => rng.pick(SAID).to_string(),
            other => panic!("unknown slot {{{other}}}"),
        };
        out.push_str(&value);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    // A slot that ends in a period at the end of a sentence ("in Dec.") ends it.
    if out.ends_with("..") {
        out.pop();
    }
    capitalize(&out)
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if !c.is_uppercase() && c != '“' => c.to_uppercase().chain(chars).collect(),
        _ => text.to_string(),
    }
}

/// `$4.22 billion`, `$850 million`, `1.3 trillion won`, `320 billion tenge`.
fn money(rng: &mut Rng) -> String {
    let amount = if rng.chance(60) {
        format!("{}.{:02}", rng.range(1, 9), rng.range(1, 99))
    } else {
        rng.range(10, 950).to_string()
    };
    match rng.range(0, 9) {
        0 => format!("{amount} trillion won"),
        1 => format!("{amount} billion tenge"),
        2 => format!("{amount} billion rubles"),
        3 | 4 => format!("${amount} million"),
        _ => format!("${amount} billion"),
    }
}

/// `37`, `1,400`, `12,500`.
fn count(rng: &mut Rng) -> String {
    let n = match rng.range(0, 2) {
        0 => rng.range(12, 990),
        1 => rng.range(1, 99) * 100,
        _ => rng.range(10, 250) * 100,
    };
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

/// `3.5%` or `3.5 percent`.
fn percent(rng: &mut Rng) -> String {
    let value = format!("{}.{}", rng.range(0, 19), rng.range(1, 9));
    if rng.chance(70) {
        format!("{value}%")
    } else {
        format!("{value} percent")
    }
}

// ---------------------------------------------------------------------------------------------
// Translations.

const KO_WORDS: &[&str] = &[
    "정부는",
    "경제",
    "협정을",
    "대통령은",
    "장관은",
    "회의에서",
    "무역",
    "투자를",
    "지난해",
    "올해",
    "국가",
    "기업들은",
    "시장",
    "성장률이",
    "정책",
    "관계자에",
    "따르면",
    "이번",
    "계획은",
    "지역",
    "협력을",
    "에너지",
    "개발",
    "은행은",
    "금리를",
    "인상",
    "수출이",
    "수입",
    "증가",
    "감소",
    "전망이다",
    "위원회는",
    "보고서에서",
    "국제",
    "회담을",
    "합의했다",
    "양국은",
    "노동자",
    "공장을",
    "건설",
    "예산",
    "의회는",
    "법안을",
    "통과",
    "선거",
    "기자들에게",
    "대한",
    "위해",
    "통해",
    "함께",
    "가장",
    "새로운",
    "억",
    "달러",
    "규모의",
    "사업을",
    "추진한다",
    "분야에서",
];
const KO_ENDS: &[&str] = &[
    "밝혔다.",
    "말했다.",
    "전했다.",
    "강조했다.",
    "예상된다.",
    "발표했다.",
    "덧붙였다.",
];

const KK_WORDS: &[&str] = &[
    "үкімет",
    "экономика",
    "келісім",
    "президент",
    "министр",
    "жиналыста",
    "сауда",
    "инвестиция",
    "былтыр",
    "биыл",
    "мемлекет",
    "компания",
    "нарық",
    "өсімі",
    "саясат",
    "өкілі",
    "бойынша",
    "жоба",
    "өңірде",
    "ынтымақтастық",
    "энергетика",
    "даму",
    "банк",
    "мөлшерлеме",
    "экспорт",
    "импорт",
    "артты",
    "төмендеді",
    "болжам",
    "комиссия",
    "есебінде",
    "халықаралық",
    "келіссөз",
    "екі",
    "ел",
    "жұмысшылар",
    "зауыт",
    "құрылыс",
    "бюджет",
    "парламент",
    "заң",
    "сайлау",
    "тілшілерге",
    "және",
    "үшін",
    "жаңа",
    "ең",
    "сондай-ақ",
    "теңге",
    "қаласында",
    "мұнай",
    "газ",
    "ауыл",
    "шаруашылығы",
    "миллиард",
    "доллар",
    "қаржы",
    "жылы",
    "пайыз",
    "туралы",
];
const KK_ENDS: &[&str] = &[
    "мәлімдеді.",
    "айтты.",
    "хабарлады.",
    "атап өтті.",
    "жариялады.",
    "деп күтілуде.",
];

const RU_WORDS: &[&str] = &[
    "правительство",
    "экономика",
    "соглашение",
    "президент",
    "министр",
    "на совещании",
    "торговля",
    "инвестиции",
    "в прошлом году",
    "в этом году",
    "государство",
    "компания",
    "рынок",
    "рост",
    "политика",
    "представитель",
    "по данным",
    "проект",
    "в регионе",
    "сотрудничество",
    "энергетика",
    "развитие",
    "банк",
    "ставка",
    "экспорт",
    "импорт",
    "вырос",
    "снизился",
    "прогноз",
    "комиссия",
    "в докладе",
    "международный",
    "переговоры",
    "две страны",
    "рабочие",
    "завод",
    "строительство",
    "бюджет",
    "парламент",
    "закон",
    "выборы",
    "журналистам",
    "и",
    "для",
    "новый",
    "также",
    "более",
    "около",
    "миллиардов",
    "долларов",
    "процентов",
    "в городе",
    "нефть",
    "газ",
    "сельское",
    "хозяйство",
    "по словам",
    "сделка",
];
const RU_ENDS: &[&str] = &[
    "сообщил.",
    "заявил.",
    "отметил.",
    "подчеркнул.",
    "говорится в заявлении.",
    "ожидается.",
];

/// How many of each state a file got.
#[derive(Default)]
struct Tally {
    signed: usize,
    unreviewed: usize,
    missing: usize,
}

impl Tally {
    fn add(&self, other: &Tally) -> Tally {
        Tally {
            signed: self.signed + other.signed,
            unreviewed: self.unreviewed + other.unreviewed,
            missing: self.missing + other.missing,
        }
    }
}

/// Writes the translations of one article into every target locale, one write per file.
fn translate(lock: &ProjectLock, project: &Project, slug: &str) -> Result<Tally> {
    let mut writer = ArticleFiles::open_for_writing(lock, project, slug)?.synced()?;
    let history = writer.history().clone();
    let revision = history.number();
    let mut tally = Tally::default();
    for locale in &project.config.targets {
        for (id, english) in history.current() {
            let key = format!("{locale}/{slug}/{id}");
            let mut rng = Rng::new(fnv1a(key.as_bytes()));
            let roll = rng.range(0, 99);
            if roll < 5 {
                tally.missing += 1;
                continue;
            }
            let pieces = vec![Piece::Text(synthesize(locale, english, &mut rng))];
            let signoff = if roll < 10 {
                tally.unreviewed += 1;
                None
            } else {
                tally.signed += 1;
                Some(SignOff::new(revision, value_hash(&pieces), english, None))
            };
            writer.update(locale, id, Update::Set(pieces, signoff))?;
        }
    }
    writer.save()?;
    Ok(tally)
}

/// A stand-in translation of `english`: words of the locale, every English number written the
/// locale's way (`$4.22 billion` → `42억2000만`, `4,22 млрд`), about as long as a real
/// translation would be (Korean is shorter in characters, Cyrillic a bit longer).
fn synthesize(locale: &str, english: &str, rng: &mut Rng) -> String {
    let (words, ends, ratio) = match locale {
        "ko" => (KO_WORDS, KO_ENDS, 0.45),
        "kk" => (KK_WORDS, KK_ENDS, 1.1),
        _ => (RU_WORDS, RU_ENDS, 1.1),
    };
    let target = (english.chars().count() as f64 * ratio) as usize;
    // What a translation must carry: the numbers, and the glossary's names in the locale's words.
    let column = match locale {
        "ko" => 1,
        "kk" => 2,
        _ => 3,
    };
    let mut carried = localize_numbers(locale, english);
    carried.extend(
        GLOSSARY
            .iter()
            .filter(|(_, names)| english.contains(names[0]))
            .map(|(_, names)| names[column].to_string()),
    );
    let mut numbers = carried.iter().map(String::as_str).peekable();
    let mut out = String::new();
    let mut length = 0;
    loop {
        let word = match numbers.peek() {
            Some(_) if rng.chance(40) => numbers.next().unwrap_or_default(),
            _ => rng.pick(words),
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
        length += word.chars().count() + 1;
        if length >= target && numbers.peek().is_none() {
            break;
        }
    }
    out.push(' ');
    out.push_str(rng.pick(ends));
    capitalize(&out)
}

/// The numbers of an English sentence written as `locale` writes them, with their magnitude.
fn localize_numbers(locale: &str, english: &str) -> Vec<String> {
    let words: Vec<&str> = english.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let token = word
            .trim_start_matches(['$', '(', '“', '"'])
            .trim_end_matches(['.', ',', ';', ':', ')', '”', '"', '%']);
        if !token.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if !token
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            out.push(token.to_string()); // 5G, 1910-45, COVID-19: kept as they are
            continue;
        }
        let Ok(value) = token.replace(',', "").parse::<f64>() else {
            continue;
        };
        let next = words
            .get(i + 1)
            .map(|w| w.trim_end_matches(['.', ',', ';']));
        let magnitude = match next {
            Some("thousand") => 1e3,
            Some("million") => 1e6,
            Some("billion") => 1e9,
            Some("trillion") => 1e12,
            _ => 1.0,
        };
        let percent = word.contains('%') || next == Some("percent");
        let decimals = token.split_once('.').map_or(0, |(_, d)| d.len());
        let written = match locale {
            "ko" if magnitude > 1.0 => korean_units((value * magnitude).round() as u64),
            "ko" => token.replace(',', ""),
            _ => {
                let unit = match (magnitude as u64, locale) {
                    (1_000, "kk") => " мың",
                    (1_000, _) => " тыс.",
                    (1_000_000, _) => " млн",
                    (1_000_000_000, _) => " млрд",
                    (1_000_000_000_000, _) => " трлн",
                    _ => "",
                };
                format!("{}{unit}", cyrillic_number(value, decimals))
            }
        };
        out.push(if percent {
            format!("{written}%")
        } else {
            written
        });
    }
    out
}

/// `4220000000` → `42억2000만`.
fn korean_units(n: u64) -> String {
    let mut out = String::new();
    for (unit, size) in [
        ("조", 1_000_000_000_000u64),
        ("억", 100_000_000),
        ("만", 10_000),
    ] {
        let part = n / size % 10_000;
        if part > 0 {
            out.push_str(&format!("{part}{unit}"));
        }
    }
    let rest = n % 10_000;
    if rest > 0 || out.is_empty() {
        out.push_str(&rest.to_string());
    }
    out
}

/// `1400` → `1 400`, `4.22` → `4,22`: a space between thousands and a decimal comma.
fn cyrillic_number(value: f64, decimals: usize) -> String {
    let text = format!("{value:.decimals$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 && whole.len() > 4 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped},{fraction}")
    }
}
