"""People and attachments in a document's metadata: case officers (handläggare with phone
and e-mail), signatories (signature blocks, two-column signatures, justerare, protokoll
signatures, digital attestations with their dates) and the titles listed under "Bilagor".

Reads the label data through :mod:`metadata_lines`. Plain functions over
:class:`~nlpkommun.components.metadata_lines.Line` lists returning Official-shaped dicts
(``{"name", "title", "phone", "email", "date"}``); writes nothing.
"""

from __future__ import annotations

import re
from typing import Any

from nlpkommun.components.metadata_header import is_body_name, is_page_marker
from nlpkommun.components.metadata_lines import (
    PARTY_SUFFIX,
    Line,
    blank_between,
    find_day_dates,
    is_any_label,
    is_name,
    is_section_heading,
    is_title_line,
    is_title_word,
    label_of,
    labels,
    name_stopwords,
    split_label,
    split_names,
)
from nlpkommun.components.metadata_title import UNIT_NAME
from nlpkommun.resources import first_names

Official = dict[str, Any]

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<!\d)(?:\+46\s?|0)\d[\d\s-]{5,14}\d(?!\d)")
_PROTOCOL_KINDS = frozenset({"protokoll", "protokollsutdrag", "protokollsbilaga"})


def official(name: str, title: str | None = None, **extra: str | None) -> Official:
    """An Official-shaped dict."""
    out: Official = {"name": name, "title": title, "phone": None, "email": None, "date": None}
    out.update(extra)
    return out


_INVERTED = re.compile(
    r"^([A-ZÅÄÖ][a-zåäöéü]+(?:[- ][A-ZÅÄÖ][a-zåäöéü]+)?),\s*([A-ZÅÄÖ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?)"
    r"(?=\s*$|\s*[(,]|\s+[a-zåäö])(.*)$"
)


_LEADING_PARTY = re.compile(r"^\s*\(\s*[A-ZÅÄÖa-zåäö!]{1,5}\s*\)")


def inverted_name(value: str) -> tuple[str, str] | None:
    """``"Nyström, Therese nämndsekreterare"`` / ``"Paulsson, Ingrid (V)"`` (surname first,
    as some signature blocks and lists write it) → ("Therese Nyström", what follows). The
    word after the comma must be a known first name and the one before it not."""
    m = _INVERTED.match(value.strip())
    if not m:
        return None
    surname, first, rest = m.groups()
    if first.split("-")[0] not in first_names() or surname.split()[0] in first_names():
        return None
    if any(w.lower() in name_stopwords() for w in surname.split()) or is_body_name(surname):
        return None
    if not is_name(f"{first} {surname}"):
        return None
    return f"{first} {surname}", _LEADING_PARTY.sub("", rest).strip(" ,")


def _name_part(value: str, allow_party: bool = False) -> tuple[str | None, str]:
    """Split ``"Eva Lund, utredare"`` into the name and what follows it."""
    inverted = inverted_name(value)
    if inverted:
        return inverted
    head, _, rest = value.partition(",")
    head, slash, unit = head.partition("/")  # "Namn Namnsson/Stadsledningskontoret"
    head = head.strip()
    if slash and not rest:
        rest = unit.strip()
    if allow_party:
        head = PARTY_SUFFIX.sub("", head).strip()
    return (head, rest.strip()) if is_name(head) else (None, value)


def names_in(text: str) -> list[str]:
    """The names on a line: one, several side by side, or listed ("A (S) och B (M)")."""
    inverted = inverted_name(text)
    if inverted:
        return [inverted[0]]
    out: list[str] = []
    for piece in re.split(r",|\s+och\s+|\s+samt\s+", text):
        for col in split_names(piece.strip()):
            name = _name_part(col.strip(), allow_party=True)[0]
            if name:
                out.append(" ".join(name.split()))
    return out


# --- case officers ---------------------------------------------------------------------


def _title_under_name(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` ("Handläggare") is the title under a signature's name line."""
    if i == 0 or blank_between(lines[i - 1], lines[i]):
        return False
    above = lines[i - 1].text
    return is_name(above) and above.split()[0] in first_names()


def _label_row(rest: str) -> bool:
    """Whether the text after a label is only more labels (a row of column labels)."""
    words = rest.split()
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            if i + n <= len(words) and is_any_label(" ".join(words[i : i + n])):
                i += n
                break
        else:
            return False
    return bool(words)


def _leading_name(row: str) -> str:
    """The name at the start of a value row ("Eva Lund 2022-02-03 KS 2022/12" → "Eva Lund")."""
    words = row.split()
    for n in (4, 3, 2):
        if is_name(" ".join(words[:n])):
            return " ".join(words[:n])
    return ""


def case_officers(lines: list[Line]) -> list[Official]:
    """Handläggare blocks: the name after the label, then phone, e-mail and title lines."""
    out: list[Official] = []
    for i, ln in enumerate(lines):
        if _title_under_name(lines, i):
            continue
        parts = split_label(ln.text, "case_officer")
        following = lines[i + 1 : i + 5]
        if parts and _label_row(parts[1]) and following:
            # "Handläggare Datum Dnr" over "Eva Lund 2022-02-03 KS 2022/12": the name leads the row
            value, following = _leading_name(following[0].text), following[1:]
        elif parts:
            value = parts[1]
        elif label_of(ln.text, "case_officer") and following:
            if len(following) > 1 and is_body_name(following[0].text) and is_name(following[1].text):
                following = lines[i + 2 : i + 6]  # "Handläggare      Barn- och grundskolenämnden" read by columns
            value, following = following[0].text, following[1:]
        else:
            continue
        name, rest = _name_part(value)
        lead = _leading_name(value) if name is None else ""
        if lead and is_title_line(value[len(lead) :].strip()):
            name, rest = lead, value[len(lead) :].strip()  # "Oskar Lindholm utvecklingsstrateg": two lines joined
        if name is None:
            continue
        person = official(name)
        for piece in [rest] + [f.text for f in following]:
            if not piece:
                continue
            if split_label(piece, "phone") or (_PHONE.search(piece) and not _EMAIL.search(piece)):
                value_part = (split_label(piece, "phone") or ("", piece))[1]
                m = _PHONE.search(value_part)
                person["phone"] = person["phone"] or (m.group(0).strip() if m else None)
            elif _EMAIL.search(piece):
                person["email"] = person["email"] or _EMAIL.search(piece).group(0)
            elif person["title"] is None and is_title_line(piece):
                person["title"] = piece
            elif is_any_label(piece) or is_name(piece):
                break
        if not any(o["name"] == name for o in out):
            out.append(person)
        if not parts and "," in value:  # "Rapporten är upprättad av" / "Name, title" / "Name, title"
            for f in following:
                more, title = _name_part(f.text)
                if more is None or not f.text.startswith(f"{more},") or not is_title_line(title.strip(" ,")):
                    break
                if not any(o["name"] == more for o in out):
                    out.append(official(more, title.strip(" ,")))
    for ln in lines:
        name = _listed_case_officer(ln.text)
        if name and not any(o["name"] == name for o in out):
            out.append(official(name, "handläggare"))
    if not out:  # an unlabelled contact in the header: "Emelie Strandberg, verksamhetsutvecklare" / e-mail
        for ln, nxt in zip(lines[:15], lines[1:16], strict=False):
            name, rest = _name_part(ln.text)
            title = rest.strip(" ,")
            if name and ln.text.startswith(f"{name},") and is_title_line(title) and _EMAIL.search(nxt.text):
                person = official(name, title)
                person["email"] = _EMAIL.search(nxt.text).group(0)
                out.append(person)
                break
    return out


_LISTED_OFFICER = re.compile(
    r"^(?:tjänsteskrivelse|tjänsteutlåtande|tjänsteyttrande|utredning|förvaltningens\s+\w+)\b[^.]{0,120}?,?\s"
    r"handläggare:?\s+([^\s,]+(?:\s+[^\s,]+){1,3}?)\s*(?:,|$|\d)",
    re.IGNORECASE,
)


def _listed_case_officer(text: str) -> str | None:
    """The handläggare of a tjänsteskrivelse listed among a protokoll's documents
    ("Tjänsteskrivelse från socialförvaltningen, handläggare Rickard Berg, 2024-04-10")."""
    m = _LISTED_OFFICER.match(text)
    if not m or len(text) > 200:
        return None
    name = " ".join(m.group(1).split())
    return name if is_name(name) else None


# --- signatories -----------------------------------------------------------------------


def _split_titles(line: str, n: int) -> list[str | None]:
    """Split a title line of a two-column signature into ``n`` titles, each ending in a
    title word ("Produktionsdirektör Utbildnings strateg" → two titles)."""
    segments: list[list[str]] = [[]]
    for tok in line.split():
        segments[-1].append(tok)
        if is_title_word(tok):
            segments.append([])
    segments = [s for s in segments if s]
    if len(segments) == n:
        return [" ".join(s) for s in segments]
    return [None] * n


_ATT_SATS = re.compile(r"^att\s+\S")
_PLACE_DATE = re.compile(
    r"^[A-ZÅÄÖ][\wåäö-]+(?:\s[A-ZÅÄÖ][\wåäö-]+)?,?\s+(?:den\s+)?(?:\d{1,2}\s+[a-zåäö]+\s+\d{4}|\d{4}-\d{2}-\d{2})$"
)


def _signature_element(text: str) -> tuple[str, list[str]] | None:
    """Classify a line of a signature block: names (one, or two side by side), a title, or
    an organisational unit under a title; None for anything else."""
    if UNIT_NAME.search(text.strip(" ,.")) and len(text.split()) <= 6 and not re.search(r"\d", text):
        return "unit", [text]
    names = split_names(text)
    if len(names) == 2 and all(is_name(n) for n in names):
        return "name", names
    if is_name(text):
        return "name", [text]
    signed = _name_then_title(text)
    if signed:
        return "signed," if "," in text else "signed", list(signed)
    if is_title_line(text):
        return "title", [text]
    return None


def _party_name_over_title(text: str, below: str) -> bool:
    """A politician's signature: the name with its party, a title line under it
    ("Mikael Strand (M)" / "Ordförande")."""
    return (
        bool(PARTY_SUFFIX.search(text))
        and is_name(text, allow_party=True)
        and is_title_line(below)
        and not names_in(below)
    )


def _name_then_title(text: str) -> tuple[str, str] | None:
    """``"Maria Berg Holm Stadsdelsdirektör"``, ``"Sofia Blom, utbildningsdirektör"`` (a
    signature on one line) → name, title."""
    head, comma, tail = text.partition(",")
    tail_words = tail.split()
    # a bare title only: "Nadia Berisha, rektor Eskilstuna Vuxenutbildning" is a föredragande's line
    bare = 0 < len(tail_words) <= 3 and all(w[:1].islower() for w in tail_words[1:])
    if comma and bare and is_name(head.strip()) and is_title_line(tail.strip()) and not names_in(tail):
        return head.strip(), tail.strip()
    words = text.split()
    if len(words) > 8 or text.endswith(".") or words[0] not in first_names():
        return None
    for k in range(len(words) - 1, 1, -1):
        head, tail = " ".join(words[:k]), " ".join(words[k:])
        if is_name(head) and is_title_word(words[k]) and is_title_line(tail):
            return head, tail
    return None


def _pair(run: list[tuple[str, list[str]]]) -> list[Official]:
    """Pair the names of a signature run with its titles, in order (alternating name/title
    lines, or all names first and then all titles, as PDF columns come out)."""
    names: list[str] = []
    titles: list[str | None] = []
    if all(k == "signed," for k, _ in run) and len(run) < 2:
        return []  # one "Name, title" line alone is a föredragande's or a contact's, not a signature
    complete = [official(v[0], v[1]) for k, v in run if k in ("signed", "signed,")]
    for i, (kind, values) in enumerate(run):
        if kind == "name":
            names.extend(values)
        elif kind == "title":
            prev = run[i - 1] if i else None
            if prev and prev[0] == "name" and len(prev[1]) == 2:
                titles.extend(_split_titles(values[0], 2))
            else:
                titles.append(values[0])
    if not titles:
        return complete
    titles += [None] * (len(names) - len(titles))
    return complete + [official(n, t) for n, t in zip(names, titles, strict=False)]


def closing_signatures(lines: list[Line]) -> list[Official]:
    """Signature blocks: runs of name lines and title lines ("Maria Berg Holm" /
    "Stadsdelsdirektör" / "<unit>"), two names side by side over two titles, names first and
    titles after; and the "Name, Title" line after a closing greeting ("Vänliga hälsningar").
    Lines of a handläggare block are not signatures."""
    head_ids: set[int] = set()
    for i, ln in enumerate(lines):
        if (label_of(ln.text, "case_officer") or split_label(ln.text, "case_officer")) and not _title_under_name(
            lines, i
        ):
            head_ids.update(x.index for x in lines[i : i + 4])
    out: list[Official] = []
    runs: list[tuple[int, list[Official]]] = []  # (line position, officials) of each name/title run
    run: list[tuple[str, list[str]]] = []
    listing = False  # the current run follows a participant label ("Deltagare")
    signed_from = -1  # after a greeting or "Ort den <datum>", names are signatures
    for i, ln in enumerate(lines):
        if label_of(ln.text, "closing") or _PLACE_DATE.match(ln.text):
            signed_from = i
            continue
        if _ATT_SATS.match(ln.text) and i + 1 < len(lines) and signed_line(lines[i + 1].text):
            signed_from = i  # a motion's proposals, its authors' names right under them
            continue

        if 0 <= signed_from and i - signed_from <= 6:
            signed = signed_line(ln.text)
            if signed:
                out.append(official(*signed))
                signed_from = i  # the names may go on: each resets the window
                continue
            last = out[-1] if out and signed_from == i - 1 and out[-1]["title"] is None else None
            if last is not None and is_title_line(ln.text) and not names_in(ln.text):
                last["title"] = ln.text  # "Lena Wallin" / "Nämndsekreterare"
                continue
            if _sender_line(ln.text) and not (out and signed_from == i - 1):
                continue  # "Vänsterpartiet i Falun", "Socialdemokraterna" above the names
            signed_from = -1
        element = None if ln.index in head_ids else _signature_element(ln.text)
        nxt = lines[i + 1].text if i + 1 < len(lines) else ""
        if element is None and ln.index not in head_ids and _party_name_over_title(ln.text, nxt):
            element = "name", [PARTY_SUFFIX.sub("", ln.text).strip()]  # "Mikael Strand (M)" / "Ordförande"
        if element is None:
            if run and not listing:
                runs.append((i, _pair(run)))
            run = []
            listing = _is_participant_label(ln.text)
            continue
        run.append(element)
    if run and not listing:
        runs.append((len(lines), _pair(run)))
    runs = [r for r in runs if r[1]]
    if len(runs) > 2:  # many name/title pairs (tables, org charts): only those in the closing half
        runs = [r for r in runs if r[0] >= len(lines) // 2]
    return out + [o for _, found in runs for o in found]


def signed_line(text: str) -> tuple[str, str | None] | None:
    """A signature line after a greeting or "Ort den <datum>": a name with its party and
    title after a comma or not ("Anna Berg (S), ordförande", "Pia Gustafsson Ljung (M)
    ordförande", "Sara Wikström nämndsekreterare"), or surname first ("Nyström, Therese
    nämndsekreterare"); (name, title or None)."""
    name, rest = _name_part(text, allow_party=True)
    if name:
        first = rest.split(",")[0].strip()
        return name, first if first and is_title_line(first) else None
    m = re.match(r"^(.+?)\s*\(\s*[A-ZÅÄÖa-zåäö!]{1,5}\s*\)\s*,?\s*(\S.*)$", text)  # name (P) title
    if m and is_name(m.group(1)) and is_title_line(m.group(2)):
        return " ".join(m.group(1).split()), m.group(2)
    signed = _name_then_title(text)
    return signed if signed else None


def _sender_line(text: str) -> bool:
    """A short line naming the senders above the signatures of a motion or skrivelse (a
    party, "Vänsterpartiet i Falun", a group): a few capitalised words, no digits, no
    sentence end."""
    words = text.split()
    return 0 < len(words) <= 5 and text[:1].isupper() and not re.search(r"[\d.:;]$|\d", text)


def _is_participant_label(text: str) -> bool:
    """"Deltagare", "Närvarande", "Ledamöter" …: a list of people follows, not signatures."""
    return bool(label_of(text, "participants") or label_of(text, "case_officer"))


def attestations(lines: list[Line]) -> list[Official]:
    """ "Attesterat av" / "godkänts digitalt av" blocks: names (with titles) and, when a
    "Datum" column follows, their dates in the same order."""
    out: list[Official] = []
    for i, ln in enumerate(lines):
        low = ln.text.lower().rstrip(":")
        is_label = label_of(ln.text, "attestation") or any(
            low.startswith(x) for x in _attestation_intros() + tuple(f"{a} " for a in _attestation_labels())
        )
        if not is_label:
            continue
        names: list[Official] = []
        dates: list[str] = []
        in_dates = False
        for nxt in lines[i + 1 : i + 30]:
            t = nxt.text
            if label_of(t, "attestation") or any(t.lower().startswith(x) for x in _attestation_intros()):
                continue
            if label_of(t, "attestation_columns"):
                in_dates = in_dates or t.lower().rstrip(":") == "datum"
                continue
            found = find_day_dates(t)
            if found and (in_dates or not _name_part(t)[0]):
                dates.extend(f.value for f in found)
                in_dates = in_dates or bool(names)  # "Flen 2025-05-15" above the name: no date column yet
                continue
            if in_dates:
                break
            name, rest = _name_part(t)
            if name is None:
                if names:
                    break
                continue
            names.append(official(name, rest.split(",")[0].strip() or None))
        for person, d in zip(names, dates + [None] * len(names), strict=False):
            person["date"] = d
        out.extend(names)
    return out


def _attestation_intros() -> tuple[str, ...]:
    return labels()["attestation_intro"]


def _attestation_labels() -> tuple[str, ...]:
    return labels()["attestation"]


#: justerare labels whose value is when and where the protokoll is justerat, not who
_JUSTERING_TIME = frozenset({"justering", "justeringens plats och tid"})


def protocol_signatures(lines: list[Line]) -> list[Official]:
    """Justerare ("Justerare", "Utses att justera") and the names in an "Underskrifter"
    block of a protokoll, with the role label next to each name as its title."""
    out: list[Official] = []
    for i, ln in enumerate(lines):
        parts = split_label(ln.text, "justerare")
        if parts:
            out.extend(official(n, "justerare") for n in names_in(parts[1]))
            continue
        role = split_label(ln.text, "signature_roles")
        if role and re.match(r"^[^:]{3,30}:", ln.text):  # "Ordförande: Anna Berg (S)" – signs the protokoll
            out.extend(official(n, role[0]) for n in names_in(role[1]))
            continue
        if label_of(ln.text, "justerare"):
            if i and not blank_between(lines[i - 1], ln) and names_in(lines[i - 1].text):
                continue  # "Per Ek" / "Justerare": a title under a signature
            if label_of(ln.text, "justerare") in _JUSTERING_TIME:
                continue  # "Justeringens plats och tid": a place and a date follow, not names
            for nxt in lines[i + 1 : i + 7]:
                if is_page_marker(nxt.text) or is_section_heading(nxt.text) or label_of(nxt.text, "signature_block"):
                    break
                if len(nxt.text.split()) > 12 or nxt.text.endswith("."):
                    continue  # running text ("Förhinder anmäls till nämndsekreterare Johanna Ek, …")
                found = names_in(nxt.text)
                if found:
                    out.extend(official(n, "justerare") for n in found)
                    break
            continue
        if label_of(ln.text, "signature_block"):
            # a role label just above the block label ("Sekreterare" / "Underskrifter") belongs to it
            block = [lines[i - 1]] if i and label_of(lines[i - 1].text, "signature_roles") else []
            for nxt in lines[i + 1 : i + 25]:
                if is_page_marker(nxt.text) or nxt.text.isupper() and len(nxt.text) > 12:
                    break
                block.append(nxt)
            # titles below the names or above them: the first line holding only one of the two
            first = next((b for b in block if _names_or_role(b.text) in ("names", "role")), None)
            order = (1, -1) if first is not None and _names_or_role(first.text) == "names" else (-1, 1)
            for j, b in enumerate(block):
                role = split_label(b.text, "signature_roles")
                if role and names_in(role[1]):  # "Sekreterare ……… Paragrafer 21–25 Moa Lindén"
                    out.extend(official(n, role[0]) for n in names_in(role[1]))
                    continue
                name, rest = _name_part(b.text, allow_party=True)
                if name and label_of(rest, "signature_roles"):  # "Anna-Lena Forsgren, ordförande"
                    out.append(official(name, label_of(rest, "signature_roles")))
                    continue
                names = names_in(b.text)
                title = None
                for k in (j + order[0], j + order[1]):
                    if 0 <= k < len(block) and label_of(block[k].text, "signature_roles"):
                        title = label_of(block[k].text, "signature_roles")
                        break
                out.extend(official(n, title) for n in names)
    return out


def _names_or_role(text: str) -> str | None:
    """What a line of an "Underskrifter" block holds: "role" (a signing role alone, with a
    line to sign on), "names", "both" ("Sekreterare ……… Moa Lindén") or None."""
    role = split_label(text, "signature_roles")
    if role and names_in(role[1]):
        return "both"
    if label_of(text, "signature_roles"):
        return "role"
    return "names" if names_in(text) else None


def signing_case_officers(signed: list[Official]) -> list[Official]:
    """Signatories whose title says they are the handläggare ("Handläggare", "Ansvarig
    handläggare"), as case officers."""
    return [dict(o) for o in signed if o["title"] and "handläggare" in o["title"].lower()]


def signatories(lines: list[Line], kind: str | None) -> list[Official]:
    """Everyone who signed, attested or justerade, merged by name (first title and date kept)."""
    found = protocol_signatures(lines)
    if kind == "kallelse":  # the justerare a kallelse names are proposed; they have signed nothing
        found = [o for o in found if o["title"] != "justerare"]
    closing = closing_signatures(lines)
    if kind in _PROTOCOL_KINDS:  # in a protokoll only the meeting's own signing roles count
        closing = [o for o in closing if o["title"] and label_of(o["title"], "signature_roles")]
    found += closing
    found += attestations(lines)
    merged: list[Official] = []
    for person in found:
        same = next((m for m in merged if m["name"].casefold() == person["name"].casefold()), None)
        if same is None:
            merged.append(person)
            continue
        for key in ("title", "phone", "email", "date"):
            if same[key] is None and person[key] is not None:
                same[key] = person[key]
    return merged


# --- attachments -----------------------------------------------------------------------

_ITEM = re.compile(r"^(?:\d{1,2}\s*[.):]|bilaga\s*\d{1,2}\s*[.):,-]?|[-•–*▪])\s*(\S.*)$", re.IGNORECASE)


def attachments(lines: list[Line]) -> list[str]:
    """Titles listed under a "Bilagor" heading (numbered or bulleted, or one per line)."""
    out: list[str] = []
    for i, ln in enumerate(lines):
        parts = split_label(ln.text, "attachments")
        if parts and not re.match(r"^\d", parts[1]):
            if ln.text[len(parts[0]) : len(parts[0]) + 1] == ":":
                out.extend(p.strip() for p in re.split(r";", parts[1]) if p.strip())
            continue
        if not label_of(ln.text, "attachments"):
            continue
        prev = ln
        listed = False
        for nxt in lines[i + 1 : i + 20]:
            t = nxt.text
            m = _ITEM.match(t)
            if is_any_label(t) or is_section_heading(t) or is_name(t) or is_page_marker(t) or t.endswith(":"):
                break
            if m:
                item, listed = m.group(1).strip(), True
            elif not listed and not blank_between(prev, nxt) and len(t) < 200 and not t.endswith("."):
                item = t
            else:
                break
            if item and item not in out:
                out.append(item)
            prev = nxt
    return out
