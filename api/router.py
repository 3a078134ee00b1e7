"""The read-only API at /api/v2/: pages, images and documents (README "API")."""

from wagtail.api.v2.router import WagtailAPIRouter

from api.views import PublicDocumentsAPIViewSet, PublicImagesAPIViewSet, PublicPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
api_router.register_endpoint("images", PublicImagesAPIViewSet)
api_router.register_endpoint("documents", PublicDocumentsAPIViewSet)
