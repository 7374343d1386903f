/// The rules that need every event's date: relative dates (`after:`, `before:`, `within:`)
/// resolved by interval constraint propagation, and actor lifespans (`since`/`until`)
/// against the events that involve the actors. Run after the records are read, before the
/// store is built.
extension GraphStoreBuilder {
    /// `day(later) ≥ day(earlier)`, and with `within`, `day(later) ≤ day(earlier) + within`.
    struct Constraint { var later: Int; var earlier: Int; var within: Int? }

    /// An event dated relative to others, as read.
    struct RelativeNote {
        var row: Int
        var references: [(id: String, isAfter: Bool, mark: PackedLocation)]
        var within: Int?
        var withinMark: PackedLocation
        /// The date the event also gives (`date:`), which the constraints narrow.
        var given: DayInterval?
    }

    /// Notes the relative date of the event added last.
    mutating func noteRelativeDate(ofLastEvent references: [(id: String, isAfter: Bool, mark: PackedLocation)],
                                   within mark: PackedLocation, given: DayInterval?) {
        let row = events.count - 1
        relativeNotes.append(RelativeNote(row: row, references: references, within: events.relativeDate(row)?.within,
                                          withinMark: mark, given: given))
    }

    /// Resolves every relative date into the narrowest interval its constraints allow and
    /// stores it as the event's date.
    ///
    /// The constraints are difference constraints between event days: `A after B` is
    /// `day(A) ≥ day(B)`, `within: w` adds `day(A) ≤ day(B) + w`. Every event involved is a
    /// variable whose domain starts as its own date's days (unbounded for an event dated only
    /// relatively); bounds are propagated until nothing changes (all weights are ≥ 0, so this
    /// is Bellman–Ford and stops within one pass per variable). Only the events that carry
    /// constraints get the result; the dates of the events they point at stay as written.
    ///
    /// Errors: an id that names no event, a cycle of `after`/`before` (named in order), a
    /// contradiction (named by the chains of events that force the two bounds), and an event
    /// left open-ended.
    mutating func resolveRelativeDates(files: [String]) -> [Diagnostic] {
        guard !relativeNotes.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        func place(_ mark: PackedLocation) -> SourceLocation {
            mark.raw == 0 ? SourceLocation(file: files.first ?? "graph", line: 1, column: 1) : mark.location(files: files)
        }
        func eventID(_ row: Int) -> String { symbols.string(eventSymbols[row]) }
        var eventIDs: [String]?

        // Variables: the days of the events involved — one for an event with one date, two
        // (its first and its last day) for a span: "after" a span counts from its end,
        // "before" it from its start.
        var variable: [Int: Int] = [:]  // key: row * 2 + (1 for a span's end)
        // The note of each relatively dated row (one look-up, not a scan per use).
        let noteOfRow = Dictionary(relativeNotes.enumerated().map { ($1.row, $0) }, uniquingKeysWith: { a, _ in a })
        var rows: [Int] = []
        var constraints: [Constraint] = []
        func variableOf(_ row: Int, end: Bool = false) -> Int {
            let isSpan: Bool
            if case .span = events.date(row), noteOfRow[row] == nil { isSpan = true } else { isSpan = false }
            let key = row * 2 + (isSpan && end ? 1 : 0)
            if let v = variable[key] { return v }
            variable[key] = rows.count
            rows.append(row)
            if isSpan {
                // Both ends of a span: its start is not after its end.
                let other = row * 2 + (end ? 0 : 1)
                variable[other] = rows.count
                rows.append(row)
                let (s, e) = end ? (rows.count - 1, rows.count - 2) : (rows.count - 2, rows.count - 1)
                constraints.append(Constraint(later: e, earlier: s, within: nil))
                spanEnds[s] = false
                spanEnds[e] = true
            }
            return variable[key]!
        }
        var spanEnds: [Int: Bool] = [:]
        var carries = Set<Int>()
        var failed = false
        for note in relativeNotes {
            let a = variableOf(note.row)
            carries.insert(a)
            let hasAfter = note.references.contains { $0.isAfter }
            for reference in note.references {
                guard let s = symbols.lookup(reference.id), categoryOf(s) == .event, ordinal[Int(s)] >= 0 else {
                    let key = reference.isAfter ? "after" : "before"
                    if let s = symbols.lookup(reference.id), categoryOf(s) == .event { failed = true; continue }  // its record had errors
                    if eventIDs == nil {
                        eventIDs = (0..<events.count).map(eventID).sorted()
                    }
                    let what = symbols.lookup(reference.id).map { categoryOf($0) == .actor ? "an actor" : categoryOf($0) == .source ? "a source" : nil } ?? nil
                    diagnostics.append(Diagnostic(place(reference.mark), what.map { "'\(key)' names '\(reference.id)', \($0); dates are relative to events" }
                        ?? "'\(key)' names unknown event '\(reference.id)'\(Suggestions.phrase(for: reference.id, among: eventIDs!))"))
                    failed = true
                    continue
                }
                let other = Int(ordinal[Int(s)])
                if other == note.row {
                    diagnostics.append(Diagnostic(place(reference.mark), "event '\(eventID(note.row))' is dated relative to itself"))
                    failed = true
                    continue
                }
                let b = variableOf(other, end: reference.isAfter)
                let within = reference.isAfter || !hasAfter ? note.within : nil
                constraints.append(reference.isAfter ? Constraint(later: a, earlier: b, within: within)
                                                     : Constraint(later: b, earlier: a, within: within))
            }
        }
        guard !failed else { return diagnostics }
        let n = rows.count

        // A cycle of "after" is an error whatever the dates: name it in order.
        var successors = [[Int]](repeating: [], count: n)
        for c in constraints { successors[c.earlier].append(c.later) }
        var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on the stack, 2 done
        var reported = Set<Int>()
        for start in 0..<n where state[start] == 0 {
            var stack: [(node: Int, next: Int)] = [(start, 0)]
            var path = [start]
            state[start] = 1
            while let top = stack.last {
                if top.next < successors[top.node].count {
                    stack[stack.count - 1].next += 1
                    let m = successors[top.node][top.next]
                    if state[m] == 0 {
                        state[m] = 1
                        stack.append((m, 0))
                        path.append(m)
                    } else if state[m] == 1, let at = path.firstIndex(of: m) {
                        let cycle = Array(path[at...])
                        guard reported.insert(cycle.min()!).inserted else { continue }
                        let names = (cycle + [m]).map { "'\(eventID(rows[$0]))'" }.joined(separator: " → ")
                        let anchor = relativeNotes.first { cycle.contains(variable[$0.row * 2]!) }!
                        diagnostics.append(Diagnostic(place(anchor.references.first?.mark ?? PackedLocation(raw: 0)),
                                                      "relative dates form a cycle: \(names), each after the one before"))
                    }
                } else {
                    state[top.node] = 2
                    stack.removeLast()
                    path.removeLast()
                }
            }
        }
        guard diagnostics.isEmpty else { return diagnostics }

        // Domains, and for each bound the variable it came from (-1: the event's own date).
        var lo = [Int](repeating: Int.min, count: n), hi = [Int](repeating: Int.max, count: n)
        var loFrom = [Int](repeating: -1, count: n), hiFrom = [Int](repeating: -1, count: n)
        for v in 0..<n {
            let row = rows[v]
            var own: DayInterval? = carries.contains(v) ? noteOfRow[row].flatMap { relativeNotes[$0].given } : events.date(row).interval
            if let isEnd = spanEnds[v], case let .span(start, end) = events.date(row) { own = isEnd ? end.interval : start.interval }
            if let own { lo[v] = own.first; hi[v] = own.last }
        }
        func plus(_ x: Int, _ d: Int) -> Int { x == Int.min || x == Int.max ? x : x + d }
        // A work list (each variable whose bound moved looks at its constraints again), so a
        // chain settles in one sweep whatever order it was written in; bounded all the same.
        var incident = [[Int]](repeating: [], count: n)
        for (i, c) in constraints.enumerated() {
            incident[c.later].append(i)
            incident[c.earlier].append(i)
        }
        var queue = Array(0..<n)
        var queued = [Bool](repeating: true, count: n)
        var head = 0
        var steps = 0
        let maxSteps = 64 * (n + constraints.count) + 100_000
        func moved(_ v: Int) {
            if !queued[v] { queued[v] = true; queue.append(v) }
        }
        while head < queue.count {
            let v = queue[head]
            head += 1
            queued[v] = false
            if head > 4096 && head * 2 > queue.count { queue.removeFirst(head); head = 0 }
            for i in incident[v] {
                steps += 1
                let c = constraints[i]
                // later ≥ earlier
                if lo[c.earlier] > lo[c.later] { lo[c.later] = lo[c.earlier]; loFrom[c.later] = c.earlier; moved(c.later) }
                if hi[c.later] < hi[c.earlier] { hi[c.earlier] = hi[c.later]; hiFrom[c.earlier] = c.later; moved(c.earlier) }
                guard let w = c.within else { continue }
                // later ≤ earlier + w
                if plus(hi[c.earlier], w) < hi[c.later] { hi[c.later] = plus(hi[c.earlier], w); hiFrom[c.later] = c.earlier; moved(c.later) }
                if plus(lo[c.later], -w) > lo[c.earlier] { lo[c.earlier] = plus(lo[c.later], -w); loFrom[c.earlier] = c.later; moved(c.earlier) }
            }
            if steps > maxSteps {
                let anchor = relativeNotes[0]
                return [Diagnostic(place(anchor.references.first?.mark ?? PackedLocation(raw: 0)),
                                   "the relative dates need more than \(maxSteps) steps to resolve; split long chains of 'after'/'before' with dates")]
            }
        }
        func chain(_ v: Int, _ from: [Int]) -> [Int] {
            var result = [v]
            var seen: Set<Int> = [v]
            while let u = result.last.map({ from[$0] }), u >= 0, seen.insert(u).inserted { result.append(u) }
            return result
        }
        func day(_ d: Int) -> String { DayInterval.isoDate(d) }
        for v in 0..<n where lo[v] > hi[v] {
            let early = chain(v, loFrom), late = chain(v, hiFrom)
            let anchor = noteOfRow[rows[v]].map { relativeNotes[$0] } ?? relativeNotes.first { carries.contains(variable[$0.row * 2]!) && (early + late).contains(variable[$0.row * 2]!) }!
            let earlyNames = early.reversed().map { "'\(eventID(rows[$0]))'" }.joined(separator: " → ")
            let lateNames = late.map { "'\(eventID(rows[$0]))'" }.joined(separator: " → ")
            diagnostics.append(Diagnostic(place(anchor.references.first?.mark ?? PackedLocation(raw: 0)),
                "relative dates contradict each other: '\(eventID(rows[v]))' must be on or after \(day(lo[v])) (\(earlyNames)) and on or before \(day(hi[v])) (\(lateNames))"))
            break
        }
        guard diagnostics.isEmpty else { return diagnostics }
        for note in relativeNotes {
            let v = variable[note.row * 2]!
            guard lo[v] != Int.min, hi[v] != Int.max else {
                let side = lo[v] == Int.min && hi[v] == Int.max ? "no earliest and no latest day" : lo[v] == Int.min ? "no earliest day" : "no latest day"
                diagnostics.append(Diagnostic(place(note.references.first?.mark ?? PackedLocation(raw: 0)),
                    "the relative date of event '\(eventID(note.row))' is open-ended (\(side)): add 'within:', another 'after:'/'before:' event, or a 'date:'"))
                continue
            }
            events.setDate(note.row, EventDate.day(in: DayInterval(first: lo[v], last: hi[v])))
        }
        return diagnostics
    }

    /// Events that involve an actor outside its lifespan: an error when certain (the event's
    /// days all lie before the actor's `since` or after its `until`), a warning when possible
    /// (the partial dates overlap). An event with exactly the actor's `since` (or `until`)
    /// date is its founding (or ending) and passes.
    func lifespanDiagnostics(files: [String]) -> [Diagnostic] {
        guard actors.contains(where: \.hasLifespan) else { return [] }
        var diagnostics: [Diagnostic] = []
        for row in 0..<events.count {
            let date = events.date(row)
            let days = date.interval
            for i in events.roleRange(row) {
                let s = Int(events.roleTarget[i])
                guard categoryOf(Int32(s)) == .actor, ordinal[s] >= 0 else { continue }
                let actor = actors[Int(ordinal[s])]
                guard actor.hasLifespan else { continue }
                let here = PackedLocation(raw: events.roleMark[i]).location(files: files)
                let event = "event '\(symbols.string(eventSymbols[row]))' (\(date))"
                if let since = actor.since, days != since.interval {
                    if days.last < since.interval.first {
                        diagnostics.append(Diagnostic(here, "\(event) involves '\(actor.id)' before it existed (since \(since))"))
                    } else if days.first < since.interval.last {
                        diagnostics.append(Diagnostic(here, "\(event) may involve '\(actor.id)' before it existed (since \(since))", severity: .warning))
                    }
                }
                if let until = actor.until, days != until.interval {
                    if days.first > until.interval.last {
                        diagnostics.append(Diagnostic(here, "\(event) involves '\(actor.id)' after it ended (until \(until))"))
                    } else if days.last > until.interval.first {
                        diagnostics.append(Diagnostic(here, "\(event) may involve '\(actor.id)' after it ended (until \(until))", severity: .warning))
                    }
                }
            }
        }
        return diagnostics
    }
}
