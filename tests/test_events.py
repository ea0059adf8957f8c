"""The event builder: triggers, participants, status and dates per sentence."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.actors import load_actors
from timeline.events import build_mentions
from timeline.events.lexicon import clauses, decide_status, lexicon, refine_type
from timeline.loader import parse_article
from timeline.schema import Entity, EventMention, TimeExpression
from timeline.segment import sentences
from timeline.timex import find_timexes

KB = load_actors()
D = dt.date


def mentions(body: str, date: str = "2025-02-12", timexes=()) -> list[EventMention]:  # type: ignore[no-untyped-def]
    article = parse_article(f"date {date} {body}", "t.txt")
    return build_mentions(
        article, sentences(article.text, article.body_start), [], list(timexes), KB
    )


@pytest.mark.parametrize(
    ("body", "etype", "participants", "status"),
    [
        ("Trump en Poetin hebben met elkaar gebeld.", "call", ["putin", "trump"], "occurred"),
        (
            "Volgens ingewijden hebben Trump en Poetin gisteren met elkaar gebeld.",
            "call",
            ["putin", "trump"],
            "claimed",
        ),
        (
            "De Amerikaanse president Donald Trump en de Russische president Vladimir Poetin "
            "hebben vandaag met elkaar gebeld.",
            "call",
            ["putin", "trump"],
            "occurred",
        ),
        ("Zelensky wil Trump binnenkort ontmoeten.", "meeting", ["trump", "zelensky"], "planned"),
        (
            'Zelensky is "desnoods" bereid met Poetin te onderhandelen.',
            "talks",
            ["putin", "zelensky"],
            "proposed",
        ),
        (
            "Het Kremlin ontkent dat Poetin en Trump met elkaar hebben gebeld.",
            "call",
            ["putin", "trump"],
            "denied",
        ),
        (
            "De top tussen Trump en Poetin in Boedapest gaat niet door.",
            "meeting",
            ["putin", "trump"],
            "cancelled",
        ),
        (
            "Trump zei dat hij met Poetin heeft gesproken. Het Kremlin wil het gesprek "
            "bevestigen noch ontkennen.",
            "talks",
            ["putin", "trump"],
            "claimed",
        ),
        ("Trump ontving Zelensky in het Witte Huis.", "meeting", ["trump", "zelensky"], "occurred"),
        (
            "President Poetin heeft de Amerikaanse gezant Steve Witkoff in Moskou ontvangen.",
            "meeting",
            ["putin", "witkoff"],
            "occurred",
        ),
    ],
)
def test_sentence_to_mention(body: str, etype: str, participants: list[str], status: str) -> None:
    got = mentions(body)
    assert got, body
    first = got[0]
    assert (first.type, first.participants, first.status) == (etype, participants, status)
    assert first.source.quote in body


def test_title_resolves_by_date() -> None:
    (m22,) = mentions("Poetin belde met de Amerikaanse president.", "2022-02-12")
    (m25,) = mentions("Poetin belde met de Amerikaanse president.", "2025-02-12")
    assert m22.participants == ["biden", "putin"]
    assert m25.participants == ["putin", "trump"]


def test_other_contact_in_prepositional_phrase_is_not_a_participant() -> None:
    got = mentions(
        "Na het gesprek met Poetin belde Trump ook met de Oekraïense president Zelensky."
    )
    own = [m for m in got if not m.reference]
    assert [m.participants for m in own] == [["trump", "zelensky"]]


def test_contact_named_in_passing_is_a_reference_to_its_own_contact() -> None:
    got = mentions(
        "Na het gesprek met Poetin belde Trump ook met de Oekraïense president Zelensky."
    )
    (ref,) = [m for m in got if m.reference]
    assert ref.participants == ["putin", "trump"]
    assert ref.status == "occurred" and ref.date.latest is not None
    assert any("named in passing" in c for c in ref.source.cues)


def test_passing_reference_takes_its_own_time_expression() -> None:
    body = (
        "Zelensky is bijzonder te spreken over zijn telefoongesprek van vrijdag met Donald Trump."
    )
    article = parse_article(f"date 2025-07-31 {body}", "t.txt")
    got = mentions(body, "2025-07-31", find_timexes(article))
    assert [(m.participants, m.reference) for m in got] == [(["trump", "zelensky"], True)]
    assert got[0].date.earliest == got[0].date.latest == dt.date(2025, 7, 25)


def test_passing_reference_to_a_future_contact_is_not_one() -> None:
    got = mentions("Zelensky sprak met Merz over de top van Trump en Poetin.")
    assert not any(m.reference for m in got)


def test_pronoun_and_group_words() -> None:
    got = mentions(
        "Zelensky reisde naar Washington. Daar sprak hij met Trump. De twee spraken een uur."
    )
    assert {tuple(m.participants) for m in got} == {("trump", "zelensky")}


def test_reporters_and_possessives_are_not_parties() -> None:
    assert mentions("Peskov zei dat Poetin een gesprek voert.") == []
    (m,) = mentions("Trumps gezant Steve Witkoff sprak in Moskou met Poetin.")
    assert m.participants == ["putin", "witkoff"]


def test_contacts_without_a_focus_leader_are_dropped() -> None:
    assert mentions("Rubio sprak met Lavrov in Riyad.") == []


def test_no_contact_words_no_events() -> None:
    assert mentions("Trump en Poetin zijn het oneens over Oekraïne.") == []
    assert mentions("Trump gaf een interview aan Fox News over Poetin.") == []


def test_date_from_time_expression_and_tense() -> None:
    body = "Trump heeft gisteren met Poetin gebeld."
    start = len("date 2025-02-12 ") + body.index("gisteren")
    tx = TimeExpression(
        text="gisteren",
        start=start,
        end=start + 8,
        earliest=dt.date(2025, 2, 11),
        latest=dt.date(2025, 2, 11),
        value="2025-02-11",
        granularity="day",
    )
    (m,) = mentions(body, timexes=[tx])
    assert (m.date.earliest, m.date.latest) == (dt.date(2025, 2, 11), dt.date(2025, 2, 11))
    assert m.source.timex == "gisteren"
    (m,) = mentions("Trump heeft met Poetin gebeld.")
    assert (m.date.earliest, m.date.latest) == (None, dt.date(2025, 2, 12))
    (m,) = mentions("Trump zal Poetin ontmoeten.")
    assert (m.date.earliest, m.date.latest) == (dt.date(2025, 2, 12), None)


def test_month_dated_article_never_gets_a_day() -> None:
    # a contact held, reported without a date of its own: in the article's month
    (m,) = mentions("Trump heeft met Poetin gebeld.", "2025-02")
    assert (m.date.earliest, m.date.latest) == (dt.date(2025, 2, 1), dt.date(2025, 2, 28))
    # with the day known, on or before it (yesterday's contacts are reported too)
    (m,) = mentions("Trump heeft met Poetin gebeld.", "2025-02-12")
    assert (m.date.earliest, m.date.latest) == (None, dt.date(2025, 2, 12))


def test_refers_back_to_previous_contact() -> None:
    got = mentions("Trump en Poetin hebben gebeld. Het gesprek duurde anderhalf uur.")
    assert len(got) == 2 and got[1].participants == ["putin", "trump"]
    assert got[1].source.quote == "Het gesprek duurde anderhalf uur."


def test_helpers() -> None:
    lex = lexicon()
    assert refine_type(["talks"], "Ze spraken elkaar aan de telefoon.", lex) == "call"
    assert refine_type(["talks"], "Ze spraken elkaar in Rome.", lex) == "meeting"
    assert decide_status("Het Kremlin ontkent het.", lex)[0] == "denied"
    assert [c.text for c in clauses("Trump zei, nadat hij belde, dat het goed ging")] == [
        "Trump zei",
        "nadat hij belde",
        "dat het goed ging",
    ]


def test_reported_clause_does_not_borrow_its_speaker() -> None:
    got = mentions(
        "Trump zei gisteren dat zijn onderhandelaars een goede ontmoeting met Poetin hadden."
    )
    assert not any("trump" in m.participants for m in got)


def test_sender_is_no_party() -> None:
    got = mentions(
        "Donald Trump stuurt zijn gezant Steve Witkoff naar Moskou voor een gesprek met Poetin."
    )
    assert all("trump" not in m.participants for m in got)


def test_setting_of_a_promise_took_place() -> None:
    (got,) = mentions(
        "Dat heeft president Poetin vandaag toegezegd in een telefoongesprek met zijn "
        "Amerikaanse ambtgenoot Trump.",
        "2025-03-18",
    )
    assert got.status == "occurred" and got.type == "call"


def test_leaders_who_join_later_are_participants() -> None:
    got = mentions(
        "Trump heeft gisteren in het Witte Huis met Zelensky gesproken. "
        "Daarna schoven de Franse president Emmanuel Macron en de Britse premier Keir Starmer aan.",
        "2025-08-19",
    )
    assert got[-1].participants == ["macron", "starmer", "trump", "zelensky"]


def test_since_bounds_the_contact_from_below() -> None:
    body = "Het is het eerste gesprek tussen Trump en Poetin sinds begin 2025."
    article = parse_article(f"date 2025-03-18 {body}", "t.txt")
    (got,) = mentions(body, "2025-03-18", find_timexes(article))
    assert got.date.earliest == dt.date(2025, 1, 1) and got.date.latest == dt.date(2025, 3, 18)


def test_refer_back_takes_its_own_more_specific_type() -> None:
    got = mentions(
        "Trump sprak Poetin voor het laatst op 14 juni. In dat telefoongesprek ging het over Iran."
    )
    assert [m.type for m in got] == ["talks", "call"]


def test_visit_to_the_white_house_is_a_meeting_with_its_host() -> None:
    (got,) = mentions("Zelensky bracht gisteren een bezoek aan het Witte Huis.", "2025-10-18")
    assert got.participants == ["trump", "zelensky"] and got.type == "meeting"


def test_coordinated_clause_shares_only_its_subject() -> None:
    got = mentions(
        "Trump verwacht een goed gesprek met de Oekraïense president en wil binnenkort "
        "ook met Poetin spreken.",
        "2025-12-27",
    )
    assert sorted(m.participants for m in got) == [["putin", "trump"], ["trump", "zelensky"]]


def test_contact_with_agents_of_its_own_is_not_the_one_just_reported() -> None:
    got = mentions(
        "Trump en Poetin hebben vandaag gebeld. "
        "Het was het eerste bezoek van een Russische functionaris aan Washington."
    )
    assert len(got) == 1


def test_refer_back_dated_apart_is_not_that_contact_but_another_of_the_pair() -> None:
    body = (
        "Trump en Poetin hebben vandaag met elkaar gebeld. "
        "De enige ontmoeting tussen de twee vond plaats in juli 2018 in Helsinki."
    )
    article = parse_article(f"date 2025-02-12 {body}", "t.txt")
    got = mentions(body, "2025-02-12", find_timexes(article))
    assert [m.type for m in got] == ["call", "meeting"]
    assert got[1].date.earliest == D(2018, 7, 1) and got[0].date.earliest == D(2025, 2, 12)


def test_pronoun_after_a_verb_of_saying_is_the_speaker() -> None:
    got = mentions(
        'Merz zei dat. "We weten niet of Poetin naar zo\'n top met Zelensky komt", voegde hij eraan toe.'
    )
    assert all("merz" not in m.participants for m in got)


def test_coming_to_washington_is_a_planned_meeting_with_its_host() -> None:
    body = "De Oekraïense president Zelensky komt vrijdag naar Washington."
    article = parse_article(f"date 2025-02-26 {body}", "t.txt")
    (got,) = mentions(body, "2025-02-26", find_timexes(article))
    assert (got.type, got.status, got.participants) == ("meeting", "planned", ["trump", "zelensky"])
    assert got.date.earliest == got.date.latest == dt.date(2025, 2, 28)


def test_taking_part_in_such_a_summit_joins_it() -> None:
    got = mentions(
        "Kyiv stelde een ontmoeting tussen Zelensky en Poetin voor. Volgens Oemerov zou ook "
        "deelname van Trump en Erdogan aan zo'n top waardevol zijn.",
        "2025-07-24",
    )
    assert got[-1].participants == ["erdogan", "putin", "trump", "zelensky"]


def test_after_a_dated_contact_named_in_passing() -> None:
    body = "Trump zegt dat hij na het overleg in het Witte Huis van vorige week opnieuw met Poetin heeft gesproken."
    article = parse_article(f"date 2025-08-26 {body}", "t.txt")
    (own,) = [x for x in mentions(body, "2025-08-26", find_timexes(article)) if not x.reference]
    assert own.participants == ["putin", "trump"] and own.type == "talks"
    assert own.date.earliest == dt.date(2025, 8, 18) and own.date.latest == dt.date(2025, 8, 26)
    assert any(c.startswith("again") for c in own.source.cues)


def test_a_cue_of_another_clause_does_not_make_a_dated_past_contact_planned() -> None:
    body = (
        "Zelensky, die gisteren door Trump werd bijgepraat, zei dat Oekraïne niet akkoord gaat "
        "met de eis."
    )
    article = parse_article(f"date 2025-05-20 {body}", "t.txt")
    (got,) = mentions(body, "2025-05-20", find_timexes(article))
    assert got.status == "occurred" and got.date.earliest == dt.date(2025, 5, 19)


def _dated(body: str, date: str) -> list[EventMention]:
    article = parse_article(f"date {date} {body}", "t.txt")
    return mentions(body, date, find_timexes(article))


def test_daar_takes_the_previous_sentences_date() -> None:
    got = _dated(
        "Trumps gezant Keith Kellogg reist volgende week door naar Kyiv. "
        "Daar wil hij met Zelensky praten.",
        "2025-02-14",
    )
    assert [(x.participants, x.status) for x in got] == [(["kellogg", "zelensky"], "planned")]
    assert (got[0].date.earliest, got[0].date.latest) == (D(2025, 2, 17), D(2025, 2, 23))


def test_aansluitend_takes_the_day_of_the_contact_just_reported() -> None:
    got = _dated(
        "President Trump spreekt maandag telefonisch met Poetin.\n\n"
        "Aansluitend wil Trump met de Oekraïense president Zelensky bellen.",
        "2025-05-17",
    )
    last = got[-1]
    assert last.participants == ["trump", "zelensky"]
    assert (last.date.earliest, last.date.latest) == (D(2025, 5, 19), D(2025, 5, 19))


def test_two_days_joined_by_en_date_one_report() -> None:
    got = _dated(
        "Hij reageerde op de gesprekken die zijn gezant Steve Witkoff zondag en maandag in "
        "Berlijn voerde met Zelensky.",
        "2025-12-16",
    )
    assert (got[-1].date.earliest, got[-1].date.latest) == (D(2025, 12, 14), D(2025, 12, 15))


def test_joining_leaders_widen_the_first_report_too() -> None:
    got = _dated(
        "Kyiv kwam met een voorstel voor een ontmoeting tussen president Zelensky en president "
        "Poetin, nog voor eind augustus. Volgens Oemerov zou ook deelname van de Amerikaanse "
        "president Trump en de Turkse president Erdogan aan zo'n top waardevol zijn.",
        "2025-07-24",
    )
    assert {tuple(x.participants) for x in got} == {("erdogan", "putin", "trump", "zelensky")}


def test_speaking_about_a_contact_is_not_taking_part_in_it() -> None:
    (got,) = _dated(
        "De ontmoeting tussen Poetin en Zelensky waarover Trump vorige week sprak, laat op "
        "zich wachten.",
        "2025-08-26",
    )
    assert got.participants == ["putin", "zelensky"] and got.status == "planned"


def test_het_gesprek_is_the_articles_own_contact_not_one_named_in_passing() -> None:
    got = _dated(
        "Trump en Zelensky hebben vandaag met elkaar gebeld. Het ging volgens hem over zijn "
        "telefoongesprek van gisteren met Poetin. Het was het eerste gesprek tussen beide "
        "presidenten sinds hun ontmoeting in het Oval Office.",
        "2025-03-19",
    )
    assert ["putin", "trump"] in [x.participants for x in got]  # the call named in passing
    last = [x for x in got if "Oval Office" in x.source.quote]
    assert last and all(x.participants == ["trump", "zelensky"] for x in last)


def test_na_afloop_dates_a_call_right_after_the_contact_just_reported() -> None:
    got = _dated(
        "Trump en Poetin praatten gisteren bijna drie uur in Alaska. "
        "Trump belde na afloop met Zelensky.",
        "2025-08-16",
    )
    call = got[-1]
    assert call.participants == ["trump", "zelensky"] and call.type == "call"
    assert (call.date.earliest, call.date.latest) == (D(2025, 8, 15), D(2025, 8, 16))


def test_clause_at_the_place_just_named_has_its_own_type() -> None:
    got = _dated(
        "Trump belde Poetin maandag vanuit het Witte Huis, waar hij op dat moment overleg "
        "voerde met Zelensky.",
        "2025-08-20",
    )
    assert {(tuple(x.participants), x.type) for x in got} == {
        (("putin", "trump"), "call"),
        (("trump", "zelensky"), "meeting"),
    }


def test_counterpart_word_is_the_other_side_of_the_pair() -> None:
    got = _dated(
        "De twee presidenten Trump en Poetin praatten gisteren drie uur in Alaska. Aan het "
        "slot nodigde Poetin zijn gastheer uit voor een vervolg in Moskou.",
        "2025-08-16",
    )
    assert got[-1].participants == ["putin", "trump"] and got[-1].status == "proposed"


def test_contact_named_in_passing_runs_on_over_its_place_and_date() -> None:
    body = (
        "Poetin bedankte Trump voor de gastvrijheid tijdens hun ontmoeting in Alaska, "
        "eerder deze maand."
    )
    article = parse_article(f"date 2025-08-22 {body}", "t.txt")
    at = article.text.index("Alaska")
    alaska = Entity(text="Alaska", start=at, end=at + 6, label="LOC")
    got = build_mentions(
        article,
        sentences(article.text, article.body_start),
        [alaska],
        find_timexes(article),
        KB,
    )
    (ref,) = [x for x in got if x.reference]
    assert ref.source.timex == "eerder deze maand" and ref.participants == ["putin", "trump"]


def test_passing_reference_is_not_dated_by_a_later_sentence_date() -> None:
    got = _dated(
        "Zelensky reist maandag naar Washington voor een ontmoeting met Trump. Dat maakte hij "
        "bekend kort na de top van Trump en Poetin.",
        "2025-08-16",
    )
    (ref,) = [x for x in got if x.reference]
    assert ref.date.earliest is None or ref.date.earliest <= D(2025, 8, 16)


def test_first_contact_since_an_earlier_one_of_the_same_pair() -> None:
    got = _dated(
        "Trump en Zelensky hebben elkaar vanochtend in Rome gesproken. Het was hun eerste "
        "ontmoeting sinds de uit de hand gelopen bijeenkomst in het Oval Office, eind februari.",
        "2025-04-26",
    )
    earlier = [x for x in got if x.reference]
    assert [x.participants for x in earlier] == [["trump", "zelensky"]]
    assert earlier[0].date.earliest == D(2025, 2, 21) and earlier[0].type == "meeting"


def test_briefing_a_leader_is_a_contact() -> None:
    got = _dated(
        "Trump en Poetin hebben vandaag gebeld. Over dat gesprek bracht Trump Zelensky "
        "op de hoogte.",
        "2025-02-12",
    )
    briefing = got[-1]
    assert briefing.participants == ["trump", "zelensky"] and briefing.source.trigger
    assert "op de hoogte" in briefing.source.trigger


def test_the_contact_named_in_passing_with_a_definite_article_is_the_one_just_reported() -> None:
    got = _dated(
        "Trump en Poetin hebben vandaag gebeld. Tijdens het gesprek ging het vooral over "
        "gevangenen.",
        "2025-02-12",
    )
    assert [(m.participants, m.sentence_index) for m in got] == [
        (["putin", "trump"], 0),
        (["putin", "trump"], 1),
    ]
    assert got[1].date == got[0].date


def test_expected_in_moscow_is_a_planned_meeting_with_its_host() -> None:
    (got,) = _dated(
        "Het Kremlin bevestigde dat Witkoff volgende week in Moskou wordt verwacht.", "2025-11-28"
    )
    assert got.participants == ["putin", "witkoff"] and got.status == "planned"
    assert got.date.earliest == D(2025, 12, 1)
    # the other order of the verb cluster: "wordt ... in <capital> verwacht"
    (main,) = _dated("Kellogg wordt over twee weken in Kyiv verwacht.", "2025-11-28")
    assert main.participants == ["kellogg", "zelensky"] and main.status == "planned"


def test_a_conditional_invitation_is_proposed() -> None:
    (got,) = _dated(
        '"Als Zelensky er klaar voor is, laat hij dan naar Moskou komen", zei Poetin woensdag.',
        "2025-09-04",
    )
    assert got.status == "proposed" and got.participants == ["putin", "zelensky"]


def test_the_letter_refers_back_to_the_message() -> None:
    got = _dated(
        "Zelensky heeft Trump een brief gestuurd. Trump zei de brief eerder die dag te hebben "
        "ontvangen.",
        "2025-03-05",
    )
    assert [x.type for x in got] == ["message", "message"]


def test_pluperfect_announcement_is_a_report_of_the_plan() -> None:
    got = _dated(
        "Trump en Poetin hebben vandaag ruim twee uur gebeld. Trump had het gesprek zaterdag "
        "aangekondigd.",
        "2025-05-19",
    )
    plan = got[-1]
    assert plan.status == "planned" and plan.participants == ["putin", "trump"]
    assert (plan.date.earliest, plan.date.latest) == (D(2025, 5, 19), D(2025, 5, 19))
    assert not plan.date.basis.startswith("time expression")  # it does not narrow the plan


def test_separable_afspreken_plans_and_tegenover_elkaar_is_a_meeting() -> None:
    got = _dated(
        "Trump en Zelensky hebben elkaar vanochtend in Rome gesproken. De twee zaten vijftien "
        "minuten tegenover elkaar. Volgens een woordvoerder spraken de presidenten af elkaar "
        "later vandaag nog een keer te zien.",
        "2025-04-26",
    )
    assert [(x.type, x.status) for x in got][-2:] == [
        ("meeting", "occurred"),
        ("meeting", "planned"),
    ]


def test_the_way_someone_talks_is_no_contact() -> None:
    assert not _dated(
        "Volgens Trump doet Zelensky zijn land geen plezier met de manier waarop hij praat.",
        "2025-05-27",
    )


def test_trip_to_a_meeting_just_reported_is_a_source_of_it() -> None:
    got = _dated(
        "Witkoff heeft tijdens zijn bezoek aan Moskou drie uur met Poetin gesproken. "
        "Witkoff reisde vorige week dinsdag naar de Russische hoofdstad.",
        "2025-02-14",
    )
    trip = got[-1]
    assert trip.participants == ["putin", "witkoff"] and trip.reference is False
    assert (trip.date.earliest, trip.date.latest) == (D(2025, 2, 4), D(2025, 2, 4))
    assert not _dated("Witkoff reisde vorige week naar Parijs.", "2025-02-14")


def test_trip_ahead_is_not_a_source_of_a_contact_held() -> None:
    got = _dated(
        "Trump belde gisteren met Zelensky. Vrijdag reist Zelensky naar de conferentie in München.",
        "2025-02-12",
    )
    assert len(got) == 1


def test_a_specific_day_named_after_a_denial_is_a_contact_held() -> None:
    got = _dated(
        "Poetin en Trump hebben sinds half oktober niet meer met elkaar gebeld, zegt het "
        "Kremlin. Peskov verwees vandaag naar het telefoongesprek van 16 oktober.",
        "2025-12-16",
    )
    assert (got[-1].status, got[-1].date.earliest) == ("occurred", D(2025, 10, 16))


def test_the_only_meeting_dated_apart_is_another_contact_of_the_pair() -> None:
    got = _dated(
        "Poetin en Zelensky hebben elkaar nooit meer gezien. Poetin sprak gisteren met "
        "Zelensky. De enige ontmoeting tussen de twee vond plaats in december 2019 in Parijs, "
        "tijdens een top over het conflict.",
        "2025-02-20",
    )
    assert got[-1].date.earliest == D(2019, 12, 1) and got[-1].participants == ["putin", "zelensky"]


def test_een_after_tijdens_is_a_contact_named_in_passing() -> None:
    got = _dated(
        "Zelensky zei gisteren tijdens een bezoek aan Denemarken dat hij op een gesprek met "
        "Trump rekende.",
        "2025-07-04",
    )
    assert [(x.type, x.status) for x in got] == [("talks", "planned")]


def test_passing_reference_names_its_other_side_with_met_further_on() -> None:
    got = _dated(
        "Dat maakte de Amerikaanse president gisteren bekend na een telefoongesprek van ruim "
        "twee uur met zijn Russische ambtgenoot.",
        "2025-10-17",
    )
    (ref,) = [x for x in got if x.reference]
    assert ref.participants == ["putin", "trump"] and ref.type == "call"


def test_denied_since_a_named_call_is_a_contact_after_it() -> None:
    got = _dated(
        "Trump wekte de indruk dat hij Poetin onlangs had gesproken. Peskov verwees vandaag "
        "naar het telefoongesprek van 16 oktober. Op de vraag of er sindsdien nog contact is "
        "geweest, antwoordde hij ontkennend.",
        "2025-12-16",
    )
    denied = got[-1]
    assert denied.status == "denied"
    assert (denied.date.earliest, denied.date.latest) == (D(2025, 10, 17), D(2025, 12, 16))


def test_contact_right_before_an_announcement_is_on_its_day() -> None:
    got = _dated(
        "Dat maakte de Amerikaanse president gisteren bekend na een telefoongesprek met zijn "
        "Russische ambtgenoot.",
        "2025-10-17",
    )
    (ref,) = [x for x in got if x.reference]
    assert (ref.date.earliest, ref.date.latest) == (D(2025, 10, 16), D(2025, 10, 16))
    (counted,) = [
        x
        for x in _dated(
            "Een dag na het telefoongesprek tussen Trump en Poetin is Kyiv somber.", "2025-05-20"
        )
        if x.reference
    ]
    assert counted.date.earliest != D(2025, 5, 20)


def test_bare_office_word_and_two_dates_apart_are_two_contacts() -> None:
    got = _dated(
        "De Amerikaanse gezant Steve Witkoff heeft vrijdag met Poetin gesproken. In februari "
        "en half maart zag de gezant de Russische president al in Moskou.",
        "2025-04-12",
    )
    earlier = [x for x in got if x.source.quote.startswith("In februari")]
    assert [x.participants for x in earlier] == [["putin", "witkoff"]] * 2
    assert [x.date.earliest for x in earlier] == [D(2025, 2, 1), D(2025, 3, 11)]


def test_contact_counted_from_lies_before_the_one_counted() -> None:
    got = _dated(
        "Trump en Zelensky hadden elkaar zaterdag in het Vaticaan gesproken. In Kyiv werd de "
        "ontmoeting in het Vaticaan, de eerste sinds de ruzie in het Witte Huis, als een "
        "succes gezien.",
        "2025-04-28",
    )
    (ref,) = [x for x in got if x.reference]
    assert ref.type == "meeting" and ref.date.latest == D(2025, 4, 25)


def test_envoys_named_together_and_as_his_negotiators() -> None:
    got = _dated(
        "De Amerikaanse gezant Steve Witkoff en Jared Kushner, de schoonzoon van president "
        "Trump, hebben twee dagen geleden in het Kremlin gesproken met Vladimir Poetin. Trump "
        'zei gisteren dat zijn onderhandelaars een "redelijk goede" ontmoeting met Poetin '
        "hadden.",
        "2025-12-04",
    )
    assert [x.participants for x in got] == [["kushner", "putin", "witkoff"]] * 2


def test_contact_named_in_passing_with_a_relative_clause_that_plans_it() -> None:
    got = _dated(
        "Trump en Zelensky spraken elkaar tijdens een werklunch. Daarbij ging het ook over de "
        "top die Trump met Poetin in Boedapest wil houden.",
        "2025-10-18",
    )
    (plan,) = [x for x in got if x.reference]
    assert plan.participants == ["putin", "trump"] and plan.status == "planned"


def test_what_was_said_yesterday_to_have_happened_happened_by_yesterday() -> None:
    (got,) = _dated(
        "Trump wekte gisteren nog de indruk dat hij Poetin onlangs had gesproken.", "2025-12-16"
    )
    assert got.status == "claimed" and got.date.latest == D(2025, 12, 15)


def test_their_talks_where_the_group_was_together_are_a_meeting() -> None:
    got = _dated(
        "Dat voorstel werd gisteren in Kyiv gedaan door Zelensky, de Franse president Macron "
        "en de Britse premier Starmer. Tijdens hun overleg belden de drie leiders met Trump.",
        "2025-05-11",
    )
    (ref,) = [x for x in got if x.reference]
    assert ref.type == "meeting" and ref.participants == ["macron", "starmer", "zelensky"]


def test_refinement_words_are_whole_words() -> None:
    # "top" makes talks a meeting, "stoppen" does not
    lex = lexicon()
    assert (
        refine_type(["talks"], "Het stoppen van de gevechten staat centraal in het gesprek", lex)
        == "talks"
    )
    assert refine_type(["talks"], "Het gesprek vindt plaats tijdens de top", lex) == "meeting"


def test_leader_who_would_be_there_too_takes_part() -> None:
    got = _dated(
        "Zelensky liet weten dat hij Poetin donderdag in Turkije opwacht, en dat hij het op "
        "prijs zou stellen als Trump er ook bij is.",
        "2025-05-12",
    )
    assert {tuple(x.participants) for x in got} == {
        ("putin", "trump", "zelensky"),  # Trump's joining
        ("putin", "zelensky"),  # and the meeting itself
    }
    assert {x.status for x in got} == {"proposed"}


def test_talk_before_a_call_made_again_is_a_call() -> None:
    got = _dated(
        "Zelensky heeft gisteren opnieuw met Donald Trump gebeld. "
        "De twee hadden vrijdag al met elkaar gesproken.",
        "2025-10-13",
    )
    assert [x.type for x in got] == ["call", "call"]


def test_dated_contact_named_without_parties_dates_the_next_report() -> None:
    got = _dated(
        "Europese leiders hebben na de onderhandelingen in Berlijn, half december, een "
        "verklaring gepresenteerd.\n\nDe verklaring volgde op gesprekken tussen Zelensky en "
        "Steve Witkoff in de Duitse hoofdstad.",
        "2025-12",
    )
    assert [x.participants for x in got] == [["witkoff", "zelensky"]] * 2
    assert all((x.date.earliest, x.date.latest) == (D(2025, 12, 11), D(2025, 12, 20)) for x in got)
    assert got[-1].type == "meeting"  # "in de Duitse hoofdstad"


def test_a_verb_of_sending_only_when_the_parse_reads_one() -> None:
    from tests.trees import tokens

    def parsed(rows: list[tuple[str, str, str, str, int, str]]) -> list[EventMention]:
        body = " ".join(r[0] for r in rows)
        article = parse_article(f"date 2025-06-20 {body}", "t.txt")
        return build_mentions(
            article,
            sentences(article.text, article.body_start),
            [],
            [],
            KB,
            tokens=tokens(rows, article.body_start),
        )

    # "aansturen op": aiming at a meeting, which the subject will hold himself
    aims = parsed(
        [
            ("Zelensky", "Zelensky", "PROPN", "nsubj", 1, ""),
            ("stuurt", "sturen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("aan", "aan", "ADP", "compound:prt", 1, ""),
            ("op", "op", "ADP", "case", 5, ""),
            ("een", "een", "DET", "det", 5, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obl:arg", 1, ""),
            ("met", "met", "ADP", "case", 7, ""),
            ("Trump", "Trump", "PROPN", "nmod", 5, ""),
            (".", ".", "PUNCT", "punct", 1, ""),
        ]
    )
    assert [m.participants for m in aims] == [["trump", "zelensky"]]
    # "sturen": the envoy goes, the sender stays home
    sends = parsed(
        [
            ("Trump", "Trump", "PROPN", "nsubj", 1, ""),
            ("stuurt", "sturen", "VERB", "ROOT", 1, "Tense=Pres|VerbForm=Fin"),
            ("Witkoff", "Witkoff", "PROPN", "obj", 1, ""),
            ("voor", "voor", "ADP", "case", 5, ""),
            ("een", "een", "DET", "det", 5, ""),
            ("ontmoeting", "ontmoeting", "NOUN", "obl", 1, ""),
            ("met", "met", "ADP", "case", 7, ""),
            ("Poetin", "Poetin", "PROPN", "nmod", 5, ""),
            (".", ".", "PUNCT", "punct", 1, ""),
        ]
    )
    assert all("trump" not in m.participants for m in sends)
    assert any(m.participants == ["putin", "witkoff"] for m in sends)


def test_a_phrase_named_in_passing_ends_before_the_clause_object() -> None:
    # "na zijn overleg met de Oekraïense leider Zelensky | de Russische president
    # Poetin opbellen": after the name only a linking word or a date continues the phrase
    got = mentions(
        "Trump gaat direct na zijn overleg met de Oekraïense leider Zelensky de Russische "
        "president Poetin opbellen."
    )
    assert {tuple(m.participants) for m in got} == {("trump", "zelensky"), ("putin", "trump")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trump stuurt zijn gezant naar de Russische president voor overleg.", "meeting"),
        ("Zelensky reist volgende week naar Washington voor overleg.", "meeting"),
        # "naar verwachting": expected, no journey
        ("Het overleg komt naar verwachting pas later.", "talks"),
        ("Het overleg over de levering van wapens.", "talks"),
    ],
)
def test_going_or_sending_to_the_other_side_makes_talks_a_meeting(text: str, expected: str) -> None:
    assert refine_type(["talks"], text, lexicon(), ["overleg"]) == expected


def test_a_summit_named_by_two_nationalities_is_between_their_presidents() -> None:
    got = mentions("Erdogan sprak met Zelensky na de Oekraïens-Amerikaanse top in Genève.")
    assert any(m.participants == ["trump", "zelensky"] and m.reference for m in got)


def test_a_possessive_name_opens_a_contact_named_in_passing() -> None:
    got = _dated(
        "Trump en Zelensky spraken elkaar gisteren voor de eerste keer sinds Trump's "
        "bezoek aan Kyiv.",
        "2025-03-20",
    )
    own = [x for x in got if not x.reference]
    passing = [x for x in got if x.reference]
    assert [(x.type, x.participants) for x in own] == [("talks", ["trump", "zelensky"])]
    assert [(x.type, x.participants) for x in passing] == [("meeting", ["trump", "zelensky"])]
    # the visit lies before the talks: before their last possible day
    assert passing[0].date.latest is not None and passing[0].date.latest < D(2025, 3, 19)


def test_a_trilateral_contact_is_between_the_three_leaders() -> None:
    got = mentions("Trump wil volgende maand een trilaterale ontmoeting organiseren.")
    assert [m.participants for m in got] == [["putin", "trump", "zelensky"]]
    assert got[0].status == "planned"
