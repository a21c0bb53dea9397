#!/usr/bin/env python3
"""make_queries.py - screening queries with known answers, for benchmarks.

Usage:
  make_queries.py --watchlist LIST.ftm --pool POOL.ftm --out DIR
                  [--listed 5000] [--unlisted 5000] [--seed 7]

LIST.ftm is a watchlist in FtM JSON lines (bench/gen_watchlist output);
POOL.ftm holds persons on no list (gen_watchlist --pool query).  Writes in
DIR:

  queries.jsonl  one Entente batch row per query: {"id", "name", "schema"}
                 (entente screen --batch), listed queries first
  truth.tsv      query_id <TAB> expected_id (empty: expect no result)
                 <TAB> kind of variation
  queries-dob.jsonl  the same queries with the person's birth date
                 (the year only for one in five), for an Entente run that
                 uses what a passenger list also carries
  queries.tsv    query_id <TAB> name, for bench/fold_names
  names.tsv      person_id <TAB> name for every name Entente indexes of
                 every Person of LIST (name, alias, previousName,
                 weakAlias, and firstName..lastName joined), for
                 bench/fold_names and a peer database

Listed queries take --listed persons of LIST at random and vary one name
the way names arrive at a border or in a passenger list:
  script+X     the record's name in another script (Cyrillic, Arabic,
               Han... when the main name is Latin, or the Latin one when
               it is not) with one of the variations X below, so that the
               query is never a name the record holds verbatim
  typo         one letter deleted, doubled, swapped or replaced
  swap         family name first ("Petrov Ivan")
  drop         a middle name (or second surname) left out
  respell      another common spelling of one word (Mohammed / Muhammad,
               Aleksandr / Alexander) or German-style umlauts (Mueller)
A record with a name in another script always starts from it; every
record then draws among the variations that apply to the name.  "script"
alone and "exact" are left for names none applies to (one short word, no
known respelling, e.g. a three-character Han name).

Unlisted queries take --unlisted persons of POOL and use one of their
names as it is: any result for them is a false alarm.

queries.jsonl carries the name only, no birth date or nationality, so
that an engine that compares names alone (pg_trgm) answers the same
question.
Everything is drawn from one seeded generator: the same files and options
give byte-identical output.  Standard library only.
"""

import argparse
import json
import os
import random
import sys
import unicodedata

NAME_PROPS = ("name", "alias", "previousName", "weakAlias")
PART_PROPS = ("firstName", "secondName", "middleName", "fatherName", "lastName")

# Spellings of one name that watchlists and passports use interchangeably.
# Each line is one group; a word found in a group is replaced by another
# member of it.
RESPELL_GROUPS = [
    "mohammed muhammad mohamed mohammad muhammed mohamad",
    "ahmed ahmad",
    "hussein husayn hussain husein",
    "hassan hasan",
    "abdullah abdallah abdulla",
    "yusuf youssef yousef yusef",
    "omar umar",
    "osama usama",
    "khalid khaled",
    "mahmoud mahmud",
    "mustafa mostafa moustafa",
    "ibrahim ebrahim",
    "said saeed sayed",
    "abdul abdel abd",
    "aleksandr alexander aleksander alexandr",
    "aleksei alexei alexey aleksey",
    "sergei sergey sergej",
    "dmitri dmitry dmitriy",
    "yuri yury yuriy iurii",
    "nikolai nikolay",
    "andrei andrey",
    "evgeny yevgeny evgeniy",
    "mikhail mikhael",
    "natalia natalya",
    "tatiana tatyana",
    "yulia yuliya julia",
    "ekaterina yekaterina",
    "fyodor fedor",
    "pyotr petr",
    "olena elena yelena",
    "oleksandr olexandr",
    "volodymyr vladimir",
    "zhang chang",
    "li lee",
    "park pak bak",
    "choi choe",
    "jose josé",
    "francois françois",
    "muller müller mueller",
    "schmidt schmitt",
    "meyer meier maier mayer",
    "jurgen jürgen juergen",
    "gonzalez gonzález",
    "rodriguez rodríguez",
    "mehmet mehmed",
    "reza riza",
    "hossein hosein hussein",
    "mohsen muhsin",
    "javad jawad",
]

# German-style transcription of umlauts: a realistic respelling that plain
# accent stripping does not undo (Müller -> Mueller, not Muller).
UMLAUTS = {"ü": "ue", "ö": "oe", "ä": "ae", "ß": "ss",
           "Ü": "Ue", "Ö": "Oe", "Ä": "Ae"}

# Letters a typist or an OCR step confuses, for the "replace" typo.
CONFUSABLE = {
    "a": "e", "e": "a", "i": "y", "y": "i", "o": "u", "u": "o",
    "c": "k", "k": "c", "s": "z", "z": "s", "m": "n", "n": "m",
    "b": "p", "p": "b", "d": "t", "t": "d", "v": "w", "w": "v",
    "g": "q", "q": "g", "f": "ph", "h": "kh", "l": "ll", "r": "rr",
    "j": "y", "x": "ks",
}


def build_respell():
    table = {}
    for line in RESPELL_GROUPS:
        words = line.split()
        for w in words:
            table.setdefault(w, [x for x in words if x != w])
    return table


RESPELL = build_respell()


def script_of(s):
    """The script of most letters of s: 'LATIN', 'CYRILLIC', 'CJK'..."""
    counts = {}
    for ch in s:
        if not ch.isalpha():
            continue
        try:
            word = unicodedata.name(ch).split()[0]
        except ValueError:
            word = "OTHER"
        counts[word] = counts.get(word, 0) + 1
    if not counts:
        return "NONE"
    return max(sorted(counts), key=lambda k: counts[k])


def clean(s):
    """One line of TSV: no tabs, newlines or surrounding blanks."""
    return " ".join(s.replace("\t", " ").split())


def person_names(props):
    """Every name Entente indexes for a Person, in its order."""
    out = []
    for p in NAME_PROPS:
        for v in props.get(p, []):
            if isinstance(v, str) and clean(v) and clean(v) not in out:
                out.append(clean(v))
    parts = []
    for p in PART_PROPS:
        v = props.get(p, [])
        if v and isinstance(v[0], str) and clean(v[0]):
            parts.append(clean(v[0]))
    full = " ".join(parts)
    if full and full not in out:
        out.append(full)
    return out


def read_persons(path, names_out=None):
    """[(id, [names], birth date or "")] of the Persons of an FtM file, in file order.
    Writes id<TAB>name lines to names_out when given.  Bad lines are
    reported as FILE:LINE and skipped; returns (persons, bad)."""
    persons, bad = [], 0
    with open(path, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                schema = rec["schema"]
                rid = rec["id"]
                props = rec.get("properties", {})
                if not isinstance(rid, str) or not isinstance(props, dict):
                    raise ValueError("id or properties of the wrong type")
            except KeyError as e:
                print(f"{path}:{lineno}: no {e} key", file=sys.stderr)
                bad += 1
                continue
            except (ValueError, TypeError) as e:
                print(f"{path}:{lineno}: {e}", file=sys.stderr)
                bad += 1
                continue
            if schema != "Person":
                continue
            names = person_names(props)
            if not names:
                continue
            dob = props.get("birthDate", [])
            dob = dob[0] if dob and isinstance(dob[0], str) else ""
            persons.append((rid, names, dob))
            if names_out is not None:
                for n in names:
                    names_out.write(f"{clean(rid)}\t{n}\n")
    return persons, bad


def typo(rng, name):
    """One edit inside a word of 4+ letters, never its first letter."""
    words = name.split(" ")
    cand = [i for i, w in enumerate(words) if len(w) >= 4]
    if not cand:
        return None
    i = rng.choice(cand)
    w = words[i]
    pos = rng.randrange(1, len(w) - 1)
    op = rng.choice(("delete", "double", "transpose", "replace"))
    if op == "delete":
        w = w[:pos] + w[pos + 1:]
    elif op == "double":
        w = w[:pos] + w[pos] + w[pos:]
    elif op == "transpose":
        w = w[:pos] + w[pos + 1] + w[pos] + w[pos + 2:]
    else:
        c = w[pos]
        rep = CONFUSABLE.get(c.lower())
        if rep is None:  # not Latin: borrow a letter of the same word
            others = [x for x in w if x != c]
            if not others:
                return None
            rep = rng.choice(others)
        w = w[:pos] + rep + w[pos + 1:]
    words[i] = w
    out = " ".join(words)
    return out if out != name else None


def swap(rng, name):
    words = name.split(" ")
    if len(words) < 2:
        return None
    return " ".join([words[-1]] + words[:-1])


def drop(rng, name):
    words = name.split(" ")
    if len(words) < 3:
        return None
    del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


def respell(rng, name):
    words = name.split(" ")
    cand = [i for i, w in enumerate(words) if w.lower() in RESPELL]
    if cand:
        i = rng.choice(cand)
        alt = rng.choice(RESPELL[words[i].lower()])
        w = words[i]
        words[i] = alt.capitalize() if w[:1].isupper() else alt
        return " ".join(words)
    if any(c in UMLAUTS for c in name):
        return "".join(UMLAUTS.get(c, c) for c in name)
    return None


# The variations of one name; each
# returns None where it does not apply.
VARIATIONS = (("typo", typo), ("swap", swap), ("drop", drop),
              ("respell", respell))


def listed_query(rng, names):
    """(query name, kind) for a listed person with these names."""
    main = script_of(names[0])
    other = [n for n in names if script_of(n) not in (main, "NONE")]
    prefix = ""
    if other:
        base, prefix = rng.choice(other), "script+"
    else:
        base = rng.choice(names)
    order = list(VARIATIONS)
    rng.shuffle(order)
    for kind, fn in order:
        q = fn(rng, base)
        if q is not None and q not in names:
            return q, prefix + kind
    return base, "script" if other else "exact"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--watchlist", required=True)
    ap.add_argument("--pool", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--listed", type=int, default=5000)
    ap.add_argument("--unlisted", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if a.listed < 0 or a.unlisted < 0:
        ap.error("--listed and --unlisted must be >= 0")

    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "names.tsv"), "w", encoding="utf-8",
              newline="\n") as names_out:
        listed, bad1 = read_persons(a.watchlist, names_out)
    pool, bad2 = read_persons(a.pool)
    if len(listed) < a.listed:
        sys.exit(f"make_queries: {a.watchlist} has {len(listed)} persons, "
                 f"fewer than --listed {a.listed}")
    if len(pool) < a.unlisted:
        sys.exit(f"make_queries: {a.pool} has {len(pool)} persons, "
                 f"fewer than --unlisted {a.unlisted}")

    rng = random.Random(a.seed)
    rows = []  # (query_id, name, expected_id, kind, birth date)
    for k, i in enumerate(sorted(rng.sample(range(len(listed)), a.listed))):
        rid, names, dob = listed[i]
        q, kind = listed_query(rng, names)
        rows.append((f"L{k + 1:06d}", q, rid, kind, dob))
    for k, i in enumerate(sorted(rng.sample(range(len(pool)), a.unlisted))):
        _, names, dob = pool[i]
        rows.append((f"U{k + 1:06d}", rng.choice(names), "", "unlisted",
                     dob))

    def out(name):
        return open(os.path.join(a.out, name), "w", encoding="utf-8",
                    newline="\n")

    # Birth dates come from a stream of their own, so that the queries
    # above stay the same with or without this file.
    drng = random.Random(a.seed + 1)
    with out("queries.jsonl") as qj, out("truth.tsv") as tr, \
            out("queries.tsv") as qt, out("queries-dob.jsonl") as qd:
        for qid, q, rid, kind, dob in rows:
            row = {"id": qid, "name": q, "schema": "Person"}
            qj.write(json.dumps(row, ensure_ascii=False, sort_keys=True)
                     + "\n")
            if dob:
                # A passenger list often has the year only.
                row["birth_date"] = dob[:4] if drng.random() < 0.2 else dob
            qd.write(json.dumps(row, ensure_ascii=False, sort_keys=True)
                     + "\n")
            tr.write(f"{qid}\t{clean(rid)}\t{kind}\n")
            qt.write(f"{qid}\t{q}\n")

    kinds = {}
    for r in rows:
        kinds[r[3]] = kinds.get(r[3], 0) + 1
    print("make_queries: %d persons listed, %d in the pool; %d queries: %s"
          % (len(listed), len(pool), len(rows),
             ", ".join(f"{k} {kinds[k]}" for k in sorted(kinds))),
          file=sys.stderr)
    if bad1 or bad2:
        print(f"make_queries: {bad1 + bad2} bad lines skipped",
              file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
