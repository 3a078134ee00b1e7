from django.urls import path

from contributions import views

urlpatterns = [
    path("gui-tin-bai/", views.send_tip, name="contributions_tip"),
    path("de-cu-guong-sang/", views.nominate, name="contributions_nominate"),
    path("cua-toi/", views.mine, name="contributions_mine"),
    path("xac-minh-email/", views.verify_email, name="contributions_verify"),
    path("xac-minh-email/<str:token>/", views.verify_link, name="contributions_verify_link"),
]
