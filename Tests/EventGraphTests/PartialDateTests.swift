import Testing
@testable import EventGraph

struct PartialDateTests {
    @Test("year, month and day precision parse and print as written")
    func roundTrip() throws {
        for text in ["2025", "2025-03", "2025-03-14", "~2025-03", "~2024-02-29"] {
            #expect(try PartialDate(parsing: text).description == text)
        }
    }

    @Test("a partial date is the interval of days it covers")
    func intervals() throws {
        let march = try PartialDate(parsing: "2025-03").interval
        #expect(march.last - march.first == 30)
        #expect(march.first == PartialDate.dayNumber(year: 2025, month: 3, day: 1))
        let year = try PartialDate(parsing: "2024").interval
        #expect(year.last - year.first == 365) // 2024 is a leap year
        let feb = try PartialDate(parsing: "2023-02").interval
        #expect(feb.last - feb.first == 27)
    }

    @Test("invalid dates are rejected with a reason", arguments: ["2025-13", "2025-02-30", "2023-02-29", "25-01", "2025-1", "2025/01", "", "~", "2025-01-01-01"])
    func invalid(text: String) {
        #expect(throws: DateSyntaxError.self) { try PartialDate(parsing: text) }
    }

    @Test("day numbers round-trip through the civil calendar")
    func civilRoundTrip() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            let civil = PartialDate.civil(fromDayNumber: day)
            #expect(PartialDate.dayNumber(year: civil.year, month: civil.month, day: civil.day) == day)
        }
        #expect(PartialDate.dayNumber(year: 1970, month: 1, day: 1) == 0)
    }

    @Test("ordering of overlapping partial dates is possible, not certain")
    func ordering() throws {
        let march = try PartialDate(parsing: "2025-03").interval
        let march14 = try PartialDate(parsing: "2025-03-14").interval
        let april = try PartialDate(parsing: "2025-04-02").interval
        #expect(march.ordering(to: april) == .certain)
        #expect(march.ordering(to: march14) == .possible)
        #expect(march14.ordering(to: march) == .possible)
        #expect(april.ordering(to: march) == .impossible)
        #expect(march14.ordering(to: march14) == .certain)
        #expect(march14.ordering(to: march14, strict: true) == .impossible)
    }

    @Test("events of mixed precision sort by the start of their interval, then by id")
    func mixedPrecisionOrdering() throws {
        func event(_ id: String, _ date: String) throws -> Event {
            Event(id: id, kind: "other", date: .on(try PartialDate(parsing: date)), title: id)
        }
        let graph = GraphView(events: [try event("d", "2025-03-14"), try event("b", "2025"), try event("c", "2025-03"),
                                   try event("a", "2024-12-31")])
        #expect(graph.chronologicalEvents.map(\.id) == ["a", "b", "c", "d"])
    }
}
