"""Language identification for documents and mixed-language passages."""
