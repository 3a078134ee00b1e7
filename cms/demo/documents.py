"""Demo documents: short Vietnamese administrative texts typeset with Pillow and saved as PDF.

The pages are pictures of text (Pillow writes image PDFs), which is enough for a demo download;
real documents are uploaded by editors.
"""

import io

from PIL import Image, ImageDraw

from cms.demo.images import font, wrap

PAGE_SIZE = (1240, 1754)  # A4 at 150 dpi
MARGIN = 130
INK = 20


class Typesetter:
    """Lays text out top to bottom, starting a new page when the current one is full."""

    def __init__(self):
        self.pages = []
        self.new_page()

    def new_page(self):
        self.page = Image.new("L", PAGE_SIZE, 255)
        self.draw = ImageDraw.Draw(self.page)
        self.y = MARGIN
        self.pages.append(self.page)

    def line(self, text, face, x=MARGIN, anchor="la", gap=10):
        if self.y + face.size > PAGE_SIZE[1] - MARGIN:
            self.new_page()
        self.draw.text((x, self.y), text, font=face, fill=INK, anchor=anchor)
        self.y += face.size + gap

    def paragraph(self, text, face, indent=0, gap=18):
        for line in wrap(text, face, PAGE_SIZE[0] - 2 * MARGIN - indent):
            self.line(line, face, x=MARGIN + indent)
        self.y += gap

    def centred(self, text, face, x=PAGE_SIZE[0] // 2, width=PAGE_SIZE[0] - 2 * MARGIN, gap=18):
        for part in text.split("\n"):
            for line in wrap(part, face, width):
                self.line(line, face, x=x, anchor="ma")
        self.y += gap


def letterhead(ts, document):
    """The two-column heading every Vietnamese administrative document carries."""
    small, small_bold = font(24, bold=False), font(24)
    left, right = PAGE_SIZE[0] * 0.25, PAGE_SIZE[0] * 0.71
    top = ts.y
    ts.draw.text((left, top), document["issuer_parent"], font=small, fill=INK, anchor="ma")
    ts.draw.text((left, top + 36), document["issuer"], font=small_bold, fill=INK, anchor="ma")
    if document["number"]:
        ts.draw.text(
            (left, top + 92), f"Số: {document['number']}", font=small, fill=INK, anchor="ma"
        )
    ts.draw.text(
        (right, top), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", font=small_bold, fill=INK, anchor="ma"
    )
    ts.draw.text(
        (right, top + 36), "Độc lập – Tự do – Hạnh phúc", font=small_bold, fill=INK, anchor="ma"
    )
    ts.draw.line((left - 60, top + 70, left + 60, top + 70), fill=INK, width=2)
    ts.draw.line((right - 150, top + 70, right + 150, top + 70), fill=INK, width=2)
    place_date = font(24, bold=False)
    ts.draw.text((right, top + 92), document["place_date"], font=place_date, fill=INK, anchor="ma")
    ts.y = top + 190


def typeset(document):
    """The pages (greyscale images) of a document dict from ``cms.demo.content.DOCUMENTS``."""
    body, bold, title = font(30, bold=False), font(30), font(40)
    ts = Typesetter()
    letterhead(ts, document)
    ts.centred(document["heading"].upper(), title, gap=0)
    ts.centred(document["subheading"], bold, gap=40)
    for heading, paragraphs in document["sections"]:
        if heading:
            ts.paragraph(heading, bold, gap=6)
        for text in paragraphs:
            ts.paragraph(text, body, indent=40 if text.startswith("–") else 0)
    signature = PAGE_SIZE[0] - MARGIN - 280
    ts.y += 30
    ts.centred(document["signer_title"], bold, x=signature, width=560, gap=110)
    ts.centred(document["signer"], bold, x=signature, width=560)
    return ts.pages


def render_pdf(document):
    """PDF bytes for ``document``; None when the DejaVu fonts are missing."""
    if not font(30):
        return None
    buffer = io.BytesIO()
    first, *rest = typeset(document)
    first.save(
        buffer,
        "PDF",
        save_all=True,
        append_images=rest,
        resolution=150,
        title=document["title"],
        author=document["issuer"],
    )
    return buffer.getvalue()
