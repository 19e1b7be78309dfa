using Platform.Abstractions.Modules;

[assembly: Module(
    "Aomori.SupportMeetings",
    Name = "地域支え合い会議",
    Description = "地区社会福祉協議会が主催し、地域支え合い推進員が支える地区の会議（年3〜4回、事案がなくても定期的に開催）。",
    Category = "地区の会議",
    Version = "0.1.0",
    Scope = ModuleScope.District,
    Startup = typeof(Aomori.SupportMeetings.Startup),
    Settings = typeof(Aomori.SupportMeetings.SupportMeetings.SupportMeetingSettings)
)]
