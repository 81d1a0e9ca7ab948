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
    std::fs::write(&marker, text.replace("\"format\": 1", "\"format\": 99")).unwrap();
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
