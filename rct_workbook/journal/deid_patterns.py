"""The patterns for contact details, record numbers, dates, addresses, postcodes and named
wards or units, in the order they claim text; and the span they mark.

Part of ``journal/deidentify.py`` (its docstring says how the parts fit together).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from rct_workbook.journal.deid_words import english_words, fold

KIND_LABELS = {
    "name": "name",
    "email": "email address",
    "phone": "phone number",
    "url": "web address",
    "ip": "IP address",
    "date": "date",
    "number": "long number",
    "record": "record number",
    "address": "street address",
    "postcode": "postcode",
    "place": "ward, unit or service name",
}
_PLACEHOLDER_WORD = {
    "email": "Email",
    "phone": "Phone",
    "url": "Link",
    "ip": "IP address",
    "date": "Date",
    "number": "Number",
    "record": "Record",
    "address": "Address",
    "postcode": "Postcode",
    "place": "Place",
}

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)

_STREET = (
    "Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Court|Ct|Place|Pl|Way|Close|Crescent|"
    "Terrace|Gardens|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Grove|Hill|Walk|Circle|Cir|Trail|Gate|Green"
)
_RECORD_LABEL = (
    r"MRN|UHID|NHI|SSN|(?-i:IP|OP)(?=\s+\d)|(?:NHS|CHI|HSC|IHI|PPSN?|SIN|Medicare|Medicaid|Aadhaar|case|file|folder|record|chart|"
    r"patient|client|account|referral|incident|ref(?:erence)?|ID|hospital|claim|policy|FPS|prisoner|inmate|"
    r"offender|student|staff|employee|payroll|court|docket|registration|reg|unit|booking|member(?:ship)?|bed|"
    # Any acronym before "number" or "no." is a scheme's name: "NI number", "OHIP no.", "TFN #".
    r"(?-i:[A-Z]{2,6})(?=\s*(?:number|no\.|num\b|#)))"
    r"(?:\s+(?:no\.?|number|num|#|ID|ref(?:erence)?|file))?"
)
#: Something shaped like a domain, with or without a path ("bit.ly/…", "forms.gle/…",
#: "waratahyouthhub.org.au"): a link only if its last labels are a public suffix (see _is_domain).
_DOMAIN_LIKE = re.compile(
    r"(?<![\w@.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?:\.[a-z]{2,})*\b(?!\.\w)(?!@)"
    r"(?:/[^\s<>\"')\]]*[^\s<>\"')\].,;:!?])?",
    re.IGNORECASE,
)
#: A postcode written after a town: Eircodes, Indian PINs, four-digit codes after a state.
_POSTCODE = (
    r"[AC-FHKNPRTV-Y]\d{2}\s?[0-9AC-FHKNPRTV-Y]{4}|\d{6}|(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}|\d{4,5}"
    r"|[A-Z]{2}\s+\d{5}(?:-\d{4})?"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d"
)
#: Words of an address that has no street word, as in India ("Sector 14", "4th Cross").
_ADDRESS_WORDS = (
    r"Flat|Apt|Apartment|Apartments|Unit|Suite|House|H\.?\s?No|No|Plot|Door|Sector|Block|Phase|Cross|Main|"
    r"Layout|Nagar|Colony|Enclave|Society|Marg|Chowk|Towers?|Residency|Complex|Estate|Floor|Building"
)
_SEGMENT = r"[A-Z0-9][\w'’.-]*(?:\s+[A-Z0-9][\w'’.-]*){0,4}"

#: (kind, pattern) in the order they claim text: an earlier match wins an overlap.
PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("email", re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")),
    # A link ends before the punctuation after it: "see bit.ly/x, then" keeps its comma.
    ("url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"')\]]*[^\s<>\"')\].,;:!?]", re.IGNORECASE)),
    ("url", _DOMAIN_LIKE),  # kept only where _is_domain says so
    ("ip", re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])|\b(?:[0-9a-fA-F]{1,4}:){3,7}[0-9a-fA-F]{1,4}\b")),
    (
        "record",
        re.compile(
            rf"(?<!\w)(?i:{_RECORD_LABEL})\.?(?:\s+(?:is|was|as|given\s+as|reads|of))?\s*(?:#|:)?\s*"
            r"(?:[A-Z]{1,3}\s(?=\d))?"
            # "QQ 12 34 56 C": groups of digits, and a letter after them, are one number.
            r"(?=[A-Z0-9/-]*\d)[A-Z0-9](?:[A-Z0-9/-]|\s(?=\d)|\s(?=(?![AI]\s)[A-Z]\b(?!['’])))*[A-Z0-9]\b"
        ),
    ),
    # Capitals and four or more digits in one token, with or without a label: "RX7730215",
    # "A4721BK", "4567-123-890-XK", "CN-2025-11873"; not "B12", "HbA1c", "NEWS2", "COVID-19";
    # one before a group of digits is a prefix of the phone number found later ("MW-07700 900123").
    (
        "record",
        re.compile(
            r"(?<![\w/-])(?=[\w/-]*[A-Z])(?=(?:[A-Z/-]*\d){4})[A-Z0-9](?:[A-Z0-9]|[/-](?=[A-Z0-9]))+(?![\w/-])(?!\s\d)"
        ),
    ),
    (
        "date",
        re.compile(
            rf"\b\d{{4}}-\d{{1,2}}-\d{{1,2}}\b"
            rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})\b"
            rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTHS})\.?(?:,?\s+\d{{4}})?\b"
            rf"|\b(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?"
            rf"|\b(?:{_MONTHS})\.?\s+\d{{4}}\b"
            # A day with no month: "on the 21st", "Tuesday 14/10".
            r"|\bthe\s+\d{1,2}(?:st|nd|rd|th)\b"
            r"|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s+\d{1,2}(?:[/.]\d{1,2}|st|nd|rd|th)\b",
            re.IGNORECASE,
        ),
    ),
    (
        # An address of comma-separated parts that ends in a postcode: "Flat 12, Shanti
        # Apartments, Sector 14, Gurugram 122001"; "88 Buitenkant Street, Cape Town, 8001".
        "address",
        re.compile(
            rf"\b(?:(?:{_ADDRESS_WORDS})\.?\s+\d+[A-Za-z]?|\d{{1,5}}[A-Za-z]?(?:st|nd|rd|th)?\s+[A-Z][\w'’-]*)"
            rf"(?:\s+[A-Z][\w'’-]+){{0,4}}(?:,\s+{_SEGMENT}){{1,6}}?,?\s+(?:{_POSTCODE})\b"
        ),
    ),
    (
        "address",
        re.compile(
            r"(?:\b(?:Flat|Apt\.?|Apartment|Unit|Suite)\s+\d+[A-Za-z]?,?\s+)?"
            rf"\b\d{{1,5}}(?:/\d{{1,5}})?[A-Za-z]?,?\s+(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_STREET})\b\.?"
            r"(?:\s+(?:North|South|East|West|Upper|Lower|Extension))?"
            # A flat or suite after the street, as in North America: "12 Elm St, Apt 5, …".
            r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Ste|Flat|Fl|Floor|#)\.?\s*#?\d+[A-Za-z]?)?"
            # The town, and a postcode, after it: no part of an address is left in the clear.
            r"(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?){0,2}"
            rf"(?:,?\s+(?:{_POSTCODE})\b)?"
        ),
    ),
    (
        "address",
        re.compile(
            r"\b(?:P\.?\s?O\.?\s?Box|PO Box|Private Bag)\s+\d+(?:-\d+)?(?:,\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)?"
        ),
    ),
    # A number and a name with no street word, before a town: "2261 Kingsway, Vancouver".
    (
        "address",
        re.compile(
            r"\b\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+|(?:North|South|East|West)\s+)?[A-Z][a-z][\w'’-]+"
            r"(?:\s+[A-Z][a-z][\w'’-]+)?(?=,\s+[A-Z][a-z])"
        ),
    ),
    ("place", re.compile(r"(?!)")),  # wards, units, clinics and programmes: see _places
    ("phone", re.compile(r"(?!)")),  # found by phonenumbers, see _phones
    (
        "postcode",
        re.compile(
            r"\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b|\b\d{5}(?:-\d{4})?\b"
            # Eircodes; Australian four-digit postcodes after a state.
            r"|\b[AC-FHKNPRTV-Y]\d{2}\s[0-9AC-FHKNPRTV-Y]{4}\b|\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\s+\d{4}\b"
        ),
    ),
    ("number", re.compile(r"(?<!\w)\d{6,}(?!\w)")),
)

#: An internal number with its label: "bleep 4471", "ext. 2203", "pager 0715".
_EXTENSION = re.compile(r"\b(?i:bleep|pager|ext(?:ension)?\.?)\s*(?:#|:|no\.?)?\s*\d{2,6}\b")
#: Digit groups that look like a phone number in some other country's national format.
_PHONE_LIKE = re.compile(r"(?<![\w+])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,3}(?!\w)")

#: The last word of a named ward, unit, clinic or programme: "Larchwood Unit", "Butterfly Ward".
_UNIT_WORDS = "Ward|Unit|Clinic|Programme|Program|Wing|Service"
_UNIT_NAME = re.compile(
    rf"\b(?:[A-Z][\w'’-]+\s+){{1,3}}(?:{_UNIT_WORDS})\b(?:\s+\d{{1,3}}[A-Z]?\b)?"
    rf"|\b(?:Ward|Unit|Wing|Bay|Pod|Block|Level|Floor)\s+\d{{1,3}}[A-Z]?\b"
    r"|\b\d{1,2}\s+(?:North|South|East|West)\b(?!\s+[A-Z])"
)

#: A town in an address: after a street ("Mill Road, Cambridge") or before a postcode.
_STREET_END = re.compile(rf"\b(?:{_STREET})\.?,\s*$")
_TOWN = re.compile(r"^,?\s+(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|\d{5}(?:-\d{4})?)\b")


@functools.lru_cache(maxsize=1)
def _suffixes() -> Any:
    """The Public Suffix List as tldextract ships it (MPL 2.0), never fetched: no network."""
    import tldextract

    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)


def _is_domain(token: str) -> bool:
    """A token that ends in a public suffix ("forms.gle", "bit.ly/x", "trust.org.uk"); but
    two everyday words run together at a missing space ("tired.so", "end.life") only
    with a path after them."""
    host, _, path = token.partition("/")
    parts = _suffixes()(host.rstrip("."))
    if not parts.suffix or not (parts.domain or "." in parts.suffix):
        return False
    if path or "." in parts.suffix or parts.subdomain:
        return True
    english = english_words()
    return not (fold(parts.domain) in english and fold(parts.suffix) in english)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str


def _whole_token(text: str, span: Span) -> Span:
    """A number is never caught in part: "MW-07700 900123" takes its file prefix with it."""
    if span.kind not in ("phone", "number", "record", "postcode", "address"):
        return span
    start, end = span.start, span.end
    while start > 0 and (
        text[start - 1].isalnum() or (text[start - 1] in "-/" and start > 1 and text[start - 2].isalnum())
    ):
        start -= 1
    while end < len(text) and (
        text[end].isalnum() or (text[end] in "-/" and end + 1 < len(text) and text[end + 1].isalnum())
    ):
        end += 1
    return Span(start, end, span.kind)


_CITATION = re.compile(
    r"\(\s*[A-Z][\w'’-]+(?:\s*(?:,|and|&)\s*[A-Z][\w'’-]+)*(?:\s+et\s+al\.?)?,?\s*\d{4}[a-z]?\s*\)"
    r"|[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+)?(?:\s+et\s+al\.?)?,?\s*\(\s*\d{4}[a-z]?\s*\)"
    r"|[A-Z][\w'’-]+\s+et\s+al\.?"
)
