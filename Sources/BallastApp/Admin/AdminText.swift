import BallastCore

/// The admin pages' interface text (users, API tokens, the audit search, the district
/// roll-up), both languages side by side. Each case must have its text (the switch is
/// exhaustive), and `CatalogueTests` checks every case's English has no Chinese left in it and
/// neither side is empty.
enum AdminText: CaseIterable, UIText.Catalogue {
    // Users
    case noLeader, userLeader, noUnit, apiTokens, personName, rolesAndUnit, status, disabled, locked, mustChangePassword
    case activeUser, resetPassword, enable, disable, noUsers, newUser, userUnit, temporaryPasswordHelp
    case createUser, noDistricts
    // API tokens
    case tokensHelp, tokenName, token, role, created, expires, never, lastUsed
    case revoked, expired, activeToken, revoke, confirmRevoke, noTokens, newToken, nameWhoUsesIt
    case tokenUnit, validForDays, createToken
    // 操作日志
    case user, recordType, recordID, action, from, to, time, address, record, beforeAfter, show
    case noEntries
    // 各地区汇总
    case district, allDistricts, completed, completionRate, timeProgress, noSuchDistrict

    var message: Message {
        switch self {
        case .noUnit: Message(zh: "（无单位）", en: "(no unit)")
        case .noLeader: Message(zh: "（不分包项目）", en: "(no projects of their own)")
        case .userLeader: Message(zh: "分包领导（区领导的仪表盘先列其分包项目）", en: "Contact leader (their dashboard lists these projects first)")
        case .apiTokens: Message(zh: "API 令牌", en: "API tokens")
        case .personName: Message(zh: "姓名", en: "Name")
        case .rolesAndUnit: Message(zh: "角色与单位", en: "Roles and unit")
        case .status: Message(zh: "状态", en: "Status")
        case .disabled: Message(zh: "已停用", en: "disabled")
        case .locked: Message(zh: "已锁定", en: "locked")
        case .mustChangePassword: Message(zh: "须改密", en: "must change password")
        case .activeUser: Message(zh: "正常", en: "active")
        case .resetPassword: Message(zh: "重置密码", en: "Reset password")
        case .enable: Message(zh: "启用", en: "Enable")
        case .disable: Message(zh: "停用", en: "Disable")
        case .noUsers: Message(zh: "暂无用户。", en: "No users.")
        case .noDistricts: Message(zh: "暂无区县。", en: "No districts.")
        case .newUser: Message(zh: "新建用户", en: "New user")
        case .userUnit: Message(zh: "所属单位（责任单位角色必填）", en: "Unit (for the unit role)")
        case .temporaryPasswordHelp: Message(zh: "系统生成临时密码并仅显示一次，首次登录须修改。",
                                             en: "A temporary password is generated and shown once; it must be changed at first sign-in.")
        case .createUser: Message(zh: "新建用户", en: "Create user")

        case .tokensHelp: Message(zh: "供市级系统等机器调用接口，每次请求在请求头中携带令牌：",
                                  en: "For machine clients such as the city's systems: each request carries the token in its header:")
        case .tokenName: Message(zh: "名称", en: "Name")
        case .token: Message(zh: "令牌", en: "Token")
        case .role: Message(zh: "角色", en: "Role")
        case .created: Message(zh: "创建", en: "Created")
        case .expires: Message(zh: "到期", en: "Expires")
        case .never: Message(zh: "长期", en: "never")
        case .lastUsed: Message(zh: "最近使用", en: "Last used")
        case .revoked: Message(zh: "已吊销", en: "revoked")
        case .expired: Message(zh: "已过期", en: "expired")
        case .activeToken: Message(zh: "有效", en: "active")
        case .revoke: Message(zh: "吊销", en: "Revoke")
        case .confirmRevoke: Message(zh: "确认吊销", en: "Confirm revoke")
        case .noTokens: Message(zh: "尚未创建令牌。", en: "No tokens yet.")
        case .newToken: Message(zh: "新建令牌", en: "New token")
        case .nameWhoUsesIt: Message(zh: "名称（使用方）", en: "Name (who uses it)")
        case .tokenUnit: Message(zh: "单位（责任单位角色必填）", en: "Unit (for the unit role)")
        case .validForDays: Message(zh: "有效天数（留空为长期）", en: "Valid for days (empty: no expiry)")
        case .createToken: Message(zh: "新建令牌", en: "Create token")

        case .user: Message(zh: "操作人", en: "User")
        case .recordType: Message(zh: "对象类型", en: "Record type")
        case .recordID: Message(zh: "对象编号", en: "Record id")
        case .action: Message(zh: "操作", en: "Action")
        case .from: Message(zh: "起始日期", en: "From")
        case .to: Message(zh: "截止日期", en: "To")
        case .time: Message(zh: "时间", en: "Time")
        case .address: Message(zh: "地址", en: "Address")
        case .record: Message(zh: "对象", en: "Record")
        case .beforeAfter: Message(zh: "修改前 → 修改后", en: "Before → after")
        case .show: Message(zh: "查看", en: "show")
        case .noEntries: Message(zh: "没有符合条件的记录。", en: "No entries match.")

        case .district: Message(zh: "地区", en: "District")
        case .allDistricts: Message(zh: "合计", en: "All districts")
        case .completed: Message(zh: "累计完成（亿元）", en: "Completed (100m yuan)")
        case .completionRate: Message(zh: "完成率", en: "Completion rate")
        case .timeProgress: Message(zh: "时序进度", en: "Time progress")
        case .noSuchDistrict: Message(zh: "没有这个地区", en: "No such district")
        }
    }

    // Text with values in it.

    /// A new user's notice, before the temporary password.
    static func userCreated(_ name: String) -> Message {
        Message(zh: "已创建用户 \(name)。请将以下临时密码告知本人，首次登录须修改：",
                en: "Created \(name). Give them this temporary password; it must be changed at first sign-in:")
    }

    /// A reset password's notice, before the temporary password.
    static func passwordReset(_ name: String) -> Message {
        Message(zh: "已重置 \(name) 的密码，其登录已全部失效。临时密码：",
                en: "Password of \(name) reset; their sessions have ended. Temporary password:")
    }

    /// A new token's notice, before the token.
    static func tokenCreated(_ name: String) -> Message {
        Message(zh: "已创建令牌“\(name)”。请立即复制，此后不再显示：",
                en: "Token “\(name)” created. Copy it now: it is shown only this once.")
    }

    /// What revoking the token called `name` does.
    static func revokeConsequence(_ name: String) -> Message {
        Message(zh: "使用“\(name)”的系统将立即无法访问；吊销后不能恢复。",
                en: "Systems using “\(name)” are refused from now on; a revoked token cannot be restored.")
    }

    static func entryCount(_ total: Int) -> Message {
        Message(zh: "共 \(total) 条", en: "\(total) entries")
    }

    static func rollupAsOf(_ day: String) -> Message {
        Message(zh: "各区年度计划项目，统计截至 \(day)；与各区总览同一口径。", en: "Each district's year portfolio as of \(day), counted as the district's own overview counts it.")
    }

    static func rollupDistrictHeading(district: String, year: Int) -> Message {
        Message(zh: "\(district)\(year)年重点项目", en: "\(district): major projects, \(year)")
    }

    /// Under a district's heading: the day, and the completion read against 时序进度.
    static func rollupDistrictAsOf(day: String, rate: String, timeProgress: String) -> Message {
        Message(zh: "统计截至 \(day)：完成率 \(rate)，时序进度 \(timeProgress)。按类别、级别、片区和四库汇总，与该区总览同一口径。",
                en: "As of \(day): \(rate) of the year's plan completed against a time progress of \(timeProgress). By category, level, zone and pool, as the district's own overview counts them.")
    }

    static func rollupHeading(year: Int) -> Message {
        Message(zh: "\(year)年各地区重点项目汇总", en: "District roll-up, \(year)")
    }
}
