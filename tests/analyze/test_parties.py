"""Parties, defined terms, organisation numbers and copies clauses, in the forms agreements use."""

from __future__ import annotations

import pytest

from lint.analyze.context import AnalysisContext
from lint.analyze.kind import detect_kind
from lint.analyze.orgnumber import find_org_numbers, luhn_valid
from lint.analyze.parties import PartiesResult, PartyVocab, classify_word, extract_parties
from lint.analyze.sentences import split_sentences
from lint.model import SourceText
from lint.pack import Pack, load_pack
from lint.read import read_path
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from lint.segment import segment
from tests.conftest import NORRMALM_MEMO, OSTERMALM, SKARPNACK

HEAD = "Lokal samverkansöverenskommelse\n\n{title}Bakgrund\n\n{background}\n\n"
PARTIES = "Parter och lokala överenskommelsens omfattning\n\n{parties}\n\n"
TAIL = (
    "Bilagor\n\nBilaga 1: Gemensam lokal lägesbild\n\nTid\n\n"
    "Överenskommelsen gäller från dag för undertecknande och tills vidare.\n\n"
    "Information\n\n{information}\n"
)
BACKGROUND = (
    "Stockholms stad och Polisregion Stockholm har genom en övergripande "
    "samverkansöverenskommelse åtagit sig att skapa lokala samverkansöverenskommelser, "
    "mellan kommunens stadsdelsförvaltningar och lokalpolisområden."
)
COPIES = "Överenskommelsen har upprättats i tre (3) likalydande exemplar, en för varje part."


def extract(source: SourceText, pack: Pack) -> PartiesResult:
    sections = segment(source, pack.template)
    sentences = split_sentences(source, sections)
    kind = detect_kind(source, sections, pack.vocab)
    return extract_parties(
        AnalysisContext(source, sections, sentences, kind, pack.vocab, pack.template)
    )


def extract_text(
    pack: Pack, parties: str | None, title: str = "", information: str = COPIES
) -> PartiesResult:
    text = HEAD.format(title=title, background=BACKGROUND)
    if parties is not None:
        text += PARTIES.format(parties=parties)
    text += TAIL.format(information=information)
    return extract(read_text_bytes(text.encode(), "test.txt", ReadLimits()), pack)


def summary(result: PartiesResult) -> list[tuple[str, str, list[str]]]:
    return [(p.org_type, p.name, [t.term for t in p.defined_terms]) for p in result.parties]


# --- the seeds, in every format ------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_skarpnack_parties(pack: Pack, suffix: str) -> None:
    result = extract(read_path(SKARPNACK.with_suffix(suffix)), pack)
    assert summary(result) == [
        ("district_administration", "Skarpnäcks stadsdelsförvaltning", ["Stadsdelsförvaltningen"]),
        (
            "police_area",
            "Lokalpolisområde Globen region Stockholm polisområde Syd",
            ["Polisen"],
        ),
        ("education_administration", "Utbildningsförvaltningen", []),
    ]
    numbers = [p.org_number.value if p.org_number else None for p in result.parties]
    assert numbers == ["212000-0142", "202100-0076", "212000-0142"]
    assert [p.address for p in result.parties] == [
        "Box 5117, 121 17 Johanneshov",
        "106 75 Stockholm",
        "Box 22049, 104 22 Stockholm",
    ]
    assert {"Parterna", "Överenskommelse"} <= {t.term for t in result.defined_terms}
    assert [c.count for c in result.copies] == [3]


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
def test_ostermalm_parties(pack: Pack, suffix: str) -> None:
    result = extract(read_path(OSTERMALM.with_suffix(suffix)), pack)
    kinds = [p.org_type for p in result.parties]
    assert kinds == [
        "district_administration",
        "education_administration",
        "police_area",
    ]
    terms = [{t.term for t in p.defined_terms} for p in result.parties]
    assert terms == [{"Kommunen"}, {"Grundskoleavdelningen"}, {"Polisen"}]
    assert [c.count for c in result.copies] == [3]


def test_memo_title_is_not_a_party_list(pack: Pack) -> None:
    result = extract(read_path(NORRMALM_MEMO), pack)
    assert result.parties == ()


# --- layouts ------------------------------------------------------------------------------


def test_prose_list_with_traffic_office_and_called_terms(pack: Pack) -> None:
    parties = (
        "Denna överenskommelse ingås mellan Farsta stadsdelsförvaltning, org.nr 212000-0142, "
        "hädanefter kallad Förvaltningen, Lokalpolisområde Farsta, hädanefter kallad Polisen, "
        "utbildningsförvaltningen och trafikkontoret, nedan gemensamt kallade Parterna."
    )
    result = extract_text(pack, parties)
    assert summary(result) == [
        ("district_administration", "Farsta stadsdelsförvaltning", ["Förvaltningen"]),
        ("police_area", "Lokalpolisområde Farsta", ["Polisen"]),
        ("education_administration", "utbildningsförvaltningen", []),
        ("other", "trafikkontoret", []),
    ]


def test_bullets_with_two_district_administrations(pack: Pack) -> None:
    parties = (
        "• Rinkeby-Kista stadsdelsförvaltning, org.nr 212000-0142, ”Rinkeby-Kista”\n"
        "• Spånga-Tensta stadsdelsförvaltning, org.nr 212000-0142, ”Spånga-Tensta”\n"
        "• Lokalpolisområde Järva, org.nr 202100-0076, ”Polisen”"
    )
    result = extract_text(pack, parties)
    assert [p.name for p in result.parties] == [
        "Rinkeby-Kista stadsdelsförvaltning",
        "Spånga-Tensta stadsdelsförvaltning",
        "Lokalpolisområde Järva",
    ]


@pytest.mark.parametrize(
    "joint",
    [
        'a) och b) nedan gemensamt kallade "Stadsdelsförvaltningarna"',
        "Kungsholmens och Norrmalms stadsdelsförvaltningar kallas nedan gemensamt "
        '"Stadsdelsförvaltningarna".',
    ],
)
def test_a_joint_term_belongs_to_the_parties_of_its_type(pack: Pack, joint: str) -> None:
    """A term for some parties together names each party of the type its word names, not
    the party read last."""
    parties = (
        "a) Kungsholmens stadsdelsförvaltning, org.nr 212000-0142,\n"
        "b) Norrmalms stadsdelsförvaltning, org.nr 212000-0142,\n"
        f"{joint}\n"
        'c) Lokalpolisområde Norrmalm, org.nr 202100-0076, nedan "Polisen",\n'
        'd) Utbildningsförvaltningen, org.nr 212000-0142, nedan "Utbildningsförvaltningen"'
    )
    joint_first = joint.startswith("a)")
    if not joint_first:  # the sentence after the list refers back to it
        lines = parties.split("\n")
        parties = "\n".join([*lines[:2], *lines[3:], "", lines[2]])
    assert summary(
        extract_text(pack, parties, information=COPIES.replace("tre (3)", "fyra (4)"))
    ) == [
        (
            "district_administration",
            "Kungsholmens stadsdelsförvaltning",
            ["Stadsdelsförvaltningarna"],
        ),
        ("district_administration", "Norrmalms stadsdelsförvaltning", ["Stadsdelsförvaltningarna"]),
        ("police_area", "Lokalpolisområde Norrmalm", ["Polisen"]),
        ("education_administration", "Utbildningsförvaltningen", ["Utbildningsförvaltningen"]),
    ]


def test_numbered_list_after_mellan(pack: Pack) -> None:
    parties = (
        "Överenskommelsen ingås mellan\n"
        "1. Hägersten-Älvsjö stadsdelsförvaltning, org.nr 212000-0142, Box 19,\n"
        "129 21 Hägersten, ”Stadsdelsförvaltningen”\n"
        "2. Lokalpolisområde Globen, org.nr 202100-0076, 106 75 Stockholm, ”LPO Globen”\n"
        "3. Lokalpolisområde Skärholmen, org.nr 202100-0076, 106 75 Stockholm"
    )
    result = extract_text(pack, parties)
    assert [p.name for p in result.parties] == [
        "Hägersten-Älvsjö stadsdelsförvaltning",
        "Lokalpolisområde Globen",
        "Lokalpolisområde Skärholmen",
    ]


def test_blocks_without_separators_split_at_a_new_name(pack: Pack) -> None:
    """A PDF without blank lines or "och": each line that starts a name is a new party."""
    parties = (
        "Skarpnäcks stadsdelsförvaltning, org.nr 212000-0142, Box 5117, 121 17 Johanneshov\n"
        "Lokalpolisområde Globen, org.nr 202100-0076, 106 75 Stockholm\n"
        "Utbildningsförvaltningen, org.nr 212000-0142,\n"
        "Grundskoleavdelningen, Box 22049, 104 22 Stockholm"
    )
    result = extract_text(pack, parties)
    assert [p.org_type for p in result.parties] == [
        "district_administration",
        "police_area",
        "education_administration",
    ]


def test_party_names_on_lines_of_their_own_with_details_below(pack: Pack) -> None:
    """Plain text: each party's name a paragraph of its own (so a heading by its shape), its
    details the paragraph below, its term named with the verb first ("Kallas nedan X.")."""
    parties = (
        "Följande parter ingår i överenskommelsen.\n\n"
        "Skarpnäcks stadsdelsförvaltning\n\n"
        "Box 5117, 121 17 Johanneshov. Organisationsnummer 212000-0142. Kallas nedan SDF.\n\n"
        "Polismyndigheten, lokalpolisområde Globen\n\n"
        "Polisområde Syd, region Stockholm. Organisationsnummer 202100-0076. Kallas nedan "
        "Lokalpolisen."
    )
    result = extract_text(pack, parties)
    assert summary(result) == [
        ("district_administration", "Skarpnäcks stadsdelsförvaltning", ["SDF"]),
        ("police_area", "Polismyndigheten", ["Lokalpolisen"]),
    ]


def test_two_police_areas_on_lines_of_their_own_stay_two(pack: Pack) -> None:
    parties = (
        "Lokalpolisområde Globen\n\nLokalpolisområde Skärholmen\n\nSkarpnäcks stadsdelsförvaltning"
    )
    result = extract_text(pack, parties)
    assert [p.org_type for p in result.parties] == [
        "police_area",
        "police_area",
        "district_administration",
    ]


def test_term_left_unmarked_after_the_address(pack: Pack) -> None:
    """Bold without quotes loses its marker in a PDF: "… 121 17 Johanneshov Förvaltningen"."""
    parties = (
        "Skarpnäcks stadsdelsförvaltning, Box 5117, 121 17 Johanneshov Stadsdelsförvaltningen\n"
        "och\n"
        "Lokalpolisområde Globen, 106 75 Stockholm, Polisen"
    )
    result = extract_text(pack, parties)
    assert summary(result) == [
        ("district_administration", "Skarpnäcks stadsdelsförvaltning", ["Stadsdelsförvaltningen"]),
        ("police_area", "Lokalpolisområde Globen", ["Polisen"]),
    ]


def test_generic_mentions_before_the_list_are_not_parties(pack: Pack) -> None:
    parties = (
        "Överenskommelsen omfattar samverkan mellan stadsdelsförvaltningen och "
        "lokalpolisområdet.\n\n"
        'Skarpnäcks stadsdelsförvaltning "Förvaltningen"\n\noch\n\n'
        'Lokalpolisområde Globen "Polisen"'
    )
    result = extract_text(pack, parties)
    assert [p.name for p in result.parties] == [
        "Skarpnäcks stadsdelsförvaltning",
        "Lokalpolisområde Globen",
    ]


def test_title_block_when_there_is_no_parties_section(pack: Pack) -> None:
    title = "Mellan Farsta stadsdelsförvaltning och Lokalpolisområde Farsta\n\n"
    result = extract_text(pack, None, title=title)
    assert [p.org_type for p in result.parties] == ["district_administration", "police_area"]


# --- agreements outside Stockholm (pack national) -------------------------------------------


@pytest.fixture(scope="module")
def national() -> Pack:
    return load_pack("national")


def extract_national(pack: Pack, parties: str) -> PartiesResult:
    text = (
        "Samverkansöverenskommelse\n\nParter\n\n" + parties + "\n\nAvtalstid\n\n"
        "Överenskommelsen gäller från och med den 1 april 2024 och tills vidare.\n"
    )
    return extract(read_text_bytes(text.encode(), "test.txt", ReadLimits()), pack)


@pytest.mark.parametrize(
    ("parties", "expected"),
    [
        pytest.param(
            "Part\tOrganisationsnummer\tBenämns nedan\n"
            "Göteborgs Stad genom kommunstyrelsen och stadsområdesnämnd Nordost\t"
            "212000-1355\t”Staden”\n"
            "Göteborgs Stads Bostadsaktiebolag\t556005-6128\t”Bostadsbolaget”\n"
            "Polismyndigheten, lokalpolisområde Nordost\t202100-0076\t”Polisen”",
            [
                ("district_administration", "Göteborgs Stad", ["Staden"]),
                ("company", "Göteborgs Stads Bostadsaktiebolag", ["Bostadsbolaget"]),
                ("police_area", "Polismyndigheten", ["Polisen"]),
            ],
            id="organs-after-genom-and-a-genitive-in-a-name",
        ),
        pytest.param(
            "Denna överenskommelse ingås mellan Ystads kommun, org.nr 212000-1165, genom "
            "kommunstyrelsen, och Polismyndigheten, polisområde Skåne Syd, lokalpolisområde "
            "Ystad, org.nr 202100-0076.",
            [
                ("district_administration", "Ystads kommun", []),
                ("police_area", "Polismyndigheten", []),
            ],
            id="a-place-ending-in-stad",
        ),
        pytest.param(
            "Parterna är Åsele kommun genom kommunstyrelsen (”kommunen”) och Polismyndigheten "
            "genom lokalpolisområde Lycksele, Polisregion Nord (”polisen”).\n\n"
            "Kommunen företräds av kommunstyrelsens ordförande.",
            [
                ("district_administration", "Åsele kommun", ["kommunen"]),
                ("police_area", "Polismyndigheten", ["polisen"]),
            ],
            id="terms-in-lower-case",
        ),
        pytest.param(
            "Överenskommelsen ingås mellan Region Gotland, organisationsnummer 212000-0803 "
            "(nedan Regionen), och Polismyndigheten, lokalpolisområde Gotland (nedan Polisen).",
            [
                ("district_administration", "Region Gotland", ["Regionen"]),
                ("police_area", "Polismyndigheten", ["Polisen"]),
            ],
            id="nedan-in-parentheses",
        ),
        pytest.param(
            "- Sundsvalls kommun, org.nr 212000-2411 (Kommunen)\n"
            "- Medelpads räddningstjänstförbund, org.nr 222000-2626 (Räddningstjänsten)\n"
            "- Polismyndigheten, lokalpolisområde Sundsvall, org.nr 202100-0076 (Polisen)",
            [
                ("district_administration", "Sundsvalls kommun", ["Kommunen"]),
                ("other", "Medelpads räddningstjänstförbund", ["Räddningstjänsten"]),
                ("police_area", "Polismyndigheten", ["Polisen"]),
            ],
            id="a-rescue-services-association",
        ),
        pytest.param(
            "Parterna är:\n\n1. Norrköpings kommun, genom kommunstyrelsen\n"
            "2. Hyresbostäder i Norrköping AB\n3. Polismyndigheten, lokalpolisområde Norrköping"
            "\n\nKommunen företräds av kommunstyrelsens ordförande.",
            [
                ("district_administration", "Norrköpings kommun", []),
                ("company", "Hyresbostäder", []),
                ("police_area", "Polismyndigheten", []),
            ],
            id="a-company-suffix-and-a-sentence-referring-back",
        ),
        pytest.param(
            "Avtalsparter\tOrganisationsnummer\nEskilstuna kommun\t212000-0381\n"
            "Eskilstuna Energi och Miljö AB\t556513-9187\n"
            "Polismyndigheten, LPO Eskilstuna\t202100-0076",
            [
                ("district_administration", "Eskilstuna kommun", []),
                ("company", "Miljö AB", []),
                ("police_area", "Polismyndigheten", []),
            ],
            id="och-inside-a-table-row",
        ),
        pytest.param(
            "Överenskommelsen är tecknad mellan Falu kommun och Polisen i Falun.",
            [
                ("district_administration", "Falu kommun", []),
                ("police_area", "Polisen", []),
            ],
            id="the-police-by-its-own-name",
        ),
    ],
)
def test_national_party_lists(
    national: Pack, parties: str, expected: list[tuple[str, str, list[str]]]
) -> None:
    assert summary(extract_national(national, parties)) == expected


def test_misspelt_police_area_is_still_the_police(pack: Pack) -> None:
    result = extract_text(
        pack, "Östermalms stadsdelsförvaltning\n\noch\n\nLokalpolsområde Norrmalm"
    )
    assert [p.org_type for p in result.parties] == ["district_administration", "police_area"]


@pytest.mark.parametrize(
    ("word", "org_type"),
    [
        ("stadsdelsförvaltningen", "district_administration"),
        ("Lokalpolisområdets", "police_area"),
        ("Polismyndigheten", "police_area"),
        ("grundskoleavdelningen", "education_administration"),
        ("trafikkontoret", "other"),
        ("Polisen", None),
        ("stadsdelsförvaltningar", None),  # a plural names no single party
    ],
)
def test_classify_word(pack: Pack, word: str, org_type: str | None) -> None:
    found = classify_word(word, PartyVocab.from_vocab(pack.vocab["parties"]))
    assert (found[1] if found else None) == org_type


# --- organisation numbers -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "valid"),
    [("2120000142", True), ("2021000076", True), ("2120000143", False), ("212000014", False)],
)
def test_luhn(digits: str, valid: bool) -> None:
    assert luhn_valid(digits) is valid


@pytest.mark.parametrize(
    ("text", "value", "well_formed", "checksum"),
    [
        ("organisationsnummer 212000-0142, Box 5117", "212000-0142", True, True),
        ("org.nr\n202100-0076, 106 75 Stockholm", "202100-0076", True, True),
        ("org.nr 212000-0142 121 17 Johanneshov", "212000-0142", True, True),
        ("org. nr: 212000–0142", "212000–0142", True, True),  # a dash from a word processor
        ("organisationsnummer 212000-0143", "212000-0143", True, False),
        ("org.nr 2120000142", "2120000142", True, True),  # without the hyphen: valid
        ("org.nr 2120000143", "2120000143", True, False),
        ("org.nr 16212000-0142, Box", "16212000-0142", True, True),  # the 12-digit form
        ("organisationsnummer 162120000142", "162120000142", True, True),
        ("organisationsnummer 16212000-0143", "16212000-0143", True, False),
        ("org.nr 20210-00076", "20210-00076", False, True),
        ("Stadens nummer 212000-0143 står i avtalet.", "212000-0143", True, False),
    ],
)
def test_org_numbers(text: str, value: str, well_formed: bool, checksum: bool) -> None:
    (number,) = find_org_numbers(text)
    assert (number.value, number.valid_format, number.valid_checksum) == (
        value,
        well_formed,
        checksum,
    )
    assert text[number.span.start : number.span.end] == value


@pytest.mark.parametrize(
    "text",
    ["Telefon 08-508 18 000", "Diarienummer ÖST 2021/66", "Dnr 1.7.1-556/2021", "2021-02-11"],
)
def test_no_org_number_in_other_numbers(text: str) -> None:
    assert find_org_numbers(text) == ()


# --- copies -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "count"),
    [
        ("Överenskommelsen har upprättats i tre (3) likalydande exemplar.", 3),
        ("Avtalet har upprättats i två exemplar, ett för varje part.", 2),
        ("Överenskommelsen är upprättad i 4 original.", 4),
        ("Överenskommelsen har upprättats i fem likalydande exemplar.", 5),
    ],
)
def test_copies(pack: Pack, sentence: str, count: int) -> None:
    result = extract_text(pack, "Skarpnäcks stadsdelsförvaltning", information=sentence)
    assert [c.count for c in result.copies] == [count]


def test_a_sentence_on_who_signs_for_a_defined_party_adds_no_party() -> None:
    """Party paragraphs set apart by blank lines, then "För Kommunen undertecknar …": the
    party named by its term, not one more party "För Kommunen"."""
    national = load_pack("national")
    text = (
        "Samverkansöverenskommelse mellan Växjö kommun och Polismyndigheten\n\n"
        "Avsnitt 1. Parter\n\n"
        "Denna samverkansöverenskommelse har träffats mellan\n\n"
        "Växjö kommun, kommunstyrelsen, organisationsnummer 212000-0647, nedan ”Kommunen”,\n\n"
        "och\n\n"
        "Polismyndigheten, lokalpolisområde Växjö, organisationsnummer 202100-0076, "
        "nedan ”Polisen”.\n\n"
        "För Kommunen undertecknar kommunstyrelsens ordförande och för Polisen "
        "lokalpolisområdeschefen.\n\n"
        "Avsnitt 2. Bakgrund\n\n"
        "Kommunen och Polisen har samverkat sedan 2016 i det brottsförebyggande arbetet.\n"
    )
    result = extract(read_text_bytes(text.encode(), "test.txt", ReadLimits()), national)
    assert [p.name for p in result.parties] == ["Växjö kommun", "Polismyndigheten"]


def test_terms_defined_ahead_of_their_party(pack: Pack) -> None:
    """'"Polisen" avser Polismyndigheten, …': the term names the party that follows."""
    parties = (
        "I denna överenskommelse används följande benämningar för parterna.\n\n"
        "”Stadsdelsförvaltningen” avser Östermalms stadsdelsförvaltning, Stockholms stad, "
        "organisationsnummer 212000-0142.\n\n"
        "”Polisen” avser Polismyndigheten, lokalpolisområde Norrmalm, organisationsnummer "
        "202100-0076.\n\n"
        "”Utbildningsförvaltningen” avser utbildningsförvaltningen, grundskoleavdelningen, "
        "organisationsnummer 212000-0142."
    )
    assert summary(extract_text(pack, parties)) == [
        ("district_administration", "Östermalms stadsdelsförvaltning", ["Stadsdelsförvaltningen"]),
        ("police_area", "Polismyndigheten", ["Polisen"]),
        ("education_administration", "utbildningsförvaltningen", ["Utbildningsförvaltningen"]),
    ]


def test_parties_named_in_a_sentence_after_are_and_the_area_they_belong_to(
    pack: Pack,
) -> None:
    result = extract_text(
        pack,
        "De parter som har ingått denna överenskommelse är Skarpnäcks stadsdelsförvaltning "
        "(SDF) och lokalpolisområde Globen (LPO) i polisområde Syd. Utbildningsförvaltningen "
        "deltar i arbetet men är inte part.",
    )
    assert [(p.org_type, p.name) for p in result.parties] == [
        ("district_administration", "Skarpnäcks stadsdelsförvaltning"),
        ("police_area", "lokalpolisområde Globen"),
    ]


def test_in_a_word_file_the_parties_on_the_lines_after_mellan_are_a_list(pack: Pack) -> None:
    from lint.read.lines import RawLine, build_source

    lines = [
        "Lokal samverkansöverenskommelse",
        "2 Parter",
        "Överenskommelsen ingås mellan",
        "Farsta stadsdelsförvaltning, organisationsnummer 212000-0142, nedan ”SDF”,",
        "a) Lokalpolisområde Farsta, organisationsnummer 202100-0076,",
        "b) Lokalpolisområde Globen, organisationsnummer 202100-0076,",
        "a) och b) nedan gemensamt kallade ”Lokalpolisområdena”, samt",
        "",
        "Utbildningsförvaltningen, organisationsnummer 212000-0142, nedan ”UF”.",
        "Parterna kallas gemensamt ”Parterna”.",
        "3 Tid",
        "Överenskommelsen gäller tills vidare.",
    ]
    source = build_source([RawLine(t) for t in lines], "t.docx", "docx", ReadLimits())
    result = extract(source, pack)
    assert [p.org_type for p in result.parties] == [
        "district_administration",
        "police_area",
        "police_area",
        "education_administration",
    ]
