"""clean."""
