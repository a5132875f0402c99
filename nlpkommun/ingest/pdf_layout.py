"""Backend-neutral PDF page cleanup: reading order, running headers/footers, page numbers,
ligatures and Swedish-aware line-end de-hyphenation.

Backends (pdfminer in :mod:`nlpkommun.ingest.pdf`, pypdfium2 in :mod:`nlpkommun.ingest.pdfium`)
turn each page into a :class:`PageLayout` of positioned text :class:`Block` s (a block is a
group of vertically stacked lines, e.g. a paragraph or one column of a header block);
:func:`clean_pages` turns those into one cleaned string per page: one text line per line,
blocks separated by a blank line. All steps are linear or n·log n in the number of lines.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

__all__ = [
    "Block",
    "Line",
    "PageLayout",
    "clean_pages",
    "drop_lines",
    "drop_rotated",
    "group_lines",
    "join_hyphenated",
    "reading_order",
    "repair_chars",
]

# y-bands (fraction of page height) where running headers / footers live
HEADER_BAND = 0.15
FOOTER_BAND = 0.12
# scanned-page heuristic: images cover at least this share of the page and there is
# (almost) no text
SCAN_IMAGE_COVER = 0.5
SCAN_MAX_CHARS = 20
# rotated text left out is worth a warning from this many characters on (less is a
# decorative tab or margin label)
ROTATED_WARN_CHARS = 100


@dataclass(slots=True)
class Line:
    """One visual text line; PDF coordinates (origin bottom left, y grows upwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(slots=True)
class Block:
    """Vertically stacked lines that belong together (paragraph, column of a header block)."""

    lines: list[Line]
    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def of(cls, lines: list[Line]) -> Block:
        return cls(
            lines,
            min(ln.x0 for ln in lines),
            min(ln.y0 for ln in lines),
            max(ln.x1 for ln in lines),
            max(ln.y1 for ln in lines),
        )


@dataclass
class PageLayout:
    """What a backend found on one page."""

    width: float
    height: float
    blocks: list[Block] = field(default_factory=list)
    image_cover: float = 0.0  # share of the page area covered by images (0..1)
    invisible_text: float = 0.0  # share of text drawn invisibly (render mode 3: an OCR layer)
    rotated_chars: int = 0  # characters of rotated text left out (see drop_rotated)
    kept_chars: int = 0  # characters kept when rotated text was left out
    error: str | None = None  # set when the backend could not read the page


def drop_rotated(page: PageLayout, rotated: list[Line]) -> None:
    """Leave out lines of rotated glyphs (flagged by the backend): read horizontally, text
    turned 90° comes out a few letters per line, in no usable order. ``page.rotated_chars``
    and ``page.kept_chars`` record how much went and stayed (a warning when most of a page
    went)."""
    if not rotated:
        return
    total = sum(len(ln.text.strip()) for b in page.blocks for ln in b.lines)
    page.rotated_chars = sum(len(ln.text.strip()) for ln in rotated)
    page.kept_chars = total - page.rotated_chars
    drop_lines(page, rotated)


def drop_lines(page: PageLayout, lines: list[Line]) -> None:
    """Remove the given lines (e.g. rotated margin text that a backend flagged: read
    horizontally it is one letter per line) from a page, in place."""
    gone = {id(ln) for ln in lines}
    kept = ([ln for ln in b.lines if id(ln) not in gone] for b in page.blocks)
    page.blocks = [Block.of(lns) for lns in kept if lns]


# --------------------------------------------------------------------------- characters

_CHAR_MAP = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2002": " ",
        "\u2003": " ",
        "\t": " ",
        "\u2010": "-",  # typographic hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,
        "\r": None,
    }
)
_SPACES = re.compile(r" {2,}")
_CTRL = re.compile(r"[\x01-\x08\x0b-\x1f\x7f]")
# glyphs with no Unicode mapping, rendered as U+0000 or U+FFFD between letters; in
# Swedish body text these are almost always ligatures
_LIG_CANDIDATES = ("fi", "ff", "fl", "ffi", "ffl", "ft", "tt")
_BROKEN = re.compile(r"[\x00\ufffd]")
_WORD = re.compile(r"[^\W\d_]+")
_BROKEN_WORD = re.compile(r"[^\W\d_]*(?:[\x00\ufffd][^\W\d_]*)+")


def repair_chars(text: str) -> str:
    """Expand ligature code points, unify odd spaces/hyphens, drop control characters and
    collapse runs of spaces. U+0000 artefacts are left for :func:`repair_broken_glyphs`."""
    text = text.translate(_CHAR_MAP)
    if "\xad" in text:  # soft hyphen: a line-end one is a hyphenation point
        text = text[:-1] + "-" if text.rstrip().endswith("\xad") else text
        text = text.rstrip().replace("\xad", "")
    text = _CTRL.sub("", text)
    return _SPACES.sub(" ", text).strip()


def repair_broken_glyphs(pages: list[list[Block]]) -> None:
    """Replace U+0000/U+FFFD glyphs inside words by the ligature ("fi", "ff", ...) that turns
    the word into one seen intact elsewhere in the document; unresolved ones get the
    ligature that resolved most words (default "fi"). Edits the lines in place."""
    broken = [ln for blocks in pages for b in blocks for ln in b.lines if _BROKEN.search(ln.text)]
    if not broken:
        return
    vocab = {w.lower() for blocks in pages for b in blocks for ln in b.lines for w in _WORD.findall(ln.text)}
    choice: dict[str, str] = {}
    votes: Counter[str] = Counter()  # type: ignore[assignment]
    for ln in broken:
        for m in _BROKEN_WORD.finditer(ln.text):
            word = m.group()
            if word in choice or not _WORD.search(word):
                continue
            for lig in _LIG_CANDIDATES:
                if _BROKEN.sub(lig, word).lower() in vocab:
                    choice[word] = lig
                    votes[lig] += 1
                    break
    votes["fi"] += 0.5  # the commonest ligature breaks ties
    default = votes.most_common(1)[0][0]

    def fix(m: re.Match[str]) -> str:
        word = m.group()
        if not _WORD.search(word):
            return _BROKEN.sub("", word)
        return _BROKEN.sub(choice.get(word, default), word)

    for ln in broken:
        ln.text = _BROKEN.sub("", _BROKEN_WORD.sub(fix, ln.text))


# --------------------------------------------------------------------------- hyphenation

# words after a suspended hyphen ("för- och grundskola"); short fragments that could end a
# split word ("exa-" + "men", "radi-" + "o") are deliberately absent
_SUSPENDED_NEXT = frozenset({"och", "eller", "samt", "respektive", "resp", "liksom", "alternativt", "and", "or"})
_LAST_TOKEN = re.compile(r"(\S+)-$")
_FIRST_WORD = re.compile(r"[^\W_]+")


def join_hyphenated(line: str, next_line: str) -> str | None:
    """Join ``line`` (ending in a hyphen) with the following ``next_line`` of the same block.

    Returns the joined text, or None when ``line`` does not end in a word-hyphen.
    Swedish rules: a suspended hyphen before a conjunction stays and gets a space
    ("narkotika-" + "och dopning" → "narkotika- och dopning"); hyphens after digits, single
    letters, acronyms, or before a capital or digit are real ("2019-" + "2021",
    "EU-" + "kommissionen", "e-" + "post", "Hässelby-" + "Vällingby") and stay without a
    space; otherwise the hyphen is a hyphenation point and is dropped ("Eng-" + "berg").
    """
    if len(line) < 2 or not line.endswith("-") or line.endswith("--"):
        return None
    m = _LAST_TOKEN.search(line)
    if m is None:
        return None  # "text -" is a dash, not a hyphen
    word = m.group(1)
    if not word[-1].isalnum():
        return None
    nxt = next_line.lstrip()
    if not nxt:
        return None
    first = nxt[0]
    fw = _FIRST_WORD.match(nxt)
    first_word = fw.group().lower() if fw else ""
    letters = "".join(ch for ch in word if ch.isalpha())
    if first.islower() and first_word in _SUSPENDED_NEXT:
        return f"{line} {nxt}"
    keep = (
        word[-1].isdigit()
        or first.isdigit()
        or first.isupper()
        or len(letters) <= 1
        or (letters.isupper() and len(letters) >= 2)  # acronym: "EU-", "IT-", "KS-"
        or "-" in word[:-1]  # "Hässelby-Vällingby-" style chains keep their hyphens
    )
    if keep:
        return line + nxt
    if first.islower():
        return line[:-1] + nxt
    return None


def _dehyphenate(lines: list[str]) -> list[str]:
    out: list[str] = []
    for text in lines:
        if out:
            joined = join_hyphenated(out[-1], text)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(text)
    return out


# --------------------------------------------------------------------------- page numbers

_PAGE_NO = re.compile(
    r"^(?:(?:sida|sidan|page|s\.)\s*)?(?P<n>\d{1,4})\s*"
    r"(?:\(\s*(?P<m1>\d{1,4})\s*\)?|/\s*(?P<m2>\d{1,3})|(?:av|of)\s+(?P<m3>\d{1,4}))?$"
    r"|^[-–—]\s*(?P<n2>\d{1,4})\s*[-–—]$",
    re.IGNORECASE,
)
# a page number with its total at the end of a header line: "Tjänsteskrivelse   Sida 2 (5)"
_TRAILING_PAGE_NO = re.compile(
    r"\s+(?:(?:sida|sidan|page)\s*)?(?P<n>\d{1,4})\s*(?:\(\s*(?P<m1>\d{1,4})\s*\)?|(?:av|of)\s+(?P<m3>\d{1,4}))$",
    re.IGNORECASE,
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")


def _plausible(m: re.Match[str]) -> bool:
    """ "3 (7)" is a page number, "2021/123" (a case number) or "9 (3)" is not."""
    total = m.group("m1") or m.group("m2") or m.group("m3")
    n = m.group("n") if "n2" not in m.re.groupindex else (m.group("n") or m.group("n2"))
    return total is None or 1 <= int(n) <= int(total)


def is_page_number(text: str) -> bool:
    """Whether a margin line is a page number: "3", "Sida 2 (5)", "2 (13)", "4/9", "- 7 -"."""
    m = _PAGE_NO.match(text.strip())
    return m is not None and _plausible(m)


def strip_page_number(text: str) -> str:
    """Remove a trailing "Sida 2 (5)" / "2 (13)" / "sida 2 av 5" from a header line."""
    m = _TRAILING_PAGE_NO.search(text)
    return text[: m.start()] if m and _plausible(m) else text


# --------------------------------------------------------------------------- reading order


def _split_y(blocks: list[Block], tol: float = 1.5) -> list[list[Block]]:
    """Bands of blocks separated by horizontal whitespace, top to bottom."""
    order = sorted(blocks, key=lambda b: -b.y1)
    bands: list[list[Block]] = [[order[0]]]
    bottom = order[0].y0
    for b in order[1:]:
        if b.y1 <= bottom + tol:
            bands.append([b])
            bottom = b.y0
        else:
            bands[-1].append(b)
            bottom = min(bottom, b.y0)
    return bands


def _split_x(blocks: list[Block], tol: float = 0.5) -> list[list[Block]]:
    """Columns of blocks separated by vertical whitespace, left to right."""
    order = sorted(blocks, key=lambda b: b.x0)
    cols: list[list[Block]] = [[order[0]]]
    right = order[0].x1
    for b in order[1:]:
        if b.x0 >= right - tol:
            cols.append([b])
            right = b.x1
        else:
            cols[-1].append(b)
            right = max(right, b.x1)
    return cols


# a text column holds a paragraph of at least 3 lines and this wide (points; ~25 characters)
MIN_COLUMN_WIDTH = 130.0


def _is_text_column(col: list[Block]) -> bool:
    """Running text, not a column of form labels or values."""
    return sum(len(b.lines) for b in col) >= 4 and any(
        len(b.lines) >= 3 and b.x1 - b.x0 >= MIN_COLUMN_WIDTH for b in col
    )


def _columns(blocks: list[Block]) -> list[list[Block]] | None:
    cols = _split_x(blocks)
    return cols if len(cols) > 1 and all(_is_text_column(c) for c in cols) else None


def _merge_column_bands(bands: list[list[Block]]) -> list[list[Block]]:
    """Re-join consecutive bands that together form text columns: paragraph gaps that
    happen to line up across two columns must not make the columns interleave."""
    out: list[list[Block]] = [bands[0]]
    for band in bands[1:]:
        run = out[-1] + band
        if len(_split_x(band)) > 1 and _columns(run) is not None:
            out[-1] = run
        else:
            out.append(band)
    return out


def reading_order(blocks: list[Block]) -> list[Block]:
    """Order blocks by recursive XY-cut: true text columns (each side has multi-line
    blocks) are read column by column; otherwise horizontal bands top to bottom, and
    side-by-side blocks inside a band left to right. A block is never split, so a
    two-column header or signature block is emitted one column at a time."""
    out: list[Block] = []
    stack: list[list[Block]] = [blocks]
    while stack:  # explicit stack: pages with thousands of blocks must not recurse deeply
        group = stack.pop()
        if len(group) <= 1:
            out.extend(group)
            continue
        cols = _split_x(group)
        if len(cols) > 1 and all(_is_text_column(c) for c in cols):
            stack.extend(reversed(cols))
            continue
        # (a run of bands merged by _merge_column_bands always passes the test above,
        # so the loop makes progress)
        bands = _split_y(group)
        if len(bands) > 1:
            stack.extend(reversed(_merge_column_bands(bands)))
        elif len(cols) > 1:
            stack.extend(reversed(cols))
        else:
            out.extend(sorted(group, key=lambda b: (-b.y1, b.x0)))
    return out


# --------------------------------------------------------------------------- line grouping


def _group(
    lines: list[Line], max_pitch: Callable[[float], float], samples: list[tuple[int, float]] | None
) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    open_blocks: list[list[Line]] = []
    for ln in lines:
        h = ln.y1 - ln.y0
        target = None
        for blk in open_blocks:
            last = blk[-1]
            lh = last.y1 - last.y0
            ref = max(h, lh, 1.0)
            pitch = (last.y0 - ln.y0) / ref  # bottom to bottom, in line heights
            if pitch > max_pitch(ref) or last.y0 - ln.y1 < -0.5 * min(h, lh):
                continue
            if not (0.5 * lh <= h <= 2.0 * lh):
                continue
            overlap = min(last.x1, ln.x1) - max(last.x0, ln.x0)
            aligned = abs(last.x0 - ln.x0) < 0.5 * h or abs((last.x0 + last.x1) - (ln.x0 + ln.x1)) < h
            if aligned or overlap > 0.5 * min(last.x1 - last.x0, ln.x1 - ln.x0):
                target = blk
                if samples is not None:
                    samples.append((round(ref), pitch))
                break
        if target is None:
            target = [ln]
            blocks.append(target)
            open_blocks.append(target)
        else:
            target.append(ln)
        # blocks whose last line is far above can never be extended again
        open_blocks = [b for b in open_blocks if b[-1].y0 - ln.y0 < 3 * max(h, 1.0)]
    return blocks


def group_lines(lines: list[Line]) -> list[Block]:
    """Group positioned lines into blocks (for backends without their own layout analysis).

    A line joins the block above it when it is aligned with it (left edges, centres or
    overlap), of similar height, and the baseline pitch is the page's usual line pitch:
    the most common pitch between aligned neighbours, measured in line heights (fonts'
    line boxes differ, so no absolute threshold fits all) for lines of that height, plus a
    small tolerance; a larger pitch is a paragraph break.
    """
    ordered = sorted(lines, key=lambda ln: (-ln.y1, ln.x0))
    samples: list[tuple[int, float]] = []
    _group(ordered, lambda _h: 2.0, samples)
    usual = _usual_pitch([p for _h, p in samples]) or 1.15
    by_height: dict[int, list[float]] = defaultdict(list)
    for h, p in samples:
        by_height[h].append(p)
    usual_at = {h: _usual_pitch(ps) or usual for h, ps in by_height.items()}
    return [Block.of(b) for b in _group(ordered, lambda h: usual_at.get(round(h), usual) + 0.15, None)]


def _usual_pitch(pitches: list[float]) -> float | None:
    """The most common pitch (in 1/20 line heights), if it occurs at least twice."""
    counts = Counter(round(p * 20) for p in pitches if p > 0.5)
    if not counts or counts.most_common(1)[0][1] < 2:
        return None
    return counts.most_common(1)[0][0] / 20


# --------------------------------------------------------------------------- headers/footers


def _key(text: str) -> str:
    return " ".join(text.lower().split())


def _band(ln: Line, height: float) -> str | None:
    if ln.y0 >= height * (1 - HEADER_BAND):
        return "head"
    if ln.y1 <= height * FOOTER_BAND:
        return "foot"
    return None


def _strip_margins(pages: list[PageLayout], blocks: list[list[Block]]) -> None:
    """Remove page numbers and running headers/footers in place.

    A header/footer line is a line in the top or bottom band of the page whose exact text
    (page-number suffix removed) recurs in the same band on several pages, at least two of
    them consecutive or alternating. Footers go everywhere; a running header is kept where
    it first appears (on a cover page it is the letterhead: date, committee, document
    type), and dropped on later pages.
    """
    n = len(pages)
    seen: dict[tuple[str, str], list[int]] = defaultdict(list)
    margin_lines: list[tuple[int, Block, Line, str, str]] = []
    for pno, (page, blks) in enumerate(zip(pages, blocks, strict=True)):
        for b in blks:
            for ln in b.lines:
                band = _band(ln, page.height)
                if band is None:
                    continue
                text = ln.text
                if is_page_number(text):
                    bare = _BARE_NUMBER.match(text.strip())
                    # a lone number is a page number only when it stands alone in the margin
                    if not bare or (len(b.lines) == 1 and _in_outer_margin(ln, page.height)):
                        ln.text = ""
                        continue
                stripped = strip_page_number(text)
                if stripped != text:
                    ln.text = text = stripped
                key = _key(text)
                if not key:
                    continue
                if not seen[(band, key)] or seen[(band, key)][-1] != pno:
                    seen[(band, key)].append(pno)
                margin_lines.append((pno, b, ln, band, key))
    need = 2 if n <= 4 else 3
    running = set()
    for (band, key), pnos in seen.items():
        if len(pnos) >= need and any(b - a <= 2 for a, b in zip(pnos, pnos[1:], strict=False)):
            running.add((band, key))
    for pno, _b, ln, band, key in margin_lines:
        if (band, key) in running and (band == "foot" or pno != seen[(band, key)][0]):
            ln.text = ""


def _in_outer_margin(ln: Line, height: float) -> bool:
    return ln.y0 >= height * 0.92 or ln.y1 <= height * 0.08


# --------------------------------------------------------------------------- pipeline


def clean_pages(pages: list[PageLayout]) -> tuple[list[str], list[str]]:
    """Turn backend page layouts into cleaned page strings plus human-readable warnings."""
    warnings: list[str] = []
    blocks: list[list[Block]] = []
    for page in pages:
        page_blocks: list[Block] = []
        for b in page.blocks:
            lines = []
            for ln in b.lines:
                text = repair_chars(ln.text)
                if text:
                    ln.text = text
                    lines.append(ln)
            if lines:
                b.lines = lines
                page_blocks.append(b)
        blocks.append(page_blocks)
    repair_broken_glyphs(blocks)
    _strip_margins(pages, blocks)
    for i, blks in enumerate(blocks):  # drop what the margin pass emptied; refresh the boxes
        kept = [[ln for ln in b.lines if ln.text] for b in blks]
        blocks[i] = [Block.of(lines) for lines in kept if lines]

    out: list[str] = []
    scanned: list[int] = []
    ocr: list[int] = []
    turned: list[int] = []
    for pno, (page, blks) in enumerate(zip(pages, blocks, strict=True), start=1):
        chars = sum(len(ln.text) for b in blks for ln in b.lines)
        if page.rotated_chars > max(page.kept_chars, ROTATED_WARN_CHARS):
            turned.append(pno)
        if page.error:
            warnings.append(f"page {pno}: could not be read ({page.error}); its text is missing")
        elif page.image_cover >= SCAN_IMAGE_COVER and chars and page.invisible_text >= 0.5:
            ocr.append(pno)
        elif page.image_cover >= SCAN_IMAGE_COVER and chars <= SCAN_MAX_CHARS and not page.rotated_chars:
            scanned.append(pno)
        parts = []
        for b in _join_continuations(reading_order(blks)):
            parts.append("\n".join(_dehyphenate([ln.text for ln in b.lines])))
        out.append("\n\n".join(parts))
    if scanned:
        if len(scanned) == len(pages):
            warnings.append(
                f"no text layer on any of the {len(pages)} page(s): a scanned PDF? OCR is not supported, "
                "so no text was extracted"
            )
        else:
            warnings.append(f"page(s) {_ranges(scanned)} have no text layer (scanned images?); their text is missing")
    elif pages and not any(out) and not any(p.error for p in pages):
        warnings.append(f"the PDF has {len(pages)} page(s) but no extractable text")
    if turned:
        warnings.append(
            f"page(s) {_ranges(turned)}: most text is rotated 90° and was left out (it cannot be read in order)"
        )
    if ocr:
        warnings.append(
            f"page(s) {_ranges(ocr)} are scanned images with an OCR text layer; the text may contain recognition errors"
        )
    return out, warnings


def _pitch(a: Line, b: Line) -> float:
    """Baseline distance from line ``a`` down to line ``b``, in line heights."""
    return (a.y0 - b.y0) / max(a.y1 - a.y0, b.y1 - b.y0, 1.0)


def _join_continuations(blocks: list[Block]) -> list[Block]:
    """Merge a block into the one before it (in reading order) when its first line sits at
    the usual line pitch (its own, else the page's) right below the previous block's last line, overlaps it
    horizontally and does not start left of it: a paragraph whose first line the backend
    split off (hanging label "Övriga deltagare  Anna, Bo," + continuation lines)."""
    if len(blocks) < 2:
        return blocks
    counts = Counter(
        round(_pitch(a, b) * 20)
        for blk in blocks
        for a, b in zip(blk.lines, blk.lines[1:], strict=False)
        if a.y0 > b.y0
    )
    if not counts or counts.most_common(1)[0][1] < 2:
        return blocks
    usual = counts.most_common(1)[0][0] / 20
    out = [blocks[0]]
    for b in blocks[1:]:
        last, first = out[-1].lines[-1], b.lines[0]
        h_last, h_first = last.y1 - last.y0, first.y1 - first.y0
        overlap = min(last.x1, first.x1) - max(last.x0, first.x0)
        if len(b.lines) >= 2:  # the continuation's own line pitch is the best reference
            ref = _pitch(b.lines[0], b.lines[1])
        elif len(out[-1].lines) >= 2:
            ref = _pitch(out[-1].lines[-2], last)
        else:
            ref = usual
        if (
            0.5 < _pitch(last, first) <= ref + 0.1
            and 0.8 * h_last <= h_first <= 1.25 * h_last
            and overlap > 0.5 * min(last.x1 - last.x0, first.x1 - first.x0)
            and first.x0 >= last.x0 - 1.0
        ):
            out[-1] = Block.of(out[-1].lines + b.lines)
        else:
            out.append(b)
    return out


def _ranges(nums: list[int]) -> str:
    """[1, 2, 3, 5] → "1-3, 5"."""
    parts: list[str] = []
    start = prev = nums[0]
    for x in nums[1:] + [math.inf]:
        if x == prev + 1:
            prev = x
            continue
        parts.append(str(start) if start == prev else f"{start}-{prev}")
        if x != math.inf:
            start = prev = int(x)
    return ", ".join(parts)
