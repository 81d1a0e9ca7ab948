//! Emitting the paragraphs of the chosen root(s): furniture dropped, captions kept apart.

use super::dom::{Dom, Tag, collapse};

/// What a paragraph is, for the tidying after emission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Text,
    Heading(u8),
    Item,
}

/// One paragraph as emitted.
#[derive(Debug, Clone)]
pub(super) struct Para {
    pub text: String,
    pub kind: Kind,
    /// Non-whitespace characters, and of those the ones inside links.
    pub chars: u32,
    pub link_chars: u32,
    /// From a standfirst (dek) element: dropped above the text, kept within it.
    pub dek: bool,
}

/// The text of the chosen root(s).
#[derive(Debug, Default)]
pub(super) struct Emitted {
    pub paras: Vec<Para>,
    pub captions: Vec<String>,
    pub byline: Option<String>,
}

impl Emitted {
    /// Characters of text outside links, over all paragraphs.
    pub(super) fn plain_chars(&self) -> u32 {
        self.paras.iter().map(|p| p.chars - p.link_chars).sum()
    }
}

struct Writer {
    out: Emitted,
    buf: String,
    chars: u32,
    link_chars: u32,
    kind: Kind,
    caption: String,
    /// One past the last node of the standfirst being walked, or 0.
    dek_until: usize,
    /// One past the last node of the preformatted block (`<pre>`) being walked, or 0: its
    /// lines are kept, and its blank lines end paragraphs.
    pre_until: usize,
}

impl Writer {
    fn flush(&mut self) {
        let text = if self.chars == 0 {
            String::new()
        } else if self.pre_until != 0 {
            collapse_lines(&self.buf)
        } else {
            collapse(&self.buf)
        };
        if !text.is_empty() {
            self.out.paras.push(Para {
                text,
                kind: self.kind,
                chars: self.chars,
                link_chars: self.link_chars,
                dek: self.dek_until > 0,
            });
        }
        self.buf.clear();
        self.chars = 0;
        self.link_chars = 0;
        self.kind = Kind::Text;
    }

    fn flush_caption(&mut self) {
        let c = collapse(&self.caption);
        if !c.is_empty() {
            self.out.captions.push(c);
        }
        self.caption.clear();
    }
}

/// Preformatted text as a paragraph: each line's spaces collapsed, blank lines dropped, the
/// lines joined by newlines.
fn collapse_lines(s: &str) -> String {
    let lines: Vec<String> = s.lines().map(collapse).filter(|l| !l.is_empty()).collect();
    lines.join("\n")
}

/// Adds preformatted text to the paragraph being written (`link`: text inside a link): a
/// blank line ends the paragraph.
fn push_pre(w: &mut Writer, text: &str, link: bool) {
    let mut lines = text.split('\n').peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() && lines.peek().is_some() {
            // A line break then a blank line: the paragraph ends here.
            if w.buf.trim_end_matches([' ', '\t']).ends_with('\n') || w.buf.trim().is_empty() {
                w.flush();
                continue;
            }
        }
        w.buf.push_str(line);
        let chars = line.chars().filter(|c| !c.is_whitespace()).count() as u32;
        w.chars += chars;
        if link {
            w.link_chars += chars;
        }
        if lines.peek().is_some() {
            w.buf.push('\n');
        }
    }
}

/// What closes when the walk leaves an element.
#[derive(Clone, Copy)]
enum Close {
    Block,
    Caption,
}

/// Walks each root in order and emits its paragraphs: every block element, list item,
/// heading and `<br>` ends a paragraph; furniture (by class or id), bylines, forms, lists and
/// blocks that are mostly links are left out; captions and credits go apart.
pub(super) fn emit(
    dom: &Dom<'_>,
    roots: &[usize],
    title: Option<&str>,
    title_node: Option<usize>,
) -> Emitted {
    walk(dom, roots, title, title_node, false)
}

/// Every visible text block under `roots`, furniture, links and lone headings included: what
/// is left when [`emit`] finds no text at all (a page that is one link, or headings alone).
pub(super) fn emit_visible(dom: &Dom<'_>, roots: &[usize], title: Option<&str>) -> Emitted {
    walk(dom, roots, title, None, true)
}

/// [`emit`], or with `everything` [`emit_visible`].
fn walk(
    dom: &Dom<'_>,
    roots: &[usize],
    title: Option<&str>,
    title_node: Option<usize>,
    everything: bool,
) -> Emitted {
    let mut w = Writer {
        out: Emitted::default(),
        buf: String::new(),
        chars: 0,
        link_chars: 0,
        kind: Kind::Text,
        caption: String::new(),
        dek_until: 0,
        pre_until: 0,
    };
    let title_key = title.map(key);
    for &root in roots {
        let root_plain = dom.stats[root].plain();
        let end = dom.nodes[root].end as usize;
        let mut closes: Vec<(usize, Close)> = Vec::new();
        let mut in_caption = 0usize;
        let mut i = root;
        while i < end {
            while let Some(&(e, what)) = closes.last() {
                if i < e {
                    break;
                }
                closes.pop();
                match what {
                    Close::Block => {
                        if in_caption == 0 {
                            w.flush()
                        } else {
                            w.caption.push(' ')
                        }
                    }
                    Close::Caption => {
                        in_caption -= 1;
                        if in_caption == 0 {
                            w.flush_caption();
                        }
                    }
                }
            }
            if w.dek_until != 0 && i >= w.dek_until {
                w.flush();
                w.dek_until = 0;
            }
            if w.pre_until != 0 && i >= w.pre_until {
                w.flush();
                w.pre_until = 0;
            }
            let node = &dom.nodes[i];
            let s = &dom.stats[i];
            if node.hidden {
                i = node.end as usize;
                continue;
            }
            match node.tag {
                Tag::Text => {
                    if in_caption > 0 {
                        w.caption.push_str(node.text);
                    } else if w.pre_until != 0 {
                        push_pre(&mut w, node.text, s.link_chars > 0);
                    } else {
                        w.buf.push_str(node.text);
                        w.chars += s.chars;
                        w.link_chars += s.link_chars;
                    }
                    i += 1;
                    continue;
                }
                Tag::Br | Tag::Hr => {
                    if in_caption > 0 {
                        w.caption.push(' ');
                    } else if w.pre_until != 0 && node.tag == Tag::Br {
                        w.buf.push('\n');
                    } else {
                        w.flush();
                    }
                    i += 1;
                    continue;
                }
                _ => {}
            }
            if i != root && in_caption == 0 {
                let protected = s.plain() * 5 >= root_plain * 2 && !node.hints.comments;
                if !protected && !everything && dropped(dom, i) {
                    if node.hints.byline && w.out.byline.is_none() && s.chars > 0 && s.chars < 120 {
                        w.out.byline = Some(dom.text_of(i));
                    }
                    i = node.end as usize;
                    continue;
                }
                let is_title = title_node == Some(i)
                    || matches!((node.tag, &title_key), (Tag::Heading(1), Some(t)) if key(&dom.text_of(i)) == *t);
                if is_title {
                    i = node.end as usize;
                    continue;
                }
            }
            if node.hints.dek && w.dek_until == 0 && s.chars < 400 && s.paras <= 1 && i != root {
                w.flush();
                w.dek_until = node.end as usize;
            }
            let caption = node.tag == Tag::Figcaption
                || ((node.hints.caption || node.tag == Tag::Figure)
                    && s.paras <= 1
                    && s.chars < 400
                    && s.quotes == 0);
            if caption && i != root {
                if in_caption == 0 {
                    w.flush();
                }
                in_caption += 1;
                closes.push((node.end as usize, Close::Caption));
            } else if node.tag.is_block() {
                if in_caption == 0 {
                    w.flush();
                    w.kind = match node.tag {
                        Tag::Heading(l) => Kind::Heading(l),
                        Tag::Li | Tag::Dt | Tag::Dd => Kind::Item,
                        _ => Kind::Text,
                    };
                    if node.tag == Tag::Pre && w.pre_until == 0 {
                        w.pre_until = node.end as usize;
                    }
                }
                closes.push((node.end as usize, Close::Block));
            }
            i += 1;
        }
        while let Some((_, what)) = closes.pop() {
            match what {
                Close::Block => {
                    if in_caption == 0 {
                        w.flush()
                    }
                }
                Close::Caption => {
                    in_caption -= 1;
                    if in_caption == 0 {
                        w.flush_caption();
                    }
                }
            }
        }
        w.flush();
    }
    let mut out = w.out;
    if !everything {
        tidy(&mut out.paras);
    }
    out
}

/// The share of a list's text in links above which it is a list of links, not text: on
/// Mozilla Readability's test suite, lists at a half to nine tenths links were changelogs,
/// footnotes and bug lists that the expected text keeps (0.951 to 0.952, the
/// article-extraction benchmark unchanged at 0.981).
const LINK_LIST: f64 = 0.9;

/// Least links of an inline element, nothing but links, that [`dropped`] leaves out of a
/// sentence.
const HOVER_LINKS: u32 = 3;

/// True when element `i` is left out of the text with its subtree.
fn dropped(dom: &Dom<'_>, i: usize) -> bool {
    let node = &dom.nodes[i];
    let s = &dom.stats[i];
    // Class names drop blocks, and inline elements only when they stand alone: an inline link
    // classed "tag" inside a sentence is part of the sentence.
    // A list of links tucked inside a sentence goes: a name's hover card of related
    // headlines ("Ilhan OmarIlhan OmarHillicon Valley: Progressives oppose…"). The innermost
    // element that holds it, so that the name's own link before it stays.
    if !node.tag.is_block() {
        let links_only = |i: usize| {
            let s = &dom.stats[i];
            s.links >= HOVER_LINKS && s.link_chars * 20 >= s.chars * 19
        };
        if links_only(i) && !super::score::element_children(dom, i).any(links_only) {
            return true;
        }
    }
    let parent = node.parent as usize;
    let alone = node.tag.is_block() || dom.stats[parent].chars == s.chars;
    if !alone {
        return false;
    }
    if node.hints.furniture {
        return true;
    }
    if node.hints.weak && (s.link_density() > 0.3 || s.plain() < 100) {
        return true;
    }
    if node.hints.byline && s.chars < 400 && s.paras <= 1 {
        return true;
    }
    // A list of teasers: most of its paragraphs cut short with an ellipsis.
    if s.teasers >= 2 && s.teasers * 2 >= s.leaves {
        return true;
    }
    match node.tag {
        // The article's header: headline, standfirst, byline, date.
        Tag::Header => true,
        Tag::Form => s.inputs > 0 || s.link_density() > 0.3,
        // A list of links (related stories, tags) goes; a list whose items say something
        // around their links (who fixed which bug, a source and its claim) stays.
        Tag::List => s.link_density() > LINK_LIST && s.chars > 0,
        Tag::Div | Tag::Section | Tag::Table | Tag::Block | Tag::Details => {
            let ld = s.link_density();
            // A form's box (search, newsletter, comments, login): controls and little text
            // for each. A story section with a sign-up box inside keeps its text; the box
            // goes by itself.
            (s.inputs > 0 && s.inputs * 3 > s.paras && s.chars < 300 * s.inputs)
                || (ld > 0.5 && s.commas < 10)
                || (ld > 0.33 && s.paras <= 1 && s.commas < 3)
        }
        _ => false,
    }
}

/// Labels that stand alone in article bodies where an advertisement goes.
const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "publicidade",
    "advertentie",
    "reklama",
    "реклама",
    "reklam",
    "mainos",
    "annonse",
    "annons",
    "广告",
    "広告",
    "광고",
];

/// Words that make a short line an advertisement label ("Story continues below
/// advertisement", "ADVERTISEMENT - SCROLL TO CONTINUE").
const AD_WORDS: &[&str] = &[
    "advertisement",
    "advertisements",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "publicidade",
    "advertentie",
    "реклама",
];

/// True for a folded line that is an advertisement label: one of [`AD_LABELS`], or six words
/// at most with one of [`AD_WORDS`].
fn is_ad_label(k: &str) -> bool {
    AD_LABELS.contains(&k)
        || (k.split(' ').count() <= 6 && k.split(' ').any(|w| AD_WORDS.contains(&w)))
}

/// Folded text for comparing labels and titles: lower case, letters and digits only.
pub(super) fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Least words of a paragraph of links that [`reads_as_prose`].
const PROSE_WORDS: usize = 8;

/// True for a paragraph that is a sentence however many of its words are links: several
/// words, ending as a sentence does. Sites link most of a paragraph they add to wire copy
/// ("Some have accused <a>current Ukrainian President Volodymyr Zelenskyy</a>, a <a>former
/// television actor</a>, of being a <a>puppet for this globalist cabal</a>."), and such a
/// paragraph must reach the comparison. A teaser or a link list does not read so: "RELATED:
/// Soros Group Funds Riots in Kiev".
fn reads_as_prose(text: &str) -> bool {
    let end = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', ' ']);
    end.ends_with(['.', '!', '?', '…'])
        && !end.ends_with("...")
        && !end.ends_with('…')
        && text.split_whitespace().nth(PROSE_WORDS - 1).is_some()
}

/// Drops advertisement labels, paragraphs that are mostly links (but for those that read as
/// prose), and headings left without text after them.
fn tidy(paras: &mut Vec<Para>) {
    paras.retain(|p| {
        if p.text.len() <= 60 && is_ad_label(&key(&p.text)) {
            return false;
        }
        !(p.link_chars * 10 > p.chars * 6
            && p.kind != Kind::Item
            && !(p.link_chars < p.chars && reads_as_prose(&p.text)))
    });
    // Date lines ("Published 10:48, Tue, Nov 19, 2019", "2018-08-16") above or below the text.
    let long = |p: &Para| p.chars >= 150;
    let first_long = paras.iter().position(long).unwrap_or(paras.len());
    let last_long = paras.iter().rposition(long).unwrap_or(0);
    let n = paras.len();
    let mut i = 0;
    paras.retain(|p| {
        let outside = i < first_long || (i > last_long && i + 2 >= n);
        let above = i < first_long;
        i += 1;
        let dateline = outside && is_dateline(&p.text);
        let dek = above && p.dek;
        !dateline && !dek
    });
    // A heading followed by nothing or by a heading of its rank or higher heads nothing.
    let mut keep = vec![true; paras.len()];
    for i in (0..paras.len()).rev() {
        if let Kind::Heading(l) = paras[i].kind {
            let next = (i + 1..paras.len()).find(|&j| keep[j]);
            let orphan = match next.map(|j| paras[j].kind) {
                None => true,
                Some(Kind::Heading(m)) => m <= l,
                _ => false,
            };
            if orphan {
                keep[i] = false;
            }
        }
    }
    let mut k = keep.into_iter();
    paras.retain(|_| k.next().unwrap_or(true));
}

/// True for a short line that gives a date or a time: a clock time (10:48), an ISO date
/// (2019-11-19) or a numeric one (19/11/2019, 19.11.2019), with few other words.
pub(super) fn is_dateline(text: &str) -> bool {
    if text.chars().count() > 100 || text.split_whitespace().count() > 15 {
        return false;
    }
    let b = text.as_bytes();
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let n = digits(i);
        let j = i + n;
        if j < b.len() {
            let sep = b[j];
            let m = digits(j + 1);
            // 10:48
            if sep == b':' && (1..=2).contains(&n) && m == 2 {
                return true;
            }
            // 2019-11-19, 19/11/2019, 19.11.2019
            if matches!(sep, b'-' | b'/' | b'.') && (1..=2).contains(&m) && j + 1 + m < b.len() {
                let k = j + 1 + m;
                let o = digits(k + 1);
                let dated = b[k] == sep
                    && ((n == 4 && o == 2) || ((1..=2).contains(&n) && (o == 2 || o == 4)));
                if dated && (sep != b'.' || o == 4) {
                    return true;
                }
            }
        }
        i = j;
    }
    false
}
