"""Groups, members and meetings: from sections or from prose, lists or running text."""

from __future__ import annotations

import pytest

from lint.analyze import analyze
from lint.model import Document, Group
from lint.pack import Pack
from lint.read import read_path
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from tests.conftest import OSTERMALM, SKARPNACK

TEMPLATE = (
    "Lokal samverkansöverenskommelse\n\n"
    "Bakgrund\n\n"
    "Stockholms stad och Polisregion Stockholm har genom en övergripande "
    "samverkansöverenskommelse åtagit sig att skapa lokala samverkansöverenskommelser.\n\n"
    "Lokal samverkansorganisation\n\n{organisation}\n\n"
    "Information\n\n"
    "Det ankommer på respektive part att lämna information till övriga parter om händelser "
    "som kan antas ha väsentlig betydelse för överenskommelsen.\n"
)
STEERING_TASK = (
    "Styrgruppen ska ansvara för att det finns en långsiktighet i samverkansarbetet mellan "
    "stadsdelsförvaltningen, utbildningsförvaltningen och lokalpolisområdet."
)


def document(pack: Pack, organisation: str) -> Document:
    text = TEMPLATE.format(organisation=organisation)
    return analyze(read_text_bytes(text.encode(), "test.txt", ReadLimits()), pack)


def roles(group: Group | None, *, optional: bool = False) -> set[str]:
    assert group is not None
    return {m.role for m in group.members if m.optional == optional and m.role}


def organisations(group: Group | None, *, optional: bool = False) -> set[str]:
    assert group is not None
    return {m.organisation for m in group.members if m.optional == optional and m.organisation}


@pytest.mark.parametrize("suffix", [".txt", ".pdf", ".docx"])
@pytest.mark.parametrize("seed", [SKARPNACK, OSTERMALM], ids=["skarpnack", "ostermalm"])
def test_seed_groups_in_every_format(pack: Pack, seed, suffix: str) -> None:
    doc = analyze(read_path(seed.with_suffix(suffix)), pack)
    steering, preparatory, working = (doc.group(k) for k in ("steering", "preparatory", "working"))
    assert {"district_director", "police_area_chief", "head_of_schools"} <= roles(steering)
    assert steering is not None and steering.meetings_per_year == 2
    assert "municipal_police" in roles(preparatory)
    assert "district_administration" in organisations(preparatory)
    assert {"district_administration", "police_area"} <= organisations(working)
    assert preparatory is not None and preparatory.meetings_per_year is None
    # "Vid behov ska fler deltagare adjungeras in. Särskilt prioriterade är trafikkontoret …"
    assert "specialist_administration" in organisations(working, optional=True)
    assert "specialist_administration" not in organisations(working)


def test_truncated_compound_in_a_wrapped_bullet(pack: Pack) -> None:
    doc = analyze(read_path(OSTERMALM), pack)
    assert {"safety_coordinator", "security_coordinator", "prevention_coordinator"} <= roles(
        doc.group("preparatory")
    )


def test_members_in_running_prose(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokal styrgrupp\n\n"
        "I styrgruppen ingår stadsdelsdirektören, chefen för lokalpolisområdet och "
        "grundskolechefen. Styrgruppen sammanträder fyra gånger per år.",
    )
    steering = doc.group("steering")
    assert roles(steering) == {"district_director", "police_area_chief", "head_of_schools"}
    assert steering is not None and steering.meetings_per_year == 4


@pytest.mark.parametrize(
    "sentence",
    [
        "Stadsdelsdirektören och lokalpolisområdeschefen utgör tillsammans styrgruppen.",
        "Styrgruppen sammansätts av stadsdelsdirektören och lokalpolisområdeschefen.",
        "Styrgruppen leds av stadsdelsdirektören och lokalpolisområdeschefen.",
    ],
)
def test_members_as_subject_or_agent(pack: Pack, sentence: str) -> None:
    doc = document(pack, f"Lokal styrgrupp\n\n{sentence}")
    assert roles(doc.group("steering")) == {"district_director", "police_area_chief"}


@pytest.mark.parametrize(
    ("sentence", "standing", "optional"),
    [
        (
            "Styrgruppen leds av stadsdelsdirektören och består i övrigt av "
            "lokalpolisområdeschefen, och den kan adjungera trafikkontoret när det behövs.",
            {"district_administration", "police_area"},
            {"specialist_administration"},
        ),
        (
            "Styrgruppen består av stadsdelsdirektören; vid behov adjungeras "
            "lokalpolisområdeschefen.",
            {"district_administration"},
            {"police_area"},
        ),
    ],
)
def test_optional_cue_holds_for_its_own_clause(
    pack: Pack, sentence: str, standing: set[str], optional: set[str]
) -> None:
    """A comma before a conjunction or a semicolon ends the clause that "vid behov" or
    "adjungeras" qualifies."""
    steering = document(pack, f"Lokal styrgrupp\n\n{sentence}").group("steering")
    assert organisations(steering) == standing
    assert organisations(steering, optional=True) == optional


@pytest.mark.parametrize(
    "written",
    [
        "Lokalpolisområdeschef",
        "lokalpolisområdets chef",
        "chefen för lokalpolisområdet",
        "Chef för lokalpolisområde Globen",
        "lokalpolisområde Globens chef",
        "LPO-chefen",
        "lokalpolisområdescheferna",
    ],
)
def test_police_area_chief_paraphrases(pack: Pack, written: str) -> None:
    doc = document(
        pack, f"Lokal styrgrupp\n\nI styrgruppen ska följande funktioner ingå:\n\n- {written}"
    )
    assert roles(doc.group("steering")) == {"police_area_chief"}


def test_qualifiers_set_the_organisation(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokal styrgrupp\n\nStyrgruppen består av stadsdelsdirektören, lokalpolisområdeschefen "
        "och chef eller annan befattning med mandat från relevanta fackförvaltningar och bolag.\n\n"
        "Lokal beredningsgrupp\n\nI beredningsgruppen ingår:\n\n"
        "- Kommunpolis\n- Säkerhetssamordnare från utbildningsförvaltningen\n"
        "- Rektor med mandat från grundskolechef",
    )
    steering = doc.group("steering")
    assert steering is not None
    by_role = {(m.role, m.organisation) for m in steering.members}
    assert ("district_director", "district_administration") in by_role
    assert ("chief", "specialist_administration") in by_role
    assert "company" in organisations(steering)
    preparatory = doc.group("preparatory")
    assert preparatory is not None
    by_role = {(m.role, m.organisation) for m in preparatory.members}
    assert ("security_coordinator", "education_administration") in by_role
    # "med mandat från grundskolechef" qualifies the principal; the chief is no member.
    assert "head_of_schools" not in roles(preparatory)


def test_task_sentences_name_no_members(pack: Pack) -> None:
    doc = document(
        pack,
        f"Lokal styrgrupp\n\n{STEERING_TASK}\n\nI styrgruppen ska följande funktioner ingå:\n\n"
        "- Stadsdelsdirektör\n- Lokalpolisområdets chef",
    )
    assert organisations(doc.group("steering")) == {
        "district_administration",
        "police_area",
    }


def test_groups_described_without_their_own_headings(pack: Pack) -> None:
    doc = document(
        pack,
        "Samverkan leds av en lokal styrgrupp. Den lokala styrgruppen består av "
        "lokalpolisområdeschefen, stadsdelsdirektören och avdelningschefen för "
        "grundskoleavdelningen. Styrgruppen träffas en gång i kvartalet.\n\n"
        "Beredningsgruppen, där kommunpolisen och stadsdelsförvaltningens trygghetssamordnare "
        "ingår, bereder frågor till styrgruppen.\n\n"
        "Arbetsgrupper tillsätts för varje fokusområde. I arbetsgrupperna ingår medarbetare från "
        "stadsdelsförvaltningen och lokalpolisområdet.",
    )
    steering = doc.group("steering")
    assert steering is not None and steering.meetings_per_year == 4
    assert {"district_director", "police_area_chief"} <= roles(steering)
    assert "education_administration" in organisations(steering)
    assert {"municipal_police", "safety_coordinator"} <= roles(doc.group("preparatory"))
    assert {"district_administration", "police_area"} <= organisations(doc.group("working"))


def test_a_group_only_mentioned_is_not_described(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokal styrgrupp\n\nI styrgruppen ingår stadsdelsdirektören och lokalpolisområdeschefen. "
        "Frågor bereds av arbetsgrupperna och beslut meddelas Beredningsgruppen på central nivå.",
    )
    assert doc.group("steering") is not None
    assert doc.group("preparatory") is None
    assert doc.group("working") is None


def test_ska_is_never_a_school(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokala arbetsgrupper\n\nArbetsgrupperna ska ha representanter från både "
        "stadsdelsförvaltningen och lokalpolisområdet som ska delta i det som ska utföras.",
    )
    assert "education_administration" not in organisations(doc.group("working"))


def test_school_represented_in_a_working_group(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokala arbetsgrupper\n\nArbetsgrupper sätts samman utifrån behov. En fast grupp ska "
        "finnas kring barn och unga där också skolan ska vara representerad.",
    )
    assert "education_administration" in organisations(doc.group("working"))


def test_hard_line_breaks_and_blank_lines_inside_bullets(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokal beredningsgrupp\n\nI beredningsgruppen ska följande funktioner ingå:\n"
        "• Kommunpolis\n• Preventionssamordnare från\n\nstadsdelsförvaltningen\n"
        "Beredningsgruppen har återkommande möten enligt lokala behov och kan adjungera in\n"
        "trafikkontoret.",
    )
    preparatory = doc.group("preparatory")
    assert roles(preparatory) == {"municipal_police", "prevention_coordinator"}
    assert "specialist_administration" in organisations(preparatory, optional=True)


def test_the_most_frequent_meeting_statement_holds(pack: Pack) -> None:
    doc = document(
        pack,
        "Styrgruppen möts årligen tillsammans med alla samverkansparter.\n\n"
        "Lokal styrgrupp\n\nI styrgruppen ingår stadsdelsdirektören. Möten sammankallas vid minst "
        "två tillfällen per år, och beredningsgruppen träffas varje månad.",
    )
    steering = doc.group("steering")
    assert steering is not None and steering.meetings_per_year == 2


def test_plural_definite_police_areas_in_a_working_group(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokala arbetsgrupper\n\nI varje arbetsgrupp ingår representanter från både "
        "stadsdelsförvaltningen och lokalpolisområdena med ansvar för det som ska utföras.",
    )
    assert {"district_administration", "police_area"} <= organisations(doc.group("working"))


def test_members_under_a_sub_heading_of_the_group(pack: Pack) -> None:
    """ "5.1.2 Sammansättning" under "5.1 Lokal styrgrupp": the list is the steering group's."""
    doc = document(
        pack,
        "5.1 Lokal styrgrupp\n\n5.1.1 Uppdrag\n\n" + STEERING_TASK + "\n\n"
        "5.1.2 Sammansättning\n\n1. Stadsdelsdirektör, stadsdelsförvaltningen\n"
        "2. Lokalpolisområdeschef, lokalpolisområdet\n3. Grundskolechef, utbildningsförvaltningen",
    )
    assert roles(doc.group("steering")) == {
        "district_director",
        "police_area_chief",
        "head_of_schools",
    }


@pytest.mark.parametrize(
    ("written", "role"),
    [
        ("Chef för lokalpolisområde Globen", "police_area_chief"),
        ("Polischef, lokalpolisområde Globen", "chief"),
        ("Gruppchef för områdespolisen, lokalpolisområde Globen", "unit_chief"),
        ("Enhetschef, lokalpolisområde Globen", "unit_chief"),
    ],
)
def test_a_unit_chief_is_not_the_chief(pack: Pack, written: str, role: str) -> None:
    doc = document(pack, f"Lokal styrgrupp\n\nI styrgruppen ingår:\n\n- {written}")
    assert roles(doc.group("steering")) == {role}


def test_a_table_with_one_column_per_group(pack: Pack) -> None:
    """ "Styrgrupp | Beredningsgrupp | Arbetsgrupp": each cell belongs to its column's group."""
    doc = document(
        pack,
        "Sammansättningen framgår av tabellen nedan; fler kan adjungeras vid behov.\n"
        "Styrgrupp\tBeredningsgrupp\tArbetsgrupp\n"
        "Stadsdelsdirektör, SDF\tKommunpolis, lokalpolisområdet\tHandläggare från SDF\n"
        "Lokalpolisområdeschef\tSäkerhetssamordnare, SDF\tOmrådespoliser från lokalpolisområdet\n"
        "Grundskolechef\t\tTrafikplanerare från trafikkontoret vid behov",
    )
    assert roles(doc.group("steering")) == {
        "district_director",
        "police_area_chief",
        "head_of_schools",
    }
    assert roles(doc.group("preparatory")) == {"municipal_police", "security_coordinator"}
    assert organisations(doc.group("working")) == {"district_administration", "police_area"}
    assert organisations(doc.group("working"), optional=True) == {"specialist_administration"}


def test_optional_members_after_och_vid_behov(pack: Pack) -> None:
    doc = document(
        pack,
        "Lokala arbetsgrupper\n\nVarje grupp har deltagare från både stadsdelsförvaltningen "
        "och lokalpolisområdet och vid behov från trafikkontoret.",
    )
    working = doc.group("working")
    assert organisations(working) == {"district_administration", "police_area"}
    assert organisations(working, optional=True) == {"specialist_administration"}


@pytest.mark.parametrize("gap", ["\n\n", "\n"], ids=["blank-lines", "word-paragraphs"])
def test_one_line_per_organisation_under_the_group_heading(pack: Pack, gap: str) -> None:
    """ "Från Polisen: lokalpolisområdeschef.": a label naming the organisation, then its
    members, one paragraph each (in a Word file without blank lines between them)."""
    doc = document(
        pack,
        "Lokal styrgrupp\n\n"
        + gap.join(
            [
                STEERING_TASK,
                "Från Stadsdelsförvaltningen: stadsdelsdirektör (ordförande).",
                "Från Polisen: lokalpolisområdeschef för lokalpolisområde Globen.",
                "Från Utbildningsförvaltningen: grundskolechef.",
            ]
        ),
    )
    assert roles(doc.group("steering")) == {
        "district_director",
        "police_area_chief",
        "head_of_schools",
    }


def test_a_term_defined_for_two_parties_leaves_the_organisation_open(pack: Pack) -> None:
    text = (
        "Lokal samverkansöverenskommelse\n\n"
        "Parter\n\n"
        "Överenskommelsen ingås mellan Skarpnäcks stadsdelsförvaltning (nedan kallad "
        '"Nämnden"), Lokalpolisområde Globen (nedan kallad "Polisen") och utbildningsförvaltningen '
        '(nedan kallad "Nämnden").\n\n'
        "Lokala arbetsgrupper\n\n"
        "Arbetsgrupperna består av en preventionssamordnare hos Nämnden och en kommunpolis.\n"
    )
    document = analyze(read_text_bytes(text.encode(), "test.txt", ReadLimits()), pack)
    working = document.group("working")
    assert working is not None
    coordinator = next(m for m in working.members if m.role == "prevention_coordinator")
    assert coordinator.organisation is None
    assert set(coordinator.candidates) == {"district_administration", "education_administration"}


def test_a_table_with_a_label_column_and_one_column_per_group(pack: Pack) -> None:
    """ "Part | Lokal styrgrupp | Lokal beredningsgrupp": the first column names the rows."""
    doc = document(
        pack,
        "Sammansättningen framgår av tabellen nedan.\n"
        "Part\tLokal styrgrupp\tLokal beredningsgrupp\n"
        "Stadsdelsförvaltningen\tStadsdelsdirektör\tSäkerhetssamordnare\n"
        "Lokalpolisområdet\tLokalpolisområdeschef\tKommunpolis",
    )
    assert roles(doc.group("steering")) == {"district_director", "police_area_chief"}
    assert roles(doc.group("preparatory")) == {"security_coordinator", "municipal_police"}


def test_members_listed_below_a_lead_in_without_a_colon(pack: Pack) -> None:
    """ "5.2.2 Styrgruppen består av" and lawyers' "(a) …," items below it."""
    doc = document(
        pack,
        "Styrgruppen består av\n\n"
        "(a) stadsdelsdirektören, som är sammankallande,\n\n"
        "(b) lokalpolisområdeschefen, och\n\n"
        "(c) grundskolechefen.",
    )
    assert roles(doc.group("steering")) == {
        "district_director",
        "police_area_chief",
        "head_of_schools",
    }


def test_meetings_from_a_meeting_plan_table(pack: Pack) -> None:
    doc = document(
        pack,
        "Styrgruppen består av stadsdelsdirektören och lokalpolisområdeschefen.\n\n"
        "Mötesplan\n\n"
        "Grupp\tMötesfrekvens\tSammankallande\n"
        "Lokal styrgrupp\tFyra gånger årligen\tStadsdelsdirektör\n"
        "Lokal beredningsgrupp\tEn gång i månaden\tSäkerhetssamordnare",
    )
    steering, preparatory = doc.group("steering"), doc.group("preparatory")
    assert steering is not None and steering.meetings_per_year == 4
    assert preparatory is not None and preparatory.meetings_per_year == 12


def test_working_groups_put_together_from_both(pack: Pack) -> None:
    doc = document(
        pack,
        "Arbetsgrupperna sätts samman av medarbetare från både stadsdelsförvaltningen och "
        "lokalpolisområdet.",
    )
    assert organisations(doc.group("working")) == {"district_administration", "police_area"}


def test_a_numbered_clause_after_the_member_items_states_the_meetings(pack: Pack) -> None:
    organisation = (
        "4.1 Lokal styrgrupp\n\n"
        "4.1.1 I styrgruppen ingår:\n\n"
        "– stadsdelsdirektören\n\n"
        "– lokalpolisområdeschefen\n\n"
        "– grundskolechefen, utbildningsförvaltningen\n\n"
        "4.1.2 Styrgruppen träffas tre gånger per år."
    )
    steering = document(pack, organisation).group("steering")
    assert steering is not None and steering.meetings_per_year == 3.0
    assert {"district_director", "police_area_chief"} <= roles(steering)


def test_a_table_with_a_row_per_group_gives_members_and_meetings(pack: Pack) -> None:
    organisation = (
        "Namn\tGrupp enligt överenskommelsen\tDeltagare\tMöten\n"
        "Trygghetsrådet\tLokal styrgrupp\tStadsdelsdirektör, lokalpolisområdeschef och "
        "grundskolechef\tFyra gånger per år\n"
        "Operativa rådet\tLokal beredningsgrupp\tKommunpolis, säkerhetssamordnare och vid "
        "behov fältassistenter\tVarje månad"
    )
    doc = document(pack, organisation)
    steering, preparatory = doc.group("steering"), doc.group("preparatory")
    assert steering is not None and steering.meetings_per_year == 4.0
    assert {"district_director", "police_area_chief", "head_of_schools"} <= roles(steering)
    assert preparatory is not None
    assert {"municipal_police", "security_coordinator"} <= roles(preparatory)
    assert "field_worker" in roles(preparatory, optional=True)


def test_group_names_as_items_over_their_members_a_level_down(pack: Pack) -> None:
    organisation = (
        "Grupperna:\n\n"
        "• Beredningsgruppen\n"
        "  • kommunpolis Eva Ek\n"
        "  • säkerhetssamordnare Ola Berg\n"
        "• Styrgruppen\n"
        "  • stadsdelsdirektör Anna Lind\n"
        "  • lokalpolisområdeschef Per Holm"
    )
    doc = document(pack, organisation)
    assert {"municipal_police", "security_coordinator"} <= roles(doc.group("preparatory"))
    assert {"district_director", "police_area_chief"} <= roles(doc.group("steering"))
