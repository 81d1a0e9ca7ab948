//! The extraction benchmarks' metric, shared by `extract_bench` and `readability_bench`:
//! word 4-gram shingles compared as multisets, as the article-extraction-benchmark's
//! `evaluate.py` does, and the files they read.

// Each example uses part of it.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Read;

use regex::Regex;
use serde_json::Value;

pub fn read_gz(path: &str) -> std::io::Result<String> {
    let file = std::fs::File::open(path)?;
    let mut s = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut s)?;
    Ok(s)
}

pub fn read_json(path: &str) -> std::io::Result<Value> {
    let s = std::fs::read_to_string(path)?;
    serde_json::from_str(&s).map_err(|e| std::io::Error::other(e.to_string()))
}

pub struct Metric {
    word: Regex,
}

#[derive(Debug, Clone, Copy)]
pub struct Score {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Score {
    pub fn precision(&self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp == 0 && self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }

    pub fn recall(&self) -> f64 {
        if self.fp == 0 && self.fn_ == 0 {
            1.0
        } else if self.tp == 0 && self.fn_ == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

impl Metric {
    pub fn new() -> Metric {
        Metric {
            word: Regex::new(r"[\p{L}\p{N}_]+").expect("static regex"),
        }
    }

    /// The multiset of word 4-gram shingles; fewer than 4 tokens make one shingle.
    pub fn shingles<'a>(&self, text: &'a str) -> HashMap<Vec<&'a str>, usize> {
        let tokens: Vec<&str> = self.word.find_iter(text).map(|m| m.as_str()).collect();
        let mut out = HashMap::new();
        let count = (tokens.len() + 1).saturating_sub(4).max(1);
        for i in 0..count {
            let end = (i + 4).min(tokens.len());
            *out.entry(tokens[i..end].to_vec()).or_default() += 1;
        }
        out
    }

    pub fn score(&self, truth: &str, pred: &str) -> Score {
        let t = self.shingles(truth);
        let p = self.shingles(pred);
        let mut s = Score {
            tp: 0,
            fp: 0,
            fn_: 0,
        };
        for (k, &tc) in &t {
            let pc = p.get(k).copied().unwrap_or(0);
            s.tp += tc.min(pc);
            s.fn_ += tc.saturating_sub(pc);
        }
        for (k, &pc) in &p {
            let tc = t.get(k).copied().unwrap_or(0);
            s.fp += pc.saturating_sub(tc);
        }
        s
    }
}

/// (F1, precision, recall): the means over pages and their harmonic mean.
pub fn summarize(scores: &[Score]) -> (f64, f64, f64) {
    let n = scores.len().max(1) as f64;
    let p = scores.iter().map(Score::precision).sum::<f64>() / n;
    let r = scores.iter().map(Score::recall).sum::<f64>() / n;
    let f1 = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (f1, p, r)
}
