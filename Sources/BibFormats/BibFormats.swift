// The BibFormats target; see Docs/architecture.md.
