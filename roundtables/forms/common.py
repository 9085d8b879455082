PDF_ATTRS = {"accept": "application/pdf,.pdf"}


MAX_TEXT = 5000
