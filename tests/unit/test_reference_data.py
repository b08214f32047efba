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


def test_all_396_municipalities_each_in_a_known_district():
    towns = list(MODEL.kinds["municipalities"].values())
    assert len(towns) == 396
    assert len({t.fields["ags"] for t in towns}) == 396
    for town in towns:
        district = MODEL.record("districts", town.fields["district"])
        assert town.fields["ags"].startswith(district.fields["ags"]), town.id
    per_district = Counter(t.fields["district"] for t in towns)
    assert set(per_district) == set(MODEL.kinds["districts"])
