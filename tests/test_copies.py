"""Wire copies: found by their sentences, merged as one report, shown as one report."""

from __future__ import annotations

import datetime as dt
import json
import random
from pathlib import Path

from typer.testing import CliRunner

from timeline.cli import app
from timeline.copies import find_copies, source_groups
from timeline.loader import parse_article
from timeline.merge import merge
from timeline.schema import ArticleInfo, EventDate, EventMention, Source, Timeline

from .conftest import DATA

runner = CliRunner()
FOCUS = frozenset({"trump", "putin", "zelensky"})

STORY = [
    "Trump en Poetin hebben dinsdag ruim twee uur met elkaar gebeld.",
    "Volgens het Witte Huis verliep het gesprek in een goede sfeer.",
    "Het Kremlin meldde dat de leiders over een staakt-het-vuren spraken.",
    "Zelensky zei woensdag dat hij niet vooraf was ingelicht.",
    "De Oekraïense president wil binnenkort zelf met Trump spreken.",
]


def article(ident: str, lines: list[str], date: str = "2025-03-19") -> object:
    return parse_article(f"date {date}\n\n" + "\n\n".join(lines) + "\n", ident)


def test_a_line_added_or_a_headline_changed_is_a_copy_of_the_first_published() -> None:
    original = article("anp.txt", ["Trump belt met Poetin over oorlog", *STORY])
    added = article(
        "site-b.txt",
        ["Trump belt met Poetin over oorlog", *STORY, "Lees ook ons dossier over de oorlog."],
        "2025-03-20",
    )
    headline = article(
        "site-a.txt", ["Gesprek tussen Trump en Poetin duurde twee uur", *STORY], "2025-03-20"
    )
    other = article(
        "other.txt", ["Zelensky reist naar Washington voor overleg met Trump.", *STORY[3:]]
    )
    copies = find_copies([added, headline, other, original])  # type: ignore[list-item]
    assert copies == {"site-a.txt": "anp.txt", "site-b.txt": "anp.txt"}


def test_the_original_is_the_first_published_then_the_first_by_id() -> None:
    a = article("b.txt", STORY, "2025-03-18")
    b = article(
        "a.txt", [*STORY[:-1], "Een regel die anders is dan in het andere artikel."], "2025-03-19"
    )
    c = article("c.txt", STORY, "2025-03-18")
    assert find_copies([b, c, a]) == {"a.txt": "b.txt", "c.txt": "b.txt"}  # type: ignore[list-item]


def test_shared_sentences_below_the_threshold_or_short_ones_make_no_copy() -> None:
    a = article("a.txt", STORY)
    quoting = article(
        "b.txt",
        STORY[:2] + [f"Een eigen zin van deze krant, nummer {i} van vele." for i in range(6)],
    )
    short = article("c.txt", ["Lees ook:", "Bekijk de video.", "Foto: ANP", STORY[0]])
    assert find_copies([a, quoting, short]) == {}  # type: ignore[list-item]


def test_boilerplate_shared_by_many_articles_is_no_sign_of_a_copy() -> None:
    line = "Dit artikel is tot stand gekomen met steun van het fonds voor journalistiek."
    other = "Schrijf je in voor onze nieuwsbrief en blijf op de hoogte van het laatste nieuws."
    arts = [
        article(
            f"{i:03d}.txt",
            [f"Artikel {i} gaat over iets heel anders dan de rest, deel {j}." for j in range(2)]
            + [line, other],
        )
        for i in range(80)
    ]
    assert find_copies(arts) == {}  # type: ignore[arg-type]


def test_copies_do_not_depend_on_the_input_order() -> None:
    arts = [
        article(
            f"{i}.txt",
            [*STORY[: 3 + i % 3], f"Afwijkende slotzin nummer {i} in dit bericht."],
            f"2025-03-{10 + i % 4}",
        )
        for i in range(8)
    ]
    expected = find_copies(arts)  # type: ignore[arg-type]
    assert expected
    for seed in range(5):
        shuffled = list(arts)
        random.Random(seed).shuffle(shuffled)
        assert find_copies(shuffled) == expected  # type: ignore[arg-type]


def _m(article: str, start: int, quote: str, day: dt.date) -> EventMention:
    return EventMention(
        article=article,
        type="call",
        participants=["putin", "trump"],
        status="occurred",
        date=EventDate(earliest=day, latest=day, basis="time expression 'dinsdag'"),
        source=Source(
            article=article,
            quote=quote,
            start=start,
            end=start + len(quote),
            published="2025-03-19",
        ),
    )


def test_a_copy_adds_sources_to_the_original_report_never_an_event() -> None:
    day = dt.date(2025, 3, 18)
    original = [_m("anp.txt", 10, "Trump belde dinsdag met Poetin.", day)]
    repeated = [_m(f"site{i}.txt", 50, "Trump belde dinsdag  met Poetin.", day) for i in range(3)]
    alone = merge(original, FOCUS)
    with_copies = merge(original + repeated, FOCUS, {f"site{i}.txt": "anp.txt" for i in range(3)})
    assert [e.model_copy(update={"sources": []}) for e in with_copies] == [
        e.model_copy(update={"sources": []}) for e in alone
    ]
    (event,) = with_copies
    assert [s.article for s in event.sources] == ["anp.txt", "site0.txt", "site1.txt", "site2.txt"]


def test_a_copy_that_says_something_else_is_merged_as_its_own_report() -> None:
    day = dt.date(2025, 3, 18)
    original = [_m("anp.txt", 10, "Trump belde dinsdag met Poetin.", day)]
    changed = _m(
        "site.txt", 10, "Trump belde dinsdag opnieuw met Poetin.", day + dt.timedelta(days=2)
    )
    events = merge([*original, changed], FOCUS, {"site.txt": "anp.txt"})
    assert len(events) == 2


def test_sources_of_one_report_are_grouped_original_first() -> None:
    def s(article: str, start: int, quote: str) -> Source:
        return Source(article=article, quote=quote, start=start, end=start + len(quote))

    sources = [
        s("a-site.txt", 40, "Trump belde met Poetin."),
        s("anp.txt", 12, "Trump belde met Poetin."),
        s("anp.txt", 80, "Het gesprek duurde twee uur."),
        s("krant.txt", 5, "Trump belde met Poetin."),
    ]
    groups = source_groups(sources, {"a-site.txt": "anp.txt"})
    assert [[x.article for x in g] for g in groups] == [
        ["anp.txt", "a-site.txt"],
        ["anp.txt"],
        ["krant.txt"],
    ]


def test_copy_of_is_left_out_of_the_json_when_there_is_none() -> None:
    published = parse_article("date 2025-03\n\nx\n", "a.txt").published
    plain = ArticleInfo(article="a.txt", published=published, sha256="0")
    copy = plain.model_copy(update={"article": "b.txt", "copy_of": "a.txt"})
    text = Timeline(events=[], articles=[plain, copy]).model_dump_json()
    data = json.loads(text)
    assert "copy_of" not in data["articles"][0]
    assert data["articles"][1]["copy_of"] == "a.txt"
    assert Timeline.model_validate_json(text).articles == [plain, copy]


def test_cli_shows_a_wire_story_on_three_sites_as_one_report(tmp_path: Path) -> None:
    text = (DATA / "124_witkoff-kremlin-april.txt").read_text(encoding="utf-8")
    date, _, body = text.partition("\n")
    single, wire = tmp_path / "single", tmp_path / "wire"
    single.mkdir()
    wire.mkdir()
    (single / "anp.txt").write_text(text, encoding="utf-8")
    (wire / "anp.txt").write_text(text, encoding="utf-8")
    (wire / "site-a.txt").write_text(
        f"{date}\nWitkoff opnieuw op bezoek in Moskou\n{body}", encoding="utf-8"
    )
    (wire / "site-b.txt").write_text(
        text.rstrip("\n") + "\n\nMet medewerking van onze correspondent.\n", encoding="utf-8"
    )
    one = json.loads(runner.invoke(app, ["build", str(single), "-q"]).stdout)
    result = runner.invoke(app, ["build", str(wire), "-q"])
    assert result.exit_code == 0, result.output
    three = json.loads(result.stdout)
    assert {a["article"]: a.get("copy_of") for a in three["articles"]} == {
        "anp.txt": None,
        "site-a.txt": "anp.txt",
        "site-b.txt": "anp.txt",
    }

    def without_sources(events: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: v for k, v in e.items() if k != "sources"} for e in events]

    assert without_sources(three["events"]) == without_sources(one["events"])
    for e1, e3 in zip(one["events"], three["events"], strict=True):
        assert len(e3["sources"]) == 3 * len(e1["sources"])
    md = runner.invoke(app, ["build", str(wire), "-q", "-f", "md"]).stdout
    assert "waarvan 2 kopieën van een ander bericht" in md
    assert "zelfde bericht, 3 sites: site-a.txt, site-b.txt" in md
    html = runner.invoke(app, ["build", str(wire), "-q", "-f", "html", "--lang", "en"]).stdout
    assert "same report, 3 sites" in html
