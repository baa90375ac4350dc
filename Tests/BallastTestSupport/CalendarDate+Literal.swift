import BallastCore

// Tests write days as the ISO text they read in a document: `#expect(p.deadline == "2023-07-11")`.
// Only for tests: a literal that is not a day stops the test at once, which is what a typo in
// an expected value should do. The product parses what people type with `CalendarDate.parse`.
extension CalendarDate: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        guard let day = CalendarDate(iso: value) else { fatalError("not a day in a test: \(value)") }
        self = day
    }
}
