//! The language of a document: the one its page declares, else a detection from its text.
//!
//! Codes are ISO 639-1 where the language has one ("en", "de", "pt"), else ISO 639-3, as
//! BCP 47 asks; a declared tag is cut to its primary subtag ("pt-BR" is "pt").
//!
//! Detection first counts English function words in the opening 150 words: English prose has
//! 9% of them or more (the least of the article-extraction benchmark's English articles and
//! of the METER wire and newspaper texts), other languages under 2%, so at 6% (two of them
//! "the" and three others) the text is English at the cost of a word count. Otherwise `whatlang` (trigram
//! profiles of 69 languages) reads the opening of the text, and its answer is kept only when
//! whatlang calls it reliable: a short or mixed text gets no language, and the sentence rules
//! stay English. (whatlang costs about 0.1 ms a document; the word count, a few
//! microseconds.)

/// How much text whatlang reads: enough for a stable answer on news prose, a constant cost
/// on a long document.
const SAMPLE_BYTES: usize = 1024;

/// True for a word of English that other languages written in Latin letters rarely have
/// ("is", "was", "in", "on", "as", "for", "her" are words in some of them), in lower case.
fn english_word(w: &[u8]) -> bool {
    matches!(
        w,
        b"the"
            | b"and"
            | b"of"
            | b"to"
            | b"that"
            | b"with"
            | b"said"
            | b"it"
            | b"at"
            | b"from"
            | b"his"
            | b"have"
            | b"has"
            | b"are"
            | b"were"
            | b"be"
            | b"this"
            | b"which"
            | b"not"
            | b"would"
            | b"will"
            | b"they"
            | b"she"
            | b"their"
            | b"been"
            | b"who"
            | b"an"
    )
}

/// The primary subtag of a declared language tag ("en-US", "pt_BR", "DE"), lower case; `None`
/// for a tag that is not one ("", "x-default", "*", "en-" is "en").
pub fn from_tag(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let ok = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && primary != "und"
        && primary != "mul"
        && primary != "zxx";
    ok.then_some(primary)
}

/// The language of `text` when it is surely English or whatlang is sure of it.
pub fn detect(text: &str) -> Option<String> {
    if looks_english(text) {
        return Some("en".to_string());
    }
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let info = whatlang::detect(&text[..end])?;
    info.is_reliable()
        .then(|| iso639_1(info.lang()).to_string())
}

/// True when at least 6% of the first 150 words of `text` (at least 20 of them) are
/// English words ([`english_word`]), two of them "the" and three others.
fn looks_english(text: &str) -> bool {
    let (mut words, mut marked, mut the) = (0usize, 0usize, 0usize);
    for w in text
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .take(150)
    {
        words += 1;
        if w.len() > 5 {
            continue;
        }
        let mut lower = [0u8; 5];
        for (l, b) in lower.iter_mut().zip(w.bytes()) {
            *l = b.to_ascii_lowercase();
        }
        let lower = &lower[..w.len()];
        if english_word(lower) {
            marked += 1;
            the += usize::from(lower == b"the");
        }
    }
    words >= 20 && the >= 2 && marked >= the + 3 && marked * 100 >= words * 6
}

/// whatlang's language as ISO 639-1, where the language has a two-letter code.
fn iso639_1(lang: whatlang::Lang) -> &'static str {
    let three = lang.code();
    TWO_LETTER
        .iter()
        .find(|(t, _)| *t == three)
        .map_or(three, |(_, two)| two)
}

/// ISO 639-3 codes of whatlang's languages and their ISO 639-1 codes.
const TWO_LETTER: [(&str, &str); 69] = [
    ("afr", "af"),
    ("aka", "ak"),
    ("amh", "am"),
    ("ara", "ar"),
    ("aze", "az"),
    ("bel", "be"),
    ("ben", "bn"),
    ("bul", "bg"),
    ("cat", "ca"),
    ("ces", "cs"),
    ("cmn", "zh"),
    ("cym", "cy"),
    ("dan", "da"),
    ("deu", "de"),
    ("ell", "el"),
    ("eng", "en"),
    ("epo", "eo"),
    ("est", "et"),
    ("fin", "fi"),
    ("fra", "fr"),
    ("guj", "gu"),
    ("heb", "he"),
    ("hin", "hi"),
    ("hrv", "hr"),
    ("hun", "hu"),
    ("hye", "hy"),
    ("ind", "id"),
    ("ita", "it"),
    ("jav", "jv"),
    ("jpn", "ja"),
    ("kan", "kn"),
    ("kat", "ka"),
    ("khm", "km"),
    ("kor", "ko"),
    ("lat", "la"),
    ("lav", "lv"),
    ("lit", "lt"),
    ("mal", "ml"),
    ("mar", "mr"),
    ("mkd", "mk"),
    ("mya", "my"),
    ("nep", "ne"),
    ("nld", "nl"),
    ("nob", "nb"),
    ("ori", "or"),
    ("pan", "pa"),
    ("pes", "fa"),
    ("pol", "pl"),
    ("por", "pt"),
    ("ron", "ro"),
    ("rus", "ru"),
    ("sin", "si"),
    ("slk", "sk"),
    ("slv", "sl"),
    ("sna", "sn"),
    ("spa", "es"),
    ("srp", "sr"),
    ("swe", "sv"),
    ("tam", "ta"),
    ("tel", "te"),
    ("tgl", "tl"),
    ("tha", "th"),
    ("tuk", "tk"),
    ("tur", "tr"),
    ("ukr", "uk"),
    ("urd", "ur"),
    ("uzb", "uz"),
    ("vie", "vi"),
    ("yid", "yi"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_tags_keep_their_primary_subtag() {
        for (tag, want) in [
            ("en", Some("en")),
            ("en-US", Some("en")),
            (" pt_BR ", Some("pt")),
            ("DE", Some("de")),
            ("fil", Some("fil")),
            ("", None),
            ("x-default", None),
            ("*", None),
            ("und", None),
            ("english", None),
        ] {
            assert_eq!(from_tag(tag).as_deref(), want, "{tag:?}");
        }
    }

    #[test]
    fn every_whatlang_language_has_a_code_of_two_or_three_letters() {
        for &lang in whatlang::Lang::all() {
            let code = iso639_1(lang);
            assert!(code.len() == 2 || code.len() == 3, "{lang:?}: {code}");
        }
        // Each two-letter code is used once.
        let mut twos: Vec<&str> = TWO_LETTER.iter().map(|(_, t)| *t).collect();
        twos.sort_unstable();
        twos.dedup();
        assert_eq!(twos.len(), TWO_LETTER.len());
    }

    #[test]
    fn news_prose_is_detected_and_a_scrap_is_not() {
        for (text, want) in [
            (
                "Die Bundesregierung hat am Mittwoch in Berlin ein neues Gesetz zum Schutz \
                 der Wälder beschlossen. Die Opposition kritisierte den Entwurf als zu schwach.",
                "de",
            ),
            (
                "Le gouvernement a présenté mercredi à Paris un projet de loi pour protéger \
                 les forêts. L'opposition a jugé le texte trop timide.",
                "fr",
            ),
            (
                "El Gobierno aprobó el miércoles en Madrid una nueva ley para proteger los \
                 bosques. La oposición criticó el proyecto por considerarlo insuficiente.",
                "es",
            ),
            (
                "The government approved a new law on Wednesday to protect the forests. The \
                 opposition criticised the draft as too weak.",
                "en",
            ),
        ] {
            assert_eq!(detect(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(detect("OK"), None);
        // Words that only look like English ("the" twice, in a French text) do not make it
        // English.
        assert!(!looks_english(
            "Le groupe The Cure et le groupe The Smiths ont joué samedi soir à Paris devant \
             des milliers de personnes venues de toute la France pour les entendre."
        ));
        assert_eq!(detect(""), None);
    }
}
