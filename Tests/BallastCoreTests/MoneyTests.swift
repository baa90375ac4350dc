import BallastCore
import Testing

@Suite struct MoneyTests {
    @Test func parsesWanWithThousandsSeparators() throws {
        #expect(try Money.parse("12,345.67", unit: .wan).get() == Money(yuan: 123_456_700))
        #expect(try Money.parse(" 8184000 ", unit: .wan).get() == Money(yuan: 81_840_000_000))
    }

    @Test func convertsYiExactly() throws {
        // 1.2345亿元 is 12345万元: no float on the way.
        #expect(try Money.parse("1.2345", unit: .yi).get() == Money.wan(12_345))
        #expect(try Money.parse("2380.4", unit: .yi).get() == Money.wan(23_804_000))
        #expect(try Money.parse("0.00000001", unit: .yi).get() == Money(yuan: 1))
    }

    @Test func refusesAmountsFinerThanAYuan() {
        #expect(Money.parse("0.00001", unit: .wan) == .failure(.finerThanYuan))
        #expect(Money.parse("1.000000001", unit: .yi) == .failure(.finerThanYuan))
        // Trailing zeros beyond the precision are not finer than a yuan.
        #expect(Money.parse("1.00000", unit: .wan) == .success(Money.wan(1)))
    }

    @Test func readsExcelExponentsAndSigns() throws {
        #expect(try Money.parse("1.5E+3", unit: .wan).get() == Money.wan(1_500))
        #expect(try Money.parse("-3", unit: .wan).get() == Money(yuan: -30_000))
    }

    @Test func refusesWhatIsNotANumber() {
        for text in ["", "abc", "1.2.3", "12元", "--1", "1e", "."] {
            #expect(Money.parse(text, unit: .wan) == .failure(.notANumber), "\(text)")
        }
        #expect(Money.parse("9999999999999999999999", unit: .wan) == .failure(.tooLarge))
    }

    @Test func formatsWithoutTrailingZeros() {
        #expect(Money(yuan: 123_456_700).formatted(in: .wan) == "12345.67")
        #expect(Money.wan(350).formatted(in: .wan) == "350")
        #expect(Money(yuan: 1).formatted(in: .wan) == "0.0001")
        #expect(Money(yuan: -15_000).formatted(in: .wan) == "-1.5")
        #expect(Money.wan(12_345).formatted(in: .yi) == "1.2345")
    }

    @Test func roundsHalfAwayFromZeroAtTwoDecimals() {
        #expect(Money(yuan: 50).rounded(in: .wan) == 0.01)   // 0.005万 rounds up
        #expect(Money(yuan: 49).rounded(in: .wan) == 0)
        #expect(Money(yuan: -50).rounded(in: .wan) == -0.01)
        // Places finer than a yuan give the exact amount instead of dividing by zero.
        #expect(Money(yuan: 12_345).rounded(in: .wan, places: 6) == 1.2345)
        #expect(Money(yuan: 12_345).rounded(in: .wan, places: 4) == 1.2345)
        #expect(Money(yuan: 12_345).rounded(in: .wan, places: 3) == 1.235)
        #expect(Money.wan(23_804_000).rounded(in: .wan) == 23_804_000)
    }

    @Test func formattingRoundTripsThroughParsing() throws {
        for yuan: Int64 in [0, 1, 99, 10_000, 123_456_789, 2_380_400_000_000] {
            let m = Money(yuan: yuan)
            #expect(try Money.parse(m.formatted(in: .wan), unit: .wan).get() == m)
            #expect(try Money.parse(m.formatted(in: .yi), unit: .yi).get() == m)
        }
    }
}
