"""A seeded synthetic web-like corpus with planted problems and their ground truth.

The text is English-like: sentences from a small grammar (determiner, adjective, noun, verb,
adverb, preposition, conjunction slots), each word drawn from its slot with Zipf-distributed
probabilities, so a few words are very common and most are rare, as in real text. Documents
are lines (paragraphs) of a few sentences each.

On top of the clean documents :func:`make_corpus` plants what a web crawl is full of, and
returns, in :class:`Corpus`, the ground truth of every planted item:

- exact duplicate documents and near duplicates (token edits at a given rate);
- "canary" passages (drawn from a flatter, more surprising word distribution) repeated k times
  inside otherwise unique documents;
- HTML-like pages: tags, navigation bars, cookie banners, footers, scripts around the text;
- low-quality documents (too short, symbol spam, bullet lists, keyword lists, gibberish);
- unsafe (spam) documents full of blocklisted words;
- benchmark (test-set) items leaking into training documents: verbatim, paraphrased, and short.

Lessons 06 and 07 use it: 06 cleans it, 07 trains n-gram models on it.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from course_lib.core.validation import check_array, check_count, check_random_state, check_scalar

__all__ = ["SLOTS", "BLOCKLIST", "STOP_WORDS", "Corpus", "make_corpus", "sentence_words", "normalize",
           "token_ids", "concatenate", "as_documents", "LOW_QUALITY_TYPES", "REPETITIVE_TYPES"]

#: the grammar's word slots (most common word first: Zipf rank order)
SLOTS: dict[str, tuple[str, ...]] = {
    "det": ("the", "a", "this", "that", "every", "one", "some", "her", "his", "our", "their", "no"),
    "adj": ("old", "small", "new", "good", "long", "little", "great", "young", "big", "early", "large",
            "quiet", "bright", "dark", "cold", "warm", "heavy", "light", "strange", "simple", "green",
            "red", "blue", "white", "black", "happy", "sad", "careful", "sudden", "gentle", "proud",
            "tired", "hungry", "narrow", "wide", "deep", "soft", "hard", "clever", "brave", "busy",
            "calm", "empty", "famous", "fresh", "golden", "hidden", "honest", "lazy", "lucky",
            "modern", "noisy", "polite", "rare", "rich", "rough", "silent", "smooth", "steady", "wild"),
    "noun": ("man", "day", "time", "house", "woman", "child", "world", "hand", "way", "town", "river",
             "dog", "door", "room", "school", "road", "tree", "city", "night", "friend", "book", "garden",
             "horse", "letter", "window", "mother", "father", "king", "ship", "village", "table",
             "teacher", "doctor", "farmer", "bird", "boat", "bridge", "market", "forest", "mountain",
             "field", "kitchen", "station", "island", "story", "song", "picture", "answer", "question",
             "lamp", "wall", "street", "church", "train", "car", "sister", "brother", "student", "cat",
             "apple", "bread", "stone", "coat", "shop", "river bank", "hill", "lake", "winter", "summer",
             "morning", "evening", "voice", "paper", "box", "key", "chair", "clock", "cloud", "storm",
             "fire", "wind", "sea", "shore", "path", "gate", "tower", "castle", "queen", "soldier",
             "sailor", "painter", "baker", "engine", "machine", "library", "museum", "harbour", "valley",
             "meadow", "pocket"),
    "verb": ("saw", "found", "took", "made", "gave", "told", "left", "kept", "met", "brought", "held",
             "followed", "watched", "called", "helped", "carried", "opened", "closed", "heard", "liked",
             "painted", "built", "visited", "cleaned", "moved", "wanted", "needed", "passed", "reached",
             "pulled", "pushed", "showed", "chose", "lost", "sold", "bought", "remembered", "noticed",
             "crossed", "climbed", "fixed", "washed", "guarded", "praised", "warned", "thanked",
             "greeted", "answered", "described", "admired", "borrowed", "collected", "covered", "dropped",
             "filled", "joined", "lifted", "marked", "planted", "touched"),
    "adv": ("slowly", "quickly", "again", "today", "often", "quietly", "carefully", "there", "soon",
            "together", "later", "gladly", "early", "suddenly", "happily", "alone", "twice", "gently",
            "loudly", "finally"),
    "prep": ("in", "near", "with", "behind", "under", "over", "across", "beside", "from", "into",
             "through", "after", "before", "around", "without"),
    "conj": ("and", "but", "so", "while", "because", "although", "until", "when"),
}
# a two-word noun would break "one word per slot": keep nouns single words
SLOTS["noun"] = tuple(w for w in SLOTS["noun"] if " " not in w)

#: words that mark a document as unsafe (spam) for the content filter
BLOCKLIST = ("casino", "jackpot", "betting", "payday", "loans", "pills", "prizes", "winner", "xxx",
             "crypto", "giveaway", "clickbait")
#: Gopher's stop words: a document needs at least two of them (Rae et al. 2021, App. A)
STOP_WORDS = ("the", "be", "to", "of", "and", "that", "have", "with")

_HTML_HEAD = ("<html> <head> <title> {title} </title> </head> <body>",)
_HTML_NAV = ("<nav> Home | News | Sport | About us | Contact | Login </nav>",
             "<nav> Menu | Shop | Blog | Help | Sign in </nav>")
_HTML_COOKIE = ("<div class=cookie> We use cookies to give you the best experience on our website. "
                "Accept all cookies. </div>",)
_HTML_FOOTER = ("<footer> Copyright 2021 Example Media Ltd. All rights reserved. Privacy policy | "
                "Terms of use </footer>",)
_HTML_SCRIPT = ("<script> window.dataLayer = window.dataLayer || []; track('page'); </script>",)
#: boilerplate without any tag: text extraction cannot tell it from content
_HTML_SHARE = ("Share this article: Facebook Twitter Email Print",)
_HTML_END = ("</body> </html>",)


def _zipf(n: int, exponent: float) -> np.ndarray:
    weights = 1.0 / np.arange(1, n + 1) ** exponent
    return weights / weights.sum()


class _Grammar:
    """Draws sentences; every random choice comes from one Generator."""

    def __init__(self, rng: np.random.Generator, exponent: float):
        self.rng = rng
        self.cdf = {slot: np.cumsum(_zipf(len(words), exponent)).tolist() for slot, words in SLOTS.items()}
        self._uniforms: list[float] = []

    def random(self) -> float:
        """One uniform draw (drawn from the Generator in blocks: one Python call per word is slow)."""
        if not self._uniforms:
            self._uniforms = self.rng.random(4096).tolist()[::-1]
        return self._uniforms.pop()

    def word(self, slot: str) -> str:
        words = SLOTS[slot]
        return words[min(bisect_right(self.cdf[slot], self.random()), len(words) - 1)]

    def noun_phrase(self) -> list[str]:
        out = [self.word("det")]
        if self.random() < 0.5:
            out.append(self.word("adj"))
        out.append(self.word("noun"))
        if self.random() < 0.25:
            out += [self.word("prep"), self.word("det"), self.word("noun")]
        return out

    def clause(self) -> list[str]:
        out = self.noun_phrase() + [self.word("verb")] + self.noun_phrase()
        if self.random() < 0.3:
            out.append(self.word("adv"))
        return out

    def sentence(self) -> list[str]:
        out = self.clause()
        if self.random() < 0.3:
            out += [self.word("conj")] + self.clause()
        return out


def sentence_words(words: list[str]) -> str:
    """Write a list of words as a sentence: capital first letter, final full stop."""
    text = " ".join(words)
    return text[:1].upper() + text[1:] + "."


def _paragraphs(grammar: _Grammar, min_tokens: int) -> list[str]:
    """Lines of 2-4 sentences until the document has at least ``min_tokens`` words."""
    lines, count = [], 0
    while count < min_tokens:
        sentences = [grammar.sentence() for _ in range(2 + int(3 * grammar.random()))]
        lines.append(" ".join(sentence_words(s) for s in sentences))
        count += sum(len(s) for s in sentences)
    return lines


def _passage(grammar: _Grammar, length: int) -> str:
    """Exactly ``length`` words of running text (sentences, cut at the end), one line."""
    words: list[str] = []
    while len(words) < length:
        sentence = sentence_words(grammar.sentence()).split()
        words += sentence
    return " ".join(words[:length])


def as_documents(name: str, docs) -> list[str]:
    """Return ``docs`` as a list of str, or raise naming ``name``.

    The one check of a sequence of documents in lessons 06-07 (:func:`course_lib.core.validation.check_array`
    is for arrays of numbers): ``TypeError`` for one bare str, a non-iterable or a non-str element
    (named ``name[i]``), ``ValueError`` for an empty sequence.
    """
    if isinstance(docs, (str, bytes)):
        raise TypeError(f"{name} must be a sequence of str documents, not one {type(docs).__name__}")
    try:
        docs = list(docs)
    except TypeError:
        raise TypeError(f"{name} must be a sequence of str documents, got {type(docs).__name__}") from None
    if not docs:
        raise ValueError(f"{name} must hold at least one document (the corpus is empty)")
    for i, d in enumerate(docs):
        if not isinstance(d, str):
            raise TypeError(f"{name}[{i}] must be a str, got {type(d).__name__}")
    return docs


def normalize(text: str) -> list[str]:
    """GPT-3's n-gram unit: lowercase, whitespace-delimited words with punctuation removed.

    Used in notebook 06 §3.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, got {type(text).__name__}")
    out = []
    for word in text.lower().split():
        word = "".join(ch for ch in word if ch.isalnum())
        if word:
            out.append(word)
    return out


@dataclass(frozen=True)
class Corpus:
    """Documents and the ground truth of every planted problem.

    Attributes
    ----------
    docs : tuple of str
        The documents, lines separated by ``"\\n"``, words by spaces.
    kind : ndarray of str
        Per document: ``"clean"``, ``"exact_duplicate"``, ``"near_duplicate"``, ``"low_quality"``,
        ``"unsafe"`` or ``"repetitive"``. A duplicate is a copy of an original document; every original comes before
        its copies in the corpus (it is the one a deduplicator that keeps the first one keeps).
    duplicate_of : ndarray of int
        Per copy: the index of its original; -1 for other documents.
    edit_rate : ndarray of float
        Per copy: the token edit rate it was made with (0 for exact copies; a near copy whose
        edits happened to change nothing is an exact duplicate); NaN for other documents.
    low_quality_type : ndarray of str
        Per low-quality or repetitive document, which kind it is (:data:`LOW_QUALITY_TYPES`,
        :data:`REPETITIVE_TYPES`); ``""`` otherwise.
    html : ndarray of bool
        Whether the document is an HTML-like page.
    junk_lines : tuple of tuple of int
        Per document, the indices of its boilerplate lines (navigation, cookie banner, ...).
    canaries : tuple of str
        The canary passages; ``canary_copies[i]`` copies of canary i are planted, one per host
        document, ``canary_hosts[i]`` holds the host indices.
    test_items : tuple of str
        A benchmark: each item is a prompt followed by its answer word (the last word).
    test_leak : ndarray of str
        Per test item: ``"none"``, ``"verbatim"``, ``"paraphrase"`` (a synonym every few words) or
        ``"short"`` (a short item, leaked verbatim).
    test_hosts : ndarray of int
        Per test item: the training document it leaked into, or -1.
    settings : dict
        The arguments of :func:`make_corpus`.
    """

    docs: tuple[str, ...]
    kind: np.ndarray
    duplicate_of: np.ndarray
    edit_rate: np.ndarray
    low_quality_type: np.ndarray
    html: np.ndarray
    junk_lines: tuple[tuple[int, ...], ...]
    canaries: tuple[str, ...]
    canary_copies: np.ndarray
    canary_hosts: tuple[np.ndarray, ...]
    test_items: tuple[str, ...]
    test_leak: np.ndarray
    test_hosts: np.ndarray
    settings: dict

    def __len__(self) -> int:
        return len(self.docs)

    @property
    def n_tokens(self) -> int:
        """Whitespace-separated words over all documents."""
        return sum(len(d.split()) for d in self.docs)


def _edit(words: list[str], rate: float, rng: np.random.Generator, vocabulary: list[str]) -> list[str]:
    """Delete, substitute, or follow by an inserted random word, each with probability rate/3."""
    out = []
    draws = rng.random(len(words))
    picks = rng.integers(0, len(vocabulary), len(words))
    for word, u, pick in zip(words, draws, picks):
        if u < rate / 3:
            continue
        if u < 2 * rate / 3:
            out.append(vocabulary[pick])
        elif u < rate:
            out += [word, vocabulary[pick]]
        else:
            out.append(word)
    return out


def _edit_document(text: str, rate: float, rng: np.random.Generator, vocabulary: list[str]) -> str:
    lines = [" ".join(_edit(line.split(), rate, rng, vocabulary)) for line in text.split("\n")]
    return "\n".join(lines)  # an emptied line stays, so line numbers keep their meaning


def _paraphrase(text: str, rng: np.random.Generator, every: int) -> str:
    """Swap every ``every``-th word (not the last) for another word of the same slot."""
    words = text.split()
    slot_of = {w: s for s, ws in SLOTS.items() for w in ws}
    for i in range(every - 1, len(words) - 1, every):
        bare = words[i].lower().rstrip(".")
        slot = slot_of.get(bare)
        if slot is None:
            continue
        options = [w for w in SLOTS[slot] if w != bare]
        new = options[int(rng.integers(len(options)))]
        if words[i][:1].isupper():
            new = new[:1].upper() + new[1:]
        words[i] = new + ("." if words[i].endswith(".") else "")
    return " ".join(words)


def _low_quality(kind: str, grammar: _Grammar, rng: np.random.Generator) -> str:
    if kind == "too_short":
        return _passage(grammar, int(rng.integers(10, 40)))
    if kind == "symbols":
        tags = [f"#{grammar.word('adj')}{grammar.word('noun')}" for _ in range(40)]
        return " ".join(tags) + "\n" + " ".join(f"#{grammar.word('noun')}" for _ in range(30))
    if kind == "bullets":
        return "\n".join(f"• {grammar.word('adj')} {grammar.word('noun')} {grammar.word('noun')}"
                         for _ in range(int(rng.integers(20, 40))))
    if kind == "keywords":
        words = [grammar.word(s) for s in rng.choice(["adj", "noun"], size=int(rng.integers(60, 120)))]
        return " ".join(w for w in words if w not in STOP_WORDS)
    if kind == "numbers":
        return "\n".join(" ".join(str(int(v)) for v in rng.integers(0, 99_999, 8))
                         + f" {grammar.word('noun')}" for _ in range(int(rng.integers(10, 20))))
    letters = np.array(list("bcdfghjklmnpqrstvwxz"))
    return " ".join("".join(rng.choice(letters, size=int(rng.integers(12, 20))))
                    for _ in range(int(rng.integers(60, 120))))


#: the kinds of low-quality documents, one of them per planted document in turn
LOW_QUALITY_TYPES = ("too_short", "symbols", "bullets", "keywords", "numbers", "gibberish")


#: the kinds of repetitive documents (Gopher's repetition removal targets them), one per document in turn
REPETITIVE_TYPES = ("repeated lines", "repeated phrase", "repeated passage")


def _repetitive(kind: str, grammar: _Grammar, rng: np.random.Generator) -> str:
    """A document that reads like text line by line but repeats itself, with Gopher's stop words.

    Drawn again until it holds at least two of :data:`STOP_WORDS`, so that the quality rules let it
    through and only the repetition rules can catch it.
    """
    while True:
        doc = _repetitive_draw(kind, grammar, rng)
        if sum(w.lower() in STOP_WORDS for w in doc.split()) >= 2:
            return doc


def _repetitive_draw(kind: str, grammar: _Grammar, rng: np.random.Generator) -> str:
    if kind == "repeated lines":  # a few lines, each repeated, in shuffled order (a template page)
        lines = [" ".join(sentence_words(grammar.sentence()) for _ in range(2)) for _ in range(3)]
        copies = [line for line in lines for _ in range(int(rng.integers(3, 6)))]
        return "\n".join(copies[int(i)] for i in rng.permutation(len(copies)))
    if kind == "repeated phrase":  # ordinary sentences, each followed by the same stuffed phrase
        phrase = f"{grammar.word('adj')} {grammar.word('noun')}"
        lines, count = [], 0
        while count < 80:
            sentences = [grammar.sentence() for _ in range(2 + int(3 * grammar.random()))]
            stuffed = " ".join(f"{phrase.capitalize()}." for _ in range(1 + int(rng.random() < 0.5)))
            lines.append(" ".join(f"{sentence_words(s)} {stuffed}" for s in sentences))
            count += sum(len(s) + 2 for s in sentences)
        return "\n".join(lines)
    passage = _passage(grammar, int(rng.integers(25, 40)))  # one passage copied within a line
    return " ".join([passage] * int(rng.integers(3, 5)))


def _unsafe(grammar: _Grammar, rng: np.random.Generator) -> str:
    lines = _paragraphs(grammar, 60)
    spam = " ".join(rng.choice(BLOCKLIST, size=int(rng.integers(6, 12))))
    return "\n".join([spam.capitalize() + "!"] + lines + [f"Claim your {rng.choice(BLOCKLIST)} now!"])


def _as_html(lines: list[str], rng: np.random.Generator, title: str) -> tuple[list[str], tuple[int, ...]]:
    """Wrap content lines in an HTML-like page; return the lines and which are boilerplate."""
    out = [_HTML_HEAD[0].format(title=title), _HTML_NAV[int(rng.integers(len(_HTML_NAV)))]]
    junk = [0, 1]
    if rng.random() < 0.6:
        junk.append(len(out))
        out.append(_HTML_COOKIE[0])
    for line in lines:
        out.append(f"<p> {line} </p>")
    if rng.random() < 0.5:
        junk.append(len(out))
        out.append(_HTML_SHARE[0])
    junk.append(len(out))
    out.append(_HTML_FOOTER[0])
    if rng.random() < 0.5:
        junk.append(len(out))
        out.append(_HTML_SCRIPT[0])
    junk.append(len(out))
    out.append(_HTML_END[0])
    return out, tuple(junk)


def make_corpus(n_clean: int = 3000, min_doc_tokens: int = 100, html_fraction: float = 0.15,
                exact_copies: int = 200, near_copies: int = 500,
                edit_rates: tuple[float, ...] = (0.01, 0.02, 0.03, 0.05, 0.1, 0.2, 0.3, 0.5),
                canary_counts: tuple[int, ...] = (1, 2, 4, 8, 16, 32), canaries_per_count: int = 10,
                canary_tokens: int = 40, n_low_quality: int = 180, n_unsafe: int = 100, n_repetitive: int = 0,
                n_test: int = 300, n_leaked: int = 30, zipf_exponent: float = 1.1,
                canary_exponent: float = 0.3, seed: int | np.random.Generator = 0) -> Corpus:
    """Generate the corpus with its planted problems and their ground truth.

    Used in notebook 06 §1-§3.

    Parameters
    ----------
    n_clean : int
        Clean documents written by the grammar (before any copy is made).
    min_doc_tokens : int
        Each clean document has at least this many words.
    html_fraction : float
        Share of clean documents wrapped in an HTML-like page.
    exact_copies, near_copies : int
        Exact and near-duplicate copies of randomly chosen clean documents.
    edit_rates : tuple of float
        Near duplicates cycle through these token edit rates (each in (0, 1)).
    canary_counts : tuple of int
        Each canary is planted this many times (in distinct host documents).
    canaries_per_count : int
        Canaries per planted count.
    canary_tokens : int
        Length of a canary passage in words.
    n_low_quality, n_unsafe : int
        Low-quality and unsafe documents.
    n_repetitive : int
        Repetitive documents (:data:`REPETITIVE_TYPES` in turn), kind ``"repetitive"``. They are
        drawn after everything else and appended at the end, so every other document is the same
        with or without them (lesson 07 uses none; lesson 06 plants 60).
    n_test : int
        Benchmark items: two thirds long (20-40 words), one third short (6-12 words).
    n_leaked : int
        Items leaked of each leak type (verbatim long, paraphrased long, short).
    zipf_exponent, canary_exponent : float
        Zipf exponents of word choice in ordinary text and in canaries (flatter: more surprising).
    seed : int or numpy.random.Generator

    Returns
    -------
    Corpus
    """
    n_clean = check_count("n_clean", n_clean, minimum=10)
    min_doc_tokens = check_count("min_doc_tokens", min_doc_tokens, minimum=20)
    html_fraction = check_scalar("html_fraction", html_fraction, 0.0, 1.0)
    exact_copies = check_count("exact_copies", exact_copies, minimum=0)
    near_copies = check_count("near_copies", near_copies, minimum=0)
    if not edit_rates or any(not 0 < check_scalar("edit_rates", r, 0.0, 1.0) < 1 for r in edit_rates):
        raise ValueError(f"edit_rates must be a non-empty tuple of rates in (0, 1), got {edit_rates!r}")
    counts = tuple(check_count("canary_counts", k, minimum=1) for k in canary_counts)
    canaries_per_count = check_count("canaries_per_count", canaries_per_count, minimum=0)
    canary_tokens = check_count("canary_tokens", canary_tokens, minimum=5)
    n_low_quality = check_count("n_low_quality", n_low_quality, minimum=0)
    n_unsafe = check_count("n_unsafe", n_unsafe, minimum=0)
    n_repetitive = check_count("n_repetitive", n_repetitive, minimum=0)
    n_test = check_count("n_test", n_test, minimum=3)
    n_leaked = check_count("n_leaked", n_leaked, minimum=0, maximum=n_test // 3)
    zipf_exponent = check_scalar("zipf_exponent", zipf_exponent, 0.0)
    canary_exponent = check_scalar("canary_exponent", canary_exponent, 0.0)
    rng = check_random_state("seed", seed)
    settings = dict(n_clean=n_clean, min_doc_tokens=min_doc_tokens, html_fraction=html_fraction,
                    exact_copies=exact_copies, near_copies=near_copies, edit_rates=list(edit_rates),
                    canary_counts=list(counts), canaries_per_count=canaries_per_count,
                    canary_tokens=canary_tokens, n_low_quality=n_low_quality, n_unsafe=n_unsafe,
                    n_repetitive=n_repetitive, n_test=n_test, n_leaked=n_leaked, zipf_exponent=zipf_exponent,
                    canary_exponent=canary_exponent, seed=seed if isinstance(seed, int) else None)
    grammar = _Grammar(rng, zipf_exponent)
    vocabulary = [w for words in SLOTS.values() for w in words]

    # clean documents (as lists of content lines)
    content = [_paragraphs(grammar, min_doc_tokens) for _ in range(n_clean)]

    # disjoint roles among clean documents: canary hosts, leak hosts, duplicate sources
    canary_k = np.repeat(np.asarray(counts, dtype=int), canaries_per_count)
    n_hosts = int(canary_k.sum()) + 3 * n_leaked
    if n_hosts > n_clean // 2:
        raise ValueError(f"n_clean must be at least twice the {n_hosts} host documents needed, got {n_clean}")
    order = rng.permutation(n_clean)
    canary_slots, leak_slots, others = order[:canary_k.sum()], order[canary_k.sum():n_hosts], order[n_hosts:]

    canary_grammar = _Grammar(rng, canary_exponent)
    canaries = tuple(_passage(canary_grammar, canary_tokens) for _ in canary_k)
    canary_hosts_clean = np.split(canary_slots, np.cumsum(canary_k)[:-1]) if len(canary_k) else []
    for text, hosts in zip(canaries, canary_hosts_clean):
        for h in hosts:
            content[h].insert(int(rng.integers(0, len(content[h]) + 1)), text)

    # the benchmark and its leaks
    n_short = n_test // 3
    test_items = [_passage(grammar, int(rng.integers(20, 41))) for _ in range(n_test - n_short)]
    test_items += [_passage(grammar, int(rng.integers(6, 13))) for _ in range(n_short)]
    test_leak = np.full(n_test, "none", dtype=object)
    test_hosts_clean = np.full(n_test, -1)
    long_ids, short_ids = np.arange(n_test - n_short), np.arange(n_test - n_short, n_test)
    picks = rng.choice(long_ids, size=2 * n_leaked, replace=False)
    leaked = [(i, "verbatim") for i in picks[:n_leaked]] + [(i, "paraphrase") for i in picks[n_leaked:]]
    leaked += [(i, "short") for i in rng.choice(short_ids, size=n_leaked, replace=False)]
    for (item, how), host in zip(leaked, leak_slots):
        text = _paraphrase(test_items[item], rng, every=4) if how == "paraphrase" else test_items[item]
        content[host].insert(int(rng.integers(0, len(content[host]) + 1)), text)
        test_leak[item], test_hosts_clean[item] = how, host

    # render clean documents, some as HTML pages
    docs, junk, html = [], [], []
    for lines in content:
        if rng.random() < html_fraction:
            lines, junk_idx = _as_html(lines, rng, title=" ".join(grammar.noun_phrase()))
            html.append(True)
        else:
            junk_idx = ()
            html.append(False)
        docs.append("\n".join(lines))
        junk.append(junk_idx)

    # copies: (text, family original, edit rate)
    records = [dict(text=d, kind="clean", family=-1, rate=np.nan, lq="", html=h, junk=j)
               for d, h, j in zip(docs, html, junk)]
    sources = rng.choice(others, size=exact_copies + near_copies, replace=True)
    for c, src in enumerate(sources):
        if c < exact_copies:
            text, rate = docs[src], 0.0
        else:
            rate = float(edit_rates[(c - exact_copies) % len(edit_rates)])
            text = _edit_document(docs[src], rate, rng, vocabulary)
        records.append(dict(text=text, kind="dup", family=int(src), rate=rate, lq="", html=html[src],
                            junk=junk[src]))
        records[src]["family"] = int(src)
    for i in range(n_low_quality):
        kind = LOW_QUALITY_TYPES[i % len(LOW_QUALITY_TYPES)]
        records.append(dict(text=_low_quality(kind, grammar, rng), kind="low_quality", family=-1,
                            rate=np.nan, lq=kind, html=False, junk=()))
    for _ in range(n_unsafe):
        records.append(dict(text=_unsafe(grammar, rng), kind="unsafe", family=-1, rate=np.nan, lq="",
                            html=False, junk=()))

    # shuffle, then move each family's original in front of its copies (it is the one to keep)
    perm = rng.permutation(len(records))
    records = [records[p] for p in perm]
    new_index = np.empty(len(records), dtype=int)
    new_index[perm] = np.arange(len(records))
    members: dict[int, list[int]] = {}
    for i, r in enumerate(records):
        if r["family"] >= 0:
            members.setdefault(r["family"], []).append(i)
    for family, positions in members.items():
        original = next(i for i in positions if records[i]["kind"] == "clean")
        if original != positions[0]:
            first = positions[0]
            records[first], records[original] = records[original], records[first]
            new_index[family] = first
    kind, duplicate_of, edit_rate = [], np.full(len(records), -1), np.full(len(records), np.nan)
    for i, r in enumerate(records):
        if r["kind"] == "dup":
            keeper = int(new_index[r["family"]])
            duplicate_of[i] = keeper
            edit_rate[i] = r["rate"]
            kind.append("exact_duplicate" if r["text"] == records[keeper]["text"] else "near_duplicate")
        else:
            kind.append(r["kind"])
    # repetitive documents: drawn last and appended, so the documents above do not depend on them
    for i in range(n_repetitive):
        rep = REPETITIVE_TYPES[i % len(REPETITIVE_TYPES)]
        records.append(dict(text=_repetitive(rep, grammar, rng), kind="repetitive", family=-1, rate=np.nan,
                            lq=rep, html=False, junk=()))
        kind.append("repetitive")
    duplicate_of = np.concatenate([duplicate_of, np.full(n_repetitive, -1)])
    edit_rate = np.concatenate([edit_rate, np.full(n_repetitive, np.nan)])
    return Corpus(docs=tuple(r["text"] for r in records), kind=np.asarray(kind, dtype=str),
                  duplicate_of=duplicate_of, edit_rate=edit_rate,
                  low_quality_type=np.asarray([r["lq"] for r in records], dtype=str),
                  html=np.asarray([r["html"] for r in records], dtype=bool),
                  junk_lines=tuple(tuple(r["junk"]) for r in records), canaries=canaries,
                  canary_copies=canary_k,
                  canary_hosts=tuple(np.sort(new_index[h]) for h in canary_hosts_clean),
                  test_items=tuple(test_items), test_leak=test_leak.astype(str),
                  test_hosts=np.where(test_hosts_clean >= 0, new_index[np.maximum(test_hosts_clean, 0)], -1),
                  settings=settings)


def token_ids(docs, vocabulary: dict[str, int] | None = None) -> tuple[list[np.ndarray], dict[str, int]]:
    """Map each document's whitespace-separated words to integer ids.

    Used in notebook 06 §2.

    Parameters
    ----------
    docs : sequence of str
    vocabulary : dict, optional
        word -> id to start from (new words get the next ids); a new dict by default.

    Returns
    -------
    ids : list of int64 arrays, one per document
    vocabulary : dict, the (extended) word -> id map
    """
    docs = as_documents("docs", docs)
    vocabulary = {} if vocabulary is None else vocabulary
    if not isinstance(vocabulary, dict):
        raise TypeError(f"vocabulary must be a dict, got {type(vocabulary).__name__}")
    out = []
    for doc in docs:
        out.append(np.fromiter((vocabulary.setdefault(w, len(vocabulary)) for w in doc.split()), dtype=np.int64))
    return out, vocabulary


def concatenate(doc_tokens) -> tuple[np.ndarray, np.ndarray]:
    """Join token arrays into one, each followed by its own separator (-1, -2, ...).

    No span that crosses a separator can repeat, since every separator is unique. Used in
    notebook 06 §2 before :func:`course_lib.dedup.repeated_substrings`.

    Returns
    -------
    tokens : int64 array
    starts : int64 array, where each document begins in ``tokens``
    """
    if isinstance(doc_tokens, np.ndarray) and doc_tokens.ndim == 1:
        raise TypeError("doc_tokens must be a sequence of token arrays (one per document), not one array")
    parts = [check_array(f"doc_tokens[{i}]", t, ndim=1, kind="iu", minimum=0, min_size=0)
             for i, t in enumerate(doc_tokens)]
    if not parts:
        raise ValueError("doc_tokens must hold at least one document (the corpus is empty)")
    lengths = np.array([len(p) + 1 for p in parts])
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    tokens = np.empty(int(lengths.sum()), dtype=np.int64)
    for i, (p, s) in enumerate(zip(parts, starts)):
        tokens[s:s + len(p)] = p
        tokens[s + len(p)] = -1 - i
    return tokens, starts

