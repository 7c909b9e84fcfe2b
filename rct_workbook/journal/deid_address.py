"""Street addresses and postcodes, as people write them in many countries.

An address is caught whole, or a house number, a flat or a postcode is left in the clear.
It is built from parts whose shapes are shared across countries rather than from one
country's format:

- a flat, suite or floor ("Apt 5", "Unit 4/12", "#05-67", "Flat 2/1", "3rd Floor", "3º B");
- the street and its number, in the orders people use: number first with an English street
  word ("1420 Elm Street", "350 W 5th Ave"), number first with a Romance one ("12 rue de la
  Paix"), the street word first ("Calle Mayor 12", "Via Roma 10", "ul. Długa 5/7"), one
  word with a street ending ("Lindenstraße 12", "Keizersgracht 123", "Storgatan 5"),
  or no street word at all before a town ("2261 Kingsway, Vancouver");
- the towns, state or province codes and postcode after it, in either order ("Springfield,
  IL 62704", "Toronto, ON M5H 2N2", "10969 Berlin", "00-590 Warszawa", "Hyderabad - 500034").

Postcodes: UK, Canada, Eircodes, the Netherlands, Brazil, Portugal, Poland, Japan, Sweden,
India and Singapore (six digits) and the four- and five-digit codes of many others; a
four- to six-digit code with no street is an address only beside a known town.

Part of ``journal/deidentify.py`` (its docstring says how the parts fit together).
"""

from __future__ import annotations

import re

from rct_workbook.journal.deid_words import english_words, fold, place_names

#: English street words, after the street's name ("Elm Street", "Ang Mo Kio Ave 3").
STREET = (
    "Street|St|Road|Rd|Lane|Ln|Avenue|Ave|Av|Boulevard|Blvd|Drive|Dr|Court|Ct|Place|Pl|Way|Close|Crescent|Cres|"
    "Terrace|Tce|Gardens|Gdns|Square|Sq|Parkway|Pkwy|Highway|Hwy|Row|Mews|Grove|Hill|Walk|Circle|Cir|Trail|"
    "Gate|Green|Parade|Pde|Esplanade|Quay|Rise|Promenade|Broadway|Alley|Loop|Path|Pike|Route|Rte|Wharf|"
    "Heights|Causeway|Expressway|Expy|Freeway|Fwy|Marg|Salai|Cross|Main|Wynd|Vale|View"
)
#: Words that end a building's or an estate's name, which stands for a street in many cities:
#: "Flat 1708, Yat Hing House, Tsz Hong Estate", "Flat 4, Sai Residency".
BUILDING = "House|Estate|Mansions?|Building|Residency|Apartments|Towers?|Plaza|Complex|Villas|Flats|Chambers|Lodge"
#: The dot of "St." or "Rd.", where more of the address follows; never the full stop of a sentence.
_ABBREVIATION_DOT = r"(?:\.(?=,|\s+[\w#]))?"
#: A flat, suite, floor or room before or after the street: "Apt 5", "Unit 4/12", "#05-67".
_UNIT_WORD = (
    r"Apt|Apartment|Appt|Apto|Suite|Ste|Unit|Flat|Fl|Floor|Level|Lvl|Room|Rm|Blk|Block|Bldg|Building|Door|"
    r"Plot|Shop|Office|Lot|Bungalow|Casa|Ward|Bed|Bay|Tower|Twr|House\s+No|H\.\s?No|No|"
    # Spanish, Portuguese, French and Italian flats: "Int. 3", "ap. 42", "Depto 5", "Imm. 4", "Interno 7".
    r"Int|Interior|Interno|Ap|Apto|Depto|Dpto|Piso|Imm|Bloco|Blok|"
    # Romanian "bl. A3, sc. 2, ap. 7"; Russian "kv. 12" (a flat), "korp. 2" (a building).
    r"Bl|Sc|Et|Kv|Korp|Str"
)
_UNIT_VALUE = r"(?:(?=[\w/-]*\d)[A-Z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*|[A-Z](?![’'-]))\b"
UNIT = (
    rf"(?:(?i:{_UNIT_WORD})\.?\s*(?:#\s?)?|#\s?){_UNIT_VALUE}"
    r"|\d{1,2}(?:st|nd|rd|th)\s+(?i:floor|fl)\b\.?"
    r"|\d{1,2}\.?[º°ª](?:\s?(?:(?i:esq|dto|dt|dir|esquerdo|direito|frente|andar)\b\.?|[A-Z0-9]\b[ºª]?))?"
    # A Polish flat after the number: "ul. Długa 5 m. 12", "… 9 lok. 3".
    r"|(?-i:m|lok|mieszk)\.\s?\d{1,4}[A-Za-z]?\b"
)
#: A house number: "12", "12A", "4/12" (flat 4 at number 12), "1203-88", "12-3-456".
NUMBER = r"\d{1,5}[A-Za-z]?(?:[-/](?:\d{1,5}[A-Za-z]?|[A-Z](?![a-z]))){0,2}\b"
_DIRECTION = r"(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\.?"
#: A capitalised word; a dot only inside it ("St.Kilda"), never the full stop after it.
_NAME = r"[A-ZÀ-ÖØ-ÞİŁŚŻŹĆŃŠŽČŘĐĀĒĪŌŪ][\w'’-]*(?:\.[\w'’-]+)*"
#: Street words of French, Spanish, Catalan, Italian, Portuguese, Polish and Malay.
_ROMANCE = (
    r"rue|avenue|av|boulevard|bd|chemin|allée|impasse|quai|route|calle|avenida|avda|paseo|plaza|carrer|via|"
    r"viale|piazza|corso|rua|travessa|largo|praça|alameda|estrada|ulica|ul|al|aleja|jalan|jln|lorong|"
    # Welsh: "12 Heol y Barcud", "Ffordd yr Afon", "Stryd Fawr", "Lôn Las".
    r"heol|ffordd|stryd|lôn|lon|rhodfa|teras|cilgant|"
    # Romanian "Str.", "Bd."; Greek "Odos", "Leoforos"; Russian, written in Latin letters.
    r"str|strada|odos|odós|leoforos|ulitsa|prospekt|pereulok"
)
#: The same words capitalised, starting an address: "Calle Mayor 12", "Via Roma 10".
_ROMANCE_FIRST = "|".join(w[0].upper() + w[1:] for w in _ROMANCE.split("|") if len(w) > 2 and w.isascii())
_PARTICLE = r"(?:de|del|de\s+la|des|du|di|dei|degli|delle|della|dello|da|das|do|dos|la|le|les|l['’]|d['’]|y|yr)"
_ROMANCE_NAME = rf"(?:{_PARTICLE}\s*)*{_NAME}(?:\s+(?:{_PARTICLE}\s*)*{_NAME}){{0,3}}"
#: Endings of a one-word street in German, Dutch and the Nordic languages.
_STREET_ENDING = (
    r"straße|strasse|str\.|weg|gasse|platz|allee|damm|ufer|chaussee|gracht|straat|laan|plein|kade|singel|steeg|"
    r"vej|gade|gatan|vägen|väg|veien|vegen|gata|katu"
)

#: The street with its number, in the orders people write it.
_CIVIC = (
    # "1420 Elm Street", "350 W 5th Ave", "88 Queen St W", "Blk 123 Ang Mo Kio Ave 3".
    rf"(?:(?:Blk|Block|No)\.?\s+)?{NUMBER},?\s+(?:{_DIRECTION}\s+)?(?:(?:{_NAME}|\d{{1,3}}(?:st|nd|rd|th))\s+){{1,3}}"
    rf"(?:{STREET})\b{_ABBREVIATION_DOT}(?:\s+(?:{_DIRECTION}|Extension|Ext|Upper|Lower|\d{{1,3}})(?![\w'’-]))?"
    # "12 rue de la Paix", "1550 rue Sainte-Catherine O".
    rf"|{NUMBER},?\s+(?i:{_ROMANCE})\.?\s+{_ROMANCE_NAME}(?:\s+[NSEO]\b)?"
    # "Lindenstraße 12", "Keizersgracht 123", "Storgatan 5".
    rf"|[A-ZÄÖÜÅØÆ][\w'’-]*(?:{_STREET_ENDING})\s+{NUMBER}"
    # "Sector 14", "4th Cross", "80 Feet Road": Indian addresses.
    r"|(?:Sector|Phase|Stage|Block)\s+\d{1,3}[A-Z]?\b|\d{1,2}(?:st|nd|rd|th)\s+(?:Cross|Main|Block|Stage|Phase)\b"
)
#: The street word first: "Calle Mayor 12", "Rue de la Loi 16", "ul. Długa 5/7", "Rua das Flores, 123".
_CIVIC_WORD_FIRST = (
    rf"(?P<type>(?:{_ROMANCE_FIRST})\.?|ul\.|al\.|Av\.|Avda\.|Pso\.|Jr\.|C/|Str\.|Bd\.)\s+(?P<street>{_ROMANCE_NAME}),?\s+"
    # "nº 12", Romanian "nr. 12", Russian "d. 5" (dom, the house).
    rf"(?:(?:n[º°o]|nr|d|dom)\.?\s*)?{NUMBER}"
)
#: A postcode, in any of the shapes listed in the docstring (longest first).
POSTCODE = (
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}"  # UK
    r"|[A-Z]\d[A-Z]\s?\d[A-Z]\d"  # Canada
    r"|[AC-FHKNPRTV-Y]\d[0-9W]\s?[0-9AC-FHKNPRTV-Y]{4}"  # Ireland (Eircode)
    r"|\d{4}\s?[A-Z]{2}(?![\w'’])"  # the Netherlands
    r"|\d{5}-\d{3,4}|\d{4}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3}"  # Brazil, US ZIP+4, Portugal, Japan, Poland
    r"|\d{3}\s\d{3}(?!\d)|\d{3}\s\d{2}(?!\d)"  # India written in two, Sweden
    r"|\d{4,6})(?![\w-])"  # six digits (India, Singapore), five (US, Europe), four (Australia, Africa …)
)
#: A town or parish, also a saint's ("St. Catherine", "Ste. Foy", "Mt. Hope").
_TOWN = (
    rf"(?:(?:St|Ste|Mt|Ft|Pt)\.?\s+)?{_NAME}"
    rf"(?:\s+(?:(?:de|da|do|di|du|la|le|upon|on|sur|am|an|der|en|es|el|al|del|dos|das|los|las|na)\s+)?{_NAME}){{0,3}}"
)
#: A state or province code: "IL", "ON", "NSW", "SP".
_REGION = r"(?-i:[A-Z]{2,3})"
#: A word naming a neighbourhood before its name: Mexican "Col. Del Valle", Spanish "Urb.",
#: "Barrio", Brazilian "Bairro", Filipino "Barangay", "Brgy.", "Purok", "Sitio".
_DISTRICT_WORD = (
    r"(?:Col\.|Colonia|Fracc\.|Fraccionamiento|Urb\.|Urbanización|Barrio|Bairro|Barangay|Brgy\.?|Bgy\.?|Purok|Sitio)"
)
#: What follows the street: a flat, towns, a county, a state and a postcode, in either order.
_TAIL = (
    rf"(?:,?\s+(?:{UNIT}))?"
    # Parts after a comma, or after a dash as Brazil writes them ("123 - Centro, Curitiba - PR").
    rf"(?:(?:,|\s+[-–])\s+(?:{UNIT}|Co\.?\s+{_NAME}|(?:{_DISTRICT_WORD}\s+)?{_TOWN}(?:\s+[-–]\s+{_REGION}\b)?)){{0,4}}"
    # The town may stand with no comma before a state or postcode: "… Street Fitzroy VIC 3065".
    rf"(?:(?:,\s*|\s+)(?:{_TOWN},?\s+)?(?:[-–]\s+)?(?:{_REGION}\s+)?{POSTCODE}(?:\s+{_TOWN})?"
    rf"|,\s+{POSTCODE}\s+{_TOWN})?"
)

#: A flat or unit first, then the street: "Flat 3, 27 Mill Road, Cambridge CB1 2AD".
_STREET_ADDRESS = re.compile(
    rf"(?<![\w-])(?:(?:(?:{UNIT}),?\s+(?:{_NAME}(?:\s+{_NAME}){{0,2}},\s+)?)?(?:{_CIVIC})"
    # A plot, flat or house with its number, then a street with none: "Plot 23, Kampala Road",
    # "Apartment 3, Block C, Westlands Road".
    rf"|(?:{UNIT}),\s+(?:{_NAME}(?:\s+{_NAME})?,\s+)?"
    rf"(?:(?:{_NAME}\s+){{1,3}}(?:{STREET}|{BUILDING})\b{_ABBREVIATION_DOT}|(?:{_ROMANCE_FIRST})\.?\s+{_ROMANCE_NAME})){_TAIL}"
    # A number and a street with no street word, then a flat: "1180 Danforth, unit 3".
    rf"|(?<![\w-])\d{{1,5}}[A-Za-z]?\s+[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]+)?,\s+(?:{UNIT}){_TAIL}"
    # Japanese blocks, lots and houses: "3-14-7 Kamiuma, Setagaya-ku".
    rf"|(?<![\w-])\d{{1,4}}-\d{{1,4}}-\d{{1,4}}\s+{_NAME}(?:,\s+{_TOWN}){{1,3}}"
)
#: The same with the street word first; alone, as "Via Zoom 3", it needs a word that is no English one.
_WORD_FIRST_ADDRESS = re.compile(rf"(?<![\w-])(?:(?:{UNIT}),?\s+)?{_CIVIC_WORD_FIRST}(?P<tail>{_TAIL})")
#: An address typed all in lower case, kept only with a flat or a postcode ("1420 elm street,
#: apt 5, springfield il 62704"); without one ("5 miles down the road, and") it is no address.
_LOWER_WORD = r"(?!(?:and|or|but|then|so|the|to|with|for|in|on|at|was|is)\b)[a-z][\w'’-]*"
_LOWER_UNIT = rf"(?i:{_UNIT_WORD})\.?\s*#?\s?\d+[a-z]?"
_LOWER_ADDRESS = re.compile(
    rf"(?<![\w-])(?P<unit1>{_LOWER_UNIT},?\s+)?{NUMBER}\s+(?:[a-z][\w'’-]*\s+){{1,3}}(?:{STREET.lower()})\b"
    rf"(?P<unit2>,?\s+{_LOWER_UNIT})?(?:,\s+{_LOWER_WORD}(?:\s+{_LOWER_WORD})?){{0,3}}"
    rf"(?P<code>,?\s+(?:[a-z]{{2,3}}\s+)?\d{{4,6}}(?:-\d{{3,4}})?\b)?"
)
#: Comma-separated parts from a flat or house to a postcode, with no street word: "Flat 202, Sai
#: Residency, 3rd Cross, Indiranagar, Bengaluru 560038", "H.No. 12-3-456, …, Hyderabad - 500034".
_PART = r"[A-Z0-9](?:[\w'’-]|\.(?!\s))*"  # a word of a part; a full stop before a space ends it
_PARTS_ADDRESS = re.compile(
    rf"(?<![\w-])(?:(?:{UNIT})(?:\s+(?:{UNIT}))*|{NUMBER}\s+{_NAME}|[A-Z]-\d{{1,5}})(?:\s+(?:{_NAME}|\d{{1,4}}\b)){{0,4}}"
    rf"(?:,\s+{_PART}(?:\s+{_PART}){{0,4}}){{1,6}}?"
    rf"(?:,\s*|\s+)(?:[-–]\s+)?(?P<region>{_REGION}\s+)?(?P<code>{POSTCODE})(?:\s+{_TOWN})?"
)
#: A Colombian address, a street and the number of the street it crosses: "Carrera 15 # 93-47",
#: "Calle 45 Sur # 12-30", "Cl. 72 No. 10-34, Bogotá".
_COLOMBIAN = re.compile(
    r"(?<![\w-])(?:Calle|Carrera|Cra\.?|Kr\.?|Cl\.?|Avenida|Av\.?|Diagonal|Dg\.?|Transversal|Tv\.?)\s+"
    r"\d{1,3}[A-Z]?(?:\s+(?:Bis|Sur|Norte|Este|Oeste))?\s*(?:#|No\.?|N[°º])\s*\d{1,3}[A-Z]?\s*-\s*\d{1,3}\b"
    rf"(?:,\s+(?:{UNIT}|{_TOWN})){{0,4}}"
)
#: A Russian or Ukrainian address in Cyrillic: "ул. Ленина, д. 5, кв. 12", "вул. Шевченка 14".
_CYRILLIC = re.compile(
    r"(?<![\w-])(?:ул\.|улица|пр\.|просп\.|проспект|пер\.|переулок|ш\.|шоссе|бул\.|вул\.|вулиця)\s*"
    r"[А-ЯЁІЇЄҐ][\w'’-]*(?:\s+[А-ЯЁІЇЄҐ][\w'’-]*)?,?\s*(?:(?:д\.|дом|буд\.)\s*)?\d{1,4}[а-яa-z]?"
    r"(?:,?\s*(?:кв\.|корп\.|к\.|стр\.|под\.|эт\.)\s*\d{1,4})*"
)
#: A named street with no number, then a town and a postcode: "Al Olaya District, King Fahd Road,
#: Riyadh 12214" (a postcode says it is an address).
_STREET_NO_NUMBER = re.compile(
    rf"(?<![\w-])(?!(?:At|In|On|To|From|Near|By|Off|The)\s)"
    rf"(?:{_NAME}(?:\s+{_NAME}){{0,3}},\s+)?(?:{_NAME}\s+){{1,3}}(?:{STREET})\b\.?,\s+{_TOWN},?\s+"
    rf"(?:{_REGION}\s+)?{POSTCODE}"
)
#: "PO Box 123, Nelson", "P.O. Box 30197-00100, Nairobi", "Private Bag 3".
_BOX = re.compile(
    # "HC 61 Box 2280" (a highway contract route's box), "RR 2 Box 14".
    rf"\b[A-Z]{{2,3}}\s+\d{{1,4}}\s+Box\s+\d+(?:,\s+{_TOWN})?(?:(?:,\s*|\s+)(?:{_REGION}\s+)?{POSTCODE})?"
    # Mail kept at the post office, or a house known to all: "General Delivery, Wapakosis, MB R0C
    # 9Z9", "Poste restante, Dakar", "Domicilio conocido, San Martín Tilcajete".
    rf"|\b(?i:General\s+Delivery|Poste\s+Restante|Domicilio\s+conocido)(?:,\s+{_TOWN}){{1,3}}"
    rf"(?:(?:,\s*|\s+)(?:{_REGION}\s+)?{POSTCODE})?"
    r"|\b(?:P\.?\s?O\.?\s?Box|PO Box|Private Bag|Postbus|Apartado|Caixa Postal)\s+\d+(?:-\d+)?"
    rf"(?:,\s+{_TOWN})?(?:(?:,\s*|\s+)(?:{_REGION}\s+)?{POSTCODE})?"
    # "Box 117, Chisasibi, QC J0M 1E0": a box alone, only with its town and a postcode.
    rf"|\b(?:Box|Bag|RR|Rural\s+Route)\s+\d+,\s+{_TOWN}(?:,\s*|\s+)(?:{_REGION}\s+)?{POSTCODE}"
)
#: A word naming a district, written first: Filipino "Barangay San Roque", "Brgy. 12", "Purok 3".
_DISTRICT = re.compile(
    rf"(?<![\w-])(?:{_DISTRICT_WORD}|Poblacion)\s+(?:{_NAME}|\d{{1,4}})(?:\s+{_NAME}){{0,3}}"
    rf"(?:,\s+{_TOWN}){{1,3}}(?:,?\s+{POSTCODE})?"
)
#: A Vietnamese address: "Số 12, ngõ 45 phố Huế, Hai Bà Trưng, Hà Nội", "88 đường Lê Lợi, Phường
#: Bến Nghé, Quận 1, TP. Hồ Chí Minh". Capitals of Vietnamese are outside A–Z ("Đống Đa").
_VN_NAME = r"(?:[^\W\d_a-z][\w'’-]*|\d{1,3})"
_VN_STREET = r"(?i:ngõ|ngách|hẻm|kiệt|phố|đường|đ\.)"
_VN_AREA = r"(?i:phường|quận|huyện|xã|thị\s+xã|thị\s+trấn|thành\s+phố|tp\.|tỉnh|p\.|q\.)"
_VIETNAMESE = re.compile(
    rf"(?<![\w-])(?:(?i:số|nhà\s+số)\s+)?\d{{1,5}}[A-Za-z]?(?:/\d{{1,4}}[A-Za-z]?)*,?"
    rf"(?:\s+{_VN_STREET}\s+(?:\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}})*|{_VN_NAME}(?:\s+{_VN_NAME}){{0,3}}),?)+"
    rf"(?:,?\s+(?:{_VN_AREA}\s*)?{_VN_NAME}(?:\s+{_VN_NAME}){{0,3}}){{0,4}}"
)
#: A number and a name with no street word, before a known town: "2261 Kingsway, Vancouver".
_NO_STREET_WORD = re.compile(
    rf"(?<![\w-])\d{{1,5}}[A-Za-z]?\s+(?:{_DIRECTION}\s+)?[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]+)?"
    rf"(?=,\s+(?P<town>{_TOWN})){_TAIL}"
)
#: A postcode beside a town with no street: "Hamilton 3204", "10969 Berlin", "Pretoria, 0002".
_TOWN_CODE = re.compile(
    rf"(?<![\w-])(?P<town>{_TOWN}),?\s+(?:[-–]\s+)?(?:(?P<region>{_REGION})\s+)?(?P<code>{POSTCODE})"
    rf"|(?<![\w-])(?P<code2>{POSTCODE})\s+(?P<town2>{_TOWN})"
)
#: A title before a name, which no town's name starts with: "…, Bed 2, Dr Patel" is a person after.
_TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Sr|Fr|Rev|Nurse|Sister)\b"
#: Parts of an address that are a word and a number, as in the Gulf, South Asia and Portugal:
#: "Villa 12, Street 5, Al Barsha 2, Dubai", "House 17, Road 4, Dhanmondi, Dhaka 1205".
_PART_WORD = rf"(?:{_UNIT_WORD}|House|Villa|Street|Road|Lane|Avenue|Way|Sector|Lote|Kuche|Khiaban|Alley|Soi|Moo|Jalan)"
#: Any capitalised word with a number is a part too, in a chain of them: "Woreda 03, Kebele 07, House
#: No. 1142, Bole", "Camp 14, Block C-7, Shed 22", "Imm. 4, Appt 12".
_NUMBERED = (
    rf"(?-i:{_PART_WORD}|[A-Z][a-zà-ÿ]{{1,11}})\.?\s*(?:No[.:]?\s*)?"
    r"(?:\d{1,5}[A-Za-z]?(?:-[A-Z\d]{1,3})?|[A-Z]-?\d{1,3})\b(?![’'-])"
)
_NUMBERED_PARTS = re.compile(
    # A building's name may come first: "Résidence Al Amal, Imm. 4, Appt 12, Hay Riad, Rabat".
    # A part may hold a point of the compass with its dot, or end in an abbreviation's dot before
    # the next comma, as Taiwan writes them: "Sec. 2, Heping E. Rd., Xinyi Dist., Taipei City 110".
    rf"(?<![\w-])(?:(?!{_TITLE}){_TOWN},\s+)?(?:\d{{1,5}}\s+)?{_NUMBERED}"
    rf"(?:,\s+(?:{_NUMBERED}|(?!{_TITLE})(?:(?:{_NAME}\s+){{1,2}}(?-i:[NSEW]|[NS][EW])\.\s+{_NAME}|{_TOWN})(?:\s+\d{{1,3}}\b|\.(?=,))?)){{1,6}}(?:,?\s+{POSTCODE})?"
)
_NUMBERED_ONE = re.compile(_NUMBERED)
#: A Turkish address: "Atatürk Mah. Gül Sok. No: 7 D: 3, Kadıköy, İstanbul".
_TURKISH = re.compile(
    rf"(?<![\w-]){_NAME}(?:\s+{_NAME})?\s+(?:Mah\.|Mahallesi)\s+(?:{_NAME}(?:\s+{_NAME})?|\d{{1,5}}\.?)\s+"
    rf"(?:Sok\.|Sk\.|Sokak|Sokağı|Cad\.|Cd\.|Caddesi|Bulv\.|Bulvarı)\s+No\s*:?\s*\d+[A-Za-z]?(?:/\d+)?"
    rf"(?:\s+(?:D|Daire|Kat|K)\s*:?\s*\d+)*(?:,\s+{_TOWN}){{0,3}}(?:,?\s+{POSTCODE})?"
)
#: A Japanese address after its postal mark: "〒150-0002 Shibuya-ku Shibuya 2-21-1", in Latin letters
#: or in Japanese script; the mark says an address follows.
_JAPANESE = re.compile(
    rf"〒\s?\d{{3}}-?\d{{4}}(?:,?\s*(?:{_NAME}|[\u3040-\u30ff\u4e00-\u9fff]+|\d{{1,5}}(?:-\d{{1,5}}){{0,3}}\b)){{0,6}}"
)
#: A house's name and its places before a postcode of letters and digits, with no number: "Cnoc
#: Álainn, Ballyvourney, Co. Cork P12 X3Y4" (an Irish address often has none but its Eircode).
_LETTERED_POSTCODE = re.compile(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[AC-FHKNPRTV-Y]\d[0-9W]\s?[0-9AC-FHKNPRTV-Y]{4})\b"
)
_NAMED_HOUSE = re.compile(
    rf"(?<![\w-])(?!{_TITLE})(?:{_TOWN}\.?,\s+){{1,4}}(?:Co\.?\s+{_NAME},?\s+)?"
    r"(?:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[AC-FHKNPRTV-Y]\d[0-9W]\s?[0-9AC-FHKNPRTV-Y]{4})(?![\w-])"
)
#: Words between two parts of one address: "No. 14 Gana Close, off Aminu Kano Crescent", "…, near
#: the market, …" is written as "near"/"opp." and the next landmark.
_BETWEEN_PARTS = re.compile(r",?\s+(?i:off|near|opp\.?|opposite|behind|beside|next\s+to)\s+$")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_TITLE_START = re.compile(_TITLE)
_DIGIT = re.compile(r"\d")
_UNIT_FIRST = re.compile(rf"(?i:{_UNIT_WORD})\b")
_HYPHENATED = re.compile(r"\d{4}-\d{3}|\d{2}-\d{3}|\d{5}-\d{3}")


def _known_town(words: str, *, last: bool) -> str | None:
    """The longest run of these words that the place list knows, ending at the last word
    (a town before its code) or starting at the first (after it); None if none."""
    places = place_names()
    parts = words.split()
    runs = [parts[i:] for i in range(len(parts))] if last else [parts[:j] for j in range(len(parts), 0, -1)]
    return next((" ".join(r) for r in runs if fold(" ".join(r)) in places), None)


def _english(words: str) -> bool:
    english = english_words()
    return all(fold(w) in english for w in re.findall(r"[^\W\d_]+", words))


#: Words with a number that are no part of an address: a date, a grade, a step in a list.
_NOT_PARTS = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "january february march april may june july august september october november december jan feb mar apr "
        "jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue wed thu "
        "fri sat sun year band page grade step week day session section chapter table figure tier class form "
        "version stage level item question part term"
    ).split()
)


def _numbered_parts(match: re.Match[str]) -> bool:
    """Parts with a number that make an address: two or more with different words ("Woreda 03,
    Kebele 07"; not "Band 6, Band 7" nor "March 2024, June 2025"), or one before a known town or
    a postcode ("Plot 27, Gwarinpa Estate, Abuja")."""
    words = [re.match(r"[^\W\d_]*", part).group().casefold() for part in _NUMBERED_ONE.findall(match.group())]  # type: ignore[union-attr]
    words = [w for w in words if w not in _NOT_PARTS]
    if len(set(words)) >= 2:
        return True
    if not words:
        return False
    last = match.group().rsplit(",", 1)[-1].strip()
    return bool(re.search(rf"{POSTCODE}$", last)) or _known_town(last, last=True) is not None


#: A house's or estate's name before the rest of an address, after a word that gives one: "lives
#: at Tigh na Mara, 7 Shore Road", "Post to Bryn Eithin, Llanfairpwll LL61 5YR", "Home: Perum Griya
#: Asri Blok C2 No. 9"; or a flat before a part with no number of its own ("Lot 14, Nakasi Stage 2").
_HOUSE_BEFORE = re.compile(
    rf"(?:\b(?i:at|to|address(?:\s+(?:is|as))?|as|home|mail|post)\s*:?\s+)"
    rf"(?P<house>{_NAME}(?:\s+(?:[a-z]{{1,3}}\s+)?{_NAME}){{0,3}})(?P<comma>,)?\s+$"
    rf"|(?P<unit>(?:{UNIT}),\s+(?:{_NAME}\s+){{0,2}})$"
)


def _with_house_name(text: str, start: int, end: int) -> tuple[int, int]:
    before = _HOUSE_BEFORE.search(text[max(0, start - 60) : start])
    if before is None:
        return start, end
    house = before.group("house") or before.group("unit")
    if before.group("house") and _TITLE_START.match(house):
        return start, end  # "to Dr Patel, 12 High Street": the person is a name of their own
    if before.group("house") and not before.group("comma") and not _UNIT_FIRST.match(text, start):
        return start, end  # with no comma, only before a flat or block: "Perum Griya Asri Blok C2"
    return start - (len(before.group(0)) - before.group(0).index(house)), end


def addresses(text: str) -> list[tuple[int, int]]:
    """Street addresses, whole; and postcodes beside a known town ("Hamilton 3204")."""
    if not _DIGIT.search(text):
        # Every shape of address holds a number but mail kept at the post office or a house known
        # to all ("General Delivery, …", "Domicilio conocido, …"): a text with none needs no more.
        return [m.span() for m in _BOX.finditer(text)]
    patterns = [_STREET_ADDRESS, _BOX, _DISTRICT, _VIETNAMESE, _TURKISH, _COLOMBIAN, _CYRILLIC, _STREET_NO_NUMBER]
    # Sought only where their mark or postcode stands: each would otherwise try every capital.
    patterns += [_JAPANESE] if "〒" in text else []
    patterns += [_NAMED_HOUSE] if _LETTERED_POSTCODE.search(text) else []
    found = [m.span() for pattern in patterns for m in pattern.finditer(text)]
    # Two parts or more that are a word and a number, and a name: "Villa 12, Street 5, Al Barsha".
    found += [m.span() for m in _NUMBERED_PARTS.finditer(text) if _numbered_parts(m)]
    found += [m.span() for m in _LOWER_ADDRESS.finditer(text) if m.group("unit1", "unit2", "code") != (None,) * 3]
    for m in _WORD_FIRST_ADDRESS.finditer(text):
        if m.group("tail") or not (_english(m.group("type")) and _english(m.group("street"))):
            found.append(m.span())
    for m in _PARTS_ADDRESS.finditer(text):
        if not (_YEAR.fullmatch(m.group("code")) and not m.group("region")):  # "…, Leeds 2019" is no address
            found.append(m.span())
    for m in _NO_STREET_WORD.finditer(text):
        # "2261 Kingsway, Vancouver"; "27 Te Puna, Ōtara, Auckland 2023", a postcode at its end.
        if _known_town(m.group("town"), last=False) or re.search(rf"\b{POSTCODE}$", m.group()):
            found.append(m.span())
    for m in _TOWN_CODE.finditer(text):
        before = m.group("town") is not None
        town, code = (m.group("town"), m.group("code")) if before else (m.group("town2"), m.group("code2"))
        known = _known_town(town, last=before)
        digits = code.replace(" ", "").replace("-", "")
        # A code that is all digits could be a year, a count or a phone number ("Paris 2024",
        # "Sydney 2000 people", "555-0134 Monday"): beside a known town only, and a four-digit
        # year only after a state code. Portugal's, Poland's and Brazil's shapes say postcode.
        if (
            digits.isdigit()
            and not _HYPHENATED.fullmatch(code)
            and (known is None or (len(digits) == 4 and _YEAR.fullmatch(digits) and not m.group("region")))
        ):
            continue
        if digits.isdigit() and re.match(r"[\s.-]?\d", text[m.end() :]):
            continue  # "Mobile 07700 900318": more digits after, a phone number, not a town's code
        start, end = m.span()
        if known is not None:  # "Visit Hamilton 3204": the town, not the word before it
            start, end = (m.end("town") - len(known), end) if before else (start, m.start("town2") + len(known))
        found.append((start, end))
    # Overlapping finds are one address: "Flat 202, Sai Residency, 3rd Cross, …" whole.
    merged: list[tuple[int, int]] = []
    for start, end in sorted(_with_house_name(text, a, b) for a, b in found):
        if merged and (start < merged[-1][1] or _BETWEEN_PARTS.fullmatch(text, merged[-1][1], start)):
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
