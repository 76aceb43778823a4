"""Decoding and cleaning: raw bytes or text in, clean text with an offset map out."""
