import Foundation

extension PathNetwork {
    /// Loads the files and folders at `paths` for path queries.
    ///
    /// When every input is a `.json` file without a `schema:` section, the fast loader
    /// (``LinkGraphLoader``) reads them straight into a ``LinkGraph``: a hand-written UTF-8 JSON
    /// scanner over the file bytes that applies the same validation as ``GraphLoader`` and
    /// reports `FILE:LINE:COLUMN` errors, keeping only actors and sources as records. Otherwise
    /// (YAML, mixed input, schema extensions) it loads the ``Graph`` with ``GraphLoader`` and
    /// builds the link graph from it.
    /// - Throws: ``InputError`` with every problem found.
    public static func load(paths: [String], baseSchema: Schema = .builtIn) throws(InputError) -> PathNetwork {
        let files = try GraphLoader.inputFiles(paths)
        if !files.isEmpty, files.allSatisfy({ $0.lowercased().hasSuffix(".json") }),
           let network = try LinkGraphLoader(baseSchema: baseSchema).loadIfPossible(files: files) {
            return network
        }
        return PathNetwork(graph: try GraphLoader(baseSchema: baseSchema).load(paths: paths))
    }
}
