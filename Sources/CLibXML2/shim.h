#ifndef CITED_CLIBXML2_SHIM_H
#define CITED_CLIBXML2_SHIM_H

/* Debian's libxml2 is built with ICU, and encoding.h then includes the system ICU headers,
   whose definitions clash with Foundation's bundled ICU in any Swift module that sees both
   ("'UErrorCode' has different definitions in different modules"). Cited never touches the
   encoding handler's ICU fields, so hide them. */
#include <libxml/xmlversion.h>
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/HTMLparser.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects as shared mutable
   state; a static inline wrapper is a plain function. */
static inline void cited_xml_free(void *pointer) { xmlFree(pointer); }

/* A deny-all external entity loader: no file, no network, ever. */
static xmlParserInputPtr cited_deny_entity_loader(const char *url, const char *id,
                                                  xmlParserCtxtPtr ctxt) {
  (void)url; (void)id; (void)ctxt;
  return NULL;
}

static inline void cited_install_deny_all_entity_loader(void) {
  xmlSetExternalEntityLoader(cited_deny_entity_loader);
}

#endif
