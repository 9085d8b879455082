"""Spreadsheet downloads of roundtables, one module per domain (rapporteur: the scores
of a call). They write through core.spreadsheets."""
