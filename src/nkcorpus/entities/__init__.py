"""Named entities: Stanza NER, the alias gazetteer, and the training recipe."""
