// Umbrella header for the system Graphviz libraries (libgvc, libcgraph, libcdt).
// Nothing from Graphviz's headers is copied here; the include path comes from
// `pkg-config --cflags libgvc` (see Package.swift).
#ifndef EVENTGRAPH_CGRAPHVIZ_SHIM_H
#define EVENTGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#endif
