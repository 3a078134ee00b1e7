"""Contributions per department and author, and the commendation shortlist."""

from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from planning.stats.common import (
    BOARD_KEY,
    BOARD_LABEL,
    Departments,
    content_types,
    published,
    type_label,
    user_names,
)

# Contributions ----------------------------------------------------------------------------


def published_counts_raw(period, departments, types):
    """(department pk or None, owner id, content type id, pages) first published in
    ``period``, counted from the page tree. One query."""
    grouped = (
        published(period)
        .filter(content_type_id__in=list(types))
        .annotate(**departments.annotations())
        .values("owner_id", "content_type_id", *departments.annotations())
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in grouped:
        department = departments.of(row)
        yield (
            department.pk if department else None,
            row["owner_id"],
            row["content_type_id"],
            row["n"],
        )


def published_counts(period, departments, types):
    """The same, read from the report summary (whole years, months and days). Two queries
    (one when the summary is current)."""
    from planning.models import ReportFigure
    from planning.stats import summary

    summary.ensure_current()
    for _metric, department, owner, content_type, n in summary.read(
        period, [ReportFigure.PUBLISHED], "department", "user", "content_type"
    ):
        if content_type in types:
            yield department, owner, content_type, n


def contributions(period, counts=published_counts):
    """Pages first published in ``period`` per department and per author, by page type.

    Returns {"types": [(ct id, label)], "departments": rows, "authors": rows, "total": row};
    each row has "name", "counts" {ct id: n} and "total". Four queries (five when the
    summary has something new to count).
    """
    departments = Departments()
    types = content_types()
    by_department = defaultdict(Counter)
    by_author = defaultdict(Counter)
    author_department = defaultdict(Counter)
    used_types = Counter()
    for department, owner, content_type, n in counts(period, departments, types):
        key = department if department in departments.by_pk else BOARD_KEY
        by_department[key][content_type] += n
        by_author[owner][content_type] += n
        author_department[owner][key] += n
        used_types[content_type] += n
    names = user_names(by_author)
    type_columns = sorted(
        ((pk, type_label(model)) for pk, model in types.items() if used_types[pk]),
        key=lambda item: item[1],
    )

    def row(name, counts, url="", department=""):
        return {
            "name": name,
            "department": department,
            "counts": dict(counts),
            "total": sum(counts.values()),
            "url": url,
        }

    department_rows = [
        row(d.name, by_department.get(d.pk, Counter()), d.pages_url) for d in departments.list
    ]
    department_rows.append(row(str(BOARD_LABEL), by_department.get(BOARD_KEY, Counter())))
    department_name = {d.pk: d.name for d in departments.list}
    department_name[BOARD_KEY] = str(BOARD_LABEL)
    author_rows = []
    for owner_id, counts in by_author.items():
        main = _main(author_department[owner_id])
        author_rows.append(
            row(
                names.get(owner_id, str(_("(deleted account)"))),
                counts,
                department=department_name.get(main, ""),
            )
        )
    author_rows.sort(key=lambda r: (-r["total"], r["name"]))
    return {
        "types": type_columns,
        "departments": department_rows,
        "authors": author_rows,
        "total": row(str(_("Total")), used_types),
    }


def _main(counter):
    """The key counted most, the first by name on a tie (the same whatever the row order)."""
    return min(counter.items(), key=lambda item: (-item[1], str(item[0])))[0]


# Commendation -----------------------------------------------------------------------------


TITLES_PER_ENTRY = 40


def contributions_raw(period):
    """``contributions`` counted from the page tree (the summary's reference)."""
    return contributions(period, published_counts_raw)


def shortlist_raw(period, size):
    return shortlist(period, size, published_counts_raw)


def shortlist(period, size, counts=published_counts):
    """The people and departments who published most in ``period``, with their pages.

    One grouped query ranks everyone; then each of the (at most ``size``) people and
    departments on the list has its pages fetched, at most TITLES_PER_ENTRY of them: the query
    count depends on the list's size, a setting, never on the period or the archive.
    """
    departments = Departments()
    types = content_types()
    base = published(period).filter(content_type_id__in=list(types))
    per_person = Counter()
    per_department = Counter()
    where = defaultdict(Counter)
    for department_pk, owner, _type, n in counts(period, departments, types):
        department = departments.by_pk.get(department_pk)
        per_person[owner] += n
        where[owner][department.name if department else str(BOARD_LABEL)] += n
        if department:
            per_department[department.pk] += n
    names = user_names(per_person)
    department_by_pk = {d.pk: d for d in departments.list}

    def titles(pages, total):
        pages = list(
            pages.order_by("first_published_at", "pk").values("title", "first_published_at")[
                :TITLES_PER_ENTRY
            ]
        )
        text = "; ".join(
            f"{p['title']} ({timezone.localtime(p['first_published_at']):%d/%m/%Y})" for p in pages
        )
        if total > len(pages):
            text += " " + str(_("… and %(n)s more") % {"n": total - len(pages)})
        return text

    def top(counter, name):
        return sorted(counter.items(), key=lambda item: (-item[1], name(item[0])))[:size]

    people = []
    ranked = top(per_person, lambda pk: names.get(pk, ""))
    for rank, (owner_id, total) in enumerate(ranked, start=1):
        people.append(
            {
                "rank": rank,
                "kind": str(_("Person")),
                "name": names.get(owner_id, str(_("(deleted account)"))),
                "department": _main(where[owner_id]),
                "total": total,
                "pages": titles(base.filter(owner_id=owner_id), total),
                "url": "",
            }
        )
    units = []
    ranked = top(per_department, lambda pk: department_by_pk[pk].name)
    for rank, (pk, total) in enumerate(ranked, start=1):
        department = department_by_pk[pk]
        inside = Q()
        for path in department.paths:
            inside |= Q(path__startswith=path)
        units.append(
            {
                "rank": rank,
                "kind": str(_("Department")),
                "name": department.name,
                "department": department.name,
                "total": total,
                "pages": titles(base.filter(inside), total),
                "url": department.pages_url,
            }
        )
    return {"people": people, "departments": units}
