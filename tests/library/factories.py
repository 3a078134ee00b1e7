"""Document library pages for tests (wagtail-factories, Vietnamese Faker text)."""

import datetime

import factory

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from cms import roles
from library.models import DocumentLibraryPage, DocumentPage, DocumentPageFile
from tests import factories


class DocumentLibraryPageFactory(factories.BasePageFactory):
    title = "Thư viện văn bản"
    intro = "<p>Văn bản của Công đoàn trường.</p>"

    class Meta:
        model = DocumentLibraryPage


class DocumentPageFactory(factories.TaggedPageFactory):
    title = factories.headline(8)
    number = factory.Sequence(lambda n: f"{n + 1:02d}/KH-CĐT")
    kind = "ke-hoach"
    issuer = "Ban Chấp hành Công đoàn trường"
    date_issued = datetime.date(2025, 3, 1)
    summary = factories.vi("paragraph", nb_sentences=2)

    class Meta:
        model = DocumentPage
        skip_postgeneration_save = True

    @factory.post_generation
    def files(obj, create, extracted, **kwargs):
        """One PDF by default; ``files=[document, …]`` attaches those; ``files=[]`` none."""
        if not create:
            return
        documents = [factories.DocumentFactory()] if extracted is None else extracted
        for number, document in enumerate(documents):
            DocumentPageFile.objects.create(page=obj, document=document, sort_order=number)


def members_group():
    return Group.objects.get_or_create(name=roles.MEMBERS)[0]


def make_members_only(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([members_group()])
    return restriction


def member(django_user_model, username="doanvien.kiemthu", email="yen.vu@truong.edu.vn"):
    user = django_user_model.objects.create_user(
        username,
        email=email,
        password="mat-khau-doan-vien-2026",
        first_name="Vũ Hải",
        last_name="Yến",
    )
    user.groups.add(members_group())
    return user
