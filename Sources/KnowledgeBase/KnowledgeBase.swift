// The KnowledgeBase target; see Docs/architecture.md.
