#!/usr/bin/env python3
"""Generate the seed documents used by ReportPipeline's document-analysis tests.

Called by generate-documents.sh (which checks the external tools and sets
SOURCE_DATE_EPOCH / TZ).  Only the Python standard library is used; the
external programs are LibreOffice (soffice), poppler-utils (pdftoppm), img2pdf
and qpdf.

Sources live in seeds/tools/document-sources/*.txt in a tiny line-based markup:

    % key: value        metadata (title, lang, header, footer)
    = text              document title
    # text / ## text    heading level 1 / 2
    + text              item of a numbered (auto-numbered) list
    - text              item of a bulleted list
    | a | b | c |       table row (the first row of a table is its header row)
    @columns            (PDF) everything after this line is set in two columns
    @lang xx-YY         (HTML) start a new <section lang="xx-YY">
    anything else       one paragraph per line
    text[^fn: note]     inline footnote (DOCX/ODT footnote; appended at the end
                        of the expected text)

From each source the script writes the document *and* its
`{name}.expected.txt`, so the two can never drift apart.
"""

from __future__ import annotations

import datetime as _dt
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

TOOLS_DIR = Path(__file__).resolve().parent
SOURCES_DIR = TOOLS_DIR / "document-sources"
OUT_DIR = TOOLS_DIR.parent / "documents"

SOURCE_DATE_EPOCH = int(os.environ.get("SOURCE_DATE_EPOCH", "1735689600"))
FIXED_DT = _dt.datetime.fromtimestamp(SOURCE_DATE_EPOCH, tz=_dt.timezone.utc)

DISCLAIMER = (
    "Synthetic test document written for the ReportPipeline test suite. "
    "It is not an official submission and does not represent the position "
    "of any Government."
)

# --------------------------------------------------------------------------
# Source parsing
# --------------------------------------------------------------------------

FOOTNOTE_RE = re.compile(r"\[\^fn:\s*([^\]]+)\]")


@dataclass
class Block:
    kind: str  # title h1 h2 p ol ul table columns lang
    text: str = ""
    items: list[str] = field(default_factory=list)  # list items
    rows: list[list[str]] = field(default_factory=list)  # table rows


@dataclass
class Source:
    name: str
    meta: dict[str, str]
    blocks: list[Block]


def parse_source(path: Path) -> Source:
    meta: dict[str, str] = {}
    blocks: list[Block] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("%"):
            key, _, value = line[1:].partition(":")
            meta[key.strip()] = value.strip()
        elif line == "@columns":
            blocks.append(Block("columns"))
        elif line.startswith("@lang "):
            blocks.append(Block("lang", text=line[6:].strip()))
        elif line.startswith("= "):
            blocks.append(Block("title", text=line[2:].strip()))
        elif line.startswith("## "):
            blocks.append(Block("h2", text=line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(Block("h1", text=line[2:].strip()))
        elif line.startswith(("+ ", "- ")):
            kind = "ol" if line[0] == "+" else "ul"
            if not blocks or blocks[-1].kind != kind:
                blocks.append(Block(kind))
            blocks[-1].items.append(line[2:].strip())
        elif line.startswith("|"):
            if not blocks or blocks[-1].kind != "table":
                blocks.append(Block("table"))
            cells = [c.strip() for c in line.strip("|").split("|")]
            blocks[-1].rows.append(cells)
        else:
            blocks.append(Block("p", text=line))
    return Source(path.stem, meta, blocks)


def strip_footnotes(text: str) -> str:
    return FOOTNOTE_RE.sub("", text)


def expected_text(src: Source) -> str:
    """Plain body text in reading order, blocks separated by a blank line.

    * list items are one block each, without their (auto-generated) labels;
    * a table is one block, one line per row, cells separated by a TAB;
    * footnote reference marks are dropped; footnote texts are appended at
      the end of the document, one block each;
    * running headers, footers and page numbers are never part of it.
    """
    out: list[str] = []
    notes: list[str] = []
    for b in src.blocks:
        if b.kind in ("title", "h1", "h2", "p"):
            notes.extend(FOOTNOTE_RE.findall(b.text))
            out.append(strip_footnotes(b.text))
        elif b.kind in ("ol", "ul"):
            out.extend(b.items)
        elif b.kind == "table":
            out.append("\n".join("\t".join(r) for r in b.rows))
    out.extend(n.strip() for n in notes)
    return "\n\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Flat ODF (fodt) writer
# --------------------------------------------------------------------------

@dataclass
class Layout:
    lang: str  # e.g. fr-FR
    script: str = "western"  # western | asian | complex
    body_font: str = "Noto Serif"
    heading_font: str = "Noto Sans"
    size_pt: float = 11.0
    line_height: str = "115%"
    justify: bool = True
    hyphenate: bool = False
    rtl: bool = False
    first_line_indent: str = "0cm"
    page_w: float = 21.0
    page_h: float = 29.7
    margin_lr: float = 2.0
    margin_top: float = 2.0
    margin_bottom: float = 2.0
    column_gap: float = 0.8
    header: str | None = None
    footer: str | None = None  # may contain {page} and {pages}


def _lang_parts(lang: str) -> tuple[str, str]:
    lang_code, _, country = lang.partition("-")
    return lang_code, country or "none"


def _text_props(layout: Layout, font: str, size: float, bold: bool = False,
                extra: str = "") -> str:
    """Text properties that set font/size/weight for all three script types."""
    lang, country = _lang_parts(layout.lang)
    if layout.script == "asian":
        asian_font = "Noto Sans CJK SC" if font == layout.heading_font else "Noto Serif CJK SC"
    else:
        asian_font = "Noto Serif CJK SC"
    complex_font = "Noto Sans Arabic" if font == layout.heading_font else "Noto Naskh Arabic"
    weight = ' fo:font-weight="bold" style:font-weight-asian="bold" style:font-weight-complex="bold"' if bold else ""
    langs = {
        "western": (f'fo:language="{lang}" fo:country="{country}"'
                    ' style:language-asian="zh" style:country-asian="CN"'
                    ' style:language-complex="ar" style:country-complex="EG"'),
        "asian": ('fo:language="en" fo:country="GB"'
                  f' style:language-asian="{lang}" style:country-asian="{country}"'
                  ' style:language-complex="ar" style:country-complex="EG"'),
        "complex": ('fo:language="en" fo:country="GB"'
                    ' style:language-asian="zh" style:country-asian="CN"'
                    f' style:language-complex="{lang}" style:country-complex="{country}"'),
    }[layout.script]
    return (f'<style:text-properties style:font-name="{font}" fo:font-size="{size}pt"'
            f' style:font-name-asian="{asian_font}" style:font-size-asian="{size}pt"'
            f' style:font-name-complex="{complex_font}" style:font-size-complex="{size}pt"'
            f' {langs}{weight}{extra}/>')


def _para_props(layout: Layout, align: str | None = None, extra: str = "") -> str:
    wm = "rl-tb" if layout.rtl else "lr-tb"
    align = align or ("justify" if layout.justify else "start")
    return (f'<style:paragraph-properties fo:text-align="{align}"'
            f' style:writing-mode="{wm}"{extra}/>')


def _fields(template: str, xml_esc=xml_escape) -> str:
    parts = re.split(r"(\{page\}|\{pages\})", template)
    out = []
    for p in parts:
        if p == "{page}":
            out.append('<text:page-number text:select-page="current">1</text:page-number>')
        elif p == "{pages}":
            out.append("<text:page-count>1</text:page-count>")
        else:
            out.append(xml_esc(p))
    return "".join(out)


def build_fodt(src: Source, layout: Layout) -> str:
    L = layout
    text_width = L.page_w - 2 * L.margin_lr
    s = L.size_pt
    hyph = (' fo:hyphenate="true" fo:hyphenation-remain-char-count="3"'
            ' fo:hyphenation-push-char-count="3"') if L.hyphenate else ' fo:hyphenate="false"'
    hyph_para = ' fo:hyphenation-ladder-count="no-limit"' if L.hyphenate else ""
    lh = f' fo:line-height="{L.line_height}"'
    indent = f' fo:text-indent="{L.first_line_indent}"' if L.first_line_indent != "0cm" else ""

    styles = f"""
  <style:default-style style:family="paragraph">
   {_para_props(L, align="start")}
   {_text_props(L, L.body_font, s)}
  </style:default-style>
  <style:style style:name="Standard" style:family="paragraph" style:class="text"/>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard" style:class="text">
   {_para_props(L, extra=f' fo:margin-top="0cm" fo:margin-bottom="{s * 0.6:.1f}pt"{lh}{indent}{hyph_para} fo:orphans="2" fo:widows="2"')}
   {_text_props(L, L.body_font, s, extra=hyph)}
  </style:style>
  <style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="chapter">
   {_para_props(L, align="center", extra=f' fo:margin-top="0cm" fo:margin-bottom="{s:.1f}pt" fo:keep-with-next="always"')}
   {_text_props(L, L.heading_font, round(s * 1.55, 1), bold=True)}
  </style:style>
  <style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard" style:next-style-name="Text_20_body" style:class="text">
   {_para_props(L, align="start", extra=' fo:keep-with-next="always"')}
   {_text_props(L, L.heading_font, s, bold=True)}
  </style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph"
      style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="1" style:class="text">
   {_para_props(L, align="start", extra=f' fo:margin-top="{s * 1.2:.1f}pt" fo:margin-bottom="{s * 0.5:.1f}pt" fo:keep-with-next="always"')}
   {_text_props(L, L.heading_font, round(s * 1.25, 1), bold=True)}
  </style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph"
      style:parent-style-name="Heading" style:next-style-name="Text_20_body" style:default-outline-level="2" style:class="text">
   {_para_props(L, align="start", extra=f' fo:margin-top="{s * 0.9:.1f}pt" fo:margin-bottom="{s * 0.4:.1f}pt" fo:keep-with-next="always"')}
   {_text_props(L, L.heading_font, round(s * 1.05, 1), bold=True)}
  </style:style>
  <style:style style:name="List_20_Paragraph" style:display-name="List Paragraph" style:family="paragraph" style:parent-style-name="Text_20_body" style:class="list">
   {_para_props(L, extra=f' fo:margin-top="0cm" fo:margin-bottom="{s * 0.3:.1f}pt"{lh}')}
  </style:style>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   {_para_props(L, align="start")}
   {_text_props(L, L.body_font, round(s * 0.9, 1))}
  </style:style>
  <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents" style:class="extra">
   {_para_props(L, align="start")}
   {_text_props(L, L.heading_font, round(s * 0.9, 1), bold=True)}
  </style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   {_para_props(L, align="start", extra=' fo:margin-left="0.5cm" fo:text-indent="-0.5cm"')}
   {_text_props(L, L.body_font, round(s * 0.8, 1))}
  </style:style>
  <style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   {_para_props(L, align="center", extra=' fo:padding-bottom="0.1cm" fo:border-bottom="0.5pt solid #555555"')}
   {_text_props(L, L.heading_font, round(s * 0.8, 1), extra=' fo:color="#444444"')}
  </style:style>
  <style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard" style:class="extra">
   {_para_props(L, align="center")}
   {_text_props(L, L.heading_font, round(s * 0.8, 1), extra=' fo:color="#444444"')}
  </style:style>
  <text:list-style style:name="Numbering_20_123" style:display-name="Numbering 123">
   <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="1">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-0.6cm" fo:margin-left="1cm"/>
    </style:list-level-properties>
   </text:list-level-style-number>
  </text:list-style>
  <text:list-style style:name="List_20_1" style:display-name="List 1">
   <text:list-level-style-bullet text:level="1" text:bullet-char="•">
    <style:list-level-properties text:list-level-position-and-space-mode="label-alignment">
     <style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1cm" fo:text-indent="-0.6cm" fo:margin-left="1cm"/>
    </style:list-level-properties>
   </text:list-level-style-bullet>
  </text:list-style>
  <text:notes-configuration text:note-class="footnote" style:num-format="1" text:start-value="0" text:footnotes-position="page" text:start-numbering-at="document"/>"""

    page_wm = "rl-tb" if L.rtl else "lr-tb"
    header_style = ('<style:header-style><style:header-footer-properties fo:min-height="0cm" '
                    'fo:margin-bottom="0.5cm"/></style:header-style>') if L.header else ""
    footer_style = ('<style:footer-style><style:header-footer-properties fo:min-height="0cm" '
                    'fo:margin-top="0.5cm"/></style:footer-style>') if L.footer else ""
    ncols = max((len(b.rows[0]) for b in src.blocks if b.kind == "table"), default=1)
    auto_styles = f"""
  <style:page-layout style:name="pm1">
   <style:page-layout-properties fo:page-width="{L.page_w}cm" fo:page-height="{L.page_h}cm" style:print-orientation="portrait"
       fo:margin-top="{L.margin_top}cm" fo:margin-bottom="{L.margin_bottom}cm" fo:margin-left="{L.margin_lr}cm" fo:margin-right="{L.margin_lr}cm" style:writing-mode="{page_wm}"/>
   {header_style}
   {footer_style}
  </style:page-layout>
  <style:style style:name="SectTwoColumns" style:family="section">
   <style:section-properties text:dont-balance-text-columns="false" style:editable="false">
    <style:columns fo:column-count="2" fo:column-gap="{L.column_gap}cm"/>
   </style:section-properties>
  </style:style>
  <style:style style:name="Table1" style:family="table">
   <style:table-properties style:width="{text_width:.2f}cm" table:align="margins"/>
  </style:style>
  <style:style style:name="Table1.Col" style:family="table-column">
   <style:table-column-properties style:column-width="{text_width / ncols:.3f}cm"/>
  </style:style>
  <style:style style:name="Table1.Cell" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
  </style:style>"""

    header_xml = (f'<style:header><text:p text:style-name="Header">{_fields(L.header)}</text:p></style:header>'
                  if L.header else "")
    footer_xml = (f'<style:footer><text:p text:style-name="Footer">{_fields(L.footer)}</text:p></style:footer>'
                  if L.footer else "")

    body: list[str] = []
    note_no = 0
    in_section = False

    def inline(text: str) -> str:
        nonlocal note_no
        out = []
        pos = 0
        for m in FOOTNOTE_RE.finditer(text):
            out.append(xml_escape(text[pos:m.start()]))
            note_no += 1
            out.append(
                f'<text:note text:id="ftn{note_no}" text:note-class="footnote">'
                f"<text:note-citation>{note_no}</text:note-citation><text:note-body>"
                f'<text:p text:style-name="Footnote">{xml_escape(m.group(1).strip())}</text:p>'
                "</text:note-body></text:note>")
            pos = m.end()
        out.append(xml_escape(text[pos:]))
        return "".join(out)

    for b in src.blocks:
        if b.kind == "columns":
            body.append('<text:section text:style-name="SectTwoColumns" text:name="Body">')
            in_section = True
        elif b.kind == "lang":
            continue
        elif b.kind == "title":
            body.append(f'<text:p text:style-name="Title">{inline(b.text)}</text:p>')
        elif b.kind in ("h1", "h2"):
            lvl = b.kind[1]
            body.append(f'<text:h text:style-name="Heading_20_{lvl}" text:outline-level="{lvl}">'
                        f"{inline(b.text)}</text:h>")
        elif b.kind == "p":
            body.append(f'<text:p text:style-name="Text_20_body">{inline(b.text)}</text:p>')
        elif b.kind in ("ol", "ul"):
            style = "Numbering_20_123" if b.kind == "ol" else "List_20_1"
            items = "".join(
                f'<text:list-item><text:p text:style-name="List_20_Paragraph">{inline(i)}</text:p></text:list-item>'
                for i in b.items)
            body.append(f'<text:list text:style-name="{style}">{items}</text:list>')
        elif b.kind == "table":
            def row(cells: list[str], para: str) -> str:
                return "<table:table-row>" + "".join(
                    f'<table:table-cell table:style-name="Table1.Cell" office:value-type="string">'
                    f'<text:p text:style-name="{para}">{inline(c)}</text:p></table:table-cell>'
                    for c in cells) + "</table:table-row>"
            head, *rest = b.rows
            body.append(
                f'<table:table table:name="Table1" table:style-name="Table1">'
                f'<table:table-column table:style-name="Table1.Col" table:number-columns-repeated="{len(head)}"/>'
                f"<table:table-header-rows>{row(head, 'Table_20_Heading')}</table:table-header-rows>"
                + "".join(row(r, "Table_20_Contents") for r in rest)
                + "</table:table>")
    if in_section:
        body.append("</text:section>")

    date = FIXED_DT.strftime("%Y-%m-%dT%H:%M:%S")
    title = src.meta.get("title", src.name)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:meta>
  <meta:generator>ReportPipeline seeds/tools/generate_documents.py</meta:generator>
  <dc:title>{xml_escape(title)}</dc:title>
  <dc:subject>Counter-Terrorism Committee guiding questions (resolution 1373)</dc:subject>
  <dc:description>{xml_escape(DISCLAIMER)}</dc:description>
  <dc:language>{L.lang}</dc:language>
  <meta:initial-creator>ReportPipeline seeds</meta:initial-creator>
  <dc:creator>ReportPipeline seeds</dc:creator>
  <meta:creation-date>{date}</meta:creation-date>
  <dc:date>{date}</dc:date>
 </office:meta>
 <office:font-face-decls>
  <style:font-face style:name="Noto Serif" svg:font-family="'Noto Serif'" style:font-family-generic="roman" style:font-pitch="variable"/>
  <style:font-face style:name="Noto Sans" svg:font-family="'Noto Sans'" style:font-family-generic="swiss" style:font-pitch="variable"/>
  <style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" style:font-family-generic="roman" style:font-pitch="variable"/>
  <style:font-face style:name="Noto Sans CJK SC" svg:font-family="'Noto Sans CJK SC'" style:font-family-generic="swiss" style:font-pitch="variable"/>
  <style:font-face style:name="Noto Naskh Arabic" svg:font-family="'Noto Naskh Arabic'" style:font-family-generic="roman" style:font-pitch="variable"/>
  <style:font-face style:name="Noto Sans Arabic" svg:font-family="'Noto Sans Arabic'" style:font-family-generic="swiss" style:font-pitch="variable"/>
 </office:font-face-decls>
 <office:styles>{styles}
 </office:styles>
 <office:automatic-styles>{auto_styles}
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">{header_xml}{footer_xml}</style:master-page>
 </office:master-styles>
 <office:body>
  <office:text>
{chr(10).join(body)}
  </office:text>
 </office:body>
</office:document>
"""


# --------------------------------------------------------------------------
# HTML writer
# --------------------------------------------------------------------------

CAN_HEAD_EXTRA = """  <style>
    /* STYLE-CONTENT-MUST-NOT-APPEAR: CSS is presentation, never document text. */
    body { font-family: "Noto Sans", Arial, sans-serif; max-width: 52em; margin: 2em auto; line-height: 1.5; }
    h1, h2, h3 { color: #1d3557; }
    table { border-collapse: collapse; margin: 1em 0; }
    th, td { border: 1px solid #888; padding: 0.3em 0.6em; text-align: left; }
    .banner::before { content: "STYLE-CONTENT-MUST-NOT-APPEAR"; }
  </style>
  <script>
    // SCRIPT-CONTENT-MUST-NOT-APPEAR: analytics stub, not document text.
    window.dataLayer = window.dataLayer || [];
    function track(eventName) {
      if (window.dataLayer.length < 100 && eventName !== "") {
        window.dataLayer.push({ event: eventName, label: "<p>SCRIPT-CONTENT-MUST-NOT-APPEAR</p>" });
      }
    }
  </script>
"""

CAN_BODY_END = """  <!-- COMMENT-MUST-NOT-APPEAR: comments are not document text. -->
  <script>
    track("page-view"); if (1 < 2 && 3 > 2) { document.title += " SCRIPT-CONTENT-MUST-NOT-APPEAR"; }
  </script>
"""

SAU_HEAD_EXTRA = """  <style>
    body { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", serif; max-width: 48em; margin: 2em auto; line-height: 1.8; }
  </style>
"""


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=96, initial_indent=indent, subsequent_indent=indent,
                         break_long_words=False, break_on_hyphens=False)


def build_html(src: Source, *, dir_rtl: bool, head_extra: str = "", body_end: str = "",
               entity_map: dict[str, str] | None = None) -> str:
    lang = src.meta["lang"]

    def esc(text: str) -> str:
        out = html.escape(strip_footnotes(text), quote=False)
        for ch, ent in (entity_map or {}).items():
            out = out.replace(ch, ent)
        return out

    parts: list[str] = []
    section_open = False
    ind = "    "
    for b in src.blocks:
        if b.kind == "lang":
            if section_open:
                parts.append("  </section>")
            parts.append(f'  <section lang="{b.text}">')
            section_open = True
        elif b.kind == "title":
            parts.append(f"{ind}<h1>{esc(b.text)}</h1>")
        elif b.kind in ("h1", "h2"):
            tag = "h2" if b.kind == "h1" else "h3"
            parts.append(f"{ind}<{tag}>{esc(b.text)}</{tag}>")
        elif b.kind == "p":
            parts.append(f"{ind}<p>\n{_wrap(esc(b.text), ind + '  ')}\n{ind}</p>")
        elif b.kind in ("ol", "ul"):
            items = "\n".join(f"{ind}  <li>{esc(i)}</li>" for i in b.items)
            parts.append(f"{ind}<{b.kind}>\n{items}\n{ind}</{b.kind}>")
        elif b.kind == "table":
            head, *rest = b.rows
            th = "".join(f"<th>{esc(c)}</th>" for c in head)
            trs = "\n".join(f"{ind}    <tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>"
                            for r in rest)
            parts.append(f"{ind}<table>\n{ind}  <thead>\n{ind}    <tr>{th}</tr>\n{ind}  </thead>\n"
                         f"{ind}  <tbody>\n{trs}\n{ind}  </tbody>\n{ind}</table>")
    if section_open:
        parts.append("  </section>")
    dir_attr = ' dir="rtl"' if dir_rtl else ""
    title = html.escape(src.meta.get("title", src.name), quote=False)
    return (f'<!DOCTYPE html>\n<html lang="{lang}"{dir_attr}>\n<head>\n  <meta charset="utf-8">\n'
            f'  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'  <meta name="description" content="{html.escape(DISCLAIMER)}">\n'
            f"  <title>{title}</title>\n{head_extra}</head>\n<body>\n  <main>\n"
            + "\n".join(parts) + f"\n  </main>\n{body_end}</body>\n</html>\n")


# --------------------------------------------------------------------------
# Post-processing for reproducibility
# --------------------------------------------------------------------------

def normalize_pdf(path: Path) -> None:
    """Pin the export timestamps and make /ID content-derived (qpdf)."""
    data = path.read_bytes()
    pdf_date = FIXED_DT.strftime("D:%Y%m%d%H%M%S")

    def fix(m: re.Match) -> bytes:
        # keep the byte length identical so that the xref offsets stay valid
        old = m.group(2)
        for suffix in ("Z'", "Z", "+00'00'", "+00'00"):
            new = (pdf_date + suffix).encode("ascii")
            if len(new) == len(old):
                break
        else:
            new = (pdf_date + "Z").encode("ascii")[: len(old)].ljust(len(old), b" ")
        return m.group(1) + new + m.group(3)

    data = re.sub(rb"(/(?:CreationDate|ModDate)\s*\()([^)]*)(\))", fix, data)
    # LibreOffice adds a per-export /DocChecksum name and a time-based /ID:
    # zero them (same length), qpdf then derives /ID from the content.
    data = re.sub(rb"(/DocChecksum\s*/)([0-9A-Fa-f]+)", lambda m: m.group(1) + b"0" * len(m.group(2)), data)
    data = re.sub(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)",
                  lambda m: m.group(1) + b"0" * len(m.group(2)) + m.group(3) + b"0" * len(m.group(4)) + m.group(5),
                  data)
    tmp = path.with_suffix(".tmp.pdf")
    tmp.write_bytes(data)
    run(["qpdf", "--deterministic-id", str(tmp), str(path)])
    tmp.unlink()


def normalize_zip_office(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry dates, pinned core properties
    and without LibreOffice's per-session revision ids (w:rsid*)."""
    iso = FIXED_DT.strftime("%Y-%m-%dT%H:%M:%SZ")
    date_time = max(FIXED_DT, _dt.datetime(1980, 1, 1, tzinfo=_dt.timezone.utc)).timetuple()[:6]
    with zipfile.ZipFile(path) as zin:
        entries = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    # Word puts [Content_Types].xml and _rels/.rels first; format sniffers rely on it
    first = {"[Content_Types].xml": 0, "_rels/.rels": 1}
    entries.sort(key=lambda e: first.get(e[0], 2))  # stable: keeps the rest in order
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zout:
        for name, data in entries:
            if name.endswith(".xml") or name.endswith(".rels"):
                text = data.decode("utf-8")
                text = re.sub(r'\s+w:rsid\w*="[0-9A-Fa-f]+"', "", text)
                text = re.sub(r"<w:rsids>.*?</w:rsids>", "", text, flags=re.S)
                text = re.sub(r"<w:rsid\w*\s[^>]*/>", "", text)
                if name == "docProps/core.xml":
                    text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)",
                                  rf"\g<1>{iso}\g<2>", text)
                    text = re.sub(r"<cp:revision>[^<]*</cp:revision>", "<cp:revision>1</cp:revision>", text)
                if name == "docProps/app.xml":
                    text = re.sub(r"<TotalTime>[^<]*</TotalTime>", "<TotalTime>0</TotalTime>", text)
                data = text.encode("utf-8")
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zout.writestr(info, data, compresslevel=9)
    tmp.replace(path)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------

def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    res = subprocess.run(cmd, capture_output=True, text=True, **kw)
    if res.returncode != 0:
        sys.stderr.write(f"command failed ({res.returncode}): {' '.join(cmd)}\n{res.stdout}{res.stderr}")
        raise SystemExit(1)
    return res


def soffice_convert(files: list[Path], target: str, outdir: Path, profile: Path) -> None:
    cmd = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
           "--nolockcheck", "--convert-to", target, "--outdir", str(outdir)] + [str(f) for f in files]
    run(cmd)
    for f in files:
        ext = target.split(":")[0]
        if not (outdir / f"{f.stem}.{ext}").exists():
            raise SystemExit(f"soffice did not produce {f.stem}.{ext}")


def write_text(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------
# Bad inputs
# --------------------------------------------------------------------------

ZIP_BOMB_SIZE = 210 * 1024 * 1024  # 220,200,960 bytes (> 200 MB) of document.xml

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""


def make_zip_bomb(path: Path) -> None:
    head = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            b"<w:body><w:p><w:r><w:t>")
    tail = b"</w:t></w:r></w:p></w:body></w:document>"
    filler = ZIP_BOMB_SIZE - len(head) - len(tail)
    date_time = (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name, data in (("[Content_Types].xml", CONTENT_TYPES), ("_rels/.rels", ROOT_RELS)):
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data, compresslevel=9)
        info = zipfile.ZipInfo("word/document.xml", date_time=date_time)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.file_size = ZIP_BOMB_SIZE
        chunk = b"A" * (1 << 20)
        with z.open(info, "w") as w:
            w.write(head)
            left = filler
            while left > 0:
                n = min(left, len(chunk))
                w.write(chunk[:n])
                left -= n
            w.write(tail)


MZ_STUB = (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
           b"\xb8\x00\x00\x00\x00\x00\x00\x00\x40\x00\x00\x00\x00\x00\x00\x00"
           b"This program cannot be run in DOS mode.\r\r\n$")


# --------------------------------------------------------------------------
# Manifest (machine-readable summary for the test suite)
# --------------------------------------------------------------------------

def _good(file: str, lang: str, features: list[str], **extra) -> dict:
    stem = file.rsplit(".", 1)[0]
    return {"file": file, "outcome": "text", "language": lang,
            "expected": f"{stem}.expected.txt", "features": features, **extra}


MANIFEST: list[dict] = [
    _good("eng-two-column.pdf", "en", ["two-column", "full-width-title-block", "headings", "hyphenation"]),
    _good("fra-running-headers.pdf", "fr", ["running-header", "page-number-footer", "hyphenation",
                                            "word-split-across-page-break"],
          runningHeader="Rapport de la France – Résolution 1373", footerPattern="Page {n} sur {total}"),
    _good("chn-report.pdf", "zh", ["cjk", "noto-serif-cjk-sc", "first-line-indent"]),
    _good("egy-report.pdf", "ar", ["rtl", "arabic-shaping", "noto-naskh-arabic"]),
    _good("rus-report.pdf", "ru", ["cyrillic"]),
    _good("esp-report.pdf", "es", ["latin-diacritics"]),
    _good("gbr-report.docx", "en", ["heading-styles", "numbered-list", "table", "footnote", "header", "footer"],
          runningHeader="United Kingdom – Response to the Counter-Terrorism Committee",
          footerPattern="Page {n} of {total}"),
    _good("mex-report.docx", "es", ["heading-styles", "bulleted-list"]),
    {**_good("rus-report.docx", "ru", ["heading-styles", "cyrillic"]), "expected": "rus-report.expected.txt"},
    _good("can-report.html", "en", ["bilingual-en-fr", "headings", "lists", "table", "script-ignored",
                                    "style-ignored", "comment-ignored", "entities"],
          mustNotContain=["MUST-NOT-APPEAR"]),
    _good("sau-report.html", "ar", ["rtl", "dir-rtl", "lists"]),
    {"file": "scan-image-only.pdf", "outcome": "no-text-layer", "language": "en",
     "expected": None, "ocrReference": "scan-image-only.page-text.txt",
     "features": ["image-only", "needs-ocr"]},
    {"file": "empty.pdf", "outcome": "error", "reason": "empty-file"},
    {"file": "corrupt.pdf", "outcome": "error", "reason": "truncated-pdf",
     "note": "first 3072 bytes of eng-two-column.pdf: no xref, no trailer, no %%EOF"},
    {"file": "encrypted.pdf", "outcome": "error", "reason": "password-protected",
     "userPassword": "seed-user", "ownerPassword": "seed-owner", "encryption": "AES-128 (R4)",
     "note": "same content as esp-report.pdf (esp-report.expected.txt once decrypted)"},
    {"file": "zip-bomb.docx", "outcome": "error", "reason": "decompression-limit",
     "uncompressedBytes": ZIP_BOMB_SIZE, "entry": "word/document.xml"},
    {"file": "not-a-report.exe", "outcome": "error", "reason": "unsupported-type",
     "note": "DOS/PE 'MZ' stub"},
    {"file": "renamed-docx.pdf", "outcome": "error", "reason": "extension-content-mismatch",
     "note": "byte-identical copy of gbr-report.docx; a sniffing analyzer may instead parse it as "
             "DOCX and recover gbr-report.expected.txt"},
]


def write_manifest() -> None:
    import json
    entries = []
    for e in MANIFEST:
        e = dict(e)
        path = OUT_DIR / e["file"]
        e["bytes"] = path.stat().st_size
        if e["file"].endswith(".pdf") and e.get("outcome") in ("text", "no-text-layer"):
            info = run(["pdfinfo", str(path)]).stdout
            e["pages"] = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        entries.append(e)
    write_text(OUT_DIR / "manifest.json",
               json.dumps({"generatedBy": "seeds/tools/generate-documents.sh", "documents": entries},
                          ensure_ascii=False, indent=2) + "\n")


# --------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------

PDF_LAYOUTS: dict[str, Layout] = {
    # two-column body after a full-width title block
    "eng-two-column": Layout(lang="en-GB", size_pt=11.5, line_height="125%", margin_lr=2.0, hyphenate=True,
                             margin_top=2.2, margin_bottom=2.2, column_gap=0.9),
    # running header + "Page N sur M" footer on every page, hyphenation on
    "fra-running-headers": Layout(lang="fr-FR", size_pt=13, line_height="160%", hyphenate=True,
                                  margin_lr=3.0, margin_top=2.0, margin_bottom=2.0,
                                  header="Rapport de la France – Résolution 1373",
                                  footer="Page {page} sur {pages}"),
    "chn-report": Layout(lang="zh-CN", script="asian", size_pt=12, line_height="150%",
                         first_line_indent="24pt", margin_lr=2.5),
    # right-aligned (not justified: LibreOffice would stretch Arabic words with
    # letter spacing); Western font = Arabic font so digits/punctuation match
    "egy-report": Layout(lang="ar-EG", script="complex", rtl=True, size_pt=13, justify=False,
                         body_font="Noto Naskh Arabic", heading_font="Noto Sans Arabic",
                         line_height="130%", margin_lr=2.5),
    "rus-report": Layout(lang="ru-RU", size_pt=11.5, line_height="130%", margin_lr=2.5),
    "esp-report": Layout(lang="es-ES", size_pt=11.5, line_height="130%", margin_lr=2.5),
    # intermediate one-page document rendered to an image for scan-image-only.pdf
    "scan-source": Layout(lang="en-GB", size_pt=11, line_height="125%", margin_lr=2.5),
}

DOCX_LAYOUTS: dict[str, Layout] = {
    "gbr-report": Layout(lang="en-GB", size_pt=11, line_height="115%", margin_lr=2.5),
    "mex-report": Layout(lang="es-MX", size_pt=11, line_height="115%", margin_lr=2.5),
    "rus-report": Layout(lang="ru-RU", size_pt=11, line_height="115%", margin_lr=2.5),
}


def main() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    sources = {p.stem: parse_source(p) for p in sorted(SOURCES_DIR.glob("*.txt"))}
    with tempfile.TemporaryDirectory(prefix="seed-docs-") as tmpdir:
        tmp = Path(tmpdir)
        profile = tmp / "lo-profile"
        pdf_src, docx_src = tmp / "pdf-src", tmp / "docx-src"
        pdf_out, docx_out = tmp / "pdf-out", tmp / "docx-out"
        for d in (pdf_src, docx_src, pdf_out, docx_out):
            d.mkdir()

        # 1. sources -> fodt (+ expected texts)
        for name, layout in PDF_LAYOUTS.items():
            src = sources[name]
            if src.meta.get("header") and not layout.header:
                layout.header = src.meta["header"]
            write_text(pdf_src / f"{name}.fodt", build_fodt(src, layout))
        for name, layout in DOCX_LAYOUTS.items():
            src = sources[name]
            layout.header = layout.header or src.meta.get("header")
            layout.footer = layout.footer or src.meta.get("footer")
            write_text(docx_src / f"{name}.fodt", build_fodt(src, layout))

        # 2. LibreOffice conversions
        soffice_convert(sorted(pdf_src.glob("*.fodt")), "pdf:writer_pdf_Export", pdf_out, profile)
        soffice_convert(sorted(docx_src.glob("*.fodt")), 'docx:MS Word 2007 XML', docx_out, profile)

        for name in PDF_LAYOUTS:
            normalize_pdf(pdf_out / f"{name}.pdf")
            if name != "scan-source":
                shutil.copyfile(pdf_out / f"{name}.pdf", OUT_DIR / f"{name}.pdf")
                write_text(OUT_DIR / f"{name}.expected.txt", expected_text(sources[name]))
        for name in DOCX_LAYOUTS:
            normalize_zip_office(docx_out / f"{name}.docx")
            shutil.copyfile(docx_out / f"{name}.docx", OUT_DIR / f"{name}.docx")
            # rus-report.expected.txt is shared by rus-report.pdf and rus-report.docx
            write_text(OUT_DIR / f"{name}.expected.txt", expected_text(sources[name]))

        # 3. HTML
        can = sources["can-report"]
        write_text(OUT_DIR / "can-report.html",
                   build_html(can, dir_rtl=False, head_extra=CAN_HEAD_EXTRA, body_end=CAN_BODY_END,
                              entity_map={"’": "&rsquo;", "–": "&ndash;"}))
        write_text(OUT_DIR / "can-report.expected.txt", expected_text(can))
        sau = sources["sau-report"]
        write_text(OUT_DIR / "sau-report.html", build_html(sau, dir_rtl=True, head_extra=SAU_HEAD_EXTRA))
        write_text(OUT_DIR / "sau-report.expected.txt", expected_text(sau))

        # 4. image-only "scan": page 1 rendered to a grey PNG, wrapped into a PDF
        run(["pdftoppm", "-f", "1", "-l", "1", "-r", "100", "-gray", "-png", "-singlefile",
             str(pdf_out / "scan-source.pdf"), str(tmp / "scan")])
        run(["img2pdf", "--nodate", "--producer", "ReportPipeline seeds", "--pagesize", "A4",
             "--title", "Scanned annex (image only)", "-o", str(OUT_DIR / "scan-image-only.pdf"),
             str(tmp / "scan.png")])
        normalize_pdf(OUT_DIR / "scan-image-only.pdf")
        write_text(OUT_DIR / "scan-image-only.page-text.txt", expected_text(sources["scan-source"]))

        # 5. bad inputs
        (OUT_DIR / "empty.pdf").write_bytes(b"")
        good = (OUT_DIR / "eng-two-column.pdf").read_bytes()
        (OUT_DIR / "corrupt.pdf").write_bytes(good[:3072])
        run(["qpdf", "--static-id", "--static-aes-iv", "--encrypt", "seed-user", "seed-owner", "128", "--use-aes=y",
             "--", str(OUT_DIR / "esp-report.pdf"), str(OUT_DIR / "encrypted.pdf")])
        make_zip_bomb(OUT_DIR / "zip-bomb.docx")
        (OUT_DIR / "not-a-report.exe").write_bytes(MZ_STUB)
        shutil.copyfile(OUT_DIR / "gbr-report.docx", OUT_DIR / "renamed-docx.pdf")

        write_manifest()

    print(f"documents written to {OUT_DIR}")


if __name__ == "__main__":
    main()
