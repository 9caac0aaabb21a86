"""User-facing sentences that are not rule messages: read errors and report labels."""

from __future__ import annotations

ERRORS: dict[str, dict[str, str]] = {
    "empty": {
        "sv": "Filen är tom eller innehåller ingen text. Kontrollera att rätt fil skickats.",
        "en": "The file is empty or holds no text. Check that the right file was sent.",
    },
    "not_pdf": {
        "sv": "Filen heter .pdf men är ingen PDF. Be avsändaren om en ny kopia av dokumentet.",
        "en": "The file is named .pdf but is not a PDF. Ask the sender for a new copy of the document.",
    },
    "corrupt": {
        "sv": "Filen är skadad eller ofullständig och kan inte läsas. Be avsändaren om en ny kopia.",
        "en": "The file is damaged or incomplete and cannot be read. Ask the sender for a new copy.",
    },
    "encrypted": {
        "sv": "PDF-filen är lösenordsskyddad. Be avsändaren om en version utan lösenord.",
        "en": "The PDF is password-protected. Ask the sender for a version without a password.",
    },
    "no_text_layer": {
        "sv": "PDF-filen saknar text (troligen en inskannad bild). Den behöver OCR-behandlas innan den kan granskas.",
        "en": "The PDF has no text (probably a scanned image). It needs OCR before it can be checked.",
    },
    "unsupported_format": {
        "sv": "Filformatet stöds inte. Spara dokumentet som PDF, Word (.docx) eller text (.txt).",
        "en": "This file format is not supported. Save the document as PDF, Word (.docx) or text (.txt).",
    },
    "too_large": {
        "sv": "Filen är större än gränsen för granskning. Dela upp den eller höj gränsen i inställningarna.",
        "en": "The file exceeds the size limit for checking. Split it or raise the limit in the settings.",
    },
    "timeout": {
        "sv": "Det tog för lång tid att läsa filen. Kontrollera att den är ett vanligt dokument.",
        "en": "Reading the file took too long. Check that it is an ordinary document.",
    },
    "unreadable": {
        "sv": "Filen kunde inte öppnas. Kontrollera sökvägen och att du har läsbehörighet.",
        "en": "The file could not be opened. Check the path and that you may read it.",
    },
    "not_found": {
        "sv": "Filen eller mappen finns inte. Kontrollera sökvägen.",
        "en": "The file or folder does not exist. Check the path.",
    },
    "internal": {
        "sv": "Ett oväntat fel uppstod när filen granskades. Rapportera filen till förvaltarna av samlint.",
        "en": "An unexpected error occurred while checking the file. Report the file to samlint's maintainers.",
    },
}

LABELS: dict[str, dict[str, str]] = {
    "error": {"sv": "fel", "en": "error"},
    "warning": {"sv": "varning", "en": "warning"},
    "info": {"sv": "info", "en": "info"},
    "kind": {"sv": "dokumenttyp", "en": "kind"},
    "local_agreement": {"sv": "lokal samverkansöverenskommelse", "en": "local agreement"},
    "overarching_agreement": {"sv": "övergripande överenskommelse", "en": "overarching agreement"},
    "memo": {"sv": "tjänsteutlåtande", "en": "memo"},
    "unknown": {"sv": "okänd", "en": "unknown"},
    "suggestion": {"sv": "förslag", "en": "suggestion"},
    "cites": {"sv": "grund", "en": "cites"},
    "page": {"sv": "sida", "en": "page"},
    "line": {"sv": "rad", "en": "line"},
    "no_findings": {"sv": "inga avvikelser", "en": "no findings"},
    "unreadable": {"sv": "kunde inte läsas", "en": "could not be read"},
    "files": {"sv": "filer", "en": "files"},
    "errors": {"sv": "fel", "en": "errors"},
    "warnings": {"sv": "varningar", "en": "warnings"},
    "infos": {"sv": "info", "en": "infos"},
    "summary": {"sv": "Sammanfattning", "en": "Summary"},
    "skipped_pages": {"sv": "sidor som inte kunde läsas", "en": "pages that could not be read"},
}


def error_message(code: str, lang: str) -> str:
    entry = ERRORS.get(code, ERRORS["internal"])
    return entry.get(lang, entry["sv"])


def label(key: str, lang: str) -> str:
    entry = LABELS.get(key)
    return entry.get(lang, entry["sv"]) if entry else key
