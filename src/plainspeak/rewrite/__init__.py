"""plainspeak.rewrite."""
