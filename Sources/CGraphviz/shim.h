// Umbrella header for the system Graphviz libraries (libgvc, libcgraph, libcdt).
// The include path comes from `pkg-config --cflags libgvc` (see Package.swift). The only
// declarations of our own are graphviz242.h's: the layout of Graphviz 2.42's private
// HTML-label structures, used to free what that release leaks.
#ifndef EVENTGRAPH_CGRAPHVIZ_SHIM_H
#define EVENTGRAPH_CGRAPHVIZ_SHIM_H

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>
#include <graphviz/types.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include "graphviz242.h"

#endif
