"""Translation between English, Korean and Chinese with Argos Translate."""
