// swift-tools-version: 6.1
// The coverage-guided fuzzer of EventGraph's loader and writers (libFuzzer). A package of its
// own so that ordinary builds never see a target without `main`; run it with scripts/fuzz.sh.
import PackageDescription

let package = Package(
    name: "EventGraphFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "EventGraph", path: "..")],
    targets: [
        // Every module is built with AddressSanitizer and coverage (scripts/fuzz.sh passes
        // the flags); only this one links libFuzzer, whose `main` drives the entry point.
        .executableTarget(
            name: "eventgraph-fuzz",
            dependencies: [.product(name: "EventGraph", package: "EventGraph")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])],
            linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
        ),
    ]
)
