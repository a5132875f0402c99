"""Overlap tests against many character spans."""

from __future__ import annotations


class SpanSet:
    """Character spans, asked whether a span overlaps one of them (``a < e and s < b``, the
    plain comparison) without going through all of them: a mask of the characters they cover."""

    def __init__(self, spans: list[tuple[int, int]] | None = None) -> None:
        self.spans: list[tuple[int, int]] = []
        self.other: list[tuple[int, int]] = []  # empty spans: they cover no character but may overlap
        self.mask = bytearray()
        for a, b in spans or []:
            self.add(a, b)

    def add(self, a: int, b: int) -> None:
        """Add the span (a, b)."""
        self.spans.append((a, b))
        if 0 <= a < b:
            if b >= len(self.mask):
                self.mask.extend(bytes(b + 1 - len(self.mask)))
            self.mask[a:b] = b"\x01" * (b - a)
        else:
            self.other.append((a, b))

    def overlaps(self, s: int, e: int) -> bool:
        """Whether (s, e) overlaps one of the spans."""
        if s >= e:  # an empty span covers no character: the comparison itself
            return any(a < e and s < b for a, b in self.spans)
        in_mask = e > 0 and self.mask.find(1, max(s, 0), e) >= 0
        return in_mask or any(a < e and s < b for a, b in self.other)
