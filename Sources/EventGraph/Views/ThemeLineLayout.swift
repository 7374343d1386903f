/// The computed geometry of a theme-line chart, in points, with y growing downwards.
///
/// - **Lanes**: one horizontal line per actor, ``Configuration/laneSpacing`` apart, named on
///   the left. Chosen explicitly, or the most connected actors ordered so that actors who
///   share events sit next to each other.
/// - **Time axis**: x is proportional to time between the first day of the first month and the
///   first day of the month after the last; ``ticks`` mark month and year boundaries and
///   ``axisLabels`` name months (or quarters) and years as the scale allows.
/// - **Marks**: an event is a mark on the lane of every participant (directly, or through an
///   event named in a role). A date known to the day is a dot; a partial date (`2025-03`,
///   `~2025`) or a span is a bar covering its whole interval. Marks that would overlap on one
///   lane are moved to sub-tracks just above and below the lane line.
/// - **Connectors**: a vertical line through an event's marks across lanes.
/// - **Labels**: each event's date and title, in rows stacked above the lanes, joined to the
///   event's topmost mark by a dotted leader. Rows are filled right to left with labels that
///   start at their leader, so no label overlaps another label or crosses another leader.
public struct ThemeLineLayout: Sendable {
    /// Sizes and limits of the chart.
    public struct Configuration: Sendable, Equatable {
        /// Distance between lanes.
        public var laneSpacing: Double = 34
        /// Width of a month while the axis stays within ``maximumAxisWidth``.
        public var monthWidth: Double = 72
        public var minimumAxisWidth: Double = 480
        public var maximumAxisWidth: Double = 2400
        /// Font size of event labels, and the height of a label row.
        public var labelFontSize: Double = 8
        public var labelRowHeight: Double = 12
        /// Event labels longer than this are cut with `…`.
        public var maximumLabelWidth: Double = 190
        /// Charts with more events than this draw no event labels (tooltips still name them).
        public var maximumLabels: Int = 150
        public var laneLabelFontSize: Double = 10
        public var margin: Double = 12
        public var dotDiameter: Double = 7
        /// Vertical distance between sub-tracks of one lane.
        public var trackSpacing: Double = 5
        /// Sub-tracks per lane (the lane line, then alternately above and below it).
        public var maximumTracks: Int = 5

        public init() {}
    }

    /// An axis-aligned rectangle.
    public struct Box: Sendable, Equatable {
        public var minX: Double, minY: Double, maxX: Double, maxY: Double

        public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
            self.minX = minX
            self.minY = minY
            self.maxX = maxX
            self.maxY = maxY
        }

        public var width: Double { maxX - minX }
        public var height: Double { maxY - minY }
        public var midX: Double { (minX + maxX) / 2 }
        public var midY: Double { (minY + maxY) / 2 }

        /// Whether the two rectangles share interior points (touching edges do not count).
        public func intersects(_ other: Box) -> Bool {
            minX < other.maxX && other.minX < maxX && minY < other.maxY && other.minY < maxY
        }
    }

    /// One actor's lane.
    public struct Lane: Sendable, Equatable {
        public var index: Int
        public var actorID: String
        /// The actor's name in the chosen language.
        public var name: String
        public var kind: String
        public var y: Double
        /// Where the name is drawn, right-aligned before the axis.
        public var labelBox: Box
        /// The lane line's extent: the whole axis, or the actor's lifespan (`since`…`until`)
        /// within it, so a line starts and ends with the actor.
        public var lineStart: Double
        public var lineEnd: Double
    }

    /// A month or year boundary on the time axis.
    public struct Tick: Sendable, Equatable {
        public enum Level: String, Sendable { case month, year }
        public var level: Level
        /// The first day of the month or year (day number).
        public var day: Int
        public var x: Double
    }

    /// Text under the axis: a month (or quarter) name centred on its month, or a year.
    public struct AxisLabel: Sendable, Equatable {
        public enum Row: Int, Sendable { case months, years }
        public var text: String
        public var row: Row
        /// The centre of the text.
        public var x: Double
        public var y: Double
    }

    /// An event on one lane.
    public struct Mark: Sendable, Equatable {
        public var eventID: String
        public var actorID: String
        public var lane: Int
        /// The sub-track (0 on the lane line).
        public var track: Int
        /// The left and right ends: the first day of the event's interval and the day after
        /// its last (clipped to the axis). A dot's ends are its centre ± its radius.
        public var xStart: Double
        public var xEnd: Double
        /// The centre of the event's interval.
        public var x: Double
        public var y: Double
        /// True for a bar (a partial date or a span), false for a dot (a date known to the day).
        public var isSpan: Bool
        /// The date was written with `~`.
        public var approximate: Bool
    }

    /// The vertical line joining an event's marks on several lanes.
    public struct Connector: Sendable, Equatable {
        public var eventID: String
        public var x: Double
        public var top: Double
        public var bottom: Double
    }

    /// An event's label and the dotted leader from it down to the event's topmost mark.
    public struct Label: Sendable, Equatable {
        public var eventID: String
        /// `DATE title`, cut to ``Configuration/maximumLabelWidth``.
        public var text: String
        /// The date part of ``text``, as written.
        public var date: String
        /// The estimated extent of the text.
        public var box: Box
        /// The row above the lanes, 0 nearest them.
        public var row: Int
        public var leaderX: Double
        public var leaderTop: Double
        public var leaderBottom: Double
    }

    public let configuration: Configuration
    public let lanes: [Lane]
    public let ticks: [Tick]
    public let axisLabels: [AxisLabel]
    public let marks: [Mark]
    public let connectors: [Connector]
    public let labels: [Label]
    /// The events drawn (those with at least one participant on a lane), in date order.
    public let events: [Event]
    /// Events drawn without a label because there are more than ``Configuration/maximumLabels``.
    public let unlabelledEvents: Int
    /// Without a window: events left off the axis because they lie far before the rest (a few
    /// outliers would stretch the axis over decades), and the first day of the axis that
    /// leaves them off; a note on the chart says so.
    public let eventsBeforeAxis: Int
    public let trimmedStart: Int?
    /// The first day on the axis and the day after the last.
    public let startDay: Int
    public let endDay: Int
    public let axisLeft: Double
    public let axisRight: Double
    public let axisY: Double
    /// The y of the first lane minus half a lane spacing: the top of the lane area.
    public let lanesTop: Double
    public let width: Double
    /// The bottom of the axis labels.
    public let height: Double

    /// Lays out a theme-line chart.
    /// - Parameters:
    ///   - graph: the (filtered) graph.
    ///   - actors: lane actor ids in order; empty chooses ``chooseLanes(in:count:)``.
    ///   - laneCount: how many lanes to choose when `actors` is empty.
    ///   - language: BCP 47 tag for lane names.
    ///   - window: days the axis is limited to (open sides fit the events); marks are clipped.
    ///   - configuration: sizes and limits.
    /// - Complexity: O(E·p + M log M + L·R·K): E events with p participants, M marks, and L
    ///   labels placed in R rows holding K obstacles each (labels are capped at
    ///   ``Configuration/maximumLabels``).
    public init(graph: GraphView, actors: [String] = [], laneCount: Int = DiagramOptions.defaultLanes, language: String? = nil,
                window: DayInterval? = nil, configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let c = configuration
        var laneIDs: [String] = []
        for id in actors.isEmpty ? ThemeLineLayout.chooseLanes(in: graph, count: laneCount) : actors
        where !laneIDs.contains(id) && graph.hasActor(id) {
            laneIDs.append(id)
        }
        let laneIndex = Dictionary(uniqueKeysWithValues: laneIDs.enumerated().map { ($1, $0) })
        let flattened = graph.flattenedActors(of: graph.events)

        // Events with a participant on a lane, within the window.
        var drawn: [(event: Event, lanes: [Int])] = []
        for event in graph.chronologicalEvents {
            if let window, !event.date.interval.overlaps(window) { continue }
            var onLanes: [Int] = []
            for id in (flattened[event.id] ?? []) + event.allParticipants {
                if let lane = laneIndex[id], !onLanes.contains(lane) { onLanes.append(lane) }
            }
            if !onLanes.isEmpty { drawn.append((event, onLanes.sorted())) }
        }
        // Outliers: when at most one event in twenty starts long before the rest (more than
        // two years, and more than the rest of the axis), the axis starts with the rest; events
        // wholly before it are counted for the note, longer ones are clipped like a window's.
        var trimmedStart: Int?
        var eventsBeforeAxis = 0
        if window?.first ?? Int.min == Int.min, drawn.count >= 20 {
            let firsts = drawn.map(\.event.date.interval.first).sorted()
            let lastDay = drawn.map(\.event.date.interval.last).max()!
            let candidate = firsts[drawn.count / 20]
            if candidate - firsts[0] > 730 && candidate - firsts[0] > lastDay - candidate {
                trimmedStart = candidate
                eventsBeforeAxis = drawn.count { $0.event.date.interval.last < candidate }
                drawn.removeAll { $0.event.date.interval.last < candidate }
            }
        }
        self.trimmedStart = trimmedStart
        self.eventsBeforeAxis = eventsBeforeAxis
        events = drawn.map(\.event)

        // The axis: whole months from the first to the last drawn day.
        var first = drawn.map(\.event.date.interval.first).min() ?? graph.dateRange?.first ?? PartialDate.dayNumber(year: 2025, month: 1, day: 1)
        var last = drawn.map(\.event.date.interval.last).max() ?? graph.dateRange?.last ?? first + 364
        if let window {
            if window.first != Int.min { first = window.first }
            if window.last != Int.max { last = window.last }
        }
        if let trimmedStart { first = trimmedStart }
        if last < first { last = first }
        let startCivil = PartialDate.civil(fromDayNumber: first), endCivil = PartialDate.civil(fromDayNumber: last)
        startDay = PartialDate.dayNumber(year: startCivil.year, month: startCivil.month, day: 1)
        endDay = endCivil.month == 12 ? PartialDate.dayNumber(year: endCivil.year + 1, month: 1, day: 1)
            : PartialDate.dayNumber(year: endCivil.year, month: endCivil.month + 1, day: 1)
        let months = (endCivil.year - startCivil.year) * 12 + endCivil.month - startCivil.month + 1
        let axisWidth = min(c.maximumAxisWidth, max(c.minimumAxisWidth, Double(months) * c.monthWidth))
        let pointsPerDay = axisWidth / Double(endDay - startDay)

        // Lane names, right-aligned before the axis.
        let names = laneIDs.map { graph.actor($0)!.displayName(language: language) }
        let nameWidth = names.map { TextMetrics.width($0, fontSize: c.laneLabelFontSize) }.max() ?? 0
        axisLeft = c.margin + nameWidth + 14
        axisRight = axisLeft + axisWidth
        let startDay = self.startDay, axisLeft = self.axisLeft
        func x(_ day: Double) -> Double { axisLeft + (day - Double(startDay)) * pointsPerDay }

        // Marks, before their y is known: lane, horizontal extent, sub-track.
        struct Pending { var event: Int; var lane: Int; var xStart: Double; var xEnd: Double; var x: Double; var isSpan: Bool; var track = 0 }
        var pending: [Pending] = []
        var eventX: [Double] = []
        for (index, item) in drawn.enumerated() {
            let interval = item.event.date.interval
            let from = max(interval.first, startDay), through = min(interval.last, endDay - 1)
            let left = x(Double(from)), right = x(Double(through + 1))
            let isSpan = interval.first != interval.last
            let centre = (left + right) / 2
            eventX.append(centre)
            for lane in item.lanes {
                let r = c.dotDiameter / 2
                pending.append(Pending(event: index, lane: lane, xStart: isSpan ? left : centre - r, xEnd: isSpan ? right : centre + r,
                                       x: centre, isSpan: isSpan))
            }
        }
        var byLane: [Int: [Int]] = [:]
        for (i, mark) in pending.enumerated() { byLane[mark.lane, default: []].append(i) }
        for lane in byLane.keys.sorted() {
            let order = byLane[lane]!.sorted { (pending[$0].xStart, pending[$0].xEnd, $0) < (pending[$1].xStart, pending[$1].xEnd, $1) }
            var trackEnds: [Double] = []
            for i in order {
                let gap = 1.5
                if let free = trackEnds.firstIndex(where: { $0 + gap <= pending[i].xStart }) {
                    pending[i].track = free
                    trackEnds[free] = pending[i].xEnd
                } else if trackEnds.count < c.maximumTracks {
                    pending[i].track = trackEnds.count
                    trackEnds.append(pending[i].xEnd)
                } else {
                    let least = trackEnds.indices.min { (trackEnds[$0], $0) < (trackEnds[$1], $1) }!
                    pending[i].track = least
                    trackEnds[least] = max(trackEnds[least], pending[i].xEnd)
                }
            }
        }

        // Labels: rows above the lanes, filled right to left.
        var placed: [(event: Int, row: Int, box: Box, text: String, date: String)] = []
        if drawn.count <= c.maximumLabels {
            var rows: [[ClosedRange<Double>]] = []
            let order = drawn.indices.sorted { (eventX[$0], $0) > (eventX[$1], $1) }
            for index in order {
                let event = drawn[index].event
                let date = event.date.description
                let text = TextMetrics.truncate(date + " " + event.title, toWidth: c.maximumLabelWidth, fontSize: c.labelFontSize)
                let anchor = eventX[index]
                let width = TextMetrics.width(text, fontSize: c.labelFontSize) + 4
                let footprint = (anchor - 1.5)...(anchor + 2 + width + 3)
                let leader = (anchor - 1.5)...(anchor + 1.5)
                var row = 0
                while row < rows.count, rows[row].contains(where: { $0.overlaps(footprint) }) { row += 1 }
                if row == rows.count { rows.append([]) }
                rows[row].append(footprint)
                for below in 0..<row { rows[below].append(leader) }
                placed.append((index, row, Box(minX: anchor + 2, minY: 0, maxX: anchor + 2 + width, maxY: 0), text, date))
            }
        }
        unlabelledEvents = drawn.count <= c.maximumLabels ? 0 : drawn.count
        let rowCount = (placed.map(\.row).max() ?? -1) + 1

        // Vertical placement.
        let stackBottom = c.margin + Double(rowCount) * c.labelRowHeight
        let firstLaneY = stackBottom + c.laneSpacing * (rowCount > 0 ? 0.8 : 0.6)
        lanesTop = firstLaneY - c.laneSpacing / 2
        func trackOffset(_ track: Int) -> Double {
            track == 0 ? 0 : (track % 2 == 1 ? -1 : 1) * Double((track + 1) / 2) * c.trackSpacing
        }
        func laneY(_ lane: Int) -> Double { firstLaneY + Double(lane) * c.laneSpacing }
        let axisRight = self.axisRight
        lanes = laneIDs.enumerated().map { index, id in
            let width = TextMetrics.width(names[index], fontSize: c.laneLabelFontSize)
            let y = laneY(index)
            let actor = graph.actor(id)!
            // A lifespan starts at the first day `since` allows and ends after the last day `until` allows.
            let lineStart = actor.since.map { min(axisRight, max(axisLeft, x(Double($0.interval.first)))) } ?? axisLeft
            let lineEnd = actor.until.map { max(lineStart, min(axisRight, x(Double($0.interval.last + 1)))) } ?? axisRight
            return Lane(index: index, actorID: id, name: names[index], kind: actor.kind, y: y,
                        labelBox: Box(minX: axisLeft - 10 - width, minY: y - c.laneLabelFontSize * 0.7,
                                      maxX: axisLeft - 10, maxY: y + c.laneLabelFontSize * 0.7),
                        lineStart: lineStart, lineEnd: lineEnd)
        }
        marks = pending.map { mark in
            Mark(eventID: drawn[mark.event].event.id, actorID: laneIDs[mark.lane], lane: mark.lane, track: mark.track,
                 xStart: mark.xStart, xEnd: mark.xEnd, x: mark.x, y: laneY(mark.lane) + trackOffset(mark.track),
                 isSpan: mark.isSpan, approximate: drawn[mark.event].event.date.start.approximate)
        }
        var marksByEvent: [String: [Mark]] = [:]
        for mark in marks { marksByEvent[mark.eventID, default: []].append(mark) }
        connectors = drawn.indices.compactMap { index in
            let id = drawn[index].event.id
            let ys = (marksByEvent[id] ?? []).map(\.y)
            guard ys.count > 1, let top = ys.min(), let bottom = ys.max(), bottom > top else { return nil }
            return Connector(eventID: id, x: eventX[index], top: top, bottom: bottom)
        }
        labels = placed.sorted { $0.event < $1.event }.map { item in
            let id = drawn[item.event].event.id
            let centreY = stackBottom - (Double(item.row) + 0.5) * c.labelRowHeight
            let box = Box(minX: item.box.minX, minY: centreY - c.labelRowHeight / 2 + 1, maxX: item.box.maxX, maxY: centreY + c.labelRowHeight / 2 - 1)
            let topMark = (marksByEvent[id] ?? []).map(\.y).min() ?? firstLaneY
            return Label(eventID: id, text: item.text, date: item.date, box: box, row: item.row, leaderX: eventX[item.event],
                         leaderTop: centreY - c.labelRowHeight / 2 + 2, leaderBottom: topMark - c.dotDiameter / 2 - 1)
        }

        // The axis under the last lane: boundaries, then month (or quarter) and year names.
        axisY = laneY(max(0, laneIDs.count - 1)) + c.laneSpacing * 0.75
        let monthWidth = axisWidth / Double(months)
        var ticks: [Tick] = []
        var axisLabels: [AxisLabel] = []
        var (year, month) = (startCivil.year, startCivil.month)
        for _ in 0...months {
            let day = PartialDate.dayNumber(year: year, month: month, day: 1)
            let tickX = x(Double(day))
            if month == 1 || monthWidth >= 6 { ticks.append(Tick(level: month == 1 ? .year : .month, day: day, x: tickX)) }
            let next = month == 12 ? PartialDate.dayNumber(year: year + 1, month: 1, day: 1) : PartialDate.dayNumber(year: year, month: month + 1, day: 1)
            if day < endDay {
                if monthWidth >= 24 {
                    axisLabels.append(AxisLabel(text: String(TimelinePeriod.monthNames[month - 1].prefix(3)), row: .months,
                                                x: (tickX + x(Double(next))) / 2, y: axisY + 11))
                } else if monthWidth >= 8, (month - 1) % 3 == 0 {
                    let quarterEnd = min(endDay, PartialDate.dayNumber(year: month == 10 ? year + 1 : year, month: month == 10 ? 1 : month + 3, day: 1))
                    axisLabels.append(AxisLabel(text: "Q\((month - 1) / 3 + 1)", row: .months, x: (tickX + x(Double(quarterEnd))) / 2, y: axisY + 11))
                }
            }
            (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1)
        }
        let yearLabelWidth = TextMetrics.width("2025", fontSize: 9) + 6
        let yearRowY = axisY + (axisLabels.isEmpty ? 11 : 24)
        var lastYearLabelEnd = -Double.infinity
        for labelYear in startCivil.year...endCivil.year {
            let from = max(startDay, PartialDate.dayNumber(year: labelYear, month: 1, day: 1))
            let to = min(endDay, PartialDate.dayNumber(year: labelYear + 1, month: 1, day: 1))
            let visibleWidth = x(Double(to)) - x(Double(from))
            let centre = visibleWidth >= yearLabelWidth ? (x(Double(from)) + x(Double(to))) / 2 : x(Double(from)) + yearLabelWidth / 2
            guard centre - yearLabelWidth / 2 >= lastYearLabelEnd, centre + yearLabelWidth / 2 <= axisRight + yearLabelWidth else { continue }
            axisLabels.append(AxisLabel(text: String.zeroPadded(labelYear, width: 4), row: .years, x: centre, y: yearRowY))
            lastYearLabelEnd = centre + yearLabelWidth / 2
        }
        self.ticks = ticks
        self.axisLabels = axisLabels
        height = yearRowY + 8
        width = max(axisRight, labels.map(\.box.maxX).max() ?? 0) + c.margin
    }

    /// The x of a day number (the left edge of that day).
    public func x(day: Int) -> Double {
        axisLeft + Double(day - startDay) * (axisRight - axisLeft) / Double(endDay - startDay)
    }

    /// The `count` actors with the most events and relations (ties by id) among those taking
    /// part in at least one event, ordered so that each is followed by the remaining actor it
    /// shares most events with (ties: more connected, then id). This keeps connectors short.
    /// - Complexity: O(E·p² + count²).
    public static func chooseLanes(in graph: GraphView, count: Int) -> [String] {
        let flattened = graph.flattenedActors(of: graph.events)
        var degree: [String: Int] = [:], eventCount: [String: Int] = [:]
        var shared: [String: [String: Int]] = [:]
        for event in graph.events {
            let members = Array(Set((flattened[event.id] ?? []) + event.allParticipants.filter { graph.hasActor($0) })).sorted()
            for id in members {
                degree[id, default: 0] += 1
                eventCount[id, default: 0] += 1
                for other in members where other != id { shared[id, default: [:]][other, default: 0] += 1 }
            }
        }
        for relation in graph.relations {
            degree[relation.from, default: 0] += 1
            degree[relation.to, default: 0] += 1
        }
        let chosen = eventCount.keys.sorted { (degree[$1] ?? 0, $0) < (degree[$0] ?? 0, $1) }.prefix(max(0, count))
        guard var current = chosen.first else { return [] }
        var remaining = Set(chosen.dropFirst())
        var order = [current]
        while !remaining.isEmpty {
            let next = remaining.max { a, b in
                (shared[current]?[a] ?? 0, degree[a] ?? 0, b) < (shared[current]?[b] ?? 0, degree[b] ?? 0, a)
            }!
            order.append(next)
            remaining.remove(next)
            current = next
        }
        return order
    }
}
