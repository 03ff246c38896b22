"""The recommendations on round 11's blind second set (data/real/, restored by data/real/restore.py): a US city
council committee's report recommends in its formula, "... begs leave to recommend that Your Honorable Body DO PASS
the proposed ordinance ..."."""
from __future__ import annotations

import pytest
from real_util import summary


@pytest.mark.parametrize("name, verb, start", [
    ("chicago-city-council_2016_so2016-561-traffic-regulations-do-not-pass-report", "DO NOT PASS",
     "DO NOT PASS the sundry proposed ordinance(s)"),
    ("chicago-city-council_2016_so2016-64-residential-permit-parking-ordinance", "DO PASS",
     "DO PASS the proposed substitute ordinance(s)"),
])
def test_a_committees_formula_is_its_recommendation(name, verb, start):
    # "Your Committee ... begs leave to recommend that Your Honorable Body DO NOT PASS the sundry ..."
    recs = summary(name).recommendations
    assert [r.verb for r in recs] == [verb] and recs[0].text.startswith(start)
