import itertools

from timeline.segment import is_heading, paragraphs, sentences


def test_headings_and_sentences() -> None:
    text = (
        "date 2025-02 Eerste zin. Tweede zin o.a. met afkorting.\n\nOnderhandelingen\n\nDerde zin."
    )
    start = text.index("Eerste")
    got = sentences(text, start)
    assert [s.text for s in got] == [
        "Eerste zin.",
        "Tweede zin o.a. met afkorting.",
        "Onderhandelingen",
        "Derde zin.",
    ]
    assert [s.heading for s in got] == [False, False, True, False]
    assert all(text[s.start : s.end] == s.text for s in got)


def test_quotes_end_sentences() -> None:
    text = '"Ik reis niet", zei Trump. "Elke dag sterven er mensen." Hij zweeg.'
    assert len(sentences(text)) == 3


def test_paragraph_offsets() -> None:
    text = "a b\n\n  \n\nc d"
    assert [text[a:b] for a, b in paragraphs(text)] == ["a b", "c d"]
    assert is_heading("'Hoop dat het snel gaat'")
    assert not is_heading("Dit is een zin.")


def test_a_line_break_ends_a_sentence() -> None:
    text = "Trump belde met Poetin\nWASHINGTON (ANP) - Trump heeft gebeld. Het ging goed."
    got = [s.text for s in sentences(text)]
    assert got == [
        "Trump belde met Poetin",
        "WASHINGTON (ANP) - Trump heeft gebeld.",
        "Het ging goed.",
    ]


def test_a_sentence_longer_than_any_real_one_is_read_in_bounded_windows() -> None:
    from timeline.segment import MAX_SENTENCE_CHARS

    body = " ".join(["Trump sprak met Poetin over de tabel, de cel en de waarde"] * 200)
    text = f"date 2025-03-01 {body}"
    got = sentences(text, 16)
    assert len(got) > 1
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in got)
    # nothing lost, nothing overlapping: the windows cover the sentence in order
    assert "".join(s.text for s in got).replace(" ", "") == body.replace(" ", "")
    assert all(a.end <= b.start for a, b in itertools.pairwise(got))
