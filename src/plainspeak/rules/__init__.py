"""plainspeak.rules."""
