"""A font the tests control, so text measures the same on every machine.

Tests that check row heights, wrapping or ink would otherwise measure whatever fonts
the machine has. A machine with no Chinese font draws every Han character as the
Latin font's "missing glyph" box, 0.6 em wide in DejaVu Sans (7 px where a Chinese
font gives 12): a snippet that wraps to three lines with a Chinese font fits on one,
and a test about wrapping fails (or passes) for the wrong reason.

This font is made with fontTools when the test session starts (about 70 ms with
Qt's loading, nothing downloaded). Every character it covers is a filled box: East Asian wide and
fullwidth characters one em wide, the rest half an em; spaces are blank, format
characters take no room. The line is 1.25 em (ascent 1 em, descent 0.25 em), so at
the 12 px the tests use a Chinese character is 12 px wide and a line 15 px high:
whole pixels, nothing left to hinting or rounding.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

FAMILY = "Reader Test Boxes"
PIXEL_SIZE = 12
UNITS_PER_EM = 1000
ASCENT, DESCENT = 1000, 250

# (first, last) code points covered, both included.
RANGES = (
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x00FF),  # Latin-1
    (0x2000, 0x206F),  # general punctuation: dashes, quotes, the ellipsis of a snippet
    (0x3000, 0x303F),  # CJK symbols and punctuation: 、。「」
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xFF00, 0xFFEF),  # fullwidth and halfwidth forms: ，！（）
)

WIDE, NARROW = UNITS_PER_EM, UNITS_PER_EM // 2
# Glyph name -> (advance, ink box (x0, y0, x1, y1) or None for a blank glyph).
GLYPHS = {
    ".notdef": (NARROW, None),
    "wide": (WIDE, (100, 0, 900, 800)),
    "narrow": (NARROW, (50, 0, 450, 800)),
    "wide.space": (WIDE, None),
    "narrow.space": (NARROW, None),
    "zero": (0, None),
}


def glyph_for(char: str) -> str:
    """Which glyph draws this character."""
    wide = unicodedata.east_asian_width(char) in ("W", "F")
    category = unicodedata.category(char)
    if category in ("Cc", "Cf", "Zl", "Zp"):
        return "zero"
    if category == "Zs":
        return "wide.space" if wide else "narrow.space"
    return "wide" if wide else "narrow"


def character_map() -> dict[int, str]:
    return {code: glyph_for(chr(code)) for first, last in RANGES for code in range(first, last + 1)}


def build(path: Path) -> Path:
    """Write the font, a TrueType file, to `path`."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.ttGlyphPen import TTGlyphPen

    builder = FontBuilder(UNITS_PER_EM, isTTF=True)
    builder.setupGlyphOrder(list(GLYPHS))
    builder.setupCharacterMap(character_map())
    outlines = {}
    for name, (_advance, box) in GLYPHS.items():
        pen = TTGlyphPen(None)
        if box is not None:
            x0, y0, x1, y1 = box
            pen.moveTo((x0, y0))
            pen.lineTo((x0, y1))
            pen.lineTo((x1, y1))
            pen.lineTo((x1, y0))
            pen.closePath()
        outlines[name] = pen.glyph()
    builder.setupGlyf(outlines)
    builder.setupHorizontalMetrics(
        {name: (advance, box[0] if box else 0) for name, (advance, box) in GLYPHS.items()}
    )
    builder.setupHorizontalHeader(ascent=ASCENT, descent=-DESCENT, lineGap=0)
    builder.setupNameTable({"familyName": FAMILY, "styleName": "Regular"})
    builder.setupOS2(
        sTypoAscender=ASCENT,
        sTypoDescender=-DESCENT,
        sTypoLineGap=0,
        usWinAscent=ASCENT,
        usWinDescent=DESCENT,
        fsSelection=0x40 | 0x80,  # regular; use the typo metrics above
        achVendID="TEST",
        version=4,  # the version that defines the use-typo-metrics bit
    )
    builder.setupPost()
    builder.save(str(path))
    return path


def install(folder: Path):
    """Build the font into `folder`, register it with Qt and make it the application font.

    Needs the QApplication. Returns the font set. Raises if Qt cannot load it or does
    not draw Chinese with it: a test measuring text must not quietly measure another font.
    """
    from PySide6.QtGui import QFont, QFontDatabase
    from PySide6.QtWidgets import QApplication

    font_id = QFontDatabase.addApplicationFont(str(build(folder / "reader-test-boxes.ttf")))
    if font_id < 0 or FAMILY not in QFontDatabase.applicationFontFamilies(font_id):
        raise RuntimeError(f"Qt did not load the test font from {folder}")
    font = QFont(FAMILY)
    font.setPixelSize(PIXEL_SIZE)
    QApplication.setFont(font)
    check(QApplication.font())
    return QApplication.font()


def check(font) -> None:
    """Raise unless Qt lays text out in `font` with this font's own glyphs and advances."""
    from PySide6.QtGui import QFontInfo, QFontMetricsF, QTextLayout

    if QFontInfo(font).family() != FAMILY:
        raise RuntimeError(f"the application font is {QFontInfo(font).family()!r}, not {FAMILY!r}")
    metrics = QFontMetricsF(font)
    wide, narrow = PIXEL_SIZE * WIDE / UNITS_PER_EM, PIXEL_SIZE * NARROW / UNITS_PER_EM
    expected = {"模": wide, "模型": 2 * wide, "，。「」": 4 * wide, "ab": 2 * narrow, "…": narrow}
    measured = {text: metrics.horizontalAdvance(text) for text in expected}
    if measured != expected:
        raise RuntimeError(f"the test font measures {measured}, expected {expected}")
    # Ten characters in the width of four and a half: three lines, each drawn with this
    # font's boxes, not another font's glyphs nor the missing-glyph box.
    layout = QTextLayout("模型，我们讨论视觉语", font)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(4.5 * wide)
    layout.endLayout()
    if layout.lineCount() != 3:
        raise RuntimeError(f"ten Chinese characters wrap to {layout.lineCount()} lines at 4.5 em, expected 3")
    for run in layout.glyphRuns():
        if run.rawFont().familyName() != FAMILY or 0 in run.glyphIndexes():
            raise RuntimeError(f"Chinese is drawn with {run.rawFont().familyName()!r} glyphs {run.glyphIndexes()}")
