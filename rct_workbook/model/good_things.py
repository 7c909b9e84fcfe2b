"""The five good things: a leaf module, so progress views name them without importing the schema."""

#: The five good things of growth-fostering connection (Miller, 1986), in the order every
#: reading, chart and table shows them, with the names progress views print: they read only
#: the journal's index, never the content. The content's ``good_things`` must hold exactly
#: these ids (checked on load).
GOOD_THINGS: dict[str, str] = {
    "zest": "Zest",
    "empowerment": "Empowerment",
    "clarity": "Clarity",
    "worth": "Worth",
    "connection": "Connection",
}
