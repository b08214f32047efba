from kvi import yaml_source


def test_lines_are_remembered_for_nested_values():
    data, problems = yaml_source.parse("a: 1\nb:\n  - x: 2\n  - z: 3\n", "f.yml")
    assert problems == []
    assert yaml_source.line_at(data, ["b", 1, "z"]) == 4
    assert yaml_source.line_at(data, ["a"]) == 1


def test_duplicate_key_is_a_problem_not_silently_dropped():
    _, problems = yaml_source.parse("id: a\nname: x\nname: y\n", "data/x.yml")
    assert [str(p) for p in problems] == ["data/x.yml:3: name: this key appears twice in the same block; keep one"]


def test_syntax_error_names_file_and_line():
    _, problems = yaml_source.parse("a: 1\nb: [1, 2\nc: 3\n", "data/x.yml")
    assert len(problems) == 1
    assert problems[0].file == "data/x.yml" and problems[0].line == 3
    assert problems[0].message.startswith("invalid YAML")


def test_dates_stay_text_and_line_offset_applies():
    data, _ = yaml_source.parse("d: 2026-01-02\n", "f.md", line_offset=1)
    assert data["d"] == "2026-01-02"
    assert data.line_of("d") == 2


def test_values_yaml_would_silently_convert_stay_as_typed():
    data, problems = yaml_source.parse(
        "ags: 05111\ntime: 14:30\nanswer: no\non: yes\ndate: 2026-01-02\nphone: 0800 111\n"
        "count: 12\nratio: 1.5\nflag: true\nempty:\nnothing: null\n", "f.yml")
    assert problems == []
    assert data == {"ags": "05111", "time": "14:30", "answer": "no", "on": "yes", "date": "2026-01-02",
                    "phone": "0800 111", "count": 12, "ratio": 1.5, "flag": True, "empty": None, "nothing": None}
