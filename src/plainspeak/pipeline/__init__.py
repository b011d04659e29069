"""plainspeak.pipeline."""
