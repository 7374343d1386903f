// Graphviz 2.42 internals that EventGraphRendering needs to free what Graphviz 2.42 leaks.
// Three leaks are worked around; the third (bold/italic text through pango) is in
// GraphvizTextLayout.swift, and a fourth is avoided by the diagrams (HTMLGrid.swift).
//
// Graphviz 2.42's free_html_text (lib/common/htmltable.c) frees each line of an HTML-like
// label's text but not the line's array of text items (`htextspan_t.items`, 72 bytes an item),
// so every HTML-like label leaks its items on every layout; later Graphviz releases free them.
// The renderer walks the laid-out graph's HTML-like labels before gvFreeLayout, keeps the
// `items` pointers, and frees them after Graphviz has freed the rest
// (GraphvizRenderer+HTMLLabels.swift), only when the linked library says it is 2.42/2.43.0.
//
// The label structures are private to Graphviz (lib/common/htmltable.h, not installed), so
// their 2.42 layout is declared here under other names. Only the fields up to those read are
// needed, but each struct is declared whole so that the offsets match.
#ifndef EVENTGRAPH_GRAPHVIZ242_H
#define EVENTGRAPH_GRAPHVIZ242_H

#include <graphviz/types.h>

// The neato plugin's mode flag (lib/common/globals.h, exported by libgvc). Its cleanup frees a
// `nop2` layout's node list (`GD_neato_nlist`) only while Nop is set, but `nop2_layout` resets
// it to 0 when the layout ends, so every pinned layout leaks the list (8 bytes a node). The
// renderer sets it to 2 around gvFreeLayout of a pinned layout.
extern int Nop;
static inline void eg242_setNop(int value) { Nop = value; }

typedef struct eg242_htmltbl eg242_htmltbl;
typedef struct eg242_htmlcell eg242_htmlcell;

typedef struct {
    textspan_t *items;
    short nitems;
    char just;
    double size;
    double lfsize;
} eg242_htextspan;

typedef struct {
    eg242_htextspan *spans;
    short nspans;
    char simple;
    boxf box;
} eg242_htmltxt;

typedef struct {
    char *href;
    char *port;
    char *target;
    char *title;
    char *id;
    char *bgcolor;
    char *pencolor;
    int gradientangle;
    signed char space;
    unsigned char border;
    unsigned char pad;
    unsigned char sides;
    unsigned short flags;
    unsigned short width;
    unsigned short height;
    unsigned short style;
    boxf box;
} eg242_htmldata;

/// `htmllabel_t`: kind 1 = table, 2 = text, 3 = image.
typedef struct {
    void *u;
    char kind;
} eg242_htmllabel;

struct eg242_htmltbl {
    eg242_htmldata data;
    /// After layout (`rc >= 0`): `u.n.parent`, `u.n.cells` (a NULL-terminated array).
    eg242_htmlcell *parent;
    eg242_htmlcell **cells;
    signed char cb;
    int *heights;
    int *widths;
    int rc;
    int cc;
    textfont_t *font;
    unsigned char flags;
};

struct eg242_htmlcell {
    eg242_htmldata data;
    unsigned short cspan;
    unsigned short rspan;
    unsigned short col;
    unsigned short row;
    eg242_htmllabel child;
    eg242_htmltbl *parent;
    unsigned char ruled;
};

#endif
