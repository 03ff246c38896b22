"""Pieces every renderer shares."""
from __future__ import annotations

import json
from typing import Any

try:  # the C string escaper json itself uses (for ensure_ascii=False)
    from _json import encode_basestring as _quote
except ImportError:  # pragma: no cover - an interpreter without the accelerator
    from json.encoder import py_encode_basestring as _quote


def to_json(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)` plus a newline, byte for byte, about twice as fast.

    The standard library's indenting encoder is pure Python (a generator per
    container); this writes into one list.  A value it does not know (not
    dict, list, tuple, str, int, float, bool, None) goes to json.dumps, so
    errors are json's own.
    """
    out: list[str] = []
    try:
        _write(data, "\n", out)
    except _Unknown:
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out.append("\n")
    return "".join(out)


def to_jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


class _Unknown(Exception):
    pass


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o == float("inf"):
        return "Infinity"
    if o == -float("inf"):
        return "-Infinity"
    return float.__repr__(o)


def _scalar(o: Any) -> str:
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    raise _Unknown


def _key(k: Any) -> str:
    if isinstance(k, str):
        return _quote(k)
    if isinstance(k, float):
        return '"' + _float(k) + '"'
    if k is True or k is False or k is None or isinstance(k, int):
        return '"' + _scalar(k) + '"'
    raise _Unknown


def _write(o: Any, newline: str, out: list) -> None:
    """`o` at the indentation `newline` ("\\n" and the current indent) into `out`."""
    t = type(o)
    if t is str:
        out.append(_quote(o))
    elif t is dict or t is list or t is tuple or isinstance(o, (dict, list, tuple)):
        if not o:
            out.append("{}" if isinstance(o, dict) else "[]")
            return
        inner = newline + "  "
        append = out.append
        if isinstance(o, dict):
            sep = "{" + inner
            for k, v in o.items():
                append(sep)
                append(_quote(k) if type(k) is str else _key(k))
                append(": ")
                tv = type(v)
                if tv is str:
                    append(_quote(v))
                elif tv is int:
                    append(int.__repr__(v))
                else:
                    _write(v, inner, out)
                sep = "," + inner
            append(newline + "}")
        else:
            sep = "[" + inner
            for v in o:
                append(sep)
                tv = type(v)
                if tv is str:
                    append(_quote(v))
                elif tv is int:
                    append(int.__repr__(v))
                else:
                    _write(v, inner, out)
                sep = "," + inner
            append(newline + "]")
    elif isinstance(o, str):
        out.append(_quote(o))
    else:
        out.append(_scalar(o))


def decision_text(rec: Any) -> str:
    """A decision's words as shown after its label: none when they only restate the verb, which the label already
    shows ("Question put and agreed to." under the verb "Question put and agreed to"), so it is read once."""
    said = " ".join((rec.text or "").split()).rstrip(" .").casefold()
    verb = " ".join((rec.verb or "").split()).rstrip(" .").casefold()
    return "" if verb and said == verb else rec.text


REPORT_HEADING = "The report's recommendations (not decisions asked of the meeting)"


def recommendations_heading(recs: Any) -> str:
    """The heading over a summary's decisions: a meeting's record states the decisions it took, which are not asks
    ("Decisions"); a paper that asks for decisions gives "Recommendations"; both kinds, both words.  A paper that
    asks no decision but prints its own recommendations (origin "report") says so, so that an officer does not
    read them as decisions the meeting is asked to take."""
    kinds = {"report" if getattr(r, "origin", None) == "report" else getattr(r, "kind", "recommendation") for r in recs}
    if kinds == {"decision"}:
        return "Decisions"
    if kinds == {"report"}:
        return REPORT_HEADING
    if "report" in kinds:
        return ("Decisions, and the report's recommendations (not decisions asked of the meeting)"
                if "decision" in kinds else "Recommendations, and the report's own (not decisions asked of the meeting)")
    return "Recommendations and decisions" if "decision" in kinds else "Recommendations"
