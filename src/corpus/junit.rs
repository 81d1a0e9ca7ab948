//! JUnit XML for CI test reporters, written by `quick-junit`: one test case a pair; unmet
//! expectations are a `<failure>`, a pair that could not be compared an `<error>`.

use std::io::{self, Write};
use std::time::Duration;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite, XmlString};

use super::{CorpusSummary, PairOutcome, Status};

/// Writes the summary as JUnit XML: one `<testsuite>` (named after the corpus and its part),
/// one `<testcase>` a pair (`classname` the corpus, `name` the pair's id), in id order.
pub fn write_junit(summary: &CorpusSummary, out: &mut dyn Write) -> io::Result<()> {
    let name = match summary.partition {
        Some(p) => format!("wirediff corpus {} (part {p})", summary.corpus),
        None => format!("wirediff corpus {}", summary.corpus),
    };
    let seconds: f64 = summary.pairs.iter().filter_map(|p| p.seconds).sum();
    let mut suite = TestSuite::new(xml(&name));
    suite.add_test_cases(summary.pairs.iter().map(|p| case(&summary.corpus, p)));
    if let Some(time) = duration(seconds) {
        suite.set_time(time);
    }
    let mut report = Report::new(xml(&name));
    if let Some(time) = duration(seconds) {
        report.set_time(time);
    }
    report.add_test_suite(suite);
    report.serialize(out).map_err(io::Error::other)
}

fn case(corpus: &str, p: &PairOutcome) -> TestCase {
    let status = match p.status {
        Status::Pass => TestCaseStatus::success(),
        Status::Fail => {
            let unmet: Vec<&str> = p.unmet().map(|c| c.expect.as_str()).collect();
            let message = format!(
                "{} of {} expectations unmet: {}",
                unmet.len(),
                p.expectations.len(),
                unmet.join("; ")
            );
            let mut body = String::new();
            for c in &p.expectations {
                body.push_str(if c.met { "met:   " } else { "UNMET: " });
                body.push_str(&c.expect);
                if let Some(found) = &c.found {
                    body.push_str(" (");
                    body.push_str(found);
                    body.push(')');
                }
                body.push('\n');
            }
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            (status.set_type("expectation"))
                .set_message(xml(&message))
                .set_description(xml(&body));
            status
        }
        Status::Error => {
            let message = p.error.as_deref().unwrap_or("could not be compared");
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
            (status.set_type("unreadable"))
                .set_message(xml(message))
                .set_description(xml(message));
            status
        }
    };
    let mut case = TestCase::new(xml(&p.id), status);
    case.set_classname(xml(corpus));
    if let Some(time) = p.seconds.and_then(duration) {
        case.set_time(time);
    }
    let mut sysout = String::new();
    if !p.originals.is_empty() {
        sysout.push_str(&format!("originals: {}\n", p.originals.join(", ")));
    }
    if let Some(a) = &p.adapted {
        sysout.push_str(&format!("adapted: {a}\n"));
    }
    if let Some(s) = &p.summary {
        sysout.push_str(&format!(
            "{} unchanged, {} reworded, {} inserted, {} removed, {} moved; {:.0}% of {} words new\n",
            s.unchanged,
            s.reworded,
            s.inserted,
            s.removed,
            s.moved,
            s.new_share * 100.0,
            s.adapted_words
        ));
    }
    if !sysout.is_empty() {
        case.set_system_out(xml(&sysout));
    }
    case
}

/// Seconds as a duration, when they are one.
fn duration(seconds: f64) -> Option<Duration> {
    Duration::try_from_secs_f64(seconds).ok()
}

/// Text XML 1.0 can hold. `quick-junit` drops terminal escapes and the control characters
/// XML forbids, and escapes markup; the two non-characters U+FFFE and U+FFFF, which it
/// keeps, are dropped here.
fn xml(s: &str) -> XmlString {
    if s.contains(['\u{FFFE}', '\u{FFFF}']) {
        XmlString::new(s.replace(['\u{FFFE}', '\u{FFFF}'], ""))
    } else {
        XmlString::new(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_characters_xml_forbids_make_valid_xml() {
        let hostile = "a < b & \"c\" > 'd'\n\x1b[31mred\x1b[0m bell\u{7} nul\0 \u{FFFF}end – “q”";
        let summary = CorpusSummary::new(
            hostile.into(),
            None,
            vec![PairOutcome::error(hostile.into(), None, hostile.into())],
        );
        let mut out = Vec::new();
        write_junit(&summary, &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(
            !text.contains(['\x1b', '\u{7}', '\0', '\u{FFFF}']),
            "{text}"
        );
        let report = Report::deserialize_from_str(&text).unwrap();
        let case = &report.test_suites[0].test_cases[0];
        // Markup comes back as it was; other non-ASCII text passes through.
        let kept = "a < b & \"c\" > 'd'\nred bell nul end – “q”";
        assert_eq!(case.name.as_str(), kept);
        assert_eq!(case.classname.as_ref().unwrap().as_str(), kept);
        assert!(matches!(
            &case.status,
            TestCaseStatus::NonSuccess { kind: NonSuccessKind::Error, description: Some(d), .. }
                if d.as_str() == kept
        ));
    }
}
