"""Everything that touches Chromium: finding it, launching it once per run, and the guarded page that checks use."""
