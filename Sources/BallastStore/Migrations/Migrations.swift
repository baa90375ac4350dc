import Fluent

/// Every migration, in order. New ones are appended, never inserted: deployed databases
/// have run the earlier ones under these names.
public enum BallastMigrations {
    public static let all: [any Migration] = [
        CreateDistricts(),
        CreateReferenceEntries(),
        CreateProjects(),
        CreateYearPlans(),
        CreateStageChanges(),
        CreateAuditEntries(),
        IndexProjectsByCategory(),
        CreateUsers(),
        CreateSessions(),
        CreateAPITokens(),
        ProtectAuditEntries(),
        CreateProgress(),
        AddDistrictFrozenDate(),
        IndexCompletedReports(),
        CreatePhotosAndSupervision(),
        CreateEnterprises(),
        CreatePipeline(),
        CreateCampaignAndLeads(),
        IndexStageChangesByStage(),
        CreateProblems(),
        CreateMeetings(),
        CreateNotices(),
        CreateNotifications(),
        CreateVisits(),
        CreateDocuments(),
        CreateProblemAttachments(),
        CreateCadence(),
        IndexRankingFacts(),
        CreateMapLayers(),
        CreateStageSpans(),
        AddPlanEnteredOn(),
        AddWarningChangeReasons(),
        CreateNumberCounters(),
        CreateJobRuns(),
        CreateImportBatches(),
        AddUserListColumns(),
    ]
}
