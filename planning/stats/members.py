"""Member contributions (news tips and exemplar nominations from the `contributions` app), per
department and per member, and the members to commend.

In a period, a contribution counts as *received* when it was sent in the period, *published*
when its draft page was first published in the period, and *declined* when it was declined in
the period: one contribution sent in May and published in June counts in each month once.
"""

from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from planning.stats.common import Departments, user_names

NO_DEPARTMENT = _("No department")
KINDS = ("tips", "nominations", "published", "declined")


def _conditions(period):
    from contributions.models import Contribution

    start, end = period.bounds()
    received = Q(created__gte=start, created__lt=end)
    published = Q(
        status=Contribution.STATUS_PUBLISHED,
        page__first_published_at__gte=start,
        page__first_published_at__lt=end,
    )
    declined = Q(status=Contribution.STATUS_DECLINED, declined_at__gte=start, declined_at__lt=end)
    return received, published, declined


TITLES_PER_ENTRY = 40


def _member_key(submitter_id, submitter_email):
    """A member's account id, or "email:<address>" for a visitor who sent from a verified
    e-mail (no account: the board may open the forms to them)."""
    if submitter_id is not None:
        return submitter_id
    if submitter_email:
        return f"email:{submitter_email}"
    return None


def _member_name(key, names):
    if isinstance(key, str):
        return key.removeprefix("email:")
    return names.get(key, str(_("(deleted account)")))


def member_contributions(period):
    """Counts per department and per member, with each member's published pages. Four queries
    (departments, counts, names, titles).

    Returns {"departments": rows, "members": rows, "total": row}; each row has "name",
    "tips", "nominations" (received in the period), "published", "declined" and "received".
    """
    from contributions.models import Contribution

    departments = Departments()
    received, published, declined = _conditions(period)
    rows = (
        Contribution.objects.filter(received | published | declined)
        .values("department_id", "submitter_id", "submitter_email")
        .annotate(
            tips=Count("pk", filter=received & Q(kind=Contribution.KIND_TIP)),
            nominations=Count("pk", filter=received & Q(kind=Contribution.KIND_NOMINATION)),
            published=Count("pk", filter=published),
            declined=Count("pk", filter=declined),
        )
        .order_by()
    )
    per_department = defaultdict(Counter)
    per_member = defaultdict(Counter)
    member_department = defaultdict(Counter)
    total = Counter()
    for row in rows:
        department = departments.by_pk.get(row["department_id"])
        key = department.pk if department else None
        member = _member_key(row["submitter_id"], row["submitter_email"])
        for kind in KINDS:
            per_department[key][kind] += row[kind]
            per_member[member][kind] += row[kind]
            total[kind] += row[kind]
        member_department[member][key] += sum(row[kind] for kind in KINDS)
    names = user_names([member for member in per_member if isinstance(member, int)])

    def row(name, counts, **extra):
        return {
            "name": name,
            **{kind: counts[kind] for kind in KINDS},
            "received": counts["tips"] + counts["nominations"],
            **extra,
        }

    department_rows = [
        row(d.name, per_department.get(d.pk, Counter()), url=d.pages_url) for d in departments.list
    ]
    if None in per_department:
        department_rows.append(row(str(NO_DEPARTMENT), per_department[None]))
    department_name = {d.pk: d.name for d in departments.list}
    member_rows = []
    for user_id, counts in per_member.items():
        # Where the member sent most, the first by name on a tie.
        main = min(
            member_department[user_id].items(),
            key=lambda item: (-item[1], department_name.get(item[0], "")),
        )[0]
        member_rows.append(
            row(
                _member_name(user_id, names),
                counts,
                user_id=user_id,
                department=department_name.get(main, str(NO_DEPARTMENT)),
            )
        )
    member_rows.sort(key=lambda r: (-r["published"], -r["received"], r["name"]))
    titles = published_titles(period, per_member, TITLES_PER_ENTRY)
    for member in member_rows:
        member["pages"] = titles.get(member["user_id"], "")
    return {
        "departments": department_rows,
        "members": member_rows,
        "total": row(str(_("Total")), total),
    }


def published_titles(period, user_ids, limit):
    """{member id: "Title (dd/mm/yyyy); …"} of the pages their contributions became, first
    published in ``period``. One query, whatever the number of members."""
    from contributions.models import Contribution

    _received, published, _declined = _conditions(period)
    ids = [key for key in user_ids if isinstance(key, int)]
    emails = [key.removeprefix("email:") for key in user_ids if isinstance(key, str)]
    found = defaultdict(list)
    for user_id, email, title, when in (
        Contribution.objects.filter(published)
        .filter(Q(submitter_id__in=ids) | Q(submitter__isnull=True, submitter_email__in=emails))
        .order_by("page__first_published_at", "pk")
        .values_list("submitter_id", "submitter_email", "page__title", "page__first_published_at")
    ):
        found[_member_key(user_id, email)].append((title, when))
    text = {}
    for user_id, pages in found.items():
        shown = "; ".join(
            f"{title} ({timezone.localtime(when):%d/%m/%Y})" for title, when in pages[:limit]
        )
        if len(pages) > limit:
            shown += " " + str(_("… and %(n)s more") % {"n": len(pages) - limit})
        text[user_id] = shown
    return text


def member_shortlist(period, size):
    """The members whose contributions were most published in the period (then most sent),
    with their published pages."""
    ranked = member_contributions(period)["members"][:size]
    return [
        {
            "rank": rank,
            "kind": str(pgettext_lazy("member contributions", "Member")),
            "name": row["name"],
            "department": row["department"],
            "total": row["published"],
            "pages": row["pages"],
            "url": "",
        }
        for rank, row in enumerate(ranked, start=1)
    ]
