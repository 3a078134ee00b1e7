"""Members' account pages on the public site; included without a language prefix in Vietnamese."""

from django.urls import path

from members import views

urlpatterns = [
    path("dang-xuat/", views.LogoutView.as_view(), name="members_logout"),
    path("quen-mat-khau/", views.PasswordResetView.as_view(), name="members_password_reset"),
    path(
        "quen-mat-khau/da-gui/",
        views.PasswordResetDoneView.as_view(),
        name="members_password_reset_done",
    ),
    path(
        "dat-lai-mat-khau/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(),
        name="members_password_reset_confirm",
    ),
    path(
        "dat-lai-mat-khau/xong/",
        views.PasswordResetCompleteView.as_view(),
        name="members_password_reset_complete",
    ),
]
