"""Page selections as users type them: `1-3,7`."""
from __future__ import annotations


def parse_page_spec(spec: str) -> tuple[int, ...]:
    """`"1-3,7"` -> (1, 2, 3, 7); raises ValueError with a message a user can act on."""
    pages: list[int] = []
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        lo, sep, hi = part.partition("-")
        try:
            start = int(lo)
            end = int(hi) if sep else start
        except ValueError:
            raise ValueError(f"{part!r} is not a page or a range like 2-5") from None
        if start < 1 or end < start:
            raise ValueError(f"{part!r} is not a valid range (pages count from 1)")
        if end - start > 1_000_000:
            raise ValueError(f"{part!r} is too large a range")
        pages.extend(range(start, end + 1))
    if not pages:
        raise ValueError("no pages given")
    return tuple(sorted(set(pages)))
