"""Prioritized areas: the ways an agreement names them, and the mentions that name none."""

from __future__ import annotations

import pytest

from lint.analyze.context import AnalysisContext
from lint.analyze.kind import detect_kind
from lint.analyze.priorities import extract_priority_areas
from lint.analyze.sentences import split_sentences
from lint.model import PriorityArea
from lint.pack import Pack
from lint.read import ReadLimits, read_bytes, read_path
from lint.segment import segment
from tests.conftest import LOCAL_AGREEMENTS, SKARPNACK, SODERMALM_MEMO

SOURCES_END = (
    "- Statistik om anmälda brott tillhandahållen av Polisregion Stockholms avdelning för "
    "Verksamhetsstyrning och analys\n"
)


def _areas(source, pack: Pack) -> tuple[PriorityArea, ...]:
    sections = segment(source, pack.template)
    sentences = split_sentences(source, sections)
    kind = detect_kind(source, sections, pack.vocab)
    ctx = AnalysisContext(source, sections, sentences, kind, pack.vocab, pack.template)
    return extract_priority_areas(ctx)


def _skarpnack_with(pack: Pack, addition: str) -> tuple[PriorityArea, ...]:
    """The Skarpnäck seed with `addition` after the list of sources of its lägesbild."""
    text = SKARPNACK.read_text(encoding="utf-8")
    assert SOURCES_END in text
    text = text.replace(SOURCES_END, SOURCES_END + "\n" + addition.strip("\n") + "\n")
    source = read_bytes(text.encode("utf-8"), ".txt", "variant.txt", ReadLimits())
    areas = _areas(source, pack)
    for area in areas:  # every area is located at its own words
        assert " ".join(source.slice(area.span).split()) == area.text
    return areas


def _named(areas: tuple[PriorityArea, ...]) -> list[tuple[str, str | None]]:
    return [(a.text, a.matched if a.score >= 80 else None) for a in areas]


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
@pytest.mark.parametrize("path", LOCAL_AGREEMENTS, ids=lambda p: p.stem)
def test_the_local_seeds_name_no_area(pack: Pack, path, suffix: str) -> None:
    # "fokusområden som … kommer att innehålla", "Särskilt prioriterade är trafikkontoret",
    # "ändring av parternas prioriterade samverkansområden" and a source about extremism
    assert _areas(read_path(path.with_suffix(suffix), ReadLimits()), pack) == ()


def test_memo_list_after_a_colon(pack: Pack) -> None:
    areas = _areas(read_path(SODERMALM_MEMO, ReadLimits()), pack)
    assert _named(areas) == [
        (
            "Riktat arbete mot avgränsade platser och utsatta områden",
            "Riktat arbete mot avgränsade platser och utsatta områden",
        ),
        ("Unga i risk för kriminalitet", "Unga i risk för kriminalitet"),
        ("Skolan som brottsplats", None),
    ]


def test_inline_enumeration_keeps_names_that_contain_och(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Parterna har valt att prioritera följande områden: unga i risk för kriminalitet, "
        "otillåten påverkan och särskilt utsatta och sårbara brottsoffer.",
    )
    assert [a.matched for a in areas] == [
        "Unga i risk för kriminalitet",
        "Otillåten påverkan",
        "Särskilt utsatta och sårbara brottsoffer",
    ]


def test_areas_named_a_sentence_each_after_a_count(pack: Pack) -> None:
    """ "… två prioriterade samverkansområden. Det första området är A, … Det andra är B."
    and nothing after a sentence that opens otherwise."""
    areas = _skarpnack_with(
        pack,
        "Parterna har kommit överens om två prioriterade samverkansområden. Det första "
        "området är otillåten påverkan, som berör både skolan och polisen. Det andra är "
        "unga i risk för kriminalitet. Det tredje året följs arbetet upp.",
    )
    assert [a.matched for a in areas] == ["Otillåten påverkan", "Unga i risk för kriminalitet"]


def test_ordinal_sentences_after_a_count_that_names_its_period(pack: Pack) -> None:
    """The count's sentence goes on after the cue ("… för avtalstiden.") and names no area."""
    areas = _skarpnack_with(
        pack,
        "Parterna har valt två prioriterade samverkansområden för hela avtalsperioden. Det "
        "första är otillåten påverkan, främst mot skolor. Det andra är unga i risk för "
        "kriminalitet.",
    )
    assert [a.matched for a in areas] == ["Otillåten påverkan", "Unga i risk för kriminalitet"]


def test_a_tables_header_naming_the_column_is_no_area(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Parterna har valt följande prioriterade samverkansområden:\n\n"
        "Samverkansområde\tInriktning\n"
        "Unga i risk för kriminalitet\tTidiga insatser\n"
        "Otillåten påverkan\tStöd till skolor\n",
    )
    assert [a.matched for a in areas] == ["Unga i risk för kriminalitet", "Otillåten påverkan"]


def test_inline_labels_delimit_the_items(pack: Pack) -> None:
    """ "a) …, b) …, med fokus på X och Y, samt c) …": each label opens an item, so the
    commas and "och" inside an item's description split nothing."""
    areas = _skarpnack_with(
        pack,
        "Under perioden prioriteras a) otillåten påverkan, b) unga i risk för kriminalitet, "
        "framför allt i Bagarmossen och Kärrtorp, samt c) narkotikahandel på öppen gata.",
    )
    assert [a.matched if a.score >= 80 else a.text for a in areas] == [
        "Otillåten påverkan",
        "Unga i risk för kriminalitet",
        "narkotikahandel på öppen gata",
    ]


def test_copula_enumeration_with_a_local_area(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack, "De prioriterade samverkansområdena är otillåten påverkan och skolan som brottsplats."
    )
    assert _named(areas) == [
        ("otillåten påverkan", "Otillåten påverkan"),
        ("skolan som brottsplats", None),
    ]


def test_numbered_list_with_short_forms(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Styrgruppen har beslutat om följande fokusområden:\n"
        "1. Våldsbejakande extremism\n2. Avhoppare\n3. Trygghet i Skarpnäcks centrum",
    )
    assert _named(areas) == [
        ("Våldsbejakande extremism", "Arbetet mot våldsbejakande extremism"),
        ("Avhoppare", "Avhopparverksamhet för kriminella"),
        ("Trygghet i Skarpnäcks centrum", None),
    ]


def test_one_area_a_line_is_not_split_at_och(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Prioriterade samverkansområden:\nUnga i risk för kriminalitet\n"
        "Otillåtna bosättningar i parker och grönområden",
    )
    assert _named(areas) == [
        ("Unga i risk för kriminalitet", "Unga i risk för kriminalitet"),
        ("Otillåtna bosättningar i parker och grönområden", None),
    ]


def test_list_under_a_focus_line(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack, "Fokusområden\n\n- Otillåten påverkan\n- Narkotika – öppen drogförsäljning"
    )
    assert _named(areas) == [
        ("Otillåten påverkan", "Otillåten påverkan"),
        ("Narkotika – öppen drogförsäljning", None),
    ]


def test_list_in_the_situation_picture_section_without_a_cue(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Utifrån lägesbilden ska parterna under perioden arbeta med:\n\n"
        "- Unga i risk för kriminalitet\n- Trygghet i centrum",
    )
    assert [a.text for a in areas] == ["Unga i risk för kriminalitet", "Trygghet i centrum"]


def test_free_mention_counts_overarching_areas(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack, "Parterna prioriterar arbetet mot otillåten påverkan under det kommande året."
    )
    assert [a.matched for a in areas] == ["Otillåten påverkan"]


@pytest.mark.parametrize(
    "sentence",
    [
        "De prioriterade samverkansområdena kommer att beslutas av styrgruppen.",
        "Samverkansområdena är ännu inte fastställda.",
        "Prioriterade samverkansområden framgår av åtgärdsplanen, bilaga 2.",
        "Styrgruppen ska prioritera arbetet utifrån den gemensamma lägesbilden.",
        "Särskilt prioriterade är trafikkontoret och utbildningsförvaltningen.",
    ],
)
def test_statements_about_areas_name_none(pack: Pack, sentence: str) -> None:
    assert _skarpnack_with(pack, sentence) == ()


def test_the_end_of_a_wrapped_heading_is_no_cue_line(pack: Pack, tmp_path) -> None:
    """In a PDF the situation-picture heading wraps before "samverkansområden"; the prose
    after it is no list of areas."""
    import sys

    from tests.conftest import CORPUS, ROOT

    sys.path.insert(0, str(ROOT / "scripts"))
    from render_corpus import render_pdf

    variant = CORPUS / "variants" / "compliant" / "enskede-three-parties.txt"
    target = tmp_path / "enskede.pdf"
    render_pdf(variant.read_text(encoding="utf-8"), target)
    areas = _areas(read_path(target), pack)
    assert [a.matched for a in areas] == [
        "Unga i risk för kriminalitet",
        "Särskilt utsatta och sårbara brottsoffer",
        "Riktat arbete mot avgränsade platser och utsatta områden",
    ]


def test_a_cue_word_ending_a_hard_wrapped_sentence_is_no_cue_line(pack: Pack) -> None:
    """ "… tillsätta arbetsgrupper för åtgärdsplanens" | "fokusområden." is the end of a
    sentence, not a "Fokusområden" line above a list: the lines under it name no area."""
    areas = _skarpnack_with(
        pack,
        "Uppdrag: bereda frågor till styrgruppen och tillsätta arbetsgrupper för åtgärdsplanens\n"
        "fokusområden.\n"
        "Sammansättning: kommunpolis och säkerhetssamordnare.\n"
        "Mötesfrekvens: varannan vecka.",
    )
    assert areas == ()


def test_areas_named_after_a_verb_of_working_on_them(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Parterna har enats om att särskilt samverka kring unga i risk för kriminalitet och "
        "otillåten påverkan.",
    )
    assert [a.matched for a in areas] == ["Unga i risk för kriminalitet", "Otillåten påverkan"]


def test_items_between_semicolons_keep_their_own_commas(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Parterna prioriterar följande samverkansområden: unga i risk för kriminalitet; "
        "skolan som brottsplats; samt riktat arbete mot avgränsade platser och utsatta "
        "områden, med särskilt fokus på Sergels torg och Plattan.",
    )
    assert [a.text for a in areas][:2] == ["unga i risk för kriminalitet", "skolan som brottsplats"]
    assert len(areas) == 3
    assert areas[2].text.startswith("riktat arbete mot avgränsade platser")


def test_an_area_keeps_the_parenthesis_it_closes(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Prioriterade samverkansområden:\n\n"
        "- Unga i risk för kriminalitet\n"
        "- Trygg och säker skolväg (lokalt samverkansområde)\n",
    )
    assert [a.text for a in areas] == [
        "Unga i risk för kriminalitet",
        "Trygg och säker skolväg (lokalt samverkansområde)",
    ]


def test_items_numbered_as_sub_clauses_of_their_lead_in(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "6.3 Parterna har prioriterat följande samverkansområden:\n\n"
        "6.3.1 Unga i risk för kriminalitet.\n\n"
        "6.3.2 Otillåten påverkan, med inriktning på skolorna.\n",
    )
    assert [a.matched for a in areas] == ["Unga i risk för kriminalitet", "Otillåten påverkan"]


def test_sub_clause_items_under_a_lead_in_wrapped_over_two_lines(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "4.2 Med lägesbilden som grund har parterna kommit överens om följande\n"
        "samverkansområden:\n\n"
        "4.2.1 Otillåten påverkan.\n\n"
        "4.2.2 Unga i risk för kriminalitet, i synnerhet kring\n"
        "skolorna.\n",
    )
    assert [a.matched for a in areas] == ["Otillåten påverkan", "Unga i risk för kriminalitet"]


def test_a_qualifier_narrows_the_area_before_it_and_a_wrapped_line_is_no_item(
    pack: Pack,
) -> None:
    areas = _skarpnack_with(
        pack,
        "Parterna prioriterar under perioden unga i risk för kriminalitet, riktat arbete mot\n"
        "avgränsade platser och utsatta områden, med fokus på Farsta centrum och\n"
        "Hökarängen, samt otillåten påverkan.\n",
    )
    assert [a.text for a in areas if a.matched is None] == []
    assert [a.matched for a in areas] == [
        "Unga i risk för kriminalitet",
        "Riktat arbete mot avgränsade platser och utsatta områden",
        "Otillåten påverkan",
    ]


def test_a_bulleted_area_hard_wrapped_onto_a_capitalised_line_stays_one_item(pack: Pack) -> None:
    areas = _skarpnack_with(
        pack,
        "Parterna har valt följande prioriterade samverkansområden:\n\n"
        "• Riktat arbete mot avgränsade platser och utsatta områden, framför allt\n"
        "Bagarmossen och Skarpnäcks gård\n"
        "• Otillåten påverkan\n",
    )
    assert [a.matched for a in areas] == [
        "Riktat arbete mot avgränsade platser och utsatta områden",
        "Otillåten påverkan",
    ]


def test_a_sentence_after_the_last_item_is_not_its_rest(pack: Pack) -> None:
    """No blank line between the list and the sentence after it (a Word file), and a
    numbered line after that: the sentence is no part of the last item."""
    areas = _skarpnack_with(
        pack,
        "Prioriterade samverkansområden 2024:\n1. Otillåten påverkan\n"
        "2. Skolan som brottsplats\nAktiviteter och ansvar finns i åtgärdsplanen.\n"
        "3. Uppföljning sker varje höst\n",
    )
    assert [a.text for a in areas][:2] == ["Otillåten påverkan", "Skolan som brottsplats"]
