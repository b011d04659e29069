"""plainspeak.config."""
