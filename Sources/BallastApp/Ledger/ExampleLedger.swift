import BallastCore
import BallastOffice
import BallastStore
import Fluent
import Vapor

/// The three-row example ledger offered for download and kept in docs/. Its codes (示例-001…)
/// cannot be a district's: imported by mistake into a working district it adds three projects
/// that say what they are, and changes none.
enum ExampleLedger {
    static let records: [LedgerRecord] = [
        LedgerRecord(row: 2, code: "示例-001", name: "华润科技文化智慧城", category: "产业转型发展", level: "省重点",
                     nature: .continuing, zone: "嵩山路科创产业发展轴", unit: "二七新区管委会", leader: "王立新",
                     taskForce: "产业项目专班", stage: .underConstruction, totalInvestment: .wan(1_200_000),
                     annualPlan: .wan(150_000), plannedStart: CalendarDate(year: 2021, month: 3, day: 1),
                     plannedEnd: CalendarDate(year: 2026, month: 12, day: 31), investor: "郑州华润置地有限公司",
                     creditCode: "91410103" + "MA45X8Y1" + "2" + String(CreditCode.checkCharacter(for: "91410103MA45X8Y12") ?? "0"),
                     longitude: 113.621, latitude: 34.712, content: "建设科创研发楼、人才公寓及配套商业"),
        LedgerRecord(row: 3, code: "示例-002", name: "大学路雨污分流改造", category: "现代基础设施", level: "区重点",
                     nature: .newStart, zone: "大学路健康服务及消费提质发展轴", unit: "区住房城乡建设局",
                     stage: .underConstruction, totalInvestment: Money(yuan: 85_005_000), annualPlan: .wan(6_000),
                     plannedStart: CalendarDate(year: 2023, month: 4, day: 15), plannedEnd: CalendarDate(year: 2024, month: 6, day: 30),
                     content: "改造雨污管网约6.5公里"),
        LedgerRecord(row: 4, code: "示例-003", name: "樱桃沟文旅康养综合体", category: "产业转型发展", level: "区重点",
                     unit: "樱桃沟管理区", stage: .conceived, totalInvestment: .yi(30)),
    ]
}
