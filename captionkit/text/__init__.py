"""Text: direction and bidi, Arabic normalization and shaping, line breaking."""
