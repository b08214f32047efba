"""The seeded reference data is complete and consistent."""

from collections import Counter

from kvi.build import ROOT
from kvi.model import load

MODEL, PROBLEMS = load(ROOT)


def test_data_loads_without_problems():
    assert PROBLEMS == []


def test_all_53_districts_of_nrw():
    districts = list(MODEL.kinds["districts"].values())
    assert len(districts) == 53
    assert Counter(d.fields["kind"] for d in districts) == {"kreis": 30, "kreisfreie-stadt": 22, "staedteregion": 1}
    assert len({d.fields["ags"] for d in districts}) == 53
    assert Counter(d.fields["landschaftsverband"] for d in districts) == {"LVR": 26, "LWL": 27}
    assert all(d.fields["source"] and d.fields["licence"] for d in districts)
