import json

import pytest
from helpers import EXAMPLES
from typer.testing import CliRunner

from newsgraph.cli import app

pytestmark = pytest.mark.model
runner = CliRunner()
ARTICLE = EXAMPLES / "diplomacy-lisbon-talks.txt"


def test_json_output_is_one_analysis(tmp_path):
    result = runner.invoke(
        app, ["analyze", str(ARTICLE), "--published", "2024-12-04", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "newsgraph/analysis@1"
    assert data["article"]["published"] == "2024-12-04"
    names = {a["name"] for a in data["actors"]}
    assert {"Helena Marques", "Karim Bennani", "Portugal", "Morocco"} <= names
    tuesday = [t for t in data["times"] if t["text"] == "Tuesday"]
    assert tuesday and tuesday[0]["value"] == "2024-12-03"
    marques = next(a["id"] for a in data["actors"] if a["name"] == "Helena Marques")
    cable = [q for q in data["quotes"] if q["text"].startswith("This cable is a bridge")]
    assert len(cable) == 1 and cable[0]["kind"] == "direct" and cable[0]["speaker"] == marques
    lisbon = next(p for p in data["places"] if p["name"] == "Lisbon")
    assert (lisbon["kind"], lisbon["country"]) == ("city", "PRT")
    agreed = [e for e in data["events"] if e["trigger"] == "agreed"]
    assert len(agreed) == 1 and agreed[0]["type"] == "AGREE"
    assert agreed[0]["date"] == "2024-12-03" and agreed[0]["status"] == "asserted"
    assert marques in agreed[0]["source"] and len(agreed[0]["source"]) == 2


def test_plover_output_is_one_record_per_event():
    result = runner.invoke(
        app, ["analyze", str(ARTICLE), "--published", "2024-12-04", "--format", "plover"]
    )
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["event"] and r["text"] and r["language"] == "en" for r in records)
    agreed = next(r for r in records if r["eventText"] == "agreed")
    assert agreed["event"] == "AGREE" and agreed["date"] == "2024-12-03"
    assert {a["code"] for a in agreed["source"]} == {"PRT", "MAR"}


def test_bad_inputs_are_reported_and_the_rest_analysed(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("Le ministre fran\xe7ais a parl\xe9.".encode("latin-1"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    files = [str(empty), str(binary), str(ARTICLE), str(latin1), str(huge)]
    result = runner.invoke(app, ["analyze", *files, "--format", "jsonl"])
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["article"]["source"] == str(ARTICLE)
    err = result.stderr
    assert f"skipped {empty}: E001" in err
    assert f"skipped {binary}: E002" in err
    assert f"skipped {latin1}: E003" in err
    assert f"skipped {huge}: E004" in err
    assert "4 of 5 input(s) skipped; 1 analysed" in err


def test_standard_input_and_text_report():
    text = ARTICLE.read_text(encoding="utf-8")
    result = runner.invoke(
        app, ["analyze", "-", "--title", "Lisbon talks"], input=text, env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "Lisbon talks" in result.stdout
    assert "Helena Marques" in result.stdout and "Prime Minister, Portugal" in result.stdout


def test_invalid_date_is_refused():
    result = runner.invoke(app, ["analyze", str(ARTICLE), "--published", "04/12/2024"])
    assert result.exit_code == 2
    assert "E007" in result.stderr


def test_schema_command_prints_the_json_schema():
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$id"] == "newsgraph/analysis@1"
    assert {"article", "actors", "quotes", "events", "times", "places"} <= set(schema["properties"])


def test_a_users_actor_dictionary_adds_actors(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Officials of Arvenia Holdings met the Vostok Brigade near the border.\n")
    dictionary = tmp_path / "actors.tsv"
    dictionary.write_text(
        "name\taliases\ttype\tcountry\tsector\nVostok Brigade\tthe Brigade\tORG\tRUS\tMIL\n"
    )
    try:
        result = runner.invoke(
            app, ["analyze", str(article), "--actors", str(dictionary), "--format", "json"]
        )
    finally:
        from newsgraph import knowledge

        knowledge.clear_actor_dictionaries()
    assert result.exit_code == 0, result.output
    brigade = [a for a in json.loads(result.stdout)["actors"] if a["name"] == "Vostok Brigade"]
    assert len(brigade) == 1
    assert (brigade[0]["type"], brigade[0]["country"], brigade[0]["sector"]) == (
        "ORG",
        "RUS",
        "MIL",
    )


def test_a_malformed_actor_dictionary_is_refused(tmp_path):
    dictionary = tmp_path / "actors.tsv"
    dictionary.write_text("Vostok Brigade\t\tARMY\n")
    result = runner.invoke(app, ["analyze", str(ARTICLE), "--actors", str(dictionary)])
    assert result.exit_code == 2
    assert "line 1" in result.stderr
