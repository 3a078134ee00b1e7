"""Puts the demo's generated pictures and PDFs into Wagtail, once: found again by title."""

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.demo import content, documents, images


class MediaLibrary:
    """Images and documents by key; each one is drawn only when no item has its title yet.

    ``collection_for(key)`` says where a new picture goes (None: the root collection).
    """

    def __init__(self, report, collection_for=None):
        self.report = report
        self.collection_for = collection_for or (lambda key: None)
        self.root = Collection.get_first_root_node()
        self.created_images = 0
        self.created_documents = 0
        self._images = {}
        self._documents = {}

    def _image(self, title, filename, draw, collection=None, fmt="JPEG"):
        if title in self._images:
            return self._images[title]
        Image = get_image_model()
        image = Image.objects.filter(title=title).first()
        if image is None:
            data = images.to_bytes(draw(), fmt)
            image = Image(title=title, collection=collection or self.root)
            image.file = ImageFile(ContentFile(data), name=filename)
            image._set_image_file_metadata()
            image.save()
            self.created_images += 1
        self._images[title] = image
        return image

    def image(self, key):
        title, motif, palette, text = content.IMAGES[key]
        size = images.GALLERY_SIZE if key in content.GALLERY_IMAGES else images.HERO_SIZE

        def draw():
            return images.scene(size, motif, palette, text, content.UNION, seed=key)

        return self._image(title, f"{key}.jpg", draw, self.collection_for(key))

    def infographic(self, key):
        spec = content.INFOGRAPHICS[key]

        def draw():
            return images.infographic(spec["heading"], spec["rows"], spec["footer"])

        return self._image(spec["title"], f"{key}.jpg", draw, self.collection_for(key))

    def portrait(self, name, slug, index, collection=None):
        title = f"Chân dung minh họa – {name}"
        return self._image(
            title, f"chan-dung-{slug}.jpg", lambda: images.portrait(name, index), collection
        )

    def logo(self):
        return self._image(content.LOGO_TITLE, "logo-cong-doan.png", images.logo, fmt="PNG")

    def document(self, key):
        if key in self._documents:
            return self._documents[key]
        spec = content.DOCUMENTS[key]
        Document = get_document_model()
        document = Document.objects.filter(title=spec["title"]).first()
        if document is None:
            data = documents.render_pdf(spec)
            if data is None:
                self.report("  Không tìm thấy phông chữ DejaVu: tài liệu PDF sẽ chỉ có tiêu đề.")
                data = minimal_pdf()
            document = Document(title=spec["title"], collection=self.root)
            document.file = ContentFile(data, name=spec["file"])
            document._set_document_file_metadata()
            document.save()
            self.created_documents += 1
        self._documents[key] = document
        return document

    def move_to(self, image, collection):
        """Put a picture made before its department had a collection into that collection."""
        if collection and image.collection_id == self.root.pk:
            image.collection = collection
            image.save(update_fields=["collection"])


def minimal_pdf():
    """A valid one-page blank PDF, for machines without the DejaVu fonts."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)
