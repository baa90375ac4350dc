import BallastCore
import BallastStore
import Fluent
import Foundation

/// The demo's 现场照片 (issue 26): photos on the snapshot month's reports, each stamped with the
/// camera's record made from its project's position (`ExifWriter`) and judged by the function
/// an upload uses (`PhotoRuleStore.check`). Most are taken at the site in the month; a few are
/// deliberately not — from a few kilometres away, a year earlier, without a position, without a
/// time — so the reports page shows every verdict.
enum DemoPhotos {
    /// A 160 × 120 drawing of a site (a frame, a crane, a truck), made for the demo with Pillow.
    static let picture: [UInt8] = Array(Data(base64Encoded: """
        /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAA4KCw0LCQ4NDA0QDw4RFiQXFhQUFiwgIRokNC43NjMuMjI6QVNGOj1OPjIySGJJTlZY
        XV5dOEVmbWVabFNbXVn/2wBDAQ8QEBYTFioXFypZOzI7WVlZWVlZWVlZWVlZWVlZWVlZWVlZWVlZWVlZWVlZWVlZWVlZWVlZWVlZ
        WVlZWVlZWVn/wAARCAB4AKADASIAAhEBAxEB/8QAGgABAQADAQEAAAAAAAAAAAAAAAMBBAUCBv/EADYQAAICAAIGBwYGAwEAAAAA
        AAABAgMRIQQSEyJSYRQjMUJRkdEFFTJTcbE0NUFicnNUksHS/8QAGQEBAAMBAQAAAAAAAAAAAAAAAAECBAMF/8QALBEAAgEBBQUJ
        AQEAAAAAAAAAAAECAwQREjFRExQyQbEFITM0gZGh0fBx4f/aAAwDAQACEQMRAD8A74ANpjAAAAAAAAAAAAAAAABhtLtaRDaSvYSb
        yMgAkAAAAAAAAAAAAAAAAAAAAAE9SXGxqS42UBk3Ojo/d/Z33ipr8L6J6kuNniyLjhjJsuSu7pkt1mpwoSlFd/dzev8ATvZq05VU
        n0RnUlxsakuNlAa9zo6P3f2cN4qa/C+jV0zaVaFfZCxqUK5ST5pFtSXGyXtH8t0r+mf2Zsjc6OVz939jeKmvwjwoNNb7PYB2p0oU
        ldHq31Oc6kp8QAB1KAGUsTEHrxbXi1nyeBVyS7mSot5ABPGxw/VJPzx9BJ6soJ954Lyb/wCEY46k4JaACx7OuU32RTbwM6rGOOow
        S0MAxB68XJdibXk8DJZNPIhprMAAkgEru6VJXd0w9o+Wl6dUabJ4y/cioANxmNb2j+W6V/TP7M2TW9o/lulf0z+zNkjmTyAAJIAA
        AMOLl2WShhw4Z+aJ0Vzdb66xb8uxR4nyKOLl2WShhw4Z+aJ0Vzdb66xb8uxR4nyMlTiZpp8IjXPpM1trPgjnhHxlyFtc9pT11jxn
        4Ry3XyEa59JmttZ8Ec8I+MuQtrntKeuseM/COW6+RQuNIrmtGtbuse48mo55fQpsp/Ps8o+hPSK5rRrW7rHuPJqOeX0KbKfz7PKP
        oATorlqN7aeCnLLCOe8+RUlRXLUb208FOWWEc958ipoo5M4VcwADscgSu7pUld3TD2j5aXp1RpsnjL9yKgA3GY8XVRuosqk2o2Rc
        Xh24NYHsAAAAAAAAw4uXZZKGHDhn5onRXN1vrrFvy7FHifIo4uXZZKGHDhn5onRXN1vrrFvy7FHifIyVOJmmnwiNc+kzW2s+COeE
        fGXIW1z2lPXWPGfhHLdfIRrn0ma21nwRzwj4y5C2ue0p66x4z8I5br5FC40iua0a1u6x7jyajnl9Cmyn8+zyj6E9IrmtGtbuse48
        mo55fQpsp/Ps8o+gBOiuWo3tp4KcssI57z5FSVFctRvbTwU5ZYRz3nyKmijkzhVzAAOxyBK7ulSV3dMPaPlpenVGmyeMv3IqADcZ
        gAAAAAD54AHjHrG5oNsKtpr3Sqxww1Vjj28mbFWk1Rg09KsjvSeCivF/tOWC6m0rijgm7zqLSattKXSrMHFLHVWeb/aJ6TU51taV
        Y8JYt6qyyf7TlgnaMjZo6l2k1SpsitKsk3FpJxWeX8T30qn/ADLP9F/5OQBtGNmjo7ero9kekzxevhHVWeLfL9TnAFZScsyyjcAb
        /sj8VL+D+6OyYa1q2UsN150Ub0fLmzolsK9fXeGOGGR3wZ6lrU44XH5/wvGOF3o+XB9QfOaV+Ku/nL7mqhaNq2rriko3EgAaioAA
        AAAAAAAAAAAAAAABtaDpENGulOak044ZfVG/71o4LPJepxgZ6lnhUeKRKk0dn3rRwWeS9R71o4LPJepxgU3OkTjZ2fetHBZ5L1OT
        dNWXWTWOEpNrH6ngHWnQhTd8SHJsAA7EAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH//2Q==
        """, options: .ignoreUnknownCharacters) ?? Data())

    static let devices: [(String, String)] = [("HUAWEI", "ELS-AN00"), ("Xiaomi", "Redmi K60"), ("OPPO", "PGT-AL10"), ("vivo", "V2309A"), ("Apple", "iPhone 14")]

    /// What each photo of the demo is, by position in the list of reports photographed.
    enum Shot { case atSite, farAway, yearEarlier, noPosition, noTime }

    static func shot(_ i: Int) -> Shot {
        switch i {
        case 0, 7: .farAway
        case 3: .yearEarlier
        case 5: .noPosition
        case 9: .noTime
        default: .atSite
        }
    }

    /// Twenty-four projects with a position, every fifteenth in code order: the same every time.
    static func photographed(_ portfolio: [LedgerRecord]) -> [String] {
        portfolio.filter { $0.latitude != nil && $0.longitude != nil }.map(\.code).sorted()
            .enumerated().filter { $0.offset % 15 == 0 }.prefix(24).map(\.element)
    }

    /// The first ten photographed (every verdict among them) have their June report waiting for
    /// review on the mid-year day, so the review queue opens with the photos' verdicts to judge.
    static func pending(_ portfolio: [LedgerRecord]) -> Set<String> { Set(photographed(portfolio).prefix(10)) }

    /// Puts the pending reports back in the queue: submitted by their units in the month's last
    /// days, not yet reviewed (the writer an import uses records every report as approved).
    static func submitPending(_ portfolio: [LedgerRecord], districtID: UUID, year: Int, month: Int, on db: any Database) async throws {
        let codes = pending(portfolio)
        let reports = try await MonthlyReportModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year)
            .filter(\.$month == month).with(\.$project).all().filter { codes.contains($0.project.code) }
        for (i, r) in reports.sorted(by: { $0.project.code < $1.project.code }).enumerated() {
            r.status = MonthlyReportModel.Status.submitted.rawValue
            r.submittedAt = Date(timeIntervalSince1970: 1_687_312_800 + Double(i) * 5_400)  // from 2023-06-21 10:00 (+08:00), before the 25th
            r.submittedBy = "demo"
            r.reviewedAt = nil; r.reviewedBy = nil; r.late = false
            try await r.save(on: db)
        }
    }

    static func load(_ portfolio: [LedgerRecord], districtID: UUID, year: Int, month: Int, on db: any Database) async throws {
        var rng = DemoRandom(seed: 2026_12_04)
        let rules = try await PhotoRuleStore.load(districtID: districtID, on: db).rules
        let order = Dictionary(photographed(portfolio).enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let reports = try await MonthlyReportModel.query(on: db).filter(\.$districtID == districtID).filter(\.$year == year).filter(\.$month == month)
            .with(\.$project).all()
        let chosen = reports.filter { order[$0.project.code] != nil }.sorted { order[$0.project.code] ?? 0 < order[$1.project.code] ?? 0 }
        var photos: [ReportPhotoModel] = []
        for (i, r) in chosen.enumerated() {
            guard let lat = r.project.latitude, let lon = r.project.longitude, let reportID = r.id, let projectID = r.project.id else { continue }
            let wgs = rules.datum.toWGS84(latitude: lat, longitude: lon)
            let kind = shot(i)
            // Metres north and east of the site: a few hundred at the site, 3–6 km when far away.
            let reach = kind == .farAway ? Double(rng.int(3000...6000)) : Double(rng.int(20...400))
            let angle = rng.unit() * 2 * .pi
            let pLat = wgs.latitude + reach * cos(angle) / 111_195
            let pLon = wgs.longitude + reach * sin(angle) / (111_195 * cos(wgs.latitude * .pi / 180))
            let day = rng.int(3...CalendarDate.daysIn(month: month, year: year))
            let taken = TakenAt(year: kind == .yearEarlier ? year - 1 : year, month: month, day: day, hour: rng.int(8...17), minute: rng.int(0...59),
                                second: rng.int(0...59), offsetMinutes: 480)
            let device = rng.pick(devices)
            guard let bytes = ExifWriter.stamped(picture, takenAt: kind == .noTime ? nil : taken,
                                                 latitude: kind == .noPosition ? nil : pLat, longitude: kind == .noPosition ? nil : pLon,
                                                 make: device.0, model: device.1),
                  case .success(let checked) = SitePhoto.check(bytes) else { continue }
            let (meta, verdict) = PhotoRuleStore.check(bytes, project: r.project, year: year, month: month, rules: rules)
            let p = ReportPhotoModel()
            p.id = UUID(); p.districtID = districtID; p.reportID = reportID; p.projectID = projectID
            p.contentType = checked.kind.contentType; p.width = checked.width; p.height = checked.height; p.size = bytes.count
            p.bytes = Data(bytes); p.uploadedBy = "demo"; p.uploadedAt = Date(timeIntervalSince1970: 1_688_000_000 + Double(i) * 3600)
            p.takenAt = meta.takenAt?.iso; p.latitude = meta.latitude; p.longitude = meta.longitude; p.device = meta.device
            p.distanceMeters = verdict.distanceMeters; p.verdict = verdict.kind.rawValue
            photos.append(p)
        }
        try await photos.create(on: db)
    }
}
