import Foundation
import Testing

/// The HTML page of the hostile-URL corpus in headless Chromium
/// (scripts/readers/check_hostile_page.py): no link but http, https and mailto, and clicking
/// every hostile citation opens no dialog, navigates nowhere and requests nothing.
struct HostilePageTests {
    @Test("clicking every hostile citation in the page's details pane opens no dialog, navigates nowhere, requests nothing")
    func hostileLinksInBrowser() throws {
        let python = CommandRunner.packageRoot.appendingPathComponent(".venv-readers/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path),
                     "the readers are not installed: run scripts/setup-readers.sh (scripts/test.sh does)")
        let outcome = try ExportCommandTests.run(python, [
            "scripts/readers/check_hostile_page.py", "--bin", CommandRunner.binary.path,
            "--graph", "Tests/EventGraphTests/Fixtures/hostile/urls.yaml", "--event", "cited",
        ])
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("check_hostile_page: ok:"), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("13 hostile citations clicked"))
    }
}
