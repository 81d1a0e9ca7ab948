use super::*;

fn paras(doc: &Document) -> Vec<&str> {
    (0..doc.paragraphs.len())
        .map(|i| doc.paragraph(i))
        .collect()
}

#[test]
fn text_paragraphs_are_blank_line_separated_and_trimmed() {
    let doc = Document::from_text("t", "  First line\nwrapped.\n\n\n Second.  \r\n \r\nThird.");
    assert_eq!(paras(&doc), ["First line\nwrapped.", "Second.", "Third."]);
    assert_eq!(doc.extractor, "text");
    assert_eq!(doc.body_text(), doc.text);
}

#[test]
fn html_keeps_article_paragraphs_and_drops_furniture() {
    let html = r##"<html><head><title>Site | Story</title><style>p{}</style></head>
        <body><nav><p>Home News Sport</p></nav>
        <article><h1>Xi calls for effort</h1><p>First  paragraph, with <a href="#">a link</a>.</p>
        <script>var x = "<p>no</p>";</script><p>Second<br>line.</p></article>
        <footer><p>Copyright</p></footer></body></html>"##;
    let doc = Document::from_html("page.html", html);
    // The page's title is its <title> (too short to cut); the headline leads the text.
    assert_eq!(doc.title.as_deref(), Some("Site | Story"));
    assert_eq!(
        paras(&doc),
        [
            "Xi calls for effort",
            "First paragraph, with a link.",
            "Second",
            "line."
        ]
    );
    assert_eq!(doc.body_start, 1);
    assert!(doc.body_text().starts_with("First paragraph"));
}

#[test]
fn html_without_article_uses_body_and_decodes_entities() {
    let doc = Document::from_html("p", "<body><p>Caf&eacute; &amp; bar&#8217;s.</p></body>");
    assert_eq!(doc.text, "Café & bar’s.");
    assert_eq!(doc.title, None);
}

#[test]
fn deep_nesting_does_not_overflow_the_stack() {
    let depth = 100_000;
    let mut html = String::with_capacity(depth * 12 + 100);
    html.push_str("<html><body>");
    for _ in 0..depth {
        html.push_str("<div>");
    }
    html.push_str("<p>Deep inside, the story goes on, as stories do.</p>");
    for _ in 0..depth {
        html.push_str("</div>");
    }
    html.push_str("</body></html>");
    let doc = Document::from_html("deep.html", &html);
    assert_eq!(
        doc.body_text(),
        "Deep inside, the story goes on, as stories do."
    );
}

/// A body paragraph of a story, long enough to score, numbered to tell them apart.
fn story(n: usize) -> String {
    format!(
        "Paragraph {n} of the story: the council met on Monday, heard from residents, \
         weighed the budget, and voted on the plan after a long debate."
    )
}

fn story_paras(range: std::ops::Range<usize>) -> String {
    range.map(|n| format!("<p>{}</p>", story(n))).collect()
}

fn page(head: &str, body: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Council votes | Gazette</title>{head}</head><body>{body}</body></html>"
    )
}

fn json_ld(body: &str) -> String {
    format!(
        r#"<script type="application/ld+json">{}</script>"#,
        serde_json::json!({
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebPage", "name": "Gazette"},
                {"@type": "NewsArticle", "headline": "Council votes on the plan",
                 "articleBody": body, "author": {"@type": "Person", "name": "Ann Reporter"},
                 "datePublished": "2024-05-06T10:00:00Z"}
            ]
        })
    )
}

#[test]
fn json_ld_body_is_taken_when_the_page_shows_less_of_it() {
    // The page renders one paragraph (the rest comes by script); JSON-LD has all four.
    let body: Vec<String> = (1..5).map(story).collect();
    let html = page(
        &json_ld(&body.join("\n")),
        &format!(
            "<article><h1>Council votes on the plan</h1>{}</article>",
            story_paras(1..2)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "json-ld");
    assert_eq!(&paras(&doc)[1..], body);
    assert_eq!(doc.title.as_deref(), Some("Council votes on the plan"));
    assert_eq!(doc.byline.as_deref(), Some("Ann Reporter"));
    assert_eq!(doc.date.as_deref(), Some("2024-05-06T10:00:00Z"));
}

#[test]
fn json_ld_body_the_page_already_shows_keeps_the_page_paragraphs() {
    let body: Vec<String> = (1..5).map(story).collect();
    let html = page(
        &json_ld(&body.join(" ")),
        &format!("<article>{}</article>", story_paras(1..5)),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "article");
    assert_eq!(&paras(&doc)[1..], body);
}

#[test]
fn teaser_json_ld_is_rejected() {
    // Cut short with an ellipsis...
    let html = page(
        &json_ld(&format!("{} And then…", story(1))),
        &format!("<article>{}</article>", story_paras(1..2)),
    );
    assert_eq!(Document::from_html("p.html", &html).extractor, "article");
    // ... or much shorter than what the page shows.
    let html = page(
        &json_ld(&[story(1), story(2)].join("\n")),
        &format!("<article>{}</article>", story_paras(1..9)),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "article");
    assert_eq!(doc.paragraphs.len(), 9);
}

#[test]
fn json_ld_body_with_escaped_html_is_parsed_as_html() {
    let body = format!(
        "&lt;p&gt;{}&lt;/p&gt;\r\n\r\n{}&lt;br&gt;{}",
        story(1),
        story(2),
        story(3)
    );
    let html = page(&json_ld(&body), "<div><p>Loading…</p></div>");
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "json-ld");
    assert_eq!(&paras(&doc)[1..], [story(1), story(2), story(3)]);
}

#[test]
fn itemprop_article_body_is_taken_over_its_surroundings() {
    let html = page(
        "",
        &format!(
            r#"<div class="wrap"><div class="intro"><p>{}</p></div>
            <div itemprop="articleBody">{}</div>
            <div class="box"><p>{}</p></div></div>"#,
            story(0),
            story_paras(1..4),
            story(9)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "itemprop");
    assert_eq!(
        doc.body_text(),
        (1..4).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn the_article_is_chosen_inside_main_and_over_teaser_cards() {
    let cards: String = (0..4)
        .map(|n| {
            format!(
                r#"<article class="card"><h3><a href="/s{n}">Other story {n}</a></h3>
                <p>The opening words of another story, cut short with an ellipsis …</p></article>"#
            )
        })
        .collect();
    let html = page(
        "",
        &format!(
            r#"<main><div class="lead"><p>{}</p></div>
            <article><h1>Council votes on the plan</h1>{}</article>
            <section class="more">{cards}</section></main>"#,
            story(0),
            story_paras(1..4)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "article");
    assert_eq!(paras(&doc)[0], "Council votes on the plan");
    assert_eq!(&paras(&doc)[1..], (1..4).map(story).collect::<Vec<_>>());
}

#[test]
fn main_is_taken_when_there_is_no_article() {
    let html = page(
        "",
        &format!(
            r#"<div class="top"><a href="/">Home</a> <a href="/news">News</a></div>
            <main>{}</main><div class="bottom"><p>{}</p></div>"#,
            story_paras(1..4),
            story(9)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "main");
    assert_eq!(doc.paragraphs.len(), 4);
}

#[test]
fn readability_fallback_picks_the_content_div_over_a_sidebar() {
    let sidebar: String = (0..12)
        .map(|n| format!(r#"<li><a href="/t{n}">Trending headline number {n} today</a></li>"#))
        .collect();
    let html = page(
        "",
        &format!(
            r#"<div id="page"><div class="col-a"><ul>{sidebar}</ul>
            <p>Short note, with, many, commas, but one line.</p></div>
            <div class="col-b">{}</div></div>"#,
            story_paras(1..6)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "readability");
    assert_eq!(
        doc.body_text(),
        (1..6).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn furniture_inside_the_article_is_dropped() {
    let html = page(
        "",
        &format!(
            r#"<article>{}
            <div class="share-bar"><a href="/fb">Facebook</a> <a href="/tw">Twitter</a></div>
            <nav><a href="/">Home</a></nav>
            <div class="related-stories"><h2>Related</h2><p>{}</p></div>
            <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day.</p></div>
            <div id="cookie-notice"><p>We use cookies to improve your experience on our site.</p></div>
            <section class="comments"><p>Great article, thanks for writing it, I agree.</p></section>
            <form><p>Search the site for more, with our search box.</p><input name="q"></form>
            {}</article>"#,
            story_paras(1..3),
            story(8),
            story_paras(3..4)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        doc.body_text(),
        (1..4).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn a_class_word_never_drops_a_link_inside_a_sentence() {
    let html = page(
        "",
        &format!(
            r#"<article><p>Travel in <a class="tag" href="/t/space">deep space</a> is hard, as
            everyone knows, and the crew agreed.</p>{}</article>"#,
            story_paras(1..3)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert!(doc.body_text().starts_with("Travel in deep space is hard"));
}

#[test]
fn advertisement_labels_are_dropped() {
    let html = page(
        "",
        &format!(
            "<article>{}<div>Advertisement</div><p>ADVERTISEMENT</p><p>Anzeige</p>\
             <p>Story continues below advertisement</p><p>- Advertisement -</p>{}</article>",
            story_paras(1..3),
            story_paras(3..4)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        doc.body_text(),
        (1..4).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn line_breaks_split_paragraphs() {
    let html = page(
        "",
        &format!(
            "<article>{}<p>First line<br>second line<br/><br/>third line</p></article>",
            story_paras(1..3)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        &paras(&doc)[3..],
        ["First line", "second line", "third line"]
    );
}

#[test]
fn lists_headings_and_quotations_are_paragraphs() {
    let html = page(
        "",
        &format!(
            r#"<article>{}<h2>What comes next</h2>
            <ul><li>The budget goes to a second vote.</li><li>Residents may comment until June.</li></ul>
            <blockquote><p>"We listened," the mayor said.</p><p>"Now we act."</p></blockquote>
            <blockquote>Plain quoted text</blockquote>{}</article>"#,
            story_paras(1..3),
            story_paras(3..4)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        &paras(&doc)[3..8],
        [
            "What comes next",
            "The budget goes to a second vote.",
            "Residents may comment until June.",
            "\"We listened,\" the mayor said.",
            "\"Now we act.\""
        ]
    );
    assert_eq!(paras(&doc)[8], "Plain quoted text");
}

#[test]
fn captions_and_credits_are_kept_apart() {
    let html = page(
        "",
        &format!(
            r#"<article>{}<figure><img src="a.jpg"><figcaption>The council chamber on Monday.
            <span class="credit">Photo: A. Lens</span></figcaption></figure>
            <div class="wp-caption"><img src="b.jpg"><p class="wp-caption-text">Residents queue.</p></div>
            {}</article>"#,
            story_paras(1..3),
            story_paras(3..4)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        doc.body_text(),
        (1..4).map(story).collect::<Vec<_>>().join("\n\n")
    );
    assert_eq!(
        doc.captions,
        [
            "The council chamber on Monday. Photo: A. Lens",
            "Residents queue."
        ]
    );
}

#[test]
fn hidden_elements_are_dropped() {
    let html = page(
        "",
        &format!(
            r#"<article>{}<p hidden>Hidden by attribute.</p>
            <div aria-hidden="true"><p>Hidden from assistive technology.</p></div>
            <p style="display: none">Hidden by style.</p>
            <p style="visibility:hidden">Invisible by style.</p>
            <span class="sr-only">Screen readers only.</span>{}</article>"#,
            story_paras(1..3),
            story_paras(3..4)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        doc.body_text(),
        (1..4).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn a_page_hidden_whole_until_a_script_shows_it_keeps_its_text() {
    let html = page(
        "",
        &format!(
            r#"<div id="app" style="display:none"><article>{}</article></div>"#,
            story_paras(1..3)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        doc.body_text(),
        (1..3).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

/// A story section with a sign-up form inside keeps its paragraphs (the form goes alone),
/// hidden fields not counted as controls, and so does a section of long paragraphs with a
/// form of two fields; a box that is a form with a line of text goes whole.
#[test]
fn a_form_inside_a_story_section_drops_only_the_form() {
    let signup = r#"<section class="promo"><h2>Keep up with the daily email.</h2>
        <form action="/signup"><input type="email" name="email"><input type="hidden" name="list"
        value="7"><input type="hidden" name="src" value="a"><button>Sign up</button></form>
        </section>"#;
    // Two long paragraphs beside a form of two fields.
    let long_a = (11..14).map(story).collect::<Vec<_>>().join(" ");
    let long_b = (14..17).map(story).collect::<Vec<_>>().join(" ");
    let html = page(
        "",
        &format!(
            r#"<article><section>{}</section><section>{}{signup}{}</section>
            <section><p>{long_a}</p><p>{long_b}</p><form action="/poll"><input name="a">
            <input name="b"></form></section>
            <div class="box"><p>Search the archive.</p><input type="search"><input type="hidden"
            name="q"><button>Go</button></div></article>"#,
            story_paras(1..8),
            story_paras(8..9),
            story_paras(9..11)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    let body = doc.body_text();
    let mut want: Vec<String> = (1..11).map(story).collect();
    want.extend([long_a, long_b]);
    assert_eq!(body, want.join("\n\n"), "{body}");
}

/// A hidden block as long as the visible story beside it (an unopened "read more", a second
/// version kept for a script) stays out: only a block that holds nearly all of the page's
/// text (three quarters) is taken for a page hidden whole.
#[test]
fn a_hidden_block_as_long_as_the_story_stays_out() {
    let html = page(
        "",
        &format!(
            r#"<article><div style="visibility: hidden;">{}</div><div>{}</div></article>"#,
            story_paras(3..6),
            story_paras(1..3)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        doc.body_text(),
        (1..3).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn headline_standfirst_byline_and_datelines_stay_out_of_the_body() {
    let html = page(
        r#"<meta name="author" content="Ann Reporter">"#,
        &format!(
            r#"<article><header><h1>Council votes on the plan</h1>
            <p class="byline">By Ann Reporter</p></header>
            <h2 class="article-dek">The plan passed after a long night of debate in the chamber.</h2>
            <p>Nov. 20, 2019, 9:28 AM UTC</p>{}<p>Updated at 1:23 p.m.</p></article>"#,
            story_paras(1..4)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.title.as_deref(), Some("Council votes | Gazette"));
    assert_eq!(paras(&doc)[0], "Council votes on the plan");
    assert_eq!(
        doc.body_text(),
        (1..4).map(story).collect::<Vec<_>>().join("\n\n")
    );
    assert_eq!(doc.byline.as_deref(), Some("Ann Reporter"));
}

#[test]
fn datelines_need_a_time_or_a_numeric_date() {
    assert!(clean::is_dateline("Nov. 20, 2019, 9:28 AM UTC"));
    assert!(clean::is_dateline("2018-08-16"));
    assert!(clean::is_dateline(
        "05/10/2018 - Publicado por: Clarissa Borba"
    ));
    assert!(!clean::is_dateline("In 2019, 20 people died."));
    assert!(!clean::is_dateline("Pi is 3.14159 and e is 2.718."));
}

#[test]
fn text_set_with_line_breaks_in_a_div_is_found_and_split() {
    // Old blogs and portals: no <p>, only text and <br> in a div, beside a link-heavy menu.
    let menu: String = (0..10)
        .map(|n| format!(r#"<a href="/c{n}">栏目{n}</a> "#))
        .collect();
    let text = "今天上午，市议会召开会议，讨论了明年的预算方案，并听取了居民的意见。";
    let html = page(
        "",
        &format!(
            r#"<div id="menu">{menu}</div><div id="content">{text}<br><br>{text}<br>{text}</div>
            <div id="footer">版权所有</div>"#
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(doc.extractor, "readability");
    assert_eq!(&paras(&doc)[1..], [text, text, text]);
}

#[test]
fn invisible_characters_neither_split_nor_glue_words() {
    let doc = Document::from_html(
        "p.html",
        "<body><p>exam\u{AD}ple one\u{200B}two 🏳️\u{200D}🌈 می\u{200C}خواهم</p><p>\u{200B}</p></body>",
    );
    assert_eq!(doc.text, "example one two 🏳️\u{200D}🌈 می\u{200C}خواهم");
}

#[test]
fn odd_pages_give_text_or_nothing_without_panicking() {
    for html in [
        "",
        "hello",
        "<html>",
        "<head><title>Only a title</title></head>",
        "<svg><text>drawn</text></svg>",
        "<frameset><frame src=a></frameset>",
        "<body hidden><p>all hidden</p></body>",
        "<table><tr><td>cell one, two</td><td>three</td></tr></table>",
        r#"<script type="application/ld+json">{"@type":"NewsArticle","articleBody":</script>"#,
        "<p>a<p>b<li>c<dd>d</table></div></span>",
    ] {
        let doc = Document::from_html("odd.html", html);
        assert!(
            doc.paragraphs.iter().all(|r| r.end <= doc.text.len()),
            "{html}"
        );
    }
    assert_eq!(Document::from_html("t", "hello").text, "hello");
    let doc = Document::from_html("t", "<head><title>Only a title</title></head>");
    assert_eq!(doc.text, "Only a title");
    assert_eq!(doc.body_text(), "");
}

#[test]
fn a_page_wrapped_whole_in_a_furniture_class_is_still_read() {
    let html = page(
        "",
        &format!(
            r#"<div class="layout-with-sidebar"><div class="col">{}</div>
            <div class="col2"><a href="/a">A link</a></div></div>"#,
            story_paras(1..8)
        ),
    );
    let doc = Document::from_html("p.html", &html);
    assert_eq!(
        doc.body_text(),
        (1..8).map(story).collect::<Vec<_>>().join("\n\n")
    );
}

#[test]
fn line_ends_of_every_system_become_newlines() {
    assert_eq!(
        unix_newlines("One.\r\nTwo.\rThree.\n\r\n".into()),
        "One.\nTwo.\nThree.\n\n"
    );
    assert_eq!(
        unix_newlines("No return here.\n".into()),
        "No return here.\n"
    );
    let doc = Document::from_text("t", "First.\r\rSecond.\r\n\r\nThird.");
    assert_eq!(paras(&doc), ["First.", "Second.", "Third."]);
}

#[test]
fn preformatted_text_keeps_its_lines_and_blank_lines_end_paragraphs() {
    // An old wire page: the story typed into <pre>, wrapped at 72 columns.
    let html = "<HTML><HEAD><TITLE>AP -- Court hears pancake case</TITLE></HEAD><BODY>\n\
        <H1>Worker spiked pancakes with glass, court hears</H1>\n<PRE>\n\
        LONDON (AP) -- A disgruntled worker contaminated thousands of savoury\n\
        pancakes with glass after he was told he was to be made redundant, a\n\
        court heard today.\n\n\
        The man, 41, denies the charge.<BR>The trial continues.\n\n\n\
        </PRE>\n<P>Copyright 1999 The Associated Press.</P></BODY></HTML>";
    let doc = Document::from_html("wire.html", html);
    assert_eq!(
        paras(&doc),
        [
            "Worker spiked pancakes with glass, court hears",
            "LONDON (AP) -- A disgruntled worker contaminated thousands of savoury\n\
             pancakes with glass after he was told he was to be made redundant, a\n\
             court heard today.",
            "The man, 41, denies the charge.\nThe trial continues.",
            "Copyright 1999 The Associated Press.",
        ]
    );
    // The wrapped lines are one sentence, as in a plain-text wire file.
    let sentences = crate::sentences::segment(&doc);
    let texts: Vec<&str> = sentences.iter().map(|s| s.text(&doc)).collect();
    assert!(
        texts.contains(
            &"A disgruntled worker contaminated thousands of savoury\n\
              pancakes with glass after he was told he was to be made redundant, a\n\
              court heard today."
        ),
        "{texts:?}"
    );
}

/// A block styled `white-space: pre-wrap` (or `pre`, `pre-line`) keeps its lines as `<pre>`
/// does; other white-space values, and a style that only names the property elsewhere, do
/// not.
#[test]
fn a_block_styled_to_keep_its_lines_reads_as_preformatted() {
    for style in [
        "white-space: pre-wrap",
        "WHITE-SPACE:pre !important",
        "color:red; white-space:pre-line",
    ] {
        let html = page(
            "",
            &format!(
                "<article><h1>Budget vote</h1><div style=\"{style}\">The council met on Monday.\n\
                 It voted on the plan.\n\nThe vote was close.</div></article>"
            ),
        );
        let doc = Document::from_html("pre.html", &html);
        assert_eq!(
            paras(&doc)[1..],
            [
                "The council met on Monday.\nIt voted on the plan.",
                "The vote was close."
            ],
            "{style}"
        );
    }
    let html = page(
        "",
        "<article><h1>Budget vote</h1><div style=\"white-space: nowrap\">The council met on \
         Monday.\nIt voted on the plan.\n\nThe vote was close.</div></article>",
    );
    let doc = Document::from_html("nowrap.html", &html);
    assert_eq!(
        paras(&doc)[1..],
        ["The council met on Monday. It voted on the plan. The vote was close."]
    );
}

#[test]
fn a_page_whose_text_is_all_links_or_headings_still_has_text() {
    let link = page(
        "<title>Replace javascript: links</title>",
        r#"<a href="javascript:"><p>abc</p><p>def</p>ghi</a>"#,
    );
    let doc = Document::from_html("links.html", &link);
    assert_eq!(doc.extractor, "visible");
    assert_eq!(paras(&doc)[1..], ["abc", "def", "ghi"]);

    let headings = page(
        "<title>Lazy images</title>",
        r#"<article><h2>Test Case 1</h2><img src="a.jpg"><h2>Test Case 2</h2></article>"#,
    );
    let doc = Document::from_html("headings.html", &headings);
    assert_eq!(paras(&doc)[1..], ["Test Case 1", "Test Case 2"]);

    // A page with an article keeps its furniture out, as before.
    let article = page(
        "",
        &format!("<nav><a href='/'>Home</a></nav>{}", story_paras(1..4)),
    );
    let doc = Document::from_html("story.html", &article);
    assert_ne!(doc.extractor, "visible");
    assert!(!doc.text.contains("Home"), "{}", doc.text);
}

/// A page with this head, then this body before two paragraphs of a story.
fn story_page(head: &str, body: &str) -> Document {
    let html = format!(
        "<html><head>{head}</head><body>{body}{}</body></html>",
        story_paras(1..3)
    );
    Document::from_html("page.html", &html)
}

#[test]
fn the_title_is_the_pages_own_in_readabilitys_order() {
    let title = |head: &str, body: &str| story_page(head, body).title;
    // Meta tags before <title>: Dublin Core, then Open Graph, then Twitter.
    let metas = r#"<title>A page title of several words | Site</title>
        <meta name="twitter:title" content="Twitter title">
        <meta property="og:title" content="Open Graph title">"#;
    assert_eq!(title(metas, "").as_deref(), Some("Open Graph title"));
    let dc = format!(r#"{metas}<meta name="DC.title" content="Dublin Core title">"#);
    assert_eq!(title(&dc, "").as_deref(), Some("Dublin Core title"));
    // <title> alone: the site's name cut at the last spaced separator...
    let t = "<title>Council votes on the library plan | The Gazette</title>";
    assert_eq!(
        title(t, "").as_deref(),
        Some("Council votes on the library plan")
    );
    // ...but not when four words or fewer would be left.
    let t = "<title>Council votes | The Gazette</title>";
    assert_eq!(title(t, "").as_deref(), Some("Council votes | The Gazette"));
    // "Site: Headline" loses the site, unless a heading reads the whole.
    let t = "<title>Gazette: Council votes on the library plan</title>";
    assert_eq!(
        title(t, "").as_deref(),
        Some("Council votes on the library plan")
    );
    let h = "<h1>Gazette: Council votes on the library plan</h1>";
    assert_eq!(
        title(t, h).as_deref(),
        Some("Gazette: Council votes on the library plan")
    );
    // JSON-LD first: its name, unless only its headline reads like the <title>.
    let ld = |name: &str, headline: &str| {
        format!(
            r#"<title>New Zealand - Wikipedia</title><script type="application/ld+json">
            {{"@type": "Article", "name": "{name}", "headline": "{headline}"}}</script>"#
        )
    };
    let wiki = ld("New Zealand", "constitutional monarchy in Oceania");
    assert_eq!(title(&wiki, "").as_deref(), Some("New Zealand"));
    let news = ld("The Gazette", "Council votes on the library plan");
    let news = news.replace(
        "New Zealand - Wikipedia",
        "Council votes on the library plan - The Gazette",
    );
    assert_eq!(
        title(&news, "").as_deref(),
        Some("Council votes on the library plan")
    );
}

#[test]
fn the_byline_is_the_pages_author_in_readabilitys_order() {
    let byline = |head: &str, body: &str| story_page(head, body).byline;
    // Meta tags: Dublin Core before a plain author, whatever their order on the page.
    let metas = r#"<meta name="author" content="Meta Author">
        <meta property="dc:creator og:whatever" content="Dublin Core Author">"#;
    assert_eq!(byline(metas, "").as_deref(), Some("Dublin Core Author"));
    // None in the head: the first element the page marks as the author's, anywhere.
    let header = r#"<header><div class="post-byline">By <span itemprop="author"><span
        itemprop="name">Ann Reporter</span></span> · 3 hours ago</div></header>"#;
    assert_eq!(byline("", header).as_deref(), Some("Ann Reporter"));
    let rel = r#"<p>Story by <a rel="author" href="/ann">Ann Reporter</a></p>"#;
    assert_eq!(byline("", rel).as_deref(), Some("Ann Reporter"));
    // A long "author" box is a biography, not a byline.
    let bio = format!(r#"<div class="author-bio">{} {}</div>"#, story(8), story(9));
    assert_eq!(byline("", &bio), None);
}

#[test]
fn br_chains_bare_body_text_and_layout_tables_keep_their_paragraphs() {
    // Text straight in <body>, paragraphs made by <br><br>, a headline in <h1>.
    let bare = "<html><body><h1>Council closes library</h1>\
        The city council voted on Tuesday to close the Elm Street library after a long debate \
        about the budget.<br><br>Council member Dana Ortiz said the building needed repairs the \
        city could not afford this year.<br><br>Readers will be sent to the Main Street branch \
        from March, the council said.</body></html>";
    let doc = Document::from_html("bare.html", bare);
    let got = paras(&doc);
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(got[0], "Council closes library");
    assert!(got[1].starts_with("The city council voted") && got[1].ends_with("budget."));
    assert!(got[3].starts_with("Readers will be sent"));

    // The same story in the middle cell of a layout table, links to the left.
    let table = format!(
        "<html><body><table><tr><td><a href='/'>Home</a><br><a href='/news'>News</a></td>\
         <td>{}</td></tr></table></body></html>",
        &bare["<html><body>".len()..bare.len() - "</body></html>".len()]
    );
    let doc = Document::from_html("table.html", &table);
    assert_eq!(paras(&doc), got, "cells are read as the page's blocks");
}

#[test]
fn a_section_named_after_its_heading_is_not_furniture_by_that_name() {
    // Documentation generators make a section's id from its heading; "sharing" and "shared"
    // are share-bar words, but here they name what the section is about.
    let section = |id: &str, heading: &str, words: &str| {
        format!(
            "<div class=\"section\" id=\"{id}\"><h2>{heading}</h2><p>{words} The simplest case \
             is a single developer working across two computers, pushing draft changes from a \
             laptop to a test server and back again, with every change kept.</p></div>"
        )
    };
    let html = format!(
        "<html><body><div class=\"body\"><h1>Evolve: shared mutable history</h1>{}{}\
         <div id=\"comments\"><h2>Comments</h2><p>Great post, thanks for writing it up, it helped \
         me a great deal with my own repositories at work and at home.</p></div></div></body></html>",
        section(
            "evolve-shared-mutable-history",
            "Evolve: Shared Mutable History",
            "Once you have mastered mutable history, move on."
        ),
        section(
            "sharing-with-a-single-developer",
            "Sharing with a single developer",
            "Say you work on code that must be tested remotely."
        ),
    );
    let doc = Document::from_html("manual.html", &html);
    assert!(doc.text.contains("Once you have mastered"), "{}", doc.text);
    assert!(doc.text.contains("Say you work on code"), "{}", doc.text);
    // An id of one word keeps its meaning whatever its heading: comments stay out.
    assert!(!doc.text.contains("Great post"), "{}", doc.text);
}

#[test]
fn a_list_that_says_something_around_its_links_stays_and_a_list_of_links_goes() {
    // Who fixed what, each bug's title a link: about three quarters of the list is links.
    let fixed = [
        (
            "Ankush Dua",
            "fixed an issue with revoked permissions for extensions",
        ),
        (
            "Gero",
            "removed the window type attribute from dialogs that did not need it",
        ),
        (
            "Manekenpix",
            "converted some developer tools code to use promises",
        ),
    ]
    .map(|(who, what)| format!("<li>{who} <a href=\"/bug\">{what}</a></li>"))
    .concat();
    let related = [
        "Council to vote again",
        "Budget row deepens",
        "Mayor speaks out",
    ]
    .map(|t| format!("<li><a href=\"/s\">{t}</a></li>"))
    .concat();
    let html = page(
        "",
        &format!(
            "<article>{}<ul>{fixed}</ul>{}<ul>{related}</ul></article>",
            story_paras(1..3),
            story_paras(3..5)
        ),
    );
    let doc = Document::from_html("blog.html", &html);
    assert!(
        doc.text.contains("Ankush Dua fixed an issue"),
        "{}",
        doc.text
    );
    assert!(doc.text.contains("Manekenpix converted"), "{}", doc.text);
    assert!(!doc.text.contains("Budget row deepens"), "{}", doc.text);
}

#[test]
fn a_paragraph_of_links_that_reads_as_a_sentence_stays() {
    // Sites link most of what they add to wire copy; such a paragraph must reach the
    // comparison. A teaser line of links still goes.
    let body = format!(
        "<article>{}<p>Some have accused <a href=\"/t/z\">current Ukrainian President \
         Volodymyr Zelenskyy</a>, a <a href=\"/tv\">former television actor</a>, of being a \
         <a href=\"/p\">puppet for this globalist cabal</a>.</p>\
         <p><strong>RELATED:</strong> <a href=\"/x\">Soros Group Funds Riots in Kiev</a></p>{}\
         </article>",
        story_paras(0..3),
        story_paras(3..6)
    );
    let doc = Document::from_html("page.html", &page("", &body));
    let text = paras(&doc);
    assert!(
        text.contains(
            &"Some have accused current Ukrainian President Volodymyr Zelenskyy, a \
                        former television actor, of being a puppet for this globalist cabal."
        ),
        "{text:?}"
    );
    assert!(!text.iter().any(|p| p.contains("RELATED")), "{text:?}");
}

#[test]
fn a_hover_card_of_links_inside_a_sentence_goes_and_the_name_stays() {
    // The Hill's people cards: the name's link, then a block of its related headlines.
    let card = "<span class=\"rollover-people\"><a href=\"/people/omar\">Ilhan Omar</a>\
                <span class=\"rollover-people-block\"><span class=\"rollover-block\"><span>\
                <a class=\"name\" href=\"/people/omar\">Ilhan Omar</a>\
                <a href=\"/a\">Hillicon Valley: Progressives oppose funding bill</a> \
                <a href=\"/b\">Progressives oppose spending stopgap measure</a> \
                <a class=\"more\" href=\"/people/omar\">MORE</a></span></span></span></span>";
    let body = format!(
        "<article><p>A New York man pleaded guilty to charges he threatened to kill Rep. \
         {card} (D-Minn.), prosecutors announced Monday.</p>{}</article>",
        story_paras(0..4)
    );
    let doc = Document::from_html("page.html", &page("", &body));
    assert_eq!(
        paras(&doc)[doc.body_start],
        "A New York man pleaded guilty to charges he threatened to kill Rep. Ilhan Omar \
         (D-Minn.), prosecutors announced Monday."
    );
}
