"""Page furniture (timeline.page), byline dates (timeline.bylines), and both end to end.

Every line here is invented; the byline table is tests/fixtures/page/bylines.toml.
"""

from __future__ import annotations

import datetime as dt
import json
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline.bylines import (
    dateparser_date,
    grammar_date,
    narrow_by_byline,
    parse_byline_date,
)
from timeline.cli import app
from timeline.loader import parse_article
from timeline.page import classify_line, find_furniture, head_furniture
from timeline.schema import Interval
from timeline.segment import sentences

from .conftest import FIXTURES

runner = CliRunner()
MARCH = Interval(earliest=dt.date(2025, 3, 1), latest=dt.date(2025, 3, 31))
BYLINES = tomllib.loads((FIXTURES / "page" / "bylines.toml").read_text(encoding="utf-8"))["byline"]


# --- the classifier ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Door Jan Jansen", "byline"),
        ("Door Jan Jansen en Petra de Vries", "byline"),
        ("Door onze correspondent Anna Smit", "byline"),
        ("Van onze correspondent in Moskou", "byline"),
        ("By John Smith, Associated Press", "byline"),
        ("woensdag, 5 maart 2025, 09:12", "byline"),
        ("05-03-2025 14:32", "byline"),
        ("Bijgewerkt: 12:03", "byline"),
        ("Gepubliceerd op woensdag 5 maart 2025 om 09:12 uur", "byline"),
        ("Updated March 3, 2025 2:32 PM ET", "byline"),
        ("Update 20:05 - Het Kremlin reageert nog niet.", "prefix"),
        ("Foto: ANP", "caption"),
        ("(Beeld: Reuters)", "caption"),
        ("Photo: AP", "caption"),
        ("© ANP", "caption"),
        ("Foto ANP / Robin van Dam", "caption"),
        ("Trump en Poetin bij hun ontmoeting in Helsinki. (Foto: ANP)", "caption"),
        ("Zelensky in Kyiv (AP Photo/Jan Smit)", "caption"),
        ("Zelensky arrives at the summit with his delegation in Jeddah", "caption"),
        ("(ANP/AFP)", "credit"),
        ("(ANP /upday)", "credit"),
        ("Lees ook:", "trailer"),
        ("Lees ook: Trump belt opnieuw met Poetin", "trailer"),
        ("Lees meer", "trailer"),
        ("Meld je aan voor onze nieuwsbrief", "trailer"),
        ("Volg ons op Instagram", "trailer"),
        ("Deel dit artikel", "trailer"),
        ("Meer over dit onderwerp:", "trailer"),
        ("Read more: Trump and Putin to meet", "trailer"),
    ],
)
def test_furniture_lines(line: str, kind: str) -> None:
    mark = classify_line(line)
    assert mark is not None and mark.kind == kind, mark
    assert mark.why


@pytest.mark.parametrize(
    "line",
    [
        "Trump belde dinsdag met Poetin.",
        "Door de oorlog is alles anders geworden.",
        "Door Trump en Poetin gesloten akkoorden houden geen stand.",
        "Meer over de gesprekken werd niet bekendgemaakt.",
        "Onderhandelingen",
        "WASHINGTON (ANP) - Trump heeft met Poetin gebeld.",
        "'We had a very good call with Putin,' schreef Trump.",
        '"We had a very good call," Trump wrote on Truth Social.',
        "De foto's van de ontmoeting gingen de wereld over.",
        "Trump ontmoet Poetin in 2018",
        "Zelensky sprak in Kyiv met de pers over de deal.",
    ],
)
def test_story_lines_are_not_furniture(line: str) -> None:
    assert classify_line(line) is None


def test_a_byline_marks_its_date_and_a_change() -> None:
    mark = classify_line("Door Jan de Vries · 5 maart 2025, 09:12")
    assert mark is not None and mark.date is not None
    line = "Door Jan de Vries · 5 maart 2025, 09:12"
    assert line[mark.date[0] : mark.date[1]] == "5 maart 2025, 09:12"
    assert not mark.updated
    changed = classify_line("Bijgewerkt: woensdag 5 maart 2025 14:32")
    assert changed is not None and changed.updated


def test_link_titles_under_a_lees_ook_label_are_furniture() -> None:
    text = (
        "Trump belde met Poetin. Het gesprek duurde een uur.\n\n"
        "Lees ook:\nTrump ontmoet Zelensky in Washington\nPoetin belt Trump over een ruil\n\n"
        "Het Kremlin zweeg."
    )
    found = find_furniture(text)
    assert [f.text for f in found] == [
        "Lees ook:",
        "Trump ontmoet Zelensky in Washington",
        "Poetin belt Trump over een ruil",
    ]
    assert all(text[f.start : f.end] == f.text for f in found)
    # a label followed by text is no list: the next line is the story again
    assert [
        f.text for f in find_furniture("Lees ook: X\nTrump ontmoet Zelensky in Washington")
    ] == ["Lees ook: X"]


def test_head_furniture_stops_at_the_story() -> None:
    text = (
        "Trump en Poetin bellen\nDoor Jan Jansen\n5 maart 2025, 09:12\n\n"
        "WASHINGTON (ANP) - Trump heeft gebeld.\n\nMaandag 3 maart\n\nEen live-blog."
    )
    assert [f.text for f in head_furniture(text)] == ["Door Jan Jansen", "5 maart 2025, 09:12"]
    assert [f.text for f in find_furniture(text)][-1] == "Maandag 3 maart"


def test_segmentation_marks_furniture_and_drops_a_stamp() -> None:
    text = (
        "Door Jan Jansen\n\nUpdate 20:05 - Trump heeft met Poetin gebeld. Het ging goed.\n\n"
        "Trump en Poetin in Helsinki. (Foto: ANP)"
    )
    got = sentences(text)
    assert [(s.text, s.furniture) for s in got] == [
        ("Door Jan Jansen", True),
        ("Trump heeft met Poetin gebeld.", False),
        ("Het ging goed.", False),
        ("Trump en Poetin in Helsinki. (Foto: ANP)", True),
    ]
    assert all(text[s.start : s.end] == s.text for s in got)


# --- byline dates --------------------------------------------------------------------


def test_byline_dates_dutch_grammar_first() -> None:
    assert parse_byline_date("woensdag, 5 maart 2025, 09:12", MARCH) == (
        dt.date(2025, 3, 5),
        "Dutch grammar",
    )
    assert parse_byline_date("03-03-2025 14:32", MARCH) == (dt.date(2025, 3, 3), "Dutch grammar")
    # dateparser alone reads this Flemish line as 28 February: the grammar goes first
    assert dateparser_date("5/03/2025 om 09.12 uur", MARCH) != dt.date(2025, 3, 5)
    assert parse_byline_date("5/03/2025 om 09.12 uur", MARCH) == (
        dt.date(2025, 3, 5),
        "Dutch grammar",
    )


def test_byline_dates_dateparser_fallback() -> None:
    assert grammar_date("March 3, 2025", MARCH) is None
    assert parse_byline_date("March 3, 2025", MARCH) == (dt.date(2025, 3, 3), "dateparser")
    assert parse_byline_date("5 mrt 2025 09:12", MARCH) == (dt.date(2025, 3, 5), "dateparser")
    assert parse_byline_date("Wed 5 March 09:12", MARCH) == (dt.date(2025, 3, 5), "dateparser")
    assert parse_byline_date("12:03", MARCH) is None  # a time gives no day
    assert parse_byline_date("woensdag", MARCH) is None  # nor does a weekday alone


def test_the_byline_table() -> None:
    """Every invented byline is taken as one and read right; the Dutch grammar alone
    reads 12 of the 30 (the figure in the README)."""
    alone = 0
    for row in BYLINES:
        want = dt.date.fromisoformat(row["day"])
        mark = classify_line(row["text"])
        assert mark is not None and mark.kind == "byline" and mark.date, row
        date = row["text"][mark.date[0] : mark.date[1]]
        got = parse_byline_date(date, MARCH)
        assert got is not None and got.day == want, (row, got)
        alone += grammar_date(date, MARCH) == want
    assert (alone, len(BYLINES)) == (12, 30)


def _article(body: str, date: str = "2025-03") -> object:
    return parse_article(f"date {date}\n\n{body}", "a.txt")


def test_a_byline_narrows_a_month_only_date_line() -> None:
    body = (
        "Trump belt Poetin\nDoor Jan Jansen\nwoensdag, 5 maart 2025, 09:12\n\nTrump belde gisteren."
    )
    pub = narrow_by_byline(_article(body))  # type: ignore[arg-type]
    assert pub is not None
    assert pub.text == "2025-03" and pub.granularity == "month"
    assert pub.narrowed == Interval(earliest=dt.date(2025, 3, 5), latest=dt.date(2025, 3, 5))
    assert pub.narrowed_because == "byline 'woensdag, 5 maart 2025, 09:12' (Dutch grammar)"
    english = "Trump calls Putin\nBy John Smith, March 3, 2025\n\nTrump belde gisteren."
    pub = narrow_by_byline(_article(english))  # type: ignore[arg-type]
    assert pub is not None and pub.narrowed_because and "(dateparser)" in pub.narrowed_because


def test_a_byline_is_not_used_when_it_cannot_narrow() -> None:
    body = "Door Jan Jansen\n5 maart 2025, 09:12\n\nTrump belde gisteren."
    assert narrow_by_byline(_article(body, "2025-03-06")) is None  # a day already
    assert narrow_by_byline(_article(body, "2025-04")) is None  # another month
    below = "Trump belde gisteren met Poetin.\n\n5 maart 2025, 09:12\n\nMeer volgt."
    assert narrow_by_byline(_article(below)) is None  # a stamp in the story, not the byline
    both = "Bijgewerkt: 7 maart 2025, 10:00\nGepubliceerd: 5 maart 2025, 09:12\n\nTrump belde."
    pub = narrow_by_byline(_article(both))  # type: ignore[arg-type]
    assert pub is not None and pub.narrowed and pub.narrowed.earliest == dt.date(2025, 3, 5)


# --- end to end ----------------------------------------------------------------------

STORY = (
    "WASHINGTON (ANP) - De Amerikaanse president Donald Trump heeft gisteren met de "
    "Russische president Vladimir Poetin gebeld. Het gesprek duurde ruim een uur, "
    "meldde het Witte Huis.\n\n"
    "Het Kremlin meldde dat een staakt-het-vuren aan bod kwam.\n\n"
)
CAPTION = "Trump en Poetin ontmoetten elkaar in juli 2018 in Helsinki voor een topoverleg."


def _page(caption_credit: str) -> str:
    return (
        "date 2025-03\n\n"
        "Trump en Poetin bellen opnieuw over Oekraïne\n"
        "Door Jan de Vries\n"
        "woensdag, 5 maart 2025, 09:12\n\n" + STORY + CAPTION + caption_credit + "\n\n"
        "Lees ook:\n"
        "Trump ontmoet Poetin in Helsinki voor topoverleg\n"
        "Lees ook: Poetin en Trump spraken in Riyad over een ontmoeting\n\n"
        "Meld je aan voor onze nieuwsbrief\n"
    )


def _build(tmp_path: Path, name: str, text: str) -> dict:  # type: ignore[type-arg]
    folder = tmp_path / name
    folder.mkdir()
    (folder / "pagina.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["build", str(folder), "-f", "json", "-q"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_end_to_end_page_text(tmp_path: Path) -> None:
    text = _page(" (Foto: ANP)")
    data = _build(tmp_path, "page", text)
    furniture = [
        "Door Jan de Vries",
        "woensdag, 5 maart 2025, 09:12",
        CAPTION + " (Foto: ANP)",
        "Lees ook:",
        "Trump ontmoet Poetin in Helsinki voor topoverleg",
        "Lees ook: Poetin en Trump spraken in Riyad over een ontmoeting",
        "Meld je aan voor onze nieuwsbrief",
    ]
    quotes = [s["quote"] for e in data["events"] for s in e["sources"]]
    assert quotes, "the story's call is found"
    assert not [q for q in quotes if any(f in q or q in f for f in furniture)]
    assert all(e["date"]["earliest"] >= "2025-03-01" for e in data["events"])
    # the call "gisteren" is dated from the byline's day, the date line kept as written
    call = [e for e in data["events"] if e["type"] == "call"]
    assert call and call[0]["date"]["earliest"] == call[0]["date"]["latest"] == "2025-03-04"
    (info,) = data["articles"]
    assert info["published"]["text"] == "2025-03"
    assert info["published"]["earliest"] == "2025-03-01"
    assert info["published"]["narrowed"] == {"earliest": "2025-03-05", "latest": "2025-03-05"}
    assert "byline 'woensdag, 5 maart 2025, 09:12'" in info["published"]["narrowed_because"]

    # inspect lists every furniture line and why
    shown = runner.invoke(app, ["inspect", str(tmp_path / "page" / "pagina.txt"), "-f", "json"])
    assert shown.exit_code == 0, shown.output
    (article,) = json.loads(shown.stdout)["articles"]
    assert [f["text"] for f in article["furniture"]] == furniture
    assert [f["kind"] for f in article["furniture"]] == ["byline"] * 2 + ["caption"] + [
        "trailer"
    ] * 4
    assert article["furniture"][1]["day"] == "2025-03-05"
    plain = runner.invoke(app, ["inspect", str(tmp_path / "page" / "pagina.txt")]).stdout
    assert "Page furniture" in plain and "caption: ends with a photo credit" in plain
    page_html = runner.invoke(app, ["inspect", str(tmp_path / "page" / "pagina.txt"), "-f", "html"])
    assert (
        "Page furniture" in page_html.stdout and "trailer: &#39;Lees ook&#39;" in page_html.stdout
    )


def test_the_caption_is_a_contact_without_its_credit(tmp_path: Path) -> None:
    """The control: without the credit the same line is story text and yields the 2018
    meeting, so the test above shows the caption rule at work."""
    data = _build(tmp_path, "control", _page("").replace("Lees ook:\n", ""))
    quotes = [s["quote"] for e in data["events"] for s in e["sources"]]
    assert CAPTION in quotes


def test_the_dateline_below_a_byline() -> None:
    from timeline.loader import find_dateline

    text = (
        "date 2025-03\n\nTrump belt Poetin\nDoor Jan Jansen\n5 maart 2025, 09:12\n\n"
        "MOSKOU (ANP/AFP) - Poetin heeft gebeld."
    )
    line = find_dateline(text, 14)
    assert line is not None and (line.place, line.agencies) == ("MOSKOU", ("ANP", "AFP"))
    # without the byline lines between, no dateline past the headline is sought
    assert (
        find_dateline(text.replace("Door Jan Jansen\n5 maart 2025, 09:12\n", "Kort\n"), 14) is None
    )
