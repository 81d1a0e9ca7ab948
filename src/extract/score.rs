//! Choosing the element(s) that hold the article: `itemprop="articleBody"`, `<article>`,
//! `<main>`, and Readability-style scoring of block containers as the fallback.

use super::dom::{Dom, Tag};

/// Readability's scores of block containers, and its choice.
pub(super) struct Scores {
    /// The chosen container and the siblings that go with it, in document order.
    pub roots: Vec<usize>,
    /// The top candidate (one of `roots`).
    pub top: usize,
}

/// Readability-style scoring: every paragraph-like block of at least 25 characters scores
/// 1 + its commas + one per 100 characters (at most 3), given whole to its container, half to
/// the next ancestor and less to three more; containers start from a tag bonus and the class/id
/// weight, and end multiplied by (1 − link density). The best container, moved up where the
/// best few share an ancestor or where the parent scores higher, is joined by siblings that
/// score near it or read as paragraphs. Text under furniture (by class or id) is not scored.
pub(super) fn readability(dom: &Dom<'_>) -> Option<Scores> {
    let first = scores(dom, true);
    // Like Readability, try again without skipping furniture when that left too little: a
    // page wrapped whole in a "sidebar-layout" is still a page.
    let plain = |s: &Option<Scores>| {
        s.as_ref().map_or(0, |s| {
            s.roots.iter().map(|&r| dom.stats[r].plain()).sum::<u32>()
        })
    };
    let body = dom.stats.get(dom.body()).map_or(0, |s| s.plain());
    if plain(&first) < 500 && body >= 1000 {
        let second = scores(dom, false);
        if plain(&second) > plain(&first) {
            return second;
        }
    }
    first
}

fn scores(dom: &Dom<'_>, skip_unlikely: bool) -> Option<Scores> {
    let n = dom.nodes.len();
    if n == 0 {
        return None;
    }
    // Text gathered by the nearest block container, skipping furniture subtrees.
    let mut own_chars = vec![0u32; n];
    let mut own_commas = vec![0u32; n];
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < n {
        while open.last().is_some_and(|&o| i >= dom.nodes[o].end as usize) {
            open.pop();
        }
        let node = &dom.nodes[i];
        if node.tag == Tag::Text {
            if let Some(&c) = open.last() {
                let s = &dom.stats[i];
                own_chars[c] += s.chars;
                own_commas[c] += s.commas;
            }
        } else if (node.hints.unlikely && skip_unlikely || node.hidden)
            && i != 0
            && node.tag != Tag::Body
        {
            i = node.end as usize;
            continue;
        } else if node.tag.is_block() {
            open.push(i);
        }
        i += 1;
    }

    let mut score = vec![f64::NAN; n];
    let init = |i: usize| -> f64 {
        let node = &dom.nodes[i];
        let base = match node.tag {
            Tag::Div => 5.0,
            Tag::Pre | Tag::Td | Tag::Blockquote => 3.0,
            Tag::Address | Tag::List | Tag::Dd | Tag::Dt | Tag::Li | Tag::Form => -3.0,
            Tag::Heading(_) => -5.0,
            _ => 0.0,
        };
        base + f64::from(node.hints.weight)
    };
    for c in 0..n {
        let chars = own_chars[c];
        if chars < 25 {
            continue;
        }
        let tag = dom.nodes[c].tag;
        let scored = matches!(
            tag,
            Tag::P
                | Tag::Pre
                | Tag::Td
                | Tag::Heading(2..)
                | Tag::Div
                | Tag::Section
                | Tag::Article
                | Tag::Main
                | Tag::Block
                | Tag::Header
        );
        if !scored || dom.ends_with_ellipsis(c) {
            continue;
        }
        let leaf = matches!(tag, Tag::P | Tag::Pre | Tag::Td | Tag::Heading(_))
            || dom.stats[c].blocks == 0;
        let start = if leaf {
            dom.nodes[c].parent as usize
        } else {
            c
        };
        if start == c && leaf {
            continue;
        }
        let s = 1.0 + f64::from(own_commas[c]) + f64::from((chars / 100).min(3));
        let mut a = start;
        for level in 0..5 {
            if score[a].is_nan() {
                score[a] = init(a);
            }
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => f64::from(l) * 3.0,
            };
            score[a] += s / divider;
            let p = dom.nodes[a].parent as usize;
            if p == a {
                break;
            }
            a = p;
        }
    }
    // Final scores: scaled by the share of text outside links.
    let mut candidates: Vec<(usize, f64)> = Vec::new();
    for (i, s) in score.iter_mut().enumerate() {
        if s.is_nan() {
            continue;
        }
        *s *= 1.0 - dom.stats[i].link_density();
        candidates.push((i, *s));
    }
    if candidates.is_empty() {
        return None;
    }
    candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let (mut top, top_score) = candidates[0];
    let body = dom.body();
    if top == body || top == 0 {
        return Some(Scores {
            roots: vec![top],
            top,
        });
    }
    // Where three of the best few (scoring at least 3/4 of the top) share an ancestor, take it.
    let alternatives: Vec<usize> = candidates[1..]
        .iter()
        .take(4)
        .filter(|&&(_, s)| s / top_score >= 0.75)
        .map(|&(i, _)| i)
        .collect();
    if alternatives.len() >= 3 {
        let mut p = dom.nodes[top].parent as usize;
        while p != body && p != 0 {
            let holding = alternatives
                .iter()
                .filter(|&&alt| dom.contains(p, alt))
                .count();
            if holding >= 3 {
                top = p;
                break;
            }
            p = dom.nodes[p].parent as usize;
        }
    }
    if score[top].is_nan() {
        score[top] = init(top);
    }
    // Climb while the parent scores higher (it holds more of the article).
    let mut last = score[top];
    let threshold = last / 3.0;
    let mut p = dom.nodes[top].parent as usize;
    while p != body && p != 0 {
        if score[p].is_nan() {
            p = dom.nodes[p].parent as usize;
            continue;
        }
        if score[p] < threshold {
            break;
        }
        if score[p] > last {
            top = p;
            break;
        }
        last = score[p];
        p = dom.nodes[p].parent as usize;
    }
    // An only child stands for its parent.
    loop {
        let p = dom.nodes[top].parent as usize;
        if p == body || p == 0 || p == top {
            break;
        }
        let children = element_children(dom, p).count();
        if children != 1 {
            break;
        }
        top = p;
    }
    // Siblings that score near the top or read as paragraphs go with it.
    let top_score = if score[top].is_nan() { 0.0 } else { score[top] };
    let threshold = (top_score * 0.2).max(10.0);
    let parent = dom.nodes[top].parent as usize;
    let top_class = dom.attr(top, "class").unwrap_or("");
    // A sibling's score is its best container's: wrappers deeper than the five scored levels
    // still go with the top when the text inside them scores.
    let best_below = |s: usize| {
        let end = dom.nodes[s].end as usize;
        score[s..end]
            .iter()
            .filter(|v| !v.is_nan())
            .fold(f64::NAN, |a, &b| if a.is_nan() || b > a { b } else { a })
    };
    let mut roots = Vec::new();
    if parent == top {
        roots.push(top);
    } else {
        for s in element_children(dom, parent) {
            if s == top {
                roots.push(s);
                continue;
            }
            let node = &dom.nodes[s];
            if node.hints.unlikely && skip_unlikely {
                continue;
            }
            let bonus = if !top_class.is_empty() && dom.attr(s, "class") == Some(top_class) {
                top_score * 0.2
            } else {
                0.0
            };
            let best = best_below(s);
            let leaf = node.tag == Tag::P || (dom.stats[s].blocks == 0 && node.tag.is_block());
            if !best.is_nan() && best + bonus >= threshold {
                roots.push(s);
            } else if leaf {
                let st = &dom.stats[s];
                let ld = st.link_density();
                if st.chars > 80 && ld < 0.25 {
                    roots.push(s);
                } else if st.chars > 0 && st.chars <= 80 && ld == 0.0 {
                    let text = dom.text_of(s);
                    if text.ends_with('.') || text.contains(". ") {
                        roots.push(s);
                    }
                }
            }
        }
    }
    Some(Scores { roots, top })
}

/// The element children of `p`, in order.
pub(super) fn element_children<'d>(dom: &'d Dom<'_>, p: usize) -> impl Iterator<Item = usize> + 'd {
    let end = dom.nodes[p].end as usize;
    let mut i = p + 1;
    std::iter::from_fn(move || {
        while i < end {
            let c = i;
            i = dom.nodes[c].end as usize;
            if dom.nodes[c].tag != Tag::Text {
                return Some(c);
            }
        }
        None
    })
}

/// Elements with `itemprop="articleBody"`, outermost only, in document order.
pub(super) fn itemprop_body(dom: &Dom<'_>) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < dom.nodes.len() {
        let is_body = dom.nodes[i].el.is_some_and(|e| {
            e.attrs().any(|(name, value)| {
                name == "itemprop"
                    && value
                        .split_ascii_whitespace()
                        .any(|v| v.eq_ignore_ascii_case("articleBody"))
            })
        });
        if is_body {
            out.push(i);
            i = dom.nodes[i].end as usize;
        } else {
            i += 1;
        }
    }
    // Keep the substantial ones: a teaser or an empty shell beside the body is left out.
    let best = out.iter().map(|&i| dom.stats[i].plain()).max().unwrap_or(0);
    out.retain(|&i| dom.stats[i].plain() * 5 >= best && dom.stats[i].plain() > 0);
    out
}

/// The best element with the given tag (or ARIA role): the most text outside links, counted
/// without the text of furniture.
pub(super) fn best_semantic(dom: &Dom<'_>, tag: Tag, role: &str) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, node) in dom.nodes.iter().enumerate() {
        let matches = node.tag == tag
            || (node.tag != Tag::Text
                && dom
                    .attr(i, "role")
                    .is_some_and(|r| r.eq_ignore_ascii_case(role)));
        if !matches {
            continue;
        }
        let s = &dom.stats[i];
        // Text of nested elements of the same kind is theirs: a list of teaser cards, each an
        // <article>, is not itself the article.
        let mut nested = 0u32;
        let end = node.end as usize;
        let mut j = i + 1;
        while j < end {
            if dom.nodes[j].tag == tag {
                nested += dom.stats[j].plain();
                j = dom.nodes[j].end as usize;
            } else {
                j += 1;
            }
        }
        let good = f64::from(s.plain().saturating_sub(nested)) * (1.0 - s.link_density());
        if best.is_none_or(|(_, b)| good > b) {
            best = Some((i, good));
        }
    }
    best.map(|(i, _)| i)
}
