import random

from nlpkommun.spans import SpanSet


def test_overlaps_agrees_with_the_plain_comparison():
    rnd = random.Random(7)
    for _ in range(2000):
        spans = [(rnd.randint(-2, 20), rnd.randint(-2, 20)) for _ in range(rnd.randint(0, 6))]
        found = SpanSet(spans[:2])
        for a, b in spans[2:]:
            found.add(a, b)
        for _ in range(10):
            s, e = rnd.randint(-3, 22), rnd.randint(-3, 22)
            assert found.overlaps(s, e) == any(a < e and s < b for a, b in spans), (spans, s, e)


def test_touching_spans_do_not_overlap():
    spans = SpanSet([(3, 5), (5, 8)])
    assert not spans.overlaps(8, 10)
    assert not spans.overlaps(0, 3)
    assert spans.overlaps(4, 6)
    assert not spans.overlaps(5, 5)  # an empty span at a border
    assert spans.overlaps(6, 6)  # an empty span inside (5, 8)
