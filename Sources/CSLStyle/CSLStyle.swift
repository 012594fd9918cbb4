// The CSLStyle target; see Docs/architecture.md.
