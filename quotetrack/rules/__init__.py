"""One module per stage of the pipeline; see docs/architecture.md."""
