PDF_ATTRS = {"accept": "application/pdf,.pdf"}
