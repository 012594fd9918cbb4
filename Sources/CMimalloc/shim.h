// mimalloc, linked for its malloc and free (it overrides the C library's for the whole
// process); Swift calls nothing from it.
#include <mimalloc.h>
