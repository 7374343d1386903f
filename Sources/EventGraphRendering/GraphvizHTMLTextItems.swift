import CGraphviz

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The text-item arrays of a laid-out graph's HTML-like labels, which Graphviz 2.42 does not
/// free (its `free_html_text` frees each line but not the line's `items`; see graphviz242.h).
///
/// ``GraphvizRenderer`` collects them after the layout, before `gvFreeLayout`, and frees
/// them once Graphviz has freed the labels, so that every allocation of a render is freed.
/// Only for the Graphviz release with the leak (``leaks(in:)``): a later release frees the
/// arrays itself and its label structures may differ.
struct GraphvizHTMLTextItems: ~Copyable {
    private var arrays: [UnsafeMutableRawPointer] = []

    /// Whether the Graphviz of `gvc` is the release whose HTML-like labels leak their text
    /// items: 2.42 (Debian 12 and Ubuntu 22.04/24.04 ship 2.42.2, which reports itself as
    /// `2.43.0`).
    static func leaks(in gvc: OpaquePointer) -> Bool {
        guard let version = gvcVersion(gvc) else { return false }
        let text = String(cString: version)
        return text.hasPrefix("2.42.") || text.hasPrefix("2.43.")
    }

    /// Collects the item arrays of every HTML-like label of `graph` (graph and cluster labels,
    /// node labels and external labels, edge labels, head, tail and external labels).
    init(collectingFrom graph: UnsafeMutablePointer<Agraph_t>) {
        collect(graph: graph)
        var node = agfstnode(graph)
        while let n = node {
            if let info = record(n, "Agnodeinfo_t", as: Agnodeinfo_t.self) {
                collect(info.pointee.label)
                collect(info.pointee.xlabel)
            }
            var edge = agfstout(graph, n)
            while let e = edge {
                if let info = record(e, "Agedgeinfo_t", as: Agedgeinfo_t.self) {
                    collect(info.pointee.label)
                    collect(info.pointee.xlabel)
                    collect(info.pointee.head_label)
                    collect(info.pointee.tail_label)
                }
                edge = agnxtout(graph, e)
            }
            node = agnxtnode(graph, n)
        }
    }

    /// Frees the collected arrays. Call after `gvFreeLayout` and `agclose`.
    consuming func release() {
        for array in arrays { free(array) }
    }

    private func record<T>(_ object: UnsafeMutableRawPointer, _ name: String, as type: T.Type) -> UnsafeMutablePointer<T>? {
        name.withCString { aggetrec(object, UnsafeMutablePointer(mutating: $0), 0) }
            .map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: T.self) }
    }

    /// The label of `graph` and of every subgraph below it that has layout data (clusters).
    private mutating func collect(graph: UnsafeMutablePointer<Agraph_t>) {
        if let info = record(graph, "Agraphinfo_t", as: Agraphinfo_t.self) { collect(info.pointee.label) }
        var subgraph = agfstsubg(graph)
        while let sub = subgraph {
            collect(graph: sub)
            subgraph = agnxtsubg(sub)
        }
    }

    private mutating func collect(_ label: UnsafeMutablePointer<textlabel_t>?) {
        guard let label, label.pointee.html != 0, let html = label.pointee.u.html else { return }
        collect(UnsafeMutableRawPointer(html).assumingMemoryBound(to: eg242_htmllabel.self).pointee)
    }

    private mutating func collect(_ label: eg242_htmllabel) {
        guard let content = label.u else { return }
        switch label.kind {
        case 1:  // HTML_TBL
            let table = content.assumingMemoryBound(to: eg242_htmltbl.self)
            // rc is -1 while the table is still in its parsed form (cells not yet placed).
            guard table.pointee.rc >= 0, var cell = table.pointee.cells else { return }
            while let current = cell.pointee {
                collect(current.pointee.child)
                cell += 1
            }
        case 2:  // HTML_TEXT
            let text = content.assumingMemoryBound(to: eg242_htmltxt.self).pointee
            guard let spans = text.spans else { return }
            for index in 0..<Int(max(0, text.nspans)) {
                if let items = spans[index].items { arrays.append(UnsafeMutableRawPointer(items)) }
            }
        default:  // HTML_IMAGE: nothing leaks
            return
        }
    }
}
