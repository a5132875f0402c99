"""A fast reader of PDF content streams, object for object the same as pdfminer's.

Reads: the decoded bytes of a page's content streams. Writes: the operands and operators
in order, as :class:`pdfminer.pdfinterp.PDFContentParser` yields them (numbers, strings,
literals, arrays, dictionaries, keywords, inline images as ``PDFStream`` + ``EI``).

pdfminer tokenises content streams with a character-level state machine that costs about
40 % of its page time; :func:`content_objects` does the same job with one compiled regular
expression and mirrors pdfminer's rules, quirks included (a stray ``>`` is dropped, an
unknown escape ``\\q`` drops both characters, an unterminated string at the end is lost),
so that the text a page yields does not depend on which reader ran. Streams of one page
are joined with a newline, which is how pdfminer ends a token at a stream boundary.
:class:`FastContentInterpreter` is a pdfminer page interpreter that runs on it; its
operator dispatch is cached per class, and a ``check`` callback (the reading deadline)
runs every 512 objects.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pdfminer import settings
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import LITERALS_ASCII85_DECODE, PDFStream, resolve1, stream_value
from pdfminer.psparser import KWD, LIT, PSKeyword, PSLiteral, PSSyntaxError, PSTypeError, literal_name

__all__ = ["FastContentInterpreter", "content_objects"]

# one alternative per token kind; whitespace is skipped by the search itself
_TOKEN = re.compile(
    rb"""
      (?P<kw>[A-Za-z][^#/%\[\]()<>{}\s]*)                # keyword, true, false
    | (?P<num>[-+0-9][0-9]*(?:\.[0-9]*)?|\.[0-9]*)       # integer or real
    | /(?P<lit>[^#/%\[\]()<>{}\s]*(?:\#[^/%\[\]()<>{}\s]*)*)  # name, with #xx escapes
    | (?P<str>\()                                         # literal string: handled below
    | <<|>>|>                                             # dictionary brackets; a lone > is dropped
    | <(?P<hex>[\s0-9A-Fa-f]*)                            # hex string (the closing > is a token of its own)
    | %[^\r\n]*                                           # comment
    | (?P<nul>\x00)
    | (?P<other>\S)                                       # one-character keyword: [ ] { } ' " ) ...
    """,
    re.VERBOSE,
)
_SPACE = re.compile(rb"\s")
_NAME_HEX = re.compile(rb"#([0-9A-Fa-f]{0,2})")
_OPEN_ESCAPE = re.compile(rb"#[0-9A-Fa-f]{0,2}\Z")
_STRING_STOP = re.compile(rb"[()\\]")
_OCTAL = re.compile(rb"[0-7]{1,3}")
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.", re.DOTALL)
_ESCAPES = {ord(k): v for k, v in {"b": 8, "t": 9, "n": 10, "f": 12, "r": 13, "(": 40, ")": 41, "\\": 92}.items()}

_ARRAY_BEGIN, _ARRAY_END = KWD(b"["), KWD(b"]")
_DICT_BEGIN, _DICT_END = KWD(b"<<"), KWD(b">>")
_PROC_BEGIN, _PROC_END = KWD(b"{"), KWD(b"}")
_BI, _ID, _EI = KWD(b"BI"), KWD(b"ID"), KWD(b"EI")
_TRUE, _FALSE = b"true", b"false"
_ASCII_SPACE = frozenset(b" \t\n\r\x0b\x0c")  # bytes.isspace


def _name(raw: bytes) -> str | bytes:
    if b"#" in raw:
        raw = _NAME_HEX.sub(lambda m: bytes((int(m.group(1), 16),)) if m.group(1) else b"", raw)
    try:
        return str(raw, "utf-8")
    except UnicodeDecodeError:
        return raw


def _string(data: bytes, i: int) -> tuple[bytes | None, int]:
    """The literal string whose first byte (after "(") is at ``i``; None when unterminated."""
    out = bytearray()
    depth = 1
    n = len(data)
    while True:
        m = _STRING_STOP.search(data, i)
        if m is None:
            return None, n
        j = m.start()
        out += data[i:j]
        c = data[j]
        if c == 0x5C:  # backslash
            i = j + 1
            if i >= n:
                return None, n
            o = _OCTAL.match(data, i)
            if o is not None:
                code = int(o.group(), 8)
                if code >= 256:
                    raise AssertionError(f"Invalid octal {o.group()!r} ({code})")  # as pdfminer
                out.append(code)
                i = o.end()
                continue
            e = data[i]
            if e in _ESCAPES:
                out.append(_ESCAPES[e])
            elif e == 0x0D and data[i + 1 : i + 2] == b"\n":
                i += 1
            i += 1  # any other escaped byte is dropped with its backslash (as pdfminer)
        elif c == 0x28:  # (
            depth += 1
            out.append(c)
            i = j + 1
        else:  # )
            depth -= 1
            i = j + 1
            if depth == 0:
                return bytes(out), i
            out.append(c)


def _hexstring(raw: bytes) -> bytes:
    raw = _SPACE.sub(b"", raw)
    if len(raw) % 2 == 0:
        return bytes.fromhex(raw.decode("ascii"))
    return _HEX_PAIR.sub(lambda m: bytes((int(m.group(0), 16),)), raw)


def _inline_data(data: bytes, pos: int, target: bytes) -> tuple[bytes, int] | None:
    """pdfminer's ``get_inline_data``: bytes from ``pos`` up to ``target`` + one space
    (None when the data ends first: pdfminer stops reading the page there)."""
    n = len(data)
    i = 0
    j = pos
    while i <= len(target):
        if j >= n:
            return None
        if i:
            c = data[j]
            j += 1
            if (len(target) <= i and c in _ASCII_SPACE) or (i < len(target) and c == target[i]):
                i += 1
            else:
                i = 0
        else:
            k = data.find(target[:1], j)
            if k < 0:
                return None
            j = k + 1
            i = 1
    chunk = data[pos:j]
    chunk = chunk[: -(len(target) + 1)]
    chunk = re.sub(rb"(\x0d\x0a|[\x0d\x0a])$", b"", chunk)
    return chunk, j


def content_objects(data: bytes) -> Iterator[Any]:
    """Yield the top-level objects of a content stream, as pdfminer's content parser does."""
    stack: list[Any] = []  # objects of the open array / dict / proc / inline image
    context: list[tuple[str | None, list[Any]]] = []
    curtype: str | None = None
    pos = 0
    n = len(data)
    search = _TOKEN.search
    while True:
        m = search(data, pos)
        if m is None:
            break
        pos = m.end()
        kind = m.lastgroup
        token: Any
        if kind == "kw":
            word = m.group("kw")
            if word == _TRUE:
                token = True
            elif word == _FALSE:
                token = False
            else:
                token = KWD(word)
        elif kind == "num":
            text = m.group("num")
            try:
                token = float(text) if b"." in text else int(text)
            except ValueError:
                continue
        elif kind == "lit":
            raw = m.group("lit")
            if pos == n and _OPEN_ESCAPE.search(raw):  # pdfminer loses a name whose #xx is cut by the end
                break
            token = LIT(_name(raw))
        elif kind == "str":
            value, pos = _string(data, pos)
            if value is None:
                break
            token = value
        elif kind == "hex":
            if pos >= n:  # unterminated at the end: pdfminer drops it
                break
            token = _hexstring(m.group("hex"))
        elif kind == "nul":
            continue
        else:
            text = m.group()
            if text == b"<<":
                token = _DICT_BEGIN
            elif text == b">>":
                token = _DICT_END
            elif text == b">":
                continue
            elif text[:1] == b"%":
                continue
            else:
                token = KWD(text)

        # ---- pdfminer's PSStackParser.nextobject + PDFContentParser.do_keyword
        if not isinstance(token, PSKeyword):
            stack.append(token)
        elif token is _ARRAY_BEGIN or token is _DICT_BEGIN or token is _PROC_BEGIN:
            context.append((curtype, stack))
            curtype, stack = ("a" if token is _ARRAY_BEGIN else "d" if token is _DICT_BEGIN else "p"), []
        elif token is _ARRAY_END or token is _DICT_END or token is _PROC_END:
            want = "a" if token is _ARRAY_END else "d" if token is _DICT_END else "p"
            if curtype != want:
                if settings.STRICT:
                    raise PSTypeError(f"Type mismatch: {curtype!r} != {want!r}")
                continue
            objs = stack
            curtype, stack = context.pop()
            if want == "d":
                if len(objs) % 2:
                    raise PSSyntaxError(f"Invalid dictionary construct: {objs!r}")  # as pdfminer
                stack.append({literal_name(k): v for k, v in zip(objs[::2], objs[1::2], strict=True) if v is not None})
            else:
                stack.append(objs)
        elif token is _BI:
            context.append((curtype, stack))
            curtype, stack = "inline", []
        elif token is _ID:
            if curtype != "inline":
                if settings.STRICT:
                    raise PSTypeError(f"Type mismatch: {curtype!r} != 'inline'")
                continue
            objs = stack
            curtype, stack = context.pop()
            if len(objs) % 2:
                if settings.STRICT:
                    raise PSTypeError(f"Invalid dictionary construct: {objs!r}")
                continue
            d = {literal_name(k): resolve1(v) for k, v in zip(objs[::2], objs[1::2], strict=True)}
            eos = b"EI"
            filt = d.get("F")
            if filt is not None:
                if isinstance(filt, PSLiteral):
                    filt = [filt]
                if filt[0] in LITERALS_ASCII85_DECODE:
                    eos = b"~>"
            inline = _inline_data(data, m.start() + 3, eos)
            if inline is None:
                return
            raw, pos = inline
            if eos != b"EI":
                raw += eos
            # pdfminer re-seeks its parser to read the data, which resets it: objects
            # still open around the inline image are dropped
            context, curtype, stack = [], None, [PDFStream(d, raw)]
            if eos == b"EI":
                stack.append(_EI)
        else:
            stack.append(token)
        if not context:
            yield from stack
            stack = []


class FastContentInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter on :func:`content_objects`; :meth:`check` runs every 512
    objects (it does nothing here: subclasses raise from it to stop a page)."""

    _ops: dict[PSKeyword, tuple[Any, int] | None] = {}

    def check(self) -> None:
        """Called every 512 objects of a content stream."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls._ops = {}

    def _op(self, keyword: PSKeyword) -> tuple[Any, int] | None:
        ops = type(self)._ops
        try:
            return ops[keyword]
        except KeyError:
            pass
        name = str(keyword.name, "utf-8", "ignore")
        method = "do_" + name.replace("*", "_a").replace('"', "_w").replace("'", "_q")
        func = getattr(type(self), method, None)
        entry = None if func is None else (func, func.__code__.co_argcount - 1)
        ops[keyword] = entry
        return entry

    def execute(self, streams: Any) -> None:
        valid: list[PDFStream] = []
        # pdfminer.six >= 20251227 tracks the streams being executed to stop circular Form
        # XObjects; older versions have neither set
        own: set[int] = getattr(self, "stream_ids", set())
        parents: set[int] = getattr(self, "parent_stream_ids", set())
        own.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None or stream.objid in parents:
                continue  # an inline stream, or a circular reference (pdfminer skips both)
            valid.append(stream)
            own.add(stream.objid)
        self.stream_ids = own
        if not valid:
            return
        data = b"\n".join(s.get_data() for s in valid)
        check = self.check
        count = 0
        for obj in content_objects(data):
            count += 1
            if not count & 511:
                check()
            if isinstance(obj, PSKeyword):
                op = self._op(obj)
                if op is None:
                    if settings.STRICT:
                        raise ValueError(f"Unknown operator: {obj.name!r}")
                    continue
                func, nargs = op
                if nargs:
                    argstack = self.argstack
                    args = argstack[-nargs:]
                    self.argstack = argstack[:-nargs]
                    if len(args) == nargs:
                        func(self, *args)
                else:
                    func(self)
            else:
                self.argstack.append(obj)
