"""A small rule-based sentence segmenter shared by the evaluation scripts.

Paragraphs are the non-blank lines of a text ("\\n\\n" and "\\n" both separate them).
Inside a paragraph a sentence ends at `.`, `!` or `?` (optionally followed by closing quotes or
brackets), then whitespace, then something that does not start with a lower-case letter, unless
the word before the period is a known abbreviation (Mr., U.S., Jan. 5, a.m., ...), a single
initial (J. K. Rowling) or a dotted acronym not followed by a typical sentence opener.

Every sentence is returned as a (start, end) character span into the text it came from, so the
sentence text is always an exact substring.
"""

import re

# Abbreviations (lower case, without the final period) after which a period never ends a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col",
    "capt", "cmdr", "sgt", "maj", "adm", "supt", "det", "insp", "st", "ste", "mt", "ft", "rev",
    "hon", "pres", "jr", "sr", "inc", "corp", "co", "ltd", "llc", "bros", "dept", "univ", "assn",
    "vs", "v", "approx", "cf", "e.g", "i.e",
}
# US state abbreviations (AP style); only when capitalised, since "ill." or "mass." are words.
STATE_ABBREVIATIONS = {
    "Mass", "Calif", "Fla", "Ill", "Penn", "Wash", "Ariz", "Colo", "Conn", "Ga", "Ky", "La", "Md",
    "Mich", "Minn", "Mo", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex", "Va", "Wis", "Ala", "Ark",
    "Del", "Kan", "Neb", "Wyo",
}
# Abbreviations that are only abbreviations when a number follows ("No. 5", "Jan. 20").
NUMBER_ABBREVIATIONS = {
    "no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "vol", "p", "pp", "fig", "art", "ch", "sec",
}
# Words that typically open a sentence: after "U.S." or "p.m." they signal a real boundary.
SENTENCE_OPENERS = {
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "This", "That", "These", "Those",
    "His", "Her", "Its", "Their", "Our", "But", "And", "In", "On", "At", "As", "After", "When",
    "While", "If", "Some", "Many", "Most", "There", "Other", "Others", "Such", "For", "With",
    "Still", "Yet", "So", "Now", "Then", "Also", "However", "According", "Meanwhile",
}

# Candidate boundary: terminal punctuation, optional closers, whitespace, a non-lower-case start.
_CANDIDATE = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s+(\S))")
_TOKEN_BEFORE = re.compile(r"(\S+)$")


def _is_boundary(line, m):
    """Decide whether the candidate match `m` in `line` really ends a sentence."""
    nxt = m.group(1)
    if nxt.islower():
        return False
    punct = m.group(0)
    if not punct.endswith("."):
        return True  # "!", "?" or a closing quote/bracket after the punctuation
    token = _TOKEN_BEFORE.search(line[: m.end()]).group(1)
    bare = token.rstrip(".").lstrip("(\"'\u201c\u2018[")
    low = bare.lower()
    rest = line[m.end():].lstrip()
    next_word = rest.split(None, 1)[0] if rest else ""
    next_word = next_word.lstrip("\"'\u201c\u2018(")
    if low in ABBREVIATIONS or bare in STATE_ABBREVIATIONS:
        return False
    if low in NUMBER_ABBREVIATIONS and next_word[:1].isdigit():
        return False
    if re.fullmatch(r"[A-Za-z]", bare):  # an initial ("J. K. Rowling") or "d." in results
        return False
    if re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", bare):  # U.S, a.m, D.C
        return next_word.rstrip(",") in SENTENCE_OPENERS
    return True


def sentence_spans(line):
    """Return the (start, end) spans of the sentences in one paragraph line."""
    spans, start = [], 0
    # skip leading whitespace
    while start < len(line) and line[start].isspace():
        start += 1
    for m in _CANDIDATE.finditer(line):
        if m.end() <= start or not _is_boundary(line, m):
            continue
        spans.append((start, m.end()))
        start = m.end()
        while start < len(line) and line[start].isspace():
            start += 1
    end = len(line.rstrip())
    if end > start:
        spans.append((start, end))
    return spans


def segment(text):
    """Split `text` into paragraphs of sentences.

    Returns a list of paragraphs; each paragraph is a list of (start, end) character spans into
    `text`. Blank lines are ignored; every non-blank line is one paragraph.
    """
    paragraphs = []
    for m in re.finditer(r"[^\n]+", text):
        if not m.group(0).strip():
            continue
        spans = [(m.start() + a, m.start() + b) for a, b in sentence_spans(m.group(0))
                 if any(c.isalnum() for c in m.group(0)[a:b])]  # no units of bare symbols
        if spans:
            paragraphs.append(spans)
    return paragraphs
