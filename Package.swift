// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "EventGraph",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "EventGraph", targets: ["EventGraph"]),
        .library(name: "EventGraphRendering", targets: ["EventGraphRendering"]),
        .executable(name: "eventgraph", targets: ["eventgraph"]),
        .executable(name: "eventgraph-bench", targets: ["eventgraph-bench"]),
        .executable(name: "eventgraph-soak", targets: ["eventgraph-soak"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // Core: model, schema, loader, validation, graph, views, queries, DOT/JSON writers. No CLI;
        // its only C is libyaml's parser, seen by the YAML reader (Reading/YAMLEventReader.swift).
        .target(
            name: "EventGraph",
            dependencies: ["CLibYAML"],
            // schema.yaml and the HTML page's files are compiled into the binary (see the
            // EmbedResources plugin), so a copied or installed binary needs no bundle beside it.
            exclude: ["Resources"],
            plugins: ["EmbedResources"]
        ),
        // Turns each file of a target's Resources folder into a string constant.
        .executableTarget(name: "embed-resources"),
        .plugin(name: "EmbedResources", capability: .buildTool(), dependencies: ["embed-resources"]),
        // The only module that sees libyaml's C API (YAML graphs are read through its events).
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // The only module that sees Graphviz's C API.
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        .target(
            name: "EventGraphRendering",
            dependencies: ["EventGraph", "CGraphviz"]
        ),
        .executableTarget(
            name: "eventgraph",
            dependencies: [
                "EventGraph",
                "EventGraphRendering",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Path-query benchmark on the files of benchmarks/generate.py (see docs/paths.md).
        .executableTarget(
            name: "eventgraph-bench",
            dependencies: ["EventGraph"]
        ),
        // Memory over many renders in one process (benchmarks/soak.sh).
        .executableTarget(
            name: "eventgraph-soak",
            dependencies: ["EventGraph", "EventGraphRendering"]
        ),
        .testTarget(
            name: "EventGraphTests",
            dependencies: ["EventGraph"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "EventGraphRenderingTests",
            dependencies: ["EventGraph", "EventGraphRendering"]
        ),
        .testTarget(
            name: "EventGraphCLITests",
            dependencies: ["eventgraph"]
        ),
    ]
)
