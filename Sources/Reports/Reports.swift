// The Reports target; see Docs/architecture.md.
