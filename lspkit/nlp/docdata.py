"""A Doc's extension values, read and written where spaCy keeps them.

`doc._.name` builds an Underscore object on every access, which costs more
than the lookup itself; the components touch several values per paragraph,
so they go to the same storage directly: spaCy keeps a Doc extension that
has a default (no getter, no setter) in `doc.user_data` under
("._.", name, None, None).  `doc._.theme_hits` and friends still read what
these helpers wrote (tests/test_tag_speed.py checks that against spaCy).
"""
from __future__ import annotations

from typing import Any


def get(doc, name: str, default: Any = None) -> Any:
    return doc.user_data.get(("._.", name, None, None), default)


def put(doc, name: str, value: Any) -> None:
    doc.user_data[("._.", name, None, None)] = value


def key(name: str) -> tuple:
    """The user_data key `get` and `put` use for `name` (for a caller that writes many docs)."""
    return ("._.", name, None, None)
