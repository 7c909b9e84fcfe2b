"""The neighbours of a word that say whether a person, a place or an organisation is meant:
"… said", "told …", "in …", "the … room".

Part of ``journal/deidentify.py`` (its docstring says how the parts fit together).
"""

from __future__ import annotations

import re

#: Terms of respect that follow a name: "Iyer sir", "Raju bhai", "Siddharth-ji", "Tanaka-san".
_TITLE_AFTER = re.compile(
    r"^(?:\s+|-)(?:sir|ji|jee|bhai|bhaiya|didi|saab|sahib|sahab|madam|ma'am|aunty|auntie|uncle|san|sama|sensei|"
    r"kun|chan|dada|baba|mama|apa|abla|hanım|hanim|bey|efendi|"
    # South Asian kin and respect ("Manjunath anna", "Ram Bahadur dai", "Mathew achan"), Korean
    # ("Park Seo-yeon seonsaengnim", "Ji-hoon-ssi"), Hungarian ("Kovács doktor úr"), Persian.
    r"anna|akka|dai|achan|chechi|chettan|bhabhi|baji|sahiba|seonsaengnim|ssi|nim|doktor|úr|néni|bácsi|"
    # Chinese after a surname: "Li laoshi" (teacher), "Chen xiansheng", "Wang shifu", "Zhou ayi".
    r"khanum|agha|laoshi|xiansheng|shifu|ayi|taitai|nushi|nüshi)\b(?!-)",
    re.IGNORECASE,
)

#: Words after a capitalised word that say a person is meant.
_PERSON_AFTER = re.compile(
    r"^(?:['’]s\b|\s+(?:said|says|told|tells|asked|asks|replied|wants|wanted|thinks|thought|noticed|"
    r"texted|emailed|phoned|called|rang|wrote|covered|brought|stayed|listened|recommended|presented|"
    r"reminded|suggested|admitted|laughed|cried|smiled|sighed|shrugged|agreed|refused|insisted|"
    r"explained|mentioned|offered|promised|is|was|has|had|did|does|never|always|and I|from (?:the )?[a-z]+|"
    r"came|comes|walked|drove|sat|spoke|rang|opened|ran|runs|signed|left|took|takes|knows|knew|watched|"
    r"escorted|chaired|stayed|interpreted|answered|joined|made|sent|gave|kept|held|went|will|would|can|could))\b"
)
#: Verbs after a word that only a person does ("Tusla has", "Medicaid will" are no people).
_HUMAN_AFTER = re.compile(
    r"^(?:\s+(?:said|says|told|tells|asked|asks|replied|thinks|thought|noticed|texted|emailed|phoned|rang|"
    r"covered|stayed|listened|laughed|cried|smiled|sighed|shrugged|agreed|insisted|explained|mentioned|"
    r"promised|came|walked|drove|sat|spoke|signed|took|knows|knew|watched|escorted|chaired|interpreted|"
    r"answered|joined|brought|went|wants|wanted|needs|needed|arrived|nodded|"
    r"stood|helped|hugged|waved|whispered|shouted|worried|decided|tried|apologi[sz]ed|thanked|missed|"
    r"led|handled|sorted|organi[sz]ed|arranged|booked|collected|visited|checked|showed|taught|cooked|baked|"
    r"volunteered|swapped|reckons|reckoned|gave|wrote|sang|prayed|played|danced|fed|"
    # What a person does or refuses, or has done to them on a ward: "Sreekutty stopped taking",
    # "Shuki wouldn't come", "Patience was discharged", "Lovemore, who trained with me".
    # Not what a body does with money or papers: "Tusla refused the referral", "NDIS stopped paying".
    r"(?:stopped|started|refused|skipped|forgot|remembered|wouldn't|won't|didn't|couldn't|can't|hasn't|hadn't)\b"
    r"(?!\s+(?:(?:the|her|his|their|our|my|a|an|to)\s+)?(?:pay\w*|fund\w*|cover\w*|referrals?|claims?|"
    r"applications?|benefits?|allowance|grant|pension|contract|approv\w*|reimburs\w*|rehous\w*|process\w*))|"
    # How a person or a place may seem: a person's cue for a word of no list, never a place's
    # ("Nurlan was quiet", "Thulani seemed flat"; "Leeds was quiet" stays a town).
    r"(?:is|was|seemed|seems|looked|looks)\s+(?:so\s+|very\s+|really\s+|quite\s+|much\s+)?"
    r"(?:quiet|calm|flat|low|brighter|better|worse|settled|unsettled|restless|tense|hopeful|confused|lost|"
    r"stuck|late|early)|"
    # "Aigerim and her mother came": her own kin after "and".
    r"and\s+(?:her|his|their)\s+(?:mother|father|mum|mom|dad|son|daughter|husband|wife|partner|sister|"
    r"brother|family|kids|children|carer|friend|boyfriend|girlfriend|grandmother|grandfather|baby)|"
    r"(?:was|were|is|has\s+been|got)\s+(?:discharged|admitted|readmitted|sectioned|detained|transferred|"
    r"referred|assessed|restrained|secluded|deported|arrested|sentenced)|"
    r"(?:is|was)\s+the\s+(?:only\s+)?(?:one|person|[a-z]+)\s+(?:of\s+us\s+)?who|"
    r"(?:has|had)\s+(?:been\s+(?:off|away|on\s+leave|in\s+hospital|unwell|ill|sick|great|brilliant|amazing|so)|"
    r"gone\s+(?:home|back|off)|moved\s+(?:to|in|out|back|house|away)|left|said|told|asked|rung|phoned|texted|"
    r"agreed|decided|promised|offered|covered)|"
    r"did\s+(?:the|a|an|his|her|their|my|our|really|so)|"
    r"and I|(?:from|fae|frae) (?:the )?[a-z]+)"
    r"|['’]s\s+(?:mum|mom|mother|dad|father|son|daughter|wife|husband|partner|brother|sister|family|baby|"
    r"children|kids|carer|friend|parents|grandmother|grandfather|nan|gran|granny|auntie|aunty|uncle|cousin|"
    # The same kin in the words of other languages: "Mahina's tutu", "Lupita's abuela".
    r"abuela|abuelo|tutu|kuia|koro|yiayia|babushka|babcia|oma|opa|nonna|nonno|bubbe|zayde|dadi|nani|ammi|"
    r"abba|amma|appa|lola|lolo|mami|papi|mamá|papá|tía|tío|tia|tio|tita|tito|hijo|hija|esposa|esposo)"
    # "Lovemore, who trained with me": only a person is "who".
    r"|,\s+who)\b"
)
#: What only a person does or feels, after a word: "Aigul was upset", "Tui laughed". Enough
#: even for a word that is also a town somewhere ("Ngozi smiled"), as a town never feels.
_PERSONAL_AFTER = re.compile(
    r"^\s+(?:(?:is|was|seemed|seems|looked|looks|felt|feels|sounded|sounds|got|became)\s+"
    r"(?:so\s+|very\s+|really\s+|quite\s+|a\s+bit\s+|visibly\s+|much\s+)?(?:upset|angry|tired|sick|ill|"
    r"worried|anxious|furious|gutted|pleased|happy|sad|exhausted|distressed|tearful|frightened|scared|"
    r"relieved|grateful|annoyed|hurt|proud|nervous|ashamed|embarrassed|shocked|overwhelmed|off\s+sick|"
    r"on\s+leave|pregnant|crying|shaking|"
    # How only a person seems in a session: "Dilnoza felt unheard", "Aušra was withdrawn".
    r"withdrawn|agitated|unwell|teary|irritable|guarded|chatty|suicidal|hopeless|lonely|sleepy|drowsy|"
    r"unheard|ignored|abandoned|rejected|defensive|numb|drunk)"
    r"|laughed|cried|smiled|sighed|shrugged|nodded|hugged|waved|whispered|shouted|wept|winced|blushed|"
    r"apologi[sz]ed|thanked)\b"
)
#: Endings of medicines' international names (the WHO's INN stems), folded: "Sertraline",
#: "Olanzapine", "Risperidone", "Pregabalin" are no people, though no dictionary holds them.
_MEDICINE = re.compile(
    r"^[a-z]{3,}(?:apine|azepam|azolam|oxetine|traline|faxine|peridol|idone|adone|pramine|triptyline|prazole|"
    r"statin|cillin|mycin|cycline|oxacin|olol|pril|sartan|gabalin|pentin|thixol|orphine|profen|formin|gliptin|"
    r"parin|xaban|umab|ximab|tinib|ciclovir|navir|mazine|tidine|dronate|glitazone)$"
)
#: A possessive determiner before a word with "'s" and nothing it owns: "his Parkinson's", "my
#: Crohn's", "their Alzheimer's" name a condition. ("her" is left out: "I told her Maya's …".)
_EPONYM_BEFORE = re.compile(r"\b(?i:his|their|my|your|our|its)\s+$")
_EPONYM_AFTER = re.compile(r"^['’]s\b(?!\s+(?:[a-z]+\s+)?(?:mum|mom|dad|wife|husband|partner|son|daughter)\b)")
#: A role after a word says a person: "… at the front desk", "… from Campus Safety", "…, our porter,".
_ROLE_AFTER = re.compile(
    r"^(?:\s+(?:from|at|on|in|of)\s+(?:the\s+)?(?:[A-Z][\w'’-]+\s+){0,3}(?i:front desk|desk|reception|door|gate|"
    r"switchboard|team|service|office|ward|unit|clinic|department|safety|security|shift|crew|maintenance|pharmacy|"
    r"admin|HR|IT|liaison|interpreting|outreach|chaplaincy|school|church|mosque|temple|council)\b"
    r"|\s+from\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\b"
    r"|,\s+(?:our|my|the|his|her|their)\s+[a-z]+(?:\s+[a-z]+)?,)"
)
#: After a name: a comma, or a suffix ("Grant Hollis, the porter"; "Bobby Joe Hatfield Jr.").
_APPOSITION_AFTER = re.compile(r",|\s*(?:Jr|Jnr|Sr|Snr|II|III|IV)\b")
#: "Cardiff and Vale never says …": a capitalised word and "and" before, and a verb for one after,
#: name one body (two people take "say", "have", "are").
_PAIR_BEFORE = re.compile(r"(?<![\w'’-])(?P<left>[A-Z][\w'’-]*)\s+(?:and|&)\s+$")
_SINGULAR_AFTER = re.compile(
    r"^\s+(?:never\s+|always\s+|still\s+|also\s+)?(?:says|has|is|was|does|doesn't|hasn't|isn't|wasn't|wants|"
    r"needs|sends|pays|runs|funds|covers|provides|offers)\b"
)
_SPEECH = re.compile(r"^\s+(?:said|says|told|asked|replied)\b")
#: Words before a capitalised word that say a person is meant.
_PERSON_BEFORE = re.compile(
    r"\b(?:with|told|tell|asked|ask|thanked|thank|met|meet|called|phoned|texted|emailed|visited|"
    r"trust|miss|owe|owed|like|liked|love|loved|helped|supervised|mentor|colleague|manager|"
    r"supervisor|lead|son|daughter|mother|father|sister|brother|wife|husband|partner|client|"
    # Kin and those one cares for, in English and other languages: "grandson Chuy", "aunty
    # Losaline", "Patient Ssemwogerere", "su hijo Lalo", "ihr Sohn", "sa fille".
    r"grandson|granddaughter|grandchild|grandma|grandmother|grandpa|grandfather|granny|nan|aunty|auntie|"
    r"aunt|uncle|cousin|niece|nephew|stepson|stepdaughter|stepmother|stepfather|fiancée?|boyfriend|girlfriend|"
    r"friend|neighbour|neighbor|flatmate|carer|patient|resident|pupil|student|tenant|"
    r"hijo|hija|nieto|nieta|esposo|esposa|hermano|hermana|filho|filha|neto|neta|marido|mulher|irmão|irmã|"
    r"fils|fille|frère|sœur|soeur|mari|femme|Sohn|Tochter|Bruder|Schwester|figlio|figlia|syn|córka|"
    r"anak|cucu|suami|istri|isteri|mwana|mtoto|"
    r"locum|consultant|said|says|thanks|dear|hi|hello|cc|spoke\s+(?:to|with)|talk(?:ed)?\s+(?:to|with)|"
    r"phone|ring|wants|wanted|needs|needed|saw|see|visit|support|supported|hugged|"
    r"(?:confide[ds]?|believed?|believes|loop(?:ed|ing)?|bring|brought|rope[ds]?|roped)\s+in|"
    # "I worry about Sefo", "thinking about Mele".
    r"(?:worry|worried|worrying|think|thinking|thought|care|cared|caring|ask|asked|asking)\s+(?:about|after)|"
    # A name given or chosen: "calls himself 'Motti'", "goes by Bex", "known as Kip".
    r"calls\s+(?:him|her|them|my|your|our)sel(?:f|ves)|goes\s+by|went\s+by|known\s+as|nicknamed|"
    r"prefers\s+to\s+be\s+called|likes\s+to\s+be\s+called)(?:,?\s+|\s+['\"‘“])$",
    re.IGNORECASE,
)
#: Words before a word that say a person may be meant, or a place: "to", "from", "and", "by".
_MAYBE_PERSON_BEFORE = re.compile(r"\b(?:to|from|and|by|for|via|cc|&)\s+$", re.IGNORECASE)
#: A lowercase word after these, that is a given name and no English word, is a name: "ask deepa".
_LOWER_AFTER_CUE = re.compile(
    r"\b(?i:ask|asked|tell|told|with|thank|thanked|call|called|ring|rang|text|texted|email|emailed|meet|met|"
    r"see|saw|and|from|to)\s+(?P<name>[a-z][a-z'’-]+)\b"
)
#: In a text typed in lower case, the words after which a word of no list is a name.
_LOWER_CASUAL_CUE = re.compile(
    r"\b(?:with|ask|asked|tell|told|thank|thanked|call|called|ring|rang|text|texted|meet|met|see|saw|"
    r"cc|(?:talk|talked|speak|spoke|vent|vented|chat|chatted)\s+(?:to|with))\s+(?P<name>[a-z][a-z'’-]+)\b"
)


#: A lowercase word before a person's verb, maybe with a term of respect between: "shaz reckons",
#: "pinky di says", "femi's mum rang", "jhun-jhun said".
_LOWER_BEFORE_VERB = re.compile(
    r"(?<![\w'’-])(?P<name>[a-z][a-z'’-]+)(?:\s+(?:di|didi|da|dada|ji|bhai|bhaiya|akka|anna|kak|abang|ate|kuya))?"
    r"(?:\s+(?:said|says|say|told|tells|tell|asked|asks|reckons|reckoned|reckon|thinks|thought|wants|wanted|"
    r"texted|rang|phoned|"
    r"called|emailed|messaged|mentioned|promised|agreed|covered|brought|came|went|left|laughed|cried|smiled)\b"
    r"|['’]s\s+(?:mum|mom|mam|mother|dad|father|nan|gran|granny|kokum|kokom|nana|wife|husband|partner|son|"
    r"daughter|brother|sister|auntie|aunty|uncle|cousin|family|kids|baby)\b)"
)
#: A lowercase term of respect or kinship before a name, of several languages: "anh minh",
#: "kak yati", "ate joy", "kuya ben", "tita marie", "aunty bisi".
_LOWER_TITLE_BEFORE = re.compile(
    r"\b(?:anh|chị|chi|em|cô|co|chú|chu|bác|bac|kak|kakak|abang|bang|adik|encik|cik|puan|ate|kuya|tita|tito|"
    r"lola|lolo|aunty|auntie|uncle|mama|papa|baba|gogo|whaea|matua|didi|bhaiya|akka|anna|thambi|amma|"
    # Tagalog's markers of a person's name: "sabi ni …" (said …), "ayon kay …" (according to …).
    r"sabi\s+ni|ayon\s+kay|kasama\s+si|tanong\s+ni)"
    r"\s+(?P<name>[a-z][a-z'’-]+)\b"
)
#: A question to a colleague: "can jaz send …", "could bex check …".
_LOWER_MODAL = re.compile(
    r"\b(?:can|could|will|would|pls|please)\s+(?P<name>[a-z][a-z'’-]+)\s+(?:send|check|do|ring|call|bring|cover|"
    r"come|pick|help|sign|take|get|look|drop|swap|text|email|sort|grab|book|chase|update)\b"
)
#: A word between a verb said to a person and what is asked or told: "ask dimple to cover",
#: "tell joy about the rota", "remind will that …" (only a given name counts, where it is used).
_LOWER_ASKED = re.compile(
    r"\b(?:ask|asked|tell|told|remind|reminded|text|texted|ring|rang|ping|pinged|message|messaged|thank|thanked)"
    r"\s+(?P<name>[a-z][a-z'’-]+)\s+(?:to|that|about|if|whether|what|when|where|for|re)\b"
)
#: Kin and role words that go before a person's verb like a name: "mum said", "nan rang".
_KIN_WORDS = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "mum mom mam ma mother dad da pa papa mama father nan nana nanna gran granny grandma grandpa nonna "
        "nonno oma opa boss staff everyone everybody someone somebody nobody anyone sis bro hubby wifey "
        "fam whanau whānau iwi hapu kuia kaumatua koro kui lola lolo "
        # Terms of respect said alone: "kuya said", "aunty rang".
        "kuya ate tita tito anh chi kak abang didi bhaiya akka anna amma appa aunty auntie uncle aunt "
        # Roles of clinical, social and school work, typed in lower case: "the cpn said", "camhs rang".
        "doc gp cpn hca rmn rgn sw ot pt slt amhp senco camhs cmht crht ahp hcsw tl nic sho reg fy1 fy2 "
        "lol omg tbh idk ppl"
    ).split()
)
#: Before a lowercase word, what says it is a thing or a role, not a name: "the cpn said".
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|our|my|his|her|their|your|this|that|every|each|some|no|any)\s+$")


def _name_shaped(word: str) -> bool:
    """A lowercase word that can be a name: a vowel in it, and no run of three consonants at
    its end ("amhp", "camhs" are acronyms typed small; "thabo", "jhun-jhun" are names)."""
    return bool(re.search(r"[aeiouyáéíóúàèìòùâêîôûäëïöüāēīōū]", word)) and not re.search(
        r"[bcdfghjklmnpqrstvwxz]{3}$", word
    )


_LOWER_PAIR = re.compile(r"(?<![\w'’-])(?P<a>[a-z][a-z'’-]+)\s+(?:and|&)\s+(?P<b>[a-z][a-z'’-]+)\b")


def _casual(text: str) -> bool:
    """Typed without capitals ("ask kiri", "i told zanele"): no sentence starts with one."""
    return not re.search(r"(?:^|[.!?]\s+)[A-Z]", text)


#: Words of a place that are surnames too, after a given name ("Maya Ward", "Tom Lane").
_SURNAME_WORDS = frozenset({"Ward", "Lane", "Street", "Wing", "Hall", "Park", "Court", "House"})
#: After these a lowercase word that is no English word is a name ("ask tamati", "told zanele").
_LOWER_AFTER_VERB = re.compile(
    r"\b(?i:ask|asked|tell|told|thank|thanked|call|called|ring|rang|text|texted|email|emailed|meet|met|phone|"
    # Said to a person ("sorry ruaridh"); not "with", before food and words of other languages as often.
    r"sorry|thanks|cheers|"
    r"remind|reminded|ping|pinged|message|messaged|"
    r"(?:talk|talked|speak|spoke|vent|vented|chat|chatted)\s+(?:to|with))\s+"
    r"(?P<name>[a-z][a-z'’-]+)\b"
)
#: Org words: a run that ends in one names an organisation, not a person ("Fraser Health").
_ORG_LAST = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "health service services trust board council authority department ministry agency institute foundation "
        "network partnership commission society association church mosque temple police court office centre center "
        "hospital clinic university college school group company fund affairs medicaid medicare welfare justice "
        "corrections housing benefits insurance commissioner directorate executive ombudsman tribunal registry "
        "bureau administration division inspectorate regulator healthcare "
        # The same in other languages: Māori "ora" and "hauora" (health, wellbeing), Hindi
        # "yojana", "abhiyan", "mission" (a scheme), Malay "masyarakat" (community welfare).
        "ora hauora yojana abhiyan mission scheme programme program masyarakat kesihatan "
        # "Sécurité Sociale", "Previdência Social", "Ontario Works", "Public Works".
        "social sociale sociales sosial sozial works "
        # German "Dienst" (a service: "Sozialpsychiatrischer Dienst"), Spanish and Portuguese
        # "Medicina" ("Medicina Legal", the forensic service).
        "dienst dienste medicina"
    ).split()
)
#: Words before a word that say a language is meant: "speaks Hokkien", "fluent in Dari",
#: "Farsi and some Dari" (another language before "and" is checked where this is used).
_LANGUAGE_BEFORE = re.compile(
    r"\b(?i:speaks?|spoke|speaking|fluent\s+in|learning|learnt|learned|understands?|reads|writes|"
    r"interpreter\s+for|(?:translated|translates|translate|translating|translation|interprets|interpreted|"
    r"interpreting|switched|switches|switching)\s+(?:back\s+)?into|"
    r"(?:replied|replies|answered|answers|wrote|writes|talks|talked|spoke|speaks|sang|sings|prays|prayed|dreams|"
    r"counts|swears|swore)(?:\s+(?:mostly|mainly|only|partly|always|often|sometimes|just))?\s+in)"
    r"\s+(?:(?i:some|a\s+little|a\s+bit\s+of|only|mostly|mainly|broken|fluent|good|basic|conversational)\s+)?$"
)
#: "Farsi and some Dari", "Mandarin or Hokkien": the word before "and", "or" or a comma.
_LANGUAGE_PAIR_BEFORE = re.compile(
    r"(?P<other>[^\W\d_][\w'’-]*)(?:,|\s+and|\s+or|\s*/)\s+"
    r"(?:(?i:some|a\s+little|a\s+bit\s+of|only|mostly|broken|basic)\s+)?$"
)
#: Words after a word that say a language is meant: "a Hokkien interpreter", "Dari-speaking".
_LANGUAGE_AFTER = re.compile(
    r"^(?:-speaking|-speaker|\s+(?:interpreter|interpreters|interpreting|speaker|speakers|speaking|translation|"
    r"translator|translators|version|subtitles|lessons|classes|class|teacher|words?|phrases?|language)\b"
    # "my Shona is not good enough", "her Tagalog is rusty": how well one speaks it.
    r"|\s+(?:is|was)\s+(?:not\s+|still\s+|very\s+|quite\s+|a\s+bit\s+)?(?:good|bad|poor|rusty|basic|fluent|"
    r"limited|better|worse|broken)\b"
    # "in Cree and then in English": beside a language named the same way.
    r"|\s+(?:and|or|,)\s+(?:then\s+|also\s+|sometimes\s+)?in\s+(?=[A-Z]))"
)
#: Words that make a run a language or a people ("Ngāti", "Ngāi": Māori for the descendants of,
#: before an iwi's name): "Bahasa Melayu", "Te Reo Māori", "Ngāti Porou", "Yolŋu Matha", "Kimberley
#: Kriol", "Jamaican Patois", "Auslan Sign Language". Folded.
_LANGUAGE_FIRST = frozenset({"bahasa", "basa", "lingua", "lengua", "lingala", "reo", "ngati", "ngai"})
_LANGUAGE_LAST = frozenset({"matha", "kriol", "creole", "patois", "pidgin", "patwa", "dialect", "language", "sign"})
#: Creoles and pidgins named in one word as their speakers write them: "Kriolu", "Kreyòl", "Patwa".
_CREOLE_WORDS = frozenset({"kriol", "kriolu", "kreol", "kreyol", "krio", "patwa", "patois", "pidgin", "creole"})
#: One German or Dutch word for a public office or service: "Jugendamt", "Krankenkasse", "Arbeitsagentur".
_OFFICE_COMPOUND = re.compile(
    r"^[A-ZÄÖÜ][a-zäöüß]{3,}(?:amt|ämter|behörde|kasse|dienst|verwaltung|gericht|agentur|zentrum|stelle|"
    r"gemeente|dienst|instantie)$"
)

#: Org words that start a name, in English and the languages of public services: "Ministry
#: of …", "Santé Québec", "Ministerio de Salud", "Hauora Tairāwhiti". Folded.
_ORG_FIRST = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "ministry agency authority bureau commission directorate medicare medicaid sante salud saude sanita "
        "gesundheit gezondheid "
        "hauora ministere ministerio ministero ministerium ministerie agence agencia agenzia servicio servico "
        "servizio conseil consejo conselho consiglio caisse krankenkasse gemeente regie "
        # Malay, Indonesian, Polish, Swahili, Hindi and Vietnamese public services.
        "jabatan kementerian kementrian pejabat lembaga majlis dewan jawatankuasa badan dinas urzad instytut "
        "wizara idara halmashauri shirika rashtriya pradhan mantralaya vibhag nigam"
    ).split()
)
#: What stands before an organisation's name: a health system's acronym ("NHS Lothian", "HSE
#: West") or "Department of", "Ministry of" ("Department of Home Affairs").
_ORG_BEFORE = re.compile(
    r"(?:\b(?-i:NHS|HSE|HSC|DHB|PHN|LHD|ICB|CCG|HHS|DHHS|DOH|DoH|VA)|\b(?i:Medicaid|Medicare)"
    r"|\b(?:Department|Dept\.?|Ministry|Minister|Office|Bureau|Agency|Council|Board|Commission|Commissioner)"
    r"\s+(?:of|for)(?:\s+the)?"
    # The rest of such a name after "and": "Ministry of Health and Child Care".
    r"(?:\s+[A-Z][\w'’-]+)+\s+(?:and|&)"
    r"|\b(?:Department|Dept\.?|Ministry|Minister|Office|Bureau|Agency|Council|Board|Commission|Commissioner)"
    r"\s+(?:of|for)(?:\s+the)?"
    # A scheme one is covered or enrolled under: "covered under Ayushman Bharat".
    r"|\b(?:covered|insured|enrolled|registered|funded)\s+(?:under|by|through|with)(?:\s+the)?)\s+$"
)
#: What follows a scheme's name: "the Ayushman Bharat card", "Sehat Sahulat scheme".
_SCHEME_AFTER = re.compile(r"^\s+(?:card|cards|scheme|cover|coverage|policy|grant|allowance|payments?|benefits?)\b")
#: A role after a title and everyday words: "Lady Health Worker", "Sister Ward Manager".
_ROLE_WORDS = frozenset(
    "worker workers officer visitor assistant volunteer champion navigator coordinator advocate manager".split()  # noqa: SIM905 - a word list reads better as one string
)
#: A verb for more than one after a word: "Oranga Tamariki were called", "Te Kete are …".
#: Not "have", which follows one person in a question ("Did Maya have …?").
_PLURAL_AFTER = re.compile(r"^\s+(?:were|are)\b")
#: "have", "don't" after a word, but not in a question, after a modal or said to someone ("Did Maya
#: have …?", "should Maya have", "Maya Patel, have you …"): more than one, or a body ("Betsi
#: Cadwaladr have a bilingual advocate").
_PLURAL_HAVE_AFTER = re.compile(
    r"^\s+(?:(?:still|already|never|just|also|finally|now|really)\s+)?(?:have|haven't|don't|owe)\b"
    r"(?!\s+(?:you|we|they|I|she|he|u)\b)"
)
_AUXILIARY_BEFORE = re.compile(
    r"\b(?i:did|does|do|didn't|doesn't|don't|will|would|can|could|should|might|must|may|shall|to|has|had|let|"
    r"make|made|help|helped|if|whether|wish|wished|though)\s+$"
)
#: Words before a word where a plural verb after it says nothing of it: "Tom and Maya were",
#: "if Maya were here".
_JOINED_BEFORE = re.compile(r"(?:\b(?:and|or|if|wish|wished|though|suppose|supposing)|[&,])\s+$", re.IGNORECASE)
#: A word before these is a place ("Waikato hospital", "Rotorua district"), in the whole export.
_PLACE_NOUN_AFTER = re.compile(
    r"(?<![\w'’-])(?P<word>[A-Z][^\W\d_]+)\s+(?:hospital|hospitals|clinic|campus|station|school|college|"
    r"university|region|district|province|county|city|town|valley|coast|airport|prison)\b"
)

#: Words before a capitalised word that say a place is meant ("in Sydney", "near Leeds").
_PLACE_BEFORE = re.compile(r"\b(?i:in|near|across|around|throughout|outside|inside|within)\s+(?:the\s+)?$")
_PLACE_NOUNS = (
    "room|rooms|ward|wards|wing|building|centre|center|suite|unit|house|lounge|clinic|hospital|campus|site|"
    "street|road|lane|avenue|surgery|practice|library|chapel|floor|station|school|college|university|team|teams"
)
#: Words after one that say a place is meant ("the Grace room", "Faith ward", "Lincoln teams").
_PLACE_AFTER = re.compile(rf"^\s+(?:{_PLACE_NOUNS}|hall)\b")
#: The last word of a capitalised run that makes it a place ("Austin House", "Mercy Hospital");
#: not Ward, Wing, Lane, Street, Hall, Park or Court, which are surnames too ("Maya Lane").
_PLACE_LAST = frozenset(_PLACE_NOUNS.split("|")) - {"ward", "wing", "lane", "street", "team", "teams"}

#: A word: letters, with apostrophes and hyphens inside and the combining marks of tones and
#: accents anywhere ("Adébáyọ̀" typed with a combining grave keeps its last letter).
_WORD = re.compile(r"[^\W\d_][\u0300-\u036f]*(?:[\w'’\u0300-\u036f-]*[^\W\d_][\u0300-\u036f]*)?")
#: Small words inside a name, of several languages: "van der", "dos … e …", Welsh "ap"/"ab",
#: Malay "bin"/"binti", Arabic "al", Irish "Ní"/"Mac" spelt small, Spanish "y".
_PARTICLES = frozenset(
    (  # noqa: SIM905 - a long word list reads better as one string
        "de da del della der den di du dos das van von ter ten bin binti bint ibn al el ap ab ferch verch "
        "e y la le dela delos degli dei af zu ní nic mac binte ó ua uí"
    ).split()
)
#: Between two parts of a name, Malaysian and Indian "son of", "daughter of": "a/l", "a/p", "s/o", "d/o".
_PATRONYM_JOIN = re.compile(r"\s+(?i:a/l|a/p|s/o|d/o|w/o)\s+")
#: A lowercase prefix joined to a capital: "al-Rashid", "el-Masri", "d'Souza", "ʻIlaisa".
_PREFIXED_CAPITAL = re.compile(
    r"^(?:(?:al|el|ul|ad|an|ar|as|ash|at|az|abu|bin|ibn|ben|bint|d|l|o)[-'’]|[ʻʼ'‘’])(?=[A-Z])"
)
#: What may follow a whole name: "Jr.", "Sr.", "III".
_NAME_SUFFIX = re.compile(r"(?<=\b(?:Jr|Sr))\.|(?<=\b(?:Jnr|Snr))\.|,?\s+(?:Jr|Jnr|Sr|Snr)\b\.?|\s+(?:II|III|IV)\b")
#: Short forms of given names with a full stop: "Ma." (Maria), "Wm.", "Jos.", "Chas.", "Thos.".
#: "Md.", "Mohd.", "Muhd." (Muhammad), as names are written in Bangladesh and Malaysia.
_GIVEN_ABBREVIATIONS = frozenset({"Ma", "Wm", "Jos", "Chas", "Thos", "Geo", "Jno", "Mª", "Md", "Mohd", "Muhd", "Mhd"})
#: A given name of two syllables joined by a hyphen, as Korean and Cantonese names are
#: romanised: "Seo-yeon", "Ji-hoon", "Wing-sze", "Seung-ah".
_HYPHENED_GIVEN = re.compile(r"^[A-Z][a-z]{1,4}-[a-z]{1,4}$")
#: One syllable of romanised Chinese, Korean or Vietnamese, as a family name is: "Tan", "Oh",
#: "Park", "Lim", "Choi", "Hwang", "Ng".
_SYLLABLE = re.compile(r"^(?:[bcdfghjklmnpqrstwxyz]{0,3}[aeiouy]{1,3}(?:ng|nh|n|m|k|p|t|h|rk|r|l)?|ng)$", re.I)
#: A nickname in quotes inside a name: Dale "Bud" Kowalski, Maria 'Cuca' Santos.
_QUOTED_NICKNAME = re.compile(
    r"(?<![\w'’-])(?P<first>[A-Z][\w'’-]+)\s+[\"“'‘](?P<nick>[A-Z][\w'’-]*)[\"”'’]\s+(?P<last>[A-Z][\w'’-]+)"
)
_POSSESSIVE = re.compile(r"['’]s$")


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"“‘'(*_-•")
    return not before or before[-1] in ".!?:;\n"


#: How others call a person: "everyone calls him Nimesh", "his mum calls her Lulu", "known as Bubbles",
#: "goes by Ah-Kit".
_CALLED = re.compile(
    r"\b(?:calls?|called|calling)\s+(?:him|her|them|me|you|us)\s+(?P<name>[A-Z][\w'’-]+)"
    r"|\b(?:known\s+as|goes\s+by|go\s+by|nicknamed)\s+(?P<also>[A-Z][\w'’-]+)"
)
#: A nickname in quotes just after a name: 'Jean-Luc ("JL") said', 'Sushanta Das, "Bapi" at home'.
_QUOTED_AFTER = re.compile(r"(?:,\s*|\s*\(\s*)[\"“‘'](?P<name>[A-Z][\w'’-]{1,15})[\"”’']")
_CAPITAL_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*$")
#: Kin before a given name, even one that is an everyday word: "granddaughter Summer", "his son Will".
_KIN_NAMED = (
    "grandson|granddaughter|grandchild|grandmother|grandfather|daughter|son|niece|nephew|cousin|sister|"
    "brother|wife|husband|partner|stepson|stepdaughter|aunt|aunty|auntie|uncle|mother|father|mum|mom|dad"
)
_KIN_BEFORE_GIVEN = re.compile(rf"\b(?i:{_KIN_NAMED})\s+(?P<name>[A-Z][a-z][\w'’-]*)\b(?!\s*\d)")
#: A name with kin or a role after it, set off by a comma: "Summer Lane, his niece,", "Aiko, her carer".
_KIN_APPOSITION = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2}),\s+(?:his|her|their|my|our)\s+"
    rf"(?:{_KIN_NAMED}|carer|friend|neighbour|neighbor|girlfriend|boyfriend|fiancée?)\b"
)
#: A name and the job that tells who they are: "and Monday the porter kept", "Tendai the cleaner".
_NAME_THE_ROLE = re.compile(
    r"(?P<before>\b[\w'’]+\s+|^)(?P<name>[A-Z][a-z][\w'’-]*)\s+the\s+(?:porter|cleaner|interpreter|chaplain|driver|"
    r"receptionist|cook|guard|security\s+guard|orderly|caretaker|janitor|housekeeper|gardener|pharmacist|"
    r"physio|teacher|student|volunteer|handyman|nurse|doctor|registrar|consultant)\b"
)
#: A name with a term of respect run into it, as Hindi and Bengali speakers write it: "Guptaji".
_JI_JOINED = re.compile(r"\b(?P<name>[A-Z][a-z]{2,}(?:ji|jee))\b")
#: A given name of two parts joined by a hyphen: "Jean-Luc", "Marie-Claire", "Anne-Sophie".
_HYPHENED_PAIR = re.compile(r"(?<![\w'’-])(?P<first>[A-Z][a-z]+)-(?P<second>[A-Z][a-z]+)(?![\w'’-])")
#: A group or its worker named after a people or a place: "the Pasifika liaison", "Tongan
#: association", "a Métis worker"; no person's name stands before these words.
_GROUP_NOUN_AFTER = re.compile(
    r"^\s+(?:association|society|community|council|network|collective|congregation|union|federation|club|"
    r"league|committee|workers?|liaison|elders|navigator|advocate|health\s+workers?)\b"
)
#: A word typed small where a sentence starts, before what a person says or does ("kalle from nights
#: said", "rangi rang back"): in text written with capitals, a name typed in haste.
_LOWER_OPENING_PERSON = re.compile(
    r"(?:^|[.!?]\s+)(?P<name>[a-z][a-z'’-]{2,})(?=\s+(?:from\s+(?:the\s+)?[a-z]+\s+)?(?:said|says|told|asked|rang|"
    r"called|texted|wrote|thinks|thought|reckons|wants|wanted|came|covered|brought|laughed|cried|agreed)\b)"
)
