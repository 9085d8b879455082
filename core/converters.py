"""The `id` path converter: an object key in a URL, at most 18 digits, so that a number
no database key can hold answers 404 instead of reaching the database (on SQLite an
integer of 2**63 or more raises OverflowError)."""


class IdConverter:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value) -> str:
        return str(int(value))
