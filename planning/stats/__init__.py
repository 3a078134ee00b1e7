"""The figures behind every report, counted from the page tree, the workflow and the audit log.

Each function runs a fixed number of queries whatever the period: pages are grouped by their
department in the database, through the prefix of their tree path (a department's pages are
exactly the pages whose path starts with the department's), and the few departments are
loaded once. Pages are counted in the site's default language; translations are the board's
work on the same content and would count it twice.
"""

from planning.stats.cache import cached
from planning.stats.campaigns import AROUND_DAYS, campaign_links, campaigns, exemplars
from planning.stats.common import Departments, content_types, median, percentile
from planning.stats.contributions import contributions, shortlist
from planning.stats.members import member_contributions, member_shortlist
from planning.stats.moderation import moderation, moderation_figures, waiting_pages
from planning.stats.targets import plan_targets

__all__ = [
    "AROUND_DAYS",
    "cached",
    "Departments",
    "campaign_links",
    "campaigns",
    "content_types",
    "contributions",
    "exemplars",
    "median",
    "member_contributions",
    "member_shortlist",
    "moderation",
    "moderation_figures",
    "percentile",
    "plan_targets",
    "shortlist",
    "waiting_pages",
]
