"""Text for glyph codes that a font gives no Unicode for, recovered from the font's glyph names.

A simple font (Type 1, TrueType, Type 3) without a ToUnicode map names each of its codes' glyphs, in its
/Encoding's /Differences or in the encoding built into its embedded program.  Where the names are the Adobe
Glyph List's ("A", "comma", "uni00E9") every engine reads them; some producers name glyphs by number instead
(PageMaker through Distiller 4: code 1 is "/G78", code 2 "/G65", ..., the number being the character's code in
Windows' Latin-1), and then pdfium and pdfminer give the bare codes.  Poppler reads such names as numbers
(GfxFont.cc: names of the form "Axx", "xx", "Ann", "ABnn" or "nn"), and so does this module, the same way:
the two hex digits where some name of the font shows a hex letter, decimal digits otherwise.

A font's numeric names are taken only when every one of them gives a printable character and some give
letters: made-up names ("/g12", "/g13", ... numbering the glyphs, not naming characters) give control
characters and are refused, so a PDF whose text is really unrecoverable still says so.

Library code: no printing; a font that cannot be read gives no map.
"""
from __future__ import annotations

import re
from typing import Optional

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_SIMPLE = {"Type1", "MMType1", "TrueType", "Type3"}
_DUP = re.compile(rb"dup\s+(\d{1,3})\s*/([^\s/\[\]()<>{}%]+)\s+put")


def font_key(name: str) -> str:
    """A font's name as both engines can match it: pdfium reports base font names without the subset tag."""
    return _SUBSET.sub("", name)


def page_maps(resources, depth: int = 0) -> dict[str, dict[int, str]]:
    """{font name (font_key): {code: character}} for the simple fonts without a ToUnicode map in a page's (or a
    form's) resources, pdfminer's objects; a name two fonts share keeps only the codes they agree on."""
    from pdfminer.pdftypes import resolve1

    out: dict[str, dict[int, str]] = {}
    resources = resolve1(resources)
    if not isinstance(resources, dict):
        return out
    fonts = resolve1(resources.get("Font"))
    if isinstance(fonts, dict):
        for spec in fonts.values():
            try:
                spec = resolve1(spec)
                if not isinstance(spec, dict):
                    continue
                found = _font_map(spec)
            except Exception:  # noqa: BLE001 - a font pdfminer cannot read gives no map, never an error
                continue
            if found is None:
                continue
            key, table = found
            old = out.get(key)
            if old is not None:  # two fonts of one name: the codes they do not disagree on
                table = {c: ch for c, ch in {**old, **table}.items() if old.get(c, ch) == ch and table.get(c, ch) == ch}
            out[key] = table
    xobjects = resolve1(resources.get("XObject"))
    if depth < 4 and isinstance(xobjects, dict):
        for xobj in xobjects.values():
            xobj = resolve1(xobj)
            attrs = getattr(xobj, "attrs", None)
            if not isinstance(attrs, dict) or _name(attrs.get("Subtype")) != "Form" or "Resources" not in attrs:
                continue
            for key, table in page_maps(attrs["Resources"], depth + 1).items():
                out.setdefault(key, table)
    return out


def document_page_maps(data: bytes, page_no: int, password: Optional[str] = None) -> dict[str, dict[int, str]]:
    """page_maps of page `page_no` (1-based) of the PDF in `data`, read with pdfminer ({} when it cannot be)."""
    return DocumentGlyphs(data, password)(page_no)


class DocumentGlyphs:
    """page_maps by page number for one PDF, pdfminer's parse of it made on the first call and kept for the next
    (a reader asks page by page, and only for pages whose text holds glyph codes)."""

    def __init__(self, data: bytes, password: Optional[str] = None):
        self.data, self.password = data, password or ""
        self.pages: Optional[list] = None  # pdfminer's pages read so far
        self.rest = None  # and the iterator over the others

    def __call__(self, page_no: int) -> dict[str, dict[int, str]]:
        try:
            page = self._page(page_no)
        except Exception:  # noqa: BLE001 - pdfminer's parse errors: no recovery, the page reads as it did
            return {}
        return page_maps(page.resources) if page is not None else {}

    def type3(self, page_no: int) -> list[tuple[Optional[float], dict[str, float]]]:
        """type3_fonts of page `page_no` ([] when pdfminer cannot read it)."""
        try:
            page = self._page(page_no)
        except Exception:  # noqa: BLE001 - pdfminer's parse errors: the fonts' weights stay unknown
            return []
        return type3_fonts(page.resources) if page is not None else []

    def _page(self, page_no: int):
        import io
        import itertools

        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfpage import PDFPage
        from pdfminer.pdfparser import PDFParser

        if self.pages is None:
            doc = PDFDocument(PDFParser(io.BytesIO(self.data)), password=self.password)
            self.pages, self.rest = [], iter(PDFPage.create_pages(doc))
        if page_no > len(self.pages):
            self.pages.extend(itertools.islice(self.rest, page_no - len(self.pages)))
        return self.pages[page_no - 1] if page_no <= len(self.pages) else None


def _name(value) -> str:
    """A PDF name (pdfminer's PSLiteral) or string as text."""
    name = getattr(value, "name", value)
    if isinstance(name, bytes):
        name = name.decode("latin-1")
    return name if isinstance(name, str) else ""


def _font_map(spec: dict) -> Optional[tuple[str, dict[int, str]]]:
    from pdfminer.pdftypes import resolve1

    if _name(spec.get("Subtype")) not in _SIMPLE or spec.get("ToUnicode") is not None:
        return None
    names: dict[int, str] = {}
    encoding = resolve1(spec.get("Encoding"))
    descriptor = resolve1(spec.get("FontDescriptor"))
    if not isinstance(encoding, dict) or encoding.get("BaseEncoding") is None:
        if isinstance(descriptor, dict):
            names.update(_builtin_names(descriptor))  # no base encoding named: the font's own is the base
    if isinstance(encoding, dict):
        code = 0
        for item in resolve1(encoding.get("Differences")) or ():
            item = resolve1(item)
            if isinstance(item, int):
                code = item
            else:
                name = _name(item)
                if name and 0 <= code <= 255:
                    names[code] = name
                code += 1
    table = _decode(names)
    if not table:
        return None
    base = _name(spec.get("BaseFont")) or (_name(descriptor.get("FontName")) if isinstance(descriptor, dict) else "")
    return font_key(base), table


def _builtin_names(descriptor: dict) -> dict[int, str]:
    """The code -> glyph name encoding in an embedded Type 1 program's cleartext header ("dup 65 /A put")."""
    from pdfminer.pdftypes import resolve1

    program = resolve1(descriptor.get("FontFile"))
    if program is None or not hasattr(program, "get_data"):
        return {}
    data = program.get_data()
    length = resolve1(program.attrs.get("Length1")) if hasattr(program, "attrs") else None
    if isinstance(length, int) and 0 < length < len(data):
        data = data[:length]
    return {int(code): name.decode("latin-1") for code, name in _DUP.findall(data) if int(code) <= 255}


def _decode(names: dict[int, str]) -> dict[int, str]:
    """{code: character} for the glyph names that give one: the Adobe Glyph List's names, then numeric names
    (refused for the whole font unless all give printable characters and some give letters)."""
    from pdfminer.encodingdb import name2unicode

    table: dict[int, str] = {}
    numeric: dict[int, int] = {}
    hexa = any(_hex_name(n) for n in names.values())
    for code, name in names.items():
        if name == ".notdef":
            continue
        try:
            text = name2unicode(name)
        except Exception:  # noqa: BLE001 - pdfminer's KeyError for a name outside the glyph list
            text = ""
        if len(text) == 1 and text.isprintable():
            table[code] = text
            continue
        value = _numeric(name, hexa)
        if value is not None:
            numeric[code] = value
    if numeric:
        chars = {code: _cp1252(v) for code, v in numeric.items()}
        if all(ch.isprintable() for ch in chars.values()) and any(ch.isalpha() for ch in chars.values()):
            table.update(chars)
    return table


def _cp1252(value: int) -> str:
    """A numeric name's character: its number read as Windows' Latin-1 ("G147" is a left double quote, as the
    Windows producers that name glyphs this way print it); a code Windows leaves undefined stays a control."""
    try:
        return bytes([value]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(value)


def _hex_name(name: str) -> bool:
    """A name that shows its number is hex ("Ga3", "cF"): poppler's test."""
    if len(name) == 3 and name[0].isalpha() and _xdigit(name[1]) and _xdigit(name[2]):
        return name[1] in "abcdefABCDEF" or name[2] in "abcdefABCDEF"
    if len(name) == 2 and _xdigit(name[0]) and _xdigit(name[1]):
        return name[0] in "abcdefABCDEF" or name[1] in "abcdefABCDEF"
    return False


def _xdigit(ch: str) -> bool:
    return ch in "0123456789abcdefABCDEF"


def _leading(digits: str) -> int:
    m = re.match(r"\d+", digits)
    return int(m.group()) if m else -1


def _numeric(name: str, hexa: bool) -> Optional[int]:
    """The character code a numeric glyph name gives, as poppler reads it, or None."""
    n = len(name)
    value = -1
    if hexa and n == 3 and name[0].isalpha() and _xdigit(name[1]) and _xdigit(name[2]):
        value = int(name[1:], 16)
    elif hexa and n == 2 and _xdigit(name[0]) and _xdigit(name[1]):
        value = int(name, 16)
    elif not hexa and 2 <= n <= 4 and name[0].isdigit() and name[1].isdigit():
        value = _leading(name)
    elif 3 <= n <= 5 and name[1].isdigit() and name[2].isdigit():
        value = _leading(name[1:])
    elif 4 <= n <= 6 and name[2].isdigit() and name[3].isdigit():
        value = _leading(name[2:])
    return value if 0 <= value <= 0xFF else None


def type3_fonts(resources, depth: int = 0) -> list[tuple[Optional[float], dict[str, float]]]:
    """The Type 3 fonts of a page's (or a form's) resources, pdfminer's objects: each its weight (the font
    descriptor's /FontWeight, None when it gives none) and its advance widths by character, in thousandths of
    its em ({"e": 390.0, ...}: how an engine that knows a font only by its glyphs' widths tells which it is).

    pdfium reads no font descriptor of a Type 3 font, so it gives every one weight 0; a browser prints a
    variable web font (EB Garamond at weight 700) as Type 3 fonts, and its bold is known only from here."""
    import logging

    from pdfminer.pdfinterp import PDFResourceManager
    from pdfminer.pdftypes import resolve1

    out: list[tuple[Optional[float], dict[str, float]]] = []
    resources = resolve1(resources)
    if not isinstance(resources, dict):
        return out
    fonts = resolve1(resources.get("Font"))
    quiet = logging.getLogger("pdfminer")
    level = quiet.level
    quiet.setLevel(logging.ERROR)  # "Could not get FontBBox from font descriptor": a library prints nothing
    try:
        manager = PDFResourceManager(caching=False)
        for spec in (fonts.values() if isinstance(fonts, dict) else ()):
            try:
                spec = resolve1(spec)
                if not isinstance(spec, dict) or _name(spec.get("Subtype")) != "Type3":
                    continue
                font = manager.get_font(None, spec)
                weight = resolve1((font.descriptor or {}).get("FontWeight"))
                widths: dict[str, float] = {}
                scale = float(font.matrix[0]) * 1000 if getattr(font, "matrix", None) else 1.0
                for code, w in font.widths.items():
                    if not isinstance(w, (int, float)) or w <= 0:
                        continue
                    try:
                        ch = font.to_unichr(code)  # its ToUnicode map, or the glyph name its encoding gives
                    except Exception:  # noqa: BLE001 - pdfminer's PDFUnicodeNotDefined: a code with no character
                        continue
                    if isinstance(ch, str) and len(ch) == 1:
                        widths[ch] = float(w) * scale
                out.append((float(weight) if isinstance(weight, (int, float)) else None, widths))
            except Exception:  # noqa: BLE001 - a font pdfminer cannot read: its weight stays unknown
                continue
        xobjects = resolve1(resources.get("XObject"))
        if depth < 4 and isinstance(xobjects, dict):
            for xobj in xobjects.values():
                xobj = resolve1(xobj)
                attrs = getattr(xobj, "attrs", None)
                if isinstance(attrs, dict) and _name(attrs.get("Subtype")) == "Form" and "Resources" in attrs:
                    out.extend(type3_fonts(attrs["Resources"], depth + 1))
    finally:
        quiet.setLevel(level)
    return out
