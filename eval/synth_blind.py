#!/usr/bin/env python3
"""synth_blind.py: an independent synthetic pair generator ("blind" to the other synth_*.py).

It imitates what a newspaper sub-editor does to PA wire copy, reading real PA copy in place from
../shared/data/meter-dev/*/original-*.txt (never stored in the repo; the generated pairs go to
target/, which is ignored by git). Each pair directory gets:

  original-1.txt [original-2.txt]   the PA file(s), byte for byte
  adapted.txt                       the "newspaper" story
  gold.json                         {"adapted": [{text, kind, moved, original}], "removed": [{text}]}
  ops.json                          what was done to each adapted item (for error analysis only)

Operations, mixed with per-pair rates: verbatim copy, drop (removed), truncation of the tail,
inserted editorial sentences (reaction quotes, no-comment lines, background, opinion, colour,
sentences reusing the story's names and topic words), sub-editor rewording (time words, said ->
told/claimed, clause drops, clause/attribution reordering, truncated quotes, synonyms, number
format, contractions, passive/active), merge of two sentences, split of one, paragraph moves,
house style (quote marks, dashes, capitalised intro words, US spelling), and a lost full stop.

Labels: only punctuation / quote / case / spacing changes -> unchanged; any word change ->
reworded (a US-spelling-only change is "unchanged|reworded"); merged -> one reworded item whose
original is its first source; split -> two reworded items with the same original; inserted ->
original null. moved: per source, sentences outside every longest increasing subsequence of
source positions are moved, those inside every one are not, ambiguous ones get null.

usage: synth_blind.py [--seed N] [--n PAIRS] [--out DIR] [--data DIR]
"""
import argparse
import glob
import json
import os
import random
import re
import shutil

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "data", "meter-dev")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "target", "eval", "blind")

# --------------------------------------------------------------------------------------------
# PA copy: paragraphs and sentences

ABBR = {"Mr", "Mrs", "Ms", "Dr", "St", "No", "Co", "Ltd", "Inc", "Jr", "Sr", "Rev", "Gen", "Col",
        "Sgt", "Insp", "Det", "Supt", "Con", "Capt", "Lt", "vs", "v", "etc", "Prof", "Mt", "Nos",
        "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "approx", "Fig", "Ch"}
BOUND = re.compile(r"[.!?](?:'''|''|')?(?=\s+(?:``|`)?[A-Z0-9£])")
SAYWORDS = re.compile(r"\b(said|says|asked|added|told|replied|shouted|insisted|claimed)\b")


def is_furniture(p):
    s = p.strip()
    words = s.split()
    if len(words) < 4:
        return True
    if re.match(r"^By\b", s) and ("PA" in s or "Reporter" in s or len(words) < 9):
        return True
    letters = [c for c in s if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.8 * len(letters):
        return True  # headline
    if re.match(r"^(\(|Q:|A:|Embargo|Note to|NOTE|ENDS|mfl|mf\b|EDITORS)", s):
        return True
    if not re.search(r"[.!?](?:''|')?$", s):
        return True
    if "PA News" in s or "Pic" in s or "pix" in s:
        return True
    return False


def split_para(p):
    """Sentences of one PA paragraph, or None when a boundary is doubtful."""
    if "..." in p or "\n" in p or "\t" in p or "|" in p:
        return None
    cuts = []
    for m in BOUND.finditer(p):
        end = m.end()
        before = p[:m.start()]
        w = re.findall(r"[A-Za-z]+$", before)
        if w and (w[0] in ABBR or (len(w[0]) == 1 and w[0].isupper())):
            return None
        if re.search(r"\b[A-Za-z]\.[A-Za-z]$", before):
            return None
        nxt = p[end:].lstrip()
        if p[m.start()] in "?!" and m.group(0)[1:] and not nxt.startswith("`"):
            # ``Why?'' Mr Smith asked.  -- not a boundary; don't guess
            if SAYWORDS.search(" ".join(nxt.split()[:5])):
                return None
        cuts.append(end)
    # a final check for lowercase continuations after '.' that BOUND skipped is not needed
    out, last = [], 0
    for c in cuts + [len(p)]:
        s = p[last:c].strip()
        if s:
            out.append(s)
        last = c
    for s in out:
        if len(s.split()) < 3:
            return None
        if not re.search(r"[.!?](?:'''|''|')?$", s):
            return None
    return out


def read_original(path):
    """(text, paragraphs); a paragraph is a list of sentences (None when doubtful / furniture)."""
    text = open(path, encoding="utf-8").read()
    paras = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text):
        p = m.group(0)
        if is_furniture(p):
            paras.append({"furniture": True, "sents": None})
            continue
        ss = split_para(p.strip())
        paras.append({"furniture": False, "sents": ss})
    return text, paras


# --------------------------------------------------------------------------------------------
# words and similarity

def words(s):
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = s.replace("'", "")
    return re.findall(r"[a-z0-9£%]+", s)


STOP = set("""a an the and or but if of to in on at by for with from as is was were be been being are
he she it they we i you his her its their our my your him them us me this that these those who
whom which what when where why how not no so than then there here also had has have do did does
said says told would could should will can may might must about after before into over out up
down just very more most some any all one two three four five six seven eight nine ten mr mrs
miss ms dr today yesterday tomorrow court""".split())


def content(s):
    return {w for w in words(s) if w not in STOP and len(w) > 2}


def jacc(a, b):
    a, b = content(a), content(b)
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def cover(a, b):
    """Share of a's content words found in b."""
    a, b = content(a), content(b)
    return len(a & b) / len(a) if a else 0.0


# --------------------------------------------------------------------------------------------
# story facts: names, places, organisations, topic words

TITLES = ("Mr", "Mrs", "Miss", "Ms", "Dr", "Judge", "Sir", "Lord", "Lady", "Mr Justice", "Recorder")
ORGW = {"Court", "Council", "Police", "Society", "Agency", "Service", "Authority", "Party", "BBC",
        "Ltd", "Club", "Trust", "Department", "Office", "Association", "Union", "Bank", "Hospital",
        "School", "University", "Commission", "Government", "House", "Records", "Television",
        "Army", "Channel", "Company", "Group", "Studios", "Theatre", "Academy", "Constabulary",
        "Ministry", "Board", "Inquiry", "Network", "Radio", "ITV", "Sky", "Street"}
NOTNAME = set("""The A An He She It They We I His Her Its Their But And Or If When After Before As
At In On Of For From By With This That These Those There Here Today Yesterday Tomorrow Monday
Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December Crown Queen QC Mr Mrs Miss Ms Dr Judge Sir Lord Lady
Christmas God PA News Court Police Yes No Oh So Then Now Later Earlier Outside Inside During
While Asked One Two Three Four Five Six Seven Eight Nine Ten Both Each Every Some Many Most
Another Other Prosecuting Defending Mitigating Speaking Giving Describing Sentencing What Why
How Who Where Which Well Justice Appeal Prosecutor Detective Sergeant Inspector Chief Constable
Superintendent Home Secretary Minister Prime British English Irish Scottish Welsh Royal Actor
Actress Singer Parents Comedian Director Presenter Spinster Prosecutor Dame General Colonel Star
Soap Producer Writer Author Chef Footballer Goalkeeper Spokesman Spokeswoman""".split())


NONPERSON = {"Street", "Hall", "House", "Act", "Service", "Committee", "Enough", "Play", "Show",
             "Festival", "Awards", "Hotel", "Pub", "Road", "Park", "Square", "Beach", "Bridge",
             "Airport", "Station", "Centre", "Prison", "Cathedral", "Church", "Stadium", "Opera",
             "United", "City", "Rovers", "Girls", "Boys", "Spice", "Times", "Sun", "Mirror", "Mail",
             "Express", "Guardian", "Telegraph", "Independent", "Star", "Premier", "Gear", "Top",
             "World", "Not", "Games", "Prize", "Lane", "Avenue", "Green", "Hill", "Way", "Long",
             "Map", "Love", "Land", "Rover", "Discovery", "Cup", "League", "Division", "Health",
             "National", "Assistance", "Select", "Culture", "Bank", "Holocaust", "Webster", "Greater",
             "New", "Far", "Yard", "Co", "Courts", "Law", "Mean", "Time", "International", "Blind",
             "Date", "Red", "Alert", "Girl", "Relief", "Comic", "Estate", "Gardens", "Report",
             "Annual", "Fabulous", "Absolutely", "Eyes", "Blue", "Knocks", "Opportunity", "True",
             "Story", "Big", "Breakfast", "Concerto", "South", "North", "East", "West", "Herald",
             "Tribune", "Ritz", "Bond", "Hour", "Services"}
NAME = r"[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:['-][A-Z][a-z]+)?"


def story_facts(texts, topic_hint):
    full = "\n".join(texts)
    people, shortrefs, places, orgs, courts = {}, {}, {}, {}, {}
    add = lambda d, k, n=1: d.__setitem__(k, d.get(k, 0) + n)
    for m in re.finditer(r"\b(Mr|Mrs|Miss|Ms|Dr)\s+(?:" + NAME + r"\s+)?(" + NAME + r")\b", full):
        if m.group(2) not in NOTNAME and m.group(2) not in NONPERSON:
            add(shortrefs, m.group(1) + " " + m.group(2))
    for m in re.finditer(r"\b" + NAME + r"(?:\s+(?:St\s+|de\s+|van\s+)?" + NAME + r")+", full):
        toks = m.group(0).split()
        if any(t in ORGW for t in toks):
            while toks and toks[0] in ("The", "A", "But", "And", "He", "She", "At", "In", "On", "Of", "From"):
                toks = toks[1:]
            if len(toks) >= 2:
                name = " ".join(toks)
                add(courts if toks[-1] == "Court" else orgs, name)
            continue
        lead = 0
        while lead < len(toks) and toks[lead] in NOTNAME:
            lead += 1
        toks = toks[lead:]
        cut = [i for i, t in enumerate(toks) if t in NOTNAME]
        if cut:
            toks = toks[:cut[0]]
        if len(toks) < 2 or len(toks) > 3 or any(t in NONPERSON for t in toks):
            continue
        name = " ".join(toks)
        pre = full[max(0, m.start() - 6):m.start()]
        if lead == 0 and re.search(r"\b(in|at|from|near)\s$", pre):
            continue
        # a person's surname is used on its own somewhere (or with a title)
        sur = toks[-1]
        alone = re.search(r"(?:^|(?<![A-Za-z])[a-z]+\s|[,;:.]\s|``)" + re.escape(sur) + r"(?:'s)?\b(?!\s+[A-Z])", full)
        titled = re.search(r"\b(?:Mr|Mrs|Miss|Ms|Dr)\s+" + re.escape(sur) + r"\b", full)
        first = re.search(r"(?:^|(?<![A-Za-z])[a-z]+\s|[,;:.]\s|``)" + re.escape(toks[0]) + r"(?:'s)?\b(?!\s+[A-Z])", full)
        if alone or titled or (first and toks[0] not in NONPERSON):
            add(people, name)
    for m in re.finditer(r"(?<![A-Z][a-z])(?<![A-Z][a-z][a-z])\s(?:in|from|near)\s+([A-Z][a-z]{3,})(?=[,.;])", full):
        w = m.group(1)
        if w not in NOTNAME and w not in ORGW and w not in NONPERSON:
            add(places, w)
    freq = {}
    for w in re.findall(r"\b(?:the|a|an|his|her|their|its)\s+([a-z]{4,})\b", full):
        if w not in STOP and not re.search(r"(ly|ed|ing|est|er)$", w) and w not in (
                "same", "other", "first", "last", "next", "whole", "most", "case", "time",
                "latest", "only", "following", "very", "such", "former", "late", "young", "final"):
            freq[w] = freq.get(w, 0) + 1
    nouns = [w for w, c in sorted(freq.items(), key=lambda x: (-x[1], x[0])) if c >= 2][:10]
    pick = lambda d: [k for k, v in sorted(d.items(), key=lambda x: (-x[1], x[0]))]
    # noun phrases lifted from the wire: "the death of his wife", "the line of succession"
    nps = sorted(set(m.group(0) for m in re.finditer(
        r"\b(?:the|his|her|their) (?!same|way|rest|end|time|number|case)[a-z]{4,} of (?:the |his |her |their |a )?[a-z]{4,}(?: [a-z]{4,})?"
        r"(?=[,.;:]| (?:and|in|at|on|was|were|is|had|to|for|by|with|from|after|before)\b)", full)
        if not re.search(r"\b(said|was|were|had|has|would|could|which|that|who|when|been|being)\b", m.group(0))))
    people = [p for p in pick(people) if p not in places]
    short = pick(shortrefs)[:4]
    if not short:
        short = list(dict.fromkeys(p.split()[-1] for p in people[:3]))

    def the(o):
        if o.isupper() or not re.search(r"\bthe\s+" + re.escape(o), full, re.I):
            return o
        return "the " + o
    return {
        "people": people[:6] or (["the defendant"] if topic_hint == "courts" else ["the star"]),
        "short": short,
        "places": [p for p in pick(places) if p not in people][:4],
        "orgs": [the(o) for o in pick(orgs)[:4]],
        "courts": pick(courts)[:2],
        "topics": nouns or ["case"],
        "nps": nps,
    }


# --------------------------------------------------------------------------------------------
# editorial inserts (new content about the story)

# "C:" courts stories only, "S:" showbiz only
INSERTS = {
    "reaction": [
        "C:Outside court, {S}'s solicitor said: ``My client is relieved that this ordeal is finally over.''",
        "C:Speaking outside {C}, a relative said: ``We just want to be left alone now.''",
        "A family friend said last night: ``Nobody who knows {S} can believe what has happened.''",
        "Last night a neighbour in {PL} said: ``They always seemed such an ordinary family.''",
        "One of {S}'s friends said: ``It has been a terrible strain on everybody.''",
        "S:A friend of {S} said last night: ``This is the best news anybody could have hoped for.''",
        "C:{P2}'s sister said afterwards: ``We have waited a long time for this day.''",
        "Later {S} told friends: ``I am just glad it is all behind me.''",
        "S:A source close to {S} said: ``Everyone is thrilled, it has been kept quiet for weeks.''",
        "S:One fan, who had travelled from {PL}, said: ``I have followed {S} for years and would not miss this.''",
        "C:A local councillor said: ``People round here will be asking how this was allowed to happen.''",
        "C:A police spokesman said: ``We would urge anyone with information to come forward.''",
    ],
    "nocomment": [
        "{O} did not respond to a request for comment.",
        "{S}'s lawyers did not respond to a request for comment last night.",
        "A spokesman for {O} declined to comment.",
        "{P} could not be reached for comment.",
        "Nobody from {O} was available for comment yesterday.",
        "{P2} did not respond to a request for comment.",
        "Representatives of {S} declined to comment when contacted by this newspaper.",
        "S:{S}'s agent refused to discuss the matter.",
    ],
    "background": [
        "C:It is understood {S} had no previous convictions.",
        "The case has been followed closely in {PL}, where {S} is well known.",
        "C:{PL} has seen a number of similar cases in recent years.",
        "C:Legal experts say the outcome could have implications for hundreds of similar cases.",
        "{O} has faced criticism over its handling of such matters before.",
        "{S} first made headlines more than a decade ago.",
        "C:Figures released last month suggest such cases are on the rise.",
        "{P} moved to {PL} in the early 1990s.",
        "Interest in the {T} has grown steadily since the story first broke.",
        "{S}, who has two grown-up children, has lived in the area for most of {pos} life.",
        "S:{S} earned a reported seven-figure sum last year.",
        "S:Viewing figures for the programme have slipped in recent months.",
    ],
    "opinion": [
        "It is a story that raises uncomfortable questions for {O}.",
        "C:Few who heard the evidence will forget the account of the {T}.",
        "Whatever the outcome, the damage to {S}'s reputation has already been done.",
        "C:This was a case that many believe should never have come to court.",
        "C:Critics will say the affair exposes deep flaws in the system.",
        "It is hard not to feel some sympathy for everyone involved.",
        "Once again, questions will be asked about the {T}.",
        "S:Not everyone will be celebrating, however.",
        "S:It is the kind of publicity money cannot buy.",
    ],
    "colour": [
        "C:{S}, dressed in a dark suit, showed no emotion as the evidence was read out.",
        "C:{S} sat with head bowed throughout.",
        "C:The public gallery was packed.",
        "Photographers jostled for position as {S} arrived.",
        "S:Fans waited for hours in the rain to catch a glimpse of {S}.",
        "C:Several supporters wept quietly at the back of the room.",
        "S:{S} looked relaxed and smiled for the cameras.",
    ],
    "echo": [
        "{P} and {P2} have known each other for many years.",
        "{S} was said by friends to be ``shattered'' by the {T} claims.",
        "Both {S} and {P2} are expected to speak publicly next week.",
        "The {T} and the {T2} are now at the centre of a fierce row in {PL}.",
        "{S} is no stranger to controversy.",
        "S:It is the latest twist in a remarkable year for {S}.",
        "So what happens to {P} now?",
        "{P} is said to have told friends that the {T} was ``the last straw''.",
    ],
    "anchored": [
        "Friends say {S} has never really got over {NP}.",
        "Questions remain over {NP}.",
        "{S} has said little in public about {NP}.",
        "Few had expected {NP} to become such an issue.",
        "{NP} is expected to be raised again when {P2} gives evidence.",
        "It was {NP} that first drew the attention of {O}.",
        "Those close to {S} say {NP} was only ever part of the story.",
    ],
}


def fill_insert(rng, facts, kind, courts_story):
    bank = [t for t in INSERTS[kind] if not t.startswith("S:" if courts_story else "C:")]
    for _ in range(20):
        t = rng.choice(bank)
        if t[:2] in ("C:", "S:"):
            t = t[2:]
        people = facts["people"]
        short = facts["short"] or people
        slots = {
            "P": people[0] if rng.random() < 0.6 else rng.choice(people),
            "P2": people[1] if len(people) > 1 else None,
            "S": rng.choice(short[:2]),
            "PL": rng.choice(facts["places"][:3]) if facts["places"] else None,
            "O": rng.choice(facts["orgs"][:3]) if facts["orgs"] else
                 ("the Crown Prosecution Service" if courts_story else "the BBC"),
            "C": facts["courts"][0] if facts["courts"] else "the court",
            "T": rng.choice(facts["topics"][:5]),
            "T2": rng.choice(facts["topics"][:8]),
            "pos": "his",
            "NP": rng.choice(facts["nps"]) if facts["nps"] else None,
        }
        if slots["S"].startswith(("Mrs", "Miss", "Ms")):
            slots["pos"] = "her"
        if slots["T"] == slots["T2"]:
            slots["T2"] = None
        need = re.findall(r"\{(\w+)\}", t)
        if any(slots[k] is None for k in need):
            continue
        if "{P}" in t and "{P2}" in t and slots["P"] == slots["P2"]:
            continue
        s = t.format(**slots)
        if s[0].islower():
            s = s[0].upper() + s[1:]
        return s
    return None


# --------------------------------------------------------------------------------------------
# rewording operations: each takes (sentence, rng, ctx) and returns the new sentence or None

def cap(s):
    return s[:1].upper() + s[1:] if s else s


def case_like(src, rep):
    if src[:1].isupper():
        return rep[:1].upper() + rep[1:]
    return rep


LOWERABLE = {"The", "A", "An", "He", "She", "It", "They", "His", "Her", "Their", "This", "These",
             "That", "Those", "There", "We", "Its", "Both", "Another", "Some", "Police", "Officers"}


def lower_first(s):
    w = s.split(" ", 1)[0]
    if w in LOWERABLE:
        return s[:1].lower() + s[1:]
    return s


def op_time(s, rng, ctx):
    table = [("this morning", "yesterday morning"), ("this afternoon", "yesterday afternoon"),
             ("this evening", "last night"), ("tonight", "last night"), ("today", "yesterday"),
             ("tomorrow", "today")]
    pat = re.compile(r"\b(" + "|".join(k for k, _ in table) + r")\b", re.I)
    if not pat.search(s):
        return None
    d = dict(table)
    return pat.sub(lambda m: case_like(m.group(0), d[m.group(0).lower()]), s)


def op_said(s, rng, ctx):
    courts = ctx["courts"]
    m = re.search(r"\b(said|says)(:)", s)
    if m:
        rep = rng.choice(["told the court", "told the jury", "added", "told the hearing"] if courts
                         else ["told reporters", "added", "revealed", "told fans", "explained"])
        # only the tag of a quote changes: METER's convention says unchanged or reworded
        return s[:m.start()] + rep + s[m.end() - 1:], "said_tag"
    m = re.search(r"\bsaid\b(?=,? (?:that |he |she |they |the |his |her |it |[A-Z]))", s)
    if m:
        rep = rng.choice(["told the court", "told the jury", "claimed", "insisted", "explained"]
                         if courts else ["claimed", "revealed", "insisted", "told reporters", "explained"])
        return s[:m.start()] + rep + s[m.end():]
    return None


def _ok_drop(old, new, min_drop=2):
    return len(old.split()) - len(new.split()) >= min_drop and len(new.split()) >= 5


def op_drop_clause(s, rng, ctx):
    cands = []
    for m in re.finditer(r", (?:who|which|whose|where|now|then|aged|both|a former|the former|"
                         r"formerly|known as|also)\b[^,;:`'_]*?,(?= [a-z])", s):
        cands.append(s[:m.start()] + s[m.end():])
    for m in re.finditer(r", (\d{1,2}),(?= [a-z(])", s):
        cands.append(s[:m.start()] + s[m.end():])
    m = re.search(r", (?:a|the) (?:court|jury|trial|hearing|inquest|tribunal|judge|magistrates)"
                  r"(?: \w+){0,3} (?:was told|were told|heard|has heard|had heard|has been told)"
                  r"(?: today| yesterday| this week)?(?=\.$)", s)
    if m:
        cands.append(s[:m.start()] + s[m.end():])
    for m in re.finditer(r" (_|-) [^_`']{8,}? \1 ", s):
        cands.append(s[:m.start()] + " " + s[m.end():])
    m = re.match(r"^(But|However,|And|Meanwhile,|Earlier,|Later,) ([A-Z]?)", s)
    if m:
        rest = s[m.end(1) + 1:]
        cands.append(cap(rest))
    cands = [c for c in cands if _ok_drop(s, c, 1)]
    return rng.choice(cands) if cands else None


def op_truncate(s, rng, ctx):
    toks = s.split(" ")
    if len(toks) < 14:
        return None
    if toks[0].strip("`") in ("After", "When", "Less", "As", "If", "Although", "While", "Because", "Before",
                              "Since", "Despite", "Following", "Though", "Having", "Asked", "Speaking",
                              "Outside", "On", "In", "Whatever", "Unless", "Once", "Until"):
        return None
    poss = [m.start() for m in re.finditer(r",(?= )", s)]
    opens_quote = s.startswith("``")
    ends_quote = s.endswith("''")
    good = []
    for p in poss:
        pre, post = s[:p], s[p + 1:]
        if len(pre.split()) < 7 or len(post.split()) < 4:
            continue
        body = post[:-2] if ends_quote else post
        if "``" in body or "''" in body or "`" in body:
            continue
        if "``" in pre:
            if not opens_quote or pre.count("``") != pre.count("''") + 1:
                continue
            good.append(pre + (".''" if ends_quote else "."))
        else:
            if "''" in pre or "`" in pre:
                continue
            if ends_quote:
                continue  # quote opened before this sentence; don't cut the close away
            good.append(pre + ".")
    return rng.choice(good) if good else None


def op_reorder(s, rng, ctx):
    cands = []
    m = re.match(r"^(.{20,}), ((?:a|the) (?:court|jury|trial|hearing|inquest|tribunal)(?: \w+){0,3} "
                 r"(?:was told|were told|heard))( today| yesterday)?\.$", s)
    if m and "``" not in s:
        cands.append(cap(m.group(2)) + (m.group(3) or "") + " that " + lower_first(m.group(1)) + ".")
    m = re.match(r"^((?:[A-Z][\w'-]*\s){1,4}(?:said|claimed|added|told the court|told the jury))"
                 r"(?: that)? (.{25,})\.$", s)
    if m and "``" not in s and "''" not in s and m.group(1).split()[0] not in ("But", "And", "However", "Earlier", "Later", "The", "A", "An"):
        rest = m.group(2)
        if rest.split(" ", 1)[0] not in ("today", "yesterday", "tonight", "that", "this", "last", "earlier", "later"):
            cands.append(cap(rest) + ", " + lower_first(m.group(1)) + ".")
    m = re.match(r"^([A-Z][^`']{3,60}?) (said|added|told [a-z ]+?|claimed|insisted): ``([^`']{15,}?)\.''$", s)
    if m:
        who, verb, q = m.group(1), m.group(2), m.group(3)
        cands.append(("``" + q + ",'' " + lower_first(who) + " " + verb + ".", "reorder_tag"))
    m = re.match(r"^(Earlier|Later|Afterwards|Yesterday|Today|Last night|Outside court|Meanwhile), "
                 r"([A-Z].{15,})\.$", s)
    if m and "``" not in s:
        adv = m.group(1)
        adv = adv if adv in ("Outside court",) else adv.lower()
        if adv == "Outside court":
            adv = "outside court"
        cands.append(m.group(2) + " " + adv + ".")
    m = re.match(r"^(When|After|Before|Although|Because|While|If|As) ([^,`']{10,}), ([a-z][^`']{10,})\.$", s)
    if m:
        cands.append(cap(m.group(3)) + " " + m.group(1).lower() + " " + m.group(2) + ".")
    return rng.choice(cands) if cands else None


SYN = [("began", "started"), ("begun", "started"), ("attempted", "tried"), ("purchased", "bought"),
       ("approximately", "about"), ("however", "but"), ("because", "as"),
       ("residence", "home"), ("father", "dad"), ("mother", "mum"), ("children", "kids"),
       ("vehicle", "car"), ("large", "big"), ("very", "extremely"), ("claimed", "alleged"),
       ("alleged", "claimed"), ("film", "movie"), ("famous", "well-known"), ("happy", "delighted"),
       ("angry", "furious"), ("upset", "distressed"), ("shocked", "stunned"), ("ended", "finished"),
       ("arrived", "turned up"), ("immediately", "at once"), ("afterwards", "later"),
       ("several", "a number of"), ("nearly", "almost"),
       ("almost", "nearly"), ("money", "cash"), ("struck", "hit"), ("attacked", "assaulted"),
       ("jailed", "locked up"), ("prison", "jail"), ("refused", "declined"), ("declined", "refused"),
       ("discovered", "found"), ("decided", "chose"), ("stated", "said"), ("told", "informed"),
       ("wanted", "wished"), ("frightened", "scared"), ("believed", "thought"),
       ("died", "passed away"), ("lawyer", "solicitor"), ("girlfriend", "partner"),
       ("boyfriend", "partner"), ("youngster", "boy"), ("teenager", "youth"),
       ("singer", "star"), ("actress", "star"),
       ("described", "depicted"), ("explained", "said"), ("hospital", "hospital"), ("around", "about"),
       ("evidence", "testimony"), ("prosecuting", "for the prosecution"),
       ("defending", "for the defence"), ("jury", "jurors")]
SYN += [("investigation", "probe"), ("criticised", "slammed"), ("married", "wed"),
        ("television", "TV"), ("telephone", "phone"), ("attempt", "bid"), ("dismissed", "axed"),
        ("resigned", "quit"), ("questioned", "quizzed"), ("argument", "row"), ("dispute", "row"),
        ("confrontation", "clash"), ("enormous", "massive"), ("extremely", "hugely"),
        ("delighted", "thrilled"), ("furious", "livid"), ("stabbed", "knifed"),
        ("imprisoned", "jailed"), ("sentenced to", "jailed for"), ("doctors", "medics"),
        ("defendant", "accused"), ("announced", "revealed"), ("revealed", "disclosed"),
        ("finished", "ended"), ("car", "motor"), ("woman", "lady"), ("worried", "concerned"),
        ("terrible", "horrific"), ("death", "killing"), ("agreed", "accepted"), ("reported", "said"),
        ("suffered", "sustained"), ("injuries", "wounds"), ("officers", "police"), ("told", "informed"),
        ("quickly", "swiftly"), ("building", "premises"), ("paid", "handed"), ("cost", "price"),
        ("ordered", "told"), ("accused of", "charged with"), ("intended", "meant"), ("needed", "required"),
        ("job", "post"), ("friend", "pal"), ("loved", "adored"), ("shop", "store"), ("outside", "beyond")]
SYN = [(a, b) for a, b in dict((a, b) for a, b in SYN).items() if a != b and a != "jury"]
CONTR = [("did not", "didn't"), ("was not", "wasn't"), ("do not", "don't"), ("could not", "couldn't"),
         ("is not", "isn't"), ("would not", "wouldn't"), ("had not", "hadn't"), ("I am", "I'm"),
         ("does not", "doesn't"), ("were not", "weren't"), ("cannot", "can't"), ("it is", "it's")]


def op_syn(s, rng, ctx):
    hits = [(a, b) for a, b in SYN if re.search(r"\b" + a + r"\b", s, re.I)]
    if not hits:
        return None
    rng.shuffle(hits)
    out = s
    for a, b in hits[:rng.choice([1, 2, 2, 3, 4])]:
        m = re.search(r"\b" + a + r"\b", out, re.I)
        if m:
            out = out[:m.start()] + case_like(m.group(0), b) + out[m.end():]
    return out if out != s else None


def op_contract(s, rng, ctx):
    hits = [(a, b) for a, b in CONTR if re.search(r"\b" + a + r"\b", s)]
    if not hits:
        return None
    a, b = rng.choice(hits)
    return re.sub(r"\b" + a + r"\b", b, s, count=1)


NUMW = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen", "twenty"]


def op_number(s, rng, ctx):
    cands = []
    for m in re.finditer(r"£(\d{1,3}),000\b(?!,)", s):
        cands.append(s[:m.start()] + "£" + m.group(1) + rng.choice(["k", " thousand"]) + s[m.end():])
    for m in re.finditer(r"£(\d+(?:\.\d+)?) (million|billion)\b", s):
        cands.append(s[:m.start()] + "£" + m.group(1) + ("m" if m.group(2) == "million" else "bn")
                     + s[m.end():])
    for m in re.finditer(r"\b(\d+(?:\.\d+)?) per cent\b", s):
        cands.append(s[:m.start()] + m.group(1) + rng.choice(["%", "pc"]) + s[m.end():])
    for m in re.finditer(r"(?<![£\d.,:/-])\b(\d{1,2})\b(?![\d.,:/%-]| per| ?am\b| ?pm\b)", s):
        n = int(m.group(1))
        if 1 <= n <= 20 and not re.search(r"(aged|age of|,)\s*$", s[:m.start()]) \
                and not re.match(r"\s*,", s[m.end():]):
            cands.append(s[:m.start()] + case_like(m.group(1), NUMW[n]) + s[m.end():])
    for m in re.finditer(r"\b(two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b", s):
        cands.append(s[:m.start()] + str(NUMW.index(m.group(1))) + s[m.end():])
    return rng.choice(cands) if cands else None


PASSIVE = re.compile(r"^(He|She|They) (was|were) (arrested|questioned|cleared|convicted|charged|"
                     r"interviewed|stopped|attacked|jailed|sentenced|sacked|praised|criticised|"
                     r"stabbed|punched|kicked|hit|found) by ((?:the |a )?[a-z]+(?: [a-z]+)?|"
                     r"[A-Z][a-z]+(?: [A-Z][a-z]+)?)(\b.*)$")
ACTIVE = re.compile(r"^(Police|Detectives|Officers|The jury|The judge|Magistrates) (arrested|cleared|"
                    r"convicted|questioned|charged|interviewed|jailed|sentenced|found) (him|her|them)\b(.*)$")


def op_voice(s, rng, ctx):
    m = PASSIVE.match(s)
    if m:
        obj = {"He": "him", "She": "her", "They": "them"}[m.group(1)]
        return cap(m.group(4)) + " " + m.group(3) + " " + obj + m.group(5)
    m = ACTIVE.match(s)
    if m:
        subj = {"him": "He", "her": "She", "them": "They"}[m.group(3)]
        be = "were" if subj == "They" else "was"
        agent = m.group(1)
        agent = agent if agent in ("Police",) else agent[0].lower() + agent[1:]
        if agent == "Police":
            agent = "police"
        return subj + " " + be + " " + m.group(2) + " by " + agent + m.group(4)
    return None


US = [("colour", "color"), ("favour", "favor"), ("honour", "honor"), ("behaviour", "behavior"),
      ("neighbour", "neighbor"), ("centre", "center"), ("theatre", "theater"), ("defence", "defense"),
      ("offence", "offense"), ("realise", "realize"), ("realised", "realized"), ("recognise", "recognize"),
      ("recognised", "recognized"), ("apologise", "apologize"), ("apologised", "apologized"),
      ("organisation", "organization"), ("organised", "organized"), ("criticised", "criticized"),
      ("criticise", "criticize"), ("programme", "program"), ("travelled", "traveled"),
      ("travelling", "traveling"), ("jewellery", "jewelry"), ("cheque", "check"), ("tyre", "tire"),
      ("grey", "gray"), ("sceptical", "skeptical"), ("paediatric", "pediatric"), ("licence", "license"),
      ("counselling", "counseling"), ("labour", "labor"), ("rumour", "rumor"), ("humour", "humor"),
      ("harbour", "harbor"), ("cancelled", "canceled"), ("fulfil", "fulfill"), ("manoeuvre", "maneuver")]


def americanize(s):
    out = s
    for a, b in US:
        out = re.sub(r"\b" + a + r"(s?)\b", lambda m: b + m.group(1), out)
        out = re.sub(r"\b" + cap(a) + r"(s?)\b", lambda m: cap(b) + m.group(1), out)
    return out


FILLER = ["also", "still", "just", "even", "really", "then", "now", "already", "dramatically",
          "further", "actually", "always", "simply", "very", "clearly", "allegedly"]


def op_filler(s, rng, ctx):
    hits = [m for m in re.finditer(r" (" + "|".join(FILLER) + r")(?= [a-z])", s)]
    if not hits:
        return None
    m = rng.choice(hits)
    return s[:m.start()] + s[m.end():]


def op_tail(s, rng, ctx):
    """Drop a trailing phrase: ' in January 1999.' / ' at his home in Kent.'"""
    if s.endswith("''") or s.endswith("'"):
        return None
    cands = []
    for m in re.finditer(r"(,? (?:in|at|on|during|after|before|since|from|for|with|near|over) [^,;:`'_]{6,})"
                         r"(?=[.!?]$)", s):
        new = s[:m.start()] + s[m.end():]
        if re.search(r"\b(is|was|were|are|be|been|being|am|just|straight|even|only|right|way|far|back)$", new[:m.start()]):
            continue
        if _ok_drop(s, new, 2) and 3 <= len(m.group(1).split()) <= 10:
            cands.append(new)
    return rng.choice(cands) if cands else None


PRON = {"I": "{he}", "I'm": "{he} was", "I've": "{he} had", "my": "{his}", "me": "{him}",
        "am": "was", "have": "had", "has": "had", "will": "would", "can": "could", "myself": "{him}self",
        "is": "was", "are": "were", "I'd": "{he} would", "don't": "did not", "do": "did"}


def op_reported(s, rng, ctx):
    """He said: ``I am innocent.'' -> He said he was innocent."""
    m = re.match(r"^((?:He|She|Mr [A-Z]\w+|Mrs [A-Z]\w+|Miss [A-Z]\w+|Ms [A-Z]\w+)) (said|added|told [a-z ]+?|insisted): ``(I\b[^`']*?)\.''$", s)
    if not m:
        return None
    who = m.group(1)
    fem = who.split()[0] in ("She", "Mrs", "Miss", "Ms")
    g = {"he": "she" if fem else "he", "his": "her" if fem else "his", "him": "her" if fem else "him"}
    out = []
    for w in m.group(3).split(" "):
        rep = PRON.get(w)
        out.append(rep.format(**g) if rep else w)
    body = " ".join(out)
    if "We " in body or " we " in body or " you" in body:
        return None
    return who + " " + m.group(2) + " " + body + "."


TABADJ = {"mother": "heartbroken", "father": "grieving", "wife": "devoted", "victim": "tragic",
          "girl": "tragic", "boy": "tragic", "teenager": "terrified", "defendant": "shamed",
          "singer": "chart-topping", "actor": "Hollywood", "couple": "happy", "doctor": "shamed",
          "husband": "jealous", "family": "distraught", "baby": "tiny", "daughter": "tragic",
          "son": "tragic", "pensioner": "frail", "woman": "terrified", "man": "tormented",
          "star": "superstar", "widow": "grieving", "jury": "stunned", "court": "packed"}


def op_tabloid(s, rng, ctx):
    cands = []
    for m in re.finditer(r"\b(the|his|her|a|their) (" + "|".join(TABADJ) + r")\b", s):
        adj = TABADJ[m.group(2)]
        det = "an" if m.group(1) == "a" and adj[0] in "aeiou" else m.group(1)
        cands.append(s[:m.start()] + det + " " + adj + " " + m.group(2) + s[m.end():])
    if not s.startswith("`") and s.split(" ", 1)[0] in LOWERABLE and (not cands or rng.random() < 0.3):
        cands.append(rng.choice(["Tragically, ", "Incredibly, ", "Amazingly, ", "Astonishingly, ",
                                 "Sadly, "]) + lower_first(s))
    return rng.choice(cands) if cands else None


def op_names(s, rng, ctx):
    """Pronoun -> name, full name -> surname (a sub-editor's second reference)."""
    cands = []
    fx = ctx.get("facts") or {}
    for p in fx.get("people", []):
        if " " in p and p in s and not p.startswith("the ") and not re.search(r"\b(and|&) " + re.escape(p), s):
            cands.append(s.replace(p, p.split()[-1], 1))
    return rng.choice(cands) if cands else None


def op_according(s, rng, ctx):
    """'Police said the man was armed.' -> 'According to police, the man was armed.'"""
    m = re.match(r"^((?:[A-Z][\w'-]*|the|a|for|of|[a-z]+ing)(?: (?:[A-Z][\w'-]*|the|a|for|of|prosecution|defence|police))*?)"
                 r",?(?: [a-z]+,)? (said|claimed|told the court|told the jury|alleged)(?: that)? (.{25,})\.$", s)
    if not m or "``" in s or "''" in s or len(m.group(1).split()) > 6:
        return None
    if m.group(1).split()[0] in ("But", "And", "However", "Earlier", "Later", "When", "After", "He", "She", "They", "It"):
        return None
    who = m.group(1)
    who = lower_first(who) if who.split()[0] not in ("The",) else "the" + who[3:]
    return "According to " + who + ", " + lower_first(m.group(3)) + "."


def op_drop_attr(s, rng, ctx):
    """Lose the attribution or a leading clause: 'Mr Tait said St Leger lived...' -> 'St Leger lived...'."""
    cands = []
    m = re.match(r"^((?:\S+ ){1,7}?)(said|claimed|told the court|told the jury|added|heard|alleged)(?: that)? (.{30,})$", s)
    if m and "``" not in s and "''" not in s and not re.search(r"\b(who|which|when)\b", m.group(1)):
        cands.append(cap(m.group(3)))
    m = re.match(r"^(?:When|After|As|Although|While|Earlier|Later|Yesterday|Today|Meanwhile|But) [^,`']{0,60}, ([a-z].{25,})$", s)
    if m:
        cands.append(cap(m.group(1)))
    cands = [c for c in cands if _ok_drop(s, c, 2)]
    return rng.choice(cands) if cands else None


OPS = {"according": op_according, "reported": op_reported, "tabloid": op_tabloid, "names": op_names, "drop_attr": op_drop_attr,
       "filler": op_filler, "tail": op_tail, "time": op_time, "said": op_said, "drop_clause": op_drop_clause, "truncate": op_truncate,
       "reorder": op_reorder, "syn": op_syn, "contract": op_contract, "number": op_number,
       "voice": op_voice}
OP_W = {"according": 2, "reported": 4, "tabloid": 1, "names": 2, "drop_attr": 2, "filler": 1, "tail": 2, "time": 3, "said": 3, "drop_clause": 3, "truncate": 2, "reorder": 3, "syn": 4,
        "contract": 1, "number": 2, "voice": 2}


DANGLING = {"that", "the", "a", "an", "of", "to", "and", "with", "for", "in", "on", "at", "was",
            "is", "by", "from", "as", "up", "but", "or", "his", "her", "their", "who", "which",
            "when", "where", "were", "had", "has", "have", "be", "been", "just", "than", "into"}


def sane(new, orig):
    """A sub-editor's sentence: not a stub, most of it from the wire, no dangling last word."""
    w = words(new)
    if len(w) < 6 and len(w) < len(words(orig)):
        return False
    if len(set(w) & set(words(orig))) < 0.4 * len(set(words(orig))):
        return False
    last = re.findall(r"[A-Za-z']+", new)
    return bool(last) and last[-1].lower() not in DANGLING


def reword(s, rng, ctx, nops):
    """Apply up to nops applicable operations; returns (text, [op names]) or (None, [])."""
    done, cur = [], s
    names = list(OPS)
    for _ in range(nops):
        avail = []
        for n in names:
            if n in done or (n == "said" and "said_tag" in done) or (n == "reorder" and "reorder_tag" in done):
                continue
            r = OPS[n](cur, random.Random(rng.random()), ctx)
            label = n
            if isinstance(r, tuple):
                r, label = r
            if r and r != cur and words(r) != words(cur) and sane(r, s):
                avail.append((label, r))
        if not avail:
            break
        tot = sum(OP_W.get(n, 2) for n, _ in avail)
        x = rng.random() * tot
        for n, r in avail:
            x -= OP_W.get(n, 2)
            if x <= 0:
                break
        done.append(n)
        cur = r
    if not done:
        return None, []
    return cur, done


# --------------------------------------------------------------------------------------------
# house style: quote marks, dashes, intro caps

def house_style(s, style):
    q = style["quotes"]
    if q == "curly":
        s = s.replace("``", "\u201c").replace("''", "\u201d").replace("`", "\u2018").replace("'", "\u2019")
    elif q == "straight":
        s = s.replace("``", '"').replace("''", '"').replace("`", "'")
    elif q == "single":  # British tabloid: 'quote' with "nested"
        s = s.replace("``", "\x01").replace("''", "\x02").replace("`", '"')
        # a closing single ' nested in a quote (after a letter, before punctuation/space) -> "
        s = re.sub(r"(?<=[A-Za-z.!?,])'(?=[\s.,;:!?\x02]|$)", '"', s) if '"' in s else s
        s = s.replace("\x01", "'").replace("\x02", "'")
    s = s.replace(" _ ", style["dash"])
    return s


# --------------------------------------------------------------------------------------------
# moved: per source, longest increasing subsequence membership

def lis_flags(keys):
    n = len(keys)
    if n == 0:
        return []
    le = [1] * n
    for i in range(n):
        for j in range(i):
            if keys[j] < keys[i] and le[j] + 1 > le[i]:
                le[i] = le[j] + 1
    ls = [1] * n
    for i in range(n - 1, -1, -1):
        for j in range(i + 1, n):
            if keys[j] > keys[i] and ls[j] + 1 > ls[i]:
                ls[i] = ls[j] + 1
    L = max(le)
    some = [le[i] + ls[i] - 1 == L for i in range(n)]
    flags = []
    for i in range(n):
        if not some[i]:
            flags.append(True)
        else:
            peers = [j for j in range(n) if some[j] and le[j] == le[i]]
            flags.append(False if len(peers) == 1 else None)
    return flags


# --------------------------------------------------------------------------------------------
# one pair

def usable(paras):
    return [p["sents"] for p in paras if not p["furniture"] and p["sents"]]


def make_pair(rng, story, out_dir):
    files = story["files"]
    loaded = [(f, *read_original(f)) for f in files]
    cands = [(f, t, ps) for f, t, ps in loaded if sum(len(x) for x in usable(ps)) >= 7]
    if not cands:
        return None
    prim = rng.choice(cands)
    srcs = [prim]
    # a second original of the same story, with some sentences PA did not repeat
    if rng.random() < 0.35:
        others = []
        for f, t, ps in loaded:
            if f == prim[0]:
                continue
            fresh = [s for p in usable(ps) for s in p
                     if max(jacc(s, x) for q in usable(prim[2]) for x in q) < 0.35]
            if len(fresh) >= 3:
                others.append((f, t, ps))
        if others:
            srcs.append(rng.choice(others))
    courts = story["name"].startswith("courts")
    facts = story_facts([" ".join(s for p in usable(ps) for s in p) for _, _, ps in srcs],
                        "courts" if courts else "showbiz")
    ctx = {"courts": courts, "facts": facts}

    # per-pair rates
    profile = rng.choice(["light", "broadsheet", "broadsheet", "tabloid", "tabloid"])
    R = {
        "profile": profile,
        "tail_keep": rng.uniform(0.45, 1.0) if profile != "tabloid" else rng.uniform(0.3, 0.75),
        "p_drop": rng.uniform(0.0, 0.3),
        "p_reword": {"light": rng.uniform(0.05, 0.35), "broadsheet": rng.uniform(0.3, 0.7),
                     "tabloid": rng.uniform(0.7, 1.0)}[profile],
        "p_heavy": {"light": rng.uniform(0.0, 0.3), "broadsheet": rng.uniform(0.2, 0.6),
                    "tabloid": rng.uniform(0.5, 0.9)}[profile],
        "p_merge": rng.choice([0, 0.05, 0.1, 0.2, 0.3]) if profile != "light" else 0,
        "p_split": rng.choice([0, 0.1, 0.2, 0.4]) if profile != "light" else rng.choice([0, 0.1]),
        "n_ins": rng.choice([0, 1, 2, 3]) if profile == "light" else rng.choice([1, 2, 3, 4, 5, 7]),
        "n_move": rng.choice([0, 1, 1, 2, 3]),
        "lost_stop": rng.random() < 0.3,
        "tabloid_paras": rng.random() < (0.9 if profile == "tabloid" else 0.3),
    }
    style = {"quotes": rng.choice(["curly", "curly", "straight", "single", "pa"]),
             "dash": rng.choice([" - ", " \u2013 ", " \u2014 "]),
             "intro_caps": rng.random() < 0.3,
             "us": rng.random() < 0.2}
    if style["quotes"] == "pa":
        style["quotes"] = None

    # units: paragraphs of sentence records from the primary
    def recs(src_i, paras):
        out = []
        for pi, p in enumerate(paras):
            if p["furniture"] or not p["sents"]:
                continue
            out.append([{"src": src_i, "pi": pi, "si": si, "raw": s} for si, s in enumerate(p["sents"])])
        return out

    all_recs = [recs(i, ps) for i, (_, _, ps) in enumerate(srcs)]
    P = all_recs[0]
    keep_n = max(3, int(round(len(P) * R["tail_keep"])))
    kept_paras = []
    for k, para in enumerate(P):
        if k >= keep_n:
            continue
        if k > 0 and rng.random() < R["p_drop"]:
            continue
        ps = [r for r in para if k == 0 or rng.random() >= R["p_drop"] * 0.5] or para[:1]
        kept_paras.append(ps)
    # second source: 1-3 fresh paragraphs, placed where they fit
    if len(srcs) > 1:
        prim_sents = [r["raw"] for para in P for r in para]
        fresh = [para for para in all_recs[1]
                 if all(max(jacc(r["raw"], x) for x in prim_sents) < 0.35 for r in para)]
        take = fresh[:rng.choice([1, 2, 3])] if rng.random() < 0.5 else rng.sample(fresh, min(len(fresh), rng.choice([1, 2, 3])))
        take.sort(key=lambda para: para[0]["pi"])
        pos = sorted(rng.randint(1, len(kept_paras)) for _ in take)
        for off, (at, para) in enumerate(zip(pos, take)):
            kept_paras.insert(at + off, list(para))
    # moves: take a paragraph of the primary and put it >= 2 paragraphs away
    moves = 0
    for _ in range(R["n_move"]):
        if len(kept_paras) < 5:
            break
        i = rng.randint(1, len(kept_paras) - 1)
        if kept_paras[i][0]["src"] != 0:
            continue
        para = kept_paras.pop(i)
        choices = [j for j in range(1, len(kept_paras) + 1) if abs(j - i) >= 2]
        if not choices:
            kept_paras.insert(i, para)
            continue
        # newspapers mostly pull strong material up
        up = [j for j in choices if j < i]
        j = rng.choice(up) if up and rng.random() < 0.7 else rng.choice(choices)
        kept_paras.insert(j, para)
        moves += 1

    used_raw = set()
    items_paras = []  # list of paragraphs, each a list of item dicts
    for para in kept_paras:
        out = []
        k = 0
        while k < len(para):
            r = para[k]
            raw = r["raw"]
            key = (r["src"], r["pi"], r["si"], 0)
            used_raw.add((r["src"], raw))
            # merge with the next sentence of the paragraph
            if k + 1 < len(para) and rng.random() < R["p_merge"]:
                b = para[k + 1]["raw"]
                if raw.endswith(".") and "``" not in raw and "''" not in raw and not b.startswith("`") \
                        and "``" not in b and len(raw.split()) + len(b.split()) < 45:
                    first = b.split(" ", 1)[0]
                    if first == "But":
                        joined = raw[:-1] + ", but " + b.split(" ", 1)[1]
                    else:
                        joined = raw[:-1] + rng.choice([", and ", "; ", " and "]) + lower_first(b)
                    used_raw.add((r["src"], b))
                    # "A; b." keeps every word: only punctuation changed, so either label is right
                    kind = "reworded|unchanged" if words(joined) == words(raw + " " + b) else "reworded"
                    out.append({"text": joined, "kind": kind, "original": raw, "key": key,
                                "ops": ["merge"]})
                    k += 2
                    continue
            # split a long sentence
            if rng.random() < R["p_split"] and "`" not in raw and "'" not in raw.replace("'s", ""):
                m = None
                for mm in re.finditer(r", (and|but) (?=[a-z])", raw):
                    a, b = raw[:mm.start()], raw[mm.end():]
                    if len(a.split()) >= 6 and len(b.split()) >= 5 and b.split()[0] in (
                            "he", "she", "they", "it", "the", "his", "her", "their", "i", "we",
                            "police", "this", "that", "there", "detectives", "officers"):
                        m = mm
                        break
                if m:
                    a = raw[:m.start()] + "."
                    b = raw[m.end():]
                    b = ("But " + b) if m.group(1) == "but" else cap(b)
                    out.append({"text": a, "kind": "reworded", "original": raw, "key": key, "ops": ["split"]})
                    out.append({"text": b, "kind": "reworded", "original": raw,
                                "key": key[:3] + (1,), "ops": ["split"]})
                    k += 1
                    continue
            lead = not items_paras and not out
            if rng.random() < R["p_reword"] or (lead and rng.random() < 0.7):
                n = 1 if rng.random() > R["p_heavy"] and not lead else rng.choice([2, 3, 3, 4])
                t, ops = reword(raw, rng, ctx, n)
                if t:
                    out.append({"text": t, "kind": "reworded", "original": raw, "key": key, "ops": ops})
                    k += 1
                    continue
            out.append({"text": raw, "kind": "unchanged", "original": raw, "key": key, "ops": []})
            k += 1
        if out:
            items_paras.append(out)

    # inserted sentences: own paragraph or end of a paragraph
    ins_kinds = list(INSERTS)
    seen_ins = set()
    all_orig_sents = [r["raw"] for src in all_recs for para in src for r in para]
    for _ in range(R["n_ins"]):
        kind = rng.choice(ins_kinds)
        s = fill_insert(rng, facts, kind, courts)
        if not s or s in seen_ins:
            continue
        if all_orig_sents and max(cover(s, x) for x in all_orig_sents) > 0.6:
            continue
        seen_ins.add(s)
        it = {"text": s, "kind": "inserted", "original": None, "key": None, "ops": ["insert:" + kind]}
        if rng.random() < 0.65 or not items_paras:
            at = rng.randint(1 if len(items_paras) > 1 else 0, len(items_paras))
            items_paras.insert(at, [it])
        else:
            rng.choice(items_paras).append(it)

    # tabloid paragraphing: one or two sentences a paragraph
    if R["tabloid_paras"]:
        np_ = []
        for para in items_paras:
            i = 0
            while i < len(para):
                step = 1 if rng.random() < 0.7 else 2
                np_.append(para[i:i + step])
                i += step
        items_paras = np_

    # house style, spelling, intro caps
    for pi, para in enumerate(items_paras):
        for it in para:
            t = it["text"]
            if style["us"]:
                t2 = americanize(t)
                if t2 != t:
                    it["ops"] = it["ops"] + ["us_spelling"]
                    if it["kind"] == "unchanged":
                        it["kind"] = "unchanged|reworded"
                t = t2
            t = house_style(t, style) if style["quotes"] else t.replace(" _ ", style["dash"])
            it["text"] = t
    first = items_paras[0][0] if items_paras else None
    if first and style["intro_caps"]:
        m = re.match(r"^([A-Z][a-z]*)( [a-z]+)?\b", first["text"])
        if m:
            n = m.end(2) if m.group(2) and rng.random() < 0.5 else m.end(1)
            first["text"] = first["text"][:n].upper() + first["text"][n:]
            first["ops"] = first["ops"] + ["intro_caps"]

    # lost full stop between two sentences of a paragraph
    if R["lost_stop"]:
        spots = [(pi, i) for pi, para in enumerate(items_paras) for i in range(len(para) - 1)
                 if para[i]["text"].endswith(".") and not para[i]["text"].endswith("..")
                 and para[i + 1]["text"][:1].isupper() and len(para[i]["text"].split()) > 4]
        if spots:
            pi, i = rng.choice(spots)
            items_paras[pi][i]["text"] = items_paras[pi][i]["text"][:-1]
            items_paras[pi][i]["ops"] = items_paras[pi][i]["ops"] + ["lost_stop"]
            items_paras[pi][i + 1]["ops"] = items_paras[pi][i + 1]["ops"] + ["after_lost_stop"]

    # honest labels: an "unchanged" item must have the same words; a "reworded" one must not
    for para in items_paras:
        for it in para:
            if it["original"] is None:
                continue
            same = words(it["text"]) == words(it["original"])
            if it["kind"].startswith("unchanged"):
                assert same or it["kind"] == "unchanged|reworded", (it["text"], it["original"])
            elif "merge" in it["ops"]:
                pass
            elif same and "split" not in it["ops"] and "merge" not in it["ops"]:
                it["kind"] = "unchanged"
            elif it["kind"] == "reworded" and set(it["ops"]) - {"intro_caps", "lost_stop", "after_lost_stop"} \
                    <= {"said_tag", "reorder_tag"}:
                it["kind"] = "reworded|unchanged"

    # moved flags per source
    items = [it for para in items_paras for it in para]
    all_given = [(si, r["raw"]) for si, src in enumerate(all_recs) for para in src for r in para]
    for src_i in range(len(srcs)):
        idx = [k for k, it in enumerate(items) if it["key"] and it["key"][0] == src_i]
        flags = lis_flags([items[k]["key"][1:] for k in idx])
        for k, f in zip(idx, flags):
            items[k]["moved"] = f
    for it in items:
        it.setdefault("moved", False)
        if it["key"] and it["moved"] is not None:
            # a near-copy elsewhere in the wire (a PA rewrite repeats itself): either may be aligned
            twins = [1 for si, raw in all_given if raw != it["original"] and
                     (jacc(raw, it["original"]) >= 0.5 or cover(it["original"], raw) >= 0.8)]
            if twins:
                it["moved"] = None

    adapted = "\n\n".join(" ".join(it["text"] for it in para) for para in items_paras) + "\n"

    # removed: unused sentences not echoed by a used one (in any of the given originals)
    used_list = [raw for _, raw in used_raw]
    removed = []
    for src_i, src in enumerate(all_recs):
        for para in src:
            for r in para:
                if (src_i, r["raw"]) in used_raw:
                    continue
                if any(jacc(r["raw"], u) >= 0.4 or cover(r["raw"], u) >= 0.7 for u in used_list):
                    continue
                if len(srcs) > 1:
                    # the same sentence may sit in the other original (a PA rewrite)
                    pass
                removed.append({"text": r["raw"]})

    # checks
    texts = [t for _, t, _ in srcs]
    pos = 0
    for it in items:
        i = adapted.find(it["text"], pos)
        assert i >= 0, ("not in adapted", it["text"])
        pos = i + len(it["text"])
        if it["original"] is not None:
            assert any(it["original"] in t for t in texts), it["original"]
    for r in removed:
        assert any(r["text"] in t for t in texts), r["text"]

    os.makedirs(out_dir, exist_ok=True)
    for k, (f, t, _) in enumerate(srcs):
        shutil.copyfile(f, os.path.join(out_dir, "original-%d.txt" % (k + 1)))
    with open(os.path.join(out_dir, "adapted.txt"), "w", encoding="utf-8") as fh:
        fh.write(adapted)
    gold = {"adapted": [{"text": it["text"], "kind": it["kind"], "moved": it["moved"],
                         "original": it["original"]} for it in items],
            "removed": removed}
    with open(os.path.join(out_dir, "gold.json"), "w", encoding="utf-8") as fh:
        json.dump(gold, fh, indent=1, ensure_ascii=False)
    meta = {"story": story["name"], "sources": [f for f, _, _ in srcs], "rates": R, "style": style,
            "moves": moves, "ops": [it["ops"] for it in items]}
    with open(os.path.join(out_dir, "ops.json"), "w", encoding="utf-8") as fh:
        json.dump(meta, fh, indent=1, ensure_ascii=False)
    return gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--n", type=int, default=60)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--data", default=DATA)
    a = ap.parse_args()
    stories = []
    for d in sorted(glob.glob(os.path.join(a.data, "*", ""))):
        files = sorted(glob.glob(os.path.join(d, "original-*.txt")),
                       key=lambda f: int(re.search(r"(\d+)\.txt$", f).group(1)))
        if files:
            name = os.path.basename(d.rstrip("/"))
            stories.append({"name": re.sub(r"-[^-]*_[a-z]+$", "", name), "files": files})
    if os.path.isdir(a.out):
        for x in os.listdir(a.out):
            if x.startswith("pair-"):
                shutil.rmtree(os.path.join(a.out, x))
    rng = random.Random(a.seed)
    order = []
    while len(order) < a.n * 2:
        s = stories[:]
        rng.shuffle(s)
        order += s
    made, tried = 0, 0
    counts = {}
    while made < a.n and tried < len(order):
        st = order[tried]
        prng = random.Random("%d-%d" % (a.seed, tried))
        tried += 1
        g = make_pair(prng, st, os.path.join(a.out, "pair-%03d" % made))
        if g is None:
            continue
        made += 1
        for it in g["adapted"]:
            counts[it["kind"]] = counts.get(it["kind"], 0) + 1
        counts["removed"] = counts.get("removed", 0) + len(g["removed"])
        counts["moved"] = counts.get("moved", 0) + sum(1 for it in g["adapted"] if it["moved"])
    print("wrote %d pairs to %s: %s" % (made, os.path.abspath(a.out), counts))


if __name__ == "__main__":
    main()
