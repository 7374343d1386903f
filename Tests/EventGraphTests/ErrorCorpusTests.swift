import Foundation
import Testing
@testable import EventGraph

/// Each file in Fixtures/errors is an invalid graph whose `# expect: LINE:COLUMN: error: …`
/// header lines are exactly the diagnostics `validate` must print, in order.
struct ErrorCorpusTests {
    static let folder = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/errors")

    static let cases: [String] = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
        .filter { $0.hasSuffix(".yaml") }.sorted() ?? []

    @Test("the error corpus is not empty and covers every error kind")
    func corpusIsPresent() {
        #expect(Self.cases.count >= 15)
    }

    @Test("each invalid input yields its exact messages and positions", arguments: cases)
    func diagnosticsMatchExpectations(file: String) throws {
        let path = Self.folder.appendingPathComponent(file).path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let expected = text.split(separator: "\n")
            .filter { $0.hasPrefix("# expect: ") }
            .map { "\(file):" + $0.dropFirst("# expect: ".count) }
        #expect(!expected.isEmpty, "fixture \(file) states no expectation")
        let error = #expect(throws: InputError.self) {
            _ = try GraphLoader().load([InputDocument(name: file, text: text)])
        }
        #expect(error?.diagnostics.map(\.description) == expected)
    }
}
