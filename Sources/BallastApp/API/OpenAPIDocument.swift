/// The API's OpenAPI 3.1 description, served at /api/v1/openapi.json. Kept beside the
/// controllers and checked by a test against the routes actually registered.
enum OpenAPIDocument {
    static let json = #"""
    {
      "openapi": "3.1.0",
      "info": {"title": "Ballast API", "version": "1.0.0",
               "description": "重大项目台账、年度汇总、台账导入导出。金额单位：万元。Money in 万元 (10 000 yuan)."},
      "servers": [{"url": "/api/v1"}],
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
          "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "object",
            "required": ["code", "message"], "properties": {"code": {"type": "string"}, "message": {"type": "string"},
            "field": {"type": "string"}, "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}}}}}},
          "Issue": {"type": "object", "properties": {"row": {"type": "integer"}, "column": {"type": "string"}, "message": {"type": "string"}}},
          "Project": {"type": "object", "required": ["code", "name", "category", "unit", "stage", "totalInvestment"],
            "properties": {"id": {"type": "string", "format": "uuid"}, "version": {"type": "integer"}, "year": {"type": "integer"},
              "code": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"}, "level": {"type": "string"},
              "nature": {"type": "string", "enum": ["新开工", "续建", "前期"]}, "zone": {"type": "string"}, "unit": {"type": "string"},
              "leader": {"type": "string"}, "taskForce": {"type": "string"},
              "stage": {"type": "string", "enum": ["谋划", "招引", "签约", "落地", "在建", "竣工", "投产", "达效", "退出"]},
              "totalInvestment": {"type": "number"}, "annualPlan": {"type": "number"}, "plannedStart": {"type": "string", "format": "date"},
              "plannedEnd": {"type": "string", "format": "date"}, "investor": {"type": "string"}, "creditCode": {"type": "string"},
              "longitude": {"type": "number"}, "latitude": {"type": "number"}, "content": {"type": "string"}}},
          "ProjectPage": {"type": "object", "properties": {"items": {"type": "array", "items": {"$ref": "#/components/schemas/Project"}},
            "total": {"type": "integer"}, "page": {"type": "integer"}, "perPage": {"type": "integer"}}},
          "Group": {"type": "object", "properties": {"name": {"type": "string"}, "projects": {"type": "integer"},
            "totalInvestment": {"type": "number"}, "annualPlan": {"type": "number"}, "completed": {"type": "number"}}},
          "Summary": {"type": "object", "properties": {"year": {"type": "integer"}, "asOf": {"type": "string", "format": "date"},
            "projects": {"type": "integer"}, "totalInvestment": {"type": "number"}, "annualPlan": {"type": "number"},
            "completed": {"type": "number"},
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
            "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}}}}
        },
        "responses": {"Error": {"description": "错误；401 未登录或令牌无效、过期、吊销，403 角色无权 / error; 401 not signed in or token invalid, expired, revoked; 403 role not allowed",
                                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
      },
      "paths": {
        "/projects": {
          "get": {"summary": "项目列表 / list projects", "parameters": [{"$ref": "#/components/parameters/district"},
              {"$ref": "#/components/parameters/year"}, {"name": "category", "in": "query", "schema": {"type": "string"}},
              {"name": "level", "in": "query", "schema": {"type": "string"}}, {"name": "zone", "in": "query", "schema": {"type": "string"}},
              {"name": "unit", "in": "query", "schema": {"type": "string"}}, {"name": "stage", "in": "query", "schema": {"type": "string"}},
              {"name": "q", "in": "query", "schema": {"type": "string"}},
              {"name": "sort", "in": "query", "schema": {"type": "string"}, "description": "code|name|totalInvestment|annualPlan|stage|unit, '-' prefix for descending"},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}},
              {"name": "perPage", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}}],
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ProjectPage"}}}},
                          "400": {"$ref": "#/components/responses/Error"}}},
          "post": {"summary": "新建项目 / create a project", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Project"}}}},
            "responses": {"201": {"description": "Created"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}}
        },
        "/projects/{id}": {
          "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "get": {"summary": "项目详情 / project detail", "responses": {"200": {"description": "OK"}, "404": {"$ref": "#/components/responses/Error"}}},
          "put": {"summary": "修改项目（需 version）/ update, with the version read", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Project"}}}},
            "responses": {"200": {"description": "OK"}, "409": {"$ref": "#/components/responses/Error"}, "422": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "删除项目 / delete", "parameters": [{"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
            "responses": {"204": {"description": "Deleted"}, "409": {"$ref": "#/components/responses/Error"}}}
        },
        "/summary": {
          "get": {"summary": "年度汇总 / year summary", "parameters": [{"$ref": "#/components/parameters/district"},
              {"name": "year", "in": "query", "required": true, "schema": {"type": "integer"}},
              {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}}],
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Summary"}}}},
                          "400": {"$ref": "#/components/responses/Error"}}}
        },
        "/ledger/import": {
          "post": {"summary": "导入台账 / import a ledger (.xlsx or .csv, multipart field 'file' or raw body with ?filename=)",
            "parameters": [{"name": "year", "in": "query", "required": true, "schema": {"type": "integer"}},
              {"name": "strict", "in": "query", "schema": {"type": "boolean"}}, {"name": "filename", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "Imported", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
                          "422": {"description": "Refused; nothing stored", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ImportReport"}}}},
                          "413": {"$ref": "#/components/responses/Error"}}}
        },
        "/ledger/export": {
          "get": {"summary": "导出台账 / export a ledger", "parameters": [{"name": "year", "in": "query", "required": true, "schema": {"type": "integer"}},
              {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["xlsx", "csv"]}}],
            "responses": {"200": {"description": "The file"}}}
        },
        "/lists/{kind}": {
          "parameters": [{"name": "kind", "in": "path", "required": true,
            "schema": {"type": "string", "enum": ["unit", "leader", "task-force", "category", "level", "zone", "chain"]}}],
          "get": {"summary": "名录 / a district list", "parameters": [{"$ref": "#/components/parameters/year"}],
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/ListEntry"}}}}}}},
          "post": {"summary": "新增条目 / add an entry", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ListEntry"}}}},
            "responses": {"201": {"description": "Created"}, "409": {"$ref": "#/components/responses/Error"}}}
        },
        "/lists/{kind}/{id}": {
          "parameters": [{"name": "kind", "in": "path", "required": true, "schema": {"type": "string"}},
                         {"name": "id", "in": "path", "required": true, "schema": {"type": "string", "format": "uuid"}}],
          "put": {"summary": "改名（需 version）/ rename, with the version read", "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ListEntry"}}}},
            "responses": {"204": {"description": "Saved"}, "409": {"$ref": "#/components/responses/Error"}}},
          "delete": {"summary": "删除未使用的条目 / delete an unused entry", "parameters": [{"name": "version", "in": "query", "required": true, "schema": {"type": "integer"}}],
            "responses": {"204": {"description": "Deleted"}, "409": {"$ref": "#/components/responses/Error"}}}
        },
        "/me": {"get": {"summary": "当前调用者 / who is calling: user or token, roles, permissions, scope",
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "properties": {
              "username": {"type": "string"}, "displayName": {"type": "string"}, "district": {"type": "string"},
              "roles": {"type": "array", "items": {"type": "string"}}, "unit": {"type": "string"},
              "permissions": {"type": "array", "items": {"type": "string"}}, "scope": {"type": "string", "enum": ["district", "unit"]}}}}}},
              "401": {"$ref": "#/components/responses/Error"}}}},
        "/audit": {"get": {"summary": "操作日志检索（项目办、系统管理员）/ search the audit trail (office, admin)",
            "parameters": [{"name": "entity", "in": "query", "schema": {"type": "string"}}, {"name": "entityId", "in": "query", "schema": {"type": "string", "format": "uuid"}},
              {"name": "actor", "in": "query", "schema": {"type": "string"}}, {"name": "action", "in": "query", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}}, {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}},
              {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 1}}, {"name": "perPage", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
            "responses": {"200": {"description": "items (newest first), total, page, perPage"}, "400": {"$ref": "#/components/responses/Error"},
                          "403": {"$ref": "#/components/responses/Error"}}}},
        "/rollup": {"get": {"summary": "各地区汇总（上级汇总角色）/ every district's totals (regional role)",
            "parameters": [{"$ref": "#/components/parameters/year"}],
            "responses": {"200": {"description": "year, districts: [{district, name, projects, totalInvestment, annualPlan}]"},
                          "403": {"$ref": "#/components/responses/Error"}}}},
        "/warnings": {"get": {"summary": "四色预警，最严重在前 / warning colours, worst first",
            "parameters": [{"$ref": "#/components/parameters/year"}, {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}},
              {"name": "colour", "in": "query", "schema": {"type": "string"}, "description": "red,yellow,blue,green (comma-separated)"}],
            "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object",
              "properties": {"code": {"type": "string"}, "name": {"type": "string"}, "colour": {"type": "string", "enum": ["red", "yellow", "blue", "green"]},
                "reasons": {"type": "array", "items": {"type": "string"}}, "lag": {"type": "number"}, "since": {"type": "string", "format": "date"}}}}}}},
              "400": {"$ref": "#/components/responses/Error"}}}},
        "/progress/import": {"post": {"summary": "导入月度进度（项目编号、月份、本月完成投资（万元）、形象进度）/ import monthly progress",
            "parameters": [{"name": "filename", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": {"description": "Imported: applied, rows, created, adjusted, unchanged"},
                          "422": {"description": "Refused; nothing stored; issues name row and column"}}}},
        "/openapi.json": {"get": {"summary": "本文档 / this document", "security": [], "responses": {"200": {"description": "OK"}}}}
      }
    }
    """#
}
