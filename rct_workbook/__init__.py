"""rct-workbook: a reflective workbook for Relational-Cultural practice in nonrelational settings."""

__version__ = "0.1.0"
