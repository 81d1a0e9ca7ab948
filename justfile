# wirediff's recipes. `just` lists them; CI runs `bash .ci/run`, which needs no `just`.

# List the recipes
default:
    @just --list

# Build and compare the seed pair (the README's first command)
seed:
    cargo run --release -- compare fixtures/pairs/seed/original-1.txt fixtures/pairs/seed/original-2.txt fixtures/pairs/seed/adapted.txt

# Run the tests (no network, no ../shared needed)
test:
    cargo test

# Lint: clippy with warnings as errors, and formatting
lint:
    cargo clippy --all-targets -- -D warnings
    cargo fmt --check

# Render the HTML reports in headless Chromium, check the DOM, take screenshots (target/browser/)
browser:
    bash .ci/browser-check

# Run each fuzz target for SECONDS (needs a nightly toolchain and `cargo install cargo-fuzz`)
fuzz-smoke SECONDS="30":
    cd fuzz && for t in segment extract align decode; do cargo +nightly fuzz run -O $t -- -max_total_time={{SECONDS}} -max_len=65536 -rss_limit_mb=2048 -timeout=30 || exit 1; done

# Everything CI runs
ci:
    bash .ci/run

# Accuracy: sentence Golden Rules, the alignment evaluation and finding sources (reads ../shared/data)
eval:
    cargo build --release
    cargo run --release --example golden_rules
    cargo run --release --example extract_bench
    python3 eval/trafilatura_pages.py
    cargo run --release --example readability_bench -- --other trafilatura=target/eval/trafilatura-readability
    cargo run --release --example self_compare
    python3 eval/meter.py
    python3 eval/find.py
    python3 eval/synth_edits.py
    python3 eval/run.py
    python3 eval/synth_crosscheck.py
    python3 eval/run.py --pairs target/eval/crosscheck
    python3 eval/synth_rewriter.py
    python3 eval/meter.py --pairs target/eval/rewriter
    python3 eval/synth_glue.py
    python3 eval/meter.py --pairs target/eval/glue-meter
    python3 eval/synth_glue.py --pairs target/eval/rewriter
    python3 eval/meter.py --pairs target/eval/glue-rewriter
    python3 eval/synth_echo.py
    python3 eval/meter.py --pairs target/eval/echo
    python3 eval/synth_blind.py
    python3 eval/meter.py --pairs target/eval/blind
    cargo run --release --example json_contract
    python3 eval/signals.py

# Speed: news-length pairs (in process and a process per pair) and long documents against
# the difflib baseline, git diff --word-diff and dwdiff; extraction against trafilatura;
# index and find over a generated archive of 200,000 documents against a TF-IDF scan; the
# Python package (built into target/pyenv) beside the Rust library.
# Built with the release-lto profile (whole-program optimization, Cargo.toml), in
# target/release-lto/
bench:
    cargo build --profile release-lto --bin wirediff --example bench --example extract_bench
    python3 eval/synth_edits.py
    python3 eval/bench.py
    python3 eval/find_bench.py
    python3 -m venv target/pyenv && target/pyenv/bin/pip install -q ./python
    target/pyenv/bin/python eval/python_bench.py
