//! Hostile and broken input: every case ends in a report or in exit 2 with one line naming
//! the input, with no panic, well inside a minute and with bounded memory. Each child runs
//! under a 2 GiB address-space limit (RLIMIT_AS) and a one-minute watchdog, and its peak
//! memory is sampled while it runs. (Fetching cases, the redirect loop, trickling server and gzip bomb among
//! them, are in tests/fetch.rs with their local server.)

mod common;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

/// What a run of wirediff left behind.
struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
    /// Peak resident memory, in bytes.
    peak: u64,
    took: Duration,
}

/// No case may run longer than this.
const WATCHDOG: Duration = Duration::from_secs(60);
/// No case may use more memory than this.
const MAX_MEMORY: u64 = 2 << 30;

fn run(args: &[&std::ffi::OsStr], stdin: Option<Vec<u8>>) -> Run {
    use std::os::unix::process::CommandExt;
    let mut cmd = common::wirediff();
    cmd.args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: setrlimit is async-signal-safe; nothing else runs between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            let cap = libc::rlimit {
                rlim_cur: MAX_MEMORY,
                rlim_max: MAX_MEMORY,
            };
            if libc::setrlimit(libc::RLIMIT_AS, &cap) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("start wirediff");
    let start = Instant::now();
    let feeder = stdin.map(|bytes| {
        let mut pipe = child.stdin.take().unwrap();
        // The child may refuse the input before reading it all: a broken pipe is fine.
        std::thread::spawn(move || drop(pipe.write_all(&bytes)))
    });
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        out_pipe.read_to_end(&mut v).unwrap();
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        err_pipe.read_to_end(&mut v).unwrap();
        v
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        // The child's own high-water mark, while it runs (the kernel's rusage figure would
        // include the test process it was spawned from).
        if let Some(kb) = std::fs::read_to_string(&status_file).ok().and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        }) {
            peak = peak.max(kb * 1024);
        }
        if let Some(status) = child.try_wait().expect("wait for wirediff") {
            break status;
        }
        if start.elapsed() > WATCHDOG {
            let _ = child.kill();
            panic!("wirediff {args:?} still running after {WATCHDOG:?}");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let took = start.elapsed();
    if let Some(f) = feeder {
        f.join().unwrap();
    }
    let code = status
        .code()
        .unwrap_or_else(|| panic!("wirediff {args:?} killed by a signal: {status:?}"));
    Run {
        code,
        stdout: out.join().unwrap(),
        stderr: String::from_utf8_lossy(&err.join().unwrap()).into_owned(),
        peak,
        took,
    }
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn wire() -> PathBuf {
    common::pair("seed").join("original-1.txt")
}

/// Within the watchdog and the memory cap, and no panic.
fn sane(r: &Run, what: &str) {
    assert!(!r.stderr.contains("panicked"), "{what}: {}", r.stderr);
    assert!(r.peak < MAX_MEMORY, "{what}: {} MB", r.peak >> 20);
    eprintln!(
        "{what}: exit {} in {:.2} s, peak {} MB",
        r.code,
        r.took.as_secs_f64(),
        r.peak >> 20
    );
}

/// Exit 2 and one line on stderr naming `name` and saying `needle`.
fn refused(args: &[&std::ffi::OsStr], stdin: Option<Vec<u8>>, name: &str, needle: &str) -> Run {
    let r = run(args, stdin);
    sane(&r, name);
    assert_eq!(r.code, 2, "{name}: {}", r.stderr);
    assert_eq!(r.stderr.lines().count(), 1, "{name}: {}", r.stderr);
    let line = r.stderr.trim_end();
    assert!(line.starts_with("wirediff: "), "{line}");
    assert!(line.contains(name), "{line} does not name {name}");
    assert!(line.contains(needle), "{line} does not say {needle}");
    assert!(r.stdout.is_empty());
    r
}

/// A JSON report (exit 0 or 1) whose adapted side has at least one sentence.
fn reported(file: &Path, what: &str) -> (Run, serde_json::Value) {
    let r = run(
        &[
            os("compare"),
            os("--format=json"),
            wire().as_os_str(),
            file.as_os_str(),
        ],
        None,
    );
    sane(&r, what);
    assert!(
        matches!(r.code, 0 | 1),
        "{what}: exit {}: {}",
        r.code,
        r.stderr
    );
    let report: serde_json::Value = serde_json::from_slice(&r.stdout).expect("a JSON report");
    assert!(report["adapted"]["sentences"].as_u64().unwrap() >= 1);
    (r, report)
}

fn compare_with_wire(file: &Path) -> [std::ffi::OsString; 3] {
    [
        "compare".into(),
        wire().into_os_string(),
        file.as_os_str().to_owned(),
    ]
}

fn refused_file(file: &Path, needle: &str) -> Run {
    let args = compare_with_wire(file);
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
    let name = file.file_name().unwrap().to_str().unwrap();
    refused(&args, None, name, needle)
}

/// Deterministic pseudo-random bytes (xorshift), so a failure can be replayed.
fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn empty_and_blank_inputs() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("empty.txt", &b""[..]),
        ("blank.txt", b" \n\t\n\r\n   \n"),
        ("blank.html", b"<html><body>  </body></html>"),
        ("nbsp.txt", "\u{a0}\u{2003}\n\u{feff}".as_bytes()),
    ] {
        refused_file(
            &common::write_file(dir.path(), name, bytes),
            "no article text found",
        );
    }
}

#[test]
fn binary_and_misencoded_inputs() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| common::write_file(dir.path(), name, bytes);
    refused_file(
        &write("random.bin", &noise(1 << 20, 7)),
        "not a text or HTML file",
    );
    // Random bytes with no NUL among them: not UTF-8, said with the offset.
    let no_nul: Vec<u8> = noise(1 << 20, 11).into_iter().map(|b| b | 0x80).collect();
    refused_file(
        &write("random.txt", &no_nul),
        "not valid UTF-8 text (byte 0)",
    );
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(noise(4096, 3));
    refused_file(&write("photo.png", &png), "(a PNG image)");
    refused_file(
        &write(
            "latin1.txt",
            b"The caf\xe9 reopened on Monday, officials said.\n",
        ),
        "not valid UTF-8 text (byte 7); convert it to UTF-8 first",
    );
}

#[test]
fn utf16_with_a_bom_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Chinese leader Xi Jinping called Friday on Central Asian neighbors to guard \
                against outsiders who might try to destabilize their governments.\n\nCafé owners \
                were not consulted, the council said.\n";
    for (name, bom, units) in [
        (
            "le.txt",
            [0xFF, 0xFE],
            text.encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<_>>(),
        ),
        (
            "be.txt",
            [0xFE, 0xFF],
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ] {
        let mut bytes = bom.to_vec();
        bytes.extend(units);
        let p = common::write_file(dir.path(), name, bytes);
        let (_, report) = reported(&p, name);
        assert_eq!(report["adapted"]["text"], text, "{name}");
        let kinds: Vec<&str> = common::segments(&report)
            .iter()
            .filter(|s| !s["adapted"].is_null())
            .map(common::kind)
            .collect();
        assert_eq!(kinds, ["unchanged", "inserted"], "{name}");
    }
}

#[test]
fn oversized_inputs_are_refused_before_they_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&big).unwrap());
    let para = b"The council voted on Monday to close the bridge for repairs, officials said.\n\n";
    for _ in 0..(100_000_000 / para.len() + 1) {
        f.write_all(para).unwrap();
    }
    drop(f);
    // Refused by its size (the message gives it), before reading.
    refused_file(
        &big,
        "big.txt: 100 MB, larger than the 20 MB limit; raise --max-bytes",
    );
    // Standard input has no size to check: it is cut off once past the limit.
    let w = wire();
    refused(
        &[
            os("compare"),
            os("--max-bytes"),
            os("1MB"),
            w.as_os_str(),
            os("-"),
        ],
        Some(para.repeat(30_000)),
        "-",
        "-: larger than the 1 MB limit; raise --max-bytes",
    );
    // A device that never ends.
    refused(
        &[os("compare"), w.as_os_str(), os("/dev/zero")],
        None,
        "/dev/zero",
        "larger than the 20 MB limit",
    );
}

#[test]
fn too_many_sentences_are_refused() {
    let dir = common::pair("seed");
    let adapted = dir.join("adapted.txt");
    refused(
        &[
            os("compare"),
            os("--max-sentences"),
            os("30"),
            dir.join("original-1.txt").as_os_str(),
            adapted.as_os_str(),
        ],
        None,
        "adapted.txt",
        "sentences, more than the limit of 30; raise --max-sentences",
    );
}

#[test]
fn a_five_megabyte_line_without_punctuation() {
    let dir = tempfile::tempdir().unwrap();
    let words = [
        "council",
        "bridge",
        "repairs",
        "Monday",
        "officials",
        "traffic",
        "the",
        "a",
    ];
    let mut line = String::with_capacity(5_100_000);
    let mut i = 0usize;
    while line.len() < 5_000_000 {
        line.push_str(words[(i * 7 + i / 3) % words.len()]);
        line.push(' ');
        i += 1;
    }
    let p = common::write_file(dir.path(), "line.txt", &line);
    let (r, report) = reported(&p, "one 5 MB line");
    assert_eq!(r.code, 1);
    let inserted: usize = common::segments(&report)
        .iter()
        .filter(|s| s["kind"] == "inserted")
        .map(|s| s["adapted"]["end"].as_u64().unwrap() - s["adapted"]["start"].as_u64().unwrap())
        .sum::<u64>() as usize;
    assert_eq!(inserted, line.trim_end().len(), "all of it reported as new");
    assert!(r.peak < 40 * 5_000_000, "{} MB", r.peak >> 20);
}

#[test]
fn pathological_html() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: String| common::write_file(dir.path(), name, text);
    let deep = write(
        "deep.html",
        format!(
            "<html><body>{}<p>Officials said the deep paragraph was found.</p>{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    );
    let (_, report) = reported(&deep, "nested 100,000 deep");
    assert!(
        report["adapted"]["text"]
            .as_str()
            .unwrap()
            .contains("deep paragraph was found"),
        "the text under the nesting is kept"
    );
    let unclosed = write(
        "unclosed.html",
        format!(
            "<html><body>{}Officials said it was unclosed.",
            "<span><b><i>".repeat(50_000)
        ),
    );
    reported(&unclosed, "150,000 unclosed tags");
    let script = write(
        "script.html",
        format!(
            "<html><head><script>{}</script></head><body><script>{}</script><noscript></noscript></body></html>",
            "var x = 1;".repeat(100_000),
            "document.write('<p>Not article text.</p>');".repeat(1000)
        ),
    );
    refused_file(&script, "no article text found");
    let entities = write(
        "entities.html",
        format!(
            "<html><body><article><p>{}</p><p>Officials said the plan would go ahead.</p></article></body></html>",
            "&amp; &lt;&#8212;&#x1F600;&nbsp;".repeat(40_000)
        ),
    );
    let (_, report) = reported(&entities, "200,000 entities");
    let text = report["adapted"]["text"].as_str().unwrap();
    assert!(text.contains("& <—😀"), "entities decoded");
    let attrs = write(
        "attributes.html",
        format!(
            "<html><body><article><p {}>Officials said the attributes were many.</p></article></body></html>",
            (0..100_000)
                .map(|i| format!("data-a{i}=\"{i}\" "))
                .collect::<String>()
        ),
    );
    reported(&attrs, "100,000 attributes");
}

#[test]
fn things_that_are_not_files() {
    let dir = tempfile::tempdir().unwrap();
    let w = wire();
    refused(
        &[os("compare"), w.as_os_str(), dir.path().as_os_str()],
        None,
        &dir.path().display().to_string(),
        "is a directory",
    );
    refused(
        &[os("compare"), w.as_os_str(), os("no-such-story.txt")],
        None,
        "no-such-story.txt",
        "no such file",
    );
    refused(
        &[
            os("compare"),
            w.as_os_str(),
            os("gopher://example.org/story"),
        ],
        None,
        "gopher://example.org/story",
        "unsupported URL scheme \"gopher\"",
    );
    // A port nobody listens on: bound, then closed again.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}/story.html");
    refused(
        &[os("compare"), w.as_os_str(), os(&url)],
        None,
        &url,
        "connection refused",
    );
}

/// Every fixture text against itself: all unchanged, exit 0, in every format.
#[test]
fn every_fixture_text_against_itself_is_unchanged() {
    let root = common::pairs();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flat_map(|d| std::fs::read_dir(d.unwrap().path()).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 19, "{files:?}");
    for f in &files {
        let r = run(
            &[
                os("compare"),
                os("--format=json"),
                f.as_os_str(),
                f.as_os_str(),
            ],
            None,
        );
        assert_eq!(r.code, 0, "{}: {}", f.display(), r.stderr);
        let report: serde_json::Value = serde_json::from_slice(&r.stdout).unwrap();
        for s in common::segments(&report) {
            assert_eq!(s["kind"], "unchanged", "{}: {s}", f.display());
            assert_eq!(s["moved"], false);
            assert_eq!(s["adapted"]["text"], s["original"]["text"]);
        }
        let n = common::segments(&report).len();
        assert!(n > 0);
        assert_eq!(report["summary"]["unchanged"], n as u64);
        assert_eq!(report["summary"]["differences"], 0);
    }
}

/// Corpus and batch modes hold the same limits as compare: the pair is an error, the run
/// goes on.
#[test]
fn batch_holds_the_limits() {
    let dir = common::pair("seed");
    let line = |id: &str, adapted: &str| {
        serde_json::json!({
            "id": id,
            "originals": [dir.join("original-1.txt")],
            "adapted": dir.join(adapted),
        })
        .to_string()
    };
    let input = format!(
        "{}\n{}\n",
        line("long", "adapted.txt"),
        line("short", "original-1.txt")
    );
    let r = run(
        &[os("batch"), os("--max-sentences"), os("30")],
        Some(input.into_bytes()),
    );
    sane(&r, "batch");
    assert_eq!(r.code, 2, "{}", r.stderr);
    let lines = common::json_lines(&r.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "long");
    let err = lines[0]["error"].as_str().expect("an error");
    assert!(err.contains("more than the limit of 30"), "{err}");
    assert_eq!(lines[1]["id"], "short");
    assert!(lines[1].get("error").is_none(), "{}", lines[1]);
}
