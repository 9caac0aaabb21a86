"""The reading view: ruled table rows, wrapped list items, wrapped paragraphs and signature
columns read as a reader of the page reads them, every offset mapped back exactly."""

from __future__ import annotations

import dataclasses

from lint.layout import lay_out
from lint.model import LineStyle, SourceText, Span
from lint.read.limits import ReadLimits
from lint.read.lines import RawLine, build_source


def pdf(*lines: tuple[str, LineStyle]) -> SourceText:
    raw = [RawLine(text, 1, style) for text, style in lines]
    return build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)


def text(*lines: str) -> SourceText:
    return build_source([RawLine(t) for t in lines], "t.txt", "text", ReadLimits())


def at(x0: float, top: float, x1: float, **more: object) -> LineStyle:
    return LineStyle(font_size=10.0, x0=x0, top=top, x1=x1, **more)  # type: ignore[arg-type]


def view_lines(source: SourceText) -> list[str]:
    layout = lay_out(source)
    return [layout.view.line_text(line) for line in layout.view.lines]


def cell(x: tuple[float, ...], x1: tuple[float, ...], top: float, row: int, k: int) -> LineStyle:
    return LineStyle(
        font_size=10.0, x0=x[0], top=top, cells_x=x, cells_x1=x1, table_cell=(1001, row, k)
    )


def test_a_ruled_table_row_whose_cells_wrap_is_one_line() -> None:
    source = pdf(
        ("Part\tNummer", cell((55, 125), (70, 150), 90, 1, 0)),
        (
            "Järva\t212000-0142\t”Stadsdelsförvaltninge",
            cell((55, 125, 200), (80, 170, 290), 112, 2, 0),
        ),
        ("stadsdelsförvaltning\tn”", cell((55, 200), (110, 205), 124, 2, 1)),
        ("Utbildnings-\t556043-6429", cell((55, 125), (110, 170), 146, 3, 0)),
        ("förvaltningen", cell((55,), (110,), 158, 3, 1)),
    )
    assert view_lines(source)[:4] == [
        "Part\tNummer",
        "Järva stadsdelsförvaltning\t212000-0142\t”Stadsdelsförvaltningen”",
        "Utbildningsförvaltningen\t556043-6429",
        "",
    ]


def test_view_offsets_map_back_to_the_reader_text() -> None:
    source = pdf(
        ("• Riktat arbete mot platser, särskilt Farsta centrum och", at(50, 100, 400)),
        ("Hökarängens centrum", at(60, 112, 150)),
    )
    layout = lay_out(source)
    view = layout.view.text
    start = view.index("Hökarängens")
    raw = layout.mapping.span_to_raw(Span(start, start + len("Hökarängens")))
    assert source.text[raw.start : raw.end] == "Hökarängens"
    assert view.startswith("• Riktat arbete mot platser, särskilt Farsta centrum och Hökarängens")


def test_a_line_at_the_margin_after_a_list_ends_it() -> None:
    source = pdf(
        ("• Unga i risk för kriminalitet", at(50, 100, 200)),
        ("• Skolan som brottsplats", at(50, 112, 180)),
        ("Åtgärderna framgår av åtgärdsplanen, bilaga 2.", at(40, 124, 300)),
    )
    assert view_lines(source) == [
        "• Unga i risk för kriminalitet",
        "• Skolan som brottsplats",
        "",
        "Åtgärderna framgår av åtgärdsplanen, bilaga 2.",
    ]


def test_a_paragraph_wrapped_at_the_margin_is_one_line_but_a_short_line_ends_it() -> None:
    source = pdf(
        ("Arbetsgrupperna sätts samman enligt åtgärdsplanen, bilaga", at(40, 100, 500)),
        ("2. I varje arbetsgrupp finns representanter från båda parter.", at(40, 112, 500)),
        ("Styrgrupp", at(40, 130, 90)),
        ("Styrgruppen leder arbetet.", at(40, 142, 200)),
    )
    assert view_lines(source) == [
        "Arbetsgrupperna sätts samman enligt åtgärdsplanen, bilaga 2. I varje arbetsgrupp finns"
        " representanter från båda parter.",
        "Styrgrupp",
        "Styrgruppen leder arbetet.",
    ]


def test_a_hard_wrapped_plain_text_item_is_one_line() -> None:
    filler = "Den lokala lägesbilden ska revideras minst en gång varje år och biläggas."
    source = text(
        filler,
        filler,
        "",
        "• Unga i riskzon för destruktivt beteende",
        "• Otrygga och brottsutsatta platser, särskilt Bagarmossens centrum och",
        "Skarpnäcks torg",
        "• Särskilt utsatta och sårbara brottsoffer",
    )
    assert view_lines(source)[4] == (
        "• Otrygga och brottsutsatta platser, särskilt Bagarmossens centrum och Skarpnäcks torg"
    )


def test_signature_columns_rejoin_a_wrapped_party_name() -> None:
    def row(x1: tuple[float, ...], top: float) -> LineStyle:
        return LineStyle(font_size=10.0, x0=50, top=top, cells_x=(50, 250), cells_x1=x1)

    source = pdf(
        ("För\tFör lokalpolisområde", row((60, 338), 100)),
        ("Stadsdelsförvaltningen\tGloben", row((160, 280), 112)),
        ("Stockholm 15.1.2025\tStockholm 15.1.2025", row((140, 340), 124)),
        ("…………………\t…………………", row((140, 340), 136)),
        ("Maria Sandberg\tTomas Lund", row((120, 300), 148)),
    )
    assert view_lines(source)[1:5] == [
        "För Stadsdelsförvaltningen",
        "Stockholm 15.1.2025",
        "…………………",
        "Maria Sandberg",
    ]
    assert "För lokalpolisområde Globen" in view_lines(source)


def test_signature_columns_rejoin_a_date_whose_year_wrapped() -> None:
    def row(top: float) -> LineStyle:
        x1 = (180.0, 350.0, 520.0)
        return LineStyle(font_size=10.0, x0=50, top=top, cells_x=(50, 220, 390), cells_x1=x1)

    source = pdf(
        ("Karlstad den 12 december\tKarlstad den 12 december\tKarlstad den 16 december", row(100)),
        ("2024\t2024\t2024", row(112)),
        ("………………\t………………\t………………", row(124)),
        ("Magnus Ohlsson\tIngela Bergkvist\tTobias Hedlund", row(136)),
    )
    lines = view_lines(source)
    assert lines.count("Karlstad den 12 december 2024") == 2
    assert "Karlstad den 16 december 2024" in lines
    assert "2024" not in lines


def test_a_bare_number_in_a_ruled_cell_at_a_page_edge_is_the_cells_text() -> None:
    """ "Bilaga" | "1" wrapped in a narrow first column, the table's last row on the page and
    its first on the next: the numbers are the cells' text, not page numbers."""

    def cell(
        x: tuple[float, ...], x1: tuple[float, ...], top: float, row: int, k: int
    ) -> LineStyle:
        style = LineStyle(font_size=10.0, x0=x[0], top=top, cells_x=x, cells_x1=x1, page_height=842)
        return dataclasses.replace(style, table_cell=(1001 if top > 400 else 2001, row, k))

    def at(x0: float, top: float, x1: float) -> LineStyle:
        return LineStyle(font_size=10.0, x0=x0, top=top, x1=x1, page_height=842)

    lines = [
        RawLine("Bilaga\tInnehåll", 1, cell((74, 118), (99, 160), 688, 1, 0)),
        RawLine("Bilaga\tGemensam lägesbild 2023", 1, cell((74, 118), (99, 287), 710, 2, 0)),
        RawLine("1", 1, cell((74,), (74,), 726, 2, 1)),
        RawLine("Sida 1 av 2", 1, at(280, 802, 316)),
        RawLine("Bilaga\tÅtgärdsplan 2023", 2, cell((74, 118), (99, 194), 72, 1, 0)),
        RawLine("2", 2, cell((74,), (74,), 87, 1, 1)),
        RawLine("Bilaga\tUppföljningsplan", 2, cell((74, 118), (99, 193), 109, 2, 0)),
        RawLine("3", 2, cell((74,), (74,), 125, 2, 1)),
        RawLine("Sida 2 av 2", 2, at(280, 802, 316)),
    ]
    source = build_source(lines, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    view = view_lines(source)
    assert "Bilaga 1\tGemensam lägesbild 2023" in view
    assert "Bilaga 2\tÅtgärdsplan 2023" in view
    assert "Bilaga 3\tUppföljningsplan" in view
    assert not any("Sida" in line for line in view)


def test_signature_columns_rejoin_a_date_wrapped_before_its_year() -> None:
    """A narrow column of four: "Kista den 25 januari" | "2023" is one date."""

    def row(x1: tuple[float, ...], top: float) -> LineStyle:
        xs = (71.0, 184.0, 298.0, 411.0)[: len(x1)]
        return LineStyle(font_size=11.0, x0=71, top=top, cells_x=xs, cells_x1=x1)

    source = pdf(
        ("Kista den 25 januari\tSpånga den\tStockholm den 25", row((157, 245, 486), 621)),
        ("2023\t25 januari 2023\tjanuari 2023", row((88, 260, 461), 635)),
        ("……………\t……………\t……………", row((120, 230, 450), 668)),
        ("Leila Ahmadi\tPer-Olof Wiman\tLena Sjöholm", row((129, 252, 465), 697)),
    )
    view = view_lines(source)
    assert "Kista den 25 januari 2023" in view
    assert "Spånga den 25 januari 2023" in view
    assert "Stockholm den 25 januari 2023" in view
    assert "Leila Ahmadi" in view and "2023" not in view


def test_signature_columns_tell_a_wrapped_word_from_a_broken_one() -> None:
    """Four columns of one width: "Kommunstyrelsens" | "ordförande" wrapped a whole word
    (the column's widest line, but short of what the other columns reach), while
    "Lokalpolisområdesche" | "f, lokalpolisområde" was broken at the column's edge."""

    def row(x1: tuple[float, ...], top: float) -> LineStyle:
        xs = (71.0, 184.0, 298.0, 411.0)
        return LineStyle(font_size=11.0, x0=71, top=top, cells_x=xs, cells_x1=x1)

    source = pdf(
        ("För Staden\tFör Staden\tFör Bolaget\tFör Polisen", row((120, 233, 350, 455), 71)),
        (
            "Karin Ekdahl\tAhmed Yilmaz\tLena Forsberg\tMats Aronsson",
            row((124, 243, 355, 472), 166),
        ),
        (
            "Kommunstyrelsens\tStadsområdesdirektör,\tVerkställande direktör,"
            "\tLokalpolisområdesche",
            row((152, 283, 397, 505), 181),
        ),
        (
            "ordförande\tstadsområde Nordost\tBostadsbolaget\tf, lokalpolisområde",
            row((116, 278, 363, 491), 197),
        ),
    )
    view = view_lines(source)
    assert "Kommunstyrelsens ordförande" in view
    assert "Lokalpolisområdeschef, lokalpolisområde" in view
    assert "Stadsområdesdirektör, stadsområde Nordost" in view


def test_a_sentence_that_ends_a_page_on_a_word_that_leads_on_continues_overleaf() -> None:
    """ "… med fokus på området i" | page break | "Kärrtorp, …": the next page opens with a
    capital, but no sentence ends in "i": the two lines are one line of one paragraph."""
    raw = [
        RawLine(
            "Parterna prioriterar arbetet med platser, med fokus på centrum i", 1, at(72, 700, 500)
        ),
        RawLine("Sida 1 av 2", 1, at(280, 800, 320)),
        RawLine("", 1),
        RawLine("Kärrtorp, och skolan som brottsplats.", 2, at(72, 68, 300)),
    ]
    source = build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    assert view_lines(source) == [
        "Parterna prioriterar arbetet med platser, med fokus på centrum i Kärrtorp, och skolan "
        "som brottsplats.",
    ]


def test_a_table_above_a_heading_and_a_signature_table_is_a_table_of_its_own() -> None:
    """An annex table, "UNDERSKRIFTER" and a signature table with another number of
    columns: the annex table is read row by row, only the signatures column by column."""
    lines = view_lines(
        text(
            "Nr\tBilaga",
            "1\tLägesbild",
            "2\tÅtgärdsplan",
            "UNDERSKRIFTER",
            "För Staden\tFör Polisen\tFör Skolan",
            "Stockholm 2024-05-13\tStockholm 2024-05-13\tStockholm 2024-05-16",
        )
    )
    rows = [line for line in lines if line]
    assert rows[:4] == ["Nr\tBilaga", "1\tLägesbild", "2\tÅtgärdsplan", "UNDERSKRIFTER"]
    assert "För Polisen" in lines and "Stockholm 2024-05-16" in lines


def test_a_ruled_table_row_that_a_page_break_split_is_one_line() -> None:
    """Word and LibreOffice let a row break across pages: the next page's first row goes on
    in lower case, a word too long for its column broken at the edge."""
    raw = [
        RawLine("Part\tNummer\tBenämns", 1, cell((55, 125, 200), (70, 150, 240), 700, 1, 0)),
        RawLine(
            "Utbildningsförvaltning\t212000-0142\t”Utbildningsförvaltnin",
            1,
            cell((55, 125, 200), (120, 170, 290), 760, 2, 0),
        ),
        RawLine("1 (5)", 1, at(300, 792, 320)),
        RawLine("", 1),
        RawLine(
            "en, grundskoleavdelningen\tgen”",
            2,
            dataclasses.replace(cell((55, 200), (120, 215), 71, 1, 0), table_cell=(2001, 1, 0)),
        ),
        RawLine(
            "Trafikkontoret\t212000-0142\t”Trafikkontoret”",
            2,
            cell((55, 125, 200), (110, 170, 270), 95, 2, 0),
        ),
    ]
    source = build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    lines = [line for line in view_lines(source) if line]
    assert (
        "Utbildningsförvaltningen, grundskoleavdelningen\t212000-0142\t”Utbildningsförvaltningen”"
        in lines
    )


def test_a_numbered_heading_overleaf_stays_a_line_of_its_own() -> None:
    """ "• Bilaga 4 – Kommunikationsplan" ends a page, "5 Fokusområden" opens the next."""
    raw = [
        RawLine("• Bilaga 4 – Kommunikationsplan", 1, at(72, 700, 300)),
        RawLine("Sida 1 av 2", 1, at(280, 800, 320)),
        RawLine("", 1),
        RawLine("5 Fokusområden, orsaker och mål", 2, at(72, 68, 300)),
        RawLine("Parterna har valt tre problem som fokus för samverkan.", 2, at(72, 90, 400)),
    ]
    source = build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    assert "5 Fokusområden, orsaker och mål" in view_lines(source)


def test_signature_cells_stacked_at_other_heights_stay_in_their_columns() -> None:
    def two(x1: tuple[float, ...], top: float) -> LineStyle:
        return LineStyle(font_size=10.0, x0=50, top=top, cells_x=(50, 250), cells_x1=x1)

    source = pdf(
        ("För Stockholms stad, Farsta\tFör Polismyndigheten, Farsta", two((230, 420), 100)),
        ("stadsdelsförvaltning", at(50, 112, 150)),
        ("Stockholm den 3 mars 2025", at(250, 124, 380)),
        ("Stockholm 2025-03-03", at(50, 136, 160)),
        ("……………………", at(250, 148, 330)),
        ("……………………\tPer Ek", two((130, 290), 160)),
        ("Eva Berg\tLokalpolisområdeschef", two((100, 360), 172)),
        ("Stadsdelsdirektör", at(50, 184, 130)),
    )
    lines = view_lines(source)
    left = lines.index("För Stockholms stad, Farsta stadsdelsförvaltning")
    assert lines[left + 1 : left + 5] == [
        "Stockholm 2025-03-03",
        "……………………",
        "Eva Berg",
        "Stadsdelsdirektör",
    ]
    right = lines.index("För Polismyndigheten, Farsta")
    assert lines[right + 1] == "Stockholm den 3 mars 2025"


def test_a_party_name_under_a_for_line_ending_in_its_type_word_joins_it() -> None:
    def two(x1: tuple[float, ...], top: float) -> LineStyle:
        return LineStyle(font_size=10.0, x0=50, top=top, cells_x=(50, 250), cells_x1=x1)

    source = pdf(
        ("För Polismyndigheten, lokalpolisområde\tFör Stockholms stad", two((236, 330), 100)),
        ("Skärholmen\tStockholm 2025-02-17", two((110, 360), 112)),
        ("Stockholm den 17 februari 2025\t……………………", two((210, 330), 124)),
        ("Sara Berg\tTomas Lind", two((100, 310), 136)),
    )
    assert "För Polismyndigheten, lokalpolisområde Skärholmen" in view_lines(source)


def test_an_unruled_table_whose_rows_stand_apart_joins_its_wrapped_cells() -> None:
    def row(x: tuple[float, ...], x1: tuple[float, ...], top: float) -> LineStyle:
        return LineStyle(font_size=10.0, x0=x[0], top=top, cells_x=x, cells_x1=x1)

    source = pdf(
        ("Part\tNummer\tAdress", row((50, 200, 300), (70, 240, 330), 100)),
        (
            "Lokalpolisområde Farsta,\t202100-0076\t106 75",
            row((50, 200, 300), (180, 260, 340), 118),
        ),
        ("polisområde Syd\tStockholm", row((50, 300), (130, 350), 130)),
        (
            "Farsta stadsdelsförvaltning\t212000-0142\tBox 38",
            row((50, 200, 300), (190, 260, 340), 148),
        ),
    )
    assert (
        view_lines(source)[1]
        == "Lokalpolisområde Farsta, polisområde Syd\t202100-0076\t106 75 Stockholm"
    )


def test_a_word_that_leads_on_under_a_full_cell_line_is_a_word_of_its_own() -> None:
    source = pdf(
        ("Grupp\tLedamöter", cell((50, 200), (80, 300), 90, 1, 0)),
        ("Styrgrupp\tlokalpolisområdeschef", cell((50, 200), (100, 300), 112, 2, 0)),
        ("för Globen", cell((200,), (260,), 124, 2, 1)),
        ("Beredningsgrupp\tkommunpolis", cell((50, 200), (120, 260), 146, 3, 0)),
    )
    assert view_lines(source)[1] == "Styrgrupp\tlokalpolisområdeschef för Globen"


def test_a_ruled_table_and_an_unruled_signature_table_with_its_columns_stay_apart() -> None:
    def two(top: float) -> LineStyle:
        return LineStyle(font_size=10.0, x0=71, top=top, cells_x=(71, 298), cells_x1=(90, 400))

    def ruled(top: float, row: int) -> LineStyle:
        return dataclasses.replace(two(top), table_cell=(3001, row, 0))

    source = pdf(
        ("Nr\tHandling", ruled(405, 1)),
        ("1\tGemensam lokal lägesbild", ruled(419, 2)),
        ("2\tÅtgärdsplan", ruled(433, 3)),
        ("Underskrifter", at(71, 480, 140)),
        ("Överenskommelsen har upprättats i två exemplar.", at(71, 500, 330)),
        ("Farsta stadsdelsförvaltning\tLokalpolisområde Farsta", two(520)),
        ("Stockholm 15.4.2026\tStockholm 15.4.2026", two(540)),
        ("……………………\t……………………", two(560)),
        ("Maria Ek\tDaniel Holm", two(575)),
        ("Stadsdelsdirektör\tLokalpolisområdeschef", two(590)),
    )
    lines = view_lines(source)
    first_signatory = next(i for i, line in enumerate(lines) if line.startswith("Farsta"))
    assert lines.index("2\tÅtgärdsplan") < lines.index("Underskrifter") < first_signatory
    assert lines[lines.index("2\tÅtgärdsplan") + 1] == ""  # the ruled table ends there


def test_a_for_line_with_a_bare_type_word_takes_the_name_under_it_but_no_date() -> None:
    def three(x1: tuple[float, ...], top: float) -> LineStyle:
        x = (71.0, 222.0, 373.0)
        return LineStyle(font_size=10.0, x0=71, top=top, cells_x=x, cells_x1=x1)

    source = pdf(
        (
            "För Farsta\tFör lokalpolisområde\tFör utbildningsförvaltningen",
            three((151, 312, 495), 266),
        ),
        ("stadsdelsförvaltning\tFarsta\tStockholm den 18 februari", three((154, 259, 488), 280)),
        ("Stockholm den 16 februari\tStockholm den 18 februari\t2026", three((185, 337, 390), 295)),
        ("2026\t2026\t……………………", three((95, 245, 450), 310)),
        ("……………………\t……………………\tMaria Fors", three((150, 300, 430), 325)),
        ("Anna Ek\tPer Lind\tGrundskolechef", three((110, 260, 450), 340)),
    )
    lines = view_lines(source)
    assert "För lokalpolisområde Farsta" in lines
    assert "För utbildningsförvaltningen" in lines


def test_a_word_broken_at_a_cell_edge_without_a_hyphen_is_one_word_again() -> None:
    source = pdf(
        ("Part\tNummer", cell((50, 200), (80, 260), 90, 1, 0)),
        ("Farsta stads\t212000-0142", cell((50, 200), (190, 260), 112, 2, 0)),
        ("delsförvaltning", cell((50,), (130,), 124, 2, 1)),
        ("Lokalpolisområde Farsta\t202100-0076", cell((50, 200), (180, 260), 146, 3, 0)),
        ("Farsta stadsdelsförvaltning och lokalpolisområdet samverkar.", at(50, 180, 400)),
        ("Stadsdelsförvaltning och polis möts.", at(50, 192, 300)),
    )
    assert view_lines(source)[1] == "Farsta stadsdelsförvaltning\t212000-0142"


def test_two_words_of_their_own_in_a_cell_stay_two() -> None:
    source = pdf(
        ("Grupp\tLedamöter", cell((50, 200), (80, 300), 90, 1, 0)),
        ("Styrgrupp\tstadsdelsdirektör", cell((50, 200), (100, 300), 112, 2, 0)),
        ("samordnare", cell((200,), (260,), 124, 2, 1)),
        ("Beredningsgrupp\tkommunpolis", cell((50, 200), (120, 260), 146, 3, 0)),
        ("En samordnare och en stadsdelsdirektör deltar.", at(50, 180, 400)),
    )
    assert view_lines(source)[1] == "Styrgrupp\tstadsdelsdirektör samordnare"


def _party_table(first_break_proven: bool, second_x1: float) -> SourceText:
    elsewhere = "Arbetsmarknadsförvaltningen" if first_break_proven else "Förvaltningen"
    return pdf(
        ("Part\tNummer", cell((50, 200), (80, 260), 90, 1, 0)),
        ("Arbetsmarknadsförvaltnin\t212000-0142", cell((50, 200), (191, 260), 112, 2, 0)),
        ("gen, vuxenutbildningsenh", cell((50,), (second_x1,), 124, 2, 1)),
        ("eten", cell((50,), (72,), 136, 2, 2)),
        ("Lokalpolisområde Rinkeby\t202100-0076", cell((50, 200), (180, 260), 158, 3, 0)),
        (f"{elsewhere} ansvarar för samordningen.", at(50, 190, 400)),
        (f"{elsewhere} kallar till mötena.", at(50, 202, 400)),
    )


def test_a_word_broken_where_the_table_shows_breaks_is_one_word_though_seen_only_once() -> None:
    lines = view_lines(_party_table(first_break_proven=True, second_x1=184))
    assert lines[1] == "Arbetsmarknadsförvaltningen, vuxenutbildningsenheten\t212000-0142"


def test_an_unknown_word_pair_stays_apart_without_a_break_shown_or_short_of_the_edge() -> None:
    unproven = view_lines(_party_table(first_break_proven=False, second_x1=184))
    short = view_lines(_party_table(first_break_proven=True, second_x1=160))
    assert unproven[1].endswith("vuxenutbildningsenh eten\t212000-0142")
    assert short[1] == "Arbetsmarknadsförvaltningen, vuxenutbildningsenh eten\t212000-0142"


def test_a_caption_under_a_signature_rule_neither_opens_a_block_nor_takes_the_next_rule() -> None:
    source = text(
        "Farsta 2023-06-01\tStockholm 2023-06-03",
        "______________\t______________",
        "Ort och datum\tOrt och datum",
        "______________\t______________",
        "Per Lind\tEva Sund",
    )
    assert view_lines(source)[:6] == [
        "",
        "Farsta 2023-06-01",
        "______________",
        "Ort och datum",
        "______________",
        "Per Lind",
    ]


def test_a_table_of_section_titles_and_their_texts_reads_as_headings_over_paragraphs() -> None:
    body = "Texten i avsnittet är en mening med flera ord."
    source = text(
        "Rubrik\tText",
        f"Syfte\t{body}",
        f"\t{body}",
        f"Avtalstid\t{body}",
        f"Möten\t{body}",
    )
    lines = view_lines(source)
    assert lines[:6] == ["Rubrik\tText", "", "", "Syfte", "", body]
    assert lines[lines.index("Avtalstid") + 2] == body


def test_a_small_table_of_labels_and_sentences_inside_a_section_stays_a_table() -> None:
    body = "Texten i cellen är en mening med flera ord."
    prose = "En lång mening som fyller ut dokumentet med text utanför tabellen. " * 12
    source = text(
        prose, "", "Problem\tOrsak", f"Buller\t{body}", f"Klotter\t{body}", f"Rån\t{body}"
    )
    assert f"Buller\t{body}" in view_lines(source)


def test_an_organisation_number_broken_after_its_hyphen_in_a_cell_is_one_number() -> None:
    source = pdf(
        ("Part\tOrg.nr", cell((50, 300), (80, 340), 90, 1, 0)),
        ("Polismyndigheten, lokalpolisområde\t202100-", cell((50, 300), (250, 335), 112, 2, 0)),
        ("Norrmalm\t0076", cell((50, 300), (95, 322), 124, 2, 1)),
        ("Stadsdelsförvaltningen\t212000-0142", cell((50, 300), (160, 360), 146, 3, 0)),
    )
    assert view_lines(source)[1] == "Polismyndigheten, lokalpolisområde Norrmalm\t202100-0076"


def test_a_place_name_broken_after_its_hyphen_in_a_signature_column_keeps_it() -> None:
    def two(x1: tuple[float, float], top: float) -> LineStyle:
        return LineStyle(font_size=10.0, x0=70, top=top, cells_x=(70, 300), cells_x1=x1)

    source = pdf(
        ("För Stockholms kommun genom Rinkeby-\tFör lokalpolisområde Rinkeby", two((270, 440), 80)),
        ("Kista stadsdelsnämnd\tStockholm 2024-05-02", two((170, 390), 95)),
        ("Stockholm 2024-05-02\t……………………", two((160, 420), 110)),
        ("……………………\tPer Lind", two((180, 350), 125)),
        ("Anna Ek\tLokalpolisområdeschef", two((110, 410), 140)),
    )
    assert "För Stockholms kommun genom Rinkeby-Kista stadsdelsnämnd" in view_lines(source)


def test_a_drawn_table_goes_on_overleaf_with_the_rest_of_a_cell_and_rows_without_a_title() -> None:
    def drawn(x: tuple[float, ...], x1: tuple[float, ...], top: float, table: int) -> LineStyle:
        return LineStyle(
            font_size=10.0, x0=x[0], top=top, cells_x=x, cells_x1=x1, table_cell=(table, 1, 0)
        )

    raw = [
        RawLine(
            "Parter\tSkarpnäcks stadsdelsförvaltning och", 1, drawn((70, 300), (110, 500), 700, 1)
        ),
        RawLine("Sida 1 av 2", 1, at(280, 800, 320)),
        RawLine("", 1),
        RawLine("lokalpolisområde Globen ingår överenskommelsen.", 2, drawn((300,), (520,), 60, 2)),
        RawLine("Parterna kallas gemensamt Parterna.", 2, drawn((300,), (480,), 80, 2)),
        RawLine(
            "Avtalstid\tÖverenskommelsen gäller tills vidare.",
            2,
            drawn((70, 300), (120, 500), 100, 2),
        ),
    ]
    source = build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    (table,) = lay_out(source).tables
    assert (table.first, table.last) == (0, 5)


def test_a_drawn_section_table_reads_its_wrapped_texts_as_paragraphs_under_their_titles() -> None:
    def row(x: tuple[float, ...], x1: tuple[float, ...], top: float, r: int, k: int) -> LineStyle:
        return cell(x, x1, top, r, k)

    source = pdf(
        ("Syfte\tParterna ska samverka mot brott och för", row((70, 300), (100, 500), 100, 1, 0)),
        ("trygghet i hela stadsdelsområdet.", row((300,), (450,), 112, 1, 1)),
        ("Avtalstid\tÖverenskommelsen gäller från och med", row((70, 300), (120, 500), 130, 2, 0)),
        ("den 1 mars 2025 och tills vidare.", row((300,), (440,), 142, 2, 1)),
        (
            "Revidering\tÖverenskommelsen ska revideras en gång",
            row((70, 300), (125, 500), 160, 3, 0),
        ),
        ("per år efter samråd mellan parterna.", row((300,), (460,), 172, 3, 1)),
    )
    lines = [line for line in view_lines(source) if line]
    assert lines == [
        "Syfte",
        "Parterna ska samverka mot brott och för trygghet i hela stadsdelsområdet.",
        "Avtalstid",
        "Överenskommelsen gäller från och med den 1 mars 2025 och tills vidare.",
        "Revidering",
        "Överenskommelsen ska revideras en gång per år efter samråd mellan parterna.",
    ]


def test_a_capitalised_undrawn_line_overleaf_in_a_column_does_not_go_on_with_the_table() -> None:
    def row(x: tuple[float, ...], x1: tuple[float, ...], top: float, drawn: bool) -> LineStyle:
        cell_id = (1001, 1, 0) if drawn else None
        return LineStyle(
            font_size=10.0, x0=x[0], top=top, cells_x=x, cells_x1=x1, table_cell=cell_id
        )

    raw = [
        RawLine("Part\tAdress", 1, row((70, 300), (100, 340), 680, True)),
        RawLine("Trafikkontoret\tBox 8311, 104 20", 1, row((70, 300), (150, 390), 700, True)),
        RawLine("Sida 1 av 2", 1, at(280, 800, 320)),
        RawLine("", 1),
        RawLine("Stockholm", 2, at(300, 60, 350)),
        RawLine("Parterna kallas gemensamt Parterna.", 2, at(70, 80, 300)),
    ]
    source = build_source(raw, "t.pdf", "pdf", ReadLimits(), body_font_size=10.0)
    (table,) = lay_out(source).tables
    assert table.last == 1


def test_undrawn_lines_right_under_a_table_in_its_second_column_are_its_cells() -> None:
    def drawn(x: tuple[float, ...], x1: tuple[float, ...], top: float, r: int) -> LineStyle:
        return LineStyle(
            font_size=10.0, x0=x[0], top=top, cells_x=x, cells_x1=x1, table_cell=(1001, r, 0)
        )

    source = pdf(
        ("Grupp\tUppgift", drawn((70, 210), (100, 260), 600, 1)),
        ("Styrgrupp\tStyrgruppen leder arbetet.", drawn((70, 210), (120, 330), 620, 2)),
        ("Den möts två gånger per år.", at(210, 642, 330)),
        ("Beslut dokumenteras.", at(210, 664, 300)),
        ("Parterna kallas gemensamt Parterna.", at(70, 700, 280)),
    )
    (table,) = lay_out(source).tables
    assert (table.first, table.last) == (0, 3)
