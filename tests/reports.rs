//! The reports people read: the HTML redline on the seed pair, and hostile article text
//! (markup, event handlers, `javascript:` links, terminal escapes) in every output format.

mod common;

use std::path::{Path, PathBuf};
use std::process::Output;

use scraper::{Html, Selector};

fn run(args: &[&str], files: &[PathBuf]) -> Output {
    common::compare(args, files).output().expect("run wirediff")
}

fn html_report(files: &[PathBuf]) -> (Html, String) {
    let out = run(&["--format", "html"], files);
    assert_eq!(
        out.status.code(),
        Some(1),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    (Html::parse_document(&text), text)
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("selector")
}

fn text_of(el: scraper::ElementRef<'_>) -> String {
    el.text().collect()
}

/// Nothing in the page can run or load: no script, no element that fetches, no event
/// handler, no link but in-page anchors and http(s), and a policy that forbids the rest.
fn assert_inert(doc: &Html, raw: &str) {
    for tag in [
        "script", "iframe", "img", "object", "embed", "link", "frame", "video", "audio", "source",
        "form", "base", "svg", "math",
    ] {
        assert_eq!(doc.select(&sel(tag)).count(), 0, "a <{tag}> element");
    }
    for el in doc
        .root_element()
        .descendants()
        .filter_map(scraper::ElementRef::wrap)
    {
        for (name, value) in el.value().attrs() {
            assert!(!name.starts_with("on"), "event handler {name}={value}");
            assert!(name != "src" && name != "srcset", "{name}={value}");
            if name == "href" {
                assert!(
                    value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("http://"),
                    "href={value}"
                );
            }
            if name == "style" {
                assert!(!value.contains("url("), "style={value}");
            }
        }
    }
    let csp = doc
        .select(&sel("meta[http-equiv=\"Content-Security-Policy\"]"))
        .next()
        .expect("a Content-Security-Policy");
    assert!(
        csp.value()
            .attr("content")
            .unwrap()
            .contains("default-src 'none'")
    );
    assert!(
        !raw.contains('\x1b') && !raw.contains('\x07'),
        "raw escapes"
    );
}

#[test]
fn seed_html_report_shows_both_sides_and_marks_the_soros_paragraph() {
    let (doc, raw) = html_report(&common::pair_files("seed"));
    assert_inert(&doc, &raw);
    assert!(raw.starts_with("<!DOCTYPE html>"));
    // The header names the adapted article and both originals, numbered.
    let sources = text_of(doc.select(&sel("ul.sources")).next().expect("sources"));
    assert!(sources.contains("adapted.txt"), "{sources}");
    assert!(sources.contains("Original [1]:") && sources.contains("original-1.txt"));
    assert!(sources.contains("Original [2]:") && sources.contains("original-2.txt"));
    // Two text columns under their headings.
    let heads: Vec<String> = doc
        .select(&sel("table.redline thead th"))
        .map(text_of)
        .collect();
    assert_eq!(
        heads,
        ["Passage", "Original (wire copy)", "Adapted article"]
    );
    // The Soros paragraph is an inserted row: text on the adapted side, nothing on the left.
    let inserted: Vec<_> = doc.select(&sel("tr.inserted")).collect();
    let soros = inserted
        .iter()
        .find(|r| text_of(**r).contains("George Soros"))
        .expect("the Soros paragraph is inserted");
    let left = soros.select(&sel("td.original")).next().unwrap();
    assert!(left.value().classes().any(|c| c == "empty"));
    assert!(text_of(left).trim().is_empty());
    let right = text_of(soros.select(&sel("td.adapted")).next().unwrap());
    assert!(
        right.contains("billionaire oligarch George Soros"),
        "{right}"
    );
    assert!(
        right.contains("loaded:"),
        "the loaded signal is shown: {right}"
    );
    assert!(
        inserted
            .iter()
            .any(|r| text_of(*r).contains("globalist cabal")),
        "the cabal sentence is inserted"
    );
    // Removed wire copy sits on the original's side, the adapted side empty.
    let removed = doc
        .select(&sel("tr.removed"))
        .find(|r| text_of(*r).contains("Xi's statement reflects official Chinese anxiety"))
        .expect("a removed AP sentence");
    assert!(text_of(removed.select(&sel("td.adapted")).next().unwrap()).is_empty());
    // A rewording shows the deleted words on the left and the added ones on the right.
    let reworded = doc
        .select(&sel("tr.reworded"))
        .find(|r| text_of(*r).contains("did not elaborate"))
        .expect("the 'did not elaborate' rewording");
    let del: Vec<String> = reworded
        .select(&sel("td.original del"))
        .map(text_of)
        .collect();
    let ins: Vec<String> = reworded
        .select(&sel("td.adapted ins"))
        .map(text_of)
        .collect();
    assert_eq!(
        (del.join("|"), ins.join("|")),
        ("gave no details".into(), "did not elaborate".into())
    );
    // Every row is one segment: as many rows as the JSON report has segments, the truncated
    // tail and moved markers aside (the seed has neither).
    let (json, _) = common::compare_json(&common::pair_files("seed"));
    let segments = common::segments(&json).len();
    assert_eq!(doc.select(&sel("tbody tr")).count(), segments);
    // The share bar adds up to the whole article.
    let total: f64 = doc
        .select(&sel(".bar span"))
        .map(|s| {
            let style = s.value().attr("style").unwrap();
            style["width:".len()..style.len() - 1]
                .parse::<f64>()
                .unwrap()
        })
        .sum();
    assert!((total - 100.0).abs() < 0.5, "bar widths sum to {total}");
}

/// A reworded passage's badge says why it was paired, as a tooltip; no other badge does.
#[test]
fn html_reworded_badges_say_why_they_were_paired() {
    let (doc, _) = html_report(&common::pair_files("seed"));
    let mut hints = Vec::new();
    for badge in doc.select(&sel("td.kind .badge")) {
        let reworded = badge.value().classes().any(|c| c == "reworded");
        match badge.value().attr("title") {
            Some(t) => {
                assert!(reworded, "{t}");
                assert!(t.starts_with("Paired by "), "{t}");
                hints.push(t.to_string());
            }
            None => assert!(!reworded, "a reworded badge without a hint"),
        }
    }
    assert!(
        hints.iter().any(|t| t.starts_with("Paired by position")),
        "{hints:?}"
    );
    assert!(hints.iter().any(|t| t.contains("Names: xi")), "{hints:?}");
}

#[test]
fn html_moved_passages_link_both_ways() {
    let dir = common::pair("move");
    let (doc, raw) = html_report(&[dir.join("original.txt"), dir.join("adapted.txt")]);
    assert_inert(&doc, &raw);
    let marks: Vec<_> = doc.select(&sel("tr.moved-from")).collect();
    let moved: Vec<_> = doc.select(&sel("tr.moved")).collect();
    assert!(!moved.is_empty(), "the move fixture has moved passages");
    assert_eq!(marks.len(), moved.len(), "one marker per moved passage");
    let ids: std::collections::HashSet<&str> = doc
        .select(&sel("[id]"))
        .map(|e| e.value().attr("id").unwrap())
        .collect();
    for a in doc.select(&sel("a[href^=\"#\"]")) {
        let target = &a.value().attr("href").unwrap()[1..];
        assert!(ids.contains(target), "dangling link #{target}");
    }
    for row in &moved {
        let id = row.value().attr("id").unwrap();
        let back = format!("a[href=\"#from-{id}\"]");
        assert_eq!(
            row.select(&sel(&back)).count(),
            1,
            "{id} links to its old place"
        );
    }
}

#[test]
fn html_folds_the_tail_a_copy_never_reaches() {
    let dir = tempfile::tempdir().unwrap();
    let files = common::write_pair(
        dir.path(),
        "The council voted on Monday to close the bridge.\n\nRepairs will take two years, officials said.\n\n\
         Traffic will be routed through the east side.\n\nBus lines 4 and 7 change their routes in May.\n\n\
         A public meeting is planned for June 3.\n",
        "The council voted on Monday to close the bridge.\n\nRepairs will take two years, officials said.\n",
    );
    let (doc, raw) = html_report(&files);
    assert_inert(&doc, &raw);
    let tail: Vec<_> = doc.select(&sel("tr.truncated")).collect();
    assert_eq!(tail.len(), 1, "one folded row");
    let text = text_of(tail[0]);
    assert!(text.contains("stops here: the last 3 sentences"), "{text}");
    assert!(
        text.contains("A public meeting is planned for June 3."),
        "{text}"
    );
    assert_eq!(doc.select(&sel("tr.unchanged")).count(), 2);
}

/// Article text that tries to run script, load things and drive the terminal.
const HOSTILE: &str = "Officials confirmed the figures on Monday.\n\n\
<script>document.title='PWNED';alert(1)</script> The mayor \x1b[31mdenied\x1b[0m the report.\x1b]0;pwned\x07\n\n\
<img src=x onerror=alert(2)> <a href=\"javascript:alert(3)\">Read more</a> \u{202E}txt.exe\u{202C} **bold** [link](javascript:alert(4))\n";

/// The wire copy the hostile articles and pages adapt.
const WIRE: &str = "Officials confirmed the figures on Monday.\n\nThe mayor denied the report.\n";

fn hostile_pair(dir: &Path) -> Vec<PathBuf> {
    vec![
        common::write_file(dir, "wire.txt", WIRE),
        // The file name is hostile too: it is shown in every report's header.
        common::write_file(dir, "<img src=x onerror=alert(5)>.txt", HOSTILE),
    ]
}

/// SGR sequences (`ESC [ digits ; ... m`) are the only escapes a colored report may hold.
fn only_sgr(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == 0x1b {
            if b.get(i + 1) != Some(&b'[') {
                return false;
            }
            let mut j = i + 2;
            while j < b.len() && (b[j].is_ascii_digit() || b[j] == b';') {
                j += 1;
            }
            if b.get(j) != Some(&b'm') {
                return false;
            }
            i = j;
        }
        i += 1;
    }
    true
}

#[test]
fn hostile_article_text_is_inert_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let files = hostile_pair(dir.path());
    let (doc, raw) = html_report(&files);
    assert_inert(&doc, &raw);
    assert_eq!(
        text_of(doc.select(&sel("title")).next().unwrap()),
        "wirediff: ".to_string() + &files[1].display().to_string()
    );
    // The markup arrives as text the reader can see.
    let body = text_of(doc.select(&sel("table.redline")).next().unwrap());
    assert!(
        body.contains("<script>document.title='PWNED';alert(1)</script>"),
        "{body}"
    );
    assert!(body.contains("<img src=x onerror=alert(2)>"), "{body}");
    assert!(
        body.contains("\\u{1b}[31m"),
        "ESC shown as an escape: {body}"
    );
    assert!(
        body.contains("\\u{202e}"),
        "the override shown as an escape: {body}"
    );

    for (args, colored) in [
        (&["--format", "terminal", "--color", "never"][..], false),
        (&["--format", "terminal", "--color", "always"][..], true),
        (
            &["--side-by-side", "--width", "80", "--color", "never"][..],
            false,
        ),
        (
            &["--side-by-side", "--width", "80", "--color", "always"][..],
            true,
        ),
        (&["--format", "markdown"][..], false),
        (&["--format", "json"][..], false),
        (&["--summary", "--color", "always"][..], true),
    ] {
        let out = run(args, &files);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            !text.contains('\x07') && !text.contains('\u{202E}'),
            "{args:?}: {text}"
        );
        if colored {
            assert!(only_sgr(&text), "{args:?}: a non-SGR escape: {text:?}");
        } else {
            assert!(!text.contains('\x1b'), "{args:?}: {text:?}");
        }
        if args.contains(&"markdown") {
            assert!(
                !text.contains("<script") && !text.contains("<img"),
                "{text}"
            );
            let live = text
                .match_indices("](")
                .any(|(i, _)| !text[..i].ends_with('\\'));
            assert!(!live, "a live link: {text}");
        }
    }
}

#[test]
fn hostile_html_page_is_inert_in_the_html_report() {
    let dir = tempfile::tempdir().unwrap();
    let original = common::write_file(dir.path(), "wire.txt", WIRE);
    let page = common::write_file(
        dir.path(),
        "page.html",
        r#"<html><head><title>Figures &lt;script&gt;alert(0)&lt;/script&gt;</title>
<script>alert(1)</script><link rel="stylesheet" href="https://evil.example/x.css"></head>
<body onload="alert(2)"><article>
<p>Officials confirmed the figures on Monday.</p>
<p onclick="alert(3)">The mayor <img src="https://evil.example/p.gif" onerror="alert(4)">denied the report. &lt;script&gt;alert(5)&lt;/script&gt;</p>
<p><a href="javascript:alert(6)">Critics</a> called it a <b style="background:url(https://evil.example/b)">cover-up</b>.</p>
</article></body></html>"#,
    );
    let (doc, raw) = html_report(&[original, page]);
    assert_inert(&doc, &raw);
    assert!(
        !raw.contains("evil.example"),
        "nothing from the page's markup survives"
    );
    let body = text_of(doc.select(&sel("table.redline")).next().unwrap());
    assert!(
        body.contains("<script>alert(5)</script>"),
        "the page's text is kept: {body}"
    );
    assert!(body.contains("Critics called it a cover-up."), "{body}");
    let title = text_of(doc.select(&sel("title")).next().unwrap());
    assert_eq!(title, "Figures <script>alert(0)</script>");
}

#[test]
fn html_report_written_to_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seed.html");
    let out = run(
        &["--format", "html", "-o", path.to_str().unwrap()],
        &common::pair_files("seed"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let page = std::fs::read_to_string(&path).unwrap();
    assert!(page.contains("George Soros") && page.trim_end().ends_with("</html>"));
}
