from __future__ import annotations

from lint.analyze import analyze
from lint.model import Kind
from lint.pack import Pack
from lint.read import read_bytes
from tests.conftest import SKARPNACK


def kind_of(text: str, pack: Pack) -> Kind:
    return analyze(read_bytes(text.encode(), ".txt", "x.txt"), pack).kind


def test_agreement_mentioning_memo_words_stays_local(pack: Pack) -> None:
    text = SKARPNACK.read_text(encoding="utf-8")
    extra = (
        "\n\nSammanfattning\n\nStadsdelsnämnden informeras om överenskommelsen. "
        "Handläggare på förvaltningen är kontaktperson.\n"
    )
    assert kind_of(text + extra, pack) is Kind.LOCAL_AGREEMENT


def test_memo_quoting_some_headings_is_a_memo(pack: Pack) -> None:
    memo = (
        "Tjänsteutlåtande\n\nAnmälan om samverkansöverenskommelse\n\nHandläggare: A. B.\n\n"
        "Förvaltningens förslag till beslut\n\nStadsdelsnämnden noterar anmälan.\n\n"
        "Bakgrund\n\nEn lokal samverkansöverenskommelse har tecknats med lokalpolisområdet "
        "och gäller tills vidare enligt vad som sägs i överenskommelsen.\n"
    )
    assert kind_of(memo, pack) is Kind.MEMO


def test_unrelated_text_is_unknown(pack: Pack) -> None:
    note = "Protokoll från föreningens årsmöte\n\nMötet öppnades och kaffe serverades.\n"
    assert kind_of(note, pack) is Kind.UNKNOWN
