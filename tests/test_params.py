"""Parameters files: strict, typed, located errors with suggestions; init writes defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

from analysis.errors import ParamsValidationError
from analysis.params import TownshipParams, init_params, read_params, township_params


def write(tmp_path: Path, text: str, name: str = "baishi.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path) -> list:
    with pytest.raises(ParamsValidationError) as info:
        read_params(path)
    return info.value.problems


def test_valid_file_and_defaults(tmp_path: Path) -> None:
    p = read_params(write(tmp_path, "township_code: baishi\ndataset: demo\nlanguage: en\n"))
    assert p.language == "en" and p.forecast_horizon == 5 and p.formats == ("html", "pdf")


def test_unknown_key_suggests(tmp_path: Path) -> None:
    path = write(tmp_path, "township_code: baishi\ndataset: demo\nlangauge: en\n")
    (p,) = problems(path)
    assert p.field == "langauge" and "did you mean 'language'" in p.message
    assert p.file == str(path)


@pytest.mark.parametrize(("text", "field"), [
    ("forecast_horizon: five", "forecast_horizon"),
    ("forecast_horizon: 0", "forecast_horizon"),
    ("language: fr", "language"),
    ("formats: [html, docx]", "formats.1"),
])
def test_wrong_type_or_value(tmp_path: Path, text: str, field: str) -> None:
    ps = problems(write(tmp_path, f"township_code: baishi\ndataset: demo\n{text}\n"))
    assert [p.field for p in ps] == [field]
    assert "baishi.yaml" in ps[0].format()


def test_missing_key(tmp_path: Path) -> None:
    ps = problems(write(tmp_path, "township_code: baishi\n"))
    assert ps[0].field == "dataset" and "missing" in ps[0].message


def test_broken_yaml_names_line(tmp_path: Path) -> None:
    ps = problems(write(tmp_path, "township_code: baishi\ndataset: [demo\nlanguage: zh\n"))
    assert "not valid YAML" in ps[0].message and ps[0].line is not None


def test_not_a_mapping(tmp_path: Path) -> None:
    ps = problems(write(tmp_path, "- just\n- a list\n"))
    assert "expected a mapping" in ps[0].message


def test_code_must_match_file_name(tmp_path: Path) -> None:
    ps = problems(write(tmp_path, "township_code: hekou\ndataset: demo\n"))
    assert ps[0].field == "township_code" and "file name" in ps[0].message


def test_dataset_must_match(tmp_path: Path) -> None:
    write(tmp_path, "township_code: baishi\ndataset: other\n")
    with pytest.raises(ParamsValidationError, match="does not match the data directory"):
        township_params(tmp_path, "baishi", "demo")
    assert township_params(tmp_path, "hekou", "demo").township_code == "hekou"  # default


def test_init_writes_and_keeps(tmp_path: Path) -> None:
    written = init_params(["baishi", "hekou"], "demo", tmp_path)
    assert [p.name for p in written] == ["baishi.yaml", "hekou.yaml"]
    assert read_params(written[0]) == TownshipParams(township_code="baishi", dataset="demo")
    (tmp_path / "hekou.yaml").write_text("township_code: hekou\ndataset: demo\nlanguage: en\n")
    assert init_params(["baishi", "hekou"], "demo", tmp_path) == []
    assert read_params(tmp_path / "hekou.yaml").language == "en"


def test_committed_demo_params_are_valid() -> None:
    root = Path(__file__).resolve().parents[1] / "params" / "demo"
    files = sorted(root.glob("*.yaml"))
    assert len(files) >= 10
    for f in files:
        assert read_params(f).dataset == "demo"
