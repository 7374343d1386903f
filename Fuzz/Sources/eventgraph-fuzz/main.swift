// libFuzzer entry point: the loader (YAML or JSON, by the first byte of the input) and, when
// the input loads, every writer that puts user strings into another language — each diagram's
// DOT, the HTML page and every export. A crash, a sanitizer report, a hang or a leak is a
// finding; an input error is the expected answer to most inputs.
import EventGraph

/// Small bounds, so one input cannot make the fuzzer wait on legitimately big work.
private let limits = InputLimits(maxFileBytes: 1 << 20, minExpandedNodes: 1 << 14)

private let exporters: [any GraphExporter] = [
    NodeLinkJSONExporter(), CSVExporter(), GraphMLExporter(), GEXFExporter(), CypherExporter(),
    Neo4jCSVExporter(), TimelineJSExporter(), KumuExporter(), MermaidExporter(),
]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let name = bytes[0] & 1 == 0 ? "fuzz.yaml" : "fuzz.json"
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    guard let graph = try? GraphLoader(limits: limits).load([InputDocument(name: name, text: text)]) else { return 0 }
    for view in DiagramView.allCases { _ = graph.diagram(view).text }
    let page = HTMLPage(graph: graph, diagram: graph.diagram(.actors))
    _ = page.html(svg: "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")
    for exporter in exporters { _ = exporter.export(graph) }
    return 0
}

/// libFuzzer's driver (`LLVMFuzzerRunDriver`, in libclang_rt.fuzzer): parses libFuzzer's
/// options and runs the loop.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// The entry point SwiftPM links as `main` for this executable: hands over to libFuzzer.
@_cdecl("eventgraph_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
