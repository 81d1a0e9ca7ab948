//! Stage 2, **extract**: the article text of a loaded input, as paragraphs.
//!
//! Plain text and Markdown keep their text as it is (line endings made `\n`), with paragraphs
//! separated by blank lines.
//!
//! HTML is parsed with `scraper` (html5ever), after `nesting.rs` caps pathological nesting
//! depth, and flattened into arrays (`dom.rs`), so that every pass below is a loop over indices:
//! no recursion, whatever the nesting depth. The article is then found in layers, the way
//! trafilatura and Readability do it:
//!
//! 1. the element(s) marked `itemprop="articleBody"`;
//! 2. the best `<article>` (its own text, not that of teaser cards nested in it), else the best
//!    `<main>`;
//! 3. Readability-style scoring of block containers (`score.rs`);
//! 4. the whole `<body>`.
//!
//! A structural layer (1, 2) is taken only when it holds a fair share (60%) of the text the
//! scoring finds. The JSON-LD `articleBody` of a `NewsArticle`, `Article`, `BlogPosting` or
//! kin (`jsonld.rs`) then replaces that text when it is long enough, is no teaser (no closing
//! ellipsis, at least 70% of the page's text) and holds text the page's own extraction misses
//! (under 90% of its words found there); when the page already shows all of it, the page's
//! paragraphs, embeds and quotations are kept.
//!
//! Within the chosen root(s), `clean.rs` drops furniture (share bars, related and newsletter
//! boxes, comments, cookie notices, advertisement labels, forms, lists of links, teaser lists,
//! the article header with its standfirst and byline, date lines) and keeps paragraph
//! boundaries, headings, list items and quotations; captions and photo credits are kept apart
//! in [`Document::captions`]. The headline leads the text as paragraph 0
//! ([`Document::body_start`] says where the body begins).

mod clean;
mod date;
mod dom;
mod jsonld;
mod language;
mod nesting;
mod score;

use std::borrow::Cow;
use std::ops::Range;

use scraper::Html;

use crate::error::{Error, Result};
use crate::load::{Format, Loaded};

use clean::Emitted;
use dom::{Dom, Tag};

/// An article as wirediff reads it: its text and where its paragraphs lie in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The source as the user gave it (a path, `-`, or a URL).
    pub source: String,
    /// The page's title, where the input has one (HTML only for now), from its metadata in
    /// Mozilla Readability's order: JSON-LD, Dublin Core, Open Graph, Twitter, then `<title>`
    /// without the site's name. The headline that leads `text` is the page's own and may
    /// differ.
    pub title: Option<String>,
    /// The article text. Every span in a report is a byte range of this string. For a page,
    /// the headline (the title) leads it as paragraph 0 when the page has one.
    pub text: String,
    /// Byte ranges of the paragraphs in `text`, in order, trimmed of surrounding whitespace.
    pub paragraphs: Vec<Range<usize>>,
    /// The index in `paragraphs` of the first paragraph of the body: 1 when the headline leads
    /// the text, else 0.
    pub body_start: usize,
    /// The byline, where the page gives one (JSON-LD author, `<meta name="author">`, or a
    /// byline element); never part of `text`.
    pub byline: Option<String>,
    /// The publication date in ISO 8601 ("2024-01-02", or "2024-01-02T10:00:00+01:00" when
    /// the page gives a time and offset), from JSON-LD, meta tags or a `<time>` element, in
    /// that order of trust; `None` when none of them holds a date wirediff can read.
    pub date: Option<String>,
    /// The publication date as the page wrote it, the one `date` was read from (else the
    /// first the page gives, when none could be read).
    pub date_text: Option<String>,
    /// The language of the text: ISO 639-1 where it has a code of two letters ("en", "de"),
    /// else ISO 639-3. A page's declared language (`<html lang>`, else a meta tag) comes
    /// first; otherwise it is detected from the text, and `None` when detection is unsure.
    /// Sentence splitting follows it.
    pub language: Option<String>,
    /// Image captions and photo credits, kept apart from `text`.
    pub captions: Vec<String>,
    /// Which path found the text: `"json-ld"`, `"itemprop"`, `"article"`, `"main"`,
    /// `"readability"`, `"body"` for pages (`"visible"` when every layer found nothing and the
    /// page's visible text blocks were taken), `"text"` for plain text.
    pub extractor: &'static str,
}

/// `text` with its Windows ("\r\n") and old Mac ("\r") line ends made "\n". Most text has
/// none: one memchr, and the text is kept as it is.
fn unix_newlines(text: Cow<'_, str>) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text.into_owned();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

impl Document {
    /// Builds a document from plain text: paragraphs are separated by blank lines.
    pub fn from_text(source: impl Into<String>, text: &str) -> Document {
        Self::from_text_cow(source, Cow::Borrowed(text))
    }

    /// [`Document::from_text`] of text that may be the caller's to give away: then it is not
    /// copied.
    fn from_text_cow(source: impl Into<String>, text: Cow<'_, str>) -> Document {
        let text = unix_newlines(text);
        let paragraphs = text_paragraphs(&text);
        let language = language::detect(&text);
        Document {
            source: source.into(),
            title: None,
            text,
            paragraphs,
            body_start: 0,
            byline: None,
            date: None,
            date_text: None,
            language,
            captions: Vec::new(),
            extractor: "text",
        }
    }

    /// Extracts the article of an HTML page: headline and body paragraphs, with byline, date
    /// and captions beside them.
    pub fn from_html(source: impl Into<String>, html: &str) -> Document {
        let html = nesting::cap_depth(html);
        let page = Html::parse_document(&html);
        let dom = Dom::build(&page);
        let ld = jsonld::read(&dom.meta.json_ld);
        let (roots, mut extractor) = choose_roots(&dom);
        let (title, title_node) = page_title(&dom, &ld, &roots);
        let mut emitted = clean::emit(&dom, &roots, title.as_deref(), title_node);
        if let Some(body) = ld.body.as_deref()
            && let Some(paras) = trusted_json_ld(body, &emitted)
        {
            emitted.paras = paras;
            extractor = "json-ld";
        }
        let has_words = |e: &clean::Emitted| {
            (e.paras.iter()).any(|p| p.text.chars().any(char::is_alphanumeric))
        };
        if !has_words(&emitted) {
            // Every layer found nothing (a page that is one link, or headings alone): the
            // page's visible text blocks, rather than no text.
            let visible = clean::emit_visible(&dom, &[dom.body()], title.as_deref());
            if has_words(&visible) {
                emitted = visible;
                extractor = "visible";
            }
        }
        let byline = ld
            .author
            .clone()
            .or_else(|| dom.meta.meta_author.map(|(_, a)| dom::collapse(a)))
            .or_else(|| visible_byline(&dom))
            .or(emitted.byline.take());
        let dates = [
            ld.date.clone(),
            dom.meta.date.map(str::to_string),
            time_element(&dom, &roots),
        ];
        let (date, date_text) = publication_date(dates);

        let mut text = String::new();
        let mut paragraphs = Vec::with_capacity(emitted.paras.len() + 1);
        let mut push = |block: &str, text: &mut String| {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(block);
            paragraphs.push(start..text.len());
        };
        let mut body_start = 0;
        let mut paras = emitted.paras.iter().map(|p| p.text.as_str()).peekable();
        if let Some(t) = &title {
            push(t, &mut text);
            body_start = 1;
            if paras.peek().is_some_and(|p| clean::key(p) == clean::key(t)) {
                paras.next();
            }
        }
        for p in paras {
            push(p, &mut text);
        }
        let root = page.root_element();
        let language = (root.attr("lang").or_else(|| root.attr("xml:lang")))
            .and_then(language::from_tag)
            .or_else(|| dom.meta.language.and_then(language::from_tag))
            .or_else(|| {
                let body = paragraphs.get(body_start).map_or(text.len(), |r| r.start);
                language::detect(&text[body..])
            });
        Document {
            source: source.into(),
            title: metadata_title(&dom, &ld).or(title),
            text,
            paragraphs,
            body_start,
            byline,
            date,
            date_text,
            language,
            captions: emitted.captions,
            extractor,
        }
    }

    /// Sets the publication date from text as a page or a feed wrote it: `date_text` keeps
    /// it (trimmed), `date` is its ISO 8601 form when it reads as a date, else `None`.
    pub fn set_date(&mut self, raw: &str) {
        let raw = raw.trim();
        self.date = date::iso8601(raw);
        self.date_text = (!raw.is_empty()).then(|| raw.to_string());
    }

    /// The text of paragraph `i`.
    pub fn paragraph(&self, i: usize) -> &str {
        &self.text[self.paragraphs[i].clone()]
    }

    /// The body text: `text` without the headline that leads it (all of `text` when there is
    /// none).
    pub fn body_text(&self) -> &str {
        if self.body_start == 0 {
            return &self.text;
        }
        match self.paragraphs.get(self.body_start) {
            Some(r) => &self.text[r.start..],
            None => "",
        }
    }
}

/// Turns loaded text into a document according to its format. Fails when no text is left: a
/// page with a headline and no body counts as empty, and so does a body without a letter or
/// digit in it (invisible characters, punctuation alone).
pub fn extract(loaded: &Loaded) -> Result<Document> {
    let doc = match loaded.format {
        Format::Html => Document::from_html(&loaded.source, &loaded.text),
        Format::Text | Format::Markdown => Document::from_text(&loaded.source, &loaded.text),
    };
    check_words(doc, &loaded.source)
}

/// [`extract`] of text that is no longer needed: a text file becomes the document's text
/// without a copy.
pub fn extract_owned(loaded: Loaded) -> Result<Document> {
    match loaded.format {
        Format::Html => extract(&loaded),
        Format::Text | Format::Markdown => {
            let doc = Document::from_text_cow(&loaded.source, Cow::Owned(loaded.text));
            check_words(doc, &loaded.source)
        }
    }
}

/// The document, unless it has no letter or digit in its body.
fn check_words(doc: Document, source_name: &str) -> Result<Document> {
    let has_words = (doc.body_start..doc.paragraphs.len())
        .any(|i| doc.paragraph(i).chars().any(char::is_alphanumeric));
    if !has_words {
        return Err(Error::Empty {
            source_name: source_name.to_string(),
        });
    }
    Ok(doc)
}

/// Byte ranges of blank-line-separated paragraphs, each trimmed of whitespace.
fn text_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim();
        if content.is_empty() {
            out.extend(current.take());
        } else {
            let lead = line.len() - line.trim_start().len();
            let start = pos + lead;
            let end = start + content.len();
            match &mut current {
                Some(r) => r.end = end,
                None => current = Some(start..end),
            }
        }
        pos += line.len();
    }
    out.extend(current);
    out
}

/// The first of `dates` (most trusted first) that reads as a date, in ISO 8601 and as the
/// page wrote it; else no date, and the first the page gives.
fn publication_date(dates: [Option<String>; 3]) -> (Option<String>, Option<String>) {
    for raw in dates.iter().flatten() {
        if let Some(iso) = date::iso8601(raw) {
            return (Some(iso), Some(raw.trim().to_string()));
        }
    }
    let first = dates.into_iter().flatten().next();
    (None, first.map(|d| d.trim().to_string()))
}

/// The `datetime` of the first `<time>` in the article root, else in the page.
fn time_element(dom: &Dom<'_>, roots: &[usize]) -> Option<String> {
    let datetime = |i: usize| {
        let node = &dom.nodes[i];
        if node.hidden || node.el.is_none_or(|e| e.name() != "time") {
            return None;
        }
        dom.attr(i, "datetime")
            .map(str::trim)
            .filter(|d| !d.is_empty())
            .map(str::to_string)
    };
    roots
        .iter()
        .find_map(|&r| (r..dom.nodes[r].end as usize).find_map(datetime))
        .or_else(|| (0..dom.nodes.len()).find_map(datetime))
}

/// Text outside links in the given subtrees.
fn plain(dom: &Dom<'_>, roots: &[usize]) -> u32 {
    roots.iter().map(|&r| dom.stats[r].plain()).sum()
}

/// The root(s) of the article and the name of the layer that found them.
fn choose_roots(dom: &Dom<'_>) -> (Vec<usize>, &'static str) {
    let scored = score::readability(dom);
    let scored_plain = scored.as_ref().map_or(0, |s| plain(dom, &s.roots));
    // A structural root must hold a fair share of what the scoring found.
    let fair = |roots: &[usize]| {
        let p = plain(dom, roots);
        p > 0 && f64::from(p) >= 0.6 * f64::from(scored_plain)
    };
    let items = score::itemprop_body(dom);
    if !items.is_empty() && fair(&items) {
        return (items, "itemprop");
    }
    // Text in other <article>s beside the best one belongs to other stories (teaser cards),
    // whatever the scoring made of it.
    let fair_article = |a: usize| {
        let Some(s) = &scored else {
            return fair(&[a]);
        };
        let mut others = 0u32;
        for &r in &s.roots {
            let end = dom.nodes[r].end as usize;
            let mut j = r;
            while j < end {
                let node = &dom.nodes[j];
                if node.tag == Tag::Article && !dom.contains(j, a) && !dom.contains(a, j) {
                    others += dom.stats[j].plain();
                    j = node.end as usize;
                } else {
                    j += 1;
                }
            }
        }
        let p = plain(dom, &[a]);
        p > 0 && f64::from(p) >= 0.6 * f64::from(scored_plain.saturating_sub(others))
    };
    if let Some(a) = score::best_semantic(dom, Tag::Article, "article")
        && fair_article(a)
    {
        return (article_run(dom, a), "article");
    }
    if let Some(m) = score::best_semantic(dom, Tag::Main, "main")
        && fair(&[m])
    {
        return (vec![m], "main");
    }
    if let Some(s) = scored {
        return (s.roots, "readability");
    }
    (vec![dom.body()], "body")
}

/// The best `<article>` with the sibling `<article>`s that read like it (a live blog's posts,
/// a thread): at least half its text, few links, no teasers.
fn article_run(dom: &Dom<'_>, a: usize) -> Vec<usize> {
    let parent = dom.nodes[a].parent as usize;
    if parent == a {
        return vec![a];
    }
    let own = dom.stats[a].plain();
    let run: Vec<usize> = score::element_children(dom, parent)
        .filter(|&s| {
            let st = &dom.stats[s];
            s == a
                || (dom.nodes[s].tag == Tag::Article
                    && st.plain() * 2 >= own
                    && st.link_density() < 0.3
                    && st.teasers == 0)
        })
        .collect();
    if run.len() >= 3 { run } else { vec![a] }
}

/// The paragraphs of a JSON-LD `articleBody`, when it can be trusted and the page's own text
/// misses part of it: long enough, not cut short with an ellipsis, not much shorter than what
/// the page shows (a teaser), and not already held by the page's text (which keeps its
/// paragraphs, embeds and quotations).
fn trusted_json_ld(body: &str, dom_text: &Emitted) -> Option<Vec<clean::Para>> {
    let trimmed = body.trim_end();
    if trimmed.ends_with("...") || trimmed.ends_with('…') || trimmed.ends_with("[…]") {
        return None;
    }
    let paras = json_ld_paragraphs(body);
    let chars: u32 = paras.iter().map(|p| p.chars).sum();
    let dom_chars = dom_text.plain_chars();
    if chars < 200 || f64::from(chars) < 0.7 * f64::from(dom_chars) {
        return None;
    }
    if coverage(&paras, &dom_text.paras) >= 0.9 {
        return None;
    }
    Some(paras)
}

/// The share of the words of `a` (counted with repeats) that `b` holds too.
fn coverage(a: &[clean::Para], b: &[clean::Para]) -> f64 {
    let mut have: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for p in b {
        for w in p
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            *have.entry(w.to_lowercase()).or_default() += 1;
        }
    }
    let (mut total, mut found) = (0u32, 0u32);
    for p in a {
        for w in p
            .text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            total += 1;
            if let Some(n) = have.get_mut(&w.to_lowercase())
                && *n > 0
            {
                *n -= 1;
                found += 1;
            }
        }
    }
    if total == 0 {
        1.0
    } else {
        f64::from(found) / f64::from(total)
    }
}

/// Splits a JSON-LD body into paragraphs: HTML in it (even entity-escaped HTML) is parsed like
/// a page fragment, with blank lines kept as paragraph breaks; plain text is split at line
/// breaks, with entities decoded.
fn json_ld_paragraphs(body: &str) -> Vec<clean::Para> {
    let decoded;
    let mut body = body;
    if body.contains('&') && body.contains(';') {
        decoded = decode_entities(body);
        body = &decoded;
    }
    let looks_html = ["</p>", "<p>", "<br", "</div>", "<img ", "</a>", "</span>"]
        .iter()
        .any(|t| body.contains(t));
    if looks_html {
        let mut marked = String::with_capacity(body.len() + 64);
        let mut newlines = 0;
        for c in body.chars() {
            if c == '\n' {
                newlines += 1;
                if newlines == 2 {
                    marked.push_str("<br>");
                }
            } else if c != '\r' && !(c.is_whitespace() && newlines > 0) {
                newlines = 0;
            }
            marked.push(c);
        }
        let frag = Html::parse_fragment(&nesting::cap_depth(&marked));
        let dom = Dom::build(&frag);
        if dom.nodes.is_empty() {
            return Vec::new();
        }
        return clean::emit(&dom, &[0], None, None).paras;
    }
    body.lines()
        .filter_map(|line| {
            let line = dom::collapse(line);
            let chars = line
                .chars()
                .filter(|&c| !crate::normalize::is_blank(c))
                .count() as u32;
            (chars > 0).then_some(clean::Para {
                text: line,
                kind: clean::Kind::Text,
                chars,
                link_chars: 0,
                dek: false,
            })
        })
        .collect()
}

/// Decodes HTML character references, keeping line breaks.
fn decode_entities(s: &str) -> String {
    // The fragment parser decodes references in text; "<" is escaped first so that the text
    // stays text.
    let frag = Html::parse_fragment(&s.replace('<', "&lt;"));
    frag.tree
        .root()
        .descendants()
        .filter_map(|n| n.value().as_text().map(|t| &**t))
        .collect()
}

/// The headline and the `<h1>` it comes from: the `<h1>` that agrees with the JSON-LD
/// headline, `og:title` or `<title>` (one holding the other, at least half its length), those
/// in the article root first; else the first `<h1>` of the root; else the first of those
/// references; else the first `<h1>` of the page.
fn page_title(
    dom: &Dom<'_>,
    ld: &jsonld::LdArticle,
    roots: &[usize],
) -> (Option<String>, Option<usize>) {
    let title_tag = dom.meta.title.map(dom::collapse).and_then(|t| {
        // "Headline | Site": the longest part.
        t.split(" | ")
            .flat_map(|p| p.split(" - "))
            .flat_map(|p| p.split(" – "))
            .flat_map(|p| p.split(" — "))
            .flat_map(|p| p.split(" :: "))
            .max_by_key(|p| p.chars().count())
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
    });
    let refs: Vec<String> = [
        ld.headline.as_deref().map(dom::collapse),
        dom.meta.og_title.map(dom::collapse),
        title_tag,
    ]
    .into_iter()
    .flatten()
    .filter(|r| !r.is_empty())
    .collect();
    let ref_keys: Vec<String> = refs.iter().map(|r| clean::key(r)).collect();
    let agrees = |k: &str| {
        ref_keys.iter().any(|r| {
            let (short, long) = if r.len() < k.len() {
                (r.as_str(), k)
            } else {
                (k, r.as_str())
            };
            !short.is_empty() && long.contains(short) && short.len() * 2 >= long.len()
        })
    };
    let in_root = |i: usize| roots.iter().any(|&r| dom.contains(r, i));
    // (text, index, in the root, agrees)
    let h1s: Vec<(String, usize, bool, bool)> = dom
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.tag == Tag::Heading(1) && !n.hidden)
        .filter_map(|(i, _)| {
            let text = dom.text_of(i);
            let k = clean::key(&text);
            (!k.is_empty()).then(|| (text, i, in_root(i), agrees(&k)))
        })
        .collect();
    let pick = |h: &(String, usize, bool, bool)| (Some(h.0.clone()), Some(h.1));
    if let Some(h) = h1s.iter().find(|h| h.2 && h.3) {
        return pick(h);
    }
    if let Some(h) = h1s.iter().find(|h| h.3) {
        return pick(h);
    }
    if let Some(h) = h1s
        .iter()
        .find(|h| h.2 && h.0.split_whitespace().count() >= 2)
    {
        return pick(h);
    }
    match refs.into_iter().next() {
        Some(r) => (Some(r), None),
        None => h1s.first().map_or((None, None), pick),
    }
}

/// The first byline the page shows, as Readability finds one: an element marked as the
/// author's (`rel="author"`, an `itemprop` naming the author, or a class or id with
/// "byline", "author", "dateline", "writtenby" or "p-author" in it) whose text is under 100
/// characters; the author's name in it, when an element there says which.
fn visible_byline(dom: &Dom<'_>) -> Option<String> {
    const MARKS: [&str; 5] = ["byline", "author", "dateline", "writtenby", "p-author"];
    (0..dom.nodes.len()).find_map(|i| {
        let node = &dom.nodes[i];
        // Its visible characters but spaces: 100 or more is no byline, and not worth reading.
        if node.hidden || node.el.is_none() || dom.stats[i].chars >= 100 {
            return None;
        }
        let attr = |name: &str| dom.attr(i, name).unwrap_or("");
        let has_mark = |v: &str| {
            let v = v.as_bytes();
            MARKS.iter().any(|m| {
                v.windows(m.len())
                    .any(|w| w.eq_ignore_ascii_case(m.as_bytes()))
            })
        };
        let marked = attr("rel") == "author"
            || attr("itemprop").contains("author")
            || has_mark(attr("class"))
            || has_mark(attr("id"));
        if !marked {
            return None;
        }
        let whole = dom.text_of(i);
        if whole.is_empty() || whole.chars().count() >= 100 {
            return None;
        }
        // An element inside it that names the author (`itemprop="name"`) is more exact.
        let name = (i + 1..node.end as usize).find(|&j| {
            dom.nodes[j].el.is_some()
                && !dom.nodes[j].hidden
                && dom.attr(j, "itemprop").is_some_and(|p| p.contains("name"))
        });
        Some(
            name.map(|j| dom.text_of(j))
                .filter(|t| !t.is_empty())
                .unwrap_or(whole),
        )
    })
}

/// The page's title as its metadata gives it, in the order Mozilla Readability reads it:
/// JSON-LD, the meta tags of [`dom::TITLE_KEYS`], then `<title>` without the site's name
/// ([`title_of_page`]).
fn metadata_title(dom: &Dom<'_>, ld: &jsonld::LdArticle) -> Option<String> {
    let given = |t: Option<&str>| t.map(dom::collapse).filter(|t| !t.is_empty());
    // A JSON-LD name and headline that differ: the name, unless only the headline reads
    // like the page's <title>.
    let from_ld = match (given(ld.name.as_deref()), given(ld.headline.as_deref())) {
        (Some(name), Some(headline)) if name != headline => {
            let page = given(dom.meta.title).map(|t| title_of_page(dom, &t));
            let like = |s: &str| page.as_deref().is_some_and(|p| similarity(p, s) > 0.75);
            if like(&headline) && !like(&name) {
                Some(headline)
            } else {
                Some(name)
            }
        }
        (name, headline) => name.or(headline),
    };
    from_ld
        .or_else(|| given(dom.meta.meta_title.map(|(_, t)| t)))
        .or_else(|| given(dom.meta.title).map(|t| title_of_page(dom, &t)))
}

/// How much of `b` is in `a`, as Readability measures it: one less the share of `b`'s
/// characters in words (lower-cased) that `a` lacks.
fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let length = |v: &[&String]| {
        v.iter().map(|t| t.chars().count()).sum::<usize>() + v.len().saturating_sub(1)
    };
    let unique: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let all: Vec<&String> = tb.iter().collect();
    1.0 - length(&unique) as f64 / length(&all) as f64
}

/// A `<title>` without the site's name, cut as Readability cuts it: "Headline | Site" at its
/// last spaced separator (the first part is dropped instead when fewer than three words would
/// be left); "Site: Headline" at its colon unless a heading reads the whole; a title of under
/// 15 or over 150 characters replaced by the page's only `<h1>`; and a result of four words
/// or fewer given up for the whole title.
fn title_of_page(dom: &Dom<'_>, whole: &str) -> String {
    let is_sep = |c: char| matches!(c, '|' | '-' | '–' | '—' | '\\' | '/' | '>' | '»');
    let words = |s: &str| s.split_whitespace().count();
    // Separators with a space on either side, by byte offset.
    let spaced: Vec<(usize, char)> = whole
        .char_indices()
        .filter(|&(i, c)| {
            is_sep(c) && whole[..i].ends_with(' ') && whole[i + c.len_utf8()..].starts_with(' ')
        })
        .collect();
    let hierarchical = spaced
        .iter()
        .any(|&(_, c)| matches!(c, '\\' | '/' | '>' | '»'));
    let cut = if let Some(&(last, _)) = spaced.last() {
        let before = &whole[..last - 1];
        if words(before) >= 3 {
            before.to_string()
        } else {
            match whole.char_indices().find(|&(_, c)| is_sep(c)) {
                Some((i, c)) => whole[i + c.len_utf8()..].to_string(),
                None => whole.to_string(),
            }
        }
    } else if let (Some(first), Some(last)) = (whole.find(": "), whole.rfind(':')) {
        let a_heading = (0..dom.nodes.len()).any(|i| {
            matches!(dom.nodes[i].tag, Tag::Heading(1 | 2))
                && dom::collapse(&dom.text_of(i)) == whole
        });
        let after_last = &whole[last + 1..];
        if a_heading {
            whole.to_string()
        } else if words(after_last) < 3 {
            whole[first + 1..].to_string()
        } else if words(&whole[..first]) > 5 {
            whole.to_string()
        } else {
            after_last.to_string()
        }
    } else {
        let n = whole.chars().count();
        let h1s: Vec<usize> = (0..dom.nodes.len())
            .filter(|&i| dom.nodes[i].tag == Tag::Heading(1))
            .collect();
        match h1s.as_slice() {
            [only] if !(15..=150).contains(&n) => dom.text_of(*only),
            _ => whole.to_string(),
        }
    };
    let cut = dom::collapse(&cut);
    let n = words(&cut);
    let without_separators: String = whole.chars().filter(|&c| !is_sep(c)).collect();
    if n <= 4 && (!hierarchical || n + 1 != words(&without_separators)) {
        whole.to_string()
    } else {
        cut
    }
}

/// Debugging aid: the ancestors of the first text node containing `needle`, with what the
/// extractor makes of each.
#[doc(hidden)]
pub fn explain(html: &str, needle: &str) -> String {
    let html = nesting::cap_depth(html);
    let page = Html::parse_document(&html);
    let dom = Dom::build(&page);
    let mut out = String::new();
    let Some(t) = dom
        .nodes
        .iter()
        .position(|n| n.tag == Tag::Text && n.text.contains(needle))
    else {
        return format!("{needle:?}: not in the flattened page (a script, style, nav, aside...)\n");
    };
    let mut i = t;
    loop {
        let n = &dom.nodes[i];
        let s = &dom.stats[i];
        out.push_str(&format!(
            "{i} {:?}{} class={:?} id={:?} hints={:?} chars={} link={} paras={} blocks={}\n",
            n.tag,
            if n.hidden { " (hidden)" } else { "" },
            dom.attr(i, "class").unwrap_or(""),
            dom.attr(i, "id").unwrap_or(""),
            n.hints,
            s.chars,
            s.link_chars,
            s.paras,
            s.blocks
        ));
        let p = n.parent as usize;
        if p == i {
            break;
        }
        i = p;
    }
    let (roots, how) = choose_roots(&dom);
    out.push_str(&format!("roots {roots:?} by {how}\n"));
    if let Some(s) = score::readability(&dom) {
        out.push_str(&format!("readability roots {:?} top {}\n", s.roots, s.top));
    }
    out
}

#[cfg(test)]
mod tests;
