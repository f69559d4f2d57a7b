"""A native chart in a Word document: the progress chart of the canvas, editable in Word and Writer.

python-docx has no charts, but a chart in a .docx is the same DrawingML chart part as in a .pptx:
python-pptx writes its XML and its embedded workbook (the data Word's "Edit data" opens), and this
module adds both parts to the document and the inline drawing that shows the chart. So the canvas
carries a real bar chart, not a picture of one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml as docx_xml
from lxml import etree
from pptx.chart.chart import Chart
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml import parse_xml as chart_xml
from pptx.oxml.ns import qn
from pptx.util import Emu, Pt

if TYPE_CHECKING:
    from docx.document import Document
    from docx.text.paragraph import Paragraph

_INLINE = (
    '<w:drawing xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
    ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
    ' xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"'
    ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="{cx}" cy="{cy}"/>'
    '<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="{id}" name="{name}"/><wp:cNvGraphicFramePr/>'
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">'
    '<c:chart r:id="{rid}"/></a:graphicData></a:graphic></wp:inline></w:drawing>'
)


def add_bar_chart(
    document: Document,
    paragraph: Paragraph,
    categories: list[str],
    series: str,
    values: list[float],
    *,
    width: int,
    height: int,
    font: str,
) -> None:
    """A horizontal bar chart of ``values`` (0..1, shown as percentages) in ``paragraph``."""
    data = CategoryChartData(number_format="0%")
    data.categories = categories
    data.add_series(series, values)
    space = chart_xml(data.xml_bytes(XL_CHART_TYPE.BAR_CLUSTERED))
    chart = Chart(space, None)
    chart.has_legend = False
    chart.has_title = False  # the caption above says what it shows
    chart.font.size = Pt(9)
    chart.font.name = font
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.number_format = "0%"
    plot.data_labels.number_format_is_linked = False
    plot.gap_width = 60
    axis = chart.value_axis
    axis.minimum_scale, axis.maximum_scale = 0, 1
    axis.tick_labels.number_format = "0%"
    axis.tick_labels.number_format_is_linked = False
    chart.category_axis.reverse_order = True  # the first category on top, as the table reads
    package = document.part.package
    count = sum(1 for p in package.iter_parts() if str(p.partname).startswith("/word/charts/")) + 1
    book = Part(PackURI(f"/word/embeddings/Microsoft_Excel_Sheet{count}.xlsx"), CT.SML_SHEET, data.xlsx_blob, package)
    chart_part = Part(PackURI(f"/word/charts/chart{count}.xml"), CT.DML_CHART, b"", package)
    book_rid = chart_part.relate_to(book, RT.PACKAGE)
    external = etree.SubElement(space, qn("c:externalData"))
    external.set(qn("r:id"), book_rid)
    etree.SubElement(external, qn("c:autoUpdate")).set("val", "0")
    chart_part._blob = etree.tostring(space, xml_declaration=True, encoding="UTF-8", standalone=True)
    rid = document.part.relate_to(chart_part, RT.CHART)
    drawing = _INLINE.format(cx=int(Emu(width)), cy=int(Emu(height)), id=900 + count, name=f"Chart {count}", rid=rid)
    paragraph.add_run()._r.append(docx_xml(drawing))
