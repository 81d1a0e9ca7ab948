//! End-to-end tests of fetching URLs: the real binary against a small HTTP server on
//! 127.0.0.1 that each test starts itself. No other network is touched.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::Value;

const WIRE: &str = "Dockworkers at the port of Halden walked off the job on Monday.\n\n\
    Talks between the union and the port authority broke down late on Sunday.\n\n\
    The strike is expected to last at least a week, a union spokesman said.\n";

/// The wire text as a page, word for word.
fn same_html() -> String {
    "<!doctype html><html><head><title>Port strike</title></head><body><article><h1>Port strike</h1>\
     <p>Dockworkers at the port of Halden walked off the job on Monday.</p>\
     <p>Talks between the union and the port authority broke down late on Sunday.</p>\
     <p>The strike is expected to last at least a week, a union spokesman said.</p>\
     </article></body></html>"
        .to_string()
}

/// The wire text adapted: one insertion.
fn adapted_html() -> String {
    same_html().replace(
        "</article>",
        "<p>Critics say the union is holding the country hostage.</p></article>",
    )
}

/// A page with accented letters and curly quotes, in windows-1252 bytes.
const CAFE_TEXT: &str = "The café on the quay reopened on Tuesday.\n\n\
    “We are back,” said its owner, Zoë Ólafsdóttir.\n";

fn cafe_html(meta: &str) -> Vec<u8> {
    let html = format!(
        "<!doctype html><html><head>{meta}<title>Café</title></head><body><article><h1>Café</h1>\
         <p>The café on the quay reopened on Tuesday.</p>\
         <p>“We are back,” said its owner, Zoë Ólafsdóttir.</p></article></body></html>"
    );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&html);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8 on purpose");
    bytes.into_owned()
}

const TOKYO_TEXT: &str = "Tokyo: 東京で会議が開かれた。\n\nOsaka: 大阪は晴れ。\n";

fn tokyo_sjis() -> Vec<u8> {
    let html = "<html><head><meta http-equiv=\"Content-Type\" \
                content=\"text/html; charset=Shift_JIS\"></head><body><article>\
                <p>Tokyo: 東京で会議が開かれた。</p><p>Osaka: 大阪は晴れ。</p>\
                </article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(html);
    assert!(!unmappable);
    bytes.into_owned()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// A response to write: status line, headers, body.
struct Reply {
    status: &'static str,
    headers: Vec<(&'static str, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
        Reply {
            status: "200 OK",
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
        }
    }

    fn redirect(to: String) -> Reply {
        Reply {
            status: "302 Found",
            headers: vec![("Location", to)],
            body: Vec::new(),
        }
    }

    fn write(self, conn: &mut TcpStream) -> std::io::Result<()> {
        let mut head = format!("HTTP/1.1 {}\r\n", self.status);
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!(
            "Content-Length: {}\r\nConnection: close\r\n\r\n",
            self.body.len()
        ));
        conn.write_all(head.as_bytes())?;
        conn.write_all(&self.body)?;
        conn.flush()
    }
}

/// The test server: every connection is served on its own thread, then closed.
struct Server {
    addr: SocketAddr,
    stop: Arc<AtomicBool>,
    thread: Option<thread::JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().unwrap();
        let stop = Arc::new(AtomicBool::new(false));
        let stopped = Arc::clone(&stop);
        let thread = thread::spawn(move || {
            for conn in listener.incoming() {
                if stopped.load(Ordering::SeqCst) {
                    break;
                }
                if let Ok(conn) = conn {
                    thread::spawn(move || {
                        let _ = serve(conn);
                    });
                }
            }
        });
        Server {
            addr,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr); // wakes the accept loop
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(mut conn: TcpStream) -> std::io::Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(5)))?;
    conn.set_write_timeout(Some(Duration::from_secs(5)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    if reader.fill_buf()?.first() == Some(&0x16) {
        // A TLS ClientHello: answer in plain HTTP, which no TLS client accepts.
        let reply = Reply {
            status: "400 Bad Request",
            headers: vec![],
            body: b"not TLS".to_vec(),
        };
        return reply.write(&mut conn);
    }
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let mut user_agent = String::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("user-agent")
        {
            user_agent = value.trim().to_string();
        }
    }
    let html = "text/html; charset=utf-8";
    let reply = match path.as_str() {
        "/wire.txt" => Reply::ok("text/plain; charset=utf-8", WIRE),
        "/same.html" => Reply::ok(html, same_html()),
        "/page.html" => Reply::ok(html, adapted_html()),
        "/gzip.html" => {
            let mut r = Reply::ok(html, gzip(same_html().as_bytes()));
            r.headers.push(("Content-Encoding", "gzip".into()));
            r
        }
        "/cafe-header" => Reply::ok("text/html; charset=windows-1252", cafe_html("")),
        "/cafe-meta" => Reply::ok("text/html", cafe_html("<meta charset=\"windows-1252\">")),
        "/cafe-undeclared" => Reply::ok("text/html", cafe_html("")),
        "/tokyo" => Reply::ok("text/html", tokyo_sjis()),
        "/ua" => Reply::ok(
            html,
            format!("<html><body><article><p>Agent: {user_agent}</p></article></body></html>"),
        ),
        "/empty" => Reply::ok(html, ""),
        "/chart.png" => Reply::ok("image/png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        "/disguised.html" => Reply::ok(html, b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec()),
        "/big" => Reply::ok(html, big_page(3_000_000)),
        "/big-unannounced" => return stream_unannounced(&mut conn, 3_000_000),
        "/trickle" => return trickle(&mut conn),
        "/bomb.html" => {
            // 200 MB of spaces inside a page, gzipped to a few hundred KB.
            let mut r = Reply::ok(html, gzip_bomb());
            r.headers.push(("Content-Encoding", "gzip".into()));
            r
        }
        "/loop/a" => Reply::redirect("/loop/b".into()),
        "/loop/b" => Reply::redirect("/loop/a".into()),
        "/to-ftp" => Reply::redirect("ftp://127.0.0.1/file.txt".into()),
        "/moved" => Reply::redirect("/missing".into()),
        p if p.starts_with("/r/") => {
            let n: u32 = p[3..].parse().unwrap_or(0);
            if n == 0 {
                Reply::redirect("/same.html".into())
            } else {
                Reply::redirect(format!("/r/{}", n - 1))
            }
        }
        p if p.starts_with("/many/") => {
            let n: u32 = p[6..].parse().unwrap_or(0);
            Reply::redirect(format!("/many/{}", n + 1))
        }
        _ => Reply {
            status: "404 Not Found",
            headers: vec![("Content-Type", "text/plain".into())],
            body: b"no such page".to_vec(),
        },
    };
    reply.write(&mut conn)?;
    let _ = conn.shutdown(Shutdown::Write);
    Ok(())
}

/// A page that inflates a thousandfold: a paragraph, then 200 MB of spaces.
fn gzip_bomb() -> Vec<u8> {
    static BOMB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    BOMB.get_or_init(|| {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(b"<html><body><article><p>The port of Halden stayed closed.</p>")
            .unwrap();
        let spaces = vec![b' '; 1 << 20];
        for _ in 0..200 {
            enc.write_all(&spaces).unwrap();
        }
        enc.finish().unwrap()
    })
    .clone()
}

fn big_page(size: usize) -> Vec<u8> {
    let mut page = b"<html><body><article>".to_vec();
    while page.len() < size {
        page.extend_from_slice(b"<p>The port of Halden stayed closed for another day.</p>\n");
    }
    page
}

/// A large body with no Content-Length: only counting while reading can stop it.
fn stream_unannounced(conn: &mut TcpStream, size: usize) -> std::io::Result<()> {
    conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n")?;
    let page = big_page(size);
    for chunk in page.chunks(64 * 1024) {
        conn.write_all(chunk)?;
    }
    Ok(())
}

/// Headers, then one byte a second: never a whole response within a short timeout. Stops
/// after 20 seconds or as soon as the client is gone.
fn trickle(conn: &mut TcpStream) -> std::io::Result<()> {
    conn.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\n\r\n")?;
    for _ in 0..20 {
        conn.write_all(b"<")?;
        conn.flush()?;
        thread::sleep(Duration::from_secs(1));
    }
    Ok(())
}

fn wirediff() -> Command {
    let mut cmd = common::wirediff();
    // The test server is on 127.0.0.1: never send its requests to a proxy.
    for var in [
        "http_proxy",
        "HTTP_PROXY",
        "https_proxy",
        "HTTPS_PROXY",
        "all_proxy",
        "ALL_PROXY",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// Runs `wirediff compare --format=json ARGS...`.
fn compare(args: &[&str]) -> Output {
    wirediff()
        .args(["compare", "--format=json"])
        .args(args)
        .output()
        .expect("run wirediff")
}

/// A successful run: exit code `code`, nothing on stderr, the JSON report.
fn report(args: &[&str], code: i32) -> Value {
    let out = compare(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    assert!(out.stderr.is_empty(), "stderr: {err}");
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// A failed run: exit 2 and one line on stderr naming `url` and containing `needle`.
fn trouble(args: &[&str], url: &str, needle: &str) -> String {
    let err = common::one_line_error(&compare(args), needle);
    assert!(
        err.starts_with(&format!("wirediff: {url}: ")),
        "{err} does not start with the URL {url}"
    );
    err
}

/// Writes `text` to `dir/name`; returns its path as an argument for `compare`.
fn write_arg(dir: &Path, name: &str, text: &str) -> String {
    let path = common::write_file(dir, name, text);
    path.to_str().unwrap().to_string()
}

fn kinds(r: &Value) -> Vec<&str> {
    common::segments(r).iter().map(common::kind).collect()
}

#[test]
fn compares_two_urls() {
    let server = Server::start();
    let (wire, page) = (server.url("/wire.txt"), server.url("/page.html"));
    let r = report(&[&wire, &page], 1);
    assert_eq!(r["originals"][0]["source"], wire.as_str());
    assert_eq!(r["adapted"]["source"], page.as_str());
    assert_eq!(r["adapted"]["title"], "Port strike");
    assert_eq!(r["summary"]["unchanged"], 3);
    let inserted: Vec<&str> = common::segments(&r)
        .iter()
        .filter(|s| s["kind"] == "inserted")
        .map(|s| s["adapted"]["text"].as_str().unwrap())
        .collect();
    assert!(
        inserted
            .iter()
            .any(|t| t.contains("holding the country hostage")),
        "{inserted:?}"
    );
    // A URL against a file, the page identical to the wire text (title aside).
    let tmp = tempfile::tempdir().unwrap();
    let file = write_arg(tmp.path(), "wire.txt", WIRE);
    let r = report(&[&file, &server.url("/same.html")], 1);
    assert_eq!(r["summary"]["unchanged"], 3);
    assert_eq!(r["summary"]["removed"], 0);
}

#[test]
fn sends_an_honest_user_agent() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let file = write_arg(tmp.path(), "wire.txt", WIRE);
    let r = report(&[&file, &server.url("/ua")], 1);
    let text = r["adapted"]["text"].as_str().unwrap();
    let expected = format!(
        "Agent: wirediff/{} (+news wire-copy comparison)",
        env!("CARGO_PKG_VERSION")
    );
    assert!(text.contains(&expected), "{text}");
}

#[test]
fn follows_redirects_and_stops_loops() {
    let server = Server::start();
    let wire = server.url("/wire.txt");
    let r = report(&[&wire, &server.url("/r/3")], 1);
    assert_eq!(r["summary"]["unchanged"], 3);
    assert_eq!(r["adapted"]["source"], server.url("/r/3").as_str());

    let looping = server.url("/loop/a");
    trouble(&[&wire, &looping], &looping, "redirect loop (back to");
    let many = server.url("/many/0");
    trouble(&[&wire, &many], &many, "more than 10 redirects");
    let to_ftp = server.url("/to-ftp");
    trouble(
        &[&wire, &to_ftp],
        &to_ftp,
        "redirected to ftp://127.0.0.1/file.txt; wirediff fetches only http:// and https://",
    );
}

#[test]
fn decompresses_gzip() {
    let server = Server::start();
    let r = report(&[&server.url("/wire.txt"), &server.url("/gzip.html")], 1);
    assert_eq!(r["summary"]["unchanged"], 3);
    assert_eq!(r["summary"]["removed"], 0);
}

#[test]
fn decodes_the_declared_charset() {
    let server = Server::start();
    let tmp = tempfile::tempdir().unwrap();
    let file = write_arg(tmp.path(), "cafe.txt", CAFE_TEXT);
    // In the header only, in <meta> only, and nowhere (windows-1252, as browsers guess).
    for path in ["/cafe-header", "/cafe-meta", "/cafe-undeclared"] {
        let r = report(&[&file, &server.url(path)], 1);
        let text = r["adapted"]["text"].as_str().unwrap();
        assert!(text.contains("The café on the quay"), "{path}: {text}");
        assert!(
            text.contains("“We are back,” said its owner, Zoë Ólafsdóttir."),
            "{path}: {text}"
        );
        assert_eq!(r["adapted"]["title"], "Café", "{path}");
        assert_eq!(r["summary"]["unchanged"], 2, "{path}: {r:#}");
    }
    // Shift_JIS in <meta http-equiv>.
    let file = write_arg(tmp.path(), "tokyo.txt", TOKYO_TEXT);
    let r = report(&[&file, &server.url("/tokyo")], 0);
    assert!(
        r["adapted"]["text"]
            .as_str()
            .unwrap()
            .contains("東京で会議が開かれた。")
    );
}

#[test]
fn http_errors_name_the_status() {
    let server = Server::start();
    let wire = server.url("/wire.txt");
    let missing = server.url("/missing");
    let err = trouble(&[&wire, &missing], &missing, "HTTP 404 Not Found");
    assert!(!err.contains("(at "), "no redirect, no final URL: {err}");
    let moved = server.url("/moved");
    trouble(
        &[&wire, &moved],
        &moved,
        &format!("HTTP 404 Not Found (at {missing})"),
    );
    let empty = server.url("/empty");
    trouble(&[&wire, &empty], &empty, "no article text found");
}

#[test]
fn trickling_server_times_out() {
    let server = Server::start();
    let wire = server.url("/wire.txt");
    let slow = server.url("/trickle");
    let start = Instant::now();
    trouble(
        &["--timeout", "2", &wire, &slow],
        &slow,
        "no complete response within 2 seconds; raise --timeout",
    );
    let took = start.elapsed();
    assert!(took < Duration::from_secs(6), "took {took:?}");
}

#[test]
fn oversize_bodies_are_refused() {
    let server = Server::start();
    let wire = server.url("/wire.txt");
    for path in ["/big", "/big-unannounced"] {
        let big = server.url(path);
        trouble(
            &["--max-bytes", "1MB", &wire, &big],
            &big,
            "larger than the 1 MB limit; raise --max-bytes",
        );
    }
    // Under the default limit the same page is fine.
    let r = report(&[&wire, &server.url("/big")], 1);
    assert_eq!(r["summary"]["removed"], 3);
}

#[test]
fn gzip_bomb_is_cut_off_at_the_size_limit() {
    let server = Server::start();
    let wire = server.url("/wire.txt");
    let bomb = server.url("/bomb.html");
    assert!(
        gzip_bomb().len() < 2_000_000,
        "the bomb is small on the wire"
    );
    trouble(
        &[&wire, &bomb],
        &bomb,
        "larger than the 20 MB limit; raise --max-bytes",
    );
}

#[test]
fn images_and_pdfs_are_refused() {
    let server = Server::start();
    let wire = server.url("/wire.txt");
    let png = server.url("/chart.png");
    trouble(
        &[&wire, &png],
        &png,
        "not an HTML or text page (served as image/png)",
    );
    let pdf = server.url("/disguised.html");
    trouble(
        &[&wire, &pdf],
        &pdf,
        "not an HTML or text page (a PDF document)",
    );
}

#[test]
fn connection_refused_and_tls_failures() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write_arg(tmp.path(), "wire.txt", WIRE);
    let port = {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    }; // dropped: nothing listens there now
    let url = format!("http://127.0.0.1:{port}/story");
    trouble(
        &[&file, &url],
        &url,
        &format!("connection refused by 127.0.0.1:{port}"),
    );

    let server = Server::start();
    let https = server.url("/same.html").replace("http://", "https://");
    trouble(&[&file, &https], &https, "TLS handshake failed");
}

#[test]
fn unsupported_schemes_and_bad_urls() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write_arg(tmp.path(), "wire.txt", WIRE);
    trouble(
        &[&file, "ftp://127.0.0.1/story.txt"],
        "ftp://127.0.0.1/story.txt",
        "unsupported URL scheme \"ftp\"",
    );
    trouble(
        &[&file, "file:///etc/hostname"],
        "file:///etc/hostname",
        "for a local file, pass its path",
    );
    trouble(&[&file, "http://"], "http://", "not a valid URL");
}

#[test]
fn cache_makes_runs_repeatable_offline() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("pages");
    let cache_arg = cache.to_str().unwrap();
    let server = Server::start();
    let (wire, page, redirected) = (
        server.url("/wire.txt"),
        server.url("/page.html"),
        server.url("/r/1"),
    );
    let first = compare(&["--cache", cache_arg, &wire, &page, &redirected]);
    assert_eq!(
        first.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let mut files: Vec<String> = std::fs::read_dir(&cache)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    assert_eq!(files.len(), 6, "{files:?}");
    assert_eq!(files.iter().filter(|f| f.ends_with(".json")).count(), 3);
    assert_eq!(files.iter().filter(|f| f.ends_with(".body")).count(), 3);

    // The metadata of the redirected URL records where it ended.
    let metas: Vec<Value> = files
        .iter()
        .filter(|f| f.ends_with(".json"))
        .map(|f| serde_json::from_slice(&std::fs::read(cache.join(f)).unwrap()).unwrap())
        .collect();
    let meta = metas
        .iter()
        .find(|m| m["url"] == redirected.as_str())
        .expect("metadata of the redirected URL");
    assert_eq!(meta["final_url"], server.url("/same.html").as_str());
    assert_eq!(meta["status"], 200);
    assert_eq!(meta["content_type"], "text/html; charset=utf-8");
    let fetched_at = meta["fetched_at"].as_str().unwrap();
    assert!(
        fetched_at.len() == 20 && fetched_at.ends_with('Z'),
        "{fetched_at}"
    );
    let body_file = meta["body"].as_str().unwrap();
    assert_eq!(
        std::fs::read(cache.join(body_file)).unwrap(),
        same_html().as_bytes()
    );

    drop(server); // nothing answers at those URLs any more
    for extra in [&["--offline"][..], &[]] {
        let mut args = extra.to_vec();
        args.extend(["--cache", cache_arg, &wire, &page, &redirected]);
        let again = compare(&args);
        assert_eq!(again.status.code(), Some(1), "{extra:?}");
        assert!(again.stderr.is_empty(), "{extra:?}");
        assert_eq!(
            again.stdout, first.stdout,
            "{extra:?}: same bytes, same report"
        );
    }
}

#[test]
fn offline_never_fetches() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("empty-cache");
    let file = write_arg(tmp.path(), "wire.txt", WIRE);
    // A listener that would notice any connection.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}/story", listener.local_addr().unwrap());
    trouble(
        &["--offline", "--cache", cache.to_str().unwrap(), &file, &url],
        &url,
        &format!(
            "not in the cache at {}; run once without --offline",
            cache.display()
        ),
    );
    trouble(
        &["--offline", &file, &url],
        &url,
        "offline, with no cache to read the page from; give --cache DIR, or leave out --offline",
    );
    assert!(listener.accept().is_err(), "a connection was made offline");
    // Files still work offline.
    let r = report(&["--offline", &file, &file], 0);
    assert_eq!(kinds(&r), ["unchanged", "unchanged", "unchanged"]);
}

#[test]
fn local_html_files_follow_their_meta_charset() {
    // The same <meta> detection applies to files; text files must still be UTF-8.
    let tmp = tempfile::tempdir().unwrap();
    let wire = write_arg(tmp.path(), "cafe.txt", CAFE_TEXT);
    let page = common::write_file(
        tmp.path(),
        "cafe.html",
        cafe_html("<meta charset=\"windows-1252\">"),
    );
    let r = report(&[&wire, page.to_str().unwrap()], 1);
    assert!(
        r["adapted"]["text"]
            .as_str()
            .unwrap()
            .contains("“We are back,” said its owner, Zoë Ólafsdóttir.")
    );
    assert_eq!(r["summary"]["unchanged"], 2);
    let undeclared = common::write_file(tmp.path(), "undeclared.html", cafe_html(""));
    let name = undeclared.to_str().unwrap();
    trouble(&[&wire, name], name, "not valid UTF-8");
}

#[test]
fn extract_reads_a_url() {
    let server = Server::start();
    let url = server.url("/page.html");
    let out = wirediff()
        .args(["extract", "--format=jsonl"])
        .arg(&url)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["source"], url.as_str());
    assert!(
        doc["text"]
            .as_str()
            .unwrap()
            .contains("holding the country hostage")
    );
    let missing = server.url("/missing");
    let out = wirediff().arg("extract").arg(&missing).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&missing) && err.contains("404"), "{err}");
}
