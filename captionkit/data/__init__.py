"""Package data: the sample narration, profiles, word lists."""
