"""plainspeak.grading."""
