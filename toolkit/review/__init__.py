"""The review loop: writing a run's review bundle (write; the format is toolkit.formats.bundle),
the `check` findings shown in its HTML view (findings), and `review apply`, which turns the
reviewed PO files into final texts and memory (apply)."""
