"""Every export as an OpenDocument spreadsheet (.ods): the workbook the exporter built, in
memory, rewritten as ODF — values with their types, the cells' fonts, alignment, wrapping,
borders, fills and number formats (dd/mm/yyyy, 1.234.567), column widths and row heights,
merged ranges, hidden sheets (the manifest that recognises a round trip), the print set-up
(A4 landscape, one page wide, the header rows repeated on each page) and the header and
footer that carry a classified export's level on every printed page (page 1's header left
empty where the sheet's own banner row is the top mark, as in the .xlsx).

Built by hand with the standard library: no ODF package is needed, and nothing is written
to disk but the finished file (the caller writes these bytes where the .xlsx would go).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Iterator
from xml.sax.saxutils import escape, quoteattr

from desktop.domain.dates import format_date

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/" '
       'office:version="1.3"')
_CM_PER_CHAR = 0.2          # an Excel width unit (one "0" of the default font), in cm
_SPACES = re.compile(r"  +")
_HEADER_CODE = re.compile(r"&([PN&])|&\"[^\"]*\"|&K[0-9A-Fa-f]{6}|&\d+|&[BIUSXY]")


def xlsx_to_ods(xlsx: bytes) -> bytes:
    """The .ods form of an .xlsx this program wrote (any openpyxl-readable one works)."""
    import openpyxl
    book = openpyxl.load_workbook(io.BytesIO(xlsx), rich_text=False)
    styles = _Styles()
    tables = book.worksheets
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), MIMETYPE, compress_type=zipfile.ZIP_STORED)
        zf.writestr("META-INF/manifest.xml", _MANIFEST)
        zf.writestr("meta.xml", _meta(book.properties))
        with zf.open("content.xml", "w", force_zip64=True) as content:
            for piece in _content(tables, styles):
                content.write(piece.encode("utf-8"))
        zf.writestr("styles.xml", styles.styles_xml())   # page styles made with the tables
    return out.getvalue()


# --- styles ------------------------------------------------------------------------------

class _Styles:
    """Automatic styles, each distinct one made once: cells (ce), columns (co), rows (ro),
    tables (ta, with their page style), number formats (N) and page styles (pm)."""

    def __init__(self) -> None:
        self.cells: dict[tuple, str] = {}
        self.columns: dict[float, str] = {}
        self.rows: dict[float, str] = {}
        self.tables: dict[tuple, str] = {}
        self.numbers: dict[str, tuple[str, str]] = {}   # format → (name, xml)
        self.pages: list[str] = []                      # master pages (styles.xml)
        self.layouts: list[str] = []
        self.spans: dict[str, str] = {}                 # header/footer text styles

    def cell(self, c) -> "str | None":
        key = _cell_key(c)
        if key is None:
            return None
        name = self.cells.get(key)
        if name is None:
            name = self.cells[key] = f"ce{len(self.cells) + 1}"
        return name

    def column(self, width: float) -> str:
        return self.columns.setdefault(round(width, 2), f"co{len(self.columns) + 1}")

    def row(self, height: float) -> str:
        return self.rows.setdefault(round(height, 2), f"ro{len(self.rows) + 1}")

    def number(self, fmt: str) -> "str | None":
        found = self.numbers.get(fmt)
        if found is None:
            xml_of = _number_style(fmt, f"N{len(self.numbers) + 1}")
            if xml_of is None:
                return None
            found = self.numbers[fmt] = (f"N{len(self.numbers) + 1}", xml_of)
        return found[0]

    def table(self, ws, hidden: bool) -> str:
        master = self.master_page(ws)
        key = (hidden, master)
        return self.tables.setdefault(key, f"ta{len(self.tables) + 1}")

    def master_page(self, ws) -> str:
        """A page style per sheet: orientation, fit to width, margins, header and footer."""
        n = len(self.pages) + 1
        name, layout = f"pm{n}", f"pl{n}"
        setup, margins = ws.page_setup, ws.page_margins
        landscape = setup.orientation == "landscape"
        width, height = ("29.7cm", "21cm") if landscape else ("21cm", "29.7cm")
        fit = ' style:scale-to-X="1"' if ws.sheet_properties.pageSetUpPr is not None and \
            ws.sheet_properties.pageSetUpPr.fitToPage and (setup.fitToWidth or 0) == 1 else ""
        centre = ' style:table-centering="horizontal"' if ws.print_options.horizontalCentered else ""
        self.layouts.append(
            f'<style:page-layout style:name="{layout}"><style:page-layout-properties '
            f'fo:page-width="{width}" fo:page-height="{height}" style:print-orientation='
            f'"{"landscape" if landscape else "portrait"}" fo:margin-top="{margins.header or 0.3}in" '
            f'fo:margin-bottom="{margins.footer or 0.3}in" fo:margin-left="{margins.left}in" '
            f'fo:margin-right="{margins.right}in"{fit}{centre}/>'
            '<style:header-style><style:header-footer-properties fo:min-height="0.4in" '
            'fo:margin-bottom="0.2in"/></style:header-style><style:footer-style>'
            '<style:header-footer-properties fo:min-height="0.4in" fo:margin-top="0.2in"/>'
            '</style:footer-style></style:page-layout>')
        hf = ws.HeaderFooter
        parts = [_header_footer("header", ws.oddHeader, self.spans, n),
                 _header_footer("footer", ws.oddFooter, self.spans, n)]
        if hf.differentFirst:
            parts += [_header_footer("header-first", ws.firstHeader, self.spans, n),
                      _header_footer("footer-first", ws.firstFooter, self.spans, n)]
        self.pages.append(f'<style:master-page style:name="{name}" style:page-layout-name='
                          f'"{layout}">{"".join(parts)}</style:master-page>')
        return name

    def automatic_xml(self) -> Iterator[str]:
        cells = [_cell_style(name, key, self) for key, name in self.cells.items()]
        for _fmt, (name, xml_of) in self.numbers.items():   # (made with the cell styles)
            yield xml_of
        for width, name in self.columns.items():
            yield (f'<style:style style:name="{name}" style:family="table-column">'
                   f'<style:table-column-properties style:column-width="{width:.2f}cm"/>'
                   '</style:style>')
        for height, name in self.rows.items():
            yield (f'<style:style style:name="{name}" style:family="table-row">'
                   f'<style:table-row-properties style:row-height="{height:.2f}pt" '
                   'style:use-optimal-row-height="false"/></style:style>')
        for (hidden, master), name in self.tables.items():
            yield (f'<style:style style:name="{name}" style:family="table" '
                   f'style:master-page-name="{master}"><style:table-properties '
                   f'table:display="{"false" if hidden else "true"}"/></style:style>')
        yield from cells

    def styles_xml(self) -> str:
        spans = "".join(f'<style:style style:name="{name}" style:family="text"><style:text-'
                        f'properties{props}/></style:style>' for name, props in self.spans.items())
        return ('<?xml version="1.0" encoding="UTF-8"?>'
                f'<office:document-styles {_NS}><office:styles>'
                '<style:default-style style:family="table-cell"><style:text-properties '
                'style:font-name="Times New Roman" fo:font-family="\'Times New Roman\'" '
                'fo:font-size="12pt"/></style:default-style></office:styles>'
                f'<office:automatic-styles>{"".join(self.layouts)}{spans}'
                '</office:automatic-styles>'
                f'<office:master-styles>{"".join(self.pages)}</office:master-styles>'
                '</office:document-styles>')


def _color(value) -> "str | None":
    rgb = getattr(value, "rgb", None)
    if isinstance(rgb, str) and len(rgb) in (6, 8) and re.fullmatch(r"[0-9A-Fa-f]+", rgb):
        return "#" + rgb[-6:].lower()
    return None


def _cell_key(c) -> "tuple | None":
    if not c.has_style:
        return None
    f, a, b = c.font, c.alignment, c.border
    fill = _color(c.fill.fgColor) if c.fill is not None and c.fill.fill_type == "solid" else None
    sides = tuple((s.style if s is not None else None) for s in (b.left, b.right, b.top, b.bottom))
    return (f.name, f.sz, bool(f.b), bool(f.i), bool(f.u), _color(f.color), a.horizontal,
            a.vertical, bool(a.wrap_text), sides, fill, c.number_format)


def _cell_style(name: str, key: tuple, styles: _Styles) -> str:
    font, size, bold, italic, underline, color, horizontal, vertical, wrap, sides, fill, fmt = key
    data = styles.number(fmt) if fmt and fmt != "General" else None
    cell = [' style:vertical-align="{}"'.format(
        {"center": "middle", "top": "top", "bottom": "bottom"}.get(vertical or "bottom",
                                                                  "bottom"))]
    if wrap:
        cell.append(' fo:wrap-option="wrap"')
    if fill:
        cell.append(f' fo:background-color="{fill}"')
    for side, style in zip(("left", "right", "top", "bottom"), sides):
        if style:
            width = "0.74pt" if style in ("thin", "hair", "dotted", "dashed") else "1.5pt"
            cell.append(f' fo:border-{side}="{width} solid #000000"')
    text = []
    if font:
        text.append(f' style:font-name={quoteattr(font)} fo:font-family={quoteattr(font)}')
    if size:
        text.append(f' fo:font-size="{float(size):g}pt"')
    if bold:
        text.append(' fo:font-weight="bold"')
    if italic:
        text.append(' fo:font-style="italic"')
    if underline:
        text.append(' style:text-underline-style="solid" style:text-underline-width="auto" '
                    'style:text-underline-color="font-color"')
    if color:
        text.append(f' fo:color="{color}"')
    align = {"center": "center", "centerContinuous": "center", "right": "end",
             "left": "start", "justify": "justify"}.get(horizontal or "")
    paragraph = (f'<style:paragraph-properties fo:text-align="{align}"/>' if align else "")
    if align:
        cell.append(' style:text-align-source="fix"')
    data_attr = f' style:data-style-name="{data}"' if data else ""
    return (f'<style:style style:name="{name}" style:family="table-cell"'
            f'{data_attr}><style:table-cell-properties{"".join(cell)}/>{paragraph}'
            f'<style:text-properties{"".join(text)}/></style:style>')


def _number_style(fmt: str, name: str) -> "str | None":
    """The few formats exports use, as ODF data styles (Vietnamese separators)."""
    low = fmt.lower()
    if low.startswith("dd/mm/yyyy") or low in ("d/m/yyyy", "dd/mm/yy"):
        time = ('<number:text> </number:text><number:hours number:style="long"/>'
                '<number:text>:</number:text><number:minutes number:style="long"/>'
                ) if "h" in low else ""
        return (f'<number:date-style style:name="{name}"><number:day number:style="long"/>'
                '<number:text>/</number:text><number:month number:style="long"/>'
                f'<number:text>/</number:text><number:year number:style="long"/>{time}'
                '</number:date-style>')
    if low in ("hh:mm", "h:mm", "hh:mm:ss"):
        return (f'<number:time-style style:name="{name}"><number:hours number:style="long"/>'
                '<number:text>:</number:text><number:minutes number:style="long"/>'
                '</number:time-style>')
    body = fmt.split(";")[0]
    if re.fullmatch(r"#,##0(\.0+)?", body) or re.fullmatch(r"0(\.0+)?", body):
        decimals = len(body.split(".")[1]) if "." in body else 0
        grouping = ' number:grouping="true"' if "," in body else ""
        return (f'<number:number-style style:name="{name}"><number:number '
                f'number:decimal-places="{decimals}" number:min-decimal-places="{decimals}" '
                f'number:min-integer-digits="1"{grouping}/></number:number-style>')
    if body.startswith("#,##0.") and body.replace("#", "0").count("0") > 4:   # 1.234,5##
        decimals = len(body.split(".")[1])
        return (f'<number:number-style style:name="{name}"><number:number '
                f'number:decimal-places="{decimals}" number:min-decimal-places="0" '
                'number:min-integer-digits="1" number:grouping="true"/></number:number-style>')
    return None


def _header_footer(kind: str, part, spans: dict[str, str], page: int) -> str:
    """One header or footer with its three regions (Excel codes &P, &N become fields)."""
    regions = []
    for region, piece in (("left", part.left), ("center", part.center), ("right", part.right)):
        if piece is None or not piece.text:
            continue
        color = f' fo:color="#{piece.color.lower()}"' if piece.color else ""
        bold = ' fo:font-weight="bold"' if piece.font and "bold" in piece.font.lower() else ""
        size = f' fo:font-size="{piece.size}pt"' if piece.size else ""
        pieces = []
        for text, code in _header_pieces(piece.text):
            if text:
                pieces.append(escape(text))
            if code == "P":
                pieces.append("<text:page-number>1</text:page-number>")
            elif code == "N":
                pieces.append("<text:page-count>1</text:page-count>")
        span = f"T{page}-{kind}-{region}"
        style = f'<text:span text:style-name="{span}">' if (color or bold or size) else ""
        close = "</text:span>" if style else ""
        regions.append(f"<style:region-{region}><text:p>{style}{''.join(pieces)}{close}"
                       f"</text:p></style:region-{region}>")
        if style:
            spans[span] = f"{color}{bold}{size}"
    if not regions:
        return f'<style:{kind} style:display="{"true" if kind.endswith("first") else "false"}"/>'
    return f"<style:{kind}>{''.join(regions)}</style:{kind}>"


def _header_pieces(text: str) -> Iterator[tuple[str, str]]:
    """Excel header text → (literal text, field code) pieces; formatting codes dropped."""
    pos = 0
    for match in _HEADER_CODE.finditer(text):
        literal = text[pos:match.start()]
        code = match.group(1)
        if code == "&":
            yield literal + "&", ""
        else:
            yield literal, code or ""
        pos = match.end()
    yield text[pos:], ""


# --- content -------------------------------------------------------------------------------

def _content(sheets: list, styles: _Styles) -> Iterator[str]:
    # the styles come before the tables in the file but are known once the tables are made
    bodies = ["".join(_table_xml(ws, styles)) for ws in sheets]
    yield ('<?xml version="1.0" encoding="UTF-8"?>'
           f'<office:document-content {_NS}><office:automatic-styles>')
    yield from styles.automatic_xml()
    yield "</office:automatic-styles><office:body><office:spreadsheet>"
    for body in bodies:
        yield from body
    yield "</office:spreadsheet></office:body></office:document-content>"


def _table_xml(ws, styles: _Styles) -> Iterator[str]:
    hidden = ws.sheet_state != "visible"
    width = ws.max_column
    merged = {}
    covered = set()
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1,
                                              rng.max_col - rng.min_col + 1)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    titles = _title_rows(ws.print_title_rows)
    yield (f'<table:table table:name={quoteattr(ws.title)} '
           f'table:style-name="{styles.table(ws, hidden)}">')
    from openpyxl.utils import get_column_letter
    for c in range(1, width + 1):
        dim = ws.column_dimensions.get(get_column_letter(c))
        chars = dim.width if dim is not None and dim.width else 8.43
        yield f'<table:table-column table:style-name="{styles.column(chars * _CM_PER_CHAR)}"/>'
    in_titles = False
    for r, row in enumerate(ws.iter_rows(min_row=1, max_row=ws.max_row, max_col=width), 1):
        if titles and r == titles[0]:
            yield "<table:table-header-rows>"
            in_titles = True
        dim = ws.row_dimensions.get(r)
        style = f' table:style-name="{styles.row(dim.height)}"' if dim is not None and dim.height \
            else ""
        yield f"<table:table-row{style}>"
        yield "".join(_cell_xml(cell, styles, merged, covered, r) for cell in row)
        yield "</table:table-row>"
        if in_titles and r == titles[1]:
            yield "</table:table-header-rows>"
            in_titles = False
    if in_titles:
        yield "</table:table-header-rows>"
    yield "</table:table>"


def _title_rows(text: "str | None") -> "tuple[int, int] | None":
    found = re.fullmatch(r"\$?(\d+):\$?(\d+)", (text or "").split("!")[-1])
    return (int(found.group(1)), int(found.group(2))) if found else None


def _cell_xml(cell, styles: _Styles, merged: dict, covered: set, r: int) -> str:
    c = cell.column
    name = styles.cell(cell)
    style = f' table:style-name="{name}"' if name else ""
    if (r, c) in covered:
        return f"<table:covered-table-cell{style}/>"
    span = merged.get((r, c))
    spans = (f' table:number-rows-spanned="{span[0]}" table:number-columns-spanned="{span[1]}"'
             if span else "")
    value = cell.value
    if value is None:
        return f"<table:table-cell{style}{spans}/>"
    if isinstance(value, bool):
        return (f'<table:table-cell{style}{spans} office:value-type="boolean" '
                f'office:boolean-value="{"true" if value else "false"}"><text:p>'
                f'{"TRUE" if value else "FALSE"}</text:p></table:table-cell>')
    if isinstance(value, (int, float)):
        return (f'<table:table-cell{style}{spans} office:value-type="float" '
                f'office:value="{value!r}"><text:p>{value!r}</text:p></table:table-cell>')
    if isinstance(value, dt.datetime) and value.time() == dt.time(0):
        value = value.date()   # openpyxl reads every date cell as a datetime
    if isinstance(value, dt.datetime):
        shown = value.strftime("%d/%m/%Y %H:%M")
        return (f'<table:table-cell{style}{spans} office:value-type="date" '
                f'office:date-value="{value.isoformat(timespec="seconds")}"><text:p>{shown}'
                '</text:p></table:table-cell>')
    if isinstance(value, dt.date):
        return (f'<table:table-cell{style}{spans} office:value-type="date" '
                f'office:date-value="{value.isoformat()}"><text:p>'
                f'{format_date(value)}</text:p></table:table-cell>')
    if isinstance(value, dt.time):
        return (f'<table:table-cell{style}{spans} office:value-type="time" '
                f'office:time-value="PT{value.hour}H{value.minute}M{value.second}S"><text:p>'
                f'{value.strftime("%H:%M")}</text:p></table:table-cell>')
    text = str(value)   # text is text: "=1+1" stays a string (never a formula)
    lines = "".join(f"<text:p>{_spaces(escape(line))}</text:p>" for line in text.split("\n"))
    return (f'<table:table-cell{style}{spans} office:value-type="string">{lines}'
            '</table:table-cell>')


def _spaces(text: str) -> str:
    """Runs of spaces and a leading space kept (XML collapses them): <text:s/>."""
    text = _SPACES.sub(lambda m: " " + f'<text:s text:c="{len(m.group()) - 1}"/>', text)
    if text.startswith(" "):
        text = '<text:s/>' + text[1:]
    return text


def _meta(props) -> str:
    title = f"<dc:title>{escape(props.title)}</dc:title>" if props.title else ""
    keywords = f"<meta:keyword>{escape(props.keywords)}</meta:keyword>" if props.keywords else ""
    return ('<?xml version="1.0" encoding="UTF-8"?>'
            f'<office:document-meta {_NS}><office:meta><meta:generator>Hồ sơ Thanh tra'
            f'</meta:generator>{title}{keywords}</office:meta></office:document-meta>')


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'manifest:version="1.3">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.'
    'opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
    '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>')
