//! The index on small archives built in the test: identity, commits, readers beside a
//! writer, damaged and foreign directories, ranking and selection.

use std::path::Path;

use super::*;
use crate::error::{Error, IndexError};
use crate::extract::Document;

/// A file of the seed pair, `fixtures/pairs/seed/NAME`.
fn seed(name: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/pairs/seed");
    std::fs::read_to_string(dir.join(name)).expect("the seed pair")
}

fn wire(id: &str, text: &str) -> WireDoc {
    WireDoc {
        id: id.to_string(),
        url: None,
        document: Document::from_text(id, text),
    }
}

/// Stories on one subject that share names but not sentences, so that only alignment tells
/// which one an article was built from.
const LEAD: &str = "The city council voted on Tuesday to close the Elm Street library. \
    Council member Dana Ortiz said the building needed repairs the city could not afford. \
    Readers will be sent to the Main Street branch from March.\n\n\
    The library opened in 1931 and holds 40,000 books.";
const RIVAL: &str = "Dana Ortiz, a council member, has long argued for new libraries. \
    Ortiz grew up near Elm Street and borrowed her first book there. \
    She now chairs the council's budget committee, which meets on Thursdays.";
const OTHER: &str = "Heavy rain flooded roads across the county on Monday. \
    Firefighters rescued two drivers from cars stranded in water.";

fn index_of(dir: &Path, docs: &[WireDoc]) -> Index {
    {
        let index = Index::create(dir).expect("create");
        let mut w = index.writer().expect("writer");
        for d in docs {
            w.add(d.clone()).expect("add");
        }
        w.commit().expect("commit");
    }
    Index::open(dir).expect("open")
}

fn ids(hits: &[Hit]) -> Vec<&str> {
    hits.iter().map(|h| h.id.as_str()).collect()
}

#[test]
fn the_story_an_article_copied_ranks_above_one_that_shares_its_names() {
    let dir = tempfile::tempdir().unwrap();
    let index = index_of(
        dir.path(),
        &[
            wire("rival", RIVAL),
            wire("lead", LEAD),
            wire("other", OTHER),
        ],
    );
    let article = Document::from_text(
        "site.txt",
        "The city council voted on Tuesday to close the Elm Street library. \
         Council member Dana Ortiz said the building needed repairs the city could not afford. \
         Globalists are behind the closure, critics say.",
    );
    let hits = index.find(&article, &FindOptions::default()).unwrap();
    assert_eq!(ids(&hits).first(), Some(&"lead"));
    let lead = &hits[0];
    assert!(
        lead.coverage > 0.6 && lead.coverage < 0.9,
        "{}",
        lead.coverage
    );
    assert_eq!(lead.passages.len(), 2);
    assert!(
        lead.passages[0]
            .adapted
            .starts_with("The city council voted")
    );
    assert!(!ids(&hits).contains(&"other"), "{:?}", ids(&hits));
}

#[test]
fn adding_an_id_again_replaces_the_document() {
    let dir = tempfile::tempdir().unwrap();
    index_of(dir.path(), &[wire("a", LEAD), wire("b", OTHER)]);
    let index = Index::create(dir.path()).unwrap();
    assert_eq!(index.len(), 2);
    {
        let mut w = index.writer().unwrap();
        assert_eq!(w.add(wire("a", RIVAL)).unwrap(), Added::Replaced);
        assert_eq!(w.add(wire("c", OTHER)).unwrap(), Added::New);
        assert_eq!(w.add(wire("c", OTHER)).unwrap(), Added::Replaced);
        w.commit().unwrap();
    }
    let index = Index::open(dir.path()).unwrap();
    assert_eq!(index.len(), 3);
    let article = Document::from_text("q.txt", RIVAL);
    let hits = index.find(&article, &FindOptions::default()).unwrap();
    assert_eq!(ids(&hits), ["a"]);
    assert_eq!(hits[0].document.text, RIVAL);
}

#[test]
fn a_writer_dropped_before_its_commit_leaves_the_last_commit() {
    let dir = tempfile::tempdir().unwrap();
    index_of(dir.path(), &[wire("a", LEAD)]);
    {
        let index = Index::open(dir.path()).unwrap();
        let mut w = index.writer().unwrap();
        w.add(wire("b", OTHER)).unwrap();
        w.add(wire("a", RIVAL)).unwrap();
        // Killed here: no commit.
    }
    let index = Index::open(dir.path()).unwrap();
    assert_eq!(index.len(), 1);
    let hits = index
        .find(&Document::from_text("q.txt", LEAD), &FindOptions::default())
        .unwrap();
    assert_eq!(hits[0].document.text, LEAD);
}

#[test]
fn readers_read_while_a_writer_holds_the_index_and_a_second_writer_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    index_of(dir.path(), &[wire("a", LEAD)]);
    let index = Index::open(dir.path()).unwrap();
    let mut w = index.writer().unwrap();
    w.add(wire("b", OTHER)).unwrap();
    let other = Index::open(dir.path()).unwrap();
    match other.writer() {
        Err(Error::Index {
            problem: IndexError::Busy,
            ..
        }) => {}
        Err(e) => panic!("expected Busy, got {e}"),
        Ok(_) => panic!("a second writer was allowed"),
    }
    let reader = Index::open(dir.path()).unwrap();
    assert_eq!(reader.len(), 1);
    let q = Document::from_text("q.txt", LEAD);
    assert_eq!(
        ids(&reader.find(&q, &FindOptions::default()).unwrap()),
        ["a"]
    );
    w.commit().unwrap();
    assert_eq!(Index::open(dir.path()).unwrap().len(), 2);
}

fn problem(result: crate::Result<Index>) -> IndexError {
    match result {
        Err(Error::Index { problem, .. }) => problem,
        Err(e) => panic!("not an index error: {e}"),
        Ok(_) => panic!("opened"),
    }
}

#[test]
fn foreign_missing_damaged_and_other_format_directories_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none");
    assert!(matches!(
        problem(Index::open(&missing)),
        IndexError::Missing
    ));

    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    assert!(matches!(
        problem(Index::create(&foreign)),
        IndexError::Foreign
    ));
    assert!(matches!(
        problem(Index::open(&foreign)),
        IndexError::Missing
    ));
    assert_eq!(
        std::fs::read_dir(&foreign).unwrap().count(),
        1,
        "nothing written"
    );

    let old = dir.path().join("old");
    index_of(&old, &[wire("a", LEAD)]);
    let marker = old.join(store::MARKER);
    let text = std::fs::read_to_string(&marker).unwrap();
    std::fs::write(
        &marker,
        text.replace(&format!("\"format\": {FORMAT}"), "\"format\": 99"),
    )
    .unwrap();
    let e = Index::open(&old).unwrap_err();
    assert!(matches!(
        e,
        Error::Index {
            problem: IndexError::Version { found: 99, .. },
            ..
        }
    ));
    assert_eq!(e.remedy(), Some(crate::Remedy::RebuildIndex));
    assert!(e.to_string().contains("index format 99"), "{e}");

    let damaged = dir.path().join("damaged");
    index_of(&damaged, &[wire("a", LEAD)]);
    std::fs::write(damaged.join("meta.json"), "{ not json").unwrap();
    assert!(matches!(
        problem(Index::open(&damaged)),
        IndexError::Damaged { .. }
    ));

    let file = dir.path().join("file");
    std::fs::write(&file, "x").unwrap();
    assert!(matches!(problem(Index::create(&file)), IndexError::Foreign));
}

#[test]
fn select_takes_each_story_an_article_joins_and_not_a_second_version() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (seed("original-1.txt"), seed("original-2.txt"));
    let version = format!("{one}\n\nThis story has been corrected.");
    let index = index_of(
        dir.path(),
        &[
            wire("ap-1", &one),
            wire("ap-1-corrected", &version),
            wire("ap-2", &two),
            wire("other", OTHER),
        ],
    );
    let article = Document::from_text("adapted.txt", &seed("adapted.txt"));
    let chosen = index.select(&article, &FindOptions::default()).unwrap();
    let mut got = ids(&chosen);
    got.sort();
    assert!(
        got == ["ap-1", "ap-2"] || got == ["ap-1-corrected", "ap-2"],
        "{got:?}"
    );
    let hits = index.find(&article, &FindOptions::default()).unwrap();
    let story = |id: &str| hits.iter().find(|h| h.id == id).map(|h| h.story);
    assert_eq!(story("ap-1"), story("ap-1-corrected"));
    assert_ne!(story("ap-1"), story("ap-2"));
}

#[test]
fn a_document_keeps_its_paragraphs_title_and_date() {
    let dir = tempfile::tempdir().unwrap();
    let html = "<html><head><title>Library to close</title>\
        <meta property=\"article:published_time\" content=\"2024-03-01\"></head><body><article>\
        <h1>Library to close</h1><p>The city council voted on Tuesday to close the Elm Street \
        library, a decision readers protested.</p><p>Council member Dana Ortiz said the \
        building needed repairs the city could not afford this year.</p></article></body></html>";
    let doc = Document::from_html("page.html", html);
    let index = index_of(
        dir.path(),
        &[WireDoc {
            id: "p".into(),
            url: Some("https://example.com/p".into()),
            document: doc.clone(),
        }],
    );
    let hits = index
        .find(
            &Document::from_text("q", &doc.text),
            &FindOptions::default(),
        )
        .unwrap();
    let got = &hits[0];
    assert_eq!(got.document, doc);
    assert_eq!(got.url.as_deref(), Some("https://example.com/p"));
}

/// A replaced document still counts in its words' document frequencies until segments
/// merge. The query's weights once took the live documents alone for the total, so words in
/// every document weighed less than nothing, and the scorer's pruning dropped a document
/// that held them. Whether it did depends on how the writer's threads split documents into
/// segments: `tests/find.rs` (JSON Lines on standard input) caught it in most runs.
#[test]
fn documents_beside_a_replaced_one_are_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (seed("original-1.txt"), seed("original-2.txt"));
    let index = index_of(dir.path(), &[wire("ap-1", &two), wire("ap-2", &two)]);
    {
        let mut w = index.writer().unwrap();
        w.add(wire("ap-1", &one)).unwrap();
        w.commit().unwrap();
    }
    let index = Index::open(dir.path()).unwrap();
    assert_eq!(index.len(), 2);
    let article = Document::from_text("adapted.txt", &seed("adapted.txt"));
    let hits = index.find(&article, &FindOptions::default()).unwrap();
    assert_eq!(ids(&hits), ["ap-1", "ap-2"]);
}

fn dated(id: &str, text: &str, date: Option<&str>) -> WireDoc {
    let mut w = wire(id, text);
    if let Some(d) = date {
        w.document.set_date(d);
    }
    w
}

#[test]
fn a_date_window_keeps_out_wire_copy_dated_outside_it_but_not_undated_copy() {
    let dir = tempfile::tempdir().unwrap();
    // The same story run three times: a year before, the week of the article, and undated.
    let index = index_of(
        dir.path(),
        &[
            dated("last-year", LEAD, Some("2023-03-04")),
            dated("this-week", LEAD, Some("2024-03-01T09:00:00+00:00")),
            dated("undated", LEAD, None),
            dated("other", OTHER, Some("2024-03-02")),
        ],
    );
    let article = Document::from_text("site.txt", LEAD);
    let day = |s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let found = |window| {
        let opts = FindOptions {
            dated: window,
            ..FindOptions::default()
        };
        let mut got: Vec<String> = (index.find(&article, &opts).unwrap())
            .into_iter()
            .map(|h| h.id)
            .collect();
        got.sort();
        got
    };
    assert_eq!(found(None), ["last-year", "this-week", "undated"]);
    let week = DateWindow::around(day("2024-03-03"), 3);
    assert_eq!((week.from, week.to), (day("2024-02-29"), day("2024-03-06")));
    assert_eq!(found(Some(week)), ["this-week", "undated"]);
    // The window's edges are inside it.
    assert_eq!(
        found(Some(DateWindow::around(day("2024-03-03"), 2))),
        ["this-week", "undated"]
    );
    assert_eq!(
        found(Some(DateWindow::around(day("2024-03-04"), 2))),
        ["undated"]
    );
    // The window around an article's own date.
    let mut dated_article = article.clone();
    dated_article.set_date("2023-03-05");
    assert_eq!(
        DateWindow::for_article(&dated_article, 1, None).unwrap(),
        DateWindow::around(day("2023-03-05"), 1)
    );
    assert!(matches!(
        DateWindow::for_article(&article, 1, None),
        Err(Error::Undated { .. })
    ));
    assert_eq!(
        DateWindow::for_article(&article, 1, Some(day("2024-03-03"))).unwrap(),
        DateWindow::around(day("2024-03-03"), 1)
    );
}

#[test]
fn a_word_in_a_wire_title_counts_beside_its_text() {
    let dir = tempfile::tempdir().unwrap();
    // Two versions with the same text; only one has the headline the article leads with.
    let mut titled = wire("b-titled", LEAD);
    titled.document.title = Some("Elm Street library to close, Ortiz says".into());
    let index = index_of(dir.path(), &[wire("a-untitled", LEAD), titled]);
    let article = Document::from_text(
        "site.txt",
        &format!("Elm Street library to close, Ortiz says\n\n{LEAD}"),
    );
    let hits = index.find(&article, &FindOptions::default()).unwrap();
    assert_eq!(ids(&hits), ["b-titled", "a-untitled"]);
    assert!(hits[0].score > hits[1].score);
}

/// An article rewritten from one story, a sentence or two paired, that copies a paragraph of
/// another story (enfield53_times and a PA story on the BBC's schedule): the story its words
/// point to is found by them, beside the one that covers more of the article.
#[test]
fn a_story_far_ahead_by_its_words_is_found_beside_one_covering_more() {
    let hit = |id: &str, score: f32, coverage: f64| Hit {
        id: id.to_string(),
        url: None,
        document: Document::from_text(id, "A wire story."),
        score,
        coverage,
        story: 0,
        passages: Vec::new(),
        by_words: false,
        word_share: 0.0,
        covered: Vec::new(),
    };
    let field = |best_coverage: f64| {
        vec![
            hit("enfield", 377.0, best_coverage),
            hit("schedule", 222.0, 0.11),
            hit("cilla", 138.0, 0.0),
            hit("coogan", 132.0, 0.0),
            hit("page", 58.0, 0.06),
        ]
    };
    let mut hits = field(0.08);
    rank::mark_by_words(&mut hits);
    assert!(hits[0].by_words && !hits[1].by_words);
    // Covering little and not far above the median, it is not found by its words.
    let mut hits = field(0.02);
    rank::mark_by_words(&mut hits);
    assert!(!hits[0].by_words);
    // Covering the floor, it is found by its passages.
    let mut hits = field(COVERAGE_FLOOR);
    rank::mark_by_words(&mut hits);
    assert!(!hits[0].by_words);
}
