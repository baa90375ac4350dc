import BallastCore
import Foundation

/// The API's OpenAPI 3.1 description, served at `Site.API.openAPI`. Its paths are the site's
/// own (`Site.API`), so a renamed route renames its entry; path parameters the operations do not
/// describe are added from the path. Tests check that every API route has an operation here and
/// every operation a route, and that the schemas match what the DTOs encode.
enum OpenAPIDocument {
    /// Everything but the paths: the info, security schemes and the shared schemas.
    static let head = #"""
    {
      "openapi": "3.1.0",
      "info": {"title": "Ballast API", "version": "1.0.0",
               "description": "重大项目台账、年度汇总、台账导入导出。金额单位：万元。Money in 万元 (10 000 yuan)."},
      "security": [{"bearer": []}, {"session": []}],
      "components": {
        "securitySchemes": {
          "bearer": {"type": "http", "scheme": "bearer", "description": "API 令牌（管理员在 /admin/tokens 创建）/ an API token, created by an admin at /admin/tokens"},
          "session": {"type": "apiKey", "in": "cookie", "name": "ballast_session",
                      "description": "浏览器会话；修改类请求须带 X-CSRF-Token 头 / a browser session; changes also need the X-CSRF-Token header"}
        },
        "parameters": {
          "district": {"name": "district", "in": "query", "schema": {"type": "string"}, "description": "地区代码；缺省为第一个地区"},
          "year": {"name": "year", "in": "query", "schema": {"type": "integer"}},
          "lang": {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"]}}
        },
        "schemas": {
          "Enterprise": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"},
            "creditCode": {"type": "string", "description": "统一社会信用代码, 18 characters, check character verified"},
            "industry": {"type": "string"}, "address": {"type": "string"}, "aboveScale": {"type": "boolean", "description": "四上企业"},
            "contactName": {"type": "string"}, "contactPhone": {"type": "string"}, "serviceOfficial": {"type": "string"},
            "confirmDuplicateName": {"type": "boolean"}, "version": {"type": "integer"}}},
          "Lead": {"type": "object", "required": ["title", "enterprise", "source", "unit"], "properties": {"title": {"type": "string"},
            "enterprise": {"type": "string"}, "creditCode": {"type": "string"}, "source": {"type": "string", "description": "外出招商|以商招商|展会推介|网络平台|上门洽谈|其他"},
            "chain": {"type": "string"}, "intendedInvestment": {"type": "string", "description": "万元"}, "unit": {"type": "string"},
            "collectedOn": {"type": "string", "format": "date"}, "tripID": {"type": "string", "format": "uuid"}, "note": {"type": "string"}, "version": {"type": "integer"}}},
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
            "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"},
            "field": {"type": "string"}, "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}}}}}},
          "Issue": {"type": "object", "properties": {"row": {"type": "integer", "description": "spreadsheet row of an imported file (header = 1); absent for a request's field"}, "column": {"type": "string"}, "message": {"type": "string"}}},
          "Project": {"type": "object", "required": ["code", "name", "category", "unit", "stage", "totalInvestment"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "version": {"type": "integer"}, "year": {"type": "integer"},
              "code": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"}, "level": {"type": "string"},
              "nature": {"type": "string", "enum": ["新开工", "续建", "前期"]}, "zone": {"type": "string"}, "unit": {"type": "string"},
              "leader": {"type": "string"}, "taskForce": {"type": "string"},
              "stage": {"type": "string", "enum": ["谋划", "招引", "签约", "落地", "在建", "竣工", "投产", "达效", "退出"]},
              "totalInvestment": {"type": "number"}, "annualPlan": {"type": "number"}, "plannedStart": {"type": "string", "format": "date"},
              "plannedEnd": {"type": "string", "format": "date"}, "investor": {"type": "string"}, "creditCode": {"type": "string"},
              "longitude": {"type": "number"}, "latitude": {"type": "number"}, "content": {"type": "string"},
              "projectCode": {"type": "string", "description": "项目代码 of 全国投资项目在线审批监管平台, ####-######-##-##-###### (GB/T 40058-2021); its division within the district's city"}}},
          "ProjectDetail": {"type": "object", "required": ["project", "plans", "stageHistory"], "properties": {
            "project": {"$ref": "#/components/schemas/Project"},
            "plans": {"type": "array", "items": {"type": "object", "properties": {"year": {"type": "integer"}, "level": {"type": "string"},
              "nature": {"type": "string"}, "zone": {"type": "string"}, "annualPlan": {"type": "number"}, "version": {"type": "integer"}}}},
            "stageHistory": {"type": "array", "items": {"type": "object", "properties": {"from": {"type": "string"}, "to": {"type": "string"},
              "effectiveOn": {"type": "string", "format": "date"}, "actor": {"type": "string"}, "note": {"type": "string"}}}}}},
          "ProjectPage": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Project"}},
            "total": {"type": "integer"}, "page": {"type": "integer"}, "perPage": {"type": "integer"}}},
          "Group": {"type": "object", "properties": {"name": {"type": "string"}, "projects": {"type": "integer"},
            "totalInvestment": {"type": "number"}, "annualPlan": {"type": "number"}, "completed": {"type": "number"}}},
          "Summary": {"type": "object", "properties": {"year": {"type": "integer"}, "asOf": {"type": "string", "format": "date"},
            "unit": {"type": "string", "description": "万元：金额单位 / the money unit"},
            "projects": {"type": "integer"}, "totalInvestment": {"type": "number"}, "annualPlan": {"type": "number"},
            "completed": {"type": "number"},
            "colours": {"type": "object", "description": "在库项目按当前颜色计数 / portfolio projects by colour",
              "properties": {"red": {"type": "integer"}, "yellow": {"type": "integer"}, "blue": {"type": "integer"}, "green": {"type": "integer"}}},
            "byCategory": {"type": "array", "items": {"$ref": "#/components/schemas/Group"}},
            "byLevel": {"type": "array", "items": {"$ref": "#/components/schemas/Group"}},
            "byZone": {"type": "array", "items": {"$ref": "#/components/schemas/Group"}},
            "byUnit": {"type": "array", "items": {"$ref": "#/components/schemas/Group"}},
            "pools": {"type": "array", "items": {"type": "object", "properties": {"stage": {"type": "string"},
              "projects": {"type": "integer"}, "totalInvestment": {"type": "number"}}}}}},
          "ListEntry": {"type": "object", "required": ["name"], "properties": {"id": {"type": "string", "format": "uuid"},
            "kind": {"type": "string"}, "year": {"type": "integer"}, "name": {"type": "string"}, "variant": {"type": "string"},
            "sort": {"type": "integer"}, "version": {"type": "integer"}}},
          "ImportReport": {"type": "object", "properties": {"applied": {"type": "boolean"}, "rows": {"type": "integer"},
            "created": {"type": "integer"}, "updated": {"type": "integer"}, "unchanged": {"type": "integer"},
            "newReferences": {"type": "object"}, "unknownColumns": {"type": "array", "items": {"type": "string"}},
            "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}},
            "dryRun": {"type": "boolean"}, "preview": {"type": "object", "description": "rows, created and updated [{code, name, changes: [{field, before, after}]}], unchanged, newNames"}}}
        },
        "responses": {"Error": {"description": "错误；401 未登录或令牌无效、过期、吊销，403 角色无权 / error; 401 not signed in or token invalid, expired, revoked; 403 role not allowed",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
      }
    }
    """#

    /// Each API path's operations, as the OpenAPI path item.
    static let pathItems: [(path: SitePath, item: String)] = [
        (Site.API.projects.path, #"""
        {
            "get": {"summary": "项目列表 / list projects", "parameters": [{"$ref": "#/components/parameters/district"},
                {"$ref": "#/components/parameters/year"}, {"name": "category", "in": "query", "schema": {"type": "string"}},
                {"name": "level", "in": "query", "schema": {"type": "string"}}, {"name": "zone", "in": "query", "schema": {"type": "string"}},
                {"name": "unit", "in": "query", "schema": {"type": "string"}}, {"name": "stage", "in": "query", "schema": {"type": "string"}},
                {"name": "leader", "in": "query", "schema": {"type": "string"}, "description": "分包领导 / contact leader"},
                {"name": "q", "in": "query", "schema": {"type": "string"}},
                {"name": "sort", "in": "query", "schema": {"type": "string"}, "description": "code|name|totalInvestment|annualPlan|stage|unit, '-' prefix for descending"},
                {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
                {"name": "perPage", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}],
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectPage"}}}},
                            "400": {"$ref": "#/components/responses/Error"}}},
            "post": {"summary": "新建项目 / create a project", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Project"}}}},
              "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectDetail"}}}}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
        }
        """#),
        (Site.API.project.path, #"""
        {
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "get": {"summary": "项目详情 / project detail", "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectDetail"}}}}, "404": {"$ref": "#/components/responses/Error"}}},
            "put": {"summary": "修改项目（需 version）/ update, with the version read", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Project"}}}},
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectDetail"}}}}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
            "delete": {"summary": "删除项目 / delete", "parameters": [{"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
              "responses": {"204": {"description": "Deleted"}, "409": {"$ref": "#/components/responses/Error"}}}
        }
        """#),
        (Site.API.summary.path, #"""
        {
            "get": {"summary": "年度汇总 / year summary", "parameters": [{"$ref": "#/components/parameters/district"},
                {"name": "year", "in": "query", "required": true, "schema": {"type": "integer"}},
                {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Summary"}}}},
                            "400": {"$ref": "#/components/responses/Error"}}}
        }
        """#),
        (Site.API.ledgerImport.path, #"""
        {
            "post": {"summary": "导入台账 / import a ledger (.xlsx or .csv, multipart field 'file' or raw body with ?filename=)",
              "parameters": [{"name": "year", "in": "query", "required": true, "schema": {"type": "integer"}},
                {"name": "strict", "in": "query", "schema": {"type": "boolean"}}, {"name": "filename", "in": "query", "schema": {"type": "string"}},
                {"name": "dryRun", "in": "query", "schema": {"type": "boolean"}, "description": "true: nothing is written; the answer's preview says what would be (applied is false)"}],
              "responses": {"200": {"description": "Imported, or with dryRun the preview", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
                            "422": {"description": "Refused; nothing stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
                            "413": {"$ref": "#/components/responses/Error"}}}
        }
        """#),
        (Site.API.ledgerExport.path, #"""
        {
            "get": {"summary": "导出台账 / export a ledger", "parameters": [{"name": "year", "in": "query", "required": true, "schema": {"type": "integer"}},
                {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"]}}],
              "responses": {"200": {"description": "The file"}}}
        }
        """#),
        (Site.API.list.path, #"""
        {
            "parameters": [{"name": "kind", "in": "path", "required": true,
              "schema": {"type": "string", "enum": ["unit", "leader", "task-force", "category", "level", "zone", "chain"]}}],
            "get": {"summary": "名录 / a district list", "parameters": [{"$ref": "#/components/parameters/year"}],
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ListEntry"}}}}}}},
            "post": {"summary": "新增条目 / add an entry", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ListEntry"}}}},
              "responses": {"201": {"description": "Created"}, "409": {"$ref": "#/components/responses/Error"}}}
        }
        """#),
        (Site.API.listEntry.path, #"""
        {
            "parameters": [{"name": "kind", "in": "path", "required": true, "schema": {"type": "string"}},
                           {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "put": {"summary": "改名（需 version）/ rename, with the version read", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ListEntry"}}}},
              "responses": {"204": {"description": "Saved"}, "409": {"$ref": "#/components/responses/Error"}}},
            "delete": {"summary": "删除未使用的条目 / delete an unused entry", "parameters": [{"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
              "responses": {"204": {"description": "Deleted"}, "409": {"$ref": "#/components/responses/Error"}}}
        }
        """#),
        (Site.API.me.path, #"""
        {"get": {"summary": "当前调用者 / who is calling: user or token, roles, permissions, scope",
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "properties": {
            "username": {"type": "string"}, "displayName": {"type": "string"}, "district": {"type": "string"},
            "roles": {"type": "array", "items": {"type": "string"}}, "unit": {"type": "string"},
            "permissions": {"type": "array", "items": {"type": "string"}}, "scope": {"type": "string", "enum": ["district", "unit"]}}}}}},
            "401": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.audit.path, #"""
        {"get": {"summary": "操作日志检索（项目办、系统管理员）/ search the audit trail (office, admin)",
          "parameters": [{"name": "entity", "in": "query", "schema": {"type": "string"}}, {"name": "entityId", "in": "query", "schema": {"type": "string", "format": "uuid"}},
            {"name": "actor", "in": "query", "schema": {"type": "string"}}, {"name": "action", "in": "query", "schema": {"type": "string"}},
            {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}}, {"name": "perPage", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
          "responses": {"200": {"description": "items (newest first), total, page, perPage"}, "400": {"$ref": "#/components/responses/Error"},
                        "403": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.rollup.path, #"""
        {"get": {"summary": "各地区汇总（上级汇总角色）/ every district's totals (regional role)",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "year, districts: [{district, name, asOf, projects, totalInvestment, annualPlan, completed (万元), completionRate (share of 1, absent without a plan), timeProgress (时序进度 of asOf, share of 1), colours}]: each district's own year summary of the day"},
                        "403": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.rollupDistrict.path, #"""
        {"get": {"summary": "一个地区的汇总：类别、级别、片区、四库（上级汇总角色）/ one district's figures by category, level, zone and pool (regional role)",
          "parameters": [{"name": "district", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the district's code, as /api/v1/rollup gives it"},
            {"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "year, district (the roll-up's row: projects, totalInvestment, annualPlan, completed (万元), completionRate, timeProgress, colours), byCategory, byLevel, byZone ([{name, projects, totalInvestment, annualPlan, completed}], as /api/v1/summary gives them), pools ([{stage, projects, totalInvestment}]); no unit or project"},
                        "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.warnings.path, #"""
        {"get": {"summary": "四色预警，最严重在前 / warning colours, worst first",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "colour", "in": "query", "schema": {"type": "string"}, "description": "red,yellow,blue,green (comma-separated)"},
            {"name": "sinceBefore", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "only colours held since this date or earlier (red for 3 months)"}],
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object",
            "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "colour": {"type": "string", "enum": ["red", "yellow", "blue", "green"]},
              "reasons": {"type": "array", "items": {"type": "string"}}, "lag": {"type": "number"}, "since": {"type": "string", "format": "date"}}}}}}},
            "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.progressImport.path, #"""
        {"post": {"summary": "导入月度进度（项目编号、月份、本月完成投资（万元）、形象进度）/ import monthly progress",
          "parameters": [{"name": "filename", "in": "query", "schema": {"type": "string"}},
            {"name": "dryRun", "in": "query", "schema": {"type": "boolean"}, "description": "true: nothing is written; preview says what would be"}],
          "responses": {"200": {"description": "Imported: applied, rows, created, adjusted, unchanged, preview"},
                        "422": {"description": "Refused; nothing stored; issues name row and column"}}}}
        """#),
        (Site.API.reports.path, #"""
        {"get": {"summary": "某月月报：已填报与未报送的项目 / a month's reports, and who has not reported",
          "parameters": [{"name": "month", "in": "query", "schema": {"type": "string"}, "description": "YYYY-MM; default: this month"}],
          "responses": {"200": {"description": "month, due, reports: [{projectId, code, name, unit, reportId, amount, progress, status, late, version, returnReason}], missing: [...]"}}}}
        """#),
        (Site.API.projectReport.path, #"""
        {"put": {"summary": "保存月报草稿（责任单位）/ save a month's draft (unit)",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                         {"name": "month", "in": "path", "required": true, "schema": {"type": "string"}, "description": "YYYY-MM"}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"amount": {"type": "number", "description": "万元"},
            "progress": {"type": "string"}, "version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The report"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.reportSubmit.path, #"""
        {"post": {"summary": "报送（责任单位）/ submit (unit); late after the 25th is recorded",
          "parameters": [{"name": "report", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The report"}, "409": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.reportApprove.path, #"""
        {"post": {"summary": "审定（项目办），之后数字锁定 / approve (office); the figure is then locked",
          "parameters": [{"name": "report", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The report"}, "409": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.reportReturn.path, #"""
        {"post": {"summary": "退回并说明原因（项目办）/ return with a reason (office)",
          "parameters": [{"name": "report", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"version": {"type": "integer"}, "reason": {"type": "string"}}}}}},
          "responses": {"200": {"description": "The report"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.reportAdjust.path, #"""
        {"post": {"summary": "更正已审定的数字：新增调整记录，原数不变（项目办）/ correct an approved figure by an adjustment (office)",
          "parameters": [{"name": "report", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"amount": {"type": "number", "description": "the month's corrected figure, 万元"}, "reason": {"type": "string"}}}}}},
          "responses": {"200": {"description": "The report, amount as it now stands"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.warningsChanges.path, #"""
        {"get": {"summary": "变色记录：本周新增红灯、转绿等 / colour changes: new reds this week, turned green",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "colour", "in": "query", "schema": {"type": "string"}}],
          "responses": {"200": {"description": "[{code, name, from, to, on}], newest first"}, "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.warningRule.path, #"""
        {
          "get": {"summary": "预警阈值（本年现行版本）/ the year's warning thresholds", "parameters": [{"$ref": "#/components/parameters/year"}],
            "responses": {"200": {"description": "year, version, blueLagPoints, yellowLagPoints, blueLateDays, yellowLateDays, statsYellowMonths, statsRedMonths"}}},
          "put": {"summary": "修改阈值：新增一版并重算（项目办）/ new version of the thresholds, then recompute (office)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"year": {"type": "integer"},
              "blueLagPoints": {"type": "integer"}, "yellowLagPoints": {"type": "integer"}, "blueLateDays": {"type": "integer"}, "yellowLateDays": {"type": "integer"},
              "statsYellowMonths": {"type": "integer", "description": "入库纳统：开工满几个月未入库为黄（默认 1；省略则沿用现行）"},
              "statsRedMonths": {"type": "integer", "description": "开工满几个月未入库为红（默认 2）"}}}}}},
            "responses": {"200": {"description": "The new version"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectMilestones.path, #"""
        {
          "get": {"summary": "项目某年节点计划 / a project's milestones for a year",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"$ref": "#/components/parameters/year"}],
            "responses": {"200": {"description": "[{id, year, seq, name, planned, actual, unit, version}]"}, "404": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "添加节点；填实际日期的开工/竣工/投产节点推进项目阶段 / add a node; an actual 开工/竣工/投产 moves the stage",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"year": {"type": "integer"}, "seq": {"type": "integer"},
              "name": {"type": "string"}, "planned": {"type": "string", "format": "date"}, "actual": {"type": "string", "format": "date"}, "unit": {"type": "string"}}}}}},
            "responses": {"201": {"description": "The node, with stageMovedTo when the stage moved"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectMilestonesTemplate.path, #"""
        {"post": {"summary": "套用区节点模板（本年尚无节点时）/ apply the district template when the year has no nodes",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"year": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "{added}"}}}}
        """#),
        (Site.API.milestone.path, #"""
        {
          "put": {"summary": "修改节点（须带 version）/ change a node (with the version read)",
            "parameters": [{"name": "item", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"version": {"type": "integer"}, "seq": {"type": "integer"},
              "name": {"type": "string"}, "planned": {"type": "string", "format": "date"}, "actual": {"type": "string", "format": "date"}, "unit": {"type": "string"}}}}}},
            "responses": {"200": {"description": "The node"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "删除节点 / delete a node",
            "parameters": [{"name": "item", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                           {"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
            "responses": {"204": {"description": "Deleted"}, "409": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectApprovals.path, #"""
        {
          "get": {"summary": "项目某年前期手续（按顺序的审批事项链）/ a project's approval chain for a year",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"$ref": "#/components/parameters/year"}],
            "responses": {"200": {"description": "[{id, year, seq, name, department, applied, promisedDays, target, actual, approvalNo, waivedReason, state (waiting|in-progress|overdue|done), due, workingDays, version}] in order"}}},
          "post": {"summary": "添加事项（前序事项办结前批复须填 waivedReason）/ add a step (approved before the steps it needs: give waivedReason)",
            "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"year": {"type": "integer"}, "name": {"type": "string"},
              "department": {"type": "string"}, "target": {"type": "string", "format": "date"}, "actual": {"type": "string", "format": "date"},
              "seq": {"type": "integer", "minimum": 1, "maximum": 99}, "applied": {"type": "string", "format": "date"},
              "promisedDays": {"type": "integer", "minimum": 1, "maximum": 250, "description": "承诺时限, working days"},
              "approvalNo": {"type": "string", "description": "批复文号"}, "waivedReason": {"type": "string", "description": "容缺受理: why it is approved before the steps it needs"}}}}}},
            "responses": {"201": {"description": "The step"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.approval.path, #"""
        {
          "put": {"summary": "修改事项（须带 version）/ change an item (with the version read)",
            "parameters": [{"name": "item", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"version": {"type": "integer"}, "name": {"type": "string"},
              "department": {"type": "string"}, "target": {"type": "string", "format": "date"}, "actual": {"type": "string", "format": "date"},
              "seq": {"type": "integer", "minimum": 1, "maximum": 99}, "applied": {"type": "string", "format": "date"},
              "promisedDays": {"type": "integer", "minimum": 1, "maximum": 250, "description": "承诺时限, working days"},
              "approvalNo": {"type": "string", "description": "批复文号"}, "waivedReason": {"type": "string", "description": "容缺受理: why it is approved before the steps it needs"}}}}}},
            "responses": {"200": {"description": "The step"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "删除事项 / delete an item",
            "parameters": [{"name": "item", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                           {"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
            "responses": {"204": {"description": "Deleted"}, "409": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.approvalsRate.path, #"""
        {"get": {"summary": "联审联批办结率（本区或本单位）/ the year's approval completion",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{year, asOf, total, approved, onTime, overdue, percent}"}}}}
        """#),
        (Site.API.approvalDepartments.path, #"""
        {"get": {"summary": "部门审批时效：期间内申报的事项，按本区工作日历计 / the approving departments' times, in working days",
          "parameters": [{"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "applied from (default: 1 January of asOf's year)"},
                         {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "applied to (default: asOf)"},
                         {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "judged as of (default: the district's day)"}],
          "responses": {"200": {"description": "[{department, received, done, onTime, overdue, averageDays, p80Days}], most overdue first"},
                        "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectApprovalsTemplate.path, #"""
        {"post": {"summary": "按本区模板生成前期手续（政府投资：立项/可研批复起；企业投资：备案起；仅对尚无事项的项目）/ start a project's chain from the district's template for its type",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"year": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "{added}: the steps added (0 when the project already has steps)"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.elements.path, #"""
        {"get": {"summary": "要素保障：专项债按单位、待交地项目、资金到位滞后项目 / special bonds by unit, projects waiting for land, funds behind spending",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{year, asOf, specialBondsByUnit: [{unit, projects, planned, arrived} (万元)], waitingForLand, fundsBehind, arrivedAbovePlanned: [{projectID, code, name, unit, plannedStart, reason}]}; a unit sees its own"},
                        "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectElements.path, #"""
        {"get": {"summary": "项目资金来源、用地与要素 / a project's funding, land and quotas",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"$ref": "#/components/parameters/year"}],
          "responses": {"200": {"description": "{projectID, year, funds: [{source, planned, arrived} (万元)], fundsVersion, areaMu, supplyMethod, handedOverOn, quotas, landVersion, findings: [{kind (funds-behind|land-late|arrived-above-planned), message}]}"},
                        "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectFunds.path, #"""
        {"put": {"summary": "填报某年资金来源（整体替换；到位可超过计划，会提示；不能为负）/ replace a year's funding sources",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["funds", "version"], "properties": {"year": {"type": "integer"},
            "version": {"type": "integer", "description": "fundsVersion as read (0 when none)"},
            "funds": {"type": "array", "maxItems": 8, "items": {"type": "object", "properties": {"source": {"type": "string", "description": "专项债, 中央预算内投资, 省级资金, 市级资金, 区级资金, 银行贷款, 企业自筹, 其他 (or special-bonds, central-budget, …)"},
              "planned": {"type": "number", "minimum": 0}, "arrived": {"type": "number", "minimum": 0}}}}}}}}},
          "responses": {"200": {"description": "The project's funding"}, "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectLand.path, #"""
        {"put": {"summary": "填报用地面积、供地方式、交地日期和其他要素 / the project's land and quotas",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {"areaMu": {"type": "number", "minimum": 0, "maximum": 100000},
            "supplyMethod": {"type": "string", "maxLength": 20}, "handedOverOn": {"type": "string", "format": "date"}, "quotas": {"type": "string", "maxLength": 500},
            "version": {"type": "integer", "description": "landVersion as read (0 when none)"}}}}}},
          "responses": {"200": {"description": "The project's funding and land"}, "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.statistics.path, #"""
        {"get": {"summary": "入库纳统：已开工未入库项目（按单位）、上报与统计口径投资（按单位、月份）/ started projects not in the statistics database, reported beside counted investment",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "default: the district's day (31 December for a past year)"}],
          "responses": {"200": {"description": "{year, asOf, rule: {yellowMonths, redMonths}, missing: [{projectID, code, name, unit, startedOn, status (not-included|declared), declaredOn, months, reportedYTD (万元)}], byUnit: [{unit, projects, reportedYTD}], gap: [{unit, month, reported, counted, gap} (万元)]}; a unit sees its own projects"},
                        "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectStatistics.path, #"""
        {"get": {"summary": "项目入库纳统信息 / a project's statistics record",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"$ref": "#/components/parameters/year"}],
          "responses": {"200": {"description": "{projectID, startedOn, declaredOn, includedOn, statisticsNumber, status, asOf, version (0: none yet), year, months: [{month, reported, counted} (万元)]}"}, "404": {"$ref": "#/components/responses/Error"}}},
         "put": {"summary": "填写实际开工、申报、入库日期和统计库项目编号（未开工的项目不能入库）/ set the start and the statistics days and number",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"startedOn": {"type": "string", "format": "date"},
            "declaredOn": {"type": "string", "format": "date"}, "includedOn": {"type": "string", "format": "date"}, "statisticsNumber": {"type": "string", "maxLength": 40},
            "version": {"type": "integer", "description": "as read (0 when none yet)"}}}}}},
          "responses": {"200": {"description": "The record"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectStatisticsCounts.path, #"""
        {"put": {"summary": "填写某月统计口径投资（项目办）/ the investment the statistics office counted in a month (office)",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["month"], "properties": {"year": {"type": "integer"},
            "month": {"type": "integer", "minimum": 1, "maximum": 12}, "counted": {"type": ["number", "null"], "minimum": 0, "description": "万元; null clears the month"}}}}}},
          "responses": {"200": {"description": "The record"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.reportPhotos.path, #"""
        {"post": {"summary": "上传现场照片（JPEG/PNG，≤5 MB，草稿或退回时；按项目位置和月份核验拍摄信息；HEIC 请先在手机上转为 JPEG）/ upload a site photo, judged against the project's place and the month",
          "parameters": [{"name": "report", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"image/jpeg": {}, "image/png": {}, "multipart/form-data": {"schema": {"type": "object", "properties": {"photo": {"type": "string", "format": "binary"}}}}}},
          "responses": {"201": {"description": "{id, reportId, contentType, width, height, size, url, verdict (on-site|wrong-place|wrong-time|no-location|no-time|unreadable|no-site), distanceMeters, takenAt}"}, "409": {"$ref": "#/components/responses/Error"},
                        "413": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.photo.path, #"""
        {
          "get": {"summary": "现场照片：审核月报者得原件，其他人得去除拍摄位置的副本 / a site photo: the original for reviewers, without its position for others",
            "parameters": [{"name": "photo", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"200": {"description": "image/jpeg or image/png"}, "404": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "删除照片（草稿或退回时）/ remove a photo",
            "parameters": [{"name": "photo", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"204": {"description": "Deleted"}, "409": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.supervisionWarnings.path, #"""
        {"get": {"summary": "亮灯督办事项：红黄灯自动立项，转蓝绿自动销号 / supervision items opened by red and yellow lights",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "closed", "all"]}}],
          "responses": {"200": {"description": "[{id, code, name, unit, openedOn, openedColour, colour, reasons, closedOn, closedColour}]"}, "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.enterprises.path, #"""
        {
          "get": {"summary": "企业库（按名称或统一社会信用代码查找）/ enterprises, by name or credit code",
            "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "page", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "{total, items: [{id, name, creditCode, industry, aboveScale, serviceOfficial, projects, version}]} (200 a page)"}}},
          "post": {"summary": "登记企业；同一信用代码只有一家，同名须确认 / register; one record per credit code, same name needs confirmDuplicateName",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Enterprise"}}}},
            "responses": {"201": {"description": "The enterprise"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.enterprisesDuplicates.path, #"""
        {"get": {"summary": "疑似重复（名称相同，忽略空格、全半角、大小写）/ possible duplicates by name",
          "responses": {"200": {"description": "[[row, row, …], …] groups of live records sharing a name"}}}}
        """#),
        (Site.API.enterprise.path, #"""
        {
          "get": {"summary": "企业及关联项目（责任单位只见本单位项目）/ an enterprise and its projects",
            "parameters": [{"name": "enterprise", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"200": {"description": "The enterprise with projects: [{id, code, name, stage}]"}, "404": {"$ref": "#/components/responses/Error"}}},
          "put": {"summary": "修改企业（须带 version），项目上的建设单位随之更新 / change (with version); its projects' investor follows",
            "parameters": [{"name": "enterprise", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Enterprise"}}}},
            "responses": {"200": {"description": "The enterprise"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.enterpriseMerge.path, #"""
        {"post": {"summary": "合并到另一家（项目办），留痕 / merge into another record (office), audited",
          "parameters": [{"name": "enterprise", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"into": {"type": "string", "format": "uuid"}, "version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "{mergedInto, projectsMoved}"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.pipeline.path, #"""
        {"get": {"summary": "四库：各库项目数与投资（任一日期，按阶段历史精确还原）、本年入库与目标、流转、退出原因 / the four pools at any date",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{year, asOf, pools: [{stage, projects, totalInvestment (万元), entered, target}], flows: [{from, to, projects}], exits: [{reason, projects}]}"}}}}
        """#),
        (Site.API.pipelineCohort.path, #"""
        {"get": {"summary": "转化：某期间进入某库的项目此后签约、落地、开工、退出的数量与天数（中位数、80% 分位），分单位 / cohort conversion",
          "parameters": [{"name": "pool", "in": "query", "schema": {"type": "string", "description": "谋划|招引|签约|落地 (default 招引)"}},
            {"name": "quarter", "in": "query", "schema": {"type": "string", "description": "YYYY-Qn"}},
            {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{pool, from, to, asOf, cohort: {projects, reached: {stage: n}, exited, stillIn, daysInPool: {projects, median, p80}, daysTo: {stage: {…}}}, byUnit: [{unit, cohort}]}"},
                        "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.pipelineBreakdown.path, #"""
        {"get": {"summary": "四库分单位或分产业链（任一日期）/ the four pools per unit or per industry chain at a date",
          "parameters": [{"name": "by", "in": "query", "schema": {"type": "string", "enum": ["unit", "chain"]}}, {"$ref": "#/components/parameters/year"},
            {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{by, groups: [{name (\"\" = none), pools: [{stage, projects, totalInvestment (万元)}]}]}"}, "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.pipelineTargets.path, #"""
        {"put": {"summary": "设定本年各库入库目标（项目办）/ set the year's pool targets (office)",
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"year": {"type": "integer"},
            "targets": {"type": "object", "additionalProperties": {"type": "integer"}, "description": "谋划/招引/签约/落地 → projects"}}}}}},
          "responses": {"200": {"description": "The figures with the new targets"}, "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.projectPool.path, #"""
        {"post": {"summary": "四库流转：逐库前进须附证明；跳库、退回仅项目办；退出须选原因 / move between pools",
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["to", "version"], "properties": {
            "to": {"type": "string", "description": "谋划|招引|签约|落地|退出"}, "on": {"type": "string", "format": "date"}, "version": {"type": "integer"},
            "investor": {"type": "string"}, "signedOn": {"type": "string", "format": "date"}, "contractAmount": {"type": "string", "description": "万元"},
            "registeredCompany": {"type": "string"}, "site": {"type": "string"}, "plannedStart": {"type": "string", "format": "date"}, "exitReason": {"type": "string"}}}}}},
          "responses": {"200": {"description": "{id, code, stage, version}"}, "409": {"$ref": "#/components/responses/Error"},
                        "422": {"description": "Refused: code invalid (evidence missing, field named) or office_only (skip or move back)"}}}}
        """#),
        (Site.API.campaign.path, #"""
        {"get": {"summary": "三个一批：各期签约/开工/投产一批的项目数、计入投资（万元）、跟踪（开工、投产、达效）与比率，逐期及累计 / campaign periods with rates",
          "parameters": [{"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{asOf, periods: [{id, number, heldOn, title, entries, investment, batches: {签约|开工|投产: {entries, investment, started, produced, atCapacity, rate}}, cumulative: {…}}], totals: {entries, investment, batches}}"}}}}
        """#),
        (Site.API.campaignPeriods.path, #"""
        {"post": {"summary": "新建期次（项目办）/ open a period (office)",
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["number", "heldOn"], "properties": {
            "number": {"type": "integer"}, "heldOn": {"type": "string", "format": "date"}, "title": {"type": "string"}}}}}},
          "responses": {"201": {"description": "{id, number, heldOn}"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.campaignPeriod.path, #"""
        {"get": {"summary": "一期的名单（责任单位只见本单位项目）/ a period's lists",
          "parameters": [{"name": "period", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "[{id, batch, projectID, projectCode, projectName, investment (万元), startedOn, producedOn, atCapacityOn, note, version}]"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.campaignPeriodEntries.path, #"""
        {"post": {"summary": "列入项目（项目办）/ list a project (office)",
          "parameters": [{"name": "period", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["batch", "investment"], "properties": {
            "projectID": {"type": "string", "format": "uuid"}, "projectCode": {"type": "string"}, "batch": {"type": "string", "description": "签约|开工|投产"},
            "investment": {"type": "string", "description": "万元"}, "startedOn": {"type": "string", "format": "date"}, "producedOn": {"type": "string", "format": "date"},
            "atCapacityOn": {"type": "string", "format": "date"}, "note": {"type": "string"}}}}}},
          "responses": {"201": {"description": "The entry"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.campaignEntry.path, #"""
        {
          "put": {"summary": "跟踪：开工、投产、达效日期（须带 version；不得晚于今天，先后有序）/ follow an entry up",
            "parameters": [{"name": "entry", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {
              "startedOn": {"type": "string", "format": "date"}, "producedOn": {"type": "string", "format": "date"}, "atCapacityOn": {"type": "string", "format": "date"},
              "note": {"type": "string"}, "version": {"type": "integer"}}}}}},
            "responses": {"200": {"description": "The entry"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "移出名单（项目办，?version=）/ remove (office)",
            "parameters": [{"name": "entry", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
            "responses": {"204": {"description": "Removed"}, "409": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.campaignImport.path, #"""
        {"post": {"summary": "导入名单 .xlsx/.csv：期次、批次、项目编号、计入投资（万元）[、举办日期、开工日期、投产日期、达效日期、备注]，全部或全不 / import a list, all or nothing",
          "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
          "responses": {"200": {"description": "{applied, rows, created, updated, unchanged, issues: []}"}, "422": {"description": "{applied: false, issues: [{row, column, message}]}"}}}}
        """#),
        (Site.API.statisticsImport.path, #"""
        {"post": {"summary": "导入入库纳统表 .xlsx/.csv：项目编号[、项目名称、实际开工日期、申报入库日期、入库日期、统计库项目编号、1月…12月（统计口径投资，万元）]；空白保留原值，全部或全不（项目办）/ import the statistics file, all or nothing (office)",
          "parameters": [{"$ref": "#/components/parameters/year"}],
          "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
          "responses": {"200": {"description": "{applied, rows, created, updated, unchanged, issues: []}"}, "422": {"description": "{applied: false, issues: [{row, column, message}]}"}}}}
        """#),
        (Site.API.fundsImport.path, #"""
        {"post": {"summary": "导入资金来源表 .xlsx/.csv：项目编号[、项目名称、各资金来源“计划（万元）”“到位（万元）”]；空白保留原值，不能为负，全部或全不（责任单位只能导入本单位项目）/ import the funding file, all or nothing",
          "parameters": [{"$ref": "#/components/parameters/year"}],
          "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
          "responses": {"200": {"description": "{applied, rows, created, updated, unchanged, issues: []}"}, "422": {"description": "{applied: false, issues: [{row, column, message}]}"}}}}
        """#),
        (Site.API.approvalsImport.path, #"""
        {"post": {"summary": "导入前期手续表 .xlsx/.csv：项目编号、事项[、项目名称、顺序、审批部门、申报日期、承诺时限（工作日）、目标日期、批复日期、批复文号、容缺受理理由]；同名事项更新，否则新增；空白保留原值；按顺序校验，全部或全不（责任单位只能导入本单位项目）/ import the approvals file, all or nothing",
          "parameters": [{"$ref": "#/components/parameters/year"}],
          "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
          "responses": {"200": {"description": "{applied, rows, created, updated, unchanged, issues: []}"}, "422": {"description": "{applied: false, issues: [{row, column, message}]}"}}}}
        """#),
        (Site.API.leads.path, #"""
        {
          "get": {"summary": "招商线索（责任单位只见本单位）/ leads",
            "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "description": "线索|接洽|考察|洽谈|签约|放弃"}}, {"name": "q", "in": "query", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
              {"name": "enterprise", "in": "query", "schema": {"type": "string", "format": "uuid"}}, {"name": "trip", "in": "query", "schema": {"type": "string", "format": "uuid"}},
              {"name": "page", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "{total, items: [{id, title, enterpriseID, enterprise, source, chain, intendedInvestment, unit, status, collectedOn, signedOn, contractAmount, projectID, version}]}"}}},
          "post": {"summary": "登记线索：企业按信用代码（校验位）或名称找到或新建 / register a lead",
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Lead"}}}},
            "responses": {"201": {"description": "The lead with its steps and contacts"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.lead.path, #"""
        {
          "get": {"summary": "线索、状态记录与对接记录 / a lead with its history and contact log",
            "parameters": [{"name": "lead", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"200": {"description": "{lead, note, abandonReason, tripID, projectCode, steps: [{from, to, on, actor, note}], contacts: [{on, who, what, recordedBy}]}"}, "404": {"$ref": "#/components/responses/Error"}}},
          "put": {"summary": "修改线索（须带 version）/ change a lead (with version)",
            "parameters": [{"name": "lead", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Lead"}}}},
            "responses": {"200": {"description": "The lead"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.leadStatus.path, #"""
        {"post": {"summary": "状态流转：线索→接洽→考察→洽谈→签约|放弃（须原因）；签约须日期与金额，建立或转入签约库项目 / move a lead; signing creates or moves the project into 签约库",
          "parameters": [{"name": "lead", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["to", "version"], "properties": {
            "to": {"type": "string"}, "on": {"type": "string", "format": "date"}, "reason": {"type": "string"}, "signedOn": {"type": "string", "format": "date"},
            "contractAmount": {"type": "string", "description": "万元"}, "projectID": {"type": "string", "format": "uuid"}, "projectCode": {"type": "string"},
            "category": {"type": "string"}, "version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The lead"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.leadContacts.path, #"""
        {"post": {"summary": "记录对接（日期、对接人、内容）/ log a contact",
          "parameters": [{"name": "lead", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {"on": {"type": "string", "format": "date"}, "who": {"type": "string"}, "what": {"type": "string"}}}}}},
          "responses": {"201": {"description": "The lead"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.leadsImport.path, #"""
        {"post": {"summary": "导入线索 .xlsx/.csv：线索名称、企业名称、来源、责任单位、收集日期[、统一社会信用代码、产业链、意向投资（万元）、状态、放弃原因、备注]，全部或全不 / import leads, all or nothing",
          "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
          "responses": {"200": {"description": "{applied, rows, created, updated, unchanged, issues: []}"}, "422": {"description": "{applied: false, issues: [{row, column, message}]}"}}}}
        """#),
        (Site.API.promotion.path, #"""
        {"get": {"summary": "招商引资数字：收集线索、对接企业、外出招商（领导带队/小分队）、洽谈项目、签约项目与金额 / promotion figures for a period",
          "parameters": [{"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{from, to, leads, enterprisesContacted, leaderTrips, teamTrips, negotiated, signed, signedAmount (万元), byStatus}"}}}}
        """#),
        (Site.API.trips.path, #"""
        {
          "get": {"summary": "外出招商（期间内）/ trips in a period",
            "parameters": [{"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
            "responses": {"200": {"description": "[{id, kind, startedOn, endedOn, ledBy, destinations, note, enterprisesVisited, leads}]"}}},
          "post": {"summary": "记录外出招商（项目办）/ record a trip (office)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["kind", "startedOn", "ledBy", "destinations"], "properties": {
              "kind": {"type": "string", "description": "领导带队|小分队"}, "startedOn": {"type": "string", "format": "date"}, "endedOn": {"type": "string", "format": "date"},
              "ledBy": {"type": "string"}, "destinations": {"type": "string"}, "enterprises": {"type": "array", "items": {"type": "string"}}, "note": {"type": "string"}}}}}},
            "responses": {"201": {"description": "{id}"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.problems.path, #"""
        {
          "get": {"summary": "问题台账（责任单位只见本单位提出、牵头、协办或本单位项目的问题）/ problems and meeting decisions",
            "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "overdue", "solved", "all"]}},
              {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["problem", "decision", "instruction", "all"]}}, {"name": "category", "in": "query", "schema": {"type": "string"}},
              {"name": "unit", "in": "query", "schema": {"type": "string", "description": "牵头单位名称"}}, {"name": "project", "in": "query", "schema": {"type": "string", "format": "uuid"}},
              {"name": "enterprise", "in": "query", "schema": {"type": "string", "format": "uuid"}}, {"name": "meeting", "in": "query", "schema": {"type": "string", "format": "uuid"}},
              {"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "page", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "{total, items: [{id, kind, title, category, major, projectID, projectCode, projectName, enterpriseID, enterprise, meetingID, leadUnit, leader, status, raisedBy, raisedOn, deadline, originalDeadline, resolvedOn, overdue, version}]}"}}},
          "post": {"summary": "提出问题（针对项目或企业）；项目办、督查室可同时交办 / raise a problem; the office may assign it at once",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["category", "title", "description"], "properties": {
              "projectID": {"type": "string", "format": "uuid"}, "projectCode": {"type": "string"}, "enterpriseID": {"type": "string", "format": "uuid"}, "enterprise": {"type": "string"},
              "category": {"type": "string", "description": "土地|资金|规划|征迁|手续审批|水电气暖|其他 or the district's list"}, "title": {"type": "string"}, "description": {"type": "string"},
              "major": {"type": "boolean"}, "leadUnit": {"type": "string"}, "assistingUnits": {"type": "array", "items": {"type": "string"}}, "leader": {"type": "string"},
              "path": {"type": "string", "description": "破解路径"}, "deadline": {"type": "string", "format": "date", "description": "时间节点; default the clock's resolution day"}}}}}},
            "responses": {"201": {"description": "The problem with its clocks and steps"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.problemsFigures.path, #"""
        {"get": {"summary": "问题数字：提出、解决、解决率、按时办结率、逾期、平均办结天数，可按单位或类别，任意历史日期 / problem figures at any past day",
          "parameters": [{"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
            {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "by", "in": "query", "schema": {"type": "string", "enum": ["total", "unit", "category"]}},
            {"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["problem", "decision", "all"]}}],
          "responses": {"200": {"description": "{from, to, asOf, by, kind, lines: [{group, raised, solved, onTime, open, overdue, resolutionRate, onTimeRate, averageDaysToResolve}]}"}, "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.problemsOverdue.path, #"""
        {"get": {"summary": "各牵头单位逾期未办结数（当前）/ overdue problems and decisions by lead unit, now",
          "responses": {"200": {"description": "[{unit, overdue}]"}}}}
        """#),
        (Site.API.problem.path, #"""
        {"get": {"summary": "问题详情：办理时限、办理记录 / a problem with its answer clocks and steps",
          "parameters": [{"name": "problem", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "{problem, description, path, assistingUnits, assignedOn, clocks: [{step, due, doneOn, late}], steps: [{seq, action, status, deadline, on, actor, note}]}"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.problemSteps.path, #"""
        {"post": {"summary": "办理一步：assign 交办（项目办/督查室）、acknowledge 签收、feedback 反馈、resolve 办结（牵头单位）、close 销号与 reopen 重新打开（仅提出人）、deadline 调整时限（须原因）、comment 备注 / take a step",
          "parameters": [{"name": "problem", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["action", "version"], "properties": {
            "action": {"type": "string", "enum": ["assign", "acknowledge", "feedback", "resolve", "close", "reopen", "deadline", "comment"]}, "note": {"type": "string"},
            "version": {"type": "integer"}, "deadline": {"type": "string", "format": "date"}, "leadUnit": {"type": "string"},
            "assistingUnits": {"type": "array", "items": {"type": "string"}}, "leader": {"type": "string"}, "path": {"type": "string"}}}}}},
          "responses": {"200": {"description": "The problem"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.planChanges.path, #"""
        {
          "get": {"summary": "年度计划动态调整（调入、调出、调整计划投资）/ the year's list changes",
            "parameters": [{"$ref": "#/components/parameters/year"}],
            "responses": {"200": {"description": "{year, changes: [{projectID, code, name, unit, kind (in|out|adjust), effectiveOn, before, after (万元), reason, createdBy, source (manual|import)}]}; a unit sees its own projects'"}, "400": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "一批调整（项目办）：同一生效日期（不早于今天）与原因，整批核对、整批写入；preview 为 true 时只核对 / a batch of changes (office), checked and written whole; preview only checks",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["effectiveOn", "reason", "changes"], "properties": {
              "year": {"type": "integer"}, "effectiveOn": {"type": "string", "format": "date"}, "reason": {"type": "string", "maxLength": 500},
              "preview": {"type": "boolean"},
              "changes": {"type": "array", "maxItems": 500, "items": {"type": "object", "required": ["code", "kind"], "properties": {
                "code": {"type": "string"}, "kind": {"type": "string", "enum": ["in", "out", "adjust"]}, "amount": {"type": "number", "description": "调整后的年度计划投资（万元）; none for out"}}}}}}}}},
            "responses": {"200": {"description": "{preview: true, year, effectiveOn, changes}"}, "201": {"description": "{preview: false, year, effectiveOn, changes}"},
                          "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.inspections.path, #"""
        {
          "get": {"summary": "观摩讲评：本年度观摩及打分进度 / the year's inspection tours with their progress",
            "parameters": [{"$ref": "#/components/parameters/year"}],
            "responses": {"200": {"description": "{year, inspections: [{id, title, heldOn, status (planned|closed), closedOn, projects, reviewers, scored, owed}]}"}, "400": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "安排观摩（项目办）：日期（不早于今天，一天一次）、观摩项目（编号，第一个为出发点）、评委（账号）；route 为 true（默认）时按最近距离排定路线 / plan a tour (office)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["title", "heldOn", "projects", "reviewers"], "properties": {
              "title": {"type": "string", "maxLength": 60}, "heldOn": {"type": "string", "format": "date"},
              "projects": {"type": "array", "maxItems": 40, "items": {"type": "string"}, "description": "项目编号"},
              "reviewers": {"type": "array", "maxItems": 30, "items": {"type": "string"}, "description": "评委用户名"},
              "route": {"type": "boolean"}}}}}},
            "responses": {"201": {"description": "The tour, as GET /api/v1/inspections/{inspection}"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.inspectionSuggestions.path, #"""
        {"get": {"summary": "推荐观摩项目（项目办）：重点项目、新开工、亮灯项目，每个责任单位至少一个 / the projects suggested for a tour (office)",
          "parameters": [{"name": "heldOn", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "[{projectID, code, name, unit, reasons: [key|newStart|lit|unit]}]"}, "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.inspection.path, #"""
        {"get": {"summary": "观摩详情：路线、评委进度、结果（结束评分后所有人可见；此前仅项目办可见暂计结果）、我的评分（评委本人）/ a tour: route, reviewers, results, the caller's own sheets",
          "parameters": [{"name": "inspection", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "{id, title, heldOn, status, closedOn, version, sheet: {version, items, fullPoints, dropExtremesFrom}, stops: [{seq, projectID, code, name, unit, address, lng, lat, legKm, reasons}], reviewers: [{name, scored, owed}], results: {projects: [{projectID, code, name, unit, score, rank, reviewers, dropped, itemMeans}], units: [{unit, score, rank, projects}]}, provisional, mine, reviewDocumentID}"},
                        "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.inspectionScores.path, #"""
        {"post": {"summary": "评委打分：一个项目的评分表，逐项不超过分值、最多一位小数；观摩当天起至结束评分前可改；不为本单位项目打分 / a reviewer's sheet for one project",
          "parameters": [{"name": "inspection", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["projectID", "points"], "properties": {
            "projectID": {"type": "string", "format": "uuid"}, "points": {"type": "object", "additionalProperties": {"type": "number"}, "description": "评分项代码 → 得分"}}}}}},
          "responses": {"200": {"description": "{projectID, total}"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.inspectionClose.path, #"""
        {"post": {"summary": "结束评分（项目办）：每个项目至少一份评分；此后结果为最终结果，可生成讲评通报（documents, kind inspection-review, period 观摩日期）/ close the scoring (office)",
          "parameters": [{"name": "inspection", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {"version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The tour with its results"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.inspectionSheet.path, #"""
        {
          "get": {"summary": "观摩评分表（现行版本）/ the scoring sheet in force",
            "responses": {"200": {"description": "{version, items: [{key, name, points}], fullPoints, dropExtremesFrom}"}}},
          "put": {"summary": "保存评分表为新版本（项目办）；已安排的观摩仍按原版本 / save the sheet as a new version (office)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version", "items"], "properties": {
              "version": {"type": "integer"}, "dropExtremesFrom": {"type": "integer", "description": "0 (never) or 3 to 50; default 5"},
              "items": {"type": "array", "maxItems": 20, "items": {"type": "object", "required": ["name", "points"], "properties": {
                "key": {"type": "string"}, "name": {"type": "string", "maxLength": 30}, "points": {"type": "number"}}}}}}}}},
            "responses": {"200": {"description": "The new version"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.instructions.path, #"""
        {
          "get": {"summary": "领导批示（责任单位只见交办本单位或本单位项目的批示）/ leaders' instructions (a unit: those addressed to it or on its projects)",
            "parameters": [{"name": "status", "in": "query", "schema": {"type": "string", "enum": ["open", "overdue", "solved", "all"]}},
              {"name": "leader", "in": "query", "schema": {"type": "string", "description": "分包领导姓名"}}, {"name": "project", "in": "query", "schema": {"type": "string", "format": "uuid"}},
              {"name": "page", "in": "query", "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "{total, items: [{id, kind: instruction, title, projectID, projectCode, projectName, leadUnit, leader, status, raisedBy, raisedOn, deadline, originalDeadline, resolvedOn, overdue, version}]}"}, "400": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "下达批示（关联了分包领导的区领导）：对项目、问题（议定事项）或文件，交办单位（第一个牵头），可定办理时限 / give an instruction (a linked district leader)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["text", "units"], "properties": {
              "projectID": {"type": "string", "format": "uuid"}, "problemID": {"type": "string", "format": "uuid"}, "documentID": {"type": "string", "format": "uuid", "description": "exactly one of projectID, problemID, documentID"},
              "text": {"type": "string", "maxLength": 2000}, "units": {"type": "array", "items": {"type": "string"}, "maxItems": 10, "description": "单位名称，第一个为牵头单位"},
              "deadline": {"type": "string", "format": "date", "description": "办理时限; default the answer clock's resolution day"}}}}}},
            "responses": {"201": {"description": "The instruction with its clocks and steps"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.instructionsFigures.path, #"""
        {"get": {"summary": "分包领导：联系项目、亮灯项目、批示、已办结、按时办结（任意历史日期）/ per leader: projects, lit, instructions given, done, on time, as of a day",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "default: the district's day (31 December for a past year); not after today"},
            {"name": "leader", "in": "query", "schema": {"type": "string"}}],
          "responses": {"200": {"description": "{year, asOf, leaders: [{leader, projects, lit, given, done, onTime, overdue, doneRate, onTimeRate}]}"}, "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.instruction.path, #"""
        {"get": {"summary": "批示详情：办理时限、办理记录 / an instruction with its answer clocks and steps",
          "parameters": [{"name": "problem", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "{problem, description, path, assistingUnits, assignedOn, clocks, steps}"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.instructionSteps.path, #"""
        {"post": {"summary": "办理批示一步：acknowledge 签收、feedback 反馈、resolve 办结（交办单位）、close 销号与 reopen 重新打开（批示领导）、deadline 调整时限（项目办/督查室）、comment 备注 / take a step on an instruction",
          "parameters": [{"name": "problem", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["action", "version"], "properties": {
            "action": {"type": "string", "enum": ["acknowledge", "feedback", "resolve", "close", "reopen", "deadline", "comment"]}, "note": {"type": "string"},
            "version": {"type": "integer"}, "deadline": {"type": "string", "format": "date"}}}}}},
          "responses": {"200": {"description": "The instruction"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.leaderDesk.path, #"""
        {"get": {"summary": "我联系的项目（区领导本人）：项目及亮灯原因、待办问题、我的批示、上次访问以来的变化 / the signed-in leader's projects, instructions and what changed since the last visit",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{leader, year, asOf, since, figures, projects: [{id, code, name, unit, colour, reasons, completion, openProblems, overdueProblems, openInstructions}], instructions, changes: [{on, kind, projectID, problemID, what}]}"},
                        "400": {"$ref": "#/components/responses/Error"}, "403": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.meetings.path, #"""
        {
          "get": {"summary": "会议列表（议题数、议定事项数、已落实、逾期）/ meetings with how their decisions stand",
            "responses": {"200": {"description": "[{id, kind, title, heldOn, cutoffOn, agenda, decisions, decisionsSolved, decisionsOverdue}]"}}},
          "post": {"summary": "召开会议（项目办、督查室）/ call a meeting",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["title", "heldOn"], "properties": {
              "kind": {"type": "string", "description": "周例会|专题会"}, "title": {"type": "string"}, "heldOn": {"type": "string", "format": "date"},
              "cutoffOn": {"type": "string", "format": "date", "description": "议题截止; default the day before"}, "chairedBy": {"type": "string"}}}}}},
            "responses": {"201": {"description": "The meeting"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.meetingsLatest.path, #"""
        {"get": {"summary": "上次会议议定了什么、落实了多少 / the last meeting held: its decisions and how they stand",
          "responses": {"200": {"description": "As /meetings/{meeting}"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.meeting.path, #"""
        {"get": {"summary": "会议：议题、议定事项、（项目办）建议议题 / a meeting's agenda, decisions and suggested problems",
          "parameters": [{"name": "meeting", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "{id, kind, title, heldOn, cutoffOn, chairedBy, minutes, version, agenda: [{problem, reason}], decisions: [{decision, addresses}], suggestions: [{problem, reasons}]}"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.meetingItems.path, #"""
        {"post": {"summary": "列入议题（截止日前提出、未解决的问题）/ put problems on the agenda",
          "parameters": [{"name": "meeting", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["problems", "version"], "properties": {
            "problems": {"type": "array", "items": {"type": "string", "format": "uuid"}}, "version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The meeting"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.meetingItem.path, #"""
        {"delete": {"summary": "移出议题 / take a problem off the agenda",
          "parameters": [{"name": "meeting", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"name": "problem", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
            {"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
          "responses": {"200": {"description": "The meeting"}, "409": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.meetingMinutes.path, #"""
        {"put": {"summary": "会议纪要（会后）/ the minutes, once held",
          "parameters": [{"name": "meeting", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {"minutes": {"type": "string"}, "version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The meeting"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.meetingDecisions.path, #"""
        {"post": {"summary": "记录会议议定事项：牵头单位、时间节点、涉及问题；按问题同样跟踪 / record a decision, tracked like a problem",
          "parameters": [{"name": "meeting", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["title", "leadUnit"], "properties": {
            "title": {"type": "string"}, "description": {"type": "string"}, "leadUnit": {"type": "string"}, "assistingUnits": {"type": "array", "items": {"type": "string"}},
            "leader": {"type": "string"}, "deadline": {"type": "string", "format": "date"}, "problems": {"type": "array", "items": {"type": "string", "format": "uuid"}}}}}}},
          "responses": {"201": {"description": "The meeting"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.notices.path, #"""
        {
          "get": {"summary": "催办单（责任单位只见本单位）/ reminder notices",
            "parameters": [{"name": "year", "in": "query", "schema": {"type": "integer"}}, {"name": "pending", "in": "query", "schema": {"type": "boolean", "description": "unacknowledged only"}}],
            "responses": {"200": {"description": "[{id, number, unit, subject, problemID, item, originalDeadline, newDeadline, issuedOn, issuedBy, automatic, acknowledgedOn, acknowledgedBy, escalatedOn, version}]"}}},
          "post": {"summary": "手动发出催办单（针对问题/议定事项，或单位与事项）/ issue a notice by hand",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "properties": {
              "problemID": {"type": "string", "format": "uuid"}, "unit": {"type": "string"}, "item": {"type": "string"}, "newDeadline": {"type": "string", "format": "date"}}}}}},
            "responses": {"201": {"description": "The notice, numbered 二七督〔2023〕第N号"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.noticesGenerate.path, #"""
        {"post": {"summary": "按数据生成催办单（逾期问题、议定事项、逾期未报月报）并升级逾期未签收的 / generate the notices lateness calls for, escalate the unacknowledged",
          "responses": {"200": {"description": "{issued: [number], escalated: [number]}"}}}}
        """#),
        (Site.API.notice.path, #"""
        {"get": {"summary": "催办单 / a notice",
          "parameters": [{"name": "notice", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "The notice"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.noticeAcknowledge.path, #"""
        {"post": {"summary": "签收（仅被催办单位）/ acknowledge (the unit notified only)",
          "parameters": [{"name": "notice", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {"version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "The notice"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.inbox.path, #"""
        {"get": {"summary": "我的消息：新交办、明日到期、逾期、催办单、会议议定、催办升级 / my inbox",
          "parameters": [{"name": "unread", "in": "query", "schema": {"type": "boolean"}}],
          "responses": {"200": {"description": "{unread, items: [{id, kind, title, link, createdAt, readAt}]}"}}}}
        """#),
        (Site.API.todo.path, #"""
        {"get": {"summary": "我的待办（工作台）/ what is due for me",
          "responses": {"200": {"description": "{counts: {report, review, problem, notice, document, overdue}, items: [{kind, title, url, due, overdue, count}]}: overdue first"}}}}
        """#),
        (Site.API.inboxRead.path, #"""
        {"post": {"summary": "全部标为已读 / mark all read", "responses": {"200": {"description": "{marked}"}}}}
        """#),
        (Site.API.inboxMessageRead.path, #"""
        {"post": {"summary": "标为已读 / mark one read",
          "parameters": [{"name": "message", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "{marked}"}}}}
        """#),
        (Site.API.webhooks.path, #"""
        {
          "get": {"summary": "群机器人（系统管理员）/ group-robot webhooks (admin)",
            "responses": {"200": {"description": "[{id, name, url, format, unit, enabled, pending, sent, failed}]"}}},
          "post": {"summary": "添加群机器人：企业微信（wecom）或钉钉（dingtalk），http(s) 地址 / add a webhook",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["name", "url"], "properties": {
              "name": {"type": "string"}, "url": {"type": "string", "format": "uri"}, "format": {"type": "string", "enum": ["wecom", "dingtalk"]}, "unit": {"type": "string"}}}}}},
            "responses": {"201": {"description": "The webhook"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.webhookTest.path, #"""
        {"post": {"summary": "发送测试消息（排队，后台发送）/ queue a test message",
          "parameters": [{"name": "hook", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"202": {"description": "The queued delivery"}}}}
        """#),
        (Site.API.webhookEnabled.path, #"""
        {"put": {"summary": "启用或停用 / switch on or off",
          "parameters": [{"name": "hook", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["enabled"], "properties": {"enabled": {"type": "boolean"}}}}}},
          "responses": {"200": {"description": "The webhook"}}}}
        """#),
        (Site.API.webhookDeliveries.path, #"""
        {"get": {"summary": "投递记录（最近 50 条）/ the delivery log",
          "parameters": [{"name": "hook", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "[{id, status (pending|sending|sent|failed), attempts, lastStatus, lastError (why the last attempt failed and whether another follows, in the request's language), createdAt, finishedAt, nextAttemptAt}]"}}}}
        """#),
        (Site.API.supervisionSettings.path, #"""
        {
          "get": {"summary": "办理时限（默认 13710：签收 1、反馈 3、办结 7、重大 30 个工作日）与工作日历 / the answer clock and working-day calendar",
            "responses": {"200": {"description": "{acknowledgeDays, feedbackDays, resolveDays, majorResolveDays, holidays: [date], workdays: [date], version}"}}},
          "put": {"summary": "设置办理时限（项目办、督查室；须带 version）/ set the clock (with version)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {
              "acknowledgeDays": {"type": "integer"}, "feedbackDays": {"type": "integer"}, "resolveDays": {"type": "integer"}, "majorResolveDays": {"type": "integer"},
              "holidays": {"type": "array", "items": {"type": "string", "format": "date"}}, "workdays": {"type": "array", "items": {"type": "string", "format": "date"}},
              "version": {"type": "integer"}}}}}},
            "responses": {"200": {"description": "The settings"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.photoRules.path, #"""
        {
          "get": {"summary": "现场照片核验规则（距离范围、前后宽限天数、台账坐标系）/ the rules site photos are judged by",
            "responses": {"200": {"description": "{radiusMeters, graceDays, datum (WGS-84|GCJ-02), version}；计入排名由考核方案的 photos 指标决定"}}},
          "put": {"summary": "设置核验规则（审核月报者；须带 version；此后上传的照片按新规则核验）/ set the rules (reviewers; with version)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {
              "radiusMeters": {"type": "integer", "minimum": 50, "maximum": 20000}, "graceDays": {"type": "integer", "minimum": 0, "maximum": 31},
              "datum": {"type": "string", "enum": ["WGS-84", "GCJ-02"]}, "version": {"type": "integer"}}}}}},
            "responses": {"200": {"description": "The rules"}, "400": {"$ref": "#/components/responses/Error"}, "409": {"$ref": "#/components/responses/Error"},
                          "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.districtSettings.path, #"""
        {
          "get": {"summary": "本区设置：行政区划代码（项目代码须属于本市）/ the district's settings: its division code",
            "responses": {"200": {"description": "{code, name, divisionCode}"}}},
          "put": {"summary": "设置行政区划代码（名录维护者；6位数字，如 410103）/ set the division code (list keepers; six digits)",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["divisionCode"], "properties": {
              "divisionCode": {"type": "string", "pattern": "^[0-9]{6}$"}}}}}},
            "responses": {"200": {"description": "The settings"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.bulletins.path, #"""
        {
          "get": {"summary": "督查通报（草稿与已印发）/ supervision bulletins",
            "responses": {"200": {"description": "[{id, period, title, number, asOf, status (draft|issued), issuedOn, issuedBy, version}]"}}},
          "post": {"summary": "生成月度督查通报草稿（按统计日期的数据；已印发的不能重新生成）/ draft the month's bulletin as of a day",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["month"], "properties": {
              "month": {"type": "string", "description": "YYYY-MM"}, "asOf": {"type": "string", "format": "date"}}}}}},
            "responses": {"201": {"description": "{document, content: {year, month, asOf, units, overdue, notices, lateReports, litAllMonth}}"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.bulletin.path, #"""
        {"get": {"summary": "通报内容（印发后冻结）；format=pdf|docx|xlsx 取公文文件 / a bulletin, frozen once issued; format=pdf|docx|xlsx for the file",
          "parameters": [{"name": "doc", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                         {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "pdf", "docx", "xlsx"]}}],
          "responses": {"200": {"description": "{document, content}, or the file"}, "400": {"$ref": "#/components/responses/Error"}, "404": {"$ref": "#/components/responses/Error"},
                        "503": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.bulletinIssue.path, #"""
        {"post": {"summary": "印发（编号、冻结；不能重复印发）/ issue: numbered and frozen",
          "parameters": [{"name": "doc", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {"version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "{document, content}"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.documents.path, #"""
        {
          "get": {"summary": "周通报、月排名、季考核、年评优（草稿与已印发，可检索）/ bulletins, rankings and assessments, searchable",
            "parameters": [{"name": "kind", "in": "query", "schema": {"type": "string", "enum": ["weekly-bulletin", "unit-ranking", "quarterly-assessment", "annual-evaluation", "inspection-review", "supervision-bulletin"]}},
              {"name": "year", "in": "query", "schema": {"type": "integer"}}, {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "words in the title, number or content"}],
            "responses": {"200": {"description": "[{id, kind, period, title, number, asOf, status (draft|issued), issuedOn, issuedBy, version}]"}, "400": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "生成草稿（项目办；已印发的不能重新生成）/ draft (or redraft) a period's document",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["kind", "period"], "properties": {
              "kind": {"type": "string", "enum": ["weekly-bulletin", "unit-ranking", "quarterly-assessment", "annual-evaluation", "inspection-review"]},
              "period": {"type": "string", "description": "2023-W23 | 2023-05 | 2023-Q2 | 2023"}, "asOf": {"type": "string", "format": "date"}}}}}},
            "responses": {"201": {"description": "{document, content}: the content as stored, in the kind's shape"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.document.path, #"""
        {"get": {"summary": "文件及其内容（印发后冻结）；format=pdf|docx|xlsx 取公文文件 / a document and its content, frozen once issued; format=pdf|docx|xlsx for the file",
          "parameters": [{"name": "doc", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}},
                         {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "pdf", "docx", "xlsx"]}}],
          "responses": {"200": {"description": "{document, content}, or the file (an issued document's PDF is made once and kept)"}, "400": {"$ref": "#/components/responses/Error"},
                        "404": {"$ref": "#/components/responses/Error"}, "503": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.documentIssue.path, #"""
        {"post": {"summary": "印发（编号第N期、冻结；不能重复印发）/ issue: numbered and frozen",
          "parameters": [{"name": "doc", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {"version": {"type": "integer"}}}}}},
          "responses": {"200": {"description": "{document, content}"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.scoringScheme.path, #"""
        {
          "get": {"summary": "年度考核评分办法（未保存时为默认办法，version 0）/ the year's scoring scheme",
            "parameters": [{"name": "year", "in": "path", "required": true, "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "{year, version, weightSum, scheme: {items: [{indicator, weight, cap}], separateGroups, aggregation: {monthWeights}, pipelineTarget, advancedCount, advancedThreshold}}"}}},
          "put": {"summary": "保存为新版本（项目办；权重合计须为 100；指标须为 investment、starts、problems、reporting、warnings、pipeline）/ save a new version",
            "parameters": [{"name": "year", "in": "path", "required": true, "schema": {"type": "integer"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["version", "scheme"], "properties": {
              "version": {"type": "integer", "description": "the version read (0 for the standard scheme)"}, "scheme": {"type": "object"}}}}}},
            "responses": {"200": {"description": "{year, version, weightSum, scheme}"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.dashboard.path, #"""
        {"get": {"summary": "挂图作战数字（金额单位：元；比率为 0–1 的小数；责任单位用户只含本单位项目）/ the dashboard's figures (money in yuan, rates as shares of 1)",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "统计日期，不晚于今天；过去的日期按预警和入库历史 / a past day reads the colour and pool histories"}],
          "responses": {"200": {"description": "{year, asOf, month, timeProgress, projects, totalInvestment, annualPlan, completed, colours: {red, yellow, blue, green}, byCategory: [{name, projects, totalInvestment, annualPlan, completed}], byZone: [...], monthly: [12], lastYear: {year, projects, annualPlan, completed, monthly} | null, pools: [{stage, projects, entered, target}], campaign: {period, heldOn, rates: [{batch, entries, done, rate}]} | null, problems: {raised, solved, onTime, open, overdue, resolutionRate}, ranking: {period, source, units, top: [{unit, rank, total}], bottom: [...]} | null, unlocated}"},
                        "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.mapPoints.path, #"""
        {"get": {"summary": "地图上的项目（含无坐标、区界外的项目）/ the map's projects, with those without coordinates and outside the district",
          "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}},
                         {"name": "category", "in": "query", "schema": {"type": "string"}}, {"name": "colour", "in": "query", "schema": {"type": "string", "enum": ["red", "yellow", "blue", "green"]}},
                         {"name": "zone", "in": "query", "schema": {"type": "string"}}, {"name": "stage", "in": "query", "schema": {"type": "string"}}],
          "responses": {"200": {"description": "{year, asOf, points: [{id, code, name, unit, category, zone, stage, colour, totalInvestment, annualPlan, lng, lat}], outside: [id], unlocated: [id]}"},
                        "400": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.mapZone.path, #"""
        {
          "get": {"summary": "功能区图层 GeoJSON（无当年图层时取最近的往年图层）/ the year's zone map as GeoJSON",
            "parameters": [{"name": "year", "in": "path", "required": true, "schema": {"type": "integer"}}],
            "responses": {"200": {"description": "GeoJSON FeatureCollection; header X-Layer-Version"}, "404": {"$ref": "#/components/responses/Error"}}},
          "put": {"summary": "上传功能区图层（项目办；每个要素须有 properties.name，kind 为 boundary、zone 或 axis；无效时整份拒收并指明要素和字段）/ upload a zone map",
            "parameters": [{"name": "year", "in": "path", "required": true, "schema": {"type": "integer"}}],
            "requestBody": {"content": {"application/geo+json": {"schema": {"type": "object"}}, "application/json": {"schema": {"type": "object"}}}},
            "responses": {"200": {"description": "{year, version, features}"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.scoreAdjustments.path, #"""
        {
          "get": {"summary": "考核期的加减分 / a period's adjustments",
            "parameters": [{"name": "period", "in": "query", "required": true, "schema": {"type": "string"}, "description": "2023-Q2 or 2023"}],
            "responses": {"200": {"description": "[{id, period, unit, points, reason, createdBy, createdAt}]"}, "400": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "记录加减分（项目办；±20 分，须写理由；考核印发后不能再加）/ record an adjustment",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["period", "unit", "points", "reason"], "properties": {
              "period": {"type": "string"}, "unit": {"type": "string"}, "points": {"type": "number"}, "reason": {"type": "string"}}}}}},
            "responses": {"201": {"description": "The adjustment"}, "400": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.problemAttachments.path, #"""
        {"post": {"summary": "上传附件（PDF、图片、Word、Excel，≤ 10 MB）/ attach a file",
          "parameters": [{"name": "problem", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}}},
          "responses": {"201": {"description": "The problem with its attachments"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.problemAttachment.path, #"""
        {"get": {"summary": "下载附件 / download an attachment",
          "parameters": [{"name": "problem", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}, {"name": "attachment", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "responses": {"200": {"description": "The file, as an attachment"}, "404": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.service.path, #"""
        {"get": {"summary": "万人助万企数字：走访企业、走访次数、收集问题、解决问题、解决率，按单位 / enterprise service figures by unit",
          "parameters": [{"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
          "responses": {"200": {"description": "{from, to, units: [{unit, enterprises, visits, raised, solved, resolutionRate}], total}"}}}}
        """#),
        (Site.API.enterpriseVisits.path, #"""
        {
          "get": {"summary": "企业的走访记录 / an enterprise's visits",
            "parameters": [{"name": "enterprise", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "responses": {"200": {"description": "[{id, enterpriseID, enterprise, unit, visitedOn, visitors, discussed, problems}]"}}},
          "post": {"summary": "记录走访及企业反映的问题（责任单位只记本单位）/ log a visit and the problems raised",
            "parameters": [{"name": "enterprise", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["unit", "visitedOn", "visitors", "discussed"], "properties": {
              "unit": {"type": "string"}, "visitedOn": {"type": "string", "format": "date"}, "visitors": {"type": "string"}, "discussed": {"type": "string"},
              "problems": {"type": "array", "items": {"type": "object", "properties": {"category": {"type": "string"}, "title": {"type": "string"}, "description": {"type": "string"}}}}}}}}},
            "responses": {"201": {"description": "The visit"}, "404": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}}
        """#),
        (Site.API.openAPI.path, #"""
        {"get": {"summary": "本文档 / this document", "security": [], "responses": {"200": {"description": "OK"}}}}
        """#),
    ]
}

extension OpenAPIDocument {
    /// The document as served, built once: the head, the server's base path and the paths.
    static let json: String = render()

    static func render() -> String {
        guard var doc = object(head) else { return head }
        doc["servers"] = [["url": Site.API.root]]
        var paths: [String: Any] = [:]
        for (path, item) in pathItems {
            guard let key = path.openAPIPath, let operations = object(item) else { continue }
            paths[key] = withPathParameters(path, operations)
        }
        doc["paths"] = paths
        guard let data = try? JSONSerialization.data(withJSONObject: doc, options: [.sortedKeys, .withoutEscapingSlashes]) else { return head }
        return String(decoding: data, as: UTF8.self)
    }

    private static func object(_ text: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    /// The path item with each path parameter described once, at the path: as an operation
    /// describes it (taken up from the operations), else from its name: ids are UUIDs, `year`
    /// a year, `month` YYYY-MM, the rest text.
    private static func withPathParameters(_ path: SitePath, _ item: [String: Any]) -> [String: Any] {
        var item = item
        var atPath = item["parameters"] as? [[String: Any]] ?? []
        func isPath(_ p: [String: Any], _ name: String) -> Bool { p["in"] as? String == "path" && p["name"] as? String == name }
        for name in path.parameters where !atPath.contains(where: { isPath($0, name) }) {
            var described: [String: Any]?
            for (method, value) in item where method != "parameters" {
                guard var operation = value as? [String: Any], let params = operation["parameters"] as? [[String: Any]] else { continue }
                described = described ?? params.first { isPath($0, name) }
                let rest = params.filter { !isPath($0, name) }
                operation["parameters"] = rest.isEmpty ? nil : rest
                item[method] = operation
            }
            let schema: [String: Any] = switch name {
            case "year": ["type": "integer", "minimum": 2000, "maximum": 2100]
            case "month": ["type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"]
            case "kind", "username": ["type": "string"]
            default: ["type": "string", "format": "uuid"]
            }
            atPath.append(described ?? ["name": name, "in": "path", "required": true, "schema": schema])
        }
        item["parameters"] = atPath.isEmpty ? nil : atPath
        return item
    }
}
