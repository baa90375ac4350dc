import BallastCore
import Foundation

/// The audit trail in words: every action and record kind Ballast writes, every field name its
/// snapshots carry, and the stored values that are codes (statuses, roles, booleans), in both
/// languages. The trail keeps the codes (the filters and the API take them); pages show these.
/// A code missing here shows as itself, which the language test then reports.
enum AuditVocabulary {
    static let actions: [String: Message] = [
        "create": Message(zh: "新建", en: "Create"), "update": Message(zh: "修改", en: "Change"),
        "delete": Message(zh: "删除", en: "Delete"), "export": Message(zh: "导出", en: "Export"),
        "import": Message(zh: "导入", en: "Import"), "undo": Message(zh: "撤销", en: "Undo"),
        "cancel": Message(zh: "取消", en: "Cancel"), "sign-in": Message(zh: "登录", en: "Sign in"),
        "sign-in-failed": Message(zh: "登录失败", en: "Failed sign-in"), "sign-in-refused": Message(zh: "拒绝登录", en: "Sign-in refused"),
        "sign-out": Message(zh: "退出登录", en: "Sign out"), "change-password": Message(zh: "修改密码", en: "Change password"),
        "reset-password": Message(zh: "重置密码", en: "Reset password"), "disable": Message(zh: "停用", en: "Disable"),
        "enable": Message(zh: "启用", en: "Enable"), "set-roles": Message(zh: "设置角色", en: "Set roles"),
        "plan-change": Message(zh: "计划调整", en: "Plan change"),
        "set-columns": Message(zh: "保存列设置", en: "Save columns"), "revoke": Message(zh: "吊销", en: "Revoke"),
        "stage": Message(zh: "阶段变更", en: "Stage change"), "submit": Message(zh: "报送", en: "Submit"),
        "approve": Message(zh: "审定", en: "Approve"), "return": Message(zh: "退回", en: "Return"),
        "adjust": Message(zh: "调整", en: "Adjust"), "issue": Message(zh: "印发", en: "Issue"),
        "merge": Message(zh: "合并", en: "Merge"), "raise": Message(zh: "提出", en: "Raise"),
        "assign": Message(zh: "交办", en: "Assign"), "acknowledge": Message(zh: "签收", en: "Acknowledge"),
        "feedback": Message(zh: "反馈", en: "Report progress"), "resolve": Message(zh: "办结", en: "Resolve"),
        "close": Message(zh: "销号", en: "Close"), "close-scoring": Message(zh: "结束评分", en: "Close scoring"), "reopen": Message(zh: "重新打开", en: "Reopen"),
        "deadline": Message(zh: "调整时限", en: "Move deadline"), "comment": Message(zh: "备注", en: "Comment"),
        "escalate": Message(zh: "升级", en: "Escalate"), "remind": Message(zh: "催办", en: "Remind"),
    ]

    static let entities: [String: Message] = [
        "project": Message(zh: "项目", en: "Project"), "user": Message(zh: "用户", en: "User"),
        "ledger": Message(zh: "台账", en: "Ledger"), "api-token": Message(zh: "接口令牌", en: "API token"),
        "reference_entry": Message(zh: "名录", en: "List entry"), "audit": Message(zh: "操作日志", en: "Audit trail"), "list": Message(zh: "列表", en: "List"), "document_style": Message(zh: "公文格式", en: "Document style"),
        "photo_rules": Message(zh: "照片核验规则", en: "Photo rules"), "district": Message(zh: "本区设置", en: "District settings"),
        "year-plan": Message(zh: "年度计划", en: "Year plan"), "approval-item": Message(zh: "审批事项", en: "Approval item"),
        "project-statistics": Message(zh: "入库纳统", en: "Statistics record"), "statistics-count": Message(zh: "统计口径投资", en: "Counted investment"),
        "project-funds": Message(zh: "资金来源", en: "Funding"), "project-land": Message(zh: "用地与要素", en: "Land and quotas"),
        "campaign-entry": Message(zh: "三个一批条目", en: "Campaign entry"), "campaign-list": Message(zh: "三个一批名单", en: "Campaign list"),
        "approvals-list": Message(zh: "前期手续表", en: "Approvals file"), "statistics-list": Message(zh: "入库纳统表", en: "Statistics file"), "funds-list": Message(zh: "资金来源表", en: "Funding file"),
        "campaign-period": Message(zh: "三个一批期次", en: "Campaign period"), "document": Message(zh: "文件", en: "Document"),
        "enterprise": Message(zh: "企业", en: "Enterprise"), "import": Message(zh: "导入记录", en: "Import"),
        "lead": Message(zh: "招商线索", en: "Lead"), "lead-contact": Message(zh: "线索对接", en: "Lead contact"),
        "lead-list": Message(zh: "线索名单", en: "Lead list"), "map_layer": Message(zh: "地图图层", en: "Map layer"),
        "meeting": Message(zh: "会议", en: "Meeting"), "milestone": Message(zh: "节点", en: "Milestone"),
        "monthly-report": Message(zh: "月报", en: "Monthly report"), "notice": Message(zh: "催办单", en: "Reminder notice"),
        "pool-target": Message(zh: "四库目标", en: "Pool target"), "problem": Message(zh: "问题", en: "Problem"),
        "problem-attachment": Message(zh: "问题附件", en: "Problem attachment"), "progress": Message(zh: "月度进度", en: "Monthly progress"),
        "report-photo": Message(zh: "形象进度照片", en: "Progress photo"), "score_adjustment": Message(zh: "考核加减分", en: "Score adjustment"),
        "scoring_scheme": Message(zh: "考核方案", en: "Scoring scheme"),
        "inspection": Message(zh: "观摩", en: "Inspection tour"), "inspection_score": Message(zh: "观摩评分", en: "Inspection score"),
        "inspection_sheet": Message(zh: "观摩评分表", en: "Inspection sheet"), "supervision-settings": Message(zh: "督办设置", en: "Supervision settings"),
        "trip": Message(zh: "招商出访", en: "Trip"), "visit": Message(zh: "走访", en: "Visit"),
        "warning-rule": Message(zh: "预警规则", en: "Warning rule"), "webhook": Message(zh: "消息推送", en: "Webhook"),
    ]

    /// Snapshot field names, as the records' `Encodable` snapshots write them.
    static let fields: [String: Message] = [
        "amount": Message(zh: "金额", en: "Amount"), "status": Message(zh: "状态", en: "Status"),
        "name": Message(zh: "名称", en: "Name"), "code": Message(zh: "编号", en: "Code"), "kind": Message(zh: "类型", en: "Kind"),
        "title": Message(zh: "标题", en: "Title"), "number": Message(zh: "文号", en: "Number"), "item": Message(zh: "事项", en: "Item"),
        "newDeadline": Message(zh: "新时限", en: "New deadline"), "deadline": Message(zh: "时限", en: "Deadline"),
        "roles": Message(zh: "角色", en: "Roles"), "role": Message(zh: "角色", en: "Role"), "username": Message(zh: "用户名", en: "User name"),
        "displayName": Message(zh: "姓名", en: "Name"), "unit": Message(zh: "单位", en: "Unit"), "leader": Message(zh: "分包领导", en: "Contact leader"),
        "reason": Message(zh: "原因", en: "Reason"), "note": Message(zh: "备注", en: "Note"), "year": Message(zh: "年度", en: "Year"),
        "month": Message(zh: "月份", en: "Month"), "version": Message(zh: "版本", en: "Version"), "stage": Message(zh: "阶段", en: "Stage"),
        "progress": Message(zh: "形象进度", en: "Physical progress"), "investor": Message(zh: "建设单位", en: "Investor"),
        "creditCode": Message(zh: "统一社会信用代码", en: "Credit code"), "projectCode": Message(zh: "项目代码", en: "Project code"), "divisionCode": Message(zh: "行政区划代码", en: "Division code"), "category": Message(zh: "项目类别", en: "Category"),
        "level": Message(zh: "项目级别", en: "Level"), "nature": Message(zh: "建设性质", en: "Nature"), "zone": Message(zh: "空间布局", en: "Zone"),
        "taskForce": Message(zh: "工作专班", en: "Task force"), "totalInvestment": Message(zh: "总投资", en: "Total investment"),
        "totalInvestmentYuan": Message(zh: "总投资（元）", en: "Total investment (yuan)"), "annualPlan": Message(zh: "年度计划投资", en: "Annual plan"),
        "annualPlanYuan": Message(zh: "年度计划投资（元）", en: "Annual plan (yuan)"), "plannedStart": Message(zh: "计划开工", en: "Planned start"),
        "plannedEnd": Message(zh: "计划竣工", en: "Planned completion"), "content": Message(zh: "内容", en: "Content"),
        "longitude": Message(zh: "经度", en: "Longitude"), "latitude": Message(zh: "纬度", en: "Latitude"),
        "investment": Message(zh: "计入投资", en: "Investment"), "batch": Message(zh: "批次", en: "Batch"), "heldOn": Message(zh: "举办日期", en: "Held on"),
        "effectiveOn": Message(zh: "生效日期", en: "Takes effect"), "enteredOn": Message(zh: "列入日期", en: "Entered on"),
        "total": Message(zh: "合计得分", en: "Total"), "projects": Message(zh: "观摩项目", en: "Projects"), "reviewers": Message(zh: "评委", en: "Reviewers"),
        "items": Message(zh: "评分项", en: "Items"), "dropExtremesFrom": Message(zh: "去掉最高最低分的评委人数", en: "Drop extremes from"),
        "startedOn": Message(zh: "开工日期", en: "Started on"), "producedOn": Message(zh: "投产日期", en: "In production on"),
        "atCapacityOn": Message(zh: "达效日期", en: "At capacity on"), "enterprise": Message(zh: "企业", en: "Enterprise"),
        "enterpriseID": Message(zh: "企业", en: "Enterprise"), "source": Message(zh: "来源", en: "Source"), "chain": Message(zh: "产业链", en: "Chain"),
        "intendedInvestment": Message(zh: "意向投资", en: "Intended investment"), "abandonReason": Message(zh: "放弃原因", en: "Reason abandoned"),
        "projectID": Message(zh: "项目", en: "Project"), "signedOn": Message(zh: "签约日期", en: "Signed on"),
        "contractAmount": Message(zh: "合同金额", en: "Contract amount"), "file": Message(zh: "文件", en: "File"), "rows": Message(zh: "行数", en: "Rows"),
        "on": Message(zh: "日期", en: "Date"), "who": Message(zh: "对接人", en: "Who"), "what": Message(zh: "对接内容", en: "What"),
        "minutes": Message(zh: "会议纪要", en: "Minutes"), "cutoffOn": Message(zh: "截止日期", en: "Cut-off"), "chairedBy": Message(zh: "主持", en: "Chaired by"),
        "acknowledgedOn": Message(zh: "签收日期", en: "Acknowledged on"), "disabled": Message(zh: "停用", en: "Disabled"),
        "enabled": Message(zh: "启用", en: "Enabled"), "revoked": Message(zh: "已吊销", en: "Revoked"), "target": Message(zh: "目标", en: "Target"),
        "points": Message(zh: "分值", en: "Points"), "features": Message(zh: "图形数", en: "Features"), "url": Message(zh: "地址", en: "Address"),
        "mustChangePassword": Message(zh: "须修改密码", en: "Must change password"), "mergedInto": Message(zh: "并入", en: "Merged into"),
        "visitedOn": Message(zh: "走访日期", en: "Visited on"), "visitors": Message(zh: "走访人", en: "Visitors"), "size": Message(zh: "大小", en: "Size"),
        "colour": Message(zh: "预警", en: "Light"), "lag": Message(zh: "滞后", en: "Lag"), "reasons": Message(zh: "原因", en: "Reasons"),
        "ruleVersion": Message(zh: "规则版本", en: "Rule version"), "asOf": Message(zh: "统计日期", en: "As of"), "leadUnit": Message(zh: "牵头单位", en: "Lead unit"),
        "assistingUnits": Message(zh: "协办单位", en: "Assisting units"), "major": Message(zh: "重大", en: "Major"), "exitReason": Message(zh: "退出原因", en: "Reason for leaving"),
        "tripID": Message(zh: "出访", en: "Trip"), "ledBy": Message(zh: "带队", en: "Led by"), "destinations": Message(zh: "目的地", en: "Destinations"),
        "endedOn": Message(zh: "结束日期", en: "Ended on"), "variant": Message(zh: "别名", en: "Variant"), "sort": Message(zh: "排序", en: "Order"),
        "collectedOn": Message(zh: "收集日期", en: "Collected on"), "expiresAt": Message(zh: "到期", en: "Expires"),
        "submittedBy": Message(zh: "报送人", en: "Submitted by"), "reviewedBy": Message(zh: "审核人", en: "Reviewed by"),
        "returnReason": Message(zh: "退回原因", en: "Reason returned"),
        "format": Message(zh: "格式", en: "Format"), "type": Message(zh: "文件类型", en: "File type"), "leadUnitID": Message(zh: "牵头单位", en: "Lead unit"),
        "aboveScale": Message(zh: "规上企业", en: "Above designated size"), "industry": Message(zh: "行业", en: "Industry"),
        "acknowledgeDays": Message(zh: "签收时限（天）", en: "Days to acknowledge"), "feedbackDays": Message(zh: "反馈周期（天）", en: "Days between reports"),
        "registeredCompany": Message(zh: "注册企业", en: "Registered company"), "verdict": Message(zh: "核验结果", en: "Verdict"),
        "takenAt": Message(zh: "拍摄时间", en: "Taken at"), "distanceMeters": Message(zh: "距项目（米）", en: "Distance (m)"),
        "radiusMeters": Message(zh: "距离范围（米）", en: "Radius (m)"), "graceDays": Message(zh: "前后宽限（天）", en: "Grace days"),
        "datum": Message(zh: "坐标系", en: "Datum"), "site": Message(zh: "建设地点", en: "Site"),
        "resolveDays": Message(zh: "办结时限（天）", en: "Days to resolve"), "majorResolveDays": Message(zh: "重大问题办结时限（天）", en: "Days to resolve a major problem"),
    ]

    /// Stored values that are codes.
    static let values: [String: Message] = [
        "draft": Message(zh: "草稿", en: "Draft"), "submitted": Message(zh: "已报送", en: "Submitted"),
        "approved": Message(zh: "已审定", en: "Approved"), "returned": Message(zh: "已退回", en: "Returned"),
        "issued": Message(zh: "已印发", en: "Issued"), "planned": Message(zh: "评分中", en: "Scoring"), "closed": Message(zh: "已结束评分", en: "Scoring closed"), "previewed": Message(zh: "待确认", en: "Waiting for confirmation"),
        "applied": Message(zh: "已导入", en: "Applied"), "cancelled": Message(zh: "已取消", en: "Cancelled"),
        "undone": Message(zh: "已撤销", en: "Undone"), "on-site": Message(zh: "现场", en: "On site"), "wrong-place": Message(zh: "位置不符", en: "Wrong place"),
        "wrong-time": Message(zh: "时间不符", en: "Wrong time"), "no-location": Message(zh: "无定位信息", en: "No location"), "no-time": Message(zh: "无拍摄时间", en: "No time taken"),
        "unreadable": Message(zh: "无法读取拍摄信息", en: "Camera record unreadable"), "no-site": Message(zh: "项目无坐标", en: "Project has no position"), "true": Message(zh: "是", en: "Yes"), "false": Message(zh: "否", en: "No"),
    ]

    static func action(_ code: String, _ lang: UILanguage) -> String { actions[code]?.text(lang) ?? code }
    static func entity(_ code: String, _ lang: UILanguage) -> String { entities[code]?.text(lang) ?? code }
    static func field(_ code: String, _ lang: UILanguage) -> String { fields[code]?.text(lang) ?? code }

    /// A stored value as a reader says it: a status or yes/no in words, roles by their names,
    /// anything else (amounts, names, dates) as stored.
    static func value(_ raw: String, field: String, _ lang: UILanguage) -> String {
        if field == "roles" || field == "role" {
            return raw.split(separator: ",").map { r in Role(rawValue: String(r)).map { lang == .en ? $0.englishName : $0.chineseName } ?? String(r) }
                .joined(separator: lang == .en ? ", " : "、")
        }
        return values[raw]?.text(lang) ?? raw
    }

    /// A stored sentence with the coded words in it ("submitted → approved") said in words.
    static func words(in text: String, _ lang: UILanguage) -> String {
        text.replacingASCIIWords { values[$0]?.text(lang) ?? $0 }
    }

    /// A role the trail records: an account's, or Ballast's own ("system") for the night's work.
    static func role(_ raw: String, _ lang: UILanguage) -> String {
        raw == "system" ? (lang == .en ? "Ballast" : "系统") : value(raw, field: "roles", lang)
    }

    /// A snapshot's fields, before → after, for the changed ones first; nil when the stored text
    /// is not a flat object (then the page shows it as stored).
    static func changes(before: String?, after: String?, _ lang: UILanguage) -> [(key: String, field: String, before: String, after: String)]? {
        func flat(_ text: String?) -> [String: String]? {
            guard let text, let data = text.data(using: .utf8) else { return [:] }
            guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            var out: [String: String] = [:]
            for (k, v) in object {
                switch v {
                case let s as String: out[k] = s
                // JSON's true and false come back as numbers of type char ("c"); 1 and 0 as integers.
                case let n as NSNumber where String(cString: n.objCType) == "c": out[k] = n.boolValue ? "true" : "false"
                case let n as NSNumber: out[k] = n.stringValue
                case is NSNull: out[k] = ""
                // A day and a sum as their types encode them ({"year","month","day"}, {"yuan"}): in words.
                case let o as [String: Any] where Set(o.keys) == ["year", "month", "day"]:
                    guard let y = o["year"] as? Int, let m = o["month"] as? Int, let d = o["day"] as? Int, let day = CalendarDate(year: y, month: m, day: d) else { fallthrough }
                    out[k] = day.iso
                case let o as [String: Any] where Set(o.keys) == ["yuan"]:
                    guard let yuan = (o["yuan"] as? NSNumber)?.int64Value else { fallthrough }
                    out[k] = Money(yuan: yuan).wanText + (lang == .en ? " 10k yuan" : " 万元")
                default:
                    guard let d = try? JSONSerialization.data(withJSONObject: v, options: [.sortedKeys]) else { continue }
                    out[k] = String(decoding: d, as: UTF8.self)
                }
            }
            return out
        }
        guard let b = flat(before), let a = flat(after) else { return nil }
        let keys = Set(b.keys).union(a.keys).sorted()
        let rows = keys.map { k in (key: k, field: field(k, lang), before: value(b[k] ?? "", field: k, lang), after: value(a[k] ?? "", field: k, lang)) }
        return rows.filter { $0.before != $0.after } + rows.filter { $0.before == $0.after }
    }
}
