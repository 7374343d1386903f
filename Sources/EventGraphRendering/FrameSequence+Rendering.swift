import EventGraph

/// One file of a rendered frame sequence: a frame (`2025-03.svg`) or the animation (`animation.svg`).
public struct FrameFile: Sendable, Equatable {
    /// The file name inside the output folder; frames sort by name in date order.
    public let name: String
    public let bytes: [UInt8]
}

extension FrameSequence {
    /// The name of the animated SVG written beside the frames.
    public static let animationFileName = "animation.svg"

    /// Lays the union out once with `layout` (the slow step; every frame reuses it).
    /// - Throws: ``GraphvizError`` from Graphviz, or ``FrameError`` if its answer cannot be read.
    public func layOut(with layout: GraphvizLayout, renderer: GraphvizRenderer = .shared) throws -> (FrameLayout, warnings: [String]) {
        let result = try renderer.layoutDOT(layoutDocument.text, layout: layout, format: .json)
        return (try FrameLayout(graphvizJSON: result.bytes), result.warnings)
    }

    /// Draws every frame in `format` (DOT: the pinned documents, for inspection) with the
    /// positions of `layout`, and the animated SVG. Each drawing is one Graphviz run with
    /// the pinned engine (`nop2`); its errors are its own.
    /// - Returns: the files in order (frames, then ``animationFileName``) and Graphviz's warnings.
    public func draw(_ layout: FrameLayout, format: GraphvizFormat?, renderer: GraphvizRenderer = .shared) throws -> ([FrameFile], warnings: [String]) {
        var files: [FrameFile] = []
        var warnings: [String] = []
        for index in frames.indices {
            let document = try frameDocument(index, layout: layout)
            let name = frames[index].description + "." + (format?.fileExtension ?? "dot")
            guard let format else {
                files.append(FrameFile(name: name, bytes: Array(document.text.utf8)))
                continue
            }
            let result = try renderer.render(dot: document.text, layout: .pinned, format: format)
            files.append(FrameFile(name: name, bytes: result.bytes))
            warnings += result.warnings
        }
        let animation = try renderer.render(dot: try animationDocument(layout: layout).text, layout: .pinned, format: .svg)
        files.append(FrameFile(name: Self.animationFileName, bytes: Array(animatedSVG(animation.text).utf8)))
        warnings += animation.warnings
        var seen = Set<String>()
        return (files, warnings.filter { seen.insert($0).inserted })
    }
}
