"""The seeded reference data is complete and consistent."""

from collections import Counter

from kvi import model as data_model
from kvi.build import ROOT


def test_data_loads_without_problems(model):
    # The model fixture fails on any problem in data/; here: every data file was loaded.
    assert sorted(model.kinds) == data_model.kinds(ROOT)


def test_all_53_districts_of_nrw(model):
    districts = list(model.kinds["districts"].values())
    assert len(districts) == 53  # official register count: Kreise and kreisfreie Städte of NRW (Destatis)
    # official register counts: 30 Kreise, 22 kreisfreie Städte, the StädteRegion Aachen (Destatis)
    assert Counter(d.fields["kind"] for d in districts) == {"kreis": 30, "kreisfreie-stadt": 22, "staedteregion": 1}
    assert [ags for ags, count in Counter(d.fields["ags"] for d in districts).items() if count > 1] == []
    # official register counts: districts of the Landschaftsverbände Rheinland and Westfalen-Lippe
    assert Counter(d.fields["landschaftsverband"] for d in districts) == {"LVR": 26, "LWL": 27}
    assert all(d.fields["source"] and d.fields["licence"] for d in districts)


def test_all_396_municipalities_each_in_a_known_district(model):
    towns = list(model.kinds["municipalities"].values())
    assert len(towns) == 396  # official register count: Gemeinden of NRW (Destatis Gemeindeverzeichnis)
    assert [ags for ags, count in Counter(t.fields["ags"] for t in towns).items() if count > 1] == []
    for town in towns:
        district = model.record("districts", town.fields["district"])
        assert town.fields["ags"].startswith(district.fields["ags"]), town.id
    per_district = Counter(t.fields["district"] for t in towns)
    assert set(per_district) == set(model.kinds["districts"])
