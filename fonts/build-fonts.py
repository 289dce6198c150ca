#!/usr/bin/python3
"""Build one of jianbao's subset fonts from a Noto Sans CJK collection.

    build-fonts.py NotoSansCJK-Regular.ttc Regular fonts/jianbao-sans-regular.otf

Takes the Simplified Chinese face of the collection (found by its name table, not by
trusting the index), keeps GB 2312 plus the punctuation and symbols Chinese news uses,
desubroutinises the CFF (cairo embeds subroutines whole, so a subroutinised font makes
every PDF carry most of them) and renames the family to "Jianbao Sans SC", a name
fontconfig cannot confuse with the host's Noto, so fonts/fonts.conf can rank it first.

The output is written to a temporary file beside the target and renamed over it, so an
interrupted make never leaves half a font behind. Prints one line: size and glyph count.
"""

import os
import signal
import sys
import tempfile

from fontTools import subset
from fontTools.ttLib import TTCollection

FAMILY = "Jianbao Sans SC"
PS_FAMILY = "JianbaoSansSC"
SOURCE_FAMILY = "Noto Sans CJK SC"
EXPECTED_INDEX = 2  # SC in fonts-noto-cjk's collections; verified below all the same
STYLES = ("Regular", "Bold")

# Name IDs we rewrite; every other record (copyright, licence, vendor...) is kept.
RENAMED_IDS = (1, 2, 3, 4, 6, 16, 17)


def gb2312_chars():
    """Every character GB 2312 encodes: decode each valid two-byte code (rows 0xA1-0xF7,
    cells 0xA1-0xFE) and keep what the codec accepts."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                s = bytes((hi, lo)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            chars.update(ord(c) for c in s)
    return chars


def wanted_unicodes():
    u = gb2312_chars()
    n_gb = len(u)
    u.update(range(0x20, 0x7F))      # ASCII (digits and letters included)
    u.update(range(0xA0, 0xC0))      # Latin-1 punctuation and symbols
    u.update(range(0xC0, 0x100))     # Latin-1 letters (and × ÷): fontconfig needs
                                     # them to count the font as covering "en"
    u.update(range(0x2000, 0x2070))  # General Punctuation
    u.update(range(0x3000, 0x3040))  # CJK Symbols and Punctuation
    u.update(range(0xFF00, 0xFFF0))  # Halfwidth and Fullwidth Forms
    u.update(ord(c) for c in "×÷±≥≤≈→←↑↓℃‰·•")
    u.update(range(0x2460, 0x246A))  # ① .. ⑩
    return u, n_gb


def name_of(font, name_id):
    rec = font["name"].getName(name_id, 3, 1, 0x409)
    return rec.toUnicode() if rec else None


def find_sc_face(path, style):
    """Font number of the "Noto Sans CJK SC" face whose subfamily is `style`."""
    coll = TTCollection(path, lazy=True)
    order = [EXPECTED_INDEX] + [i for i in range(len(coll.fonts)) if i != EXPECTED_INDEX]
    for i in order:
        if i >= len(coll.fonts):
            continue
        f = coll.fonts[i]
        family = name_of(f, 16) or name_of(f, 1)
        sub = name_of(f, 17) or name_of(f, 2)
        if family == SOURCE_FAMILY and sub == style:
            if i != EXPECTED_INDEX:
                print(f"build-fonts: note: {SOURCE_FAMILY} {style} is font {i}, "
                      f"not {EXPECTED_INDEX}", file=sys.stderr)
            return i
    sys.exit(f"build-fonts: {path}: no '{SOURCE_FAMILY}' face with style '{style}'")


def rename(font, style):
    ps_name = f"{PS_FAMILY}-{style}"
    full = f"{FAMILY} {style}"
    name = font["name"]
    # Drop every localised or legacy family/style record so no old name survives.
    name.names = [r for r in name.names if r.nameID not in RENAMED_IDS]
    version = name_of(font, 5) or "Version 1.0"
    values = {
        1: FAMILY,
        2: style,
        3: f"{version.replace('Version ', '').split(';')[0]};jianbao;{ps_name}",
        4: full,
        6: ps_name,
        16: FAMILY,
        17: style,
    }
    for nid, text in values.items():
        name.setName(text, nid, 3, 1, 0x409)
    # The CFF table is shared by all faces of the collection and still says "...jp-...".
    # cairo and PDF viewers show the CFF names, so rename those as well.
    cff = font["CFF "].cff
    old_ps = cff.fontNames[0]
    top = cff[old_ps]
    cff.fontNames[0] = ps_name
    top.FullName = full
    top.FamilyName = FAMILY
    if hasattr(top, "FDArray"):
        for fd in top.FDArray:
            fn = getattr(fd, "FontName", None)
            if fn and fn.startswith(old_ps):
                fd.FontName = ps_name + fn[len(old_ps):]
    # OS/2 weight is kept as the source has it (400 / 700); make style bits agree.
    os2, head = font["OS/2"], font["head"]
    if style == "Bold":
        os2.fsSelection = (os2.fsSelection & ~(1 << 6)) | (1 << 5)
        head.macStyle |= 1
    else:
        os2.fsSelection = (os2.fsSelection & ~(1 << 5)) | (1 << 6)
        head.macStyle &= ~1


def main(argv):
    # make sends SIGINT on ^C (KeyboardInterrupt); turn SIGTERM into an exception as well, so
    # the temporary file below is removed either way.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))
    if len(argv) != 4 or argv[2] not in STYLES:
        sys.exit("usage: build-fonts.py NotoSansCJK-<Style>.ttc Regular|Bold OUT.otf")
    src, style, out = argv[1], argv[2], argv[3]
    if not os.path.exists(src):
        sys.exit(f"build-fonts: {src}: not found (install fonts-noto-cjk)")

    index = find_sc_face(src, style)
    unicodes, n_gb = wanted_unicodes()

    opts = subset.Options()
    opts.font_number = index
    opts.desubroutinize = True
    opts.layout_features = ["*"]
    opts.notdef_outline = True
    opts.notdef_glyph = True
    opts.hinting = False
    opts.name_IDs = ["*"]        # keep licence and copyright records; we rewrite 1-6,16,17
    opts.name_languages = ["*"]
    opts.name_legacy = False
    opts.drop_tables += ["VORG"]  # vertical origins: jianbao never sets vertical text
    opts.recalc_timestamp = False  # the same input gives byte-identical output

    font = subset.load_font(src, opts, dontLoadGlyphNames=True)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes)
    sub.subset(font)
    rename(font, style)

    cmap = font.getBestCmap()
    missing_gb = n_gb - sum(1 for c in gb2312_chars() if c in cmap)
    if missing_gb:
        sys.exit(f"build-fonts: {src}: {missing_gb} GB 2312 characters have no glyph")

    out_dir = os.path.dirname(os.path.abspath(out))
    fd, tmp = tempfile.mkstemp(prefix=".build-fonts-", suffix=".otf", dir=out_dir)
    try:
        with os.fdopen(fd, "wb") as fh:
            font.save(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise

    glyphs = len(font.getGlyphOrder())
    size = os.path.getsize(out)
    print(f"{out}: {size} bytes ({size / 1024 / 1024:.2f} MiB), {glyphs} glyphs, "
          f"{len(cmap)} characters, from {SOURCE_FAMILY} {style} (font {index} of "
          f"{os.path.basename(src)})")


if __name__ == "__main__":
    main(sys.argv)
