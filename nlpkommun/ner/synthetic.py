"""Synthetic municipal-document sentences with entity labels known by construction.

Sentences are built from templates typical of Swedish committee minutes and
tjänsteskrivelser (attendance lists, signatures, "NAMN (S):" speaker lines, bodies
with public-sector morphology) filled from generic lexicons in
``nlpkommun/resources/sv/ner/``, then tokenised with spaCy's Swedish tokenizer so the
tokens match what the pipeline sees at run time.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from pathlib import Path

import spacy

from nlpkommun.ner.corpora import TaggedSentence

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "sv" / "ner"

PARTIES = ["S", "M", "C", "L", "KD", "V", "MP", "SD"]
POLITICAL_ROLES = [
    "ordförande", "vice ordförande", "andre vice ordförande", "ledamot", "ersättare",
    "tjänstgörande ersättare", "kommunalråd", "oppositionsråd", "gruppledare",
]
OFFICIAL_ROLES = [
    "förvaltningschef", "kommundirektör", "stadsdelsdirektör", "avdelningschef",
    "enhetschef", "handläggare", "nämndsekreterare", "sekreterare", "controller",
    "utredare", "ekonom", "verksamhetschef", "planarkitekt", "miljöinspektör",
    "biträdande förvaltningschef", "kommunjurist", "registrator", "rektor",
]
BODY_SUFFIXES = ["nämnden", "förvaltningen", "kontoret"]
BODY_SUFFIXES_INDEF = ["nämnd", "förvaltning"]
TOPICS = [
    "budget för 2024", "delårsrapport", "verksamhetsplan", "internkontrollplan",
    "detaljplan", "medborgarförslag om belysning", "motion om fler förskoleplatser",
    "trygghetsarbetet", "ekonomisk uppföljning", "remissvar", "lokalförsörjningsplan",
]
STREET_SUFFIXES = ["vägen", "gatan", "torget", "parken", "stigen"]
STREET_STEMS = ["Björk", "Ek", "Sjö", "Kyrk", "Stor", "Skol", "Park", "Tall", "Ängs", "Berg"]


@cache
def _lexicon(name: str) -> tuple[str, ...]:
    lines = (RESOURCES / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return tuple(dict.fromkeys(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#")))


@lru_cache(maxsize=1)
def _tokenizer() -> spacy.language.Language:
    return spacy.blank("sv")


Segment = tuple[str, str | None]


class _Builder:
    def __init__(self, rng: random.Random, common_words: tuple[str, ...] = ()) -> None:
        self.rng = rng
        self.common_words = common_words

    def pick(self, seq: list[str] | tuple[str, ...]) -> str:
        return self.rng.choice(seq)

    def person(self) -> str:
        r = self.rng.random()
        first, last = self.pick(_lexicon("first_names")), self.pick(_lexicon("surnames"))
        if r < 0.12:
            return f"{first} {self.pick(_lexicon('first_names'))} {last}"
        if r < 0.2:
            return f"{first} {last}-{self.pick(_lexicon('surnames'))}"
        if r < 0.26:
            return f"{first[0]}. {last}"
        return f"{first} {last}"

    def place(self) -> str:
        return self.pick(_lexicon("places"))

    def any_place(self) -> str:
        return self.pick(_lexicon("districts") if self.rng.random() < 0.3 else _lexicon("places"))

    def genitive(self, name: str) -> str:
        return name if name[-1] in "sxz" else name + "s"

    def body(self, definite: bool = True) -> str:
        stem = self.pick(_lexicon("org_stems"))
        suffix = self.pick(BODY_SUFFIXES if definite else BODY_SUFFIXES_INDEF)
        return stem + suffix

    def org(self) -> str:
        r = self.rng.random()
        if r < 0.3:
            return self.body().capitalize() if self.rng.random() < 0.5 else self.body()
        if r < 0.45:
            return f"{self.any_place()} {self.body(definite=False)}"
        if r < 0.6:
            return self.pick(_lexicon("authorities"))
        if r < 0.68:
            return self.pick(["Kommunstyrelsen", "Kommunfullmäktige", "Kommunstyrelsens arbetsutskott",
                              "kommunstyrelsen", "kommunfullmäktige", "Regionfullmäktige"])
        if r < 0.76:
            return f"{self.genitive(self.place())} {self.pick(['kommun', 'stad'])}"
        if r < 0.82:
            return f"Region {self.place()}"
        if r < 0.88:
            return f"Länsstyrelsen i {self.genitive(self.place())} län"
        if r < 0.92:
            return f"{self.place()} {self.pick(['Vatten AB', 'Energi AB', 'Bostäder AB', 'Parkering AB'])}"
        if r < 0.97:
            place = self.any_place()
            return self.pick([f"{self.genitive(place)} förskola", f"{place}skolan", f"{place}gymnasiet",
                              f"{self.genitive(place)} rektorsområde", f"{place} vård- och omsorgsboende"])
        return f"{self.body().capitalize()} i {self.place()}"

    def street(self) -> str:
        return f"{self.pick(STREET_STEMS)}{self.pick(STREET_SUFFIXES)}"

    def party(self) -> str:
        return self.pick(PARTIES)


def _templates(b: _Builder) -> list[Callable[[], list[Segment]]]:
    def attendance() -> list[Segment]:
        seg: list[Segment] = [(b.pick(["Närvarande: ", "Ledamöter: ", "Ersättare: ", ""]), None)]
        for i in range(b.rng.randint(1, 4)):
            if i:
                seg.append((", ", None))
            seg += [(b.person(), "PER"), (f" ({b.party()})", None)]
            if b.rng.random() < 0.4:
                seg.append((f", {b.pick(POLITICAL_ROLES)}", None))
        return seg

    def speaker() -> list[Segment]:
        name = b.person()
        if b.rng.random() < 0.6:
            name = name.upper()
        claim = b.pick(["Jag yrkar bifall till förslaget.", "Jag yrkar avslag.",
                        "Jag instämmer.", "Vi reserverar oss mot beslutet."])
        return [(name, "PER"), (f" ({b.party()}): {claim}", None)]

    def titled() -> list[Segment]:
        title = b.pick(OFFICIAL_ROLES).capitalize()
        verb = b.pick(["föredrar ärendet.", "informerar om läget.", "deltar under punkt 4.",
                       "lämnar information om " + b.pick(TOPICS) + "."])
        return [(f"{title} ", None), (b.person(), "PER"), (f" {verb}", None)]

    def signature() -> list[Segment]:
        seg: list[Segment] = [(b.person(), "PER"), (f"\n{b.pick(OFFICIAL_ROLES).capitalize()}", None)]
        if b.rng.random() < 0.6:
            seg += [("\n", None), (b.org(), "ORG")]
        return seg

    def contact() -> list[Segment]:
        lead = b.pick(["Handläggare: ", "Kontaktperson: ", "Justerare: ", "Sekreterare: ",
                       "Ordförande: ", "Handläggare\n"])
        return [(lead, None), (b.person(), "PER")]

    def proposal() -> list[Segment]:
        verb, rest = b.pick([(" föreslår att ", " godkänner förslaget."),
                             (" beslutar att ", " får i uppdrag att utreda frågan."),
                             (" har gett ", " i uppdrag att ta fram en plan."),
                             (" har begärt yttrande från ", " senast den 1 mars.")])
        return [(b.org(), "ORG"), (verb, None), (b.org(), "ORG"), (rest, None)]

    def prepared() -> list[Segment]:
        return [("Ärendet har beretts av ", None), (b.org(), "ORG"), (" i samverkan med ", None),
                (b.org(), "ORG"), (".", None)]

    def sent_to() -> list[Segment]:
        seg: list[Segment] = [(b.pick(["Beslutet skickas till ", "Expedieras till ", "Kopia till "]), None)]
        for i in range(b.rng.randint(1, 3)):
            if i:
                seg.append((", ", None))
            seg.append((b.org(), "ORG"))
        return seg + [(" och ", None), (b.person(), "PER")]

    def motion() -> list[Segment]:
        return [(b.pick(["Motion från ", "Skrivelse från ", "Medborgarförslag från "]), None),
                (b.person(), "PER"), (f" ({b.party()})", None),
                (f" om {b.pick(TOPICS).split(' om ')[-1]} i ", None), (b.any_place(), "LOC")]

    def place_sentence() -> list[Segment]:
        return [(b.pick(["Detaljplan för ", "Ombyggnad av ", "Trygghetsvandring på "]), None),
                (b.street(), "LOC"), (" i ", None), (b.any_place(), "LOC"),
                (b.pick([".", " godkänns.", ", samrådsredogörelse"]), None)]

    def reservation() -> list[Segment]:
        return [(b.person(), "PER"), (f" ({b.party()}) ", None),
                (b.pick(["reserverar sig mot beslutet.", "deltar inte i beslutet.",
                         "anmäler jäv och deltar inte i handläggningen."]), None)]

    def replaces() -> list[Segment]:
        return [(b.person(), "PER"), (f" ({b.party()}) ersätter ", None), (b.person(), "PER"),
                (f" ({b.party()}) från och med punkt {b.rng.randint(2, 14)}.", None)]

    def party_full() -> list[Segment]:
        party = b.pick(_lexicon("parties"))
        return [(b.pick(["Ledamöterna från ", "Skrivelse från ", "Förslag från "]), None),
                (party, "ORG"), (b.pick([" i ", " till "]), None), (b.org(), "ORG"),
                (b.pick(["", ".", " om " + b.pick(TOPICS)]), None)]

    def heading() -> list[Segment]:
        lines = []
        for _ in range(b.rng.randint(1, 3)):
            if b.common_words and b.rng.random() < 0.5:
                line = " ".join(b.pick(b.common_words) for _ in range(b.rng.randint(1, 2))).capitalize()
            else:
                line = b.pick(_lexicon("headings"))
            r = b.rng.random()
            if r < 0.25:
                line += f": 20{b.rng.randint(15, 24)}-{b.rng.randint(10, 12)}-{b.rng.randint(10, 28)}"
            elif r < 0.4:
                line += f" {b.rng.randint(1, 999)}"
            lines.append(line)
        return [("\n".join(lines), None)]

    def handler_block() -> list[Segment]:
        phone = f"08-{b.rng.randint(100, 999)} {b.rng.randint(10, 99)} {b.rng.randint(10, 99)}"
        seg: list[Segment] = [(b.pick(["Handläggare", "Kontaktperson", "Namn", "Föredragande"]) + "\n", None),
                              (b.person(), "PER")]
        if b.rng.random() < 0.5:
            seg.append((f"\nTelefon: {phone}", None))
        if b.rng.random() < 0.5:
            seg.append((f"\n{b.pick(OFFICIAL_ROLES).capitalize()}", None))
        return seg

    def approved_by() -> list[Segment]:
        seg: list[Segment] = [("Detta dokument har godkänts digitalt av följande personer:\nNamn\n", None)]
        for i in range(b.rng.randint(1, 3)):
            seg += [("\n" if i else "", None), (b.person(), "PER"),
                    (f", {b.pick(OFFICIAL_ROLES).capitalize()}", None)]
        return seg + [(f"\nDatum\n20{b.rng.randint(15, 24)}-0{b.rng.randint(1, 9)}-1{b.rng.randint(0, 9)}", None)]

    def no_entity() -> list[Segment]:
        return [(b.pick(["Förslag till beslut", "Sammanfattning", "Ärendet", "Beslutsunderlag",
                         "Förvaltningens synpunkter", "Protokollet justeras", "Bilagor",
                         "Ordföranden föreslår att nämnden godkänner förslaget.",
                         "Nämnden beslutar enligt förvaltningens förslag.",
                         "Förvaltningen föreslår att ärendet återremitteras."]), None)]

    return [attendance, speaker, titled, signature, contact, proposal, prepared, sent_to,
            motion, place_sentence, reservation, replaces, party_full, no_entity,
            heading, heading, handler_block, approved_by]


def _to_sentence(segments: list[Segment]) -> TaggedSentence:
    text, spans = "", []
    for seg_text, label in segments:
        if label:
            spans.append((len(text), len(text) + len(seg_text), label))
        text += seg_text
    doc = _tokenizer()(text)
    tags = ["O"] * len(doc)
    for start, end, label in spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        tags[span.start] = "B-" + label
        for i in range(span.start + 1, span.end):
            tags[i] = "I-" + label
    return TaggedSentence(tuple(t.text for t in doc), tuple(tags))


def generate(n: int, seed: int = 0, common_words: Sequence[str] = ()) -> list[TaggedSentence]:
    """``n`` synthetic sentences, reproducible for a given ``seed``.

    ``common_words`` (lower-case words from real text) become capitalised heading lines
    without entities, teaching the model that a capitalised word alone on a line is not a name.
    """
    rng = random.Random(seed)
    builder = _Builder(rng, tuple(sorted(set(common_words))))
    templates = _templates(builder)
    return [_to_sentence(rng.choice(templates)()) for _ in range(n)]
