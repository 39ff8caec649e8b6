"""Finder: from difficulties at work and a kind of work to ranked adjustments and a printable plan.

It reads the adjustment catalogue (content/adjustments/) that Pelican has already read and the
content checks have passed, and writes:

- /finder/                        the finder (JavaScript keeps the choice in the URL:
                                  ?d=<difficulty>&d=...&s=<setting>&a=<adjustment>...)
- /finder/<difficulty>/            ranked over every kind of work, with links to each setting
- /finder/<difficulty>/<setting>/  ranked for that setting (the no-JavaScript path)
                                  with "Show only" filters that work by CSS (filters.py)
- /finder/<difficulty>/<setting>/plan/ and /finder/plan/   the printable adjustment plan
- /finder/finder-data.json         the small catalogue the finder page's JavaScript fetches

and gives each adjustment page its difficulties, fit per setting, badges, case studies and
guidance. Ranking (ranking.py): relevance to the chosen situations, then to the chosen
difficulties, then Fit for the setting, then cost band and kind of cost, then slug.
Pages per situation (what exactly is hard): /finder/<difficulty>/<situation>/ and
/finder/<difficulty>/<situation>/<setting>/.

Settings (with defaults):

- FINDER_MIN_RESULTS = 3: every difficulty must offer at least this many adjustments in every
  setting (a Fit score of 1 or more), or the build fails naming the pairs; 0 turns it off.
- FINDER_REVIEW_WEEKS = 4: the plan's review date defaults to this many weeks after the date
  agreed (the plan says "usually 4 to 6 weeks").
- FINDER_GUIDANCE_TOPICS = ["adjustments"]: topics whose guidance every adjustment page lists.
- FINDER_SIMILAR_CASE_STUDIES = 3: after the case studies that name an adjustment, how many
  more that share one of its difficulties its page lists.
- FINDER_DATA_SAVE_AS = "finder/finder-data.json": where the finder's data is written.
- FINDER_SHOW_FIRST = 8: result lists show this many, and the rest behind "Show all N".
- FINDER_OPEN_DATA_FOLDER = "data": where the catalogue is published as open data
  (adjustments.json, adjustments.csv and adjustments.schema.json).
- FINDER_FUNDING_GUIDANCE = "access-to-work": the guidance page (slug) that adjustment pages
  link to when Access to Work may help fund an adjustment.
"""

from .plugin import register

__all__ = ["register"]
