from django.views.decorators.clickjacking import xframe_options_sameorigin

from wagtail.documents.views import serve

# A document page shows its PDF in an <iframe> of this view, so the site itself may frame it
# (X_FRAME_OPTIONS is DENY everywhere else); other sites still cannot.
serve_document = xframe_options_sameorigin(serve.serve)
