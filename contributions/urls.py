from django.urls import path

from contributions import views

urlpatterns = [
    path("gui-tin-bai/", views.send_tip, name="contributions_tip"),
    path("de-cu-guong-sang/", views.nominate, name="contributions_nominate"),
    path("cua-toi/", views.mine, name="contributions_mine"),
]
