"""Name-spelling variants: misspellings are paired, suffixes, two people and typography are not."""

from __future__ import annotations

from linter.extract.names import find_variants


def variants(text: str, known: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    return [(v.text, v.canonical) for v in find_variants([(0, text)], known)]


def test_misspelling_against_known_name():
    assert variants("Later, Netanyahu spoke. Then Netanyhau left.", ("Netanyahu",)) == [("Netanyhau", "Netanyahu")]


def test_more_frequent_spelling_wins_when_unknown():
    text = "Officials met Joan Pedreiro. Aides to Pedreiro said so. Later, Pedriero agreed."
    assert variants(text) == [("Pedriero", "Pedreiro")]


def test_suffixes_and_demonyms_are_not_variants():
    assert variants("Troops left Somalia. The Somali army and Somalis cheered. Somalia rejoiced.") == []


def test_two_people_with_different_given_names():
    assert variants("Saddam Hussein ruled. Nasser Hussain batted. Hussein spoke.", ("Hussein", "Hussain")) == []


def test_apostrophe_shape_is_typography():
    assert variants("Kevin O’Leary spoke. Later O'Leary and O'Leary left.") == []


def test_particle_names_are_skipped():
    assert variants("As Brazil voted, Jornal do Brasil wrote. In Brazil, Luiz Brazil said.") == []
