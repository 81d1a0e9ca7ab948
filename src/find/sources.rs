//! What `wirediff index` reads: files, directories walked recursively, and JSON Lines of
//! `{"id", "text"}` objects (a `.jsonl` file, or standard input).

use std::io::BufRead;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Deserialize;

use super::store::{Added, Index, WireDoc, Writer};
use crate::error::Result;
use crate::extract::Document;
use crate::load::{Loader, Source, looks_like_html};

/// Documents read and handed to the writer at a time, read in parallel.
const BATCH: usize = 256;

/// What [`add_sources`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AddSummary {
    /// Documents new to the index.
    pub added: usize,
    /// Documents that replaced one with their id.
    pub replaced: usize,
    /// What was not indexed, and why: (the file, or the file and line; the reason).
    pub skipped: Vec<(String, String)>,
}

/// One line of JSON Lines input.
#[derive(Deserialize)]
struct Line {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

/// A unit of work: a file to read, or a line of JSON Lines to parse.
enum Item {
    File(PathBuf),
    Line {
        origin: String,
        number: usize,
        text: String,
    },
}

/// Whether a file is JSON Lines, by its name.
fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl"))
}

/// Whether a directory walk takes a file: text, Markdown, HTML or JSON Lines.
fn walk_takes(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        ext.as_deref(),
        Some("txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml" | "jsonl")
    )
}

/// `wirediff index DIR SOURCE...`: creates the index in `dir` (or opens it), adds every
/// document of `sources` ([`add_sources`]), waits for its merges, and says what was done and
/// how many documents the index then holds.
pub fn index_sources(
    dir: &Path,
    sources: &[Source],
    loader: &Loader,
    progress: &mut dyn FnMut(usize, Option<usize>),
) -> Result<(AddSummary, u64)> {
    let index = Index::create(dir)?;
    let before = index.len();
    let mut writer = index.writer()?;
    let summary = add_sources(&mut writer, sources, loader, progress)?;
    writer.finish()?;
    // The reader of `index` predates the commit; a fresh one counts what it left.
    let holds = Index::open(dir).map(|i| i.len()).unwrap_or(before);
    Ok((summary, holds))
}

/// Adds every document of `sources` to the index through `writer`, and commits. Files are
/// read as `compare` reads them (`loader`'s limits hold); a file or line that cannot be read
/// is skipped and said in the summary, and the rest are indexed. `progress` is called with
/// the documents done so far and, when it is known, how many there are.
pub fn add_sources(
    writer: &mut Writer<'_>,
    sources: &[Source],
    loader: &Loader,
    progress: &mut dyn FnMut(usize, Option<usize>),
) -> Result<AddSummary> {
    let mut summary = AddSummary::default();
    let mut files: Vec<PathBuf> = Vec::new();
    let mut jsonl: Vec<Source> = Vec::new();
    // The index's own directory, when it sits inside a folder being indexed, is not walked.
    let own = std::fs::canonicalize(writer.dir()).ok();
    let mut walker = Walker {
        files: &mut files,
        jsonl: &mut jsonl,
        summary: &mut summary,
        skip: own.as_deref(),
    };
    for source in sources {
        match source {
            Source::Path(p) if p.is_dir() => walker.walk(p),
            Source::Path(p) if is_jsonl(p) => walker.jsonl.push(source.clone()),
            Source::Path(p) => walker.files.push(p.clone()),
            Source::Stdin => walker.jsonl.push(Source::Stdin),
            Source::Url(u) => walker.summary.skipped.push((
                u.clone(),
                "URLs are not indexed; save the page and give its path".into(),
            )),
        }
    }
    let total = if jsonl.is_empty() {
        Some(files.len())
    } else {
        None
    };
    let mut done = 0;
    for chunk in files.chunks(BATCH) {
        let items: Vec<Item> = chunk.iter().cloned().map(Item::File).collect();
        add_batch(writer, items, loader, &mut summary)?;
        done += chunk.len();
        progress(done, total);
    }
    for source in &jsonl {
        let origin = source.to_string();
        let reader: Box<dyn BufRead> = match source {
            Source::Stdin => Box::new(std::io::stdin().lock()),
            Source::Path(p) => match std::fs::File::open(p) {
                Ok(f) => Box::new(std::io::BufReader::with_capacity(1 << 20, f)),
                Err(e) => {
                    summary
                        .skipped
                        .push((origin, crate::error::describe_io(&e)));
                    continue;
                }
            },
            Source::Url(_) => continue,
        };
        let mut items = Vec::with_capacity(BATCH);
        for (i, line) in reader.lines().enumerate() {
            let text = match line {
                Ok(t) => t,
                Err(e) => {
                    summary
                        .skipped
                        .push((format!("{origin}:{}", i + 1), crate::error::describe_io(&e)));
                    break;
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            items.push(Item::Line {
                origin: origin.clone(),
                number: i + 1,
                text,
            });
            if items.len() == BATCH {
                done += items.len();
                add_batch(writer, std::mem::take(&mut items), loader, &mut summary)?;
                progress(done, total);
            }
        }
        done += items.len();
        add_batch(writer, items, loader, &mut summary)?;
        progress(done, total);
    }
    writer.commit()?;
    Ok(summary)
}

/// Reads a batch in parallel, then adds it in order.
fn add_batch(
    writer: &mut Writer<'_>,
    items: Vec<Item>,
    loader: &Loader,
    summary: &mut AddSummary,
) -> Result<()> {
    let read: Vec<std::result::Result<WireDoc, (String, String)>> = items
        .into_par_iter()
        .map(|item| read_item(item, loader))
        .collect();
    for r in read {
        match r {
            Ok(doc) => match writer.add(doc)? {
                Added::New => summary.added += 1,
                Added::Replaced => summary.replaced += 1,
            },
            Err(skip) => summary.skipped.push(skip),
        }
    }
    Ok(())
}

fn read_item(item: Item, loader: &Loader) -> std::result::Result<WireDoc, (String, String)> {
    match item {
        Item::File(path) => {
            let name = path.display().to_string();
            let source = Source::Path(path);
            match loader.read(&source) {
                Ok(document) => Ok(WireDoc {
                    id: name,
                    url: None,
                    document,
                }),
                Err(e) => Err((name, reason_of(&e.to_string(), &source.to_string()))),
            }
        }
        Item::Line {
            origin,
            number,
            text,
        } => {
            let at = format!("{origin}:{number}");
            let line: Line = serde_json::from_str(&text).map_err(|e| {
                let what = if serde_json::from_str::<serde_json::Value>(&text).is_ok() {
                    format!("not a wire document ({e})")
                } else {
                    format!("not JSON ({e})")
                };
                (at.clone(), what)
            })?;
            let id = match &line.id {
                serde_json::Value::String(s) if !s.is_empty() => s.clone(),
                serde_json::Value::Number(n) => n.to_string(),
                _ => return Err((at, "\"id\" must be a non-empty string or a number".into())),
            };
            if line.text.trim().is_empty() {
                return Err((at, format!("document {id} has no text")));
            }
            let name = line
                .source
                .clone()
                .or_else(|| line.url.clone())
                .unwrap_or_else(|| id.clone());
            let mut document = if looks_like_html(&line.text) {
                Document::from_html(name, &line.text)
            } else {
                Document::from_text(name, &line.text)
            };
            if document.text.trim().is_empty() {
                return Err((at, format!("document {id}: no article text found")));
            }
            if let Some(t) = line.title.filter(|t| !t.trim().is_empty()) {
                document.title = Some(t);
            }
            if let Some(d) = line.date.filter(|d| !d.trim().is_empty()) {
                document.set_date(&d);
            }
            Ok(WireDoc {
                id,
                url: line.url,
                document,
            })
        }
    }
}

/// An error message without the source name it starts with (the summary names it).
fn reason_of(message: &str, name: &str) -> String {
    message
        .strip_prefix(name)
        .and_then(|m| m.strip_prefix(": "))
        .unwrap_or(message)
        .to_string()
}

/// What a walk collects.
struct Walker<'a> {
    files: &'a mut Vec<PathBuf>,
    jsonl: &'a mut Vec<Source>,
    summary: &'a mut AddSummary,
    /// A directory not to walk (the index's own), canonical.
    skip: Option<&'a Path>,
}

impl Walker<'_> {
    /// Collects the files under `dir` that a walk takes, sorted, skipping hidden ones and the
    /// index's own directory.
    fn walk(&mut self, dir: &Path) {
        if self.skip.is_some() && std::fs::canonicalize(dir).ok().as_deref() == self.skip {
            return;
        }
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                self.summary
                    .skipped
                    .push((dir.display().to_string(), crate::error::describe_io(&e)));
                return;
            }
        };
        entries.sort();
        for path in entries {
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                self.walk(&path);
            } else if is_jsonl(&path) {
                self.jsonl.push(Source::Path(path));
            } else if walk_takes(&path) {
                self.files.push(path);
            } else {
                self.summary.skipped.push((
                    path.display().to_string(),
                    "not a .txt, .md, .html or .jsonl file".into(),
                ));
            }
        }
    }
}
