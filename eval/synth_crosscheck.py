#!/usr/bin/env python3
"""crosscheck: an independent second generator of synthetic (original, adapted) article pairs.

It exists to check that wirediff is not over-fitted to eval/synth_edits.py. It reads the same corpus
(the article bodies of ../shared/data/article-extraction-benchmark/ground-truth.json, in place)
and writes the same directory layout and gold.json format, so that

    python3 eval/synth_crosscheck.py --out target/eval/crosscheck
    python3 eval/run.py --pairs target/eval/crosscheck

scores wirediff on it. Every design decision that can differ from synth_edits.py does: its own
sentence splitter (a plain regex with a short abbreviation list), its own selection and order
of articles, seed, rates, rewording styles, synonym table, split and merge points, editorial
templates filled with this article's own names and nouns, insertion places (mid-paragraph,
runs of 2-3 sentences, in the gap of a cut sentence, before the lead, a headline), kinds of
moves (within a paragraph, paragraph to the end, paragraph swap), long truncations, paragraph
interleaving of two sources, pair-wide quote styles, single-newline paragraphs and CRLF files.
It imports nothing from synth_edits.py or segment.py.

Gold label rules are those of eval/README.md: original sentences are `kept` or `removed`
(moved, split and merged ones are kept); adapted sentences are `unchanged`, `reworded` or
`inserted`; both halves of a split and a merged sentence are `reworded`; `moved` marks the
adapted sentences outside the (unique) longest increasing subsequence of original positions,
per source. A sentence is `unchanged` iff it equals its original after folding Unicode (NFKC),
quotes, dashes, case, whitespace and punctuation, and every `reworded` one differs after it.

usage: python3 eval/synth_crosscheck.py [--seed 7] [--out target/eval/crosscheck] [--limit N]
"""

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO / ".." / "shared" / "data" / "article-extraction-benchmark" / "ground-truth.json"
MIN_UNITS = 8           # sentences an article needs to be used
MULTI_RATE = 0.25       # share of two-source pairs

# ============================================================================================
# Sentence splitter (deliberately simple and different from eval/segment.py)
#
# Every line is a paragraph. Inside a line a sentence ends at . ! or ? (plus closing quotes or
# brackets) followed by whitespace and an upper-case letter (maybe after an opening quote or
# bracket). A period does not end a sentence after a word of the short list below or a single
# capital initial. Units without any letter or digit are dropped.

SHORT_ABBREVS = {
    "mr", "mrs", "ms", "dr", "st", "gov", "sen", "rep", "gen", "jr", "sr", "inc", "co", "corp",
    "ltd", "vs", "jan", "feb", "aug", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "d.c", "a.m", "p.m", "e.g", "i.e", "lt", "col", "sgt", "prof", "rev", "ft", "mt", "sens",
    "reps", "rt", "hon", "cmdr", "adm", "capt", "maj",
}
BOUNDARY = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(\s+)(?=[\"'\u201c\u2018(\[]?[A-Z\u00c0-\u00d6\u00d8-\u00de])")
TOKEN_END = re.compile(r"(\S+)$")


def split_line(line):
    """Character spans of the sentences of one line (a paragraph)."""
    spans = []
    start = len(line) - len(line.lstrip())
    for m in BOUNDARY.finditer(line):
        end = m.start(1)
        if end <= start:
            continue
        punct_at = m.start()
        if line[punct_at] == ".":
            tok = TOKEN_END.search(line[:punct_at + 1]).group(1)
            bare = tok.rstrip(".").lstrip("\"'\u201c\u2018([").lower()
            if bare in SHORT_ABBREVS or re.fullmatch(r"[a-z]|(?:[a-z]\.)+[a-z]", bare):
                continue  # an abbreviation, an initial or dotted initials ("P.J.")
            if bare.isdigit() and not line[start:punct_at].strip(" (").replace(bare, "", 1).strip():
                continue  # list numbering: "3. Practice mindfulness"
        spans.append((start, end))
        start = m.end(1)
    end = len(line.rstrip())
    if end > start:
        spans.append((start, end))
    return [(a, b) for a, b in spans if any(c.isalnum() for c in line[a:b])]


def split_text(text):
    """Paragraphs (lists of (start, end) character spans into text): one per non-blank line."""
    paras = []
    for m in re.finditer(r"[^\n]+", text):
        spans = [(m.start() + a, m.start() + b) for a, b in split_line(m.group(0))]
        if spans:
            paras.append(spans)
    return paras


def one_sentence(s):
    """True when the splitter sees exactly one sentence in s."""
    return len(split_line(s)) == 1


# ============================================================================================
# Corpus


@dataclass
class Article:
    id: str
    url: str
    text: str
    spans: list
    paras: list          # lists of sentence indices
    sents: list = field(default_factory=list)

    def __post_init__(self):
        self.sents = [self.text[a:b] for a, b in self.spans]


def mostly_latin(text):
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c < "\u0250" for c in letters) >= 0.85 * len(letters)


def load_articles(path):
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    arts = []
    for aid, rec in data.items():
        # keep the body as it is, line endings aside (no stripping of lines, unlike synth_edits.py)
        text = rec["articleBody"].replace("\r\n", "\n").replace("\r", "\n")
        if not text.endswith("\n"):
            text += "\n"
        spans, paras = [], []
        for p in split_text(text):
            paras.append(list(range(len(spans), len(spans) + len(p))))
            spans.extend(p)
        arts.append(Article(aid, rec.get("url", ""), text, spans, paras))
    return arts


# ============================================================================================
# Text helpers

def strict(s):
    """The comparison key: NFKC, case, quotes, dashes, whitespace and punctuation folded.

    Periods and apostrophes vanish ("U.S." = "US", "don't" = "don’t"); every other run of
    non-word characters becomes one space.
    """
    s = unicodedata.normalize("NFKC", s).lower()
    s = re.sub(r"[.'\u2019\u2018]", "", s)
    s = re.sub(r"[\W_]+", " ", s)
    words = [SPELLING.get(w, w) for w in s.split() if w not in HONORIFICS]
    return " ".join(words)


# House style also covers British and American spelling and dropped honorifics.
SPELLING_PAIRS = [
    ("colour", "color"), ("colours", "colors"), ("favour", "favor"), ("favourite", "favorite"),
    ("honour", "honor"), ("labour", "labor"), ("neighbour", "neighbor"),
    ("neighbours", "neighbors"), ("behaviour", "behavior"), ("centre", "center"),
    ("centres", "centers"), ("theatre", "theater"), ("defence", "defense"),
    ("offence", "offense"), ("organise", "organize"), ("organised", "organized"),
    ("organisation", "organization"), ("organisations", "organizations"),
    ("recognise", "recognize"), ("recognised", "recognized"), ("realise", "realize"),
    ("criticised", "criticized"), ("analyse", "analyze"), ("programme", "program"),
    ("travelled", "traveled"), ("cancelled", "canceled"), ("grey", "gray"),
    ("catalogue", "catalog"), ("licence", "license"), ("metre", "meter"),
    ("metres", "meters"), ("jewellery", "jewelry"), ("modelling", "modeling"),
]
SPELLING = {uk: us for uk, us in SPELLING_PAIRS}
SPELLING_BACK = {us: uk for uk, us in SPELLING_PAIRS}
HONORIFICS = {"mr", "mrs", "ms", "dr"}


def wc(s):
    return len(s.split())


def prose(s):
    return wc(s) >= 6 and bool(re.search(r"[.!?][\"'\u201d\u2019)]*$", s))


def plain_end(s):
    """Ends with a bare period after a word (no quote, no question)."""
    return bool(re.search(r"[A-Za-z0-9)]\.$", s)) and quotes_ok(s)


def quotes_ok(s):
    return s.count('"') % 2 == 0 and s.count("\u201c") == s.count("\u201d")


def cap_first(s):
    for i, c in enumerate(s):
        if c.isalpha():
            return s[:i] + c.upper() + s[i + 1:]
        if c not in "\"'\u201c\u2018(":
            return s
    return s


LOWERABLE = {
    "The", "A", "An", "He", "She", "It", "They", "We", "This", "That", "These", "Those", "His",
    "Her", "Its", "Their", "Our", "In", "On", "At", "But", "And", "After", "When", "As", "For",
    "Some", "Many", "Most", "There", "Officials", "Police", "Authorities", "Both", "Several",
}


def lower_first(s, ctx=None):
    """Lower-case the first word when it is a common word (not a name) in mid-sentence position."""
    m = re.match(r"([A-Za-z]+)", s)
    if m and (m.group(1) in LOWERABLE or (ctx and m.group(1).lower() in ctx["vocab"]
                                          and m.group(1) not in ctx["capitals"])):
        return m.group(1).lower() + s[m.end():]
    return s


def keep_case(old, new):
    return new[:1].upper() + new[1:] if old[:1].isupper() else new


def ends_ok(orig, new):
    """A rewording keeps the sentence a sentence: one unit, terminal punctuation if it had one."""
    if not one_sentence(new) or quotes_ok(new) != quotes_ok(orig):
        return False
    if re.search(r"[.!?][\"'\u201d\u2019)]*$", orig) and not re.search(r"[.!?][\"'\u201d\u2019)]*$", new):
        return False
    return True


# ============================================================================================
# Rewordings: f(sentence, rng, ctx) -> (new sentence, description) or None

DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
MONTHS = ("January|February|March|April|May|June|July|August|September|October|November|"
          "December|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.")
WHEN = rf"(?:on (?:{DAYS})|last (?:week|month|year|night)|this (?:week|month)|yesterday|earlier this (?:week|month)|on (?:{MONTHS}) \d{{1,2}})"
ATTRIB_VERBS = r"(?:said|says|announced|told reporters|wrote|added|confirmed)"
PREPOSITIONS = {"of", "since", "until", "before", "after", "than", "from", "through", "by", "to",
                "during", "for", "in", "until", "as", "like", "about", "the", "and", "or"}


def rw_time_front(s, rng, ctx):
    """'X said on Monday that Y.' -> 'On Monday, X said Y.'; 'X did Y last week.' -> 'Last week, X did Y.'"""
    m = re.match(rf"^(?P<subj>[^,\"\u201c]{{3,80}}?) (?P<verb>{ATTRIB_VERBS}) (?P<when>{WHEN}) that (?P<rest>.+)$", s)
    if m:
        when = cap_first(m.group("when"))
        new = f"{when}, {lower_first(m.group('subj'), ctx)} {m.group('verb')} {m.group('rest')}"
        return new, "time phrase fronted, 'that' dropped"
    m = re.match(rf"^(?P<head>[^\"\u201c\u201d]+?),? (?P<when>{WHEN})(?P<end>[.!?])$", s)
    if m and wc(m.group("head")) >= 5 and m.group("head").split()[-1].lower() not in PREPOSITIONS:
        new = f"{cap_first(m.group('when'))}, {lower_first(m.group('head'), ctx)}{m.group('end')}"
        return new, "time phrase fronted"
    return None


def rw_attribution_front(s, rng, ctx):
    """'"Quote," Smith said.' -> 'Smith said: "Quote."'; '..., said Smith.' -> '..., Smith said.'"""
    m = re.match(r"^(?P<o>[\"\u201c])(?P<q>[^\"\u201c\u201d]{15,}?),(?P<c>[\"\u201d]) "
                 r"(?P<who>[A-Z][\w.\- ]{1,40}?|he|she|they) (?P<v>said|says|added|explained)\.$", s)
    if m:
        who = cap_first(m.group("who"))
        new = f"{who} {m.group('v')}: {m.group('o')}{m.group('q')}.{m.group('c')}"
        return new, "attribution moved before the quote"
    m = re.search(r", (?P<v>said|says) (?P<who>(?:[A-Z][\w.\-]+ ?){1,4}|the [a-z]+)(?P<end>\.)$", s)
    if m:
        new = s[:m.start()] + f", {m.group('who').strip()} {m.group('v')}."
        return new, "inverted attribution straightened"
    return None


PASSIVE_VERBS = ("announced|approved|rejected|signed|launched|released|unveiled|introduced|"
                 "filed|issued|passed|blocked|canceled|ordered|criticized|praised|endorsed|"
                 "acquired|purchased|delayed|suspended|bought|sold|built|designed|created|"
                 "discovered|found|arrested|hired|fired|named|appointed|elected|defeated|"
                 "published|posted|shared|confirmed|denied|raised|offered|made|developed|"
                 "opened|closed|won|lost|sued|charged|killed|injured|visited|led|expanded")
SUBJECT_NOT = {"When", "If", "After", "Before", "While", "Although", "Because", "Since", "As",
               "Once", "Until", "Though", "In", "On", "At", "For", "With", "By", "From", "During",
               "Under", "Over", "To", "Then", "Now", "Also", "But", "And", "So"}
OBJECT_PRONOUNS = {"He": "him", "She": "her", "They": "them", "We": "us", "I": "me"}


def rw_passive(s, rng, ctx):
    """'Acme announced the plan on Friday.' -> 'The plan was announced by Acme on Friday.'"""
    m = re.match(rf"^(?P<subj>[A-Z][^,;:\"\u201c\u201d]{{1,50}}?) (?P<verb>{PASSIVE_VERBS}) "
                 rf"(?P<obj>(?:the|a|an|its|his|her|their|this|that|these|two|three|several|more than) "
                 rf"[^,;:\"\u201c\u201d]{{3,70}}?)"
                 rf"(?P<tail>(?: on| in| last| this| after| at| during| earlier| for| to| with| from)\b[^\"\u201c\u201d]*)?(?P<end>\.)$", s)
    if not m or m.group("subj") == "It" or wc(m.group("subj")) > 6:
        return None
    if m.group("subj").split()[0] in SUBJECT_NOT:
        return None  # "When Ford visited ...": a clause, not a subject
    if re.search(r"\b(?:has|have|had|was|were|is|are|will|would|not|to|who|that|which)$", m.group("subj")):
        return None  # "has announced", "to approve": not a simple past tense subject
    obj = m.group("obj")
    head_noun = obj.split()[-1]
    be = "were" if (head_noun.endswith("s") and not head_noun.endswith("ss")) else "was"
    subj = OBJECT_PRONOUNS.get(m.group("subj"), lower_first(m.group("subj"), ctx))
    new = f"{cap_first(obj)} {be} {m.group('verb')} by {subj}{m.group('tail') or ''}."
    return new, "active -> passive"


SUBORDINATORS = "after|before|when|because|although|since|until|if|once|as soon as"


def rw_clause_front(s, rng, ctx):
    """Move a trailing subordinate clause to the front: 'X did Y after Z.' -> 'After Z, X did Y.'"""
    m = re.match(rf"^(?P<main>[^,;:\"\u201c\u201d]{{25,}}?) (?P<conj>{SUBORDINATORS}) "
                 rf"(?P<sub>[^,;:\"\u201c\u201d]{{12,}})\.$", s)
    if not m or wc(m.group("main")) < 4 or " but " in m.group("sub"):
        return None
    if m.group("main").split()[-1].lower() in ("not", "but", "and", "or", "even", "just", "only", "long"):
        return None
    new = f"{cap_first(m.group('conj'))} {m.group('sub')}, {lower_first(m.group('main'), ctx)}."
    return new, f"'{m.group('conj')}' clause moved to the front"


MODIFIERS2 = [
    "very", "highly", "largely", "widely", "deeply", "fully", "extremely", "particularly",
    "significantly", "major", "key", "top", "senior", "massive", "serious", "strong", "huge",
    "historic", "controversial", "longtime", "powerful", "popular", "prominent", "critical",
    "growing", "ongoing", "dramatic", "sharp", "sharply", "quietly", "publicly", "openly",
]


def rw_drop_modifiers(s, rng, ctx):
    """Drop one or two adjectives/adverbs."""
    hits = [m for m in re.finditer(r"(?<= )(" + "|".join(MODIFIERS2) + r") (?=[\w\"\u201c])", s)]
    if not hits:
        return None
    chosen = sorted(rng.sample(hits, min(len(hits), rng.choice([1, 1, 2]))), key=lambda m: -m.start())
    for m in chosen:
        s = s[:m.start()] + s[m.end():]
    return s, "dropped " + ", ".join(f"'{m.group(1)}'" for m in reversed(chosen))


def rw_quote_short(s, rng, ctx):
    """Shorten a quotation: cut it at an inner comma, or elide a few middle words with '...'."""
    hits = list(re.finditer(r"([\"\u201c])([^\"\u201c\u201d]{30,})([\"\u201d])", s))
    if not hits:
        return None
    m = rng.choice(hits)
    inner = m.group(2)
    toks = inner.split(" ")
    if len(toks) < 8:
        return None
    commas = [i for i, t in enumerate(toks[:-2]) if t.endswith(",") and 0.4 * len(toks) <= i + 1]
    if commas and rng.random() < 0.5:
        i = rng.choice(commas)
        tail = inner[-1] if inner[-1] in ".,?!" else ""
        new_inner = " ".join(toks[:i + 1])[:-1] + tail
        return s[:m.start(2)] + new_inner + s[m.end(2):], f"quote cut after {i + 1} of {len(toks)} words"
    options = [(i, k) for i in range(2, len(toks) - 4) for k in range(2, min(5, len(toks) - i - 2) + 1)
               if toks[i + k][:1].islower()]
    if not options:
        return None
    i, k = rng.choice(options)
    new_inner = " ".join(toks[:i] + ["..."] + toks[i + k:])
    return s[:m.start(2)] + new_inner + s[m.end(2):], f"quote elided '{' '.join(toks[i:i + k])}'"


TITLES = (r"President|Vice President|Sen\.|Senator|Rep\.|Gov\.|Governor|Mayor|Secretary|"
          r"Prime Minister|Attorney General|Speaker|Judge|Dr\.|Chancellor|Chief Executive|CEO|"
          r"Coach|Commissioner|Minister")


def rw_short_name(s, rng, ctx):
    """'President Joe Biden' -> 'Biden'; 'Joe Biden' -> 'Biden' when the surname stands alone elsewhere."""
    hits = []
    for m in re.finditer(rf"\b(?:{TITLES}) (?:[A-Z][a-z]+ )?([A-Z][a-z]+)\b(?! [A-Z])", s):
        hits.append((m, m.group(1), "title dropped"))
    for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b(?! [A-Z])", s):
        before = s[:m.start()].split()
        if before and before[-1][:1].isupper() and not before[-1].endswith((",", ":")):
            continue  # part of a longer name ("New York State Attorney General")
        if m.group(2) in ctx["surnames"] and m.group(1) not in STOP_CAPS | NOT_FIRST_NAMES:
            hits.append((m, m.group(2), "first name dropped"))
    if not hits:
        return None
    m, last, what = rng.choice(hits)
    new = s[:m.start()] + last + s[m.end():]
    return new, f"name shortened '{m.group(0)}'->'{last}' ({what})"


NOT_FIRST_NAMES = {
    "Wall", "New", "White", "United", "North", "South", "East", "West", "Los", "San", "Santa",
    "Supreme", "Prime", "Federal", "National", "State", "Smart", "Big", "Great", "Grand", "Old",
    "Saint", "Fort", "Port", "Lake", "Mount", "Silicon", "Middle", "Far", "Central", "Red",
    "Black", "Green", "Blue", "Golden", "Royal", "General", "Apple", "Google", "Amazon", "Air",
    "Home", "Capitol", "Democratic", "Republican", "Senate", "House", "Premier", "Champions",
}
NUM_WORDS = {"1": "one", "2": "two", "3": "three", "4": "four", "5": "five", "6": "six",
             "7": "seven", "8": "eight", "9": "nine", "10": "ten"}
WORD_NUMS = {v: k for k, v in NUM_WORDS.items() if v != "one"}


def rw_numbers(s, rng, ctx):
    """A small number spelled out ('5' -> 'five') or written in digits ('three' -> '3')."""
    digits = [m for m in re.finditer(r"(?<![\w$.,/:\-])(10|[1-9])(?![\w%.,/:\-\u00b0]|\.\d)", s)
              if not re.search(r"(?:[A-Z0-9][\w\-]*|No\.) $", s[:m.start()])]  # not "Wi-Fi 6", "iPhone 11"
    wordsn = [m for m in re.finditer(r"\b(two|three|four|five|six|seven|eight|nine|ten)\b", s)
              if not s[m.end():m.end() + 1] == "-"]
    if not digits and not wordsn:
        return None
    if digits and (not wordsn or rng.random() < 0.5):
        m = rng.choice(digits)
        new = NUM_WORDS[m.group(1)]
        if m.start() == 0:
            new = new.capitalize()
    else:
        m = rng.choice(wordsn)
        new = WORD_NUMS[m.group(1)]
    return s[:m.start()] + new + s[m.end():], f"number '{m.group(0)}'->'{new}'"


CONTRACTIONS2 = {
    "don't": "do not", "doesn't": "does not", "didn't": "did not", "isn't": "is not",
    "aren't": "are not", "wasn't": "was not", "weren't": "were not", "won't": "will not",
    "can't": "cannot", "couldn't": "could not", "wouldn't": "would not", "shouldn't": "should not",
    "hasn't": "has not", "haven't": "have not", "hadn't": "had not", "it's": "it is",
    "that's": "that is", "there's": "there is", "we're": "we are", "they're": "they are",
    "you're": "you are", "i'm": "I am", "we've": "we have", "they've": "they have",
    "i've": "I have", "we'll": "we will", "they'll": "they will", "he's": "he is", "she's": "she is",
}


def rw_expand(s, rng, ctx):
    """Expand a contraction (either apostrophe): "didn’t" -> "did not"."""
    hits = [m for m in re.finditer(r"\b[A-Za-z]+[\u2019'][a-z]+\b", s)
            if m.group(0).lower().replace("\u2019", "'") in CONTRACTIONS2]
    if not hits:
        return None
    m = rng.choice(hits)
    key = m.group(0).lower().replace("\u2019", "'")
    new = keep_case(m.group(0), CONTRACTIONS2[key])
    return s[:m.start()] + new + s[m.end():], f"contraction expanded '{m.group(0)}'"


PARENTHETICALS = [
    "(a longtime critic)", "(a frequent target of criticism)", "(no stranger to controversy)",
    "(whose record has drawn scrutiny)", "(a close ally of the administration)",
    "(who did not respond to requests for comment)", "(pictured)", "(a self-described reformer)",
]


def rw_parenthetical(s, rng, ctx):
    """Add a short parenthetical after a name: 'Smith (a longtime critic) said ...'."""
    hits = [m for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+(?= [a-z])", s)
            if m.group(0).split()[0] not in STOP_CAPS | NOT_FIRST_NAMES
            and m.group(0).split()[-1] in ctx["surnames"]]
    if not hits:
        return None
    m = rng.choice(hits)
    p = rng.choice(PARENTHETICALS)
    return s[:m.end()] + " " + p + s[m.end():], f"parenthetical {p} after '{m.group(0)}'"


HEDGES = {"has": "has reportedly", "was": "was allegedly", "is": "is apparently",
          "will": "will likely", "had": "had reportedly", "were": "were allegedly"}


def rw_hedge(s, rng, ctx):
    """Insert a hedge: 'was arrested' -> 'was allegedly arrested'."""
    hits = list(re.finditer(r"(?<= )(has|was|is|will|had|were) (?=[a-z]{3,})", s))
    if not hits:
        return None
    m = rng.choice(hits)
    new = HEDGES[m.group(1)]
    return s[:m.start()] + new + " " + s[m.end():], f"hedge '{new}'"


def rw_drop_attribution(s, rng, ctx):
    """Drop a trailing attribution: '..., the company said in a statement.' -> '...'."""
    m = re.search(r"([A-Za-z0-9)]), (?:the |a )?(?:[A-Za-z\-]+ ){1,3}(?:said|says|added|reported)"
                  r"(?: in a statement| on (?:%s)| last week)?\.$" % DAYS, s)
    if not m or wc(s[:m.start()]) < 6 or not quotes_ok(s[:m.start() + 1]):
        return None
    return s[:m.start() + 1] + ".", f"dropped attribution '{s[m.start() + 3:-1]}'"


SYN2 = {
    "help": "aid", "helps": "aids", "plan": "proposal", "plans": "proposals", "showed": "revealed",
    "shows": "reveals", "need": "require", "needs": "requires", "told": "informed",
    "workers": "employees", "worker": "employee", "jobs": "positions", "city": "municipality",
    "home": "residence", "homes": "residences", "kids": "youngsters", "fight": "battle",
    "fighting": "battling", "war": "conflict", "top": "leading", "main": "primary",
    "key": "crucial", "major": "principal", "killed": "slain", "hurt": "injured",
    "injured": "wounded", "investigation": "inquiry", "probe": "inquiry", "deal": "agreement",
    "deals": "agreements", "rules": "regulations", "law": "statute", "laws": "statutes",
    "changes": "shifts", "hard": "difficult", "easy": "simple", "fast": "swift", "soon": "shortly",
    "before": "prior to", "after": "following", "during": "throughout", "massive": "enormous",
    "tiny": "minuscule", "reported": "disclosed", "revealed": "disclosed", "expected": "anticipated",
    "concerns": "worries", "fears": "worries", "response": "reaction", "attempt": "bid",
    "warned": "cautioned", "criticized": "slammed", "refused": "declined", "agreed": "consented",
    "residents": "locals", "troops": "soldiers", "soldiers": "troops", "business": "enterprise",
    "businesses": "enterprises", "data": "figures", "amount": "sum", "recent": "latest",
    "previous": "prior", "current": "present", "roughly": "about", "approximately": "roughly",
    "said": "explained", "want": "wish", "wants": "wishes", "try": "seek", "trying": "seeking",
    "event": "occasion", "events": "occasions", "rule": "regulation", "goal": "aim",
    "goals": "aims", "ended": "concluded", "end": "close", "buy": "acquire", "sell": "offer",
    "cut": "slash", "cuts": "reductions", "stop": "halt", "stopped": "halted", "rise": "increase",
    "growth": "expansion", "despite": "in spite of", "every": "each",
}


def rw_synonyms(s, rng, ctx):
    """Replace one to three words with words from crosscheck's own synonym table."""
    hits = [m for m in re.finditer(r"\b[A-Za-z]+\b", s)
            if m.group(0).lower() in SYN2 and (m.start() == 0 or m.group(0)[0].islower())]
    if not hits:
        return None
    k = min(len(hits), rng.choice([1, 1, 2, 3]))
    chosen = sorted(rng.sample(hits, k), key=lambda m: -m.start())
    for m in chosen:
        s = s[:m.start()] + keep_case(m.group(0), SYN2[m.group(0).lower()]) + s[m.end():]
    return s, "synonyms " + ", ".join(f"{m.group(0)}->{SYN2[m.group(0).lower()]}" for m in reversed(chosen))


LIGHT = [
    (rw_time_front, 8), (rw_attribution_front, 6), (rw_passive, 8), (rw_clause_front, 6),
    (rw_drop_attribution, 6), (rw_quote_short, 3), (rw_drop_modifiers, 3), (rw_numbers, 3),
    (rw_expand, 3), (rw_short_name, 3), (rw_synonyms, 3), (rw_parenthetical, 1),
    (rw_hedge, 1),
]


def light_reword(s, rng, ctx):
    """Apply one to three rewordings, each drawn by weight among those that fit the sentence."""
    want = rng.choices([1, 2, 3], [0.55, 0.35, 0.10])[0]
    text, descs, used = s, [], set()
    while len(descs) < want:
        options = []
        for f, w in LIGHT:
            if f in used:
                continue
            out = f(text, rng, ctx)
            if out and ends_ok(s, out[0]) and strict(out[0]) != strict(text):
                options.append((out, w, f))
        if not options:
            break
        out, _, f = rng.choices(options, [w for _, w, _ in options])[0]
        used.add(f)
        text = out[0]
        descs.append(out[1])
    if not descs or strict(text) == strict(s):
        return None
    return text, "; ".join(descs)


HEAVY_FRAMES = [
    "Put simply, {c}.", "The gist of it: {c}.", "In short, {c}, by most accounts.",
    "As things stand, {c}.", "What emerged instead was this: {c}.", "{C}, the account went on.",
    "By the outlet's own telling, {c}.", "Reading between the lines, {c}.",
]


def heavy_rewrite(s, rng, ctx):
    """Keep a window of about 40% of the words (not the start), with synonyms, in a new frame."""
    toks = s.split()
    n = len(toks)
    if n < 12 or not prose(s):
        return None
    k = max(5, round(n * rng.uniform(0.35, 0.45)))
    starts = [j for j in range(1, n - k + 1)
              if toks[j - 1].endswith(",") or toks[j].lower() in ("that", "the", "a", "to", "and", "but")]
    if not starts:
        starts = list(range(1, n - k + 1))
    starts = [j for j in starts if sum(1 for t in toks[j:j + k]
                                       if len(re.sub(r"\W", "", t)) >= 4 and t.lower() not in STOP_NOUNS) >= 3]
    if not starts:
        return None  # the window must keep some content words
    j = rng.choice(starts)
    chunk = " ".join(toks[j:j + k])
    chunk = re.sub(r"[\"\u201c\u201d]", "", chunk).rstrip(",;:.!?\u2019'\u201d\"")
    chunk = lower_first(chunk)
    for m in sorted(re.finditer(r"\b[a-z]+\b", chunk), key=lambda m: -m.start()):
        if m.group(0) in SYN2 and rng.random() < 0.6:
            chunk = chunk[:m.start()] + SYN2[m.group(0)] + chunk[m.end():]
    frame = rng.choice(HEAVY_FRAMES)
    new = frame.replace("{c}", chunk).replace("{C}", cap_first(chunk))
    if strict(new) == strict(s) or not one_sentence(new):
        return None
    return new, f"heavy rewrite (kept a window of {k}/{n} words)"


# ============================================================================================
# Splits and merges


CLAUSE_OPENERS = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "his", "her", "its",
                  "their", "there", "this", "that", "these", "those", "some", "many", "most",
                  "others", "other", "both", "all", "no", "our", "you", "one", "two"}


def split_at(s, rng):
    """Split at ' while ', ' because ', ', although ', '; however, ', '; ' or an em dash."""
    if not prose(s):
        return None
    options = []
    for m in re.finditer(r"; however, |, although | because | while |; | \u2014 ", s):
        left, right = s[:m.start()].rstrip(","), s[m.end():]
        if wc(left) < 5 or wc(right) < 4 or not quotes_ok(left) or not quotes_ok(right):
            continue
        if not re.search(r"[A-Za-z0-9)]$", left):
            continue
        if m.group(0) == " \u2014 " and s.count("\u2014") != 1:
            continue  # a pair of dashes is a parenthetical, not a clause break
        if m.group(0) in (" while ", " because ") and not (
                right[:1].isupper() or right.split()[0] in CLAUSE_OPENERS):
            continue  # "while in custody": not a clause of its own
        options.append(m)
    if not options:
        return None
    m = rng.choice(options)
    sep = m.group(0)
    left, right = s[:m.start()].rstrip(",") + ".", s[m.end():]
    if sep == "; however, " or sep == ", although ":
        right = "However, " + right
    elif sep == " because ":
        right = "That is because " + right
    elif sep == " while ":
        right = "At the same time, " + right
    else:
        right = cap_first(right)
    if not (one_sentence(left) and one_sentence(right)):
        return None
    return left, right, f"split at '{sep.strip()}'"


def merge_texts(texts, rng, ctx):
    """Join two or three sentences with ', while ' or ' — and ' (always a word more, so a merge
    never equals the two sentences up to punctuation)."""
    out, joins = texts[0], []
    for t in texts[1:]:
        j = rng.choice([", while ", " \u2014 and "])
        out = out[:-1] + j + lower_first(t, ctx)
        joins.append(j.strip(", "))
    return out, "merged with " + " and ".join(f"'{j}'" for j in joins)


# ============================================================================================
# House style: must stay `unchanged` (identical under strict())


def hs_curly(s, rng):
    if '"' not in s and not re.search(r"\w'\w", s):
        return None
    out = []
    for i, c in enumerate(s):
        if c == '"':
            prev = s[i - 1] if i else " "
            out.append("\u201c" if (prev.isspace() or prev in "([\u2014-") else "\u201d")
        elif c == "'" and 0 < i < len(s) - 1 and s[i - 1].isalnum() and s[i + 1].isalnum():
            out.append("\u2019")
        else:
            out.append(c)
    return "".join(out), "curly quotes"


def hs_straight(s, rng):
    if not re.search("[\u201c\u201d\u2018\u2019]", s):
        return None
    t = s.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    return t, "straight quotes"


def hs_dash(s, rng):
    if re.search(r"(?<=\S) ?\u2014 ?(?=\S)", s):
        new = rng.choice([" -- ", " - ", " \u2013 "])
        return re.sub(r"(?<=\S) ?\u2014 ?(?=\S)", new, s), f"em dash -> '{new.strip()}'"
    if " - " in s:
        return s.replace(" - ", " \u2014 "), "' - ' -> em dash"
    if " -- " in s:
        return s.replace(" -- ", "\u2014"), "'--' -> em dash"
    return None


def hs_space(s, rng):
    sp = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", s)]
    if not sp:
        return None
    i = rng.choice(sp)
    if rng.random() < 0.5:
        return s[:i] + "  " + s[i + 1:], "double space"
    return s[:i] + "\u00a0" + s[i + 1:], "no-break space"


def hs_acronym(s, rng):
    m = re.search(r"\bU\.([SKN])\.(?= [a-z(])", s)
    if not m:
        return None
    return s[:m.start()] + "U" + m.group(1) + s[m.end():], f"U.{m.group(1)}. -> U{m.group(1)}"


def hs_honorific(s, rng):
    m = re.search(r"\b(Mr|Mrs|Ms|Dr)\. (?=[A-Z])", s)
    if not m:
        return None
    return s[:m.start()] + m.group(1) + " " + s[m.end():], f"{m.group(1)}. -> {m.group(1)}"


def hs_spelling(s, rng):
    """American to British spelling or back, one word ("color" -> "colour")."""
    words = list(re.finditer(r"\b[A-Za-z]+\b", s))
    rng.shuffle(words)
    for m in words:
        w = m.group(0)
        low = w.lower()
        other = SPELLING.get(low) or SPELLING_BACK.get(low)
        if other:
            new = other.capitalize() if w[0].isupper() else other
            return s[:m.start()] + new + s[m.end():], f"spelling {w} -> {new}"
    return None


def hs_honorific_drop(s, rng):
    """'Mr. Xi' -> 'Xi'."""
    m = re.search(r"\b(Mr|Mrs|Ms|Dr)\.? (?=[A-Z][a-z])", s)
    if not m:
        return None
    return s[:m.start()] + s[m.end():], f"honorific {m.group(1)} dropped"


def hs_ellipsis(s, rng):
    if "..." in s:
        return s.replace("...", "\u2026"), "'...' -> '…'"
    if "\u2026" in s:
        return s.replace("\u2026", "..."), "'…' -> '...'"
    return None


def hs_serial_comma(s, rng):
    m = re.search(r"(\w), (and|or) ", s)
    if not m or "," not in s[max(0, m.start() - 40):m.start()]:
        return None
    return s[:m.start() + 1] + " " + s[m.end() - len(m.group(2)) - 1:], "serial comma dropped"


HOUSE = [hs_curly, hs_straight, hs_dash, hs_space, hs_acronym, hs_honorific, hs_ellipsis,
         hs_serial_comma, hs_spelling, hs_honorific_drop]


def house_style(s, rng):
    funcs = list(HOUSE)
    rng.shuffle(funcs)
    text, descs = s, []
    for f in funcs:
        out = f(text, rng)
        if out and one_sentence(out[0]):
            text = out[0]
            descs.append(out[1])
            if len(descs) >= rng.choice([1, 1, 2]):
                break
    if not descs or text == s:
        return None
    assert strict(text) == strict(s), (s, text)
    return text, ", ".join(descs)


# ============================================================================================
# Insertion material

TEMPLATES = [
    "This is yet another example of {E} putting politics ahead of the public interest.",
    "Critics have long warned that {E} would take exactly this approach to the {N} issue.",
    "The mainstream media has largely ignored the role {E} played in all of this.",
    "Observers note that {E} has said remarkably little about the {N} question.",
    "Few outlets bothered to ask what {E} actually stands to gain from the {N} fight.",
    "The irony was not lost on longtime watchers of {E}.",
    "Needless to say, none of this was mentioned in the official statements from {E}.",
    "Supporters of {E} see the whole episode very differently, of course.",
    "It remains to be seen whether {E} will face any consequences over the {N} debacle.",
    "For many readers, the {N} story will sound all too familiar.",
    "Once again, ordinary families are the ones left paying for the {N} mess.",
    "Insiders say {E} has been quietly preparing for this moment for months.",
    "That detail was buried deep in the coverage by most national outlets.",
    "The timing, critics argue, is hardly a coincidence for {E}.",
    "Nobody in Washington seems willing to say so out loud.",
    "Many will wonder why {E} waited so long to act on {N}.",
    "The establishment response to the {N} controversy has been predictably muted.",
    "Observers were quick to point out the double standard at play here.",
    "Such claims from {E} deserve far more skepticism than they have received.",
    "Conservatives have raised alarms about {N} for years, only to be brushed aside.",
    "Progressive activists, meanwhile, have seized on the {N} dispute as a rallying cry.",
    "The fallout for {E} could be considerable in the weeks ahead.",
    "What happens next with {N} is anyone's guess.",
    "This publication has reported on {E} extensively in the past.",
    "Readers may recall that {E} made very similar promises before.",
    "Taxpayers, as usual, were not consulted about any of it.",
    "The story of {E} and the {N} saga is far from over.",
    "Several experts contacted for this article declined to discuss {E} on the record.",
    "In other words, the {N} problem is not going away anytime soon.",
    "The numbers tell only part of the story of {N}.",
    "Left unsaid in the announcement was how {E} intends to pay for any of it.",
    "Skeptics say the {N} plan raises more questions than it answers.",
    "Even some allies of {E} have privately expressed frustration.",
    "It is hard to overstate how unusual this is for {E}.",
    "Some have called the move by {E} a cynical attempt to change the subject.",
    "The {N} debate has exposed deep divisions that show no sign of healing.",
    "Those concerns were dismissed at the time as alarmist.",
    "Supporters of {E2} argue that {E} has been treated unfairly.",
    "Meanwhile, questions about {N} continue to pile up.",
    "Whether voters will remember any of this by next year is another matter.",
    "Critics of {E} were quick to seize on the news.",
    "As one longtime observer of {E} put it, the writing was on the wall.",
]
HEADLINES = [
    "{E} Under Fire as {N} Questions Mount", "What {E} Doesn't Want You to Know About {N}",
    "{E} and the {N} Problem Nobody Is Talking About", "EXCLUSIVE: {E} Faces New Scrutiny",
]
STOP_CAPS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those",
    "His", "Her", "Its", "Their", "Our", "But", "And", "In", "On", "At", "As", "After", "When",
    "If", "For", "With", "Some", "Many", "There", "Mr", "Mrs", "Ms", "Dr", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "While", "What", "Why", "How", "Who", "Where", "Yet", "So", "Or", "Not", "One", "Two",
}
STOP_NOUNS = set("""about above after again against their there these those which while would
could should where other people years first still since under until being because before
during through between around another without within really great little right things think
going years later today several every never along among whose often added told called likely
including however across making according percent million billion something nothing always
whether thousands hundreds further almost already although become became behind better
comes given known least means months might others place point rather second seems shows since
state takes taken third times toward using whole world years young""".split())


TITLE_WORDS = {"President", "Executive", "Minister", "Secretary", "Chief", "Director", "Officer",
               "Leader", "Industrial", "General", "Governor", "Senator", "Chairman", "Speaker"}


def article_context(art):
    """Names and topical nouns of an article, and the surnames that stand alone in it."""
    ents, nouns, after_first, alone = {}, {}, set(), {}
    vocab, capitals = set(re.findall(r"\b[a-z]+\b", art.text)), set()
    for s in art.sents:
        capitals.update(re.findall(r"(?<=[a-z,;:] )[A-Z][a-z]+", s))
        for m in re.finditer(r"(?<=[a-z,;:] )([A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[\s,.;:\u2019'])", s):
            name = m.group(1)
            if name.split()[0] in STOP_CAPS or name.split()[-1] in TITLE_WORDS or len(name) < 4:
                continue
            ents[name] = ents.get(name, 0) + 1
        for m in re.finditer(r"\b([a-z]{5,14})\b", s):
            w = m.group(1)
            if w in STOP_NOUNS or w.endswith(("ed", "ing", "ly")):
                continue
            nouns[w] = nouns.get(w, 0) + 1
        for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z]+)\b", s):
            if m.group(1) not in NOT_FIRST_NAMES | STOP_CAPS:
                after_first.add(m.group(2))
        # a surname standing alone before a verb of saying or a possessive
        for m in re.finditer(r"(?:^|(?<=[a-z,] ))([A-Z][a-z]+)(?=[\u2019']s | (?:said|says|told|added|has|had|was|is|who|wrote)\b)", s):
            alone[m.group(1)] = alone.get(m.group(1), 0) + 1
    ent_list = sorted(ents, key=lambda e: (-ents[e] * (1 + e.count(" ")), e))[:6]
    noun_list = sorted(nouns, key=lambda w: (-nouns[w], w))[:8]
    return {"ents": ent_list or ["officials"], "nouns": noun_list or ["policy"],
            "surnames": (after_first & {w for w, c in alone.items() if c >= 2}) - STOP_CAPS - NOT_FIRST_NAMES,
            "vocab": vocab, "capitals": capitals}


def fill(template, ctx, rng):
    e = rng.choice(ctx["ents"][:4])
    others = [x for x in ctx["ents"] if x != e] or ["the other side"]
    t = template.replace("{E}", e).replace("{E2}", rng.choice(others))
    t = t.replace("{N}", rng.choice(ctx["nouns"][:5]))
    return cap_first(t)


# ============================================================================================
# The adaptation of one source


@dataclass
class Unit:
    text: str
    label: str            # unchanged | reworded | inserted
    source: object        # original index or None
    origin: list          # original sentence indices
    edit: str = ""
    tag: str = ""         # keep | style | light | heavy | split | merge | ins
    moved: bool = False


def flat(layout):
    return [i for p in layout for i in p]


def lis_outside(seq):
    """The elements outside the longest increasing subsequence, or None when it is not unique."""
    n = len(seq)
    if n == 0:
        return set()
    end, cnt = [1] * n, [1] * n
    for i in range(n):
        for j in range(i):
            if seq[j] < seq[i]:
                if end[j] + 1 > end[i]:
                    end[i], cnt[i] = end[j] + 1, cnt[j]
                elif end[j] + 1 == end[i]:
                    cnt[i] = min(2, cnt[i] + cnt[j])
    best = max(end)
    if sum(cnt[i] for i in range(n) if end[i] == best) != 1:
        return None
    start = [1] * n
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n):
            if seq[j] > seq[i]:
                start[i] = max(start[i], start[j] + 1)
    return {seq[i] for i in range(n) if end[i] + start[i] - 1 != best}


def plan_cuts(art, rng, edits, src):
    """Removed sentence indices: a long truncation sometimes, a paragraph sometimes, singles."""
    n = len(art.sents)
    removed = set()
    floor = max(6, int(0.55 * n))
    if rng.random() < 0.2:
        frac = rng.uniform(0.2, 0.4)
        keep = n - round(n * frac)
        if keep >= floor:
            removed.update(range(keep, n))
            edits.append(f"[{src}] truncated: last {n - keep} of {n} sentences removed (from {keep})")
    if rng.random() < 0.35:
        cands = [p for p in art.paras[1:] if 1 <= len(p) <= 4 and not removed & set(p)]
        if cands:
            p = rng.choice(cands)
            if n - len(removed) - len(p) >= floor:
                removed.update(p)
                edits.append(f"[{src}] paragraph cut: sentences {p[0]}-{p[-1]}")
    target = round(n * rng.uniform(0.05, 0.12))
    pool = [i for i in range(n) if i not in removed and (i > 0 or rng.random() < 0.05)]
    rng.shuffle(pool)
    k = 0
    while k < target and pool and n - len(removed) > floor:
        i = pool.pop()
        removed.add(i)
        k += 1
        edits.append(f"[{src}] removed sentence {i}: {art.sents[i][:60]}")
    return removed


def single_clean(s):
    """A prose sentence no other segmenter would cut in two (no inner '. X' or '? X')."""
    return prose(s) and not re.search(r"[.!?][\"'\u201d\u2019)]* +\S", s)


def mv_within(layout, rng, art, moved):
    cands = [pi for pi, p in enumerate(layout) if len(p) >= 3]
    if not cands:
        return None
    pi = rng.choice(cands)
    p = layout[pi]
    a = rng.randrange(len(p))
    s = p[a]
    if s == 0 or s in moved or not single_clean(art.sents[s]):
        return None
    targets = [b for b in range(len(p)) if abs(b - a) >= 2]
    if not targets:
        return None
    b = rng.choice(targets)
    p.pop(a)
    p.insert(b, s)
    return {s}, f"sentence {s} moved {b - a:+d} positions within its paragraph", set(p)


def mv_para_end(layout, rng, art, moved):
    cands = [pi for pi in range(1, len(layout) - 1) if len(layout[pi]) <= 3
             and not moved & set(layout[pi])]
    if not cands:
        return None
    pi = rng.choice(cands)
    p = layout.pop(pi)
    layout.append(p)
    return set(p), f"paragraph (sentences {p[0]}-{p[-1]}) moved to the end", set(p)


def mv_swap(layout, rng, art, moved):
    cands = [pi for pi in range(1, len(layout) - 1)
             if abs(len(layout[pi]) - len(layout[pi + 1])) >= 2 and max(len(layout[pi]), len(layout[pi + 1])) <= 6
             and not moved & set(layout[pi] + layout[pi + 1])]
    if not cands:
        return None
    pi = rng.choice(cands)
    a, b = layout[pi], layout[pi + 1]
    layout[pi], layout[pi + 1] = b, a
    small = a if len(a) < len(b) else b
    return set(small), f"paragraphs with sentences {a[0]}-{a[-1]} and {b[0]}-{b[-1]} swapped", set(a + b)


def mv_far(layout, rng, art, moved):
    order = flat(layout)
    if len(order) < 8:
        return None
    s = rng.choice(order[1:])
    if s in moved or not single_clean(art.sents[s]):
        return None
    src_pos = order.index(s)
    trial = [[x for x in p if x != s] for p in layout]
    points, pos = [], 0
    for pi, p in enumerate(trial):
        points.append((pi, None, pos))
        for k in range(len(p) + 1):
            if k == 0 or prose(art.sents[p[k - 1]]):
                points.append((pi, k, pos + k))
        pos += len(p)
    points.append((len(trial), None, pos))
    own = rng.random() < 0.3
    points = [pt for pt in points if abs(pt[2] - src_pos) >= 4 and (pt[1] is None) == own and pt[2] > 0]
    if not points:
        return None
    pi, k, pos = rng.choice(points)
    if k is None:
        trial.insert(pi, [s])
    else:
        trial[pi].insert(k, s)
    layout[:] = trial
    return {s}, f"sentence {s} moved {pos - src_pos:+d} positions{' as its own paragraph' if k is None else ''}", {s}


MOVES = [(mv_within, 3), (mv_para_end, 2), (mv_swap, 2), (mv_far, 3)]


def plan_moves(layout, rng, art, edits, src):
    """Move sentences or paragraphs; returns (moved set, sentences kept out of splits and merges).

    The sentences of a moved block (and of the paragraph a sentence moves within) are never
    split or merged, so that the minimal explanation of the new order stays unique whichever
    way a tool counts sentences.
    """
    moved, locked = set(), set()
    n_moves = rng.choices([0, 1, 2], [0.15, 0.55, 0.30])[0]
    for _ in range(n_moves):
        for _attempt in range(15):
            f = rng.choices([m for m, _ in MOVES], [w for _, w in MOVES])[0]
            trial = [list(p) for p in layout]
            out = f(trial, rng, art, moved)
            if not out:
                continue
            intended, desc, lock = out
            trial = [p for p in trial if p]
            if trial[0][0] != layout[0][0]:
                continue  # the lead stays first
            if lis_outside(flat(trial)) != moved | intended:
                continue
            layout[:] = trial
            moved |= intended
            locked |= lock
            edits.append(f"[{src}] {desc}")
            break
    return moved, locked


def adapt_source(art, src, rng, ctx, edits):
    """Edit one article: returns (paragraphs of Units, removed set, removal gaps, moved set)."""
    sents = art.sents
    removed = plan_cuts(art, rng, edits, src)
    layout = [[i for i in p if i not in removed] for p in art.paras]
    layout = [p for p in layout if p]
    moved, locked = plan_moves(layout, rng, art, edits, src)
    order = flat(layout)
    pos = {i: k for k, i in enumerate(order)}
    para_of = {i: pi for pi, p in enumerate(layout) for i in p}
    ops = {}
    no_struct = set(locked)  # neighbours of heavy rewrites, moved blocks: light rewording only

    def free(i):
        return i not in ops and i not in moved

    n = len(order)
    # heavy rewrites: in place between their original neighbours
    n_heavy = round(n * rng.uniform(0.01, 0.04))
    cands = [i for i in order if 0 < pos[i] < n - 1 and order[pos[i] - 1] == i - 1
             and order[pos[i] + 1] == i + 1 and para_of[i - 1] == para_of[i] == para_of[i + 1]]
    rng.shuffle(cands)
    for i in cands:
        if n_heavy <= 0:
            break
        if not all(free(j) and j not in no_struct for j in (i - 1, i, i + 1)):
            continue
        out = heavy_rewrite(sents[i], rng, ctx)
        if out:
            ops[i] = ("heavy", out)
            no_struct.update((i - 1, i + 1))
            n_heavy -= 1
    # splits
    n_split = round(n * rng.uniform(0.02, 0.06))
    cands = [i for i in order if free(i) and i not in no_struct]
    rng.shuffle(cands)
    for i in cands:
        if n_split <= 0:
            break
        out = split_at(sents[i], rng)
        if out:
            ops[i] = ("split", out)
            n_split -= 1
    # merges of 2 (sometimes 3) consecutive sentences of one adapted paragraph
    n_merge = round(n * rng.uniform(0.02, 0.05))
    groups = []
    for p in layout:
        for k in range(len(p) - 1):
            if p[k + 1] == p[k] + 1:
                g = [p[k], p[k + 1]]
                if k + 2 < len(p) and p[k + 2] == p[k] + 2 and rng.random() < 0.25:
                    g.append(p[k + 2])
                groups.append(g)
    rng.shuffle(groups)
    for g in groups:
        if n_merge <= 0:
            break
        if not all(free(i) and i not in no_struct and prose(sents[i]) for i in g):
            continue
        if not all(plain_end(sents[i]) for i in g[:-1]) or sum(len(sents[i]) for i in g) > 450:
            continue
        text, desc = merge_texts([sents[i] for i in g], rng, ctx)
        if not one_sentence(text):
            continue
        ops[g[0]] = ("merge", (text, desc, g))
        for i in g[1:]:
            ops[i] = ("merged", None)
        n_merge -= 1
    # light rewordings, a moved sentence now and then
    n_light = max(2, round(n * rng.uniform(0.15, 0.28)))
    cands = [i for i in order if free(i)]
    rng.shuffle(cands)
    # sentences that fit a structural rewording go first (they are rare)
    structural = (rw_time_front, rw_attribution_front, rw_passive, rw_clause_front, rw_drop_attribution)
    probe = random.Random(0)
    cands.sort(key=lambda i: not any(f(sents[i], probe, ctx) for f in structural))
    if moved and rng.random() < 0.35:
        cands.insert(0, rng.choice(sorted(moved)))
    for i in cands:
        if n_light <= 0:
            break
        if i in ops or not prose(sents[i]):
            continue
        out = light_reword(sents[i], rng, ctx)
        if out:
            ops[i] = ("light", out)
            n_light -= 1
    # house style on a fifth of the verbatim sentences
    for i in order:
        if i not in ops and rng.random() < 0.2:
            out = house_style(sents[i], rng)
            if out:
                ops[i] = ("style", out)

    paragraphs = []
    for p in layout:
        units = []
        for i in p:
            op, out = ops.get(i, ("keep", None))
            if op == "keep":
                units.append(Unit(sents[i], "unchanged", src, [i], "", "keep"))
            elif op == "style":
                units.append(Unit(out[0], "unchanged", src, [i], "house style: " + out[1], "style"))
                edits.append(f"[{src}] house style on sentence {i}: {out[1]}")
            elif op in ("light", "heavy"):
                units.append(Unit(out[0], "reworded", src, [i], out[1], op))
                edits.append(f"[{src}] reworded sentence {i}{' (moved)' if i in moved else ''}: {out[1]}")
            elif op == "split":
                units.append(Unit(out[0], "reworded", src, [i], out[2], "split"))
                units.append(Unit(out[1], "reworded", src, [i], out[2], "split"))
                edits.append(f"[{src}] split sentence {i}: {out[2]}")
            elif op == "merge":
                text, desc, g = out
                units.append(Unit(text, "reworded", src, list(g), desc, "merge"))
                edits.append(f"[{src}] merged sentences {'+'.join(map(str, g))}: {desc}")
        if units:
            paragraphs.append(units)
    # gaps left by single cut sentences whose predecessor is kept in place: replacement slots
    gaps = [i for i in sorted(removed) if i > 0 and i - 1 not in removed and i - 1 not in moved
            and i + 1 not in removed]
    return paragraphs, removed, gaps, moved


def donor_run(donors, rng, k):
    """k consecutive prose sentences (40-300 characters) of a paragraph of another article."""
    for _ in range(60):
        d = rng.choice(donors)
        runs = [p[j:j + k] for p in d.paras for j in range(len(p) - k + 1)
                if all(prose(d.sents[i]) and 40 <= len(d.sents[i]) <= 300 for i in p[j:j + k])]
        if runs:
            return [d.sents[i] for i in rng.choice(runs)], d.id
    return None


def insertion_slots(paragraphs):
    """(paragraph, position) for mid-paragraph slots and (paragraph, None) for new paragraphs."""
    mid, para = [], []
    for pi, p in enumerate(paragraphs):
        for k in range(1, len(p) + 1):
            before = p[k - 1]
            after = p[k] if k < len(p) else None
            if before.tag == "heavy" or (after and after.tag == "heavy"):
                continue
            if after and after.tag == before.tag == "split" and after.origin == before.origin:
                continue
            if not re.search(r"[.!?][\"'\u201d\u2019)]*$", before.text):
                continue
            mid.append((pi, k))
        if pi >= 1:
            if paragraphs[pi - 1][-1].tag != "heavy" and p[0].tag != "heavy":
                para.append((pi, None))
    para.append((len(paragraphs), None) if paragraphs and paragraphs[-1][-1].tag != "heavy" else (1, None))
    return mid, para


def insert_material(paragraphs, rng, ctx, donors, count, gaps, edits, src, forbidden, used):
    """Insert `count` editorial passages of several shapes."""
    for _ in range(count):
        shape = rng.choices(["mid", "para", "run", "replace", "lead", "tail"],
                            [0.30, 0.28, 0.14, 0.16, 0.05, 0.07])[0]
        if shape == "replace" and not gaps:
            shape = "mid"
        size = {"mid": 1, "replace": 1, "run": rng.choice([2, 3]), "para": rng.choice([1, 1, 2, 3]),
                "lead": 1, "tail": rng.choice([1, 2])}[shape]
        if rng.random() < 0.55 or shape in ("replace", "lead", "tail"):
            temps = [t for t in TEMPLATES if t not in used]
            picks = rng.sample(temps, size)
            used.update(picks)
            texts = [fill(t, ctx, rng) for t in picks]
            what = "editorial template"
        else:
            out = donor_run(donors, rng, size)
            if not out:
                continue
            texts, did = out
            what = f"from article {did[:8]}"
        if any(strict(t) in forbidden for t in texts):
            continue
        forbidden.update(strict(t) for t in texts)
        units = [Unit(t, "inserted", None, [], f"inserted ({shape}, {what})", "ins") for t in texts]
        mid, para = insertion_slots(paragraphs)
        if shape == "replace":
            gap = rng.choice(gaps)
            gaps.remove(gap)
            spot = None
            for pi, p in enumerate(paragraphs):
                for k, u in enumerate(p):
                    if u.source == src and gap - 1 in u.origin:
                        spot = (pi, k + 1)  # after the last unit holding the cut sentence's predecessor
            if spot is None or spot not in mid:
                continue
            pi, k = spot
            paragraphs[pi][k:k] = units
            edits.append(f"[{src}] inserted in the gap of cut sentence {gap}: {texts[0][:60]}")
            continue
        if shape == "lead":
            paragraphs.insert(0, units)
            edits.append(f"[{src}] inserted a paragraph before the lead: {texts[0][:60]}")
            continue
        if shape == "tail":
            if paragraphs[-1][-1].tag == "heavy":
                continue
            paragraphs.append(units)
            edits.append(f"[{src}] inserted a closing paragraph: {texts[0][:60]}")
            continue
        if shape == "para":
            pi, _ = rng.choice(para)
            paragraphs.insert(pi, units)
            edits.append(f"[{src}] inserted a paragraph of {size} before paragraph {pi}: {texts[0][:60]}")
            continue
        if not mid:
            continue
        pi, k = rng.choice(mid)
        paragraphs[pi][k:k] = units
        edits.append(f"[{src}] inserted {size} sentence(s) inside paragraph {pi} at {k}: {texts[0][:60]}")


# ============================================================================================
# Pairs


def interleave(a, b, rng):
    """Riffle two paragraph lists in blocks of 1-3, first block from a, with at least 3 blocks."""
    for _ in range(20):
        out, i, j, turn, blocks = [], 0, 0, 0, 0
        while i < len(a) or j < len(b):
            k = rng.choice([1, 1, 2, 3])
            if (turn == 0 and i < len(a)) or j >= len(b):
                out.extend(a[i:i + k])
                i += k
            else:
                out.extend(b[j:j + k])
                j += k
            turn ^= 1
            blocks += 1
        if blocks >= 3 or len(a) + len(b) < 3:
            return out
    return out


def restyle_all(paragraphs, style):
    """A pair-wide quote style (an outlet's CMS): applies to every adapted sentence."""
    f = hs_curly if style == "curly" else hs_straight
    for p in paragraphs:
        for u in p:
            out = f(u.text, None)
            if out:
                u.text = out[0]


def build_pair(art, eligible, donors_all, rng):
    sources = [art]
    if rng.random() < MULTI_RATE:
        sources.append(rng.choice([d for d in eligible if d.id != art.id]))
    ids = {d.id for d in sources}
    donors = [d for d in donors_all if d.id not in ids]
    edits, parts, removed, pair_moved = [], [], [], []
    forbidden = {strict(s) for d in sources for s in d.sents}
    used = set()
    if len(sources) == 1:
        counts = [rng.choices([1, 2, 3, 4], [0.2, 0.35, 0.3, 0.15])[0]]
    else:
        counts = [rng.randint(1, 2), rng.randint(0, 2)]
    ctxs = [article_context(d) for d in sources]
    for src, d in enumerate(sources):
        paras, rem, gaps, mv = adapt_source(d, src, rng, ctxs[src], edits)
        pair_moved.append(mv)
        insert_material(paras, rng, ctxs[src], donors, counts[src], gaps, edits, src, forbidden, used)
        parts.append(paras)
        removed.append(rem)
    if len(sources) == 1:
        paragraphs = parts[0]
    else:
        paragraphs = interleave(parts[0], parts[1], rng)
        edits.append("two sources, paragraphs interleaved in blocks of 1-3")
    if rng.random() < 0.12:
        h = rng.choice(HEADLINES)
        text = h.replace("{E}", ctxs[0]["ents"][0]).replace("{N}", ctxs[0]["nouns"][0].title())
        if strict(text) not in forbidden:
            paragraphs.insert(0, [Unit(text, "inserted", None, [], "inserted headline", "ins")])
            edits.append(f"headline inserted: {text}")
    r = rng.random()
    if r < 0.15:
        restyle_all(paragraphs, "curly")
        edits.append("pair-wide curly quotes")
    elif r < 0.27:
        restyle_all(paragraphs, "straight")
        edits.append("pair-wide straight quotes")
    # moved flags: outside the unique LIS of original positions, per source
    for src in range(len(sources)):
        seq = []
        for p in paragraphs:
            for u in p:
                if u.source == src:
                    seq.extend(o for o in u.origin if o not in seq)  # a split's second half adds nothing
        outside = lis_outside(seq)
        assert outside is not None and outside == pair_moved[src], "ambiguous order"
        for p in paragraphs:
            for u in p:
                if u.source == src:
                    u.moved = any(o in outside for o in u.origin)
    layout = {"para_sep": "\n\n" if rng.random() < 0.85 else "\n",
              "sent_sep": " " if rng.random() < 0.9 else "  ",
              "newline": "\r\n" if rng.random() < 0.05 else "\n"}
    return {"sources": sources, "removed": removed, "paragraphs": paragraphs, "edits": edits,
            "layout": layout}


def check_pair(pair):
    """Assert the gold rules (see the module docstring)."""
    sources = pair["sources"]
    all_orig = {strict(s) for d in sources for s in d.sents}
    kept = [set() for _ in sources]
    for p in pair["paragraphs"]:
        for u in p:
            assert u.text == u.text.strip() and "\n" not in u.text and u.text, repr(u.text)
            if u.label == "inserted":
                assert u.source is None and not u.origin and not u.moved
                assert strict(u.text) not in all_orig, u.text
                continue
            d = sources[u.source]
            kept[u.source].update(u.origin)
            if u.label == "unchanged":
                assert len(u.origin) == 1 and strict(u.text) == strict(d.sents[u.origin[0]]), (u.text,)
            else:
                assert all(strict(u.text) != strict(d.sents[i]) for i in u.origin), (u.text,)
                joined = " ".join(d.sents[i] for i in u.origin)
                assert strict(u.text) != strict(joined), (u.text,)  # a merge changes a word too
    for k, d in enumerate(sources):
        assert kept[k] == set(range(len(d.sents))) - pair["removed"][k]


def render(pair):
    lay = pair["layout"]
    chunks, placed, pos = [], [], 0
    for pi, para in enumerate(pair["paragraphs"]):
        for ui, u in enumerate(para):
            sep = "" if pi == 0 and ui == 0 else (lay["para_sep"] if ui == 0 else lay["sent_sep"])
            sep = sep.replace("\n", lay["newline"])
            chunks.append(sep)
            pos += len(sep)
            chunks.append(u.text)
            placed.append((u, pos, pos + len(u.text)))
            pos += len(u.text)
    chunks.append(lay["newline"])
    return "".join(chunks), placed


def byte_map(text):
    out, b = [], 0
    for c in text:
        out.append(b)
        b += len(c.encode("utf-8"))
    out.append(b)
    return out


def write_pair(pair, out_dir, seed):
    out_dir.mkdir(parents=True, exist_ok=True)
    sources = pair["sources"]
    gold = {"generator": "crosscheck", "seed": seed, "originals": [], "adapted": None,
            "edits": pair["edits"]}
    for k, d in enumerate(sources):
        name = "original.txt" if len(sources) == 1 else f"original-{k + 1}.txt"
        data = d.text.encode("utf-8")
        (out_dir / name).write_bytes(data)
        bm = byte_map(d.text)
        sents = []
        for i, (a, b) in enumerate(d.spans):
            assert data[bm[a]:bm[b]].decode("utf-8") == d.sents[i]
            sents.append({"start": bm[a], "end": bm[b],
                          "label": "removed" if i in pair["removed"][k] else "kept"})
        gold["originals"].append({"file": name, "id": d.id, "url": d.url, "sentences": sents})
    text, placed = render(pair)
    data = text.encode("utf-8")
    (out_dir / "adapted.txt").write_bytes(data)
    bm = byte_map(text)
    a_sents = []
    for u, a, b in placed:
        assert data[bm[a]:bm[b]].decode("utf-8") == u.text
        a_sents.append({"start": bm[a], "end": bm[b], "label": u.label, "moved": u.moved,
                        "source": u.source, "origin": u.origin, "edit": u.edit})
    gold["adapted"] = {"file": "adapted.txt", "sentences": a_sents}
    (out_dir / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n",
                                       encoding="utf-8")


def seeded(*parts):
    return random.Random(int(hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest(), 16))


def main(argv=None):
    ap = argparse.ArgumentParser(description="Build crosscheck pairs (an independent generator).")
    ap.add_argument("--seed", type=int, default=7, help="RNG seed (default 7)")
    ap.add_argument("--out", default=str(REPO / "target" / "eval" / "crosscheck"),
                    help="output directory (default target/eval/crosscheck); earlier pairs in it are deleted")
    ap.add_argument("--limit", type=int, help="build only the first N pairs")
    ap.add_argument("--corpus", default=str(CORPUS), help="ground-truth.json of the benchmark")
    args = ap.parse_args(argv)
    if not Path(args.corpus).exists():
        sys.exit(f"crosscheck: corpus not found: {args.corpus}")
    arts = load_articles(args.corpus)
    latin = [a for a in arts if mostly_latin(a.text)]
    eligible = [a for a in latin if len(a.sents) >= MIN_UNITS]
    # a seed-dependent order (not the sorted-id order of synth_edits.py)
    eligible.sort(key=lambda a: hashlib.sha256(f"{args.seed}/{a.id}".encode()).hexdigest())
    donors = [a for a in latin if a.sents]
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.iterdir():
        if old.is_dir() and (old / "gold.json").exists():
            shutil.rmtree(old)
    count = len(eligible) if args.limit is None else min(args.limit, len(eligible))
    stats = {}
    n_multi = 0
    for idx in range(count):
        art = eligible[idx]
        # "synth2" is the generator's first name: kept as the seed tag, so the pairs stay those
        # measured before it was renamed.
        rng = seeded("synth2", args.seed, art.id)
        pair = build_pair(art, eligible, donors, rng)
        check_pair(pair)
        multi = len(pair["sources"]) > 1
        n_multi += multi
        write_pair(pair, out / f"{idx:03d}-{art.id[:8]}{'-multi' if multi else ''}", args.seed)
        for p in pair["paragraphs"]:
            for u in p:
                stats[u.label] = stats.get(u.label, 0) + 1
                stats["moved"] = stats.get("moved", 0) + u.moved
                stats["tag:" + u.tag] = stats.get("tag:" + u.tag, 0) + 1
        for k, d in enumerate(pair["sources"]):
            stats["original"] = stats.get("original", 0) + len(d.sents)
            stats["removed"] = stats.get("removed", 0) + len(pair["removed"][k])
    print(f"crosscheck: wrote {count} pairs ({n_multi} two-source) to {out}; "
          f"{len(arts) - len(eligible)} articles skipped (non-Latin or under {MIN_UNITS} sentences)")
    print("crosscheck: adapted units " + ", ".join(f"{k} {stats.get(k, 0)}" for k in
                                               ("unchanged", "reworded", "inserted", "moved"))
          + f"; original units {stats.get('original', 0)}, removed {stats.get('removed', 0)}")
    print("crosscheck: by edit " + ", ".join(f"{k[4:]} {v}" for k, v in sorted(stats.items())
                                         if k.startswith("tag:")))


if __name__ == "__main__":
    main()
