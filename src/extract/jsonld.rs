//! Schema.org JSON-LD: the article body, headline, author and date a page declares.

use serde_json::Value;

/// What the page's JSON-LD says about its article.
#[derive(Debug, Default, Clone)]
pub(super) struct LdArticle {
    /// `articleBody`, as given (it may hold HTML or entities).
    pub body: Option<String>,
    /// `headline`, else `name`.
    pub headline: Option<String>,
    /// `name`, for the page's title: Wikipedia's `headline` is a description.
    pub name: Option<String>,
    pub author: Option<String>,
    pub date: Option<String>,
}

/// True for the schema.org types that carry an article: `NewsArticle`, `Article`,
/// `BlogPosting`, `ReportageNewsArticle` and their kin, bare or as a URL.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
}

fn types(obj: &serde_json::Map<String, Value>) -> impl Iterator<Item = &str> {
    let t = obj.get("@type").or_else(|| obj.get("type"));
    let list: Vec<&str> = match t {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    list.into_iter()
}

/// Reads every JSON-LD block and returns the article with the longest body (its headline,
/// author and date, else those of any article object).
pub(super) fn read(scripts: &[String]) -> LdArticle {
    let mut best = LdArticle::default();
    let mut best_len = 0usize;
    let mut fallback = LdArticle::default();
    for script in scripts {
        let Some(value) = parse_lenient(script) else {
            continue;
        };
        // Walk every object (lists, @graph, nested entities) with an explicit stack.
        let mut stack: Vec<&Value> = vec![&value];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items.iter().rev()),
                Value::Object(obj) => {
                    if types(obj).any(is_article_type) {
                        let art = article(obj);
                        let len = art.body.as_deref().map_or(0, str::len);
                        if len > best_len {
                            best_len = len;
                            best = art.clone();
                        }
                        fallback.headline = fallback.headline.or(art.headline);
                        fallback.name = fallback.name.or(art.name);
                        fallback.author = fallback.author.or(art.author);
                        fallback.date = fallback.date.or(art.date);
                    }
                    for (k, child) in obj.iter() {
                        if k != "articleBody" && (child.is_object() || child.is_array()) {
                            stack.push(child);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    best.headline = best.headline.or(fallback.headline);
    best.name = best.name.or(fallback.name);
    best.author = best.author.or(fallback.author);
    best.date = best.date.or(fallback.date);
    best
}

fn article(obj: &serde_json::Map<String, Value>) -> LdArticle {
    let string = |key: &str| {
        obj.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
    };
    LdArticle {
        body: string("articleBody").or_else(|| string("text")),
        headline: string("headline").or_else(|| string("name")),
        name: string("name"),
        author: obj.get("author").and_then(author_names),
        date: string("datePublished").or_else(|| string("dateCreated")),
    }
}

/// Names of the author(s): a string, a Person or Organization, or a list of them.
fn author_names(v: &Value) -> Option<String> {
    let mut names: Vec<String> = Vec::new();
    let mut push = |s: &str| {
        let s = s.trim();
        if !s.is_empty() && !s.starts_with("http") && !names.iter().any(|n| n == s) {
            names.push(s.to_string());
        }
    };
    match v {
        Value::String(s) => push(s),
        Value::Object(o) => {
            if let Some(n) = o.get("name").and_then(Value::as_str) {
                push(n)
            }
        }
        Value::Array(items) => {
            for item in items {
                match item {
                    Value::String(s) => push(s),
                    Value::Object(o) => {
                        if let Some(n) = o.get("name").and_then(Value::as_str) {
                            push(n)
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    (!names.is_empty()).then(|| names.join(", "))
}

/// Parses JSON-LD as pages write it: wrapped in `<!-- -->` or CDATA, with raw line breaks and
/// tabs inside strings (which strict JSON forbids), or with trailing semicolons.
fn parse_lenient(script: &str) -> Option<Value> {
    let mut s = script.trim();
    for (open, close) in [
        ("<!--", "-->"),
        ("//<![CDATA[", "//]]>"),
        ("<![CDATA[", "]]>"),
    ] {
        if let Some(rest) = s.strip_prefix(open) {
            s = rest.trim();
            if let Some(rest) = s.strip_suffix(close) {
                s = rest.trim();
            }
        }
    }
    let s = s.trim_end_matches(';').trim();
    if let Ok(v) = serde_json::from_str(s) {
        return Some(v);
    }
    serde_json::from_str(&escape_controls(s)).ok()
}

/// Escapes control characters inside JSON strings.
fn escape_controls(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    let mut in_string = false;
    let mut escaped = false;
    for c in s.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            } else if c.is_control() {
                match c {
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '\t' => out.push_str("\\t"),
                    _ => out.push(' '),
                }
                continue;
            }
        } else if c == '"' {
            in_string = true;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_article_in_a_graph_and_lists() {
        let scripts = vec![
            r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
               {"@type":["NewsArticle"],"headline":"H","articleBody":"Body one.\nBody two.",
                "author":[{"@type":"Person","name":"A. Writer"},{"name":"B. Writer"}],
                "datePublished":"2024-01-02"}]}"#
                .to_string(),
            "[{\"@type\":\"BlogPosting\",\"articleBody\":\"short\"}]".to_string(),
        ];
        let a = read(&scripts);
        assert_eq!(a.body.as_deref(), Some("Body one.\nBody two."));
        assert_eq!(a.headline.as_deref(), Some("H"));
        assert_eq!(a.author.as_deref(), Some("A. Writer, B. Writer"));
        assert_eq!(a.date.as_deref(), Some("2024-01-02"));
    }

    #[test]
    fn tolerates_raw_line_breaks_and_comment_wrappers() {
        let scripts = vec!["<!--{\"@type\":\"Article\",\"articleBody\":\"One.\nTwo.\"};-->".into()];
        assert_eq!(read(&scripts).body.as_deref(), Some("One.\nTwo."));
    }
}
