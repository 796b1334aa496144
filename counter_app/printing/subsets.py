"""The CJK font's subsets, embedded in a document faster than ReportLab makes them.

Most of a subset is the same in every document: the tables copied whole (`name`, `OS/2`,
`cvt `, `fpgm`, `prep`; `post` cut to its header) and, in the first subset, the glyphs of
printable ASCII, which ReportLab always puts there. ReportLab builds and compresses all of it
again for each PDF. Here those glyphs take the first glyph numbers, the unchanging part is laid
out in one piece after the table directory, built and deflated once per process, and each
document deflates only the rest: deflate data that restarts at a full flush can be joined as
it is.

The PDF objects around the subset (font, descriptor, ToUnicode map, widths) stay ReportLab's:
its `TTFont.addObjects` writes them, with this module standing in for the font's face.
"""

from __future__ import annotations

import copy
import functools
import itertools
import struct
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib.rl_accel import calcChecksum, fp_str
from reportlab.pdfbase import pdfdoc
from reportlab.pdfbase.ttfonts import (
    GF_ARG_1_AND_2_ARE_WORDS,
    GF_MORE_COMPONENTS,
    GF_WE_HAVE_A_SCALE,
    GF_WE_HAVE_A_TWO_BY_TWO,
    GF_WE_HAVE_AN_X_AND_Y_SCALE,
    TTFont,
    TTFontFace,
)

FIXED_CODES = range(32, 128)  # printable ASCII: ReportLab's first subset always holds it
COPIED = ("OS/2", "cvt ", "fpgm", "name", "prep")  # tables taken whole from the font
MADE = ("glyf", "cmap", "head", "hhea", "hmtx", "loca", "maxp")  # tables made for each subset
ZLIB_HEADER = b"\x78\x9c"  # deflate, 32 KB window, default level: what zlib.compress writes
_MASK = 0xFFFFFFFF


def embed_subsets(doc: pdfdoc.PDFDocument) -> None:
    """Have `doc` embed its TrueType fonts through this module when it is saved."""
    doc.delayedFonts[:] = [
        _embedding(font) if isinstance(font, TTFont) else font for font in doc.delayedFonts
    ]


@functools.cache
def _embedding(font: TTFont) -> TTFont:
    # A shallow copy shares the font's per-document state (which characters each subset has).
    embedding = copy.copy(font)
    embedding.face = _Face(font.face)
    return embedding


class _Face:
    """The font's face as `TTFont.addObjects` uses it, with the subsets made here."""

    def __init__(self, face: TTFontFace) -> None:
        self._face = face
        self._subsetter = Subsetter(face)

    def __getattr__(self, name: str) -> object:
        return getattr(self._face, name)

    def getCharWidth(self, code: int) -> bytes:
        # Already as the PDF writes it: the widths array formats each number otherwise.
        return _number(self._face.getCharWidth(code))

    def makeSubset(self, subset: Sequence[int]) -> bytes:
        return self._subsetter.font_file(subset)

    def addSubsetObjects(
        self, doc: pdfdoc.PDFDocument, fontname: str, subset: Sequence[int]
    ) -> pdfdoc.PDFObjectReference:
        descriptor = TTFontFace.addSubsetObjects(self, doc, fontname, subset)
        if doc.compression:
            stream = doc.idToObject[f"fontFile:{self._face.filename}({fontname})"]
            stream.content = self._subsetter.deflate(stream.content)
            # A stream with its Filter set is written as it is, not compressed again.
            stream.dictionary["Filter"] = pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")])
        return descriptor


@functools.cache
def _number(value: float) -> bytes:
    return fp_str(value).encode("ascii")


@dataclass(frozen=True)
class _Glyph:
    """A glyph's outline as the font has it, padded to 4 bytes as ReportLab pads it, and where
    it names other glyphs (composites)."""

    data: bytes
    references: tuple[tuple[int, int], ...]  # (offset of a component's number, that number)


@dataclass(frozen=True)
class _Part:
    """The unchanging start of the data after the table directory, deflated once."""

    data: bytes
    deflated: bytes


class Subsetter:
    """TrueType subsets of one face: ReportLab's tables and glyph outlines, laid out so that
    what every document shares comes first."""

    def __init__(self, face: TTFontFace) -> None:
        self._face = face
        self._glyf = face.get_table("glyf")
        self._glyphs: dict[int, _Glyph] = {}
        post = face.get_table("post")
        # Version 3: no glyph names, which the subset would otherwise have to renumber.
        self._fixed = {tag: face.get_table(tag) for tag in COPIED if tag in face.table}
        self._fixed["post"] = b"\x00\x03\x00\x00" + post[4:16] + b"\x00" * 16
        self._fixed_checksums = {tag: calcChecksum(data) for tag, data in self._fixed.items()}
        self._directory_length = 12 + 16 * (len(self._fixed) + len(MADE))
        self._fixed_codes = frozenset(FIXED_CODES)
        self._fixed_glyphs = self._numbered(self._start(list(FIXED_CODES)))
        fixed_index = {glyph: number for number, glyph in enumerate(self._fixed_glyphs)}
        fixed_glyphs = self._glyph_data(self._fixed_glyphs, fixed_index)
        self._fixed_offsets = self._offsets([0], self._fixed_glyphs)
        self._fixed_glyphs_checksum = calcChecksum(fixed_glyphs)
        self._tables_part = self._part(b"")
        self._glyphs_part = self._part(fixed_glyphs)

    def font_file(self, subset: Sequence[int]) -> bytes:
        """The subset font for the character codes `subset` (code i is the subset's i-th)."""
        fixed = self._fixed_codes.issubset(subset)
        first = self._fixed_glyphs if fixed else []
        glyphs = self._numbered(self._start(subset), first)
        index = {glyph: number for number, glyph in enumerate(glyphs)}
        part = self._glyphs_part if fixed else self._tables_part
        added = glyphs[len(first) :]
        offsets = self._offsets(self._fixed_offsets if fixed else [0], added)
        long_loca = (offsets[-1] + 1) >> 1 > 0xFFFF  # as ReportLab decides
        loca = (
            struct.pack(f">{len(offsets)}L", *offsets)
            if long_loca
            else struct.pack(f">{len(offsets)}H", *(offset >> 1 for offset in offsets))
        )
        char_to_glyph = self._face.charToGlyph
        cmap_entries = [index[char_to_glyph.get(code, 0)] for code in subset]
        # Format 6 on platform 1, encoding 0: the PDF's codes are the subset's positions.
        cmap = struct.pack(
            f">{11 + len(subset)}H",
            *(0, 1, 1, 0, 0, 12, 6, 10 + 2 * len(subset), 0, 0, len(subset)),
            *cmap_entries,
        )
        hmtx, metric_count = self._metrics(glyphs)
        head = bytearray(self._face.get_table("head"))
        head[8:12] = bytes(4)  # the checksum adjustment, set once the file is whole
        struct.pack_into(">H", head, 50, int(long_loca))
        tail = {
            "glyf": self._glyph_data(added, index),  # after the part's glyphs
            "cmap": cmap,
            "head": head,
            "hhea": _with_ushort(self._face.get_table("hhea"), 34, metric_count),
            "hmtx": hmtx,
            "loca": loca,
            "maxp": _with_ushort(self._face.get_table("maxp"), 4, len(glyphs)),
        }
        return self._assemble(part, tail)

    def _assemble(self, part: _Part, tail: dict[str, bytes | bytearray]) -> bytes:
        """The font file: directory (tags in order), `part` (the copied tables, then the start
        of glyf), then the rest of glyf and the other tables; head's checksum adjustment set.
        Every piece starts on 4 bytes, so a table's checksum, and the file's, is the sum of its
        pieces'."""
        lengths = {tag: len(data) for tag, data in self._fixed.items()}
        checksums = dict(self._fixed_checksums)
        offsets = {}
        offset = self._directory_length
        for tag, length in lengths.items():
            offsets[tag] = offset
            offset += _padded_length(length)
        glyphs_in_part = len(part.data) - len(self._tables_part.data)
        offset += glyphs_in_part
        for tag, data in tail.items():
            offsets[tag] = offset
            lengths[tag] = len(data)
            checksums[tag] = calcChecksum(bytes(data))
            offset += _padded_length(len(data))
        if glyphs_in_part:  # glyf starts in the part
            offsets["glyf"] -= glyphs_in_part
            lengths["glyf"] += glyphs_in_part
            checksums["glyf"] = (checksums["glyf"] + self._fixed_glyphs_checksum) & _MASK
        tags = sorted(lengths)
        entry_selector = len(tags).bit_length() - 1
        search_range = 16 << entry_selector
        directory = struct.pack(
            ">lHHHH",
            0x00010000,
            len(tags),
            search_range,
            entry_selector,
            16 * len(tags) - search_range,
        ) + b"".join(
            tag.encode("latin-1") + struct.pack(">LLL", checksums[tag], offsets[tag], lengths[tag])
            for tag in tags
        )
        total = (calcChecksum(directory) + sum(checksums.values())) & _MASK
        struct.pack_into(">L", tail["head"], 8, (0xB1B0AFBA - total) & _MASK)
        return b"".join((directory, part.data, *(_padded(bytes(data)) for data in tail.values())))

    def deflate(self, font_file: bytes) -> bytes:
        """zlib data of `font_file`, reusing the unchanging part's deflated form when it is
        there: the directory, that part and the rest deflated apart, each ending on a byte."""
        start = self._directory_length
        part = next(
            p for p in (self._glyphs_part, self._tables_part) if font_file.startswith(p.data, start)
        )
        rest = font_file[start + len(part.data) :]
        directory = zlib.compressobj(wbits=-15)
        end = zlib.compressobj(wbits=-15)
        return b"".join(
            (
                ZLIB_HEADER,
                directory.compress(font_file[:start]),
                directory.flush(zlib.Z_FULL_FLUSH),
                part.deflated,
                end.compress(rest),
                end.flush(),
                struct.pack(">L", zlib.adler32(font_file)),
            )
        )

    def _part(self, glyphs: bytes) -> _Part:
        data = b"".join(_padded(table) for table in self._fixed.values()) + glyphs
        deflater = zlib.compressobj(wbits=-15)
        return _Part(data, deflater.compress(data) + deflater.flush(zlib.Z_FULL_FLUSH))

    def _start(self, codes: Sequence[int]) -> list[int]:
        """The glyph numbers the codes show, each once, after the missing-character glyph."""
        char_to_glyph = self._face.charToGlyph
        return list(dict.fromkeys([0, *(char_to_glyph.get(code, 0) for code in codes)]))

    def _numbered(self, wanted: list[int], first: Sequence[int] = ()) -> list[int]:
        """`first` (which holds its components already), then the rest of `wanted`, then the
        components composites draw on."""
        glyphs = list(dict.fromkeys([*first, *wanted]))
        known = set(glyphs)
        for glyph in _growing(glyphs, len(first)):
            for _, component in self._glyph(glyph).references:
                if component not in known:
                    known.add(component)
                    glyphs.append(component)
        return glyphs

    def _glyph(self, number: int) -> _Glyph:
        glyph = self._glyphs.get(number)
        if glyph is None:
            start, end = self._face.glyphPos[number], self._face.glyphPos[number + 1]
            data = self._glyf[start:end]
            glyph = self._glyphs[number] = _Glyph(_padded(data), tuple(_references(data)))
        return glyph

    def _glyph_data(self, glyphs: Sequence[int], index: dict[int, int]) -> bytes:
        """Outlines of `glyphs`, components renumbered by `index` (old number → new)."""
        pieces = []
        for number in glyphs:
            glyph = self._glyphs[number]
            if glyph.references:
                renumbered = bytearray(glyph.data)
                for offset, component in glyph.references:
                    struct.pack_into(">H", renumbered, offset, index[component])
                pieces.append(renumbered)
            else:
                pieces.append(glyph.data)
        return b"".join(pieces)

    def _offsets(self, start: list[int], glyphs: Sequence[int]) -> list[int]:
        """Where each glyph starts in glyf (and where the last ends), after those of `start`."""
        lengths = (len(self._glyphs[number].data) for number in glyphs)
        return start[:-1] + list(itertools.accumulate(lengths, initial=start[-1]))

    def _metrics(self, glyphs: Sequence[int]) -> tuple[bytes, int]:
        """hmtx, and how many of its entries are full: a last run of one advance keeps it once."""
        metrics = [self._face.hmetrics[number] for number in glyphs]
        full = len(metrics)
        while full > 1 and metrics[full - 1][0] == metrics[full - 2][0]:
            full -= 1
        values = [int(v) for aw_lsb in metrics[:full] for v in aw_lsb]
        values += [int(lsb) for _, lsb in metrics[full:]]
        return struct.pack(f">{len(values)}H", *values), full


def _growing(items: list[int], position: int) -> Iterator[int]:
    """Each item of `items` from `position` on, including those appended while iterating."""
    while position < len(items):
        yield items[position]
        position += 1


def _references(data: bytes) -> Iterator[tuple[int, int]]:
    """Where a composite glyph names its components (a simple one names none)."""
    if len(data) < 10 or struct.unpack_from(">h", data)[0] >= 0:
        return
    position = 10
    flags = GF_MORE_COMPONENTS
    while flags & GF_MORE_COMPONENTS:
        flags, component = struct.unpack_from(">HH", data, position)
        yield position + 2, component
        position += 4 + (4 if flags & GF_ARG_1_AND_2_ARE_WORDS else 2)
        if flags & GF_WE_HAVE_A_SCALE:
            position += 2
        elif flags & GF_WE_HAVE_AN_X_AND_Y_SCALE:
            position += 4
        elif flags & GF_WE_HAVE_A_TWO_BY_TWO:
            position += 8


def _with_ushort(table: bytes, offset: int, value: int) -> bytes:
    return table[:offset] + struct.pack(">H", value) + table[offset + 2 :]


def _padded(data: bytes) -> bytes:
    return data + bytes(-len(data) % 4)


def _padded_length(length: int) -> int:
    return length + (-length % 4)
