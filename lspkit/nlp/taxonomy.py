"""Theme taxonomies: YAML configuration, validated with file and line in every error.

A taxonomy is a list of themes, each with a label, a one-paragraph description
and weighted terms (plus negative terms for false friends such as "landfill
capacity").  Users bring their own with `--themes PATH`; the default ships in
the package (`lspkit/configs/lsp-themes.yaml`) and is found through
importlib.resources so `pip install .` works.

Loading goes through `yaml.compose` with the SafeLoader: nothing is ever
constructed from a tag, so `!!python/object` is refused, and the node marks give
the line of every problem.  Aliases are refused outright (a taxonomy has no
use for them and they are how "billion laughs" files blow up memory).
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from ..infra.errors import ConfigError

MAX_BYTES = 5 * 1024 * 1024
DEFAULT_NAME = "lsp-themes.yaml"
_NAME = re.compile(r"^[a-z][a-z0-9_-]{0,39}$")
_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}
_COLOURS = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan", "bright_magenta")

TOP_KEYS = {"name", "label", "description", "version", "scoring", "acronyms", "themes"}
THEME_KEYS = {"label", "description", "colour", "color", "terms", "keywords", "negative", "headings"}
SCORING_KEYS = {"min_score", "scale", "heading_prior", "dominance", "repeat_bonus", "max_repeat"}


@dataclass(frozen=True)
class Term:
    text: str
    weight: float

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "weight": self.weight}


@dataclass(frozen=True)
class Theme:
    name: str
    label: str
    description: str
    terms: tuple[Term, ...]
    negative: tuple[Term, ...] = ()
    headings: tuple[str, ...] = ()
    colour: str = "cyan"

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "description": self.description,
            "colour": self.colour,
            "headings": list(self.headings),
            "terms": {t.text: t.weight for t in self.terms},
            "negative": {t.text: t.weight for t in self.negative},
        }


@dataclass(frozen=True)
class Scoring:
    """How raw evidence weights become a score in [0, 1]; defaults live here only.

    score = (1 - exp(-raw / scale)) * (1 - dominance + dominance * raw / best_raw)
    where raw is the sum of term weights (a repeated term adds `repeat_bonus`
    of its weight per repeat, up to `max_repeat` repeats) minus negative terms,
    plus `heading_prior` when the section heading names the theme and the
    paragraph itself has evidence for it.  `dominance` lowers a theme mentioned
    in passing in a paragraph that is mostly about another.
    """

    min_score: float = 0.5
    scale: float = 3.0
    heading_prior: float = 1.0
    dominance: float = 0.4
    repeat_bonus: float = 0.25
    max_repeat: int = 3

    def to_dict(self) -> dict[str, Any]:
        return {
            "min_score": self.min_score,
            "scale": self.scale,
            "heading_prior": self.heading_prior,
            "dominance": self.dominance,
            "repeat_bonus": self.repeat_bonus,
            "max_repeat": self.max_repeat,
        }


@dataclass(frozen=True)
class Taxonomy:
    name: str
    label: str
    description: str
    themes: tuple[Theme, ...]
    scoring: Scoring = field(default_factory=Scoring)
    acronyms: tuple[tuple[str, str], ...] = ()
    source: str = "default"
    fingerprint: str = ""

    def theme(self, name: str) -> Optional[Theme]:
        for t in self.themes:
            if t.name == name:
                return t
        return None

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(t.name for t in self.themes)

    def canonical(self) -> dict[str, Any]:
        """Everything that changes tagging results, and nothing else (no source path)."""
        return {
            "name": self.name,
            "label": self.label,
            "description": self.description,
            "scoring": self.scoring.to_dict(),
            "acronyms": dict(self.acronyms),
            "themes": [t.to_dict() for t in self.themes],
        }

    def to_dict(self) -> dict[str, Any]:
        return {**self.canonical(), "source": self.source, "fingerprint": self.fingerprint}


# ---------------------------------------------------------------- loading


def default_taxonomy_path(name: str = DEFAULT_NAME) -> Path:
    from importlib.resources import files

    return Path(str(files("lspkit") / "configs" / name))


_CACHE: dict[tuple[str, float, int], Taxonomy] = {}


def load_taxonomy(path: Optional[str] = None) -> Taxonomy:
    """Read and validate a taxonomy; `None` means the shipped default."""
    source = "default" if path is None else str(path)
    p = default_taxonomy_path() if path is None else Path(path)
    try:
        st = p.stat()
    except FileNotFoundError:
        raise ConfigError("no such taxonomy file", source) from None
    except OSError as exc:
        raise ConfigError(f"cannot read taxonomy: {exc.strerror or exc}", source) from None
    if p.is_dir():
        raise ConfigError("is a directory, not a taxonomy YAML file", source)
    if st.st_size > MAX_BYTES:
        raise ConfigError(f"taxonomy file is {st.st_size} bytes; refusing files over {MAX_BYTES // (1024 * 1024)} MB", source)
    key = (str(p.resolve()), st.st_mtime, st.st_size)
    if key in _CACHE:
        cached = _CACHE[key]
        return cached if cached.source == source else _replace_source(cached, source)
    try:
        text = p.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text (byte {exc.start})", source) from None
    except OSError as exc:
        raise ConfigError(f"cannot read taxonomy: {exc.strerror or exc}", source) from None
    taxonomy = parse_taxonomy(text, source)
    _CACHE[key] = taxonomy
    return taxonomy


def _replace_source(t: Taxonomy, source: str) -> Taxonomy:
    from dataclasses import replace

    return replace(t, source=source)


MAX_DEPTH = 64
_FLOW = re.compile(r"[\[\]{}\"'#\n]")


def _too_deep(text: str) -> int:
    """Line of the first flow collection nested deeper than MAX_DEPTH, else 0.

    PyYAML's scanner is quadratic in flow nesting (20,000 '[' take minutes), so
    this runs before it; quoted strings and comments are skipped.
    """
    depth, line, quote = 0, 1, ""
    for m in _FLOW.finditer(text):
        c = m.group()
        if c == "\n":
            line += 1
            if quote == "#":
                quote = ""
        elif quote:
            if c == quote:
                quote = ""
        elif c in "\"'#":
            before = text[m.start() - 1] if m.start() else "\n"
            if before in " \t\n" or (c != "#" and before in "[{,:"):  # "council's" opens nothing
                quote = c
        elif c in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        else:
            depth = max(0, depth - 1)
    return 0


def parse_taxonomy(text: str, source: str = "<string>") -> Taxonomy:
    """Validate YAML text into a Taxonomy; ConfigError names `source` and the line."""
    import yaml

    if len(text.encode("utf-8", "replace")) > MAX_BYTES:
        raise ConfigError(f"taxonomy is larger than {MAX_BYTES // (1024 * 1024)} MB", source)
    deep = _too_deep(text)
    if deep:
        raise ConfigError(f"line {deep}: nested more than {MAX_DEPTH} levels deep; a taxonomy is a few levels of plain data", source)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ConfigError(f"line {event.start_mark.line + 1}: YAML aliases (*{event.anchor}) are not allowed in a taxonomy", source)
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"line {mark.line + 1}: " if mark else ""
        raise ConfigError(f"{where}invalid YAML: {exc.problem or exc.context}", source) from None
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", source) from None
    except RecursionError:  # block nesting deep enough to exhaust PyYAML's recursive composer
        raise ConfigError(f"nested more than {MAX_DEPTH} levels deep; a taxonomy is a few levels of plain data", source) from None
    if root is None:
        raise ConfigError("empty taxonomy: expected a mapping with 'themes'", source)
    v = _Validator(source)
    taxonomy = v.taxonomy(root)
    fp = hashlib.sha256(json.dumps(taxonomy.canonical(), sort_keys=True, ensure_ascii=False).encode()).hexdigest()
    return Taxonomy(
        name=taxonomy.name,
        label=taxonomy.label,
        description=taxonomy.description,
        themes=taxonomy.themes,
        scoring=taxonomy.scoring,
        acronyms=taxonomy.acronyms,
        source=source,
        fingerprint=fp,
    )


class _Validator:
    """Walks the composed node tree; every error carries the node's line."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, node, problem: str):
        raise ConfigError(f"line {node.start_mark.line + 1}: {problem}", self.source)

    def check_tag(self, node) -> None:
        if node.tag not in _SAFE_TAGS:
            self.fail(node, f"tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed (taxonomies are plain data)")

    def mapping(self, node, what: str, allowed: Optional[set[str]] = None) -> list[tuple[str, Any, Any]]:
        import yaml

        self.check_tag(node)
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, f"{what} must be a mapping, not {_kind(node)}")
        seen: set[str] = set()
        items = []
        for k, val in node.value:
            self.check_tag(k)
            if not isinstance(k, yaml.ScalarNode):
                self.fail(k, f"{what}: keys must be plain strings")
            key = str(k.value)
            if key in seen:
                self.fail(k, f"{what}: duplicate key '{key}'")
            seen.add(key)
            if allowed is not None and key not in allowed:
                self.fail(k, f"{what}: unknown key '{key}' (allowed: {', '.join(sorted(allowed))})")
            items.append((key, k, val))
        return items

    def string(self, node, what: str, *, empty_ok: bool = False) -> str:
        import yaml

        self.check_tag(node)
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            self.fail(node, f"{what} must be a string, not {_kind(node)}")
        value = " ".join(str(node.value).split())
        if not value and not empty_ok:
            self.fail(node, f"{what} must not be empty")
        return value

    def number(self, node, what: str, lo: float, hi: float) -> float:
        import yaml

        self.check_tag(node)
        if not isinstance(node, yaml.ScalarNode) or node.tag not in ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float"):
            self.fail(node, f"{what} must be a number, not {_kind(node)}")
        try:
            value = float(node.value)
        except ValueError:
            self.fail(node, f"{what} must be a number")
        if not (lo <= value <= hi):
            self.fail(node, f"{what} must be between {lo:g} and {hi:g}, not {value:g}")
        return value

    def taxonomy(self, root) -> Taxonomy:
        items = self.mapping(root, "taxonomy", TOP_KEYS)
        keys = {k: (kn, v) for k, kn, v in items}
        if "themes" not in keys:
            self.fail(root, "taxonomy has no 'themes'")
        name = self.string(keys["name"][1], "name") if "name" in keys else Path(self.source).stem
        label = self.string(keys["label"][1], "label") if "label" in keys else name
        description = self.string(keys["description"][1], "description", empty_ok=True) if "description" in keys else ""
        if "version" in keys:
            self.number(keys["version"][1], "version", 0, 1e9)
        scoring = self.scoring(keys["scoring"][1]) if "scoring" in keys else Scoring()
        acronyms = self.acronyms(keys["acronyms"][1]) if "acronyms" in keys else ()
        themes_node = keys["themes"][1]
        theme_items = self.theme_items(themes_node)
        if not theme_items:
            self.fail(themes_node, "taxonomy has no themes")
        themes = []
        seen: set[str] = set()
        for i, (tname, knode, tnode) in enumerate(theme_items):
            if not _NAME.match(tname):
                self.fail(knode, f"theme name '{tname}' must be lower case letters, digits, '-' or '_' (at most 40)")
            if tname in seen:
                self.fail(knode, f"duplicate theme '{tname}'")
            seen.add(tname)
            themes.append(self.theme(tname, tnode, _COLOURS[i % len(_COLOURS)], knode))
        return Taxonomy(name=name, label=label, description=description, themes=tuple(themes), scoring=scoring, acronyms=acronyms)

    def theme_items(self, node) -> list[tuple[str, Any, Any]]:
        """Themes as a mapping {name: {...}} or a list of {name: ..., ...} (`id` is accepted for name)."""
        import yaml

        self.check_tag(node)
        if isinstance(node, yaml.SequenceNode):
            out = []
            for item in node.value:
                entries = self.mapping(item, "theme", THEME_KEYS | {"name", "id"})
                named = [(k, kn, v) for k, kn, v in entries if k in ("name", "id")]
                if len(named) != 1:
                    self.fail(item, "each theme in a list needs exactly one of 'name' or 'id'")
                _k, _kn, vnode = named[0]
                out.append((self.string(vnode, "theme name"), vnode, item))
            return out
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return []
        return self.mapping(node, "themes")

    def scoring(self, node) -> Scoring:
        limits = {
            "min_score": (0.0, 1.0),
            "scale": (0.01, 1000.0),
            "heading_prior": (0.0, 100.0),
            "dominance": (0.0, 1.0),
            "repeat_bonus": (0.0, 1.0),
            "max_repeat": (1, 100),
        }
        values = {}
        for key, _k, val in self.mapping(node, "scoring", SCORING_KEYS):
            lo, hi = limits[key]
            values[key] = self.number(val, f"scoring: {key}", lo, hi)
        if "max_repeat" in values:
            values["max_repeat"] = int(values["max_repeat"])
        return Scoring(**values)

    def acronyms(self, node) -> tuple[tuple[str, str], ...]:
        out = []
        for short, knode, val in self.mapping(node, "acronyms"):
            if not short.strip() or len(short) > 12:
                self.fail(knode, f"acronyms: '{short}' is not an acronym")
            out.append((short, self.string(val, f"acronyms: {short}")))
        return tuple(out)

    def theme(self, name: str, node, colour: str, key_node=None) -> Theme:
        import yaml

        what = f"theme '{name}'"
        if isinstance(node, yaml.ScalarNode) and node.value in ("", None) and node.tag == "tag:yaml.org,2002:null":
            self.fail(key_node or node, f"{what} is empty (it needs at least 'terms')")
        items = self.mapping(node, what, THEME_KEYS | ({"name", "id"} if isinstance(node, yaml.MappingNode) and _has_name(node) else set()))
        keys = {k: (kn, v) for k, kn, v in items}
        if "keywords" in keys and "terms" in keys:
            self.fail(keys["keywords"][0], f"{what}: 'keywords' and 'terms' are the same thing; give one")
        if "keywords" in keys:
            keys["terms"] = keys.pop("keywords")
        if "terms" not in keys:
            self.fail(key_node if key_node is not None and key_node is not node else node, f"{what} has no 'terms'")
        label = self.string(keys["label"][1], f"{what}: label") if "label" in keys else name.replace("_", " ").capitalize()
        description = self.string(keys["description"][1], f"{what}: description", empty_ok=True) if "description" in keys else ""
        for ck in ("colour", "color"):
            if ck in keys:
                colour = self.string(keys[ck][1], f"{what}: {ck}")
        terms = self.terms(keys["terms"][1], f"{what}", positive=True)
        if not terms:
            self.fail(keys["terms"][1], f"{what} has no terms")
        negative = self.terms(keys["negative"][1], f"{what}: negative", positive=False) if "negative" in keys else ()
        seen = {_norm(t.text): t.text for t in terms}
        for t in negative:
            if _norm(t.text) in seen:
                self.fail(keys["negative"][1], f"{what}: '{t.text}' is both a term and a negative term")
        if "headings" in keys:
            hnode = keys["headings"][1]
            if not isinstance(hnode, yaml.SequenceNode):
                self.fail(hnode, f"{what}: headings must be a list of strings, not {_kind(hnode)}")
            headings = tuple(self.string(h, f"{what}: heading") for h in hnode.value)
        else:
            headings = (name.replace("_", " "), label)
        return Theme(name=name, label=label, description=description, terms=terms, negative=negative, headings=headings, colour=colour)

    def terms(self, node, what: str, positive: bool) -> tuple[Term, ...]:
        """Terms as a mapping {phrase: weight} or a list of phrases (weight 1)."""
        import yaml

        self.check_tag(node)
        pairs: list[tuple[Any, str, float]] = []
        if isinstance(node, yaml.SequenceNode):
            for item in node.value:
                pairs.append((item, self.string(item, f"{what}: term"), 1.0))
        elif isinstance(node, yaml.MappingNode):
            for text, knode, val in self.mapping(node, f"{what}: terms"):
                if not text.strip():
                    self.fail(knode, f"{what}: empty term")
                pairs.append((knode, " ".join(text.split()), self.number(val, f"{what}: weight of '{text}'", 0.01, 100.0)))
        elif isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null":
            return ()
        else:
            self.fail(node, f"{what}: terms must be a mapping of phrase: weight or a list of phrases, not {_kind(node)}")
        seen: dict[tuple[str, ...], str] = {}
        out = []
        for n, text, weight in pairs:
            if len(text) > 200:
                self.fail(n, f"{what}: term is longer than 200 characters")
            key = _norm(text)
            if not key:
                self.fail(n, f"{what}: term '{text}' has no words")
            if key in seen:
                same = "" if seen[key].lower() == text.lower() else f" (same as '{seen[key]}' once plurals and inflections are normalised)"
                self.fail(n, f"{what}: duplicate term '{text}'{same}")
            seen[key] = text
            out.append(Term(text, weight))
        return tuple(out)


def _has_name(node) -> bool:
    return any(getattr(k, "value", None) in ("name", "id") for k, _v in node.value)


def _norm(text: str) -> tuple[str, ...]:
    from .matching import stem_phrase

    return stem_phrase(text)


def _kind(node) -> str:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {"str": "a string", "int": "a number", "float": "a number", "bool": "true/false", "null": "empty"}.get(tag, tag)
