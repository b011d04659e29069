"""plainspeak.text."""
