// The CSLEngine target; see Docs/architecture.md.
