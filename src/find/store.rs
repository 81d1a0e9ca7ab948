//! The index on disk: its schema, the marker that says which wirediff wrote it, opening,
//! and adding documents.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use chrono::Datelike;
use serde::{Deserialize, Serialize};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing,
    TextOptions, Value,
};
use tantivy::{IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, TantivyError, Term};

use super::tokenizer::{self, Words};
use crate::error::{Error, IndexError, Result};
use crate::extract::Document;

/// The index format this wirediff reads and writes. An index of another format is refused
/// ([`IndexError::Version`]) and must be rebuilt: the words it holds were cut by another
/// tokenizer, or its fields mean other things. Format 2 added the day of each document's date,
/// which `find --days` searches.
pub const FORMAT: u32 = 2;

/// The [`Fields::day`] of a document without a date: below every real day, so that a window
/// of days never holds it by chance.
pub(crate) const UNDATED: i64 = i64::MIN;

/// The day of an ISO 8601 date ("2024-01-02", "2024-01-02T10:00:00+01:00"): the date as the
/// page gives it, local to its own offset.
pub(crate) fn iso_day(date: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()
}

/// [`iso_day`] counted from 1970-01-01.
pub(crate) fn day_number(date: &str) -> Option<i64> {
    iso_day(date).map(day_of)
}

/// `day` counted from 1970-01-01.
pub(crate) fn day_of(day: chrono::NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce()) - EPOCH_DAYS_FROM_CE
}

/// 1970-01-01, counted from day 1 of the common era.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;

/// The file in an index directory that says it is a wirediff index, and of which format.
pub(crate) const MARKER: &str = "wirediff-index.json";

/// Memory for the writer's buffers, per indexing thread. Segments are written out when it
/// fills, so an index of any size is built in bounded memory.
const WRITER_MEMORY_PER_THREAD: usize = 96 << 20;

/// Documents added between two commits: a run that is killed keeps what the last commit
/// holds.
const COMMIT_EVERY: usize = 20_000;

#[derive(Serialize, Deserialize)]
struct Marker {
    /// What the directory is: `"wirediff-index"`.
    kind: String,
    /// [`FORMAT`] when it was written.
    format: u32,
    /// The wirediff that created it, for the message when the format differs.
    created_by: String,
}

/// The stored layout of a document's text: enough to rebuild the [`Document`] exactly.
#[derive(Serialize, Deserialize)]
struct Layout {
    /// Paragraphs, as byte ranges of the text.
    p: Vec<(usize, usize)>,
    /// The first paragraph of the body.
    b: usize,
    /// The byline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    by: Option<String>,
    /// Captions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    c: Vec<String>,
    /// Which extractor found the text.
    x: String,
}

#[derive(Clone, Copy)]
pub(crate) struct Fields {
    pub id: Field,
    pub source: Field,
    pub url: Field,
    pub title: Field,
    pub date: Field,
    /// The date's day ([`day_number`]), [`UNDATED`] without one: searched by date windows.
    pub day: Field,
    pub text: Field,
    layout: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer::NAME)
            .set_index_option(IndexRecordOption::WithFreqs),
    );
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        source: b.add_text_field("source", STORED),
        url: b.add_text_field("url", STORED),
        title: b.add_text_field("title", words.clone().set_stored()),
        date: b.add_text_field("date", STORED),
        day: b.add_i64_field("day", INDEXED | FAST),
        text: b.add_text_field("text", words.set_stored()),
        layout: b.add_text_field("layout", STORED),
    };
    (b.build(), fields)
}

/// A wire document to index.
#[derive(Debug, Clone)]
pub struct WireDoc {
    /// Its identity: adding a document with the same id replaces it.
    pub id: String,
    /// Where it came from, if it has an address (a JSON Lines `url`).
    pub url: Option<String>,
    /// The document as `compare` reads it. Its `source` names it in reports; its `title` and
    /// `date` are shown by `find`.
    pub document: Document,
}

/// A wire archive's search index, in a directory of its own.
pub struct Index {
    dir: PathBuf,
    pub(crate) index: tantivy::Index,
    pub(crate) fields: Fields,
    pub(crate) reader: Option<IndexReader>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Index").field("dir", &self.dir).finish()
    }
}

fn index_error(dir: &Path, problem: IndexError) -> Error {
    Error::Index {
        dir: dir.to_path_buf(),
        problem,
    }
}

/// What a Tantivy error means for the user.
fn from_tantivy(dir: &Path, err: TantivyError) -> Error {
    let problem = match err {
        TantivyError::LockFailure(..) => IndexError::Busy,
        TantivyError::IncompatibleIndex(inc) => IndexError::Damaged {
            detail: format!("written by another version of the index library: {inc:?}"),
        },
        TantivyError::IoError(e) => IndexError::Io {
            err: std::io::Error::new(e.kind(), e.to_string()),
        },
        other => IndexError::Damaged {
            detail: first_line(&other.to_string()),
        },
    };
    index_error(dir, problem)
}

fn first_line(s: &str) -> String {
    let line = s.lines().next().unwrap_or("").trim();
    let mut out: String = line.chars().take(160).collect();
    if out.len() < line.len() {
        out.push('…');
    }
    out
}

impl Index {
    /// Opens the index in `dir`, which `wirediff index` (or [`Index::create`]) made.
    pub fn open(dir: &Path) -> Result<Index> {
        let marker = read_marker(dir)?;
        let Some(()) = marker else {
            return Err(index_error(dir, IndexError::Missing));
        };
        if !dir.join("meta.json").is_file() {
            // Created, and killed before its first commit: an empty index.
            return Err(index_error(dir, IndexError::Missing));
        }
        Self::open_tantivy(dir)
    }

    /// Opens the index in `dir`, creating it (and the directory) if there is none. A
    /// directory that holds anything else is refused, never written into.
    pub fn create(dir: &Path) -> Result<Index> {
        match read_marker(dir)? {
            Some(()) if dir.join("meta.json").is_file() => return Self::open_tantivy(dir),
            Some(()) => {}
            None => {
                let empty = match std::fs::read_dir(dir) {
                    Ok(mut entries) => entries.next().is_none(),
                    Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
                    Err(err) => return Err(index_error(dir, IndexError::Io { err })),
                };
                if !empty {
                    return Err(index_error(dir, IndexError::Foreign));
                }
                std::fs::create_dir_all(dir)
                    .map_err(|err| index_error(dir, IndexError::Io { err }))?;
                write_marker(dir)?;
            }
        }
        let (schema, fields) = schema();
        let index = tantivy::Index::create_in_dir(dir, schema).map_err(|e| from_tantivy(dir, e))?;
        index
            .tokenizers()
            .register(tokenizer::NAME, Words::default());
        Ok(Index {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader: None,
        })
    }

    fn open_tantivy(dir: &Path) -> Result<Index> {
        let index = tantivy::Index::open_in_dir(dir).map_err(|e| from_tantivy(dir, e))?;
        let (expected, fields) = schema();
        let names = |s: &Schema| {
            s.fields()
                .map(|(_, entry)| entry.name().to_string())
                .collect::<Vec<_>>()
        };
        if names(&index.schema()) != names(&expected) {
            return Err(index_error(
                dir,
                IndexError::Damaged {
                    detail: "its fields are not those of a wirediff index".into(),
                },
            ));
        }
        index
            .tokenizers()
            .register(tokenizer::NAME, Words::default());
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(|e| from_tantivy(dir, e))?;
        Ok(Index {
            dir: dir.to_path_buf(),
            index,
            fields,
            reader: Some(reader),
        })
    }

    /// The directory the index is in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// How many documents the index holds (as of its last commit, when it was opened).
    pub fn len(&self) -> u64 {
        self.reader.as_ref().map_or(0, |r| r.searcher().num_docs())
    }

    /// Whether the index holds no document.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A writer, to add documents. One writer at a time holds an index: a second one, in this
    /// process or another, is refused ([`IndexError::Busy`]). Readers are never blocked.
    pub fn writer(&self) -> Result<Writer<'_>> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
        let writer = self
            .index
            .writer_with_num_threads(threads, threads * WRITER_MEMORY_PER_THREAD)
            .map_err(|e| from_tantivy(&self.dir, e))?;
        Ok(Writer {
            index: self,
            writer,
            seen: HashSet::new(),
            uncommitted: 0,
        })
    }

    pub(crate) fn tantivy_error(&self, err: TantivyError) -> Error {
        from_tantivy(&self.dir, err)
    }

    /// Rebuilds a stored document.
    pub(crate) fn stored(&self, doc: &TantivyDocument) -> WireDoc {
        let f = &self.fields;
        let text_of = |field: Field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let text = text_of(f.text).unwrap_or_default();
        let layout: Option<Layout> = text_of(f.layout).and_then(|s| serde_json::from_str(&s).ok());
        let mut document = Document::from_text(text_of(f.source).unwrap_or_default(), &text);
        if let Some(l) = layout
            && l.p.iter().all(|&(s, e)| s <= e && e <= text.len())
            && l.p
                .iter()
                .all(|&(s, e)| text.is_char_boundary(s) && text.is_char_boundary(e))
        {
            document.paragraphs = l.p.iter().map(|&(s, e)| s..e).collect();
            document.body_start = l.b.min(document.paragraphs.len());
            document.byline = l.by;
            document.captions = l.c;
            document.extractor = extractor_name(&l.x);
        }
        document.title = text_of(f.title).filter(|t| !t.is_empty());
        if let Some(d) = text_of(f.date).filter(|t| !t.is_empty()) {
            document.set_date(&d);
        }
        WireDoc {
            id: text_of(f.id).unwrap_or_default(),
            url: text_of(f.url).filter(|t| !t.is_empty()),
            document,
        }
    }
}

/// The extractor names a stored document may carry, back as the static strings
/// [`Document::extractor`] holds.
fn extractor_name(name: &str) -> &'static str {
    const NAMES: [&str; 9] = [
        "text",
        "json-ld",
        "itemprop",
        "article",
        "main",
        "readability",
        "body",
        "markdown",
        "visible",
    ];
    NAMES.into_iter().find(|n| *n == name).unwrap_or("text")
}

/// `Some(())` if `dir` holds a marker of this format; `None` if it holds none (or does not
/// exist); an error if the marker is another format's or unreadable.
fn read_marker(dir: &Path) -> Result<Option<()>> {
    if dir.is_file() {
        return Err(index_error(dir, IndexError::Foreign));
    }
    let path = dir.join(MARKER);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(err) => return Err(index_error(dir, IndexError::Io { err })),
    };
    let marker: Marker = serde_json::from_slice(&bytes).map_err(|_| {
        index_error(
            dir,
            IndexError::Damaged {
                detail: format!("{MARKER} is not readable"),
            },
        )
    })?;
    if marker.kind != "wirediff-index" {
        return Err(index_error(dir, IndexError::Foreign));
    }
    if marker.format != FORMAT {
        return Err(index_error(
            dir,
            IndexError::Version {
                found: marker.format,
                expected: FORMAT,
                created_by: marker.created_by,
            },
        ));
    }
    Ok(Some(()))
}

fn write_marker(dir: &Path) -> Result<()> {
    let marker = Marker {
        kind: "wirediff-index".into(),
        format: FORMAT,
        created_by: format!("wirediff {}", env!("CARGO_PKG_VERSION")),
    };
    let tmp = dir.join(format!("{MARKER}.tmp"));
    let json = serde_json::to_string_pretty(&marker).expect("a marker serializes") + "\n";
    std::fs::write(&tmp, json)
        .and_then(|()| std::fs::rename(&tmp, dir.join(MARKER)))
        .map_err(|err| index_error(dir, IndexError::Io { err }))
}

/// Whether adding a document added it or replaced one with its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// No document had its id.
    New,
    /// It replaced the document with its id.
    Replaced,
}

/// Adds documents to an [`Index`]; [`Writer::commit`] makes them visible and durable. A
/// writer dropped without a commit leaves the index as it was at its last commit.
pub struct Writer<'a> {
    index: &'a Index,
    writer: IndexWriter,
    /// Ids added since the writer was made.
    seen: HashSet<String>,
    uncommitted: usize,
}

impl Writer<'_> {
    /// The directory of the index written to.
    pub fn dir(&self) -> &Path {
        &self.index.dir
    }

    /// Adds a document, replacing any with its id. Every 20,000 documents, the
    /// writer commits on its own.
    pub fn add(&mut self, doc: WireDoc) -> Result<Added> {
        let f = self.index.fields;
        let id_term = Term::from_field_text(f.id, &doc.id);
        let existed = self.seen.contains(&doc.id)
            || self
                .index
                .reader
                .as_ref()
                .map(|r| r.searcher().doc_freq(&id_term).unwrap_or(0) > 0)
                .unwrap_or(false);
        if existed {
            self.writer.delete_term(id_term);
        }
        let d = &doc.document;
        let layout = Layout {
            p: d.paragraphs.iter().map(|r| (r.start, r.end)).collect(),
            b: d.body_start,
            by: d.byline.clone(),
            c: d.captions.clone(),
            x: d.extractor.to_string(),
        };
        let mut td = TantivyDocument::default();
        td.add_text(f.id, &doc.id);
        td.add_text(f.source, &d.source);
        td.add_text(f.url, doc.url.as_deref().unwrap_or(""));
        td.add_text(f.title, d.title.as_deref().unwrap_or(""));
        // The ISO 8601 date, else the date as written: reading it back gives both again.
        let date = d.date.as_deref().or(d.date_text.as_deref());
        td.add_text(f.date, date.unwrap_or(""));
        td.add_i64(
            f.day,
            d.date.as_deref().and_then(day_number).unwrap_or(UNDATED),
        );
        td.add_text(f.text, &d.text);
        td.add_text(
            f.layout,
            serde_json::to_string(&layout).expect("a layout serializes"),
        );
        self.writer
            .add_document(td)
            .map_err(|e| self.index.tantivy_error(e))?;
        self.uncommitted += 1;
        if self.uncommitted >= COMMIT_EVERY {
            self.commit()?;
        }
        if existed {
            Ok(Added::Replaced)
        } else {
            self.seen.insert(doc.id);
            Ok(Added::New)
        }
    }

    /// Commits, then waits for the segments being merged in the background, so that the
    /// index is left in few segments (fewer files for every search to open and read).
    pub fn finish(mut self) -> Result<()> {
        self.commit()?;
        let dir = self.index.dir.clone();
        self.writer
            .wait_merging_threads()
            .map_err(|e| from_tantivy(&dir, e))
    }

    /// Writes what was added to disk, all or nothing: a run killed before it leaves the index
    /// as the previous commit left it.
    pub fn commit(&mut self) -> Result<()> {
        self.writer
            .commit()
            .map_err(|e| self.index.tantivy_error(e))?;
        self.uncommitted = 0;
        Ok(())
    }
}
