"""The single source of the nkcorpus version."""

__version__ = "0.1.0"
