//! The parsed page flattened into arrays, in document order, for linear passes.
//!
//! Every later step (scoring, choosing the root, emitting paragraphs) runs over these arrays
//! by index: the subtree of node `i` is `i + 1..end[i]`, so walking, skipping a subtree and
//! summing over descendants need neither recursion nor a stack of iterators, and pages nested
//! 100,000 deep cost no more than flat ones.

use scraper::node::Element;
use scraper::{Html, Node};

/// The kinds of element the extractor tells apart; everything else is `Block` or `Inline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    Text,
    P,
    Div,
    Section,
    Article,
    Main,
    Header,
    Form,
    Body,
    Heading(u8),
    Li,
    List,
    Dt,
    Dd,
    Blockquote,
    Pre,
    Table,
    Tr,
    Td,
    Figure,
    Figcaption,
    Br,
    Hr,
    A,
    Img,
    Input,
    Address,
    Details,
    /// Another element that starts and ends a block of text.
    Block,
    /// An element that flows with the text around it.
    Inline,
}

impl Tag {
    fn of(name: &str) -> Tag {
        match name {
            "p" => Tag::P,
            "div" => Tag::Div,
            "section" => Tag::Section,
            "article" => Tag::Article,
            "main" => Tag::Main,
            "header" | "hgroup" => Tag::Header,
            "form" | "fieldset" => Tag::Form,
            "body" => Tag::Body,
            "h1" => Tag::Heading(1),
            "h2" => Tag::Heading(2),
            "h3" => Tag::Heading(3),
            "h4" => Tag::Heading(4),
            "h5" => Tag::Heading(5),
            "h6" => Tag::Heading(6),
            "li" => Tag::Li,
            "ul" | "ol" | "dl" | "menu" => Tag::List,
            "dt" => Tag::Dt,
            "dd" => Tag::Dd,
            "blockquote" => Tag::Blockquote,
            "pre" | "listing" | "xmp" | "plaintext" => Tag::Pre,
            "table" => Tag::Table,
            "tr" => Tag::Tr,
            "td" | "th" => Tag::Td,
            "figure" => Tag::Figure,
            "figcaption" => Tag::Figcaption,
            "br" => Tag::Br,
            "hr" => Tag::Hr,
            "a" => Tag::A,
            "img" | "picture" => Tag::Img,
            "input" => Tag::Input,
            "address" => Tag::Address,
            "details" | "summary" => Tag::Details,
            "center" | "caption" | "thead" | "tbody" | "tfoot" | "colgroup" | "legend"
            | "dialog" | "html" | "frameset" | "frame" | "noframes" | "dir" | "search" => {
                Tag::Block
            }
            _ => Tag::Inline,
        }
    }

    /// True for elements that start and end a block of text.
    pub(super) fn is_block(self) -> bool {
        !matches!(
            self,
            Tag::Text | Tag::Inline | Tag::A | Tag::Img | Tag::Input | Tag::Br
        )
    }
}

/// Elements whose subtree is never text a reader sees as part of any article.
fn dropped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "applet"
            | "select"
            | "option"
            | "optgroup"
            | "datalist"
            | "textarea"
            | "button"
            | "video"
            | "audio"
            | "source"
            | "track"
            | "map"
            | "link"
            | "meta"
            | "base"
            | "title"
            | "nav"
            | "aside"
            | "footer"
            | "label"
            | "output"
            | "progress"
            | "meter"
            | "head"
    )
}

/// The class/id signals of an element, read once when flattening.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Hints {
    /// Readability's class weight: +25 for content words, −25 for furniture words.
    pub weight: i8,
    /// Furniture by its class or id (share bar, related box, comments...).
    pub furniture: bool,
    /// Maybe furniture by its class or id (social, widget, meta...): dropped when it is mostly
    /// links or holds little text.
    pub weak: bool,
    /// Furniture so plainly that Readability's scoring skips it (unless also marked content).
    pub unlikely: bool,
    /// Comments: never kept, however long.
    pub comments: bool,
    /// A byline or author box.
    pub byline: bool,
    /// A caption or photo credit.
    pub caption: bool,
    /// A standfirst: the dek or summary under a headline.
    pub dek: bool,
}

/// One node of the flattened page.
#[derive(Debug, Clone, Copy)]
pub(super) struct Flat<'a> {
    pub tag: Tag,
    /// The element, for its attributes (`None` for text).
    pub el: Option<&'a Element>,
    /// The text of a text node (empty for elements).
    pub text: &'a str,
    /// The parent's index (the root is its own parent).
    pub parent: u32,
    /// One past the last node of the subtree.
    pub end: u32,
    pub hints: Hints,
    /// Inside an `<a>`.
    pub in_link: bool,
    /// Hidden from readers (by `hidden`, `aria-hidden`, an inline style or a class), itself or
    /// through an ancestor: left out of every count and of the text.
    pub hidden: bool,
}

/// Counts summed over a subtree.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Stats {
    /// Characters of text, whitespace not counted.
    pub chars: u32,
    /// Of those, characters inside links.
    pub link_chars: u32,
    pub commas: u32,
    /// `<p>` elements with text.
    pub paras: u32,
    /// Block elements below this one.
    pub blocks: u32,
    pub images: u32,
    pub inputs: u32,
    pub list_items: u32,
    pub headings: u32,
    /// Links.
    pub links: u32,
    /// Quotations, preformatted blocks, tables and lists.
    pub quotes: u32,
    /// Paragraphs: `<p>` and other blocks holding text but no blocks, headings aside.
    pub leaves: u32,
    /// Of those, the ones that end with an ellipsis: teasers.
    pub teasers: u32,
}

impl Stats {
    pub(super) fn link_density(&self) -> f64 {
        if self.chars == 0 {
            0.0
        } else {
            f64::from(self.link_chars) / f64::from(self.chars)
        }
    }

    /// Text outside links: what a reader reads here.
    pub(super) fn plain(&self) -> u32 {
        self.chars - self.link_chars
    }

    fn add(&mut self, o: &Stats) {
        self.chars += o.chars;
        self.link_chars += o.link_chars;
        self.commas += o.commas;
        self.paras += o.paras;
        self.blocks += o.blocks;
        self.images += o.images;
        self.inputs += o.inputs;
        self.list_items += o.list_items;
        self.headings += o.headings;
        self.links += o.links;
        self.quotes += o.quotes;
        self.teasers += o.teasers;
        self.leaves += o.leaves;
    }
}

/// Meta tags that give a page's title, most trusted first: Readability's order (Dublin Core,
/// Open Graph, Weibo, a plain `title`, Twitter, Parse.ly).
pub(super) const TITLE_KEYS: [&str; 8] = [
    "dc:title",
    "dcterm:title",
    "og:title",
    "weibo:article:title",
    "weibo:webpage:title",
    "title",
    "twitter:title",
    "parsely-title",
];

/// Meta tags that name a page's author, most trusted first: Readability's (Dublin Core, a
/// plain `author`, Parse.ly), then Open Graph's and a few publishing systems'.
pub(super) const AUTHOR_KEYS: [&str; 7] = [
    "dc:creator",
    "dcterm:creator",
    "author",
    "parsely-author",
    "article:author",
    "byl",
    "sailthru:author",
];

/// What the `<head>` (and any JSON-LD anywhere) says about the page.
#[derive(Debug, Default)]
pub(super) struct Meta<'a> {
    pub title: Option<&'a str>,
    pub og_title: Option<&'a str>,
    /// The page's title in its meta tags, with the rank of its key in [`TITLE_KEYS`] (the
    /// lowest rank found; of two with one key, the last).
    pub meta_title: Option<(usize, &'a str)>,
    /// The author in its meta tags, with the rank of its key in [`AUTHOR_KEYS`], likewise.
    pub meta_author: Option<(usize, &'a str)>,
    pub date: Option<&'a str>,
    /// The language a meta tag declares (`Content-Language`, Dublin Core, `og:locale`).
    pub language: Option<&'a str>,
    /// The text of every `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
}

/// The page as arrays.
pub(super) struct Dom<'a> {
    pub nodes: Vec<Flat<'a>>,
    pub stats: Vec<Stats>,
    /// For each node, the last text node of its subtree with something other than whitespace
    /// (`u32::MAX` for none).
    pub last_text: Vec<u32>,
    pub meta: Meta<'a>,
}

impl<'a> Dom<'a> {
    /// Flattens the page, leaving out what is never article text (scripts, styles, navigation,
    /// asides, footers, form controls, media) and hidden elements, and sums the counts.
    pub(super) fn build(page: &'a Html) -> Dom<'a> {
        let mut dom = Dom {
            nodes: Vec::new(),
            stats: Vec::new(),
            last_text: Vec::new(),
            meta: Meta::default(),
        };
        dom.flatten(page);
        dom.settle_slugs();
        dom.sum();
        dom
    }

    /// Takes back the hints an element drew from an id that is its heading's text made into a
    /// slug: documentation and wiki generators name a section after its heading
    /// (`id="sharing-with-a-single-developer"` over "Sharing with a single developer"), so
    /// the id says what the section is about, not what part of the page it is. Its class
    /// still counts. An id of one or two words ("comments", "share-this") keeps its hints
    /// whatever its heading says.
    fn settle_slugs(&mut self) {
        for i in 0..self.nodes.len() {
            let node = &self.nodes[i];
            let h = node.hints;
            if !(h.furniture || h.weak || h.unlikely || h.comments || h.weight < 0) {
                continue;
            }
            let Some(e) = node.el else { continue };
            let Some(id) = e.attr("id") else { continue };
            let slug: Vec<String> = slug_words(id);
            if slug.len() < 3 {
                continue;
            }
            let end = node.end as usize;
            let Some(heading) = (i..end).find(|&j| matches!(self.nodes[j].tag, Tag::Heading(_)))
            else {
                continue;
            };
            if slug_words(&self.text_of(heading)) == slug {
                self.nodes[i].hints = hints_from(e, false);
            }
        }
    }

    fn flatten(&mut self, page: &'a Html) {
        let root = page.tree.root();
        // (index of the open element, whether it is a link)
        let mut open: Vec<u32> = Vec::new();
        let mut link_depth = 0usize;
        let mut node = root;
        let mut descend = true;
        loop {
            // Visit `node` unless we are coming back up.
            let mut enter_children = false;
            if descend {
                match node.value() {
                    Node::Element(e) => {
                        let name = e.name();
                        if name == "head" {
                            self.read_head(node);
                        } else if name == "script" {
                            self.read_script(e, node);
                        } else if name == "meta" {
                            self.read_meta(e);
                        } else if !dropped(name) {
                            let mut tag = Tag::of(name);
                            // A block styled to keep its line breaks reads as `<pre>`.
                            if matches!(tag, Tag::Div | Tag::P | Tag::Section | Tag::Block)
                                && keeps_lines(e)
                            {
                                tag = Tag::Pre;
                            }
                            let idx = self.nodes.len() as u32;
                            self.nodes.push(Flat {
                                tag,
                                el: Some(e),
                                text: "",
                                parent: open.last().copied().unwrap_or(idx),
                                end: idx + 1,
                                hints: hints(e),
                                in_link: link_depth > 0,
                                hidden: hidden(e),
                            });
                            if node.has_children() {
                                open.push(idx);
                                if tag == Tag::A {
                                    link_depth += 1;
                                }
                                enter_children = true;
                            }
                        }
                    }
                    Node::Text(t) => {
                        if let Some(&parent) = open.last() {
                            let idx = self.nodes.len() as u32;
                            self.nodes.push(Flat {
                                tag: Tag::Text,
                                el: None,
                                text: t,
                                parent,
                                end: idx + 1,
                                hints: Hints::default(),
                                in_link: link_depth > 0,
                                hidden: false,
                            });
                        }
                    }
                    Node::Document | Node::Fragment => enter_children = node.has_children(),
                    _ => {}
                }
            }
            if enter_children && let Some(child) = node.first_child() {
                node = child;
                descend = true;
                continue;
            }
            // Leave `node`: close it if it was an open element, then go to its next sibling or
            // back up to its parent.
            if !descend || enter_children {
                self.close(&mut open, &mut link_depth, node);
            }
            if let Some(next) = node.next_sibling() {
                node = next;
                descend = true;
            } else if let Some(parent) = node.parent() {
                node = parent;
                descend = false;
            } else {
                break;
            }
        }
        while let Some(idx) = open.pop() {
            self.nodes[idx as usize].end = self.nodes.len() as u32;
        }
    }

    fn close(
        &mut self,
        open: &mut Vec<u32>,
        link_depth: &mut usize,
        node: ego_tree::NodeRef<'a, Node>,
    ) {
        if let Node::Element(e) = node.value()
            && let Some(&idx) = open.last()
            && self.nodes[idx as usize]
                .el
                .is_some_and(|o| std::ptr::eq(o, e))
        {
            open.pop();
            self.nodes[idx as usize].end = self.nodes.len() as u32;
            if self.nodes[idx as usize].tag == Tag::A {
                *link_depth -= 1;
            }
        }
    }

    /// Reads the title, meta tags and JSON-LD of the `<head>`; nothing there is article text.
    fn read_head(&mut self, head: ego_tree::NodeRef<'a, Node>) {
        for node in head.descendants() {
            if let Node::Element(e) = node.value() {
                match e.name() {
                    "title" if self.meta.title.is_none() => {
                        if let Some(t) = node.first_child().and_then(|c| c.value().as_text()) {
                            self.meta.title = Some(t);
                        }
                    }
                    "meta" => self.read_meta(e),
                    "script" => self.read_script(e, node),
                    _ => {}
                }
            }
        }
    }

    fn read_meta(&mut self, e: &'a Element) {
        let mut key = "";
        let mut content = None;
        for (name, value) in e.attrs() {
            match name {
                "property" | "name" | "itemprop" if key.is_empty() => key = value,
                "http-equiv" if value.eq_ignore_ascii_case("content-language") => {
                    key = "content-language"
                }
                "content" => content = Some(value),
                _ => {}
            }
        }
        let Some(content) = content.map(str::trim).filter(|c| !c.is_empty()) else {
            return;
        };
        let key = key.to_ascii_lowercase();
        // A property may hold several keys ("og:title twitter:title"); names may use dots
        // ("DC.title").
        for k in key.split_ascii_whitespace() {
            let k = k.replace('.', ":");
            if let Some(rank) = TITLE_KEYS.iter().position(|t| *t == k)
                && self.meta.meta_title.is_none_or(|(r, _)| rank <= r)
            {
                self.meta.meta_title = Some((rank, content));
            }
            if let Some(rank) = AUTHOR_KEYS.iter().position(|t| *t == k)
                && !content.starts_with("http")
                && self.meta.meta_author.is_none_or(|(r, _)| rank <= r)
            {
                self.meta.meta_author = Some((rank, content));
            }
        }
        match key.as_str() {
            "og:title" | "twitter:title" if self.meta.og_title.is_none() => {
                self.meta.og_title = Some(content)
            }
            "article:published_time"
            | "datepublished"
            | "date"
            | "pubdate"
            | "publishdate"
            | "dc.date"
            | "dc.date.issued"
            | "og:published_time"
            | "article.published"
            | "parsely-pub-date"
            | "sailthru.date"
                if self.meta.date.is_none() =>
            {
                self.meta.date = Some(content)
            }
            "content-language" | "dc.language" | "dc:language" | "language" | "inlanguage"
            | "og:locale"
                if self.meta.language.is_none() =>
            {
                self.meta.language = Some(content)
            }
            _ => {}
        }
    }

    fn read_script(&mut self, e: &Element, node: ego_tree::NodeRef<'a, Node>) {
        let is_ld = e
            .attr("type")
            .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if is_ld {
            let text: String = node
                .children()
                .filter_map(|c| c.value().as_text().map(|t| &**t))
                .collect();
            self.meta.json_ld.push(text);
        }
    }

    /// Sums the counts of every subtree, children before parents (reverse document order).
    fn sum(&mut self) {
        let n = self.nodes.len();
        self.stats = vec![Stats::default(); n];
        for (i, node) in self.nodes.iter().enumerate() {
            if node.tag == Tag::Text {
                let s = &mut self.stats[i];
                for c in node.text.chars() {
                    if !crate::normalize::is_blank(c) {
                        s.chars += 1;
                        if matches!(c, ',' | '،' | '、' | '，') {
                            s.commas += 1;
                        }
                    }
                }
                if node.in_link {
                    s.link_chars = s.chars;
                }
            }
        }
        self.settle_hidden();
        self.last_text = vec![u32::MAX; n];
        for i in (0..n).rev() {
            if self.nodes[i].hidden {
                self.stats[i] = Stats::default();
                continue;
            }
            let tag = self.nodes[i].tag;
            if tag == Tag::Text && self.stats[i].chars > 0 {
                self.last_text[i] = i as u32;
            }
            let parent = self.nodes[i].parent as usize;
            if parent != i && self.last_text[parent] == u32::MAX {
                self.last_text[parent] = self.last_text[i];
            }
            let leaf_block = tag.is_block()
                && !matches!(tag, Tag::Heading(_))
                && self.stats[i].blocks == 0
                && self.stats[i].chars > 0;
            if leaf_block {
                self.stats[i].leaves += 1;
                if self.ends_with_ellipsis(i) {
                    self.stats[i].teasers += 1;
                }
            }
            let s = &mut self.stats[i];
            match tag {
                Tag::P if s.chars > 0 => s.paras += 1,
                Tag::Img => s.images += 1,
                // A hidden field is no control a reader sees.
                Tag::Input
                    if !self.nodes[i]
                        .el
                        .and_then(|e| e.attr("type"))
                        .is_some_and(|t| t.eq_ignore_ascii_case("hidden")) =>
                {
                    s.inputs += 1
                }
                Tag::Li => s.list_items += 1,
                Tag::Heading(_) => s.headings += 1,
                Tag::A => s.links += 1,
                Tag::Blockquote | Tag::Pre | Tag::Table | Tag::List => s.quotes += 1,
                _ => {}
            }
            let parent = self.nodes[i].parent as usize;
            if parent != i {
                let mut s = self.stats[i];
                if tag.is_block() {
                    s.blocks += 1;
                }
                self.stats[parent].add(&s);
            }
        }
    }

    /// Spreads the hidden mark to descendants, except where a hidden element holds three
    /// quarters of the page's text or more: a page hidden whole until a script shows it (or
    /// under a modal) is still the page a reader gets. A hidden block merely as long as the
    /// visible story (half the page) stays hidden.
    fn settle_hidden(&mut self) {
        let n = self.nodes.len();
        if !self.nodes.iter().any(|node| node.hidden) {
            return;
        }
        let mut chars: Vec<u32> = self.stats.iter().map(|s| s.chars).collect();
        for i in (1..n).rev() {
            let p = self.nodes[i].parent as usize;
            if p != i {
                chars[p] += chars[i];
            }
        }
        let total = chars.first().copied().unwrap_or(0);
        let mut until = 0usize;
        for (i, (node, &c)) in self.nodes.iter_mut().zip(&chars).enumerate() {
            if i < until {
                node.hidden = true;
            } else if node.hidden {
                if c > 0 && c * 4 >= total * 3 {
                    node.hidden = false;
                } else {
                    until = node.end as usize;
                }
            }
        }
    }

    /// True when the text of node `i` ends with an ellipsis ("…", "...", "[…]").
    pub(super) fn ends_with_ellipsis(&self, i: usize) -> bool {
        let Some(t) = self.last_text.get(i).filter(|&&t| t != u32::MAX) else {
            return false;
        };
        let text = self.nodes[*t as usize].text.trim_end();
        let text = text.strip_suffix(']').unwrap_or(text);
        text.ends_with('…') || text.ends_with("...")
    }

    /// The index of the `<body>`, else of the first node.
    pub(super) fn body(&self) -> usize {
        self.nodes
            .iter()
            .position(|n| n.tag == Tag::Body)
            .unwrap_or(0)
    }

    /// True when `a` is `b` or one of its ancestors.
    pub(super) fn contains(&self, a: usize, b: usize) -> bool {
        a <= b && b < self.nodes[a].end as usize
    }

    /// An attribute of node `i`, if it is an element that has it.
    pub(super) fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        self.nodes[i]
            .el
            .and_then(|e| e.attrs().find(|(n, _)| *n == name).map(|(_, v)| v))
    }

    /// The text of the subtree of `i`, whitespace collapsed.
    pub(super) fn text_of(&self, i: usize) -> String {
        let mut out = String::new();
        let end = self.nodes[i].end as usize;
        for n in &self.nodes[i..end] {
            if n.hidden {
                continue;
            }
            if n.tag == Tag::Text {
                out.push_str(n.text);
            } else if n.tag.is_block() || n.tag == Tag::Br {
                out.push(' ');
            }
        }
        collapse(&out)
    }
}

/// Collapses every run of whitespace (and zero-width spaces) to one space and trims the ends;
/// soft hyphens, word joiners and byte-order marks go without a trace, and zero-width joiners
/// and non-joiners stay (emoji sequences, Persian and Indic words need them).
pub(super) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() || c == '\u{200B}' {
            space = true;
        } else if matches!(c, '\u{AD}' | '\u{2060}' | '\u{FEFF}') {
            continue;
        } else {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        }
    }
    out
}

/// True for an element a reader does not see: `hidden`, `aria-hidden="true"`, an inline style
/// of `display: none` or `visibility: hidden`, or a screen-reader-only class.
/// True when an inline style keeps the element's line breaks (`white-space: pre`,
/// `pre-wrap` or `pre-line`), as `<pre>` does.
fn keeps_lines(e: &Element) -> bool {
    let names_it =
        |s: &&str| (s.as_bytes().windows(11)).any(|w| w.eq_ignore_ascii_case(b"white-space"));
    let Some(style) = e.attr("style").filter(names_it) else {
        return false;
    };
    let style: String = (style.chars())
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    style.split(';').any(|decl| {
        decl.strip_prefix("white-space:").is_some_and(|v| {
            matches!(
                v.trim_end_matches("!important"),
                "pre" | "pre-wrap" | "pre-line"
            )
        })
    })
}

fn hidden(e: &Element) -> bool {
    for (name, value) in e.attrs() {
        match name {
            "hidden" => return true,
            "aria-hidden" if value.trim().eq_ignore_ascii_case("true") => return true,
            "style" if value.contains("none") || value.contains("hidden") => {
                let style: String = value
                    .chars()
                    .filter(|c| !c.is_whitespace())
                    .collect::<String>()
                    .to_ascii_lowercase();
                if style.contains("display:none") || style.contains("visibility:hidden") {
                    return true;
                }
            }
            "class" => {
                for class in value.split_ascii_whitespace() {
                    if class.len() > 20 {
                        continue;
                    }
                    let mut buf = [0u8; 20];
                    buf[..class.len()].copy_from_slice(class.as_bytes());
                    buf[..class.len()].make_ascii_lowercase();
                    if matches!(
                        &buf[..class.len()],
                        b"hidden"
                            | b"hide"
                            | b"sr-only"
                            | b"visually-hidden"
                            | b"visuallyhidden"
                            | b"screen-reader-text"
                            | b"screen-reader-only"
                            | b"offscreen"
                            | b"u-hidden"
                            | b"is-hidden"
                            | b"element-invisible"
                            | b"a11y-hidden"
                    ) {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}

/// Words of class names and ids that mark content.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "blog",
    "story",
    "prose",
    "richtext", // and the same in other languages
    "artikel",
    "inhalt",
    "beitrag",
    "contenu",
    "contenido",
    "conteudo",
    "articolo",
    "testo",
    "texto",
    "noticia",
    "cuerpo",
    "corpo",
];

/// Words of class names and ids that mark furniture around the content; matched as whole
/// words (class names and ids are split at punctuation and camel-case humps), or as prefixes
/// where marked with `*`.
const NEGATIVE: &[&str] = &[
    "ad",
    "ads",
    "advert*",
    "adslot*",
    "adunit*",
    "adsense",
    "dfp",
    "banner",
    "sponsor*",
    "promo",
    "promos",
    "promoted",
    "related*",
    "share*",
    "sharing",
    "social*",
    "newsletter*",
    "nav*",
    "menu*",
    "cookie*",
    "consent",
    "gdpr",
    "subscribe*",
    "subscription*",
    "widget*",
    "sidebar*",
    "comment",
    "comments",
    "commentlist",
    "commenting",
    "disqus",
    "footer*",
    "footnote*",
    "breadcrumb*",
    "pagination",
    "pager",
    "popup",
    "modal",
    "outbrain",
    "taboola",
    "recirc*",
    "recommend*",
    "trending",
    "popular",
    "signup",
    "toolbar",
    "tags",
    "tag",
    "taglist",
    "keywords",
    "masthead",
    "skip",
    "follow",
    "rss",
    "shoutbox",
    "skyscraper",
    "readmore",
    "login",
    "paywall",
    "donate",
    "donation",
    "overlay",
    "cta",
    "print",
    "rail",
    // and the same in other languages
    "werbung",
    "anzeige*",
    "publicite",
    "publicidad",
    "publicidade",
    "pubblicita",
    "reklama",
    "kommentar*",
    "commentaire*",
    "comentario*",
    "commenti",
    "partage*",
    "compartir",
    "teilen",
    "relacionad*",
    "correlat*",
    "verwandt*",
];

/// Words of [`NEGATIVE`] so plainly furniture that the scoring skips their subtrees, unless the
/// same element also has a content word (Readability's "unlikely candidates").
const UNLIKELY: &[&str] = &[
    "ad",
    "ads",
    "advert*",
    "adslot*",
    "adunit*",
    "banner",
    "breadcrumb*",
    "comment",
    "comments",
    "commentlist",
    "disqus",
    "footer*",
    "menu*",
    "nav*",
    "related*",
    "social*",
    "sponsor*",
    "sidebar*",
    "share*",
    "sharing",
    "newsletter*",
    "cookie*",
    "consent",
    "gdpr",
    "popup",
    "modal",
    "pagination",
    "pager",
    "outbrain",
    "taboola",
    "recirc*",
    "recommend*",
    "subscribe*",
    "shoutbox",
    "skyscraper",
    "rss",
    "promo",
    "werbung",
    "anzeige*",
    "publicite",
    "publicidad",
    "kommentar*",
    "commentaire*",
    "comentario*",
    "commenti",
];

const COMMENTS: &[&str] = &[
    "comment",
    "comments",
    "commentlist",
    "commenting",
    "disqus",
    "replies",
    "kommentar*",
    "commentaire*",
    "comentario*",
    "commenti",
];

/// Words of [`NEGATIVE`] that also name content often enough ("social-media-embed",
/// "widget Blog") that they only count with other signs of furniture.
const WEAK: &[&str] = &[
    "social*", "widget*", "banner", "follow", "toolbar", "tags", "tag", "taglist", "keywords",
    "masthead", "overlay", "meta",
];

/// Words that mark an embedded post or media (a tweet, a video): content, whatever other
/// words say.
const EMBED: &[&str] = &["embed*", "tweet*", "instagram*"];

/// Words that mark a byline, an author box or a dateline.
const BYLINE: &[&str] = &[
    "byline*",
    "author*",
    "dateline",
    "timestamp",
    "date",
    "published",
    "pubdate",
    "meta",
];

/// Words that mark a standfirst (dek, summary, subtitle) under the headline.
const DEK: &[&str] = &[
    "dek",
    "deck",
    "standfirst",
    "subtitle",
    "subheadline",
    "subhead",
    "excerpt",
    "kicker",
    "strapline",
    "teaser",
];

/// Words that mark a caption or a photo credit.
const CAPTION: &[&str] = &["caption*", "figcaption", "credit", "credits"];

const F_POSITIVE: u16 = 1;
const F_NEGATIVE: u16 = 2;
const F_WEAK: u16 = 4;
const F_UNLIKELY: u16 = 8;
const F_COMMENTS: u16 = 16;
const F_DEK: u16 = 32;
const F_BYLINE: u16 = 64;
const F_CAPTION: u16 = 128;
const F_EMBED: u16 = 256;

/// All the word lists in one table: whole words (sorted, for binary search) and prefixes,
/// each with the flags of the lists it is on.
struct Vocabulary {
    exact: Vec<(&'static str, u16)>,
    prefixes: Vec<(&'static str, u16)>,
}

static VOCABULARY: std::sync::LazyLock<Vocabulary> = std::sync::LazyLock::new(|| {
    let mut exact: Vec<(&'static str, u16)> = Vec::new();
    let mut prefixes: Vec<(&'static str, u16)> = Vec::new();
    for (list, flag) in [
        (POSITIVE, F_POSITIVE),
        (NEGATIVE, F_NEGATIVE),
        (WEAK, F_WEAK),
        (UNLIKELY, F_UNLIKELY),
        (COMMENTS, F_COMMENTS),
        (DEK, F_DEK),
        (BYLINE, F_BYLINE),
        (CAPTION, F_CAPTION),
        (EMBED, F_EMBED),
    ] {
        for pat in list {
            let (table, word) = match pat.strip_suffix('*') {
                Some(prefix) => (&mut prefixes, prefix),
                None => (&mut exact, *pat),
            };
            match table.iter_mut().find(|(w, _)| *w == word) {
                Some(entry) => entry.1 |= flag,
                None => table.push((word, flag)),
            }
        }
    }
    exact.sort_unstable();
    Vocabulary { exact, prefixes }
});

/// The flags of one word of a class name or id; a `joined` pair of words only matches the
/// longer entries (six letters or more), so that short words do not match by accident.
fn lookup(word: &[u8], joined: bool) -> u16 {
    let v = &*VOCABULARY;
    let mut flags = 0;
    if (!joined || word.len() >= 6)
        && let Ok(i) = v.exact.binary_search_by(|(w, _)| w.as_bytes().cmp(word))
    {
        flags |= v.exact[i].1;
    }
    for (prefix, f) in &v.prefixes {
        if (!joined || prefix.len() >= 5) && word.starts_with(prefix.as_bytes()) {
            flags |= f;
        }
    }
    flags
}

/// Reads the class and id of an element into [`Hints`]. Both are split into words at
/// punctuation and camel-case humps ("relatedStories" -> related, stories), and adjacent words
/// are also tried joined ("sub-head" -> subhead), without allocating.
fn hints(e: &Element) -> Hints {
    hints_from(e, true)
}

/// The words of an id or a heading as a slug has them: runs of ASCII letters and digits,
/// lower-cased.
fn slug_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect()
}

/// [`hints`] from the class, and from the id when `with_id`.
fn hints_from(e: &Element, with_id: bool) -> Hints {
    const MAX: usize = 40;
    let mut h = Hints::default();
    let (mut positive, mut negative, mut unlikely, mut strong) = (false, false, false, false);
    let mut embed = false;
    let mut note = |flags: u16, h: &mut Hints| {
        positive |= flags & F_POSITIVE != 0;
        if flags & F_NEGATIVE != 0 {
            negative = true;
            strong |= flags & F_WEAK == 0;
        }
        unlikely |= flags & F_UNLIKELY != 0;
        embed |= flags & F_EMBED != 0;
        h.comments |= flags & F_COMMENTS != 0;
        h.dek |= flags & F_DEK != 0;
        h.byline |= flags & F_BYLINE != 0;
        h.caption |= flags & F_CAPTION != 0;
    };
    for (name, value) in e.attrs() {
        if name != "class" && !(with_id && name == "id") {
            continue;
        }
        let mut word = [0u8; MAX];
        let mut len = 0usize;
        let mut prev = [0u8; MAX];
        let mut prev_len = 0usize;
        let mut prev_lower = false;
        let bytes = value.as_bytes();
        for (k, &c) in bytes.iter().enumerate() {
            let alnum = c.is_ascii_alphanumeric();
            let hump = alnum && c.is_ascii_uppercase() && prev_lower && len > 0;
            if alnum && !hump {
                if len < MAX {
                    word[len] = c.to_ascii_lowercase();
                    len += 1;
                }
                prev_lower = c.is_ascii_lowercase();
                if k + 1 < bytes.len() {
                    continue;
                }
            }
            // A word ends here (or at a hump, where the next one starts with `c`).
            if len > 0 {
                note(lookup(&word[..len], false), &mut h);
                if prev_len > 0 && prev_len + len <= MAX {
                    let mut joined = prev;
                    joined[prev_len..prev_len + len].copy_from_slice(&word[..len]);
                    note(lookup(&joined[..prev_len + len], true), &mut h);
                }
                prev[..len].copy_from_slice(&word[..len]);
                prev_len = len;
                len = 0;
            }
            if hump {
                word[0] = c.to_ascii_lowercase();
                len = 1;
                prev_lower = false;
                if k + 1 == bytes.len() {
                    note(lookup(&word[..1], false), &mut h);
                }
            } else {
                prev_lower = false;
                if !alnum {
                    // Separators between class names break the chain of joined pairs too.
                    if c.is_ascii_whitespace() {
                        prev_len = 0;
                    }
                }
            }
        }
    }
    h.weight = if positive { 25 } else { 0 } - if negative { 25 } else { 0 };
    h.furniture = strong;
    h.weak = negative && !strong && !embed;
    h.unlikely = unlikely && !positive;
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints_of(class: &str) -> Hints {
        let page = Html::parse_fragment(&format!(r#"<div class="{class}">x</div>"#));
        let dom = Dom::build(&page);
        let div = dom
            .nodes
            .iter()
            .find(|n| n.el.is_some_and(|e| e.name() == "div"))
            .expect("div");
        div.hints
    }

    #[test]
    fn class_names_split_into_words_at_punctuation_and_humps() {
        assert!(hints_of("relatedStories").furniture);
        assert!(hints_of("c-share__bar").furniture);
        assert!(hints_of("sub-head").dek);
        assert!(hints_of("wp-caption-text").caption);
        assert_eq!(hints_of("article-body").weight, 25);
        // Whole words only: "shadow" is not "ad", "loader" is not "ad" either.
        assert_eq!(hints_of("shadow loader header").weight, 0);
        // Weak words need other signs; embeds are content.
        let social = hints_of("social-links");
        assert!(social.weak && !social.furniture);
        assert!(!hints_of("social-media-embed").weak);
        assert!(hints_of("comments-area").comments);
    }
}
