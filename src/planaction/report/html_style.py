"""The one-page report's style sheet: a screen page and an A4 portrait print from the same HTML.

Kept apart from ``report/html.py`` so that the layout reads as HTML there and as CSS here. The
colours of RAG are those of the app's light theme; every RAG also says its word, so that a page
printed in black and white still reads.
"""

from __future__ import annotations

CSS = """
@page { size: A4 portrait; margin: 9mm 10mm 13mm 10mm; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 190mm; padding: 6mm 0 16mm; color: #1d2733;
  font: 8pt/1.28 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
h1 { font-size: 14pt; margin: 0; line-height: 1.15; }
h2 { font-size: 8.4pt; text-transform: uppercase; letter-spacing: .04em; color: #44576b;
  margin: 0 0 1mm; padding-bottom: .5mm; border-bottom: .3mm solid #c9d3dd; }
p { margin: 0 0 1mm; }
ul { margin: 0; padding-left: 4mm; }
li { margin: 0 0 .5mm; }
table { border-collapse: collapse; width: 100%; }
th { text-align: left; font-weight: 600; color: #44576b; font-size: 7.6pt; border-bottom: .3mm solid #c9d3dd; }
td, th { padding: .5mm 1.2mm .5mm 0; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
tr + tr td { border-top: .1mm solid #e3e8ed; }
.nowrap { white-space: nowrap; }
.muted { color: #6b7785; }
.text { white-space: pre-line; overflow-wrap: anywhere; }
td, li, p, h1, .k-name { overflow-wrap: anywhere; }
header.page { display: flex; gap: 4mm; align-items: center; border-bottom: .6mm solid #1f5fa8;
  padding-bottom: 2mm; margin-bottom: 2.5mm; }
header.page img { max-height: 13mm; max-width: 40mm; object-fit: contain; }
header.page .title { flex: 1; }
header.page .meta { color: #44576b; margin-top: .6mm; }
header.page .brand { text-align: right; color: #44576b; max-width: 60mm; }
.kicker { text-transform: uppercase; letter-spacing: .06em; font-size: 7.4pt; color: #1f5fa8; font-weight: 700; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 2mm 5mm; }
.wide { grid-column: 1 / -1; }
.col { display: flex; flex-direction: column; gap: 2mm; min-width: 0; }
section { break-inside: avoid; }
section.flows { break-inside: auto; }
tr, .kpi, li { break-inside: avoid; }
.rag { display: inline-block; padding: 0 1.6mm; border-radius: 1mm; color: #fff; font-weight: 700;
  font-size: 7.6pt; white-space: nowrap; }
.rag-green { background: #2e7d32; } .rag-amber { background: #e08600; } .rag-red { background: #c62828; }
.rag-none { background: #8a96a3; }
td.fired { font-size: 7pt; line-height: 1.2; padding-top: .4mm; padding-bottom: .4mm; }
.headline { display: grid; grid-template-columns: 1.3fr 1fr 1fr; gap: 5mm; align-items: start; }
.big { font-size: 17pt; font-weight: 700; line-height: 1.05; }
.meter { height: 2.2mm; background: #e3e8ed; border-radius: 1mm; overflow: hidden; margin: 1mm 0; }
.meter > span { display: block; height: 100%; background: #1f5fa8; }
.kpis { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 2mm 4mm; }
.kpi { break-inside: avoid; }
.k-name { font-weight: 600; }
.k-figures { font-variant-numeric: tabular-nums; }
.chart svg { display: block; width: 100%; height: auto; max-height: 22mm; }
.timeline { position: relative; margin: 1mm 0 0; }
.axis { position: absolute; left: 0; right: 0; height: .5mm; background: #9aa7b4; }
.tick { position: absolute; font-size: 7pt; color: #6b7785; transform: translateX(-50%); white-space: nowrap; }
.tick.first, .today-label.first { transform: none; }
.tick.last, .today-label.last { transform: translateX(-100%); }
.mark { position: absolute; width: 2.4mm; height: 2.4mm; transform: translate(-50%, -50%) rotate(45deg);
  background: #1f5fa8; }
.mark.done { background: #2e7d32; } .mark.late { background: #c62828; }
.today { position: absolute; width: .4mm; background: #c62828; }
.today-label { position: absolute; font-size: 7pt; color: #c62828; font-weight: 700; transform: translateX(-50%);
  white-space: nowrap; }
.label { position: absolute; font-size: 7.2pt; line-height: 1.15; max-width: 33%; padding-left: 1mm;
  border-left: .3mm solid #9aa7b4; overflow: hidden; background: #fff; z-index: 1; white-space: nowrap; text-overflow: ellipsis; }
.label.right { border-left: 0; border-right: .3mm solid #9aa7b4; padding: 0 1mm 0 0; text-align: right;
  transform: translateX(-100%); }
footer.page { margin-top: 3mm; padding-top: 1mm; border-top: .3mm solid #c9d3dd; color: #6b7785;
  display: flex; justify-content: space-between; gap: 4mm; font-size: 7.2pt; }
td.name { min-width: 18mm; }
td.status { min-width: 42mm; }
ul.since { columns: 2; column-gap: 8mm; }
@media print {
  body { padding: 0; max-width: none; }
  footer.page { display: none; }  /* printed in the page's margin instead, on every page (page_boxes) */
}
"""


def css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces as a CSS escape, so
    that nothing in it can close the string, the rule or the ``<style>`` element."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text) + '"'


def page_boxes(left: str, right: str) -> str:
    """The printed page's footer, on every page (Chromium draws ``@page`` margin boxes): ``left``
    and ``right`` texts, the page number between them."""
    box = "font: 7pt Helvetica, Arial, sans-serif; color: #6b7785; border-top: .3mm solid #c9d3dd; margin-top: 3mm;"
    return (
        "@page {"
        f" @bottom-left {{ content: {css_string(left)}; {box} }}"
        f' @bottom-center {{ content: counter(page) " / " counter(pages); {box} }}'
        f" @bottom-right {{ content: {css_string(right)}; {box} }}"
        " }"
    )
