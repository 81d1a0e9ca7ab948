#!/usr/bin/env python3
"""Build synthetic "adapted" versions of real news articles, with sentence-level gold labels.

The articles are the 181 real article bodies of the article-extraction benchmark
(../shared/data/article-extraction-benchmark/ground-truth.json, read in place). For every
English article with at least MIN_SENTENCES sentences this writes one pair directory:

    <out>/<NNN>-<id8>[-multi]/
        original.txt            (or original-1.txt + original-2.txt for a two-source pair)
        adapted.txt
        gold.json

The adapted text imitates an outlet adapting wire copy: most sentences kept verbatim (some with
house-style quote/dash/space changes), some reworded (attribution verbs, synonyms, loaded words,
dropped clauses, altered quotes, reordering, numbers, appended phrases, heavy paraphrases),
sentences split and merged, editorial sentences inserted, sentences and paragraphs removed or
truncated, and sentences or a paragraph moved. About a fifth of the pairs join two articles.
Everything is driven by a seeded RNG (one per pair), so a run is reproducible.

usage: python3 eval/synth_edits.py [--seed 1] [--out target/eval/edits] [--limit N]
"""

import argparse
import bisect
import json
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from segment import SENTENCE_OPENERS, segment  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / ".." / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
MIN_SENTENCES = 6
MULTI_SOURCE_RATE = 0.2

# --------------------------------------------------------------------------------------------
# Corpus


@dataclass
class Doc:
    """One source article, segmented: sentence texts are exact substrings of `text`."""

    id: str
    url: str
    text: str
    spans: list  # (start, end) character spans of the sentences
    paras: list  # list of lists of sentence indices
    sents: list = field(default_factory=list)  # the sentence texts

    def __post_init__(self):
        self.sents = [self.text[a:b] for a, b in self.spans]


def clean_text(body):
    """Normalise line endings and outer whitespace of an article body (what original.txt holds)."""
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text.strip() + "\n"


def is_latin(text):
    """True when at most 10% of the letters are outside the Latin script."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    other = sum(1 for c in letters if ord(c) > 0x24F)
    return other <= 0.1 * len(letters)


def load_corpus(path):
    """Load and segment every article, sorted by id."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    docs = []
    for doc_id in sorted(data):
        text = clean_text(data[doc_id]["articleBody"])
        spans, paras = [], []
        for para in segment(text):
            paras.append(list(range(len(spans), len(spans) + len(para))))
            spans.extend(para)
        docs.append(Doc(doc_id, data[doc_id].get("url", ""), text, spans, paras))
    return docs


# --------------------------------------------------------------------------------------------
# Text helpers


def words(s):
    return s.split()


def norm(s):
    """Normalise house style away: quotes, dashes, whitespace and case."""
    s = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    s = s.replace("\u2014", "-").replace("\u2013", "-").replace("--", "-")
    s = re.sub(r"\s*-\s*", "-", s)
    return re.sub(r"\s+", " ", s).strip().lower()


def capitalise(s):
    """Upper-case the first letter (after any opening quote)."""
    for i, c in enumerate(s):
        if c.isalpha():
            return s[:i] + c.upper() + s[i + 1:]
        if c not in "\"'\u201c\u2018(":
            return s
    return s


def decapitalise(s):
    """Lower-case the first word when it is a common sentence opener (not a name)."""
    m = re.match(r"([\"'\u201c\u2018(]?)([A-Za-z]+)", s)
    if m and m.group(2) in SENTENCE_OPENERS and m.group(2) != "I":
        return m.group(1) + m.group(2).lower() + s[m.end():]
    return s


def quotes_balanced(s):
    """True when `s` has no unclosed quotation."""
    return s.count('"') % 2 == 0 and s.count("\u201c") == s.count("\u201d")


def with_case(template_word, new):
    """Give `new` the capitalisation of `template_word`."""
    if template_word[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def is_prose(s):
    """A real sentence (not a heading or list line): six words or more and terminal punctuation."""
    return len(words(s)) >= 6 and bool(re.search(r"[.!?][\"'\u201d\u2019)]?$", s))


def terminated(s):
    """True when the sentence ends with terminal punctuation (maybe followed by closers)."""
    return bool(re.search(r"[.!?\u2026][\"'\u201d\u2019)\]]*$", s))


def ends_plainly(s):
    """True when the sentence ends with a period that is not inside a quotation."""
    return bool(re.search(r"[A-Za-z0-9)]\.$", s)) and quotes_balanced(s)


# --------------------------------------------------------------------------------------------
# Rewordings: each takes a sentence and an RNG and returns (new_text, description) or None.

ATTRIBUTION = {
    "said": ["claimed", "stated", "insisted", "noted", "argued", "asserted", "told reporters"],
    "says": ["claims", "insists", "notes", "argues", "contends"],
}
SYNONYMS = {
    "big": "large", "began": "started", "begin": "start", "buy": "purchase", "bought": "purchased",
    "helped": "assisted", "showed": "demonstrated", "started": "launched", "used": "utilized",
    "tried": "attempted",
    "enough": "sufficient", "people": "individuals", "children": "kids", "important": "significant",
    "many": "numerous", "often": "frequently", "think": "believe", "thinks": "believes",
    "wanted": "sought", "quickly": "rapidly", "small": "modest", "rose": "climbed", "fell": "dropped",
    "company": "firm", "companies": "firms", "country": "nation", "countries": "nations",
    "car": "vehicle", "cars": "vehicles", "money": "funds", "problem": "issue", "problems": "issues",
    "meeting": "gathering", "attack": "assault", "attacks": "assaults", "died": "perished",
    "recently": "lately", "however": "nevertheless", "almost": "nearly", "nearly": "almost",
    "huge": "massive", "leader": "chief", "leaders": "chiefs", "officials": "authorities",
    "police": "law enforcement", "won": "secured", "students": "pupils",
    "doctors": "physicians", "area": "region", "announced": "unveiled", "allow": "permit",
    "allowed": "permitted", "wrote": "penned", "lawmakers": "legislators", "also": "additionally",
    "very": "extremely", "get": "obtain", "says": "states", "job": "position",
    "first": "initial", "although": "though", "including": "such as", "several": "a number of",
    "because": "since", "large": "sizable", "later": "subsequently", "help": "assist",
    "found": "discovered", "asked": "questioned", "likely": "probably", "biggest": "largest",
}
# Multi-word substitutions, applied by rw_synonym too.
PHRASES = {
    "more than": "over", "less than": "under", "because of": "due to", "in order to": "to",
    "a lot of": "plenty of", "as well as": "and", "according to": "per", "at least": "no fewer than",
    "so far": "to date", "for example": "for instance", "in addition": "additionally",
}
LOADED_NOUNS = [
    "government", "administration", "group", "plan", "policy", "law", "bill", "company", "leader",
    "president", "decision", "program", "agency", "move", "campaign", "party", "officials",
    "regulators", "proposal", "team", "deal", "measure", "movement", "activists", "protesters",
    "regime", "lawmakers", "minister", "governor", "senator", "candidate", "organization", "union",
    "reform", "rules", "tax", "tariffs", "project", "investigation", "probe", "report", "study",
    "strategy", "ban", "legislation", "initiative", "effort", "leadership", "government's",
]
LOADED_WORDS = ["so-called", "radical", "embattled", "controversial", "hardline", "beleaguered"]
APPENDED = [
    ", without offering evidence", ", critics noted", ", a claim that could not be verified",
    " amid growing criticism", ", in a stunning reversal", ", raising fresh concerns",
]
WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
TIME_PHRASE = (
    rf"(?:On (?:{WEEKDAYS})|Last (?:week|month|year)|Earlier this (?:week|month|year)"
    rf"|In \d{{4}}|On [A-Z][a-z]+\.? \d{{1,2}})"
)


def rw_attribution(s, rng):
    """Swap an attribution verb: said -> claimed / insisted / told reporters ..."""
    hits = list(re.finditer(r"\b(said|says)\b", s))
    if not hits:
        return None
    m = rng.choice(hits)
    new = rng.choice(ATTRIBUTION[m.group(1)])
    return s[: m.start()] + new + s[m.end():], f"attribution {m.group(1)}->{new}"


def rw_synonym(s, rng):
    """Replace one or two words or phrases from the synonym tables."""
    table = {**SYNONYMS, **PHRASES}
    pattern = r"\b(?:" + "|".join(sorted(PHRASES, key=len, reverse=True)) + r"|[A-Za-z]+)\b"
    # a capitalised word inside the sentence is likely a name ("Big Machine", "New York")
    hits = [m for m in re.finditer(pattern, s, re.IGNORECASE) if m.group(0).lower() in table
            and (m.start() == 0 or not m.group(0)[0].isupper())]
    if not hits:
        return None
    chosen = sorted(rng.sample(hits, min(len(hits), rng.choice([1, 2]))), key=lambda m: -m.start())
    desc = []
    for m in chosen:
        new = with_case(m.group(0), table[m.group(0).lower()])
        s = s[: m.start()] + new + s[m.end():]
        desc.append(f"{m.group(0)}->{new}")
    return s, "synonym " + ", ".join(reversed(desc))


def rw_loaded(s, rng):
    """Add a loaded word ("so-called", "embattled"...) before a noun, or call a government a regime."""
    if re.search(r"\bgovernment\b", s) and rng.random() < 0.3:
        return re.sub(r"\bgovernment\b", "regime", s, count=1), "loaded government->regime"
    word = rng.choice(LOADED_WORDS)
    nouns = "|".join(LOADED_NOUNS)
    hits = list(re.finditer(rf"\b(the|a|an|its|his|her|their) ({nouns})\b", s))
    if not hits:
        return None
    m = rng.choice(hits)
    det = m.group(1)
    if det in ("a", "an"):
        det = "an" if word[0] in "aeiou" else "a"
    new = f"{det} {word} {m.group(2)}"
    return s[: m.start()] + new + s[m.end():], f"loaded word '{word}'"


def rw_drop_clause(s, rng):
    """Drop a clause: text between two commas, or a trailing ", which ..." / ", adding ..." clause."""
    trailing = re.search(
        r", (?:which|adding|according to|saying|while|who|including|as|after)\b[^\"\u201c\u201d]*?"
        r"(?=[.!?]$)", s)
    inner = [m for m in re.finditer(r", ([^,\"\u201c\u201d]{4,45}), ", s)]
    options = []
    if trailing and len(words(s[: trailing.start()])) >= 5:
        options.append(("trailing", trailing))
    for m in inner:
        options.append(("inner", m))
    if not options:
        return None
    kind, m = rng.choice(options)
    if kind == "trailing":
        return s[: m.start()] + s[m.end():], f"dropped clause '{m.group(0)[2:40]}'"
    return s[: m.start()] + " " + s[m.end():], f"dropped clause '{m.group(1)[:40]}'"


def rw_quote(s, rng):
    """Alter a quotation: drop one or two words inside it, or swap one for a synonym."""
    hits = list(re.finditer(r"[\"\u201c]([^\"\u201c\u201d]{25,})[\"\u201d]", s))
    if not hits:
        return None
    m = rng.choice(hits)
    inner = m.group(1)
    toks = inner.split(" ")
    inner_idx = [i for i in range(1, len(toks) - 1) if re.fullmatch(r"[A-Za-z']+", toks[i])]
    if not inner_idx:
        return None
    i = rng.choice(inner_idx)
    if toks[i].lower() in SYNONYMS and rng.random() < 0.5:
        old = toks[i]
        toks[i] = with_case(old, SYNONYMS[old.lower()])
        desc = f"quote altered {old}->{toks[i]}"
    else:
        n = 2 if i + 1 < len(toks) - 1 and rng.random() < 0.4 else 1
        desc = "quote altered, dropped '" + " ".join(toks[i: i + n]) + "'"
        del toks[i: i + n]
    new_inner = " ".join(toks)
    return s[: m.start(1)] + new_inner + s[m.end(1):], desc


def rw_reorder(s, rng):
    """Move a time phrase: "On Friday, X did Y." <-> "X did Y on Friday." """
    m = re.match(rf"^({TIME_PHRASE}), (.+?)([.!?])$", s)
    if m and quotes_balanced(m.group(2)):
        phrase = m.group(1)[0].lower() + m.group(1)[1:]
        return capitalise(m.group(2)) + " " + phrase + m.group(3), "reordered time phrase to the end"
    m = re.match(
        rf"^(.+?) (on (?:{WEEKDAYS})|last (?:week|month|year))([.!?])$", s)
    if m and len(words(m.group(1))) >= 4 and quotes_balanced(m.group(1)):
        phrase = m.group(2)[0].upper() + m.group(2)[1:]
        return f"{phrase}, {decapitalise(m.group(1))}{m.group(3)}", "reordered time phrase to the front"
    return None


def rw_number(s, rng):
    """Change a number (not a year)."""
    # numbers below 1,000 or written with thousands separators; never a year such as 2019
    hits = list(re.finditer(r"(?<![\w.,])\d{1,3}(?:,\d{3})*(?!\w)(?![.,]\d)", s))
    if not hits:
        return None
    m = rng.choice(hits)
    value = int(m.group(0).replace(",", ""))
    if value < 100:
        new_value = value + rng.choice([1, 2, 3, 5, 10])
    else:
        new_value = round(value * rng.choice([0.8, 1.2, 1.5]))
    new = f"{new_value:,}" if "," in m.group(0) or new_value >= 10000 else str(new_value)
    if new == m.group(0):
        return None
    return s[: m.start()] + new + s[m.end():], f"number {m.group(0)}->{new}"


def rw_append(s, rng):
    """Append a short phrase before the final period: "..., without offering evidence." """
    m = re.search(r"([A-Za-z0-9)])(\.)$", s)
    if not m or not quotes_balanced(s):
        return None
    phrase = rng.choice(APPENDED)
    return s[: m.end(1)] + phrase + m.group(2), f"appended '{phrase.strip(', ')}'"


CONTRACTIONS = {
    "do not": "don't", "does not": "doesn't", "did not": "didn't", "is not": "isn't",
    "are not": "aren't", "was not": "wasn't", "were not": "weren't", "will not": "won't",
    "can not": "can't", "cannot": "can't", "would not": "wouldn't", "could not": "couldn't",
    "has not": "hasn't", "have not": "haven't", "it is": "it's", "that is": "that's",
}
EXPANSIONS = {v: k for k, v in CONTRACTIONS.items() if k != "can not"}
MODIFIERS = ["also", "just", "very", "still", "really", "only", "even", "now", "already",
             "currently", "reportedly", "recently", "actually", "simply", "clearly", "nearly"]


def rw_contraction(s, rng):
    """Contract or expand a negation: "did not" <-> "didn't" (outside quotations)."""
    table = {**CONTRACTIONS, **{k.replace("'", "\u2019"): v for k, v in EXPANSIONS.items()},
             **EXPANSIONS}
    hits = [m for m in re.finditer(r"\b(" + "|".join(re.escape(k) for k in table) + r")\b", s)
            if m.group(0) in table]
    if not hits:
        return None
    m = rng.choice(hits)
    new = table[m.group(0)]
    return s[: m.start()] + new + s[m.end():], f"contraction {m.group(0)}->{new}"


def rw_drop_modifier(s, rng):
    """Drop an adverb such as "also", "just" or "reportedly"."""
    hits = list(re.finditer(r" (" + "|".join(MODIFIERS) + r")\b", s))
    if not hits:
        return None
    m = rng.choice(hits)
    return s[: m.start()] + s[m.end():], f"dropped '{m.group(1)}'"


LIGHT_REWORDINGS = [rw_attribution, rw_synonym, rw_loaded, rw_drop_clause, rw_quote, rw_reorder,
                    rw_number, rw_append, rw_contraction, rw_drop_modifier]
# Not every sentence lends itself to every rewording: the ones that need a specific pattern get
# a higher weight so that the mix stays varied, and the ones that fit almost any sentence
# (loaded words, appended phrases) a lower one.
LIGHT_WEIGHTS = [5, 3, 1, 3, 3, 5, 2, 1, 3, 2]


def light_reword(s, rng):
    """Apply one (sometimes two) light rewordings. Returns (text, description) or None."""
    funcs = list(LIGHT_REWORDINGS)
    weights = list(LIGHT_WEIGHTS)
    order = []
    while funcs:
        f = rng.choices(funcs, weights)[0]
        i = funcs.index(f)
        order.append(f)
        del funcs[i], weights[i]
    text, descs = s, []
    for f in order:
        out = f(text, rng)
        if out is None:
            continue
        text, d = out
        descs.append(d)
        if len(descs) == 2 or rng.random() < 0.75:
            break
    if not descs or norm(text) == norm(s):
        return None
    return text, "; ".join(descs)


HEAVY_TAILS = [
    ", officials said.", ", though few details were released.",
    ", according to people familiar with the matter.", " in a move that surprised observers.",
    ", a development that drew little notice at the time.", ", the account suggested.",
    ", reports indicated.",
]
CLAUSE_WORDS = {"and", "but", "that", "which", "because", "when", "as", "after", "while", "who",
                "to", "with", "for", "in"}


def heavy_reword(s, rng):
    """Paraphrase heavily: keep the first 30-55% of the words (with synonyms), add a generic tail.

    Only a minority of the original words survive, so a tool has to rely on the sentence's
    position between two unchanged neighbours to pair it with its original.
    """
    toks = words(s)
    if len(toks) < 10 or not is_prose(s):
        return None
    cuts = [j for j in range(len(toks))
            if 0.3 <= j / len(toks) <= 0.55
            and (toks[j - 1].endswith(",") or toks[j].lower() in CLAUSE_WORDS)]
    cuts = [j for j in cuts if quotes_balanced(" ".join(toks[:j]))]
    if not cuts:
        return None
    j = rng.choice(cuts)
    head = " ".join(toks[:j]).rstrip(",;:")
    for m in sorted(re.finditer(r"\b[A-Za-z]+\b", head), key=lambda m: -m.start()):
        w = m.group(0)
        if m.start() > 0 and w[0].isupper():
            continue  # a name
        new = ATTRIBUTION.get(w.lower(), [None])[0] or SYNONYMS.get(w.lower())
        if new:
            head = head[: m.start()] + with_case(w, new) + head[m.end():]
    head = re.sub(r"[.!?]$", "", head)
    text = head + rng.choice(HEAVY_TAILS)
    if norm(text) == norm(s):
        return None
    return text, f"heavy paraphrase (kept {j}/{len(toks)} words)"


# --------------------------------------------------------------------------------------------
# Splits and merges

SPLIT_POINT = re.compile(r", and |, but |; |, which ")


def sep_is_list(s, m):
    """True when ", and" closes a list ("a, b, and c") rather than joining two clauses."""
    if m.group(0) != ", and ":
        return False
    return "," in " ".join(words(s[: m.start()])[-8:])


def split_sentence(s, rng):
    """Split a long sentence at ", and" / ", but" / ";" / ", which" into two sentences."""
    options = []
    if not is_prose(s):
        return None
    for m in SPLIT_POINT.finditer(s):
        left, right = s[: m.start()], s[m.end():]
        if len(words(left)) < 5 or len(words(right)) < 4 or not quotes_balanced(left):
            continue
        if not re.search(r"[A-Za-z0-9)]$", left):
            continue
        if sep_is_list(s, m):
            continue
        options.append(m)
    if not options:
        return None
    m = rng.choice(options)
    left, right, sep = s[: m.start()] + ".", s[m.end():], m.group(0)
    if sep == ", but ":
        right = "But " + right
    elif sep == ", which ":
        right = "This " + right
    else:
        right = capitalise(right)
    return left, right, f"split at '{sep.strip()}'"


def merge_sentences(a, b, rng):
    """Join two consecutive sentences with ", and" or ";"."""
    joiner = rng.choice([", and ", "; "])
    return a[:-1] + joiner + decapitalise(b), f"merged with '{joiner.strip()}'"


# --------------------------------------------------------------------------------------------
# House style (must still count as unchanged)


def style_quotes(s, rng):
    if '"' in s:
        out, opening = [], True
        for i, c in enumerate(s):
            if c == '"':
                prev = s[i - 1] if i else " "
                opening = prev.isspace() or prev in "([\u2014-"
                out.append("\u201c" if opening else "\u201d")
            else:
                out.append(c)
        return "".join(out), "curly quotes"
    if "\u201c" in s or "\u201d" in s:
        return s.replace("\u201c", '"').replace("\u201d", '"'), "straight quotes"
    return None


def style_apostrophes(s, rng):
    if re.search(r"\w'\w", s):
        return re.sub(r"(?<=\w)'(?=\w)", "\u2019", s), "curly apostrophes"
    if re.search(r"\w\u2019\w", s):
        return re.sub(r"(?<=\w)\u2019(?=\w)", "'", s), "straight apostrophes"
    return None


def style_dashes(s, rng):
    if " - " in s:
        return s.replace(" - ", rng.choice([" \u2014 ", " -- ", " \u2013 "])), "dash style"
    if re.search(r"(?<!-)--(?!-)", s):
        # A double hyphen standing for a dash; not the hyphens of a bleeped "f---ing".
        return re.sub(r"(?<!-)--(?!-)", "\u2014", s), "dash style"
    if "\u2014" in s:
        return s.replace("\u2014", rng.choice(["--", "\u2013"])), "dash style"
    if "\u2013" in s and not re.search(r"\d\u2013\d", s):
        return s.replace("\u2013", "\u2014"), "dash style"
    return None


def style_double_space(s, rng):
    spaces = [m.start() for m in re.finditer(" ", s)]
    if not spaces:
        return None
    i = rng.choice(spaces)
    return s[:i] + "  " + s[i + 1:], "double space"


def style_nbsp(s, rng):
    spaces = [m.start() for m in re.finditer(" ", s)]
    if not spaces:
        return None
    i = rng.choice(spaces)
    return s[:i] + "\u00a0" + s[i + 1:], "non-breaking space"


def house_style(s, rng):
    """Apply one or two house-style changes that keep every word identical."""
    preferred = [f for f in (style_quotes, style_apostrophes, style_dashes) if f(s, rng)]
    rng.shuffle(preferred)
    funcs = preferred + rng.sample([style_double_space, style_nbsp], 2)
    text, descs = s, []
    for f in funcs[: rng.choice([1, 1, 2])]:
        out = f(text, rng)
        if out:
            text, d = out
            descs.append(d)
    assert norm(text) == norm(s), (s, text)
    return text, ", ".join(descs)


# --------------------------------------------------------------------------------------------
# Insertions

TEMPLATES = [
    "Critics say {e} has long been accused of ignoring warning signs.",
    "The episode is likely to deepen scrutiny of {e}.",
    "Supporters of {e} have dismissed such concerns as politically motivated.",
    "It was not the first time {e} had drawn criticism.",
    "Some observers say {e} has repeatedly downplayed the problem.",
    "Questions about {e} have only grown in recent months.",
    "{e} has faced mounting pressure to explain the decision.",
    "Detractors argue that {e} has yet to offer a convincing account of what happened.",
]
NOT_ENTITIES = set(SENTENCE_OPENERS) | set(WEEKDAYS.split("|")) | {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Mr", "Mrs", "Ms", "Dr", "I",
}


def entities(doc):
    """Capitalised names that occur mid-sentence, most frequent first."""
    counts = {}
    for s in doc.sents:
        for m in re.finditer(r"(?<=[a-z,] )([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})\b", s):
            name = m.group(1)
            if name.split()[0] in NOT_ENTITIES or len(name) < 4:
                continue
            counts[name] = counts.get(name, 0) + 1
    return sorted(counts, key=lambda n: (-counts[n], n))


def donor_passage(donors, rng, max_sents):
    """1..max_sents consecutive sentences from the start of a paragraph of another article."""
    for _ in range(50):
        doc = rng.choice(donors)
        paras = [p for p in doc.paras
                 if all(30 <= len(doc.sents[i]) <= 300 and is_prose(doc.sents[i]) for i in p[:max_sents])]
        if not paras:
            continue
        p = rng.choice(paras)
        k = rng.randint(1, min(max_sents, len(p)))
        return [doc.sents[i] for i in p[:k]], doc.id
    return None


# --------------------------------------------------------------------------------------------
# The adaptation of one source


@dataclass
class Unit:
    """One sentence of the adapted text with its gold label."""

    text: str
    label: str  # unchanged | reworded | inserted
    source: object = None  # index of the original it comes from (None for inserted)
    origin: list = field(default_factory=list)  # original sentence indices it comes from
    moved: bool = False
    edit: str = ""


def snippet(s, n=60):
    s = s.replace("\n", " ")
    return s if len(s) <= n else s[: n - 3] + "..."


def plan_removals(doc, rng, edits, src):
    """Choose the original sentences to drop: singles, sometimes a paragraph or the tail."""
    n = len(doc.spans)
    target = max(1, round(n * rng.uniform(0.10, 0.15)))
    removed = set()
    paras = doc.paras
    if len(paras) >= 5 and rng.random() < 0.3:
        k = 1 if rng.random() < 0.7 else 2
        tail = [i for p in paras[-k:] for i in p]
        if len(tail) <= target + 2 and n - len(tail) >= 6:
            removed.update(tail)
            edits.append(f"[{src}] truncated: removed the last {k} paragraph(s), "
                         f"sentences {tail[0]}-{tail[-1]}")
    if len(paras) >= 5 and rng.random() < 0.3:
        middle = [p for p in paras[1:-1] if len(p) <= 3 and not removed & set(p)]
        if middle:
            p = rng.choice(middle)
            removed.update(p)
            edits.append(f"[{src}] removed paragraph, sentences {p[0]}-{p[-1]}: {snippet(doc.sents[p[0]])}")
    pool = [i for i in range(1, n) if i not in removed]
    rng.shuffle(pool)
    while len(removed) < target and pool and n - len(removed) > max(5, int(0.7 * n)):
        i = pool.pop()
        removed.add(i)
        edits.append(f"[{src}] removed sentence {i}: {snippet(doc.sents[i])}")
    return removed


def flat(layout):
    return [i for p in layout for i in p]


def lis_length(seq):
    """Length of the longest increasing subsequence."""
    tails = []
    for x in seq:
        k = bisect.bisect_left(tails, x)
        if k == len(tails):
            tails.append(x)
        else:
            tails[k] = x
    return len(tails)


def insertion_points(layout):
    """All places an item can go: (paragraph index, position or None for a new paragraph, flat pos)."""
    points, pos = [], 0
    for pi, p in enumerate(layout):
        points.append((pi, None, pos))  # a new paragraph before paragraph pi
        for k in range(len(p) + 1):
            points.append((pi, k, pos + k))
        pos += len(p)
    points.append((len(layout), None, pos))
    return points


def move_sentence(layout, rng, doc):
    """Move one sentence at least 3 sentences away. Returns (index, description) or None."""
    sentences = flat(layout)
    if len(sentences) < 6:
        return None
    i = rng.choice(sentences[1:])
    src_pos = sentences.index(i)
    trial = [[x for x in p if x != i] for p in layout]
    trial = [p for p in trial if p]
    own_para = rng.random() < 0.35
    sents = doc.sents

    def fits(pt):
        """Inside a paragraph only between terminated sentences (no run-on headings)."""
        pi, k, _ = pt
        if k is None:
            return True
        before_ok = k == 0 or terminated(sents[trial[pi][k - 1]])
        return before_ok and (k == len(trial[pi]) or terminated(sents[i]))

    points = [pt for pt in insertion_points(trial)
              if abs(pt[2] - src_pos) >= 3 and (pt[1] is None) == own_para and fits(pt)]
    if not points:
        return None
    pi, k, pos = rng.choice(points)
    if k is None:
        trial.insert(pi, [i])
    else:
        trial[pi].insert(k, i)
    layout[:] = trial
    where = "as its own paragraph" if k is None else f"into paragraph {pi}"
    return i, f"{'forward' if pos > src_pos else 'back'} {abs(pos - src_pos)} sentences, {where}"


def move_paragraph(layout, rng):
    """Move one short paragraph (1-3 sentences) to a distant paragraph boundary."""
    candidates = [pi for pi in range(1, len(layout)) if len(layout[pi]) <= 3]
    if not candidates:
        return None
    pi = rng.choice(candidates)
    para = layout[pi]
    src_pos = sum(len(p) for p in layout[:pi])
    trial = layout[:pi] + layout[pi + 1:]
    need = max(3, len(para) + 2)
    points = [pt for pt in insertion_points(trial) if pt[1] is None and abs(pt[2] - src_pos) >= need]
    if not points:
        return None
    dest, _, pos = rng.choice(points)
    trial.insert(dest, para)
    layout[:] = trial
    return para, f"{'forward' if pos > src_pos else 'back'} {abs(pos - src_pos)} sentences"


def plan_moves(layout, rng, edits, src, doc):
    """Move 1-2 sentences or one paragraph. Returns the set of moved sentence indices."""
    moved = set()
    if rng.random() < 0.35:
        out = move_paragraph(layout, rng)
        if out:
            para, desc = out
            moved.update(para)
            edits.append(f"[{src}] moved paragraph (sentences {para[0]}-{para[-1]}) {desc}: "
                         f"{snippet(doc.sents[para[0]])}")
            return moved
    for _ in range(1 if rng.random() < 0.65 else 2):
        saved = [list(p) for p in layout]
        out = move_sentence(layout, rng, doc)
        if not out or out[0] in moved:
            layout[:] = saved
            continue
        # the moved set must be the unique minimal explanation of the new order
        order = flat(layout)
        if lis_length(order) != len(order) - len(moved) - 1:
            layout[:] = saved
            continue
        moved.add(out[0])
        edits.append(f"[{src}] moved sentence {out[0]} {out[1]}: {snippet(doc.sents[out[0]])}")
    return moved


def edit_count(n, low, high, rng):
    """How many edits of one kind for n sentences: a rate in [low, high], at least one usually."""
    k = round(n * rng.uniform(low, high))
    return k if k or rng.random() < 0.3 else 1


def adapt_source(doc, src, rng, donors, n_insertions, edits):
    """Edit one article. Returns (paragraphs of Units, set of removed sentence indices)."""
    sents = doc.sents
    removed = plan_removals(doc, rng, edits, src)
    layout = [[i for i in p if i not in removed] for p in doc.paras]
    layout = [p for p in layout if p]
    moved = plan_moves(layout, rng, edits, src, doc)
    order = flat(layout)
    position = {i: k for k, i in enumerate(order)}
    ops = {i: ("keep", None) for i in order}
    locked = set()  # unchanged neighbours of heavy paraphrases

    def free(i):
        return ops.get(i, ("",))[0] == "keep" and i not in locked and i not in moved

    # heavy paraphrases: in place, between two unchanged neighbours
    n_heavy = edit_count(len(order), 0.02, 0.05, rng)
    cands = [i for i in order if 0 < position[i] < len(order) - 1
             and order[position[i] - 1] == i - 1 and order[position[i] + 1] == i + 1]
    rng.shuffle(cands)
    for i in cands:
        if n_heavy <= 0:
            break
        if not all(free(j) for j in (i - 1, i, i + 1)):
            continue
        out = heavy_reword(sents[i], rng)
        if out:
            ops[i] = ("heavy", out)
            locked.update((i - 1, i + 1))
            n_heavy -= 1

    # splits
    n_split = edit_count(len(order), 0.03, 0.06, rng)
    cands = [i for i in order if free(i)]
    rng.shuffle(cands)
    for i in cands:
        if n_split <= 0:
            break
        out = split_sentence(sents[i], rng)
        if out:
            ops[i] = ("split", out)
            n_split -= 1

    # merges: consecutive in the same adapted paragraph
    n_merge = edit_count(len(order), 0.03, 0.06, rng)
    pairs = [(p[k], p[k + 1]) for p in layout for k in range(len(p) - 1)
             if p[k + 1] == p[k] + 1]
    rng.shuffle(pairs)
    for a, b in pairs:
        if n_merge <= 0:
            break
        if (free(a) and free(b) and ends_plainly(sents[a]) and len(sents[a]) + len(sents[b]) < 400
                and is_prose(sents[a]) and is_prose(sents[b])):
            ops[a] = ("merge", merge_sentences(sents[a], sents[b], rng))
            ops[b] = ("merged", None)
            n_merge -= 1

    # light rewordings (a moved sentence now and then too)
    n_light = max(2, round(len(order) * rng.uniform(0.18, 0.26)))
    cands = [i for i in order if free(i)]
    rng.shuffle(cands)
    if moved and rng.random() < 0.3:
        cands.insert(0, rng.choice(sorted(moved)))
    for i in cands:
        if n_light <= 0:
            break
        if not is_prose(sents[i]):
            continue  # headings and list lines are kept or cut, not reworded
        out = light_reword(sents[i], rng)
        if out:
            ops[i] = ("reword", out)
            n_light -= 1

    # house style on about 15% of the sentences kept verbatim
    for i in order:
        if ops[i][0] == "keep" and rng.random() < 0.15:
            ops[i] = ("style", house_style(sents[i], rng))

    paragraphs = []
    for p in layout:
        units = []
        for i in p:
            op, out = ops[i]
            mv = i in moved
            if op == "keep":
                units.append(Unit(sents[i], "unchanged", src, [i], mv))
            elif op == "style":
                units.append(Unit(out[0], "unchanged", src, [i], mv, "house style: " + out[1]))
                edits.append(f"[{src}] house style on sentence {i}: {out[1]}")
            elif op in ("reword", "heavy"):
                units.append(Unit(out[0], "reworded", src, [i], mv, out[1]))
                edits.append(f"[{src}] reworded sentence {i}{' (moved)' if mv else ''}: {out[1]}")
            elif op == "split":
                units.append(Unit(out[0], "reworded", src, [i], mv, out[2]))
                units.append(Unit(out[1], "reworded", src, [i], mv, out[2]))
                edits.append(f"[{src}] split sentence {i}: {out[2]}")
            elif op == "merge":
                units.append(Unit(out[0], "reworded", src, [i, i + 1], mv, out[1]))
                edits.append(f"[{src}] merged sentences {i}+{i + 1}: {out[1]}")
        if units:
            paragraphs.append(units)

    insert_editorial(paragraphs, doc, rng, donors, n_insertions, edits, src)
    return paragraphs, removed


def insert_editorial(paragraphs, doc, rng, donors, count, edits, src):
    """Insert `count` editorial passages: foreign paragraphs/sentences or entity templates."""
    names = entities(doc)
    originals = {norm(s) for s in doc.sents}
    for _ in range(count):
        kind = rng.choices(["paragraph", "sentence", "template"], [0.4, 0.3, 0.3])[0]
        if kind == "template" and names:
            name = rng.choice(names[:3])
            texts = [rng.choice(TEMPLATES).format(e=name)]
            texts[0] = capitalise(texts[0])
            origin = f"template on '{name}'"
        else:
            kind = "paragraph" if kind == "template" else kind
            out = donor_passage(donors, rng, 3 if kind == "paragraph" else 1)
            if not out:
                continue
            texts, donor_id = out
            origin = f"from article {donor_id[:8]}"
        if any(norm(t) in originals for t in texts):
            continue
        units = [Unit(t, "inserted", None, [], False, "inserted " + origin) for t in texts]
        own_para = kind == "paragraph" or rng.random() < 0.3
        points = [pt for pt in editorial_points(paragraphs) if (pt[1] is None) == own_para]
        if not points:
            continue
        pi, k = rng.choice(points)
        if k is None:
            paragraphs.insert(pi, units)
        else:
            paragraphs[pi][k:k] = units
        edits.append(f"[{src}] inserted {len(texts)} sentence(s) {origin}"
                     f"{' as a paragraph' if k is None else ''} before paragraph {pi}: "
                     f"{snippet(texts[0])}")


def editorial_points(paragraphs):
    """Insertion points (paragraph, position or None) that are not next to a heavy paraphrase."""
    sequence = [u for p in paragraphs for u in p]
    heavy = [u.edit.startswith("heavy") for u in sequence]
    points, pos = [], 0
    for pi, p in enumerate(paragraphs + [[]]):
        for k in [None] + list(range(1, len(p) + 1)):
            before = pos + (k or 0) - 1
            after = pos + (k or 0)
            if before >= 0 and before < len(heavy) and heavy[before]:
                continue
            if after < len(heavy) and heavy[after]:
                continue
            if pi == 0 and k is None:
                continue  # never before the lead
            if k is not None and not terminated(p[k - 1].text):
                continue  # not after a heading or list line in the same paragraph
            points.append((pi, k))
        pos += len(p)
    return points


# --------------------------------------------------------------------------------------------
# Pairs


SUBHEAD_TAILS = ["RESPONDS", "IN FOCUS", "WHAT COMES NEXT", "THE BIGGER PICTURE", "ELSEWHERE",
                 "NO END IN SIGHT"]


def subhead(doc, rng):
    """An upper-case subhead introducing the second source ("NO END IN SIGHT FOR UKRAINE")."""
    names = entities(doc)
    tail = rng.choice(SUBHEAD_TAILS)
    if not names or tail == "ELSEWHERE":
        return "MORE DEVELOPMENTS"
    if tail == "NO END IN SIGHT":
        return f"NO END IN SIGHT FOR {names[0].upper()}"
    return f"{names[0].upper()} {tail}"


def build_pair(corpus, eligible, index, rng):
    """Build one pair from eligible[index] (and maybe a second article). Returns a dict.

    `corpus` holds the articles that may lend sentences to editorial insertions.
    """
    first = eligible[index]
    sources = [first]
    if rng.random() < MULTI_SOURCE_RATE:
        second = rng.choice([d for d in eligible if d.id != first.id])
        sources.append(second)
    source_ids = {d.id for d in sources}
    donors = [d for d in corpus if d.id not in source_ids]
    edits = []
    parts, removed = [], []
    if len(sources) == 1:
        n_ins = [rng.randint(1, 3)]
    else:
        n_ins = [rng.randint(0, 2), rng.randint(0, 1)]
        n_ins[0] = max(n_ins[0], 1 - n_ins[1])
    for src, doc in enumerate(sources):
        paras, rem = adapt_source(doc, src, rng, donors, n_ins[src], edits)
        parts.append(paras)
        removed.append(rem)
    if len(sources) == 1:
        paragraphs = parts[0]
    elif rng.random() < 0.7 or len(parts[0]) < 2 or len(parts[1]) < 2:
        head = subhead(sources[1], rng)
        paragraphs = parts[0] + [[Unit(head, "inserted", None, [], False, "subhead")]] + parts[1]
        edits.append(f"second source appended after the subhead '{head}'")
    else:
        def cuts(paras):
            """Paragraph boundaries with no heavy paraphrase on either side."""
            def heavy(u):
                return u.edit.startswith("heavy")
            return [k for k in range(1, len(paras))
                    if not heavy(paras[k - 1][-1]) and not heavy(paras[k][0])] or [1]

        a, b = rng.choice(cuts(parts[0])), rng.choice(cuts(parts[1]))
        paragraphs = parts[0][:a] + parts[1][:b] + parts[0][a:] + parts[1][b:]
        edits.append(f"sources interleaved in blocks: 0[:{a}] 1[:{b}] 0[{a}:] 1[{b}:] (paragraphs)")
    return {"sources": sources, "removed": removed, "paragraphs": paragraphs, "edits": edits}


def byte_offsets(text):
    """Map each character index (and len(text)) to its UTF-8 byte offset."""
    out, b = [], 0
    for c in text:
        out.append(b)
        b += len(c.encode("utf-8"))
    out.append(b)
    return out


def render(paragraphs):
    """Join units into the adapted text; return (text, [(unit, char_start, char_end)])."""
    chunks, placed, pos = [], [], 0
    for pi, para in enumerate(paragraphs):
        for ui, unit in enumerate(para):
            sep = "" if pi == 0 and ui == 0 else ("\n\n" if ui == 0 else " ")
            chunks.append(sep)
            pos += len(sep)
            chunks.append(unit.text)
            placed.append((unit, pos, pos + len(unit.text)))
            pos += len(unit.text)
    return "".join(chunks) + "\n", placed


def write_pair(pair, out_dir):
    """Write original(s), adapted.txt and gold.json into out_dir."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = pair["sources"]
    gold = {"originals": [], "adapted": None, "edits": pair["edits"]}
    for src, doc in enumerate(sources):
        name = "original.txt" if len(sources) == 1 else f"original-{src + 1}.txt"
        (out_dir / name).write_bytes(doc.text.encode("utf-8"))
        offs = byte_offsets(doc.text)
        gold["originals"].append({
            "file": name, "id": doc.id, "url": doc.url,
            "sentences": [{"start": offs[a], "end": offs[b],
                           "label": "removed" if i in pair["removed"][src] else "kept"}
                          for i, (a, b) in enumerate(doc.spans)],
        })
    text, placed = render(pair["paragraphs"])
    (out_dir / "adapted.txt").write_bytes(text.encode("utf-8"))
    offs = byte_offsets(text)
    gold["adapted"] = {"file": "adapted.txt", "sentences": [
        {"start": offs[a], "end": offs[b], "label": u.label, "moved": u.moved, "source": u.source,
         "origin": u.origin, "edit": u.edit}
        for u, a, b in placed]}
    (out_dir / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=1, help="RNG seed (default 1)")
    ap.add_argument("--out", default=str(REPO / "target" / "eval" / "edits"),
                    help="output directory (default target/eval/edits); pairs of an earlier run "
                         "in it are deleted first")
    ap.add_argument("--limit", type=int, default=None, help="build only the first N pairs")
    ap.add_argument("--corpus", default=str(CORPUS), help="ground-truth.json of the benchmark")
    ap.add_argument("--all-languages", action="store_true",
                    help="also use the few non-Latin-script articles (skipped by default)")
    args = ap.parse_args(argv)

    if not Path(args.corpus).exists():
        sys.exit(f"synth: corpus not found: {args.corpus}")
    docs = load_corpus(args.corpus)
    eligible = [d for d in docs if len(d.spans) >= MIN_SENTENCES
                and (args.all_languages or is_latin(d.text))]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():  # remove the pairs of an earlier run, and nothing else
        if old.is_dir() and (old / "gold.json").exists():
            shutil.rmtree(old)
    donors = [d for d in docs if d.spans and is_latin(d.text)]
    count = len(eligible) if args.limit is None else min(args.limit, len(eligible))
    stats = {}
    n_multi = 0
    for index in range(count):
        doc = eligible[index]
        rng = random.Random(f"{args.seed}:{doc.id}")
        pair = build_pair(donors, eligible, index, rng)
        multi = len(pair["sources"]) > 1
        n_multi += multi
        write_pair(pair, out / f"{index:03d}-{doc.id[:8]}{'-multi' if multi else ''}")
        for para in pair["paragraphs"]:
            for u in para:
                stats[u.label] = stats.get(u.label, 0) + 1
                stats["moved"] = stats.get("moved", 0) + u.moved
        for src, doc in enumerate(pair["sources"]):
            stats["original"] = stats.get("original", 0) + len(doc.spans)
            stats["removed"] = stats.get("removed", 0) + len(pair["removed"][src])
    skipped = len(docs) - len(eligible)
    print(f"synth: wrote {count} pairs ({n_multi} two-source) to {out}; "
          f"skipped {skipped} short or non-Latin articles")
    print("synth: adapted units " + ", ".join(f"{k} {stats.get(k, 0)}" for k in
                                              ("unchanged", "reworded", "inserted", "moved"))
          + f"; original units {stats.get('original', 0)}, removed {stats.get('removed', 0)}")


if __name__ == "__main__":
    main()
