"""Turns the demo's small body tuples (see ``cms.demo.content``) into raw StreamField data."""

import uuid
from html import escape


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _item(value):
    return {"type": "item", "value": value, "id": str(uuid.uuid4())}


def _html(kind, content):
    if kind == "ul":
        return (
            "<ul>" + "".join(f"<li>{escape(item, quote=False)}</li>" for item in content) + "</ul>"
        )
    return f"<p>{escape(content, quote=False)}</p>"


class StreamBuilder:
    """Raw blocks for one page; ``media`` finds images and documents, ``pages`` pages by slug.

    Consecutive paragraphs and lists become one rich text block, as an editor would type them.
    """

    def __init__(self, media, pages, credit=""):
        self.media, self.pages, self.credit = media, pages, credit

    def build(self, items):
        blocks = []
        for kind, *args in items:
            if kind in ("p", "ul"):
                html = _html(kind, args[0])
                if blocks and blocks[-1]["type"] == "paragraph":
                    blocks[-1]["value"] += html
                else:
                    blocks.append(_block("paragraph", html))
            else:
                blocks.append(getattr(self, f"_{kind}")(*args))
        return blocks

    def _h2(self, text):
        return _block("heading", {"text": text, "level": "h2"})

    def _h3(self, text):
        return _block("heading", {"text": text, "level": "h3"})

    def _quote(self, text, attribution):
        return _block("quote", {"text": text, "attribution": attribution})

    def _picture(self, key, caption, credit=None):
        image = self.media.image(key)
        return {"image": image.pk, "caption": caption, "credit": credit or self.credit}

    def _image(self, key, caption, credit=None):
        return _block("image", self._picture(key, caption, credit))

    def _gallery(self, title, pictures):
        items = [_item(self._picture(key, caption)) for key, caption in pictures]
        return _block("gallery", {"title": title, "images": items})

    def _doc(self, key, label):
        return _block("document", {"document": self.media.document(key).pk, "title": label})

    def _cta(self, text, button, target):
        page_id, url = None, ""
        if target.startswith("page:"):
            page_id = self.pages(target.removeprefix("page:")).pk
        else:
            url = target
        return _block(
            "call_to_action",
            {"text": text, "button_label": button, "page": page_id, "external_url": url},
        )

    def _figures(self, figures):
        items = [_item({"number": number, "label": label}) for number, label in figures]
        return _block("key_figures", {"figures": items})

    def _infographic(self, key, title, description):
        image = self.media.infographic(key)
        return _block(
            "infographic", {"image": image.pk, "title": title, "description": description}
        )
