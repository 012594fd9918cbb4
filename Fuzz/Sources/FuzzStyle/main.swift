import FuzzSupport

// A closure, not `fuzz` itself: a C pointer to an `@_cdecl` function would emit its symbol twice.
FuzzDriver.run { data, size in fuzz(data, size) }
